import { assertFiniteValues } from './analysisArgumentChecks.ts';

/** How a numeric outcome is compared with the threshold in {@link thresholdOutcome}. */
export type ThresholdComparison = 'below' | 'atOrBelow' | 'above' | 'atOrAbove';

/**
 * Turn a numeric outcome into the 0/1 flags of a "case of interest", for scenario discovery.
 *
 * What and why: PRIM looks for regions where a binary outcome is concentrated; the question is
 * usually a threshold on a numeric outcome — "the zone's Ellison–Glaeser index stays below 0.02"
 * (fails to cluster) or "the guarantee fund's balance ends at or below 0" (runs dry).
 *
 * Formula: `flag_i = 1` if `value_i < t` ('below'), `≤ t` ('atOrBelow'), `> t` ('above') or
 * `≥ t` ('atOrAbove'), else 0.
 *
 * Reference: Bryant & Lempert (2010), *Technol. Forecast. Soc. Change* 77(1):34–49, §2.2.
 *
 * Units: `threshold` in the unit of `values`; the flags are 0/1.
 *
 * @param values the numeric outcome of each run (finite).
 * @param comparison how a value qualifies as a case of interest.
 * @param threshold the threshold `t` (finite).
 * @returns a `Uint8Array` of 0/1 flags, one per value.
 * @throws {RangeError} if a value or the threshold is not finite, or `comparison` is unknown.
 * @example
 * thresholdOutcome([0.01, 0.05, 0.02], 'below', 0.02); // => Uint8Array [1, 0, 0]
 * thresholdOutcome([0.01, 0.05, 0.02], 'atOrBelow', 0.02); // => Uint8Array [1, 0, 1]
 */
export function thresholdOutcome(
  values: ArrayLike<number>,
  comparison: ThresholdComparison,
  threshold: number,
): Uint8Array {
  const name = 'thresholdOutcome';
  assertFiniteValues(values, name, 'values');
  if (!Number.isFinite(threshold)) throw new RangeError(`${name}: threshold must be a finite number, got ${threshold}`);
  const flags = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    switch (comparison) {
      case 'below':
        flags[i] = value < threshold ? 1 : 0;
        break;
      case 'atOrBelow':
        flags[i] = value <= threshold ? 1 : 0;
        break;
      case 'above':
        flags[i] = value > threshold ? 1 : 0;
        break;
      case 'atOrAbove':
        flags[i] = value >= threshold ? 1 : 0;
        break;
      default:
        throw new RangeError(`${name}: comparison must be 'below', 'atOrBelow', 'above' or 'atOrAbove', got ${String(comparison)}`);
    }
  }
  return flags;
}
