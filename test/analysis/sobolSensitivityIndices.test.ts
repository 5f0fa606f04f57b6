import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { saltelliDesign, type SaltelliDesign } from '../../src/analysis/designs/saltelliDesign.ts';
import { mapUnitDesignToFactors } from '../../src/analysis/designs/mapUnitDesignToFactors.ts';
import { sobolSensitivityIndices, type SobolAnalysis } from '../../src/analysis/sobolSensitivityIndices.ts';
import { ISHIGAMI_FACTORS, ishigamiAnalyticIndices, ishigamiFunction } from '../../src/analysis/testFunctions/ishigamiFunction.ts';
import { sobolGFunction, sobolGFunctionAnalyticIndices } from '../../src/analysis/testFunctions/sobolGFunction.ts';

function ishigamiOutputs(design: SaltelliDesign): Float64Array {
  const x = mapUnitDesignToFactors(design.points, ISHIGAMI_FACTORS).numericValues.values;
  const outputs = new Float64Array(design.points.rowCount);
  for (let r = 0; r < outputs.length; r++) outputs[r] = ishigamiFunction(x[3 * r], x[3 * r + 1], x[3 * r + 2]);
  return outputs;
}

function expectIndices(analysis: SobolAnalysis, firstOrder: readonly number[], total: readonly number[], tolerance: number): void {
  analysis.factors.forEach((factor, i) => {
    expect(Math.abs(factor.firstOrder - firstOrder[i]), `S${i + 1}`).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(factor.total - total[i]), `ST${i + 1}`).toBeLessThanOrEqual(tolerance);
    // The analytic value lies inside the 95% bootstrap percentile interval.
    expect(factor.firstOrderInterval!.lower, `S${i + 1} lower`).toBeLessThanOrEqual(firstOrder[i]);
    expect(factor.firstOrderInterval!.upper, `S${i + 1} upper`).toBeGreaterThanOrEqual(firstOrder[i]);
    expect(factor.totalInterval!.lower, `ST${i + 1} lower`).toBeLessThanOrEqual(total[i]);
    expect(factor.totalInterval!.upper, `ST${i + 1} upper`).toBeGreaterThanOrEqual(total[i]);
  });
}

describe('sobolSensitivityIndices', () => {
  it('Ishigami (a = 7, b = 0.1), Sobol-sequence Saltelli design, N = 8192: within ±0.02 and within the 95% intervals', () => {
    // Analytic (Ishigami & Homma 1990; Saltelli et al. 2010 §4): π⁴ = 97.409091, π⁸ = 9488.531016;
    // V1 = 0.1π⁴/5 + 0.01π⁸/50 + ½ = 1.948182 + 1.897706 + 0.5 = 4.345888; V2 = 49/8 = 6.125;
    // V13 = 8 · 0.01 π⁸/225 = 3.373700; V = 4.345888 + 6.125 + 3.373700 = 13.844588.
    // S = (4.345888, 6.125, 0)/V = (0.3139, 0.4424, 0); ST = (7.719588, 6.125, 3.373700)/V = (0.5576, 0.4424, 0.2437).
    const analytic = ishigamiAnalyticIndices(7, 0.1);
    expect(analytic.variance).toBeCloseTo(13.844588, 5);
    expect(analytic.firstOrder.map((s) => Number(s.toFixed(4)))).toEqual([0.3139, 0.4424, 0]);
    expect(analytic.total.map((s) => Number(s.toFixed(4)))).toEqual([0.5576, 0.4424, 0.2437]);

    const design = saltelliDesign(8192, 3);
    const outputs = ishigamiOutputs(design);
    const analysis = sobolSensitivityIndices(design, outputs, { uniform: seedrandom.alea('ishigami-bootstrap'), factorNames: ['x1', 'x2', 'x3'] });
    expect(analysis.baseSampleCount).toBe(8192);
    expect(analysis.outputMean).toBeCloseTo(3.5, 1); // E f = a/2 = 3.5
    expect(Math.abs(analysis.outputVariance - analytic.variance) / analytic.variance).toBeLessThan(0.01);
    expect(analysis.degenerateResampleCount).toBe(0);
    expectIndices(analysis, analytic.firstOrder, analytic.total, 0.02);
    expect(analysis.factors[0].firstOrderInterval!.resampleCount).toBe(1000);
    expect(analysis.factors[0].firstOrderInterval!.level).toBe(0.95);
  });

  it('Ishigami with a plain Monte Carlo Saltelli design, N = 16384: within ±0.03 and within 3 bootstrap standard errors', () => {
    // With independent points each 95% interval misses 5% of the time (6 intervals: ~26% chance of
    // one miss), so this checks |estimate − analytic| ≤ 3 SE (≈ 99.7% each). Obtained with this seed:
    // S = 0.3052, 0.4556, −0.0044; ST = 0.5645, 0.4468, 0.2499 (S2 is 1.9 SE from 0.4424).
    const design = saltelliDesign(16384, 3, { sequence: 'monte-carlo', uniform: seedrandom.alea('ishigami-mc') });
    const analytic = ishigamiAnalyticIndices();
    const analysis = sobolSensitivityIndices(design, ishigamiOutputs(design), { uniform: seedrandom.alea('mc-bootstrap') });
    analysis.factors.forEach((factor, i) => {
      expect(Math.abs(factor.firstOrder - analytic.firstOrder[i])).toBeLessThanOrEqual(Math.min(0.03, 3 * factor.firstOrderInterval!.standardError));
      expect(Math.abs(factor.total - analytic.total[i])).toBeLessThanOrEqual(Math.min(0.03, 3 * factor.totalInterval!.standardError));
    });
  });

  it("Sobol's g-function, a = (0, 1, 4.5, 9, 99, 99, 99, 99), N = 4096 (40 960 runs): within ±0.02 and the intervals", () => {
    // Analytic: V_i = (1/3)/(1 + a_i)² = 0.333333, 0.083333, 0.011019, 0.003333, 3.3333e-5 (× 4);
    // V = Π(1 + V_i) − 1 = 1.333333 · 1.083333 · 1.011019 · 1.003333 · 1.0000333⁴ − 1 = 0.465424;
    // S_i = V_i / V = 0.716192, 0.179048, 0.023676, 0.007162, 7.16e-5 (× 4);
    // S_Ti = V_i Π_{j≠i}(1 + V_j) / V = 0.787144, 0.242198, 0.034317, 0.010460, 1.049e-4 (× 4).
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const analytic = sobolGFunctionAnalyticIndices(a);
    expect(analytic.variance).toBeCloseTo(0.465424, 6);
    expect(analytic.firstOrder[0]).toBeCloseTo(0.716192, 6);
    expect(analytic.total[0]).toBeCloseTo(0.787144, 6);
    expect(analytic.total[4]).toBeCloseTo(1.049e-4, 7);

    const design = saltelliDesign(4096, 8);
    const outputs = new Float64Array(design.points.rowCount);
    for (let r = 0; r < outputs.length; r++) outputs[r] = sobolGFunction(design.points.values, a, 8 * r);
    const analysis = sobolSensitivityIndices(design, outputs, { uniform: seedrandom.alea('g-bootstrap') });
    expectIndices(analysis, analytic.firstOrder, analytic.total, 0.02);
    // Ranking by total index: x1 > x2 > x3 > x4 > x5…x8.
    const total = analysis.factors.map((factor) => factor.total);
    for (let i = 0; i < 4; i++) expect(total[i]).toBeGreaterThan(total[i + 1]);
  });

  it('additive linear model: S_i = S_Ti = β_i² / Σβ² (uniform inputs)', () => {
    // y = 1000 + 1·x1 + 2·x2 + 3·x3, x ~ U(0, 1): V_i = β_i²/12; Σβ² = 14; S = (1, 4, 9)/14
    // = (0.0714286, 0.2857143, 0.6428571); no interactions, so S_Ti = S_i. The large constant tests
    // the centring of the outputs.
    const design = saltelliDesign(4096, 3);
    const x = design.points.values;
    const outputs = Float64Array.from({ length: design.points.rowCount }, (_, r) => 1000 + x[3 * r] + 2 * x[3 * r + 1] + 3 * x[3 * r + 2]);
    const analysis = sobolSensitivityIndices(design, outputs);
    const expected = [1 / 14, 4 / 14, 9 / 14];
    analysis.factors.forEach((factor, i) => {
      expect(Math.abs(factor.firstOrder - expected[i])).toBeLessThan(0.002);
      expect(Math.abs(factor.total - expected[i])).toBeLessThan(0.002);
      expect(factor.firstOrderInterval).toBeNull();
    });
  });

  it('is deterministic given the bootstrap seed', () => {
    const design = saltelliDesign(256, 3);
    const outputs = ishigamiOutputs(design);
    const a = sobolSensitivityIndices(design, outputs, { uniform: seedrandom.alea('same'), resampleCount: 200 });
    const b = sobolSensitivityIndices(design, outputs, { uniform: seedrandom.alea('same'), resampleCount: 200 });
    expect(a).toEqual(b);
  });

  it('rejects wrong output counts, non-finite outputs and constant outputs', () => {
    const shape = { baseSampleCount: 4, factorCount: 2 };
    expect(() => sobolSensitivityIndices(shape, new Float64Array(15))).toThrow(/15 outputs, but a Saltelli design with N = 4 and k = 2 has N\(k \+ 2\) = 16 rows/);
    const outputs = Float64Array.from({ length: 16 }, (_, i) => i);
    outputs[5] = Number.POSITIVE_INFINITY;
    expect(() => sobolSensitivityIndices(shape, outputs)).toThrow(/outputs\[5\] is Infinity/);
    expect(() => sobolSensitivityIndices(shape, new Float64Array(16).fill(3))).toThrow(/zero variance/);
    expect(() => sobolSensitivityIndices(shape, Float64Array.from({ length: 16 }, (_, i) => i), { uniform: seedrandom.alea('x'), level: 95 })).toThrow(/level/);
  });
});
