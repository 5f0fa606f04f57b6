/**
 * Body of a task worker thread (started through taskWorker.mjs): the one worker entry of every run,
 * whatever analysis asked for the tasks. It receives the run's model inputs and recordings once (as
 * `workerData`), then tasks one at a time, runs each with {@link recordTask} and posts the record
 * back.
 *
 * The record's buffers are copied (structured clone), never transferred: transferring detaches an
 * ArrayBuffer, and the first detached buffer in a thread invalidates V8's "array buffers are never
 * detached" protector for good, after which every typed-array access in the thread checks for
 * detachment. Measured 2026-12-06 (Node 20, Henan replication, fresh processes): 221–244 ms CPU with
 * the protector intact against 247–286 ms after one detach; the copy costs little:
 * a Henan-size comparison record is 49 kB, posted and received as a copy in 0.015 ms (median of 50)
 * (docs/runner-and-reports.md, "Why the workers copy").
 */
import { parentPort, workerData } from 'node:worker_threads';
import { applyParameterOverrides } from './parameterSets.ts';
import { recordTask } from './recordTask.ts';
import type { JobReply, TaskWorkerData, TaskWorkerDone, TaskWorkerRequest } from './workerPool.ts';

const port = parentPort;
if (port === null) throw new Error('taskWorkerEntry.ts must run in a worker thread');
const { models, recordings } = workerData as TaskWorkerData;

port.on('message', (request: TaskWorkerRequest) => {
  try {
    const started = performance.now();
    const input = applyParameterOverrides(models[request.model], request.overrides);
    const record = recordTask(input, request.seed, recordings[request.recording]);
    const reply: TaskWorkerDone = { type: 'done', jobId: request.jobId, wallMs: performance.now() - started, record };
    port.postMessage(reply); // copied, not transferred (see the module comment)
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    const reply: JobReply<TaskWorkerDone> = { type: 'failed', jobId: request.jobId, message: err.message, stack: err.stack ?? '' };
    port.postMessage(reply);
  }
});
