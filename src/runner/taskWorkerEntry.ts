/**
 * Body of a replication worker thread (started through replicationWorker.mjs). It receives the run's
 * scenarios once (as `workerData`), then jobs one at a time, runs each with
 * {@link recordReplication} and posts the compact record back, transferring its buffers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { recordReplication, recordTransferList } from './recordReplication.ts';
import type { WorkerData, WorkerReply, WorkerRequest } from './workerPool.ts';

const port = parentPort;
if (port === null) throw new Error('replicationWorkerEntry.ts must run in a worker thread');
const { scenarios } = workerData as WorkerData;

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const scenario = scenarios[request.scenarioIndex];
    const started = performance.now();
    const record = recordReplication(scenario.modelInput, request.seed);
    reply = { type: 'done', jobId: request.jobId, wallMs: performance.now() - started, record };
    port.postMessage(reply, recordTransferList(record));
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    reply = { type: 'failed', jobId: request.jobId, message: err.message, stack: err.stack ?? '' };
    port.postMessage(reply);
  }
});
