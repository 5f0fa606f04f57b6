/**
 * The state of an ABC-SMC run as plain JSON-serialisable data: settings, the population of the last
 * completed generation, the generation being built and the history of tolerances. Everything the
 * algorithm does is a pure function of this state (abcSmcCandidates.ts proposes, abcSmcGenerations.ts
 * absorbs results), so a run can be stored after every batch and resumed — on another process or
 * machine — to the identical result. Pure module.
 */
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import { assertValidCalibrationPrior } from './calibrationPrior.ts';
import type { AbcParameter } from './perturbationKernel.ts';

/** Settings of an ABC-SMC run (see docs/calibration.md, "The method"). */
export interface AbcSmcSettings {
  /** N: particles per generation (≥ 2). */
  readonly populationSize: number;
  /** Largest number of generations, the prior generation 0 included (≥ 1). */
  readonly maxGenerations: number;
  /** Budget: largest number of candidates (parameter vectors) evaluated over the whole run (≥ N). */
  readonly maxCandidates: number;
  /** α: the next tolerance is the α-quantile of the accepted distances (Beaumont et al. 2009), in (0, 1). */
  readonly toleranceQuantile: number;
  /** Stop once the tolerance reaches this (≥ 0); the tolerance never goes below it. */
  readonly minimumTolerance: number;
  /** Stop when a generation accepts fewer than this share of its candidates, in [0, 1). */
  readonly minimumAcceptanceRate: number;
  /** Model replications per candidate (≥ 1): the candidate gets this many seeds. */
  readonly replications: number;
  /** Common random numbers: every candidate of a generation gets the same replication seeds. */
  readonly commonRandomNumbers: boolean;
  /**
   * The perturbation kernel's covariance as a multiple of the population's weighted covariance
   * (> 0; 2 in Beaumont et al. 2009). Smaller steps keep the importance weights even when many
   * parameters are weakly identified (see docs/calibration.md, "Kernel scale").
   */
  readonly kernelScale: number;
  /** Seed of the whole run (an unsigned 32-bit integer). */
  readonly seed: number;
}

/** A candidate to evaluate: its parameter values and its replication seeds. */
export interface AbcCandidate {
  readonly generation: number;
  /** Position in its generation's sequence of candidates (0, 1, 2, …). */
  readonly index: number;
  /** One value per parameter, in parameter order. */
  readonly values: readonly FactorValue[];
  /** One model seed per replication. */
  readonly seeds: readonly number[];
}

/**
 * What evaluating a candidate gave: one or more distances to the data (NaN counts as +Infinity) and,
 * optionally, the summary statistics, kept with accepted particles for reports.
 */
export interface AbcCandidateResult {
  readonly generation: number;
  readonly index: number;
  /**
   * The distances of the candidate. One distance (e.g. of the statistics averaged over the
   * replications) or one per replication; the candidate's acceptance weight is the share of them
   * within the tolerance.
   */
  readonly distances: readonly number[];
  readonly statistics?: readonly number[] | null;
}

/** One member of a population. */
export interface AbcParticle {
  /** The candidate index it came from, in its generation. */
  readonly index: number;
  readonly values: readonly FactorValue[];
  /** Normalised importance weight. */
  readonly weight: number;
  readonly distances: readonly number[];
  readonly statistics: readonly number[] | null;
}

/** What each completed generation cost and reached. */
export interface AbcGenerationSummary {
  readonly generation: number;
  /** ε_t (Infinity for generation 0, which accepts every prior draw). */
  readonly tolerance: number;
  /** Candidates up to and including the N-th accepted one. */
  readonly candidates: number;
  /** N / candidates. */
  readonly acceptanceRate: number;
  /** Kish's effective sample size of the weights. */
  readonly effectiveSampleSize: number;
}

/** A completed generation. */
export interface AbcPopulation {
  readonly generation: number;
  readonly tolerance: number;
  readonly particles: readonly AbcParticle[];
}

/** Why a run stopped. */
export type AbcStopReason = 'maxGenerations' | 'minimumTolerance' | 'acceptanceRate' | 'budget' | 'toleranceStalled';

/** The stop of a run: the reason and a sentence for people. */
export interface AbcStop {
  readonly reason: AbcStopReason;
  readonly message: string;
}

/** The evaluated result of a candidate that is not yet part of the contiguous prefix. */
export interface AbcPendingResult {
  /** Share of the candidate's distances within the tolerance (0 = rejected). */
  readonly acceptance: number;
  readonly distances?: readonly number[];
  readonly statistics?: readonly number[] | null;
}

/** An accepted candidate of the generation being built, before weighting. */
export interface AbcAcceptedCandidate {
  readonly index: number;
  readonly acceptance: number;
  readonly distances: readonly number[];
  readonly statistics: readonly number[] | null;
}

/** The whole state of a run. */
export interface AbcSmcState {
  /** Version of this layout. */
  readonly format: 1;
  readonly parameters: readonly AbcParameter[];
  readonly settings: AbcSmcSettings;
  /** The generation being built (or, once stopped, the one that would have come next). */
  readonly generation: number;
  /** Its tolerance. */
  readonly tolerance: number;
  /** How many candidates it may propose (budget and acceptance-rate floor). */
  readonly candidateLimit: number;
  /** Next candidate index to propose. */
  readonly nextIndex: number;
  /** Candidates 0 … prefix − 1 are evaluated. */
  readonly evaluatedPrefix: number;
  /** Accepted candidates among them, in index order. */
  readonly accepted: readonly AbcAcceptedCandidate[];
  /** Results of candidates beyond the prefix, keyed by index. */
  readonly pending: Readonly<Record<string, AbcPendingResult>>;
  /** The last completed generation (null before generation 0 completes). */
  readonly population: AbcPopulation | null;
  readonly history: readonly AbcGenerationSummary[];
  /** Candidates charged to the budget: completed generations' candidates plus abandoned ones. */
  readonly candidatesUsed: number;
  /** Every result absorbed, including candidates proposed beyond a generation's end (information only). */
  readonly candidatesEvaluated: number;
  readonly stop: AbcStop | null;
}

/**
 * Check settings, with a message naming the setting.
 *
 * @throws {RangeError} for a setting out of range.
 * @example assertValidAbcSmcSettings({ populationSize: 100, … })
 */
export function assertValidAbcSmcSettings(settings: AbcSmcSettings): void {
  const integerAtLeast = (name: keyof AbcSmcSettings, minimum: number): void => {
    const value = settings[name] as number;
    if (!Number.isInteger(value) || value < minimum) throw new RangeError(`ABC-SMC setting ${name} must be an integer ≥ ${minimum}, got ${value}`);
  };
  integerAtLeast('populationSize', 2);
  integerAtLeast('maxGenerations', 1);
  integerAtLeast('maxCandidates', settings.populationSize);
  integerAtLeast('replications', 1);
  if (!(settings.toleranceQuantile > 0 && settings.toleranceQuantile < 1)) {
    throw new RangeError(`ABC-SMC setting toleranceQuantile must be in (0, 1), got ${settings.toleranceQuantile}`);
  }
  if (!(settings.minimumTolerance >= 0 && Number.isFinite(settings.minimumTolerance))) {
    throw new RangeError(`ABC-SMC setting minimumTolerance must be a finite number ≥ 0, got ${settings.minimumTolerance}`);
  }
  if (!(settings.minimumAcceptanceRate >= 0 && settings.minimumAcceptanceRate < 1)) {
    throw new RangeError(`ABC-SMC setting minimumAcceptanceRate must be in [0, 1), got ${settings.minimumAcceptanceRate}`);
  }
  if (!(Number.isInteger(settings.seed) && settings.seed >= 0 && settings.seed <= 0xffffffff)) {
    throw new RangeError(`ABC-SMC setting seed must be an integer in [0, 4294967295], got ${settings.seed}`);
  }
  if (typeof settings.commonRandomNumbers !== 'boolean') throw new RangeError('ABC-SMC setting commonRandomNumbers must be true or false');
  if (!(settings.kernelScale > 0 && Number.isFinite(settings.kernelScale))) throw new RangeError(`ABC-SMC setting kernelScale must be a finite number > 0, got ${settings.kernelScale}`);
}

/**
 * The state of a new run: generation 0 (the prior) about to be proposed.
 *
 * @param parameters the calibrated parameters with their priors (at least one).
 * @param settings the run's settings.
 * @throws {RangeError} for an invalid prior or setting, or duplicated parameter names.
 * @example const state = createAbcSmcState([{ name: 'mu', prior: { kind: 'normal', mean: 0, standardDeviation: 1, lower: -10, upper: 10 } }], settings);
 */
export function createAbcSmcState(parameters: readonly AbcParameter[], settings: AbcSmcSettings): AbcSmcState {
  if (parameters.length === 0) throw new RangeError('ABC-SMC needs at least one parameter');
  const names = new Set<string>();
  for (const parameter of parameters) {
    assertValidCalibrationPrior(parameter.prior, parameter.name);
    if (names.has(parameter.name)) throw new RangeError(`ABC-SMC parameter '${parameter.name}' is listed twice`);
    names.add(parameter.name);
  }
  assertValidAbcSmcSettings(settings);
  return {
    format: 1,
    parameters: structuredClone(parameters) as AbcParameter[],
    settings: { ...settings },
    generation: 0,
    tolerance: Infinity,
    candidateLimit: settings.populationSize,
    nextIndex: 0,
    evaluatedPrefix: 0,
    accepted: [],
    pending: {},
    population: null,
    history: [],
    candidatesUsed: 0,
    candidatesEvaluated: 0,
    stop: null,
  };
}

/** Key marking a non-finite number in the JSON form. */
const NUMBER_KEY = '$number';

/**
 * The state as JSON. Infinity, −Infinity and NaN (tolerances, distances) are written as
 * `{"$number":"Infinity"}` etc., which {@link parseAbcSmcState} reads back exactly.
 *
 * @example store.write(serialiseAbcSmcState(state))
 */
export function serialiseAbcSmcState(state: AbcSmcState): string {
  return JSON.stringify(state, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? { [NUMBER_KEY]: String(value) } : value,
  );
}

/**
 * Read a state written by {@link serialiseAbcSmcState}.
 *
 * @throws {Error} when the text is not a state of this format.
 * @example const state = parseAbcSmcState(store.read())
 */
export function parseAbcSmcState(json: string): AbcSmcState {
  const state = JSON.parse(json, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === NUMBER_KEY) return Number((value as Record<string, string>)[NUMBER_KEY]);
    }
    return value;
  }) as AbcSmcState;
  if (state?.format !== 1) throw new Error(`not an ABC-SMC state of format 1 (found format ${String((state as { format?: unknown })?.format)})`);
  // States written before kernelScale was a setting used Beaumont et al.'s multiple 2.
  if (state.settings.kernelScale === undefined) return { ...state, settings: { ...state.settings, kernelScale: 2 } };
  return state;
}
