import { assertFiniteValues, assertIntegerInRange, assertNumberInInterval } from './analysisArgumentChecks.ts';
import { bootstrapPercentileInterval, type BootstrapInterval } from './bootstrapPercentileInterval.ts';
import type { DesignMatrix } from './designMatrix.ts';
import { drawUniformInteger, type UniformGenerator } from './uniformGenerator.ts';

/** Morris screening measures of one factor. Units: output units per unit of the design's scale. */
export interface MorrisFactorSensitivity {
  /** 0-based column of the factor. */
  readonly factorIndex: number;
  /** Name from `options.factorNames`, or `x1`, `x2`, … */
  readonly factorName: string;
  /** μ: mean elementary effect (effects of opposite signs cancel; Morris 1991). */
  readonly mu: number;
  /** μ*: mean absolute elementary effect, the measure of overall influence (Campolongo et al. 2007). */
  readonly muStar: number;
  /** σ: standard deviation of the elementary effects (divisor r − 1): interactions or non-linearity. */
  readonly sigma: number;
  /** Number of elementary effects, r. */
  readonly elementaryEffectCount: number;
  /** Bootstrap percentile interval of μ* (trajectories resampled), or null without `options.uniform`. */
  readonly muStarInterval: BootstrapInterval | null;
}

/** Result of {@link morrisElementaryEffects}. */
export interface MorrisAnalysis {
  /** One entry per factor, in column order. */
  readonly factors: readonly MorrisFactorSensitivity[];
  /** All elementary effects, `r × k` row-major: effect of factor `i` in trajectory `t` at `t·k + i`. */
  readonly elementaryEffects: Float64Array;
  /** r. */
  readonly trajectoryCount: number;
  /** k. */
  readonly factorCount: number;
}

/** Options of {@link morrisElementaryEffects}. */
export interface MorrisElementaryEffectsOptions {
  /** Names of the factors, in column order (default `x1` … `xk`). */
  readonly factorNames?: readonly string[];
  /** Generator for the bootstrap interval of μ*; without it no intervals are computed. */
  readonly uniform?: UniformGenerator;
  /** Number of bootstrap resamples (default 1000; ≥ 2). */
  readonly resampleCount?: number;
  /** Two-sided coverage of the interval (default 0.95). */
  readonly level?: number;
}

/**
 * Morris elementary effects screening: μ, μ* and σ of every factor from the outputs of a Morris
 * trajectory design.
 *
 * What and why: a cheap global screening — which of many levers and uncertainties matter at all.
 * μ* ranks factors by overall influence (it is a good proxy of the total Sobol' index; Campolongo
 * et al. 2007), a large σ relative to μ* flags effects that depend on the other factors
 * (interactions) or on where the factor is (non-linearity), and μ far from ±μ* signals a
 * non-monotonic effect.
 *
 * Formula: rows `t(k+1) … t(k+1)+k` form trajectory `t`; consecutive rows differ in exactly one
 * factor `i`, and the elementary effect is
 *
 *     EE_i^(t) = (y_(s+1) − y_s) / (x_(s+1),i − x_(s,i))
 *
 * (the step may be up or down); then over the `r` trajectories
 * `μ_i = Σ EE / r`, `μ*_i = Σ |EE| / r`, `σ_i = √(Σ (EE − μ_i)² / (r − 1))`.
 * The moved factor is read from the design, so any one-at-a-time trajectory design works.
 * The optional interval of μ* resamples whole trajectories with replacement (Efron & Tibshirani
 * 1993), as SALib does. Cost O(r k²) for the effects.
 *
 * Reference: Morris, M. D. (1991), *Technometrics* 33(2):161–174; Campolongo, Cariboni & Saltelli
 * (2007), *Environ. Model. Softw.* 22(10):1509–1518 (μ*); Saltelli et al. (2004), *Sensitivity
 * Analysis in Practice*, ch. 4.
 *
 * Units: an elementary effect is output units per unit of the design's coordinates — with a unit
 * hypercube design, the output change per full range of the factor, so factors are comparable.
 *
 * @param points the design, e.g. {@link MorrisDesign}`.points`: `r(k + 1)` rows, r ≥ 2.
 * @param outputs one finite model output per row, in row order.
 * @param options factor names and bootstrap settings, see {@link MorrisElementaryEffectsOptions}.
 * @returns the {@link MorrisAnalysis}.
 * @throws {RangeError} if the row count is not a multiple of k + 1 or gives fewer than 2
 *   trajectories, the output count differs from the row count, an output is not finite, two
 *   consecutive rows of a trajectory do not differ in exactly one factor, a factor does not move
 *   exactly once per trajectory, or an option is out of range.
 * @example
 * // y = 2 x1 − 3 x2 on a Morris design: μ*₁ = 2, μ*₂ = 3, σ = 0
 * const design = morrisDesign(10, 2, seedrandom.alea('m'));
 * const y = designMatrixRows(design.points).map(([a, b]) => 2 * a - 3 * b);
 * morrisElementaryEffects(design.points, y).factors.map((f) => f.muStar); // => [2, 3] (±1e-12)
 */
export function morrisElementaryEffects(
  points: DesignMatrix,
  outputs: ArrayLike<number>,
  options: MorrisElementaryEffectsOptions = {},
): MorrisAnalysis {
  const name = 'morrisElementaryEffects';
  const k = points.factorCount;
  const stride = k + 1;
  if (points.rowCount % stride !== 0) {
    throw new RangeError(`${name}: ${points.rowCount} rows is not a whole number of trajectories of k + 1 = ${stride} rows`);
  }
  const r = points.rowCount / stride;
  if (r < 2) throw new RangeError(`${name}: at least 2 trajectories are needed for σ, got ${r}`);
  if (outputs.length !== points.rowCount) {
    throw new RangeError(`${name}: ${outputs.length} outputs for ${points.rowCount} design rows`);
  }
  assertFiniteValues(outputs, name, 'outputs');
  const names = options.factorNames ?? Array.from({ length: k }, (_, i) => `x${i + 1}`);
  if (names.length !== k) throw new RangeError(`${name}: ${names.length} factor names for ${k} factors`);
  const x = points.values;

  const effects = new Float64Array(r * k);
  const seen = new Uint8Array(k);
  for (let t = 0; t < r; t++) {
    seen.fill(0);
    for (let s = 0; s < k; s++) {
      const row = t * stride + s;
      const a = row * k;
      const b = a + k;
      let moved = -1;
      for (let i = 0; i < k; i++) {
        if (x[b + i] !== x[a + i]) {
          if (moved >= 0) {
            throw new RangeError(`${name}: rows ${row} and ${row + 1} (trajectory ${t}) differ in factors ${moved} and ${i}; a step must move exactly one factor`);
          }
          moved = i;
        }
      }
      if (moved < 0) throw new RangeError(`${name}: rows ${row} and ${row + 1} (trajectory ${t}) are identical; a step must move exactly one factor`);
      if (seen[moved]) throw new RangeError(`${name}: factor ${moved} moves twice in trajectory ${t}`);
      seen[moved] = 1;
      effects[t * k + moved] = (outputs[row + 1] - outputs[row]) / (x[b + moved] - x[a + moved]);
    }
  }

  const uniform = options.uniform;
  const resampleCount = options.resampleCount ?? 1000;
  const level = options.level ?? 0.95;
  if (uniform !== undefined) {
    assertIntegerInRange(resampleCount, 2, 1e7, name, 'resampleCount');
    assertNumberInInterval(level, 0, 1, name, 'level');
  }
  const replicates = uniform !== undefined ? Array.from({ length: k }, () => new Float64Array(resampleCount)) : [];
  if (uniform !== undefined) {
    const sums = new Float64Array(k);
    for (let b = 0; b < resampleCount; b++) {
      sums.fill(0);
      for (let draw = 0; draw < r; draw++) {
        const base = drawUniformInteger(uniform, r, name) * k;
        for (let i = 0; i < k; i++) sums[i] += Math.abs(effects[base + i]);
      }
      for (let i = 0; i < k; i++) replicates[i][b] = sums[i] / r;
    }
  }

  const factors: MorrisFactorSensitivity[] = [];
  for (let i = 0; i < k; i++) {
    let sum = 0;
    let absoluteSum = 0;
    for (let t = 0; t < r; t++) {
      const effect = effects[t * k + i];
      sum += effect;
      absoluteSum += Math.abs(effect);
    }
    const mu = sum / r;
    let squares = 0;
    for (let t = 0; t < r; t++) squares += (effects[t * k + i] - mu) ** 2;
    factors.push({
      factorIndex: i,
      factorName: names[i],
      mu,
      muStar: absoluteSum / r,
      sigma: Math.sqrt(squares / (r - 1)),
      elementaryEffectCount: r,
      muStarInterval: uniform !== undefined ? bootstrapPercentileInterval(replicates[i], level) : null,
    });
  }
  return { factors, elementaryEffects: effects, trajectoryCount: r, factorCount: k };
}
