/**
 * The benchmark's instrumented replication (no timing assertions: timings live in `npm run bench`):
 * the hand-run schedule must reproduce simulateModel.
 */
import { describe, expect, it } from 'vitest';
import { runInstrumentedReplication, mechanismNames, INITIALISE_PHASE } from '../../bench/instrumentedReplication.ts';
import { replicationSeed } from '../../src/model/randomStreams.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';

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
