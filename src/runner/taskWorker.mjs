// Worker-thread bootstrap of the task pool (src/runner/workerPool.ts). Node 20 cannot start a worker
// from a .ts file, so this plain module registers tsx's loader in the worker's thread and then imports
// the TypeScript entry, which does the work.
import { register } from 'tsx/esm/api';

register();
await import('./taskWorkerEntry.ts');
