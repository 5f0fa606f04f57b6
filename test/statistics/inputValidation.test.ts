import { describe, expect, it } from 'vitest';
import {
  assertConfidenceLevel,
  assertDegreesOfFreedom,
  assertFiniteSample,
  MAXIMUM_STUDENT_T_DEGREES_OF_FREEDOM,
} from '../../src/statistics/inputValidation.ts';

describe('input validation', () => {
  it('assertFiniteSample names the offending entry', () => {
    expect(() => assertFiniteSample([1, 2], 'values')).not.toThrow();
    expect(() => assertFiniteSample([], 'values')).toThrow(/values is empty/);
    expect(() => assertFiniteSample([1, Number.NaN], 'treatment')).toThrow(/treatment\[1\] is NaN/);
    expect(() => assertFiniteSample([Number.NEGATIVE_INFINITY], 'x')).toThrow(RangeError);
  });

  it('assertConfidenceLevel accepts only 0 < level < 1', () => {
    expect(() => assertConfidenceLevel(0.95)).not.toThrow();
    for (const level of [0, 1, 95, Number.NaN]) expect(() => assertConfidenceLevel(level)).toThrow(RangeError);
  });

  it('assertDegreesOfFreedom accepts finite ν > 0 up to the given maximum', () => {
    expect(() => assertDegreesOfFreedom(0.5, 'f')).not.toThrow();
    expect(() => assertDegreesOfFreedom(0, 'f')).toThrow(RangeError);
    expect(() => assertDegreesOfFreedom(Number.POSITIVE_INFINITY, 'f')).toThrow(RangeError);
    expect(() => assertDegreesOfFreedom(1e8, 'f', MAXIMUM_STUDENT_T_DEGREES_OF_FREEDOM)).toThrow(/at most/);
  });
});
