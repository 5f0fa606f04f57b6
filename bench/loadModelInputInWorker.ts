/**
 * Load a scenario's model input in a short-lived worker thread, so that the thread which then times
 * replications never runs the scenario loader.
 *
 * Why: V8 keeps, per isolate (per thread), a "no ArrayBuffer was ever detached" protector. While it
 * holds, typed-array loads and stores need no detachment check; once any ArrayBuffer in the thread is
 * detached, the protector is invalidated for good and every later typed-array access pays the check.
 * Under tsx, loading the CommonJS `yaml` package (the scenario parser; also `commander`) detaches a
 * buffer in the loading thread (seen with `node --trace-protector-invalidation`). A Henan replication
 * in such a thread took 247–286 ms CPU against 221–244 ms in a clean one (measured 2026-12-06, Node
 * 20, fresh processes, same seeds, same results). The run pipeline's workers never load scenarios and
 * never transfer buffers (src/runner/taskWorkerEntry.ts), so they run clean; the benchmark times each
 * implementation the same way by loading its input here. The input arrives by structured clone: a
 * copy with the same values (a model input is plain data and typed arrays).
 *
 * @param root The checkout whose `src/scenario/loadScenarioFile.ts` loads the file (this one, or an
 *   extracted commit: bench/legacyComparison.ts).
 * @param scenario The scenario file, relative to `root`.
 * @returns The scenario's `modelInput`.
 * @throws when the worker fails (the scenario's own error message is kept).
 * @example const input = await loadModelInputInWorker(process.cwd(), 'scenarios/henan.yaml');
 */
import { Worker } from 'node:worker_threads';

export function loadModelInputInWorker(root: string, scenario: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./scenarioLoaderWorker.mjs', import.meta.url), { workerData: { root, scenario } });
    let settled = false;
    worker.once('message', (input: unknown) => {
      settled = true;
      resolve(input);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(new Error(`loading ${scenario} of ${root} in a worker thread failed: ${error instanceof Error ? error.message : String(error)}`));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`loading ${scenario} of ${root}: the worker thread exited with code ${code} before sending the input`));
    });
  });
}
