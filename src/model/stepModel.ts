import { deriveZoneAggregates, exitFirms, growIndustryDemand, reviewFirmProductivity } from './firmDynamics.ts';
import { placePendingProjects } from './locationChoice.ts';
import type { ModelState } from './modelState.ts';
import { arriveProjects } from './projectArrival.ts';
import { serviceLandByPlan } from './r9PlanningLandServicing.ts';
import { reclaimIdleLand, updateLandPrices } from './r11LandMarket.ts';
import { refreshAllZoneUtilities } from './zoneAttractiveness.ts';

/** A mechanism: a plain function that advances one aspect of the state by one step. */
export type Mechanism = (state: ModelState) => void;

/**
 * The schedule of one step, in order (ODD "process overview and scheduling"):
 * 1. R9 planning: zones service more of their planned land;
 * 2. R11 land: a share of idle land is reclaimed; land prices follow utilisation;
 * 3. zone attractiveness caches are refreshed (land, prices and jobs changed);
 * 4. projects arrive;
 * 5. pending projects choose a zone or the outside option (logit; R1, R2, R3/R11, R10), or wait;
 * 6. demand grows; once a year firms' productivity is reviewed; jobs and output are derived;
 * 7. firms exit.
 */
export const stepSchedule: readonly Mechanism[] = [
  serviceLandByPlan,
  reclaimIdleLand,
  updateLandPrices,
  refreshAllZoneUtilities,
  arriveProjects,
  placePendingProjects,
  growIndustryDemand,
  reviewFirmProductivity,
  deriveZoneAggregates,
  exitFirms,
];

/** Advance the state by one step. */
export function stepModel(state: ModelState): void {
  for (let m = 0; m < stepSchedule.length; m++) stepSchedule[m](state);
  state.step++;
}
