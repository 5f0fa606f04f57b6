/**
 * A calibration run on the one pipeline (tasks computed in this thread, as the worker computes them):
 * its posterior is the in-process algorithm's (calibrateInProcess), particle for particle; an
 * interrupted run resumes to byte-identical outputs; shards of every round merged round by round end
 * byte-identical to a single run; a raised budget continues from the stored model runs; and misuses of
 * run and shard folders are one-line errors.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrateInProcess } from '../../src/calibration/calibrateInProcess.ts';
import type { CalibrationPlan } from '../../src/calibration/calibrationPlan.ts';
import { loadCalibrationFile } from '../../src/calibration/loadCalibrationFile.ts';
import { mergeCalibrationShards } from '../../src/calibration/mergeCalibration.ts';
import { runCalibrationFile, type CalibrationRunSummary } from '../../src/calibration/runCalibrationFile.ts';
import { MergeError } from '../../src/runner/mergeRuns.ts';
import { RunStoreError } from '../../src/runner/runStore.ts';
import { RunInterruptedError } from '../../src/runner/runTasks.ts';
import { runExperimentFile } from '../../src/experiment/runExperimentFile.ts';
import { loadExperimentFile } from '../../src/experiment/loadExperimentFile.ts';
import { experimentText, writeExperiment } from '../experiment/experimentHelpers.ts';
import { pipelineCalibrationText, pipelinePlan, removeScratchDirs, scratchDir, testProvenance, writePipelineCalibration } from './calibrationHelpers.ts';

afterAll(removeScratchDirs);

/** The outputs that must be byte-identical however the calibration ran. */
const COMPARED = ['posterior.csv', 'parameters.csv', 'targets.csv', 'generations.csv', 'predictions.csv', 'summary.json', 'base-calibrated.yaml'];

function outputs(dir: string): Record<string, string> {
  return Object.fromEntries(COMPARED.map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));
}

function run(plan: CalibrationPlan, outDir: string, extra: Partial<Parameters<typeof runCalibrationFile>[0]> = {}): Promise<CalibrationRunSummary> {
  return runCalibrationFile({ plan, outDir, provenance: testProvenance, inThread: true, renderReport: false, ...extra });
}

let plan: CalibrationPlan;
let singleDir: string;
let single: CalibrationRunSummary;

beforeAll(async () => {
  plan = await pipelinePlan();
  singleDir = path.join(scratchDir(), 'single');
  single = await run(plan, singleDir);
});

describe('runCalibrationFile', () => {
  it('finishes with the posterior of the in-process algorithm, particle for particle, and writes every output', async () => {
    expect(single.finished).toBe(true);
    const reference = await calibrateInProcess(await loadCalibrationFile(writePipelineCalibration()));
    expect(single.state.stop).toEqual(reference.state.stop);
    expect(single.state.population).toEqual(reference.state.population);
    expect(single.state.history).toEqual(reference.state.history);
    for (const file of [...COMPARED, 'status.json', 'timings.json', 'run.sqlite']) expect(existsSync(path.join(singleDir, file)), file).toBe(true);
    const posterior = readFileSync(path.join(singleDir, 'posterior.csv'), 'utf8').trim().split('\n');
    expect(posterior[0]).toBe('particle,candidate,weight,distance,firms.exitHazard,choice.outside.utility,firms-2010,share-2010,big-zones-2010,zone-effect-2010,firms-2011');
    expect(posterior).toHaveLength(1 + 12);
    const summary = JSON.parse(readFileSync(path.join(singleDir, 'summary.json'), 'utf8'));
    expect(summary.predictions.until).toBe(2012);
    expect(summary.predictions.reporters.map((r: { reporter: string }) => r.reporter)).toEqual(['firms', 'zoneOutputShare']);
    // The predicted reporters at every recorded instant from the start (end of 2008) to the end of 2012.
    expect(summary.predictions.reporters[0].points.map((p: { x: number }) => p.x)).toEqual([2008, 2009, 2010, 2011, 2012]);
    expect(JSON.parse(readFileSync(path.join(singleDir, 'status.json'), 'utf8')).finished).toBe(true);
  });

  it('a finished run run again computes nothing and leaves its outputs as they are', async () => {
    const before = outputs(singleDir);
    const again = await run(plan, singleDir);
    expect(again.tasksRun).toBe(0);
    expect(again.outputsUnchanged).toBe(true);
    expect(outputs(singleDir)).toEqual(before);
  });

  it('resumes after an interrupt to byte-identical outputs', async () => {
    const dir = path.join(scratchDir(), 'interrupted');
    let interruptions = 0;
    for (const stopAfter of [3, 40, 17]) {
      const controller = new AbortController();
      let done = 0;
      await expect(
        run(plan, dir, {
          signal: controller.signal,
          onTaskDone: () => {
            if (++done === stopAfter) controller.abort();
          },
        }),
      ).rejects.toBeInstanceOf(RunInterruptedError);
      interruptions++;
    }
    const resumed = await run(plan, dir);
    expect(interruptions).toBe(3);
    expect(resumed.finished).toBe(true);
    expect(resumed.tasksReused).toBeGreaterThan(0);
    expect(outputs(dir)).toEqual(outputs(singleDir));
  });

  it('shards of every round, merged round by round, end byte-identical to a single run', async () => {
    const root = scratchDir();
    const runDir = path.join(root, 'run');
    let rounds = 0;
    for (;;) {
      const shardDirs = [1, 2, 3].map((index) => path.join(root, `shard-${index}`));
      const summaries = [];
      for (const [i, dir] of shardDirs.entries()) summaries.push(await run(plan, dir, { shard: { index: i + 1, count: 3 }, from: runDir }));
      if (summaries[0].shardRound === null) break;
      await mergeCalibrationShards({ shardDirs, outDir: runDir, provenance: testProvenance, renderReport: false });
      rounds++;
      expect(rounds).toBeLessThan(40);
    }
    expect(outputs(runDir)).toEqual(outputs(singleDir));
    const status = JSON.parse(readFileSync(path.join(runDir, 'status.json'), 'utf8'));
    expect(status.finished).toBe(true);
    // The shards' rounds are the single run's: the same number of states were stored.
    expect(status.rounds).toBe(JSON.parse(readFileSync(path.join(singleDir, 'status.json'), 'utf8')).rounds);
    // A merge of the same shards again changes nothing.
    const again = await mergeCalibrationShards({ shardDirs: [1, 2, 3].map((i) => path.join(root, `shard-${i}`)), outDir: runDir, provenance: testProvenance, renderReport: false });
    expect(again.tasksAdded).toBe(0);
    expect(outputs(runDir)).toEqual(outputs(singleDir));
  });

  it('continues a longer run from the stored model runs: a raised budget restarts the algorithm and recomputes only what is new', async () => {
    const dir = path.join(scratchDir(), 'longer');
    await run(plan, dir);
    const longerText = pipelineCalibrationText(['  populationSize: 12', '  maxGenerations: 4', '  maxSimulations: 300', '  seed: 7']);
    const longer = await pipelinePlan(longerText);
    const notices: string[] = [];
    const continued = await run(longer, dir, { onNotice: (m) => notices.push(m) });
    expect(notices.join('\n')).toMatch(/restarts from generation 0, reusing its \d+ stored model runs/);
    expect(continued.tasksReused).toBeGreaterThan(100);
    const fresh = await run(longer, path.join(scratchDir(), 'fresh'));
    expect(continued.state.population).toEqual(fresh.state.population);
    expect(continued.tasksRun).toBeLessThan(fresh.tasksRun);
  });

  it('refuses folders of another analysis, a shard folder as a run folder, and shards of different rounds, in one line', async () => {
    const root = scratchDir();
    const experimentDir = path.join(root, 'experiment');
    await runExperimentFile({ experiment: await loadExperimentFile(writeExperiment(experimentText(['design: latin-hypercube', 'samples: 2']))), outDir: experimentDir, provenance: testProvenance, renderReport: false, evaluator: () => [1, 2, 3] });
    await expect(run(plan, experimentDir)).rejects.toThrow(new RunStoreError(`${experimentDir}: holds an experiment run; choose another --out folder for this calibration`));
    const shardDir = path.join(root, 'shard');
    await run(plan, shardDir, { shard: { index: 1, count: 2 }, from: path.join(root, 'none') });
    await expect(run(plan, shardDir)).rejects.toThrow(/is a shard folder of calibration "pipeline-test"; merge it with zonesim merge, or choose another --out folder$/);
    await expect(run(plan, path.join(root, 's'), { shard: { index: 1, count: 2 }, from: experimentDir })).rejects.toThrow(/holds an experiment run, not calibration "pipeline-test"/);
    await expect(run(plan, singleDir, { shard: { index: 1, count: 2 }, from: singleDir })).rejects.toThrow(
      new RunStoreError(`${singleDir}: a shard needs a folder of its own, not the run folder its round is planned from (--from); choose another --out`),
    );
    // Shard 2 computed from another state (after the first round) than shard 1 (the initial state).
    const partDir = path.join(root, 'part');
    const controller = new AbortController();
    let done = 0;
    await expect(run(plan, partDir, { signal: controller.signal, onTaskDone: () => void (++done === 30 && controller.abort()) })).rejects.toBeInstanceOf(RunInterruptedError);
    const otherShard = path.join(root, 'shard-other');
    await run(plan, otherShard, { shard: { index: 2, count: 2 }, from: partDir });
    const error = await mergeCalibrationShards({ shardDirs: [shardDir, otherShard], outDir: path.join(root, 'merged'), provenance: testProvenance }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MergeError);
    expect((error as Error).message).toMatch(/^merge: .*shard-other computed round 2 \(generation 1\) but .*shard round 1 \(generation 0\); run every shard from the same run folder state/);
    expect(readdirSync(root)).not.toContain('merged');
  });
});
