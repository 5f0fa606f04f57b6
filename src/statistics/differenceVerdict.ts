import { assertConfidenceLevel, assertFiniteSample } from './inputValidation.ts';
import { pairedDifference, type PairedDifference } from './pairedDifference.ts';
import { FLOATING_POINT_TOLERANCE, pairsAreFloatingPointResidue } from './floatingPointResidue.ts';

/**
 * What a paired difference (scenario − reference, same seeds) says, in words that make no claim:
 * - `'higher'` / `'lower'`: the confidence interval excludes 0 and is not inside ± the smallest
 *   effect that matters;
 * - `'no effect that matters'`: the whole interval lies inside [−smallest effect, +smallest effect]
 *   (an equivalence judgement with the interval, not a p-value);
 * - `'unsettled'`: the interval contains 0 but reaches beyond ± the smallest effect (or there is
 *   only one replication): the replications do not settle it;
 * - `'no difference'`: every replication's difference is zero to within floating-point tolerance
 *   (|sᵣ − rᵣ| ≤ {@link FLOATING_POINT_TOLERANCE} × max(1, |sᵣ|, |rᵣ|), see floatingPointResidue.ts) — accounting residue, never a finding.
 *
 * The report's claim words *supported* / *contradicted* are `higher` / `lower` read against a
 * claimed direction; the page, which has no claim, uses these.
 */
export type DifferenceVerdict = 'higher' | 'lower' | 'no effect that matters' | 'unsettled' | 'no difference';

/** Every verdict, in the order they are tested. */
export const DIFFERENCE_VERDICTS: readonly DifferenceVerdict[] = ['no difference', 'no effect that matters', 'higher', 'lower', 'unsettled'];

/** Default smallest effect that matters: 5 % of the magnitude of the reference mean. */
export const DEFAULT_SMALLEST_EFFECT_FRACTION = 0.05;

/** Options of {@link differenceVerdict}. */
export interface DifferenceVerdictOptions {
  /** Two-sided coverage of the interval, in (0, 1); default 0.95. */
  readonly level?: number;
  /**
   * Smallest effect that matters as a fraction of |reference mean| (default
   * {@link DEFAULT_SMALLEST_EFFECT_FRACTION}); ignored when `smallestEffect` is given.
   */
  readonly smallestEffectFraction?: number;
  /** Smallest effect that matters in the outcome's unit (absolute); overrides the fraction. */
  readonly smallestEffect?: number;
}

/** A paired difference with its verdict. */
export interface DifferenceWithVerdict {
  readonly verdict: DifferenceVerdict;
  /** The paired difference scenario − reference (mean, interval, …; see pairedDifference). */
  readonly difference: PairedDifference;
  /** Mean of the reference over the replications (outcome unit). */
  readonly referenceMean: number;
  /** Mean difference as a fraction of |reference mean|; null when the reference mean is 0. */
  readonly relativeDifference: number | null;
  /** The smallest effect that matters used, in the outcome's unit (≥ 0). */
  readonly smallestEffect: number;
}

/**
 * The paired difference scenario − reference over replications that share seeds, and its verdict
 * (see {@link DifferenceVerdict}). Tests in order: no difference (every replication within
 * floating-point tolerance) → no effect that matters (interval inside ± smallest effect, n ≥ 2) →
 * higher / lower (interval excludes 0) → unsettled.
 *
 * Why: one place for the words and thresholds the classroom page uses (and the report can adopt),
 * so that a difference of 1e-16 is never shown as a finding and a settled but negligible difference
 * is not called an increase. Equivalence is judged by the interval against the smallest effect
 * (two one-sided tests at the same level, Schuirmann 1987; Lakens 2017), not by a p-value.
 *
 * Reference: Schuirmann (1987), J. Pharmacokinet. Biopharm. 15:657; Lakens (2017), Soc. Psychol.
 * Personal. Sci. 8:355 (equivalence testing with a smallest effect size of interest).
 *
 * Units: the difference, interval and smallest effect in the outcome's unit; `relativeDifference`
 * a fraction (0.05 = 5 %).
 *
 * @param scenario the outcome of the scenario ("my policy") per replication.
 * @param reference the outcome of the reference ("comparison") per replication, same order and length.
 * @throws {RangeError} as pairedDifference (unequal lengths, empty, non-finite values, bad level), or
 *   when the smallest effect or its fraction is negative or not finite.
 * @example
 * // d = [1, 2, 3, 4, 5] − 0, reference mean 100: interval [1.04, 4.96] excludes 0 but lies inside
 * // ± 5 (5 % of 100) → 'no effect that matters'; with reference mean 10 (δ = 0.5) → 'higher'.
 * differenceVerdict([101, 102, 103, 104, 105], [100, 100, 100, 100, 100]).verdict // 'no effect that matters'
 */
export function differenceVerdict(
  scenario: readonly number[],
  reference: readonly number[],
  options: DifferenceVerdictOptions = {},
): DifferenceWithVerdict {
  const level = options.level ?? 0.95;
  assertConfidenceLevel(level);
  assertFiniteSample(reference, 'reference');
  const difference = pairedDifference(scenario, reference, level);
  let referenceMean = 0;
  for (const value of reference) referenceMean += value / reference.length;
  const fraction = options.smallestEffectFraction ?? DEFAULT_SMALLEST_EFFECT_FRACTION;
  if (!(fraction >= 0) || !Number.isFinite(fraction)) {
    throw new RangeError(`smallest effect fraction: expected a finite number ≥ 0, found ${fraction}`);
  }
  const smallestEffect = options.smallestEffect ?? fraction * Math.abs(referenceMean);
  if (!(smallestEffect >= 0) || !Number.isFinite(smallestEffect)) {
    throw new RangeError(`smallest effect: expected a finite number ≥ 0, found ${smallestEffect}`);
  }
  let verdict: DifferenceVerdict;
  if (pairsAreFloatingPointResidue(scenario, reference)) verdict = 'no difference';
  else if (difference.defined && difference.lower >= -smallestEffect && difference.upper <= smallestEffect) verdict = 'no effect that matters';
  else if (difference.signSettled) verdict = difference.meanDifference > 0 ? 'higher' : 'lower';
  else verdict = 'unsettled';
  return {
    verdict,
    difference,
    referenceMean,
    relativeDifference: referenceMean === 0 ? null : difference.meanDifference / Math.abs(referenceMean),
    smallestEffect,
  };
}
