/**
 * The code fingerprint of an experiment's tasks: SHA-256 over the runner's model fingerprint (the
 * model, the outcomes and the scenario loader: src/runner/modelFingerprint.ts) and the task evaluator
 * (how a design point is applied to the base scenario and reduced to outcomes). Stored with every
 * experiment so that a resumed run or a merge never mixes tasks computed by different code. (Changes
 * of the design code are caught by comparing the stored design points instead: see ExperimentStore.begin.)
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelFingerprint } from '../runner/modelFingerprint.ts';

/** Source files of src/experiment whose text enters the fingerprint besides the model's. */
const FINGERPRINTED = ['./evaluateExperimentTask.ts'];

let cached: string | null = null;

/**
 * The experiment code fingerprint (64 hex digits), computed once per process.
 *
 * @example experimentCodeFingerprint() // 'c41f…'
 */
export function experimentCodeFingerprint(): string {
  if (cached !== null) return cached;
  const hash = createHash('sha256').update(`model\0${modelFingerprint()}\0`);
  for (const file of FINGERPRINTED) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(fileURLToPath(new URL(file, import.meta.url))));
    hash.update('\0');
  }
  cached = hash.digest('hex');
  return cached;
}
