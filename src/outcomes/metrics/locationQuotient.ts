import { assertFiniteNonNegative } from './metricArgumentChecks.ts';

/**
 * Location quotient of industry `j` in unit (zone, region) `z`: the industry's share of the unit's
 * employment relative to its share of total employment.
 *
 * What and why: the simplest specialisation measure. `LQ > 1` means the unit holds more of
 * industry `j` than its size alone would predict (it is specialised in `j`); `LQ < 1` less; `LQ = 1`
 * exactly proportional. Applied to exports instead of employment it is Balassa's revealed
 * comparative advantage (RCA), which is how Hidalgo et al. (2007) decide that a unit "has" an
 * industry (see `revealedComparativeAdvantagePresence`).
 *
 * Formula:
 *
 *     LQ_zj = (e_zj / e_z) / (e_j / e)
 *
 * with `e_zj` the unit's employment in the industry, `e_z` the unit's total employment, `e_j` the
 * industry's total employment and `e` total employment.
 *
 * Reference: Florence, P. S. (1948), *Investment, Location and Size of Plant*, Cambridge UP (location
 * quotient); Balassa, B. (1965), "Trade liberalisation and 'revealed' comparative advantage",
 * *The Manchester School* 33(2): 99–123.
 *
 * Units: dimensionless ratio in `[0, ∞)`; the four arguments share one unit (persons, M¥, …).
 *
 * Degenerate cases: returns `0` when any denominator is 0 (`unitTotal = 0`, `industryTotal = 0` or
 * `grandTotal = 0`): an empty unit or an absent industry is treated as "not specialised". The
 * consistency of the arguments (`unitIndustry ≤ unitTotal ≤ grandTotal`, `unitIndustry ≤
 * industryTotal ≤ grandTotal`) is not checked.
 *
 * @param unitIndustry `e_zj`, the unit's employment in the industry (finite, ≥ 0)
 * @param unitTotal `e_z`, the unit's total employment (finite, ≥ 0)
 * @param industryTotal `e_j`, the industry's total employment over all units (finite, ≥ 0)
 * @param grandTotal `e`, total employment over all units and industries (finite, ≥ 0)
 * @returns the location quotient, `≥ 0`; `0` when any denominator is 0
 * @throws {RangeError} when an argument is negative, NaN or ±Infinity, or when the quotient is not
 *   representable as a finite number (only possible for wildly inconsistent magnitudes)
 * @example
 * // a zone with 30 of its 100 workers in textiles; textiles employs 200 of 1000 overall
 * locationQuotient(30, 100, 200, 1000); // => 1.5  (0.30 / 0.20)
 * locationQuotient(0, 0, 200, 1000); // => 0  (empty zone)
 */
export function locationQuotient(
  unitIndustry: number,
  unitTotal: number,
  industryTotal: number,
  grandTotal: number,
): number {
  const name = 'locationQuotient';
  assertFiniteNonNegative(unitIndustry, name, 'unitIndustry');
  assertFiniteNonNegative(unitTotal, name, 'unitTotal');
  assertFiniteNonNegative(industryTotal, name, 'industryTotal');
  assertFiniteNonNegative(grandTotal, name, 'grandTotal');
  if (unitTotal === 0 || industryTotal === 0 || grandTotal === 0) return 0;
  if (unitIndustry === 0) return 0; // exact, even if the ratio below would underflow

  const quotient = unitIndustry / unitTotal / (industryTotal / grandTotal);
  if (!Number.isFinite(quotient)) {
    throw new RangeError(
      `${name}: (${unitIndustry} / ${unitTotal}) / (${industryTotal} / ${grandTotal}) is not a finite number`,
    );
  }
  return quotient;
}
