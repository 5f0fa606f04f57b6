/**
 * A fingerprint of the code that determines a task's results: SHA-256 over the path and text of every
 * source file of the model (src/model), the outcomes (src/outcomes), the scenario loader (src/scenario:
 * parameter defaults and validation) and the task recorder (how parameter overrides are applied and
 * what is recorded). Stored in the run store so that a resumed run or a merge never mixes tasks
 * computed by different code.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Folders (relative to src/) and single files whose text makes up the fingerprint. */
const FINGERPRINTED = ['model', 'outcomes', 'scenario', 'runner/recordTask.ts', 'runner/recording.ts', 'runner/parameterSets.ts'];

function listSourceFiles(relative: string): string[] {
  const full = path.join(SOURCE_ROOT, relative);
  if (relative.endsWith('.ts')) return [relative];
  const out: string[] = [];
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    const child = path.posix.join(relative, entry.name);
    if (entry.isDirectory()) out.push(...listSourceFiles(child));
    else if (/\.(ts|mts|js|mjs|json)$/.test(entry.name)) out.push(child);
  }
  return out;
}

let cached: string | null = null;

/**
 * The model fingerprint (64 hex digits), computed once per process.
 *
 * @example modelFingerprint() // 'a3f1…'
 */
export function modelFingerprint(): string {
  if (cached !== null) return cached;
  const hash = createHash('sha256');
  const files = FINGERPRINTED.flatMap(listSourceFiles).sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(SOURCE_ROOT, file)));
    hash.update('\0');
  }
  cached = hash.digest('hex');
  return cached;
}
