import type { ModelState } from './modelState.ts';
import { growFirmTable } from './modelState.ts';
import { addFirmToRelatedness } from './r1RelatednessDensity.ts';
import { updateLandPrice } from './r11LandMarket.ts';
import { refreshZoneUtility } from './zoneAttractiveness.ts';

/**
 * Entry and exit of firms: the only two places where a firm joins or leaves the firm table, so every
 * incrementally kept aggregate (zone counts, employment, land in use, relatedness sums, cached
 * utilities, flow counters) is updated in exactly one place.
 */

/** Attributes of a project that becomes a firm. */
export interface EnteringFirm {
  id: number;
  industry: number;
  investment: number;
  productivity: number;
}

/**
 * Add a firm in zone `z` (or the outside option when z = number of zones) and update every aggregate.
 * The firm's land is investment × the industry's land intensity; its jobs investment × labour
 * intensity; its output productivity × investment / capital intensity (M¥/year).
 */
export function enterFirm(state: ModelState, firm: EnteringFirm, z: number): void {
  const firms = state.firms;
  if (firms.count === firms.capacity) growFirmTable(firms);
  const industries = state.industries;
  const j = firm.industry;
  const i = firms.count++;
  const land = firm.investment * industries.landIntensity[j];
  const employment = firm.investment * industries.labourIntensity[j];
  const output = (firm.productivity * firm.investment) / industries.capitalIntensity[j];
  firms.id[i] = firm.id;
  firms.industry[i] = j;
  firms.zone[i] = z;
  firms.investment[i] = firm.investment;
  firms.employment[i] = employment;
  firms.land[i] = land;
  firms.productivity[i] = firm.productivity;
  firms.output[i] = output;
  firms.birthStep[i] = state.step;
  firms.anchor[i] = firm.investment >= state.parameters.projects.anchorSize ? 1 : 0;

  const zones = state.zones;
  const k = industries.count;
  zones.firms[z] += 1;
  zones.employment[z] += employment;
  zones.output[z] += output;
  zones.investment[z] += firm.investment;
  zones.usedHa[z] += land;
  zones.industryFirms[z * k + j] += 1;
  zones.industryEmployment[z * k + j] += employment;
  zones.industryOutput[z * k + j] += output;
  state.counters.entriesInPeriod++;
  state.counters.entriesTotal++;
  if (z < zones.count) {
    addFirmToRelatedness(zones, industries, z, j, 1);
    updateLandPrice(zones, z, state.parameters.zones.landPriceScarcityElasticity);
  }
  refreshZoneUtility(state, z);
}

/**
 * Remove the firm at table index `index` (it exits). Its zone land becomes idle (R11) until
 * reclaimed; the last firm of the table moves into the freed slot (order is not meaningful).
 */
export function exitFirm(state: ModelState, index: number): void {
  const firms = state.firms;
  const zones = state.zones;
  const industries = state.industries;
  const k = industries.count;
  const z = firms.zone[index];
  const j = firms.industry[index];
  zones.firms[z] -= 1;
  zones.employment[z] -= firms.employment[index];
  zones.output[z] -= firms.output[index];
  zones.investment[z] -= firms.investment[index];
  zones.usedHa[z] -= firms.land[index];
  zones.industryFirms[z * k + j] -= 1;
  zones.industryEmployment[z * k + j] -= firms.employment[index];
  zones.industryOutput[z * k + j] -= firms.output[index];
  if (z < zones.count) {
    zones.idleHa[z] += firms.land[index];
    addFirmToRelatedness(zones, industries, z, j, -1);
  }
  const last = --firms.count;
  if (index !== last) {
    firms.id[index] = firms.id[last];
    firms.industry[index] = firms.industry[last];
    firms.zone[index] = firms.zone[last];
    firms.investment[index] = firms.investment[last];
    firms.employment[index] = firms.employment[last];
    firms.land[index] = firms.land[last];
    firms.productivity[index] = firms.productivity[last];
    firms.output[index] = firms.output[last];
    firms.birthStep[index] = firms.birthStep[last];
    firms.anchor[index] = firms.anchor[last];
  }
  state.counters.exitsInPeriod++;
  state.counters.exitsTotal++;
  refreshZoneUtility(state, z);
}
