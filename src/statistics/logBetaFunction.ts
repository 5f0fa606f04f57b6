import { gammaln } from 'simple-statistics';

/** ln √(2π). */
const LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Coefficients B₂ₖ / (2k(2k−1)) of Stirling's series for ln Γ(x) − [(x − ½) ln x − x + ln √(2π)],
 * i.e. 1/12, −1/360, 1/1260, −1/1680, 1/1188, −691/360360, 1/156 (Abramowitz & Stegun 6.1.41).
 */
const STIRLING_SERIES_COEFFICIENTS = [
  1 / 12,
  -1 / 360,
  1 / 1260,
  -1 / 1680,
  1 / 1188,
  -691 / 360360,
  1 / 156,
];

/**
 * Remainder of Stirling's approximation, ln Γ(x) − [(x − ½) ln x − x + ln √(2π)], for x ≥ 10.
 * Seven terms of the asymptotic series; the first omitted term is below 4·10⁻¹⁷ at x = 10.
 */
function stirlingCorrection(x: number): number {
  const inverseSquare = 1 / (x * x);
  let sum = 0;
  for (let index = STIRLING_SERIES_COEFFICIENTS.length - 1; index >= 0; index--) {
    sum = sum * inverseSquare + STIRLING_SERIES_COEFFICIENTS[index];
  }
  return sum / x;
}

/**
 * Natural logarithm of the complete beta function, ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
 *
 * Why: the Student t density and the regularized incomplete beta function (hence the t CDF and
 * quantile) need ln B(ν/2, ½). Evaluating it as a difference of three `gammaln` values loses about
 * ln Γ(a)·ε absolute accuracy, which for ν = 10⁷ degrees of freedom is ~10⁻⁹; when an argument is
 * ≥ 10 the large parts are therefore cancelled analytically, as in R's `lbeta` (nmath/lbeta.c).
 *
 * Formula: with p = min(a, b), q = max(a, b) and c(x) Stirling's remainder (above),
 * - p ≥ 10: ln B = −½ ln q + ln √(2π) + c(p) + c(q) − c(p+q) + (p − ½) ln(p/(p+q)) + q ln(1 − p/(p+q));
 * - q ≥ 10 > p: ln B = ln Γ(p) + c(q) − c(p+q) + p − p ln(p+q) + (q − ½) ln(1 − p/(p+q));
 * - both < 10: ln Γ(p) + ln Γ(q) − ln Γ(p+q) with simple-statistics' Lanczos `gammaln`.
 *
 * Reference: Abramowitz & Stegun (1964) 6.1.41 and 6.2.2; R Core Team, `nmath/lbeta.c`.
 *
 * Units: dimensionless.
 *
 * @param a first shape parameter, finite and > 0.
 * @param b second shape parameter, finite and > 0.
 * @returns ln B(a, b), a finite number (relative accuracy ~10⁻¹⁴ for the arguments used here).
 * @throws {RangeError} if `a` or `b` is not a finite number > 0.
 * @example
 * logBetaFunction(1, 1); // => 0            (B(1,1) = 1)
 * logBetaFunction(0.5, 0.5); // => 1.1447298858494002 (ln π)
 */
export function logBetaFunction(a: number, b: number): number {
  if (!(Number.isFinite(a) && a > 0) || !(Number.isFinite(b) && b > 0)) {
    throw new RangeError(`logBetaFunction needs finite shape parameters > 0, got a=${a}, b=${b}`);
  }
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    const correction = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
    return (
      -0.5 * Math.log(q) +
      LOG_SQRT_TWO_PI +
      correction +
      (p - 0.5) * Math.log(p / (p + q)) +
      q * Math.log1p(-p / (p + q))
    );
  }
  if (q >= 10) {
    const correction = stirlingCorrection(q) - stirlingCorrection(p + q);
    return gammaln(p) + correction + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return gammaln(p) + gammaln(q) - gammaln(p + q);
}
