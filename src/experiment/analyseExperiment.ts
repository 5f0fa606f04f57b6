/**
 * The analysis step of an experiment: from every task's outcome values to per-point means, then
 * the analyses the design supports — main-effect swings (tornado) for every design, Morris μ*, μ, σ
 * with a bootstrap interval of μ* for Morris designs, Sobol' first-order and total indices with
 * bootstrap intervals for Sobol' (Saltelli) designs, and PRIM scenario discovery when the experiment
 * asks for it. The methods are those of src/analysis (verified there on Ishigami and the g-function);
 * this file only wires the experiment's design and outcomes into them.
 *
 * Deterministic: a function of the plan and the task values only (replications are averaged in
 * replication order; bootstraps are seeded from the experiment seed, the method and the outcome), so
 * a single-machine run and a merge of shards analyse to the same bits.
 */
import seedrandom from 'seedrandom';
import { createDesignMatrix, type DesignMatrix } from '../analysis/designMatrix.ts';
import { morrisElementaryEffects } from '../analysis/morrisElementaryEffects.ts';
import { primScenarioDiscovery, type PrimBox } from '../analysis/primScenarioDiscovery.ts';
import { sobolSensitivityIndices } from '../analysis/sobolSensitivityIndices.ts';
import { thresholdOutcome, type ThresholdComparison } from '../analysis/thresholdOutcome.ts';
import type { UniformGenerator } from '../analysis/uniformGenerator.ts';
import type { ExperimentPlan } from './loadExperimentFile.ts';

/** Bootstrap resamples of every interval. */
export const BOOTSTRAP_RESAMPLES = 1000;
/** Two-sided coverage of every interval. */
export const INTERVAL_LEVEL = 0.95;
/** Share of points in each end group of the main-effect swing (tornado). */
export const SWING_GROUP_SHARE = 0.2;
/** Factors with at most this many distinct values are compared level against level in the tornado. */
export const SWING_DISCRETE_LEVELS = 5;
/** Most points drawn in each outcome-vs-factor scatter chart. */
export const SCATTER_POINT_LIMIT = 1500;

/** Main-effect swing of one factor on one outcome: the tornado chart's bar. */
export interface SwingRow {
  readonly factor: string;
  /** Mean of the point means where the factor is at its low end (lowest level or lowest fifth). */
  readonly lowMean: number;
  /** Mean of the point means where the factor is at its high end. */
  readonly highMean: number;
  /** highMean − lowMean. */
  readonly swing: number;
  /** Factor values of the low and high groups, in the factor's numeric scale: [min, max] of each group. */
  readonly lowRange: readonly [number, number];
  readonly highRange: readonly [number, number];
  readonly lowCount: number;
  readonly highCount: number;
}

/** Morris measures of one factor on one outcome (per full range of the factor). */
export interface MorrisRow {
  readonly factor: string;
  readonly mu: number;
  readonly muStar: number;
  readonly sigma: number;
  readonly muStarLower: number;
  readonly muStarUpper: number;
}

/** Sobol' indices of one factor on one outcome. */
export interface SobolRow {
  readonly factor: string;
  readonly firstOrder: number;
  readonly firstOrderLower: number;
  readonly firstOrderUpper: number;
  readonly total: number;
  readonly totalLower: number;
  readonly totalUpper: number;
}

/** Everything computed for one outcome. */
export interface OutcomeAnalysis {
  readonly outcome: string;
  /** Points whose mean outcome is defined (at least one replication gave a value). */
  readonly definedPoints: number;
  readonly minimum: number | null;
  readonly mean: number | null;
  readonly maximum: number | null;
  /** Rows sorted by |swing|, largest first (ties in factor order); empty when fewer than 2 points are defined. */
  readonly swings: readonly SwingRow[];
  /** Morris measures in factor order (Morris designs), else null. */
  readonly morris: readonly MorrisRow[] | null;
  /** Sobol' indices in factor order (Sobol' designs), else null. */
  readonly sobol: readonly SobolRow[] | null;
  /** Var(Y) of the Sobol' A and B points (output units squared), else null. */
  readonly sobolVariance: number | null;
  /** Why an analysis the design supports could not be made, or null. */
  readonly note: string | null;
}

/** One box of a PRIM result, with its factor limits. */
export interface PrimBoxSummary {
  readonly coverage: number;
  readonly density: number;
  readonly support: number;
  readonly points: number;
  readonly cases: number;
  /** The restricted factors, in factor order: numeric limits (choice factors with text values: indices). */
  readonly restrictions: readonly { readonly factor: string; readonly lower: number; readonly upper: number }[];
}

/** PRIM scenario discovery on the point means of one outcome. */
export interface PrimAnalysis {
  readonly outcome: string;
  readonly threshold: number;
  readonly direction: ThresholdComparison;
  /** Points analysed (those with a defined mean outcome). */
  readonly pointCount: number;
  /** Points that are cases of interest. */
  readonly caseCount: number;
  /** caseCount / pointCount. */
  readonly baseDensity: number;
  /** The peeling trajectory (box 0 = all points); empty when PRIM could not run. */
  readonly trajectory: readonly PrimBoxSummary[];
  /** Index of the chosen box on the trajectory, or −1. */
  readonly chosenIndex: number;
  /** The chosen box after pasting, or null. */
  readonly chosenBox: PrimBoxSummary | null;
  readonly pastingSteps: number;
  /** Why PRIM could not run (no case of interest, every point a case), or null. */
  readonly note: string | null;
}

/** The analysis of a finished experiment. */
export interface ExperimentAnalysis {
  /** Mean over replications per outcome and point: `pointMeans[o][p]` (NaN when undefined). */
  readonly pointMeans: readonly Float64Array[];
  /** Replications with a defined value per outcome and point. */
  readonly pointCounts: readonly Int32Array[];
  readonly outcomes: readonly OutcomeAnalysis[];
  readonly prim: PrimAnalysis | null;
  /** The points drawn in the scatter charts (at most {@link SCATTER_POINT_LIMIT}), ascending. */
  readonly scatterPoints: readonly number[];
}

/** The seeded generator of one bootstrap. */
export function bootstrapGenerator(seed: number, method: string, outcome: string): UniformGenerator {
  return seedrandom.alea(`zonesim-experiment:${seed}:bootstrap:${method}:${outcome}`) as unknown as UniformGenerator;
}

/**
 * Per-point means over replications: `means[o][p]` = mean of outcome o over the replications of
 * point p where it is defined (NaN when none is), summed in replication order.
 *
 * @param taskValues `values[t]` = outcome values of task t (NaN = undefined), t = p × R + r.
 */
export function pointMeansOf(
  taskValues: readonly ArrayLike<number>[],
  pointCount: number,
  replications: number,
  outcomeCount: number,
): { means: Float64Array[]; counts: Int32Array[] } {
  const means = Array.from({ length: outcomeCount }, () => new Float64Array(pointCount));
  const counts = Array.from({ length: outcomeCount }, () => new Int32Array(pointCount));
  for (let o = 0; o < outcomeCount; o++) {
    for (let p = 0; p < pointCount; p++) {
      let sum = 0;
      let n = 0;
      for (let r = 0; r < replications; r++) {
        const value = taskValues[p * replications + r][o];
        if (Number.isFinite(value)) {
          sum += value;
          n++;
        }
      }
      means[o][p] = n > 0 ? sum / n : Number.NaN;
      counts[o][p] = n;
    }
  }
  return { means, counts };
}

/**
 * Main-effect swings of every factor on one outcome (the tornado chart). For a factor with at most
 * {@link SWING_DISCRETE_LEVELS} distinct values the low and high groups are the points at its lowest
 * and highest value; otherwise the ⌈20%⌉ of points with the lowest and highest values (ties kept
 * together). Rows sorted by |highMean − lowMean|, largest first.
 *
 * Why: a model-free, design-free first look at which factor moves the outcome, and in which
 * direction, in the outcome's own unit — complementary to the variance-based indices.
 *
 * @param numeric the points' numeric factor values (`points × factors`).
 * @param y the points' mean outcome (NaN points are left out).
 * @param factorNames column names.
 * @returns the rows (empty with fewer than 2 defined points).
 */
export function mainEffectSwings(numeric: DesignMatrix, y: ArrayLike<number>, factorNames: readonly string[]): SwingRow[] {
  const k = numeric.factorCount;
  const defined: number[] = [];
  for (let p = 0; p < numeric.rowCount; p++) if (Number.isFinite(y[p])) defined.push(p);
  if (defined.length < 2) return [];
  const rows: (SwingRow & { index: number })[] = [];
  for (let j = 0; j < k; j++) {
    const x = (p: number): number => numeric.values[p * k + j];
    const sorted = [...defined].sort((a, b) => x(a) - x(b) || a - b);
    const distinct = new Set(sorted.map(x));
    let lowCut: number;
    let highCut: number;
    if (distinct.size <= SWING_DISCRETE_LEVELS) {
      lowCut = x(sorted[0]);
      highCut = x(sorted[sorted.length - 1]);
    } else {
      const g = Math.max(1, Math.ceil(SWING_GROUP_SHARE * sorted.length));
      lowCut = x(sorted[g - 1]);
      highCut = x(sorted[sorted.length - g]);
    }
    const group = (keep: (v: number) => boolean): { mean: number; count: number; range: [number, number] } => {
      let sum = 0;
      let count = 0;
      let lo = Infinity;
      let hi = -Infinity;
      for (const p of sorted) {
        const v = x(p);
        if (!keep(v)) continue;
        sum += y[p];
        count++;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      return { mean: sum / count, count, range: [lo, hi] };
    };
    const low = group((v) => v <= lowCut);
    const high = group((v) => v >= highCut);
    rows.push({
      index: j,
      factor: factorNames[j],
      lowMean: low.mean,
      highMean: high.mean,
      swing: high.mean - low.mean,
      lowRange: low.range,
      highRange: high.range,
      lowCount: low.count,
      highCount: high.count,
    });
  }
  rows.sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing) || a.index - b.index);
  return rows.map(({ index: _index, ...row }) => row);
}

function summariseBox(box: PrimBox): PrimBoxSummary {
  return {
    coverage: box.coverage,
    density: box.density,
    support: box.support,
    points: box.supportCount,
    cases: box.caseCount,
    restrictions: box.restrictions.map((r) => ({ factor: r.factorName, lower: r.lower, upper: r.upper })),
  };
}

/** PRIM on the defined point means of the scenario-discovery outcome. */
function discoverScenarios(plan: ExperimentPlan, means: readonly Float64Array[]): PrimAnalysis | null {
  const discovery = plan.definition.scenarioDiscovery;
  if (discovery === null) return null;
  const o = plan.definition.outcomes.findIndex((outcome) => outcome.name === discovery.outcome);
  const y = means[o];
  const numeric = plan.design.mapped.numericValues;
  const k = numeric.factorCount;
  const defined: number[] = [];
  for (let p = 0; p < y.length; p++) if (Number.isFinite(y[p])) defined.push(p);
  const inputs = createDesignMatrix(defined.length, k);
  defined.forEach((p, i) => inputs.values.set(numeric.values.subarray(p * k, (p + 1) * k), i * k));
  const flags = thresholdOutcome(
    defined.map((p) => y[p]),
    discovery.direction,
    discovery.threshold,
  );
  let caseCount = 0;
  for (const flag of flags) caseCount += flag;
  const base = {
    outcome: discovery.outcome,
    threshold: discovery.threshold,
    direction: discovery.direction,
    pointCount: defined.length,
    caseCount,
    baseDensity: defined.length > 0 ? caseCount / defined.length : 0,
  };
  const skipped = (note: string): PrimAnalysis => ({ ...base, trajectory: [], chosenIndex: -1, chosenBox: null, pastingSteps: 0, note });
  if (defined.length === 0) return skipped(`${discovery.outcome} is undefined at every point`);
  if (caseCount === 0) return skipped(`no point is a case of interest (${discovery.outcome} ${discovery.direction} ${discovery.threshold} nowhere): nothing to explain`);
  if (caseCount === defined.length) return skipped(`every point is a case of interest (${discovery.outcome} ${discovery.direction} ${discovery.threshold} everywhere): nothing to explain`);
  const result = primScenarioDiscovery(inputs, flags, {
    peelingAlpha: discovery.peelingAlpha,
    minimumSupport: discovery.minimumSupport,
    ...(discovery.minimumDensity === null ? {} : { minimumDensity: discovery.minimumDensity }),
    factorNames: plan.design.mapped.factorNames,
  });
  return {
    ...base,
    trajectory: result.trajectory.map(summariseBox),
    chosenIndex: result.chosenIndex,
    chosenBox: summariseBox(result.chosenBox),
    pastingSteps: result.pastingStepCount,
    note: null,
  };
}

/** The points shown in scatter charts: Saltelli's A and B blocks (or every point), thinned evenly to the limit. */
export function scatterPointIndices(plan: ExperimentPlan): number[] {
  const available = plan.design.saltelli !== null ? 2 * plan.design.saltelli.baseSampleCount : plan.design.pointCount;
  const step = Math.max(1, Math.ceil(available / SCATTER_POINT_LIMIT));
  const indices: number[] = [];
  for (let p = 0; p < available; p += step) indices.push(p);
  return indices;
}

/**
 * Analyse a finished experiment.
 *
 * @param plan the experiment's plan (design included).
 * @param taskValues outcome values of every task, in task order (`taskValues[t][o]`, NaN = undefined).
 * @returns the {@link ExperimentAnalysis}.
 * @throws {RangeError} when the number of tasks is not points × replications.
 * @example const analysis = analyseExperiment(plan, store.tasks(outcomes.length).map((t) => t.values));
 */
export function analyseExperiment(plan: ExperimentPlan, taskValues: readonly ArrayLike<number>[]): ExperimentAnalysis {
  const definition = plan.definition;
  const P = plan.design.pointCount;
  const R = definition.replicationsPerPoint;
  if (taskValues.length !== P * R) throw new RangeError(`analyseExperiment: ${taskValues.length} tasks, expected ${P} points × ${R} replications`);
  const factorNames = plan.design.mapped.factorNames;
  const { means, counts } = pointMeansOf(taskValues, P, R, definition.outcomes.length);

  const outcomes = definition.outcomes.map((outcome, o): OutcomeAnalysis => {
    const y = means[o];
    let definedPoints = 0;
    let minimum = Infinity;
    let maximum = -Infinity;
    let sum = 0;
    for (let p = 0; p < P; p++) {
      if (!Number.isFinite(y[p])) continue;
      definedPoints++;
      sum += y[p];
      minimum = Math.min(minimum, y[p]);
      maximum = Math.max(maximum, y[p]);
    }
    const swings = mainEffectSwings(plan.design.mapped.numericValues, y, factorNames);
    let morris: MorrisRow[] | null = null;
    let sobol: SobolRow[] | null = null;
    let sobolVariance: number | null = null;
    let note: string | null = null;
    const design = plan.design;
    if ((design.morris !== null || design.saltelli !== null) && definedPoints < P) {
      note = `${outcome.name} is undefined at ${P - definedPoints} of ${P} points, so the ${design.morris !== null ? 'Morris' : 'Sobol\u2019'} analysis is left out`;
    } else if (design.morris !== null && design.unit !== null) {
      const result = morrisElementaryEffects(design.unit, y, {
        factorNames,
        uniform: bootstrapGenerator(definition.seed, 'morris', outcome.name),
        resampleCount: BOOTSTRAP_RESAMPLES,
        level: INTERVAL_LEVEL,
      });
      morris = result.factors.map((f) => ({
        factor: f.factorName,
        mu: f.mu,
        muStar: f.muStar,
        sigma: f.sigma,
        muStarLower: f.muStarInterval?.lower ?? Number.NaN,
        muStarUpper: f.muStarInterval?.upper ?? Number.NaN,
      }));
    } else if (design.saltelli !== null) {
      try {
        const result = sobolSensitivityIndices(design.saltelli, y, {
          factorNames,
          uniform: bootstrapGenerator(definition.seed, 'sobol', outcome.name),
          resampleCount: BOOTSTRAP_RESAMPLES,
          level: INTERVAL_LEVEL,
        });
        sobolVariance = result.outputVariance;
        sobol = result.factors.map((f) => ({
          factor: f.factorName,
          firstOrder: f.firstOrder,
          firstOrderLower: f.firstOrderInterval?.lower ?? Number.NaN,
          firstOrderUpper: f.firstOrderInterval?.upper ?? Number.NaN,
          total: f.total,
          totalLower: f.totalInterval?.lower ?? Number.NaN,
          totalUpper: f.totalInterval?.upper ?? Number.NaN,
        }));
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        note = `Sobol\u2019 indices of ${outcome.name} are undefined: ${error.message.replace(/^sobolSensitivityIndices: /, '')}`;
      }
    }
    return {
      outcome: outcome.name,
      definedPoints,
      minimum: definedPoints > 0 ? minimum : null,
      mean: definedPoints > 0 ? sum / definedPoints : null,
      maximum: definedPoints > 0 ? maximum : null,
      swings,
      morris,
      sobol,
      sobolVariance,
      note,
    };
  });
  return { pointMeans: means, pointCounts: counts, outcomes, prim: discoverScenarios(plan, means), scatterPoints: scatterPointIndices(plan) };
}
