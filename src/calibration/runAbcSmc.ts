/**
 * The ABC-SMC loop: propose a batch, evaluate it, absorb the results, until the run stops. The
 * evaluation is a callback, so the same loop drives an in-process simulator (tests, the recovery
 * study), a worker pool, or anything else that turns candidates into distances. Pure apart from
 * calling the callbacks.
 */
import { missingAbcCandidates, proposeAbcCandidates } from './abcSmcCandidates.ts';
import { absorbAbcResults } from './abcSmcGenerations.ts';
import type { AbcCandidate, AbcCandidateResult, AbcSmcState } from './abcSmcState.ts';

/** Turns candidates into results (distances and, optionally, statistics), one per candidate, in any order. */
export type AbcEvaluator = (candidates: readonly AbcCandidate[]) => Promise<readonly AbcCandidateResult[]> | readonly AbcCandidateResult[];

/** Options of {@link runAbcSmc}. */
export interface RunAbcSmcOptions {
  /** Candidates per batch (default 64). The result does not depend on it. */
  readonly batchSize?: number;
  /** Called with the state after every absorbed batch (store it here to make the run resumable). */
  readonly onBatch?: (state: AbcSmcState) => void | Promise<void>;
  /** When aborted, the loop returns the state after the current batch (not stopped: resume it later). */
  readonly signal?: AbortSignal;
}

/** Default candidates per batch. */
export const DEFAULT_ABC_BATCH_SIZE = 64;

/**
 * Run ABC-SMC from `state` until it stops (or `signal` aborts).
 *
 * Why a state in, a state out: a run stored by `onBatch` and passed back in continues exactly where
 * it was — first evaluating any candidates it had proposed but not absorbed — and candidates and
 * seeds are functions of the state only, so the result is identical to an uninterrupted run,
 * whatever the batch size.
 *
 * @param state a new state (createAbcSmcState) or a stored one (parseAbcSmcState).
 * @param evaluate the evaluator.
 * @param options batch size, checkpoint callback, abort signal.
 * @returns the final state (`state.stop` set unless aborted).
 * @throws whatever `evaluate` throws; {@link absorbAbcResults}'s errors for malformed results.
 * @example
 * const final = await runAbcSmc(createAbcSmcState(parameters, settings), (batch) => batch.map(simulate));
 * summarisePosterior(final)
 */
export async function runAbcSmc(state: AbcSmcState, evaluate: AbcEvaluator, options: RunAbcSmcOptions = {}): Promise<AbcSmcState> {
  const batchSize = options.batchSize ?? DEFAULT_ABC_BATCH_SIZE;
  let current = state;
  // Candidates a stored state proposed but never absorbed (batches in flight when it was stored).
  const missing = missingAbcCandidates(current);
  for (let start = 0; start < missing.length && current.stop === null && !options.signal?.aborted; start += batchSize) {
    current = absorbAbcResults(current, await evaluate(missing.slice(start, start + batchSize)));
    if (options.onBatch) await options.onBatch(current);
  }
  while (current.stop === null && !options.signal?.aborted) {
    const proposal = proposeAbcCandidates(current, batchSize);
    current = proposal.state;
    if (proposal.candidates.length === 0) {
      throw new Error('runAbcSmc: no candidate to propose and the generation is not complete (results of proposed candidates are missing)');
    }
    const results = await evaluate(proposal.candidates);
    current = absorbAbcResults(current, results);
    if (options.onBatch) await options.onBatch(current);
  }
  return current;
}
