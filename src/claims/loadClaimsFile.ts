/**
 * Node side of claims files: read and validate the file, load every scenario it names (arms and
 * groups, relative to the claims file) with the scenario loader, check each claim's arms against each
 * other (the same recorded years) and its windows against them, and read the posterior sample the
 * robustness draws come from — the {@link LoadedClaims} the claims command runs.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isRecordStep } from '../model/simulateModel.ts';
import { listParameterLeaves } from '../model/parameterSpecification.ts';
import { loadScenarioFile, type LoadedScenario } from '../scenario/loadScenarioFile.ts';
import { parseScenarioYaml } from '../scenario/parseScenarioYaml.ts';
import { formatByteSize, INPUT_FILE_LIMITS, readInputTextFile } from '../scenario/readInputFile.ts';
import { ScenarioError } from '../scenario/scenarioError.ts';
import { suggestSimilar } from '../scenario/suggest.ts';
import type { FieldPathSegment } from '../scenario/validateScenario.ts';
import { CONTRAST_ARMS, END_WINDOW, type ClaimsDefinition } from './claimsDefinition.ts';
import { claimsError, validateClaimsFile } from './validateClaimsFile.ts';

/** A posterior sample: parameter columns and weighted rows. */
export interface PosteriorSample {
  /** The file as read (joined to the claims file's folder). */
  readonly file: string;
  /** Dotted parameter paths (the CSV columns that name model parameters, in file order). */
  readonly parameters: readonly string[];
  /** rows[i][j]: particle i's value of parameters[j]. */
  readonly rows: readonly (readonly number[])[];
  /** Normalised weights (sum 1); equal when the file has no `weight` column. */
  readonly weights: readonly number[];
}

/** A claims file read, validated and checked against its scenarios. */
export interface LoadedClaims {
  /** The claims file as the caller named it. */
  readonly file: string;
  readonly definition: ClaimsDefinition;
  /** The file verbatim. */
  readonly sourceText: string;
  /** SHA-256 over the claims file, every scenario's content hash and the posterior file. */
  readonly contentHash: string;
  /** Every scenario the file names, each once: groups in order, then arms not in a group. */
  readonly scenarios: readonly LoadedScenario[];
  /** Scenario name of each scenario path as written in the file. */
  readonly scenarioNameOf: ReadonlyMap<string, string>;
  /** Recorded years (the results' `year` column) of each scenario, by name. */
  readonly recordedYears: ReadonlyMap<string, readonly number[]>;
  readonly posterior: PosteriorSample | null;
}

/**
 * The instants a scenario records, as their `year` labels (startYear + step / stepsPerYear).
 *
 * @example recordedYearsOf(defaultParameters()) // [2009, 2010, …, 2031]
 */
export function recordedYearsOf(parameters: LoadedScenario['modelInput']['parameters']): number[] {
  const total = parameters.time.years * parameters.time.stepsPerYear;
  const years: number[] = [];
  for (let step = 0; step <= total; step++) {
    if (isRecordStep(step, parameters.output.recordEvery, total)) years.push(parameters.time.startYear + step / parameters.time.stepsPerYear);
  }
  return years;
}

/** Every place a claims file names a scenario file: [field path, path as written]. */
function scenarioReferences(definition: ClaimsDefinition): [FieldPathSegment[], string][] {
  const refs: [FieldPathSegment[], string][] = [];
  definition.groups.forEach((g, i) => {
    refs.push([['groups', i, 'reference'], g.reference]);
    g.scenarios.forEach((s, j) => refs.push([['groups', i, 'scenarios', j], s]));
  });
  definition.claims.forEach((c, i) => {
    for (const key of CONTRAST_ARMS[c.contrast]) refs.push([['claims', i, 'arms', key], c.arms[key]]);
  });
  return refs;
}

/**
 * Parse a posterior sample CSV (as written by `zonesim calibrate`: particle, candidate, weight,
 * distance, one column per parameter, then target columns): the columns that name model parameters
 * and the weights.
 *
 * @throws {ScenarioError} naming the CSV, its row and column, when a value is not a finite number or
 *   no column names a parameter.
 */
export function parsePosteriorCsv(text: string, file: string): PosteriorSample {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new ScenarioError({ file, fieldPath: null, expected: 'a header and at least one row', found: `${lines.length} line(s)` });
  const header = lines[0].split(',').map((h) => h.trim());
  const leaves = new Set(listParameterLeaves().map(([p]) => p));
  const parameterColumns = header.map((h, j) => [h, j] as const).filter(([h]) => leaves.has(h));
  if (parameterColumns.length === 0) throw new ScenarioError({ file, fieldPath: 'row 1', expected: 'at least one column named by a model parameter path (e.g. investment.mobile.elasticity)', found: `columns ${header.slice(0, 6).join(', ')}` });
  const weightColumn = header.indexOf('weight');
  const rows: number[][] = [];
  const weights: number[] = [];
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(',');
    const read = (j: number): number => {
      const v = Number(cells[j]);
      if (cells[j] === undefined || cells[j].trim() === '' || !Number.isFinite(v)) {
        throw new ScenarioError({ file, fieldPath: `row ${i + 2}, column ${j + 1} (${header[j]})`, expected: 'a finite number', found: cells[j] === undefined ? 'nothing' : JSON.stringify(cells[j]) });
      }
      return v;
    };
    rows.push(parameterColumns.map(([, j]) => read(j)));
    const w = weightColumn >= 0 ? read(weightColumn) : 1;
    if (w < 0) throw new ScenarioError({ file, fieldPath: `row ${i + 2}, column ${weightColumn + 1} (weight)`, expected: 'a weight ≥ 0', found: String(w) });
    weights.push(w);
  });
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new ScenarioError({ file, fieldPath: 'weight', expected: 'weights with a positive sum', found: 'weights summing to 0' });
  return { file, parameters: parameterColumns.map(([h]) => h), rows, weights: weights.map((w) => w / total) };
}

/**
 * Load a claims file: read and validate it, load every scenario it names (paths relative to the
 * claims file; each file once), check that the arms of each claim record the same years and that each
 * of its windows holds at least one of them, and read the posterior sample.
 *
 * @param file the claims file (relative to the working directory or absolute).
 * @returns the {@link LoadedClaims}.
 * @throws {ScenarioError} one line naming the file (claims file, scenario or CSV), the line, the
 *   field and what is wrong — e.g. a scenario file that does not exist is reported at the line that
 *   names it, with a did-you-mean among the files of its folder.
 * @example const claims = await loadClaimsFile('scenarios/claims/speech-2009.yaml');
 */
export async function loadClaimsFile(file: string): Promise<LoadedClaims> {
  const sourceText = await readInputTextFile(
    file,
    INPUT_FILE_LIMITS.experimentYaml,
    (found) => new ScenarioError({ file, fieldPath: null, expected: `an existing regular file of at most ${formatByteSize(INPUT_FILE_LIMITS.experimentYaml)}`, found, hint: missingFileHint(file) }),
  );
  const { value, locate } = parseScenarioYaml(sourceText, file);
  const definition = validateClaimsFile(value, file, { locate });
  const context = { file, locate };
  const folder = path.dirname(file);
  const resolve = (relative: string): string => (path.isAbsolute(relative) ? relative : path.join(folder, relative));

  const byResolved = new Map<string, LoadedScenario>();
  const order: LoadedScenario[] = [];
  const nameOf = new Map<string, string>();
  const fileOfName = new Map<string, string>();
  for (const [fieldPath, written] of scenarioReferences(definition)) {
    const resolved = path.normalize(resolve(written));
    let scenario = byResolved.get(resolved);
    if (scenario === undefined) {
      await readInputTextFile(resolved, INPUT_FILE_LIMITS.scenarioYaml, (found) =>
        claimsError(context, fieldPath, 'an existing scenario file (paths are relative to the claims file)', found, missingFileHint(resolved)),
      );
      scenario = await loadScenarioFile(resolved);
      const other = fileOfName.get(scenario.name);
      if (other !== undefined) {
        throw claimsError(context, fieldPath, 'scenario files with different names (reports are keyed by scenario name)', `${JSON.stringify(written)}, named "${scenario.name}" like ${other}`);
      }
      fileOfName.set(scenario.name, resolved);
      byResolved.set(resolved, scenario);
      order.push(scenario);
    }
    nameOf.set(written, scenario.name);
  }

  const recordedYears = new Map(order.map((s) => [s.name, recordedYearsOf(s.modelInput.parameters)]));
  definition.claims.forEach((claim, i) => {
    const arms = CONTRAST_ARMS[claim.contrast];
    const yearsOf = (key: string): readonly number[] => recordedYears.get(nameOf.get(claim.arms[key]) as string) ?? [];
    const first = yearsOf(arms[0]);
    for (const key of arms.slice(1)) {
      const years = yearsOf(key);
      if (years.length !== first.length || years.some((y, j) => Math.abs(y - first[j]) > 1e-9)) {
        throw claimsError(
          context,
          ['claims', i, 'arms', key],
          `a scenario recording the same years as ${claim.arms[arms[0]]} (${describeYears(first)}): paired differences need the same instants`,
          `${claim.arms[key]} recording ${describeYears(years)}`,
        );
      }
    }
    claim.windows.forEach((name, j) => {
      if (name === END_WINDOW) return;
      const w = definition.windows.find((x) => x.name === name)!;
      if (!first.some((y) => y >= w.from - 1e-9 && y <= w.to + 1e-9)) {
        throw claimsError(context, ['claims', i, 'windows', j - 1], `a window holding at least one recorded year of the claim's arms (${describeYears(first)})`, `${name} (${w.from}–${w.to})`);
      }
    });
  });

  let posterior: PosteriorSample | null = null;
  let posteriorText = '';
  if (definition.robustness.posterior !== null) {
    const csv = resolve(definition.robustness.posterior);
    posteriorText = await readInputTextFile(csv, INPUT_FILE_LIMITS.designCsv, (found) =>
      claimsError(context, ['robustness', 'posterior'], 'an existing posterior sample CSV (relative to the claims file)', found),
    );
    posterior = parsePosteriorCsv(posteriorText, csv);
  }

  const hash = createHash('sha256').update('zonesim-claims\0').update(sourceText, 'utf8');
  for (const s of order) hash.update(`\0${s.contentHash}`);
  hash.update('\0').update(posteriorText, 'utf8');
  return { file, definition, sourceText, contentHash: hash.digest('hex'), scenarios: order, scenarioNameOf: nameOf, recordedYears, posterior };
}

function describeYears(years: readonly number[]): string {
  if (years.length === 0) return 'no years';
  return `${years.length} instants ${years[0]}–${years[years.length - 1]}`;
}

/**
 * "did you mean …?" for a missing file: the closest name among the other .yaml/.yml files of its
 * folder (none for a file that exists but cannot be read as one: a folder, a named pipe, too big).
 *
 * @example missingFileHint('scenarios/no-zone.yaml') // 'did you mean "no-zones.yaml"?'
 */
export function missingFileHint(resolved: string): string | null {
  try {
    const wanted = path.basename(resolved);
    // The file itself is no suggestion (it exists but is of the wrong kind: a folder, a pipe, too big).
    const names = readdirSync(path.dirname(resolved)).filter((f) => /\.ya?ml$/i.test(f) && f !== wanted);
    const suggestion = suggestSimilar(wanted, names) ?? suggestSimilar(wanted.replace(/\.ya?ml$/i, ''), names.map((n) => n.replace(/\.ya?ml$/i, '')));
    if (suggestion === null) return null;
    const shown = /\.ya?ml$/i.test(suggestion) ? suggestion : `${suggestion}.yaml`;
    return `did you mean ${JSON.stringify(shown)}?`;
  } catch {
    return null;
  }
}
