import type { Industries } from './industries.ts';
import type { ZoneTable } from './modelState.ts';

/**
 * R1 relatedness (关联): how related a project's industry is to the firms already in a zone.
 *
 * Functional form: the firm-weighted mean proximity of industry j to the zone's firms of *other*
 * industries,
 *
 *     D_zj = Σ_{k≠j} φ_jk n_zk / Σ_{k≠j} n_zk        (0 when the zone has no firm of another industry),
 *
 * with φ the proximity matrix and n_zk the zone's firms in industry k. It lies in [0, 1]. This is the
 * continuous "relatedness density" used for firms and regions (Hidalgo et al. 2007 define density
 * with binary RCA presence; Neffke, Henning & Boschma 2011 weight by plant counts as here). The
 * utility adds `choice.relatedness.coefficient × D_zj`.
 *
 * Incremental bookkeeping: the zone keeps S_zj = Σ_k φ_jk n_zk for every j; a firm of industry i
 * entering (leaving) zone z adds (subtracts) row i of φ — O(K) per event, never a scan over firms.
 */
export function addFirmToRelatedness(zones: ZoneTable, industries: Industries, z: number, industry: number, sign: 1 | -1): void {
  const k = industries.count;
  const row = industry * k;
  const base = z * k;
  const sums = zones.relatedFirmSum;
  const phi = industries.proximity;
  for (let j = 0; j < k; j++) sums[base + j] += sign * phi[row + j];
}

/**
 * D_zj, the relatedness density of industry j in zone z (see the module comment). Reads only the
 * incrementally kept sums; O(1).
 */
export function relatednessDensity(zones: ZoneTable, industries: Industries, z: number, j: number): number {
  const k = industries.count;
  const own = zones.industryFirms[z * k + j];
  const others = zones.firms[z] - own;
  if (others <= 0.5) return 0; // counts are whole numbers held in floats
  const density = (zones.relatedFirmSum[z * k + j] - own * industries.proximity[j * k + j]) / others;
  return density < 0 ? 0 : density > 1 ? 1 : density; // clip away float rounding only
}
