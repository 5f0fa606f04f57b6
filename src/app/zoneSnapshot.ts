/**
 * Compact zone snapshots of a model state for the page's map: output, firms, land and the leading
 * industry of each zone. Reads the state only (never modifies it). Pure module.
 */
import type { ModelState } from '../model/modelState.ts';
import type { ZoneSnapshot } from './workerProtocol.ts';

/**
 * The industry with the largest output in zone z, or −1 when the zone produces nothing.
 *
 * @example topIndustryOfZone(state, 0) // e.g. 7
 */
export function topIndustryOfZone(state: ModelState, z: number): number {
  const k = state.industries.count;
  const row = z * k;
  let best = -1;
  let bestOutput = 0;
  for (let j = 0; j < k; j++) {
    const value = state.zones.industryOutput[row + j];
    if (value > bestOutput) {
      bestOutput = value;
      best = j;
    }
  }
  return best;
}

/**
 * Copy the zone quantities the map needs out of a state.
 *
 * Why: the state's arrays are reused step after step, so the worker posts copies (a few kilobytes)
 * rather than the state.
 */
export function takeZoneSnapshot(state: ModelState): ZoneSnapshot {
  const zones = state.zones;
  const count = zones.count;
  const k = state.industries.count;
  const topIndustry = new Int32Array(count);
  const leading: number[][] = [];
  for (let z = 0; z < count; z++) {
    topIndustry[z] = topIndustryOfZone(state, z);
    const list: number[] = [];
    for (let j = 0; j < k; j++) if (zones.leading[z * k + j] === 1) list.push(j);
    leading.push(list);
  }
  return {
    output: zones.output.slice(0, count + 1),
    firms: zones.firms.slice(0, count + 1),
    topIndustry,
    servicedHa: zones.servicedHa.slice(0, count),
    usedHa: zones.usedHa.slice(0, count),
    leading,
  };
}
