/**
 * Rounds: how a calibration run cuts ABC-SMC into batches of candidates for the worker pool, the run
 * store and shards. A round is the next `roundSize(state)` candidates of the current generation,
 * proposed together, run together (on one machine, or as `--shard i/n` slices on many) and absorbed
 * together; the state is stored after every round. Pure module.
 *
 * Why a function of the state: a single run and the shards of a cluster run must cut the same rounds,
 * so that the stored states — not only the posterior — are identical whichever way a calibration ran
 * (the population never depends on how candidates are batched: abcSmcGenerations.ts keeps the first N
 * accepted candidates in index order, and candidates beyond them are discarded).
 *
 * The size aims to close the generation in one round without computing many candidates past its
 * N-th acceptance: the N − accepted acceptances still missing divided by the acceptance rate expected
 * — the rate so far in this generation once it has one, else the previous generation's (rates fall
 * from one generation to the next, so the first round of a generation tends to fall short and a
 * smaller second round finishes it, rather than overshooting). Generation 0 accepts every prior draw:
 * one round of N.
 */
import { proposeAbcCandidates } from './abcSmcCandidates.ts';
import type { AbcCandidate, AbcSmcState } from './abcSmcState.ts';

/** Fewest candidates of a round (unless the generation's limit leaves fewer). */
export const MINIMUM_ROUND_CANDIDATES = 8;

/** Most candidates of a round, as a multiple of the population size N. */
export const MAXIMUM_ROUND_POPULATIONS = 10;

/** Margin on the expected number of candidates (5 %): a round then closes its generation about half the time. */
const ROUND_MARGIN = 1.05;

/**
 * The number of candidates of the next round (see the module comment); 0 once the run has stopped.
 *
 * @example roundSize(createAbcSmcState(parameters, { …, populationSize: 200 })) // 200 (generation 0)
 */
export function roundSize(state: AbcSmcState): number {
  if (state.stop !== null) return 0;
  const room = state.candidateLimit - state.nextIndex;
  if (room <= 0) return 0;
  const N = state.settings.populationSize;
  if (state.generation === 0 || state.population === null) return room;
  const need = N - state.accepted.length;
  const previous = state.history[state.history.length - 1];
  const rate = state.nextIndex > 0 ? Math.max(1, state.accepted.length) / state.nextIndex : previous.acceptanceRate;
  const expected = Math.ceil((need / rate) * ROUND_MARGIN);
  return Math.min(room, MAXIMUM_ROUND_POPULATIONS * N, Math.max(MINIMUM_ROUND_CANDIDATES, expected));
}

/** A round: the state with its candidates proposed, and the candidates (none once stopped). */
export interface CalibrationRound {
  readonly state: AbcSmcState;
  readonly candidates: readonly AbcCandidate[];
}

/**
 * Propose the next round of a run.
 *
 * @throws {Error} when the state has proposed candidates whose results were never absorbed (rounds
 *   are absorbed whole, so a stored state never has any).
 * @example const { state: proposed, candidates } = proposeCalibrationRound(state)
 */
export function proposeCalibrationRound(state: AbcSmcState): CalibrationRound {
  if (state.nextIndex !== state.evaluatedPrefix || Object.keys(state.pending).length > 0) {
    throw new Error('proposeCalibrationRound: the state has candidates in flight; a calibration state is stored between whole rounds only');
  }
  const size = roundSize(state);
  return size === 0 ? { state, candidates: [] } : proposeAbcCandidates(state, size);
}
