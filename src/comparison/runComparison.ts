/**
 * The scenario runner: N seeded replications of each scenario on a pool of worker threads, each
 * committed to the run store (results.sqlite) as it finishes; then the summaries, the CSV exports,
 * report-data.json, manifest.json and (when src/report/renderReport.ts is there) the HTML report.
 *
 * Seeds: replication r of every scenario uses replicationSeed(baseSeed, r) — a function of the two
 * numbers only — so every scenario faces the same draws (common random numbers) and adding or
 * removing a scenario changes no other scenario's results.
 *
 * Resume: running the same command again (same --out folder) reuses every replication already stored
 * for the same scenario name, content hash, replication index and seed under the same model code,
 * and computes only the rest. The files are then byte-identical to an uninterrupted run's (only the
 * timing and session fields of manifest.json differ).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { replicationSeed } from '../model/randomStreams.ts';
import { reporters } from '../outcomes/reporters.ts';
import type { ReportInput, ReportManifest } from '../report/reportInput.ts';
import type { LoadedScenario } from '../scenario/loadScenarioFile.ts';
import { exportStoreFiles, exportSummaryFiles, type ResultsDetail } from './exportRun.ts';
import { modelFingerprint } from './modelFingerprint.ts';
import { RunStore, STORE_FILE_NAME, STORE_FORMAT_VERSION } from './runStore.ts';
import { chooseBaseline, summariseRun } from './summariseRun.ts';
import { TIDY_CSV_HEADER } from './tidyCsv.ts';
import { defaultWorkerCount, runReplicationsOnWorkers, type ReplicationJob } from './workerPool.ts';

/** What {@link runExperiment} needs. */
export interface RunExperimentOptions {
  /** Scenarios in display order (names unique). */
  readonly scenarios: readonly LoadedScenario[];
  /** Replications per scenario (≥ 1). */
  readonly replications: number;
  /** Base seed; replication r uses replicationSeed(baseSeed, r) in every scenario. */
  readonly baseSeed: number;
  /** Run folder (created if needed); results.sqlite in it is created or resumed. */
  readonly outDir: string;
  /** Worker threads (default: {@link defaultWorkerCount}). */
  readonly workers?: number;
  /** Baseline scenario for the paired comparisons (default: `baseline` if run, else the first). */
  readonly baseline?: string | null;
  /**
   * Rows of results.csv (default 'final': zone and industry values at the last recorded step only,
   * which keeps the bundled run's CSV near 60 MB instead of ~400 MB); see {@link ResultsDetail}.
   * results.sqlite always holds every value.
   */
  readonly resultsDetail?: ResultsDetail;
  /** Render the HTML report after the exports (default true). */
  readonly renderReport?: boolean;
  /** Facts for the manifest that the caller knows (version, commit, command line). */
  readonly provenance: { zonesimVersion: string; gitCommit: string | null; command: string };
  /** Stop: no more replications are started, the store stays consistent, a {@link RunInterruptedError} is thrown. */
  readonly signal?: AbortSignal;
  /** Called once the plan is known: replications in total, to compute now, and reused from the store. */
  readonly onPlan?: (plan: RunPlan) => void;
  /** Called after each replication computed (and committed) in this run: done of toRun. */
  readonly onReplicationDone?: (done: number, toRun: number) => void;
  /** Things the user should know (a changed scenario recomputed, values left out). */
  readonly onNotice?: (message: string) => void;
  /** Called when the work after the replications starts: summaries, exports, the HTML report. */
  readonly onPhase?: (phase: 'summarise' | 'export' | 'report') => void;
}

/** How many replications a run needs, computes now and reuses. */
export interface RunPlan {
  readonly outDir: string;
  readonly total: number;
  readonly toRun: number;
  readonly reused: number;
  readonly workers: number;
}

/** Summary returned to the caller (the manifest has more). */
export interface RunSummary {
  readonly outDir: string;
  /** Files written, relative to outDir (results.sqlite first). */
  readonly files: readonly string[];
  /** Replications computed in this run. */
  readonly replicationsRun: number;
  /** Replications found in the store and reused. */
  readonly replicationsReused: number;
  readonly wallTimeSeconds: number;
  /** Path of the HTML report, or null when it was not rendered. */
  readonly reportPath: string | null;
  /** Why the HTML report was not rendered, or null. */
  readonly reportNote: string | null;
  /** Sizes of the exported files in bytes, by file name. */
  readonly fileSizes: Readonly<Record<string, number>>;
}

/** The run was stopped (signal) before every replication finished; finished ones are stored. */
export class RunInterruptedError extends Error {
  /**
   * @param outDir the run folder (run the same command again to resume).
   * @param stored replications stored for this run's scenarios.
   * @param total replications the run needs.
   */
  constructor(
    readonly outDir: string,
    readonly stored: number,
    readonly total: number,
  ) {
    super(`interrupted: ${stored} of ${total} replications are stored in ${path.join(outDir, STORE_FILE_NAME)}`);
    this.name = 'RunInterruptedError';
  }
}

/** Timing and session fields of the manifest: they differ between otherwise identical runs. */
export const MANIFEST_SESSION_FIELDS = ['command', 'workers', 'startedAt', 'finishedAt', 'wallTimeSeconds', 'timings'] as const;

const RENDER_REPORT_FILE = fileURLToPath(new URL('../report/renderReport.ts', import.meta.url));

/**
 * Run every scenario for `replications` replications (resuming what the store already has), then
 * write into `outDir`: results.sqlite, results.csv, summary.csv, end-state.csv, paired.csv,
 * zones.csv, industries.csv, scenarios/<name>.yaml, report-data.json, manifest.json and the HTML
 * report. Memory is bounded: only in-flight replications (one per worker) are held.
 *
 * @throws {RunInterruptedError} when `signal` aborts before all replications are stored.
 * @throws {UnknownBaselineError} when `baseline` names no scenario (checked before any work).
 * @throws {ReplicationFailedError} when the model fails in a worker.
 */
export async function runExperiment(options: RunExperimentOptions): Promise<RunSummary> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const names = options.scenarios.map((s) => s.name);
  const baseline = chooseBaseline(names, options.baseline);
  const notice = options.onNotice ?? (() => {});
  const workers = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()));
  const fingerprint = modelFingerprint();

  mkdirSync(options.outDir, { recursive: true });
  const store = new RunStore(path.join(options.outDir, STORE_FILE_NAME));
  try {
    const deleted = store.beginRun(
      { zonesimVersion: options.provenance.zonesimVersion, modelFingerprint: fingerprint, baseSeed: options.baseSeed, replications: options.replications },
      reporters.map((r) => ({ name: r.name, scope: r.scope })),
    );
    if (deleted > 0) notice(`the model code changed since ${options.outDir} was written: its ${deleted} stored replications are recomputed`);

    const scenarioIds: number[] = [];
    for (const s of options.scenarios) {
      const prepared = store.prepareScenario({
        name: s.name,
        contentHash: s.contentHash,
        file: s.file,
        description: s.description,
        sourceText: s.sourceText,
        overridesJson: JSON.stringify(s.overrides),
        parametersJson: JSON.stringify(s.modelInput.parameters),
      });
      scenarioIds.push(prepared.scenario.id);
      if (prepared.status === 'changed') {
        notice(
          `scenario "${s.name}" (${s.file}) changed since its results were stored` +
            (prepared.deletedReplications > 0 ? `: its ${prepared.deletedReplications} stored replications are recomputed` : ''),
        );
      }
    }

    // Replication-major order: early results cover every scenario, and the ETA is steadier.
    const seeds = Array.from({ length: options.replications }, (_, r) => replicationSeed(options.baseSeed, r));
    const jobs: ReplicationJob[] = [];
    let reseeded = 0;
    for (let r = 0; r < options.replications; r++) {
      options.scenarios.forEach((_, index) => {
        const stored = store.replication(scenarioIds[index], r);
        if (stored && stored.seed === seeds[r]) return;
        if (stored && store.deleteReplication(scenarioIds[index], r)) reseeded++;
        jobs.push({ scenarioIndex: index, replication: r, seed: seeds[r] });
      });
    }
    if (reseeded > 0) notice(`${reseeded} stored replications had another base seed and are recomputed`);
    const total = options.scenarios.length * options.replications;
    const usedWorkers = Math.min(workers, jobs.length);
    options.onPlan?.({ outDir: options.outDir, total, toRun: jobs.length, reused: total - jobs.length, workers: usedWorkers });

    let done = 0;
    const simulateStarted = Date.now();
    const outcome = await runReplicationsOnWorkers({
      scenarios: options.scenarios.map((s) => ({ name: s.name, modelInput: s.modelInput })),
      jobs,
      workers: usedWorkers,
      signal: options.signal,
      onResult: ({ job, record, wallMs }) => {
        store.commitReplication(scenarioIds[job.scenarioIndex], job.replication, job.seed, wallMs, record);
        done++;
        options.onReplicationDone?.(done, jobs.length);
      },
    });
    const simulateSeconds = (Date.now() - simulateStarted) / 1000;
    if (outcome.aborted) throw new RunInterruptedError(options.outDir, total - jobs.length + done, total);

    options.onPhase?.('summarise');
    const summariseStarted = Date.now();
    let nonFinite = 0;
    const scenarioTimings = options.scenarios.map((s, index) => {
      const reps = store.replicationsOf(scenarioIds[index]).filter((r) => r.replication < options.replications);
      const ms = reps.reduce((sum, r) => sum + r.wallMs, 0);
      for (const r of reps) nonFinite += r.nonFiniteCount;
      return { name: s.name, replicationSeconds: ms / 1000, meanReplicationMs: reps.length > 0 ? ms / reps.length : 0 };
    });
    if (nonFinite > 0) notice(`${nonFinite} values were NaN or infinite and were left out of the results (a model defect; please report it)`);
    const manifestBase = {
      zonesimVersion: options.provenance.zonesimVersion,
      gitCommit: options.provenance.gitCommit,
      command: options.provenance.command,
      nodeVersion: process.version,
      platform: `${process.platform}-${process.arch}`,
      modelFingerprint: fingerprint,
      storeFormat: STORE_FORMAT_VERSION,
      baseSeed: options.baseSeed,
      replications: options.replications,
      workers: usedWorkers,
      baseline,
      seeds: seeds.map((seed, replication) => ({ replication, seed })),
      scenarios: options.scenarios.map((s) => ({ name: s.name, description: s.description, file: s.file, contentHash: s.contentHash })),
      resultsDetail: options.resultsDetail ?? 'final',
      startedAt,
    };
    const timings = {
      replicationsComputed: done,
      replicationsReused: total - jobs.length,
      simulateSeconds,
      scenarios: scenarioTimings,
    };
    const reportManifest: ReportManifest = {
      ...manifestBase,
      wallTimeSeconds: (Date.now() - started) / 1000,
      timings,
    };
    const input: ReportInput = summariseRun(store, {
      scenarios: names,
      replications: options.replications,
      baseline,
      manifest: reportManifest,
    });
    const summariseSeconds = (Date.now() - summariseStarted) / 1000;

    options.onPhase?.('export');
    const exportStarted = Date.now();
    const exported = [
      ...exportStoreFiles(store, {
        outDir: options.outDir,
        scenarios: names,
        replications: options.replications,
        detail: options.resultsDetail ?? 'final',
      }),
      ...exportSummaryFiles(input, options.outDir),
    ];
    const exportSeconds = (Date.now() - exportStarted) / 1000;
    store.close();

    let reportPath: string | null = null;
    let reportNote: string | null = null;
    const reportFiles: string[] = [];
    const reportStarted = Date.now();
    if (options.renderReport === false) {
      reportNote = 'HTML report not rendered (--no-report)';
    } else {
      options.onPhase?.('report');
      const rendered = await renderHtmlReport(input, options.outDir);
      reportPath = rendered.htmlPath;
      reportNote = rendered.note;
      reportFiles.push(...rendered.files);
    }
    const reportSeconds = (Date.now() - reportStarted) / 1000;

    const wallTimeSeconds = (Date.now() - started) / 1000;
    const fileSizes: Record<string, number> = {};
    for (const f of exported) fileSizes[f.file] = f.bytes;
    const manifest = {
      ...manifestBase,
      finishedAt: new Date().toISOString(),
      wallTimeSeconds,
      timings: { ...timings, summariseSeconds, exportSeconds, reportSeconds },
      files: {
        [STORE_FILE_NAME]: 'every finished replication (SQLite; view tidy_results has the columns of results.csv)',
        'results.csv':
          `tidy long results: ${TIDY_CSV_HEADER}` +
          ((options.resultsDetail ?? 'final') === 'final' ? ' (zone and industry values at the last recorded step only; all steps in results.sqlite)' : ''),
        'summary.csv': 'mean, sd and 95% t-interval per scenario, province metric and recorded step',
        'end-state.csv': 'distribution of each province metric at the last recorded step',
        'paired.csv': `paired differences scenario − baseline (${baseline ?? 'none'}) of the end state`,
        'zones.csv': 'zone layout per scenario and replication',
        'industries.csv': 'industry attributes per scenario and replication',
        'report-data.json': 'the data the HTML report is rendered from',
        ...(reportPath ? { [path.relative(options.outDir, reportPath)]: 'the HTML report' } : {}),
      },
    };
    writeFileSync(path.join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return {
      outDir: options.outDir,
      files: [STORE_FILE_NAME, ...exported.map((f) => f.file), 'manifest.json', ...reportFiles],
      replicationsRun: done,
      replicationsReused: total - jobs.length,
      wallTimeSeconds,
      reportPath,
      reportNote,
      fileSizes,
    };
  } finally {
    store.close();
  }
}

/**
 * Call `renderReport(input, outDir)` from src/report/renderReport.ts when that module exists (it is
 * written separately); otherwise skip with a note.
 */
async function renderHtmlReport(input: ReportInput, outDir: string): Promise<{ htmlPath: string | null; note: string | null; files: string[] }> {
  if (!existsSync(RENDER_REPORT_FILE)) {
    return { htmlPath: null, note: 'HTML report skipped: src/report/renderReport.ts is not available yet', files: [] };
  }
  const module = (await import(pathToFileURL(RENDER_REPORT_FILE).href)) as {
    renderReport?: (input: ReportInput, outDir: string) => Promise<string[]>;
  };
  if (typeof module.renderReport !== 'function') {
    return { htmlPath: null, note: 'HTML report skipped: src/report/renderReport.ts exports no renderReport function', files: [] };
  }
  const files = await module.renderReport(input, outDir);
  const resolved = files.map((f) => (path.isAbsolute(f) || !existsSync(path.join(outDir, f)) ? f : path.join(outDir, f)));
  const htmlPath = resolved.find((f) => path.basename(f) === 'index.html') ?? resolved.find((f) => f.endsWith('.html')) ?? null;
  return {
    htmlPath,
    note: htmlPath ? null : 'the report renderer wrote no .html file',
    files: resolved.map((f) => path.relative(outDir, f)),
  };
}
