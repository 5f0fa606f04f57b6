/**
 * A calibration as a run of the one pipeline sees it: the loaded file, the evaluation model, the
 * algorithm's parameters and settings, what its tasks record and for how many years, and the
 * identity under which its state is stored. Stored as JSON in the run store's `run` row (without the
 * model inputs, which the store keeps by hash in `models`), so that `zonesim merge` rebuilds it from a
 * shard folder alone, as it does an experiment.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelInput } from '../model/modelInput.ts';
import { reporterByName } from '../outcomes/reporters.ts';
import { modelInputHash } from '../runner/parameterSets.ts';
import type { Recording } from '../runner/recording.ts';
import type { AbcSmcSettings } from './abcSmcState.ts';
import type { CalibrationDefinition, CalibrationTarget } from './calibrationDefinition.ts';
import {
  calibrationAbcParameters,
  calibrationAbcSettings,
  calibrationModelOf,
  createCalibrationModel,
  yearsForTargets,
  type CalibrationModel,
} from './evaluateCalibrationCandidate.ts';
import { requiredRecordSteps } from './evaluateTargetStatistics.ts';
import type { LoadedCalibration } from './loadCalibrationFile.ts';
import type { AbcParameter } from './perturbationKernel.ts';
import { timeGridOf } from './recordedTimeGrid.ts';

/** A scenario file of a calibration, as the outputs name and quote it. */
export interface CalibrationScenarioFacts {
  readonly file: string;
  readonly name: string;
  readonly description: string;
  readonly sourceText: string;
  /** SHA-256 of the file and its data files (src/scenario/loadScenarioFile.ts). */
  readonly contentHash: string;
}

/** What a model run of a calibration simulates and records: the model (0 scenario, 1 reference), its years and its recording. */
export interface CalibrationRunKind {
  readonly model: 0 | 1;
  /** Years simulated (the scenario's `time.years` is overridden when shorter). */
  readonly years: number;
  readonly recording: Recording;
}

/** Everything a calibration run needs (see the module comment). */
export interface CalibrationPlan {
  /** The calibration file as named on the command line. */
  readonly file: string;
  readonly sourceText: string;
  /** SHA-256 over the calibration file and its scenarios (loadCalibrationFile.ts). */
  readonly contentHash: string;
  readonly definition: CalibrationDefinition;
  readonly scenario: CalibrationScenarioFacts;
  readonly reference: CalibrationScenarioFacts | null;
  /** The free parameters the reference scenario sets itself. */
  readonly referenceFixedPaths: readonly string[];
  readonly model: CalibrationModel;
  readonly baseModelHash: string;
  readonly referenceModelHash: string | null;
  readonly parameters: readonly AbcParameter[];
  readonly settings: AbcSmcSettings;
  /**
   * SHA-256 over the content hash and the calibration code (src/calibration): a stored ABC state
   * belongs to this calibration only when the key matches. Any change restarts the algorithm from
   * generation 0 — cheaply, as every model run already stored is reused.
   */
  readonly analysisHash: string;
  /** A candidate's scenario run and (with contrasts) reference run. */
  readonly fit: CalibrationRunKind;
  readonly referenceFit: CalibrationRunKind | null;
  /** The posterior-predictive runs: every target's reporters and the predicted ones, to the end of `untilYear`. */
  readonly prediction: CalibrationRunKind;
  readonly referencePrediction: CalibrationRunKind | null;
  /** The last calendar year of the posterior-predictive runs. */
  readonly untilYear: number;
}

const CALIBRATION_SOURCE_DIR = path.dirname(fileURLToPath(import.meta.url));

let cachedCode: string | null = null;

/**
 * SHA-256 over the text of every file of src/calibration (computed once per process).
 *
 * @example calibrationCodeFingerprint().length // 64
 */
export function calibrationCodeFingerprint(): string {
  if (cachedCode !== null) return cachedCode;
  const hash = createHash('sha256');
  for (const name of readdirSync(CALIBRATION_SOURCE_DIR).filter((f) => f.endsWith('.ts')).sort()) {
    hash.update(`${name}\0`).update(readFileSync(path.join(CALIBRATION_SOURCE_DIR, name))).update('\0');
  }
  cachedCode = hash.digest('hex');
  return cachedCode;
}

/**
 * The recording of runs that serve these targets (and these further province reporters): the
 * province reporters they read at every recorded step, and their zone and industry reporters at
 * every recorded step (the records src/calibration/taskRecordIndex.ts indexes).
 *
 * @example targetRecording(targets, ['firms']).zone?.steps // 'every' when a target reads a zone reporter
 */
export function targetRecording(targets: readonly CalibrationTarget[], extraProvince: readonly string[], parameters: ModelInput['parameters']): Recording {
  const names = new Set(requiredRecordSteps(targets, timeGridOf(parameters)).reporters);
  for (const name of extraProvince) names.add(name);
  const ofScope = (scope: 'province' | 'zone' | 'industry'): string[] => [...names].filter((name) => reporterByName(name).scope === scope).sort();
  const zone = ofScope('zone');
  const industry = ofScope('industry');
  return {
    province: ofScope('province'),
    zone: zone.length === 0 ? null : { reporters: zone, steps: 'every' },
    industry: industry.length === 0 ? null : { reporters: industry, steps: 'every' },
    outcomes: [],
    layout: false,
  };
}

/** The last calendar year of a scenario's run. */
function lastYearOf(parameters: ModelInput['parameters']): number {
  return parameters.time.startYear + parameters.time.years - 1;
}

/** The plan's parts that follow from the definition and the two model inputs. */
function derive(
  definition: CalibrationDefinition,
  model: CalibrationModel,
): Pick<CalibrationPlan, 'parameters' | 'settings' | 'fit' | 'referenceFit' | 'prediction' | 'referencePrediction' | 'untilYear'> {
  const base = model.baseInput.parameters;
  const contrasts = definition.targets.filter((t) => t.contrast !== null);
  const untilYear = definition.predictions.until ?? lastYearOf(base);
  const predictionYears = untilYear - base.time.startYear + 1;
  const reference = model.referenceInput === null || contrasts.length === 0 ? null : model.referenceInput.parameters;
  return {
    parameters: calibrationAbcParameters(definition),
    settings: calibrationAbcSettings(definition),
    fit: { model: 0, years: yearsForTargets(definition.targets, base), recording: targetRecording(definition.targets, [], base) },
    referenceFit: reference === null ? null : { model: 1, years: yearsForTargets(contrasts, reference), recording: targetRecording(contrasts, [], reference) },
    prediction: { model: 0, years: predictionYears, recording: targetRecording(definition.targets, definition.predictions.reporters, base) },
    referencePrediction: reference === null ? null : { model: 1, years: predictionYears, recording: targetRecording(contrasts, [], reference) },
    untilYear,
  };
}

function analysisHashOf(contentHash: string): string {
  return createHash('sha256').update('zonesim-calibration-analysis\0').update(contentHash).update('\0').update(calibrationCodeFingerprint()).digest('hex');
}

function scenarioFacts(scenario: LoadedCalibration['scenario']): CalibrationScenarioFacts {
  return { file: scenario.file, name: scenario.name, description: scenario.description, sourceText: scenario.sourceText, contentHash: scenario.contentHash };
}

/**
 * The plan of a loaded calibration file.
 *
 * @example const plan = calibrationPlan(await loadCalibrationFile('scenarios/calibrations/henan.yaml'));
 */
export function calibrationPlan(loaded: LoadedCalibration): CalibrationPlan {
  const model = createCalibrationModel(loaded);
  return {
    file: loaded.file,
    sourceText: loaded.sourceText,
    contentHash: loaded.contentHash,
    definition: loaded.definition,
    scenario: scenarioFacts(loaded.scenario),
    reference: loaded.reference === null ? null : scenarioFacts(loaded.reference),
    referenceFixedPaths: loaded.referenceFixedPaths,
    model,
    baseModelHash: modelInputHash(model.baseInput),
    referenceModelHash: model.referenceInput === null ? null : modelInputHash(model.referenceInput),
    analysisHash: analysisHashOf(loaded.contentHash),
    ...derive(loaded.definition, model),
  };
}

/** The plan's fields that are stored (the rest is derived, and the model inputs are stored by hash). */
const STORED_FIELDS = ['file', 'sourceText', 'contentHash', 'definition', 'scenario', 'reference', 'referenceFixedPaths', 'baseModelHash', 'referenceModelHash'] as const;

/** The stored form of a plan (the `run` row's analysis JSON). */
type StoredPlan = { readonly format: 1 } & Pick<CalibrationPlan, (typeof STORED_FIELDS)[number]>;

/**
 * The plan as JSON for the run store (model inputs left out: the store keeps them by hash).
 *
 * @example store.beginRun({ …, analysisJson: calibrationPlanJson(plan) })
 */
export function calibrationPlanJson(plan: CalibrationPlan): string {
  const stored: Record<string, unknown> = { format: 1 };
  for (const field of STORED_FIELDS) stored[field] = plan[field];
  return JSON.stringify(stored);
}

/**
 * Rebuild a plan from its stored JSON and the model inputs the store holds.
 *
 * @param json the `run` row's analysis JSON.
 * @param modelInput the model input stored under a hash (null when absent).
 * @throws {Error} when the JSON is not a stored calibration plan or a model input is missing.
 * @example parseCalibrationPlan(facts.analysisJson, (hash) => storedModelInput(store, hash))
 */
export function parseCalibrationPlan(json: string, modelInput: (hash: string) => ModelInput | null): CalibrationPlan {
  const stored = JSON.parse(json) as StoredPlan;
  if (stored?.format !== 1) throw new Error('not a stored calibration plan of format 1');
  const input = (hash: string): ModelInput => {
    const found = modelInput(hash);
    if (found === null) throw new Error(`the run store lacks the model input ${hash.slice(0, 12)} of the calibration`);
    return found;
  };
  const definition = stored.definition;
  const model = calibrationModelOf(
    definition,
    input(stored.baseModelHash),
    stored.referenceModelHash === null ? null : input(stored.referenceModelHash),
    stored.referenceFixedPaths,
  );
  const { format: _format, ...fields } = stored;
  return {
    ...fields,
    model,
    analysisHash: analysisHashOf(stored.contentHash),
    ...derive(definition, model),
  };
}
