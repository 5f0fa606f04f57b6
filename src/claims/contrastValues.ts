/**
 * The per-replication contrast of a claim: a pair A − B, or the 2×2 interaction
 * AB − A − B + neither (the difference in differences), replication by replication, so that common
 * random numbers cancel. Pure module.
 */
import { CONTRAST_WEIGHTS, type ContrastKind } from './claimsDefinition.ts';

/** A contrast per replication, with what it is judged against. */
export interface ContrastValues {
  /** dᵣ = Σ wₐ·vₐᵣ (outcome unit). */
  readonly differences: number[];
  /** The reference arm's value per replication (pair: B; interaction: neither). */
  readonly reference: number[];
  /** mᵣ = maxₐ |vₐᵣ|, the magnitude floating-point residue scales with. */
  readonly magnitudes: number[];
}

/**
 * Combine the arms' values of each replication into the contrast.
 *
 * Weights (arms in the order of CONTRAST_ARMS): pair [scenario, reference] → (+1, −1);
 * interaction [both, first, second, neither] → (+1, −1, −1, +1). Replications where any arm's
 * value is NaN (undefined) are left out of every returned array.
 *
 * @param kind 'pair' or 'interaction'.
 * @param arms armValues[a][r], one array per arm in contrast order, each of the same length.
 * @throws {RangeError} when the number of arms does not fit the kind or the arrays differ in length.
 * @example
 * // pair: (10 − 7, 12 − 8) = (3, 4)
 * contrastValues('pair', [[10, 12], [7, 8]]) // { differences: [3, 4], reference: [7, 8], magnitudes: [10, 12] }
 * // interaction: 9 − 5 − 6 + 4 = 2
 * contrastValues('interaction', [[9], [5], [6], [4]]).differences // [2]
 */
export function contrastValues(kind: ContrastKind, arms: readonly (ArrayLike<number>)[]): ContrastValues {
  const weights = CONTRAST_WEIGHTS[kind];
  if (arms.length !== weights.length) throw new RangeError(`contrastValues: a ${kind} needs ${weights.length} arms, got ${arms.length}`);
  const n = arms[0].length;
  if (arms.some((a) => a.length !== n)) throw new RangeError('contrastValues: the arms have different numbers of replications');
  const differences: number[] = [];
  const reference: number[] = [];
  const magnitudes: number[] = [];
  for (let r = 0; r < n; r++) {
    let d = 0;
    let m = 0;
    let defined = true;
    for (let a = 0; a < weights.length; a++) {
      const v = arms[a][r];
      if (Number.isNaN(v)) {
        defined = false;
        break;
      }
      d += weights[a] * v;
      m = Math.max(m, Math.abs(v));
    }
    if (!defined) continue;
    differences.push(d);
    reference.push(arms[weights.length - 1][r]);
    magnitudes.push(m);
  }
  return { differences, reference, magnitudes };
}
