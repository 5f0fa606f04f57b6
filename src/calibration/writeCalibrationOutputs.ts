/**
 * Every file of a finished calibration's run folder, written from the run store alone (the stored
 * state and the stored posterior-predictive runs), so a single run, a resumed run and a merge of
 * shards write the same bytes (timings.json aside):
 *
 * - `posterior.csv`: one row per particle of the final population: particle, the candidate it came
 *   from, its weight, its distance (mean over replications), every parameter value and every target
 *   statistic (averaged over replications; empty = undefined);
 * - `parameters.csv`: per parameter the prior, posterior mean, sd, median, 90 % interval, posterior
 *   sd / prior sd, whether it is identified, and the calibrated scenario's value;
 * - `targets.csv`: per target the figure, the posterior's 5 %, 50 %, 95 % quantiles, the error of the
 *   median on the target's scale and in tolerances (fitted and held-out rows);
 * - `generations.csv`: per generation the tolerance, candidates, acceptance rate and effective sample size;
 * - `predictions.csv`: the posterior-predictive bands (every target over time, every predicted reporter);
 * - `<scenario>-calibrated.yaml`: the calibrated scenario (calibratedScenario.ts);
 * - `summary.json`: all of the above in one JSON document, with the run's facts;
 * - `calibration.html` and `charts/`: the report (src/report/renderCalibrationReport.ts).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunProvenance } from '../runner/analysisRunOptions.ts';
import { forgetOutputs, outputsKey, outputsUpToDate, recordOutputs } from '../runner/finishedOutputs.ts';
import { stopIfAborted } from '../runner/outputsCheckpoint.ts';
import type { RunStore } from '../runner/runStore.ts';
import { csvField } from '../runner/tidyCsv.ts';
import type { ChartImageFormat } from '../report/renderChartImages.ts';
import type { AbcSmcState } from './abcSmcState.ts';
import { calibratedScenarioName, calibratedScenarioYaml, writtenValue } from './calibratedScenario.ts';
import { simulationsPerCandidate } from './calibrationDefinition.ts';
import type { CalibrationPlan } from './calibrationPlan.ts';
import { IDENTIFICATION_TEXT, parameterResults, POINT_ESTIMATE_TEXT, targetFits, type ParameterResult, type TargetFit } from './calibrationResults.ts';
import { calibrationStateHash } from './calibrationStateStore.ts';
import type { CalibrationRun, TaskRecordReader } from './calibrationTasks.ts';
import { BAND_PROBABILITIES, posteriorPredictiveBands, type PosteriorPredictiveBands } from './posteriorPredictive.ts';

/** The data files of a calibration folder, in writing order (the calibrated scenario's name varies). */
export const CALIBRATION_DATA_FILES = ['posterior.csv', 'parameters.csv', 'targets.csv', 'generations.csv', 'predictions.csv', 'summary.json'] as const;

/** Options of {@link writeCalibrationOutputs}. */
export interface WriteCalibrationOutputsOptions {
  readonly outDir: string;
  readonly provenance: RunProvenance;
  readonly modelFingerprint: string;
  /** Render calibration.html and its chart images (default true). */
  readonly renderReport?: boolean;
  /** Formats of the chart image files (default PNG and SVG). */
  readonly imageFormats?: readonly ChartImageFormat[];
  readonly onPhase?: (phase: 'predict' | 'export' | 'report') => void;
  /** Stop between phases (src/runner/outputsCheckpoint.ts); the outputs are then written by the next run. */
  readonly signal?: AbortSignal;
}

/** What {@link writeCalibrationOutputs} wrote. */
export interface WrittenCalibrationOutputs {
  readonly files: readonly string[];
  /** calibration.html, or null without the report. */
  readonly reportPath: string | null;
  /** The calibrated scenario file (relative to the folder). */
  readonly calibratedScenario: string;
  /** True when every output was up to date and nothing was rewritten. */
  readonly unchanged: boolean;
  /** The summary (null when unchanged). */
  readonly summary: CalibrationSummary | null;
}

/** One generation of the run. */
export interface GenerationSummary {
  readonly generation: number;
  /** null for generation 0 (ε = ∞: every prior draw accepted). */
  readonly tolerance: number | null;
  readonly candidates: number;
  readonly acceptanceRate: number;
  readonly effectiveSampleSize: number;
}

/** summary.json. */
export interface CalibrationSummary {
  readonly calibration: string;
  readonly description: string;
  readonly calibrationFile: string;
  readonly scenario: { readonly file: string; readonly name: string };
  readonly reference: { readonly file: string; readonly name: string } | null;
  readonly method: CalibrationPlan['definition']['method'];
  readonly stop: { readonly reason: string; readonly message: string } | null;
  /** The posterior's generation and tolerance. */
  readonly posteriorGeneration: number;
  readonly posteriorTolerance: number | null;
  readonly particles: number;
  readonly effectiveSampleSize: number;
  /** Candidates charged to the budget, and the model runs they cost. */
  readonly candidatesUsed: number;
  readonly simulationsUsed: number;
  /** Candidates evaluated, including those computed beyond a generation's N-th acceptance. */
  readonly candidatesEvaluated: number;
  readonly budgetSimulations: number;
  readonly generations: readonly GenerationSummary[];
  readonly pointEstimate: string;
  readonly identification: string;
  readonly calibratedScenario: string;
  readonly parameters: readonly ParameterSummary[];
  readonly targets: readonly TargetFit[];
  readonly predictions: {
    readonly until: number;
    readonly draws: number;
    readonly probabilities: readonly number[];
    readonly axis: string;
    readonly reporters: PosteriorPredictiveBands['reporters'];
    readonly targets: PosteriorPredictiveBands['targets'];
  };
  readonly zonesimVersion: string;
  readonly gitCommit: string | null;
  readonly modelFingerprint: string;
  readonly contentHash: string;
  readonly stateHash: string;
}

/** A parameter in summary.json (choice probabilities as a list). */
export type ParameterSummary = Omit<ParameterResult, 'choiceProbabilities'> & { readonly choiceProbabilities: readonly [unknown, number][] | null };

function number(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : String(value);
}

function valueText(value: unknown): string {
  return typeof value === 'string' ? csvField(value) : typeof value === 'number' ? number(value) : String(value);
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** posterior.csv. */
export function posteriorCsv(plan: CalibrationPlan, state: AbcSmcState): string {
  const population = state.population;
  const header = ['particle', 'candidate', 'weight', 'distance', ...plan.parameters.map((p) => csvField(p.name)), ...plan.model.targets.map((t) => csvField(t.name))];
  const lines = [header.join(',')];
  population?.particles.forEach((particle, i) => {
    const statistics = plan.model.targets.map((_, t) => number(particle.statistics?.[t]));
    lines.push([i, particle.index, number(particle.weight), number(mean(particle.distances)), ...particle.values.map(valueText), ...statistics].join(','));
  });
  return `${lines.join('\n')}\n`;
}

/** parameters.csv. */
export function parametersCsv(parameters: readonly ParameterResult[]): string {
  const lines = ['parameter,prior,mean,sd,median,lower_90,upper_90,sd_ratio,identified,calibrated_value'];
  for (const p of parameters) {
    lines.push(
      [csvField(p.name), csvField(p.prior), number(p.mean), number(p.standardDeviation), number(p.median), number(p.lower), number(p.upper), number(p.spreadRatio), p.identified, valueText(writtenValue(p.estimate))].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** targets.csv. */
export function targetsCsv(fits: readonly TargetFit[]): string {
  const lines = ['target,role,weight,kind,scale,figure,tolerance,lower_90,median,upper_90,error,z,figure_in_interval,within_tolerance,source'];
  for (const f of fits) {
    const role = f.holdOut ? 'held-out' : f.fitted ? 'fitted' : 'weight-0';
    lines.push(
      [
        csvField(f.name),
        role,
        number(f.weight),
        f.kind,
        f.scale,
        number(f.figure),
        number(f.tolerance),
        number(f.lower),
        number(f.median),
        number(f.upper),
        number(f.error),
        number(f.z),
        f.figureInInterval,
        number(f.withinTolerance),
        csvField(f.source ?? ''),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The generations of a state (tolerance null for ε = ∞). */
export function generationSummaries(state: AbcSmcState): GenerationSummary[] {
  return state.history.map((h) => ({
    generation: h.generation,
    tolerance: Number.isFinite(h.tolerance) ? h.tolerance : null,
    candidates: h.candidates,
    acceptanceRate: h.acceptanceRate,
    effectiveSampleSize: h.effectiveSampleSize,
  }));
}

/** generations.csv. */
export function generationsCsv(generations: readonly GenerationSummary[]): string {
  const lines = ['generation,tolerance,candidates,acceptance_rate,effective_sample_size'];
  for (const g of generations) lines.push([g.generation, number(g.tolerance), g.candidates, number(g.acceptanceRate), number(g.effectiveSampleSize)].join(','));
  return `${lines.join('\n')}\n`;
}

/** predictions.csv: every band point, targets first. */
export function predictionsCsv(bands: PosteriorPredictiveBands): string {
  const quantileColumns = BAND_PROBABILITIES.map((p) => `q${String(Math.round(p * 100)).padStart(2, '0')}`);
  const lines = [['series', 'kind', 'end_of_year', ...quantileColumns, 'mean', 'defined'].join(',')];
  const rows = (series: string, kind: string, points: PosteriorPredictiveBands['targets'][number]['points']): void => {
    for (const p of points) lines.push([csvField(series), kind, p.x, ...p.quantiles.map(number), number(p.mean), number(p.defined)].join(','));
  };
  for (const t of bands.targets) rows(t.target, 'target', t.points);
  for (const r of bands.reporters) rows(r.reporter, 'reporter', r.points);
  return `${lines.join('\n')}\n`;
}

/** One line on the posterior, for the calibrated scenario's header. */
function posteriorLine(plan: CalibrationPlan, state: AbcSmcState): string {
  const population = state.population!;
  const tolerance = Number.isFinite(population.tolerance) ? population.tolerance.toPrecision(3) : '∞';
  const simulations = state.candidatesUsed * simulationsPerCandidate(plan.definition);
  return `Posterior: generation ${population.generation} (tolerance ${tolerance}), ${population.particles.length} particles, ${simulations} model runs${state.stop ? `; stopped: ${state.stop.message}` : ''}.`;
}

/**
 * The summary of a finished calibration.
 *
 * @example calibrationSummary(plan, state, bands, provenance, fingerprint)
 */
export function calibrationSummary(
  plan: CalibrationPlan,
  state: AbcSmcState,
  bands: PosteriorPredictiveBands,
  provenance: RunProvenance,
  modelFingerprint: string,
): CalibrationSummary {
  const population = state.population!;
  const parameters = parameterResults(plan.parameters, population);
  const perCandidate = simulationsPerCandidate(plan.definition);
  const last = state.history[state.history.length - 1];
  return {
    calibration: plan.definition.name,
    description: plan.definition.description,
    calibrationFile: plan.file,
    scenario: { file: plan.scenario.file, name: plan.scenario.name },
    reference: plan.reference === null ? null : { file: plan.reference.file, name: plan.reference.name },
    method: plan.definition.method,
    stop: state.stop,
    posteriorGeneration: population.generation,
    posteriorTolerance: Number.isFinite(population.tolerance) ? population.tolerance : null,
    particles: population.particles.length,
    effectiveSampleSize: last?.generation === population.generation ? last.effectiveSampleSize : Number.NaN,
    candidatesUsed: state.candidatesUsed,
    simulationsUsed: state.candidatesUsed * perCandidate,
    candidatesEvaluated: state.candidatesEvaluated,
    budgetSimulations: plan.definition.method.maxSimulations,
    generations: generationSummaries(state),
    pointEstimate: POINT_ESTIMATE_TEXT,
    identification: IDENTIFICATION_TEXT,
    calibratedScenario: `${calibratedScenarioName(plan.scenario.name)}.yaml`,
    parameters: parameters.map((p) => ({ ...p, choiceProbabilities: p.choiceProbabilities === null ? null : [...p.choiceProbabilities] })),
    targets: targetFits(plan.model.targets, population),
    predictions: {
      until: plan.untilYear,
      draws: bands.draws,
      probabilities: [...BAND_PROBABILITIES],
      axis: 'end of year: x = 2012 is the state at the end of calendar 2012 (the record labelled 2013)',
      reporters: bands.reporters,
      targets: bands.targets,
    },
    zonesimVersion: provenance.zonesimVersion,
    gitCommit: provenance.gitCommit,
    modelFingerprint,
    contentHash: plan.contentHash,
    stateHash: calibrationStateHash(state),
  };
}

/** JSON with non-finite numbers as null (JSON has no NaN). */
function json(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

/**
 * Write every output of a finished calibration (see the module comment), unless the outputs of the
 * same key are already there unchanged.
 *
 * @param store the run store (its state and prediction runs).
 * @param state the final state (stopped, with a population).
 * @param predictions the prediction run and its records.
 * @example await writeCalibrationOutputs(store, plan, state, { run, read }, { outDir, provenance, modelFingerprint })
 */
export async function writeCalibrationOutputs(
  store: RunStore,
  plan: CalibrationPlan,
  state: AbcSmcState,
  predictions: { readonly run: CalibrationRun; readonly read: TaskRecordReader },
  options: WriteCalibrationOutputsOptions,
): Promise<WrittenCalibrationOutputs> {
  if (state.population === null) throw new Error('writeCalibrationOutputs: the calibration has no posterior');
  const renderReport = options.renderReport !== false;
  const imageFormats = options.imageFormats ?? ['png', 'svg'];
  const calibratedFile = `${calibratedScenarioName(plan.scenario.name)}.yaml`;
  const key = outputsKey({
    analysis: 'calibration',
    analysisHash: plan.analysisHash,
    stateHash: calibrationStateHash(state),
    modelFingerprint: options.modelFingerprint,
    renderReport,
    imageFormats,
    zonesimVersion: options.provenance.zonesimVersion,
    gitCommit: options.provenance.gitCommit,
  });
  const reportFile = path.join(options.outDir, 'calibration.html');
  if (outputsUpToDate(store, options.outDir, key)) {
    return { files: [], reportPath: renderReport ? reportFile : null, calibratedScenario: calibratedFile, unchanged: true, summary: null };
  }
  forgetOutputs(store);
  options.onPhase?.('predict');
  const bands = posteriorPredictiveBands(plan, state.population, predictions.run, predictions.read);
  const tasks = store.taskCount();
  await stopIfAborted(options.signal, options.outDir, tasks);
  options.onPhase?.('export');
  const summary = calibrationSummary(plan, state, bands, options.provenance, options.modelFingerprint);
  const parameters = parameterResults(plan.parameters, state.population);
  const calibrated = calibratedScenarioYaml({
    scenarioFile: plan.scenario.file,
    scenarioName: plan.scenario.name,
    scenarioDescription: plan.scenario.description,
    scenarioSource: plan.scenario.sourceText,
    calibrationFile: plan.file,
    calibrationName: plan.definition.name,
    command: `zonesim calibrate ${plan.file}`,
    posteriorLine: posteriorLine(plan, state),
    parameters,
  });
  const outputs: [string, string][] = [
    ['posterior.csv', posteriorCsv(plan, state)],
    ['parameters.csv', parametersCsv(parameters)],
    ['targets.csv', targetsCsv(summary.targets)],
    ['generations.csv', generationsCsv(summary.generations)],
    ['predictions.csv', predictionsCsv(bands)],
    ['summary.json', json(summary)],
    [calibratedFile, calibrated],
  ];
  for (const [file, text] of outputs) writeFileSync(path.join(options.outDir, file), text);
  await stopIfAborted(options.signal, options.outDir, tasks);
  const files = outputs.map(([file]) => file);
  let reportPath: string | null = null;
  if (renderReport) {
    options.onPhase?.('report');
    // Imported here: chart.js and the canvas library take a while to load.
    const { renderCalibrationReport } = await import('../report/renderCalibrationReport.ts');
    const { buildCalibrationReportInput } = await import('./calibrationReportInput.ts');
    const written = await renderCalibrationReport(buildCalibrationReportInput(plan, state, summary, calibrated), options.outDir, { imageFormats });
    reportPath = written[0];
    files.push(...written.map((f) => path.relative(options.outDir, f)));
    await stopIfAborted(options.signal, options.outDir, tasks);
  }
  recordOutputs(store, options.outDir, key, files);
  return { files, reportPath, calibratedScenario: calibratedFile, unchanged: false, summary };
}
