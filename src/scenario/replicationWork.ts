/**
 * The size of one replication's work, from the scenario's parameters alone (issue 11, item 4:
 * `projects.perYear` at its allowed maximum ran 90 s to 3.7 GB with no output; a run of 100,000 Henan
 * replications would need about 235 GB and 14 hours, and nothing said so before it started).
 *
 * Two quantities drive a replication's time and memory:
 * - **firm-years**: the firms alive, summed over the years. Estimated as if no firm exited: the
 *   initial firms for every year, plus each year's arriving projects (`projects.perYear` growing by
 *   `projects.growthPerYear`, doubled when the national mobile pool is on, an upper bound of what
 *   zones attract) for the rest of the run from the middle of their year. The firm-level work (entry,
 *   growth, the annual review, exits) is proportional to it. The peak number of firms is the initial
 *   ones plus every arrival.
 * - **cell-steps**: zones × industries × steps, the per-step refresh of every (zone, industry) cell
 *   of the location choice.
 *
 * The estimate is an upper bound in the firm counts (no exits) and a measured average in the costs
 * (src/runner/runEstimate.ts). Pure module.
 */
import type { Parameters } from '../model/parameterSpecification.ts';

/** The estimated work of one replication (see the module comment). */
export interface ReplicationWork {
  /** Projects arriving over the run (no exits counted). */
  readonly projects: number;
  /** Initial firms plus every arrival: the most firms the run can hold. */
  readonly peakFirms: number;
  /** Σ over years of the firms alive (upper bound). */
  readonly firmYears: number;
  /** zones × industries × steps. */
  readonly cellSteps: number;
}

/**
 * Most firm-years one replication may have: about 6 times the national-scale scenario
 * (`scenarios/scale/china-national.yaml`: 15.9 million estimated firm-years, 9.5 s of CPU measured);
 * a replication at the bound takes about a minute of CPU (src/runner/runEstimate.ts).
 */
export const MAXIMUM_REPLICATION_FIRM_YEARS = 1e8;

/** Most firms one replication may hold at once: about 4 times the national scale (1.19 million estimated), some 1.6 GB of memory. */
export const MAXIMUM_REPLICATION_FIRMS = 5e6;

/** Most (zone, industry) cell-steps of one replication: about 75 times the national scale (13.4 million). */
export const MAXIMUM_REPLICATION_CELL_STEPS = 1e9;

/**
 * The work of one replication with these parameters (see the module comment).
 *
 * @example replicationWork(henanParameters).firmYears // 1,122,000 (18,000 initial firms, 1,500 projects a year doubled for the mobile pool, 22 years)
 */
export function replicationWork(parameters: Parameters): ReplicationWork {
  const years = parameters.time.years;
  const mobile = parameters.investment.mobile.enabled ? 2 : 1;
  const initial = parameters.firms.initialCount;
  let projects = 0;
  let firmYears = initial * years;
  let flow = parameters.projects.perYear * mobile;
  for (let year = 0; year < years; year++) {
    projects += flow;
    firmYears += flow * (years - year - 0.5);
    flow *= 1 + parameters.projects.growthPerYear;
  }
  const cellSteps = parameters.zones.count * parameters.industries.count * years * parameters.time.stepsPerYear;
  return { projects, peakFirms: initial + projects, firmYears, cellSteps };
}

/** Why a replication is too large: the field to blame and the message's expected and found parts. */
export interface ReplicationWorkProblem {
  readonly path: readonly string[];
  readonly expected: string;
  readonly found: string;
}

/**
 * Why a replication is too large to run (one of the three bounds above), or null when it is within
 * them. Checked with every scenario and every design point (src/scenario/validateScenario.ts).
 *
 * @example replicationWorkProblem(replicationWork(parametersWithPerYear1e7))?.expected // 'a replication of at most 5.0e+6 firms at once …'
 */
export function replicationWorkProblem(work: ReplicationWork): ReplicationWorkProblem | null {
  const n = (x: number): string => (x < 1e6 ? Math.round(x).toLocaleString('en-US') : x.toExponential(1));
  const flow = ['projects', 'perYear'];
  if (work.peakFirms > MAXIMUM_REPLICATION_FIRMS) {
    return {
      path: flow,
      expected: `a replication of at most ${n(MAXIMUM_REPLICATION_FIRMS)} firms at once (firms.initialCount plus the projects arriving over time.years)`,
      found: `about ${n(work.peakFirms)}`,
    };
  }
  if (work.firmYears > MAXIMUM_REPLICATION_FIRM_YEARS) {
    return {
      path: flow,
      expected: `a replication of at most ${n(MAXIMUM_REPLICATION_FIRM_YEARS)} firm-years (firms alive summed over time.years)`,
      found: `about ${n(work.firmYears)}`,
    };
  }
  if (work.cellSteps > MAXIMUM_REPLICATION_CELL_STEPS) {
    return {
      path: ['zones', 'count'],
      expected: `a replication of at most ${n(MAXIMUM_REPLICATION_CELL_STEPS)} zone × industry × step cells (zones.count × industries.count × time.years × time.stepsPerYear)`,
      found: n(work.cellSteps),
    };
  }
  return null;
}
