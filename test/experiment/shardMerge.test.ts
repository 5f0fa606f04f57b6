/**
 * Scale-out: an experiment run on one machine, and the same experiment run as 2 or 3 shards (with 1
 * or 2 workers each) and merged, write byte-identical files (CSV, manifest, HTML, chart images);
 * an interrupted shard resumes without losing or duplicating a task; merge refuses shards of
 * different experiments and names missing or incomplete shards; a finished run rerun computes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeShards as mergeExperimentShards } from '../../src/cli/mergeShards.ts';
import { loadExperimentFile, type LoadedExperiment } from '../../src/experiment/loadExperimentFile.ts';
import { runExperimentFile } from '../../src/experiment/runExperimentFile.ts';
import { MergeError } from '../../src/runner/mergeRuns.ts';
import { STORE_FILE_NAME } from '../../src/runner/runStore.ts';
import { RunInterruptedError } from '../../src/runner/runTasks.ts';
import {
  expectSameExperimentExports,
  experimentText,
  readExperimentExports,
  removeScratchDirs,
  scratchDir,
  testProvenance,
  writeExperiment,
} from './experimentHelpers.ts';

/** 10 Latin hypercube points × 2 replications = 20 tasks of the small base scenario, with PRIM. */
const TEXT = experimentText(['design: latin-hypercube', 'samples: 10'], ['scenarioDiscovery:', '  outcome: zoneFirmShare', '  threshold: 0.3', '  direction: above']);

let experiment: LoadedExperiment;
let reference: Record<string, string>;
let referenceDir: string;

/** Tasks stored in a folder, how many task identities appear more than once, and the outcome values stored. */
function storedTasks(dir: string): { count: number; duplicates: number; values: number } {
  const db = new Database(path.join(dir, STORE_FILE_NAME), { readonly: true });
  try {
    const count = (db.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n;
    const distinct = (db.prepare('SELECT count(*) AS n FROM (SELECT DISTINCT parameter_set_id, replication, seed, recording_id FROM tasks)').get() as { n: number }).n;
    const values = (db.prepare('SELECT coalesce(sum(length(outcomes)), 0) / 8 AS n FROM tasks').get() as { n: number }).n;
    return { count, duplicates: count - distinct, values };
  } finally {
    db.close();
  }
}

async function runShards(count: number, workers: number, root: string): Promise<string[]> {
  const dirs: string[] = [];
  for (let index = 1; index <= count; index++) {
    const outDir = path.join(root, `shard-${index}`);
    const summary = await runExperimentFile({ experiment, outDir, workers, shard: { index, count }, provenance: testProvenance });
    expect(summary.reportPath).toBeNull();
    expect(summary.tasksRun).toBe(summary.tasksInRun);
    dirs.push(outDir);
  }
  return dirs;
}

beforeAll(async () => {
  experiment = await loadExperimentFile(writeExperiment(TEXT));
  expect(experiment.plan.taskCount).toBe(20);
  referenceDir = path.join(scratchDir(), 'single');
  const summary = await runExperimentFile({ experiment, outDir: referenceDir, workers: 2, provenance: testProvenance });
  expect(summary.tasksRun).toBe(20);
  reference = readExperimentExports(referenceDir);
});
afterAll(removeScratchDirs);

describe('shard and merge', () => {
  it('the single-machine run wrote every file, the report and its charts', () => {
    expect(Object.keys(reference)).toEqual(expect.arrayContaining(['experiment.csv', 'points.csv', 'sensitivity.csv', 'prim.csv', 'manifest.json', 'experiment.html']));
    expect(Object.keys(reference).filter((f) => f.startsWith('charts/')).length).toBeGreaterThan(10);
    expect(reference['experiment.csv'].trim().split('\n')).toHaveLength(21);
    expect(storedTasks(referenceDir)).toEqual({ count: 20, duplicates: 0, values: 60 });
  });

  it('2 shards with 1 worker each, merged, equal the single-machine run byte for byte (report and charts included)', async () => {
    const root = scratchDir();
    const dirs = await runShards(2, 1, root);
    const merged = path.join(root, 'merged');
    const summary = await mergeExperimentShards({ shardDirs: dirs, outDir: merged, provenance: testProvenance });
    expect(summary).toMatchObject({ shards: 2, tasksAdded: 20, taskCount: 20 });
    expectSameExperimentExports(readExperimentExports(merged), reference);
  });

  it('3 shards with 2 workers each, merged in another order, equal it too', async () => {
    const root = scratchDir();
    const dirs = await runShards(3, 2, root);
    const merged = path.join(root, 'merged');
    await mergeExperimentShards({ shardDirs: [dirs[2], dirs[0], dirs[1]], outDir: merged, provenance: testProvenance });
    expectSameExperimentExports(readExperimentExports(merged), reference);
    expect(storedTasks(merged)).toEqual({ count: 20, duplicates: 0, values: 60 });
  });

  it('an interrupted shard resumes, losing and duplicating nothing; merge names it until it is done', async () => {
    const root = scratchDir();
    const shard = { index: 2, count: 3 }; // tasks 1, 4, 7, 10, 13, 16, 19
    const first = path.join(root, 'shard-1');
    const third = path.join(root, 'shard-3');
    await runExperimentFile({ experiment, outDir: first, workers: 1, shard: { index: 1, count: 3 }, provenance: testProvenance });
    await runExperimentFile({ experiment, outDir: third, workers: 1, shard: { index: 3, count: 3 }, provenance: testProvenance });
    const second = path.join(root, 'shard-2');
    const controller = new AbortController();
    const interrupted = runExperimentFile({
      experiment,
      outDir: second,
      workers: 2,
      shard,
      provenance: testProvenance,
      signal: controller.signal,
      onTaskDone: (done) => {
        if (done === 3) controller.abort();
      },
    });
    await expect(interrupted).rejects.toBeInstanceOf(RunInterruptedError);
    const stored = storedTasks(second).count;
    expect(stored).toBe(3);

    const merged = path.join(root, 'merged');
    const incomplete = mergeExperimentShards({ shardDirs: [first, second, third], outDir: merged, provenance: testProvenance });
    await expect(incomplete).rejects.toBeInstanceOf(MergeError);
    await expect(incomplete).rejects.toThrow(`incomplete: ${second} (shard 2/3: 3 of 7 tasks) — run their commands again to resume them`);

    const resumed = await runExperimentFile({ experiment, outDir: second, workers: 2, shard, provenance: testProvenance });
    expect(resumed).toMatchObject({ tasksRun: 4, tasksReused: 3, tasksInRun: 7 });
    expect(storedTasks(second)).toEqual({ count: 7, duplicates: 0, values: 21 });
    await mergeExperimentShards({ shardDirs: [first, second, third], outDir: merged, provenance: testProvenance });
    expectSameExperimentExports(readExperimentExports(merged), reference);
  });

  it('merge names a missing shard, and refuses shards of another experiment or its own output folder', async () => {
    const root = scratchDir();
    const dirs = await runShards(2, 1, root);
    await expect(mergeExperimentShards({ shardDirs: [dirs[0]], outDir: path.join(root, 'm'), provenance: testProvenance })).rejects.toThrow(
      /expected all 20 tasks of "small-experiment", found 10 \(10 missing, the first task 1: point 0, replication 1\); no folder given for shard 2\/2$/,
    );
    await expect(mergeExperimentShards({ shardDirs: dirs, outDir: dirs[0], provenance: testProvenance })).rejects.toThrow(/is also a shard folder/);

    const otherFile = writeExperiment(TEXT.replace('seed: 11', 'seed: 12'));
    const other = await loadExperimentFile(otherFile);
    const otherDir = path.join(root, 'other');
    await runExperimentFile({ experiment: other, outDir: otherDir, workers: 1, shard: { index: 2, count: 2 }, provenance: testProvenance });
    await expect(mergeExperimentShards({ shardDirs: [dirs[0], otherDir], outDir: path.join(root, 'm2'), provenance: testProvenance })).rejects.toThrow(
      /holds experiment "small-experiment" \(content [0-9a-f]{12}\), but .* holds "small-experiment" \(content [0-9a-f]{12}\); merge only shards of one experiment file/,
    );
    // A shard whose design points differ from those this zonesim generates (another design code).
    const db = new Database(path.join(dirs[0], STORE_FILE_NAME));
    db.prepare("UPDATE parameter_sets SET hash = 'other' WHERE id = (SELECT parameter_set_id FROM points WHERE point = 0)").run();
    db.close();
    await expect(mergeExperimentShards({ shardDirs: dirs, outDir: path.join(root, 'm4'), provenance: testProvenance })).rejects.toThrow(
      `merge: ${dirs[0]}: the design points this zonesim generates differ from those the shard ran (another zonesim version); merge with the version that ran the shards`,
    );
    await expect(mergeExperimentShards({ shardDirs: [path.join(root, 'nothing')], outDir: path.join(root, 'm3'), provenance: testProvenance })).rejects.toThrow(
      /nothing: expected a shard folder with run\.sqlite, found none/,
    );
  });

  it('rerunning a finished experiment computes and rewrites nothing; an edited file deletes the tasks it no longer uses', async () => {
    const again = await runExperimentFile({ experiment, outDir: referenceDir, workers: 2, provenance: testProvenance });
    expect(again).toMatchObject({ tasksRun: 0, tasksReused: 20, outputsUnchanged: true });
    expectSameExperimentExports(readExperimentExports(referenceDir), reference);
    expect(JSON.parse(readFileSync(path.join(referenceDir, 'timings.json'), 'utf8'))).toMatchObject({ tasksComputed: 0, tasksReused: 20, outputsUnchanged: true });

    const dir = scratchDir();
    const file = writeExperiment(TEXT);
    const outDir = path.join(dir, 'run');
    await runExperimentFile({ experiment: await loadExperimentFile(file), outDir, workers: 1, shard: { index: 1, count: 4 }, provenance: testProvenance, renderReport: false });
    writeFileSync(file, TEXT.replace('samples: 10', 'samples: 6'));
    const notices: string[] = [];
    const edited = await runExperimentFile({ experiment: await loadExperimentFile(file), outDir, workers: 1, provenance: testProvenance, renderReport: false, onNotice: (m) => notices.push(m) });
    expect(edited).toMatchObject({ tasksRun: 12, tasksReused: 0 });
    expect(notices.join('\n')).toContain(`${outDir} held 5 tasks this experiment does not use (of another version of it, or of another experiment); they are deleted`);
    expect(storedTasks(outDir).count).toBe(12);

    // A stored task is reused only for the parameters it was computed with: when point 0's stored
    // parameter set is another one (as after a change of the design code), its tasks are recomputed.
    const db = new Database(path.join(outDir, STORE_FILE_NAME));
    db.prepare("UPDATE parameter_sets SET hash = 'other' WHERE id = (SELECT parameter_set_id FROM points WHERE point = 0)").run();
    db.close();
    const redesigned = await runExperimentFile({ experiment: await loadExperimentFile(file), outDir, workers: 1, provenance: testProvenance, renderReport: false, onNotice: (m) => notices.push(m) });
    expect(redesigned).toMatchObject({ tasksRun: 2, tasksReused: 10 });
    expect(notices.at(-1)).toContain('held 2 tasks this experiment does not use');
    expect(storedTasks(outDir)).toEqual({ count: 12, duplicates: 0, values: 36 });
  });
});
