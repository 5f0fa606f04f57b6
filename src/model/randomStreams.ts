import { cosineOfTurns, exp, log, logInPlace } from './deterministicMath.ts';
import { inverseStandardNormal, inverseStandardNormalInPlace } from './inverseStandardNormal.ts';
import type { Parameters } from './parameterSpecification.ts';
import seedrandom from 'seedrandom';

/**
 * Seeded random numbers for the model: one independent sequential stream per mechanism, plus a
 * counter-based generator for per-firm, per-step draws.
 *
 * Why two kinds: sequential streams (seedrandom's Alea, Baagøe 2010) are used where draws happen in a
 * fixed order independent of other mechanisms (project arrivals, location choices, set-up), so that a
 * lever of one mechanism never reshuffles another's draws. Per-firm draws are taken from a
 * counter-based generator keyed by (replication seed, firm id, time key, purpose), in the spirit of
 * Salmon et al. (2011, "Parallel random numbers: as easy as 1, 2, 3"): productivity shocks are keyed
 * by the year, once-per-firm draws (exit clock, bank lending, crisis postponement, initial zone) by
 * time key 0. A firm sees the same draws in every scenario, however many other firms exist — common
 * random numbers at the level of the firm, which makes paired scenario differences much less noisy.
 * The choice stream stays aligned across scenarios as long as the same projects are considered in the
 * same order; once policies make projects wait or leave, later choice draws shift (unavoidable for a
 * sequential stream, and still valid: every draw is an independent uniform).
 */

/** A function returning uniform numbers in [0, 1). */
export type UniformGenerator = () => number;

/** Names of the sequential streams; one per mechanism that draws in sequence. */
export type StreamName = 'industries' | 'zones' | 'initialFirms' | 'arrivals' | 'choice' | 'mobileArrivals';

/**
 * 32-bit string hash (FNV-1a followed by the murmur3 finaliser), used only to turn seeds into integers.
 *
 * @example hashStringTo32Bits('2009:0') // an integer in [0, 2^32)
 */
export function hashStringTo32Bits(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return finaliseHash32(h);
}

/** murmur3 fmix32: a bijective avalanche mix of a 32-bit integer. */
function finaliseHash32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The seed of replication `replicationIndex` of an experiment with `baseSeed`: a function of the two
 * numbers only, never of run order, so any replication can be rerun alone and every scenario sees the
 * same seed for the same replication index.
 *
 * @throws RangeError when replicationIndex is not a non-negative integer.
 * @example replicationSeed(2009, 0) === replicationSeed(2009, 0) // true
 */
export function replicationSeed(baseSeed: number, replicationIndex: number): number {
  if (!Number.isInteger(replicationIndex) || replicationIndex < 0) {
    throw new RangeError(`replication index must be a non-negative integer, found ${replicationIndex}`);
  }
  return hashStringTo32Bits(`zonesim:${baseSeed}:${replicationIndex}`);
}

/**
 * An independent sequential stream for one mechanism of one replication.
 *
 * @example const draw = createStream(12345, 'arrivals'); draw() // in [0, 1)
 */
export function createStream(seed: number, name: StreamName): UniformGenerator {
  return seedrandom.alea(`${seed}:${name}`) as unknown as UniformGenerator;
}

/** Purposes of counter-based draws; each gets its own key so draws never coincide. */
export const CounterPurpose = {
  /** The annual productivity shock (a normal: see {@link NormalPurposes}). */
  productivityShock: 1,
  /** Box–Muller's second uniform of the productivity shock (`firms.normalSampler: box-muller`). */
  productivityShockSecond: 2,
  exit: 3,
  bankLending: 4,
  postponement: 5,
  initialZone: 6,
  /** A project's land-intensity deviation (a normal). */
  landIntensity: 7,
  /** Box–Muller's second uniform of the land-intensity deviation. */
  landIntensitySecond: 8,
  /** Whether a reference project comes from the national mobile pool (R15). */
  mobileOrigin: 9,
  /** Whether a reference mobile project is lost to the rest of China when the province's pull falls. */
  mobileLoss: 10,
  /** The industrial base of a zone's county (keyed by zone index): a normal. */
  zoneBase: 11,
  /** Box–Muller's second uniform of the zone's industrial base. */
  zoneBaseSecond: 12,
  /** A redraw of the tree sampler after a rejected pick, and its fallback draw for the exact scan
   *  (keyed by project id and step × (attempts + 1) + attempt). */
  choiceRedraw: 13,
  /** The tree sampler's acceptance draw of a pick (keyed like the redraw of the same attempt). */
  choiceAccept: 14,
} as const;

/**
 * A uniform number in (0, 1) that depends only on (seed, id, step, purpose): a stateless,
 * counter-based draw. Resolution 2^-32.
 *
 * @example counterUniform(7, 42, 3, CounterPurpose.exit) // same value every call
 */
export function counterUniform(seed: number, id: number, step: number, purpose: number): number {
  let h = finaliseHash32(seed ^ Math.imul(purpose, 0x9e3779b9));
  h = finaliseHash32(h ^ Math.imul(id + 1, 0x85ebca6b));
  h = finaliseHash32(h ^ Math.imul(step + 1, 0xc2b2ae35));
  return (h + 0.5) / 4294967296;
}

/**
 * How a counter-based normal is made from counter draws (`firms.normalSampler`): `inversion` takes
 * the normal quantile of one uniform, Φ⁻¹(u) (inverseStandardNormal.ts, Wichura's AS 241; the
 * default since 2026-12-06); `box-muller` takes √(−2 ln u₁) cos(2π u₂) of two uniforms (Box & Muller
 * 1958; the model's method until then, which reproduces earlier versions' results bit for bit). Both
 * give exact standard normals; inversion costs about 20 ns less per normal.
 */
export type NormalSampler = Parameters['firms']['normalSampler'];

/** The counter purposes of one kind of normal: inversion uses `first`, Box–Muller `first` and `second`. */
export interface NormalPurpose {
  readonly first: number;
  readonly second: number;
}

/** The kinds of counter-based normals the model draws. */
export const NormalPurposes = {
  productivityShock: { first: CounterPurpose.productivityShock, second: CounterPurpose.productivityShockSecond },
  landIntensity: { first: CounterPurpose.landIntensity, second: CounterPurpose.landIntensitySecond },
  zoneBase: { first: CounterPurpose.zoneBase, second: CounterPurpose.zoneBaseSecond },
} as const satisfies Record<string, NormalPurpose>;

/**
 * A standard normal number that depends only on (seed, id, time key, purpose), made by `sampler`
 * (see {@link NormalSampler}; anything but `box-muller` means inversion, the default, so an input
 * built by hand without the setting gets the default). The default purpose is that of productivity
 * shocks.
 *
 * @example counterStandardNormal(7, 42, 3, 'inversion') // same value every call
 */
export function counterStandardNormal(
  seed: number,
  id: number,
  step: number,
  sampler: NormalSampler,
  purpose: NormalPurpose = NormalPurposes.productivityShock,
): number {
  const u1 = counterUniform(seed, id, step, purpose.first);
  if (sampler !== 'box-muller') return inverseStandardNormal(u1);
  const u2 = counterUniform(seed, id, step, purpose.second);
  return Math.sqrt(-2 * log(u1)) * cosineOfTurns(u2);
}

/**
 * out[i] ← counterStandardNormal(seed, ids[i], step, sampler, purpose) for 0 ≤ i < count, bit for
 * bit, in passes over typed arrays so that no intermediate double is boxed: the uniforms, then their
 * quantiles (inversion); or both uniforms, their logarithms, then Box–Muller (using `scratch`). Both
 * arrays need room for `count` values and carry nothing between calls.
 *
 * @example fillCounterStandardNormals(7, firms.id, firms.count, year, normals, scratch, 'inversion')
 */
export function fillCounterStandardNormals(
  seed: number,
  ids: Int32Array,
  count: number,
  step: number,
  out: Float64Array,
  scratch: Float64Array,
  sampler: NormalSampler,
  purpose: NormalPurpose = NormalPurposes.productivityShock,
): void {
  if (sampler !== 'box-muller') {
    fillCounterUniforms(seed, ids, count, step, out, purpose.first);
    inverseStandardNormalInPlace(out, 0, count);
    return;
  }
  fillCounterUniforms(seed, ids, count, step, out, purpose.first);
  fillCounterUniforms(seed, ids, count, step, scratch, purpose.second);
  logInPlace(out, 0, count);
  boxMullerInPlace(out, scratch, count);
}

/**
 * out[i] ← the counter uniform of ids[i] for one purpose. Each pass of
 * {@link fillCounterStandardNormals} is its own small function on purpose: written as several loops
 * in one function, V8 boxed two doubles per element (measured 2026-12-05, Box–Muller: 120 ns and
 * 32 bytes allocated per normal against 48 ns and 0).
 */
function fillCounterUniforms(seed: number, ids: Int32Array, count: number, step: number, out: Float64Array, purpose: number): void {
  for (let i = 0; i < count; i++) out[i] = counterUniform(seed, ids[i], step, purpose);
}

/** The last pass of Box–Muller in {@link fillCounterStandardNormals}: out[i] ← √(−2 · out[i]) · cos(2π · turns[i]). */
function boxMullerInPlace(out: Float64Array, turns: Float64Array, count: number): void {
  for (let i = 0; i < count; i++) out[i] = Math.sqrt(-2 * out[i]) * cosineOfTurns(turns[i]);
}

/** A standard normal from a sequential stream (Box–Muller, one of the pair; simple and exact). */
export function standardNormal(draw: UniformGenerator): number {
  const u1 = 1 - draw(); // in (0, 1]
  const u2 = draw();
  return Math.sqrt(-2 * log(u1)) * cosineOfTurns(u2);
}

/**
 * A Poisson variate with mean `mean` from a sequential stream: Knuth's product method for means below
 * 60 (it uses k + 1 draws for a result k), a rounded normal approximation (clipped at 0) above 60,
 * where the Poisson is close to normal (its skewness 1/√λ is below 0.13).
 */
export function poisson(draw: UniformGenerator, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 60) {
    const limit = exp(-mean);
    let k = 0;
    let product = draw();
    while (product > limit) {
      k++;
      product *= draw();
    }
    return k;
  }
  const value = Math.round(mean + Math.sqrt(mean) * standardNormal(draw));
  return value < 0 ? 0 : value;
}
