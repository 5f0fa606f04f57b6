import { log } from './deterministicMath.ts';

/**
 * The standard normal quantile Φ⁻¹(p): the z with P(Z ≤ z) = p for Z ~ N(0, 1), by Wichura's
 * algorithm AS 241 (PPND16), relative accuracy about 1e-16.
 *
 * Why: the model's counter-based normal draws (randomStreams.ts) turn one uniform into a normal by
 * inversion. Box–Muller needed two uniforms, a logarithm, a square root and a cosine per normal
 * (48–50 ns on this machine); inversion needs one uniform and, for the central 85 % of draws, only a
 * ratio of two degree-7 polynomials (≈ 30 ns per normal with the uniform, measured 2026-12-06, Node
 * 20, 20,000 draws). Both give exact standard normals from exact uniforms; inversion is also monotone
 * in the uniform, so a firm's shock moves smoothly with its draw. Uses only +, −, ×, ÷, `Math.sqrt`
 * (correctly rounded in every engine) and the fdlibm `log` of deterministicMath.ts, so every engine
 * gives the same bits (page = command line).
 *
 * Reference: M. J. Wichura (1988), "Algorithm AS 241: The percentage points of the normal
 * distribution", Applied Statistics 37(3), 477–484. Coefficients as published there.
 *
 * @param p A probability in (0, 1). p = 0 gives −Infinity, p = 1 gives Infinity, anything else
 *   outside [0, 1] (or NaN) gives NaN.
 * @returns z in standard deviations.
 * @example inverseStandardNormal(0.975) // 1.9599639845400536 (Python: NormalDist().inv_cdf(0.975), the same)
 */
export function inverseStandardNormal(p: number): number {
  const q = p - 0.5;
  if (q <= 0.425 && q >= -0.425) {
    // |q| ≤ 0.425: r = 0.425² − q², z = q · A(r) / B(r).
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2.5090809287301226727e3 * r + 3.3430575583588128105e4) * r + 6.7265770927008700853e4) * r + 4.5921953931549871457e4) * r +
          1.3731693765509461125e4) *
          r +
          1.9715909503065514427e3) *
          r +
          1.3314166789178437745e2) *
          r +
          3.387132872796366608)) /
      (((((((5.226495278852854561e3 * r + 2.8729085735721942674e4) * r + 3.930789580009271061e4) * r + 2.1213794301586595867e4) * r +
        5.3941960214247511077e3) *
        r +
        6.871870074920579083e2) *
        r +
        4.2313330701600911252e1) *
        r +
        1)
    );
  }
  return +inverseStandardNormalTail(p, q);
}

/**
 * The tails of {@link inverseStandardNormal} (|p − 0.5| > 0.425, or p outside (0, 1)), out of line so
 * that the central branch stays small enough to inline. V8 does not inline this call, so its double
 * arguments and result are boxed on the heap: about 4.4 MB of garbage per Henan replication (15 % of
 * the draws). A form that passed and returned no double removed it but saved under 1 % of the CPU
 * time (alternating processes, 2026-12-06), so it was not kept.
 */
function inverseStandardNormalTail(p: number, q: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -1 / 0 : p === 1 ? 1 / 0 : 0 / 0;
  // r = √(−ln(min(p, 1 − p))); z = C(r − 1.6) / D(r − 1.6) for r ≤ 5, E(r − 5) / F(r − 5) beyond.
  let r = Math.sqrt(-log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z =
      (((((((7.7454501427834140764e-4 * r + 2.27238449892691845833e-2) * r + 2.4178072517745061177e-1) * r + 1.27045825245236838258) * r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 1.51986665636164571966e-2) * r + 1.4810397642748007459e-1) * r +
        6.8976733498510000455e-1) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    z =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.2426609473880784386e-3) * r + 2.6532189526576123093e-2) * r +
        2.9656057182850489123e-1) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r +
        1.48753612908506148525e-2) *
        r +
        1.3692988092273580531e-1) *
        r +
        5.9983220655588793769e-1) *
        r +
        1);
  }
  return q < 0 ? -z : z;
}

/**
 * values[i] ← Φ⁻¹(values[i]) for from ≤ i < to, with exactly the bits of {@link inverseStandardNormal}
 * (a batch form: the central draws' intermediates stay unboxed, see deterministicMath.ts, logInPlace;
 * the tails' are boxed, see inverseStandardNormalTail).
 *
 * @example const v = Float64Array.of(0.5, 0.975); inverseStandardNormalInPlace(v, 0, 2) // [0, 1.9599639845400536]
 */
export function inverseStandardNormalInPlace(values: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) values[i] = inverseStandardNormal(values[i]);
}
