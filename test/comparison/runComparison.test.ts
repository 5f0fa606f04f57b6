/**
 * The runner's guarantees, on small runs (2–3 small scenarios, 4 replications, 3 simulated years):
 * exports byte-identical for 1 and 2 workers and for an interrupted-then-resumed run; no replication
 * duplicated or lost in the store; adding a scenario leaves the others' rows unchanged; a scenario
 * whose file changed is recomputed (and only it).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunInterruptedError, runExperiment, type RunExperimentOptions } from '../../src/runner/runExperiment.ts';
import { loadScenarioFiles } from '../../src/scenario/loadScenarioFile.ts';
import { COMPARED_FILES, expectSameExports, readExports, rowsOf, removeScratchDirs, scratchDir, smallScenarioText, testProvenance, writeSmallScenarios } from './runnerHelpers.ts';

const REPS = 4;

async function run(files: string[], outDir: string, extra: Partial<RunExperimentOptions> = {}) {
  const notices: string[] = [];
  const summary = await runExperiment({
    scenarios: await loadScenarioFiles(files),
    replications: REPS,
    baseSeed: 11,
    outDir,
    workers: 2,
    resultsDetail: 'all',
    renderReport: false,
    provenance: testProvenance,
    onNotice: (m) => notices.push(m),
    ...extra,
  });
  return { summary, notices };
}

/** Store facts: replications per scenario, rows in results, sum of result_count, duplicated keys. */
function storeFacts(outDir: string) {
  const db = new Database(path.join(outDir, 'results.sqlite'), { readonly: true });
  try {
    const replications = db
      .prepare('SELECT s.name AS scenario, count(*) AS n FROM replications r JOIN scenarios s ON s.id = r.scenario_id GROUP BY s.name ORDER BY s.name')
      .all() as { scenario: string; n: number }[];
    const rows = (db.prepare('SELECT count(*) AS n FROM results').get() as { n: number }).n;
    const declared = (db.prepare('SELECT sum(result_count) AS n FROM replications').get() as { n: number }).n;
    const duplicates = (
      db
        .prepare(
          `SELECT count(*) AS n FROM (SELECT 1 FROM results GROUP BY scenario_id, replication, step, metric_id, zone, industry HAVING count(*) > 1)`,
        )
        .get() as { n: number }
    ).n;
    return { replications, rows, declared, duplicates };
  } finally {
    db.close();
  }
}

afterAll(removeScratchDirs);

describe('runExperiment', () => {
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
    // Sanity: the files hold what they should.
    expect(exports['results.csv'].split('\n')[0]).toBe('scenario,replication,seed,step,year,zone,industry,metric,value');
    expect(rowsOf(exports['results.csv'], ['more-zones']).some((line) => /^more-zones,3,\d+,36,2012,7,,zoneFirms,/.test(line))).toBe(true);
    expect(exports['paired.csv']).toMatch(/^more-zones,baseline,zoneFirmShare,4,/m);
  });

  it('stores each replication once, with its rows contiguous and in recording order', () => {
    const facts = storeFacts(reference);
    expect(facts.replications).toEqual([
      { scenario: 'baseline', n: REPS },
      { scenario: 'more-zones', n: REPS },
    ]);
    expect(facts.rows).toBe(facts.declared);
    expect(facts.duplicates).toBe(0);
    const db = new Database(path.join(reference, 'results.sqlite'), { readonly: true });
    try {
      const ranges = db.prepare('SELECT first_result_id AS a, last_result_id AS b, result_count AS n FROM replications').all() as {
        a: number;
        b: number;
        n: number;
      }[];
      for (const r of ranges) expect(r.b - r.a + 1).toBe(r.n);
      // Within a replication, id order = (step, metric id, zone, industry) order.
      const rows = db
        .prepare('SELECT step, metric_id AS m, coalesce(zone, -1) AS z, coalesce(industry, -1) AS j FROM results WHERE id BETWEEN ? AND ? ORDER BY id')
        .raw(true)
        .all(ranges[0].a, ranges[0].b) as number[][];
      const sorted = [...rows].sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3]);
      expect(rows).toEqual(sorted);
      // The tidy view has the CSV's columns.
      const tidy = db.prepare("SELECT * FROM tidy_results WHERE scenario = 'baseline' AND replication = 0 AND step = 0 AND metric = 'firms'").get();
      expect(tidy).toEqual({ scenario: 'baseline', replication: 0, seed: expect.any(Number), step: 0, year: 2009, zone: null, industry: null, metric: 'firms', value: 60 });
    } finally {
      db.close();
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
    const partial = storeFacts(outDir);
    expect(partial.replications.reduce((sum, r) => sum + r.n, 0)).toBe(3);
    expect(partial.rows).toBe(partial.declared);

    const { summary } = await run(files, outDir, { workers: 1 });
    expect(summary.replicationsReused).toBe(3);
    expect(summary.replicationsRun).toBe(2 * REPS - 3);
    const facts = storeFacts(outDir);
    const referenceFacts = storeFacts(reference);
    expect(facts.replications).toEqual(referenceFacts.replications);
    expect(facts.rows).toBe(referenceFacts.rows);
    expect(facts.duplicates).toBe(0);
    expectSameExports(readExports(outDir), referenceExports);

    // Running the finished command again computes nothing and rewrites the same files.
    const again = await run(files, outDir, { workers: 2 });
    expect(again.summary.replicationsRun).toBe(0);
    expectSameExports(readExports(outDir), referenceExports);
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

  it('recomputes a scenario whose file changed on resume, and only that one', async () => {
    const dir = scratchDir();
    const copies = files.map((f) => {
      const to = path.join(dir, path.basename(f));
      copyFileSync(f, to);
      return to;
    });
    const outDir = path.join(dir, 'out');
    await run(copies, outDir);
    writeFileSync(copies[1], smallScenarioText('more-zones', 9));
    const { summary, notices } = await run(copies, outDir);
    expect(summary.replicationsRun).toBe(REPS);
    expect(summary.replicationsReused).toBe(REPS);
    expect(notices.join('\n')).toMatch(/scenario "more-zones" .* changed since its results were stored: its 4 stored replications are recomputed/);
    const resumed = readExports(outDir);
    expect(rowsOf(resumed['results.csv'], ['baseline'])).toEqual(rowsOf(referenceExports['results.csv'], ['baseline']));
    expect(rowsOf(resumed['results.csv'], ['more-zones'])).not.toEqual(rowsOf(referenceExports['results.csv'], ['more-zones']));
    expect(rowsOf(resumed['zones.csv'], ['more-zones']).filter((l) => l.split(',')[1] === '0')).toHaveLength(9);

    const fresh = path.join(dir, 'fresh');
    await run(copies, fresh);
    expectSameExports(readExports(fresh), resumed);
    expect(storeFacts(outDir).rows).toBe(storeFacts(fresh).rows);
  });

  it('writes zone and industry values only at the last step with resultsDetail "final"', async () => {
    const outDir = path.join(scratchDir(), 'final');
    await run(files, outDir, { resultsDetail: 'final' });
    const csv = readFileSync(path.join(outDir, 'results.csv'), 'utf8');
    const all = referenceExports['results.csv'];
    const expected = all
      .split('\n')
      .filter((line, i) => {
        if (i === 0 || line === '') return true;
        const f = line.split(',');
        return (f[5] === '' && f[6] === '') || f[3] === '36';
      })
      .join('\n');
    expect(csv).toBe(expected);
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
    expect(manifest.resultsDetail).toBe('final');
  });
});
