/**
 * The shape of a validated calibration file (see docs/calibration.md): the scenario to calibrate and
 * an optional reference scenario, the free parameters with their priors, the targets — published
 * figures, each tied to a model statistic at a date — and the method with its budget. Plain
 * JSON-serialisable data. Pure module.
 */
import type { ReporterScope } from '../outcomes/reporters.ts';
import type { CalibrationPrior } from './calibrationPrior.ts';
import type { DiscrepancyScale, DistanceNorm, TargetKind } from './targetDistance.ts';

/**
 * An instant of the run, as written in the file:
 * - `{ end: 2012 }`: the state at the end of calendar year 2012 (31 December), which the runner
 *   records as the row labelled year 2013 in results.csv;
 * - `{ year: 2013 }`: the record labelled 2013 (the state on 1 January 2013, the same instant);
 *   labels may be fractional when records are more frequent than yearly (2012.25 = 1 April 2012).
 */
export type CalibrationDate = { readonly end: number } | { readonly year: number };

/** Reductions of a zone or industry reporter over the zones (or industries) to one number. */
export type UnitAggregate = 'sum' | 'mean' | 'median' | 'min' | 'max' | 'maxOverMedian' | 'countAbove' | 'shareAbove';

/** Every aggregate, in documentation order; the last two take a threshold. */
export const UNIT_AGGREGATES: readonly UnitAggregate[] = ['sum', 'mean', 'median', 'min', 'max', 'maxOverMedian', 'countAbove', 'shareAbove'];

/** Aggregates written `{ countAbove: 10000 }`. */
export const THRESHOLD_AGGREGATES: readonly UnitAggregate[] = ['countAbove', 'shareAbove'];

/** What each aggregate computes (messages, schema, docs). */
export const UNIT_AGGREGATE_TEXT: Readonly<Record<UnitAggregate, string>> = {
  sum: 'the sum over the zones (industries) where the reporter is defined',
  mean: 'the mean over the zones (industries) where it is defined',
  median: 'the median over them',
  min: 'the smallest value',
  max: 'the largest value',
  maxOverMedian: 'the largest value divided by the median (undefined when the median is not positive)',
  countAbove: 'how many zones (industries) have a value above the threshold',
  shareAbove: 'the share of the zones (industries) with a defined value that are above the threshold',
};

/** How a zone or industry reporter becomes one number: an aggregate, or one zone or industry by index. */
export type UnitSelection =
  | { readonly kind: 'aggregate'; readonly aggregate: UnitAggregate; readonly threshold: number | null }
  | { readonly kind: 'unit'; readonly index: number };

/** Periods of a statistic: from one recorded instant to a later one. */
export type PeriodStatistic = 'change' | 'sum' | 'mean';

/** Every period statistic (what each means: {@link PERIOD_STATISTIC_TEXT}). */
export const PERIOD_STATISTICS: readonly PeriodStatistic[] = ['change', 'sum', 'mean'];

/** What each period statistic computes. */
export const PERIOD_STATISTIC_TEXT: Readonly<Record<PeriodStatistic, string>> = {
  change: 'the value at `to` minus the value at `from`',
  sum: 'the sum of the values recorded after `from` up to and including `to` (for flow reporters such as entries: the total flow of the period)',
  mean: 'the mean of the values recorded after `from` up to and including `to`',
};

/** When a reporter is read: at an instant, or over a period. */
export type MeasurementTime =
  | { readonly kind: 'at'; readonly date: CalibrationDate }
  | { readonly kind: PeriodStatistic; readonly from: CalibrationDate; readonly to: CalibrationDate };

/** One reporter, reduced to one number per replication. */
export interface ReporterMeasurement {
  readonly type: 'reporter';
  /** A reporter of src/outcomes/reporters.ts. */
  readonly reporter: string;
  readonly scope: ReporterScope;
  /** For zone and industry reporters; null for province reporters. */
  readonly selection: UnitSelection | null;
  readonly time: MeasurementTime;
}

/** A combination of two statistics. */
export interface CombinedStatistic {
  /** `ratio`: first / second; `difference`: first − second. */
  readonly type: 'ratio' | 'difference';
  readonly operands: readonly [TargetStatistic, TargetStatistic];
}

/** The model counterpart of a figure. */
export type TargetStatistic = ReporterMeasurement | CombinedStatistic;

/** How a target compares the scenario with the reference scenario (same seeds, same free parameters). */
export type ContrastKind = 'ratio' | 'difference' | 'logRatio';

/** Every contrast, in documentation order. */
export const CONTRAST_KINDS: readonly ContrastKind[] = ['ratio', 'difference', 'logRatio'];

/** One published figure and its model counterpart. */
export interface CalibrationTarget {
  /** Identifier (letters, digits, `-`, `_`, `.`), unique in the file; the column name in outputs. */
  readonly name: string;
  readonly figure: number;
  readonly kind: TargetKind;
  readonly scale: DiscrepancyScale;
  readonly tolerance: number;
  readonly weight: number;
  /**
   * A held-out target is computed for every particle and reported, but left out of the distance:
   * the honest out-of-sample check (fit to ≤ 2012, predict 2013).
   */
  readonly holdOut: boolean;
  /** Where the figure comes from (free text, e.g. the row of shared/data/henan-targets-2009-2013.csv). */
  readonly source: string | null;
  readonly statistic: TargetStatistic;
  /** Compare with the reference scenario: statistic(scenario) over/minus it (reference); null: the scenario alone. */
  readonly contrast: ContrastKind | null;
}

/** One free parameter. */
export interface CalibrationParameter {
  /** Dotted parameter path, e.g. `choice.agglomeration.coefficient`. */
  readonly name: string;
  /** Its prior, inside the parameter's allowed range. */
  readonly prior: CalibrationPrior;
  /** Unit of the parameter (`-` when dimensionless). */
  readonly unit: string;
}

/** How replications of one candidate become distances. */
export type ReplicationCombination = 'distancePerReplication' | 'averageStatistics';

/** Every combination, in documentation order. */
export const REPLICATION_COMBINATIONS: readonly ReplicationCombination[] = ['distancePerReplication', 'averageStatistics'];

/** The estimation method and its budget. */
export interface CalibrationMethod {
  readonly type: 'abc-smc';
  readonly populationSize: number;
  readonly maxGenerations: number;
  /** Budget in model runs: candidates × replications × (2 with a reference scenario, else 1). */
  readonly maxSimulations: number;
  readonly replications: number;
  readonly combineReplications: ReplicationCombination;
  readonly commonRandomNumbers: boolean;
  readonly toleranceQuantile: number;
  readonly minimumTolerance: number;
  readonly minimumAcceptanceRate: number;
  /** The perturbation kernel's covariance as a multiple of the population's (2: Beaumont et al. 2009). */
  readonly kernelScale: number;
  readonly distance: DistanceNorm;
  readonly seed: number;
}

/**
 * What the calibrated model predicts: the posterior's particles run on to the end of `until`, and the
 * province reporters whose bands the report and docs show (besides every target's statistic over
 * time).
 */
export interface CalibrationPredictions {
  /** The last calendar year of the posterior-predictive runs (null: the scenario's last year). */
  readonly until: number | null;
  /** Province reporters predicted (their posterior-predictive bands at every recorded instant). */
  readonly reporters: readonly string[];
}

/** A validated calibration file. */
export interface CalibrationDefinition {
  readonly name: string;
  readonly description: string;
  /** The scenario to calibrate, relative to the calibration file. */
  readonly scenario: string;
  /** The reference scenario of contrasts, relative to the calibration file, or null. */
  readonly reference: string | null;
  readonly parameters: readonly CalibrationParameter[];
  readonly targets: readonly CalibrationTarget[];
  readonly method: CalibrationMethod;
  readonly predictions: CalibrationPredictions;
}

/**
 * Model runs one candidate costs: replications × (2 with a reference scenario, else 1).
 *
 * @example simulationsPerCandidate(definition) // 4 for 2 replications and a reference
 */
export function simulationsPerCandidate(definition: Pick<CalibrationDefinition, 'reference' | 'method'>): number {
  return definition.method.replications * (definition.reference === null ? 1 : 2);
}

/**
 * Every reporter measurement of a statistic, depth first.
 *
 * @example measurementsOf({ type: 'ratio', operands: [a, b] }) // [a, b]
 */
export function measurementsOf(statistic: TargetStatistic): ReporterMeasurement[] {
  return statistic.type === 'reporter' ? [statistic] : [...measurementsOf(statistic.operands[0]), ...measurementsOf(statistic.operands[1])];
}
