import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { defaultParameters, type Parameters } from '../../src/model/parameterSpecification.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { createReporterCollector } from '../../src/outcomes/collectReporters.ts';

/**
 * Parameters of commit 4c7d987, before issue 9 (new investment sources, size variables, industrial-
 * base placement, zone data files, the relatedness switch, Henan's defaults). Test support for the
 * golden tests that pin today's model to that commit's results.
 */

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) mergeInto(target[key] as Record<string, unknown>, value as Record<string, unknown>);
    else target[key] = Array.isArray(value) ? [...value] : value;
  }
}

/**
 * Today's parameters holding `stored` (a complete parameter object of commit 4c7d987), with every leaf
 * added since at the setting that reproduces that commit: the scan sampler (one uniform per decision),
 * Box–Muller normals,
 * plain logit without size variables, uniform
 * initial placement, no zone file, relatedness on, no national mobile pool, no expansion premium.
 */
export function withLegacySettings(stored: unknown): Parameters {
  const p = defaultParameters();
  mergeInto(p as unknown as Record<string, unknown>, stored as Record<string, unknown>);
  p.choice.sizeVariable = 'none';
  p.choice.sampler = 'scan';
  p.firms.normalSampler = 'box-muller';
  p.numerics.exponential = 'fdlibm';
  p.choice.relatedness.enabled = true;
  p.firms.initialPlacement = 'uniform';
  p.zones.dataFile = null;
  p.investment.mobile.enabled = false;
  p.investment.expansion.enabled = false;
  return p;
}

/**
 * The defaults of commit 4c7d987 (test/fixtures/model/defaults-4c7d987.json, written by that commit's
 * `defaultParameters()`), with the legacy settings of the newer leaves.
 */
export function legacyDefaults(): Parameters {
  const stored = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'model', 'defaults-4c7d987.json'), 'utf8')) as unknown;
  return withLegacySettings(stored);
}

/** What a legacy fixture stores of one run: SHA-256 per reporter, and the province values. */
export interface LegacyRun {
  readonly hashes: Record<string, string>;
  readonly province: Record<string, number[]>;
}

/**
 * Reporters whose computation changed only in the order of floating-point additions in issue 9:
 * province output, jobs and capital are summed by industry independently of location (so that two
 * scenarios with the same firms give identical totals whatever their zones), and the two reporters
 * derived from output. They must agree with the legacy values to 1e-12 relative.
 */
export const RESUMMED_REPORTERS: ReadonlySet<string> = new Set(['output', 'employment', 'investment', 'outputGrowth', 'pollutionPerOutput']);

/** Record a run as a {@link LegacyRun}: per reporter, the lines "step,zone,industry,value". */
export function recordLegacyRun(parameters: Parameters, seed: number, names?: readonly string[]): LegacyRun & { readonly values: Map<string, number[]> } {
  const collect = createReporterCollector(names ? { names } : {});
  const lines = new Map<string, string[]>();
  const values = new Map<string, number[]>();
  simulateModel({ parameters, relatedness: null }, seed, (state) => {
    const r = collect(state);
    for (const v of r.values) {
      if (!lines.has(v.metric)) lines.set(v.metric, []);
      lines.get(v.metric)!.push(`${r.step},${v.zone ?? ''},${v.industry ?? ''},${v.value}`);
      if (v.zone === null && v.industry === null) {
        if (!values.has(v.metric)) values.set(v.metric, []);
        values.get(v.metric)!.push(v.value);
      }
    }
  });
  const hashes: Record<string, string> = {};
  const province: Record<string, number[]> = {};
  for (const [m, l] of lines) hashes[m] = createHash('sha256').update(l.join('\n')).digest('hex');
  for (const [m, v] of values) province[m] = v;
  return { hashes, province, values };
}

/**
 * Expect a run to reproduce a legacy run: byte for byte for every reporter the fixture has, except
 * the re-summed province totals, which must agree to 1e-12 relative.
 */
export function expectLegacyRun(expected: LegacyRun, parameters: Parameters, seed: number, names?: readonly string[]): void {
  const now = recordLegacyRun(parameters, seed, names);
  for (const [metric, hash] of Object.entries(expected.hashes)) {
    if (RESUMMED_REPORTERS.has(metric)) {
      const before = expected.province[metric];
      const after = now.values.get(metric)!;
      expect(after.length, metric).toBe(before.length);
      for (let i = 0; i < before.length; i++) {
        expect(Math.abs(after[i] - before[i]), `${metric}[${i}]`).toBeLessThanOrEqual(1e-12 * Math.abs(before[i]));
      }
    } else {
      expect(now.hashes[metric], metric).toBe(hash);
    }
  }
}
