import type { ModelState } from './modelState.ts';
import { refreshAllZoneUtilities } from './zoneAttractiveness.ts';

/**
 * R13 guidance funds (引导资金), "four ounces move a thousand pounds" (四两拨千斤).
 *
 * A provincial fund with an annual budget co-invests in projects of the leading industries of the
 * zone they choose: it takes a stake of investment / (1 + coInvestmentRatio), so each public yuan is
 * matched by `coInvestmentRatio` private yuan, until the year's budget is spent (unused budget
 * lapses). While money is on offer, a zone's leading industries gain `utilityBonus` in the location
 * choice (cheaper equity). Outcomes: public money spent, private co-investment, and the gross leverage
 * private/public. Gross leverage is the ratio by construction; whether the money is *additional* —
 * whether the projects would have come anyway — is answered by the paired comparison with a scenario
 * without the fund (the runner's difference in total investment divided by public money spent), the
 * standard additionality test for public venture and guidance funds (Lerner 1999; Brander, Du &
 * Hellmann 2015).
 */
export function openGuidanceBudget(state: ModelState): void {
  const g = state.parameters.guidanceFund;
  if (!g.enabled || state.step % state.constants.stepsPerYear !== 0) return;
  const a = state.accounts;
  a.guidanceBudgetLeft = g.budgetPerYear;
  const available = g.budgetPerYear > 0;
  if (available !== a.guidanceAvailable) {
    a.guidanceAvailable = available;
    refreshAllZoneUtilities(state, true);
  }
}

/** A project of a leading industry of its zone entered: take the fund's stake if money is left. */
export function coInvest(state: ModelState, investment: number): void {
  const a = state.accounts;
  if (!a.guidanceAvailable) return;
  const wanted = investment / (1 + state.parameters.guidanceFund.coInvestmentRatio);
  const stake = wanted < a.guidanceBudgetLeft ? wanted : a.guidanceBudgetLeft;
  a.guidanceBudgetLeft -= stake;
  a.guidanceSpentTotal += stake;
  a.guidancePrivateTotal += investment - stake;
  if (a.guidanceBudgetLeft <= 0) {
    a.guidanceBudgetLeft = 0;
    a.guidanceAvailable = false;
    refreshAllZoneUtilities(state, true);
  }
}
