/**
 * `zonesim merge`: combine the stores of shard folders (`zonesim experiment … --shard i/n --out d`)
 * into one experiment folder, then analyse and export it exactly as a single-machine run would —
 * byte-identical files whatever the number of shards and of workers per shard, because every file
 * is written from the store's task values in task order (src/experiment/writeExperimentOutputs.ts).
 *
 * Checks: every folder holds an experiment store; all hold the same experiment (content hash) computed
 * by the same model code (fingerprint); a task stored in two folders has the same seed and values;
 * and together they hold every task — otherwise a one-line error says which shard to resume or which
 * is missing. Merging is idempotent: running it again (e.g. after a shard finished) adds what is new.
 */
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RunStoreError } from '../runner/runStore.ts';
import { EXPERIMENT_STORE_FILE, ExperimentStore, type StoredExperimentFacts, type StoredTask } from './experimentStore.ts';
import { formatShard, parseShard, shardTaskCount, type Shard } from './experimentTasks.ts';
import { planFromJson, type ExperimentPlan } from './loadExperimentFile.ts';
import { writeExperimentOutputs, type ExperimentProvenance } from './writeExperimentOutputs.ts';
import type { ChartImageFormat } from '../report/renderChartImages.ts';

/** Options of {@link mergeExperimentShards}. */
export interface MergeExperimentShardsOptions {
  /** Shard folders (each with an experiment.sqlite). */
  readonly shardDirs: readonly string[];
  /** The merged experiment folder (created if needed; must not be one of the shard folders). */
  readonly outDir: string;
  readonly provenance: ExperimentProvenance;
  /** Render experiment.html and the chart images (default true). */
  readonly renderReport?: boolean;
  /** Image formats of the charts (default PNG and SVG). */
  readonly imageFormats?: readonly ChartImageFormat[];
  /** Called when the work after merging starts. */
  readonly onPhase?: (phase: 'analyse' | 'export' | 'report') => void;
}

/** What a merge did. */
export interface MergeSummary {
  readonly outDir: string;
  readonly shards: number;
  /** Tasks added to the merged store by this merge. */
  readonly tasksAdded: number;
  readonly taskCount: number;
  readonly files: readonly string[];
  readonly reportPath: string | null;
  readonly wallTimeSeconds: number;
}

/** The shards cannot be merged (different experiments, missing tasks, conflicting values). */
export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

function sameFolder(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * Merge shard folders into `outDir` and write the experiment's files there.
 *
 * @throws {MergeError} (one line) when a folder is not a shard, the shards differ in experiment or
 *   model code, two shards disagree on a task, or tasks are missing (naming the incomplete or absent
 *   shards).
 * @example await mergeExperimentShards({ shardDirs: ['shards/0', 'shards/1'], outDir: 'merged', provenance })
 */
export async function mergeExperimentShards(options: MergeExperimentShardsOptions): Promise<MergeSummary> {
  const started = Date.now();
  if (options.shardDirs.length === 0) throw new MergeError('merge: expected at least one shard folder, found none');
  const shards: { dir: string; facts: StoredExperimentFacts; tasks: StoredTask[] }[] = [];
  let plan: ExperimentPlan | null = null;
  for (const dir of options.shardDirs) {
    if (existsSync(options.outDir) && sameFolder(dir, options.outDir)) {
      throw new MergeError(`merge: --out ${options.outDir} is also a shard folder; choose another output folder`);
    }
    const file = path.join(dir, EXPERIMENT_STORE_FILE);
    if (!existsSync(file)) throw new MergeError(`merge: ${dir}: expected a shard folder with ${EXPERIMENT_STORE_FILE}, found none`);
    const store = new ExperimentStore(file, { readonly: true });
    try {
      const facts = store.facts();
      if (facts === null) throw new MergeError(`merge: ${file}: expected an experiment store, found an empty one`);
      if (plan === null) {
        // The design is regenerated from the stored plan: it must be the one the shards ran.
        plan = planFromJson(facts.planJson);
        if (!store.samePoints(plan)) {
          throw new MergeError(
            `merge: ${dir}: the design points this zonesim generates differ from those the shard ran (another zonesim version); merge with the version that ran the shards`,
          );
        }
      }
      const outcomeCount = (JSON.parse(facts.planJson) as { definition: { outcomes: unknown[] } }).definition.outcomes.length;
      shards.push({ dir, facts, tasks: store.tasks(outcomeCount) });
    } finally {
      store.close();
    }
  }
  const first = shards[0];
  for (const other of shards.slice(1)) {
    if (other.facts.contentHash !== first.facts.contentHash) {
      throw new MergeError(
        `merge: ${other.dir} holds experiment "${other.facts.name}" (content ${other.facts.contentHash.slice(0, 12)}), but ${first.dir} holds "${first.facts.name}" ` +
          `(content ${first.facts.contentHash.slice(0, 12)}); merge only shards of one experiment file`,
      );
    }
    if (other.facts.modelFingerprint !== first.facts.modelFingerprint) {
      throw new MergeError(`merge: ${other.dir} and ${first.dir} were computed by different model code (fingerprints differ); rerun the shards with one zonesim version`);
    }
  }
  if (plan === null) throw new MergeError('merge: expected at least one shard folder, found none');
  const outcomeCount = plan.definition.outcomes.length;

  // Check overlaps and completeness before writing anything.
  const byTask = new Map<number, { dir: string; task: StoredTask }>();
  for (const shard of shards) {
    for (const task of shard.tasks) {
      const seen = byTask.get(task.task);
      if (seen === undefined) {
        byTask.set(task.task, { dir: shard.dir, task });
      } else if (seen.task.seed !== task.seed || !sameValues(seen.task.values, task.values)) {
        throw new MergeError(`merge: ${seen.dir} and ${shard.dir} disagree on task ${task.task} (point ${task.point}, replication ${task.replication}); rerun one of them`);
      }
    }
  }
  if (byTask.size < plan.taskCount) {
    const missing = plan.taskCount - byTask.size;
    let firstMissing = 0;
    while (byTask.has(firstMissing)) firstMissing++;
    const R = plan.definition.replicationsPerPoint;
    const incomplete = shards
      .filter((s) => s.facts.shard !== null)
      .map((s) => ({ s, spec: parseShard(s.facts.shard as string) as Shard }))
      .filter(({ s, spec }) => s.tasks.length < shardTaskCount(plan.taskCount, spec))
      .map(({ s, spec }) => `${s.dir} (shard ${formatShard(spec)}: ${s.tasks.length} of ${shardTaskCount(plan.taskCount, spec)} tasks)`);
    const counts = new Set(shards.map((s) => (s.facts.shard === null ? null : (parseShard(s.facts.shard) as Shard).count)).filter((c): c is number => c !== null));
    let absent = '';
    if (counts.size === 1) {
      const n = [...counts][0];
      const present = new Set(shards.map((s) => (s.facts.shard === null ? -1 : (parseShard(s.facts.shard) as Shard).index)));
      const lacking = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !present.has(i));
      if (lacking.length > 0) absent = `; no folder given for shard${lacking.length > 1 ? 's' : ''} ${lacking.map((i) => `${i}/${n}`).join(', ')}`;
    }
    throw new MergeError(
      `merge: expected all ${plan.taskCount} tasks of "${plan.definition.name}", found ${byTask.size} (${missing} missing, the first task ${firstMissing}: ` +
        `point ${Math.floor(firstMissing / R)}, replication ${firstMissing % R})` +
        (incomplete.length > 0 ? `; incomplete: ${incomplete.join(', ')} — run their commands again to resume them` : '') +
        absent,
    );
  }

  mkdirSync(options.outDir, { recursive: true });
  const out = new ExperimentStore(path.join(options.outDir, EXPERIMENT_STORE_FILE));
  try {
    out.begin(plan, { zonesimVersion: first.facts.zonesimVersion, modelFingerprint: first.facts.modelFingerprint, shard: null });
    const existing = out.tasks(outcomeCount);
    const have = new Map(existing.map((t) => [t.task, t]));
    let added = 0;
    const toAdd: StoredTask[] = [];
    for (const [index, { dir, task }] of [...byTask].sort((a, b) => a[0] - b[0])) {
      const stored = have.get(index);
      if (stored === undefined) toAdd.push(task);
      else if (stored.seed !== task.seed || !sameValues(stored.values, task.values)) {
        throw new MergeError(`merge: ${options.outDir} already holds task ${index} with other values than ${dir}; merge into an empty folder`);
      }
    }
    out.db.transaction(() => {
      for (const task of toAdd) if (out.commitTask(task)) added++;
    }).immediate();
    const written = await writeExperimentOutputs(out, plan, {
      outDir: options.outDir,
      provenance: options.provenance,
      modelFingerprint: first.facts.modelFingerprint,
      renderReport: options.renderReport,
      imageFormats: options.imageFormats,
      onPhase: options.onPhase,
    });
    const wallTimeSeconds = (Date.now() - started) / 1000;
    const timings = {
      command: options.provenance.command,
      merged: shards.map((s) => ({ dir: s.dir, shard: s.facts.shard, tasks: s.tasks.length })),
      tasksAdded: added,
      nodeVersion: process.version,
      platform: `${process.platform}-${process.arch}`,
      ...written.timings,
      finishedAt: new Date().toISOString(),
      wallTimeSeconds,
    };
    writeFileSync(path.join(options.outDir, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    return {
      outDir: options.outDir,
      shards: shards.length,
      tasksAdded: added,
      taskCount: plan.taskCount,
      files: [EXPERIMENT_STORE_FILE, ...written.files, 'timings.json'],
      reportPath: written.reportPath,
      wallTimeSeconds,
    };
  } catch (error) {
    if (error instanceof RunStoreError) throw new MergeError(`merge: ${error.message}`);
    throw error;
  } finally {
    out.close();
  }
}
