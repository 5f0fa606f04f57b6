import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelInput } from '../../src/model/modelInput.ts';
import type { Parameters } from '../../src/model/parameterSpecification.ts';
import { replicationSeed } from '../../src/model/randomStreams.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { createReporterCollector } from '../../src/outcomes/collectReporters.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';
import { pairedDifference } from '../../src/statistics/pairedDifference.ts';

/**
 * Issue 9: zones can create investment, and only through the mechanisms meant to do it.
 * scenarios/henan.yaml against scenarios/henan-no-zones.yaml (the same province without zones), with
 * every spillover (R7) and the circular economy (R8) off:
 * - with the national mobile pool's and the expansion premium's elasticities at 0, province capital,
 *   investment flows, output, jobs and firm counts are identical, replication by replication and
 *   year by year, to the last bit (province totals are summed by industry, independently of where
 *   firms are);
 * - with the files' elasticities (above 0), the zones raise province investment and output: a positive
 *   paired difference in every replication, with a t statistic far above any critical value.
 * At commit 4c7d987 (no investment sources) the second half failed: the difference was exactly 0.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const replications = 6;
const years = 6;
const outcomes = ['investment', 'firmInvestmentFlow', 'output', 'employment', 'firms'] as const;

type Adjust = (p: Parameters) => void;

async function inputOf(file: string, adjust: Adjust): Promise<ModelInput> {
  const loaded = await loadScenarioFile(path.join(root, 'scenarios', file));
  const parameters = structuredClone(loaded.modelInput.parameters);
  parameters.time.years = years;
  parameters.innovation.enabled = false;
  parameters.circular.enabled = false;
  adjust(parameters);
  return { ...loaded.modelInput, parameters };
}

/** Province outcomes at every yearly recording of one replication, by name. */
function provinceSeries(input: ModelInput, seed: number): Map<string, number[]> {
  const collect = createReporterCollector({ names: [...outcomes], zones: false, industries: false });
  const series = new Map<string, number[]>(outcomes.map((name) => [name, []]));
  simulateModel(input, seed, (state) => {
    const recorded = collect(state);
    for (const name of outcomes) {
      const value = recorded.values.find((v) => v.metric === name);
      series.get(name)!.push(value === undefined ? Number.NaN : value.value);
    }
  });
  return series;
}

describe('zones create investment only through the investment sources (henan.yaml vs henan-no-zones.yaml)', () => {
  it('with both elasticities at 0 the province totals are identical to the last bit', async () => {
    const atZero: Adjust = (p) => {
      p.investment.mobile.elasticity = 0;
      p.investment.expansion.elasticity = 0;
    };
    const zones = await inputOf('henan.yaml', atZero);
    const noZones = await inputOf('henan-no-zones.yaml', atZero);
    expect(zones.parameters.investment.mobile.enabled && zones.parameters.investment.expansion.enabled).toBe(true);
    for (let r = 0; r < 3; r++) {
      const seed = replicationSeed(2009, r);
      const a = provinceSeries(zones, seed);
      const b = provinceSeries(noZones, seed);
      for (const name of outcomes) {
        expect(a.get(name)!.length).toBe(years + 1);
        expect(a.get(name), `${name}, replication ${r}`).toEqual(b.get(name));
      }
    }
  });

  it('with the elasticities above 0 zones raise province investment and output', async () => {
    const asFiled: Adjust = () => {};
    const zones = await inputOf('henan.yaml', asFiled);
    const noZones = await inputOf('henan-no-zones.yaml', asFiled);
    expect(zones.parameters.investment.mobile.elasticity).toBeGreaterThan(0);
    expect(zones.parameters.investment.expansion.elasticity).toBeGreaterThan(0);
    // End of the run (state at the end of year `years`): capital stock and output; and the
    // investment flow over the last year.
    const last = years;
    const differences = new Map<string, number[]>(outcomes.map((name) => [name, []]));
    for (let r = 0; r < replications; r++) {
      const seed = replicationSeed(2009, r);
      const a = provinceSeries(zones, seed);
      const b = provinceSeries(noZones, seed);
      for (const name of outcomes) differences.get(name)!.push(a.get(name)![last] - b.get(name)![last]);
    }
    for (const name of ['investment', 'firmInvestmentFlow', 'output'] as const) {
      const d = differences.get(name)!;
      // Every replication gains, and the mean gain is far from 0: one-sided t > 4.03, the 99.5 %
      // quantile of Student's t with 5 degrees of freedom (R: qt(0.995, 5) = 4.032).
      for (const value of d) expect(value, name).toBeGreaterThan(0);
      const paired = pairedDifference(d, d.map(() => 0));
      expect(paired.tStatistic, name).toBeGreaterThan(4.032);
    }
  });
});
