/**
 * Batch mode statistics: per recording, the mean of an outcome over replications with its 95%
 * Student-t confidence interval (src/statistics/meanConfidenceInterval), and the paired
 * (common-random-number) difference my policy − comparison at the final recording with its verdict
 * (src/statistics/differenceVerdict: higher, lower, no effect that matters, unsettled, no
 * difference). Pure module.
 */
import { differenceVerdict, type DifferenceVerdictOptions, type DifferenceWithVerdict } from '../statistics/differenceVerdict.ts';
import { meanConfidenceInterval } from '../statistics/meanConfidenceInterval.ts';

/** The province outcomes of one replication over time (what a batch worker returns). */
export interface ReplicationSeries {
  readonly seed: number;
  readonly years: readonly number[];
  readonly series: Readonly<Record<string, readonly (number | null)[]>>;
}

/** Mean and confidence band of one outcome over replications, per recording. */
export interface ConfidenceBand {
  readonly years: readonly number[];
  readonly mean: readonly (number | null)[];
  readonly lower: readonly (number | null)[];
  readonly upper: readonly (number | null)[];
  /** Replications with a value at each recording. */
  readonly n: readonly number[];
}

/**
 * Mean and two-sided confidence interval of `metric` at every recording, over the replications that
 * have a value there (a reporter can be undefined, e.g. a density in an empty zone).
 *
 * @param level coverage, 0.95 by default.
 * @example confidenceBand(replications, 'firms').upper.at(-1)
 */
export function confidenceBand(replications: readonly ReplicationSeries[], metric: string, level = 0.95): ConfidenceBand {
  const years = replications[0]?.years ?? [];
  const mean: (number | null)[] = [];
  const lower: (number | null)[] = [];
  const upper: (number | null)[] = [];
  const n: number[] = [];
  for (let t = 0; t < years.length; t++) {
    const values: number[] = [];
    for (const replication of replications) {
      const value = replication.series[metric]?.[t];
      if (typeof value === 'number' && Number.isFinite(value)) values.push(value);
    }
    n.push(values.length);
    if (values.length === 0) {
      mean.push(null);
      lower.push(null);
      upper.push(null);
      continue;
    }
    const interval = meanConfidenceInterval(values, level);
    mean.push(interval.mean);
    lower.push(interval.lower);
    upper.push(interval.upper);
  }
  return { years, mean, lower, upper, n };
}

/**
 * Paired difference my policy − comparison of `metric` at the final recording, over replications
 * where both have a value (replication r of both used the same seed), with its verdict: the same
 * words and thresholds (smallest effect that matters: 5 % of the comparison's mean by default;
 * floating-point residue is "no difference") as `differenceVerdict` in src/statistics.
 *
 * @param policy the replications of "my policy" (the scenario).
 * @param comparison the replications of the comparison (the reference), same seeds in the same order.
 * @returns null when no replication pair has both values, or when the two end at different times
 *   (e.g. a 20-year and a 22-year scenario: their final states are not comparable).
 * @example finalDifferenceVerdict(policy, comparison, 'firms')?.verdict // 'higher'
 */
export function finalDifferenceVerdict(
  policy: readonly ReplicationSeries[],
  comparison: readonly ReplicationSeries[],
  metric: string,
  options: DifferenceVerdictOptions = {},
): DifferenceWithVerdict | null {
  const scenario: number[] = [];
  const reference: number[] = [];
  const pairs = Math.min(policy.length, comparison.length);
  for (let r = 0; r < pairs; r++) {
    if (policy[r].years.at(-1) !== comparison[r].years.at(-1)) return null;
    const a = policy[r].series[metric]?.at(-1);
    const b = comparison[r].series[metric]?.at(-1);
    if (typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b)) {
      scenario.push(a);
      reference.push(b);
    }
  }
  if (scenario.length === 0) return null;
  return differenceVerdict(scenario, reference, options);
}
