/**
 * Body of an experiment worker thread (started through experimentWorker.mjs). It receives the task
 * model once (as `workerData`), then tasks one at a time (`{ jobId, task, point, replication, seed,
 * values }`), runs each with {@link evaluateExperimentTask} and posts the outcome values back (their
 * buffer transferred).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateExperimentTask } from './evaluateExperimentTask.ts';
import type { ExperimentWorkerData, ExperimentWorkerReply, ExperimentWorkerRequest } from './experimentWorkerProtocol.ts';

const port = parentPort;
if (port === null) throw new Error('experimentWorkerEntry.ts must run in a worker thread');
const { model } = workerData as ExperimentWorkerData;

port.on('message', (request: ExperimentWorkerRequest) => {
  try {
    const started = performance.now();
    const values = evaluateExperimentTask(model, request.values, request.seed);
    const reply: ExperimentWorkerReply = { type: 'done', jobId: request.jobId, wallMs: performance.now() - started, values };
    port.postMessage(reply, [values.buffer as ArrayBuffer]);
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    const reply: ExperimentWorkerReply = { type: 'failed', jobId: request.jobId, message: err.message, stack: err.stack ?? '' };
    port.postMessage(reply);
  }
});
