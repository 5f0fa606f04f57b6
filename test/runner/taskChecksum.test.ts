/**
 * Stored tasks are checked when a run resumes (issue 11, D11): each task row keeps the SHA-256 of its
 * values; a row whose values were edited, truncated or damaged on disk no longer matches it and is
 * computed again, so the exports are those of an untouched run — never a run that exits 0 with
 * missing ("undefined") values. A deleted row is computed again too; a damaged shard is refused by
 * merge.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeShards } from '../../src/cli/mergeShards.ts';
import { runComparison } from '../../src/comparison/runComparison.ts';
import { RunStore, taskChecksum } from '../../src/runner/runStore.ts';
import { loadScenarioFiles } from '../../src/scenario/loadScenarioFile.ts';
import { expectSameExports, handRecord, readExports, removeScratchDirs, scratchDir, testProvenance, writeSmallScenarios } from './runnerHelpers.ts';

afterAll(removeScratchDirs);

/** Run SQL on a closed store's file (as a user editing it by hand would). */
function editStore(dir: string, sql: string): number {
  const db = new Database(path.join(dir, 'run.sqlite'));
  try {
    return db.prepare(sql).run().changes;
  } finally {
    db.close();
  }
}

describe('taskChecksum and damagedTasks', () => {
  it('stores the checksum of each committed task, and finds a task whose values changed since', () => {
    const dir = scratchDir();
    const store = RunStore.openFolder(dir);
    const a = store.commitTask({ parameterSetId: 1, replication: 0, seed: 1, recordingId: 1 }, 1, handRecord([[0, 'firms', -1, -1, 5]]));
    store.commitTask({ parameterSetId: 1, replication: 1, seed: 2, recordingId: 1 }, 1, handRecord([[0, 'firms', -1, -1, 6]]));
    expect(a).toBe(true);
    const row = store.rawTask(1) as Record<string, unknown>;
    expect(row.checksum).toBe(taskChecksum(row));
    expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    // Two tasks with different values have different checksums.
    expect((store.rawTask(2) as Record<string, unknown>).checksum).not.toBe(row.checksum);
    expect(store.damagedTasks()).toEqual([]);
    store.close();
    expect(editStore(dir, 'UPDATE tasks SET province = substr(province, 1, 40) WHERE id = 2')).toBe(1);
    const reopened = RunStore.openFolder(dir);
    expect(reopened.damagedTasks()).toEqual([2]);
    expect(reopened.deleteDamagedTasksOnce()).toBe(1);
    expect(reopened.deleteDamagedTasksOnce()).toBe(0);
    expect(reopened.taskCount()).toBe(1);
    reopened.close();
  });

  it('hashes each column with its length: moving bytes between columns changes the checksum', () => {
    const base = { zone_count: 1, industry_count: 1, steps: Buffer.from([1, 2]), years: Buffer.from([3]), industry_names: '[]' };
    const shifted = { ...base, steps: Buffer.from([1]), years: Buffer.from([2, 3]) };
    expect(taskChecksum(base)).not.toBe(taskChecksum(shifted));
  });

  it('a store written before the checksum column gains it; its old tasks are kept and not checked', () => {
    const dir = scratchDir();
    const store = RunStore.openFolder(dir);
    store.commitTask({ parameterSetId: 1, replication: 0, seed: 1, recordingId: 1 }, 1, handRecord([]));
    store.close();
    editStore(dir, 'ALTER TABLE tasks DROP COLUMN checksum');
    const reopened = RunStore.openFolder(dir);
    expect(reopened.taskCount()).toBe(1);
    expect((reopened.rawTask(1) as Record<string, unknown>).checksum).toBeNull();
    expect(reopened.damagedTasks()).toEqual([]);
    reopened.close();
  });
});

describe('a comparison resumed from a store edited by hand', () => {
  let files: string[];
  let reference: Record<string, string>;
  const options = (outDir: string, notices: string[] = [], shard: { index: number; count: number } | null = null) => ({
    replications: 3,
    baseSeed: 4,
    outDir,
    workers: 1,
    renderReport: false,
    provenance: testProvenance,
    onNotice: (m: string) => notices.push(m),
    shard,
  });

  beforeAll(async () => {
    const dir = scratchDir();
    files = writeSmallScenarios(dir);
    const out = path.join(dir, 'reference');
    await runComparison({ scenarios: await loadScenarioFiles(files), ...options(out) });
    reference = readExports(out);
  });

  it('computes a task with truncated values again and writes the untouched run’s files', async () => {
    const out = path.join(scratchDir(), 'edited');
    const scenarios = await loadScenarioFiles(files);
    await runComparison({ scenarios, ...options(out) });
    // Truncate one task's province series and delete another task's row.
    expect(editStore(out, 'UPDATE tasks SET province = substr(province, 1, 40) WHERE id = 2')).toBe(1);
    expect(editStore(out, 'DELETE FROM tasks WHERE id = 5')).toBe(1);
    const notices: string[] = [];
    const summary = await runComparison({ scenarios, ...options(out, notices) });
    expect(notices).toEqual([`1 stored task(s) in ${path.join(out, 'run.sqlite')} did not match their checksum (changed or damaged on disk since they were stored); they are computed again`]);
    expect(summary.replicationsRun).toBe(2);
    expect(summary.replicationsReused).toBe(4);
    const exports = readExports(out);
    expectSameExports(exports, reference);
    expect(readFileSync(path.join(out, 'results.csv'), 'utf8')).not.toMatch(/undefined|NaN/);
  });

  it('merge refuses a shard whose stored values were changed', async () => {
    const dir = scratchDir();
    const scenarios = await loadScenarioFiles(files);
    const one = path.join(dir, 'one');
    const two = path.join(dir, 'two');
    await runComparison({ scenarios, ...options(one, [], { index: 1, count: 2 }) });
    await runComparison({ scenarios, ...options(two, [], { index: 2, count: 2 }) });
    editStore(two, 'UPDATE tasks SET outcomes = x\'00\' WHERE id = 1');
    await expect(
      mergeShards({ shardDirs: [one, two], outDir: path.join(dir, 'merged'), renderReport: false, provenance: testProvenance }),
    ).rejects.toThrow(`merge: ${path.join(two, 'run.sqlite')}: 1 stored task(s) do not match their checksum (changed or damaged on disk); run that shard's command again (it computes them again), then merge`);
  });
});
