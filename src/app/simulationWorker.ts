/**
 * The classroom page's simulation worker: runs the unchanged model off the page's main thread, so
 * the page never freezes (see workerCore.ts for what it computes and sends).
 */
import type { WorkerRequest, WorkerResponse } from './workerProtocol.ts';
import { runBatchReplication, streamRun } from './workerCore.ts';

/** The parts of the dedicated worker scope this file uses (the DOM lib types `self` as a Window). */
interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const request = event.data;
  try {
    if (request.type === 'run') streamRun(request, (message) => scope.postMessage(message));
    else scope.postMessage(runBatchReplication(request));
  } catch (error) {
    scope.postMessage({
      type: 'error',
      runId: request.type === 'run' ? request.runId : null,
      jobId: request.type === 'replication' ? request.jobId : null,
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
