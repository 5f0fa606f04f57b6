import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { drawUniform } from '../../src/analysis/uniformGenerator.ts';

describe('drawUniform', () => {
  it('passes [0, 1) draws and rejects anything else', () => {
    expect(drawUniform(seedrandom.alea('u'), 't')).toBeLessThan(1);
    for (const bad of [1, -0.1, Number.NaN]) expect(() => drawUniform(() => bad, 't')).toThrow(RangeError);
  });
});
