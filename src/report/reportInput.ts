/**
 * The data a comparison report is rendered from: everything the HTML report, its charts and the
 * PNG/SVG exports need, computed by the runner from its result store (src/runner) and nothing else.
 * Plain JSON-serialisable data, so a report can be re-rendered from `report-data.json.gz` alone.
 *
 * Statistics conventions: intervals are 95% Student-t intervals over replications — except the
 * intervals of means of counts that the t interval would take below 0, which are percentile
 * bootstrap intervals (`intervalMethod`, src/comparison/countMeanInterval.ts); paired differences
 * are scenario − reference over the same replication index (common random numbers); `n` counts
 * replications with a defined value.
 */

/** How a mean's 95% interval was computed; absent means 't' (Student t). */
export type ReportIntervalMethod = 't' | 'bootstrap-percentile';

/**
 * Scale group of a scenario (src/comparison/scenarioScaleGroup.ts): 'teaching', 'province',
 * 'national' or 'limiting'.
 */
export type ReportScaleGroup = 'teaching' | 'province' | 'national' | 'limiting';

/** A named outcome as declared in src/outcomes/reporters.ts. */
export interface ReportMetric {
  readonly name: string;
  readonly label: string;
  readonly unit: string;
  readonly rules: readonly string[];
  readonly description: string;
  readonly scope: 'province' | 'zone' | 'industry';
}

export interface ReportScenario {
  readonly name: string;
  readonly description: string;
  readonly file: string;
  readonly contentHash: string;
  /** The scenario file verbatim. */
  readonly sourceText: string;
  /** Only the parameters the file sets, as dotted path → value (the levers table). */
  readonly overrides: Readonly<Record<string, unknown>>;
  /**
   * The scale group (from its parameters: industries, firms, projects). Absent in report data
   * written before groups existed: the report then shows one group.
   */
  readonly scaleGroup?: ReportScaleGroup;
  /** Last recorded year (absent in older report data). */
  readonly endYear?: number | null;
  /**
   * The scenario it is compared with (its group's reference); null when it is a reference itself
   * or is not compared. Absent in older report data (then: the report's baseline).
   */
  readonly reference?: string | null;
  /** Why it is not compared, in one sentence; null when it is compared or is a reference. */
  readonly notCompared?: string | null;
}

/** Mean and 95% interval of one outcome at one recorded step across replications. */
export interface SeriesPoint {
  readonly step: number;
  readonly year: number;
  readonly n: number;
  readonly mean: number;
  readonly standardDeviation: number;
  readonly lower: number;
  readonly upper: number;
  /** Present (and 'bootstrap-percentile') only when the interval is not Student t. */
  readonly intervalMethod?: ReportIntervalMethod;
}

/** A province outcome's time series for one scenario. */
export interface ScenarioSeries {
  readonly scenario: string;
  readonly metric: string;
  readonly points: readonly SeriesPoint[];
}

/** End-state (last recorded step) distribution of an outcome for one scenario. */
export interface EndStateSummary {
  readonly scenario: string;
  readonly metric: string;
  readonly n: number;
  readonly mean: number;
  readonly standardDeviation: number;
  readonly lower: number;
  readonly upper: number;
  readonly min: number;
  readonly q05: number;
  readonly q25: number;
  readonly median: number;
  readonly q75: number;
  readonly q95: number;
  readonly max: number;
  /** Present (and 'bootstrap-percentile') only when the interval is not Student t. */
  readonly intervalMethod?: ReportIntervalMethod;
}

/**
 * Paired difference scenario − reference of an outcome's end state, over the same replications.
 * The reference is the scenario's group reference (field `baseline`, kept for older readers).
 */
export interface PairedComparison {
  readonly scenario: string;
  /** The reference the scenario is compared with (scenario − reference). */
  readonly baseline: string;
  readonly metric: string;
  readonly n: number;
  /** Mean of (scenario − reference) over the pairs. */
  readonly meanDifference: number;
  readonly lower: number;
  readonly upper: number;
  /** Cohen's d_z = mean difference / sd of differences; null when undefined (sd 0). */
  readonly effectSize: number | null;
  /** Two-sided paired t-test p-value; null when undefined. */
  readonly pValue: number | null;
  /**
   * The page's verdict (src/statistics/differenceVerdict.ts) in the report's words: 'no-difference'
   * when every pair is equal within floating-point tolerance (src/statistics/floatingPointResidue.ts;
   * then effectSize is 0 and pValue null); 'no-effect-that-matters' when the 95 % interval lies inside
   * ± 5 % of |reference mean|; 'increase' / 'decrease' when it excludes 0; 'unsettled' otherwise.
   */
  readonly direction: 'increase' | 'decrease' | 'unsettled' | 'no-difference' | 'no-effect-that-matters';
  /** Mean of the reference over the same pairs (absent in older report data). */
  readonly referenceMean?: number;
  /** 100 × meanDifference / |referenceMean|; null when the reference mean is 0 (absent in older data). */
  readonly percentOfReference?: number | null;
}

/** One zone on the map of a scenario (final state of one replication). */
export interface MapZone {
  readonly zone: number;
  readonly xKm: number;
  readonly yKm: number;
  readonly output: number;
  readonly firms: number;
  /** Index and name of the zone's top (largest-employment) industry, or null for an empty zone. */
  readonly topIndustry: number | null;
  readonly topIndustryName: string | null;
}

export interface ScenarioMap {
  readonly scenario: string;
  readonly replication: number;
  readonly regionSizeKm: number;
  readonly zones: readonly MapZone[];
}

/** Run facts, as in manifest.json. */
export interface ReportManifest {
  readonly zonesimVersion: string;
  readonly gitCommit: string | null;
  readonly command: string;
  readonly nodeVersion: string;
  readonly baseSeed: number;
  readonly replications: number;
  readonly workers: number;
  readonly startedAt: string;
  readonly wallTimeSeconds: number;
  readonly [key: string]: unknown;
}

export interface ReportInput {
  readonly title: string;
  readonly manifest: ReportManifest;
  readonly scenarios: readonly ReportScenario[];
  /** Name of the scenario the others are compared with, or null when there is none. */
  readonly baseline: string | null;
  /** Province-scope metrics shown in the report, in display order. */
  readonly metrics: readonly ReportMetric[];
  readonly series: readonly ScenarioSeries[];
  readonly endStates: readonly EndStateSummary[];
  readonly paired: readonly PairedComparison[];
  readonly maps: readonly ScenarioMap[];
  /** Industry names (index → name) of replication 0 of the first scenario. */
  readonly industryNames: readonly string[];
}
