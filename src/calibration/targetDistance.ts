/**
 * The distance between what the model says and the published figures: each target's discrepancy on
 * its scale, divided by its tolerance (one-sided for bounds), combined by a weighted norm. Pure
 * module.
 *
 * Discrepancy e of a model value m against a figure f:
 * - `log`: e = ln(m / f) — for positive quantities; symmetric in over- and under-shooting by the same
 *   factor (ln 1.1 ≈ 0.095, ln(1/1.1) ≈ −0.095); m ≤ 0 counts as −∞ (infinitely far below);
 * - `relative`: e = (m − f) / |f| — for shares and rates near their figure;
 * - `absolute`: e = m − f — in the figure's unit, for quantities that may be 0 or negative (a
 *   difference, a log-ratio contrast).
 * The scaled discrepancy z = e / tolerance; a point target uses z, a lower bound only its shortfall
 * min(z, 0), an upper bound only its excess max(z, 0). A model value that is undefined (NaN) has
 * z = +∞, so the candidate is never accepted.
 *
 * Distance of scaled discrepancies z_i with weights w_i:
 * - `rms` (default): √(Σ w_i z_i² / Σ w_i) — the weighted root mean square; d ≤ 1 means that on
 *   (weighted) average the targets are within their tolerances;
 * - `max`: max_i w_i |z_i| — with unit weights, d ≤ 1 means every target is within its tolerance.
 */
import { log } from '../model/deterministicMath.ts';

/** How a figure constrains the model: a value to match, or a bound that must not be crossed. */
export type TargetKind = 'point' | 'lowerBound' | 'upperBound';

/** Every target kind, in documentation order. */
export const TARGET_KINDS: readonly TargetKind[] = ['point', 'lowerBound', 'upperBound'];

/** The scale a discrepancy is measured on (see the module comment). */
export type DiscrepancyScale = 'log' | 'relative' | 'absolute';

/** Every scale, in documentation order. */
export const DISCREPANCY_SCALES: readonly DiscrepancyScale[] = ['log', 'relative', 'absolute'];

/** How scaled discrepancies combine into one distance. */
export type DistanceNorm = 'rms' | 'max';

/** Every norm, in documentation order. */
export const DISTANCE_NORMS: readonly DistanceNorm[] = ['rms', 'max'];

/** What a distance needs of a target. */
export interface TargetComparison {
  readonly figure: number;
  readonly kind: TargetKind;
  readonly scale: DiscrepancyScale;
  /** In the scale's unit (log points, a share of the figure, or the figure's unit); > 0. */
  readonly tolerance: number;
  /** ≥ 0; a weight of 0 leaves the target out of the distance (it is still computed and reported). */
  readonly weight: number;
}

/**
 * The discrepancy e of a model value against a figure, before dividing by the tolerance.
 *
 * @example discrepancy(110, 100, 'log') // ln 1.1 = 0.09531017980432493
 * @example discrepancy(0.44, 0.4, 'relative') // 0.1
 */
export function discrepancy(model: number, figure: number, scale: DiscrepancyScale): number {
  if (Number.isNaN(model)) return Number.NaN;
  switch (scale) {
    case 'log':
      return model > 0 ? log(model / figure) : -Infinity;
    case 'relative':
      return (model - figure) / Math.abs(figure);
    case 'absolute':
      return model - figure;
  }
}

/**
 * The scaled, one-sided discrepancy z of a model value (see the module comment); NaN model values
 * give +Infinity.
 *
 * @example scaledDiscrepancy(90, { figure: 100, kind: 'lowerBound', scale: 'relative', tolerance: 0.05, weight: 1 }) // −2
 * @example scaledDiscrepancy(120, { figure: 100, kind: 'lowerBound', scale: 'relative', tolerance: 0.05, weight: 1 }) // 0
 */
export function scaledDiscrepancy(model: number, target: TargetComparison): number {
  const e = discrepancy(model, target.figure, target.scale);
  if (Number.isNaN(e)) return Infinity;
  const z = e / target.tolerance;
  if (target.kind === 'lowerBound') return Math.min(z, 0);
  if (target.kind === 'upperBound') return Math.max(z, 0);
  return z;
}

/**
 * The distance of model statistics to their targets.
 *
 * @param statistics one model value per target (NaN where undefined).
 * @param targets the targets, in the same order.
 * @param norm `rms` or `max`.
 * @returns d ≥ 0 (Infinity when a weighted target is undefined or infinitely far).
 * @throws {RangeError} when the lengths differ or no target has a positive weight.
 * @example targetDistance([110], [{ figure: 100, kind: 'point', scale: 'relative', tolerance: 0.1, weight: 1 }], 'rms') // 1
 */
export function targetDistance(statistics: ArrayLike<number>, targets: readonly TargetComparison[], norm: DistanceNorm): number {
  if (statistics.length !== targets.length) {
    throw new RangeError(`targetDistance: ${statistics.length} statistics for ${targets.length} targets`);
  }
  let weightSum = 0;
  let sum = 0;
  let maximum = 0;
  for (let i = 0; i < targets.length; i++) {
    const w = targets[i].weight;
    if (!(w > 0)) continue;
    const z = scaledDiscrepancy(statistics[i], targets[i]);
    weightSum += w;
    sum += w * z * z;
    maximum = Math.max(maximum, w * Math.abs(z));
  }
  if (weightSum === 0) throw new RangeError('targetDistance: no target has a positive weight');
  return norm === 'rms' ? Math.sqrt(sum / weightSum) : maximum;
}
