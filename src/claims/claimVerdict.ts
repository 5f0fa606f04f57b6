/**
 * The verdict on one outcome of a claim in one window, from the per-replication contrast: the mean
 * with its 95 % Student-t interval, the same as a share of the reference mean, and one of five
 * verdicts. Equivalence is judged with the interval against the smallest effect that matters, never
 * with a p-value (with simulated data a p-value measures mainly the number of replications).
 *
 * Pure module.
 */
import { meanConfidenceInterval } from '../statistics/meanConfidenceInterval.ts';
import type { ClaimDirection, SmallestEffect } from './claimsDefinition.ts';
import type { ContrastValues } from './contrastValues.ts';
import { isFloatingPointResidue } from '../statistics/floatingPointResidue.ts';

/** The verdicts, in the order tables list them. */
export const CLAIM_VERDICTS = ['supported', 'contradicted', 'no effect that matters', 'unsettled', 'no difference'] as const;
/** A verdict (see {@link judgeContrast}). */
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];

/** A contrast summarised over replications: its mean, 95 % interval and size relative to the reference. */
export interface ContrastSummary {
  /** Replications (pairs, or 2×2 quadruples) with every arm defined. */
  readonly n: number;
  /** Mean contrast d̄ (scenario minus reference; outcome unit). */
  readonly meanDifference: number;
  /** 95 % Student-t interval of d̄ (= d̄ when n < 2). */
  readonly lower: number;
  readonly upper: number;
  /** Mean of the reference arm (pair: the reference; interaction: neither). */
  readonly referenceMean: number;
  /** d̄ ÷ |reference mean|, and the interval so scaled; null when the reference mean is 0. */
  readonly relative: number | null;
  readonly relativeLower: number | null;
  readonly relativeUpper: number | null;
}

/** The evidence on one outcome of a claim in one window. */
export interface ClaimEvidence extends ContrastSummary {
  /** The smallest effect that matters δ ≥ 0, in the outcome's unit. */
  readonly smallestEffect: number;
  readonly verdict: ClaimVerdict;
}

/**
 * A contrast's mean with its Student-t interval, the reference arm's mean and the three in units of
 * |reference mean| (null when that mean is 0) — the evidence a verdict and a trajectory point share.
 *
 * @param differences the per-replication contrast dᵣ (at least one value).
 * @param reference the reference arm's values per replication.
 * @param level two-sided coverage of the interval (default 0.95).
 * @throws {RangeError} when a value is not finite or a sample is empty (from meanConfidenceInterval).
 * @example
 * // d = (1, 3): d̄ = 2, s = √2, t(0.975, 1) = 12.706 → 2 ± 12.706 · √2/√2 = [−10.706, 14.706]; ref mean 4 → relative 0.5
 * summariseContrast([1, 3], [4, 4]).relative // 0.5
 */
export function summariseContrast(differences: readonly number[], reference: readonly number[], level = 0.95): ContrastSummary {
  const ci = meanConfidenceInterval(differences, level);
  const referenceMean = meanConfidenceInterval(reference, level).mean;
  const scale = Math.abs(referenceMean);
  const rel = (x: number): number | null => (scale === 0 ? null : x / scale);
  return {
    n: ci.n,
    meanDifference: ci.mean,
    lower: ci.lower,
    upper: ci.upper,
    referenceMean,
    relative: rel(ci.mean),
    relativeLower: rel(ci.lower),
    relativeUpper: rel(ci.upper),
  };
}

/**
 * The smallest effect that matters in the outcome's unit: relative × |reference mean|, or the
 * absolute amount.
 *
 * @example smallestEffectAmount({ relative: 0.05 }, -200) // 10
 */
export function smallestEffectAmount(smallest: SmallestEffect, referenceMean: number): number {
  return 'relative' in smallest ? smallest.relative * Math.abs(referenceMean) : smallest.absolute;
}

/**
 * Judge a claimed direction against the contrast of the replications.
 *
 * Rules, in order (δ = the smallest effect that matters, [L, U] the 95 % t-interval of d̄):
 * 1. **no difference** — every |dᵣ| is within floating-point tolerance (isFloatingPointResidue):
 *    the arms are the same up to rounding; never a finding.
 * 2. **unsettled** — fewer than 2 replications (no interval); with none (the outcome is undefined in
 *    an arm in every replication) the statistics are NaN.
 * 3. **no effect that matters** — −δ ≤ L and U ≤ δ: whatever the sign, the effect is smaller than
 *    what matters (equivalence by the interval).
 * 4. **supported** — the interval excludes 0 in the claimed direction (L > 0 for increase, U < 0 for
 *    decrease).
 * 5. **contradicted** — it excludes 0 in the other direction.
 * 6. **unsettled** — otherwise: the interval holds 0 and reaches beyond ±δ; more replications may tell.
 *
 * @param contrast the per-replication contrast (contrastValues).
 * @param direction the claimed direction.
 * @param smallest the smallest effect that matters.
 * @param level two-sided coverage of the interval (default 0.95).
 * @throws {RangeError} when a value is not finite (from meanConfidenceInterval).
 * @example
 * // d = (2, 4, 6): d̄ = 4, s = 2, t(0.975, 2) = 4.3027 → [4 − 4.3027·2/√3, …] = [−0.968, 8.968]: unsettled
 * judgeContrast({ differences: [2, 4, 6], reference: [100, 100, 100], magnitudes: [106, 104, 102] }, 'increase', { relative: 0.01 }).verdict // 'unsettled'
 */
export function judgeContrast(contrast: ContrastValues, direction: ClaimDirection, smallest: SmallestEffect, level = 0.95): ClaimEvidence {
  const { differences, reference, magnitudes } = contrast;
  const n = differences.length;
  if (n === 0) {
    // The outcome is undefined in some arm in every replication (e.g. zones' productivity without zones): nothing to judge.
    const nan = Number.NaN;
    return { n, meanDifference: nan, lower: nan, upper: nan, referenceMean: nan, relative: null, relativeLower: null, relativeUpper: null, smallestEffect: nan, verdict: 'unsettled' };
  }
  const summary = summariseContrast(differences, reference, level);
  const ci = { lower: summary.lower, upper: summary.upper };
  const delta = smallestEffectAmount(smallest, summary.referenceMean);
  let verdict: ClaimVerdict;
  if (isFloatingPointResidue(differences, magnitudes)) verdict = 'no difference';
  else if (n < 2) verdict = 'unsettled';
  else if (ci.lower >= -delta && ci.upper <= delta) verdict = 'no effect that matters';
  else if (direction === 'increase' ? ci.lower > 0 : ci.upper < 0) verdict = 'supported';
  else if (direction === 'increase' ? ci.upper < 0 : ci.lower > 0) verdict = 'contradicted';
  else verdict = 'unsettled';
  return { ...summary, smallestEffect: delta, verdict };
}
