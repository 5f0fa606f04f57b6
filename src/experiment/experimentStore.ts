/**
 * The experiment store: one SQLite database (`experiment.sqlite`, through better-sqlite3) per output
 * folder, holding the experiment's plan and every finished task's outcomes — only the declared
 * outcomes, one number each, so even 10⁶ runs make a small file. Every export and the analysis are
 * produced from it, so a resumed or merged experiment ends with exactly the files of an
 * uninterrupted single-machine run.
 *
 * As the runner's store (src/runner/runStore.ts): WAL journal, `synchronous=FULL`, and one IMMEDIATE
 * transaction per task (its row and its values together), so after Ctrl-C, a kill or a power cut a
 * task is either completely stored or not at all, and a task is never stored twice.
 *
 * Tables (see {@link EXPERIMENT_STORE_SCHEMA}):
 * - `experiment`: one row: store format, zonesim version, model fingerprint, the plan's content hash,
 *   name, the plan (JSON), point / replication / task counts, the shard this folder was run as;
 * - `factors`, `outcomes`: names in column order (ids = order);
 * - `points`: each design point's factor values (JSON, as model inputs);
 * - `tasks`: one row per FINISHED task: point, replication, seed, wall time;
 * - `task_values`: one row per (task, outcome), NULL where the outcome is undefined;
 * - view `tidy_values`: point, replication, seed, outcome name, value.
 *
 * Identity of a task: (task index, seed) under the same plan content hash, code fingerprint
 * (src/experiment/experimentFingerprint.ts) and design points; when any changes, every stored task
 * is deleted and recomputed.
 */
import Database from 'better-sqlite3';
import { RunStoreError } from '../runner/runStore.ts';
import type { ExperimentPlan } from './loadExperimentFile.ts';
import { planToJson } from './loadExperimentFile.ts';
import { formatShard, type Shard } from './experimentTasks.ts';

/** Version of the experiment store's layout; a folder written with another version is refused. */
export const EXPERIMENT_STORE_FORMAT_VERSION = 1;

/** File name of the store inside an experiment folder. */
export const EXPERIMENT_STORE_FILE = 'experiment.sqlite';

/** The SQL that creates the store's tables (idempotent). */
export const EXPERIMENT_STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS experiment (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  format_version INTEGER NOT NULL,
  zonesim_version TEXT NOT NULL,
  model_fingerprint TEXT NOT NULL,   -- the experiment code fingerprint (model + task evaluator)
  content_hash TEXT NOT NULL,
  name TEXT NOT NULL,
  plan_json TEXT NOT NULL,
  point_count INTEGER NOT NULL,
  replications INTEGER NOT NULL,
  task_count INTEGER NOT NULL,
  shard TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS factors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  distribution_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS outcomes (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  reporter TEXT NOT NULL,
  statistic TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS points (
  point INTEGER PRIMARY KEY,
  values_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tasks (
  task INTEGER PRIMARY KEY,
  point INTEGER NOT NULL,
  replication INTEGER NOT NULL,
  seed INTEGER NOT NULL,
  wall_ms REAL NOT NULL,
  finished_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS task_values (
  task INTEGER NOT NULL,
  outcome INTEGER NOT NULL,
  value REAL,
  PRIMARY KEY (task, outcome)
) WITHOUT ROWID;
CREATE VIEW IF NOT EXISTS tidy_values AS
  SELECT t.point AS point, t.replication AS replication, t.seed AS seed, o.name AS outcome, v.value AS value
  FROM task_values v JOIN tasks t ON t.task = v.task JOIN outcomes o ON o.id = v.outcome;
`;

/** Facts of the `experiment` row. */
export interface StoredExperimentFacts {
  readonly zonesimVersion: string;
  readonly modelFingerprint: string;
  readonly contentHash: string;
  readonly name: string;
  readonly planJson: string;
  readonly pointCount: number;
  readonly replications: number;
  readonly taskCount: number;
  /** `i/n` when the folder was (last) run as a shard, else null. */
  readonly shard: string | null;
}

/** A finished task as stored. */
export interface StoredTask {
  readonly task: number;
  readonly point: number;
  readonly replication: number;
  readonly seed: number;
  readonly wallMs: number;
  /** One value per outcome, NaN where undefined. */
  readonly values: Float64Array;
}

/**
 * An open experiment store. Writes are IMMEDIATE transactions (SQLite's write lock, waiting up to
 * 10 s), so two processes on one folder cannot corrupt it.
 */
export class ExperimentStore {
  /** The better-sqlite3 connection (read-only use outside this class, please). */
  readonly db: Database.Database;
  #closed = false;
  readonly #insertTask: Database.Statement;
  readonly #insertValue: Database.Statement;
  readonly #findTask: Database.Statement;

  /**
   * Open (creating if needed) the store at `file`.
   *
   * @param options `readonly`: open an existing store without writing (merge reads shards so).
   * @throws {RunStoreError} when the file is not an experiment store of this format version.
   */
  constructor(
    readonly file: string,
    options: { readonly?: boolean } = {},
  ) {
    try {
      this.db = new Database(file, { timeout: 10_000, readonly: options.readonly === true, fileMustExist: options.readonly === true });
    } catch (error) {
      throw new RunStoreError(`${file}: cannot open the experiment store (${(error as Error).message})`);
    }
    try {
      if (options.readonly !== true) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = FULL');
        this.db.exec(EXPERIMENT_STORE_SCHEMA);
      }
      const row = this.db.prepare('SELECT format_version FROM experiment WHERE id = 1').get() as { format_version: number } | undefined;
      if (row && row.format_version !== EXPERIMENT_STORE_FORMAT_VERSION) {
        throw new RunStoreError(
          `${file}: written by another experiment store format (version ${row.format_version}, this zonesim uses ${EXPERIMENT_STORE_FORMAT_VERSION}); choose a new --out folder`,
        );
      }
    } catch (error) {
      this.db.close();
      if (error instanceof RunStoreError) throw error;
      throw new RunStoreError(`${file}: not a usable zonesim experiment store (${(error as Error).message})`);
    }
    this.#insertTask = this.db.prepare('INSERT INTO tasks (task, point, replication, seed, wall_ms, finished_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.#insertValue = this.db.prepare('INSERT INTO task_values (task, outcome, value) VALUES (?, ?, ?)');
    this.#findTask = this.db.prepare('SELECT seed FROM tasks WHERE task = ?');
  }

  /** The `experiment` row, or null for a new store. */
  facts(): StoredExperimentFacts | null {
    const row = this.db.prepare('SELECT * FROM experiment WHERE id = 1').get() as
      | {
          zonesim_version: string;
          model_fingerprint: string;
          content_hash: string;
          name: string;
          plan_json: string;
          point_count: number;
          replications: number;
          task_count: number;
          shard: string | null;
        }
      | undefined;
    if (!row) return null;
    return {
      zonesimVersion: row.zonesim_version,
      modelFingerprint: row.model_fingerprint,
      contentHash: row.content_hash,
      name: row.name,
      planJson: row.plan_json,
      pointCount: row.point_count,
      replications: row.replications,
      taskCount: row.task_count,
      shard: row.shard,
    };
  }

  /**
   * Record the experiment this folder holds. When the stored plan (content hash), the code
   * (fingerprint) or the design points (the design code changed) differ, every stored task is deleted
   * first (results of another experiment or other code must not be mixed in).
   *
   * @returns the number of tasks deleted, and why (null when none were).
   */
  begin(
    plan: ExperimentPlan,
    facts: { zonesimVersion: string; modelFingerprint: string; shard: Shard | null },
    now = new Date().toISOString(),
  ): { deleted: number; reason: 'experiment' | 'model' | 'design' | null } {
    return this.db.transaction(() => {
      const previous = this.facts();
      let deleted = 0;
      let reason: 'experiment' | 'model' | 'design' | null = null;
      if (previous !== null) {
        if (previous.contentHash !== plan.contentHash) reason = 'experiment';
        else if (previous.modelFingerprint !== facts.modelFingerprint) reason = 'model';
        else if (!this.samePoints(plan)) reason = 'design';
      }
      if (reason !== null) {
        deleted = this.taskCount();
        for (const table of ['task_values', 'tasks', 'points', 'factors', 'outcomes']) this.db.exec(`DELETE FROM ${table}`);
      }
      const sameExperiment = previous !== null && reason === null;
      if (!sameExperiment) {
        const factor = this.db.prepare('INSERT INTO factors (id, name, role, distribution_json) VALUES (?, ?, ?, ?)');
        plan.definition.factors.forEach((f, id) => factor.run(id, f.name, f.role, JSON.stringify(f.distribution)));
        const outcome = this.db.prepare('INSERT INTO outcomes (id, name, reporter, statistic) VALUES (?, ?, ?, ?)');
        plan.definition.outcomes.forEach((o, id) => outcome.run(id, o.name, o.reporter, o.statistic));
        const point = this.db.prepare('INSERT INTO points (point, values_json) VALUES (?, ?)');
        plan.design.values.forEach((values, p) => point.run(p, JSON.stringify(values)));
      }
      this.db
        .prepare(
          `INSERT INTO experiment (id, format_version, zonesim_version, model_fingerprint, content_hash, name, plan_json, point_count,
             replications, task_count, shard, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET zonesim_version = excluded.zonesim_version, model_fingerprint = excluded.model_fingerprint,
             content_hash = excluded.content_hash, name = excluded.name, plan_json = excluded.plan_json, point_count = excluded.point_count,
             replications = excluded.replications, task_count = excluded.task_count, shard = excluded.shard, updated_at = excluded.updated_at`,
        )
        .run(
          EXPERIMENT_STORE_FORMAT_VERSION,
          facts.zonesimVersion,
          facts.modelFingerprint,
          plan.contentHash,
          plan.definition.name,
          planToJson(plan),
          plan.design.pointCount,
          plan.definition.replicationsPerPoint,
          plan.taskCount,
          facts.shard === null ? null : formatShard(facts.shard),
          now,
          now,
        );
      return { deleted, reason };
    }).immediate();
  }

  /** Whether the stored design points are exactly the plan's (false when the design code changed). */
  samePoints(plan: ExperimentPlan): boolean {
    const rows = this.db.prepare('SELECT values_json FROM points ORDER BY point').raw(true).all() as [string][];
    if (rows.length !== plan.design.pointCount) return false;
    return rows.every(([json], p) => json === JSON.stringify(plan.design.values[p]));
  }

  /** Number of finished tasks stored. */
  taskCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n;
  }

  /** The seed a task was stored with, or null when it is not stored. */
  storedSeed(task: number): number | null {
    const row = this.#findTask.get(task) as { seed: number } | undefined;
    return row ? row.seed : null;
  }

  /** Indices of the stored tasks, ascending. */
  storedTaskIndices(): Set<number> {
    const rows = this.db.prepare('SELECT task FROM tasks ORDER BY task').raw(true).all() as [number][];
    return new Set(rows.map((r) => r[0]));
  }

  /** Delete one stored task (e.g. stored under another seed). */
  deleteTask(task: number): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM task_values WHERE task = ?').run(task);
      this.db.prepare('DELETE FROM tasks WHERE task = ?').run(task);
    }).immediate();
  }

  /**
   * Store one finished task atomically (its row and all its outcome values). Nothing is written when
   * the task is already stored (e.g. by a concurrent process on the same folder).
   *
   * @returns true when stored, false when it was already there.
   */
  commitTask(task: Omit<StoredTask, 'values'> & { values: ArrayLike<number> }, finishedAt = new Date().toISOString()): boolean {
    return this.db.transaction((): boolean => {
      if (this.#findTask.get(task.task) !== undefined) return false;
      this.#insertTask.run(task.task, task.point, task.replication, task.seed, task.wallMs, finishedAt);
      for (let o = 0; o < task.values.length; o++) {
        const value = task.values[o];
        this.#insertValue.run(task.task, o, Number.isFinite(value) ? value : null);
      }
      return true;
    }).immediate();
  }

  /**
   * Every stored task with its values, in task order.
   *
   * @param outcomeCount the number of outcomes (values arrays have this length).
   */
  tasks(outcomeCount: number): StoredTask[] {
    const rows = this.db.prepare('SELECT task, point, replication, seed, wall_ms FROM tasks ORDER BY task').raw(true).all() as [number, number, number, number, number][];
    const byTask = new Map<number, Float64Array>();
    const tasks = rows.map(([task, point, replication, seed, wallMs]) => {
      const values = new Float64Array(outcomeCount).fill(Number.NaN);
      byTask.set(task, values);
      return { task, point, replication, seed, wallMs, values };
    });
    const values = this.db.prepare('SELECT task, outcome, value FROM task_values').raw(true).iterate() as IterableIterator<[number, number, number | null]>;
    for (const [task, outcome, value] of values) {
      const target = byTask.get(task);
      if (target !== undefined && outcome < outcomeCount && value !== null) target[outcome] = value;
    }
    return tasks;
  }

  /** Close the connection (checkpoints the WAL). Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.db.close();
  }
}
