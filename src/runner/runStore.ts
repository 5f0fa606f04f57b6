/**
 * The run store: one SQLite database (`run.sqlite`, through better-sqlite3) per run folder, holding
 * every finished task of the run — whatever analysis asked for it (a comparison of scenarios, an
 * experiment file, later claims and calibrations) — so that an interrupted run resumes, shards merge,
 * and every output file is written from the store, never from memory.
 *
 * Why SQLite: each task is one row committed in one transaction, so after a Ctrl-C, a kill or a power
 * cut a task is either completely in the store or not at all (WAL journal, `synchronous=FULL`: a
 * committed transaction survives a power cut). One file, no server, readable by R (RSQLite), Stata
 * (odbc), pandas (`sqlite3`) and the `sqlite3` shell.
 *
 * Compact: a task's values are BLOBs of little-endian doubles (see src/runner/recording.ts for their
 * layout), one row per task; a Henan-size comparison task with zone values at the final step takes
 * about 45 kB, where one row per value took ~2.7 MB. Values are stored bit for bit (NaN = undefined).
 *
 * Tables (see {@link STORE_SCHEMA}):
 * - `run`: one row: store format, zonesim version, code fingerprint, the analysis that owns the folder
 *   ('comparison', 'experiment' or 'calibration') with its definition (JSON) and hash, the shard the folder was run
 *   as, and the key and file list of the outputs last written (to skip rewriting unchanged outputs);
 * - `models`: each model input (all parameters and the data files’ contents — relatedness matrix, zone layout — JSON) by content hash;
 * - `parameter_sets`: a model plus overrides (dotted path → value pairs, JSON) by content hash;
 * - `recordings`: what tasks record (reporter names per scope, JSON) by hash;
 * - `tasks`: one row per FINISHED task: parameter set, replication, seed, recording, wall time, and
 *   the BLOBs `steps` (int32), `years`, `province`, `zone`, `industry`, `outcomes`, `zone_layout`,
 *   `industry_attributes` (float64), `zone_leading` (uint8) and `industry_names` (JSON text), and
 *   `checksum`: SHA-256 of the task's values (see {@link taskChecksum}), checked when a run resumes
 *   so that values edited, truncated or damaged on disk are recomputed rather than exported (issue
 *   11, D11; tasks stored by an earlier zonesim have none and are not checked);
 * - `scenarios`: a comparison's scenarios (name → parameter set, file, description, source text);
 * - `points`: an experiment's design points (point → parameter set);
 * - view `task_labels`: each task with its scenario name or design point.
 *
 * Identity of a task: (parameter set hash, replication, seed, recording hash) under the same code
 * fingerprint; when the fingerprint changes every stored task is deleted and recomputed.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { withStoreFile } from './environmentErrors.ts';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { modelInputDataJson } from './parameterSets.ts';
import type { ModelInput } from '../model/modelInput.ts';
import type { TaskRecord } from './recordTask.ts';
import { lockRunFolder, RunFolderLockedError } from './runFolderLock.ts';

/** Version of the store's table layout; a folder written with another version is refused. */
export const STORE_FORMAT_VERSION = 2;

/** File name of the store inside a run folder. */
export const STORE_FILE_NAME = 'run.sqlite';

/** Store files of earlier zonesim versions (format 1): a folder holding one is refused with a hint. */
export const OLD_STORE_FILES = ['results.sqlite', 'experiment.sqlite'] as const;

/** The analyses that own a run folder. */
export type AnalysisKind = 'comparison' | 'experiment' | 'calibration';

/** Each analysis with its article, for messages ("holds an experiment run"). */
const ANALYSIS_WITH_ARTICLE: Readonly<Record<AnalysisKind, string>> = { comparison: 'a comparison', experiment: 'an experiment', calibration: 'a calibration' };

/** The SQL that creates the store's tables (idempotent). */
export const STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS run (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  format_version INTEGER NOT NULL,
  zonesim_version TEXT NOT NULL,
  code_fingerprint TEXT NOT NULL,
  analysis TEXT NOT NULL,
  analysis_hash TEXT NOT NULL,
  analysis_json TEXT NOT NULL,
  shard TEXT,
  outputs_key TEXT,
  outputs_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS models (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  parameters_json TEXT NOT NULL,
  data_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS parameter_sets (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  model_id INTEGER NOT NULL,
  overrides_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS recordings (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  recording_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tasks (
  id INTEGER PRIMARY KEY,
  parameter_set_id INTEGER NOT NULL,
  replication INTEGER NOT NULL,
  seed INTEGER NOT NULL,
  recording_id INTEGER NOT NULL,
  wall_ms REAL NOT NULL,
  non_finite_count INTEGER NOT NULL,
  finished_at TEXT NOT NULL,
  zone_count INTEGER NOT NULL,
  industry_count INTEGER NOT NULL,
  steps BLOB NOT NULL,
  years BLOB NOT NULL,
  province BLOB NOT NULL,
  zone BLOB NOT NULL,
  industry BLOB NOT NULL,
  outcomes BLOB NOT NULL,
  zone_layout BLOB NOT NULL,
  zone_leading BLOB NOT NULL,
  industry_attributes BLOB NOT NULL,
  industry_names TEXT NOT NULL,
  UNIQUE (parameter_set_id, replication, seed, recording_id)
);
CREATE TABLE IF NOT EXISTS scenarios (
  name TEXT PRIMARY KEY,
  parameter_set_id INTEGER NOT NULL,
  file TEXT NOT NULL,
  description TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  source_text TEXT NOT NULL,
  overrides_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS points (
  point INTEGER PRIMARY KEY,
  parameter_set_id INTEGER NOT NULL
);
CREATE VIEW IF NOT EXISTS task_labels AS
  SELECT t.id AS task, s.name AS scenario, p.point AS point, t.replication AS replication, t.seed AS seed,
         t.recording_id AS recording, t.zone_count AS zones, t.industry_count AS industries
  FROM tasks t
  LEFT JOIN scenarios s ON s.parameter_set_id = t.parameter_set_id
  LEFT JOIN points p ON p.parameter_set_id = t.parameter_set_id;
`;

/** The `run` row. */
export interface RunFacts {
  readonly formatVersion: number;
  readonly zonesimVersion: string;
  readonly codeFingerprint: string;
  readonly analysis: AnalysisKind;
  readonly analysisHash: string;
  readonly analysisJson: string;
  /** `i/n` when the folder was (last) run as a shard, else null. */
  readonly shard: string | null;
  readonly outputsKey: string | null;
  readonly outputsJson: string | null;
}

/** The identity of a task in one store (ids of its parameter set and recording). */
export interface TaskIds {
  readonly parameterSetId: number;
  readonly replication: number;
  readonly seed: number;
  readonly recordingId: number;
}

/** A stored task's facts (without its values). */
export interface StoredTaskFacts extends TaskIds {
  readonly id: number;
  readonly wallMs: number;
  readonly nonFiniteCount: number;
}

/** A comparison scenario as the store keeps it (the `scenarios` table). */
export interface StoredScenario {
  readonly name: string;
  readonly parameterSetId: number;
  readonly file: string;
  readonly description: string;
  /** SHA-256 of the scenario file and the data files it names (src/scenario/loadScenarioFile.ts). */
  readonly contentHash: string;
  readonly sourceText: string;
  /** Only the parameters the file sets (JSON). */
  readonly overridesJson: string;
}

/** A stored task with its values decoded. */
export interface StoredTask extends StoredTaskFacts {
  readonly record: TaskRecord;
}

/** The store's file or its contents cannot be used (another format, a corrupt file, another analysis). */
export class RunStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunStoreError';
  }
}

/**
 * The key of a task identity within one store (ids), for maps.
 *
 * @example taskIdsKey({ parameterSetId: 1, replication: 0, seed: 7, recordingId: 1 }) // '1:0:7:1'
 */
export function taskIdsKey(ids: TaskIds): string {
  return `${ids.parameterSetId}:${ids.replication}:${ids.seed}:${ids.recordingId}`;
}

/** The value columns of a task row, in the order {@link taskChecksum} hashes them. */
export const TASK_VALUE_COLUMNS = [
  'zone_count',
  'industry_count',
  'steps',
  'years',
  'province',
  'zone',
  'industry',
  'outcomes',
  'zone_layout',
  'zone_leading',
  'industry_attributes',
  'industry_names',
] as const;

/**
 * The checksum of a task row's values: SHA-256 (hex) over {@link TASK_VALUE_COLUMNS} in order, each
 * column's bytes (BLOBs) or decimal text (counts, names) preceded by its length, so that no two
 * different rows share a checksum by shifting bytes from one column to the next.
 *
 * @param row a raw task row (BLOBs as Buffers, counts as numbers, names as JSON text).
 * @example taskChecksum(store.rawTask(1)!) // '3f…' (64 hex digits)
 */
export function taskChecksum(row: Readonly<Record<string, unknown>>): string {
  const hash = createHash('sha256');
  for (const column of TASK_VALUE_COLUMNS) {
    const value = row[column];
    const bytes = Buffer.isBuffer(value) ? value : value instanceof Uint8Array ? Buffer.from(value) : Buffer.from(String(value), 'utf8');
    hash.update(`${column}:${bytes.byteLength}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** The bytes of a typed array, as a Buffer over the same memory (no copy). */
function bytes(array: ArrayBufferView): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** A copy of a BLOB as an aligned ArrayBuffer (SQLite's buffers need not be 8-byte aligned). */
function alignedCopy(blob: Buffer): ArrayBuffer {
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return copy.buffer;
}

/** Decode a float64 BLOB. */
export function decodeFloat64(blob: Buffer): Float64Array {
  return new Float64Array(alignedCopy(blob));
}

/** Decode an int32 BLOB. */
export function decodeInt32(blob: Buffer): Int32Array {
  return new Int32Array(alignedCopy(blob));
}

interface TaskRow {
  id: number;
  parameter_set_id: number;
  replication: number;
  seed: number;
  recording_id: number;
  wall_ms: number;
  non_finite_count: number;
  zone_count: number;
  industry_count: number;
  steps: Buffer;
  years: Buffer;
  province: Buffer;
  zone: Buffer;
  industry: Buffer;
  outcomes: Buffer;
  zone_layout: Buffer;
  zone_leading: Buffer;
  industry_attributes: Buffer;
  industry_names: string;
}

function toStoredTask(row: TaskRow): StoredTask {
  return {
    id: row.id,
    parameterSetId: row.parameter_set_id,
    replication: row.replication,
    seed: row.seed,
    recordingId: row.recording_id,
    wallMs: row.wall_ms,
    nonFiniteCount: row.non_finite_count,
    record: {
      steps: decodeInt32(row.steps),
      years: decodeFloat64(row.years),
      zoneCount: row.zone_count,
      industryCount: row.industry_count,
      province: decodeFloat64(row.province),
      zone: decodeFloat64(row.zone),
      industry: decodeFloat64(row.industry),
      outcomes: decodeFloat64(row.outcomes),
      zoneLayout: decodeFloat64(row.zone_layout),
      zoneLeading: new Uint8Array(row.zone_leading),
      industryAttributes: decodeFloat64(row.industry_attributes),
      industryNames: JSON.parse(row.industry_names) as string[],
      nonFiniteCount: row.non_finite_count,
    },
  };
}

/**
 * An open run store. Every write is an IMMEDIATE transaction (SQLite's write lock first, waiting up
 * to 10 s), so two processes on one folder cannot corrupt it, and a task is never stored twice.
 */
export class RunStore {
  /** The underlying better-sqlite3 connection (read-only use outside this class, please). */
  readonly db: Database.Database;
  readonly #insertTask: Database.Statement | null;
  #tasksVerified = false;
  readonly #readTask: Database.Statement;
  readonly #readProvince: Database.Statement;
  #closed = false;
  /** Releases the run folder's lock (set by {@link openFolder} for a store opened for writing). */
  #releaseLock: () => void = () => {};

  /**
   * Open (creating if needed) the store of a run folder. The folder must exist.
   *
   * Opened for writing, the folder is locked first (src/runner/runFolderLock.ts: `run.lock`, removed
   * by {@link close}), so that two commands never write one folder at once.
   *
   * @param options `readonly`: open an existing store without writing and without the lock (merge
   *   reads shards so); `onNotice`: told when a stale lock of a process that no longer runs is taken over.
   * @throws {RunStoreError} when the folder is locked by another command, holds a store of an earlier
   *   format (results.sqlite or experiment.sqlite) or another format version, or the file is not a
   *   zonesim run store.
   */
  static openFolder(dir: string, options: { readonly?: boolean; onNotice?: (message: string) => void } = {}): RunStore {
    for (const old of OLD_STORE_FILES) {
      if (existsSync(path.join(dir, old))) {
        throw new RunStoreError(
          `${dir}: written by an earlier zonesim (${old}, store format 1; this zonesim writes ${STORE_FILE_NAME}, format ${STORE_FORMAT_VERSION}); delete the folder or choose another --out folder, then run the command again`,
        );
      }
    }
    if (options.readonly === true) return new RunStore(path.join(dir, STORE_FILE_NAME), options);
    let release: () => void;
    try {
      release = lockRunFolder(dir, `zonesim ${process.argv.slice(2).join(' ')}`, options.onNotice);
    } catch (error) {
      if (error instanceof RunFolderLockedError) throw new RunStoreError(error.message);
      throw error;
    }
    try {
      const store = new RunStore(path.join(dir, STORE_FILE_NAME), options);
      store.#releaseLock = release;
      return store;
    } catch (error) {
      release();
      throw error;
    }
  }

  /**
   * Open (creating if needed) the store at `file`.
   *
   * @throws {RunStoreError} when the file is not a zonesim run store of this format version.
   */
  constructor(
    readonly file: string,
    options: { readonly?: boolean } = {},
  ) {
    if (os.endianness() !== 'LE') throw new RunStoreError('the run store keeps little-endian doubles; this machine is big-endian');
    const readonly = options.readonly === true;
    if (existsSync(file) && statSync(file).isDirectory()) {
      throw new RunStoreError(`${file}: is a folder, not a run store; remove or rename it, or choose another --out folder`);
    }
    try {
      this.db = new Database(file, { timeout: 10_000, readonly, fileMustExist: readonly });
    } catch (error) {
      throw new RunStoreError(`${file}: cannot open the run store (${(error as Error).message}); check that the folder is writable, or choose another --out folder`);
    }
    try {
      if (!readonly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = FULL');
        this.db.exec(STORE_SCHEMA);
        // Stores written before the checksum column keep their tasks (unchecked) and gain the column.
        if (!this.#hasChecksumColumn()) this.db.exec('ALTER TABLE tasks ADD COLUMN checksum TEXT');
      }
      const row = this.db.prepare('SELECT format_version FROM run WHERE id = 1').get() as { format_version: number } | undefined;
      if (row && row.format_version !== STORE_FORMAT_VERSION) {
        throw new RunStoreError(
          `${file}: written by another store format (version ${row.format_version}, this zonesim uses ${STORE_FORMAT_VERSION}); delete the folder or choose another --out folder, then run the command again`,
        );
      }
    } catch (error) {
      this.db.close();
      if (error instanceof RunStoreError) throw error;
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR'))) {
        throw withStoreFile(error, file);
      }
      throw new RunStoreError(`${file}: not a usable zonesim run store (${(error as Error).message}); move it away or delete its folder, then run the command again`);
    }
    this.#insertTask = readonly
      ? null
      : this.db.prepare(
      `INSERT OR IGNORE INTO tasks (parameter_set_id, replication, seed, recording_id, wall_ms, non_finite_count, finished_at, zone_count,
         industry_count, steps, years, province, zone, industry, outcomes, zone_layout, zone_leading, industry_attributes, industry_names, checksum)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#readTask = this.db.prepare('SELECT * FROM tasks WHERE id = ?');
    this.#readProvince = this.db.prepare('SELECT steps, years, province FROM tasks WHERE id = ?');
  }

  /** The `run` row, or null for a new store. */
  runFacts(): RunFacts | null {
    const row = this.db.prepare('SELECT * FROM run WHERE id = 1').get() as
      | {
          format_version: number;
          zonesim_version: string;
          code_fingerprint: string;
          analysis: AnalysisKind;
          analysis_hash: string;
          analysis_json: string;
          shard: string | null;
          outputs_key: string | null;
          outputs_json: string | null;
        }
      | undefined;
    if (!row) return null;
    return {
      formatVersion: row.format_version,
      zonesimVersion: row.zonesim_version,
      codeFingerprint: row.code_fingerprint,
      analysis: row.analysis,
      analysisHash: row.analysis_hash,
      analysisJson: row.analysis_json,
      shard: row.shard,
      outputsKey: row.outputs_key,
      outputsJson: row.outputs_json,
    };
  }

  /**
   * Record the analysis that uses the folder now. When the code fingerprint differs from the stored
   * one, every stored task is deleted (results of other model code must not be mixed in).
   *
   * @returns the previous `run` row (null for a new store) and the tasks deleted because the code changed.
   * @throws {RunStoreError} when the folder belongs to another kind of analysis, or holds a
   *   manifest.json but no run (the outputs of a run whose store is gone).
   */
  beginRun(
    facts: { zonesimVersion: string; codeFingerprint: string; analysis: AnalysisKind; analysisHash: string; analysisJson: string; shard: string | null },
    now = new Date().toISOString(),
  ): { previous: RunFacts | null; deletedForCode: number } {
    return this.db.transaction(() => {
      const previous = this.runFacts();
      const dir = path.dirname(this.file);
      if (previous === null && existsSync(path.join(dir, 'manifest.json'))) {
        // Outputs of some run without its store (deleted, or never there): writing this run's files
        // would overwrite them with another analysis's (issue 11, D10).
        throw new RunStoreError(`${dir}: holds the outputs of another run (manifest.json) but no run store; choose another --out folder for this ${facts.analysis}, or delete ${dir}`);
      }
      if (previous !== null && previous.analysis !== facts.analysis) {
        throw new RunStoreError(`${path.dirname(this.file)}: holds ${ANALYSIS_WITH_ARTICLE[previous.analysis] ?? previous.analysis} run; choose another --out folder for this ${facts.analysis}`);
      }
      let deletedForCode = 0;
      if (previous !== null && previous.codeFingerprint !== facts.codeFingerprint) {
        deletedForCode = this.taskCount();
        this.db.exec('DELETE FROM tasks');
      }
      this.db
        .prepare(
          `INSERT INTO run (id, format_version, zonesim_version, code_fingerprint, analysis, analysis_hash, analysis_json, shard, outputs_key,
             outputs_json, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)
           ON CONFLICT (id) DO UPDATE SET zonesim_version = excluded.zonesim_version, code_fingerprint = excluded.code_fingerprint,
             analysis_hash = excluded.analysis_hash, analysis_json = excluded.analysis_json, shard = excluded.shard, updated_at = excluded.updated_at`,
        )
        .run(STORE_FORMAT_VERSION, facts.zonesimVersion, facts.codeFingerprint, facts.analysis, facts.analysisHash, facts.analysisJson, facts.shard, now, now);
      return { previous, deletedForCode };
    }).immediate();
  }

  /** Run `work` in one IMMEDIATE transaction (many small writes at once). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** The id of a model input, stored under `hash` if it is new. */
  registerModel(hash: string, input: ModelInput): number {
    this.db
      .prepare('INSERT OR IGNORE INTO models (hash, parameters_json, data_json) VALUES (?, ?, ?)')
      .run(hash, JSON.stringify(input.parameters), modelInputDataJson(input));
    return (this.db.prepare('SELECT id FROM models WHERE hash = ?').get(hash) as { id: number }).id;
  }

  /** The id of a parameter set, stored under `hash` if it is new. */
  registerParameterSet(hash: string, modelId: number, overridesJson: string): number {
    this.db.prepare('INSERT OR IGNORE INTO parameter_sets (hash, model_id, overrides_json) VALUES (?, ?, ?)').run(hash, modelId, overridesJson);
    return (this.db.prepare('SELECT id FROM parameter_sets WHERE hash = ?').get(hash) as { id: number }).id;
  }

  /** The id of a recording, stored under `hash` if it is new. */
  registerRecording(hash: string, recordingJson: string): number {
    this.db.prepare('INSERT OR IGNORE INTO recordings (hash, recording_json) VALUES (?, ?)').run(hash, recordingJson);
    return (this.db.prepare('SELECT id FROM recordings WHERE hash = ?').get(hash) as { id: number }).id;
  }

  /** Content hash → id of every stored parameter set. */
  parameterSetIds(): Map<string, number> {
    const rows = this.db.prepare('SELECT hash, id FROM parameter_sets').raw(true).all() as [string, number][];
    return new Map(rows);
  }

  /** The hash and parameters JSON of a parameter set's model, or null when the id is unknown. */
  modelOfParameterSet(parameterSetId: number): { hash: string; parametersJson: string } | null {
    const row = this.db
      .prepare('SELECT m.hash AS hash, m.parameters_json AS parametersJson FROM parameter_sets p JOIN models m ON m.id = p.model_id WHERE p.id = ?')
      .get(parameterSetId) as { hash: string; parametersJson: string } | undefined;
    return row ?? null;
  }

  /** A stored recording (id and JSON) by hash, or null. */
  recordingByHash(hash: string): { id: number; recordingJson: string } | null {
    const row = this.db.prepare('SELECT id, recording_json FROM recordings WHERE hash = ?').get(hash) as { id: number; recording_json: string } | undefined;
    return row ? { id: row.id, recordingJson: row.recording_json } : null;
  }

  /** A comparison scenario as stored, by name, or null. */
  scenario(name: string): StoredScenario | null {
    const row = this.db.prepare('SELECT * FROM scenarios WHERE name = ?').get(name) as
      | { name: string; parameter_set_id: number; file: string; description: string; content_hash: string; source_text: string; overrides_json: string }
      | undefined;
    return row
      ? {
          name: row.name,
          parameterSetId: row.parameter_set_id,
          file: row.file,
          description: row.description,
          contentHash: row.content_hash,
          sourceText: row.source_text,
          overridesJson: row.overrides_json,
        }
      : null;
  }

  /** Store (or replace) a comparison scenario's row. */
  putScenario(scenario: StoredScenario): void {
    this.db
      .prepare(
        `INSERT INTO scenarios (name, parameter_set_id, file, description, content_hash, source_text, overrides_json) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET parameter_set_id = excluded.parameter_set_id, file = excluded.file, description = excluded.description,
           content_hash = excluded.content_hash, source_text = excluded.source_text, overrides_json = excluded.overrides_json`,
      )
      .run(scenario.name, scenario.parameterSetId, scenario.file, scenario.description, scenario.contentHash, scenario.sourceText, scenario.overridesJson);
  }

  /** Replace an experiment's design points: point p uses parameter set `parameterSetIds[p]` (one transaction). */
  putPoints(parameterSetIds: readonly number[]): void {
    this.transaction(() => {
      this.db.exec('DELETE FROM points');
      const insert = this.db.prepare('INSERT INTO points (point, parameter_set_id) VALUES (?, ?)');
      parameterSetIds.forEach((id, point) => insert.run(point, id));
    });
  }

  /** Number of stored tasks. */
  taskCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n;
  }

  /** Every stored task's facts (no values), in id order. */
  taskFacts(): StoredTaskFacts[] {
    const rows = this.db
      .prepare('SELECT id, parameter_set_id, replication, seed, recording_id, wall_ms, non_finite_count FROM tasks ORDER BY id')
      .raw(true)
      .all() as [number, number, number, number, number, number, number][];
    return rows.map(([id, parameterSetId, replication, seed, recordingId, wallMs, nonFiniteCount]) => ({
      id,
      parameterSetId,
      replication,
      seed,
      recordingId,
      wallMs,
      nonFiniteCount,
    }));
  }

  /** Stored task ids by {@link taskIdsKey}. */
  taskIdIndex(): Map<string, number> {
    const index = new Map<string, number>();
    for (const t of this.taskFacts()) index.set(taskIdsKey(t), t.id);
    return index;
  }

  /** One stored task with its values decoded, or null. */
  task(id: number): StoredTask | null {
    const row = this.#readTask.get(id) as TaskRow | undefined;
    return row ? toStoredTask(row) : null;
  }

  /** A task's recorded steps, years and province series only (cheaper than {@link task}), or null. */
  taskProvince(id: number): Pick<TaskRecord, 'steps' | 'years' | 'province'> | null {
    const row = this.#readProvince.get(id) as { steps: Buffer; years: Buffer; province: Buffer } | undefined;
    return row ? { steps: decodeInt32(row.steps), years: decodeFloat64(row.years), province: decodeFloat64(row.province) } : null;
  }

  /** The raw row of a task (BLOBs undecoded), for copying between stores; null when unknown. */
  rawTask(id: number): Record<string, unknown> | null {
    return (this.#readTask.get(id) as Record<string, unknown> | undefined) ?? null;
  }

  /** Every stored task's outcome values (decoded), by task id (one query). */
  outcomesByTaskId(): Map<number, Float64Array> {
    const out = new Map<number, Float64Array>();
    for (const [id, blob] of this.db.prepare('SELECT id, outcomes FROM tasks').raw(true).iterate() as IterableIterator<[number, Buffer]>) {
      out.set(id, decodeFloat64(blob));
    }
    return out;
  }

  /**
   * Store one finished task (one INSERT: atomic). Nothing is written when the task is already stored
   * (e.g. by a concurrent process on the same folder).
   *
   * @returns true when stored, false when it was already there.
   */
  commitTask(ids: TaskIds, wallMs: number, record: TaskRecord, finishedAt = new Date().toISOString()): boolean {
    const values = {
      zone_count: record.zoneCount,
      industry_count: record.industryCount,
      steps: bytes(record.steps),
      years: bytes(record.years),
      province: bytes(record.province),
      zone: bytes(record.zone),
      industry: bytes(record.industry),
      outcomes: bytes(record.outcomes),
      zone_layout: bytes(record.zoneLayout),
      zone_leading: bytes(record.zoneLeading),
      industry_attributes: bytes(record.industryAttributes),
      industry_names: JSON.stringify(record.industryNames),
    };
    return this.commitRawTask(ids, { ...values, wall_ms: wallMs, non_finite_count: record.nonFiniteCount, finished_at: finishedAt });
  }

  /**
   * Copy a raw task row (from {@link rawTask} of another store) under this store's ids; its checksum
   * is computed from its values (a row copied from a store is checked there, see {@link damagedTasks}).
   *
   * @returns true when stored, false when a task of the same identity was already there.
   */
  commitRawTask(ids: TaskIds, row: Record<string, unknown>): boolean {
    if (this.#insertTask === null) throw new RunStoreError(`${this.file}: opened read-only`);
    const result = this.#insertTask.run(
      ids.parameterSetId,
      ids.replication,
      ids.seed,
      ids.recordingId,
      row.wall_ms,
      row.non_finite_count,
      row.finished_at,
      row.zone_count,
      row.industry_count,
      row.steps,
      row.years,
      row.province,
      row.zone,
      row.industry,
      row.outcomes,
      row.zone_layout,
      row.zone_leading,
      row.industry_attributes,
      row.industry_names,
      taskChecksum(row),
    );
    return result.changes === 1;
  }

  /** Whether the tasks table has the checksum column (stores of an earlier zonesim do not). */
  #hasChecksumColumn(): boolean {
    return (this.db.prepare('PRAGMA table_info(tasks)').all() as { name: string }[]).some((c) => c.name === 'checksum');
  }

  /**
   * Ids of stored tasks whose values no longer match the checksum stored with them (edited,
   * truncated or damaged on disk), in id order. Tasks without a checksum (stored by an earlier
   * zonesim) are not checked. Reads every task's values once (about 1 GB/s).
   */
  damagedTasks(): number[] {
    if (!this.#hasChecksumColumn()) return [];
    const columns = TASK_VALUE_COLUMNS.join(', ');
    const damaged: number[] = [];
    for (const row of this.db.prepare(`SELECT id, checksum, ${columns} FROM tasks WHERE checksum IS NOT NULL ORDER BY id`).iterate() as IterableIterator<Record<string, unknown>>) {
      if (taskChecksum(row) !== row.checksum) damaged.push(row.id as number);
    }
    return damaged;
  }

  /**
   * Check the stored tasks once per open store (the first call; later calls return 0): delete those
   * whose values do not match their checksum, so that a resuming run computes them again instead of
   * exporting damaged values (issue 11, D11).
   *
   * @returns how many damaged tasks were deleted.
   */
  deleteDamagedTasksOnce(): number {
    if (this.#tasksVerified) return 0;
    this.#tasksVerified = true;
    return this.deleteTasks(this.damagedTasks());
  }

  /** Delete stored tasks by id (one transaction); returns how many there were. */
  deleteTasks(ids: readonly number[]): number {
    if (ids.length === 0) return 0;
    return this.transaction(() => {
      const statement = this.db.prepare('DELETE FROM tasks WHERE id = ?');
      let n = 0;
      for (const id of ids) n += statement.run(id).changes;
      return n;
    });
  }

  /** Record (or, with null, forget) the key and file list of the outputs written from the store. */
  setOutputs(key: string | null, filesJson: string | null): void {
    this.db.prepare('UPDATE run SET outputs_key = ?, outputs_json = ? WHERE id = 1').run(key, filesJson);
  }

  /** Close the connection (checkpoints the WAL) and release the folder's lock. Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.db.close();
    } finally {
      this.#releaseLock();
    }
  }
}
