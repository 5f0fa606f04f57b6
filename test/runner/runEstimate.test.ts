/**
 * The estimate shown before a run (issue 11, item 4): the bytes of values a task stores are computed
 * exactly (checked against a real store), the estimate grows with replications and workers as it
 * should, the plan line shows it, and a run the machine cannot hold is refused in one line before any
 * task runs.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { runComparison } from '../../src/comparison/runComparison.ts';
import { comparisonRecording, DEFAULT_RECORD_OPTION, provinceSeriesRecording } from '../../src/runner/recording.ts';
import { estimateRun, formatBytes, formatDuration, memoryWarning, resourceProblem, storedBytesPerTask } from '../../src/runner/runEstimate.ts';
import { loadScenarioFiles } from '../../src/scenario/loadScenarioFile.ts';
import { writeFileSync } from 'node:fs';
import { removeScratchDirs, scratchDir, testProvenance, writeSmallScenarios } from './runnerHelpers.ts';

afterAll(removeScratchDirs);

async function cli(...args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(['node', 'zonesim', ...args], { out: () => undefined, err: (s) => (err += s) });
  return { code, err };
}

describe('storedBytesPerTask', () => {
  it('equals the bytes of the BLOBs a comparison stores per task (names aside)', async () => {
    const dir = scratchDir();
    const files = writeSmallScenarios(dir);
    const out = path.join(dir, 'out');
    const scenarios = await loadScenarioFiles(files);
    for (const record of [DEFAULT_RECORD_OPTION, { zoneSeries: true, industrySeries: true }]) {
      const folder = `${out}-${record.zoneSeries ? 'all' : 'final'}`;
      await runComparison({ scenarios, replications: 2, baseSeed: 3, outDir: folder, workers: 1, record, renderReport: false, provenance: testProvenance });
      const db = new Database(path.join(folder, 'run.sqlite'), { readonly: true });
      const rows = db
        .prepare(
          `SELECT s.name AS name, length(steps) + length(years) + length(province) + length(zone) + length(industry) + length(outcomes) +
             length(zone_layout) + length(zone_leading) + length(industry_attributes) AS bytes
           FROM tasks t JOIN scenarios s ON s.parameter_set_id = t.parameter_set_id`,
        )
        .all() as { name: string; bytes: number }[];
      db.close();
      expect(rows).toHaveLength(4);
      for (const row of rows) {
        const scenario = scenarios.find((s) => s.name === row.name)!;
        expect(storedBytesPerTask(scenario.modelInput.parameters, comparisonRecording(record)), `${row.name}, ${record.zoneSeries}`).toBe(row.bytes);
      }
    }
  });
});

describe('estimateRun', () => {
  it('grows linearly with tasks in time and disk, and with workers in memory; time falls with workers', async () => {
    const [scenario] = await loadScenarioFiles([path.resolve(import.meta.dirname, '..', '..', 'scenarios', 'henan.yaml')]);
    const recording = comparisonRecording(DEFAULT_RECORD_OPTION);
    const one = estimateRun([{ parameters: scenario.modelInput.parameters, tasks: 10 }], recording, 1);
    const more = estimateRun([{ parameters: scenario.modelInput.parameters, tasks: 20 }], recording, 1);
    const two = estimateRun([{ parameters: scenario.modelInput.parameters, tasks: 20 }], recording, 2);
    expect(more.seconds).toBeCloseTo(2 * one.seconds, 9);
    // Disk: 3.06 bytes per byte of values plus 1.8 MB for the report.
    const perTask = storedBytesPerTask(scenario.modelInput.parameters, recording);
    expect(one.diskBytes).toBeCloseTo(1.8e6 + 3.06 * 10 * perTask, 3);
    expect(more.diskBytes - one.diskBytes).toBeCloseTo(3.06 * 10 * perTask, 3);
    expect(more.memoryBytes).toBe(one.memoryBytes);
    expect(two.seconds).toBeCloseTo(more.seconds / 2, 9);
    // One more worker process: the worker's share of memory again (main process 100 MB + 2 × worker).
    expect(two.memoryBytes - 100e6).toBeCloseTo(2 * (more.memoryBytes - 100e6), 3);
    // Henan: 0.005 + 75e-9 × 1,122,000 + 230e-9 × 950,400 ≈ 0.308 s per replication (in a busy worker).
    expect(one.seconds).toBeCloseTo(10 * (0.005 + 75e-9 * 1_122_000 + 230e-9 * 950_400), 6);
  });

  it("counts a kind's own recording: a robustness variant's few series, not the run's", async () => {
    const [scenario] = await loadScenarioFiles([path.resolve(import.meta.dirname, '..', '..', 'scenarios', 'henan.yaml')]);
    const parameters = scenario.modelInput.parameters;
    const series = provinceSeriesRecording(['output']);
    // Henan records 23 instants (2009–2031): per instant its year and one value (doubles), and its step (int32).
    expect(storedBytesPerTask(parameters, series)).toBe(23 * 2 * 8 + 23 * 4);
    const full = comparisonRecording(DEFAULT_RECORD_OPTION);
    const mixed = estimateRun([{ parameters, tasks: 10 }, { parameters, tasks: 5, recording: series }], full, 1);
    expect(mixed.diskBytes).toBeCloseTo(1.8e6 + 3.06 * (10 * storedBytesPerTask(parameters, full) + 5 * 460), 3);
  });

  it('formats durations and sizes for the plan line', () => {
    expect([formatDuration(0.2), formatDuration(44), formatDuration(600), formatDuration(7.5 * 3600), formatDuration(3 * 86400)]).toEqual(['1 s', '44 s', '10 min', '7.5 h', '3.0 days']);
    expect([formatBytes(500), formatBytes(36.5e6), formatBytes(121.8e9)]).toEqual(['1 kB', '37 MB', '121.8 GB']);
  });

  it('warns when the run may need more memory than is free now', () => {
    const estimate = { seconds: 1, memoryBytes: 3e9, diskBytes: 0 };
    expect(memoryWarning(estimate, 4e9)).toBeNull();
    expect(memoryWarning(estimate, 2e9)).toBe(
      'this run may need about 3.0 GB of memory and 2.0 GB are free now; close other programs or use fewer workers (--workers) if it slows down',
    );
  });

  it('names the resource a run exceeds', () => {
    const estimate = { seconds: 1, memoryBytes: 2e9, diskBytes: 5e9 };
    expect(resourceProblem(estimate, { outDir: 'x', freeDiskBytes: 1e10, totalMemoryBytes: 4e9 })).toBeNull();
    expect(resourceProblem(estimate, { outDir: 'x', freeDiskBytes: 1e9, totalMemoryBytes: 4e9 })).toBe(
      'x: this run needs about 5.0 GB of disk and 1.0 GB are free there; free some space, choose an --out folder on a larger disk, or run fewer replications (--reps) or shards (--shard i/n) on several machines',
    );
    expect(resourceProblem(estimate, { outDir: 'x', freeDiskBytes: 1e10, totalMemoryBytes: 1e9 })).toBe(
      'this run needs about 2.0 GB of memory and the machine has 1.0 GB; use fewer workers (--workers), or a smaller scenario',
    );
  });
});

describe('on the command line', () => {
  it('the plan line shows the estimate', async () => {
    const dir = scratchDir();
    const [baseline] = writeSmallScenarios(dir);
    const result = await cli('run', baseline, '--reps', '2', '--workers', '1', '--out', path.join(dir, 'out'), '--no-report');
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/^zonesim: 1 scenario\(s\) × 2 replications → .* \(2 to run on 1 worker\(s\); about \d+ s, \d+ MB of memory, \d+ MB of disk\)$/m);
  });

  it('refuses, before any task runs, a run that needs more disk than any machine has free (30 TB)', async () => {
    const dir = scratchDir();
    // 5,000 zones with every zone series kept: about 0.3 GB of values per replication, × 100,000.
    writeFileSync(path.join(dir, 'wide.yaml'), ['name: wide', 'description: Many zones.', 'zones:', '  count: 5000', ''].join('\n'));
    const out = path.join(dir, 'out');
    const result = await cli('run', path.join(dir, 'wide.yaml'), '--reps', '100000', '--record', 'all', '--out', out, '--quiet');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^zonesim: .*out: this run needs about [\d.]+ TB|GB of disk and [\d.]+ (GB|MB) are free there; free some space, .*\n$/);
    const db = new Database(path.join(out, 'run.sqlite'), { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n).toBe(0);
    db.close();
  }, 60_000);

  it('refuses a run that needs more memory than the machine has (1,024 workers on up to 4.8 million firms each)', async () => {
    const dir = scratchDir();
    writeFileSync(
      path.join(dir, 'crowded.yaml'),
      ['name: crowded', 'description: Near the firm bound.', 'time:', '  years: 1', 'firms:', '  initialCount: 1000000', 'projects:', '  perYear: 1900000', 'zones:', '  count: 3', ''].join('\n'),
    );
    const result = await cli('run', path.join(dir, 'crowded.yaml'), '--reps', '2000', '--workers', '1024', '--out', path.join(dir, 'out'), '--quiet');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^zonesim: this run needs about [\d.]+ (GB|TB) of memory and the machine has [\d.]+ GB; use fewer workers \(--workers\), or a smaller scenario\n$/);
  }, 60_000);
});
