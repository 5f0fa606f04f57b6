/**
 * The files of a finished experiment, written from the store and the plan only — never from what
 * happens to be in memory — so that a single-machine run, a resumed run and a merge of any number of
 * shards (with any number of workers each) write byte-identical files:
 *
 * - `experiment.csv`: one row per task: point, replication, seed, factor values, outcome values;
 * - `points.csv`: one row per design point: point, factor values, each outcome's mean over replications;
 * - `sensitivity.csv`: main-effect swings (every design), Morris μ*, μ, σ or Sobol' S1, ST with 95%
 *   bootstrap intervals (tidy: method, outcome, factor, index, estimate, lower, upper);
 * - `prim.csv` (with scenarioDiscovery): the peeling trajectory and the chosen box;
 * - `manifest.json`: what was run (no timings: those go to timings.json, which alone differs between runs);
 * - `experiment.html` and `charts/*.png|svg`: the report (src/report/renderExperimentReport.ts).
 *
 * Numbers are written in JavaScript's shortest round-trip form (every double reproduced bit for
 * bit); an empty field means "undefined".
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import { listParameterLeaves } from '../model/parameterSpecification.ts';
import { reporterByName } from '../outcomes/reporters.ts';
import type { ExperimentReportInput } from '../report/experimentReportInput.ts';

import type { ChartImageFormat } from '../report/renderChartImages.ts';
import { csvField } from '../runner/tidyCsv.ts';
import { analyseExperiment, BOOTSTRAP_RESAMPLES, INTERVAL_LEVEL, type ExperimentAnalysis, type PrimBoxSummary } from './analyseExperiment.ts';
import { describeDistribution, type ExperimentDefinition } from './experimentDefinition.ts';
import type { RunProvenance } from '../runner/analysisRunOptions.ts';
import { forgetOutputs, outputsKey, outputsUpToDate, recordOutputs } from '../runner/finishedOutputs.ts';
import { stopIfAborted } from '../runner/outputsCheckpoint.ts';
import { STORE_FILE_NAME, STORE_FORMAT_VERSION, type RunStore } from '../runner/runStore.ts';
import { experimentTaskValues } from './experimentSpec.ts';
import { experimentTask } from './experimentTasks.ts';
import type { ExperimentPlan } from './loadExperimentFile.ts';

/** Header start of experiment.csv (factor and outcome columns follow). */
export const EXPERIMENT_CSV_FIXED_COLUMNS = ['point', 'replication', 'seed'] as const;
/** Header of sensitivity.csv. */
export const SENSITIVITY_CSV_HEADER = 'method,outcome,factor,index,estimate,lower,upper';
/** Header of prim.csv. */
export const PRIM_CSV_HEADER = 'part,box,coverage,density,support,points,cases,factor,lower,upper';
/** The files every finished experiment folder gets (besides the report and its images). */
export const EXPERIMENT_EXPORTS = ['experiment.csv', 'points.csv', 'sensitivity.csv', 'prim.csv', 'manifest.json'] as const;

/** Facts of the process that writes the files (the command line is recorded in timings.json only). */
export type ExperimentProvenance = RunProvenance;

/** Options of {@link writeExperimentOutputs}. */
export interface WriteExperimentOutputsOptions {
  readonly outDir: string;
  readonly provenance: ExperimentProvenance;
  /** The code fingerprint the tasks were computed with (as stored; see src/runner/modelFingerprint.ts). */
  readonly modelFingerprint: string;
  /** The base scenario's model hash (src/runner/parameterSets.ts): with the plan, it locates the tasks. */
  readonly modelHash: string;
  /** Render experiment.html and the chart images (default true). */
  readonly renderReport?: boolean;
  /** Image formats of the charts (default PNG and SVG; empty: none). */
  readonly imageFormats?: readonly ChartImageFormat[];
  /** Called when the report starts rendering. */
  readonly onPhase?: (phase: 'analyse' | 'export' | 'report') => void;
  /** Stop between phases (src/runner/outputsCheckpoint.ts); the outputs are then written by the next run. */
  readonly signal?: AbortSignal;
}

/** What {@link writeExperimentOutputs} wrote. */
export interface WrittenExperimentOutputs {
  /** Files written, relative to outDir, in writing order. */
  readonly files: readonly string[];
  /** Path of experiment.html, or null when the report was not rendered. */
  readonly reportPath: string | null;
  /** The analysis, or null when the outputs were up to date and not rewritten. */
  readonly analysis: ExperimentAnalysis | null;
  /** True when every output was already up to date (nothing was rewritten). */
  readonly unchanged: boolean;
  /** Seconds spent analysing, exporting and rendering. */
  readonly timings: { readonly analyseSeconds: number; readonly exportSeconds: number; readonly reportSeconds: number };
}

function number(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : String(value);
}

function factorValueText(value: FactorValue): string {
  return typeof value === 'string' ? csvField(value) : String(value);
}

/** The labels of a choice factor whose values are not all numbers (the numeric scale is their index), else null. */
function choiceLabels(definition: ExperimentDefinition, j: number): string[] | null {
  const distribution = definition.factors[j].distribution;
  if (distribution.kind !== 'choice' || distribution.values.every((v) => typeof v === 'number')) return null;
  return distribution.values.map(String);
}

/** A factor's numeric value in words: its label for a labelled choice factor. */
function numericFactorText(definition: ExperimentDefinition, j: number, value: number): string {
  const labels = choiceLabels(definition, j);
  return labels !== null && Number.isInteger(value) && labels[value] !== undefined ? csvField(labels[value]) : String(value);
}

/**
 * One sentence on the design and its size, e.g. "Sobol’ (Saltelli) design with N = 1024 base
 * samples: N × (k + 2) = 10240 points."
 */
export function describeDesign(plan: ExperimentPlan): string {
  const definition = plan.definition;
  const design = definition.design;
  const k = definition.factors.length;
  const points = plan.design.pointCount;
  const runs = `${points} points × ${definition.replicationsPerPoint} replication${definition.replicationsPerPoint === 1 ? '' : 's'} = ${plan.taskCount} model runs.`;
  switch (design.type) {
    case 'full-factorial':
      return `Full factorial design (every combination of ${design.levels} levels per factor, every value of a choice factor): ${runs}`;
    case 'monte-carlo':
      return `Monte Carlo design (independent random points): ${runs}`;
    case 'latin-hypercube':
      return `Latin hypercube design (each factor's range cut into ${design.samples} strata, one point in each): ${runs}`;
    case 'morris':
      return `Morris design: ${design.trajectories} one-at-a-time trajectories on a ${design.levels}-level grid, × (${k} factors + 1) = ${runs}`;
    case 'sobol':
      return `Sobol\u2019 (Saltelli) design with N = ${design.baseSamples} base samples from the Sobol\u2019 sequence, × (${k} factors + 2) = ${runs}`;
    case 'csv':
      return `Design read from ${design.file}: ${runs}`;
  }
}

/** The design's settings for the manifest. */
function designFacts(plan: ExperimentPlan): Record<string, unknown> {
  const { type, ...settings } = plan.definition.design;
  return { type, ...settings, points: plan.design.pointCount };
}

/**
 * The deterministic manifest of a finished experiment (no timings, paths or machine facts).
 *
 * @example buildExperimentManifest(plan, analysis, provenance, fingerprint).tasks
 */
export function buildExperimentManifest(
  plan: ExperimentPlan,
  analysis: ExperimentAnalysis,
  provenance: ExperimentProvenance,
  modelFingerprint: string,
): Record<string, unknown> {
  const definition = plan.definition;
  const analyses = ['main-effect swings (tornado)', 'outcome vs factor scatter'];
  if (plan.design.morris !== null) analyses.push('Morris elementary effects');
  if (plan.design.saltelli !== null) analyses.push('Sobol\u2019 indices');
  if (definition.scenarioDiscovery !== null) analyses.push('PRIM scenario discovery');
  const notes = [...analysis.outcomes.map((o) => o.note).filter((n): n is string => n !== null), ...(analysis.prim?.note ? [analysis.prim.note] : [])];
  const files: Record<string, string> = {
    [STORE_FILE_NAME]: 'the run store: every finished task’s outcome values (SQLite; BLOBs of little-endian doubles, see docs/experiments.md)',
    'experiment.csv': `one row per model run: ${[...EXPERIMENT_CSV_FIXED_COLUMNS, ...definition.factors.map((f) => f.name), ...definition.outcomes.map((o) => o.name)].join(',')}`,
    'points.csv': 'one row per design point: factor values and each outcome’s mean over replications',
    'sensitivity.csv': `${SENSITIVITY_CSV_HEADER}: main-effect swings, Morris or Sobol\u2019 indices with 95% bootstrap intervals`,
    'prim.csv': `${PRIM_CSV_HEADER}: PRIM peeling trajectory and chosen box${definition.scenarioDiscovery === null ? ' (empty: no scenarioDiscovery)' : ''}`,
    'experiment.html': 'the report (charts also in charts/*.png and charts/*.svg)',
    'timings.json': 'wall times, workers and the command of the run that wrote this folder (the only file that differs between runs)',
  };
  return {
    experiment: definition.name,
    description: definition.description,
    experimentFile: plan.experimentFile,
    contentHash: plan.contentHash,
    baseScenario: `${plan.baseScenario.name} (${plan.baseScenario.file})`,
    baseScenarioContentHash: plan.baseScenario.contentHash,
    designType: definition.design.type,
    points: plan.design.pointCount,
    replicationsPerPoint: definition.replicationsPerPoint,
    tasks: plan.taskCount,
    seed: definition.seed,
    zonesimVersion: provenance.zonesimVersion,
    gitCommit: provenance.gitCommit,
    codeFingerprint: modelFingerprint,
    storeFormat: STORE_FORMAT_VERSION,
    design: designFacts(plan),
    factors: definition.factors.map((f) => ({ name: f.name, role: f.role, distribution: describeDistribution(f.distribution), unit: f.unit })),
    outcomes: definition.outcomes.map((o) => ({ name: o.name, reporter: o.reporter, statistic: o.statistic })),
    scenarioDiscovery: definition.scenarioDiscovery,
    seeds: Array.from({ length: definition.replicationsPerPoint }, (_, r) => ({ replication: r, seed: experimentTask(r, definition.replicationsPerPoint, definition.seed).seed })),
    analyses,
    bootstrap: { resamples: BOOTSTRAP_RESAMPLES, level: INTERVAL_LEVEL },
    notes,
    files,
  };
}

/** experiment.csv, from the stored task values in task order. */
export function experimentCsv(plan: ExperimentPlan, taskValues: readonly ArrayLike<number>[]): string {
  const definition = plan.definition;
  const header = [...EXPERIMENT_CSV_FIXED_COLUMNS, ...definition.factors.map((f) => csvField(f.name)), ...definition.outcomes.map((o) => csvField(o.name))];
  const lines = [header.join(',')];
  const pointText = plan.design.values.map((values) => values.map(factorValueText).join(','));
  for (let t = 0; t < taskValues.length; t++) {
    const task = experimentTask(t, definition.replicationsPerPoint, definition.seed);
    const values = taskValues[t];
    let outcomes = '';
    for (let o = 0; o < definition.outcomes.length; o++) outcomes += `,${number(values[o])}`;
    lines.push(`${task.point},${task.replication},${task.seed},${pointText[task.point]}${outcomes}`);
  }
  return `${lines.join('\n')}\n`;
}

/** points.csv, from the per-point means. */
export function pointsCsv(plan: ExperimentPlan, analysis: ExperimentAnalysis): string {
  const definition = plan.definition;
  const header = ['point', ...definition.factors.map((f) => csvField(f.name)), ...definition.outcomes.map((o) => csvField(o.name))];
  const lines = [header.join(',')];
  plan.design.values.forEach((values, p) => {
    const outcomes = analysis.pointMeans.map((means) => number(means[p])).join(',');
    lines.push(`${p},${values.map(factorValueText).join(',')},${outcomes}`);
  });
  return `${lines.join('\n')}\n`;
}

/** sensitivity.csv: swings, then Morris or Sobol' rows, per outcome, factors in factor order. */
export function sensitivityCsv(plan: ExperimentPlan, analysis: ExperimentAnalysis): string {
  const factorOrder = new Map(plan.definition.factors.map((f, j) => [f.name, j]));
  const byFactor = <T extends { factor: string }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => (factorOrder.get(a.factor) ?? 0) - (factorOrder.get(b.factor) ?? 0));
  const lines = [SENSITIVITY_CSV_HEADER];
  const row = (method: string, outcome: string, factor: string, index: string, estimate: number, lower?: number, upper?: number): void => {
    lines.push(`${method},${csvField(outcome)},${csvField(factor)},${index},${number(estimate)},${number(lower)},${number(upper)}`);
  };
  for (const result of analysis.outcomes) {
    for (const s of byFactor(result.swings)) {
      row('swing', result.outcome, s.factor, 'low_mean', s.lowMean);
      row('swing', result.outcome, s.factor, 'high_mean', s.highMean);
      row('swing', result.outcome, s.factor, 'swing', s.swing);
    }
    for (const m of result.morris ?? []) {
      row('morris', result.outcome, m.factor, 'mu_star', m.muStar, m.muStarLower, m.muStarUpper);
      row('morris', result.outcome, m.factor, 'mu', m.mu);
      row('morris', result.outcome, m.factor, 'sigma', m.sigma);
    }
    for (const s of result.sobol ?? []) {
      row('sobol', result.outcome, s.factor, 'S1', s.firstOrder, s.firstOrderLower, s.firstOrderUpper);
      row('sobol', result.outcome, s.factor, 'ST', s.total, s.totalLower, s.totalUpper);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * prim.csv: the peeling trajectory (`part` = trajectory, boxes 0, 1, …) and then the chosen box after
 * pasting (`part` = chosen, `box` = its index on the trajectory), one row per restricted factor (a box
 * without restrictions gets one row with an empty factor). Choice factors with labels show labels.
 */
export function primCsv(plan: ExperimentPlan, analysis: ExperimentAnalysis): string {
  const lines = [PRIM_CSV_HEADER];
  const prim = analysis.prim;
  if (prim !== null && prim.chosenBox !== null) {
    const definition = plan.definition;
    const factorIndex = new Map(definition.factors.map((f, j) => [f.name, j]));
    const rows = (part: string, index: number, b: PrimBoxSummary): void => {
      const stats = `${part},${index},${b.coverage},${b.density},${b.support},${b.points},${b.cases}`;
      if (b.restrictions.length === 0) lines.push(`${stats},,,`);
      for (const r of b.restrictions) {
        const j = factorIndex.get(r.factor) ?? 0;
        lines.push(`${stats},${csvField(r.factor)},${numericFactorText(definition, j, r.lower)},${numericFactorText(definition, j, r.upper)}`);
      }
    };
    prim.trajectory.forEach((b, i) => rows('trajectory', i, b));
    rows('chosen', prim.chosenIndex, prim.chosenBox);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The report's data: plan, analysis and manifest with labels from the parameter table and the
 * reporters.
 */
export function buildExperimentReportInput(plan: ExperimentPlan, analysis: ExperimentAnalysis, manifest: Record<string, unknown>): ExperimentReportInput {
  const definition = plan.definition;
  const leaves = new Map(listParameterLeaves());
  const numeric = plan.design.mapped.numericValues;
  const k = numeric.factorCount;
  const factors = definition.factors.map((f, j) => {
    const leaf = leaves.get(f.name);
    let lo = Infinity;
    let hi = -Infinity;
    for (let p = 0; p < numeric.rowCount; p++) {
      const v = numeric.values[p * k + j];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return {
      name: f.name,
      role: f.role,
      distribution: describeDistribution(f.distribution),
      unit: f.unit,
      description: leaf?.description ?? '',
      rules: leaf?.rules ?? [],
      choiceLabels: choiceLabels(definition, j),
      designRange: [lo, hi] as [number, number],
    };
  });
  const outcomes = definition.outcomes.map((o) => {
    const reporter = reporterByName(o.reporter);
    return { name: o.name, reporter: o.reporter, statistic: o.statistic, label: reporter.label, unit: reporter.unit, description: reporter.description, rules: reporter.rules };
  });
  const points = analysis.scatterPoints;
  return {
    title: `zonesim experiment: ${definition.name}`,
    name: definition.name,
    description: definition.description,
    designSummary: describeDesign(plan),
    designType: definition.design.type,
    pointCount: plan.design.pointCount,
    replicationsPerPoint: definition.replicationsPerPoint,
    taskCount: plan.taskCount,
    seed: definition.seed,
    factors,
    outcomes,
    results: analysis.outcomes,
    prim: analysis.prim,
    scatter: {
      points,
      factorValues: definition.factors.map((_, j) => points.map((p) => numeric.values[p * k + j])),
      outcomeMeans: analysis.pointMeans.map((means) => points.map((p) => (Number.isFinite(means[p]) ? means[p] : null))),
    },
    experimentFile: plan.experimentFile,
    experimentSource: plan.sourceText,
    scenarioFile: plan.baseScenario.file,
    scenarioName: plan.baseScenario.name,
    scenarioSource: plan.baseScenario.sourceText,
    manifest,
  };
}

/**
 * Analyse a complete experiment's stored tasks and write every file of the experiment folder (see the
 * module comment), unless the files of the same key are already there unchanged.
 *
 * @throws {Error} when the store does not hold every task of the plan.
 * @example await writeExperimentOutputs(store, plan, { outDir, provenance, modelFingerprint, modelHash })
 */
export async function writeExperimentOutputs(store: RunStore, plan: ExperimentPlan, options: WriteExperimentOutputsOptions): Promise<WrittenExperimentOutputs> {
  const analyseStarted = Date.now();
  const taskValues = experimentTaskValues(store, plan, options.modelHash);
  const renderReport = options.renderReport !== false;
  const imageFormats = options.imageFormats ?? ['png', 'svg'];
  const key = outputsKey({
    analysis: 'experiment',
    contentHash: plan.contentHash,
    modelHash: options.modelHash,
    modelFingerprint: options.modelFingerprint,
    renderReport,
    imageFormats,
    zonesimVersion: options.provenance.zonesimVersion,
    gitCommit: options.provenance.gitCommit,
  });
  const reportFile = path.join(options.outDir, 'experiment.html');
  if (outputsUpToDate(store, options.outDir, key)) {
    return {
      files: [],
      reportPath: renderReport && existsSync(reportFile) ? reportFile : null,
      analysis: null,
      unchanged: true,
      timings: { analyseSeconds: 0, exportSeconds: 0, reportSeconds: 0 },
    };
  }
  forgetOutputs(store);
  options.onPhase?.('analyse');
  const analysis = analyseExperiment(plan, taskValues);
  const analyseSeconds = (Date.now() - analyseStarted) / 1000;
  await stopIfAborted(options.signal, options.outDir, plan.taskCount);

  options.onPhase?.('export');
  const exportStarted = Date.now();
  const manifest = buildExperimentManifest(plan, analysis, options.provenance, options.modelFingerprint);
  const outputs: [string, string][] = [
    ['experiment.csv', experimentCsv(plan, taskValues)],
    ['points.csv', pointsCsv(plan, analysis)],
    ['sensitivity.csv', sensitivityCsv(plan, analysis)],
    ['prim.csv', primCsv(plan, analysis)],
    ['manifest.json', `${JSON.stringify(manifest, null, 2)}\n`],
  ];
  for (const [file, text] of outputs) writeFileSync(path.join(options.outDir, file), text);
  const exportSeconds = (Date.now() - exportStarted) / 1000;
  await stopIfAborted(options.signal, options.outDir, plan.taskCount);

  const files = outputs.map(([file]) => file);
  let reportPath: string | null = null;
  const reportStarted = Date.now();
  if (renderReport) {
    options.onPhase?.('report');
    // Imported here: chart.js and the canvas library take a while to load, and most commands never draw.
    const { renderExperimentReport } = await import('../report/renderExperimentReport.ts');
    const written = await renderExperimentReport(buildExperimentReportInput(plan, analysis, manifest), options.outDir, { imageFormats });
    reportPath = written[0];
    files.push(...written.map((f) => path.relative(options.outDir, f)));
    await stopIfAborted(options.signal, options.outDir, plan.taskCount);
  }
  recordOutputs(store, options.outDir, key, files);
  return { files, reportPath, analysis, unchanged: false, timings: { analyseSeconds, exportSeconds, reportSeconds: (Date.now() - reportStarted) / 1000 } };
}
