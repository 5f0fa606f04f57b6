/**
 * The worker pool: a replication computed in a worker thread equals the same replication computed in
 * this thread; failures in a worker or in the result handler stop the pool with that error; an abort
 * stops dispatching.
 */
import { describe, expect, it } from 'vitest';
import type { ModelInput } from '../../src/model/modelInput.ts';
import { replicationSeed } from '../../src/model/randomStreams.ts';
import { recordReplication } from '../../src/runner/recordReplication.ts';
import { ReplicationFailedError, runReplicationsOnWorkers, type ReplicationResult } from '../../src/runner/workerPool.ts';
import { inputWith } from '../support/modelInputs.ts';

const small = inputWith({ time: { years: 2 }, zones: { count: 4 }, projects: { perYear: 100 }, firms: { initialCount: 40 } });
const other = inputWith({ time: { years: 2 }, zones: { count: 7 }, projects: { perYear: 100 }, firms: { initialCount: 40 } });
const scenarios = [
  { name: 'small', modelInput: small },
  { name: 'other', modelInput: other },
];
const jobs = [0, 1, 2].flatMap((r) => [0, 1].map((scenarioIndex) => ({ scenarioIndex, replication: r, seed: replicationSeed(5, r) })));

describe('runReplicationsOnWorkers', () => {
  it('returns exactly what recordReplication computes in this thread, for every job once', async () => {
    const results: ReplicationResult[] = [];
    const outcome = await runReplicationsOnWorkers({ scenarios, jobs, workers: 2, onResult: (r) => results.push(r) });
    expect(outcome).toEqual({ completed: jobs.length, aborted: false });
    expect(results.map((r) => `${r.job.scenarioIndex}:${r.job.replication}`).sort()).toEqual(jobs.map((j) => `${j.scenarioIndex}:${j.replication}`).sort());
    for (const r of results) {
      const here = recordReplication(scenarios[r.job.scenarioIndex].modelInput, r.job.seed);
      expect(r.record).toEqual(here);
      expect(r.record.values).toBeInstanceOf(Float64Array);
      expect(r.wallMs).toBeGreaterThan(0);
    }
  });

  it('rejects with the worker’s error when a replication fails, naming scenario and replication', async () => {
    const broken = { parameters: {} } as unknown as ModelInput;
    const run = runReplicationsOnWorkers({ scenarios: [{ name: 'broken', modelInput: broken }], jobs: [{ scenarioIndex: 0, replication: 3, seed: 9 }], workers: 1, onResult: () => {} });
    await expect(run).rejects.toBeInstanceOf(ReplicationFailedError);
    await expect(run).rejects.toThrow(/replication 3 \(seed 9\) of scenario "broken" failed/);
  });

  it('rejects with the error thrown by onResult', async () => {
    const run = runReplicationsOnWorkers({
      scenarios,
      jobs,
      workers: 2,
      onResult: () => {
        throw new Error('disk full');
      },
    });
    await expect(run).rejects.toThrow('disk full');
  });

  it('stops dispatching when aborted, and does nothing when aborted before the start', async () => {
    const controller = new AbortController();
    let seen = 0;
    const outcome = await runReplicationsOnWorkers({
      scenarios,
      jobs,
      workers: 1,
      signal: controller.signal,
      onResult: () => {
        seen++;
        if (seen === 2) controller.abort();
      },
    });
    expect(outcome).toEqual({ completed: 2, aborted: true });
    const again = await runReplicationsOnWorkers({ scenarios, jobs, workers: 2, signal: controller.signal, onResult: () => { throw new Error('not called'); } });
    expect(again).toEqual({ completed: 0, aborted: true });
  });
});
