/**
 * The calibration report's data (src/report/calibrationReportInput.ts) from a finished calibration:
 * its plan, final state and summary (writeCalibrationOutputs.ts), with words from the parameter table
 * and the reporters. Pure module.
 */
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import { exp, log } from '../model/deterministicMath.ts';
import { listParameterLeaves } from '../model/parameterSpecification.ts';
import { reporterByName } from '../outcomes/reporters.ts';
import type {
  CalibrationReportInput,
  CalibrationReportParameter,
  CalibrationReportTarget,
  ReportBandPoint,
} from '../report/calibrationReportInput.ts';
import type { AbcPopulation, AbcSmcState } from './abcSmcState.ts';
import type { CalibrationDate, CalibrationTarget, TargetStatistic } from './calibrationDefinition.ts';
import { UNIT_AGGREGATE_TEXT } from './calibrationDefinition.ts';
import type { CalibrationPlan } from './calibrationPlan.ts';
import { isContinuousPrior, priorQuantile, type CalibrationPrior } from './calibrationPrior.ts';
import type { ParameterSummary } from './writeCalibrationOutputs.ts';
import type { CalibrationSummary } from './writeCalibrationOutputs.ts';
import type { BandPoint } from './posteriorPredictive.ts';
import { calibratedScenarioName, writtenValue } from './calibratedScenario.ts';

/** Bins of a continuous parameter's marginal histogram. */
export const MARGINAL_BINS = 20;

/** Points of the prior's quantile function used for its bin probabilities (midpoint rule). */
const PRIOR_BIN_POINTS = 4096;

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function dateText(date: CalibrationDate): string {
  return 'end' in date ? `end of ${date.end}` : `start of ${date.year}`;
}

/**
 * A target's statistic in words: `Firms at the end of 2012`, `Output of zones, mean over the records after end of 2010 to end of 2012`,
 * `(… ) / (…)`.
 *
 * @example statisticInWords(target.statistic) // 'Firms at the end of 2012'
 */
export function statisticInWords(statistic: TargetStatistic): string {
  if (statistic.type !== 'reporter') {
    const [a, b] = statistic.operands.map(statisticInWords);
    return statistic.type === 'ratio' ? `(${a}) / (${b})` : `(${a}) − (${b})`;
  }
  const label = reporterByName(statistic.reporter).label;
  const selection = statistic.selection;
  const where =
    selection === null
      ? label
      : selection.kind === 'unit'
        ? `${label}, ${statistic.scope} ${selection.index}`
        : `${label}: ${selection.threshold === null ? UNIT_AGGREGATE_TEXT[selection.aggregate].replace(/^the /, '') : `${selection.aggregate === 'countAbove' ? 'count' : 'share'} of ${statistic.scope === 'zone' ? 'zones' : 'industries'} above ${selection.threshold}`}`;
  const time = statistic.time;
  if (time.kind === 'at') return `${where} at the ${dateText(time.date)}`;
  const verb = time.kind === 'change' ? 'change' : time.kind === 'sum' ? 'sum' : 'mean';
  return `${where}, ${verb} from the ${dateText(time.from)} to the ${dateText(time.to)}`;
}

/** The unit of a statistic. */
function unitOf(statistic: TargetStatistic): string {
  if (statistic.type !== 'reporter') return statistic.type === 'ratio' ? 'ratio' : unitOf(statistic.operands[0]);
  const aggregate = statistic.selection?.kind === 'aggregate' ? statistic.selection.aggregate : null;
  if (aggregate === 'countAbove') return statistic.scope === 'zone' ? 'zones' : 'industries';
  if (aggregate === 'shareAbove' || aggregate === 'maxOverMedian') return 'ratio';
  return reporterByName(statistic.reporter).unit;
}

/** The unit of a target's statistic (of its contrast, for a contrast). */
function statisticUnit(target: CalibrationTarget): string {
  if (target.contrast === 'logRatio') return 'log points';
  if (target.contrast === 'ratio') return 'ratio';
  return unitOf(target.statistic);
}

function targetLabel(target: CalibrationTarget): string {
  const text = statisticInWords(target.statistic);
  if (target.contrast === null) return text;
  const form = target.contrast === 'logRatio' ? 'ln(scenario / reference)' : target.contrast === 'ratio' ? 'scenario / reference' : 'scenario − reference';
  return `${form} of ${text}`;
}

/**
 * The figure's tolerance range in the statistic's unit: where the discrepancy is within ± one
 * tolerance (for a bound, the side that counts; the other side is the figure).
 *
 * @example toleranceRange({ figure: 100, scale: 'log', tolerance: 0.1, kind: 'point' }) // [90.48…, 110.51…]
 */
export function toleranceRange(target: Pick<CalibrationTarget, 'figure' | 'scale' | 'tolerance' | 'kind'>): [number, number] {
  const { figure, tolerance } = target;
  let lower: number;
  let upper: number;
  switch (target.scale) {
    case 'log':
      lower = figure * exp(-tolerance);
      upper = figure * exp(tolerance);
      break;
    case 'relative':
      lower = figure - tolerance * Math.abs(figure);
      upper = figure + tolerance * Math.abs(figure);
      break;
    case 'absolute':
      lower = figure - tolerance;
      upper = figure + tolerance;
      break;
  }
  if (target.kind === 'lowerBound') return [lower, figure];
  if (target.kind === 'upperBound') return [figure, upper];
  return [lower, upper];
}

function bandOf(points: readonly BandPoint[]): ReportBandPoint[] {
  return points.map((p) => ({ x: p.x, quantiles: p.quantiles.map(finiteOrNull), defined: p.defined }));
}

/** Bin edges of a numeric prior's support: equal widths, geometric for a log-uniform prior, one bin per integer for a short integer range. */
export function marginalBinEdges(prior: CalibrationPrior): number[] {
  if (prior.kind === 'choice') return [];
  const [a, b] = [prior.lower, prior.upper];
  if (prior.kind === 'integer' && b - a + 1 <= 2 * MARGINAL_BINS) return Array.from({ length: b - a + 2 }, (_, k) => a - 0.5 + k);
  if (prior.kind === 'logUniform') return Array.from({ length: MARGINAL_BINS + 1 }, (_, k) => exp(log(a) + ((log(b) - log(a)) * k) / MARGINAL_BINS));
  return Array.from({ length: MARGINAL_BINS + 1 }, (_, k) => a + ((b - a) * k) / MARGINAL_BINS);
}

function binOf(edges: readonly number[], value: number): number {
  for (let k = 0; k < edges.length - 1; k++) if (value < edges[k + 1]) return k;
  return edges.length - 2;
}

/** The prior's probability of each bin (midpoint rule on its quantile function, 4096 points). */
export function priorBinProbabilities(prior: CalibrationPrior, edges: readonly number[]): number[] {
  const out = new Array<number>(edges.length - 1).fill(0);
  for (let k = 0; k < PRIOR_BIN_POINTS; k++) out[binOf(edges, priorQuantile(prior, (k + 0.5) / PRIOR_BIN_POINTS) as number)] += 1 / PRIOR_BIN_POINTS;
  return out;
}

function parameterEntry(plan: CalibrationPlan, population: AbcPopulation, summary: ParameterSummary, p: number): CalibrationReportParameter {
  const parameter = plan.definition.parameters[p];
  const prior = parameter.prior;
  const leaf = new Map(listParameterLeaves()).get(parameter.name);
  const weights = population.particles.map((x) => x.weight);
  const estimate = String(writtenValue(summary.estimate as FactorValue));
  const common = {
    name: parameter.name,
    unit: parameter.unit,
    description: leaf?.description ?? '',
    prior: summary.prior,
    spreadRatio: summary.spreadRatio,
    identified: summary.identified,
    estimate,
  };
  if (prior.kind === 'choice') {
    const probabilities = new Map(summary.choiceProbabilities ?? []);
    return {
      ...common,
      kind: 'choice',
      logScale: false,
      support: null,
      binEdges: null,
      priorBinProbabilities: null,
      posteriorBinProbabilities: null,
      choices: prior.values.map((value) => ({ value: String(value), prior: 1 / prior.values.length, posterior: probabilities.get(value) ?? 0 })),
      mean: null,
      sd: null,
      median: null,
      lower: null,
      upper: null,
    };
  }
  const edges = marginalBinEdges(prior);
  const posterior = new Array<number>(edges.length - 1).fill(0);
  population.particles.forEach((particle, i) => (posterior[binOf(edges, particle.values[p] as number)] += weights[i]));
  return {
    ...common,
    kind: isContinuousPrior(prior) ? 'continuous' : 'integer',
    logScale: prior.kind === 'logUniform',
    support: [prior.lower, prior.upper],
    binEdges: edges,
    priorBinProbabilities: priorBinProbabilities(prior, edges),
    posteriorBinProbabilities: posterior,
    choices: null,
    mean: finiteOrNull(summary.mean),
    sd: finiteOrNull(summary.standardDeviation),
    median: finiteOrNull(summary.median),
    lower: finiteOrNull(summary.lower),
    upper: finiteOrNull(summary.upper),
  };
}

/** The last end-of-year instant a fitted target reads. */
function lastFittedX(summary: CalibrationSummary): number {
  const fitted = summary.predictions.targets.filter((_, t) => summary.targets[t].fitted);
  return fitted.length === 0 ? Number.NaN : Math.max(...fitted.map((t) => t.figureX));
}

/**
 * The report's data.
 *
 * @example buildCalibrationReportInput(plan, state, summary, calibratedYamlText)
 */
export function buildCalibrationReportInput(plan: CalibrationPlan, state: AbcSmcState, summary: CalibrationSummary, calibratedSource: string): CalibrationReportInput {
  const population = state.population!;
  const definition = plan.definition;
  const targets: CalibrationReportTarget[] = summary.targets.map((fit, t) => {
    const target = definition.targets[t];
    const band = summary.predictions.targets[t];
    return {
      name: fit.name,
      label: targetLabel(target),
      unit: statisticUnit(target),
      source: fit.source,
      role: fit.holdOut ? 'held-out' : fit.fitted ? 'fitted' : 'weight-0',
      kind: fit.kind,
      scale: fit.scale,
      figure: fit.figure,
      tolerance: fit.tolerance,
      toleranceRange: toleranceRange(target),
      weight: fit.weight,
      lower: finiteOrNull(fit.lower),
      median: finiteOrNull(fit.median),
      upper: finiteOrNull(fit.upper),
      error: finiteOrNull(fit.error),
      z: finiteOrNull(fit.z),
      figureInInterval: fit.figureInInterval,
      withinTolerance: fit.withinTolerance,
      figureX: band.figureX,
      band: bandOf(band.points),
    };
  });
  const predictions = summary.predictions.reporters.map((r) => {
    const reporter = reporterByName(r.reporter);
    return { reporter: r.reporter, label: reporter.label, unit: reporter.unit, description: reporter.description, band: bandOf(r.points) };
  });
  const parameters = summary.parameters.map((s, p) => parameterEntry(plan, population, s, p));
  const numericValues = definition.parameters.map((parameter, p) =>
    population.particles.map((particle) => {
      const value = particle.values[p];
      return parameter.prior.kind === 'choice' ? parameter.prior.values.indexOf(value) : (value as number);
    }),
  );
  const tolerance = summary.posteriorTolerance === null ? '∞' : summary.posteriorTolerance.toPrecision(3);
  const runSummary =
    `ABC-SMC with ${definition.method.populationSize} particles: ${summary.generations.length} generation(s), ${summary.simulationsUsed} of a budget of ` +
    `${summary.budgetSimulations} model runs; the posterior is generation ${summary.posteriorGeneration} at tolerance ${tolerance}` +
    `${summary.stop === null ? '' : ` (stopped: ${summary.stop.message})`}.`;
  return {
    title: `zonesim calibration: ${definition.name}`,
    name: definition.name,
    description: definition.description,
    runSummary,
    pointEstimateText: summary.pointEstimate,
    identificationText: summary.identification,
    startYear: plan.model.baseInput.parameters.time.startYear,
    lastFittedX: lastFittedX(summary),
    untilYear: plan.untilYear,
    draws: summary.predictions.draws,
    generations: summary.generations,
    parameters,
    particles: { weights: population.particles.map((p) => p.weight), values: numericValues },
    targets,
    predictions,
    calibrationFile: plan.file,
    calibrationSource: plan.sourceText,
    scenarioFile: plan.scenario.file,
    scenarioSource: plan.scenario.sourceText,
    referenceFile: plan.reference?.file ?? null,
    referenceSource: plan.reference?.sourceText ?? null,
    calibratedScenarioFile: `${calibratedScenarioName(plan.scenario.name)}.yaml`,
    calibratedScenarioSource: calibratedSource,
    facts: {
      calibration: summary.calibration,
      calibrationFile: summary.calibrationFile,
      scenario: summary.scenario.file,
      reference: summary.reference?.file ?? null,
      particles: summary.particles,
      posteriorGeneration: summary.posteriorGeneration,
      posteriorTolerance: summary.posteriorTolerance,
      effectiveSampleSize: finiteOrNull(summary.effectiveSampleSize),
      simulationsUsed: summary.simulationsUsed,
      budgetSimulations: summary.budgetSimulations,
      candidatesEvaluated: summary.candidatesEvaluated,
      stop: summary.stop?.message ?? null,
      predictionsUntil: summary.predictions.until,
      predictionDraws: summary.predictions.draws,
      seed: definition.method.seed,
      zonesimVersion: summary.zonesimVersion,
      gitCommit: summary.gitCommit,
      modelFingerprint: summary.modelFingerprint,
      contentHash: summary.contentHash,
      stateHash: summary.stateHash,
    },
  };
}
