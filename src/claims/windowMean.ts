/**
 * Reduce a replication's recorded series to one number per window: the mean of its defined values
 * at the recorded instants the window holds (for the end state, the last instant only). Pure module.
 */
import { END_WINDOW, type ClaimWindow } from './claimsDefinition.ts';

/** Slack when comparing year labels (they are startYear + step / stepsPerYear, not always exact). */
const YEAR_SLACK = 1e-9;

/**
 * The indices of the recorded instants a window holds: for `end` the last one; otherwise every
 * instant whose year label lies in [from, to].
 *
 * @example windowInstants([2009, 2010, 2011, 2012, 2013], { name: 'crisis', label: '', from: 2010, to: 2012 }) // [1, 2, 3]
 * @example windowInstants([2009, 2010], 'end') // [1]
 */
export function windowInstants(years: readonly number[], window: ClaimWindow | typeof END_WINDOW): number[] {
  if (window === END_WINDOW) return years.length === 0 ? [] : [years.length - 1];
  const out: number[] = [];
  years.forEach((y, i) => {
    if (y >= window.from - YEAR_SLACK && y <= window.to + YEAR_SLACK) out.push(i);
  });
  return out;
}

/**
 * The mean of `valueAt(i)` over the instants `indices`, leaving out NaN (undefined) values; NaN
 * when none is defined.
 *
 * @example windowMean((i) => [1, 2, Number.NaN, 6][i], [1, 2, 3]) // (2 + 6) / 2 = 4
 */
export function windowMean(valueAt: (instant: number) => number, indices: readonly number[]): number {
  let sum = 0;
  let count = 0;
  for (const i of indices) {
    const v = valueAt(i);
    if (Number.isNaN(v)) continue;
    sum += v;
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}
