// Coefficients of Wichura's (1988) Algorithm AS 241, PPND16 (published in Applied Statistics 37(3)).
const A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

/** Horner evaluation of c[0] + c[1] r + … + c[7] r⁷. */
function polynomial(c: readonly number[], r: number): number {
  let value = c[7];
  for (let i = 6; i >= 0; i--) value = value * r + c[i];
  return value;
}

/**
 * Quantile function Φ⁻¹ of the standard normal distribution (the probit), accurate to about 1 part
 * in 10¹⁶.
 *
 * What and why: maps a unit-hypercube coordinate to a normal factor value, `μ + σ Φ⁻¹(u)`.
 * simple-statistics' `probit` uses Winitzki's closed-form approximation of erf⁻¹, whose relative
 * error (~10⁻³) visibly distorts normal factors' tails, so the standard high-precision algorithm
 * is used instead.
 *
 * Formula: Wichura's AS 241 (PPND16): with `q = p − ½`, for `|q| ≤ 0.425` a degree-7 rational
 * function of `r = 0.180625 − q²`; otherwise `r = √(−ln min(p, 1 − p))` and a rational function of
 * `r − 1.6` (r ≤ 5) or `r − 5` (r > 5), negated in the lower tail.
 *
 * Reference: Wichura, M. J. (1988), Algorithm AS 241: The percentage points of the normal
 * distribution, *Applied Statistics* 37(3):477–484.
 *
 * Units: `probability` is a probability; the result is in standard deviations.
 *
 * @param probability `p`, strictly between 0 and 1.
 * @returns `z` with Φ(z) = p.
 * @throws {RangeError} unless 0 < p < 1 (the quantiles at 0 and 1 are −∞ and +∞).
 * @example
 * standardNormalQuantile(0.5); // => 0
 * standardNormalQuantile(0.975); // => 1.9599639845400536 (scipy: 1.959963984540054)
 * standardNormalQuantile(1e-10); // => -6.361340902404056
 */
export function standardNormalQuantile(probability: number): number {
  if (!(probability > 0 && probability < 1)) {
    throw new RangeError(
      `standardNormalQuantile: probability must be strictly between 0 and 1, got ${String(probability)}`,
    );
  }
  const q = probability - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(A, r)) / polynomial(B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? probability : 1 - probability));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = polynomial(C, r) / polynomial(D, r);
  } else {
    r -= 5;
    value = polynomial(E, r) / polynomial(F, r);
  }
  return q < 0 ? -value : value;
}
