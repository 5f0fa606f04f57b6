/**
 * The data a calibration report (`calibration.html` and its chart images) is rendered from, computed
 * by src/calibration/calibrationReportInput.ts from the run store's final state and posterior-
 * predictive runs and nothing else. Plain JSON-serialisable data. Type-only module.
 */

/** One instant of a posterior-predictive band (end-of-year axis; see src/calibration/posteriorPredictive.ts). */
export interface ReportBandPoint {
  readonly x: number;
  /** 5 %, 25 %, 50 %, 75 %, 95 % weighted quantiles (null: no draw defined). */
  readonly quantiles: readonly (number | null)[];
  /** Share of the posterior weight whose draw is defined. */
  readonly defined: number;
}

/** A calibrated parameter. */
export interface CalibrationReportParameter {
  /** Dotted parameter path. */
  readonly name: string;
  readonly unit: string;
  readonly description: string;
  /** The prior in words. */
  readonly prior: string;
  readonly kind: 'continuous' | 'integer' | 'choice';
  /** Log-uniform prior: marginals and pair plots use a logarithmic axis. */
  readonly logScale: boolean;
  /** The prior's support (continuous and integer), else null. */
  readonly support: readonly [number, number] | null;
  /**
   * The prior's probability of each histogram bin of {@link binEdges} (continuous and integer
   * parameters), so the marginal shows prior and posterior on one scale; null for choices.
   */
  readonly binEdges: readonly number[] | null;
  readonly priorBinProbabilities: readonly number[] | null;
  readonly posteriorBinProbabilities: readonly number[] | null;
  /** Choices: the values in words, with prior and posterior probabilities. */
  readonly choices: readonly { readonly value: string; readonly prior: number; readonly posterior: number }[] | null;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly median: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Posterior sd / prior sd (natural coordinate). */
  readonly spreadRatio: number;
  readonly identified: boolean;
  /** The calibrated scenario's value, in words. */
  readonly estimate: string;
}

/** A target with its posterior fit and band. */
export interface CalibrationReportTarget {
  readonly name: string;
  /** The statistic in words (reporter label, date, aggregate, contrast). */
  readonly label: string;
  readonly unit: string;
  readonly source: string | null;
  readonly role: 'fitted' | 'held-out' | 'weight-0';
  readonly kind: 'point' | 'lowerBound' | 'upperBound';
  readonly scale: 'log' | 'relative' | 'absolute';
  readonly figure: number;
  readonly tolerance: number;
  /** The figure's tolerance range in the statistic's unit ([figure, figure] for a degenerate scale). */
  readonly toleranceRange: readonly [number, number];
  readonly weight: number;
  /** Posterior (accepted simulations) 5 %, 50 %, 95 % quantiles; null when undefined. */
  readonly lower: number | null;
  readonly median: number | null;
  readonly upper: number | null;
  readonly error: number | null;
  readonly z: number | null;
  readonly figureInInterval: boolean;
  readonly withinTolerance: number;
  readonly figureX: number;
  readonly band: readonly ReportBandPoint[];
}

/** A predicted province reporter. */
export interface CalibrationReportPrediction {
  readonly reporter: string;
  readonly label: string;
  readonly unit: string;
  readonly description: string;
  readonly band: readonly ReportBandPoint[];
}

/** A generation of the run. */
export interface CalibrationReportGeneration {
  readonly generation: number;
  readonly tolerance: number | null;
  readonly candidates: number;
  readonly acceptanceRate: number;
  readonly effectiveSampleSize: number;
}

/** Everything a calibration report shows. */
export interface CalibrationReportInput {
  readonly title: string;
  readonly name: string;
  readonly description: string;
  /** One sentence on the run: method, particles, generations, budget and why it stopped. */
  readonly runSummary: string;
  readonly pointEstimateText: string;
  readonly identificationText: string;
  /** The first year of the runs and the last fitted year (end of year), for the charts' subtitles. */
  readonly startYear: number;
  readonly lastFittedX: number;
  readonly untilYear: number;
  readonly draws: number;
  readonly generations: readonly CalibrationReportGeneration[];
  readonly parameters: readonly CalibrationReportParameter[];
  /** The final population: weights and each numeric parameter's values (choices: index of the value). */
  readonly particles: { readonly weights: readonly number[]; readonly values: readonly (readonly number[])[] };
  readonly targets: readonly CalibrationReportTarget[];
  readonly predictions: readonly CalibrationReportPrediction[];
  readonly calibrationFile: string;
  readonly calibrationSource: string;
  readonly scenarioFile: string;
  readonly scenarioSource: string;
  readonly referenceFile: string | null;
  readonly referenceSource: string | null;
  readonly calibratedScenarioFile: string;
  readonly calibratedScenarioSource: string;
  /** summary.json's run facts (flat values shown as a list). */
  readonly facts: Readonly<Record<string, string | number | boolean | null>>;
}
