/**
 * Body of a task worker thread (started through taskWorker.mjs): the one worker entry of every run,
 * whatever analysis asked for the tasks. It receives the run's model inputs and recordings once (as
 * `workerData`), then tasks one at a time, runs each with {@link recordTask} and posts the record
 * back, transferring its buffers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { applyParameterOverrides } from './parameterSets.ts';
import { recordTask, taskRecordTransferList } from './recordTask.ts';
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
    port.postMessage(reply, taskRecordTransferList(record));
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    const reply: JobReply<TaskWorkerDone> = { type: 'failed', jobId: request.jobId, message: err.message, stack: err.stack ?? '' };
    port.postMessage(reply);
  }
});
