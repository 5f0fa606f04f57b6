import { describe, expect, it } from 'vitest';
import { locationQuotient } from '../../../src/outcomes/metrics/locationQuotient.ts';

describe('locationQuotient', () => {
  it('matches hand-worked examples', () => {
    // zone: 30 of 100 workers in the industry (0.30); industry: 200 of 1000 overall (0.20)
    // LQ = 0.30 / 0.20 = 1.5
    expect(locationQuotient(30, 100, 200, 1000)).toBeCloseTo(1.5, 15);
    // zone: 5 of 100 (0.05); industry: 200 of 1000 (0.20) → LQ = 0.05 / 0.20 = 0.25
    expect(locationQuotient(5, 100, 200, 1000)).toBeCloseTo(0.25, 15);
    // the whole economy as one zone: (200/1000) / (200/1000) = 1
    expect(locationQuotient(200, 1000, 200, 1000)).toBe(1);
    // a zone that is all industry j, j is 1/4 of the economy: (10/10) / (250/1000) = 4
    expect(locationQuotient(10, 10, 250, 1000)).toBe(4);
    // none of the industry in the zone: 0 / 100 = 0
    expect(locationQuotient(0, 100, 200, 1000)).toBe(0);
  });

  it('is exactly 1 for a zone distributed exactly like the economy', () => {
    // 7/21 = 1/3 and 100/300 = 1/3 are the same real number, so both round to the same double
    expect(locationQuotient(7, 21, 100, 300)).toBe(1);
    // 3/10 and 30/100 are the same real number (0.3, not exactly representable) → (3/10) / (30/100) = 1
    expect(locationQuotient(3, 10, 30, 100)).toBe(1);
  });

  it('is 0 when any denominator is 0', () => {
    expect(locationQuotient(0, 0, 200, 1000)).toBe(0); // empty zone
    expect(locationQuotient(0, 100, 0, 1000)).toBe(0); // absent industry
    expect(locationQuotient(0, 0, 0, 0)).toBe(0); // empty economy
    expect(locationQuotient(5, 100, 0, 1000)).toBe(0); // inconsistent, but a zero denominator wins
  });

  it('throws RangeError on negative or non-finite arguments', () => {
    expect(() => locationQuotient(-1, 100, 200, 1000)).toThrow(RangeError);
    expect(() => locationQuotient(1, -100, 200, 1000)).toThrow(RangeError);
    expect(() => locationQuotient(1, 100, Number.NaN, 1000)).toThrow(RangeError);
    expect(() => locationQuotient(1, 100, 200, Infinity)).toThrow(RangeError);
  });

  it('throws rather than returning Infinity for unrepresentable quotients', () => {
    // (1e300 / 1e-300) overflows to Infinity
    expect(() => locationQuotient(1e300, 1e-300, 1, 1)).toThrow(RangeError);
  });
});
