import type { ModelState } from './modelState.ts';
import { freeServicedLand } from './modelState.ts';

/**
 * R12 financing platforms (投融资平台) and standard factories (标准化厂房).
 *
 * Each zone has an investment-and-financing platform that borrows to service land and build standard
 * factories, and services its debt from land sales and the zone's tax revenue — the "land finance"
 * model of Chinese local government financing vehicles (Bai, Hsieh & Song 2016; Tsui 2011):
 * - revenue per step R = land sold × price (booked at entry) + taxShareOfOutput × zone output / T;
 * - interest accrues at r / T per step; the platform pays min(debtServiceShare × R, debt + interest);
 * - it may borrow while debt ≤ initialBorrowingCapacity + debtCeilingYearsOfRevenue × annual revenue
 *   (annual revenue is a one-year exponential moving average of R × T); past that ceiling servicing
 *   and factory building stop — a financing constraint on the pace set by the plan (R9);
 * - debt stress = debt / annual revenue (years of revenue needed to repay), an outcome.
 * Standard factories: each platform builds `standardFactoryHaPerYear` of factory floor on its free
 * serviced land (cost standardFactoryCostPerHa). Projects up to `standardFactoryMaxInvestment` may rent
 * it instead of buying land: they need no free land, and gain `standardFactoryBonus` in utility.
 * Switched off: servicing proceeds as planned and its cost is public spending; no factories; no debt.
 * Either way the spending on servicing and factories is the zone's infrastructure investment, part of
 * its fixed-asset investment (reporters zonesFixedAssetInvestment, infrastructureInvestment).
 */

/** The platform's current borrowing room (M¥), never negative. */
export function borrowingRoom(state: ModelState, z: number): number {
  const f = state.parameters.financing;
  const zones = state.zones;
  const room = f.initialBorrowingCapacity + f.debtCeilingYearsOfRevenue * zones.platformRevenueAnnual[z] - zones.platformDebt[z];
  return room > 0 ? room : 0;
}

/**
 * Pay for `hectares` of new serviced land in zone z and return how many hectares can be paid for:
 * with platforms on, borrowed within the platform's room; with platforms off, all of them, booked as
 * public spending.
 */
export function financeLandServicing(state: ModelState, z: number, hectares: number): number {
  const f = state.parameters.financing;
  const cost = f.servicingCostPerHa;
  if (!f.enabled) {
    state.accounts.publicSpendingServicingTotal += hectares * cost;
    state.zones.infrastructureFlow[z] += hectares * cost;
    return hectares;
  }
  if (cost === 0) return hectares;
  const affordable = Math.min(hectares, borrowingRoom(state, z) / cost);
  state.zones.platformDebt[z] += affordable * cost;
  state.zones.infrastructureFlow[z] += affordable * cost;
  return affordable;
}

/** Record the sale of `hectares` of zone land to an entering firm (platform revenue). */
export function recordLandSale(state: ModelState, z: number, hectares: number): void {
  if (!state.parameters.financing.enabled) return;
  state.zones.platformRevenueStep[z] += hectares * state.zones.price[z];
}

/**
 * Mechanism: platforms build standard factories on free serviced land, within their borrowing room.
 */
export function buildStandardFactories(state: ModelState): void {
  const f = state.parameters.financing;
  if (!f.enabled || f.standardFactoryHaPerYear <= 0) return;
  const zones = state.zones;
  const perStep = f.standardFactoryHaPerYear / state.constants.stepsPerYear;
  for (let z = 0; z < zones.count; z++) {
    let build = Math.min(perStep, freeServicedLand(zones, z));
    if (f.standardFactoryCostPerHa > 0) build = Math.min(build, borrowingRoom(state, z) / f.standardFactoryCostPerHa);
    if (build <= 0) continue;
    zones.standardFactoryHa[z] += build;
    zones.platformDebt[z] += build * f.standardFactoryCostPerHa;
    zones.infrastructureFlow[z] += build * f.standardFactoryCostPerHa;
  }
}

/**
 * Mechanism (after production): collect tax revenue, accrue interest, pay debt service, and update the
 * smoothed annual revenue. Platform revenue is reset for the next step.
 */
export function servicePlatformDebt(state: ModelState): void {
  const f = state.parameters.financing;
  if (!f.enabled) return;
  const zones = state.zones;
  const perStep = state.constants.stepsPerYear;
  const rate = f.interestRate / perStep;
  for (let z = 0; z < zones.count; z++) {
    const revenue = zones.platformRevenueStep[z] + (f.taxShareOfOutput * zones.output[z]) / perStep;
    const debt = zones.platformDebt[z];
    const owed = debt + debt * rate;
    const payment = Math.min(f.debtServiceShare * revenue, owed);
    zones.platformDebt[z] = owed - payment;
    zones.platformRevenueAnnual[z] += (revenue * perStep - zones.platformRevenueAnnual[z]) / perStep;
    zones.platformRevenueStep[z] = 0;
  }
}
