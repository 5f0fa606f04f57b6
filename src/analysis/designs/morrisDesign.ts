import { assertIntegerInRange } from '../analysisArgumentChecks.ts';
import { createDesignMatrix, type DesignMatrix } from '../designMatrix.ts';
import { drawUniform, drawUniformInteger, type UniformGenerator } from '../uniformGenerator.ts';

/**
 * Where the `p` grid levels of a Morris design sit in [0, 1]:
 * - `'endpoints'` (Morris 1991): level `g` at `g / (p − 1)`, so the grid spans 0 … 1 and the jump
 *   is `Δ = p / (2(p − 1))`;
 * - `'centred'`: level `g` at `(g + ½) / p`, never 0 or 1 (safe for normal distributions, whose
 *   quantiles at 0 and 1 are infinite); the jump is `Δ = ½`.
 */
export type MorrisLevelPlacement = 'endpoints' | 'centred';

/** Options of {@link morrisDesign}. */
export interface MorrisDesignOptions {
  /** Number of grid levels `p`, an even integer ≥ 2; default 4 (Morris 1991; Saltelli et al. 2004). */
  readonly levelCount?: number;
  /**
   * Size `M` of the candidate pool for Campolongo et al.'s (2007) spread-maximising selection:
   * when `M > r`, `M` trajectories are generated and the `r` most spread out kept. Default `r`
   * (no selection). Typical: `M` = 10 r … 50 r, up to ~1000 (cost O(M² k²)).
   */
  readonly candidateTrajectoryCount?: number;
  /** Level placement, default `'endpoints'`; see {@link MorrisLevelPlacement}. */
  readonly placement?: MorrisLevelPlacement;
}

/** A Morris (elementary effects) design and the parameters it was built with. */
export interface MorrisDesign {
  /**
   * `r(k + 1)` points in the unit hypercube: trajectory `t` is rows `t(k+1) … t(k+1) + k`; each
   * row after the first of a trajectory differs from the row before in exactly one factor, by ±Δ.
   */
  readonly points: DesignMatrix;
  /** `r`, number of trajectories. */
  readonly trajectoryCount: number;
  /** `k`, number of factors. */
  readonly factorCount: number;
  /** `p`, number of grid levels. */
  readonly levelCount: number;
  /** The jump Δ in unit-hypercube coordinates: `p / (2(p − 1))` ('endpoints') or `½` ('centred'). */
  readonly delta: number;
  /** Level placement used. */
  readonly placement: MorrisLevelPlacement;
}

/**
 * Generate one trajectory in grid-index space (`levels[row * k + factor]`, integers in `[0, p − 1]`).
 * Draw order: `k` base levels, `k` directions, then the Fisher–Yates swaps of the factor order.
 */
function generateTrajectory(
  target: Int32Array,
  targetOffset: number,
  k: number,
  levelCount: number,
  uniform: UniformGenerator,
  order: Int32Array,
  start: Int32Array,
  directions: Int8Array,
): void {
  const name = 'morrisDesign';
  const jump = levelCount / 2;
  for (let i = 0; i < k; i++) start[i] = drawUniformInteger(uniform, jump, name); // base in {0 … p/2 − 1}
  for (let i = 0; i < k; i++) directions[i] = drawUniform(uniform, name) < 0.5 ? 1 : -1;
  for (let i = 0; i < k; i++) order[i] = i;
  for (let i = k - 1; i > 0; i--) {
    const other = drawUniformInteger(uniform, i + 1, name);
    const held = order[i];
    order[i] = order[other];
    order[other] = held;
  }
  // Start at the low end for an upward move and at the high end for a downward move.
  for (let i = 0; i < k; i++) target[targetOffset + i] = directions[i] === 1 ? start[i] : start[i] + jump;
  for (let step = 1; step <= k; step++) {
    const row = targetOffset + step * k;
    const previous = row - k;
    for (let i = 0; i < k; i++) target[row + i] = target[previous + i];
    const moved = order[step - 1];
    target[row + moved] += directions[moved] * jump;
  }
}

/**
 * Keep the `r` most spread-out of `M` trajectories (Campolongo et al. 2007's criterion, maximised
 * by Ruano et al. 2012's iterative elimination). Returns the kept pool indices in pool order.
 */
function selectSpreadTrajectories(grid: Int32Array, poolSize: number, r: number, k: number): Int32Array {
  const pointsPerTrajectory = k + 1;
  const trajectoryLength = pointsPerTrajectory * k;
  // Squared Campolongo distance d²_ml, with d_ml = Σ_i Σ_j ‖X_i^(m) − X_j^(l)‖ (grid units: the
  // unit-space distance is a constant multiple, which does not change the argmax).
  const squaredDistance = new Float64Array(poolSize * poolSize);
  for (let m = 0; m < poolSize; m++) {
    for (let l = m + 1; l < poolSize; l++) {
      let distance = 0;
      for (let i = 0; i < pointsPerTrajectory; i++) {
        const a = m * trajectoryLength + i * k;
        for (let j = 0; j < pointsPerTrajectory; j++) {
          const b = l * trajectoryLength + j * k;
          let sum = 0;
          for (let z = 0; z < k; z++) {
            const difference = grid[a + z] - grid[b + z];
            sum += difference * difference;
          }
          distance += Math.sqrt(sum);
        }
      }
      squaredDistance[m * poolSize + l] = squaredDistance[l * poolSize + m] = distance * distance;
    }
  }
  // D²(S) = Σ_{pairs in S} d²; removing m lowers it by rowSum[m] = Σ_{l ∈ S} d²_ml, so drop the
  // trajectory with the smallest rowSum (lowest index on ties), update, repeat until r remain.
  const kept = new Uint8Array(poolSize).fill(1);
  const rowSum = new Float64Array(poolSize);
  for (let m = 0; m < poolSize; m++) {
    let sum = 0;
    for (let l = 0; l < poolSize; l++) sum += squaredDistance[m * poolSize + l];
    rowSum[m] = sum;
  }
  for (let remaining = poolSize; remaining > r; remaining--) {
    let worst = -1;
    for (let m = 0; m < poolSize; m++) if (kept[m] && (worst < 0 || rowSum[m] < rowSum[worst])) worst = m;
    kept[worst] = 0;
    for (let m = 0; m < poolSize; m++) if (kept[m]) rowSum[m] -= squaredDistance[m * poolSize + worst];
  }
  const selection = new Int32Array(r);
  for (let m = 0, count = 0; m < poolSize; m++) if (kept[m]) selection[count++] = m;
  return selection;
}

/**
 * Morris's one-at-a-time trajectory design for elementary effects screening, with optional
 * Campolongo et al. (2007) spread-maximising selection from a larger pool.
 *
 * What and why: screening many factors with few runs. Each trajectory starts at a random point of
 * a `p`-level grid and moves one factor at a time by ±Δ, so `r` trajectories give `r` elementary
 * effects per factor for `r(k + 1)` runs (vs `2rk` for independent pairs); their mean absolute
 * value μ* ranks factors by overall influence and their spread σ flags interactions or
 * non-linearity ({@link morrisElementaryEffects}).
 *
 * Formula (Morris 1991, §3; in grid indices `g ∈ {0 … p − 1}`, jump `p/2` indices): for each
 * trajectory draw base levels `b_i ∈ {0 … p/2 − 1}`, directions `d_i = ±1` and a random factor
 * order `π`; the start point has `g_i = b_i` when `d_i = +1` and `b_i + p/2` otherwise, and step
 * `s = 1 … k` adds `d_π(s) · p/2` to factor `π(s)`. This is Morris's
 * `B* = (J x* + (Δ/2)[(2B − J)D* + J])P*` written point by point, and every level is visited with
 * equal probability. Unit coordinates are `g/(p − 1)` ('endpoints', `Δ = p/(2(p − 1))`) or
 * `(g + ½)/p` ('centred', `Δ = ½`).
 *
 * With `candidateTrajectoryCount = M > r`: generate `M` trajectories, compute Campolongo's distance
 * `d_ml = Σ_i Σ_j ‖X_i^(m) − X_j^(l)‖` between every pair and keep the `r` trajectories that
 * (approximately) maximise `D² = Σ_{pairs} d²_ml`, dropping one at a time the trajectory whose
 * removal keeps `D²` largest (Ruano et al. 2012) — Campolongo's exhaustive search over all
 * `C(M, r)` subsets is infeasible beyond tiny `M`.
 *
 * Draw order (for reproducibility): trajectory by trajectory; per trajectory `k` base levels, `k`
 * directions (u < ½ → up), then `k − 1` Fisher–Yates swaps of the factor order.
 *
 * Reference: Morris, M. D. (1991), Factorial sampling plans for preliminary computational
 * experiments, *Technometrics* 33(2):161–174; Campolongo, Cariboni & Saltelli (2007), An effective
 * screening design for sensitivity analysis of large models, *Environ. Model. Softw.*
 * 22(10):1509–1518; Ruano, Ribes, Seco & Ferrer (2012), An improved sampling strategy based on
 * trajectory design for application of the Morris method to systems with many input factors,
 * *Environ. Model. Softw.* 37:103–109.
 *
 * Units: unit hypercube coordinates; map them with {@link mapUnitDesignToFactors} (with the
 * 'endpoints' placement, unbounded distributions need truncation bounds or 'centred').
 *
 * @param trajectoryCount `r`, an integer ≥ 1 (10–50 is usual; ≥ 2 for σ).
 * @param factorCount `k`, an integer ≥ 1.
 * @param uniform the random numbers, e.g. `seedrandom.alea('seed')`.
 * @param options level count, candidate pool size and placement, see {@link MorrisDesignOptions}.
 * @returns the {@link MorrisDesign}; evaluate the model on every row of `points`.
 * @throws {RangeError} if a count is out of range, `levelCount` is odd or < 2, the pool is smaller
 *   than `r` or larger than 10⁴, or the generator leaves [0, 1).
 * @example
 * const design = morrisDesign(10, 8, seedrandom.alea('morris'), { levelCount: 4 });
 * design.points.rowCount; // => 90 = 10 × (8 + 1)
 * design.delta; // => 0.6666666666666666 = 4 / (2 × 3)
 */
export function morrisDesign(
  trajectoryCount: number,
  factorCount: number,
  uniform: UniformGenerator,
  options: MorrisDesignOptions = {},
): MorrisDesign {
  const name = 'morrisDesign';
  const levelCount = options.levelCount ?? 4;
  const placement = options.placement ?? 'endpoints';
  const poolSize = options.candidateTrajectoryCount ?? trajectoryCount;
  assertIntegerInRange(factorCount, 1, 10_000, name, 'factorCount');
  assertIntegerInRange(trajectoryCount, 1, Math.floor(0x7fffffff / ((factorCount + 1) * factorCount)), name, 'trajectoryCount');
  assertIntegerInRange(levelCount, 2, 1_000_000, name, 'levelCount');
  if (levelCount % 2 !== 0) {
    throw new RangeError(`${name}: levelCount must be even so that the jump p/(2(p − 1)) is a whole number of grid steps, got ${levelCount}`);
  }
  if (placement !== 'endpoints' && placement !== 'centred') {
    throw new RangeError(`${name}: placement must be 'endpoints' or 'centred', got ${String(placement)}`);
  }
  if (poolSize !== trajectoryCount) {
    assertIntegerInRange(poolSize, trajectoryCount, 10_000, name, 'candidateTrajectoryCount');
    if (poolSize * (factorCount + 1) * factorCount > 0x7fffffff) {
      throw new RangeError(`${name}: candidateTrajectoryCount × (k + 1) × k exceeds 2^31 - 1; use a smaller pool`);
    }
  }
  const k = factorCount;
  const trajectoryLength = (k + 1) * k;
  const grid = new Int32Array(poolSize * trajectoryLength);
  const order = new Int32Array(k);
  const start = new Int32Array(k);
  const directions = new Int8Array(k);
  for (let t = 0; t < poolSize; t++) {
    generateTrajectory(grid, t * trajectoryLength, k, levelCount, uniform, order, start, directions);
  }
  const selection = poolSize > trajectoryCount
    ? selectSpreadTrajectories(grid, poolSize, trajectoryCount, k)
    : Int32Array.from({ length: trajectoryCount }, (_, t) => t);

  const points = createDesignMatrix(trajectoryCount * (k + 1), k);
  const values = points.values;
  for (let t = 0; t < trajectoryCount; t++) {
    const source = selection[t] * trajectoryLength;
    const target = t * trajectoryLength;
    for (let index = 0; index < trajectoryLength; index++) {
      const level = grid[source + index];
      values[target + index] = placement === 'endpoints' ? level / (levelCount - 1) : (level + 0.5) / levelCount;
    }
  }
  const delta = placement === 'endpoints' ? levelCount / (2 * (levelCount - 1)) : 0.5;
  return { points, trajectoryCount, factorCount: k, levelCount, delta, placement };
}
