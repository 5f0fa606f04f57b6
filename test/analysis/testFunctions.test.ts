import { describe, expect, it } from 'vitest';
import { ishigamiFunction } from '../../src/analysis/testFunctions/ishigamiFunction.ts';
import { sobolGFunction, sobolGFunctionAnalyticIndices } from '../../src/analysis/testFunctions/sobolGFunction.ts';

describe('test functions', () => {
  it('Ishigami and g-function values by hand', () => {
    // sin(π/2) + 7 sin²(π/2) + 0.1 · 1⁴ · sin(π/2) = 1 + 7 + 0.1 = 8.1
    expect(ishigamiFunction(Math.PI / 2, Math.PI / 2, 1)).toBeCloseTo(8.1, 14);
    // (|4·1 − 2| + 0)/1 · (|0 − 2| + 1)/2 = 2 · 1.5 = 3
    expect(sobolGFunction([1, 0], [0, 1])).toBe(3);
    expect(sobolGFunction([9, 0.5, 0.5], [0, 1], 1)).toBe(0);
    // a = (0, 1): V = (4/3)(13/12) − 1 = 4/9, S = (1/3)/(4/9), (1/12)/(4/9) = 0.75, 0.1875;
    // ST1 = (1/3)(13/12)/(4/9) = 0.8125, ST2 = (1/12)(4/3)/(4/9) = 0.25.
    const analytic = sobolGFunctionAnalyticIndices([0, 1]);
    expect(analytic.variance).toBeCloseTo(4 / 9, 15);
    expect(analytic.firstOrder[0]).toBeCloseTo(0.75, 15);
    expect(analytic.firstOrder[1]).toBeCloseTo(0.1875, 15);
    expect(analytic.total[0]).toBeCloseTo(0.8125, 15);
    expect(analytic.total[1]).toBeCloseTo(0.25, 15);
    expect(() => sobolGFunctionAnalyticIndices([-1])).toThrow(/coefficients\[0\]/);
  });
});
