/**
 * Worker side of the long fuzz run: receives `{ index, fuzzCase, scratchRoot }` messages, runs each
 * case with {@link runFuzzCase} and posts `{ index, outcome }` back. One case at a time.
 */
import { parentPort } from 'node:worker_threads';
import type { FuzzCase } from './fuzzCases.ts';
import { runFuzzCase } from './runFuzzCase.ts';

/** A case to run. */
export interface FuzzWorkerRequest {
  readonly index: number;
  readonly fuzzCase: FuzzCase;
  readonly scratchRoot: string;
}

if (parentPort === null) throw new Error('fuzzWorkerEntry: not in a worker thread');
const port = parentPort;
port.on('message', (request: FuzzWorkerRequest) => {
  void runFuzzCase(request.fuzzCase, request.scratchRoot).then((outcome) => port.postMessage({ index: request.index, outcome }));
});
port.postMessage({ ready: true });
