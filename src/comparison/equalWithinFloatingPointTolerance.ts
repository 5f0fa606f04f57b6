/**
 * Relative tolerance under which two simulated values count as equal: 1e-9, about a million times
 * the rounding error of one double operation (2.2e-16) — room for the residue that sums over
 * thousands of firms and hundreds of steps accumulate in a different order — and far below any
 * difference a policy question is about.
 */
export const FLOATING_POINT_RELATIVE_TOLERANCE = 1e-9;

/**
 * Absolute tolerance for values at or next to 0 (where a relative tolerance means nothing): 1e-12
 * of the outcome's unit (M¥, ha, firms, a share, …) is below anything the model can mean.
 */
export const FLOATING_POINT_ABSOLUTE_TOLERANCE = 1e-12;

/**
 * Whether two values are equal within floating-point tolerance:
 * |a − b| ≤ max(1e-12, 1e-9 · max(|a|, |b|)).
 *
 * Why: two scenarios that differ in a lever an outcome does not depend on can still give values
 * that differ in the last bits (the same sums taken in another order). Such residue must read "no
 * difference", never "▲ +1.05e-16, p 0.045" — a paired t-test on it finds "significant" noise,
 * because the residue has almost no variance. Reference: Goldberg (1991), "What every computer
 * scientist should know about floating-point arithmetic", ACM Computing Surveys 23(1), on relative
 * error bounds.
 *
 * Both NaN → false (undefined values are not compared here). Units: those of the values.
 *
 * @example equalWithinFloatingPointTolerance(0.1 + 0.2, 0.3) // true
 * @example equalWithinFloatingPointTolerance(1e5, 1e5 + 2.3e-10) // true (relative 2.3e-15)
 * @example equalWithinFloatingPointTolerance(1, 1.001) // false
 */
export function equalWithinFloatingPointTolerance(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return Math.abs(a - b) <= Math.max(FLOATING_POINT_ABSOLUTE_TOLERANCE, FLOATING_POINT_RELATIVE_TOLERANCE * scale);
}

/**
 * Whether every pair (treatment[r], control[r]) is equal within floating-point tolerance — the
 * paired comparison then shows "no difference", whatever its t-test says.
 *
 * @throws {RangeError} when the arrays differ in length.
 * @example pairsEqualWithinFloatingPointTolerance([1, 2 + 1e-16], [1, 2]) // true
 */
export function pairsEqualWithinFloatingPointTolerance(treatment: readonly number[], control: readonly number[]): boolean {
  if (treatment.length !== control.length) {
    throw new RangeError(`pairsEqualWithinFloatingPointTolerance: ${treatment.length} treatment values but ${control.length} control values`);
  }
  for (let r = 0; r < treatment.length; r++) if (!equalWithinFloatingPointTolerance(treatment[r], control[r])) return false;
  return true;
}
