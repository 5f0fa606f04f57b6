/**
 * The data a comparison report is rendered from: everything the HTML report, its charts and the
 * PNG/SVG exports need, computed by the runner from its result store (src/runner) and nothing else.
 * Plain JSON-serialisable data, so a report can be re-rendered from `report-data.json` alone.
 *
 * Statistics conventions: intervals are 95% Student-t intervals over replications; paired
 * differences use the same replication index (common random numbers); `n` counts replications with
 * a defined value.
 */

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
}

/** Paired difference scenario − baseline of an outcome's end state, over the same replications. */
export interface PairedComparison {
  readonly scenario: string;
  readonly baseline: string;
  readonly metric: string;
  readonly n: number;
  readonly meanDifference: number;
  readonly lower: number;
  readonly upper: number;
  /** Cohen's d_z = mean difference / sd of differences; null when undefined (sd 0). */
  readonly effectSize: number | null;
  /** Two-sided paired t-test p-value; null when undefined. */
  readonly pValue: number | null;
  /** 'increase' / 'decrease' when the interval excludes 0; 'unsettled' otherwise; 'no-difference' when all differences are 0. */
  readonly direction: 'increase' | 'decrease' | 'unsettled' | 'no-difference';
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
