import { SCALE_GROUPS, type ScaleGroupKey } from './scenarioScaleGroup.ts';

/** What the grouping needs to know about one scenario of a comparison. */
export interface GroupedScenario {
  readonly name: string;
  readonly group: ScaleGroupKey;
  /** Last recorded year; null when nothing was recorded. */
  readonly endYear: number | null;
  /**
   * Its full parameters flattened to dotted paths (flattenOverrides), to choose a group's reference
   * as its medoid; without them the first scenario of the group is its reference.
   */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

/**
 * The number of parameters (dotted paths) whose values differ between two flattened parameter sets
 * (a path set in one only counts as different).
 *
 * @example parameterDistance({ 'zones.count': 180, 'firms.initialCount': 18000 }, { 'zones.count': 0, 'firms.initialCount': 18000 }) // 1
 */
export function parameterDistance(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): number {
  let distance = 0;
  for (const path of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[path]) !== JSON.stringify(b[path])) distance += 1;
  }
  return distance;
}

/**
 * The medoid of a group: the scenario whose parameters differ from the other members' in the fewest
 * places in all (ties: the first in the run's order) — the one every other member is a variant of,
 * e.g. henan between henan-no-zones (one parameter away) and henan-calibrated (the fitted ones).
 * The first member when a member has no parameters.
 */
export function groupMedoid(members: readonly GroupedScenario[]): GroupedScenario {
  if (members.some((m) => m.parameters === undefined)) return members[0];
  let best = members[0];
  let bestTotal = Number.POSITIVE_INFINITY;
  for (const m of members) {
    let total = 0;
    for (const other of members) if (other !== m) total += parameterDistance(m.parameters ?? {}, other.parameters ?? {});
    if (total < bestTotal) {
      best = m;
      bestTotal = total;
    }
  }
  return best;
}

/** How a scenario takes part in the paired comparisons. */
export interface ScenarioComparisonRole {
  /** The scenario it is compared with (scenario − reference); null when it is not compared. */
  readonly reference: string | null;
  /** Whether it is its group's reference. */
  readonly isReference: boolean;
  /** Why it is not compared, in one sentence; null when it is compared or is a reference. */
  readonly notCompared: string | null;
}

function yearText(year: number | null): string {
  return year === null ? 'an unknown year' : String(Math.round(year * 100) / 100);
}

/**
 * Who is compared with whom: every scenario is compared with its scale group's reference, never
 * across groups (a paired difference between scales measures scale, not policy).
 *
 * - The group holding the report's baseline has the baseline as its reference.
 * - Any other group of provinces (teaching, province, national scale) has its medoid as its
 *   reference: the scenario whose parameters differ from the other members' in the fewest places
 *   ({@link groupMedoid}; the first in the run's order without parameters or on a tie).
 * - A group of limiting cases without the baseline has none: each limiting case is a different
 *   textbook model, shown but not compared.
 * - A scenario whose last recorded year differs from its reference's is not compared (end states
 *   are compared at the same date only).
 * - Without a baseline (fewer than two scenarios) nothing is compared.
 *
 * Each scenario that is not compared gets one sentence saying why, for the report. Pure; no
 * scenario name is looked at except to match the baseline.
 *
 * @param scenarios in the run's order.
 * @example chooseGroupReferences([{ name: 'baseline', group: 'teaching', endYear: 2030 }, { name: 'no-zones', group: 'teaching', endYear: 2030 }], 'baseline').get('no-zones') // { reference: 'baseline', isReference: false, notCompared: null }
 */
export function chooseGroupReferences(scenarios: readonly GroupedScenario[], baseline: string | null): Map<string, ScenarioComparisonRole> {
  const roles = new Map<string, ScenarioComparisonRole>();
  if (baseline === null) {
    for (const s of scenarios) roles.set(s.name, { reference: null, isReference: false, notCompared: null });
    return roles;
  }
  const groups = new Map<ScaleGroupKey, GroupedScenario[]>();
  for (const s of scenarios) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  for (const [key, members] of groups) {
    const label = SCALE_GROUPS[key].label.toLowerCase();
    const reference = members.find((s) => s.name === baseline) ?? (key === 'limiting' ? undefined : groupMedoid(members));
    for (const s of members) {
      if (reference === undefined) {
        roles.set(s.name, {
          reference: null,
          isReference: false,
          notCompared: `${s.name} is a limiting case (one industry, a textbook model of its own), so it is shown but not compared with a province.`,
        });
      } else if (s === reference) {
        roles.set(s.name, { reference: null, isReference: true, notCompared: members.length === 1 ? `${s.name} is the only scenario at ${label}, so there is nothing of the same scale to compare it with.` : null });
      } else if (s.endYear !== reference.endYear) {
        roles.set(s.name, {
          reference: null,
          isReference: false,
          notCompared: `${s.name} ends in ${yearText(s.endYear)} and its reference ${reference.name} in ${yearText(reference.endYear)}; end states are compared only between runs of the same length.`,
        });
      } else {
        roles.set(s.name, { reference: reference.name, isReference: false, notCompared: null });
      }
    }
  }
  return roles;
}
