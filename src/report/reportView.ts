import type {
  EndStateSummary,
  PairedComparison,
  ReportInput,
  ReportMetric,
  ScenarioMap,
  ScenarioSeries,
} from './reportInput.ts';
import { INDUSTRY_COLOURS, OTHER_INDUSTRY_COLOUR, scenarioStyle, type ScenarioStyle } from './palette.ts';

/**
 * A read-only index over a `ReportInput` for the chart builders and the page: look-ups of series,
 * end states and paired comparisons by (scenario, metric), each scenario's style, and the colours of
 * the industries on the maps (assigned once over all maps so a colour means the same industry on
 * every map). Built once per report by `indexReportInput`; pure.
 */
export interface ReportView {
  readonly input: ReportInput;
  /** Scenario names in display order (the order of `input.scenarios`). */
  readonly scenarioNames: readonly string[];
  /** Scenarios compared with the baseline (all but the baseline; empty without a baseline). */
  readonly comparedScenarios: readonly string[];
  styleOf(scenario: string): ScenarioStyle;
  seriesOf(scenario: string, metric: string): ScenarioSeries | undefined;
  endStateOf(scenario: string, metric: string): EndStateSummary | undefined;
  pairedOf(scenario: string, metric: string): PairedComparison | undefined;
  /** The last recorded year of a metric over all scenarios, or null without data. */
  endYearOf(metric: string): number | null;
  metricNamed(name: string): ReportMetric | undefined;
  /** Legend entry (name and colour) of a zone's top industry on the maps. */
  industryStyleOf(topIndustry: number | null, topIndustryName: string | null): IndustryStyle;
  /** Largest zone output over all maps (the bubble-size scale shared by every map). */
  readonly maxZoneOutput: number;
}

/** How a leading industry is shown on the maps. */
export interface IndustryStyle {
  /** Legend key: the industry's name, "Other industries" or "Empty zone". */
  readonly legend: string;
  readonly colour: string;
  /** Position of the entry in the legend (palette order, then others, then empty). */
  readonly order: number;
}

/** Legend label of industries beyond the palette. */
export const OTHER_INDUSTRIES_LABEL = 'Other industries';
/** Legend label of zones with no firm. */
export const EMPTY_ZONE_LABEL = 'Empty zone';

function key(scenario: string, metric: string): string {
  return `${scenario}\u0000${metric}`;
}

/**
 * The colours of the maps' leading industries: the industries that lead the most zones over all maps
 * (ties by index) get the palette's colours, the rest share grey. Returns industry index → palette
 * position.
 */
export function assignIndustryColours(maps: readonly ScenarioMap[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const map of maps) {
    for (const zone of map.zones) {
      if (zone.topIndustry !== null) counts.set(zone.topIndustry, (counts.get(zone.topIndustry) ?? 0) + 1);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const assignment = new Map<number, number>();
  ranked.slice(0, INDUSTRY_COLOURS.length).forEach(([industry], position) => assignment.set(industry, position));
  return assignment;
}

/** Index a report input for the chart builders and the page. */
export function indexReportInput(input: ReportInput): ReportView {
  const scenarioNames = input.scenarios.map((s) => s.name);
  const scenarioIndex = new Map(scenarioNames.map((name, i) => [name, i]));
  const series = new Map(input.series.map((s) => [key(s.scenario, s.metric), s]));
  const endStates = new Map(input.endStates.map((e) => [key(e.scenario, e.metric), e]));
  const paired = new Map(
    input.paired.filter((p) => p.baseline === input.baseline).map((p) => [key(p.scenario, p.metric), p]),
  );
  const metrics = new Map(input.metrics.map((m) => [m.name, m]));
  const endYears = new Map<string, number>();
  for (const s of input.series) {
    for (const point of s.points) {
      const previous = endYears.get(s.metric);
      if (previous === undefined || point.year > previous) endYears.set(s.metric, point.year);
    }
  }
  const industryColours = assignIndustryColours(input.maps);
  let maxZoneOutput = 0;
  for (const map of input.maps) {
    for (const zone of map.zones) if (zone.output > maxZoneOutput) maxZoneOutput = zone.output;
  }
  const comparedScenarios =
    input.baseline === null ? [] : scenarioNames.filter((name) => name !== input.baseline);
  return {
    input,
    scenarioNames,
    comparedScenarios,
    styleOf: (scenario) => scenarioStyle(scenarioIndex.get(scenario) ?? scenarioNames.length),
    seriesOf: (scenario, metric) => series.get(key(scenario, metric)),
    endStateOf: (scenario, metric) => endStates.get(key(scenario, metric)),
    pairedOf: (scenario, metric) => paired.get(key(scenario, metric)),
    endYearOf: (metric) => endYears.get(metric) ?? null,
    metricNamed: (name) => metrics.get(name),
    industryStyleOf: (topIndustry, topIndustryName) => {
      if (topIndustry === null) {
        return { legend: EMPTY_ZONE_LABEL, colour: OTHER_INDUSTRY_COLOUR, order: INDUSTRY_COLOURS.length + 1 };
      }
      const position = industryColours.get(topIndustry);
      if (position === undefined) {
        return { legend: OTHER_INDUSTRIES_LABEL, colour: OTHER_INDUSTRY_COLOUR, order: INDUSTRY_COLOURS.length };
      }
      const name = topIndustryName ?? input.industryNames[topIndustry] ?? `Industry ${topIndustry}`;
      return { legend: name, colour: INDUSTRY_COLOURS[position], order: position };
    },
    maxZoneOutput,
  };
}
