// Worker-thread bootstrap of the long fuzz run (scripts/fuzz.ts): registers tsx's loader in this
// thread, then imports the TypeScript entry that runs cases. A case that hangs is stopped by the
// parent terminating this worker.
import { register } from 'tsx/esm/api';

register();
await import('./fuzzWorkerEntry.ts');
