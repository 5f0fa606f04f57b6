/**
 * Is a contrast nothing but floating-point residue? Two scenarios that differ in a lever an outcome
 * does not depend on give the same value up to rounding — 1e-16 in a share, 1e-10 in a sum of many
 * firms summed in another order. Such differences are not findings, however small their interval
 * (issue 13: "pollution per output ▲ +1.05e-16, p 0.045").
 *
 * Pure module (no imports; browser-safe).
 */

/** Relative tolerance of {@link isFloatingPointResidue}: 1e-9 of the values' magnitude (doubles carry about 1e-16). */
export const FLOATING_POINT_TOLERANCE = 1e-9;

/**
 * True when every per-replication contrast is within floating-point tolerance of 0:
 * |dᵣ| ≤ tolerance × max(1, mᵣ), where mᵣ is the largest |value| of the arms in replication r (the
 * magnitude the rounding errors scale with). Also true for an empty sample (nothing to report).
 *
 * Why a magnitude and not the interval: residue of 1e-16 is often the same sign in every replication,
 * so its t-interval can exclude 0; only its size relative to the values says it is rounding.
 *
 * @param differences dᵣ, the contrast per replication (outcome unit).
 * @param magnitudes mᵣ ≥ 0, the largest |arm value| per replication (same length).
 * @param tolerance relative tolerance (default {@link FLOATING_POINT_TOLERANCE}).
 * @throws {RangeError} when the arrays differ in length.
 * @example
 * isFloatingPointResidue([1.05e-16, 0.9e-16], [0.4, 0.4]) // true  (1e-16 ≤ 1e-9 × 1)
 * isFloatingPointResidue([2.3e-10, -1e-10], [5e5, 5e5])  // true  (2.3e-10 ≤ 1e-9 × 5e5 = 5e-4)
 * isFloatingPointResidue([0.01, 0], [1, 1])             // false (0.01 > 1e-9)
 */
export function isFloatingPointResidue(differences: readonly number[], magnitudes: readonly number[], tolerance = FLOATING_POINT_TOLERANCE): boolean {
  if (differences.length !== magnitudes.length) throw new RangeError(`isFloatingPointResidue: ${differences.length} differences but ${magnitudes.length} magnitudes`);
  return differences.every((d, r) => Math.abs(d) <= tolerance * Math.max(1, Math.abs(magnitudes[r])));
}

/**
 * True when two paired samples are equal up to floating-point residue, replication by replication:
 * |sᵣ − rᵣ| ≤ tolerance × max(1, |sᵣ|, |rᵣ|) for every r ({@link isFloatingPointResidue} with the pair's
 * own magnitude). A pair with a non-finite value counts as equal only when both are the same value.
 *
 * Why: the one definition of "no difference" that the report's comparisons, the claims and the
 * classroom page share, so that the three never disagree about what is rounding.
 *
 * @param scenario values of the scenario per replication.
 * @param reference values of the reference per replication (same length and order).
 * @param tolerance relative tolerance (default {@link FLOATING_POINT_TOLERANCE}).
 * @throws {RangeError} when the arrays differ in length.
 * @example
 * pairsAreFloatingPointResidue([0.1 + 0.2], [0.3])       // true  (5.6e-17 ≤ 1e-9)
 * pairsAreFloatingPointResidue([1.5e6 + 2e-3], [1.5e6])  // false (2e-3 > 1e-9 × 1.5e6 = 1.5e-3)
 */
export function pairsAreFloatingPointResidue(scenario: readonly number[], reference: readonly number[], tolerance = FLOATING_POINT_TOLERANCE): boolean {
  if (scenario.length !== reference.length) {
    throw new RangeError(`pairsAreFloatingPointResidue: ${scenario.length} scenario values but ${reference.length} reference values`);
  }
  for (let r = 0; r < scenario.length; r++) {
    const s = scenario[r];
    const b = reference[r];
    if (!Number.isFinite(s) || !Number.isFinite(b)) {
      if (s !== b) return false;
      continue;
    }
    if (Math.abs(s - b) > tolerance * Math.max(1, Math.abs(s), Math.abs(b))) return false;
  }
  return true;
}
