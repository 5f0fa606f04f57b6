/**
 * The benchmark's side-by-side versions (bench/legacyComparison.ts): commit 4c7d987 extracted into a
 * temporary folder (with its package.json) runs in this process, a replication driven step by step ends where that version's
 * own simulateModel ends, and the firm-years are the sum of firms after each step / steps per year.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractCommit, LEGACY_COMMIT, LEGACY_SCENARIO, loadVersion } from '../../bench/legacyComparison.ts';
import { replicationSeed } from '../../src/model/randomStreams.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';

describe('legacy comparison', () => {
  it(`extracts ${LEGACY_COMMIT}, replicates with its own code, and removes the folder`, async () => {
    const extracted = extractCommit(process.cwd(), LEGACY_COMMIT);
    try {
      expect(existsSync(path.join(extracted.root, LEGACY_SCENARIO))).toBe(true);
      // Its package.json comes along, so tsx runs it as ES modules as it ran at its commit (not CommonJS).
      expect(JSON.parse(readFileSync(path.join(extracted.root, 'package.json'), 'utf8')).type).toBe('module');
      const old = await loadVersion(LEGACY_COMMIT, extracted.root, 'scenarios/baseline.yaml');
      const seed = replicationSeed(2009, 4);
      const counts = old.replicate(seed);
      const oldModel = (await import(pathToFileURL(path.join(extracted.root, 'src/model/simulateModel.ts')).href)) as typeof import('../../src/model/simulateModel.ts');
      const oldScenario = (await import(pathToFileURL(path.join(extracted.root, 'src/scenario/loadScenarioFile.ts')).href)) as typeof import('../../src/scenario/loadScenarioFile.ts');
      const reference = oldModel.simulateModel((await oldScenario.loadScenarioFile(path.join(extracted.root, 'scenarios/baseline.yaml'))).modelInput, seed);
      expect(counts.entries).toBe(reference.counters.entriesTotal);
      expect(counts.finalFirms).toBe(reference.firms.count);
      expect(counts.entries).toBeGreaterThan(0);
      // The old module is not this checkout's: its initialiseModel is a different function.
      expect(oldModel.simulateModel).not.toBe(simulateModel);
    } finally {
      extracted.remove();
    }
    expect(existsSync(extracted.root)).toBe(false);
  });

  it('counts firm-years step by step (this checkout)', async () => {
    const current = await loadVersion('current', process.cwd(), 'scenarios/baseline.yaml');
    const seed = replicationSeed(2009, 5);
    const counts = current.replicate(seed);
    const { modelInput } = await loadScenarioFile('scenarios/baseline.yaml');
    let firmSteps = 0;
    let steps = 0;
    // Independent count: the recording observer sees every step when recordEvery is 1.
    const everyStep = { ...modelInput, parameters: { ...modelInput.parameters, output: { recordEvery: 1 } } };
    const final = simulateModel(everyStep, seed, (state) => {
      if (state.step > 0) {
        firmSteps += state.firms.count;
        steps++;
      }
    });
    expect(steps).toBe(final.constants.totalSteps);
    expect(counts.firmYears).toBeCloseTo(firmSteps / final.constants.stepsPerYear, 9);
    expect(counts.entries).toBe(final.counters.entriesTotal);
  });

  it('replicates the same with the scenario loaded in a worker thread (how the timed children load it)', async () => {
    const seed = replicationSeed(2009, 6);
    const here = await loadVersion('current', process.cwd(), 'scenarios/baseline.yaml', 'this-thread');
    const worker = await loadVersion('current', process.cwd(), 'scenarios/baseline.yaml', 'worker');
    expect(worker.zones).toBe(here.zones);
    expect(worker.replicate(seed)).toEqual(here.replicate(seed));
  }, 60_000);
});
