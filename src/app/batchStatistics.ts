/**
 * Batch mode statistics: per recording, the mean of an outcome over replications with its 95%
 * Student-t confidence interval (src/statistics/meanConfidenceInterval), and the paired
 * (common-random-number) difference between two scenarios at the final recording
 * (src/statistics/pairedDifference). Pure module.
 */
import { meanConfidenceInterval } from '../statistics/meanConfidenceInterval.ts';
import { pairedDifference, type PairedDifference } from '../statistics/pairedDifference.ts';

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
 * Paired difference policy − comparison of `metric` at the final recording, over replications where
 * both have a value (replication r of both used the same seed).
 *
 * @returns null when no replication pair has both values.
 */
export function finalPairedDifference(
  policy: readonly ReplicationSeries[],
  comparison: readonly ReplicationSeries[],
  metric: string,
  level = 0.95,
): PairedDifference | null {
  const treatment: number[] = [];
  const control: number[] = [];
  const pairs = Math.min(policy.length, comparison.length);
  for (let r = 0; r < pairs; r++) {
    const a = policy[r].series[metric]?.at(-1);
    const b = comparison[r].series[metric]?.at(-1);
    if (typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b)) {
      treatment.push(a);
      control.push(b);
    }
  }
  if (treatment.length === 0) return null;
  return pairedDifference(treatment, control, level);
}
