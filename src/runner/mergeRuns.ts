/**
 * `zonesim merge`: combine the run stores of shard folders (`… --shard i/n --out d`) into one run
 * folder; the analysis that owns the run (an experiment, a comparison) then writes its outputs exactly
 * as a single-machine run would — byte-identical files whatever the number of shards and of workers
 * per shard, because every output is written from the stored tasks in the analysis's order.
 *
 * Checks, before anything is written: every folder holds a run store whose tasks match their
 * checksums; all hold the same analysis
 * (kind and content hash) computed by the same code (fingerprint); a task stored in two folders has
 * the same values; together they hold every task of the analysis — otherwise a one-line error says
 * which shard to resume or which is missing. Merging is idempotent: running it again (e.g. after a
 * shard finished) adds what is new.
 */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { OLD_STORE_FILES, RunStore, RunStoreError, STORE_FILE_NAME, taskIdsKey, type AnalysisKind, type RunFacts } from './runStore.ts';
import { formatShard, parseShard, shardTaskCount, type Shard } from './shards.ts';

/** What merge needs to know about the analysis that owns a run. */
export interface MergeableAnalysis {
  /** A name for messages, e.g. the experiment's name ("small-experiment"). */
  name(facts: RunFacts): string;
  /** Words for the analysis in messages ("experiment file", "comparison"). */
  readonly noun: string;
  /**
   * The keys of the analysis's tasks in run order (`<parameter set hash>:<replication>:<seed>:<recording
   * hash>`; duplicates allowed), from its stored definition. May check the shard's store and throw a
   * {@link MergeError} (e.g. when this zonesim generates other design points than the shard ran).
   */
  taskKeys(facts: RunFacts, shard: RunStore, dir: string): string[];
  /** A task (by position in the run's task list, duplicates removed) in words for messages, e.g. "point 0, replication 1". */
  describeTask(facts: RunFacts, position: number): string;
  /** Restore analysis tables of the merged store (e.g. an experiment's design points) after the copy. */
  afterCopy?(store: RunStore, facts: RunFacts): void;
}

/** Options of {@link mergeRuns}. */
export interface MergeRunsOptions {
  /** Shard folders (each with a run.sqlite). */
  readonly shardDirs: readonly string[];
  /** The merged run folder (created if needed; must not be one of the shard folders). */
  readonly outDir: string;
  /** The analyses merge understands, by kind. */
  readonly analyses: Readonly<Record<AnalysisKind, MergeableAnalysis>>;
}

/** What {@link mergeRuns} did; the merged store is open for the analysis to write its outputs, then close it. */
export interface MergedRun {
  readonly store: RunStore;
  readonly facts: RunFacts;
  readonly shards: readonly { readonly dir: string; readonly shard: string | null; readonly tasks: number }[];
  /** Tasks added to the merged store by this merge. */
  readonly tasksAdded: number;
  /** Tasks of the analysis (duplicates removed). */
  readonly taskCount: number;
}

/** The shards cannot be merged (different analyses, missing tasks, conflicting values). */
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

/** The BLOB and value columns of a task row (what two copies of a task must agree on). */
const VALUE_COLUMNS = ['zone_count', 'industry_count', 'steps', 'years', 'province', 'zone', 'industry', 'outcomes', 'zone_layout', 'zone_leading', 'industry_attributes', 'industry_names'];

function sameValues(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return VALUE_COLUMNS.every((c) => {
    const x = a[c];
    const y = b[c];
    return Buffer.isBuffer(x) && Buffer.isBuffer(y) ? x.equals(y) : x === y;
  });
}

/** A shard's store read for merging: its tasks by hash key. */
interface ShardContents {
  readonly dir: string;
  readonly store: RunStore;
  readonly facts: RunFacts;
  /** Hash key → task id in the shard's store. */
  readonly tasks: Map<string, number>;
  /** Parameter set id → hash, recording id → hash. */
  readonly parameterSetHash: Map<number, string>;
  readonly recordingHash: Map<number, string>;
}

function readShard(dir: string, outDir: string): ShardContents {
  if (existsSync(outDir) && sameFolder(dir, outDir)) throw new MergeError(`merge: --out ${outDir} is also a shard folder; choose another output folder`);
  const old = OLD_STORE_FILES.some((file) => existsSync(path.join(dir, file)));
  if (!old && !existsSync(path.join(dir, STORE_FILE_NAME))) throw new MergeError(`merge: ${dir}: expected a shard folder with ${STORE_FILE_NAME}, found none`);
  let store: RunStore;
  try {
    store = RunStore.openFolder(dir, { readonly: true });
  } catch (error) {
    throw new MergeError(`merge: ${(error as Error).message}`);
  }
  const facts = store.runFacts();
  if (facts === null) {
    store.close();
    throw new MergeError(`merge: ${store.file}: expected a run store, found an empty one`);
  }
  const damaged = store.damagedTasks();
  if (damaged.length > 0) {
    store.close();
    throw new MergeError(
      `merge: ${store.file}: ${damaged.length} stored task(s) do not match their checksum (changed or damaged on disk); run that shard's command again (it computes them again), then merge`,
    );
  }
  const parameterSetHash = new Map([...store.parameterSetIds()].map(([hash, id]) => [id, hash]));
  const recordingHash = new Map(
    (store.db.prepare('SELECT id, hash FROM recordings').raw(true).all() as [number, string][]).map(([id, hash]) => [id, hash]),
  );
  const tasks = new Map<string, number>();
  for (const t of store.taskFacts()) tasks.set(`${parameterSetHash.get(t.parameterSetId)}:${t.replication}:${t.seed}:${recordingHash.get(t.recordingId)}`, t.id);
  return { dir, store, facts, tasks, parameterSetHash, recordingHash };
}

/**
 * Merge shard folders into `outDir`'s run store (created if needed), after checking that they can be
 * merged. The returned store stays open: the caller writes the analysis's outputs and closes it.
 *
 * @throws {MergeError} (one line) when a folder is not a shard, the shards differ in analysis or code,
 *   two shards disagree on a task, or tasks are missing (naming the incomplete or absent shards).
 * @example const merged = mergeRuns({ shardDirs: ['shards/1', 'shards/2'], outDir: 'merged', analyses });
 */
export function mergeRuns(options: MergeRunsOptions): MergedRun {
  if (options.shardDirs.length === 0) throw new MergeError('merge: expected at least one shard folder, found none');
  const shards: ShardContents[] = [];
  try {
    for (const dir of options.shardDirs) shards.push(readShard(dir, options.outDir));
    const first = shards[0];
    const analysis = options.analyses[first.facts.analysis];
    for (const other of shards.slice(1)) {
      if (other.facts.analysis !== first.facts.analysis || other.facts.analysisHash !== first.facts.analysisHash) {
        throw new MergeError(
          `merge: ${other.dir} holds ${other.facts.analysis} "${options.analyses[other.facts.analysis].name(other.facts)}" (content ${other.facts.analysisHash.slice(0, 12)}), ` +
            `but ${first.dir} holds "${analysis.name(first.facts)}" (content ${first.facts.analysisHash.slice(0, 12)}); merge only shards of one ${analysis.noun}`,
        );
      }
      if (other.facts.codeFingerprint !== first.facts.codeFingerprint) {
        throw new MergeError(`merge: ${other.dir} and ${first.dir} were computed by different model code (fingerprints differ); rerun the shards with one zonesim version`);
      }
    }
    const keys = [...new Set(analysis.taskKeys(first.facts, first.store, first.dir))];

    // Check overlaps and completeness before writing anything.
    const source = new Map<string, ShardContents>();
    for (const shard of shards) {
      for (const [key, id] of shard.tasks) {
        const seen = source.get(key);
        if (seen === undefined) {
          source.set(key, shard);
          continue;
        }
        const a = seen.store.rawTask(seen.tasks.get(key) as number);
        const b = shard.store.rawTask(id);
        if (a === null || b === null || !sameValues(a, b)) {
          const position = keys.indexOf(key);
          throw new MergeError(
            `merge: ${seen.dir} and ${shard.dir} disagree on task ${position} (${position >= 0 ? analysis.describeTask(first.facts, position) : key}); rerun one of them`,
          );
        }
      }
    }
    const missing = keys.filter((key) => !source.has(key)).length;
    if (missing > 0) throw new MergeError(missingMessage(keys, source, shards, analysis, first.facts));

    mkdirSync(options.outDir, { recursive: true });
    let out: RunStore;
    try {
      out = RunStore.openFolder(options.outDir);
    } catch (error) {
      throw error instanceof RunStoreError ? new MergeError(`merge: ${error.message}`) : error;
    }
    try {
      out.beginRun({
        zonesimVersion: first.facts.zonesimVersion,
        codeFingerprint: first.facts.codeFingerprint,
        analysis: first.facts.analysis,
        analysisHash: first.facts.analysisHash,
        analysisJson: first.facts.analysisJson,
        shard: null,
      });
      const tasksAdded = copyTasks(out, shards, keys, source, options.outDir);
      analysis.afterCopy?.(out, first.facts);
      return {
        store: out,
        facts: out.runFacts() as RunFacts,
        shards: shards.map((s) => ({ dir: s.dir, shard: s.facts.shard, tasks: s.tasks.size })),
        tasksAdded,
        taskCount: keys.length,
      };
    } catch (error) {
      out.close();
      if (error instanceof RunStoreError) throw new MergeError(`merge: ${error.message}`);
      throw error;
    }
  } finally {
    for (const shard of shards) shard.store.close();
  }
}

function missingMessage(keys: readonly string[], source: Map<string, ShardContents>, shards: readonly ShardContents[], analysis: MergeableAnalysis, facts: RunFacts): string {
  const total = keys.length;
  const firstMissing = keys.findIndex((key) => !source.has(key));
  const parsed = shards.map((s) => ({ s, spec: s.facts.shard === null ? null : parseShard(s.facts.shard) }));
  const incomplete = parsed
    .filter((p): p is { s: ShardContents; spec: Shard } => p.spec !== null)
    .filter(({ s, spec }) => s.tasks.size < shardTaskCount(total, spec))
    .map(({ s, spec }) => `${s.dir} (shard ${formatShard(spec)}: ${s.tasks.size} of ${shardTaskCount(total, spec)} tasks)`);
  const counts = new Set(parsed.map((p) => p.spec?.count).filter((c): c is number => c !== undefined));
  let absent = '';
  if (counts.size === 1) {
    const n = [...counts][0];
    const present = new Set(parsed.map((p) => p.spec?.index ?? -1));
    const lacking = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !present.has(i));
    if (lacking.length > 0) absent = `; no folder given for shard${lacking.length > 1 ? 's' : ''} ${lacking.map((i) => `${i}/${n}`).join(', ')}`;
  }
  const found = total - keys.filter((key) => !source.has(key)).length;
  return (
    `merge: expected all ${total} tasks of "${analysis.name(facts)}", found ${found} (${total - found} missing, the first task ${firstMissing}: ` +
    `${analysis.describeTask(facts, firstMissing)})` +
    (incomplete.length > 0 ? `; incomplete: ${incomplete.join(', ')} — run their commands again to resume them` : '') +
    absent
  );
}

/** Copy the models, parameter sets, recordings, scenarios and the needed tasks into the merged store. */
function copyTasks(out: RunStore, shards: readonly ShardContents[], keys: readonly string[], source: Map<string, ShardContents>, outDir: string): number {
  const existing = out.taskIdIndex();
  const psIds = out.parameterSetIds();
  return out.transaction(() => {
    for (const shard of shards) {
      const db = shard.store.db;
      for (const m of db.prepare('SELECT * FROM models').all() as { hash: string; parameters_json: string; data_json: string }[]) {
        out.db.prepare('INSERT OR IGNORE INTO models (hash, parameters_json, data_json) VALUES (?, ?, ?)').run(m.hash, m.parameters_json, m.data_json);
      }
      for (const p of db.prepare('SELECT p.hash AS hash, m.hash AS model, p.overrides_json AS overrides FROM parameter_sets p JOIN models m ON m.id = p.model_id').all() as {
        hash: string;
        model: string;
        overrides: string;
      }[]) {
        const modelId = (out.db.prepare('SELECT id FROM models WHERE hash = ?').get(p.model) as { id: number }).id;
        psIds.set(p.hash, out.registerParameterSet(p.hash, modelId, p.overrides));
      }
      for (const r of db.prepare('SELECT hash, recording_json FROM recordings').all() as { hash: string; recording_json: string }[]) out.registerRecording(r.hash, r.recording_json);
      for (const s of db.prepare('SELECT s.*, p.hash AS ps FROM scenarios s JOIN parameter_sets p ON p.id = s.parameter_set_id').all() as {
        name: string;
        ps: string;
        file: string;
        description: string;
        content_hash: string;
        source_text: string;
        overrides_json: string;
      }[]) {
        if (out.scenario(s.name) !== null && shard !== shards[0]) continue;
        out.putScenario({
          name: s.name,
          parameterSetId: psIds.get(s.ps) as number,
          file: s.file,
          description: s.description,
          contentHash: s.content_hash,
          sourceText: s.source_text,
          overridesJson: s.overrides_json,
        });
      }
    }
    const recordingIds = new Map((out.db.prepare('SELECT hash, id FROM recordings').raw(true).all() as [string, number][]).map(([h, id]) => [h, id]));
    let added = 0;
    keys.forEach((key, position) => {
      const shard = source.get(key) as ShardContents;
      const [psHash, replication, seed, recHash] = key.split(':');
      const ids = { parameterSetId: psIds.get(psHash) as number, replication: Number(replication), seed: Number(seed), recordingId: recordingIds.get(recHash) as number };
      const row = shard.store.rawTask(shard.tasks.get(key) as number) as Record<string, unknown>;
      const storedId = existing.get(taskIdsKey(ids));
      if (storedId !== undefined) {
        if (!sameValues(out.rawTask(storedId) as Record<string, unknown>, row)) {
          throw new MergeError(`merge: ${outDir} already holds task ${position} with other values than ${shard.dir}; merge into an empty folder`);
        }
        return;
      }
      if (out.commitRawTask(ids, row)) added++;
    });
    return added;
  });
}
