/**
 * Node side of calibration files: read and validate the file, load its scenario and reference
 * scenario with the scenario loader, check the targets' dates and the priors against them, and hash
 * it all — the {@link LoadedCalibration} a calibration run starts from.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { listParameterLeaves } from '../model/parameterSpecification.ts';
import { loadScenarioFile, type LoadedScenario } from '../scenario/loadScenarioFile.ts';
import { parseScenarioYaml } from '../scenario/parseScenarioYaml.ts';
import { INPUT_FILE_LIMITS, readInputTextFile } from '../scenario/readInputFile.ts';
import type { ParameterOverrides } from '../scenario/validateScenario.ts';
import { ScenarioError } from '../scenario/scenarioError.ts';
import type { CalibrationDefinition } from './calibrationDefinition.ts';
import { checkCalibrationAgainstScenarios } from './checkCalibrationAgainstScenarios.ts';
import { calibrationError, validateCalibration } from './validateCalibration.ts';

/** A calibration file read, validated and checked against its scenarios. Plain data. */
export interface LoadedCalibration {
  /** The calibration file as the caller named it. */
  readonly file: string;
  readonly definition: CalibrationDefinition;
  /** The calibration file verbatim. */
  readonly sourceText: string;
  /**
   * SHA-256 (hex) over the calibration file and the content hashes of its scenario and reference
   * (which cover their data files): the identity of a calibration's results, with the model code.
   */
  readonly contentHash: string;
  readonly scenario: LoadedScenario;
  readonly reference: LoadedScenario | null;
  /** The free parameters the reference scenario sets itself (candidates leave them as it says). */
  readonly referenceFixedPaths: readonly string[];
}

/** Dotted paths of the parameters a scenario file sets. */
function overriddenPaths(overrides: ParameterOverrides): Set<string> {
  const set = new Set<string>();
  for (const [leafPath] of listParameterLeaves()) {
    let node: unknown = overrides;
    for (const key of leafPath.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
    if (node !== undefined) set.add(leafPath);
  }
  return set;
}

/**
 * Load a calibration file: read and validate it, load the scenario (`scenario`) and the reference
 * (`reference`, both relative to the calibration file) with the scenario loader, and check every
 * target date, zone or industry index and prior corner against them.
 *
 * @param file the calibration file (relative to the working directory or absolute).
 * @returns the {@link LoadedCalibration}.
 * @throws {ScenarioError} one line naming the file (calibration or scenario), the line, the field
 *   and what is wrong.
 * @example const calibration = await loadCalibrationFile('scenarios/calibrations/recovery-small.yaml');
 */
export async function loadCalibrationFile(file: string): Promise<LoadedCalibration> {
  // A regular file of bounded size, read without blocking: a named pipe, /dev/zero or a huge file is
  // refused in one line instead of hanging the command (found by the fuzz suite).
  const sourceText = await readInputTextFile(
    file,
    INPUT_FILE_LIMITS.experimentYaml,
    (found) => new ScenarioError({ file, fieldPath: null, expected: 'an existing readable calibration file', found }),
  );
  const { value, locate } = parseScenarioYaml(sourceText, file);
  const definition = validateCalibration(value, file, { locate });
  const context = { file, locate };
  const folder = path.dirname(file);
  const load = async (key: 'scenario' | 'reference', relative: string): Promise<LoadedScenario> => {
    const resolved = path.isAbsolute(relative) ? relative : path.join(folder, relative);
    await readInputTextFile(resolved, INPUT_FILE_LIMITS.scenarioYaml, (found) =>
      calibrationError(context, [key], 'an existing scenario file (paths are relative to the calibration file)', found),
    );
    return loadScenarioFile(resolved);
  };
  const scenario = await load('scenario', definition.scenario);
  const reference = definition.reference === null ? null : await load('reference', definition.reference);
  const referenceOverrides = reference === null ? new Set<string>() : overriddenPaths(reference.overrides);
  const referenceFixedPaths = definition.parameters.map((p) => p.name).filter((p) => referenceOverrides.has(p));
  checkCalibrationAgainstScenarios(
    definition,
    { file: scenario.file, parameters: scenario.modelInput.parameters, fixedPaths: new Set() },
    reference === null ? null : { file: reference.file, parameters: reference.modelInput.parameters, fixedPaths: new Set(referenceFixedPaths) },
    context,
  );
  const hash = createHash('sha256').update('zonesim-calibration\0').update(sourceText, 'utf8').update(`\0${scenario.contentHash}\0${reference?.contentHash ?? ''}`);
  return { file, definition, sourceText, contentHash: hash.digest('hex'), scenario, reference, referenceFixedPaths };
}
