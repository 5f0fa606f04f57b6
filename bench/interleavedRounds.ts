/**
 * Interleaved rounds: the way the benchmark compares two or more pieces of work in one process on a
 * shared machine. Every round runs each variant once, in forward order on even rounds and in reverse
 * order on odd ones (A B, B A, A B, …), after a young-generation collection, so that a change in the
 * machine's load, a collection or the JIT reaches every variant alike; untimed warm-up rounds come
 * first so the hot paths are compiled.
 */
import { collectGarbage, timeCall, type ElapsedTimes } from './cpuClock.ts';

/** One piece of work to time: `run(round)` is called once per round (round = 0, 1, … for timed ones). */
export interface Variant<T> {
  readonly label: string;
  readonly run: (round: number) => T;
}

/** The timed runs of one variant, in round order. */
export interface VariantRuns<T> {
  readonly label: string;
  readonly times: ElapsedTimes[];
  readonly values: T[];
}

/**
 * Run `warmUp` untimed rounds (with negative round numbers −warmUp … −1), then `rounds` timed
 * interleaved rounds, and return each variant's times and results.
 *
 * @param progress called before each round with a short description (for stderr).
 * @throws RangeError when rounds < 1 or there are no variants.
 */
export function runInterleaved<T>(
  variants: readonly Variant<T>[],
  rounds: number,
  warmUp: number,
  progress: (message: string) => void = () => {},
): VariantRuns<T>[] {
  if (variants.length === 0 || !(rounds >= 1)) throw new RangeError('interleaved rounds need at least one variant and one round');
  for (let w = warmUp; w >= 1; w--) {
    progress(`warm-up round ${warmUp - w + 1}/${warmUp}: ${variants.map((v) => v.label).join(', ')}`);
    for (const variant of variants) variant.run(-w);
  }
  const runs: VariantRuns<T>[] = variants.map((v) => ({ label: v.label, times: [], values: [] }));
  for (let round = 0; round < rounds; round++) {
    progress(`round ${round + 1}/${rounds}`);
    const order = variants.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      collectGarbage();
      const { value, times } = timeCall(() => variants[i].run(round));
      runs[i].times.push(times);
      runs[i].values.push(value);
    }
  }
  return runs;
}
