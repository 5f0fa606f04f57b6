// Worker-thread body of bench/loadModelInputInWorker.ts: registers tsx in this thread, loads one
// scenario file with the loader of the checkout at workerData.root, and posts its model input back
// (structured clone: a copy).
import { parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { loadScenarioFile } = await import(pathToFileURL(path.join(workerData.root, 'src/scenario/loadScenarioFile.ts')).href);
const loaded = await loadScenarioFile(path.join(workerData.root, workerData.scenario));
parentPort.postMessage(loaded.modelInput);
