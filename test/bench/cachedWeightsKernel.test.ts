/**
 * The cached-weights kernels (bench/cachedWeightsKernel.ts) are the model's own choice algorithm: on
 * a real state they pick exactly what the model's sampleLocation picks, with either sampler, for every
 * project of a pool; and the scan kernel's arithmetic is checked by hand on a three-zone example.
 */
import { describe, expect, it } from 'vitest';
import {
  drawProjectPool,
  runKernel,
  runModelChoice,
  scanKernelPick,
  snapshotChoice,
  treeKernelPick,
  type ChoiceSnapshot,
} from '../../bench/cachedWeightsKernel.ts';
import { coreParameters } from '../../bench/plainObjectsCore.ts';
import { initialiseModel } from '../../src/model/initialiseModel.ts';
import { sampleLocation } from '../../src/model/locationChoice.ts';
import { replicationSeed } from '../../src/model/randomStreams.ts';
import { stepModel } from '../../src/model/stepModel.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';

describe('cached-weights kernels', () => {
  it('pick what the model picks, decision by decision, with both samplers', async () => {
    const { modelInput } = await loadScenarioFile('scenarios/henan.yaml');
    const input = { ...modelInput, parameters: coreParameters(modelInput.parameters) };
    input.parameters.time.years = 3;
    const state = initialiseModel(input, replicationSeed(2009, 0));
    while (state.step < 30) stepModel(state);
    const snapshot = snapshotChoice(state);
    const pool = drawProjectPool(state, 2000, 11);
    const scratch = new Float64Array(snapshot.zoneCount + 1);
    let zonesPicked = 0;
    let redrawsNeeded = 0;
    for (let n = 0; n < pool.count; n++) {
      const tree = treeKernelPick(snapshot, scratch, pool.id[n], pool.industry[n], pool.landNeed[n], pool.uniform[n]);
      expect(tree).toBe(sampleLocation(state, pool.id[n], pool.industry[n], pool.investment[n], pool.landNeed[n], pool.uniform[n]));
      const scan = scanKernelPick(snapshot, scratch, pool.industry[n], pool.landNeed[n], pool.uniform[n]);
      expect(scan).toBe(sampleLocation({ ...state, choiceTrees: null }, pool.id[n], pool.industry[n], pool.investment[n], pool.landNeed[n], pool.uniform[n]));
      if (tree < snapshot.zoneCount) zonesPicked++;
      if (tree !== scan) redrawsNeeded++;
    }
    // Both kinds of outcome occur, and the tree's rejections (land test) make it differ from the scan on some draws.
    expect(zonesPicked).toBeGreaterThan(0);
    expect(zonesPicked).toBeLessThan(pool.count);
    expect(redrawsNeeded).toBeGreaterThan(0);
    expect(runKernel(snapshot, pool, 'tree', scratch)).toBe(runModelChoice(state, pool, 'tree'));
    expect(runKernel(snapshot, pool, 'scan', scratch)).toBe(runModelChoice(state, pool, 'scan'));
  });

  it('scan kernel: land test, cached weight × vacant land, inverse CDF (hand example)', () => {
    // Three zones, one industry. Free land 10, 2, 5 ha; cached weights 1, 4, 2; need 3 ha, so zone 1
    // is out. Weights: zone 0 = 1 × 10 = 10, zone 2 = 2 × 5 = 10, outside 5; total 25.
    // u = 0.39 → target 9.75 < 10: zone 0; u = 0.41 → 10.25: zone 2; u = 0.81 → 20.25 ≥ 20: outside (3).
    const s: ChoiceSnapshot = {
      zoneCount: 3,
      industryCount: 1,
      seed: 1,
      step: 0,
      cachedWeights: Float64Array.from([1, 4, 2, 0.5]),
      freeLand: Float64Array.from([10, 2, 5]),
      outsideWeight: 5,
      trees: { leaves: 4, industries: 1, sums: new Float64Array(8) },
    };
    const scratch = new Float64Array(4);
    expect(scanKernelPick(s, scratch, 0, 3, 0.39)).toBe(0);
    expect(scanKernelPick(s, scratch, 0, 3, 0.41)).toBe(2);
    expect(scanKernelPick(s, scratch, 0, 3, 0.81)).toBe(3);
    expect(Array.from(scratch)).toEqual([10, 0, 10, 5]);
  });

  it('refuses a state it does not model', async () => {
    const { modelInput } = await loadScenarioFile('scenarios/baseline.yaml');
    expect(() => snapshotChoice(initialiseModel(modelInput, 1))).toThrow(/core settings only/);
  });
});
