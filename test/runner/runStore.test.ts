/**
 * The run store: a task is stored completely or not at all, never twice; values come back bit for bit;
 * changed model code discards every stored task; folders of an earlier store format, of another
 * format version or of another analysis are refused in one line.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFloat64, RunStore, RunStoreError, STORE_FILE_NAME } from '../../src/runner/runStore.ts';
import { handRecord, removeScratchDirs, scratchDir, type HandRow } from './runnerHelpers.ts';

const rows: HandRow[] = [
  [0, 'firms', -1, -1, 5],
  [12, 'firms', -1, -1, 9],
  [12, 'zoneFirms', 0, -1, 4],
  [12, 'zoneFirms', 1, -1, 5],
];
const facts = { zonesimVersion: 'test', codeFingerprint: 'code-a', analysis: 'comparison' as const, analysisHash: 'h', analysisJson: '{}', shard: null };

/** A new store with one model, one parameter set and one recording; returns their ids. */
function newStore(dir = scratchDir()) {
  const store = RunStore.openFolder(dir);
  store.beginRun(facts);
  const modelId = store.registerModel('m', { parameters: {} as never, relatedness: null });
  const parameterSetId = store.registerParameterSet('p', modelId, '[]');
  const recordingId = store.registerRecording('r', '{}');
  return { store, dir, ids: (replication: number, seed = 77) => ({ parameterSetId, replication, seed, recordingId }) };
}

afterAll(removeScratchDirs);

describe('RunStore', () => {
  it('commits a task once, as one row, and reads its values back bit for bit', () => {
    const { store, ids } = newStore();
    const record = handRecord(rows);
    // Awkward doubles survive: −0, the smallest subnormal, the largest double, a long fraction.
    record.province[2] = -0;
    record.province[3] = 5e-324;
    record.province[4] = Number.MAX_VALUE;
    record.province[5] = 0.1 + 0.2;
    expect(store.commitTask(ids(0), 1.5, record)).toBe(true);
    expect(store.commitTask(ids(0), 1.5, record)).toBe(false);
    expect(store.taskCount()).toBe(1);
    const stored = store.task(store.taskIdIndex().get('1:0:77:1') as number);
    expect(stored).not.toBeNull();
    expect(stored!.record).toEqual(record);
    expect(Object.is(stored!.record.province[2], -0)).toBe(true);
    expect(Number.isNaN(stored!.record.province[6])).toBe(true);
    // Raw bytes equal: the BLOB is the array's memory.
    const blob = store.db.prepare('SELECT province FROM tasks').get() as { province: Buffer };
    expect(Buffer.compare(blob.province, Buffer.from(record.province.buffer))).toBe(0);
    expect(decodeFloat64(blob.province)).toEqual(record.province);
    store.close();
  });

  it('stores nothing of a task whose commit fails', () => {
    const { store, ids } = newStore();
    store.db.exec("CREATE TEMP TRIGGER fail_once AFTER INSERT ON tasks BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => store.commitTask(ids(0), 1, handRecord(rows))).toThrow('disk full');
    expect(store.taskCount()).toBe(0);
    store.db.exec('DROP TRIGGER fail_once');
    expect(store.commitTask(ids(0), 1, handRecord(rows))).toBe(true);
    expect(store.taskCount()).toBe(1);
    store.close();
  });

  it('discards every stored task when the code fingerprint changes, and keeps them otherwise', () => {
    const { store, dir, ids } = newStore();
    store.commitTask(ids(0), 1, handRecord(rows));
    store.commitTask(ids(1, 78), 1, handRecord(rows));
    store.close();
    const again = RunStore.openFolder(dir);
    expect(again.beginRun(facts).deletedForCode).toBe(0);
    expect(again.taskCount()).toBe(2);
    expect(again.deleteTasks([again.taskFacts()[0].id])).toBe(1);
    expect(again.beginRun({ ...facts, codeFingerprint: 'code-b' }).deletedForCode).toBe(1);
    expect(again.taskCount()).toBe(0);
    again.close();
  });

  it('refuses a store of another format version, a folder of the earlier format and another analysis, in one line', () => {
    const { store, dir } = newStore();
    store.close();
    expect(() => RunStore.openFolder(dir).beginRun({ ...facts, analysis: 'experiment' })).toThrow(
      `${dir}: holds a comparison run; choose another --out folder for this experiment`,
    );
    const db = new Database(path.join(dir, STORE_FILE_NAME));
    db.prepare('UPDATE run SET format_version = 999').run();
    db.close();
    expect(() => RunStore.openFolder(dir)).toThrow(RunStoreError);
    expect(() => RunStore.openFolder(dir)).toThrow(/another store format \(version 999, this zonesim uses 2\); delete the folder or choose another --out folder/);
    for (const old of ['results.sqlite', 'experiment.sqlite']) {
      const folder = scratchDir();
      writeFileSync(path.join(folder, old), '');
      expect(() => RunStore.openFolder(folder)).toThrow(
        `${folder}: written by an earlier zonesim (${old}, store format 1; this zonesim writes run.sqlite, format 2); delete the folder or choose another --out folder, then run the command again`,
      );
    }
  });

  it('labels tasks with their scenario in the task_labels view', () => {
    const { store, ids } = newStore();
    store.putScenario({ name: 'baseline', parameterSetId: ids(0).parameterSetId, file: 'b.yaml', description: 'd', contentHash: 'c', sourceText: 's', overridesJson: '{}' });
    store.commitTask(ids(3), 1, handRecord(rows));
    expect(store.db.prepare('SELECT scenario, point, replication, seed, zones, industries FROM task_labels').all()).toEqual([
      { scenario: 'baseline', point: null, replication: 3, seed: 77, zones: 2, industries: 2 },
    ]);
    store.close();
  });
});
