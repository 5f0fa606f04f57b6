/**
 * Scenario arguments of `zonesim compare`, `run` and `validate`: a file path, or the name of a bundled
 * scenario exactly as `zonesim list` prints it (`baseline`, `no-zones`). A missing file gets a
 * "did you mean" over the scenario files in its folder and the bundled names.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { suggestSimilar } from '../scenario/suggest.ts';
import { CliInputError } from './exitCodes.ts';

const SCENARIO_EXTENSION = /\.ya?ml$/i;

/** Whether `file` exists as a directory entry (a broken link or a link loop counts). */
function entryExists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Whether `file` is (or links to) a folder. */
function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** A path as the message shows it: bare when plain, else JSON-quoted (so the message stays one line). */
function quoted(text: string): string {
  return /^[\w./+@:\\-]+$/.test(text) ? text : JSON.stringify(text);
}

/** The scenario files (`.yaml`, `.yml`) directly in `folder`, or none when it cannot be read. */
function scenarioFilesIn(folder: string): string[] {
  try {
    return readdirSync(folder).filter((file) => SCENARIO_EXTENSION.test(file));
  } catch {
    return [];
  }
}

/**
 * Resolve one scenario argument to a file: an existing file as given; else a bundled scenario whose
 * name (its file name without `.yaml`, as `zonesim list` prints it) equals the argument, with or
 * without `.yaml` (also when a folder of that name exists, e.g. an output folder).
 *
 * Why: `zonesim list` prints names, and `zonesim compare baseline no-zones` should run them.
 *
 * @param bundledFiles absolute paths of the bundled scenario files (`scenarios/*.yaml`).
 * @throws {CliInputError} when the argument is neither a file nor a bundled name: one line naming the
 *   argument, what was expected and found, and the closest file of its folder or bundled name.
 * @example resolveScenarioArgument('no-zones', bundledScenarioFiles()) // '/…/scenarios/no-zones.yaml'
 */
export function resolveScenarioArgument(argument: string, bundledFiles: readonly string[], cwd = process.cwd()): string {
  const absolute = path.resolve(cwd, argument);
  // lstat: a path that exists as an entry (even a broken link or a loop) goes to the loader, which
  // names its problem; only a folder may give way to a bundled name of the same spelling.
  const exists = entryExists(absolute);
  if (exists && !isFolder(absolute)) return argument;
  const bundledByName = new Map(bundledFiles.map((file) => [path.basename(file).replace(SCENARIO_EXTENSION, ''), file]));
  const asName = argument.replace(SCENARIO_EXTENSION, '');
  if (!/[\\/]/.test(argument) && bundledByName.has(asName)) return bundledByName.get(asName)!;
  if (exists) return argument; // a folder that is not a bundled name: the loader says "found a folder"

  // Did you mean: files of the argument's folder (written as the user would type them), then bundled names.
  const folder = path.dirname(argument);
  const folderExists = isFolder(path.resolve(cwd, folder));
  const local = folderExists ? scenarioFilesIn(path.resolve(cwd, folder)).map((file) => (folder === '.' ? file : path.join(folder, file))) : [];
  const candidates = [...local, ...bundledByName.keys()];
  const typed = /[\\/]/.test(argument) ? argument : asName;
  const byBase = suggestSimilar(path.basename(typed).replace(SCENARIO_EXTENSION, ''), candidates.map((c) => path.basename(c).replace(SCENARIO_EXTENSION, '')));
  const suggestion = byBase === null ? null : candidates.find((c) => path.basename(c).replace(SCENARIO_EXTENSION, '') === byBase) ?? null;
  const shown = suggestion === null ? ' (see zonesim list for the bundled scenarios)' : `; did you mean ${quoted(suggestion)}?`;
  throw new CliInputError(`${quoted(argument)}: expected a scenario file or a bundled scenario name, found no such file or bundled scenario${shown}`);
}

/**
 * Resolve every scenario argument (see {@link resolveScenarioArgument}).
 *
 * @throws {CliInputError} for the first argument that is neither a file nor a bundled name.
 */
export function resolveScenarioArguments(argumentsGiven: readonly string[], bundledFiles: readonly string[], cwd = process.cwd()): string[] {
  return argumentsGiven.map((argument) => resolveScenarioArgument(argument, bundledFiles, cwd));
}
