import { standardNormalCumulativeDistribution } from './standardNormalCumulativeDistribution.ts';
import { standardNormalQuantile } from './standardNormalQuantile.ts';

/** Continuous uniform on [lower, upper] (lower = upper allowed: a factor held fixed). */
export interface UniformFactorDistribution {
  readonly kind: 'uniform';
  readonly lower: number;
  readonly upper: number;
}

/**
 * Normal N(mean, standardDeviation²), optionally truncated to [lower, upper] (either bound may be
 * left out). Without bounds its quantiles at 0 and 1 are infinite, so designs that touch 0 or 1
 * (full factorial or Morris with 'endpoints') need bounds or the 'centred' placement.
 */
export interface NormalFactorDistribution {
  readonly kind: 'normal';
  readonly mean: number;
  readonly standardDeviation: number;
  readonly lower?: number;
  readonly upper?: number;
}

/** Triangular on [lower, upper] with its peak at `mode` (lower ≤ mode ≤ upper). */
export interface TriangularFactorDistribution {
  readonly kind: 'triangular';
  readonly lower: number;
  readonly mode: number;
  readonly upper: number;
}

/** Discrete uniform on the integers lower, lower + 1, …, upper (inclusive). */
export interface IntegerFactorDistribution {
  readonly kind: 'integer';
  readonly lower: number;
  readonly upper: number;
}

/** Discrete uniform on a list of choices (numbers, strings such as policy variants, or booleans). */
export interface ChoiceFactorDistribution {
  readonly kind: 'choice';
  readonly values: readonly FactorValue[];
}

/** A value a factor can take: a number, or a choice label. */
export type FactorValue = number | string | boolean;

/** The distributions a design's unit coordinates can be mapped to; see {@link factorDistributionQuantile}. */
export type FactorDistribution =
  | UniformFactorDistribution
  | NormalFactorDistribution
  | TriangularFactorDistribution
  | IntegerFactorDistribution
  | ChoiceFactorDistribution;

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Check that a factor distribution is well formed, with a one-line message naming the factor.
 *
 * Why: a reversed range or a zero standard deviation would otherwise surface as NaN factor values
 * deep inside an experiment; checking once, when the design is mapped, names the culprit.
 *
 * Formula: none — a guard. Units: those of the factor.
 *
 * @param distribution the distribution to check.
 * @param factorName how the factor is called in the message (default 'factor').
 * @throws {RangeError} when a parameter is not finite, `lower > upper`, `mode` outside
 *   `[lower, upper]`, `standardDeviation ≤ 0`, integer bounds are not integers, the choice list
 *   is empty, or `kind` is unknown.
 * @example
 * assertValidFactorDistribution({ kind: 'uniform', lower: 0, upper: 1 }, 'tax'); // ok
 * assertValidFactorDistribution({ kind: 'uniform', lower: 1, upper: 0 }, 'tax');
 * // RangeError: factor 'tax': uniform needs lower <= upper, got lower 1, upper 0
 */
export function assertValidFactorDistribution(distribution: FactorDistribution, factorName = 'factor'): void {
  const prefix = `factor '${factorName}': ${String((distribution as { kind?: unknown })?.kind)}`;
  const finite = (value: unknown, what: string): void => {
    if (!isFiniteNumber(value)) throw new RangeError(`${prefix} needs a finite ${what}, got ${String(value)}`);
  };
  switch (distribution?.kind) {
    case 'uniform':
    case 'integer':
      finite(distribution.lower, 'lower');
      finite(distribution.upper, 'upper');
      if (distribution.lower > distribution.upper) {
        throw new RangeError(`${prefix} needs lower <= upper, got lower ${distribution.lower}, upper ${distribution.upper}`);
      }
      if (distribution.kind === 'integer' && (!Number.isInteger(distribution.lower) || !Number.isInteger(distribution.upper))) {
        throw new RangeError(`${prefix} needs integer bounds, got lower ${distribution.lower}, upper ${distribution.upper}`);
      }
      return;
    case 'normal':
      finite(distribution.mean, 'mean');
      finite(distribution.standardDeviation, 'standardDeviation');
      if (distribution.standardDeviation <= 0) {
        throw new RangeError(`${prefix} needs standardDeviation > 0, got ${distribution.standardDeviation}`);
      }
      if (distribution.lower !== undefined) finite(distribution.lower, 'lower (or none)');
      if (distribution.upper !== undefined) finite(distribution.upper, 'upper (or none)');
      if (distribution.lower !== undefined && distribution.upper !== undefined && !(distribution.lower < distribution.upper)) {
        throw new RangeError(`${prefix} needs lower < upper, got lower ${distribution.lower}, upper ${distribution.upper}`);
      }
      return;
    case 'triangular':
      finite(distribution.lower, 'lower');
      finite(distribution.mode, 'mode');
      finite(distribution.upper, 'upper');
      if (!(distribution.lower <= distribution.mode && distribution.mode <= distribution.upper)) {
        throw new RangeError(
          `${prefix} needs lower <= mode <= upper, got lower ${distribution.lower}, mode ${distribution.mode}, upper ${distribution.upper}`,
        );
      }
      return;
    case 'choice':
      if (!Array.isArray(distribution.values) || distribution.values.length === 0) {
        throw new RangeError(`${prefix} needs a non-empty list of values`);
      }
      for (let i = 0; i < distribution.values.length; i++) {
        const value = distribution.values[i];
        if (!(isFiniteNumber(value) || typeof value === 'string' || typeof value === 'boolean')) {
          throw new RangeError(`${prefix} values[${i}] must be a finite number, a string or a boolean, got ${String(value)}`);
        }
      }
      return;
    default:
      throw new RangeError(
        `factor '${factorName}': unknown distribution kind ${String((distribution as { kind?: unknown })?.kind)}; expected uniform, normal, triangular, integer or choice`,
      );
  }
}

/**
 * Quantile (inverse cumulative distribution) of a factor distribution: the factor value that a
 * unit-hypercube coordinate stands for.
 *
 * What and why: every design in `src/analysis/designs/` lives on [0, 1]^k; mapping coordinate `u`
 * through the quantile function gives a factor value with the intended distribution (inverse
 * transform sampling) and keeps the design's structure (strata, trajectories, A/B pairing) intact.
 *
 * Formula, for `u ∈ [0, 1]`:
 * - uniform(a, b): `a + u (b − a)`;
 * - normal(μ, σ): `μ + σ Φ⁻¹(u)` (0 < u < 1); truncated to [l, h]:
 *   `μ + σ Φ⁻¹(Φ(α) + u (Φ(β) − Φ(α)))`, `α = (l − μ)/σ`, `β = (h − μ)/σ`, computed on the mirrored
 *   interval when it lies mostly above the mean so the small tail probabilities stay accurate, and
 *   clamped to [l, h];
 * - triangular(a, c, b): with `F_c = (c − a)/(b − a)`, `a + √(u (b − a)(c − a))` for `u < F_c`,
 *   else `b − √((1 − u)(b − a)(b − c))`;
 * - integer(l, h): `l + min(⌊u (h − l + 1)⌋, h − l)`;
 * - choice(v_0 … v_(m−1)): `v_min(⌊u m⌋, m − 1)`.
 * The discrete rules make `u = 0` and `u = 1` the first and last value, and `m` 'endpoints' or
 * 'centred' full-factorial levels hit each of `m` values exactly once.
 *
 * Reference: Devroye (1986), *Non-Uniform Random Variate Generation*, §II.2 (inversion);
 * Johnson, Kotz & Balakrishnan (1994), *Continuous Univariate Distributions* vol. 1, §10.1
 * (truncated normal); Kotz & van Dorp (2004), *Beyond Beta*, ch. 1 (triangular).
 *
 * Units: `probability` is a unit-hypercube coordinate; the result is in the factor's unit.
 *
 * @param distribution the factor's distribution (see {@link FactorDistribution}).
 * @param probability `u` in [0, 1] (in (0, 1) for an untruncated normal or a normal truncated on
 *   that side only).
 * @returns the factor value.
 * @throws {RangeError} if `u` is outside [0, 1] (or hits an infinite normal quantile), or the
 *   distribution is malformed (see {@link assertValidFactorDistribution}).
 * @example
 * factorDistributionQuantile({ kind: 'uniform', lower: -Math.PI, upper: Math.PI }, 0.75); // => 1.5707963267948966
 * factorDistributionQuantile({ kind: 'normal', mean: 10, standardDeviation: 2 }, 0.975); // => 13.919927969080108
 * factorDistributionQuantile({ kind: 'triangular', lower: 0, mode: 1, upper: 4 }, 0.25); // => 1 (the mode: F(1) = 1/4)
 * factorDistributionQuantile({ kind: 'integer', lower: 1, upper: 3 }, 0.5); // => 2
 * factorDistributionQuantile({ kind: 'choice', values: ['none', 'fund'] }, 0.9); // => 'fund'
 */
export function factorDistributionQuantile(distribution: FactorDistribution, probability: number): FactorValue {
  assertValidFactorDistribution(distribution);
  return quantileOfValidDistribution(distribution, probability, 'factor');
}

/**
 * {@link factorDistributionQuantile} without re-validating the distribution: for the hot loop of
 * {@link mapUnitDesignToFactors}, which validates every factor once.
 *
 * @param distribution a distribution that passed {@link assertValidFactorDistribution}.
 * @param probability `u` in [0, 1].
 * @param factorName named in error messages.
 * @returns the factor value.
 * @throws {RangeError} if `u` is outside [0, 1] or hits an infinite normal quantile.
 * @example
 * quantileOfValidDistribution({ kind: 'uniform', lower: 0, upper: 10 }, 0.5, 'x'); // => 5
 */
export function quantileOfValidDistribution(
  distribution: FactorDistribution,
  probability: number,
  factorName: string,
): FactorValue {
  if (!(probability >= 0 && probability <= 1)) {
    throw new RangeError(`factor '${factorName}': unit coordinate must be in [0, 1], got ${String(probability)}`);
  }
  const u = probability;
  switch (distribution.kind) {
    case 'uniform':
      return u === 1 ? distribution.upper : distribution.lower + u * (distribution.upper - distribution.lower);
    case 'integer': {
      const count = distribution.upper - distribution.lower + 1;
      return distribution.lower + Math.min(Math.floor(u * count), count - 1);
    }
    case 'choice': {
      const count = distribution.values.length;
      return distribution.values[Math.min(Math.floor(u * count), count - 1)];
    }
    case 'triangular': {
      const { lower: a, mode: c, upper: b } = distribution;
      if (a === b) return a;
      const modeProbability = (c - a) / (b - a);
      const value = u < modeProbability ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
      return Math.min(Math.max(value, a), b);
    }
    case 'normal':
      return normalQuantile(distribution, u, factorName);
  }
}

function normalQuantile(distribution: NormalFactorDistribution, u: number, factorName: string): number {
  const { mean, standardDeviation: sigma, lower, upper } = distribution;
  if (lower === undefined && upper === undefined) {
    if (u === 0 || u === 1) {
      throw new RangeError(
        `factor '${factorName}': an untruncated normal has an infinite quantile at ${u}; give lower/upper bounds or use a design that avoids 0 and 1 (e.g. 'centred')`,
      );
    }
    return mean + sigma * standardNormalQuantile(u);
  }
  let alpha = lower === undefined ? -Infinity : (lower - mean) / sigma;
  let beta = upper === undefined ? Infinity : (upper - mean) / sigma;
  // Work in the lower half, where Φ of a tail is computed without cancellation.
  const mirrored = (alpha === -Infinity ? 0 : alpha) + (beta === Infinity ? 0 : beta) > 0;
  let v = u;
  if (mirrored) {
    [alpha, beta] = [-beta, -alpha];
    v = 1 - u;
  }
  if ((v === 0 && alpha === -Infinity) || (v === 1 && beta === Infinity)) {
    throw new RangeError(
      `factor '${factorName}': a normal truncated on one side only has an infinite quantile at ${u}; give both bounds or use a design that avoids 0 and 1`,
    );
  }
  const lowerProbability = standardNormalCumulativeDistribution(alpha);
  const upperProbability = standardNormalCumulativeDistribution(beta);
  const p = lowerProbability + v * (upperProbability - lowerProbability);
  let z: number;
  if (p <= 0) z = alpha;
  else if (p >= 1) z = beta;
  else z = standardNormalQuantile(p);
  z = Math.min(Math.max(z, alpha), beta);
  if (mirrored) z = -z;
  const value = mean + sigma * z;
  return Math.min(Math.max(value, lower ?? -Infinity), upper ?? Infinity);
}
