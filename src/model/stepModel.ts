import { deriveZoneAggregates, exitFirms, growIndustryDemand, reviewFirmProductivity } from './firmDynamics.ts';
import { placePendingProjects } from './locationChoice.ts';
import type { ModelState } from './modelState.ts';
import { arriveProjects } from './projectArrival.ts';
import { serviceLandByPlan } from './r9PlanningLandServicing.ts';
import { reviewLeadingIndustries } from './r10IndustrialPositioning.ts';
import { reclaimIdleLand, updateLandPrices } from './r11LandMarket.ts';
import { buildStandardFactories, servicePlatformDebt } from './r12FinancingPlatforms.ts';
import { runGuaranteeFund } from './r13CreditGuarantees.ts';
import { openGuidanceBudget } from './r13GuidanceFund.ts';
import { payForPromotion } from './r15InvestmentPromotion.ts';
import { updateMobileArrivalFactor } from './r15NationalMobileProjects.ts';
import { updateCrisisIntensity } from './r16Crisis.ts';
import { refreshAllZoneUtilities } from './zoneAttractiveness.ts';

/** A mechanism: a plain function that advances one aspect of the state by one step. */
export type Mechanism = (state: ModelState) => void;

/**
 * The schedule of one step, in order (ODD "process overview and scheduling"). Mechanisms whose
 * switch is off return at once.
 *  1. R16 crisis: this step's shock intensity;
 *  2. R13 guidance fund: a new year's budget opens;
 *  3. R13 guarantee fund: maturities, fees, injections;
 *  4. R9 planning: zones service planned land (within the R11 quota and, with R12 platforms, what
 *     they can borrow);
 *  5. R12 platforms build standard factories;
 *  6. R11 land: a share of idle land is reclaimed; land prices follow utilisation;
 *  7. R10 positioning: on review years, zones re-choose their leading industries;
 *  8. zone attractiveness caches are refreshed, and with them the province's pull on the national pool
 *     of mobile projects (R15, nested logit);
 *  9. projects arrive: the reference flow, plus or minus mobile projects (R15 national pool; promotion
 *     adds some, R16 postpones some);
 * 10. ready projects secure credit (R13) and choose a zone or the outside option (logit: R1, R2,
 *     R3/R11, R9, R10, R12, R13, R14, R15), or wait;
 * 11. demand grows; 12. once a year productivity is reviewed (R7 spillovers) and incumbents expand
 *     (R5 location premium); 13. jobs and output are derived (R16 demand), with the investment flows;
 * 14. R12 platforms collect revenue and service debt; 15. R15 promotion is paid for;
 * 16. firms exit (R16 hazard; R13 guarantee defaults).
 * (Items 6 and 8 are two mechanisms each: 18 in all, in this order.)
 */
export const stepSchedule: readonly Mechanism[] = [
  updateCrisisIntensity,
  openGuidanceBudget,
  runGuaranteeFund,
  serviceLandByPlan,
  buildStandardFactories,
  reclaimIdleLand,
  updateLandPrices,
  reviewLeadingIndustries,
  refreshAllZoneUtilities,
  updateMobileArrivalFactor,
  arriveProjects,
  placePendingProjects,
  growIndustryDemand,
  reviewFirmProductivity,
  deriveZoneAggregates,
  servicePlatformDebt,
  payForPromotion,
  exitFirms,
];

/** Advance the state by one step. */
export function stepModel(state: ModelState): void {
  for (let m = 0; m < stepSchedule.length; m++) stepSchedule[m](state);
  state.step++;
}
