import { describe, expect, it } from 'vitest';
import {
  meanRelatednessDensityOfPresentIndustries,
  relatednessDensity,
  revealedComparativeAdvantagePresence,
} from '../../../src/outcomes/metrics/relatednessDensity.ts';

// 3 × 3 proximity matrix (row-major), symmetric, diagonal 1:
//        k=0  k=1  k=2
//   j=0  1    0.6  0.2
//   j=1  0.6  1    0.4
//   j=2  0.2  0.4  1
const proximity = new Float64Array([1, 0.6, 0.2, 0.6, 1, 0.4, 0.2, 0.4, 1]);

describe('relatednessDensity', () => {
  it('matches hand-worked densities for presence (1, 0, 1)', () => {
    const presence = [1, 0, 1];
    // ω_0 = (x_1 φ_01 + x_2 φ_02) / (φ_01 + φ_02) = (0 × 0.6 + 1 × 0.2) / (0.6 + 0.2) = 0.2 / 0.8 = 0.25
    expect(relatednessDensity(presence, proximity, 3, 0)).toBeCloseTo(0.25, 15);
    // ω_1 = (1 × 0.6 + 1 × 0.4) / (0.6 + 0.4) = 1.0 / 1.0 = 1
    expect(relatednessDensity(presence, proximity, 3, 1)).toBeCloseTo(1, 15);
    // ω_2 = (1 × 0.2 + 0 × 0.4) / (0.2 + 0.4) = 0.2 / 0.6 = 1/3
    expect(relatednessDensity(presence, proximity, 3, 2)).toBeCloseTo(1 / 3, 15);
  });

  it('uses presence weights', () => {
    // x = (0.5, 1, 0): ω_2 = (0.5 × 0.2 + 1 × 0.4) / (0.2 + 0.4) = 0.5 / 0.6 = 5/6
    expect(relatednessDensity([0.5, 1, 0], proximity, 3, 2)).toBeCloseTo(5 / 6, 15);
  });

  it('ignores the diagonal and the industry’s own presence', () => {
    const otherDiagonal = new Float64Array([99, 0.6, 0.2, 0.6, 0, 0.4, 0.2, 0.4, 7]);
    // ω_0 with x_0 = 0 or 1 and any φ_00: still 0.2 / 0.8 = 0.25
    expect(relatednessDensity([0, 0, 1], otherDiagonal, 3, 0)).toBeCloseTo(0.25, 15);
    expect(relatednessDensity([1, 0, 1], otherDiagonal, 3, 0)).toBeCloseTo(0.25, 15);
    // a NaN on the diagonal is never read
    const nanDiagonal = new Float64Array([Number.NaN, 0.6, 0.2, 0.6, 1, 0.4, 0.2, 0.4, 1]);
    expect(relatednessDensity([1, 0, 1], nanDiagonal, 3, 0)).toBeCloseTo(0.25, 15);
  });

  it('is 0 when the industry has no proximity to any other industry', () => {
    // row 0 is (1, 0, 0): Σ_{k≠0} φ_0k = 0
    const isolated = new Float64Array([1, 0, 0, 0, 1, 0.5, 0, 0.5, 1]);
    expect(relatednessDensity([1, 1, 1], isolated, 3, 0)).toBe(0);
    // K = 1: the sum over k ≠ j is empty
    expect(relatednessDensity([1], [1], 1, 0)).toBe(0);
  });

  it('reads a row of a flat zone × industry presence matrix in place', () => {
    // 2 zones × 3 industries: zone 0 = (0, 1, 0), zone 1 = (1, 0, 1)
    const presenceMatrix = new Float64Array([0, 1, 0, 1, 0, 1]);
    // zone 1 (offset 3), industry 1: (1 × 0.6 + 1 × 0.4) / 1.0 = 1
    expect(relatednessDensity(presenceMatrix, proximity, 3, 1, 3)).toBeCloseTo(1, 15);
    // zone 0 (offset 0), industry 0: (1 × 0.6 + 0 × 0.2) / 0.8 = 0.75
    expect(relatednessDensity(presenceMatrix, proximity, 3, 0, 0)).toBeCloseTo(0.75, 15);
  });

  it('throws RangeError on invalid input', () => {
    expect(() => relatednessDensity([1, -1, 0], proximity, 3, 0)).toThrow(RangeError);
    expect(() => relatednessDensity([1, Number.NaN, 0], proximity, 3, 0)).toThrow(RangeError);
    const negative = new Float64Array([1, -0.6, 0.2, 0.6, 1, 0.4, 0.2, 0.4, 1]);
    expect(() => relatednessDensity([1, 0, 1], negative, 3, 0)).toThrow(RangeError);
    expect(() => relatednessDensity([1, 0, 1], proximity, 2, 0)).toThrow(RangeError); // 9 ≠ 2²
    expect(() => relatednessDensity([1, 0, 1], proximity, 3, 3)).toThrow(RangeError);
    expect(() => relatednessDensity([1, 0, 1], proximity, 3, 0, 1)).toThrow(RangeError); // 1 + 3 > 3
    expect(() => relatednessDensity([1, 0], proximity, 3, 0)).toThrow(RangeError);
  });
});

describe('meanRelatednessDensityOfPresentIndustries', () => {
  it('averages the densities of the present industries', () => {
    // x = (1, 0, 1): present {0, 2}; ω_0 = 0.25, ω_2 = 1/3 (above)
    // mean = (0.25 + 1/3) / 2 = (3/12 + 4/12) / 2 = 7/24 = 0.291666…
    expect(meanRelatednessDensityOfPresentIndustries([1, 0, 1], proximity, 3)).toBeCloseTo(7 / 24, 15);
    // x = (1, 1, 0): ω_0 = (1 × 0.6 + 0 × 0.2) / 0.8 = 0.75; ω_1 = (1 × 0.6 + 0 × 0.4) / 1.0 = 0.6
    // mean = (0.75 + 0.6) / 2 = 0.675
    expect(meanRelatednessDensityOfPresentIndustries([1, 1, 0], proximity, 3)).toBeCloseTo(0.675, 15);
    // x = (1, 1, 1): every ω_j = Σφ / Σφ = 1 → mean 1
    expect(meanRelatednessDensityOfPresentIndustries([1, 1, 1], proximity, 3)).toBeCloseTo(1, 15);
  });

  it('counts each present industry once, whatever its weight', () => {
    // x = (0.5, 1, 0): present {0, 1}
    // ω_0 = (1 × 0.6 + 0 × 0.2) / 0.8 = 0.75; ω_1 = (0.5 × 0.6 + 0 × 0.4) / 1.0 = 0.3
    // mean = (0.75 + 0.3) / 2 = 0.525
    expect(meanRelatednessDensityOfPresentIndustries([0.5, 1, 0], proximity, 3)).toBeCloseTo(0.525, 15);
  });

  it('includes present industries with zero density (isolated industries)', () => {
    const isolated = new Float64Array([1, 0, 0, 0, 1, 0.5, 0, 0.5, 1]);
    // x = (1, 1, 1): ω_0 = 0 (no proximity); ω_1 = (1 × 0 + 1 × 0.5) / 0.5 = 1; ω_2 = (0 + 0.5) / 0.5 = 1
    // mean = (0 + 1 + 1) / 3 = 2/3
    expect(meanRelatednessDensityOfPresentIndustries([1, 1, 1], isolated, 3)).toBeCloseTo(2 / 3, 15);
  });

  it('is 0 when fewer than 2 industries are present', () => {
    expect(meanRelatednessDensityOfPresentIndustries([0, 1, 0], proximity, 3)).toBe(0);
    expect(meanRelatednessDensityOfPresentIndustries([0, 0, 0], proximity, 3)).toBe(0);
    expect(meanRelatednessDensityOfPresentIndustries([], [], 0)).toBe(0);
  });

  it('reads a row of a flat presence matrix in place', () => {
    // zone 1 of [[0, 1, 0], [1, 0, 1]] is (1, 0, 1) → 7/24 as above
    const presenceMatrix = new Float64Array([0, 1, 0, 1, 0, 1]);
    expect(meanRelatednessDensityOfPresentIndustries(presenceMatrix, proximity, 3, 3)).toBeCloseTo(
      7 / 24,
      15,
    );
  });

  it('throws RangeError on invalid presence', () => {
    expect(() => meanRelatednessDensityOfPresentIndustries([1, Number.NaN, 1], proximity, 3)).toThrow(
      RangeError,
    );
    expect(() => meanRelatednessDensityOfPresentIndustries([1, -1, 1], proximity, 3)).toThrow(RangeError);
  });
});

describe('revealedComparativeAdvantagePresence', () => {
  // 3 zones × 3 industries, each zone employs 100; industry totals 100, 100, 100; e = 300
  //   zone 0: 50, 30, 20   zone 1: 10, 60, 30   zone 2: 40, 10, 50
  const employment = new Float64Array([50, 30, 20, 10, 60, 30, 40, 10, 50]);
  const industryTotals = [100, 100, 100];

  it('marks industries with LQ ≥ 1', () => {
    // every industry is 100/300 = 1/3 of the economy, so LQ_zk = (e_zk / 100) × 3
    // zone 0: 1.5, 0.9, 0.6 → (1, 0, 0)
    expect(
      Array.from(revealedComparativeAdvantagePresence(employment, 0, 3, industryTotals, 300, new Float64Array(3))),
    ).toEqual([1, 0, 0]);
    // zone 1: 0.3, 1.8, 0.9 → (0, 1, 0)
    expect(
      Array.from(revealedComparativeAdvantagePresence(employment, 1, 3, industryTotals, 300, new Float64Array(3))),
    ).toEqual([0, 1, 0]);
    // zone 2: 1.2, 0.3, 1.5 → (1, 0, 1)
    expect(
      Array.from(revealedComparativeAdvantagePresence(employment, 2, 3, industryTotals, 300, new Float64Array(3))),
    ).toEqual([1, 0, 1]);
  });

  it('counts LQ exactly 1 as present', () => {
    // zone 0: 1, 2, 3 (total 6); zone 1: 9, 18, 27 (total 54); industries 10, 20, 30; e = 60
    // LQ_0k = (k-th share 1/6, 2/6, 3/6) / (1/6, 2/6, 3/6) = 1 for every k, likewise zone 1
    const proportional = [1, 2, 3, 9, 18, 27];
    const out = new Float64Array(3);
    expect(Array.from(revealedComparativeAdvantagePresence(proportional, 0, 3, [10, 20, 30], 60, out))).toEqual([
      1, 1, 1,
    ]);
    expect(Array.from(revealedComparativeAdvantagePresence(proportional, 1, 3, [10, 20, 30], 60, out))).toEqual([
      1, 1, 1,
    ]);
  });

  it('gives 0 for an empty zone and for an absent industry', () => {
    // zone 1 is empty; industry 2 has no employment anywhere
    const matrix = [5, 5, 0, 0, 0, 0, 1, 9, 0];
    // zone 0: LQ = (0.5 / (6/20), 0.5 / (14/20), 0) = (1.667, 0.714, 0) → (1, 0, 0)
    expect(Array.from(revealedComparativeAdvantagePresence(matrix, 0, 3, [6, 14, 0], 20, [9, 9, 9]))).toEqual([
      1, 0, 0,
    ]);
    expect(Array.from(revealedComparativeAdvantagePresence(matrix, 1, 3, [6, 14, 0], 20, [9, 9, 9]))).toEqual([
      0, 0, 0,
    ]);
  });

  it('returns `out`, writes only its first K entries', () => {
    const out = new Float64Array([7, 7, 7, 7]);
    const result = revealedComparativeAdvantagePresence(employment, 2, 3, industryTotals, 300, out);
    expect(result).toBe(out);
    expect(Array.from(out)).toEqual([1, 0, 1, 7]);
  });

  it('feeds relatednessDensity: zone 2 has (1, 0, 1), so its coherence is 7/24', () => {
    const presence = revealedComparativeAdvantagePresence(employment, 2, 3, industryTotals, 300, new Float64Array(3));
    // same presence vector as the worked density example: (0.25 + 1/3) / 2 = 7/24
    expect(meanRelatednessDensityOfPresentIndustries(presence, proximity, 3)).toBeCloseTo(7 / 24, 15);
  });

  it('throws RangeError on invalid input', () => {
    const out = new Float64Array(3);
    expect(() => revealedComparativeAdvantagePresence([1, 2, 3, 4], 0, 3, industryTotals, 300, out)).toThrow(
      RangeError,
    ); // length not a multiple of K
    expect(() => revealedComparativeAdvantagePresence(employment, 3, 3, industryTotals, 300, out)).toThrow(
      RangeError,
    ); // zone index out of range
    expect(() => revealedComparativeAdvantagePresence(employment, 0, 3, [100, 100], 300, out)).toThrow(
      RangeError,
    );
    expect(() =>
      revealedComparativeAdvantagePresence(employment, 0, 3, industryTotals, 300, new Float64Array(2)),
    ).toThrow(RangeError);
    expect(() => revealedComparativeAdvantagePresence([1, -2, 3], 0, 3, industryTotals, 300, out)).toThrow(
      RangeError,
    );
    expect(() =>
      revealedComparativeAdvantagePresence(employment, 0, 3, [100, Number.NaN, 100], 300, out),
    ).toThrow(RangeError);
    expect(() => revealedComparativeAdvantagePresence(employment, 0, 3, industryTotals, -1, out)).toThrow(
      RangeError,
    );
  });
});
