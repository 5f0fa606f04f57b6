import { log } from './deterministicMath.ts';
import type { ModelState } from './modelState.ts';
import { growFirmTable } from './modelState.ts';
import { CounterPurpose, counterUniform } from './randomStreams.ts';
import { addFirmToRelatedness } from './r1RelatednessDensity.ts';
import { recordAnchor, refreshAnchorPull } from './r10IndustrialPositioning.ts';
import { updateLandPrice } from './r11LandMarket.ts';
import { recordLandSale } from './r12FinancingPlatforms.ts';
import { settleGuaranteeOnExit } from './r13CreditGuarantees.ts';
import { demandMultiplier } from './r16Crisis.ts';
import { refreshZoneUtility } from './zoneAttractiveness.ts';

/**
 * Entry and exit of firms: the only two places where a firm joins or leaves the firm table, so every
 * incrementally kept aggregate (zone counts, capital sums, jobs, output, land in use, factory space,
 * relatedness and anchor sums, cached utilities, flow counters, platform land sales, guarantee
 * defaults) is updated in exactly one place.
 */

/** Attributes of a project that becomes a firm. */
export interface EnteringFirm {
  id: number;
  industry: number;
  /** Investment at entry (M¥). */
  investment: number;
  productivity: number;
  /** Land (or standard factory floor) the firm occupies in its location (ha). */
  land: number;
  /** Whether it rents standard factory floor (R12) instead of buying land. */
  inFactory: boolean;
  /** Whether the project came from the national mobile pool (R15). */
  mobile: boolean;
}

/**
 * What an entry updates besides the firm table and the aggregates: a project's entry refreshes the
 * zone's land price and cached utility; the initial stock placed one by one (uniform placement) needs
 * the price (later initial firms' land need depends on it) but not the utility, refreshed for every
 * zone at the end; the initial stock placed in one batch needs neither (prices are recomputed at the end).
 */
export const EntryMode = { entry: 0, initialStock: 1, initialBatch: 2 } as const;
export type EntryMode = (typeof EntryMode)[keyof typeof EntryMode];

/** Projects of at least this investment (M¥) are counted as large (the statistic of 亿元以上项目). */
export const LARGE_PROJECT_INVESTMENT = 100;

/**
 * Add a firm in zone `z` (or the outside option when z = number of zones) and update every aggregate;
 * returns its index in the firm table. Jobs = investment × labour intensity; output = productivity ×
 * investment / capital–output ratio × the crisis demand multiplier (M¥/year). Its exit clock is
 * Λ(now) + E with E ~ Exp(1) drawn from the counter generator keyed by the firm's id, so the same
 * project has the same exogenous lifetime in every scenario. The `mode` says what initialisation
 * defers to its end (see {@link EntryMode}).
 */
export function enterFirm(state: ModelState, firm: EnteringFirm, z: number, mode: EntryMode = EntryMode.entry): number {
  const firms = state.firms;
  if (firms.count === firms.capacity) growFirmTable(firms);
  const industries = state.industries;
  const j = firm.industry;
  const i = firms.count++;
  const capitalIndex = firm.investment / state.industryGrowthIndex[j];
  const employment = firm.investment * industries.labourIntensity[j];
  const output = ((firm.productivity * firm.investment) / industries.capitalIntensity[j]) * demandMultiplier(state);
  const anchor = firm.investment >= state.parameters.projects.anchorSize;
  firms.id[i] = firm.id;
  firms.industry[i] = j;
  firms.zone[i] = z;
  firms.capitalIndex[i] = capitalIndex;
  firms.land[i] = firm.land;
  firms.productivity[i] = firm.productivity;
  firms.exitClock[i] = state.cumulativeExitHazard - log(counterUniform(state.seed, firm.id, 0, CounterPurpose.exit));
  firms.birthStep[i] = state.step;
  firms.anchor[i] = anchor ? 1 : 0;
  firms.inFactory[i] = firm.inFactory ? 1 : 0;
  firms.guarantee[i] = 0;
  firms.guaranteeEndStep[i] = 0;

  const zones = state.zones;
  const cell = z * industries.count + j;
  zones.firms[z] += 1;
  zones.employment[z] += employment;
  zones.output[z] += output;
  zones.investment[z] += firm.investment;
  if (firm.inFactory) zones.factoryUsedHa[z] += firm.land;
  else zones.usedHa[z] += firm.land;
  zones.industryFirms[cell] += 1;
  zones.normalisedCapital[cell] += capitalIndex;
  zones.productiveCapital[cell] += firm.productivity * capitalIndex;
  zones.industryEmployment[cell] += employment;
  zones.industryOutput[cell] += output;
  zones.investmentFlow[z] += firm.investment;
  const province = state.province;
  province.firms[j] += 1;
  province.normalisedCapital[j] += capitalIndex;
  province.productiveCapital[j] += firm.productivity * capitalIndex;
  province.investmentFlowInPeriod += firm.investment;
  const counters = state.counters;
  counters.entriesInPeriod++;
  counters.entriesTotal++;
  if (z < zones.count) {
    if (firm.investment >= LARGE_PROJECT_INVESTMENT) counters.largeZoneEntriesInPeriod++;
    if (firm.mobile) {
      counters.mobileZoneEntriesInPeriod++;
      counters.mobileZoneInvestmentInPeriod += firm.investment;
    }
    addFirmToRelatedness(zones, industries, z, j, 1);
    if (anchor && state.parameters.positioning.enabled) {
      recordAnchor(zones, industries, z, j, 1, state.parameters.choice.relatedness.enabled);
      refreshAnchorPull(state, z);
    }
    if (!firm.inFactory) recordLandSale(state, z, firm.land);
    if (mode !== EntryMode.initialBatch) updateLandPrice(state, z);
  }
  zones.industryDirty[z] = 1;
  if (mode === EntryMode.entry) refreshZoneUtility(state, z);
  return i;
}

/**
 * Remove the firm at table index `index` (it exits). A running guarantee defaults (R13). Its zone land
 * becomes idle (R11) until reclaimed, factory floor is free again at once; the last firm of the table
 * moves into the freed slot (order is not meaningful).
 */
export function exitFirm(state: ModelState, index: number): void {
  const firms = state.firms;
  const zones = state.zones;
  const industries = state.industries;
  settleGuaranteeOnExit(state, index);
  const z = firms.zone[index];
  const j = firms.industry[index];
  const cell = z * industries.count + j;
  const capitalIndex = firms.capitalIndex[index];
  const investment = capitalIndex * state.industryGrowthIndex[j];
  const employment = investment * industries.labourIntensity[j];
  const output = ((firms.productivity[index] * investment) / industries.capitalIntensity[j]) * demandMultiplier(state);
  const inFactory = firms.inFactory[index] === 1;
  zones.firms[z] -= 1;
  zones.employment[z] -= employment;
  zones.output[z] -= output;
  zones.investment[z] -= investment;
  if (inFactory) zones.factoryUsedHa[z] -= firms.land[index];
  else zones.usedHa[z] -= firms.land[index];
  zones.industryFirms[cell] -= 1;
  zones.normalisedCapital[cell] -= capitalIndex;
  zones.productiveCapital[cell] -= firms.productivity[index] * capitalIndex;
  zones.industryEmployment[cell] -= employment;
  zones.industryOutput[cell] -= output;
  const province = state.province;
  province.firms[j] -= 1;
  province.normalisedCapital[j] -= capitalIndex;
  province.productiveCapital[j] -= firms.productivity[index] * capitalIndex;
  if (province.firms[j] === 0) {
    province.normalisedCapital[j] = 0;
    province.productiveCapital[j] = 0;
  }
  if (zones.industryFirms[cell] === 0) {
    // The cell is empty: reset its sums to exact zeros so subtraction rounding cannot leave −1e-14.
    zones.normalisedCapital[cell] = 0;
    zones.productiveCapital[cell] = 0;
    zones.industryEmployment[cell] = 0;
    zones.industryOutput[cell] = 0;
  }
  if (zones.firms[z] === 0) {
    zones.employment[z] = 0;
    zones.output[z] = 0;
    zones.investment[z] = 0;
    zones.usedHa[z] = 0;
    zones.factoryUsedHa[z] = 0;
  }
  if (z < zones.count) {
    if (!inFactory) zones.idleHa[z] += firms.land[index];
    addFirmToRelatedness(zones, industries, z, j, -1);
    const anchorLeft = firms.anchor[index] === 1 && state.parameters.positioning.enabled;
    if (anchorLeft) recordAnchor(zones, industries, z, j, -1, state.parameters.choice.relatedness.enabled);
    if (zones.firms[z] === 0) {
      zones.relatedFirmSum.fill(0, z * industries.count, (z + 1) * industries.count);
      zones.anchorRelated.fill(0, z * industries.count, (z + 1) * industries.count);
    }
    if (state.parameters.positioning.enabled && (anchorLeft || zones.firms[z] === 0)) refreshAnchorPull(state, z);
  }
  const last = --firms.count;
  if (index !== last) {
    firms.id[index] = firms.id[last];
    firms.industry[index] = firms.industry[last];
    firms.zone[index] = firms.zone[last];
    firms.capitalIndex[index] = firms.capitalIndex[last];
    firms.land[index] = firms.land[last];
    firms.productivity[index] = firms.productivity[last];
    firms.exitClock[index] = firms.exitClock[last];
    firms.birthStep[index] = firms.birthStep[last];
    firms.anchor[index] = firms.anchor[last];
    firms.inFactory[index] = firms.inFactory[last];
    firms.guarantee[index] = firms.guarantee[last];
    firms.guaranteeEndStep[index] = firms.guaranteeEndStep[last];
  }
  state.counters.exitsInPeriod++;
  state.counters.exitsTotal++;
  zones.industryDirty[z] = 1;
  // No refresh of the zone's cached utility: exits come last in a step, and every zone is refreshed
  // at the start of the next step before anything reads the cache (zoneAttractiveness.ts).
}
