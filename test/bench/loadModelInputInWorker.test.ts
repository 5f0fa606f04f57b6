import { describe, expect, it } from 'vitest';
import { loadModelInputInWorker } from '../../bench/loadModelInputInWorker.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import type { ModelInput } from '../../src/model/modelInput.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';

describe('loadModelInputInWorker', () => {
  it('gives the model input this thread loads, value for value, and the same replication bit for bit', async () => {
    const here = (await loadScenarioFile('scenarios/baseline.yaml')).modelInput;
    const there = (await loadModelInputInWorker(process.cwd(), 'scenarios/baseline.yaml')) as ModelInput;
    expect(there).toEqual(here);
    const a = simulateModel(here, 2009);
    const b = simulateModel(there, 2009);
    expect(b.firms.count).toBe(a.firms.count);
    expect(Array.from(b.zones.output)).toEqual(Array.from(a.zones.output));
  }, 60_000);

  it('names the scenario and the checkout when the file cannot be loaded', async () => {
    await expect(loadModelInputInWorker(process.cwd(), 'scenarios/no-such-file.yaml')).rejects.toThrow(/no-such-file\.yaml.*worker thread failed/s);
  }, 60_000);
});
