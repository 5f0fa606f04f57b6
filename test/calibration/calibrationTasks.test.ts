/**
 * A calibration's model runs as tasks of the one pipeline: the target statistics read back from task
 * records (recordTask, what the worker computes) equal the in-process evaluation bit for bit —
 * scenario, zone aggregate and contrast with the reference included; the run stops after the years
 * the targets need; a candidate breaking a scenario rule has no task; and the posterior's particles,
 * continued to the horizon with their own seeds, repeat their accepted simulations exactly.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { proposeAbcCandidates } from '../../src/calibration/abcSmcCandidates.ts';
import { createAbcSmcState } from '../../src/calibration/abcSmcState.ts';
import {
  calibrationRun,
  candidateResults,
  inMemoryTaskReader,
  particleUnits,
  replicationStatistics,
  type CalibrationRun,
} from '../../src/calibration/calibrationTasks.ts';
import { calibrateInProcess } from '../../src/calibration/calibrateInProcess.ts';
import { evaluateCalibrationCandidate } from '../../src/calibration/evaluateCalibrationCandidate.ts';
import { loadCalibrationFile } from '../../src/calibration/loadCalibrationFile.ts';
import { applyParameterOverrides } from '../../src/runner/parameterSets.ts';
import { recordTask } from '../../src/runner/recordTask.ts';
import type { RunTask } from '../../src/runner/runTasks.ts';
import { pipelinePlan, removeScratchDirs, writePipelineCalibration } from './calibrationHelpers.ts';

afterAll(removeScratchDirs);

/** Records of a run's tasks computed in this thread, as the task worker computes them. */
function inThread(run: CalibrationRun): (task: RunTask) => ReturnType<typeof recordTask> {
  return (task) => {
    const set = run.definition.parameterSets[task.parameterSet];
    return recordTask(applyParameterOverrides(run.definition.models[set.model].input, set.overrides), task.seed, run.definition.recordings[task.recording].recording);
  };
}

describe('calibration tasks', () => {
  it('give the in-process results bit for bit, and stop the runs after the years the targets need', async () => {
    const plan = await pipelinePlan();
    const state = createAbcSmcState(plan.parameters, { ...plan.settings, replications: 2 });
    const { candidates } = proposeAbcCandidates(state, 6);
    const run = calibrationRun(plan, candidates, plan.fit, plan.referenceFit);
    // Two runs (scenario, reference) per replication, 2 replications, 6 candidates.
    expect(run.definition.tasks).toHaveLength(24);
    // The scenario's targets read up to the end of 2011 (the held-out row: 3 years of the 4-year
    // scenario); the reference runs only for the contrast, to the end of 2010 (2 years).
    expect(plan.fit.years).toBe(3);
    expect(plan.referenceFit?.years).toBe(2);
    for (const set of run.definition.parameterSets) expect(set.overrides.at(-1)).toEqual(['time.years', set.model === 0 ? 3 : 2]);
    expect(plan.fit.recording.zone).toEqual({ reporters: ['zoneFirms'], steps: 'every' });
    const results = candidateResults(plan, candidates, run, inMemoryTaskReader(run, inThread(run)));
    const model = { ...plan.model };
    results.forEach((result, i) => {
      const expected = evaluateCalibrationCandidate(model, candidates[i]);
      expect(result.statistics).toEqual(expected.statistics);
      expect(result.distances).toEqual(expected.distances);
    });
    // The statistics are not trivially equal: candidates differ, and the contrast and zone aggregate are defined.
    expect(new Set(results.map((r) => r.statistics?.[0])).size).toBeGreaterThan(1);
    expect(results.every((r) => Number.isFinite(r.statistics?.[3]) && Number.isFinite(r.statistics?.[2]))).toBe(true);
  });

  it('gives a candidate that breaks a scenario rule no task and undefined statistics', async () => {
    const loadedPlan = await pipelinePlan();
    // More supply chains than industries breaks the rule industries.supplyChains ≤ industries.count
    // (a file's priors are checked at their corners, so only hand-made values reach this).
    const plan = { ...loadedPlan, model: { ...loadedPlan.model, parameterPaths: ['industries.supplyChains', 'choice.outside.utility'] } };
    const broken = { generation: 0, index: 0, values: [50, 2], seeds: [5] };
    const run = calibrationRun(plan, [broken, { ...broken, index: 1, values: [1, 2] }], plan.fit, plan.referenceFit);
    expect(run.units[0]).toBeNull();
    expect(run.units[1]).toEqual([{ base: 0, reference: 1 }]);
    expect(run.definition.tasks).toHaveLength(2);
    const statistics = replicationStatistics(plan, null, () => {
      throw new Error('never read');
    }, 1);
    expect([...statistics[0]].every(Number.isNaN)).toBe(true);
  });

  it('continues each particle with its own seeds: up to the fitted years the runs repeat the accepted simulations', async () => {
    const loaded = await loadCalibrationFile(writePipelineCalibration());
    const { state } = await calibrateInProcess(loaded);
    const plan = await pipelinePlan();
    const population = state.population!;
    const run = calibrationRun(plan, particleUnits(state.settings, population), plan.prediction, plan.referencePrediction);
    expect(plan.prediction.years).toBe(4);
    const read = inMemoryTaskReader(run, inThread(run));
    population.particles.forEach((particle, p) => {
      const [statistics] = replicationStatistics(plan, run.units[p], read, 1);
      expect([...statistics]).toEqual(particle.statistics);
    });
  });
});
