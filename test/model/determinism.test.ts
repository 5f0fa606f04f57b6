import { describe, expect, it } from 'vitest';
import { replicationSeed } from '../../src/model/randomStreams.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { createReporterCollector } from '../../src/outcomes/collectReporters.ts';
import { tidyCsvLines } from '../../src/runner/tidyCsv.ts';
import { inputWith, smallScenario } from '../support/modelInputs.ts';
import type { ModelInput } from '../../src/model/modelInput.ts';

/** The full tidy CSV text of one replication: every reporter at every recorded step. */
function runToCsv(input: ModelInput, seed: number): string {
  const collect = createReporterCollector();
  let text = '';
  simulateModel(input, seed, (state) => {
    text += tidyCsvLines('t', 0, seed, collect(state));
  });
  return text;
}

describe('the model is a pure function of (parameters, seed)', () => {
  it('gives byte-identical output for the same seed, run twice in one process', () => {
    const input = inputWith(smallScenario);
    const first = runToCsv(input, 7);
    const second = runToCsv(input, 7);
    expect(first.length).toBeGreaterThan(10_000);
    expect(second).toBe(first);
  });

  it('gives different output for different seeds', () => {
    const input = inputWith(smallScenario);
    expect(runToCsv(input, 7)).not.toBe(runToCsv(input, 8));
  });

  it('does not depend on what ran before (no hidden module state)', () => {
    const input = inputWith(smallScenario);
    const alone = runToCsv(input, 11);
    runToCsv(inputWith({ ...smallScenario, zones: { count: 9 } }), 3);
    expect(runToCsv(input, 11)).toBe(alone);
  });

  it('derives replication seeds from (base seed, index) only, distinct across replications', () => {
    const seeds = Array.from({ length: 1000 }, (_, r) => replicationSeed(2009, r));
    expect(new Set(seeds).size).toBe(1000);
    expect(replicationSeed(2009, 500)).toBe(seeds[500]);
    expect(replicationSeed(2010, 0)).not.toBe(seeds[0]);
    expect(() => replicationSeed(2009, -1)).toThrow(RangeError);
  });
});
