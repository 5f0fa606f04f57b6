import type { ModelState, ZoneTable } from './modelState.ts';

/**
 * R11 land (解决好土地问题) and R3 intensive use (集约): the zone land market.
 *
 * - Price: p_z = base_z × exp(e × used_z / serviced_z), with e = `zones.landPriceScarcityElasticity`
 *   (0 keeps the price fixed). An exponential scarcity premium is a smooth stand-in for the bid-rent
 *   rise of land prices as a zone fills (Alonso 1964); it stays finite when the zone is full.
 * - Availability: a project needs investment × land intensity hectares and can only choose a zone
 *   with at least that much free serviced land (serviced − used − idle); see locationChoice.ts.
 * - Idle land: land left by exiting firms is idle until reclaimed; a share
 *   `land.idleReclaimPerYear` is returned to the free stock each year (盘活闲置土地).
 */
export function updateLandPrice(zones: ZoneTable, z: number, elasticity: number): void {
  const serviced = zones.servicedHa[z];
  const utilisation = serviced > 0 ? zones.usedHa[z] / serviced : 0;
  zones.price[z] = elasticity === 0 ? zones.basePrice[z] : zones.basePrice[z] * Math.exp(elasticity * utilisation);
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

/** Recompute every zone's land price from its current utilisation. */
export function updateLandPrices(state: ModelState): void {
  const zones = state.zones;
  const elasticity = state.parameters.zones.landPriceScarcityElasticity;
  for (let z = 0; z < zones.count; z++) updateLandPrice(zones, z, elasticity);
}
