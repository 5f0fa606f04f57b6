/**
 * The one declaration of the calibration file format: every key, what it expects, its default and
 * its range. The validator (validateCalibration.ts) takes its key lists, ranges, defaults and the
 * words of its messages from here, and the JSON Schema (calibrationSchema.ts) is generated from it,
 * so the two cannot disagree. Pure module.
 */
import { CALIBRATION_PRIOR_KINDS } from './calibrationPrior.ts';
import {
  CONTRAST_KINDS,
  PERIOD_STATISTICS,
  REPLICATION_COMBINATIONS,
  UNIT_AGGREGATES,
  type CalibrationMethod,
} from './calibrationDefinition.ts';
import { DISCREPANCY_SCALES, DISTANCE_NORMS, TARGET_KINDS } from './targetDistance.ts';

/** Top-level keys, in documentation (and checking) order, with what each expects. */
export const CALIBRATION_TOP_FIELDS = {
  name: { required: true, text: 'a kebab-case calibration name (lower-case letters, digits and single hyphens)' },
  description: { required: true, text: 'a non-empty one-line description (what is calibrated to what)' },
  scenario: { required: true, text: 'the path of the scenario to calibrate, relative to the calibration file' },
  reference: {
    required: false,
    text: 'the path of a reference scenario for contrasts (e.g. the same province without zones), relative to the calibration file',
  },
  parameters: { required: true, text: 'a mapping from dotted parameter paths to priors (e.g. firms.exitHazard: { logUniform: { min: 0.01, max: 0.2 } })' },
  targets: { required: true, text: 'a non-empty list of targets, each with name, figure, tolerance and model' },
  method: { required: false, text: 'a mapping with the method (abc-smc) and its budget' },
  predictions: {
    required: false,
    text: 'a mapping with until (the last calendar year the posterior is run to) and reporters (province reporters whose posterior-predictive bands are reported)',
  },
} as const;

/** The top-level keys. */
export const CALIBRATION_TOP_KEYS = Object.keys(CALIBRATION_TOP_FIELDS) as (keyof typeof CALIBRATION_TOP_FIELDS)[];

/** Fields of each prior (required first, then optional). Bounds are in the parameter's unit. */
export const PRIOR_FIELDS: Readonly<Record<(typeof CALIBRATION_PRIOR_KINDS)[number], { readonly required: readonly string[]; readonly optional: readonly string[]; readonly text: string }>> = {
  uniform: { required: ['min', 'max'], optional: [], text: 'Continuous uniform on [min, max].' },
  logUniform: { required: ['min', 'max'], optional: [], text: 'ln θ uniform on [ln min, ln max] (0 < min < max): a scale known only to an order of magnitude.' },
  normal: { required: ['mean', 'sd'], optional: ['min', 'max'], text: 'Normal(mean, sd) cut to [min, max]; missing bounds are the parameter’s allowed range.' },
  triangular: { required: ['min', 'mode', 'max'], optional: [], text: 'Triangular on [min, max] with its peak at mode.' },
  beta: { required: ['alpha', 'beta'], optional: ['min', 'max'], text: 'Beta(alpha, beta) stretched to [min, max] (default [0, 1]): a share or rate.' },
  integer: { required: ['min', 'max'], optional: [], text: 'Each integer min, …, max equally likely (integer parameters).' },
  choice: { required: ['values'], optional: [], text: 'Each listed value equally likely (choices, switches, or a few numbers).' },
};

/** Keys of a target, in documentation order, with what each expects. */
export const TARGET_FIELDS = {
  name: { required: true, text: 'a target name (a letter, then letters, digits, _, . or -), unique in the file' },
  figure: { required: true, text: 'the published figure, a finite number in the unit of the model statistic' },
  kind: { required: false, text: `how the figure constrains the model: ${TARGET_KINDS.join(', ')} (default point; write a plan target as upperBound or point, as the source warrants)` },
  scale: { required: false, text: `the scale of the discrepancy: ${DISCREPANCY_SCALES.join(', ')} (default log: ln(model / figure))` },
  tolerance: { required: true, text: 'the discrepancy that counts as one unit of distance, in the scale’s unit (log points, a share of the figure, or the figure’s unit), > 0' },
  weight: { required: false, text: 'the target’s weight in the distance, ≥ 0 (default 1)' },
  holdOut: { required: false, text: 'true to compute and report the target but leave it out of the distance (an out-of-sample check); default false' },
  source: { required: false, text: 'where the figure comes from (free text)' },
  model: { required: true, text: 'the model statistic: a reporter with a date (end: or year:) or a period (change:, sum:, mean:), or ratio:/difference: of two statistics' },
  contrast: { required: false, text: `compare with the reference scenario: ${CONTRAST_KINDS.join(', ')} (statistic of the scenario over, minus, or log of over that of the reference)` },
} as const;

/** The target keys. */
export const TARGET_KEYS = Object.keys(TARGET_FIELDS) as (keyof typeof TARGET_FIELDS)[];

/** Keys of a model statistic, with what each expects. */
export const STATISTIC_FIELDS = {
  reporter: 'the name of a reporter of src/outcomes/reporters.ts',
  aggregate: `for a zone or industry reporter: ${UNIT_AGGREGATES.filter((a) => a !== 'countAbove' && a !== 'shareAbove').join(', ')}, or { countAbove: threshold } / { shareAbove: threshold }`,
  zone: 'for a zone reporter instead of an aggregate: the index of one zone (0, 1, …)',
  industry: 'for an industry reporter instead of an aggregate: the index of one industry (0, 1, …)',
  end: 'the instant: the end of this calendar year (the record labelled the next year in results.csv)',
  year: 'the instant: the record labelled this year in results.csv (the state at the start of that year)',
  change: 'a period { from: <instant>, to: <instant> }: the value at to minus the value at from',
  sum: 'a period { from: <instant>, to: <instant> }: the sum of the values recorded after from up to and including to',
  mean: 'a period { from: <instant>, to: <instant> }: the mean of the values recorded after from up to and including to',
  ratio: 'a list of two statistics: the first divided by the second',
  difference: 'a list of two statistics: the first minus the second',
} as const;

/** Keys of the predictions block, with what each expects. */
export const PREDICTION_FIELDS = {
  until: 'the last calendar year the posterior particles are run to (an integer; the end of that year must be a recorded instant of the scenario, at or after every target’s date); default: the scenario’s last year',
  reporters: 'a list of province reporters of src/outcomes/reporters.ts (each once) whose posterior-predictive bands are reported at every recorded instant; default none',
} as const;

/** The keys that say when a reporter is read (exactly one per reporter statistic). */
export const TIME_KEYS = ['end', 'year', ...PERIOD_STATISTICS] as const;

/** One method setting: its kind, range and default. */
export type MethodFieldSpecification =
  | { readonly kind: 'integer'; readonly minimum: number; readonly maximum: number; readonly default: number; readonly text: string }
  | {
      readonly kind: 'number';
      readonly minimum: number;
      readonly maximum: number;
      readonly exclusiveMinimum: boolean;
      readonly exclusiveMaximum: boolean;
      readonly default: number;
      readonly text: string;
    }
  | { readonly kind: 'boolean'; readonly default: boolean; readonly text: string }
  | { readonly kind: 'choice'; readonly choices: readonly string[]; readonly default: string; readonly text: string };

/** The method settings, in documentation order (keys of {@link CalibrationMethod}). */
export const METHOD_FIELDS: Readonly<Record<keyof CalibrationMethod, MethodFieldSpecification>> = {
  type: { kind: 'choice', choices: ['abc-smc'], default: 'abc-smc', text: 'the estimator: abc-smc (population Monte Carlo ABC, Beaumont et al. 2009)' },
  populationSize: { kind: 'integer', minimum: 10, maximum: 10_000, default: 200, text: 'particles per generation N (the importance weights cost N² kernel evaluations per generation)' },
  maxGenerations: { kind: 'integer', minimum: 1, maximum: 1000, default: 10, text: 'largest number of generations, the prior generation included' },
  maxSimulations: {
    kind: 'integer',
    minimum: 10,
    maximum: 1e9,
    default: 50_000,
    text: 'budget in model runs: candidates × replications × (2 with a reference scenario); at least one generation’s worth',
  },
  replications: { kind: 'integer', minimum: 1, maximum: 1000, default: 1, text: 'model replications per candidate' },
  combineReplications: {
    kind: 'choice',
    choices: REPLICATION_COMBINATIONS,
    default: 'distancePerReplication',
    text: 'distancePerReplication: each replication has its own distance and a candidate’s weight is the share within the tolerance (an unbiased ABC likelihood); averageStatistics: one distance of the statistics averaged over the replications (less noise, but it treats the data as an average of replications too)',
  },
  commonRandomNumbers: {
    kind: 'boolean',
    default: false,
    text: 'true: every candidate of a generation runs with the same replication seeds (sharper comparisons between candidates; the posterior then conditions on those seeds)',
  },
  toleranceQuantile: {
    kind: 'number',
    minimum: 0,
    maximum: 1,
    exclusiveMinimum: true,
    exclusiveMaximum: true,
    default: 0.5,
    text: 'α: each generation’s tolerance is the α-quantile of the previous generation’s accepted distances',
  },
  minimumTolerance: {
    kind: 'number',
    minimum: 0,
    maximum: 1e12,
    exclusiveMinimum: false,
    exclusiveMaximum: false,
    default: 0,
    text: 'stop once the tolerance reaches this distance',
  },
  minimumAcceptanceRate: {
    kind: 'number',
    minimum: 0,
    maximum: 1,
    exclusiveMinimum: false,
    exclusiveMaximum: true,
    default: 0.01,
    text: 'stop when a generation accepts fewer than this share of its candidates',
  },
  kernelScale: {
    kind: 'number',
    minimum: 0,
    maximum: 100,
    exclusiveMinimum: true,
    exclusiveMaximum: false,
    default: 2,
    text: 'the perturbation kernel’s covariance as a multiple of the previous population’s weighted covariance: 2 as in Beaumont et al. (2009); 1 or less keeps the importance weights even when many parameters are weakly identified (the effective sample size collapses with 2 in ten or more such dimensions)',
  },
  distance: { kind: 'choice', choices: DISTANCE_NORMS, default: 'rms', text: 'how target discrepancies combine: rms (weighted root mean square) or max (largest weighted one)' },
  seed: { kind: 'integer', minimum: 0, maximum: 4294967295, default: 2009, text: 'seed of the calibration (candidates and replication seeds)' },
};

/**
 * The method's defaults (every setting the file leaves out).
 *
 * @example defaultCalibrationMethod().populationSize // 200
 */
export function defaultCalibrationMethod(): CalibrationMethod {
  const entries = Object.entries(METHOD_FIELDS).map(([key, field]) => [key, field.default]);
  return Object.fromEntries(entries) as unknown as CalibrationMethod;
}
