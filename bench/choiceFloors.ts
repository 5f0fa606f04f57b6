/**
 * The model's location choice against the cached-weights kernels (bench/cachedWeightsKernel.ts) on one
 * real state: CPU time per decision of `sampleLocation` and of the kernel of the same sampler, over
 * the same pool of projects, in interleaved rounds. Only the decision is timed on either side (no
 * entry, no bookkeeping, no refresh), and the two pick the same zones (checked on every round through
 * the checksums), so the ratio is the model's overhead over its own algorithm.
 */
import { initialiseModel } from '../src/model/initialiseModel.ts';
import type { ModelInput } from '../src/model/modelInput.ts';
import { stepModel } from '../src/model/stepModel.ts';
import { ratioOf, spread, type Spread, type SpreadRatio } from './benchStatistics.ts';
import { drawProjectPool, runKernel, runModelChoice, snapshotChoice, type SamplerName } from './cachedWeightsKernel.ts';
import { runInterleaved } from './interleavedRounds.ts';

/** One sampler's floor. */
export interface ChoiceFloor {
  readonly sampler: SamplerName;
  /** Decisions per timed measurement (the pool, repeated). */
  readonly decisions: number;
  /** CPU ns per decision of the JavaScript thread (of the process where /proc is missing), model and kernel. */
  readonly modelNanos: Spread;
  readonly kernelNanos: Spread;
  /** model / kernel. */
  readonly ratio: SpreadRatio;
  /** Whether model and kernel produced the same checksum of picks in every round. */
  readonly picksAgree: boolean;
}

/** The state the decisions are made on, and the floors. */
export interface ChoiceFloors {
  readonly zones: number;
  readonly step: number;
  readonly poolProjects: number;
  readonly floors: readonly ChoiceFloor[];
}

/** Repeats of the pool per timed measurement, so each lasts some tens of ms. */
const REPEATS: Record<SamplerName, number> = { tree: 64, scan: 8 };

/**
 * Run `input` (core settings, tree sampler) with `seed` for `steps` steps, draw a pool of projects,
 * and time each sampler's model choice and kernel in `rounds` interleaved rounds.
 */
export function measureChoiceFloors(
  input: ModelInput,
  seed: number,
  steps: number,
  poolProjects: number,
  rounds: number,
  progress: (message: string) => void = () => {},
): ChoiceFloors {
  const state = initialiseModel(input, seed);
  while (state.step < steps) stepModel(state);
  const snapshot = snapshotChoice(state);
  const pool = drawProjectPool(state, poolProjects, seed ^ 0x5eed);
  const scratch = new Float64Array(snapshot.zoneCount + 1);
  const floors: ChoiceFloor[] = [];
  for (const sampler of ['tree', 'scan'] as const) {
    const repeats = REPEATS[sampler];
    const repeat = (once: () => number) => (): number => {
      let checksum = 0;
      for (let r = 0; r < repeats; r++) checksum += once();
      return checksum;
    };
    const runs = runInterleaved(
      [
        { label: 'model', run: repeat(() => runModelChoice(state, pool, sampler)) },
        { label: 'kernel', run: repeat(() => runKernel(snapshot, pool, sampler, scratch)) },
      ],
      rounds,
      2,
      (m) => progress(`choice floor (${sampler}): ${m}`),
    );
    const decisions = repeats * pool.count;
    const perDecision = (index: number): Spread => spread(runs[index].times.map((t) => ((Number.isFinite(t.threadCpuMs) ? t.threadCpuMs : t.processCpuMs) * 1e6) / decisions));
    const modelNanos = perDecision(0);
    const kernelNanos = perDecision(1);
    floors.push({
      sampler,
      decisions,
      modelNanos,
      kernelNanos,
      ratio: ratioOf(modelNanos, kernelNanos),
      picksAgree: runs[0].values.every((v, i) => v === runs[1].values[i]),
    });
  }
  return { zones: snapshot.zoneCount, step: state.step, poolProjects, floors };
}
