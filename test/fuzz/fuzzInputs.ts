/**
 * The seeds of the fuzz suite: every bundled scenario and experiment file, read from `scenarios/` and
 * `scenarios/experiments/` when the suite starts (so files added later are fuzzed too), parsed into
 * plain data for structured mutations and kept as text for text mutations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** The repository root. */
export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** One bundled YAML file. */
export interface SeedFile {
  /** Path relative to the repository root, e.g. `scenarios/baseline.yaml`. */
  readonly file: string;
  readonly text: string;
  /** The parsed document (plain data). */
  readonly value: Record<string, unknown>;
}

/** The bundled files by kind: an experiment file names a base `scenario`, a scenario file does not. */
export interface SeedFiles {
  readonly scenarios: readonly SeedFile[];
  readonly experiments: readonly SeedFile[];
}

function yamlFiles(folder: string): string[] {
  return readdirSync(path.join(REPOSITORY_ROOT, folder))
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => path.join(folder, name));
}

let cache: SeedFiles | null = null;

/**
 * Read the bundled files (once per process). A file in `scenarios/experiments/` without a `scenario`
 * key is a base scenario and counts as a scenario.
 *
 * @throws {Error} when there is no bundled scenario or experiment at all (the suite would test nothing).
 */
export function seedFiles(): SeedFiles {
  if (cache !== null) return cache;
  const scenarios: SeedFile[] = [];
  const experiments: SeedFile[] = [];
  for (const file of [...yamlFiles('scenarios'), ...yamlFiles(path.join('scenarios', 'experiments'))]) {
    const text = readFileSync(path.join(REPOSITORY_ROOT, file), 'utf8');
    const value = parse(text) as Record<string, unknown>;
    if (typeof value !== 'object' || value === null) continue;
    (Object.hasOwn(value, 'scenario') ? experiments : scenarios).push({ file, text, value });
  }
  if (scenarios.length === 0 || experiments.length === 0) throw new Error('fuzz: no bundled scenario or experiment files found');
  cache = { scenarios, experiments };
  return cache;
}
