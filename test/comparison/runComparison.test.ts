/**
 * The comparison's guarantees, on small runs (2–3 small scenarios, 4 replications, 3 simulated years):
 * exports byte-identical for 1 and 2 workers, for an interrupted-then-resumed run and for shards
 * merged; no task duplicated or lost in the store; a finished run rerun rewrites nothing (and
 * rewrites what was changed on disk); adding a scenario leaves the others' rows unchanged; a scenario
 * whose parameters changed, another --seed or --record into a folder are refused; zone and industry values at the last step by
 * default, their series with --record.
 */
import { copyFileSync, existsSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runComparison, type RunComparisonOptions } from '../../src/comparison/runComparison.ts';
import { mergeShards } from '../../src/cli/mergeShards.ts';
import { RunInterruptedError } from '../../src/runner/runTasks.ts';
import { loadScenarioFiles } from '../../src/scenario/loadScenarioFile.ts';
import {
  COMPARED_FILES,
  expectSameExports,
  readExports,
  rowsOf,
  removeScratchDirs,
  scratchDir,
  smallScenarioText,
  testProvenance,
  writeSmallScenarios,
} from '../runner/runnerHelpers.ts';

const REPS = 4;
const ALL = { zoneSeries: true, industrySeries: true };

async function run(files: string[], outDir: string, extra: Partial<RunComparisonOptions> = {}) {
  const notices: string[] = [];
  const summary = await runComparison({
    scenarios: await loadScenarioFiles(files),
    replications: REPS,
    baseSeed: 11,
    outDir,
    workers: 2,
    record: ALL,
    renderReport: false,
    provenance: testProvenance,
    onNotice: (m) => notices.push(m),
    ...extra,
  });
  return { summary, notices };
}

/** Store facts: tasks per scenario, distinct task identities, the value array lengths of each task. */
function storeFacts(outDir: string) {
  const db = new Database(path.join(outDir, 'run.sqlite'), { readonly: true });
  try {
    const tasks = db.prepare('SELECT scenario, count(*) AS n FROM task_labels GROUP BY scenario ORDER BY scenario').all() as { scenario: string; n: number }[];
    const count = (db.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n;
    const distinct = (db.prepare('SELECT count(*) AS n FROM (SELECT DISTINCT parameter_set_id, replication, seed, recording_id FROM tasks)').get() as { n: number }).n;
    const sizes = db
      .prepare('SELECT length(steps) / 4 AS steps, length(province) / 8 AS province, length(zone) / 8 AS zone, zone_count AS zones FROM tasks')
      .all() as { steps: number; province: number; zone: number; zones: number }[];
    return { tasks, count, duplicates: count - distinct, sizes };
  } finally {
    db.close();
  }
}

afterAll(removeScratchDirs);

describe('runComparison', () => {
  let files: string[];
  let reference: string;
  let referenceExports: Record<string, string>;

  beforeAll(async () => {
    const dir = scratchDir();
    files = writeSmallScenarios(dir);
    reference = path.join(dir, 'reference');
    const { summary } = await run(files, reference, { workers: 2 });
    expect(summary.replicationsRun).toBe(2 * REPS);
    referenceExports = readExports(reference);
  });

  it('writes byte-identical exports with 1 and with 2 workers', async () => {
    const one = path.join(scratchDir(), 'one-worker');
    const { summary } = await run(files, one, { workers: 1 });
    expect(summary.replicationsRun).toBe(2 * REPS);
    const exports = readExports(one);
    expectSameExports(exports, referenceExports);
    // Sanity: the files hold what they should (3 years: steps 0, 12, 24, 36).
    expect(exports['results.csv'].split('\n')[0]).toMatch(/^scenario,replication,seed,step,year,firms,entries,exits,/);
    expect(rowsOf(exports['results.csv'], ['more-zones'])).toHaveLength(REPS * 4);
    expect(rowsOf(exports['zones.csv'], ['more-zones']).some((line) => /^more-zones,3,\d+,36,2012,7,/.test(line))).toBe(true);
    expect(rowsOf(exports['zone-series.csv'], ['more-zones'])).toHaveLength(REPS * 4 * 8);
    expect(exports['paired.csv']).toMatch(/^more-zones,baseline,zoneFirmShare,4,/m);
  });

  it('stores each replication once, as one task of the recorded size', () => {
    const facts = storeFacts(reference);
    expect(facts.tasks).toEqual([
      { scenario: 'baseline', n: REPS },
      { scenario: 'more-zones', n: REPS },
    ]);
    expect(facts.duplicates).toBe(0);
    const header = referenceExports['results.csv'].split('\n')[0].split(',');
    const provinceReporters = header.length - 5;
    const zoneReporters = referenceExports['zone-series.csv'].split('\n')[0].split(',').length - 6;
    for (const s of facts.sizes) {
      expect(s.steps).toBe(4);
      expect(s.province).toBe(4 * provinceReporters);
      expect(s.zone).toBe(4 * zoneReporters * s.zones);
    }
  });

  it('resumes an interrupted run: no replication recomputed, duplicated or lost, and byte-identical exports', async () => {
    const outDir = path.join(scratchDir(), 'interrupted');
    const controller = new AbortController();
    const interrupted = run(files, outDir, {
      workers: 2,
      signal: controller.signal,
      onReplicationDone: (done) => {
        if (done === 3) controller.abort();
      },
    });
    await expect(interrupted).rejects.toBeInstanceOf(RunInterruptedError);
    await expect(interrupted).rejects.toMatchObject({ stored: 3, total: 2 * REPS });
    expect(storeFacts(outDir).count).toBe(3);

    const { summary } = await run(files, outDir, { workers: 1 });
    expect(summary.replicationsReused).toBe(3);
    expect(summary.replicationsRun).toBe(2 * REPS - 3);
    const facts = storeFacts(outDir);
    expect(facts.tasks).toEqual(storeFacts(reference).tasks);
    expect(facts.duplicates).toBe(0);
    expectSameExports(readExports(outDir), referenceExports);
  });

  it('rerunning a finished run computes and rewrites nothing; a changed or deleted output is written again', async () => {
    const outDir = path.join(scratchDir(), 'finished');
    await run(files, outDir);
    const written = statSync(path.join(outDir, 'summary.csv')).mtimeMs;
    const again = await run(files, outDir, { workers: 1 });
    expect(again.summary).toMatchObject({ replicationsRun: 0, replicationsReused: 2 * REPS, outputsUnchanged: true });
    expect(statSync(path.join(outDir, 'summary.csv')).mtimeMs).toBe(written);
    expectSameExports(readExports(outDir), referenceExports);

    writeFileSync(path.join(outDir, 'paired.csv'), 'edited by hand\n');
    unlinkSync(path.join(outDir, 'zones.csv'));
    const repaired = await run(files, outDir);
    expect(repaired.summary).toMatchObject({ replicationsRun: 0, outputsUnchanged: false });
    expectSameExports(readExports(outDir), referenceExports);
    // Other options rewrite the outputs too: another baseline changes paired.csv.
    const other = await run(files, outDir, { baseline: 'more-zones' });
    expect(other.summary.outputsUnchanged).toBe(false);
    expect(readFileSync(path.join(outDir, 'paired.csv'), 'utf8')).toMatch(/^baseline,more-zones,/m);
  });

  it('shards merged write the same files as one run', async () => {
    const root = scratchDir();
    const shards: string[] = [];
    for (const index of [1, 2, 3]) {
      const dir = path.join(root, `shard-${index}`);
      const { summary } = await run(files, dir, { shard: { index, count: 3 }, workers: 1 });
      expect(summary.reportPath).toBeNull();
      expect(summary.replicationsRun).toBe(index === 3 ? 2 : 3); // 8 tasks: positions 0,3,6 / 1,4,7 / 2,5
      shards.push(dir);
    }
    const merged = path.join(root, 'merged');
    const summary = await mergeShards({ shardDirs: [shards[2], shards[0], shards[1]], outDir: merged, provenance: testProvenance, renderReport: false });
    expect(summary).toMatchObject({ analysis: 'comparison', shards: 3, tasksAdded: 2 * REPS, taskCount: 2 * REPS });
    expectSameExports(readExports(merged), referenceExports);
    await expect(mergeShards({ shardDirs: shards.slice(0, 2), outDir: path.join(root, 'm2'), provenance: testProvenance, renderReport: false })).rejects.toThrow(
      /expected all 8 tasks of "baseline, more-zones × 4 replications", found 6 \(2 missing, the first task 2: scenario "baseline", replication 1\); no folder given for shard 3\/3$/,
    );
  });

  it('computes each replication once for scenarios with the same parameters, and reports them under each name', async () => {
    const dir = scratchDir();
    const twin = path.join(dir, 'twin.yaml');
    writeFileSync(twin, smallScenarioText('twin', 5));
    let distinct = 0;
    const { summary } = await run([files[0], twin], path.join(dir, 'out'), { onPlan: (plan) => (distinct = plan.distinct) });
    expect(summary.replicationsRun).toBe(REPS);
    expect(distinct).toBe(REPS);
    const exports = readExports(path.join(dir, 'out'));
    const strip = (rows: string[]) => rows.map((line) => line.slice(line.indexOf(',')));
    expect(strip(rowsOf(exports['results.csv'], ['twin']))).toEqual(strip(rowsOf(referenceExports['results.csv'], ['baseline'])));
    const paired = rowsOf(exports['paired.csv'], ['twin']);
    expect(paired.length).toBeGreaterThan(40);
    expect(paired.every((line) => line.endsWith(',no-difference'))).toBe(true);
  });

  it('adding a scenario leaves the other scenarios’ rows unchanged', async () => {
    const dir = scratchDir();
    const withThird = writeSmallScenarios(dir, { third: true });
    const outDir = path.join(dir, 'three');
    await run(withThird, outDir);
    const exports = readExports(outDir);
    const kept = ['baseline', 'more-zones'];
    for (const file of COMPARED_FILES) {
      expect(rowsOf(exports[file], kept), file).toEqual(rowsOf(referenceExports[file], kept));
    }
    expect(rowsOf(exports['results.csv'], ['no-zones']).length).toBeGreaterThan(0);
  });

  it('refuses a scenario whose parameters changed since its results were stored, without touching the folder (issue 11, D3)', async () => {
    const dir = scratchDir();
    const copies = files.map((f) => {
      const to = path.join(dir, path.basename(f));
      copyFileSync(f, to);
      return to;
    });
    const outDir = path.join(dir, 'out');
    await run(copies, outDir);
    // A comment changes the file but not its parameters: nothing is recomputed.
    writeFileSync(copies[1], `# a comment\n${readFileSync(copies[1], 'utf8')}`);
    expect((await run(copies, outDir)).summary.replicationsRun).toBe(0);
    const before = readExports(outDir);
    const manifestBefore = readFileSync(path.join(outDir, 'manifest.json'), 'utf8');
    writeFileSync(copies[1], smallScenarioText('more-zones', 9));
    const refused = await run(copies, outDir).then(
      () => null,
      (error: Error) => error,
    );
    expect(refused?.name).toBe('RunStoreError');
    expect(refused?.message).toBe(
      `${outDir}: holds another comparison: scenario "more-zones" has other parameters than the 4 replications stored for it (${copies[1]} changed) — ` +
        `running this command there would discard 4 stored replications; choose another --out folder, or delete ${outDir} to start again`,
    );
    // Nothing was written: the store, the files and the lock are as before.
    expect(storeFacts(outDir).count).toBe(2 * REPS);
    expectSameExports(readExports(outDir), before);
    expect(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')).toBe(manifestBefore);
    expect(existsSync(path.join(outDir, 'run.lock'))).toBe(false);

    // Into another folder the edited scenario runs, and the unchanged one gives the same rows.
    const fresh = path.join(dir, 'fresh');
    await run(copies, fresh);
    const exports = readExports(fresh);
    expect(rowsOf(exports['results.csv'], ['baseline'])).toEqual(rowsOf(referenceExports['results.csv'], ['baseline']));
    expect(rowsOf(exports['zones.csv'], ['more-zones']).filter((l) => l.split(',')[1] === '0')).toHaveLength(9);
  });

  it('keeps zone and industry values at the last step only by default; another --record or --seed is refused, more replications are added', async () => {
    const outDir = path.join(scratchDir(), 'final');
    const { notices } = await run(files, outDir, { record: { zoneSeries: false, industrySeries: false } });
    const exports = readExports(outDir);
    expect(exports['zone-series.csv']).toBeUndefined();
    expect(exports['industry-series.csv']).toBeUndefined();
    // Everything else is what the run with every series wrote.
    for (const file of COMPARED_FILES) expect(exports[file], file).toBe(referenceExports[file]);
    // zones.csv holds the last step of zone-series.csv: the zone reporters' columns of its rows at step 36.
    const zoneHeader = exports['zones.csv'].split('\n')[0].split(',');
    const M = zoneHeader.length - zoneHeader.indexOf('leading_industries') - 1;
    expect(M).toBe(referenceExports['zone-series.csv'].split('\n')[0].split(',').length - 6);
    const lastColumns = (line: string) => line.split(',').slice(-M).join(',');
    const lastOfSeries = referenceExports['zone-series.csv']
      .split('\n')
      .slice(1)
      .filter((line) => line.split(',')[3] === '36')
      .map(lastColumns);
    expect(exports['zones.csv'].split('\n').slice(1, -1).map(lastColumns)).toEqual(lastOfSeries);
    // The store keeps one step of zone values per task.
    for (const size of storeFacts(outDir).sizes) expect(size.zone).toBe(M * size.zones);
    expect(JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')).record).toBe('final');
    expect(notices).toEqual([]);

    // Another --record or --seed into the same folder would discard its replications: refused (issue 11, D3).
    await expect(run(files, outDir, { record: { zoneSeries: true, industrySeries: false } })).rejects.toThrow(
      `${outDir}: holds another comparison: they were recorded with --record final, this command has --record zones — running this command there would discard 8 stored replications; choose another --out folder, or delete ${outDir} to start again`,
    );
    await expect(run(files, outDir, { record: { zoneSeries: false, industrySeries: false }, baseSeed: 12 })).rejects.toThrow(
      `${outDir}: holds another comparison: its replications were run with --seed 11, this command has --seed 12 — running this command there would discard 8 stored replications; choose another --out folder, or delete ${outDir} to start again`,
    );
    // More replications only add to the folder: the stored ones are reused.
    const more = await run(files, outDir, { record: { zoneSeries: false, industrySeries: false }, replications: REPS + 1 });
    expect(more.summary.replicationsReused).toBe(2 * REPS);
    expect(more.summary.replicationsRun).toBe(2);
  });
});
