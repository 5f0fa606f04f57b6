import type { Industries } from './industries.ts';
import type { ZoneLayoutInput } from './modelInput.ts';
import type { ZoneTable } from './modelState.ts';
import type { Parameters } from './parameterSpecification.ts';
import { standardNormal, type UniformGenerator } from './randomStreams.ts';
import { exponential, usesTableExponential } from './tableExponential.ts';

/**
 * Build the zones of one replication from the `zones` stream (plus the outside option at index Z).
 *
 * Each zone draws, in order: its location (uniform in the square province), its planned area
 * (log-normal around the median), and its initial leading industries (主导产业, R10: a uniform random
 * subset of `leadingIndustriesPerZone` distinct industries — a later mechanism may re-choose them).
 * Zone z's draws depend only on the zone parameters and the industry count: levers of other
 * mechanisms never move them (changing `leadingIndustriesPerZone` does shift later zones' draws).
 *
 * With a zone data file (`layout`), every draw is still made (so leading industries are the same as
 * without the file), then names, locations, planned and serviced areas are taken from the file.
 */
export function buildZones(
  parameters: Parameters,
  industries: Industries,
  draw: UniformGenerator,
  layout: ZoneLayoutInput | null = null,
): ZoneTable {
  const p = parameters.zones;
  const zoneCount = p.count;
  const k = industries.count;
  const n = zoneCount + 1;
  const zones: ZoneTable = {
    count: zoneCount,
    x: new Float64Array(n),
    y: new Float64Array(n),
    plannedHa: new Float64Array(n),
    servicedHa: new Float64Array(n),
    usedHa: new Float64Array(n),
    idleHa: new Float64Array(n),
    basePrice: new Float64Array(n),
    price: new Float64Array(n),
    serviceLevel: new Float64Array(n),
    standardFactoryHa: new Float64Array(n),
    factoryUsedHa: new Float64Array(n),
    landNeedFactor: new Float64Array(n).fill(1),
    priceUtilisation: new Float64Array(n).fill(-1),
    landNeedFactorPrice: new Float64Array(n).fill(-1),
    platformDebt: new Float64Array(n),
    platformRevenueStep: new Float64Array(n),
    platformRevenueAnnual: new Float64Array(n),
    anchorRelated: new Float64Array(n * k),
    firms: new Float64Array(n),
    employment: new Float64Array(n),
    output: new Float64Array(n),
    investment: new Float64Array(n),
    leading: new Uint8Array(zoneCount * k),
    industryFirms: new Float64Array(n * k),
    normalisedCapital: new Float64Array(n * k),
    productiveCapital: new Float64Array(n * k),
    industryEmployment: new Float64Array(n * k),
    industryOutput: new Float64Array(n * k),
    relatedFirmSum: new Float64Array(n * k),
    baseUtility: new Float64Array(n),
    industryUtility: new Float64Array(n * k),
    expUtility: new Float64Array(n * k),
    investmentFlow: new Float64Array(n),
    infrastructureFlow: new Float64Array(n),
    names: layout ? layout.names : null,
    anchorUtility: new Float64Array(n * k),
    baseWeight: new Float64Array(n),
    industryWeight: new Float64Array(n * k),
    industryDirty: new Uint8Array(n).fill(1),
    smallestLandNeedFactor: 1,
  };
  const order = new Int32Array(k);
  for (let z = 0; z < zoneCount; z++) {
    zones.x[z] = draw() * p.regionSizeKm;
    zones.y[z] = draw() * p.regionSizeKm;
    const planned = p.plannedAreaHa * exponential(p.plannedAreaDispersion * standardNormal(draw), usesTableExponential(parameters));
    zones.plannedHa[z] = planned;
    zones.servicedHa[z] = planned * p.initialServicedShare;
    zones.basePrice[z] = p.landPrice;
    zones.price[z] = p.landPrice;
    for (let i = 0; i < k; i++) order[i] = i;
    for (let i = 0; i < p.leadingIndustriesPerZone; i++) {
      const pick = i + Math.floor(draw() * (k - i));
      const chosen = order[pick];
      order[pick] = order[i];
      order[i] = chosen;
      zones.leading[z * k + chosen] = 1;
    }
  }
  if (layout) {
    for (let z = 0; z < zoneCount; z++) {
      zones.x[z] = layout.x[z];
      zones.y[z] = layout.y[z];
      zones.plannedHa[z] = layout.plannedHa[z];
      zones.servicedHa[z] = layout.servicedHa ? layout.servicedHa[z] : layout.plannedHa[z] * p.initialServicedShare;
    }
  }
  // The outside option: located at the centre for display, priced at the outside land price.
  zones.x[zoneCount] = p.regionSizeKm / 2;
  zones.y[zoneCount] = p.regionSizeKm / 2;
  zones.basePrice[zoneCount] = parameters.choice.outside.landPrice;
  zones.price[zoneCount] = parameters.choice.outside.landPrice;
  return zones;
}
