/**
 * The bare multinomial-logit kernel: the arithmetic of `computeChoiceWeights` + `pickAlternative`
 * (max, exp(v − max), sum, inverse-CDF pick with one uniform) over pre-generated utilities, with no
 * model state, no feasibility test and no firm registration. Its throughput is the ceiling the
 * model's location choice is compared against.
 */
import { createStream } from '../src/model/randomStreams.ts';

/**
 * Pick one alternative for one project whose (already scaled) utilities are
 * `utilities[offset .. offset + count)`: weights[a] = exp(v_a − max v), then the first a whose running
 * weight sum exceeds u × Σ weights (the last alternative with positive weight if rounding leaves none).
 * `weights` is scratch of length ≥ count. Same loops and order of operations as the model.
 *
 * @returns the picked index in [0, count), or −1 when every utility is −∞.
 */
export function logitPick(utilities: Float64Array, offset: number, count: number, weights: Float64Array, u: number): number {
  let max = -Infinity;
  for (let a = 0; a < count; a++) {
    const v = utilities[offset + a];
    weights[a] = v;
    if (v > max) max = v;
  }
  if (max === -Infinity) return -1;
  let sum = 0;
  for (let a = 0; a < count; a++) {
    const v = weights[a];
    const w = v === -Infinity ? 0 : Math.exp(v - max);
    weights[a] = w;
    sum += w;
  }
  const target = u * sum;
  let running = 0;
  let last = -1;
  for (let a = 0; a < count; a++) {
    const w = weights[a];
    if (w <= 0) continue;
    running += w;
    last = a;
    if (running > target) return a;
  }
  return last;
}

/** Pre-generated inputs of the kernel: `projects` rows of `alternatives` utilities, one uniform per row. */
export interface KernelInputs {
  readonly alternatives: number;
  readonly projects: number;
  /** Row-major projects × alternatives utilities, uniform in [0, spread). */
  readonly utilities: Float64Array;
  /** One uniform in [0, 1) per project row. */
  readonly uniforms: Float64Array;
}

/**
 * Seeded random kernel inputs. A pool of a few hundred rows is cycled through during the
 * measurement so the data stay in cache, as the model's utility tables (≈ (Z + 1) × K doubles) do.
 */
export function generateKernelInputs(alternatives: number, projects: number, seed: number, spread = 4): KernelInputs {
  const draw = createStream(seed, 'choice');
  const utilities = new Float64Array(alternatives * projects);
  for (let i = 0; i < utilities.length; i++) utilities[i] = draw() * spread;
  const uniforms = new Float64Array(projects);
  for (let p = 0; p < projects; p++) uniforms[p] = draw();
  return { alternatives, projects, utilities, uniforms };
}

/**
 * Run the kernel for `projectCount` projects, cycling through the pool of `inputs`.
 *
 * @returns the sum of picked indices (a checksum that keeps the JIT from dropping the work).
 */
export function runKernel(inputs: KernelInputs, projectCount: number, weights: Float64Array): number {
  const { alternatives, projects, utilities, uniforms } = inputs;
  let checksum = 0;
  let row = 0;
  for (let p = 0; p < projectCount; p++) {
    checksum += logitPick(utilities, row * alternatives, alternatives, weights, uniforms[row]);
    row++;
    if (row === projects) row = 0;
  }
  return checksum;
}
