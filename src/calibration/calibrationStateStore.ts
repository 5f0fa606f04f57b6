/**
 * The calibration's own tables in a run folder's store (run.sqlite), beside the tasks: the ABC-SMC
 * state after the last absorbed round, and a log of the rounds. Written in the same SQLite file and
 * transactions as everything else, so a run folder stays one file that resumes.
 *
 * - `calibration_state` (one row): the state's JSON (abcSmcState.ts, exact: non-finite numbers
 *   included), its SHA-256, the key it belongs to (the calibration's analysis hash and the model code
 *   fingerprint: a state of another file or code is never continued), the number of rounds absorbed,
 *   its role — `run` (a run folder: the state after its last round) or `shard` (a shard folder: the
 *   state its round started from) — and whether the outputs of the finished run were written.
 * - `calibration_rounds`: one row per absorbed round: the generation, the candidates it proposed
 *   (from, count; 0 for the posterior-predictive round), the state hash before and after.
 */
import { createHash } from 'node:crypto';
import type { RunStore } from '../runner/runStore.ts';
import { parseAbcSmcState, serialiseAbcSmcState, type AbcSmcState } from './abcSmcState.ts';

/** The SQL of the calibration tables (idempotent). */
export const CALIBRATION_STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS calibration_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  state_key TEXT NOT NULL,
  role TEXT NOT NULL,
  state_json TEXT NOT NULL,
  state_hash TEXT NOT NULL,
  rounds INTEGER NOT NULL,
  finished INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS calibration_rounds (
  round INTEGER PRIMARY KEY,
  generation INTEGER NOT NULL,
  first_candidate INTEGER NOT NULL,
  candidates INTEGER NOT NULL,
  base_hash TEXT NOT NULL,
  state_hash TEXT NOT NULL,
  absorbed_at TEXT NOT NULL
);
`;

/** Whose state a row holds (see the module comment). */
export type CalibrationStateRole = 'run' | 'shard';

/** The stored state of a calibration folder. */
export interface StoredCalibrationState {
  readonly key: string;
  readonly role: CalibrationStateRole;
  readonly state: AbcSmcState;
  readonly hash: string;
  /** Rounds absorbed into it (a shard: the rounds of the state it started from). */
  readonly rounds: number;
  /** The run is finished and its outputs were written from the store. */
  readonly finished: boolean;
}

/** One absorbed round. */
export interface CalibrationRoundRecord {
  readonly round: number;
  readonly generation: number;
  readonly firstCandidate: number;
  readonly candidates: number;
  readonly baseHash: string;
  readonly stateHash: string;
}

/**
 * SHA-256 of a state's JSON.
 *
 * @example calibrationStateHash(state).length // 64
 */
export function calibrationStateHash(state: AbcSmcState): string {
  return createHash('sha256').update(serialiseAbcSmcState(state)).digest('hex');
}

/**
 * The key a stored state must carry to be continued: the calibration's analysis hash with the model
 * code fingerprint.
 *
 * @example calibrationStateKey(plan.analysisHash, modelFingerprint())
 */
export function calibrationStateKey(analysisHash: string, codeFingerprint: string): string {
  return createHash('sha256').update(`zonesim-calibration-state\0${analysisHash}\0${codeFingerprint}`).digest('hex');
}

/** Create the calibration tables of a store opened for writing. */
export function prepareCalibrationTables(store: RunStore): void {
  store.db.exec(CALIBRATION_STORE_SCHEMA);
}

/** Whether a store (possibly opened read-only) has the calibration tables. */
function hasCalibrationTables(store: RunStore): boolean {
  const row = store.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'calibration_state'").get() as { n: number };
  return row.n > 0;
}

/**
 * The stored state, or null when there is none.
 *
 * @example const stored = readCalibrationState(store); stored?.key === key ? stored.state : initial
 */
export function readCalibrationState(store: RunStore): StoredCalibrationState | null {
  if (!hasCalibrationTables(store)) return null;
  const row = store.db.prepare('SELECT state_key, role, state_json, state_hash, rounds, finished FROM calibration_state WHERE id = 1').get() as
    | { state_key: string; role: CalibrationStateRole; state_json: string; state_hash: string; rounds: number; finished: number }
    | undefined;
  if (row === undefined) return null;
  return { key: row.state_key, role: row.role, state: parseAbcSmcState(row.state_json), hash: row.state_hash, rounds: row.rounds, finished: row.finished === 1 };
}

/**
 * Store a state (replacing the previous one), optionally logging the round that produced it, in one
 * transaction.
 *
 * @example writeCalibrationState(store, { key, role: 'run', state, rounds: 3, finished: false }, { round: 3, … })
 */
export function writeCalibrationState(
  store: RunStore,
  stored: Omit<StoredCalibrationState, 'hash'>,
  round: Omit<CalibrationRoundRecord, 'stateHash'> | null = null,
  now = new Date().toISOString(),
): string {
  const json = serialiseAbcSmcState(stored.state);
  const hash = createHash('sha256').update(json).digest('hex');
  store.transaction(() => {
    store.db
      .prepare(
        `INSERT INTO calibration_state (id, state_key, role, state_json, state_hash, rounds, finished, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET state_key = excluded.state_key, role = excluded.role, state_json = excluded.state_json,
           state_hash = excluded.state_hash, rounds = excluded.rounds, finished = excluded.finished, updated_at = excluded.updated_at`,
      )
      .run(stored.key, stored.role, json, hash, stored.rounds, stored.finished ? 1 : 0, now);
    if (round !== null) {
      store.db
        .prepare(
          `INSERT OR REPLACE INTO calibration_rounds (round, generation, first_candidate, candidates, base_hash, state_hash, absorbed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(round.round, round.generation, round.firstCandidate, round.candidates, round.baseHash, hash, now);
    }
  });
  return hash;
}

/** Forget the stored state and the round log (a state of another calibration or code). */
export function clearCalibrationState(store: RunStore): void {
  store.transaction(() => {
    store.db.exec('DELETE FROM calibration_state; DELETE FROM calibration_rounds;');
  });
}

/**
 * The absorbed rounds, in order.
 *
 * @example readCalibrationRounds(store).length
 */
export function readCalibrationRounds(store: RunStore): CalibrationRoundRecord[] {
  if (!hasCalibrationTables(store)) return [];
  const rows = store.db.prepare('SELECT round, generation, first_candidate, candidates, base_hash, state_hash FROM calibration_rounds ORDER BY round').all() as {
    round: number;
    generation: number;
    first_candidate: number;
    candidates: number;
    base_hash: string;
    state_hash: string;
  }[];
  return rows.map((r) => ({ round: r.round, generation: r.generation, firstCandidate: r.first_candidate, candidates: r.candidates, baseHash: r.base_hash, stateHash: r.state_hash }));
}
