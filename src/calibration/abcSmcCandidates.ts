/**
 * Proposing ABC-SMC candidates. Candidate `i` of generation `t` is a pure function of the run's seed,
 * `t`, `i` and the population of generation t − 1 — never of how many candidates were proposed
 * before it in a batch, by which worker, or in which process — so batches of any size, evaluated in
 * any order, and a run resumed from a stored state give the same candidates. Pure module.
 *
 * Generation 0 draws each parameter from its prior. Later generations pick a particle of the previous
 * population with probability equal to its weight and move it with the perturbation kernel
 * (perturbationKernel.ts). Replication seeds are hashed from (seed, generation, candidate,
 * replication), or with common random numbers from (seed, generation, replication) only, so every
 * candidate of a generation faces the same model randomness.
 */
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import { hashStringTo32Bits, type UniformGenerator } from '../model/randomStreams.ts';
import { isContinuousPrior, priorQuantile } from './calibrationPrior.ts';
import { keyedStream } from './keyedStream.ts';
import type { AbcCandidate, AbcPopulation, AbcSmcState } from './abcSmcState.ts';
import {
  buildPerturbationKernel,
  continuousCoordinates,
  integerLogNormalisers,
  perturbParticle,
  type AbcParameter,
  type PerturbationKernel,
} from './perturbationKernel.ts';
import { isInsideSupport } from './unconstrainedTransform.ts';

/** A kernel with the previous population's coordinates, derived once per population. */
export interface PopulationKernel {
  readonly kernel: PerturbationKernel;
  /** Unconstrained continuous coordinates of each particle. */
  readonly coordinates: readonly Float64Array[];
  /** Cumulative weights, for picking a particle. */
  readonly cumulativeWeights: Float64Array;
  /** Each particle's integer-step truncation normalisers (see integerLogNormalisers). */
  readonly integerNormalisers: readonly Float64Array[];
}

/** Derived data of a population object (it never changes: states are replaced, not mutated), by kernel scale. */
const kernelCache = new WeakMap<AbcPopulation, Map<number, PopulationKernel>>();

/**
 * The perturbation kernel of a population with its particles' coordinates (cached per population
 * object; a population read back from JSON is a new object and gets its kernel recomputed, with the
 * same result).
 *
 * @param kernelScale the kernel covariance as a multiple of the population's (the run's setting).
 * @example const { kernel } = populationKernel(state.parameters, state.population!, state.settings.kernelScale)
 */
export function populationKernel(parameters: readonly AbcParameter[], population: AbcPopulation, kernelScale: number): PopulationKernel {
  let byScale = kernelCache.get(population);
  if (byScale === undefined) {
    byScale = new Map();
    kernelCache.set(population, byScale);
  }
  const cached = byScale.get(kernelScale);
  if (cached) return cached;
  const values = population.particles.map((p) => p.values);
  const weights = population.particles.map((p) => p.weight);
  const kernel = buildPerturbationKernel(parameters, values, weights, kernelScale);
  const coordinates = values.map((v) => continuousCoordinates(parameters, kernel, v));
  const cumulativeWeights = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    cumulativeWeights[i] = total;
  });
  const integerNormalisers = values.map((v) => integerLogNormalisers(parameters, kernel, v));
  const derived = { kernel, coordinates, cumulativeWeights, integerNormalisers };
  byScale.set(kernelScale, derived);
  return derived;
}

/** The random stream of one candidate. */
function candidateStream(seed: number, generation: number, index: number): UniformGenerator {
  return keyedStream(`zonesim-abc:${seed}:${generation}:${index}`);
}

/**
 * Replication seeds of a candidate.
 *
 * @example candidateSeeds(state.settings, 3, 17) // [seed of replication 0, …]
 */
export function candidateSeeds(settings: AbcSmcState['settings'], generation: number, index: number): number[] {
  const who = settings.commonRandomNumbers ? 'common' : `candidate-${index}`;
  return Array.from({ length: settings.replications }, (_, r) => hashStringTo32Bits(`zonesim-abc-seed:${settings.seed}:${generation}:${who}:${r}`));
}

/** Largest number of prior draws for one candidate (a draw exactly on a bound is redrawn). */
const MAXIMUM_PRIOR_DRAWS = 1000;

/**
 * One draw from the (independent) priors, strictly inside every continuous support.
 *
 * @example drawFromPriors(parameters, seedrandom.alea('x'))
 */
export function drawFromPriors(parameters: readonly AbcParameter[], draw: UniformGenerator): FactorValue[] {
  return parameters.map((parameter) => {
    for (let attempt = 0; attempt < MAXIMUM_PRIOR_DRAWS; attempt++) {
      const value = priorQuantile(parameter.prior, draw(), parameter.name);
      if (!isContinuousPrior(parameter.prior) || isInsideSupport(parameter.prior, value as number)) return value;
    }
    throw new Error(`drawFromPriors: no draw of ${parameter.name} fell inside its prior's support`);
  });
}

/**
 * The values of candidate `index` of the state's current generation.
 *
 * @example candidateValues(state, 0)
 */
export function candidateValues(state: AbcSmcState, index: number): FactorValue[] {
  const draw = candidateStream(state.settings.seed, state.generation, index);
  if (state.generation === 0 || state.population === null) return drawFromPriors(state.parameters, draw);
  const { kernel, coordinates, cumulativeWeights } = populationKernel(state.parameters, state.population, state.settings.kernelScale);
  const u = draw() * cumulativeWeights[cumulativeWeights.length - 1];
  let ancestor = 0;
  while (ancestor < cumulativeWeights.length - 1 && cumulativeWeights[ancestor] <= u) ancestor++;
  return perturbParticle(state.parameters, kernel, state.population.particles[ancestor].values, coordinates[ancestor], draw);
}

/**
 * Propose the next candidates of the current generation: up to `count` of them, fewer when the
 * generation's candidate limit is reached, none once the run has stopped.
 *
 * Why this shape: a pool of workers asks for a batch, evaluates it and hands the results to
 * `absorbAbcResults`; it may ask for the next batch before the previous one is absorbed. The
 * returned state records that the candidates were proposed (so they are not proposed twice).
 *
 * @param state the run's state.
 * @param count how many candidates at most (≥ 1).
 * @returns the new state and the candidates, in index order.
 * @example const { state: next, candidates } = proposeAbcCandidates(state, 64)
 */
export function proposeAbcCandidates(state: AbcSmcState, count: number): { readonly state: AbcSmcState; readonly candidates: AbcCandidate[] } {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`proposeAbcCandidates: count must be a positive integer, got ${count}`);
  if (state.stop !== null) return { state, candidates: [] };
  const end = Math.min(state.nextIndex + count, state.candidateLimit);
  const candidates: AbcCandidate[] = [];
  for (let index = state.nextIndex; index < end; index++) {
    candidates.push({
      generation: state.generation,
      index,
      values: candidateValues(state, index),
      seeds: candidateSeeds(state.settings, state.generation, index),
    });
  }
  return { state: { ...state, nextIndex: Math.max(end, state.nextIndex) }, candidates };
}

/**
 * The candidates that were proposed but whose results were never absorbed: after a pool stored its
 * state with batches in flight and stopped, these must be evaluated again (they are the same
 * candidates: functions of the state), or the generation can never close.
 *
 * @param state a stored state.
 * @returns the missing candidates, in index order (none after a stop).
 * @example await evaluate(missingAbcCandidates(parseAbcSmcState(stored)))
 */
export function missingAbcCandidates(state: AbcSmcState): AbcCandidate[] {
  if (state.stop !== null) return [];
  const missing: AbcCandidate[] = [];
  for (let index = state.evaluatedPrefix; index < state.nextIndex; index++) {
    if (Object.hasOwn(state.pending, String(index))) continue;
    missing.push({ generation: state.generation, index, values: candidateValues(state, index), seeds: candidateSeeds(state.settings, state.generation, index) });
  }
  return missing;
}
