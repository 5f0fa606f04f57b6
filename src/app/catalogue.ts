/**
 * The page's catalogue of scenarios and exercises, built from file texts: the bundled scenarios
 * (`scenarios/*.yaml`), the exercise presets (`docs/exercises/presets/*.yaml`) and the exercises
 * (`docs/exercises/*.md`, each with a YAML front matter naming its preset). Every scenario goes
 * through the command line's parser and validator.
 *
 * Pure module: the page passes in texts that Vite bundled (see `bundledFiles.ts`), the tests pass
 * texts read from disk.
 */
import { parse } from 'yaml';
import { stripRunMarkers } from './exerciseValues.ts';
import { importScenarioText } from './scenarioFiles.ts';
import type { ValidatedScenario } from '../scenario/validateScenario.ts';

/** A scenario the page can load in one click. */
export interface CatalogueScenario {
  /** Repository-relative path, e.g. `scenarios/baseline.yaml`; also its key. */
  readonly key: string;
  /** Where it comes from. */
  readonly source: 'bundled' | 'exercise';
  readonly text: string;
  readonly scenario: ValidatedScenario;
}

/** A guided exercise (docs/exercises/*.md). */
export interface Exercise {
  /** File name without extension, e.g. `arthur-lock-in`. */
  readonly id: string;
  /** Repository-relative path of the Markdown file. */
  readonly file: string;
  readonly title: string;
  /** The claim or classic result the exercise tests, one line. */
  readonly claim: string;
  readonly rules: readonly string[];
  /** Catalogue key of the scenario loaded as "my policy". */
  readonly preset: string;
  /** Catalogue key of the comparison scenario, or null. */
  readonly compare: string | null;
  /** Province reporter names to chart first (optional; unknown names are ignored by the page). */
  readonly charts: readonly string[];
  /** Position in the exercise list (front matter `order`; files without one come last). */
  readonly order: number;
  /** The Markdown body after the front matter, without the run markers (HTML comments) of src/app/exerciseValues.ts. */
  readonly body: string;
}

/** The section headings every exercise must have (checked by the tests). */
export const EXERCISE_SECTIONS = ['Questions', 'What to try', 'What to notice', 'Notes for the teacher'] as const;

/**
 * Normalise a repository-relative path (resolves `.` and `..`).
 *
 * @example normalisePath('docs/exercises/../../scenarios/baseline.yaml') // 'scenarios/baseline.yaml'
 */
export function normalisePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

function directoryOf(path: string): string {
  const index = path.lastIndexOf('/');
  return index < 0 ? '' : path.slice(0, index);
}

/**
 * Validate scenario files into catalogue entries, in path order.
 *
 * @param files repository-relative path → file text.
 * @throws {ScenarioError} when a file is invalid (the bundled files are checked by the tests).
 */
export function buildScenarioCatalogue(files: Readonly<Record<string, string>>): CatalogueScenario[] {
  return Object.keys(files)
    .sort()
    .map((key) => ({
      key,
      source: key.startsWith('scenarios/') ? ('bundled' as const) : ('exercise' as const),
      text: files[key],
      scenario: importScenarioText(files[key], key),
    }));
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Parse an exercise file: `---` YAML front matter (title, claim, rules, preset, compare, charts, order;
 * paths relative to the exercise file) followed by Markdown.
 *
 * @throws {Error} when the front matter is missing or lacks title, claim or preset.
 */
export function parseExercise(file: string, text: string): Exercise {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: expected a YAML front matter between --- lines`);
  const front = parse(match[1]) as Record<string, unknown> | null;
  const title = front?.title;
  const claim = front?.claim;
  const preset = front?.preset;
  if (typeof title !== 'string' || typeof claim !== 'string' || typeof preset !== 'string') {
    throw new Error(`${file}: front matter needs title, claim and preset`);
  }
  const folder = directoryOf(file);
  const compare = typeof front?.compare === 'string' ? normalisePath(`${folder}/${front.compare}`) : null;
  const name = file.slice(file.lastIndexOf('/') + 1).replace(/\.md$/, '');
  return {
    id: name,
    file,
    title,
    claim,
    rules: stringList(front?.rules),
    preset: normalisePath(`${folder}/${preset}`),
    compare,
    charts: stringList(front?.charts),
    order: typeof front?.order === 'number' ? front.order : Number.MAX_SAFE_INTEGER,
    body: stripRunMarkers(match[2]),
  };
}

/**
 * Parse every exercise (by `order`, then file name), skipping README.md.
 *
 * @param files repository-relative path → Markdown text.
 */
export function buildExercises(files: Readonly<Record<string, string>>): Exercise[] {
  return Object.keys(files)
    .filter((file) => !/(^|\/)README\.md$/i.test(file))
    .sort()
    .map((file) => parseExercise(file, files[file]))
    .sort((a, b) => a.order - b.order);
}

/**
 * Turn Vite glob keys (paths relative to src/app, e.g. `../../scenarios/baseline.yaml`) into
 * repository-relative paths.
 */
export function fromAppRelativePaths(files: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(files)) out[normalisePath(`src/app/${key}`)] = text;
  return out;
}
