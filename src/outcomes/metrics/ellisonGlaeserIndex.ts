import { herfindahlIndex } from './herfindahlIndex.ts';
import {
  assertFiniteNonNegative,
  assertFiniteSum,
  assertIntegerInRange,
} from './metricArgumentChecks.ts';

/**
 * Checks the shape shared by `rawGeographicConcentration` and `ellisonGlaeserIndex`.
 * Not exported: the public functions document the contract.
 */
function assertRegionIndustryShape(
  regionIndustryEmployment: ArrayLike<number>,
  regionCount: number,
  industryIndex: number,
  industryCount: number,
  functionName: string,
): void {
  assertIntegerInRange(industryCount, 1, Number.MAX_SAFE_INTEGER, functionName, 'industryCount');
  assertIntegerInRange(industryIndex, 0, industryCount - 1, functionName, 'industryIndex');
  if (regionIndustryEmployment.length !== regionCount * industryCount) {
    throw new RangeError(
      `${functionName}: regionIndustryEmployment.length (${regionIndustryEmployment.length}) must equal ` +
        `regionTotalEmployment.length (${regionCount}) × industryCount (${industryCount})`,
    );
  }
}

/**
 * Raw geographic concentration `G` of one industry (Ellison & Glaeser 1997): the squared distance
 * between the industry's regional distribution and the regional distribution of all employment.
 *
 * What and why: `G` is 0 when the industry is spread over regions exactly like total employment and
 * grows as it concentrates in fewer regions than overall activity. On its own it confounds
 * geographic concentration with industrial concentration (an industry of one big plant has a large
 * `G` wherever the plant is), which is what `ellisonGlaeserIndex` corrects; `G` is exported because
 * it is the ingredient, and a useful descriptive number in itself.
 *
 * Formula: for regions `r = 1 … R`,
 *
 *     s_r = e_rj / Σ_r e_rj        (region's share of the industry's employment)
 *     x_r = e_r  / Σ_r e_r         (region's share of total employment)
 *     G   = Σ_r (s_r − x_r)²
 *
 * Reference: Ellison, G. & Glaeser, E. L. (1997), "Geographic concentration in U.S. manufacturing
 * industries: a dartboard approach", *Journal of Political Economy* 105(5): 889–927.
 *
 * Units: dimensionless, in `[0, 2]` (below 2 whenever each region's total includes its industry
 * employment).
 *
 * Layout: `regionIndustryEmployment` is a flat row-major `R × K` array (region-major, industry
 * varies fastest): `e_rj = regionIndustryEmployment[r * industryCount + industryIndex]`, with
 * `R = regionTotalEmployment.length`. For a single industry pass an `R`-vector and keep the
 * defaults `industryIndex = 0`, `industryCount = 1`. `regionTotalEmployment[r]` is the region's
 * employment in all industries (normally the row sum, which includes industry `j`); consistency
 * with the matrix is not checked. Allocation-free.
 *
 * Degenerate cases: returns `null` when the industry has no employment (`Σ_r e_rj = 0`) or there is
 * no employment at all (`Σ_r e_r = 0`, including `R = 0`): the shares are then undefined.
 *
 * @param regionIndustryEmployment `e_rj`: flat `R × K` row-major matrix, or an `R`-vector (finite, ≥ 0)
 * @param regionTotalEmployment `e_r`: employment of each region over all industries (finite, ≥ 0)
 * @param industryIndex `j`, the column of the industry (integer in `[0, K)`); default 0
 * @param industryCount `K`, the number of columns (integer ≥ 1); default 1
 * @returns `G` in `[0, 2]`, or `null` when the shares are undefined
 * @throws {RangeError} on negative or non-finite employment, overflowing totals, or a matrix whose
 *   length is not `R × K`
 * @example
 * // regions employ 100, 60, 40 (x = 0.5, 0.3, 0.2); the industry employs 36, 2, 2 (s = 0.9, 0.05, 0.05)
 * rawGeographicConcentration([36, 2, 2], [100, 60, 40]);
 * // => (0.4)² + (−0.25)² + (−0.15)² = 0.16 + 0.0625 + 0.0225 = 0.245
 */
export function rawGeographicConcentration(
  regionIndustryEmployment: ArrayLike<number>,
  regionTotalEmployment: ArrayLike<number>,
  industryIndex = 0,
  industryCount = 1,
): number | null {
  const name = 'rawGeographicConcentration';
  const regionCount = regionTotalEmployment.length;
  assertRegionIndustryShape(regionIndustryEmployment, regionCount, industryIndex, industryCount, name);

  let industryTotal = 0;
  let aggregateTotal = 0;
  for (let r = 0, index = industryIndex; r < regionCount; r++, index += industryCount) {
    const industryEmployment = regionIndustryEmployment[index];
    const regionEmployment = regionTotalEmployment[r];
    assertFiniteNonNegative(industryEmployment, name, 'regionIndustryEmployment', index);
    assertFiniteNonNegative(regionEmployment, name, 'regionTotalEmployment', r);
    industryTotal += industryEmployment;
    aggregateTotal += regionEmployment;
  }
  assertFiniteSum(industryTotal, name, "the industry's total employment");
  assertFiniteSum(aggregateTotal, name, 'total employment');
  if (industryTotal === 0 || aggregateTotal === 0) return null;

  let g = 0;
  for (let r = 0, index = industryIndex; r < regionCount; r++, index += industryCount) {
    const difference =
      regionIndustryEmployment[index] / industryTotal - regionTotalEmployment[r] / aggregateTotal;
    g += difference * difference;
  }
  return g;
}

/**
 * Ellison–Glaeser index of geographic concentration `γ` of one industry: the excess of the
 * industry's raw geographic concentration over what independently located plants ("darts thrown at
 * a map" with probabilities equal to regions' shares of total employment) would produce, given how
 * lumpy the industry's plants are.
 *
 * What and why: `G` (see `rawGeographicConcentration`) is large for an industry of a few big plants
 * even when each plant chose its region at random. Ellison & Glaeser model location choices with a
 * correlation `γ` between plants' choices (from spillovers or shared natural advantages) and show
 * that `E[G] = (1 − Σx²)(γ + (1 − γ)H)`; solving for `γ` gives an estimator with `E[γ̂] = γ`, and
 * in particular `E[γ̂] = 0` when plants locate independently (their Proposition 1). `γ` is thus
 * comparable across industries with different plant-size structures and across region systems.
 * EG's rule of thumb: `γ < 0.02` not very concentrated, `γ > 0.05` highly concentrated. Negative
 * values (more even than random) are legitimate.
 *
 * Formula: with `G`, `x_r` as in `rawGeographicConcentration` and `H = Σ_k z_k²` the Herfindahl
 * index of the industry's plant employment shares `z_k`,
 *
 *     γ = (G − (1 − Σ_r x_r²) H) / ((1 − Σ_r x_r²)(1 − H))
 *
 * Special case: an industry distributed exactly like total employment has `G = 0`, so
 * `γ = −H / (1 − H)`.
 *
 * Reference: Ellison, G. & Glaeser, E. L. (1997), "Geographic concentration in U.S. manufacturing
 * industries: a dartboard approach", *Journal of Political Economy* 105(5): 889–927 (definition of
 * the index and Proposition 1).
 *
 * Units: dimensionless. Bounded for valid inputs (`H < 1` gives `1 − H ≥ 2⁻⁵³`, and likewise for
 * `1 − Σx²`), so the result is always finite.
 *
 * Layout: as `rawGeographicConcentration` — `e_rj = regionIndustryEmployment[r * industryCount +
 * industryIndex]`, `R = regionTotalEmployment.length`; pass an `R`-vector with the default
 * `industryIndex = 0`, `industryCount = 1` for a single industry. Allocation-free.
 *
 * Degenerate cases: returns `null` (γ undefined) when
 * - the industry has no employment, or there is no employment at all (`G` undefined);
 * - `H = 1` (a single plant: its location is one dart, there is no co-location to measure);
 * - `Σx² = 1`, i.e. all employment is in one region (or so nearly that `1 − Σx²` rounds to 0):
 *   every dart lands there, so location carries no information.
 *
 * @param regionIndustryEmployment `e_rj`: flat `R × K` row-major matrix, or an `R`-vector (finite, ≥ 0)
 * @param regionTotalEmployment `e_r`: employment of each region over all industries (finite, ≥ 0)
 * @param plantHerfindahl `H`, the Herfindahl index of the industry's plant employment shares, in
 *   `[0, 1]` (e.g. `herfindahlIndex(plantEmployment)`)
 * @param industryIndex `j`, the column of the industry (integer in `[0, K)`); default 0
 * @param industryCount `K`, the number of columns (integer ≥ 1); default 1
 * @returns `γ` (finite, may be negative), or `null` when undefined (see above)
 * @throws {RangeError} on negative or non-finite employment, overflowing totals, a matrix whose
 *   length is not `R × K`, or `plantHerfindahl` outside `[0, 1]`
 * @example
 * // regions 100, 60, 40 => x = (0.5, 0.3, 0.2), Σx² = 0.38; industry 36, 2, 2 => G = 0.245;
 * // six plants of 10, 10, 8, 6, 4, 2 => H = 0.2
 * ellisonGlaeserIndex([36, 2, 2], [100, 60, 40], 0.2);
 * // => (0.245 − 0.62 × 0.2) / (0.62 × 0.8) = 0.121 / 0.496 ≈ 0.24395
 */
export function ellisonGlaeserIndex(
  regionIndustryEmployment: ArrayLike<number>,
  regionTotalEmployment: ArrayLike<number>,
  plantHerfindahl: number,
  industryIndex = 0,
  industryCount = 1,
): number | null {
  const name = 'ellisonGlaeserIndex';
  if (!(plantHerfindahl >= 0 && plantHerfindahl <= 1)) {
    throw new RangeError(`${name}: plantHerfindahl must be in [0, 1], got ${plantHerfindahl}`);
  }
  const g = rawGeographicConcentration(
    regionIndustryEmployment,
    regionTotalEmployment,
    industryIndex,
    industryCount,
  );
  if (g === null) return null;

  // Σ_r x_r² is the Herfindahl index of the regions' total employment.
  const oneMinusSumOfSquaredRegionShares = 1 - herfindahlIndex(regionTotalEmployment);
  const oneMinusPlantHerfindahl = 1 - plantHerfindahl;
  if (oneMinusSumOfSquaredRegionShares <= 0 || oneMinusPlantHerfindahl <= 0) return null;

  return (
    (g - oneMinusSumOfSquaredRegionShares * plantHerfindahl) /
    (oneMinusSumOfSquaredRegionShares * oneMinusPlantHerfindahl)
  );
}
