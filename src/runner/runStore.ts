/**
 * The run store: one SQLite database (`results.sqlite`, through better-sqlite3) per run folder, holding
 * every finished replication of every scenario run into that folder. The CSV files, the summaries and
 * the report are all produced from it, so an interrupted run that is resumed ends with exactly the
 * files an uninterrupted run writes.
 *
 * Why SQLite: each replication's rows and its 'done' mark are committed in ONE transaction, so after
 * a Ctrl-C, a kill or a power cut a replication is either completely in the store or not at all (WAL
 * journal, `synchronous=FULL`: a committed transaction survives a power cut). One file, no server,
 * readable by R (RSQLite), Stata (odbc), pandas (`sqlite3`) and the `sqlite3` shell.
 *
 * Tables (see {@link STORE_SCHEMA}):
 * - `run`: one row: store format, zonesim version, model fingerprint, base seed and replications of
 *   the latest command that used the folder;
 * - `metrics`: reporter names and scopes (id = declaration order in src/outcomes/reporters.ts);
 * - `scenarios`: name, content hash, file, description, source text, overrides and all parameters
 *   (JSON);
 * - `recorded_steps`: the steps recorded for each scenario and their calendar years;
 * - `replications`: one row per FINISHED replication (status 'done'), with its seed, wall time, the
 *   id range of its rows in `results` and their count;
 * - `results`: one row per recorded value: scenario, replication, step, zone (NULL = province),
 *   industry (NULL = not an industry value), metric id, value; a replication's rows are contiguous
 *   and in recording order (step, metric declaration order, zone, industry);
 * - `zones`, `industries`: final zone layout and industry attributes per (scenario, replication);
 * - view `tidy_results`: `results` with names, seeds and years joined in — the columns of results.csv.
 *
 * Identity of a replication: (scenario name, scenario content hash, replication index, seed), under
 * the same model fingerprint. When a scenario file changes (new content hash) its stored replications
 * are deleted and recomputed; when the model code changes (new fingerprint) every replication is.
 */
import Database from 'better-sqlite3';
import type { ReplicationRecord } from './recordReplication.ts';

/** Version of the store's table layout; a folder written with another version is refused. */
export const STORE_FORMAT_VERSION = 1;

/** File name of the store inside a run folder. */
export const STORE_FILE_NAME = 'results.sqlite';

/** Rows per multi-row INSERT into `results` (fewer statement executions; 7 × 100 parameters). */
const ROWS_PER_INSERT = 100;

/** The SQL that creates the store's tables (idempotent). */
export const STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS run (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  format_version INTEGER NOT NULL,
  zonesim_version TEXT NOT NULL,
  model_fingerprint TEXT NOT NULL,
  base_seed INTEGER NOT NULL,
  replications INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS metrics (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL CHECK (scope IN ('province', 'zone', 'industry'))
);
CREATE TABLE IF NOT EXISTS scenarios (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  file TEXT NOT NULL,
  description TEXT NOT NULL,
  source_text TEXT NOT NULL,
  overrides_json TEXT NOT NULL,
  parameters_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS recorded_steps (
  scenario_id INTEGER NOT NULL,
  step INTEGER NOT NULL,
  year REAL NOT NULL,
  PRIMARY KEY (scenario_id, step)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS replications (
  scenario_id INTEGER NOT NULL,
  replication INTEGER NOT NULL,
  seed INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status = 'done'),
  wall_ms REAL NOT NULL,
  first_result_id INTEGER NOT NULL,
  last_result_id INTEGER NOT NULL,
  result_count INTEGER NOT NULL,
  non_finite_count INTEGER NOT NULL,
  finished_at TEXT NOT NULL,
  PRIMARY KEY (scenario_id, replication)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS results (
  id INTEGER PRIMARY KEY,
  scenario_id INTEGER NOT NULL,
  replication INTEGER NOT NULL,
  step INTEGER NOT NULL,
  zone INTEGER,
  industry INTEGER,
  metric_id INTEGER NOT NULL,
  value REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS zones (
  scenario_id INTEGER NOT NULL,
  replication INTEGER NOT NULL,
  zone INTEGER NOT NULL,
  x_km REAL NOT NULL,
  y_km REAL NOT NULL,
  planned_ha REAL NOT NULL,
  leading_industries TEXT NOT NULL,
  PRIMARY KEY (scenario_id, replication, zone)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS industries (
  scenario_id INTEGER NOT NULL,
  replication INTEGER NOT NULL,
  industry INTEGER NOT NULL,
  name TEXT NOT NULL,
  chain INTEGER NOT NULL,
  growth_per_year REAL NOT NULL,
  land_ha_per_mcny REAL NOT NULL,
  jobs_per_mcny REAL NOT NULL,
  capital_output_ratio REAL NOT NULL,
  pollution_t_per_mcny REAL NOT NULL,
  credit_dependence REAL NOT NULL,
  PRIMARY KEY (scenario_id, replication, industry)
) WITHOUT ROWID;
CREATE VIEW IF NOT EXISTS tidy_results AS
  SELECT s.name AS scenario, r.replication AS replication, p.seed AS seed, r.step AS step, t.year AS year,
         r.zone AS zone, r.industry AS industry, m.name AS metric, r.value AS value
  FROM results r
  JOIN scenarios s ON s.id = r.scenario_id
  JOIN replications p ON p.scenario_id = r.scenario_id AND p.replication = r.replication
  JOIN recorded_steps t ON t.scenario_id = r.scenario_id AND t.step = r.step
  JOIN metrics m ON m.id = r.metric_id;
`;

/** A scenario as the store keeps it. */
export interface StoredScenario {
  readonly id: number;
  readonly name: string;
  readonly contentHash: string;
  readonly file: string;
  readonly description: string;
  readonly sourceText: string;
  readonly overridesJson: string;
  /** Every parameter the scenario ran with (defaults filled in), as JSON. */
  readonly parametersJson: string;
}

/** A finished replication as the store keeps it. */
export interface StoredReplication {
  readonly scenarioId: number;
  readonly replication: number;
  readonly seed: number;
  readonly wallMs: number;
  readonly firstResultId: number;
  readonly lastResultId: number;
  readonly resultCount: number;
  readonly nonFiniteCount: number;
}

/** Facts about the run that opened the store. */
export interface RunFacts {
  readonly zonesimVersion: string;
  readonly modelFingerprint: string;
  readonly baseSeed: number;
  readonly replications: number;
}

/** What {@link RunStore.prepareScenario} did with a scenario's stored replications. */
export interface ScenarioPreparation {
  readonly scenario: StoredScenario;
  /** 'new': not in the store before; 'same': same content hash; 'changed': new hash, old results deleted. */
  readonly status: 'new' | 'same' | 'changed';
  /** Replications deleted because the scenario file changed. */
  readonly deletedReplications: number;
}

/** The store's file or its contents cannot be used (another format, a corrupt file). */
export class RunStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunStoreError';
  }
}

/**
 * An open run store. Every write is an IMMEDIATE transaction (it takes SQLite's write lock first,
 * waiting up to 10 s), so two processes on one folder cannot corrupt it, and
 * {@link RunStore.commitReplication} never stores a replication twice.
 */
export class RunStore {
  /** The underlying better-sqlite3 connection (read-only use outside this class, please). */
  readonly db: Database.Database;
  readonly #insertMany: Database.Statement;
  readonly #insertOne: Database.Statement;
  readonly #params: unknown[] = new Array(7 * ROWS_PER_INSERT);
  #closed = false;

  /**
   * Open (creating if needed) the store at `file`.
   *
   * @throws {RunStoreError} when the file is not a zonesim store of this format version.
   */
  constructor(readonly file: string) {
    this.db = new Database(file, { timeout: 10_000 });
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.exec(STORE_SCHEMA);
    } catch (error) {
      this.db.close();
      throw new RunStoreError(`${file}: not a usable zonesim run store (${(error as Error).message})`);
    }
    const row = this.db.prepare('SELECT format_version FROM run WHERE id = 1').get() as { format_version: number } | undefined;
    if (row && row.format_version !== STORE_FORMAT_VERSION) {
      this.db.close();
      throw new RunStoreError(
        `${file}: written by another store format (version ${row.format_version}, this zonesim uses ${STORE_FORMAT_VERSION}); choose a new --out folder`,
      );
    }
    const tuple = '(?, ?, ?, ?, ?, ?, ?)';
    const sql = 'INSERT INTO results (scenario_id, replication, step, zone, industry, metric_id, value) VALUES ';
    this.#insertMany = this.db.prepare(sql + new Array(ROWS_PER_INSERT).fill(tuple).join(', '));
    this.#insertOne = this.db.prepare(sql + tuple);
  }

  /** The `run` row, or null for a new store. */
  runFacts(): (RunFacts & { createdAt: string; updatedAt: string }) | null {
    const row = this.db.prepare('SELECT * FROM run WHERE id = 1').get() as
      | { zonesim_version: string; model_fingerprint: string; base_seed: number; replications: number; created_at: string; updated_at: string }
      | undefined;
    if (!row) return null;
    return {
      zonesimVersion: row.zonesim_version,
      modelFingerprint: row.model_fingerprint,
      baseSeed: row.base_seed,
      replications: row.replications,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /**
   * Record the current command's facts and metric list. When the model fingerprint differs from the
   * stored one, every stored replication is deleted (results of other model code must not be mixed
   * in) and their number is returned.
   *
   * @param metrics reporter names and scopes in declaration order (ids are their indices).
   * @returns replications deleted because the model code changed (0 usually).
   * @throws {RunStoreError} when a stored metric id names another reporter although the fingerprint
   *   is the same (a corrupt store).
   */
  beginRun(facts: RunFacts, metrics: readonly { name: string; scope: string }[], now = new Date().toISOString()): number {
    return this.db.transaction((): number => {
      const previous = this.runFacts();
      let deleted = 0;
      if (previous && previous.modelFingerprint !== facts.modelFingerprint) {
        deleted = (this.db.prepare('SELECT count(*) AS n FROM replications').get() as { n: number }).n;
        for (const table of ['results', 'replications', 'zones', 'industries', 'recorded_steps', 'metrics']) {
          this.db.exec(`DELETE FROM ${table}`);
        }
      }
      const stored = this.db.prepare('SELECT id, name FROM metrics ORDER BY id').all() as { id: number; name: string }[];
      if (stored.length > 0) {
        for (const m of stored) {
          if (metrics[m.id]?.name !== m.name) {
            throw new RunStoreError(`${this.file}: stored metric ${m.id} is "${m.name}", expected "${metrics[m.id]?.name}"; choose a new --out folder`);
          }
        }
      }
      const insertMetric = this.db.prepare('INSERT OR IGNORE INTO metrics (id, name, scope) VALUES (?, ?, ?)');
      metrics.forEach((m, id) => insertMetric.run(id, m.name, m.scope));
      this.db
        .prepare(
          `INSERT INTO run (id, format_version, zonesim_version, model_fingerprint, base_seed, replications, created_at, updated_at)
           VALUES (1, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET zonesim_version = excluded.zonesim_version, model_fingerprint = excluded.model_fingerprint,
             base_seed = excluded.base_seed, replications = excluded.replications, updated_at = excluded.updated_at`,
        )
        .run(STORE_FORMAT_VERSION, facts.zonesimVersion, facts.modelFingerprint, facts.baseSeed, facts.replications, now, now);
      return deleted;
    }).immediate();
  }

  /**
   * Make sure a scenario is in the store with this content hash. A scenario stored with another hash
   * (its file changed) loses its replications, which will then be recomputed.
   */
  prepareScenario(scenario: {
    name: string;
    contentHash: string;
    file: string;
    description: string;
    sourceText: string;
    overridesJson: string;
    parametersJson: string;
  }): ScenarioPreparation {
    return this.db.transaction((): ScenarioPreparation => {
      const existing = this.scenarioByName(scenario.name);
      let status: ScenarioPreparation['status'] = 'new';
      let deletedReplications = 0;
      if (existing) {
        status = existing.contentHash === scenario.contentHash ? 'same' : 'changed';
        if (status === 'changed') deletedReplications = this.#deleteScenarioData(existing.id);
        this.db
          .prepare(
            'UPDATE scenarios SET content_hash = ?, file = ?, description = ?, source_text = ?, overrides_json = ?, parameters_json = ? WHERE id = ?',
          )
          .run(
            scenario.contentHash, scenario.file, scenario.description, scenario.sourceText, scenario.overridesJson, scenario.parametersJson,
            existing.id,
          );
      } else {
        this.db
          .prepare(
            'INSERT INTO scenarios (name, content_hash, file, description, source_text, overrides_json, parameters_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            scenario.name, scenario.contentHash, scenario.file, scenario.description, scenario.sourceText, scenario.overridesJson,
            scenario.parametersJson,
          );
      }
      const stored = this.scenarioByName(scenario.name);
      if (!stored) throw new Error(`scenario "${scenario.name}" was not stored`);
      return { scenario: stored, status, deletedReplications };
    }).immediate();
  }

  /** Delete every stored replication of a scenario; returns how many there were. */
  #deleteScenarioData(scenarioId: number): number {
    const reps = this.replicationsOf(scenarioId);
    const deleteRange = this.db.prepare('DELETE FROM results WHERE id BETWEEN ? AND ?');
    for (const r of reps) deleteRange.run(r.firstResultId, r.lastResultId);
    for (const table of ['replications', 'zones', 'industries', 'recorded_steps']) {
      this.db.prepare(`DELETE FROM ${table} WHERE scenario_id = ?`).run(scenarioId);
    }
    return reps.length;
  }

  /**
   * Delete one stored replication (e.g. stored under another seed). No-op when it is not stored.
   *
   * @returns whether a replication was deleted.
   */
  deleteReplication(scenarioId: number, replication: number): boolean {
    return this.db.transaction((): boolean => {
      const r = this.replication(scenarioId, replication);
      if (!r) return false;
      this.db.prepare('DELETE FROM results WHERE id BETWEEN ? AND ?').run(r.firstResultId, r.lastResultId);
      for (const table of ['replications', 'zones', 'industries']) {
        this.db.prepare(`DELETE FROM ${table} WHERE scenario_id = ? AND replication = ?`).run(scenarioId, replication);
      }
      return true;
    }).immediate();
  }

  /** A stored scenario by name, or null. */
  scenarioByName(name: string): StoredScenario | null {
    const row = this.db.prepare('SELECT * FROM scenarios WHERE name = ?').get(name) as
      | {
          id: number;
          name: string;
          content_hash: string;
          file: string;
          description: string;
          source_text: string;
          overrides_json: string;
          parameters_json: string;
        }
      | undefined;
    return row
      ? {
          id: row.id,
          name: row.name,
          contentHash: row.content_hash,
          file: row.file,
          description: row.description,
          sourceText: row.source_text,
          overridesJson: row.overrides_json,
          parametersJson: row.parameters_json,
        }
      : null;
  }

  /** Finished replications of a scenario, by replication index. */
  replicationsOf(scenarioId: number): StoredReplication[] {
    const rows = this.db.prepare('SELECT * FROM replications WHERE scenario_id = ? ORDER BY replication').all(scenarioId) as ReplicationRow[];
    return rows.map(toStoredReplication);
  }

  /** One finished replication, or null. */
  replication(scenarioId: number, replication: number): StoredReplication | null {
    const row = this.db.prepare('SELECT * FROM replications WHERE scenario_id = ? AND replication = ?').get(scenarioId, replication) as
      | ReplicationRow
      | undefined;
    return row ? toStoredReplication(row) : null;
  }

  /**
   * Store one finished replication atomically: its recorded steps, every value, its zone layout and
   * industry attributes, and its 'done' mark, in a single transaction. If the replication is already
   * stored (e.g. by a concurrent process on the same folder) nothing is written.
   *
   * @returns true when stored, false when it was already there.
   */
  commitReplication(
    scenarioId: number,
    replication: number,
    seed: number,
    wallMs: number,
    record: ReplicationRecord,
    finishedAt = new Date().toISOString(),
  ): boolean {
    return this.db.transaction((): boolean => {
      if (this.replication(scenarioId, replication)) return false;
      const stepInsert = this.db.prepare('INSERT OR IGNORE INTO recorded_steps (scenario_id, step, year) VALUES (?, ?, ?)');
      for (let i = 0; i < record.recordedSteps.length; i++) stepInsert.run(scenarioId, record.recordedSteps[i], record.recordedYears[i]);

      const maxRow = this.db.prepare('SELECT coalesce(max(id), 0) AS id FROM results').get() as { id: number };
      const firstId = maxRow.id + 1;
      const n = record.rowCount;
      const params = this.#params;
      let i = 0;
      let lastId = maxRow.id;
      for (; i + ROWS_PER_INSERT <= n; i += ROWS_PER_INSERT) {
        for (let k = 0; k < ROWS_PER_INSERT; k++) fillRow(params, 7 * k, scenarioId, replication, record, i + k);
        lastId = Number(this.#insertMany.run(params).lastInsertRowid);
      }
      const one = new Array<unknown>(7);
      for (; i < n; i++) {
        fillRow(one, 0, scenarioId, replication, record, i);
        lastId = Number(this.#insertOne.run(one).lastInsertRowid);
      }
      if (n > 0 && lastId - firstId + 1 !== n) {
        throw new Error(`results rows of replication ${replication} are not contiguous (${firstId}..${lastId} for ${n} rows)`);
      }

      const zoneInsert = this.db.prepare(
        'INSERT INTO zones (scenario_id, replication, zone, x_km, y_km, planned_ha, leading_industries) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      const layout = record.layout;
      for (let z = 0; z < layout.count; z++) {
        zoneInsert.run(scenarioId, replication, z, layout.xKm[z], layout.yKm[z], layout.plannedHa[z], layout.leadingIndustries[z]);
      }
      const industryInsert = this.db.prepare(
        `INSERT INTO industries (scenario_id, replication, industry, name, chain, growth_per_year, land_ha_per_mcny, jobs_per_mcny,
           capital_output_ratio, pollution_t_per_mcny, credit_dependence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const ind = record.industryAttributes;
      for (let j = 0; j < ind.count; j++) {
        industryInsert.run(
          scenarioId, replication, j, ind.names[j], ind.chain[j], ind.growthPerYear[j], ind.landHaPerMcny[j], ind.jobsPerMcny[j],
          ind.capitalOutputRatio[j], ind.pollutionTPerMcny[j], ind.creditDependence[j],
        );
      }
      this.db
        .prepare(
          `INSERT INTO replications (scenario_id, replication, seed, status, wall_ms, first_result_id, last_result_id, result_count,
             non_finite_count, finished_at) VALUES (?, ?, ?, 'done', ?, ?, ?, ?, ?, ?)`,
        )
        .run(scenarioId, replication, seed, wallMs, firstId, n > 0 ? lastId : firstId - 1, n, record.nonFiniteCount, finishedAt);
      return true;
    }).immediate();
  }

  /** Recorded steps of a scenario with their years, in step order. */
  recordedSteps(scenarioId: number): { step: number; year: number }[] {
    return this.db.prepare('SELECT step, year FROM recorded_steps WHERE scenario_id = ? ORDER BY step').all(scenarioId) as {
      step: number;
      year: number;
    }[];
  }

  /**
   * The values of one replication in recording order, as raw rows `[step, zone, industry, metric_id,
   * value]` (zone / industry null when not applicable).
   *
   * @param filter 'all'; 'province' for province-scope rows only (zone and industry NULL); or
   *   `{ zoneAndIndustryAtStep: s }` for every province row plus zone and industry rows at step s only.
   */
  valuesOf(
    replication: StoredReplication,
    filter: 'all' | 'province' | { zoneAndIndustryAtStep: number } = 'all',
  ): [number, number | null, number | null, number, number][] {
    const where =
      filter === 'all'
        ? ''
        : filter === 'province'
          ? ' AND zone IS NULL AND industry IS NULL'
          : ' AND ((zone IS NULL AND industry IS NULL) OR step = ?)';
    const statement = this.db
      .prepare(`SELECT step, zone, industry, metric_id, value FROM results WHERE id BETWEEN ? AND ?${where} ORDER BY id`)
      .raw(true);
    const args: number[] = [replication.firstResultId, replication.lastResultId];
    if (typeof filter === 'object') args.push(filter.zoneAndIndustryAtStep);
    return statement.all(...args) as [number, number | null, number | null, number, number][];
  }

  /** Zone layout rows of one replication, by zone. */
  zonesOf(scenarioId: number, replication: number): { zone: number; x_km: number; y_km: number; planned_ha: number; leading_industries: string }[] {
    return this.db.prepare('SELECT zone, x_km, y_km, planned_ha, leading_industries FROM zones WHERE scenario_id = ? AND replication = ? ORDER BY zone').all(
      scenarioId,
      replication,
    ) as { zone: number; x_km: number; y_km: number; planned_ha: number; leading_industries: string }[];
  }

  /** Industry attribute rows of one replication, by industry. */
  industriesOf(scenarioId: number, replication: number): IndustryRow[] {
    return this.db.prepare('SELECT * FROM industries WHERE scenario_id = ? AND replication = ? ORDER BY industry').all(scenarioId, replication) as IndustryRow[];
  }

  /** Number of rows in `results` (for checks: equals the sum of result_count over replications). */
  resultRowCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM results').get() as { n: number }).n;
  }

  /** Close the connection (checkpoints the WAL). Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.db.close();
  }
}

/** A row of the `industries` table. */
export interface IndustryRow {
  readonly industry: number;
  readonly name: string;
  readonly chain: number;
  readonly growth_per_year: number;
  readonly land_ha_per_mcny: number;
  readonly jobs_per_mcny: number;
  readonly capital_output_ratio: number;
  readonly pollution_t_per_mcny: number;
  readonly credit_dependence: number;
}

interface ReplicationRow {
  scenario_id: number;
  replication: number;
  seed: number;
  wall_ms: number;
  first_result_id: number;
  last_result_id: number;
  result_count: number;
  non_finite_count: number;
}

function toStoredReplication(row: ReplicationRow): StoredReplication {
  return {
    scenarioId: row.scenario_id,
    replication: row.replication,
    seed: row.seed,
    wallMs: row.wall_ms,
    firstResultId: row.first_result_id,
    lastResultId: row.last_result_id,
    resultCount: row.result_count,
    nonFiniteCount: row.non_finite_count,
  };
}

function fillRow(params: unknown[], offset: number, scenarioId: number, replication: number, record: ReplicationRecord, i: number): void {
  const zone = record.zones[i];
  const industry = record.industries[i];
  params[offset] = scenarioId;
  params[offset + 1] = replication;
  params[offset + 2] = record.steps[i];
  params[offset + 3] = zone < 0 ? null : zone;
  params[offset + 4] = industry < 0 ? null : industry;
  params[offset + 5] = record.metrics[i];
  params[offset + 6] = record.values[i];
}
