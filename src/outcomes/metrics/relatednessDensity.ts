import { locationQuotient } from './locationQuotient.ts';
import {
  assertFiniteNonNegative,
  assertFiniteSum,
  assertIntegerInRange,
} from './metricArgumentChecks.ts';

/** A writable array of numbers: `Float64Array`, another typed array, or `number[]`. */
export interface WritableNumberArray {
  readonly length: number;
  [index: number]: number;
}

/**
 * Checks the shapes shared by the two density functions. Not exported: the public functions
 * document the contract.
 */
function assertPresenceAndProximityShape(
  presence: ArrayLike<number>,
  proximity: ArrayLike<number>,
  industryCount: number,
  presenceOffset: number,
  functionName: string,
): void {
  assertIntegerInRange(industryCount, 0, 94_906_265, functionName, 'industryCount'); // K² stays a safe integer
  if (proximity.length !== industryCount * industryCount) {
    throw new RangeError(
      `${functionName}: proximity.length (${proximity.length}) must equal industryCount² (${industryCount}²)`,
    );
  }
  assertIntegerInRange(
    presenceOffset,
    0,
    presence.length - industryCount,
    functionName,
    'presenceOffset (presence must hold industryCount entries from it)',
  );
}

/**
 * Density of industry `j` around a unit (zone, region, country): the proximity-weighted share of the
 * industries related to `j` that the unit already has.
 *
 * What and why: in Hidalgo et al.'s product space a unit tends to move into industries close to what
 * it already does, because they need similar capabilities. `ω_j` near 1 means nearly everything
 * related to `j` is present in the unit (a likely next step, or a well-embedded incumbent);
 * near 0 means `j` would be an isolated jump.
 *
 * Formula: with presence `x_k` (1/0 from `revealedComparativeAdvantagePresence`, or weights) and
 * proximity `φ_jk`,
 *
 *     ω_j = Σ_{k≠j} x_k φ_jk / Σ_{k≠j} φ_jk
 *
 * The diagonal `φ_jj` is never read (so it may hold anything, conventionally 1), and `x_j` itself
 * does not count: the density says how well `j` is supported by the *other* industries. Row `j`
 * of the matrix is used; HKBH's proximity (the minimum of the two conditional probabilities of
 * co-specialisation) is symmetric, so row and column coincide — pass the transpose if yours is not.
 *
 * Reference: Hidalgo, C. A., Klinger, B., Barabási, A.-L. & Hausmann, R. (2007), "The product space
 * conditions the development of nations", *Science* 317(5837): 482–487 (density `ω_j^k`).
 *
 * Units: dimensionless, in `[0, 1]` for 0/1 presence; in `[0, max x_k]` for weights.
 *
 * Layout: `proximity` is a flat row-major `K × K` array, `φ_jk = proximity[j * K + k]`; the unit's
 * presence vector is `presence[presenceOffset + k]` for `k = 0 … K − 1`, so row `z` of a flat
 * `Z × K` presence matrix is read in place with `presenceOffset = z * K`. Allocation-free.
 *
 * Degenerate cases: returns `0` when the denominator `Σ_{k≠j} φ_jk` is 0 (industry `j` is related to
 * nothing, or `K = 1`): no related industry can support it.
 *
 * @param presence presence weights `x_k` (finite, ≥ 0), `K` entries from `presenceOffset`
 * @param proximity `φ`: flat row-major `K × K` matrix (off-diagonal entries finite, ≥ 0)
 * @param industryCount `K`, the number of industries (integer ≥ 1)
 * @param industryIndex `j`, the industry whose density is wanted (integer in `[0, K)`)
 * @param presenceOffset index of the unit's first entry in `presence`; default 0
 * @returns `ω_j`, `≥ 0`; `0` when `j` has no proximity to any other industry
 * @throws {RangeError} on negative or non-finite presence or proximity entries, on an overflowing
 *   denominator, or on shapes that do not fit (`proximity.length ≠ K²`, indices out of range)
 * @example
 * // φ = [[1, .6, .2], [.6, 1, .4], [.2, .4, 1]], the unit has industries 0 and 2
 * relatednessDensity([1, 0, 1], [1, 0.6, 0.2, 0.6, 1, 0.4, 0.2, 0.4, 1], 3, 1);
 * // => (1 × 0.6 + 1 × 0.4) / (0.6 + 0.4) = 1
 * relatednessDensity([1, 0, 1], [1, 0.6, 0.2, 0.6, 1, 0.4, 0.2, 0.4, 1], 3, 0);
 * // => (0 × 0.6 + 1 × 0.2) / (0.6 + 0.2) = 0.25
 */
export function relatednessDensity(
  presence: ArrayLike<number>,
  proximity: ArrayLike<number>,
  industryCount: number,
  industryIndex: number,
  presenceOffset = 0,
): number {
  const name = 'relatednessDensity';
  assertPresenceAndProximityShape(presence, proximity, industryCount, presenceOffset, name);
  assertIntegerInRange(industryIndex, 0, industryCount - 1, name, 'industryIndex');
  return densityUnchecked(presence, proximity, industryCount, industryIndex, presenceOffset, name);
}

/** `ω_j` after the shapes have been checked; element values are still checked. */
function densityUnchecked(
  presence: ArrayLike<number>,
  proximity: ArrayLike<number>,
  industryCount: number,
  industryIndex: number,
  presenceOffset: number,
  functionName: string,
): number {
  const rowStart = industryIndex * industryCount;
  let weightedPresence = 0;
  let totalProximity = 0;
  for (let k = 0; k < industryCount; k++) {
    if (k === industryIndex) continue;
    const phi = proximity[rowStart + k];
    const x = presence[presenceOffset + k];
    assertFiniteNonNegative(phi, functionName, 'proximity', rowStart + k);
    assertFiniteNonNegative(x, functionName, 'presence', presenceOffset + k);
    weightedPresence += x * phi;
    totalProximity += phi;
  }
  assertFiniteSum(totalProximity, functionName, 'the sum of proximities');
  if (totalProximity === 0) return 0;
  const density = weightedPresence / totalProximity;
  // Finite presence weights keep this finite unless x_k φ_jk itself overflows.
  assertFiniteSum(density, functionName, 'the density');
  return density;
}

/**
 * Mean relatedness density of the industries a unit has: how coherent the unit's industry mix is.
 *
 * What and why: for each industry `j` present in the unit (`x_j > 0`), `ω_j` (see
 * `relatednessDensity`) says how much of what is related to `j` is also in the unit. Averaging over
 * the present industries gives one number per zone: high when the zone's industries are related to
 * each other (a coherent cluster, in the sense of the related-variety literature), low when the zone
 * is a collection of unrelated plants. This is the zone-level coherence indicator used by the
 * outcome reports.
 *
 * Formula: with `P = { j : x_j > 0 }`,
 *
 *     C = (1 / |P|) Σ_{j ∈ P} ω_j,   ω_j = Σ_{k≠j} x_k φ_jk / Σ_{k≠j} φ_jk
 *
 * an unweighted mean over present industries (each present industry counts once, whatever its
 * weight `x_j`).
 *
 * Reference: density from Hidalgo, C. A., Klinger, B., Barabási, A.-L. & Hausmann, R. (2007),
 * "The product space conditions the development of nations", *Science* 317(5837): 482–487.
 * Averaging it over the present activities is this project's summary statistic, in the spirit of
 * the relatedness-based coherence of Teece, Rumelt, Dosi & Winter (1994), "Understanding corporate
 * coherence: theory and evidence", *J. Econ. Behav. & Org.* 23(1): 1–30.
 *
 * Units: dimensionless, in `[0, 1]` for 0/1 presence.
 *
 * Layout: as `relatednessDensity` (`proximity[j * K + k]`, presence from `presenceOffset`).
 * Allocation-free; `O(K²)` time.
 *
 * Degenerate cases: returns `0` when fewer than 2 industries are present — with one (or no)
 * industry there is no pair whose relatedness could be measured.
 *
 * @param presence presence weights `x_k` (finite, ≥ 0), `K` entries from `presenceOffset`
 * @param proximity `φ`: flat row-major `K × K` matrix (off-diagonal entries finite, ≥ 0)
 * @param industryCount `K`, the number of industries (integer ≥ 0)
 * @param presenceOffset index of the unit's first entry in `presence`; default 0
 * @returns the mean density over present industries, `≥ 0`; `0` with fewer than 2 present
 * @throws {RangeError} as `relatednessDensity`
 * @example
 * // φ = [[1, .6, .2], [.6, 1, .4], [.2, .4, 1]], industries 0 and 2 present:
 * // ω_0 = 0.2 / 0.8 = 0.25, ω_2 = 0.2 / 0.6 = 1/3
 * meanRelatednessDensityOfPresentIndustries([1, 0, 1], [1, 0.6, 0.2, 0.6, 1, 0.4, 0.2, 0.4, 1], 3);
 * // => (0.25 + 1/3) / 2 = 7/24 ≈ 0.29167
 */
export function meanRelatednessDensityOfPresentIndustries(
  presence: ArrayLike<number>,
  proximity: ArrayLike<number>,
  industryCount: number,
  presenceOffset = 0,
): number {
  const name = 'meanRelatednessDensityOfPresentIndustries';
  assertPresenceAndProximityShape(presence, proximity, industryCount, presenceOffset, name);

  let presentCount = 0;
  for (let j = 0; j < industryCount; j++) {
    const x = presence[presenceOffset + j];
    assertFiniteNonNegative(x, name, 'presence', presenceOffset + j);
    if (x > 0) presentCount++;
  }
  if (presentCount < 2) return 0;

  let densitySum = 0;
  for (let j = 0; j < industryCount; j++) {
    if (presence[presenceOffset + j] > 0) {
      densitySum += densityUnchecked(presence, proximity, industryCount, j, presenceOffset, name);
    }
  }
  const mean = densitySum / presentCount;
  assertFiniteSum(mean, name, 'the mean density');
  return mean;
}

/**
 * Writes a unit's binary revealed-comparative-advantage presence vector: `x_k = 1` when the unit's
 * location quotient in industry `k` is at least 1, else 0.
 *
 * What and why: Hidalgo et al. (2007) and the relatedness literature say a unit "has" an industry
 * when its share of that industry exceeds the industry's share of the whole (Balassa RCA ≥ 1).
 * This is the presence vector fed to `relatednessDensity` and
 * `meanRelatednessDensityOfPresentIndustries`; it is also the input from which proximities are
 * computed (co-occurrence of `x_zk = x_zj = 1` across units).
 *
 * Formula: for zone `z` and each industry `k`, with `e_z = Σ_k e_zk` (the row sum),
 *
 *     x_zk = 1  if  LQ_zk = (e_zk / e_z) / (e_k / e) ≥ 1,   else 0
 *
 * computed with `locationQuotient`. An exactly proportional entry (`e_zk / e_z = e_k / e` as real
 * numbers) gives `LQ = 1` exactly in floating point (both ratios round to the same double), so the
 * boundary counts as present.
 *
 * Reference: Balassa, B. (1965), "Trade liberalisation and 'revealed' comparative advantage",
 * *The Manchester School* 33(2): 99–123; Hidalgo, Klinger, Barabási & Hausmann (2007), *Science*
 * 317(5837): 482–487.
 *
 * Units: the output is 0/1 (dimensionless).
 *
 * Layout: `zoneIndustryEmployment` is a flat row-major `Z × K` array (`e_zk` at `z * K + k`,
 * `Z = length / K`). `industryTotals[k] = e_k` and `grandTotal = e` are passed in (they are shared by
 * all zones, so callers compute them once); their consistency with the matrix is not checked.
 * Writes `out[0 … K − 1]`, leaves further entries of `out` untouched. Allocation-free.
 *
 * Degenerate cases (as `locationQuotient`): an empty zone (`e_z = 0`), an absent industry
 * (`e_k = 0`) or `e = 0` gives `x_zk = 0`.
 *
 * @param zoneIndustryEmployment `e_zk`: flat `Z × K` row-major matrix (finite, ≥ 0)
 * @param zoneIndex `z`, the row to evaluate (integer in `[0, Z)`)
 * @param industryCount `K`, the number of columns (integer ≥ 1)
 * @param industryTotals `e_k` for `k = 0 … K − 1` (finite, ≥ 0; length exactly `K`)
 * @param grandTotal `e`, total employment (finite, ≥ 0)
 * @param out destination, length ≥ `K` (e.g. a `Float64Array`)
 * @returns `out`, with `out[k] ∈ {0, 1}` for `k < K`
 * @throws {RangeError} on negative or non-finite employment, an overflowing zone total, or shapes
 *   that do not fit (matrix length not a multiple of `K`, `zoneIndex` out of range,
 *   `industryTotals.length ≠ K`, `out.length < K`)
 * @example
 * // 2 zones × 3 industries: [[50, 30, 20], [10, 60, 30]]; industry totals 60, 90, 50; e = 200
 * // zone 0: LQ = (0.5 / 0.3, 0.3 / 0.45, 0.2 / 0.25) = (1.667, 0.667, 0.8)
 * revealedComparativeAdvantagePresence([50, 30, 20, 10, 60, 30], 0, 3, [60, 90, 50], 200, new Float64Array(3));
 * // => Float64Array [1, 0, 0]
 */
export function revealedComparativeAdvantagePresence<T extends WritableNumberArray>(
  zoneIndustryEmployment: ArrayLike<number>,
  zoneIndex: number,
  industryCount: number,
  industryTotals: ArrayLike<number>,
  grandTotal: number,
  out: T,
): T {
  const name = 'revealedComparativeAdvantagePresence';
  assertIntegerInRange(industryCount, 1, Number.MAX_SAFE_INTEGER, name, 'industryCount');
  if (zoneIndustryEmployment.length % industryCount !== 0) {
    throw new RangeError(
      `${name}: zoneIndustryEmployment.length (${zoneIndustryEmployment.length}) is not a multiple of industryCount (${industryCount})`,
    );
  }
  const zoneCount = zoneIndustryEmployment.length / industryCount;
  assertIntegerInRange(zoneIndex, 0, zoneCount - 1, name, 'zoneIndex');
  if (industryTotals.length !== industryCount) {
    throw new RangeError(
      `${name}: industryTotals.length (${industryTotals.length}) must equal industryCount (${industryCount})`,
    );
  }
  if (out.length < industryCount) {
    throw new RangeError(`${name}: out.length (${out.length}) must be at least industryCount (${industryCount})`);
  }

  const rowStart = zoneIndex * industryCount;
  let zoneTotal = 0;
  for (let k = 0; k < industryCount; k++) {
    const employment = zoneIndustryEmployment[rowStart + k];
    assertFiniteNonNegative(employment, name, 'zoneIndustryEmployment', rowStart + k);
    zoneTotal += employment;
  }
  assertFiniteSum(zoneTotal, name, "the zone's total employment");

  for (let k = 0; k < industryCount; k++) {
    const quotient = locationQuotient(
      zoneIndustryEmployment[rowStart + k],
      zoneTotal,
      industryTotals[k],
      grandTotal,
    );
    out[k] = quotient >= 1 ? 1 : 0;
  }
  return out;
}
