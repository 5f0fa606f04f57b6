/**
 * A comparison of scenarios: N seeded replications of each scenario run as tasks of one run
 * (src/runner/runTasks.ts: one worker pool, one resumable store), then — an analysis over the stored
 * tasks — the summaries, paired differences against the baseline, CSV exports, report-data.json.gz,
 * manifest.json and the HTML report.
 *
 * Resume: running the same command again (same --out folder) reuses every task already stored for the
 * same parameters, replication, seed and recording under the same code, and computes only the rest;
 * the files are then byte-identical to an uninterrupted run's (only the timing and session fields of
 * manifest.json differ). When every task is stored and nothing the outputs depend on changed, the
 * outputs are left as they are (src/runner/finishedOutputs.ts). A shard (`shard: { index, count }`)
 * computes only its tasks and writes only its store; `zonesim merge` finishes the comparison.
 *
 * Extension (`options.extension`, the claims command, src/claims/runClaimsFile.ts): extra parameter
 * sets run after the scenarios' tasks on the same pool into the same store, and extra outputs written
 * from the store before the report, whose first section they supply.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChartImageFormat } from '../report/renderChartImages.ts';
import { REPORT_DATA_FILE } from '../report/reportData.ts';
import type { RenderReportOptions } from '../report/renderReport.ts';
import type { ReportInput, ReportManifest } from '../report/reportInput.ts';
import type { LeadingSection } from '../report/renderReport.ts';
import type { ModelInput } from '../model/modelInput.ts';
import type { ParameterOverrides } from '../runner/parameterSets.ts';
import type { LoadedScenario } from '../scenario/loadScenarioFile.ts';
import type { AnalysisRunOptions, RunProvenance } from '../runner/analysisRunOptions.ts';
import { forgetOutputs, outputsKey, outputsUpToDate, recordOutputs } from '../runner/finishedOutputs.ts';
import { withStoreFile } from '../runner/environmentErrors.ts';
import { stopIfAborted } from '../runner/outputsCheckpoint.ts';
import type { RunEstimate } from '../runner/runEstimate.ts';
import { modelFingerprint } from '../runner/modelFingerprint.ts';
import { modelInputHash, parameterSetHash } from '../runner/parameterSets.ts';
import { comparisonRecording, DEFAULT_RECORD_OPTION, formatRecordOption, recordingHash, type Recording, type RecordOption } from '../runner/recording.ts';
import { RunStore, RunStoreError, STORE_FILE_NAME, STORE_FORMAT_VERSION, taskIdsKey } from '../runner/runStore.ts';
import { planRunWithoutStore, registerRun, RunInterruptedError, runTasks, type RunDefinition, type StorelessRunPlan, type RunModel, type RunParameterSet, type RunTask } from '../runner/runTasks.ts';
import { formatShard, type Shard } from '../runner/shards.ts';
import { comparisonSeeds, comparisonSpecHash, comparisonSpecJson, locateComparison, type ComparisonSpec, type LocatedComparison } from './comparisonSpec.ts';
import { exportComparisonFiles, exportSummaryFiles, RESULTS_CSV_KEY_COLUMNS } from './exportComparison.ts';
import { chooseBaseline, summariseComparison } from './summariseComparison.ts';

/** Which charts of the report get image files (the page always draws every chart). */
export type ReportImages = NonNullable<RenderReportOptions['images']>;

/**
 * Image formats of a comparison's chart files by default: SVG only (vector, editable, and the cheaper
 * of the two to draw; PNG with `--image-formats png` or `png,svg`).
 */
export const DEFAULT_COMPARISON_IMAGE_FORMATS: readonly ChartImageFormat[] = ['svg'];

/**
 * Extra work of a comparison (the claims command's robustness variants and verdicts): parameter sets
 * run with the scenarios, on the same worker pool into the same store, but not shown as scenarios;
 * and outputs written from the store before the report, with a section the report opens with.
 */
export interface ComparisonExtension {
  /**
   * Parameter sets run besides the scenarios: a model input with overrides, replications 0 … n − 1
   * seeded like the scenarios', and what their tasks record (default: the comparison's recording; a
   * set equal to a scenario's always shares the scenario's tasks and recording).
   */
  readonly parameterSets: readonly {
    readonly input: ModelInput;
    readonly overrides: ParameterOverrides;
    readonly replications: number;
    readonly description: string;
    readonly recording?: Recording;
  }[];
  /** Everything the extension's outputs depend on besides the comparison (part of the outputs' key). */
  readonly key: string;
  /** Files the extension writes and what they hold (for manifest.json). */
  readonly manifestFiles: Readonly<Record<string, string>>;
  /** Write the extension's files from the store; returns them (relative to outDir) and the report's leading section. */
  readonly write: (context: { readonly store: RunStore; readonly located: LocatedComparison; readonly outDir: string }) => Promise<{
    readonly files: readonly { readonly file: string; readonly bytes: number }[];
    readonly leadingSection: LeadingSection | null;
  }>;
}

/** What {@link runComparison} needs. */
export interface RunComparisonOptions extends AnalysisRunOptions {
  /** Scenarios in display order (names unique). */
  readonly scenarios: readonly LoadedScenario[];
  /** Replications per scenario (≥ 1). */
  readonly replications: number;
  /** Base seed; replication r uses replicationSeed(baseSeed, r) in every scenario. */
  readonly baseSeed: number;
  /** Baseline scenario for the paired comparisons (default: `baseline` if run, else the first). */
  readonly baseline?: string | null;
  /**
   * Which zone and industry series to keep (default: none — zone and industry values at the last
   * recorded step only; province series are always kept).
   */
  readonly record?: RecordOption;
  /** Charts written as image files (default 'key': the key outcomes' charts, the forest plots and the baseline's map). */
  readonly images?: ReportImages;
  /** Called once the plan is known: replications in total, to compute now, and reused from the store. */
  readonly onPlan?: (plan: ComparisonPlan) => void;
  /** Called after each replication computed (and committed) in this run: done of toRun. */
  readonly onReplicationDone?: (done: number, toRun: number) => void;
  /** Called when the work after the replications starts: summaries, exports, the HTML report. */
  readonly onPhase?: (phase: 'summarise' | 'export' | 'report') => void;
  /** Extra parameter sets and outputs (the claims command); none by default. */
  readonly extension?: ComparisonExtension;
}

/** How many replications a comparison needs, computes now and reuses. */
export interface ComparisonPlan {
  readonly outDir: string;
  /** Replications of this invocation (the shard's, or all), each computed once. */
  readonly total: number;
  /**
   * Distinct replications of the whole comparison: scenarios × replications, less those shared by
   * scenarios with identical parameters (computed once, used by each).
   */
  readonly distinct: number;
  readonly toRun: number;
  readonly reused: number;
  readonly workers: number;
  readonly shard: Shard | null;
  /** Time, memory and disk of the replications to run (src/runner/runEstimate.ts). */
  readonly estimate: RunEstimate | null;
}

/** Summary returned to the caller (the manifest has more). */
export interface ComparisonSummary {
  readonly outDir: string;
  /** Files written, relative to outDir (run.sqlite first). */
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
  /** True when every output was already up to date and nothing was rewritten. */
  readonly outputsUnchanged: boolean;
  readonly shard: Shard | null;
}

/** Timing and session fields of the manifest: they differ between otherwise identical runs. */
export const MANIFEST_SESSION_FIELDS = ['command', 'workers', 'startedAt', 'finishedAt', 'wallTimeSeconds', 'timings'] as const;

const RENDER_REPORT_FILE = fileURLToPath(new URL('../report/renderReport.ts', import.meta.url));

/** The run definition of a comparison: one parameter set per scenario, replication-major tasks. */
function comparisonRun(
  scenarios: readonly LoadedScenario[],
  seeds: readonly number[],
  record: RecordOption,
  extension: Pick<ComparisonExtension, 'parameterSets'> | undefined,
  baseSeed: number,
): { definition: RunDefinition; spec: Omit<ComparisonSpec, 'baseline' | 'replications' | 'baseSeed'>; describeExtra: Map<number, string> } {
  const models: RunModel[] = [];
  const modelIndex = new Map<string, number>();
  const parameterSets: RunParameterSet[] = [];
  const parameterSetIndex = new Map<string, number>();
  const scenarioParameterSet: number[] = [];
  for (const s of scenarios) {
    const hash = modelInputHash(s.modelInput);
    let model = modelIndex.get(hash);
    if (model === undefined) {
      model = models.push({ hash, input: s.modelInput }) - 1;
      modelIndex.set(hash, model);
    }
    const psHash = parameterSetHash(hash, []);
    let ps = parameterSetIndex.get(psHash);
    if (ps === undefined) {
      ps = parameterSets.push({ hash: psHash, model, overrides: [] }) - 1;
      parameterSetIndex.set(psHash, ps);
    }
    scenarioParameterSet.push(ps);
  }
  const recording = comparisonRecording(record);
  const recordings: RunDefinition['recordings'][number][] = [{ hash: recordingHash(recording), recording }];
  /** Index of a recording in `recordings`, added when new (the comparison's is 0). */
  const recordingIndex = (other: Recording | undefined): number => {
    if (other === undefined) return 0;
    const hash = recordingHash(other);
    const found = recordings.findIndex((r) => r.hash === hash);
    return found >= 0 ? found : recordings.push({ hash, recording: other }) - 1;
  };
  const scenarioSets = new Set(scenarioParameterSet);
  // Replication-major order: early results cover every scenario, and the ETA is steadier.
  const tasks: RunTask[] = [];
  seeds.forEach((seed, replication) => {
    for (const parameterSet of scenarioParameterSet) tasks.push({ parameterSet, replication, seed, recording: 0 });
  });
  // The extension's parameter sets after the scenarios' tasks (a set equal to a scenario's shares its tasks).
  const describeExtra = new Map<number, string>();
  const extraSets: { ps: number; replications: number; recording: number }[] = [];
  for (const extra of extension?.parameterSets ?? []) {
    const hash = modelInputHash(extra.input);
    let model = modelIndex.get(hash);
    if (model === undefined) {
      model = models.push({ hash, input: extra.input }) - 1;
      modelIndex.set(hash, model);
    }
    const psHash = parameterSetHash(hash, extra.overrides);
    let ps = parameterSetIndex.get(psHash);
    if (ps === undefined) {
      ps = parameterSets.push({ hash: psHash, model, overrides: extra.overrides }) - 1;
      parameterSetIndex.set(psHash, ps);
      describeExtra.set(ps, extra.description);
    }
    extraSets.push({ ps, replications: extra.replications, recording: scenarioSets.has(ps) ? 0 : recordingIndex(extra.recording) });
  }
  const extraReplications = Math.max(0, ...extraSets.map((e) => e.replications));
  comparisonSeeds(baseSeed, extraReplications).forEach((seed, replication) => {
    for (const e of extraSets) if (replication < e.replications) tasks.push({ parameterSet: e.ps, replication, seed, recording: e.recording });
  });
  return {
    describeExtra,
    definition: { models, parameterSets, recordings, tasks },
    spec: {
      scenarios: scenarios.map((s, i) => ({ name: s.name, parameterSetHash: parameterSets[scenarioParameterSet[i]].hash })),
      record,
      recordingHash: recordings[0].hash,
    },
  };
}

/**
 * Plan a comparison without running it or touching its folder (the claims command's `--dry-run`): the
 * baseline is checked as {@link runComparison} checks it, the run is defined as it would be (the
 * scenarios' replications and the extension's parameter sets, shared tasks counted once), and its
 * distinct replications and estimate are returned as if the folder held nothing.
 *
 * @throws {UnknownBaselineError} when `baseline` names no scenario.
 * @example planComparison({ scenarios, replications: 30, baseSeed: 2009, parameterSets }) // { taskCount, workers, estimate }
 */
export function planComparison(
  options: Pick<RunComparisonOptions, 'scenarios' | 'replications' | 'baseSeed' | 'record' | 'workers' | 'baseline'> & {
    /** Parameter sets run besides the scenarios (a {@link ComparisonExtension}'s). */
    readonly parameterSets?: ComparisonExtension['parameterSets'];
  },
): StorelessRunPlan {
  chooseBaseline(options.scenarios.map((s) => s.name), options.baseline);
  const seeds = comparisonSeeds(options.baseSeed, options.replications);
  const extra = options.parameterSets === undefined ? undefined : { parameterSets: options.parameterSets };
  const { definition } = comparisonRun(options.scenarios, seeds, options.record ?? DEFAULT_RECORD_OPTION, extra, options.baseSeed);
  return planRunWithoutStore(definition, options.workers);
}

/**
 * Run every scenario for `replications` replications (resuming what the store already has), then
 * write into `outDir`: results.csv, zones.csv, industries.csv, summary.csv, end-state.csv,
 * paired.csv, scenarios/<name>.yaml, report-data.json.gz, manifest.json and the HTML report — unless
 * they are already up to date. Memory is bounded: only tasks in flight are held while simulating.
 *
 * @throws {RunInterruptedError} when `signal` aborts before all replications are stored.
 * @throws {UnknownBaselineError} when `baseline` names no scenario (checked before any work).
 * @throws {TaskFailedError} when the model fails in a worker.
 * @throws {RunStoreError} when the folder holds another format or an experiment.
 */
export async function runComparison(options: RunComparisonOptions): Promise<ComparisonSummary> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const names = options.scenarios.map((s) => s.name);
  const baseline = chooseBaseline(names, options.baseline);
  const notice = options.onNotice ?? (() => {});
  const record = options.record ?? DEFAULT_RECORD_OPTION;
  const shard = options.shard ?? null;
  const seeds = comparisonSeeds(options.baseSeed, options.replications);
  const { definition, spec: partial, describeExtra } = comparisonRun(options.scenarios, seeds, record, options.extension, options.baseSeed);
  const spec: ComparisonSpec = { ...partial, replications: options.replications, baseSeed: options.baseSeed, baseline };

  mkdirSync(options.outDir, { recursive: true });
  const store = RunStore.openFolder(options.outDir, { onNotice: notice });
  try {
    refuseConflictingComparison(store, options, spec);
    const { deletedForCode } = store.beginRun({
      zonesimVersion: options.provenance.zonesimVersion,
      codeFingerprint: modelFingerprint(),
      analysis: 'comparison',
      analysisHash: comparisonSpecHash(spec),
      analysisJson: comparisonSpecJson(spec),
      shard: shard === null ? null : formatShard(shard),
    });
    if (deletedForCode > 0) notice(`the model code changed since ${options.outDir} was written: its ${deletedForCode} stored replications are recomputed`);
    const registered = registerRun(store, definition);
    forgetStaleTasks(store, options, spec, registered.recordingIds[0], notice);

    const taskScenario = new Map<number, string>();
    options.scenarios.forEach((s, i) => taskScenario.set(definition.tasks[i].parameterSet, s.name));
    let total = 0;
    const outcome = await runTasks({
      store,
      run: registered,
      shard,
      workers: options.workers,
      signal: options.signal,
      onNotice: notice,
      describeTask: (task) =>
        `replication ${task.replication} (seed ${task.seed}) of ` +
        (taskScenario.has(task.parameterSet) ? `scenario "${taskScenario.get(task.parameterSet)}"` : (describeExtra.get(task.parameterSet) ?? `parameter set ${task.parameterSet}`)),
      onPlan: (plan) => {
        total = plan.tasksInRun;
        options.onPlan?.({
          outDir: options.outDir,
          total: plan.tasksInRun,
          distinct: plan.taskCount,
          toRun: plan.toRun,
          reused: plan.reused,
          workers: plan.workers,
          shard,
          estimate: plan.estimate,
        });
      },
      onTaskDone: options.onReplicationDone,
    });
    if (outcome.aborted) throw new RunInterruptedError(options.outDir, outcome.reused + outcome.computed, total);
    const storeFiles = [STORE_FILE_NAME];
    if (shard !== null) {
      return {
        outDir: options.outDir,
        files: storeFiles,
        replicationsRun: outcome.computed,
        replicationsReused: outcome.reused,
        wallTimeSeconds: (Date.now() - started) / 1000,
        reportPath: null,
        reportNote: `shard ${formatShard(shard)}: no outputs (merge the shards with zonesim merge)`,
        fileSizes: {},
        outputsUnchanged: false,
        shard,
      };
    }
    const written = await writeComparisonOutputs(store, spec, {
      outDir: options.outDir,
      provenance: options.provenance,
      renderReport: options.renderReport,
      images: options.images,
      imageFormats: options.imageFormats,
      session: {
        workers: outcome.workers,
        startedAt,
        started,
        timings: { replicationsComputed: outcome.computed, replicationsReused: outcome.reused, simulateSeconds: outcome.simulateSeconds },
      },
      onNotice: notice,
      onPhase: options.onPhase,
      extension: options.extension,
      signal: options.signal,
    });
    return {
      ...written,
      replicationsRun: outcome.computed,
      replicationsReused: outcome.reused,
      wallTimeSeconds: (Date.now() - started) / 1000,
      shard: null,
    };
  } catch (error) {
    throw withStoreFile(error, store.file);
  } finally {
    store.close();
  }
}

/**
 * Refuse, in one line, a comparison whose command does not match what its folder holds (issue 11,
 * D3): stored replications of one of its scenarios under another base seed (`--seed`), another
 * `--record`, or other parameters of a scenario of the same name (an edited file). Running it would
 * discard those results and silently turn the folder into another run; the message says what differs
 * and what to do. What only adds to a folder is allowed: more (or fewer) replications, other
 * scenarios besides the stored ones — their stored results are reused, and every output is rewritten
 * for the command that ran last. Checked before anything is written. The folder of another code
 * version is not refused: its results are recomputed (the runner says so).
 *
 * @throws {RunStoreError} naming the folder, what differs and what to do.
 */
function refuseConflictingComparison(store: RunStore, options: RunComparisonOptions, spec: ComparisonSpec): void {
  const facts = store.runFacts();
  if (facts === null || facts.analysis !== 'comparison' || facts.codeFingerprint !== modelFingerprint()) return;
  const idByHash = store.parameterSetIds();
  const hashById = new Map([...idByHash].map(([hash, id]) => [id, hash]));
  const taskFacts = store.taskFacts();
  const storedOf = (parameterSetId: number | undefined): number => (parameterSetId === undefined ? 0 : taskFacts.filter((t) => t.parameterSetId === parameterSetId).length);
  const differences: string[] = [];
  let lost = 0;
  const currentHashes = new Set(spec.scenarios.map((s) => s.parameterSetHash));
  for (const scenario of options.scenarios) {
    const previous = store.scenario(scenario.name);
    if (previous === null) continue;
    const previousHash = hashById.get(previous.parameterSetId);
    const current = spec.scenarios.find((s) => s.name === scenario.name)?.parameterSetHash;
    if (previousHash === undefined || previousHash === current || currentHashes.has(previousHash)) continue;
    const n = storedOf(previous.parameterSetId);
    if (n === 0) continue;
    lost += n;
    differences.push(`scenario "${scenario.name}" has other parameters than the ${n} replications stored for it (${scenario.file} changed)`);
  }
  const recording = store.recordingByHash(spec.recordingHash);
  const seeds = comparisonSeeds(spec.baseSeed, spec.replications);
  const inUse = new Set(spec.scenarios.map((s) => idByHash.get(s.parameterSetHash)).filter((id): id is number => id !== undefined));
  const mismatched = taskFacts.filter(
    (t) => inUse.has(t.parameterSetId) && t.replication < spec.replications && (t.seed !== seeds[t.replication] || recording === null || t.recordingId !== recording.id),
  );
  if (mismatched.length > 0) {
    lost += mismatched.length;
    const previousSpec = JSON.parse(facts.analysisJson) as Partial<ComparisonSpec>;
    if (typeof previousSpec.baseSeed === 'number' && previousSpec.baseSeed !== spec.baseSeed) {
      differences.push(`its replications were run with --seed ${previousSpec.baseSeed}, this command has --seed ${spec.baseSeed}`);
    }
    if (previousSpec.record !== undefined && formatRecordOption(previousSpec.record) !== formatRecordOption(spec.record)) {
      differences.push(`they were recorded with --record ${formatRecordOption(previousSpec.record)}, this command has --record ${formatRecordOption(spec.record)}`);
    }
    if (differences.length === 0) differences.push(`${mismatched.length} stored replications have other seeds or recordings than this command`);
  }
  if (differences.length === 0) return;
  throw new RunStoreError(
    `${options.outDir}: holds another comparison: ${differences.join('; ')} — running this command there would discard ${lost} stored replications; ` +
      `choose another --out folder, or delete ${options.outDir} to start again`,
  );
}

/**
 * Delete stored tasks this comparison would otherwise mistake for its own or never use again: those of
 * a scenario (by name) whose parameters changed since they were stored, and replications 0 … R − 1
 * stored with another seed or another recording (`--seed`, `--record`). Tasks of scenarios not in
 * this comparison, and replications ≥ R, are kept (running them again reuses them).
 */
function forgetStaleTasks(store: RunStore, options: RunComparisonOptions, spec: ComparisonSpec, recordingId: number, notice: (message: string) => void): void {
  const idByHash = store.parameterSetIds();
  const current = new Map(spec.scenarios.map((s) => [s.name, idByHash.get(s.parameterSetHash) as number]));
  const inUse = new Set(current.values());
  const facts = store.taskFacts();
  const seeds = comparisonSeeds(spec.baseSeed, spec.replications);
  const stale: number[] = [];
  options.scenarios.forEach((s) => {
    const previous = store.scenario(s.name);
    const id = current.get(s.name) as number;
    if (previous !== null && previous.parameterSetId !== id && !inUse.has(previous.parameterSetId)) {
      const old = facts.filter((t) => t.parameterSetId === previous.parameterSetId).map((t) => t.id);
      stale.push(...old);
      notice(`scenario "${s.name}" (${s.file}) changed since its results were stored` + (old.length > 0 ? `: its ${old.length} stored replications are recomputed` : ''));
    }
    store.putScenario({
      name: s.name,
      parameterSetId: id,
      file: s.file,
      description: s.description,
      contentHash: s.contentHash,
      sourceText: s.sourceText,
      overridesJson: JSON.stringify(s.overrides),
    });
  });
  const wanted = new Set<string>();
  for (const id of inUse) seeds.forEach((seed, replication) => wanted.add(taskIdsKey({ parameterSetId: id, replication, seed, recordingId })));
  const reseeded = facts.filter((t) => inUse.has(t.parameterSetId) && t.replication < spec.replications && !wanted.has(taskIdsKey(t)));
  if (reseeded.length > 0) notice(`${reseeded.length} stored replications had another base seed or another --record and are recomputed`);
  store.deleteTasks([...stale, ...reseeded.map((t) => t.id)]);
}

/** Session facts of the invocation that writes a comparison's outputs (manifest only). */
export interface ComparisonSession {
  readonly workers: number;
  readonly startedAt: string;
  /** Date.now() at the start (for wall times). */
  readonly started: number;
  readonly timings: Readonly<Record<string, unknown>>;
}

/** Options of {@link writeComparisonOutputs}. */
export interface WriteComparisonOutputsOptions {
  readonly outDir: string;
  readonly provenance: RunProvenance;
  readonly renderReport?: boolean;
  readonly images?: ReportImages;
  readonly imageFormats?: readonly ChartImageFormat[];
  readonly session: ComparisonSession;
  readonly onNotice?: (message: string) => void;
  readonly onPhase?: (phase: 'summarise' | 'export' | 'report') => void;
  /** Extra outputs written before the report (see {@link ComparisonExtension}). */
  readonly extension?: ComparisonExtension;
  /** Stop between phases (src/runner/outputsCheckpoint.ts); the outputs are then written by the next run. */
  readonly signal?: AbortSignal;
}

/** What {@link writeComparisonOutputs} wrote. */
export interface WrittenComparisonOutputs {
  readonly outDir: string;
  readonly files: readonly string[];
  readonly reportPath: string | null;
  readonly reportNote: string | null;
  readonly fileSizes: Readonly<Record<string, number>>;
  readonly outputsUnchanged: boolean;
}

/**
 * Write a comparison's outputs from its stored tasks (every one must be stored), unless the files of
 * the same key are already there unchanged. Used by {@link runComparison} and by `zonesim merge`.
 *
 * @throws Error when a task of the comparison is not stored.
 */
export async function writeComparisonOutputs(store: RunStore, spec: ComparisonSpec, options: WriteComparisonOutputsOptions): Promise<WrittenComparisonOutputs> {
  const { outDir, provenance, session } = options;
  const renderReport = options.renderReport !== false;
  const images: ReportImages = options.images ?? 'key';
  const imageFormats = options.imageFormats ?? DEFAULT_COMPARISON_IMAGE_FORMATS;
  const located = locateComparison(store, spec);
  const key = outputsKey({
    analysis: 'comparison',
    spec: comparisonSpecJson(spec),
    scenarios: located.scenarios.map(({ stored }) => [stored.name, stored.file, stored.description, stored.contentHash, stored.overridesJson]),
    renderReport,
    images,
    imageFormats,
    zonesimVersion: provenance.zonesimVersion,
    gitCommit: provenance.gitCommit,
    ...(options.extension === undefined ? {} : { extension: options.extension.key }),
  });
  const reportFile = path.join(outDir, 'report.html');
  if (outputsUpToDate(store, outDir, key)) {
    return {
      outDir,
      files: [STORE_FILE_NAME],
      reportPath: renderReport && existsSync(reportFile) ? reportFile : null,
      reportNote: 'outputs unchanged (every replication and everything the files depend on is as when they were written)',
      fileSizes: {},
      outputsUnchanged: true,
    };
  }
  forgetOutputs(store);

  options.onPhase?.('summarise');
  const summariseStarted = Date.now();
  let nonFinite = 0;
  const facts = new Map(store.taskFacts().map((t) => [t.id, t]));
  const scenarioTimings = located.scenarios.map(({ stored, taskIds: ids }) => {
    let ms = 0;
    for (const id of ids) {
      ms += facts.get(id)?.wallMs ?? 0;
      nonFinite += facts.get(id)?.nonFiniteCount ?? 0;
    }
    return { name: stored.name, replicationSeconds: ms / 1000, meanReplicationMs: ids.length > 0 ? ms / ids.length : 0 };
  });
  if (nonFinite > 0) options.onNotice?.(`${nonFinite} values were NaN or infinite and were left out of the results (a model defect; please report it)`);
  const recordText = formatRecordOption(spec.record);
  const manifestBase = {
    zonesimVersion: provenance.zonesimVersion,
    gitCommit: provenance.gitCommit,
    command: provenance.command,
    nodeVersion: process.version,
    platform: `${process.platform}-${process.arch}`,
    modelFingerprint: modelFingerprint(),
    storeFormat: STORE_FORMAT_VERSION,
    baseSeed: spec.baseSeed,
    replications: spec.replications,
    workers: session.workers,
    baseline: spec.baseline,
    seeds: located.seeds.map((seed, replication) => ({ replication, seed })),
    scenarios: located.scenarios.map(({ stored }) => ({ name: stored.name, description: stored.description, file: stored.file, contentHash: stored.contentHash })),
    record: recordText,
    startedAt: session.startedAt,
  };
  const timings = { ...session.timings, scenarios: scenarioTimings };
  const reportManifest: ReportManifest = { ...manifestBase, wallTimeSeconds: (Date.now() - session.started) / 1000, timings };
  const input: ReportInput = summariseComparison(store, located, { manifest: reportManifest });
  const summariseSeconds = (Date.now() - summariseStarted) / 1000;
  const taskCount = located.scenarios.reduce((n, s) => n + s.taskIds.length, 0);
  await stopIfAborted(options.signal, outDir, taskCount);

  options.onPhase?.('export');
  const exportStarted = Date.now();
  const exported = [...exportComparisonFiles(store, located, outDir), ...exportSummaryFiles(input, outDir)];
  let leadingSection: LeadingSection | null = null;
  if (options.extension !== undefined) {
    const extra = await options.extension.write({ store, located, outDir });
    exported.push(...extra.files);
    leadingSection = extra.leadingSection;
  }
  const exportSeconds = (Date.now() - exportStarted) / 1000;
  await stopIfAborted(options.signal, outDir, taskCount);

  let reportPath: string | null = null;
  let reportNote: string | null = null;
  const reportFiles: string[] = [];
  const reportStarted = Date.now();
  if (!renderReport) {
    reportNote = 'HTML report not rendered (--no-report)';
  } else {
    options.onPhase?.('report');
    const rendered = await renderHtmlReport(input, outDir, { images, imageFormats, ...(leadingSection === null ? {} : { leadingSection }) });
    reportPath = rendered.htmlPath;
    reportNote = rendered.note;
    reportFiles.push(...rendered.files);
  }
  const reportSeconds = (Date.now() - reportStarted) / 1000;
  await stopIfAborted(options.signal, outDir, taskCount);

  const fileSizes: Record<string, number> = {};
  for (const f of exported) fileSizes[f.file] = f.bytes;
  const manifest = {
    ...manifestBase,
    finishedAt: new Date().toISOString(),
    wallTimeSeconds: (Date.now() - session.started) / 1000,
    timings: { ...timings, summariseSeconds, exportSeconds, reportSeconds },
    files: {
      [STORE_FILE_NAME]: 'the run store: every finished task (SQLite; values as BLOBs of little-endian doubles, see docs/runner-and-reports.md)',
      'results.csv': `one row per scenario, replication and recorded step: ${RESULTS_CSV_KEY_COLUMNS.join(',')} and one column per province outcome`,
      'zones.csv': 'one row per scenario, replication and zone: its layout and every zone outcome at the last recorded step',
      'industries.csv': 'one row per scenario, replication and industry: its attributes and every industry outcome at the last recorded step',
      ...(spec.record.zoneSeries ? { 'zone-series.csv': 'one row per scenario, replication, recorded step and zone: every zone outcome' } : {}),
      ...(spec.record.industrySeries ? { 'industry-series.csv': 'one row per scenario, replication, recorded step and industry: every industry outcome' } : {}),
      'summary.csv': 'mean, sd and 95% interval (Student t; percentile bootstrap for counts it would take below 0, see interval_method) per scenario, province metric and recorded step',
      'end-state.csv': 'distribution of each province metric at the last recorded step',
      'paired.csv': `paired differences scenario − reference of the end state, each scenario against its scale group's reference (baseline ${spec.baseline ?? 'none'})`,
      [REPORT_DATA_FILE]: 'the data the HTML report is rendered from (JSON, gzip-compressed)',
      ...(options.extension?.manifestFiles ?? {}),
      ...(reportPath ? { [path.relative(outDir, reportPath)]: 'the HTML report' } : {}),
    },
  };
  writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const files = [...exported.map((f) => f.file), 'manifest.json', ...reportFiles];
  recordOutputs(store, outDir, key, files);
  return { outDir, files: [STORE_FILE_NAME, ...files], reportPath, reportNote, fileSizes, outputsUnchanged: false };
}

/**
 * Call `renderReport(input, outDir)` from src/report/renderReport.ts (imported only when a report is
 * rendered: chart.js and the canvas library take a while to load).
 */
async function renderHtmlReport(
  input: ReportInput,
  outDir: string,
  options: RenderReportOptions,
): Promise<{ htmlPath: string | null; note: string | null; files: string[] }> {
  const module = (await import(pathToFileURL(RENDER_REPORT_FILE).href)) as typeof import('../report/renderReport.ts');
  const files = await module.renderReport(input, outDir, options);
  const htmlPath = files.find((f) => path.basename(f) === 'report.html') ?? null;
  return { htmlPath, note: htmlPath ? null : 'the report renderer wrote no .html file', files: files.map((f) => path.relative(outDir, f)) };
}
