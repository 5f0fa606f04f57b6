/**
 * Sobol's g-function, the standard test of screening and variance-based methods: each factor's
 * importance is set by its coefficient `a_i` (0: very important, 1: important, 9: unimportant,
 * 99: negligible), and all factors interact multiplicatively.
 *
 * Formula: `g(x) = Π_i (|4 x_i − 2| + a_i) / (1 + a_i)`, `x_i ~ U(0, 1)` independent, `a_i ≥ 0`;
 * E g = 1.
 *
 * Reference: Sobol', I. M. (1993); Saltelli & Sobol' (1995), About the use of rank transformation
 * in sensitivity analysis of model output, *Reliab. Eng. Syst. Saf.* 50(3):225–239; Saltelli et al.
 * (2008), *Global Sensitivity Analysis: The Primer*, §3.6 (a = 0, 1, 4.5, 9, 99, 99, 99, 99).
 *
 * Units: dimensionless; x on the unit hypercube.
 *
 * @param x the point, one coordinate per factor in [0, 1]; `x[offset]` … `x[offset + a.length − 1]`.
 * @param coefficients `a_i ≥ 0`, one per factor.
 * @param offset index of the first coordinate in `x` (default 0), so a design row can be read in place.
 * @returns g(x).
 * @example
 * sobolGFunction([0.5, 0.5], [0, 1]); // => (0/1) × (1/2) = 0
 * sobolGFunction([1, 0], [0, 1]); // => 2 × 1.5 = 3
 */
export function sobolGFunction(x: ArrayLike<number>, coefficients: readonly number[], offset = 0): number {
  let product = 1;
  for (let i = 0; i < coefficients.length; i++) {
    const a = coefficients[i];
    product *= (Math.abs(4 * x[offset + i] - 2) + a) / (1 + a);
  }
  return product;
}

/** Analytic variance decomposition and Sobol' indices of the g-function. */
export interface SobolGFunctionAnalyticIndices {
  /** Partial variances V_i = (1/3)/(1 + a_i)². */
  readonly partialVariances: readonly number[];
  /** Var g = Π (1 + V_i) − 1. */
  readonly variance: number;
  /** S_i = V_i / V. */
  readonly firstOrder: readonly number[];
  /** S_Ti = V_i Π_(j≠i) (1 + V_j) / V. */
  readonly total: readonly number[];
}

/**
 * Analytic first-order and total Sobol' indices of the g-function, to check estimators.
 *
 * Formula: `V_i = (1/3)/(1 + a_i)²`, `V = Π (1 + V_i) − 1`, `S_i = V_i / V`,
 * `S_Ti = V_i Π_(j≠i)(1 + V_j) / V` (all interactions involving i).
 *
 * Reference: Saltelli et al. (2008), *Global Sensitivity Analysis: The Primer*, §3.6; Saltelli
 * et al. (2010), *Comput. Phys. Commun.* 181(2):259–270, §4.
 *
 * Units: variances dimensionless; indices are fractions of V.
 *
 * @param coefficients `a_i ≥ 0`.
 * @returns the {@link SobolGFunctionAnalyticIndices}.
 * @throws {RangeError} if a coefficient is negative or not finite.
 * @example
 * sobolGFunctionAnalyticIndices([0, 1]).firstOrder; // => [0.75, 0.1875]  (V = 4/3 · 13/12 − 1 = 4/9)
 */
export function sobolGFunctionAnalyticIndices(coefficients: readonly number[]): SobolGFunctionAnalyticIndices {
  const partialVariances = coefficients.map((a, i) => {
    if (!(a >= 0) || !Number.isFinite(a)) {
      throw new RangeError(`sobolGFunctionAnalyticIndices: coefficients[${i}] must be a finite number >= 0, got ${a}`);
    }
    return 1 / 3 / (1 + a) ** 2;
  });
  const product = partialVariances.reduce((accumulated, v) => accumulated * (1 + v), 1);
  const variance = product - 1;
  return {
    partialVariances,
    variance,
    firstOrder: partialVariances.map((v) => v / variance),
    total: partialVariances.map((v) => (v * product) / (1 + v) / variance),
  };
}
