/**
 * The cached-weights kernels: the location choice of zonesim's core reduced to its algorithm, over
 * plain Float64Arrays copied from a model state — the floor the model's own choice is measured against.
 *
 * - Scan kernel (`choice.sampler: scan`): for each zone, the land test (free serviced land ≥ the
 *   project's need), its cached weight exp(V_zj / s) times its vacant hectares (the size variable),
 *   the running sum; the scattered option; then the inverse-CDF pick with one uniform. No exponential:
 *   the weights are read from the cache, as the model reads them.
 * - Tree kernel (`choice.sampler: tree`): descend a copy of the industry's sum tree with the uniform
 *   (the model's own descendTree, src/model/choiceTrees.ts), land-test the proposed zone, redraw with
 *   the model's counter-based uniforms on rejection, the exact scan after 16 rejections.
 *
 * Both pick exactly what the model's `sampleLocation` picks on the state they were copied from
 * (test/bench/cachedWeightsKernel.test.ts), so the ratio of the model's time per decision to the
 * kernel's is the model's overhead over its own algorithm: no entry, no bookkeeping, no refresh on
 * either side. Core settings only (no standard factories, no investment-intensity threshold, land
 * need factor 1): the snapshot refuses other states.
 */
import { descendTree, MAX_CHOICE_ATTEMPTS, treeTotal, type ChoiceTrees } from '../src/model/choiceTrees.ts';
import { drawFromCumulative } from '../src/model/industries.ts';
import { sampleLocation } from '../src/model/locationChoice.ts';
import type { ModelState } from '../src/model/modelState.ts';
import { drawProjectSize } from '../src/model/projectArrival.ts';
import { CounterPurpose, counterUniform, createStream } from '../src/model/randomStreams.ts';

/** What a choice reads, copied out of a model state into flat arrays. */
export interface ChoiceSnapshot {
  readonly zoneCount: number;
  readonly industryCount: number;
  readonly seed: number;
  readonly step: number;
  /** Cached weights exp(V / s), (Z + 1) × K row-major (the model's zones.expUtility). */
  readonly cachedWeights: Float64Array;
  /** Free serviced land of each zone, Z (may be negative by rounding; the land test compares it). */
  readonly freeLand: Float64Array;
  /** The scattered option's weight: its cached weight × choice.outside.vacantLandHa. */
  readonly outsideWeight: number;
  /** A copy of the state's sum trees (node-major: node n's K sums at n × K; choiceTrees.ts). */
  readonly trees: ChoiceTrees;
}

/**
 * Copy what the choice reads from a state run with the tree sampler and the core's settings.
 *
 * @throws Error when the state has no sum trees or uses standard factories, the investment-intensity
 *   threshold or land-need factors (which the kernels leave out).
 */
export function snapshotChoice(state: ModelState): ChoiceSnapshot {
  const trees = state.choiceTrees;
  const p = state.parameters;
  if (trees === null) throw new Error('cached-weights kernel: the state needs choice.sampler: tree');
  if (p.financing.enabled || p.land.enabled) throw new Error('cached-weights kernel: core settings only (financing and land off)');
  if (p.choice.sizeVariable !== 'vacant-land' || !p.choice.outside.enabled) throw new Error('cached-weights kernel: vacant-land size variables and the scattered option only');
  const zones = state.zones;
  const k = state.industries.count;
  const freeLand = new Float64Array(zones.count);
  for (let z = 0; z < zones.count; z++) freeLand[z] = zones.servicedHa[z] - zones.usedHa[z] - zones.idleHa[z] - zones.standardFactoryHa[z];
  return {
    zoneCount: zones.count,
    industryCount: k,
    seed: state.seed,
    step: state.step,
    cachedWeights: zones.expUtility.slice(),
    freeLand,
    outsideWeight: zones.expUtility[zones.count * k] * p.choice.outside.vacantLandHa,
    trees: { leaves: trees.leaves, industries: trees.industries, sums: trees.sums.slice() },
  };
}

/** Projects to choose for: id, industry, investment (M¥), land need (ha) and the choice's uniform. */
export interface ProjectPool {
  readonly count: number;
  readonly id: Int32Array;
  readonly industry: Int32Array;
  readonly investment: Float64Array;
  readonly landNeed: Float64Array;
  readonly uniform: Float64Array;
}

/** Ids of pool projects start here, far from the model's own (counter-based draws are keyed by id). */
const POOL_ID_OFFSET = 1_900_000_000;

/**
 * `count` projects drawn like the state's arrivals (industry mix, truncated Pareto size, land need =
 * investment × the industry's land intensity) from a stream seeded by `seed`.
 */
export function drawProjectPool(state: ModelState, count: number, seed: number): ProjectPool {
  const draw = createStream(seed, 'arrivals');
  const pool: ProjectPool = {
    count,
    id: new Int32Array(count),
    industry: new Int32Array(count),
    investment: new Float64Array(count),
    landNeed: new Float64Array(count),
    uniform: new Float64Array(count),
  };
  for (let n = 0; n < count; n++) {
    const j = drawFromCumulative(state.industries.arrivalCumulativeWeights, draw());
    pool.id[n] = POOL_ID_OFFSET + n;
    pool.industry[n] = j;
    pool.investment[n] = drawProjectSize(state, draw());
    pool.landNeed[n] = pool.investment[n] * state.industries.landIntensity[j];
    pool.uniform[n] = draw();
  }
  return pool;
}

/**
 * The scan kernel: index of the picked zone, Z for the scattered option. `scratch` has length ≥ Z + 1.
 *
 * @example scanKernelPick(snapshot, new Float64Array(snapshot.zoneCount + 1), 0, 1.5, 0.3)
 */
export function scanKernelPick(s: ChoiceSnapshot, scratch: Float64Array, industry: number, need: number, u: number): number {
  const zoneCount = s.zoneCount;
  const k = s.industryCount;
  const cached = s.cachedWeights;
  const free = s.freeLand;
  let sum = 0;
  for (let z = 0; z < zoneCount; z++) {
    const f = free[z];
    const w = f >= need ? cached[z * k + industry] * (f > 0 ? f : 0) : 0;
    scratch[z] = w;
    sum += w;
  }
  scratch[zoneCount] = s.outsideWeight;
  sum += s.outsideWeight;
  const target = u * sum;
  let running = 0;
  let last = -1;
  for (let a = 0; a <= zoneCount; a++) {
    const w = scratch[a];
    if (w <= 0) continue;
    running += w;
    last = a;
    if (running > target) return a;
  }
  return last;
}

/** The counter key of a redraw, as the model keys it (locationChoice.ts). */
function drawKey(step: number, attempt: number): number {
  return step * (MAX_CHOICE_ATTEMPTS + 1) + attempt;
}

/** The tree kernel: index of the picked zone, Z for the scattered option (see the module comment). */
export function treeKernelPick(s: ChoiceSnapshot, scratch: Float64Array, id: number, industry: number, need: number, u: number): number {
  const trees = s.trees;
  const zoneWeight = treeTotal(trees, industry);
  const total = zoneWeight + s.outsideWeight;
  if (total > 0 && total < Infinity) {
    for (let attempt = 0; attempt < MAX_CHOICE_ATTEMPTS; attempt++) {
      const target = (attempt === 0 ? u : counterUniform(s.seed, id, drawKey(s.step, attempt), CounterPurpose.choiceRedraw)) * total;
      if (target >= zoneWeight) return s.zoneCount;
      const z = descendTree(trees, industry, target);
      if (z < 0 || z >= s.zoneCount) continue;
      if (s.freeLand[z] < need) continue;
      return z;
    }
  }
  const fallback = counterUniform(s.seed, id, drawKey(s.step, MAX_CHOICE_ATTEMPTS), CounterPurpose.choiceRedraw);
  return scanKernelPick(s, scratch, industry, need, fallback);
}

/** Which sampler a run of decisions uses. */
export type SamplerName = 'scan' | 'tree';

/**
 * Choose for every project of the pool with the kernel of `sampler`.
 *
 * @returns the sum of picked indices (a checksum that keeps the work from being optimised away).
 */
export function runKernel(s: ChoiceSnapshot, pool: ProjectPool, sampler: SamplerName, scratch: Float64Array): number {
  let checksum = 0;
  if (sampler === 'scan') {
    for (let n = 0; n < pool.count; n++) checksum += scanKernelPick(s, scratch, pool.industry[n], pool.landNeed[n], pool.uniform[n]);
  } else {
    for (let n = 0; n < pool.count; n++) checksum += treeKernelPick(s, scratch, pool.id[n], pool.industry[n], pool.landNeed[n], pool.uniform[n]);
  }
  return checksum;
}

/**
 * Choose for every project of the pool with the model's own `sampleLocation` on `state` (the state is
 * not changed apart from its choice counter and scratch buffers). `sampler: 'scan'` runs it on a view
 * of the state without sum trees, which makes sampleLocation scan.
 *
 * @returns the sum of picked indices, comparable with {@link runKernel}'s.
 */
export function runModelChoice(state: ModelState, pool: ProjectPool, sampler: SamplerName): number {
  const view: ModelState = sampler === 'scan' ? { ...state, choiceTrees: null } : state;
  let checksum = 0;
  for (let n = 0; n < pool.count; n++) {
    checksum += sampleLocation(view, pool.id[n], pool.industry[n], pool.investment[n], pool.landNeed[n], pool.uniform[n]);
  }
  return checksum;
}
