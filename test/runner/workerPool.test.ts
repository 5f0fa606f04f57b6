/**
 * The task worker pool: a task computed in a worker thread equals the same task computed in this
 * thread (overrides applied, every recording); failures in a worker or in the result handler stop the
 * pool with that error; an abort stops dispatching.
 */
import { describe, expect, it } from 'vitest';
import type { ModelInput } from '../../src/model/modelInput.ts';
import { replicationSeed } from '../../src/model/randomStreams.ts';
import { applyParameterOverrides } from '../../src/runner/parameterSets.ts';
import { comparisonRecording, DEFAULT_RECORD_OPTION, outcomeRecording } from '../../src/runner/recording.ts';
import { recordTask, type TaskRecord } from '../../src/runner/recordTask.ts';
import { runTasksOnWorkers, type TaskJob } from '../../src/runner/workerPool.ts';
import { inputWith } from '../support/modelInputs.ts';

const small = inputWith({ time: { years: 2 }, zones: { count: 4 }, projects: { perYear: 100 }, firms: { initialCount: 40 } });
const other = inputWith({ time: { years: 2 }, zones: { count: 7 }, projects: { perYear: 100 }, firms: { initialCount: 40 } });
const recordings = [comparisonRecording(DEFAULT_RECORD_OPTION), outcomeRecording([{ reporter: 'output', statistic: 'mean' }])];
const workerData = { models: [small, other], recordings };
const jobs: (TaskJob & { id: string })[] = [0, 1, 2].flatMap((r) =>
  [0, 1].map((model) => ({ id: `${model}:${r}`, model, overrides: model === 1 && r === 2 ? [['zones.count', 5] as const] : [], seed: replicationSeed(5, r), recording: r % 2 })),
);
const fail = (job: TaskJob, message: string) => new Error(`task of model ${job.model} failed: ${message}`);

describe('runTasksOnWorkers', () => {
  it('returns exactly what recordTask computes in this thread, for every job once', async () => {
    const results: { job: TaskJob & { id: string }; record: TaskRecord; wallMs: number }[] = [];
    const outcome = await runTasksOnWorkers({ workerData, jobs, workers: 2, onResult: (job, record, wallMs) => results.push({ job, record, wallMs }), failure: fail });
    expect(outcome).toEqual({ completed: jobs.length, aborted: false });
    expect(results.map((r) => r.job.id).sort()).toEqual(jobs.map((j) => j.id).sort());
    for (const { job, record, wallMs } of results) {
      const here = recordTask(applyParameterOverrides(workerData.models[job.model], job.overrides), job.seed, recordings[job.recording]);
      expect(record).toEqual(here);
      expect(record.province).toBeInstanceOf(Float64Array);
      expect(wallMs).toBeGreaterThan(0);
    }
    // The override reached the worker: 5 zones instead of the model's 7.
    expect(results.find((r) => r.job.id === '1:2')?.record.zoneCount).toBe(5);
  });

  it('rejects with the error the caller builds when a task fails in a worker', async () => {
    const broken = { parameters: {} } as unknown as ModelInput;
    const run = runTasksOnWorkers({
      workerData: { models: [broken], recordings },
      jobs: [{ model: 0, overrides: [], seed: 9, recording: 0 }],
      workers: 1,
      onResult: () => {},
      failure: fail,
    });
    await expect(run).rejects.toThrow(/^task of model 0 failed: /);
  });

  it('rejects with the error thrown by onResult', async () => {
    const run = runTasksOnWorkers({
      workerData,
      jobs,
      workers: 2,
      onResult: () => {
        throw new Error('disk full');
      },
      failure: fail,
    });
    await expect(run).rejects.toThrow('disk full');
  });

  it('stops dispatching when aborted, and does nothing when aborted before the start', async () => {
    const controller = new AbortController();
    let seen = 0;
    const outcome = await runTasksOnWorkers({
      workerData,
      jobs,
      workers: 1,
      signal: controller.signal,
      onResult: () => {
        seen++;
        if (seen === 2) controller.abort();
      },
      failure: fail,
    });
    expect(outcome).toEqual({ completed: 2, aborted: true });
    const again = await runTasksOnWorkers({
      workerData,
      jobs,
      workers: 2,
      signal: controller.signal,
      onResult: () => {
        throw new Error('not called');
      },
      failure: fail,
    });
    expect(again).toEqual({ completed: 0, aborted: true });
  });
});
