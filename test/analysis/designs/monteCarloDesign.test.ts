import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { monteCarloDesign } from '../../../src/analysis/designs/monteCarloDesign.ts';

describe('monteCarloDesign', () => {
  it('draws row-major from the generator, so it equals the raw stream', () => {
    const uniform = seedrandom.alea('mc');
    const expected = Array.from({ length: 12 }, () => uniform());
    expect(Array.from(monteCarloDesign(4, 3, seedrandom.alea('mc')).values)).toEqual(expected);
  });

  it('has mean ≈ ½ and variance ≈ 1/12 per column (n = 20 000)', () => {
    // U(0, 1): mean 1/2, variance 1/12 = 0.08333; standard error of the mean √(1/12/20000) = 0.002.
    const n = 20_000;
    const design = monteCarloDesign(n, 2, seedrandom.alea('moments'));
    for (let j = 0; j < 2; j++) {
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) {
        sum += design.values[2 * i + j];
        squares += design.values[2 * i + j] ** 2;
      }
      const mean = sum / n;
      expect(mean).toBeCloseTo(0.5, 2);
      expect(squares / n - mean * mean).toBeCloseTo(1 / 12, 2);
    }
  });
});
