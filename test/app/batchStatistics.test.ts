import { describe, expect, it } from 'vitest';
import { meanConfidenceInterval } from '../../src/statistics/meanConfidenceInterval.ts';
import { pairedDifference } from '../../src/statistics/pairedDifference.ts';
import { confidenceBand, finalDifferenceVerdict, type ReplicationSeries } from '../../src/app/batchStatistics.ts';

const replication = (seed: number, values: (number | null)[]): ReplicationSeries => ({
  seed,
  years: values.map((_, i) => 2009 + i),
  series: { firms: values },
});

describe('batch statistics', () => {
  it('bands are the t intervals of the replications at each recording, skipping undefined values', () => {
    const reps = [replication(1, [1, 10, null]), replication(2, [2, 12, 5]), replication(3, [3, 17, null])];
    const band = confidenceBand(reps, 'firms');
    const at1 = meanConfidenceInterval([10, 12, 17]);
    expect(band.years).toEqual([2009, 2010, 2011]);
    expect(band.mean[1]).toBe(at1.mean);
    expect(band.lower[1]).toBe(at1.lower);
    expect(band.upper[1]).toBe(at1.upper);
    expect(band.n).toEqual([3, 3, 1]);
    expect(band.mean[2]).toBe(5);
    expect(confidenceBand(reps, 'unknown').mean).toEqual([null, null, null]);
  });

  it('the final paired difference is my policy − comparison, pairs replications by index and has a verdict', () => {
    const policy = [replication(1, [0, 10]), replication(2, [0, 14]), replication(3, [0, 11])];
    const comparison = [replication(1, [0, 9]), replication(2, [0, 12]), replication(3, [0, 11])];
    const result = finalDifferenceVerdict(policy, comparison, 'firms')!;
    expect(result.difference).toEqual(pairedDifference([10, 14, 11], [9, 12, 11]));
    // d = [1, 2, 0]: d̄ = 1, s_d = 1, se = 1/√3, t_{0.975,2} = 4.3027 → [−1.48, 3.48] contains 0 and
    // reaches beyond ± 5 % of the comparison mean (32/3 · 0.05 = 0.533): unsettled.
    expect(result.verdict).toBe('unsettled');
    expect(result.referenceMean).toBeCloseTo(32 / 3, 12);
    expect(finalDifferenceVerdict(policy, comparison, 'unknown')).toBeNull();
    // Runs that end at different times (2010 vs 2011) have no final difference.
    const longer = [replication(1, [0, 9, 9]), replication(2, [0, 12, 12]), replication(3, [0, 11, 11])];
    expect(finalDifferenceVerdict(policy, longer, 'firms')).toBeNull();
  });

  it('calls floating-point residue "no difference" and a settled rise "higher"', () => {
    const base = [0.41, 0.42, 0.4];
    const residue = base.map((v, r) => replication(r, [0, v + 1e-16]));
    expect(finalDifferenceVerdict(residue, base.map((v, r) => replication(r, [0, v])), 'firms')!.verdict).toBe('no difference');
    // d = [10, 11, 12] on a comparison mean of 100: d̄ = 11, s_d = 1, half-width 4.3027/√3 = 2.484 →
    // [8.52, 13.48], which excludes 0 and is not inside ± 5: higher (reversed: [−13.48, −8.52] vs ± 5.55: lower).
    const policy = [110, 111, 112].map((v, r) => replication(r, [0, v]));
    const comparison = [100, 100, 100].map((v, r) => replication(r, [0, v]));
    expect(finalDifferenceVerdict(policy, comparison, 'firms')!.verdict).toBe('higher');
    expect(finalDifferenceVerdict(comparison, policy, 'firms')!.verdict).toBe('lower');
  });
});
