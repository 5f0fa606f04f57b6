/**
 * Elementary functions computed from IEEE-754 basic arithmetic only, so the model gives the same bits
 * in every JavaScript engine.
 *
 * Why: ECMAScript fixes +, −, ×, ÷ and `Math.sqrt` (correctly rounded) but leaves the last bits of
 * `Math.exp`, `Math.log`, `Math.pow` and `Math.cos` to each engine. Node 20 and Chromium 156 disagree
 * in the last bit on about 6% of inputs, which made the classroom page and the command line differ
 * in the 14th digit for the same seed. These ports of Sun's fdlibm 5.3 (e_exp.c, e_log.c, k_sin.c,
 * k_cos.c; the algorithms behind most C libraries and V8's own ieee754.cc) use only basic arithmetic
 * and exact bit manipulation, so every engine computes the same result. Accuracy: < 1 ulp for exp and
 * log (fdlibm's bound); a few ulp for cos of 2πu and for pow (computed as exp(y · log x)); checked
 * against `Math.*` in test/model/deterministicMath.test.ts. The mechanisms take e^x and x^y through
 * tableExponential.ts, which uses this exp only with `numerics.exponential: fdlibm` (and for arguments
 * beyond its table method's range).
 *
 * Reference: Sun Microsystems, fdlibm 5.3 (1993), http://www.netlib.org/fdlibm/.
 */

// A scratch view to read the two 32-bit halves of a double (little-endian, as on every platform Node
// and browsers run on). It carries no information between calls. The exponent field is never
// rewritten through it: scaling by an exact power of two gives the same bits faster (see exp, log).
//
// A note on speed, measured on V8 (Node 20): a value that merges at a branch with a module-level
// constant or a global such as `Infinity` is kept boxed, so every result of an inlined exp or log
// was allocated on the heap (~30 MB per Henan replication). Hence `1 / 0` for Infinity, `0 / 0` for
// NaN, and ±1 × LN2_LO below: the same values, written as arithmetic.
const scratchFloat = new Float64Array(1);
const scratchWords = new Uint32Array(scratchFloat.buffer);

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e0;
const EXP_P1 = 1.66666666666666019037e-1;
const EXP_P2 = -2.77777777770155933842e-3;
const EXP_P3 = 6.61375632143793436117e-5;
const EXP_P4 = -1.65339022054652515390e-6;
const EXP_P5 = 4.13813679705723846039e-8;
const EXP_OVERFLOW = 7.09782712893383973096e2;
const EXP_UNDERFLOW = -7.45133219101941108420e2;
const TWO_M1000 = 9.33263618503218878990e-302;

/**
 * 2^k for k = −1074 … 1023 at index k + POWER_OF_TWO_OFFSET, each exact (built by repeated doubling
 * and halving; below 2^-1022 they are subnormal, still exact). A product of a double with one of them
 * is exact whenever the result is a normal number. Shared with tableExponential.ts; never written after
 * it is built.
 */
export const POWER_OF_TWO_OFFSET = 1074;
export const POWERS_OF_TWO = buildPowersOfTwo();

function buildPowersOfTwo(): Float64Array {
  const table = new Float64Array(POWER_OF_TWO_OFFSET + 1024);
  let up = 1;
  let down = 1;
  table[POWER_OF_TWO_OFFSET] = 1;
  for (let k = 1; k <= 1023; k++) {
    up *= 2;
    table[POWER_OF_TWO_OFFSET + k] = up;
  }
  for (let k = 1; k <= POWER_OF_TWO_OFFSET; k++) {
    down *= 0.5;
    table[POWER_OF_TWO_OFFSET - k] = down;
  }
  return table;
}

/**
 * e^x, bit-identical in every engine (fdlibm e_exp.c).
 *
 * @example exp(1) // 2.718281828459045
 */
export function exp(x: number): number {
  if (x !== x) return x;
  if (x > EXP_OVERFLOW) return 1 / 0;
  if (x < EXP_UNDERFLOW) return 0;
  const absolute = x < 0 ? -x : x;
  const negative = x < 0;
  let hi = 0;
  let lo = 0;
  let k = 0;
  let r = x;
  if (absolute > 0.34657359027997264) {
    // |x| > 0.5 ln 2: reduce x = k ln2 + r
    if (absolute < 1.0397207708399179) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = (negative ? -1 : 1) * LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI; // exact: k·LN2_HI has few significant bits
      lo = k * LN2_LO;
    }
    r = hi - lo;
  } else if (absolute < 3.725290298461914e-9) {
    return 1 + x; // |x| < 2^-28
  }
  const t = r * r;
  const c = r - t * (EXP_P1 + t * (EXP_P2 + t * (EXP_P3 + t * (EXP_P4 + t * EXP_P5))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  // y · 2^k. fdlibm adds k to y's exponent field (for k < −1021 it adds k + 1000, then multiplies by
  // 2^-1000). With y in [1/2, 2) that is exactly the product with the power of two whenever the
  // result is a normal number, which multiplying is, and faster than rewriting the word in memory;
  // k = 1024 (x just below the overflow threshold, y < 1) is taken as 2y · 2^1023. The bit-for-bit
  // equality with fdlibm's word arithmetic is checked in test/model/deterministicMath.test.ts.
  if (k >= -1021) return k <= 1023 ? y * POWERS_OF_TWO[k + POWER_OF_TWO_OFFSET] : y * 2 * POWERS_OF_TWO[1023 + POWER_OF_TWO_OFFSET];
  return y * POWERS_OF_TWO[k + 1000 + POWER_OF_TWO_OFFSET] * TWO_M1000;
}

const TWO_54 = 1.80143985094819840000e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/**
 * Natural logarithm, bit-identical in every engine (fdlibm e_log.c). log(0) = −Infinity; NaN for x < 0.
 *
 * Written as a small entry for normal arguments plus out-of-line rare cases (zero, negative,
 * subnormal, infinite or NaN arguments, and x within 2^-20 of a power of two), so that V8 can inline
 * it (it inlines functions of up to 460 bytes of bytecode; fdlibm's log in one piece is 625) and keep
 * the result unboxed. The rare cases' results pass through unary plus, which tells the compiler they
 * are numbers.
 *
 * @example log(Math.E) // 1
 */
export function log(x: number): number {
  scratchFloat[0] = x;
  const hx = scratchWords[1] | 0;
  if (hx < 0x00100000 || hx >= 0x7ff00000) return +logOfSpecialArgument(x, hx);
  return logOfNormalArgument(x, hx, 0);
}

/** log x for x = ±0, x < 0, subnormal x, ±Infinity or NaN; `hx` is x's high word, still in the scratch view. */
function logOfSpecialArgument(x: number, hx: number): number {
  if (hx >= 0x7ff00000) return x + x; // +Infinity or NaN
  if (((hx & 0x7fffffff) | scratchWords[0]) === 0) return -1 / 0; // log(±0) = −Infinity
  if (hx < 0) return 0 / 0; // NaN for x < 0 (and −Infinity, −NaN)
  const scaled = x * TWO_54; // subnormal: scale up (exact)
  scratchFloat[0] = scaled;
  return logOfNormalArgument(scaled, scratchWords[1] | 0, -54);
}

/** fdlibm's log of a normal positive x with high word hx, plus k·ln 2. */
function logOfNormalArgument(x: number, hx: number, k: number): number {
  const exponent = (hx >> 20) - 1023;
  const mantissaHigh = hx & 0x000fffff;
  const i0 = (mantissaHigh + 0x95f64) & 0x100000;
  // Normalise x or x/2 into [sqrt(2)/2, sqrt(2)): fdlibm rewrites the exponent field; x is normal,
  // so that is exactly the product with 2^-(exponent + i0/2^20) (same bits, faster).
  const scale = exponent + (i0 >> 20);
  const f = x * POWERS_OF_TWO[POWER_OF_TWO_OFFSET - scale] - 1;
  k += scale;
  if ((0x000fffff & (2 + mantissaHigh)) < 3) return +logNearPowerOfTwo(f, k); // |f| < 2^-20
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const rr = t2 + t1;
  if (((mantissaHigh - 0x6147a) | (0x6b851 - mantissaHigh)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + rr)) : k * LN2_HI - (hfsq - (s * (hfsq + rr) + k * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - rr) : k * LN2_HI - (s * (f - rr) - k * LN2_LO - f);
}

/** fdlibm's log for |f| < 2^-20, f = the normalised x − 1, plus k·ln 2. */
function logNearPowerOfTwo(f: number, k: number): number {
  if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
  const rr = f * f * (0.5 - 0.33333333333333333 * f);
  return k === 0 ? f - rr : k * LN2_HI - (rr - k * LN2_LO - f);
}

/**
 * values[i] ← log(values[i]) for from ≤ i < to, with exactly the bits of {@link log}.
 *
 * Why a batch form: a double returned from a function call that the engine does not inline is boxed
 * on the heap; one loop over a typed array keeps every intermediate unboxed (measured: the annual
 * productivity review allocated ~30 MB per Henan replication through such returns).
 *
 * @example const v = Float64Array.of(1, Math.E); logInPlace(v, 0, 2) // v = [0, 1]
 */
export function logInPlace(values: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) values[i] = log(values[i]);
}

/**
 * values[i] ← exp(values[i]) for from ≤ i < to, with exactly the bits of {@link exp} (see
 * {@link logInPlace} for why a batch form).
 *
 * @example const v = Float64Array.of(0, 1); expInPlace(v, 0, 2) // v = [1, 2.718281828459045]
 */
export function expInPlace(values: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) values[i] = exp(values[i]);
}

/**
 * x^y for x ≥ 0, as exp(y · log x), bit-identical in every engine. pow(0, y) = 0 for y > 0, 1 for
 * y = 0 and Infinity for y < 0; pow(x, 0) = 1. Relative error about |y · log x| · 2^-53.
 *
 * @throws RangeError for x < 0 (the model never raises a negative number to a power).
 * @example pow(2, 10) // 1024.0000000000002 or 1024 — within a few ulp
 */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x < 0) throw new RangeError(`pow: negative base ${x} is not supported`);
  if (x === 0) return y > 0 ? 0 : 1 / 0; // Infinity, as arithmetic (see the note at the top)
  if (x === 1) return 1;
  return exp(y * log(x));
}

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

/** sin x for |x| ≤ π/4 (fdlibm k_sin.c with y = 0). */
function kernelSin(x: number): number {
  const z = x * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x + z * x * (S1 + z * r);
}

/** cos x for |x| ≤ π/4 (fdlibm k_cos.c with y = 0, first branch). */
function kernelCos(x: number): number {
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  return 1 - (0.5 * z - z * r);
}

/**
 * cos(2π·u) for a fraction of a turn u (any finite u), bit-identical in every engine. The reduction
 * works on u, where it is exact for the model's u = (integer + 0.5)/2^32, before scaling by 2π.
 *
 * @example cosineOfTurns(0.25) // ≈ 0 (cos π/2)
 */
export function cosineOfTurns(u: number): number {
  const quarter = Math.round(4 * u);
  const reduced = (u - quarter * 0.25) * (2 * Math.PI); // |reduced| ≤ π/4
  // quarter mod 4 in 0–3: `& 3` on the integer (two's complement, so negative quarters too; ToInt32 is
  // exact modulo 2^32, a multiple of 4, for any integer-valued double). The equivalent
  // ((quarter % 4) + 4) % 4 took two floating-point remainders (measured: 22.8 against 20.4 ns per cosine).
  const quadrant = quarter & 3;
  // cos, −sin, −cos, sin in quadrants 0–3; one call site per kernel keeps this small enough to inline.
  const value = (quadrant & 1) === 0 ? kernelCos(reduced) : kernelSin(reduced);
  return quadrant === 1 || quadrant === 2 ? -value : value;
}

