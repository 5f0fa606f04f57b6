import { assertDegreesOfFreedom } from './inputValidation.ts';
import { logBetaFunction } from './logBetaFunction.ts';

/** ln(1 + t²/ν), computed without overflowing t² for very large |t|. */
function logOnePlusSquareOverDegreesOfFreedom(t: number, degreesOfFreedom: number): number {
  const absoluteT = Math.abs(t);
  const rootDegreesOfFreedom = Math.sqrt(degreesOfFreedom);
  if (absoluteT <= rootDegreesOfFreedom) {
    return Math.log1p((absoluteT * absoluteT) / degreesOfFreedom);
  }
  const ratio = rootDegreesOfFreedom / absoluteT; // ≤ 1
  return -2 * Math.log(ratio) + Math.log1p(ratio * ratio);
}

/**
 * Probability density of Student's t distribution with ν degrees of freedom.
 *
 * Why: the derivative of the t CDF, used by the Newton iteration in `studentTQuantile`; also handy
 * for plotting sampling distributions of replication means.
 *
 * Formula: f(t; ν) = (1 + t²/ν)^(−(ν+1)/2) / (√ν · B(ν/2, ½)), evaluated in logs.
 *
 * Reference: Johnson, Kotz & Balakrishnan (1995), Continuous Univariate Distributions, vol. 2, ch. 28;
 * Abramowitz & Stegun (1964) 26.7.1.
 *
 * Units: per unit of t (t itself is dimensionless).
 *
 * @param t point at which to evaluate; any number except NaN (±Infinity give 0).
 * @param degreesOfFreedom ν, a finite real number > 0 (need not be an integer).
 * @returns the density, a finite number ≥ 0 (it underflows to 0 only for astronomically large |t|).
 * @throws {RangeError} if `t` is NaN or `degreesOfFreedom` is not finite and > 0.
 * @example
 * studentTProbabilityDensity(0, 1); // => 0.3183098861837907 (1/π, Cauchy)
 */
export function studentTProbabilityDensity(t: number, degreesOfFreedom: number): number {
  assertDegreesOfFreedom(degreesOfFreedom, 'studentTProbabilityDensity');
  if (typeof t !== 'number' || Number.isNaN(t)) {
    throw new RangeError(`studentTProbabilityDensity needs a number t, got ${String(t)}`);
  }
  if (!Number.isFinite(t)) return 0;
  return Math.exp(studentTLogProbabilityDensity(t, degreesOfFreedom));
}

/**
 * Natural logarithm of the Student t density, ln f(t; ν).
 *
 * Why: far in the tails f(t; ν) underflows to 0 while the tail area P(T > t) is still representable
 * (e.g. ν = 3, t = 10¹⁰⁰: f ≈ 10⁻⁴⁰⁰, tail ≈ 10⁻³⁰⁰); `studentTQuantile` needs the ratio of the two,
 * which it forms in logs.
 *
 * Formula: ln f(t; ν) = −½ ln ν − ln B(ν/2, ½) − ((ν+1)/2) · ln(1 + t²/ν), the last term formed
 * without overflowing t².
 *
 * Reference: as for {@link studentTProbabilityDensity}.
 *
 * Units: log of a density per unit of t.
 *
 * @param t point at which to evaluate, a finite number (at ±∞ the log density would be −∞).
 * @param degreesOfFreedom ν, a finite real number > 0.
 * @returns ln f(t; ν), a finite number.
 * @throws {RangeError} if `t` is not finite or `degreesOfFreedom` is not finite and > 0.
 * @example
 * studentTLogProbabilityDensity(0, 1); // => −1.1447298858494002 (−ln π)
 */
export function studentTLogProbabilityDensity(t: number, degreesOfFreedom: number): number {
  assertDegreesOfFreedom(degreesOfFreedom, 'studentTLogProbabilityDensity');
  if (typeof t !== 'number' || !Number.isFinite(t)) {
    throw new RangeError(`studentTLogProbabilityDensity needs a finite t, got ${String(t)}`);
  }
  return (
    -0.5 * Math.log(degreesOfFreedom) -
    logBetaFunction(degreesOfFreedom / 2, 0.5) -
    ((degreesOfFreedom + 1) / 2) * logOnePlusSquareOverDegreesOfFreedom(t, degreesOfFreedom)
  );
}
