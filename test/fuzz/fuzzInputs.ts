/**
 * The seeds of the fuzz suite: every bundled scenario, experiment and claims file, read from
 * `scenarios/`, `scenarios/experiments/` and `scenarios/claims/` when the suite starts (so files added
 * later are fuzzed too), parsed into plain data for structured mutations and kept as text for text
 * mutations; and the repository's files a claims file names (scenarios, a posterior sample).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
  /** The claims files of `scenarios/claims/` (they name their scenarios relative to themselves). */
  readonly claims: readonly SeedFile[];
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
 * key is a base scenario and counts as a scenario; a file in `scenarios/claims/` with a `claims` list
 * is a claims file.
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
  const claims: SeedFile[] = [];
  for (const file of yamlFiles(path.join('scenarios', 'claims'))) {
    const text = readFileSync(path.join(REPOSITORY_ROOT, file), 'utf8');
    const value = parse(text) as Record<string, unknown>;
    if (typeof value === 'object' && value !== null && Array.isArray(value.claims)) claims.push({ file, text, value });
  }
  if (scenarios.length === 0 || experiments.length === 0 || claims.length === 0) throw new Error('fuzz: no bundled scenario, experiment or claims files found');
  cache = { scenarios, experiments, claims };
  return cache;
}

const repositoryTexts = new Map<string, string | null>();

/**
 * The text of a repository file (relative to the repository root), or null when there is no such
 * regular file; read once per process. For the files a claims file names.
 *
 * @example repositoryFileText('scenarios/baseline.yaml') // 'name: baseline\n…'
 */
export function repositoryFileText(file: string): string | null {
  const normalized = path.normalize(file);
  if (normalized.startsWith('..') || path.isAbsolute(normalized)) return null;
  if (!repositoryTexts.has(normalized)) {
    let text: string | null = null;
    try {
      const full = path.join(REPOSITORY_ROOT, normalized);
      if (statSync(full).isFile()) text = readFileSync(full, 'utf8');
    } catch {
      text = null;
    }
    repositoryTexts.set(normalized, text);
  }
  return repositoryTexts.get(normalized) ?? null;
}
