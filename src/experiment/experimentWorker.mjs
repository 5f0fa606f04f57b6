// Worker-thread bootstrap of the experiment runner's pool (src/experiment/runExperimentFile.ts). Node 20
// cannot start a worker from a .ts file, so this plain module registers tsx's loader in the worker's
// thread and then imports the TypeScript entry, which does the work.
import { register } from 'tsx/esm/api';

register();
await import('./experimentWorkerEntry.ts');
