import type {
  EndStateSummary,
  PairedComparison,
  ReportInput,
  ReportMetric,
  ScenarioMap,
  ScenarioSeries,
} from './reportInput.ts';
import { SCALE_GROUPS } from '../comparison/scenarioScaleGroup.ts';
import { INDUSTRY_COLOURS, OTHER_INDUSTRY_COLOUR, scenarioStyle, type ScenarioStyle } from './palette.ts';

/**
 * A group of scenarios shown together — one scale (src/comparison/scenarioScaleGroup.ts) — with its
 * own charts and axes and its own reference.
 */
export interface ReportGroup {
  /** 'teaching', 'province', 'national', 'limiting'; 'all' for report data without groups. */
  readonly key: string;
  readonly label: string;
  /** The rule that puts a scenario in the group, in words; null for 'all'. */
  readonly rule: string | null;
  /** Its scenarios in display order. */
  readonly scenarios: readonly string[];
  /** The scenario the others are compared with; null when none is compared. */
  readonly reference: string | null;
  /** Suffix of its charts' ids: '' for the first group (so a one-group report keeps plain ids), else `-<key>`. */
  readonly idSuffix: string;
}

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
  /** Scenarios compared with their reference, in display order (empty without a baseline). */
  readonly comparedScenarios: readonly string[];
  /** The groups in display order: the baseline's first, then teaching, province, national, limiting. */
  readonly groups: readonly ReportGroup[];
  groupOf(scenario: string): ReportGroup | undefined;
  /** The scenario a scenario is compared with (scenario − reference), or null. */
  referenceOf(scenario: string): string | null;
  /** Why a scenario is not compared, in one sentence, or null. */
  notComparedReason(scenario: string): string | null;
  /** Style by scenario name: one colour (and dash) per scenario, the same in every chart. */
  styleOf(scenario: string): ScenarioStyle;
  seriesOf(scenario: string, metric: string): ScenarioSeries | undefined;
  endStateOf(scenario: string, metric: string): EndStateSummary | undefined;
  /** The paired comparison of a scenario with its reference. */
  pairedOf(scenario: string, metric: string): PairedComparison | undefined;
  /** The difference in % of the reference mean (from the data, or from the reference's end state in older data). */
  percentOf(comparison: PairedComparison): number | null;
  /**
   * The last recorded year of a metric over `scenarios` (default all), or null without data.
   */
  endYearOf(metric: string, scenarios?: readonly string[]): number | null;
  /** The distinct last recorded years of a metric's series over `scenarios`, ascending. */
  endYearsOf(metric: string, scenarios: readonly string[]): number[];
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

/** Display order of the scale groups after the baseline's. */
function groupOrder(key: string): number {
  return key in SCALE_GROUPS ? SCALE_GROUPS[key as keyof typeof SCALE_GROUPS].order : 99;
}

/**
 * The report's groups: by `scaleGroup` when the scenarios have one (the baseline's group first,
 * then teaching, province, national, limiting), else one group 'all' with the baseline as reference.
 */
export function reportGroups(input: ReportInput): ReportGroup[] {
  const grouped = input.scenarios.length > 0 && input.scenarios.every((s) => s.scaleGroup !== undefined);
  if (!grouped) {
    return [{ key: 'all', label: 'All scenarios', rule: null, scenarios: input.scenarios.map((s) => s.name), reference: input.baseline, idSuffix: '' }];
  }
  const baselineGroup = input.scenarios.find((s) => s.name === input.baseline)?.scaleGroup;
  const keys = [...new Set(input.scenarios.map((s) => s.scaleGroup as string))].sort(
    (a, b) => Number(b === baselineGroup) - Number(a === baselineGroup) || groupOrder(a) - groupOrder(b),
  );
  return keys.map((key, i) => {
    const members = input.scenarios.filter((s) => s.scaleGroup === key);
    const referenced = members.map((s) => s.reference).find((r): r is string => typeof r === 'string') ?? null;
    const description = SCALE_GROUPS[key as keyof typeof SCALE_GROUPS];
    return {
      key,
      label: description?.label ?? key,
      rule: description?.rule ?? null,
      scenarios: members.map((s) => s.name),
      reference: referenced,
      idSuffix: i === 0 ? '' : `-${key}`,
    };
  });
}

/** Index a report input for the chart builders and the page. */
export function indexReportInput(input: ReportInput): ReportView {
  const scenarioNames = input.scenarios.map((s) => s.name);
  const groups = reportGroups(input);
  const groupByScenario = new Map<string, ReportGroup>();
  for (const g of groups) for (const name of g.scenarios) groupByScenario.set(name, g);
  const scenarioByName = new Map(input.scenarios.map((s) => [s.name, s]));
  // Older report data has no `reference`: every scenario but the baseline is compared with it.
  const referenceOf = (scenario: string): string | null => {
    const s = scenarioByName.get(scenario);
    if (s === undefined || input.baseline === null) return null;
    if (s.reference !== undefined) return s.reference;
    return scenario === input.baseline ? null : input.baseline;
  };
  const series = new Map(input.series.map((s) => [key(s.scenario, s.metric), s]));
  const endStates = new Map(input.endStates.map((e) => [key(e.scenario, e.metric), e]));
  const paired = new Map(
    input.paired.filter((p) => p.baseline === referenceOf(p.scenario)).map((p) => [key(p.scenario, p.metric), p]),
  );
  const metrics = new Map(input.metrics.map((m) => [m.name, m]));
  const lastYear = new Map<string, number>();
  for (const s of input.series) {
    const last = s.points[s.points.length - 1];
    if (last !== undefined) lastYear.set(key(s.scenario, s.metric), Math.max(...s.points.map((p) => p.year)));
  }
  const endYearsOf = (metric: string, scenarios: readonly string[]): number[] => {
    const years = new Set<number>();
    for (const scenario of scenarios) {
      const year = lastYear.get(key(scenario, metric));
      if (year !== undefined) years.add(year);
    }
    return [...years].sort((a, b) => a - b);
  };
  const industryColours = assignIndustryColours(input.maps);
  let maxZoneOutput = 0;
  for (const map of input.maps) {
    for (const zone of map.zones) if (zone.output > maxZoneOutput) maxZoneOutput = zone.output;
  }
  const comparedScenarios = scenarioNames.filter((name) => referenceOf(name) !== null);
  const styleIndex = new Map(scenarioNames.map((name, i) => [name, i]));
  return {
    input,
    scenarioNames,
    comparedScenarios,
    groups,
    groupOf: (scenario) => groupByScenario.get(scenario),
    referenceOf,
    notComparedReason: (scenario) => scenarioByName.get(scenario)?.notCompared ?? null,
    styleOf: (scenario) => scenarioStyle(styleIndex.get(scenario) ?? scenarioNames.length),
    seriesOf: (scenario, metric) => series.get(key(scenario, metric)),
    endStateOf: (scenario, metric) => endStates.get(key(scenario, metric)),
    pairedOf: (scenario, metric) => paired.get(key(scenario, metric)),
    percentOf: (p) => {
      if (p.percentOfReference !== undefined) return p.percentOfReference;
      const reference = p.referenceMean ?? endStates.get(key(p.baseline, p.metric))?.mean;
      return reference === undefined || reference === 0 ? null : (100 * p.meanDifference) / Math.abs(reference);
    },
    endYearOf: (metric, scenarios = scenarioNames) => {
      const years = endYearsOf(metric, scenarios);
      return years.length === 0 ? null : years[years.length - 1];
    },
    endYearsOf,
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
