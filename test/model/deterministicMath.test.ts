import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { cosineOfTurns, exp, expInPlace, log, logInPlace, pow } from '../../src/model/deterministicMath.ts';

/** Distance in units in the last place between two doubles of the same sign. */
function ulpDistance(a: number, b: number): number {
  if (a === b) return 0;
  const view = new Float64Array(2);
  const bits = new BigInt64Array(view.buffer);
  view[0] = a;
  view[1] = b;
  const d = bits[0] - bits[1];
  return Number(d < 0n ? -d : d);
}

/** FNV-1a hash (hex) of the bit patterns of the doubles that `emit` passes to `mix`, in order. */
function hashOfResultBits(emit: (mix: (value: number) => void) => void): string {
  const view = new Float64Array(1);
  const words = new Uint32Array(view.buffer);
  let hash = 0x811c9dc5;
  emit((value) => {
    view[0] = value;
    for (const word of [words[0], words[1]]) {
      hash ^= word;
      hash = Math.imul(hash, 0x01000193);
    }
  });
  return (hash >>> 0).toString(16);
}

const draw = seedrandom.alea('deterministic-math');

describe('deterministic elementary functions (fdlibm ports)', () => {
  it('exp is within 1 ulp of the engine’s Math.exp over the model’s range (20,000 arguments)', () => {
    // fdlibm's e_exp.c is documented as < 1 ulp; V8 itself uses fdlibm for exp, so most agree exactly.
    let worst = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = (draw() - 0.5) * 1400; // [-700, 700]
      worst = Math.max(worst, ulpDistance(exp(x), Math.exp(x)));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(exp(0)).toBe(1);
    expect(exp(1)).toBeCloseTo(Math.E, 15);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(800)).toBe(Infinity);
    expect(exp(-800)).toBe(0);
    expect(exp(1e-300)).toBe(1);
  });

  it('log is within 1 ulp of Math.log from subnormals to 1e300 (20,000 arguments)', () => {
    let worst = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = Math.exp((draw() - 0.5) * 1400) * (1 + draw());
      worst = Math.max(worst, ulpDistance(log(x), Math.log(x)));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(Number.isNaN(log(-1))).toBe(true);
    expect(log(5e-324)).toBeCloseTo(-744.4400719213812, 12);
    expect(log(2)).toBe(0.6931471805599453); // ln 2 correctly rounded
  });

  it('pow agrees with Math.pow to 1e-14 relative on the model’s uses', () => {
    for (let i = 0; i < 20_000; i++) {
      const x = 0.01 + draw() * 100;
      const y = (draw() - 0.5) * 10;
      const expected = Math.pow(x, y);
      expect(Math.abs(pow(x, y) - expected) / expected).toBeLessThan(1e-14);
    }
    expect(pow(0, 2)).toBe(0);
    expect(pow(5, 0)).toBe(1);
    expect(pow(1, 1e9)).toBe(1);
    expect(() => pow(-1, 0.5)).toThrow(RangeError);
  });

  it('cosineOfTurns(u) = cos(2πu) to 2e-16 absolute, exactly at the quarter turns', () => {
    for (let i = 0; i < 20_000; i++) {
      const u = (Math.floor(draw() * 4294967296) + 0.5) / 4294967296; // the model's u
      expect(Math.abs(cosineOfTurns(u) - Math.cos(2 * Math.PI * u))).toBeLessThan(2e-16 * 4);
    }
    expect(cosineOfTurns(0)).toBe(1);
    expect(cosineOfTurns(0.5)).toBe(-1);
    expect(cosineOfTurns(0.25)).toBeCloseTo(0, 15);
  });

  it('exp and log keep fdlibm’s bits where they scale by a power of two instead of rewriting the exponent field', () => {
    // Expected: the FNV-1a hash of the result bits computed at commit d4f2bed, whose exp and log
    // rewrote the exponent field through an Int32 view as e_exp.c and e_log.c do (the same script
    // over 21 million further arguments found no difference either). The arguments cover every finite
    // positive bit pattern's exponent for log (subnormals included) and [-745, 745] for exp, where the
    // scale k runs from -1074 to 1024: subnormal results, both fallback paths and overflow.
    const bitsDraw = seedrandom.alea('fdlibm-bits');
    const argument = new Float64Array(1);
    const argumentWords = new Uint32Array(argument.buffer);
    const hash = hashOfResultBits((mix) => {
      for (let i = 0; i < 100_000; i++) {
        argumentWords[0] = Math.floor(bitsDraw() * 4294967296);
        argumentWords[1] = Math.floor(bitsDraw() * 2146435072);
        mix(log(argument[0]));
        mix(exp((bitsDraw() - 0.5) * 1490));
        mix(exp((bitsDraw() - 0.5) * 3));
      }
    });
    expect(hash).toBe('73aaca80');
  });

  it('cosineOfTurns keeps the bits of its four-case form (one call site per kernel)', () => {
    // Expected: the FNV-1a hash of the result bits at commit d4f2bed, where each quadrant called its
    // kernel in a case of its own (cos, −sin, −cos, sin); model draws u = (integer + 0.5)/2^32 and
    // arbitrary u in [-500, 500].
    const turnsDraw = seedrandom.alea('fdlibm-cos');
    const hash = hashOfResultBits((mix) => {
      for (let i = 0; i < 100_000; i++) {
        mix(cosineOfTurns((Math.floor(turnsDraw() * 4294967296) + 0.5) / 4294967296));
        mix(cosineOfTurns((turnsDraw() - 0.5) * 1000));
      }
    });
    expect(hash).toBe('ba10f90a');
  });

  it('logInPlace and expInPlace give the bits of log and exp element by element, only inside [from, to)', () => {
    const n = 5_000;
    const values = new Float64Array(n + 2);
    for (let i = 0; i < values.length; i++) values[i] = (draw() - 0.5) * 200;
    const exps = Float64Array.from(values);
    expInPlace(exps, 1, n + 1);
    const logs = exps.map(Math.abs);
    const absolute = Float64Array.from(logs);
    logInPlace(logs, 1, n + 1);
    for (let i = 1; i <= n; i++) {
      expect(Object.is(exps[i], exp(values[i]))).toBe(true);
      expect(Object.is(logs[i], log(absolute[i]))).toBe(true);
    }
    expect([exps[0], exps[n + 1]]).toEqual([values[0], values[n + 1]]);
    expect([logs[0], logs[n + 1]]).toEqual([absolute[0], absolute[n + 1]]);
  });

  it('is pure arithmetic: the same inputs give the same bits (no state leaks between calls)', () => {
    const inputs = [0.1, 1.5, 700, -3.3, 1e-10];
    const first = inputs.map((x) => [exp(x), log(Math.abs(x)), cosineOfTurns(x), pow(Math.abs(x), 0.3)]);
    exp(12);
    log(5);
    const second = inputs.map((x) => [exp(x), log(Math.abs(x)), cosineOfTurns(x), pow(Math.abs(x), 0.3)]);
    expect(second).toEqual(first);
  });
});
