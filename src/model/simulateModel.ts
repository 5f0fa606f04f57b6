import { initialiseModel } from './initialiseModel.ts';
import type { ModelInput } from './modelInput.ts';
import type { ModelState } from './modelState.ts';
import { stepModel } from './stepModel.ts';

/** Called at every recording step with the current state; must not modify it. */
export type RecordObserver = (state: ModelState) => void;

/**
 * Whether reporters are recorded after `step` completed steps: at 0, every `output.recordEvery`
 * steps, and at the final step.
 */
export function isRecordStep(step: number, recordEvery: number, totalSteps: number): boolean {
  return step === 0 || step === totalSteps || step % recordEvery === 0;
}

/**
 * Run one replication: f(input, seed) → the sequence of recorded states, handed to `observe` as they
 * occur (so nothing but the current state is held in memory). Pure apart from calling `observe`.
 * After each recording the period flow counters (entries, exits, abandoned, investment flows, mobile
 * and large projects) restart from 0.
 *
 * @returns the final state.
 * @example simulateModel({ parameters: defaultParameters(), relatedness: null }, 1, (s) => console.log(s.step))
 */
export function simulateModel(input: ModelInput, seed: number, observe?: RecordObserver): ModelState {
  const state = initialiseModel(input, seed);
  const total = state.constants.totalSteps;
  const every = input.parameters.output.recordEvery;
  record(state, observe);
  while (state.step < total) {
    stepModel(state);
    if (isRecordStep(state.step, every, total)) record(state, observe);
  }
  return state;
}

function record(state: ModelState, observe?: RecordObserver): void {
  if (observe) observe(state);
  state.counters.entriesInPeriod = 0;
  state.counters.exitsInPeriod = 0;
  state.counters.abandonedInPeriod = 0;
  state.counters.mobileZoneEntriesInPeriod = 0;
  state.counters.mobileZoneInvestmentInPeriod = 0;
  state.counters.largeZoneEntriesInPeriod = 0;
  state.zones.investmentFlow.fill(0);
  state.zones.infrastructureFlow.fill(0);
  state.province.investmentFlowInPeriod = 0;
  state.accounts.guaranteeLossesInPeriod = 0;
  state.accounts.creditRationedInPeriod = 0;
}
