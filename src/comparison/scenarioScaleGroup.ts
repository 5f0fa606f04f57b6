import { parameterSpecification } from '../model/parameterSpecification.ts';

/** The scale groups of a comparison report, in display order. */
export type ScaleGroupKey = 'teaching' | 'province' | 'national' | 'limiting';

/** How a scale group is shown: heading, one-line rule, display order. */
export interface ScaleGroupDescription {
  readonly key: ScaleGroupKey;
  readonly label: string;
  /** The rule that puts a scenario in the group, in words. */
  readonly rule: string;
  readonly order: number;
}

/** Firm scale (see {@link firmScale}) from which a scenario is at province scale. */
export const PROVINCE_SCALE_FIRMS = 6000;
/** Firm scale from which a scenario is at national scale. */
export const NATIONAL_SCALE_FIRMS = 60000;

/** The groups, in display order. */
export const SCALE_GROUPS: Readonly<Record<ScaleGroupKey, ScaleGroupDescription>> = {
  teaching: {
    key: 'teaching',
    label: 'Teaching scale',
    rule: `more than one industry and a firm scale below ${PROVINCE_SCALE_FIRMS.toLocaleString('en-GB')} (the default province: 12 zones, 1,200 firms)`,
    order: 0,
  },
  province: {
    key: 'province',
    label: 'Henan (province) scale',
    rule: `a firm scale from ${PROVINCE_SCALE_FIRMS.toLocaleString('en-GB')} to below ${NATIONAL_SCALE_FIRMS.toLocaleString('en-GB')} (Henan: 180 zones, 18,000 firms)`,
    order: 1,
  },
  national: {
    key: 'national',
    label: 'National scale',
    rule: `a firm scale of ${NATIONAL_SCALE_FIRMS.toLocaleString('en-GB')} or more`,
    order: 2,
  },
  limiting: {
    key: 'limiting',
    label: 'Limiting cases',
    rule: 'a single industry: a textbook model (Pólya urn, Arthur 1990) rather than a province',
    order: 3,
  },
};

/** The facts of a scenario that decide its scale group (every one from its full parameters). */
export interface ScaleFacts {
  /** industries.count */
  readonly industries: number;
  /** firms.initialCount */
  readonly initialFirms: number;
  /** projects.perYear */
  readonly projectsPerYear: number;
}

/**
 * The firm scale of a scenario: max(firms.initialCount, 10 × projects.perYear) — its stock of firms
 * at the start, or the stock ten years of its project flow would build when it starts empty.
 *
 * @example firmScale({ industries: 20, initialFirms: 1200, projectsPerYear: 100 }) // 1200
 */
export function firmScale(facts: ScaleFacts): number {
  return Math.max(facts.initialFirms, 10 * facts.projectsPerYear);
}

/**
 * The scale group of a scenario, from its parameters alone (no scenario name is looked at): one
 * industry → 'limiting'; else by firm scale: below 6,000 → 'teaching', below 60,000 → 'province',
 * else 'national'. The thresholds sit between the bundled scales (1,200 · 18,000 · 254,300 firms),
 * a factor 3–5 from each.
 *
 * Why: a report that draws henan (18,000 firms) on the same axis as the 12-zone scenarios flattens
 * them, and a paired difference between scales measures scale, not policy. Each group gets its own
 * charts and its own reference.
 *
 * @example scenarioScaleGroup({ industries: 20, initialFirms: 18000, projectsPerYear: 1500 }) // 'province'
 * @example scenarioScaleGroup({ industries: 1, initialFirms: 0, projectsPerYear: 20 }) // 'limiting'
 */
export function scenarioScaleGroup(facts: ScaleFacts): ScaleGroupKey {
  if (facts.industries === 1) return 'limiting';
  const scale = firmScale(facts);
  if (scale < PROVINCE_SCALE_FIRMS) return 'teaching';
  if (scale < NATIONAL_SCALE_FIRMS) return 'province';
  return 'national';
}

function numberAt(parameters: Record<string, unknown>, group: string, name: string, fallback: number): number {
  const g = parameters[group];
  if (typeof g !== 'object' || g === null) return fallback;
  const v = (g as Record<string, unknown>)[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/**
 * The {@link ScaleFacts} of a scenario's full parameters; a parameter that is missing takes its
 * default from src/model/parameterSpecification.ts.
 *
 * @example scaleFactsOf({ zones: { count: 0 } }) // { industries: 20, initialFirms: 1200, projectsPerYear: 100 }
 */
export function scaleFactsOf(parameters: Record<string, unknown>): ScaleFacts {
  return {
    industries: numberAt(parameters, 'industries', 'count', parameterSpecification.industries.count.default),
    initialFirms: numberAt(parameters, 'firms', 'initialCount', parameterSpecification.firms.initialCount.default),
    projectsPerYear: numberAt(parameters, 'projects', 'perYear', parameterSpecification.projects.perYear.default),
  };
}
