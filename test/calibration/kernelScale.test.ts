/**
 * The kernel scale (method setting `kernelScale`) on a problem with many weakly identified
 * parameters: 12 uniform parameters of which the data (two noisy observations, sd 0.05) identify 2.
 * With Beaumont et al.'s multiple 2 the importance weights are very uneven — an effective sample size
 * of 12–25 of 300 — and the covariance itself (1) keeps more of them and needs fewer candidates per
 * generation; half of it (0.5) lets the weights collapse. The numbers are those of seed 3 (the test is
 * deterministic), quoted in docs/calibration.md ("Kernel scale").
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createAbcSmcState, type AbcSmcState } from '../../src/calibration/abcSmcState.ts';
import type { AbcParameter } from '../../src/calibration/perturbationKernel.ts';
import { runAbcSmc } from '../../src/calibration/runAbcSmc.ts';
import { standardNormal, type UniformGenerator } from '../../src/model/randomStreams.ts';

const parameters: AbcParameter[] = Array.from({ length: 12 }, (_, i) => ({ name: `p${i}`, prior: { kind: 'uniform', lower: 0, upper: 1 } }));

/** Six generations with the given kernel scale; the distance is the two observations' error in units of their sd. */
function calibrate(kernelScale: number): Promise<AbcSmcState> {
  const state = createAbcSmcState(parameters, {
    populationSize: 300,
    maxGenerations: 6,
    maxCandidates: 200_000,
    toleranceQuantile: 0.5,
    minimumTolerance: 0,
    minimumAcceptanceRate: 0.001,
    replications: 1,
    commonRandomNumbers: false,
    kernelScale,
    seed: 3,
  });
  return runAbcSmc(
    state,
    (batch) =>
      batch.map((c) => {
        const draw = seedrandom.alea(String(c.seeds[0])) as unknown as UniformGenerator;
        const y1 = (c.values[0] as number) + 0.05 * standardNormal(draw);
        const y2 = (c.values[1] as number) + 0.05 * standardNormal(draw);
        return { generation: c.generation, index: c.index, distances: [Math.hypot(y1 - 0.3, y2 - 0.7) / 0.05] };
      }),
    { batchSize: 500 },
  );
}

describe('kernel scale', () => {
  it('with 10 weakly identified parameters, the covariance itself keeps more weight on average and needs fewer candidates than twice it; half of it collapses', async () => {
    const summary = async (scale: number) => {
      const final = await calibrate(scale);
      const later = final.history.slice(1);
      return {
        ess: later.map((h) => Math.round(h.effectiveSampleSize)),
        candidates: later.reduce((sum, h) => sum + h.candidates, 0),
        tolerance: final.population!.tolerance,
      };
    };
    const beaumont = await summary(2);
    const covariance = await summary(1);
    const half = await summary(0.5);
    expect(beaumont.ess).toEqual([22, 12, 15, 21, 25]);
    expect(covariance.ess).toEqual([40, 25, 12, 21, 40]);
    expect(Math.min(...half.ess)).toBe(2);
    // Scale 1: more acceptances per candidate (5,976 → 4,435 candidates for generations 1–5) and a lower final tolerance.
    expect(beaumont.candidates).toBe(5976);
    expect(covariance.candidates).toBe(4435);
    expect(covariance.tolerance).toBeLessThan(beaumont.tolerance);
  });
});
