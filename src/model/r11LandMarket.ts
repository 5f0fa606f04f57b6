import type { ModelState, ZoneTable } from './modelState.ts';
import { counterStandardNormal, NormalPurposes } from './randomStreams.ts';
import { exponential, power } from './tableExponential.ts';

/**
 * R11 land (解决好土地问题) and R3 intensive use (集约): the zone land market.
 *
 * - Price: p_z = base_z × exp(e × used_z / serviced_z), with e = `zones.landPriceScarcityElasticity`
 *   (0 keeps the price fixed). An exponential scarcity premium is a smooth stand-in for the bid-rent
 *   rise of land prices as a zone fills (Alonso 1964); it stays finite when the zone is full.
 * - Availability: a project can only choose a zone with enough free serviced land (or standard
 *   factory space) for its need; see locationChoice.ts.
 * - Idle land: land left by exiting firms is idle until reclaimed; a share
 *   `land.idleReclaimPerYear` is returned to the free stock each year (盘活闲置土地).
 * With `land.enabled` (the R11 levers):
 * - project heterogeneity: a project's base land need is investment × its industry's land intensity
 *   × exp(s·ε), ε a counter-based standard normal keyed by the project id, s =
 *   `land.projectIntensityDispersion` (projects of one industry differ in how much land they need);
 * - price-elastic land need: a project needs base × (p_z / p_ref)^(−σ) hectares in zone z, σ =
 *   `land.demandPriceElasticity` — capital–land substitution, so dear land is used intensively
 *   (a constant-elasticity land demand, as in urban-economics models of lot size; Brueckner 1987);
 * - investment-intensity threshold (投资强度): zone z admits a project only if investment / need ≥
 *   `land.minimumInvestmentPerHa` (the outside option has no threshold);
 * - land quota (用地指标): newly serviced zone land per year across the province is capped at
 *   `land.quotaHaPerYear`, shared pro rata.
 */
export function updateLandPrice(state: ModelState, z: number): void {
  const zones = state.zones;
  const elasticity = state.parameters.zones.landPriceScarcityElasticity;
  const serviced = zones.servicedHa[z];
  const utilisation = serviced > 0 ? zones.usedHa[z] / serviced : 0;
  // The price is a function of the utilisation alone (the base price is fixed when the zones are
  // built), so an unchanged utilisation keeps the price already computed from it — the same bits.
  if (utilisation !== zones.priceUtilisation[z]) {
    zones.price[z] = elasticity === 0 ? zones.basePrice[z] : zones.basePrice[z] * exponential(elasticity * utilisation, state.constants.tableExponential);
    zones.priceUtilisation[z] = utilisation;
  }
  updateLandNeedFactor(state, zones, z);
}

function updateLandNeedFactor(state: ModelState, zones: ZoneTable, z: number): void {
  const land = state.parameters.land;
  if (!land.enabled || land.demandPriceElasticity === 0) return; // stays 1
  const price = zones.price[z];
  let factor = zones.landNeedFactor[z];
  if (price !== zones.landNeedFactorPrice[z]) {
    // A function of the price alone: recomputed only when the price moved (the same bits otherwise).
    factor = power(price / state.constants.referenceLandPrice, -land.demandPriceElasticity, state.constants.tableExponential);
    zones.landNeedFactor[z] = factor;
    zones.landNeedFactorPrice[z] = price;
  }
  if (z < zones.count && factor < zones.smallestLandNeedFactor) zones.smallestLandNeedFactor = factor;
}

/** A project's base land need (ha) before the zone's price effect: see the module comment. */
export function projectBaseLandNeed(state: ModelState, id: number, industry: number, investment: number): number {
  const need = investment * state.industries.landIntensity[industry];
  const land = state.parameters.land;
  if (!land.enabled || land.projectIntensityDispersion === 0) return need;
  const e = counterStandardNormal(state.seed, id, 0, state.parameters.firms.normalSampler, NormalPurposes.landIntensity);
  return need * exponential(land.projectIntensityDispersion * e, state.constants.tableExponential);
}

/** Return a share of each zone's idle land to the free serviced stock (R11 reuse of idle land). */
export function reclaimIdleLand(state: ModelState): void {
  const share = state.constants.idleReclaimSharePerStep;
  if (share <= 0) return;
  const zones = state.zones;
  for (let z = 0; z < zones.count; z++) {
    const idle = zones.idleHa[z];
    if (idle > 0) zones.idleHa[z] = idle - idle * share;
  }
}

/** Recompute every zone's land price (and land-need factor) from its current utilisation. */
export function updateLandPrices(state: ModelState): void {
  state.zones.smallestLandNeedFactor = 1;
  for (let z = 0; z <= state.zones.count; z++) {
    if (z < state.zones.count) updateLandPrice(state, z);
    else updateLandNeedFactor(state, state.zones, z);
  }
}

/**
 * Factor (≤ 1) by which every zone's servicing this step is scaled so that the province stays within
 * its annual land quota; 1 when the quota does not bind or the R11 levers are off.
 */
export function landQuotaScale(state: ModelState, desiredHaThisStep: number): number {
  const land = state.parameters.land;
  if (!land.enabled || desiredHaThisStep <= 0) return 1;
  const quota = land.quotaHaPerYear / state.constants.stepsPerYear;
  return desiredHaThisStep > quota ? quota / desiredHaThisStep : 1;
}

/** Whether zone z admits a project of `investment` M¥ that needs `landHa` there (intensity threshold). */
export function passesInvestmentIntensity(state: ModelState, investment: number, landHa: number): boolean {
  const land = state.parameters.land;
  if (!land.enabled || land.minimumInvestmentPerHa === 0) return true;
  return landHa <= investment / land.minimumInvestmentPerHa; // the same bound the choice loop uses
}
