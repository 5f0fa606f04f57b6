import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { designMatrixFromRows } from '../../src/analysis/designMatrix.ts';
import { morrisDesign } from '../../src/analysis/designs/morrisDesign.ts';
import { morrisElementaryEffects } from '../../src/analysis/morrisElementaryEffects.ts';
import { sobolGFunction } from '../../src/analysis/testFunctions/sobolGFunction.ts';

const G_COEFFICIENTS = [0, 1, 4.5, 9, 99, 99, 99, 99];

function evaluate(points: { rowCount: number; factorCount: number; values: Float64Array }, f: (x: Float64Array, offset: number) => number): Float64Array {
  const outputs = new Float64Array(points.rowCount);
  for (let r = 0; r < points.rowCount; r++) outputs[r] = f(points.values, r * points.factorCount);
  return outputs;
}

describe('morrisElementaryEffects', () => {
  it('linear function: μ = β, μ* = |β|, σ = 0 (every elementary effect equals the coefficient)', () => {
    // y = 2 x1 − 3 x2 + 0.5 x3 + 0 x4: EE_i = β_i exactly, for any step ±Δ (Morris 1991 §2).
    const beta = [2, -3, 0.5, 0];
    for (const placement of ['endpoints', 'centred'] as const) {
      const design = morrisDesign(12, 4, seedrandom.alea(`linear-${placement}`), { placement });
      const outputs = evaluate(design.points, (x, o) => beta.reduce((sum, b, i) => sum + b * x[o + i], 0));
      const analysis = morrisElementaryEffects(design.points, outputs, { factorNames: ['a', 'b', 'c', 'd'] });
      expect(analysis.trajectoryCount).toBe(12);
      analysis.factors.forEach((factor, i) => {
        expect(factor.factorName).toBe(['a', 'b', 'c', 'd'][i]);
        expect(factor.mu).toBeCloseTo(beta[i], 12);
        expect(factor.muStar).toBeCloseTo(Math.abs(beta[i]), 12);
        expect(factor.sigma).toBeCloseTo(0, 12);
        expect(factor.elementaryEffectCount).toBe(12);
      });
    }
  });

  it('hand-worked design: effects are read from the design, up or down steps', () => {
    // Two trajectories of y = x1 · x2 (k = 2, Δ = 2/3):
    //  t0: (0, 1/3) → (2/3, 1/3) → (2/3, 1):  EE1 = (2/9 − 0)/(2/3) = 1/3;  EE2 = (2/3 − 2/9)/(2/3) = 2/3
    //  t1: (1, 1) → (1, 1/3) → (1/3, 1/3):    EE2 = (1/3 − 1)/(−2/3) = 1;   EE1 = (1/9 − 1/3)/(−2/3) = 1/3
    // μ1 = μ*1 = 1/3, σ1 = 0; μ2 = μ*2 = 5/6, σ2 = |1 − 2/3|/√2 = 0.23570226039551584.
    const points = designMatrixFromRows([
      [0, 1 / 3],
      [2 / 3, 1 / 3],
      [2 / 3, 1],
      [1, 1],
      [1, 1 / 3],
      [1 / 3, 1 / 3],
    ]);
    const outputs = evaluate(points, (x, o) => x[o] * x[o + 1]);
    const [f1, f2] = morrisElementaryEffects(points, outputs).factors;
    expect(f1.mu).toBeCloseTo(1 / 3, 14);
    expect(f1.sigma).toBeCloseTo(0, 14);
    expect(f2.mu).toBeCloseTo(5 / 6, 14);
    expect(f2.muStar).toBeCloseTo(5 / 6, 14);
    expect(f2.sigma).toBeCloseTo(0.23570226039551584, 14);
  });

  it("Sobol's g-function (a = 0, 1, 4.5, 9, 99 × 4): μ* matches its analytic expectation and the literature ranking", () => {
    // On the p = 4 grid {0, 1/3, 2/3, 1}, |4x − 2| ∈ {2, 2/3, 2/3, 2} and every ±Δ step changes it by
    // ±4/3, so EE_i = ±2/(1 + a_i) · Π_{j≠i} g_j(x_j). Each other factor is uniform on the grid and
    // independent, with E g_j = (4/3 + a_j)/(1 + a_j), hence
    //   E μ*_i = 2/(1 + a_i) · Π_{j≠i} (4/3 + a_j)/(1 + a_j):
    // with P = Π_all (4/3 + a_j)/(1 + a_j) = 4/3 · 7/6 · (35/6)/5.5 · (31/3)/10 · ((301/3)/100)^4
    //        = 1.3333333 · 1.1666667 · 1.0606061 · 1.0333333 · 1.0033333^4 = 1.7276710,
    //   μ*_1 = 2 · P/(4/3) = 2.5915064, μ*_2 = 1 · P/(7/6) = 1.4808608, μ*_3 = (2/5.5) · P/1.0606061 = 0.5923443,
    //   μ*_4 = 0.2 · P/1.0333333 = 0.3343879, μ*_5…8 = 0.02 · P/1.0033333 = 0.0344386.
    // Ranking x1 > x2 > x3 > x4 ≫ x5…x8, as in Saltelli et al. (2008, Primer §3.6) and Campolongo
    // et al. (2007), where a_i = 99 factors are non-influential.
    const p = [0, 1, 4.5, 9, 99, 99, 99, 99].reduce((product, a) => product * (4 / 3 + a) / (1 + a), 1);
    expect(p).toBeCloseTo(1.727671, 6);
    const expected = G_COEFFICIENTS.map((a) => (2 / (1 + a)) * (p / ((4 / 3 + a) / (1 + a))));
    expect(expected[0]).toBeCloseTo(2.5915064, 6);
    expect(expected[4]).toBeCloseTo(0.0344386, 6);

    const design = morrisDesign(1000, 8, seedrandom.alea('g-function'));
    const outputs = evaluate(design.points, (x, o) => sobolGFunction(x, G_COEFFICIENTS, o));
    const analysis = morrisElementaryEffects(design.points, outputs, { uniform: seedrandom.alea('g-boot'), resampleCount: 500 });
    analysis.factors.forEach((factor, i) => {
      expect(Math.abs(factor.muStar - expected[i]) / expected[i]).toBeLessThan(0.05);
      expect(factor.muStarInterval!.lower).toBeLessThanOrEqual(expected[i]);
      expect(factor.muStarInterval!.upper).toBeGreaterThanOrEqual(expected[i]);
    });
    const ranking = analysis.factors.map((f) => f.muStar);
    for (let i = 0; i < 3; i++) expect(ranking[i]).toBeGreaterThan(ranking[i + 1]);
    // Analytic ratio μ*_5/μ*_4 = 0.0344386/0.3343879 = 0.103, μ*_5/μ*_1 = 0.0133.
    for (let i = 4; i < 8; i++) expect(ranking[i]).toBeLessThan(0.2 * ranking[3]);

    // The ranking is already right with a screening-sized design (r = 20, Campolongo selection).
    const small = morrisDesign(20, 8, seedrandom.alea('g-small'), { candidateTrajectoryCount: 200 });
    const smallRanking = morrisElementaryEffects(small.points, evaluate(small.points, (x, o) => sobolGFunction(x, G_COEFFICIENTS, o))).factors.map((f) => f.muStar);
    for (let i = 0; i < 3; i++) expect(smallRanking[i]).toBeGreaterThan(smallRanking[i + 1]);
    for (let i = 4; i < 8; i++) expect(smallRanking[i]).toBeLessThan(smallRanking[3]);
  });

  it('is deterministic: same design, outputs and seed give the same intervals', () => {
    const design = morrisDesign(10, 3, seedrandom.alea('det'));
    const outputs = evaluate(design.points, (x, o) => x[o] * x[o + 1] + x[o + 2]);
    const a = morrisElementaryEffects(design.points, outputs, { uniform: seedrandom.alea('s') });
    const b = morrisElementaryEffects(design.points, outputs, { uniform: seedrandom.alea('s') });
    expect(a).toEqual(b);
  });

  it('rejects designs that are not trajectories and bad outputs', () => {
    const design = morrisDesign(3, 2, seedrandom.alea('bad'));
    const outputs = new Float64Array(9);
    expect(() => morrisElementaryEffects(design.points, outputs.subarray(0, 8))).toThrow(/8 outputs for 9 design rows/);
    const withNaN = Float64Array.from(outputs);
    withNaN[4] = Number.NaN;
    expect(() => morrisElementaryEffects(design.points, withNaN)).toThrow(/outputs\[4\] is NaN/);
    expect(() => morrisElementaryEffects(designMatrixFromRows([[0, 0], [1, 0], [1, 1]]), [0, 0, 0])).toThrow(/at least 2 trajectories/);
    const twoMoves = designMatrixFromRows([[0, 0], [1, 1], [1, 0], [0, 0], [1, 0], [1, 1]]);
    expect(() => morrisElementaryEffects(twoMoves, [0, 0, 0, 0, 0, 0])).toThrow(/differ in factors 0 and 1/);
    const moveTwice = designMatrixFromRows([[0, 0], [1, 0], [0, 0], [0, 0], [1, 0], [1, 1]]);
    expect(() => morrisElementaryEffects(moveTwice, [0, 0, 0, 0, 0, 0])).toThrow(/factor 0 moves twice in trajectory 0/);
    expect(() => morrisElementaryEffects(designMatrixFromRows([[0, 0], [1, 0]]), [0, 0])).toThrow(/not a whole number of trajectories/);
  });
});
