/**
 * The run store's atomicity and identity rules: a replication is stored completely or not at all,
 * never twice; a changed scenario file or changed model code discards the stale replications.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { reporters } from '../../src/outcomes/reporters.ts';
import { RunStore, RunStoreError } from '../../src/runner/runStore.ts';
import { handRecord, removeScratchDirs, scratchDir, type HandRow } from './runnerHelpers.ts';

const metrics = reporters.map((r) => ({ name: r.name, scope: r.scope }));
const facts = { zonesimVersion: 'test', modelFingerprint: 'model-a', baseSeed: 1, replications: 2 };
const rows: HandRow[] = [
  [0, 'firms', -1, -1, 5],
  [12, 'firms', -1, -1, 9],
  [12, 'zoneFirms', 0, -1, 4],
  [12, 'zoneFirms', 1, -1, 5],
];

function scenario(hash = 'h1') {
  return { name: 's', contentHash: hash, file: 's.yaml', description: 'd', sourceText: 'name: s\n', overridesJson: '{}', parametersJson: '{}' };
}

function counts(store: RunStore) {
  const n = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;
  return {
    replications: n('SELECT count(*) AS n FROM replications'),
    results: n('SELECT count(*) AS n FROM results'),
    zones: n('SELECT count(*) AS n FROM zones'),
    industries: n('SELECT count(*) AS n FROM industries'),
  };
}

afterAll(removeScratchDirs);

describe('RunStore', () => {
  it('commits a replication once, with all its rows, zones and industries', () => {
    const store = new RunStore(path.join(scratchDir(), 'results.sqlite'));
    store.beginRun(facts, metrics);
    const { scenario: s, status } = store.prepareScenario(scenario());
    expect(status).toBe('new');
    expect(store.commitReplication(s.id, 0, 77, 1.5, handRecord(rows))).toBe(true);
    expect(store.commitReplication(s.id, 0, 77, 1.5, handRecord(rows))).toBe(false);
    expect(counts(store)).toEqual({ replications: 1, results: 4, zones: 2, industries: 2 });
    const stored = store.replication(s.id, 0)!;
    expect(stored).toMatchObject({ seed: 77, resultCount: 4, lastResultId: stored.firstResultId + 3 });
    expect([...store.valuesOf(stored)]).toEqual([
      [0, null, null, 0, 5],
      [12, null, null, 0, 9],
      [12, 0, null, reporters.findIndex((r) => r.name === 'zoneFirms'), 4],
      [12, 1, null, reporters.findIndex((r) => r.name === 'zoneFirms'), 5],
    ]);
    expect([...store.valuesOf(stored, 'province')]).toHaveLength(2);
    store.close();
  });

  it('stores nothing of a replication whose commit fails half-way', () => {
    const store = new RunStore(path.join(scratchDir(), 'results.sqlite'));
    store.beginRun(facts, metrics);
    const { scenario: s } = store.prepareScenario(scenario());
    // NaN is bound as NULL and violates results.value NOT NULL after two rows went in.
    const bad = handRecord([...rows.slice(0, 2), [12, 'zoneFirms', 0, -1, Number.NaN], ...rows.slice(3)]);
    expect(() => store.commitReplication(s.id, 0, 77, 1, bad)).toThrow();
    expect(counts(store)).toEqual({ replications: 0, results: 0, zones: 0, industries: 0 });
    expect(store.commitReplication(s.id, 0, 77, 1, handRecord(rows))).toBe(true);
    expect(counts(store).results).toBe(4);
    store.close();
  });

  it('discards a scenario’s replications when its content hash changes, and all of them when the model changes', () => {
    const file = path.join(scratchDir(), 'results.sqlite');
    let store = new RunStore(file);
    store.beginRun(facts, metrics);
    const first = store.prepareScenario(scenario('h1')).scenario;
    const other = store.prepareScenario({ ...scenario('x'), name: 'other' }).scenario;
    store.commitReplication(first.id, 0, 1, 1, handRecord(rows));
    store.commitReplication(first.id, 1, 2, 1, handRecord(rows));
    store.commitReplication(other.id, 0, 1, 1, handRecord(rows));
    store.close();

    store = new RunStore(file);
    expect(store.beginRun(facts, metrics)).toBe(0);
    expect(store.prepareScenario(scenario('h1'))).toMatchObject({ status: 'same', deletedReplications: 0 });
    expect(store.prepareScenario(scenario('h2'))).toMatchObject({ status: 'changed', deletedReplications: 2 });
    expect(counts(store)).toEqual({ replications: 1, results: 4, zones: 2, industries: 2 });
    expect(store.recordedSteps(first.id)).toEqual([]);
    expect(store.deleteReplication(other.id, 0)).toBe(true);
    expect(store.deleteReplication(other.id, 0)).toBe(false);
    store.commitReplication(other.id, 0, 1, 1, handRecord(rows));

    expect(store.beginRun({ ...facts, modelFingerprint: 'model-b' }, metrics)).toBe(1);
    expect(counts(store)).toEqual({ replications: 0, results: 0, zones: 0, industries: 0 });
    store.close();
  });

  it('refuses a store of another format version', () => {
    const file = path.join(scratchDir(), 'results.sqlite');
    const store = new RunStore(file);
    store.beginRun(facts, metrics);
    store.close();
    const db = new Database(file);
    db.prepare('UPDATE run SET format_version = 999').run();
    db.close();
    expect(() => new RunStore(file)).toThrow(RunStoreError);
    expect(() => new RunStore(file)).toThrow(/another store format \(version 999/);
  });
});
