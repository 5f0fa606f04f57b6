/**
 * The order outcomes of a claim are listed in: the claim's primary outcomes first, then by the size
 * of the relative effect |d̄ ÷ reference mean|, largest first (outcomes without a relative effect
 * last), ties in the claims file's order — so accounting identities and residue never come first.
 *
 * Pure module.
 */

/** What ranking needs of an outcome's evidence. */
export interface RankableOutcome {
  readonly primary: boolean;
  /** d̄ ÷ |reference mean|, or null. */
  readonly relative: number | null;
}

/**
 * Sort outcomes: primary first, then by |relative| descending, nulls last, stable.
 *
 * @returns a new array; the input is not changed.
 * @example
 * rankClaimOutcomes([{ primary: false, relative: 0.5 }, { primary: true, relative: 0.01 }, { primary: false, relative: -0.9 }])
 * // [{ primary: true, relative: 0.01 }, { primary: false, relative: -0.9 }, { primary: false, relative: 0.5 }]
 */
export function rankClaimOutcomes<T extends RankableOutcome>(outcomes: readonly T[]): T[] {
  const size = (o: T): number => (o.relative === null || !Number.isFinite(o.relative) ? -1 : Math.abs(o.relative));
  return outcomes
    .map((o, i) => ({ o, i }))
    .sort((a, b) => Number(b.o.primary) - Number(a.o.primary) || size(b.o) - size(a.o) || a.i - b.i)
    .map(({ o }) => o);
}
