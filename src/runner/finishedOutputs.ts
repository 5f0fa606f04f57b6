/**
 * Skip rewriting a finished run's outputs when nothing they depend on changed.
 *
 * Every output of an analysis (CSV files, manifest, report, chart images) is a deterministic function
 * of its stored tasks and of: the analysis definition, the code (all of src/, chart.js and the canvas
 * library), the zonesim version and git commit. The run store keeps a key over all of these and the
 * SHA-256 of every file written; when an invocation finds the same key and every file unchanged on
 * disk, it leaves them as they are (resuming a finished run then takes a second instead of a rewrite
 * of every summary, CSV file and chart). The key is cleared before outputs are rewritten, so a crash
 * half-way never leaves a key that vouches for half-written files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunStore } from './runStore.ts';
import { STORE_FORMAT_VERSION } from './runStore.ts';

const SOURCE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE_ROOT = path.resolve(SOURCE_ROOT, '..');

/** Packages whose code shapes the outputs (chart.js is inlined in the reports; the canvas draws the images). */
const OUTPUT_PACKAGES = ['chart.js', '@napi-rs/canvas'];

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else out.push(full);
  }
  return out;
}

let cachedCode: string | null = null;

/**
 * SHA-256 over every file under src/ and the versions of the packages that draw the report: any code
 * change that could change an output changes it. Computed once per process.
 */
export function outputsCodeFingerprint(): string {
  if (cachedCode !== null) return cachedCode;
  const hash = createHash('sha256');
  for (const file of sourceFiles(SOURCE_ROOT).sort()) {
    hash.update(`${path.relative(SOURCE_ROOT, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  for (const name of OUTPUT_PACKAGES) {
    const manifest = path.join(PACKAGE_ROOT, 'node_modules', name, 'package.json');
    const version = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version : 'absent';
    hash.update(`${name}@${String(version)}\0`);
  }
  cachedCode = hash.digest('hex');
  return cachedCode;
}

/**
 * The key of an analysis's outputs: SHA-256 over `facts` (the analysis definition and options, the
 * zonesim version and git commit — everything the outputs show), the code fingerprint and the store
 * format.
 *
 * @example outputsKey({ analysis: 'comparison', spec, renderReport: true, zonesimVersion, gitCommit })
 */
export function outputsKey(facts: unknown): string {
  return createHash('sha256')
    .update(`zonesim-outputs\0${STORE_FORMAT_VERSION}\0${outputsCodeFingerprint()}\0`)
    .update(JSON.stringify(facts))
    .digest('hex');
}

function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Whether the outputs recorded in the store under `key` are all still on disk, unchanged.
 *
 * @param outDir the run folder (file names are relative to it).
 */
export function outputsUpToDate(store: RunStore, outDir: string, key: string): boolean {
  const facts = store.runFacts();
  if (facts === null || facts.outputsKey !== key || facts.outputsJson === null) return false;
  const files = JSON.parse(facts.outputsJson) as Record<string, string>;
  for (const [file, hash] of Object.entries(files)) {
    const full = path.join(outDir, file);
    if (!existsSync(full) || fileHash(full) !== hash) return false;
  }
  return true;
}

/** Forget the recorded outputs (call before rewriting them). */
export function forgetOutputs(store: RunStore): void {
  store.setOutputs(null, null);
}

/**
 * Record the outputs just written under `key`, with the SHA-256 of each file.
 *
 * @param files file names relative to `outDir`.
 */
export function recordOutputs(store: RunStore, outDir: string, key: string, files: readonly string[]): void {
  const hashes: Record<string, string> = {};
  for (const file of files) hashes[file] = fileHash(path.join(outDir, file));
  store.setOutputs(key, JSON.stringify(hashes));
}
