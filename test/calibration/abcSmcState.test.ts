/**
 * The ABC-SMC state machine: generation 0 is the prior, later weights follow π/Σ w K by hand, the
 * population does not depend on batch size or result order, a run stored as JSON after any batch
 * resumes to the identical result, common random numbers share seeds within a generation only,
 * and each stopping rule stops where it says.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { candidateSeeds, missingAbcCandidates, proposeAbcCandidates } from '../../src/calibration/abcSmcCandidates.ts';
import { absorbAbcResults, nextTolerance } from '../../src/calibration/abcSmcGenerations.ts';
import {
  createAbcSmcState,
  parseAbcSmcState,
  serialiseAbcSmcState,
  type AbcCandidate,
  type AbcSmcSettings,
  type AbcSmcState,
} from '../../src/calibration/abcSmcState.ts';
import type { AbcParameter } from '../../src/calibration/perturbationKernel.ts';
import { runAbcSmc } from '../../src/calibration/runAbcSmc.ts';
import { unconstrainedFromValue } from '../../src/calibration/unconstrainedTransform.ts';
import { standardNormal } from '../../src/model/randomStreams.ts';

const parameters: AbcParameter[] = [
  { name: 'a', prior: { kind: 'uniform', lower: 0, upper: 4 } },
  { name: 'b', prior: { kind: 'logUniform', lower: 0.01, upper: 1 } },
  { name: 'k', prior: { kind: 'integer', lower: 1, upper: 5 } },
];
const settings: AbcSmcSettings = {
  populationSize: 40,
  maxGenerations: 5,
  maxCandidates: 20_000,
  toleranceQuantile: 0.5,
  minimumTolerance: 0,
  minimumAcceptanceRate: 0.01,
  replications: 2,
  commonRandomNumbers: false,
  kernelScale: 2,
  seed: 7,
};

/** A noisy model: distance of (a + noise, ln b, k) from (1, ln 0.1, 3). */
function evaluate(batch: readonly AbcCandidate[]) {
  return batch.map((c) => ({
    generation: c.generation,
    index: c.index,
    distances: c.seeds.map((seed) => {
      const draw = seedrandom.alea(String(seed)) as unknown as () => number;
      const [a, b, k] = c.values as number[];
      return Math.hypot(a + 0.3 * standardNormal(draw) - 1, Math.log(b / 0.1), k - 3);
    }),
    statistics: [c.values[0] as number],
  }));
}

/** The parts of a state that are the result (candidatesEvaluated depends on batch sizes by design). */
function result(state: AbcSmcState) {
  return { population: state.population, history: state.history, stop: state.stop, candidatesUsed: state.candidatesUsed };
}

describe('ABC-SMC state', () => {
  it('generation 0 accepts N prior draws with equal weights; ε₁ is the median accepted distance', () => {
    let state = createAbcSmcState(parameters, settings);
    const { state: proposed, candidates } = proposeAbcCandidates(state, 1000);
    expect(candidates.length).toBe(40);
    state = absorbAbcResults(proposed, evaluate(candidates));
    expect(state.generation).toBe(1);
    expect(state.population!.particles.every((p) => p.weight === 1 / 40)).toBe(true);
    const distances = state.population!.particles.flatMap((p) => p.distances).sort((x, y) => x - y);
    // Type-1 quantile of 80 distances at 0.5: the 40th smallest.
    expect(state.tolerance).toBe(distances[39]);
    expect(nextTolerance(state.population!, 0.5, 0)).toBe(distances[39]);
  });

  it('weights of generation 1 are π_u(u*) / Σ_j w_j N(u*; u_j, 2 Var_w(u)), by hand', async () => {
    const one: AbcParameter[] = [{ name: 'a', prior: { kind: 'uniform', lower: 0, upper: 1 } }];
    let state = createAbcSmcState(one, { ...settings, populationSize: 3, replications: 1 });
    let proposal = proposeAbcCandidates(state, 3);
    state = absorbAbcResults(proposal.state, proposal.candidates.map((c, i) => ({ generation: 0, index: c.index, distances: [i] })));
    // ε₁ = type-1 median of {0, 1, 2} = 1: candidates with distance ≤ 1 are accepted.
    expect(state.tolerance).toBe(1);
    const ancestors = state.population!.particles.map((p) => unconstrainedFromValue(one[0].prior as never, p.values[0] as number));
    const mean = ancestors.reduce((s, u) => s + u, 0) / 3;
    const variance = (2 * ancestors.reduce((s, u) => s + (u - mean) ** 2, 0)) / 3;
    proposal = proposeAbcCandidates(state, 3);
    state = absorbAbcResults(proposal.state, proposal.candidates.map((c) => ({ generation: 1, index: c.index, distances: [0.5] })));
    const raw = proposal.candidates.map((c) => {
      const u = unconstrainedFromValue(one[0].prior as never, c.values[0] as number);
      const s = 1 / (1 + Math.exp(-u));
      const prior = s * (1 - s); // uniform prior in the logit coordinate: the logistic density
      const proposalDensity = ancestors.reduce((sum, uj) => sum + Math.exp(-((u - uj) ** 2) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance) / 3, 0);
      return prior / proposalDensity;
    });
    const total = raw.reduce((a, b) => a + b);
    state.population!.particles.forEach((p, i) => expect(p.weight).toBeCloseTo(raw[i] / total, 12));
  });

  it('the result does not depend on the batch size or on the order results arrive in', async () => {
    const reference = await runAbcSmc(createAbcSmcState(parameters, settings), evaluate, { batchSize: 64 });
    expect(reference.stop?.reason).toBe('maxGenerations');
    const small = await runAbcSmc(createAbcSmcState(parameters, settings), evaluate, { batchSize: 7 });
    const reversed = await runAbcSmc(createAbcSmcState(parameters, settings), (batch) => evaluate(batch).reverse(), { batchSize: 23 });
    expect(result(small)).toEqual(result(reference));
    expect(result(reversed)).toEqual(result(reference));
    expect(reference.candidatesEvaluated).toBeGreaterThanOrEqual(reference.candidatesUsed);
  });

  it('a run stored as JSON after any batch resumes to the identical result', async () => {
    const reference = await runAbcSmc(createAbcSmcState(parameters, settings), evaluate, { batchSize: 16 });
    for (const interruptAfter of [1, 5, 12]) {
      let batches = 0;
      const controller = new AbortController();
      let stored = '';
      await runAbcSmc(createAbcSmcState(parameters, settings), evaluate, {
        batchSize: 16,
        signal: controller.signal,
        onBatch: (state) => {
          stored = serialiseAbcSmcState(state);
          if (++batches === interruptAfter) controller.abort();
        },
      });
      const restored = parseAbcSmcState(stored);
      expect(restored.stop).toBeNull();
      const resumed = await runAbcSmc(restored, evaluate, { batchSize: 16 });
      expect(result(resumed)).toEqual(result(reference));
      expect(resumed.candidatesEvaluated).toBe(reference.candidatesEvaluated);
    }
    // Infinity (generation 0's tolerance) survives the JSON round trip.
    expect(parseAbcSmcState(serialiseAbcSmcState(reference)).history[0].tolerance).toBe(Infinity);
  });

  it('a result proposed in one batch may be absorbed after later batches were proposed (a pool)', async () => {
    let state = createAbcSmcState(parameters, settings);
    const first = proposeAbcCandidates(state, 30);
    const second = proposeAbcCandidates(first.state, 30);
    expect(second.candidates.map((c) => c.index)).toEqual(Array.from({ length: 10 }, (_, i) => 30 + i));
    state = absorbAbcResults(second.state, evaluate(second.candidates));
    expect(state.generation).toBe(0);
    state = absorbAbcResults(state, evaluate(first.candidates));
    expect(state.generation).toBe(1);
    // Late results of a closed generation and repeated results are ignored; unproposed ones are errors.
    expect(absorbAbcResults(state, evaluate(first.candidates))).toEqual(state);
    expect(() => absorbAbcResults(state, [{ generation: 1, index: 0, distances: [1] }])).toThrow(/never proposed/);
  });

  it('a state stored with batches in flight resumes by evaluating the missing candidates first', async () => {
    const reference = await runAbcSmc(createAbcSmcState(parameters, settings), evaluate, { batchSize: 16 });
    // A pool proposes three batches, absorbs only the last two, stores its state and dies.
    const zero = proposeAbcCandidates(createAbcSmcState(parameters, settings), 16);
    let state = absorbAbcResults(zero.state, evaluate(zero.candidates));
    const first = proposeAbcCandidates(state, 16);
    const second = proposeAbcCandidates(first.state, 16);
    const third = proposeAbcCandidates(second.state, 16);
    state = absorbAbcResults(third.state, [...evaluate(second.candidates), ...evaluate(third.candidates)]);
    const stored = parseAbcSmcState(serialiseAbcSmcState(state));
    expect(missingAbcCandidates(stored)).toEqual(first.candidates);
    const resumed = await runAbcSmc(stored, evaluate, { batchSize: 16 });
    expect(result(resumed)).toEqual(result(reference));
  });

  it('common random numbers: one seed set per generation, different between generations', () => {
    const crn = { ...settings, commonRandomNumbers: true };
    expect(candidateSeeds(crn, 2, 0)).toEqual(candidateSeeds(crn, 2, 99));
    expect(candidateSeeds(crn, 2, 0)).not.toEqual(candidateSeeds(crn, 3, 0));
    expect(candidateSeeds(settings, 2, 0)).not.toEqual(candidateSeeds(settings, 2, 1));
    expect(new Set(candidateSeeds(settings, 2, 0)).size).toBe(2);
  });

  it('stops on the budget, the acceptance-rate floor, the minimum tolerance and a stalled tolerance', async () => {
    const budget = await runAbcSmc(createAbcSmcState(parameters, { ...settings, maxGenerations: 50, maxCandidates: 300 }), evaluate);
    expect(budget.stop?.reason).toBe('budget');
    expect(budget.candidatesUsed).toBeLessThanOrEqual(300);
    // Distances that ignore the parameters, uniform on [0, 1): ε_t ≈ 2^−t and the acceptance rate
    // ≈ ε_t; with a floor of 0.2, generation 3 (rate ≈ 0.125) runs out of its N/0.2 = 200 candidates.
    const floor = await runAbcSmc(createAbcSmcState(parameters, { ...settings, replications: 1, maxGenerations: 50, minimumAcceptanceRate: 0.2 }), (batch) =>
      batch.map((c) => ({ generation: c.generation, index: c.index, distances: c.seeds.map((seed) => (seedrandom.alea(String(seed)) as unknown as () => number)()) })),
    );
    expect(floor.stop?.reason).toBe('acceptanceRate');
    expect(floor.population!.generation).toBe(2);
    expect(floor.generation).toBe(3);
    expect(floor.candidatesUsed).toBe(floor.history.reduce((s, h) => s + h.candidates, 0) + 200);
    const minimum = await runAbcSmc(createAbcSmcState(parameters, { ...settings, maxGenerations: 50, minimumTolerance: 1.5 }), evaluate);
    expect(minimum.stop?.reason).toBe('minimumTolerance');
    expect(minimum.population!.tolerance).toBe(1.5);
    const constant = await runAbcSmc(createAbcSmcState(parameters, { ...settings, maxGenerations: 50 }), (batch) =>
      batch.map((c) => ({ generation: c.generation, index: c.index, distances: [2, 2] })),
    );
    expect(constant.stop?.reason).toBe('toleranceStalled');
    expect(constant.history.map((h) => h.tolerance)).toEqual([Infinity, 2]);
  });

  it('rejects invalid settings and priors', () => {
    expect(() => createAbcSmcState(parameters, { ...settings, maxCandidates: 10 })).toThrow(/maxCandidates/);
    expect(() => createAbcSmcState(parameters, { ...settings, toleranceQuantile: 1 })).toThrow(/toleranceQuantile/);
    expect(() => createAbcSmcState([], settings)).toThrow(/at least one parameter/);
    expect(() => createAbcSmcState([parameters[0], parameters[0]], settings)).toThrow(/twice/);
  });
});
