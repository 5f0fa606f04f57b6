/**
 * The experiment machinery's analysis step on cheap synthetic "models" with known answers (the
 * methods themselves are verified in test/analysis): Sobol' indices of the Ishigami function through
 * an experiment's Saltelli design; Morris μ* of a linear function through the whole pipeline (store,
 * replications averaged, sensitivity.csv); PRIM recovering a planted box in factor units; the
 * tornado's swings.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ishigamiAnalyticIndices, ishigamiFunction } from '../../src/analysis/index.ts';
import { analyseExperiment, mainEffectSwings, pointMeansOf } from '../../src/experiment/analyseExperiment.ts';
import { loadExperimentFile } from '../../src/experiment/loadExperimentFile.ts';
import { runExperimentFile } from '../../src/experiment/runExperimentFile.ts';
import { removeScratchDirs, scratchDir, testProvenance, writeExperiment } from './experimentHelpers.ts';

afterAll(removeScratchDirs);

/** An experiment on three utility coefficients (range [−100, 100]) with the given distributions and design. */
function syntheticText(distributions: [string, string, string], design: string[], extra: string[] = []): string {
  return [
    'name: synthetic',
    'description: A synthetic function on three factors.',
    'scenario: base.yaml',
    'levers:',
    '  choice.relatedness.coefficient:',
    `    ${distributions[0]}`,
    '  choice.agglomeration.coefficient:',
    `    ${distributions[1]}`,
    'uncertainties:',
    '  choice.landPrice.coefficient:',
    `    ${distributions[2]}`,
    'outcomes: [output]',
    ...design,
    ...extra,
    '',
  ].join('\n');
}

const PI = 'uniform: { min: -3.141592653589793, max: 3.141592653589793 }';

describe('analysis wiring', () => {
  it('Sobol’ indices of the Ishigami function through an experiment’s design match the analytic values', async () => {
    const { plan } = await loadExperimentFile(writeExperiment(syntheticText([PI, PI, PI], ['design:', '  type: sobol', '  baseSamples: 4096'])));
    const values = plan.design.values.map(([a, b, c]) => [ishigamiFunction(a as number, b as number, c as number)]);
    const analysis = analyseExperiment(plan, values);
    const sobol = analysis.outcomes[0].sobol!;
    const exact = ishigamiAnalyticIndices();
    sobol.forEach((row, i) => {
      expect(row.factor).toBe(plan.definition.factors[i].name);
      expect(Math.abs(row.firstOrder - exact.firstOrder[i])).toBeLessThan(0.04);
      expect(Math.abs(row.total - exact.total[i])).toBeLessThan(0.04);
      expect(row.firstOrderLower - 0.02).toBeLessThanOrEqual(exact.firstOrder[i]);
      expect(row.firstOrderUpper + 0.02).toBeGreaterThanOrEqual(exact.firstOrder[i]);
      expect(row.totalLower - 0.02).toBeLessThanOrEqual(exact.total[i]);
      expect(row.totalUpper + 0.02).toBeGreaterThanOrEqual(exact.total[i]);
    });
    expect(analysis.outcomes[0].morris).toBeNull();
    expect(analysis.outcomes[0].sobolVariance).toBeCloseTo(exact.variance, 0);
  });

  it('Morris μ* of y = 2 x1 − 5 x2 + x3² through the pipeline: per full range, replications averaged, in sensitivity.csv', async () => {
    const file = writeExperiment(
      syntheticText(['uniform: { min: 0, max: 3 }', 'uniform: { min: 0, max: 0.8 }', 'uniform: { min: -1, max: 1 }'], ['design:', '  type: morris', '  trajectories: 10'], ['replicationsPerPoint: 2']),
    );
    const experiment = await loadExperimentFile(file);
    const outDir = path.join(scratchDir(), 'morris');
    // Replication noise of ±1 that cancels in each point's mean.
    const summary = await runExperimentFile({
      experiment,
      outDir,
      provenance: testProvenance,
      renderReport: false,
      evaluator: ([a, b, c], task) => [2 * (a as number) - 5 * (b as number) + (c as number) ** 2 + (task.replication === 0 ? 1 : -1)],
    });
    // Morris trajectories on a 4-level grid revisit points: a task with the same parameters,
    // replication and seed as another is run once (40 points × 2 replications = 80 rows below).
    const distinctPoints = new Set(experiment.plan.design.values.map((v) => JSON.stringify(v))).size;
    expect(distinctPoints).toBeLessThan(40);
    expect(summary).toMatchObject({ tasksRun: 2 * distinctPoints, tasksInRun: 2 * distinctPoints });
    const rows = readFileSync(path.join(outDir, 'sensitivity.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    const morris = (factor: string, index: string): number => Number(rows.find((r) => r[0] === 'morris' && r[2] === factor && r[3] === index)![4]);
    expect(morris('choice.relatedness.coefficient', 'mu_star')).toBeCloseTo(6, 9); // 2 × range 3
    expect(morris('choice.relatedness.coefficient', 'mu')).toBeCloseTo(6, 9);
    expect(morris('choice.relatedness.coefficient', 'sigma')).toBeCloseTo(0, 9);
    expect(morris('choice.agglomeration.coefficient', 'mu_star')).toBeCloseTo(4, 9); // 5 × range 0.8
    expect(morris('choice.agglomeration.coefficient', 'mu')).toBeCloseTo(-4, 9);
    expect(morris('choice.landPrice.coefficient', 'sigma')).toBeGreaterThan(0); // x3² is not linear
    const experimentCsv = readFileSync(path.join(outDir, 'experiment.csv'), 'utf8').trim().split('\n');
    expect(experimentCsv[0]).toBe('point,replication,seed,choice.relatedness.coefficient,choice.agglomeration.coefficient,choice.landPrice.coefficient,output');
    expect(experimentCsv).toHaveLength(81);
    const points = readFileSync(path.join(outDir, 'points.csv'), 'utf8').trim().split('\n');
    expect(points).toHaveLength(41);
  });

  it('PRIM recovers a planted box, in factor units and names', async () => {
    const { plan } = await loadExperimentFile(
      writeExperiment(
        syntheticText(['uniform: { min: 0, max: 3 }', 'uniform: { min: 0, max: 0.8 }', 'uniform: { min: -1, max: 1 }'], ['design: latin-hypercube', 'samples: 600'], [
          'scenarioDiscovery:',
          '  outcome: output',
          '  threshold: 0.5',
          '  direction: above',
        ]),
      ),
    );
    const values = plan.design.values.map(([a, b]) => [(a as number) > 2 && (b as number) < 0.4 ? 1 : 0]);
    const prim = analyseExperiment(plan, values).prim!;
    expect(prim.note).toBeNull();
    expect(prim.caseCount).toBeGreaterThan(80);
    const box = prim.chosenBox!;
    expect(box.coverage).toBeGreaterThan(0.8);
    expect(box.density).toBeGreaterThan(0.9);
    const restriction = (factor: string) => box.restrictions.find((r) => r.factor === factor);
    expect(restriction('choice.relatedness.coefficient')!.lower).toBeGreaterThan(1.9);
    expect(restriction('choice.relatedness.coefficient')!.lower).toBeLessThan(2.1);
    expect(restriction('choice.agglomeration.coefficient')!.upper).toBeGreaterThan(0.35);
    expect(restriction('choice.agglomeration.coefficient')!.upper).toBeLessThan(0.45);
    expect(prim.baseDensity).toBeCloseTo(prim.caseCount / 600, 12);
  });

  it('PRIM is skipped with a note when no point (or every point) is a case', async () => {
    const { plan } = await loadExperimentFile(
      writeExperiment(syntheticText([PI, PI, PI], ['design: monte-carlo', 'samples: 20'], ['scenarioDiscovery:', '  outcome: output', '  threshold: 5', '  direction: above'])),
    );
    const none = analyseExperiment(plan, plan.design.values.map(() => [0])).prim!;
    expect(none.note).toContain('no point is a case of interest');
    expect(none.chosenBox).toBeNull();
    const all = analyseExperiment(plan, plan.design.values.map(() => [9])).prim!;
    expect(all.note).toContain('every point is a case of interest');
  });

  it('tornado swings: sign and size of each factor’s main effect, largest first; undefined points left out', async () => {
    const { plan } = await loadExperimentFile(
      writeExperiment(syntheticText(['uniform: { min: 0, max: 3 }', 'uniform: { min: 0, max: 0.8 }', 'uniform: { min: -1, max: 1 }'], ['design: latin-hypercube', 'samples: 500'])),
    );
    const y = Float64Array.from(plan.design.values, ([a, b]) => 2 * (a as number) - 5 * (b as number));
    const swings = mainEffectSwings(plan.design.mapped.numericValues, y, plan.design.mapped.factorNames);
    expect(swings.map((s) => s.factor)).toEqual(['choice.relatedness.coefficient', 'choice.agglomeration.coefficient', 'choice.landPrice.coefficient']);
    // Low and high fifths of [0, 3] are centred on 0.3 and 2.7: a swing of 2 × 2.4 (± the other factor's noise).
    expect(Math.abs(swings[0].swing - 2 * 3 * 0.8)).toBeLessThan(0.25);
    expect(Math.abs(swings[1].swing + 5 * 0.8 * 0.8)).toBeLessThan(0.25);
    expect(Math.abs(swings[2].swing)).toBeLessThan(0.5);
    expect(swings[0].lowCount).toBe(100);
    for (let p = 0; p < 250; p++) y[p] = Number.NaN;
    const half = mainEffectSwings(plan.design.mapped.numericValues, y, plan.design.mapped.factorNames);
    expect(half[0].lowCount).toBe(50);
    expect(half[0].highCount).toBe(50);
  });

  it('point means average the defined replications in order, NaN when none is defined', () => {
    const { means, counts } = pointMeansOf([[1, Number.NaN], [3, Number.NaN], [5, 2], [Number.NaN, Number.NaN]], 2, 2, 2);
    expect(Array.from(means[0])).toEqual([2, 5]);
    expect(Array.from(counts[0])).toEqual([2, 1]);
    expect(Number.isNaN(means[1][0])).toBe(true);
    expect(means[1][1]).toBe(2);
  });
});
