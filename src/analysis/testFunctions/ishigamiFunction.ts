import type { Factor } from '../designs/mapUnitDesignToFactors.ts';

/**
 * The Ishigami function, the standard test of variance-based sensitivity methods: strongly
 * non-linear and non-monotonic, with an interaction between x1 and x3 and a factor (x3) whose
 * first-order index is 0 but whose total index is not.
 *
 * Formula: `f(x) = sin x1 + a sin² x2 + b x3⁴ sin x1`, with `x_i ~ U(−π, π)` independent
 * (see {@link ISHIGAMI_FACTORS}); usually `a = 7`, `b = 0.1`.
 *
 * Reference: Ishigami, T. & Homma, T. (1990), An importance quantification technique in
 * uncertainty analysis for computer models, *Proc. ISUMA '90*, 398–403; Saltelli, Chan & Scott
 * (2000), *Sensitivity Analysis*, Wiley, §2.9.
 *
 * Units: dimensionless; x in radians.
 *
 * @param x1 first input.
 * @param x2 second input.
 * @param x3 third input.
 * @param a coefficient of sin² x2 (default 7).
 * @param b coefficient of x3⁴ sin x1 (default 0.1).
 * @returns f(x).
 * @example
 * ishigamiFunction(Math.PI / 2, Math.PI / 2, 1); // => 1 + 7 + 0.1 = 8.1
 */
export function ishigamiFunction(x1: number, x2: number, x3: number, a = 7, b = 0.1): number {
  const sin1 = Math.sin(x1);
  const sin2 = Math.sin(x2);
  const x3Squared = x3 * x3;
  return sin1 + a * sin2 * sin2 + b * x3Squared * x3Squared * sin1;
}

/** The three Ishigami inputs, independent uniform on [−π, π]. */
export const ISHIGAMI_FACTORS: readonly Factor[] = [
  { name: 'x1', distribution: { kind: 'uniform', lower: -Math.PI, upper: Math.PI } },
  { name: 'x2', distribution: { kind: 'uniform', lower: -Math.PI, upper: Math.PI } },
  { name: 'x3', distribution: { kind: 'uniform', lower: -Math.PI, upper: Math.PI } },
];

/** Analytic variance decomposition and Sobol' indices of the Ishigami function. */
export interface IshigamiAnalyticIndices {
  /** Var f = a²/8 + bπ⁴/5 + b²π⁸/18 + ½. */
  readonly variance: number;
  /** First-order indices S1, S2, S3 (S3 = 0). */
  readonly firstOrder: readonly [number, number, number];
  /** Total indices ST1, ST2, ST3. */
  readonly total: readonly [number, number, number];
}

/**
 * Analytic first-order and total Sobol' indices of the Ishigami function, to check estimators.
 *
 * Formula (Saltelli et al. 2000, §2.9; Sobol' & Levitan 1999):
 * `V1 = bπ⁴/5 + b²π⁸/50 + ½`, `V2 = a²/8`, `V3 = 0`, `V13 = 8b²π⁸/225`, V12 = V23 = V123 = 0,
 * `V = V1 + V2 + V13`; `S_i = V_i / V`, `ST1 = (V1 + V13)/V`, `ST2 = V2/V`, `ST3 = V13/V`.
 * For a = 7, b = 0.1: S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
 *
 * Reference: Ishigami & Homma (1990); Sobol', I. M. & Levitan, Yu. L. (1999), *Comput. Phys.
 * Commun.* 117(1–2):52–61; Saltelli et al. (2010), *Comput. Phys. Commun.* 181(2):259–270, §4.
 *
 * Units: variance dimensionless; indices are fractions of it.
 *
 * @param a coefficient of sin² x2 (default 7).
 * @param b coefficient of x3⁴ sin x1 (default 0.1).
 * @returns the {@link IshigamiAnalyticIndices}.
 * @example
 * ishigamiAnalyticIndices().firstOrder; // => [0.31390519…, 0.44241141…, 0]
 */
export function ishigamiAnalyticIndices(a = 7, b = 0.1): IshigamiAnalyticIndices {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = (b * pi4) / 5 + (b * b * pi8) / 50 + 0.5;
  const v2 = (a * a) / 8;
  const v13 = (8 * b * b * pi8) / 225;
  const variance = v1 + v2 + v13;
  return {
    variance,
    firstOrder: [v1 / variance, v2 / variance, 0],
    total: [(v1 + v13) / variance, v2 / variance, v13 / variance],
  };
}
