/**
 * Correctness of the benchmark's helpers (no timing assertions: timings live in `npm run bench`).
 * The bare logit kernel must pick exactly what computeChoiceWeights + pickAlternative pick, and the
 * hand-run instrumented schedule must reproduce simulateModel.
 */
import { describe, expect, it } from 'vitest';
import { runInstrumentedReplication, mechanismNames, INITIALISE_PHASE } from '../../bench/instrumentedReplication.ts';
import { generateKernelInputs, logitPick, runKernel } from '../../bench/logitKernel.ts';
import { initialiseModel } from '../../src/model/initialiseModel.ts';
import { computeChoiceWeights, pickAlternative } from '../../src/model/locationChoice.ts';
import { createStream, replicationSeed } from '../../src/model/randomStreams.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';

describe('bare logit kernel', () => {
  it('picks the same alternative as computeChoiceWeights + pickAlternative on a real state', async () => {
    const { modelInput } = await loadScenarioFile('scenarios/baseline.yaml');
    // The bare kernel is a plain logit: every alternative counts once (no size variable).
    const parameters = structuredClone(modelInput.parameters);
    parameters.choice.sizeVariable = 'none';
    const state = initialiseModel({ ...modelInput, parameters }, replicationSeed(2009, 0));
    const zones = state.zones;
    const k = state.industries.count;
    const alternatives = zones.count + 1;
    const inverseScale = 1 / state.parameters.choice.scale;
    const modelWeights = new Float64Array(alternatives);
    const scratch = new Float64Array(alternatives);
    const utilities = new Float64Array(alternatives);
    const draw = createStream(7, 'choice');
    for (let industry = 0; industry < k; industry++) {
      const sum = computeChoiceWeights(state, industry, 0, modelWeights);
      for (let z = 0; z < zones.count; z++) {
        const free = zones.servicedHa[z] - zones.usedHa[z] - zones.idleHa[z];
        utilities[z] = free >= 0 ? (zones.baseUtility[z] + zones.industryUtility[z * k + industry]) * inverseScale : -Infinity;
      }
      utilities[zones.count] = state.parameters.choice.outside.enabled ? zones.baseUtility[zones.count] * inverseScale : -Infinity;
      for (let n = 0; n < 200; n++) {
        const u = draw();
        expect(logitPick(utilities, 0, alternatives, scratch, u)).toBe(pickAlternative(modelWeights, sum, u));
      }
    }
  });

  it('skips −∞ utilities and returns −1 when none is finite', () => {
    const scratch = new Float64Array(3);
    const utilities = Float64Array.from([-Infinity, 1, -Infinity]);
    for (const u of [0, 0.5, 0.999999]) expect(logitPick(utilities, 0, 3, scratch, u)).toBe(1);
    expect(logitPick(Float64Array.from([-Infinity, -Infinity]), 0, 2, scratch, 0.3)).toBe(-1);
  });

  it('is deterministic for seeded inputs', () => {
    const inputs = generateKernelInputs(13, 32, 1);
    const weights = new Float64Array(13);
    expect(runKernel(inputs, 100, weights)).toBe(runKernel(generateKernelInputs(13, 32, 1), 100, weights));
  });
});

describe('instrumented replication', () => {
  it('reproduces simulateModel and times every mechanism', async () => {
    const { modelInput } = await loadScenarioFile('scenarios/baseline.yaml');
    const seed = replicationSeed(2009, 3);
    const { result, state } = runInstrumentedReplication(modelInput, seed);
    const reference = simulateModel(modelInput, seed);
    expect(result.finalFirms).toBe(reference.firms.count);
    expect(result.entries).toBe(reference.counters.entriesTotal);
    expect(result.choiceEvaluations).toBe(reference.counters.choiceEvaluations);
    expect(Array.from(state.zones.firms)).toEqual(Array.from(reference.zones.firms));
    expect(Object.keys(result.phaseMs)).toEqual([INITIALISE_PHASE, ...mechanismNames()]);
    expect(result.choiceEvaluations).toBeGreaterThan(0);
  });
});
