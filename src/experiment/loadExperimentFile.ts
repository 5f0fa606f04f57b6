/**
 * Node side of experiment files: read and validate the file, load its base scenario and CSV design,
 * generate the design, check every point's parameters, and hash it all — the {@link ExperimentPlan}
 * the runner, the store, the analysis and `zonesim merge` share.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseDesignCsv } from '../analysis/designs/parseDesignCsv.ts';
import type { ModelInput } from '../model/modelInput.ts';
import { loadScenarioFile, type LoadedScenario } from '../scenario/loadScenarioFile.ts';
import { parseScenarioYaml } from '../scenario/parseScenarioYaml.ts';
import { formatByteSize, INPUT_FILE_LIMITS, readInputTextFile } from '../scenario/readInputFile.ts';
import type { FieldLocator } from '../scenario/validateScenario.ts';
import { formatNumber, ScenarioError } from '../scenario/scenarioError.ts';
import { checkModelInputConsistency, checkParameterValues } from '../scenario/validateScenario.ts';
import { MAXIMUM_TASKS, type ExperimentDefinition } from './experimentDefinition.ts';
import { checkCsvDesignRows, generateExperimentDesign, type CsvDesignRows, type ExperimentDesignPoints } from './experimentDesign.ts';
import { withFactorValues } from './evaluateExperimentTask.ts';
import { validateExperiment } from './validateExperiment.ts';

/** The base scenario of an experiment, as recorded with its results. */
export interface PlanScenario {
  /** The path as written in the experiment file. */
  readonly file: string;
  readonly name: string;
  readonly description: string;
  readonly contentHash: string;
  readonly sourceText: string;
}

/**
 * Everything about an experiment that its results depend on, besides the model code: the validated
 * definition, the file texts and hashes, and the generated design. Its JSON form ({@link planToJson})
 * is stored with the results; {@link planFromJson} regenerates the design from it.
 */
export interface ExperimentPlan {
  readonly definition: ExperimentDefinition;
  /** The experiment file's name (without folders: the same on every machine). */
  readonly experimentFile: string;
  /** The experiment file verbatim. */
  readonly sourceText: string;
  /**
   * SHA-256 (hex) over the experiment file, the base scenario's content hash (which covers the data
   * files it names) and the CSV design's text: the identity of an experiment's results (with the
   * model fingerprint).
   */
  readonly contentHash: string;
  readonly baseScenario: PlanScenario;
  readonly csvDesign: CsvDesignRows | null;
  readonly design: ExperimentDesignPoints;
  /** points × replications per point. */
  readonly taskCount: number;
}

/** A loaded experiment: its plan and the base scenario's model input (needed to run tasks). */
export interface LoadedExperiment {
  /** The experiment file as the caller named it. */
  readonly file: string;
  readonly plan: ExperimentPlan;
  readonly baseInput: ModelInput;
}

/** Version of the stored plan's JSON layout. */
export const PLAN_FORMAT_VERSION = 1;

interface StoredPlan {
  readonly format: number;
  readonly definition: ExperimentDefinition;
  readonly experimentFile: string;
  readonly sourceText: string;
  readonly contentHash: string;
  readonly baseScenario: PlanScenario;
  readonly csvDesign: CsvDesignRows | null;
}

/**
 * The plan as stored (JSON, without the generated design).
 *
 * @example store.create(planToJson(plan))
 */
export function planToJson(plan: ExperimentPlan): string {
  const stored: StoredPlan = {
    format: PLAN_FORMAT_VERSION,
    definition: plan.definition,
    experimentFile: plan.experimentFile,
    sourceText: plan.sourceText,
    contentHash: plan.contentHash,
    baseScenario: plan.baseScenario,
    csvDesign: plan.csvDesign,
  };
  return JSON.stringify(stored);
}

/**
 * Rebuild a plan from its stored JSON, regenerating the design (deterministic).
 *
 * @throws {Error} when the JSON is not a stored plan of this format.
 * @example planFromJson(store.planJson()).taskCount
 */
export function planFromJson(json: string): ExperimentPlan {
  const stored = JSON.parse(json) as StoredPlan;
  if (stored?.format !== PLAN_FORMAT_VERSION) throw new Error(`stored experiment plan has format ${String(stored?.format)}, expected ${PLAN_FORMAT_VERSION}`);
  return assemblePlan(stored.definition, stored.experimentFile, stored.sourceText, stored.contentHash, stored.baseScenario, stored.csvDesign);
}

function assemblePlan(
  definition: ExperimentDefinition,
  experimentFile: string,
  sourceText: string,
  contentHash: string,
  baseScenario: PlanScenario,
  csvDesign: CsvDesignRows | null,
): ExperimentPlan {
  const design = generateExperimentDesign(definition, csvDesign);
  return {
    definition,
    experimentFile,
    sourceText,
    contentHash,
    baseScenario,
    csvDesign,
    design,
    taskCount: design.pointCount * definition.replicationsPerPoint,
  };
}

/**
 * Load an experiment file: read and validate it, load the base scenario (`scenario`, relative to the
 * experiment file) with the scenario loader, read a CSV design (`design.file`, relative to the
 * experiment file) and check its values, generate the design, and check that every design point
 * gives valid parameters (the cross-field rules of scenarios, e.g. supplyChains ≤ industries.count).
 *
 * @param file the experiment file (relative to the working directory or absolute).
 * @returns the {@link LoadedExperiment}.
 * @throws {ScenarioError} one line naming the file (experiment, base scenario or CSV), the place and
 *   what is wrong.
 * @example const { plan } = await loadExperimentFile('scenarios/experiments/guarantee-fund-risk.yaml');
 */
export async function loadExperimentFile(file: string): Promise<LoadedExperiment> {
  const sourceText = await readInputTextFile(
    file,
    INPUT_FILE_LIMITS.experimentYaml,
    (found) => new ScenarioError({ file, fieldPath: null, expected: `an existing regular file of at most ${formatByteSize(INPUT_FILE_LIMITS.experimentYaml)}`, found }),
  );
  const { value, locate } = parseScenarioYaml(sourceText, file);
  const definition = validateExperiment(value, file, { locate });
  const folder = path.dirname(file);
  const resolve = (relative: string): string => (path.isAbsolute(relative) ? relative : path.join(folder, relative));

  const scenarioPath = resolve(definition.scenario);
  // Check the path here, so that a missing or wrong file is reported at the experiment's scenario line.
  await readInputTextFile(
    scenarioPath,
    INPUT_FILE_LIMITS.scenarioYaml,
    (found) =>
      new ScenarioError({
        file,
        fieldPath: 'scenario',
        expected: `an existing regular file of at most ${formatByteSize(INPUT_FILE_LIMITS.scenarioYaml)}: the base scenario (paths are relative to the experiment file)`,
        found,
        line: locate(['scenario']),
      }),
  );
  const scenario = await loadScenarioFile(scenarioPath);
  const hash = createHash('sha256').update('zonesim-experiment\0').update(sourceText, 'utf8').update(`\0${scenario.contentHash}\0`);

  let csvDesign: CsvDesignRows | null = null;
  if (definition.design.type === 'csv') {
    const csvPath = resolve(definition.design.file);
    const text = await readInputTextFile(
      csvPath,
      INPUT_FILE_LIMITS.designCsv,
      (found) =>
        new ScenarioError({
          file,
          fieldPath: 'design.file',
          expected: `an existing regular file of at most ${formatByteSize(INPUT_FILE_LIMITS.designCsv)}: a CSV design (paths are relative to the experiment file)`,
          found,
          line: locate(['design', 'file']),
        }),
    );
    hash.update(text, 'utf8');
    const parsed = parseDesignCsv(text, { file: csvPath, expectedFactorNames: definition.factors.map((f) => f.name) });
    const k = parsed.design.factorCount;
    const rows = Array.from({ length: parsed.design.rowCount }, (_, i) => Array.from(parsed.design.values.subarray(i * k, (i + 1) * k)));
    checkCsvDesignRows(rows, definition.factors, csvPath);
    if (rows.length * definition.replicationsPerPoint > MAXIMUM_TASKS) {
      throw new ScenarioError({ file: csvPath, fieldPath: null, expected: `at most ${formatNumber(MAXIMUM_TASKS)} runs (rows × replications)`, found: `${rows.length} rows` });
    }
    csvDesign = { file: definition.design.file, rows };
  }

  const plan = assemblePlan(
    definition,
    path.basename(file),
    sourceText,
    hash.digest('hex'),
    { file: definition.scenario, name: scenario.name, description: scenario.description, contentHash: scenario.contentHash, sourceText: scenario.sourceText },
    csvDesign,
  );
  checkDesignPoints(plan, scenario, file, locate);
  return { file, plan, baseInput: scenario.modelInput };
}

/**
 * Check every design point as the full scenario it is: the base scenario's parameters with the
 * point's factor values written in must pass the checks of a scenario file — each factor value against
 * its parameter's range, the rules that tie parameters together (e.g. supplyChains ≤
 * industries.count) and the size of a relatedness matrix read from a file (issue 11, D1).
 *
 * @throws {ScenarioError} `<file>: line N: design point 17 (industries.count = 4, …): industries.supplyChains: expected …`,
 *   where line N is the line of the factor the failing rule involves (else of the first factor).
 */
function checkDesignPoints(plan: ExperimentPlan, scenario: LoadedScenario, file: string, locate: FieldLocator): void {
  const factors = plan.definition.factors;
  const paths = factors.map((f) => f.name);
  const relatednessSource =
    scenario.relatednessFile === null ? null : `${scenario.relatednessFile} named by industries.relatednessFile in ${plan.definition.scenario}`;
  // One working copy, its factor values overwritten at each point (a deep copy per point took 0.2 ms:
  // minutes for a million points).
  const parameters = withFactorValues(scenario.modelInput.parameters, paths, plan.design.values[0] ?? []);
  const writers = paths.map((dotted) => {
    const keys = dotted.split('.');
    let node = parameters as unknown as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = keys[keys.length - 1];
    return (value: unknown): void => {
      node[last] = value;
    };
  });
  plan.design.values.forEach((values, point) => {
    writers.forEach((write, j) => write(values[j]));
    try {
      checkParameterValues(parameters, paths, null);
      checkModelInputConsistency({ parameters, relatedness: scenario.modelInput.relatedness }, null, { relatednessSource });
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      const setting = paths.map((p, j) => `${p} = ${String(values[j])}`).join(', ');
      const involved = `${error.fieldPath ?? ''} ${error.expected}`;
      const factor = factors.find((f) => new RegExp(`(^|[^\\w.])${f.name.replace(/\./g, '\\.')}($|[^\\w.])`).test(involved)) ?? factors[0];
      throw new ScenarioError({
        file,
        fieldPath: `design point ${point} (${setting})${error.fieldPath ? `: ${error.fieldPath}` : ''}`,
        expected: error.expected,
        found: error.found,
        hint: error.hint ?? 'narrow the ranges so that every combination is a valid scenario',
        line: locate([factor.role === 'lever' ? 'levers' : 'uncertainties', factor.name]),
      });
    }
  });
}
