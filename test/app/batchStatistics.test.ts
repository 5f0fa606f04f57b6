import { describe, expect, it } from 'vitest';
import { meanConfidenceInterval } from '../../src/statistics/meanConfidenceInterval.ts';
import { pairedDifference } from '../../src/statistics/pairedDifference.ts';
import { confidenceBand, finalPairedDifference, type ReplicationSeries } from '../../src/app/batchStatistics.ts';

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

  it('the final paired difference pairs replications by index', () => {
    const policy = [replication(1, [0, 10]), replication(2, [0, 14]), replication(3, [0, 11])];
    const comparison = [replication(1, [0, 9]), replication(2, [0, 12]), replication(3, [0, 11])];
    expect(finalPairedDifference(policy, comparison, 'firms')).toEqual(pairedDifference([10, 14, 11], [9, 12, 11]));
    expect(finalPairedDifference(policy, comparison, 'unknown')).toBeNull();
  });
});
