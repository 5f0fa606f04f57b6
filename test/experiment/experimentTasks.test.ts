/**
 * From a design to tasks: point × replication ↔ task index, common random numbers (the seed depends
 * on the replication only), one parameter set per point identified by its content, the size and
 * structure of every design type, and one task's outcomes computed exactly as a comparison records
 * the same run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { withFactorValues } from '../../src/experiment/evaluateExperimentTask.ts';
import { designPointCount } from '../../src/experiment/experimentDefinition.ts';
import { generateExperimentDesign } from '../../src/experiment/experimentDesign.ts';
import { experimentRecording, experimentRun, experimentTask, taskIndex } from '../../src/experiment/experimentTasks.ts';
import { loadExperimentFile } from '../../src/experiment/loadExperimentFile.ts';
import { replicationSeed } from '../../src/model/randomStreams.ts';
import { applyParameterOverrides, modelInputHash } from '../../src/runner/parameterSets.ts';
import { comparisonRecording, DEFAULT_RECORD_OPTION } from '../../src/runner/recording.ts';
import { recordTask } from '../../src/runner/recordTask.ts';
import { experimentText, removeScratchDirs, validateText, writeExperiment } from './experimentHelpers.ts';

afterAll(removeScratchDirs);

describe('tasks', () => {
  it('task t is replication t mod R of point ⌊t/R⌋, with the seed of (seed, replication) at every point', () => {
    const R = 3;
    for (let t = 0; t < 30; t++) {
      const task = experimentTask(t, R, 2009);
      expect(task.point).toBe(Math.floor(t / R));
      expect(task.replication).toBe(t % R);
      expect(taskIndex(task.point, task.replication, R)).toBe(t);
      expect(task.seed).toBe(replicationSeed(2009, task.replication));
    }
    // Common random numbers: replication r of every point faces the same draws.
    expect(experimentTask(taskIndex(0, 1, R), R, 5).seed).toBe(experimentTask(taskIndex(7, 1, R), R, 5).seed);
    expect(experimentTask(taskIndex(0, 1, R), R, 5).seed).not.toBe(experimentTask(taskIndex(0, 2, R), R, 5).seed);
  });

  it('gives each design point one parameter set: the base scenario with the point’s factor values, identified by content', async () => {
    const { plan, baseInput } = await loadExperimentFile(writeExperiment(experimentText(['design:', '  type: full-factorial', '  levels: 2'])));
    const run = experimentRun(plan, baseInput, modelInputHash(baseInput));
    expect(run.models).toHaveLength(1);
    expect(run.parameterSets).toHaveLength(8);
    expect(run.parameterSets[5].overrides).toEqual([
      ['guarantees.leverageMultiple', 15],
      ['guarantees.feeRate', 0],
      ['choice.agglomeration.form', 'linear'],
    ]);
    expect(new Set(run.parameterSets.map((p) => p.hash)).size).toBe(8);
    // Tasks in task order: task t is replication t mod R of point ⌊t / R⌋.
    expect(run.tasks).toHaveLength(16);
    run.tasks.forEach((task, t) => expect(task).toEqual({ parameterSet: Math.floor(t / 2), replication: t % 2, seed: replicationSeed(11, t % 2), recording: 0 }));
    // The same file gives the same hashes; another base scenario other ones.
    expect(experimentRun(plan, baseInput, modelInputHash(baseInput)).parameterSets.map((p) => p.hash)).toEqual(run.parameterSets.map((p) => p.hash));
    const other = { ...baseInput, parameters: withFactorValues(baseInput.parameters, ['zones.count'], [6]) };
    expect(experimentRun(plan, other, modelInputHash(other)).parameterSets[0].hash).not.toBe(run.parameterSets[0].hash);
  });
});

describe('designs', () => {
  it('has the documented number of points for every type, and maps into the factors’ ranges', () => {
    const cases: [string[], number][] = [
      [['design:', '  type: full-factorial', '  levels: 3'], 3 * 3 * 2],
      [['design: monte-carlo', 'samples: 12'], 12],
      [['design: latin-hypercube', 'samples: 10'], 10],
      [['design:', '  type: morris', '  trajectories: 4'], 4 * (3 + 1)],
      [['design:', '  type: sobol', '  baseSamples: 8'], 8 * (3 + 2)],
    ];
    for (const [lines, points] of cases) {
      const definition = validateText(experimentText(lines));
      const design = generateExperimentDesign(definition);
      expect(design.pointCount).toBe(points);
      expect(designPointCount(definition)).toBe(points);
      expect(design.values).toHaveLength(points);
      for (const [leverage, fee, form] of design.values) {
        expect(leverage).toBeGreaterThanOrEqual(1);
        expect(leverage).toBeLessThanOrEqual(15);
        expect(fee).toBeGreaterThanOrEqual(0);
        expect(fee).toBeLessThanOrEqual(0.05);
        expect(['log', 'linear']).toContain(form);
      }
      // Deterministic: the same file gives the same points on every machine.
      expect(generateExperimentDesign(definition).values).toEqual(design.values);
    }
  });

  it('full factorial: every combination, the ends of each range, every value of a choice factor', () => {
    const design = generateExperimentDesign(validateText(experimentText(['design:', '  type: full-factorial', '  levels: 2'])));
    expect(design.values).toEqual([
      [1, 0, 'log'],
      [1, 0, 'linear'],
      [1, 0.05, 'log'],
      [1, 0.05, 'linear'],
      [15, 0, 'log'],
      [15, 0, 'linear'],
      [15, 0.05, 'log'],
      [15, 0.05, 'linear'],
    ]);
  });

  it('Latin hypercube: one point in each of the n strata of every factor', () => {
    const design = generateExperimentDesign(validateText(experimentText(['design: latin-hypercube', 'samples: 20'])));
    const unit = design.unit!;
    for (let j = 0; j < unit.factorCount; j++) {
      const strata = new Set<number>();
      for (let p = 0; p < unit.rowCount; p++) strata.add(Math.floor(unit.values[p * unit.factorCount + j] * 20));
      expect(strata.size).toBe(20);
    }
  });

  it('Sobol’: blocks A, B and A_B^(i), where A_B^(i) is A with column i from B', () => {
    const design = generateExperimentDesign(validateText(experimentText(['design:', '  type: sobol', '  baseSamples: 4'])));
    const N = 4;
    const k = 3;
    expect(design.saltelli).toEqual({ baseSampleCount: N, factorCount: k });
    const row = (r: number): number[] => Array.from(design.unit!.values.subarray(r * k, (r + 1) * k));
    for (let j = 0; j < N; j++) {
      for (let i = 0; i < k; i++) {
        const expected = row(j);
        expected[i] = row(N + j)[i];
        expect(row((2 + i) * N + j)).toEqual(expected);
      }
    }
  });

  it('Morris: consecutive points of a trajectory differ in one factor', () => {
    const design = generateExperimentDesign(validateText(experimentText(['design:', '  type: morris', '  trajectories: 3', '  levels: 4'])));
    const k = 3;
    expect(design.morris).toEqual({ trajectoryCount: 3, levelCount: 4, delta: 4 / 6 });
    for (let t = 0; t < 3; t++) {
      for (let s = 0; s < k; s++) {
        const a = design.unit!.values.subarray((t * (k + 1) + s) * k, (t * (k + 1) + s + 1) * k);
        const b = design.unit!.values.subarray((t * (k + 1) + s + 1) * k, (t * (k + 1) + s + 2) * k);
        expect(Array.from(a).filter((v, i) => v !== b[i])).toHaveLength(1);
      }
    }
  });
});

describe('an experiment task', () => {
  it('computes the outcomes exactly as a comparison records the same run (final value, mean over recordings)', async () => {
    const { plan, baseInput } = await loadExperimentFile(writeExperiment(experimentText()));
    const values = plan.design.values[3];
    const paths = plan.definition.factors.map((f) => f.name);
    const seed = replicationSeed(11, 1);
    const run = experimentRun(plan, baseInput, modelInputHash(baseInput));
    const result = recordTask(applyParameterOverrides(baseInput, run.parameterSets[3].overrides), seed, experimentRecording(plan)).outcomes;

    const recording = comparisonRecording(DEFAULT_RECORD_OPTION);
    const record = recordTask({ parameters: withFactorValues(baseInput.parameters, paths, values), relatedness: null }, seed, recording);
    const P = recording.province.length;
    const series = (name: string): number[] => Array.from(record.steps, (_, s) => record.province[s * P + recording.province.indexOf(name)]);
    expect(result[0]).toBe(series('guaranteeNetAssets').at(-1));
    const output = series('output');
    expect(result[1]).toBe(output.reduce((a, b) => a + b, 0) / output.length);
    expect(result[2]).toBe(series('zoneFirmShare').at(-1));
  });

  it('writes factor values into a copy of the parameters', async () => {
    const { baseInput } = await loadExperimentFile(writeExperiment(experimentText()));
    const changed = withFactorValues(baseInput.parameters, ['guarantees.leverageMultiple', 'choice.agglomeration.form'], [12, 'linear']);
    expect(changed.guarantees.leverageMultiple).toBe(12);
    expect(changed.choice.agglomeration.form).toBe('linear');
    expect(baseInput.parameters.guarantees.leverageMultiple).toBe(5);
    expect(() => withFactorValues(baseInput.parameters, ['guarantees.nope'], [1])).toThrow(/not a parameter/);
  });
});
