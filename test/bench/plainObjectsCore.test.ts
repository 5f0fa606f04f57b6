/**
 * The plain-objects peer (bench/plainObjectsCore.ts) is zonesim's core: the benchmark's ratio
 * zonesim / peer is only meaningful if both run the same model. Two checks:
 * - draw for draw: the peer uses the model's random streams in the model's order and the same
 *   arithmetic, so on the same seed its outcomes are identical (entries, exits, firms, firms per zone);
 * - in distribution, independently of the arithmetic: over 20 seeds each, on disjoint seeds, the mean
 *   entries, exits, final firms, zone share and zone Herfindahl of zonesim and of the peer (with either
 *   weight refresh, factorised or per-cell) agree within sampling error
 *   (Welch's t, |t| below the two-sided 0.1 % critical value), while a peer with one mechanism changed
 *   (no agglomeration) is told apart by the same test — so the test can fail.
 */
import { describe, expect, it } from 'vitest';
import {
  assertPeerSupports,
  coreParameters,
  modelCoreOutcomes,
  peerOutcomes,
  simulatePeer,
  type CoreOutcomes,
} from '../../bench/plainObjectsCore.ts';
import type { ModelInput } from '../../src/model/modelInput.ts';
import { replicationSeed } from '../../src/model/randomStreams.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { studentTQuantile } from '../../src/statistics/studentTQuantile.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';

async function coreInput(file: string, years?: number): Promise<ModelInput> {
  const { modelInput } = await loadScenarioFile(file);
  const parameters = coreParameters(modelInput.parameters);
  if (years !== undefined) parameters.time.years = years;
  return { ...modelInput, parameters };
}

/** Σ s_z² over zones of the zones' shares of zone firms (0 when no zone has a firm). */
function zoneHerfindahl(o: CoreOutcomes): number {
  const total = o.firmsPerZone.reduce((a, b) => a + b, 0);
  return total === 0 ? 0 : o.firmsPerZone.reduce((h, n) => h + (n / total) ** 2, 0);
}

const MEASURES: Record<string, (o: CoreOutcomes) => number> = {
  entries: (o) => o.entries,
  exits: (o) => o.exits,
  firms: (o) => o.firms,
  zoneShare: (o) => o.zoneShare,
  zoneHerfindahl,
};

/** Welch's t statistic and its Welch–Satterthwaite degrees of freedom. */
function welch(a: readonly number[], b: readonly number[]): { t: number; df: number } {
  const mean = (x: readonly number[]): number => x.reduce((s, v) => s + v, 0) / x.length;
  const variance = (x: readonly number[]): number => {
    const m = mean(x);
    return x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1);
  };
  const va = variance(a) / a.length;
  const vb = variance(b) / b.length;
  const t = (mean(a) - mean(b)) / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return { t, df };
}

describe('plain-objects peer', () => {
  it('refuses settings it does not implement', async () => {
    const { modelInput } = await loadScenarioFile('scenarios/henan.yaml');
    expect(() => assertPeerSupports(modelInput)).toThrow(/land\.enabled is true/);
    const parameters = coreParameters(modelInput.parameters);
    expect(() => assertPeerSupports({ ...modelInput, parameters })).not.toThrow();
    parameters.choice.sampler = 'scan';
    expect(() => assertPeerSupports({ ...modelInput, parameters })).toThrow(/choice\.sampler is scan/);
  });

  it('reproduces zonesim’s core draw for draw (teaching size, full horizon; Henan size, 4 years)', async () => {
    for (const input of [await coreInput('scenarios/baseline.yaml'), await coreInput('scenarios/henan.yaml', 4)]) {
      for (const r of [0, 1, 2]) {
        const seed = replicationSeed(2009, r);
        const model = modelCoreOutcomes(simulateModel(input, seed));
        const peer = peerOutcomes(simulatePeer(input, seed));
        expect(peer).toEqual(model);
        expect(model.entries).toBeGreaterThan(0);
        expect(model.exits).toBeGreaterThan(0);
      }
    }
  });

  it('agrees with zonesim’s core in distribution on disjoint seeds, and tells a changed mechanism apart', async () => {
    const input = await coreInput('scenarios/baseline.yaml');
    const noAgglomeration = structuredClone(input.parameters);
    noAgglomeration.choice.agglomeration.coefficient = 0;
    const seeds = 20;
    const model = Array.from({ length: seeds }, (_, r) => modelCoreOutcomes(simulateModel(input, replicationSeed(2009, r))));
    const peer = Array.from({ length: seeds }, (_, r) => peerOutcomes(simulatePeer(input, replicationSeed(2009, 100 + r))));
    const perCell = Array.from({ length: seeds }, (_, r) => peerOutcomes(simulatePeer(input, replicationSeed(2009, 200 + r), 'per-cell')));
    const changed = Array.from({ length: seeds }, (_, r) =>
      peerOutcomes(simulatePeer({ ...input, parameters: noAgglomeration }, replicationSeed(2009, 100 + r))),
    );
    let largestChangedT = 0;
    for (const [name, measure] of Object.entries(MEASURES)) {
      for (const [variant, outcomes] of [['factorised', peer], ['per-cell', perCell]] as const) {
        const same = welch(model.map(measure), outcomes.map(measure));
        // Two-sided 0.1 % critical value of Student's t at the Welch df (≈ 3.57 at df 38).
        const critical = studentTQuantile(1 - 0.0005, same.df);
        expect(Math.abs(same.t), `${variant} ${name}: t = ${same.t.toFixed(2)}, critical ${critical.toFixed(2)}`).toBeLessThan(critical);
      }
      const different = welch(model.map(measure), changed.map(measure));
      largestChangedT = Math.max(largestChangedT, Math.abs(different.t) / studentTQuantile(1 - 0.0005, different.df));
    }
    // Without agglomeration the zones' firm distribution and share change: at least one measure exceeds its critical value.
    expect(largestChangedT).toBeGreaterThan(1);
  });
});
