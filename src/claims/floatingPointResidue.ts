/**
 * Is a contrast nothing but floating-point residue? Two scenarios that differ in a lever an outcome
 * does not depend on give the same value up to rounding — 1e-16 in a share, 1e-10 in a sum of many
 * firms summed in another order. Such differences are not findings, however small their interval
 * (issue 13: "pollution per output ▲ +1.05e-16, p 0.045").
 *
 * Pure module.
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
