/**
 * Node side of scenario loading: read a scenario file, parse and validate it, read the data files it
 * references, and produce the {@link ModelInput} the model runs on plus a content hash for reports.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { industryNamesOf } from '../model/industries.ts';
import type { ModelInput, RelatednessMatrixInput, ZoneLayoutInput } from '../model/modelInput.ts';
import { listParameterLeaves } from '../model/parameterSpecification.ts';
import { parseRelatednessCsv } from './parseRelatednessCsv.ts';
import { parseScenarioYaml } from './parseScenarioYaml.ts';
import { parseZoneLayoutCsv } from './parseZoneLayoutCsv.ts';
import { formatByteSize, INPUT_FILE_LIMITS, readInputTextFile } from './readInputFile.ts';
import { ScenarioError } from './scenarioError.ts';
import { formatFieldPath, validateScenario, type FieldLocator, type ParameterOverrides } from './validateScenario.ts';

/** A scenario file read, validated and ready to run. Plain data. */
export interface LoadedScenario {
  /** The scenario file as given by the caller (used in messages and reports). */
  readonly file: string;
  readonly name: string;
  readonly description: string;
  /** The scenario file's text, verbatim (reports store it for reproducibility). */
  readonly sourceText: string;
  /**
   * SHA-256 (hex) of the scenario text followed by the text of every data file it references (the
   * relatedness CSV), in parameter-table order. It does not cover the defaults of parameters the file
   * leaves out: record the code version next to it.
   */
  readonly contentHash: string;
  /** Only the parameters the file sets. */
  readonly overrides: ParameterOverrides;
  /** Validated parameters plus the checked relatedness matrix (or null). */
  readonly modelInput: ModelInput;
  /**
   * The relatedness CSV as read (joined to the scenario's folder when relative), or null when the
   * matrix is generated; experiments name it when a design point's industries.count does not fit it.
   */
  readonly relatednessFile: string | null;
}

/** The parameter path whose file is read as the relatedness matrix. */
const RELATEDNESS_FILE_PATH = 'industries.relatednessFile';
/** The parameter path whose file is read as the zone layout. */
const ZONE_FILE_PATH = 'zones.dataFile';

/** A data path from a scenario, as shown to the user: relative paths joined to the scenario's folder. */
function resolveDataPath(scenarioFile: string, dataPath: string): string {
  return path.isAbsolute(dataPath) ? dataPath : path.join(path.dirname(scenarioFile), dataPath);
}

/** Read the value at a dotted path of a plain object. */
function valueAt(root: unknown, dottedPath: string): unknown {
  let node = root;
  for (const key of dottedPath.split('.')) node = (node as Record<string, unknown> | null)?.[key];
  return node;
}

/**
 * Load one scenario file: read it, parse the YAML, validate it against the parameter table, read and
 * check the files its path parameters name (relative to the scenario file's folder), and assemble the
 * model input.
 *
 * Why: the CLI and the tests need one call that either yields something runnable or a one-line
 * message saying exactly what is wrong with which file.
 *
 * @param file Path of the YAML file, relative to the working directory or absolute; it is used as-is
 *   in messages and in `LoadedScenario.file`.
 * @returns The validated scenario with its model input and content hash.
 * @throws {ScenarioError} When the scenario file is missing, unreadable, not a regular file or over
 *   1 MiB (`expected an existing regular file of at most 1 MiB, found no such file "…"`), is not
 *   UTF-8 (line of the first bad byte), is not valid YAML (line and column), fails validation
 *   (field path and line), or when a referenced data file is missing or not a regular file of at
 *   most 16 MiB (reported at the parameter's line) or malformed (reported with row and column of the data file).
 *
 * @example
 * const scenario = await loadScenarioFile('scenarios/baseline.yaml');
 * runModel(scenario.modelInput, seed);
 */
export async function loadScenarioFile(file: string): Promise<LoadedScenario> {
  const sourceText = await readInputTextFile(
    file,
    INPUT_FILE_LIMITS.scenarioYaml,
    (found) => new ScenarioError({ file, fieldPath: null, expected: `an existing regular file of at most ${formatByteSize(INPUT_FILE_LIMITS.scenarioYaml)}`, found }),
  );
  const { value, locate } = parseScenarioYaml(sourceText, file);
  const scenario = validateScenario(value, file, { locate });
  const hash = createHash('sha256').update(sourceText, 'utf8');

  let relatedness: RelatednessMatrixInput | null = null;
  let zoneText: { text: string; shownPath: string } | null = null;
  let relatednessFile: string | null = null;
  for (const [leafPath, leaf] of listParameterLeaves()) {
    if (leaf.kind !== 'path') continue;
    const dataPath = valueAt(scenario.parameters, leafPath);
    if (typeof dataPath !== 'string') continue;
    const shownPath = resolveDataPath(file, dataPath);
    const limit = leafPath === ZONE_FILE_PATH ? INPUT_FILE_LIMITS.zoneCsv : INPUT_FILE_LIMITS.relatednessCsv;
    const dataText = await readInputTextFile(shownPath, limit, (found) =>
      dataFileError(file, leafPath, locate, found),
    );
    hash.update(dataText, 'utf8');
    if (leafPath === RELATEDNESS_FILE_PATH) {
      relatednessFile = shownPath;
      relatedness = parseRelatednessCsv(dataText, {
        file: shownPath,
        expectedSize: scenario.parameters.industries.count,
        expectedSizeSource: `industries.count in ${file}`,
      });
    } else if (leafPath === ZONE_FILE_PATH) {
      zoneText = { text: dataText, shownPath };
    }
  }
  // The zone file refers to industries by name, so it is read once the relatedness file is.
  let zoneLayout: ZoneLayoutInput | null = null;
  if (zoneText !== null) {
    zoneLayout = parseZoneLayoutCsv(zoneText.text, {
      file: zoneText.shownPath,
      scenarioFile: file,
      zoneCount: scenario.parameters.zones.count,
      initialFirmCount: scenario.parameters.firms.initialCount,
      industryNames: industryNamesOf({ parameters: scenario.parameters, relatedness }),
    });
  }

  return {
    file,
    name: scenario.name,
    description: scenario.description,
    sourceText,
    contentHash: hash.digest('hex'),
    overrides: scenario.overrides,
    modelInput: { parameters: scenario.parameters, relatedness, zoneLayout },
    relatednessFile,
  };
}

function dataFileError(file: string, leafPath: string, locate: FieldLocator, found: string): ScenarioError {
  const segments = leafPath.split('.');
  return new ScenarioError({
    file,
    fieldPath: formatFieldPath(segments),
    expected: `an existing regular file of at most ${formatByteSize(INPUT_FILE_LIMITS.relatednessCsv)} (paths are relative to the scenario file)`,
    found,
    line: locate(segments),
  });
}

/**
 * Load several scenario files (in the given order) and check that their names are unique.
 *
 * Why: reports and output folders are keyed by scenario name, so two scenarios with one name would
 * overwrite each other's results.
 *
 * @param files Paths of YAML files.
 * @returns The loaded scenarios, in the order of `files`.
 * @throws {ScenarioError} The first error of any file (files are loaded one after the other), or
 *   `<later file>: name: expected a name no other scenario uses, found "x" (also the name of <earlier file>)`.
 *
 * @example
 * const scenarios = await loadScenarioFiles(['scenarios/baseline.yaml', 'scenarios/no-zones.yaml']);
 */
export async function loadScenarioFiles(files: readonly string[]): Promise<LoadedScenario[]> {
  const loaded: LoadedScenario[] = [];
  const fileByName = new Map<string, string>();
  for (const file of files) {
    const scenario = await loadScenarioFile(file);
    const earlier = fileByName.get(scenario.name);
    if (earlier !== undefined) {
      throw new ScenarioError({
        file,
        fieldPath: 'name',
        expected: 'a name no other scenario uses',
        found: JSON.stringify(scenario.name),
        hint: `also the name of ${earlier}`,
        line: parseScenarioYaml(scenario.sourceText, file).locate(['name']),
      });
    }
    fileByName.set(scenario.name, file);
    loaded.push(scenario);
  }
  return loaded;
}
