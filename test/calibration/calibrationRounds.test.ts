/**
 * Rounds: generation 0 is one round of N; later rounds aim at the candidates that should close the
 * generation — (N − accepted) / rate × 1.05, the rate so far or the previous generation's — within
 * [8, 10 N] and the generation's candidate limit; a stopped run has no round; and a state with
 * candidates in flight is refused (rounds are absorbed whole).
 */
import { describe, expect, it } from 'vitest';
import { createAbcSmcState, type AbcSmcState } from '../../src/calibration/abcSmcState.ts';
import { proposeCalibrationRound, roundSize } from '../../src/calibration/calibrationRounds.ts';
import type { AbcParameter } from '../../src/calibration/perturbationKernel.ts';

const parameters: AbcParameter[] = [{ name: 'a', prior: { kind: 'uniform', lower: 0, upper: 1 } }];
const initial = createAbcSmcState(parameters, {
  populationSize: 100,
  maxGenerations: 5,
  maxCandidates: 100_000,
  toleranceQuantile: 0.5,
  minimumTolerance: 0,
  minimumAcceptanceRate: 0.01,
  replications: 1,
  commonRandomNumbers: false,
  kernelScale: 2,
  seed: 1,
});

/** A state in generation 2 with `accepted` of `evaluated` candidates accepted so far, the previous generation at `previousRate`. */
function generationTwo(accepted: number, evaluated: number, previousRate: number, candidateLimit = 10_000): AbcSmcState {
  return {
    ...initial,
    generation: 2,
    tolerance: 1,
    candidateLimit,
    nextIndex: evaluated,
    evaluatedPrefix: evaluated,
    accepted: Array.from({ length: accepted }, (_, index) => ({ index, acceptance: 1, distances: [0.5], statistics: null })),
    population: { generation: 1, tolerance: 2, particles: [{ index: 0, values: [0.5], weight: 1, distances: [1], statistics: null }] },
    history: [
      { generation: 0, tolerance: Infinity, candidates: 100, acceptanceRate: 1, effectiveSampleSize: 100 },
      { generation: 1, tolerance: 2, candidates: 100 / previousRate, acceptanceRate: previousRate, effectiveSampleSize: 50 },
    ],
  };
}

describe('calibration rounds', () => {
  it('sizes rounds to close the generation', () => {
    expect(roundSize(initial)).toBe(100);
    // Start of a generation: 100 / 0.25 × 1.05 = 420.
    expect(roundSize(generationTwo(0, 0, 0.25))).toBe(420);
    // 60 of 300 so far (rate 0.2): 40 / 0.2 × 1.05 = 210.
    expect(roundSize(generationTwo(60, 300, 0.5))).toBe(210);
    // Nothing accepted yet counts as one acceptance: 100 / (1/500) × 1.05 = 52,500 → capped at 10 N.
    expect(roundSize(generationTwo(0, 500, 0.5))).toBe(1000);
    // At least 8; never past the candidate limit.
    expect(roundSize(generationTwo(99, 100, 0.5))).toBe(8);
    expect(roundSize(generationTwo(60, 300, 0.5, 350))).toBe(50);
    expect(roundSize({ ...initial, stop: { reason: 'budget', message: 'm' } })).toBe(0);
  });

  it('proposes a round from a state between rounds only', () => {
    const round = proposeCalibrationRound(initial);
    expect(round.candidates.map((c) => c.index)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(round.state.nextIndex).toBe(100);
    expect(() => proposeCalibrationRound(round.state)).toThrow(/candidates in flight/);
  });
});
