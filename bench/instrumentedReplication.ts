/**
 * One replication run with every mechanism of the step schedule timed separately.
 *
 * It does exactly what `simulateModel(input, seed)` without an observer does — `initialiseModel`, then
 * `stepSchedule` in order and `state.step++` until the last step — with a `performance.now()` pair
 * around each mechanism call. The timer costs about 2 × 10 calls per step (≈ 5,000 per 22-year
 * monthly run), which is negligible next to the model's own work. No reporters are computed, so the
 * times are those of the model alone.
 */
import { initialiseModel } from '../src/model/initialiseModel.ts';
import type { ModelInput } from '../src/model/modelInput.ts';
import type { ModelState } from '../src/model/modelState.ts';
import { stepSchedule } from '../src/model/stepModel.ts';

/** Name of the set-up phase in {@link InstrumentedReplication.phaseMs} (not a mechanism). */
export const INITIALISE_PHASE = 'initialiseModel';

/** Name of the location-choice mechanism, whose time is the denominator of the choice throughput. */
export const CHOICE_MECHANISM = 'placePendingProjects';

/** Timings and counts of one instrumented replication. Plain data. */
export interface InstrumentedReplication {
  readonly seed: number;
  /** Wall time of the whole replication (set-up plus all steps), ms. */
  readonly wallMs: number;
  /** Time per phase, ms: {@link INITIALISE_PHASE} then each mechanism of `stepSchedule`, in schedule order. */
  readonly phaseMs: Readonly<Record<string, number>>;
  /** Firms that entered during the run (the initial stock is not counted). */
  readonly entries: number;
  /** Living firms at the end of the run (initial stock included). */
  readonly finalFirms: number;
  /** Logit evaluations of one alternative for one project (`state.counters.choiceEvaluations`). */
  readonly choiceEvaluations: number;
  /** Steps run. */
  readonly steps: number;
}

/** Names of the mechanisms of `stepSchedule`, in order (function names, as exported by the model). */
export function mechanismNames(): string[] {
  return stepSchedule.map((m, i) => m.name || `mechanism${i}`);
}

/**
 * Run one replication of `input` with `seed`, timing the set-up and each mechanism separately.
 *
 * @returns the timings and counts, plus the final state (for equivalence checks; drop it to free memory).
 */
export function runInstrumentedReplication(
  input: ModelInput,
  seed: number,
): { result: InstrumentedReplication; state: ModelState } {
  const names = mechanismNames();
  const schedule = stepSchedule;
  const count = schedule.length;
  const accumulated = new Float64Array(count);

  const start = performance.now();
  const state = initialiseModel(input, seed);
  const initialiseMs = performance.now() - start;
  const total = state.constants.totalSteps;
  while (state.step < total) {
    for (let m = 0; m < count; m++) {
      const t = performance.now();
      schedule[m](state);
      accumulated[m] += performance.now() - t;
    }
    state.step++;
  }
  const wallMs = performance.now() - start;

  const phaseMs: Record<string, number> = { [INITIALISE_PHASE]: initialiseMs };
  for (let m = 0; m < count; m++) phaseMs[names[m]] = (phaseMs[names[m]] ?? 0) + accumulated[m];
  return {
    result: {
      seed,
      wallMs,
      phaseMs,
      entries: state.counters.entriesTotal,
      finalFirms: state.firms.count,
      choiceEvaluations: state.counters.choiceEvaluations,
      steps: state.step,
    },
    state,
  };
}
