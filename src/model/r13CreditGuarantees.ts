import type { ModelState } from './modelState.ts';
import { CounterPurpose, counterUniform } from './randomStreams.ts';
import { bankLendingMultiplier } from './r16Crisis.ts';

/**
 * R13 credit guarantees (担保体系) and the credit constraint they relieve.
 *
 * Credit constraint (`credit.enabled`): a small project (investment ≤ constrainedMaxInvestment) must
 * borrow creditDependence_j × investment. A bank lends without collateral with probability
 * bankLendingShare × (1 − creditTightening × crisis intensity) (one counter-based uniform per project,
 * fixed for its life, so a tighter market only ever adds rationed projects). Otherwise the project
 * needs a guarantee; without one it waits (and after `projects.patienceSteps`, gives up) — the
 * SME financing gap (Stiglitz & Weiss 1981; Beck, Klapper & Mendoza 2010 on guarantee funds).
 *
 * Guarantee fund (`guarantees.enabled`): guarantees coverageShare × loan if
 *   outstanding + g ≤ leverageMultiple × net assets   and   g ≤ perBorrowerCapShare × net assets
 * (the Chinese regulatory caps: normally 5×, at most 10×; up to 15× for small-firm lenders). Fees
 * feeRate × outstanding per year and public injections raise net assets; a guaranteed firm that exits
 * before the term ends defaults, and the fund pays g × (1 − recoveryRate). Guarantees expire after
 * termYears. Net assets change only by fees, losses, injections and bail-outs: a loss larger than the
 * net assets left is paid by the province — the shortfall is a bail-out, public spending reported on
 * its own (`guaranteeBailoutTotal`), and net assets stop at 0 — so a deficit can never hide in the
 * fund's books. At 0 it issues nothing new, and since single guarantees are capped at a share of net
 * assets a nearly empty fund issues almost nothing: the fund counts as exhausted once net assets fall
 * to 5% of the initial capital. Why a fund with a fixed-term book can need a bail-out at all (the book
 * cannot shrink as fast as net assets fall) is derived in docs/ODD.md (R13).
 */

/**
 * Decide how a project is financed. Returns the amount the fund would guarantee (> 0; book it with
 * `issueGuarantee` once the firm has entered), 0 when the project is financed without a guarantee, or
 * −1 when it is credit-rationed and must wait.
 */
export function financeProject(state: ModelState, id: number, industry: number, investment: number): number {
  const credit = state.parameters.credit;
  if (!credit.enabled || investment > credit.constrainedMaxInvestment) return 0;
  const loan = state.industries.creditDependence[industry] * investment;
  if (loan <= 0) return 0;
  const bank = counterUniform(state.seed, id, 0, CounterPurpose.bankLending);
  if (bank < credit.bankLendingShare * bankLendingMultiplier(state)) return 0;
  const g = state.parameters.guarantees;
  if (!g.enabled) return -1;
  const a = state.accounts;
  const amount = g.coverageShare * loan;
  if (amount <= 0) return 0;
  const assets = a.guaranteeNetAssets;
  if (assets <= 0 || amount > g.perBorrowerCapShare * assets || a.guaranteesOutstanding + amount > g.leverageMultiple * assets) {
    return -1;
  }
  return amount;
}

/** Book a guarantee of `amount` issued to the firm at table index i (which has just entered). */
export function issueGuarantee(state: ModelState, firmIndex: number, amount: number): void {
  const a = state.accounts;
  const end = state.step + state.constants.guaranteeTermSteps;
  state.firms.guarantee[firmIndex] = amount;
  state.firms.guaranteeEndStep[firmIndex] = end;
  a.guaranteesOutstanding += amount;
  a.guaranteesIssuedTotal += amount;
  if (end < a.guaranteeMaturities.length) a.guaranteeMaturities[end] += amount;
}

/** A guaranteed firm exits: if its guarantee is still running it defaults and the fund pays the loss. */
export function settleGuaranteeOnExit(state: ModelState, firmIndex: number): void {
  const amount = state.firms.guarantee[firmIndex];
  if (amount <= 0) return;
  const end = state.firms.guaranteeEndStep[firmIndex];
  if (state.step >= end) return; // already expired
  const a = state.accounts;
  const loss = amount * (1 - state.parameters.guarantees.recoveryRate);
  a.guaranteesOutstanding -= amount;
  if (end < a.guaranteeMaturities.length) a.guaranteeMaturities[end] -= amount;
  a.guaranteeNetAssets -= loss;
  if (a.guaranteeNetAssets < 0) {
    a.guaranteeBailoutTotal -= a.guaranteeNetAssets;
    a.guaranteeNetAssets = 0;
  }
  a.guaranteeLossesTotal += loss;
  a.guaranteeLossesInPeriod += loss;
  noteExhaustion(state);
}

/** Net assets at or below this share of the initial capital count as an exhausted fund. */
export const GUARANTEE_EXHAUSTION_SHARE = 0.05;

function noteExhaustion(state: ModelState): void {
  const a = state.accounts;
  const floor = GUARANTEE_EXHAUSTION_SHARE * state.parameters.guarantees.initialCapital;
  if (a.guaranteeNetAssets <= floor && a.guaranteeExhaustedStep < 0) a.guaranteeExhaustedStep = state.step;
}

/** Mechanism: expire maturing guarantees, collect fees and injections. */
export function runGuaranteeFund(state: ModelState): void {
  const g = state.parameters.guarantees;
  if (!g.enabled) return;
  const a = state.accounts;
  const perStep = state.constants.stepsPerYear;
  if (state.step < a.guaranteeMaturities.length) {
    a.guaranteesOutstanding -= a.guaranteeMaturities[state.step];
    a.guaranteeMaturities[state.step] = 0;
    if (a.guaranteesOutstanding < 0) a.guaranteesOutstanding = 0; // subtraction rounding only
  }
  const fees = (g.feeRate * a.guaranteesOutstanding) / perStep;
  a.guaranteeNetAssets += fees;
  a.guaranteeFeesTotal += fees;
  if (g.annualInjection > 0) {
    const injection = g.annualInjection / perStep;
    a.guaranteeNetAssets += injection;
    a.publicSpendingGuaranteeCapitalTotal += injection;
  }
  noteExhaustion(state);
}
