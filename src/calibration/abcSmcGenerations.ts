/**
 * Absorbing candidate results into an ABC-SMC run: acceptance against the generation's tolerance,
 * closing a generation once N candidates are accepted, importance weights, the next tolerance, and
 * the stopping rules. Pure module: every function returns a new state.
 *
 * The algorithm is population Monte Carlo ABC (Beaumont, Cornuet, Marin & Robert 2009, Biometrika
 * 96(4):983–990; Toni et al. 2009, J. R. Soc. Interface 6:187–202) with the quantile tolerance
 * schedule of Beaumont et al. (2009):
 *
 * - generation 0 accepts N draws from the prior with equal weights (ε₀ = ∞);
 * - generation t ≥ 1 has tolerance ε_t = the α-quantile of the accepted distances of generation
 *   t − 1 (never below the minimum tolerance, and strictly below ε_(t−1): when the quantile does not
 *   fall, the largest accepted distance below ε_(t−1) is used);
 * - a candidate θ* with distances d_1 … d_R has acceptance a = #{d_r ≤ ε_t}/R and is accepted when
 *   a > 0, with weight w* ∝ a · π(θ*) / Σ_j w_j K_t(θ* | θ_j) (π and K in the unconstrained
 *   coordinates for continuous parameters, see unconstrainedTransform.ts). With one distance per
 *   candidate this is the rejection step of Beaumont et al.; with one per replication, a is an
 *   unbiased estimate of the ABC likelihood P(d ≤ ε | θ*) (Del Moral, Doucet & Jasra 2012, §3);
 * - the generation closes when the first N accepted candidates in index order are known (results
 *   may arrive in any order; candidates beyond the N-th accepted are discarded, so the population does
 *   not depend on batch sizes or worker speed).
 *
 * Why the quantile schedule and not the ESS-based one of Del Moral et al. (2012): it needs no MCMC
 * move and no stored simulations per particle, its candidates are independent (any number can be
 * evaluated in parallel), and α directly sets the trade-off between progress per generation and
 * acceptance rate; its drawback, a growing number of candidates per generation as the acceptance
 * rate falls, is bounded by the acceptance-rate floor and the budget.
 *
 * Stopping rules, checked when a generation closes: the generation count reaches maxGenerations;
 * the tolerance reached minimumTolerance; the acceptance rate fell below minimumAcceptanceRate;
 * the next tolerance cannot be smaller; the budget cannot pay for N more candidates. A generation
 * that runs out of candidates (budget, or N / minimumAcceptanceRate candidates) is abandoned and the
 * run keeps the previous population.
 */
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import { log } from '../model/deterministicMath.ts';
import { isContinuousPrior, priorLogDensity } from './calibrationPrior.ts';
import { candidateValues, populationKernel } from './abcSmcCandidates.ts';
import type {
  AbcAcceptedCandidate,
  AbcCandidateResult,
  AbcParticle,
  AbcPendingResult,
  AbcPopulation,
  AbcSmcState,
  AbcStop,
} from './abcSmcState.ts';
import { continuousCoordinates, kernelLogDensity, type AbcParameter } from './perturbationKernel.ts';
import { unconstrainedFromValue, unconstrainedLogDensity } from './unconstrainedTransform.ts';
import { effectiveSampleSize, logSumExp, normaliseLogWeights, weightedQuantile } from './weightedSample.ts';

/** A distance as the algorithm reads it: NaN (an undefined statistic) counts as +Infinity. */
function cleanDistance(distance: number): number {
  return Number.isNaN(distance) ? Infinity : distance;
}

/**
 * Share of a candidate's distances within the tolerance.
 *
 * @example acceptanceShare([0.1, 0.5, 2], 1) // 2/3
 */
export function acceptanceShare(distances: readonly number[], tolerance: number): number {
  let within = 0;
  for (const d of distances) if (cleanDistance(d) <= tolerance) within++;
  return within / distances.length;
}

/**
 * Log prior density of a particle: continuous parameters in unconstrained coordinates (with the
 * Jacobian), integer and choice parameters as probabilities — the numerator of the importance weight.
 *
 * @example particleLogPrior([{ name: 'a', prior: { kind: 'uniform', lower: 0, upper: 1 } }], [0.5]) // ln ¼ (logistic density at u = 0)
 */
export function particleLogPrior(parameters: readonly AbcParameter[], values: readonly FactorValue[]): number {
  let total = 0;
  parameters.forEach((parameter, p) => {
    const prior = parameter.prior;
    if (isContinuousPrior(prior)) {
      total += unconstrainedLogDensity(prior, unconstrainedFromValue(prior, values[p] as number));
    } else {
      total += priorLogDensity(prior, values[p]);
    }
  });
  return total;
}

/**
 * Log importance weights of accepted candidates of generation t ≥ 1:
 * ln a + ln π(θ*) − ln Σ_j w_j K(θ* | θ_j).
 */
function logImportanceWeights(state: AbcSmcState, candidates: readonly { values: readonly FactorValue[]; acceptance: number }[]): number[] {
  const population = state.population!;
  const { kernel, coordinates, integerNormalisers } = populationKernel(state.parameters, population, state.settings.kernelScale);
  const logAncestorWeights = population.particles.map((p) => (p.weight > 0 ? log(p.weight) : -Infinity));
  const terms = new Float64Array(population.particles.length);
  return candidates.map(({ values, acceptance }) => {
    const to = continuousCoordinates(state.parameters, kernel, values);
    population.particles.forEach((ancestor, j) => {
      terms[j] = logAncestorWeights[j] === -Infinity ? -Infinity : logAncestorWeights[j] + kernelLogDensity(state.parameters, kernel, values, to, ancestor.values, coordinates[j], integerNormalisers[j]);
    });
    return log(acceptance) + particleLogPrior(state.parameters, values) - logSumExp(terms);
  });
}

/**
 * The next tolerance from a completed population (see the module comment), or null when no
 * smaller tolerance exists.
 *
 * @param population the completed generation.
 * @param quantile α.
 * @param minimumTolerance the floor.
 * @example nextTolerance(population, 0.5, 0) // the median accepted distance
 */
export function nextTolerance(population: AbcPopulation, quantile: number, minimumTolerance: number): number | null {
  const accepted: number[] = [];
  for (const particle of population.particles) {
    for (const d of particle.distances) {
      const distance = cleanDistance(d);
      if (distance <= population.tolerance) accepted.push(distance);
    }
  }
  const finite = accepted.filter((d) => Number.isFinite(d));
  if (finite.length === 0) return null;
  let tolerance = weightedQuantile(accepted, accepted.map(() => 1 / accepted.length), quantile);
  if (!Number.isFinite(tolerance)) tolerance = Math.max(...finite);
  if (!(tolerance < population.tolerance)) {
    const below = finite.filter((d) => d < population.tolerance);
    if (below.length === 0) return null;
    tolerance = Math.max(...below);
  }
  if (tolerance <= minimumTolerance) return population.tolerance > minimumTolerance ? minimumTolerance : null;
  return tolerance;
}

/** The state with a stop. */
function stopped(state: AbcSmcState, stop: AbcStop): AbcSmcState {
  return { ...state, stop };
}

/** Close the generation: weight the first N accepted candidates, record it, start the next or stop. */
function closeGeneration(state: AbcSmcState, accepted: readonly AbcAcceptedCandidate[], candidates: number): AbcSmcState {
  const settings = state.settings;
  const withValues = accepted.map((a) => ({ ...a, values: candidateValues(state, a.index) }));
  const logWeights =
    state.generation === 0 || state.population === null
      ? withValues.map((a) => log(a.acceptance))
      : logImportanceWeights(state, withValues);
  const weights = normaliseLogWeights(logWeights);
  const particles: AbcParticle[] = withValues.map((a, i) => ({
    index: a.index,
    values: a.values,
    weight: weights[i],
    distances: a.distances,
    statistics: a.statistics,
  }));
  const population: AbcPopulation = { generation: state.generation, tolerance: state.tolerance, particles };
  const acceptanceRate = settings.populationSize / candidates;
  const history = [
    ...state.history,
    { generation: state.generation, tolerance: state.tolerance, candidates, acceptanceRate, effectiveSampleSize: effectiveSampleSize(weights) },
  ];
  const candidatesUsed = state.candidatesUsed + candidates;
  const closed: AbcSmcState = {
    ...state,
    population,
    history,
    candidatesUsed,
    accepted: [],
    pending: {},
    evaluatedPrefix: 0,
    nextIndex: 0,
    generation: state.generation + 1,
    candidateLimit: 0,
  };
  const done = state.generation + 1;
  if (done >= settings.maxGenerations) {
    return stopped(closed, { reason: 'maxGenerations', message: `reached ${settings.maxGenerations} generations` });
  }
  if (state.tolerance <= settings.minimumTolerance) {
    return stopped(closed, { reason: 'minimumTolerance', message: `reached the minimum tolerance ${settings.minimumTolerance}` });
  }
  if (state.generation > 0 && acceptanceRate < settings.minimumAcceptanceRate) {
    return stopped(closed, {
      reason: 'acceptanceRate',
      message: `generation ${state.generation} accepted ${formatShare(acceptanceRate)} of its candidates, below the floor ${formatShare(settings.minimumAcceptanceRate)}`,
    });
  }
  const tolerance = nextTolerance(population, settings.toleranceQuantile, settings.minimumTolerance);
  if (tolerance === null) {
    return stopped(closed, { reason: 'toleranceStalled', message: `no accepted distance of generation ${state.generation} is below its tolerance; the tolerance cannot fall further` });
  }
  const remaining = settings.maxCandidates - candidatesUsed;
  if (remaining < settings.populationSize) {
    return stopped(closed, { reason: 'budget', message: `the budget of ${settings.maxCandidates} candidates cannot pay for another generation (${remaining} left)` });
  }
  const floorLimit = settings.minimumAcceptanceRate > 0 ? Math.floor(settings.populationSize / settings.minimumAcceptanceRate) : Infinity;
  return { ...closed, tolerance, candidateLimit: Math.min(remaining, floorLimit) };
}

function formatShare(share: number): string {
  return `${(100 * share).toPrecision(3)}%`;
}

/**
 * Absorb evaluated candidates. Results of another generation (proposed before the generation they
 * belong to closed) and repeated results are ignored; a result for a candidate that was never
 * proposed is an error. When the first N accepted candidates are known, the generation closes (see
 * the module comment); when the generation's last allowed candidate is evaluated without N
 * acceptances, the run stops with the previous population.
 *
 * @param state the run's state.
 * @param results evaluated candidates, in any order.
 * @returns the new state.
 * @throws {RangeError} for a result of an unproposed candidate or without distances.
 * @example state = absorbAbcResults(state, await evaluate(candidates))
 */
export function absorbAbcResults(state: AbcSmcState, results: readonly AbcCandidateResult[]): AbcSmcState {
  if (state.stop !== null) return state;
  const pending: Record<string, AbcPendingResult> = { ...state.pending };
  let evaluated = state.candidatesEvaluated;
  for (const result of results) {
    if (result.generation !== state.generation) continue;
    if (!Number.isInteger(result.index) || result.index < 0 || result.index >= state.nextIndex) {
      throw new RangeError(`absorbAbcResults: candidate ${result.index} of generation ${result.generation} was never proposed`);
    }
    if (result.index < state.evaluatedPrefix || Object.hasOwn(pending, String(result.index))) continue;
    if (!Array.isArray(result.distances) || result.distances.length === 0) {
      throw new RangeError(`absorbAbcResults: candidate ${result.index} has no distances`);
    }
    evaluated++;
    const acceptance = acceptanceShare(result.distances, state.tolerance);
    pending[String(result.index)] =
      acceptance > 0 ? { acceptance, distances: result.distances.map(cleanDistance), statistics: result.statistics ?? null } : { acceptance: 0 };
  }
  const accepted = [...state.accepted];
  let prefix = state.evaluatedPrefix;
  const N = state.settings.populationSize;
  while (Object.hasOwn(pending, String(prefix))) {
    const result = pending[String(prefix)];
    delete pending[String(prefix)];
    if (result.acceptance > 0) {
      accepted.push({ index: prefix, acceptance: result.acceptance, distances: result.distances!, statistics: result.statistics ?? null });
    }
    prefix++;
    if (accepted.length === N) {
      return closeGeneration({ ...state, candidatesEvaluated: evaluated }, accepted, prefix);
    }
  }
  const next: AbcSmcState = { ...state, pending, accepted, evaluatedPrefix: prefix, candidatesEvaluated: evaluated };
  if (prefix >= state.candidateLimit) {
    const abandoned = { ...next, candidatesUsed: state.candidatesUsed + prefix, pending: {}, accepted: [] };
    const byBudget = state.candidateLimit >= state.settings.maxCandidates - state.candidatesUsed;
    return stopped(abandoned, {
      reason: byBudget ? 'budget' : 'acceptanceRate',
      message: `generation ${state.generation} accepted ${accepted.length} of ${prefix} candidates, fewer than ${N}, ${
        byBudget ? 'when the budget ran out' : `at the acceptance-rate floor ${formatShare(state.settings.minimumAcceptanceRate)}`
      }; the result is generation ${state.generation - 1}`,
    });
  }
  return next;
}
