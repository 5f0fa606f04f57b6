import seedrandom from 'seedrandom';
import { mean } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  ellisonGlaeserIndex,
  rawGeographicConcentration,
} from '../../../src/outcomes/metrics/ellisonGlaeserIndex.ts';
import { herfindahlIndex } from '../../../src/outcomes/metrics/herfindahlIndex.ts';

// Shared 3-region economy: regions employ 100, 60, 40 (total 200)
// x = (0.5, 0.3, 0.2); Σx² = 0.25 + 0.09 + 0.04 = 0.38; 1 − Σx² = 0.62
const regionTotals = [100, 60, 40];

describe('rawGeographicConcentration', () => {
  it('matches the worked 3-region example', () => {
    // industry 36, 2, 2 (total 40): s = (0.9, 0.05, 0.05)
    // G = (0.9 − 0.5)² + (0.05 − 0.3)² + (0.05 − 0.2)² = 0.16 + 0.0625 + 0.0225 = 0.245
    expect(rawGeographicConcentration([36, 2, 2], regionTotals)).toBeCloseTo(0.245, 15);
  });

  it('is 0 for an industry distributed exactly like total employment', () => {
    // industry 50, 30, 20: s = (0.5, 0.3, 0.2) = x, each share the same real number → same double
    expect(rawGeographicConcentration([50, 30, 20], regionTotals)).toBe(0);
  });

  it('is null when the industry or the economy has no employment', () => {
    expect(rawGeographicConcentration([0, 0, 0], regionTotals)).toBeNull();
    expect(rawGeographicConcentration([1, 0], [0, 0])).toBeNull();
    expect(rawGeographicConcentration([], [])).toBeNull();
  });
});

describe('ellisonGlaeserIndex', () => {
  it('matches the worked 3-region example', () => {
    // plants 10, 10, 8, 6, 4, 2 (total 40): shares 0.25, 0.25, 0.2, 0.15, 0.1, 0.05
    // H = 0.0625 + 0.0625 + 0.04 + 0.0225 + 0.01 + 0.0025 = 0.2
    const plantHerfindahl = herfindahlIndex([10, 10, 8, 6, 4, 2]);
    expect(plantHerfindahl).toBeCloseTo(0.2, 15);
    // G = 0.245 (above); γ = (0.245 − 0.62 × 0.2) / (0.62 × 0.8) = (0.245 − 0.124) / 0.496
    //   = 0.121 / 0.496 = 121/496 = 0.24395161290…
    expect(ellisonGlaeserIndex([36, 2, 2], regionTotals, plantHerfindahl)).toBeCloseTo(121 / 496, 12);
  });

  it('handles a fully concentrated industry', () => {
    // all 40 workers in region 0: s = (1, 0, 0)
    // G = (1 − 0.5)² + 0.3² + 0.2² = 0.25 + 0.09 + 0.04 = 0.38
    // H = 0.1: γ = (0.38 − 0.62 × 0.1) / (0.62 × 0.9) = 0.318 / 0.558 = 53/93 = 0.56989…
    expect(ellisonGlaeserIndex([40, 0, 0], regionTotals, 0.1)).toBeCloseTo(53 / 93, 12);
    // H = 0 (atomistic plants): γ = G / (1 − Σx²)
    // concentrated in region r: G_r = (1 − x_r)² + Σ_{q≠r} x_q² = 1 − 2x_r + Σx²
    //   r = 0: G = 1 − 1.0 + 0.38 = 0.38 → γ = 0.38 / 0.62 = 19/31
    //   r = 1: G = 1 − 0.6 + 0.38 = 0.78 → γ = 0.78 / 0.62 = 39/31
    //   r = 2: G = 1 − 0.4 + 0.38 = 0.98 → γ = 0.98 / 0.62 = 49/31
    const g0 = ellisonGlaeserIndex([40, 0, 0], regionTotals, 0);
    const g1 = ellisonGlaeserIndex([0, 40, 0], regionTotals, 0);
    const g2 = ellisonGlaeserIndex([0, 0, 40], regionTotals, 0);
    expect(g0).toBeCloseTo(19 / 31, 12);
    expect(g1).toBeCloseTo(39 / 31, 12);
    expect(g2).toBeCloseTo(49 / 31, 12);
    // a perfectly agglomerated industry (γ = 1) lands in region r with probability x_r:
    // E[γ̂] = 0.5 × 19/31 + 0.3 × 39/31 + 0.2 × 49/31 = (9.5 + 11.7 + 9.8) / 31 = 31/31 = 1
    expect(0.5 * g0! + 0.3 * g1! + 0.2 * g2!).toBeCloseTo(1, 12);
  });

  it('is −H/(1 − H) for an industry distributed exactly like total employment', () => {
    // s = x → G = 0; γ = (0 − (1 − Σx²)H) / ((1 − Σx²)(1 − H)) = −H / (1 − H)
    // H = 0.2: γ = −0.2 / 0.8 = −0.25
    expect(ellisonGlaeserIndex([50, 30, 20], regionTotals, 0.2)).toBeCloseTo(-0.25, 12);
    // H = 0.5: γ = −0.5 / 0.5 = −1
    expect(ellisonGlaeserIndex([25, 15, 10], regionTotals, 0.5)).toBeCloseTo(-1, 12);
    // H = 0: γ = 0 exactly
    expect(ellisonGlaeserIndex([50, 30, 20], regionTotals, 0)).toBe(0);
  });

  it('reads one column of a flat row-major region × industry matrix', () => {
    // 3 regions × 2 industries; row sums are the region totals 100, 60, 40
    //   region 0: 36, 64   region 1: 2, 58   region 2: 2, 38
    const matrix = new Float64Array([36, 64, 2, 58, 2, 38]);
    const totals = new Float64Array(regionTotals);
    // column 0 is the worked example: γ = 121/496
    expect(ellisonGlaeserIndex(matrix, totals, 0.2, 0, 2)).toBeCloseTo(121 / 496, 12);
    // column 1: 64, 58, 38 (total 160) → s = (0.4, 0.3625, 0.2375)
    // G = (0.4 − 0.5)² + (0.3625 − 0.3)² + (0.2375 − 0.2)² = 0.01 + 0.00390625 + 0.00140625 = 0.0153125
    expect(rawGeographicConcentration(matrix, totals, 1, 2)).toBeCloseTo(0.0153125, 15);
    // H = 0.05: γ = (0.0153125 − 0.62 × 0.05) / (0.62 × 0.95) = (0.0153125 − 0.031) / 0.589
    //   = −0.0156875 / 0.589 = −0.0266341256…
    expect(ellisonGlaeserIndex(matrix, totals, 0.05, 1, 2)).toBeCloseTo(-0.0156875 / 0.589, 12);
  });

  it('returns null when γ is undefined', () => {
    // industry with no employment
    expect(ellisonGlaeserIndex([0, 0, 0], regionTotals, 0.2)).toBeNull();
    // no employment at all / no regions
    expect(ellisonGlaeserIndex([0, 0], [0, 0], 0.2)).toBeNull();
    expect(ellisonGlaeserIndex([], [], 0.2)).toBeNull();
    // a single plant: H = 1
    expect(ellisonGlaeserIndex([36, 2, 2], regionTotals, 1)).toBeNull();
    // all employment in one region: x = (1, 0, 0), Σx² = 1
    expect(ellisonGlaeserIndex([40, 0, 0], [200, 0, 0], 0.2)).toBeNull();
    expect(ellisonGlaeserIndex([40], [200], 0.2)).toBeNull();
  });

  it('throws RangeError on invalid input', () => {
    expect(() => ellisonGlaeserIndex([36, 2, 2], regionTotals, -0.1)).toThrow(RangeError);
    expect(() => ellisonGlaeserIndex([36, 2, 2], regionTotals, 1.1)).toThrow(RangeError);
    expect(() => ellisonGlaeserIndex([36, 2, 2], regionTotals, Number.NaN)).toThrow(RangeError);
    expect(() => ellisonGlaeserIndex([36, -2, 2], regionTotals, 0.2)).toThrow(RangeError);
    expect(() => ellisonGlaeserIndex([36, 2, 2], [100, Number.NaN, 40], 0.2)).toThrow(RangeError);
    expect(() => ellisonGlaeserIndex([36, 2], regionTotals, 0.2)).toThrow(RangeError); // shape
    expect(() => ellisonGlaeserIndex([36, 2, 2, 1, 1, 1], regionTotals, 0.2, 2, 2)).toThrow(RangeError);
    expect(() => ellisonGlaeserIndex([36, 2, 2, 1, 1, 1], regionTotals, 0.2, 0, 3)).toThrow(RangeError);
  });

  describe('EG (1997) Proposition 1 by simulation', () => {
    // Regions' shares of total employment x = (0.30, 0.20, 0.15, 0.10, 0.10, 0.08, 0.04, 0.03)
    const totals = [30, 20, 15, 10, 10, 8, 4, 3];
    const cumulative = new Float64Array(totals.length);
    for (let r = 0, sum = 0; r < totals.length; r++) {
      sum += totals[r] / 100;
      cumulative[r] = sum;
    }

    /**
     * Simulates `industryCount` industries and returns their γ̂. Each industry has 5–40 plants with
     * (discretised) exponential sizes, mean ≈ 50. With probability `sharedLocationProbability` a plant
     * goes to the industry's common region c ~ x, otherwise it draws its own region ~ x. Two plants
     * then share a region with probability ρ² + (1 − ρ²)Σx², i.e. EG's γ = ρ²; ρ = 0 is the
     * dartboard (independent locations, no spillovers), where E[γ̂] = 0.
     */
    function simulateGammas(seed: string, sharedLocationProbability: number, industryCount: number) {
      const random = seedrandom.alea(seed);
      const drawRegion = () => {
        const u = random();
        for (let r = 0; r < cumulative.length - 1; r++) if (u < cumulative[r]) return r;
        return cumulative.length - 1;
      };
      const gammas: number[] = [];
      const employment = new Float64Array(totals.length);
      for (let i = 0; i < industryCount; i++) {
        const plantCount = 5 + Math.floor(random() * 36);
        const sizes = new Float64Array(plantCount);
        for (let k = 0; k < plantCount; k++) sizes[k] = 1 + Math.floor(-50 * Math.log(1 - random()));
        employment.fill(0);
        const commonRegion = drawRegion();
        for (let k = 0; k < plantCount; k++) {
          const region = random() < sharedLocationProbability ? commonRegion : drawRegion();
          employment[region] += sizes[k];
        }
        const gamma = ellisonGlaeserIndex(employment, totals, herfindahlIndex(sizes));
        expect(gamma).not.toBeNull(); // ≥ 5 positive plants → H < 1; x spread over 8 regions
        gammas.push(gamma!);
      }
      return gammas;
    }

    it('mean γ̂ over 2000 dartboard industries is within ±0.01 of 0', () => {
      // standard error of the mean is ≈ 0.002 for this design, so ±0.01 is ≈ 5 standard errors
      const gammas = simulateGammas('eg-dartboard', 0, 2000);
      expect(Math.abs(mean(gammas))).toBeLessThan(0.01);
    });

    it('mean γ̂ recovers a true γ = 0.05 within ±0.01 (control: the estimator is not stuck at 0)', () => {
      const gammas = simulateGammas('eg-spillover', Math.sqrt(0.05), 2000);
      expect(Math.abs(mean(gammas) - 0.05)).toBeLessThan(0.01);
    });
  });
});
