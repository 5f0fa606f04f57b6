/**
 * The shape of a validated experiment file (see docs/experiments.md): what to vary (levers and
 * uncertainties, each a model parameter with a distribution), what to record (named outcomes with a
 * statistic), how to sample (the design), how often (replications per point, seed) and, optionally,
 * which cases to explain with PRIM. Plain JSON-serialisable data: it is stored in the experiment store
 * and is all `zonesim merge` needs to redo the analysis. Pure module.
 */
import type { FactorDistribution } from '../analysis/designs/factorDistributions.ts';
import type { ThresholdComparison } from '../analysis/thresholdOutcome.ts';

/** Whether a factor is a policy choice (lever) or something the policy maker does not control (uncertainty). */
export type FactorRole = 'lever' | 'uncertainty';

/** Kinds of model parameter a factor may vary (number lists and file paths cannot be varied). */
export type VariableParameterKind = 'number' | 'integer' | 'boolean' | 'choice';

/** One lever or uncertainty: a model parameter and the distribution its values are drawn from. */
export interface ExperimentFactor {
  /** Dotted parameter path, e.g. `guarantees.leverageMultiple` (also the factor's column name). */
  readonly name: string;
  readonly role: FactorRole;
  readonly distribution: FactorDistribution;
  /** Kind of the parameter in src/model/parameterSpecification.ts. */
  readonly parameterKind: VariableParameterKind;
  /** Unit of the parameter (`-` when dimensionless). */
  readonly unit: string;
}

/** How a recorded outcome is reduced to one number per run. */
export type OutcomeStatistic = 'final' | 'mean';

/** The statistics an outcome may use, with their meaning (used in messages, schema and docs). */
export const OUTCOME_STATISTICS: Readonly<Record<OutcomeStatistic, string>> = {
  final: 'the value at the last recorded step',
  mean: 'the mean over the recorded steps (step 0, every output.recordEvery steps, the last step) where it is defined',
};

/** One recorded outcome: a province reporter of src/outcomes/reporters.ts and a statistic. */
export interface ExperimentOutcome {
  /** Column name: the reporter name for 'final', `<reporter>_mean` for 'mean', unless the file names it. */
  readonly name: string;
  readonly reporter: string;
  readonly statistic: OutcomeStatistic;
}

/** The designs an experiment file may ask for. */
export type ExperimentDesignType = 'full-factorial' | 'monte-carlo' | 'latin-hypercube' | 'morris' | 'sobol' | 'csv';

/** Every design type, in the order the documentation lists them. */
export const EXPERIMENT_DESIGN_TYPES: readonly ExperimentDesignType[] = [
  'full-factorial',
  'monte-carlo',
  'latin-hypercube',
  'morris',
  'sobol',
  'csv',
];

/** A validated design: its type and its size parameters. */
export type ExperimentDesign =
  | { readonly type: 'full-factorial'; readonly levels: number }
  | { readonly type: 'monte-carlo'; readonly samples: number }
  | { readonly type: 'latin-hypercube'; readonly samples: number }
  | { readonly type: 'morris'; readonly trajectories: number; readonly levels: number; readonly candidates: number | null }
  | { readonly type: 'sobol'; readonly baseSamples: number }
  | { readonly type: 'csv'; readonly file: string };

/** PRIM scenario discovery: which points count as cases of interest, and the peeling settings. */
export interface ScenarioDiscovery {
  /** Name of one of the experiment's outcomes. */
  readonly outcome: string;
  /** A point is a case of interest when its mean outcome compares with this as `direction` says. */
  readonly threshold: number;
  readonly direction: ThresholdComparison;
  /** Share of the box's points peeled per step (PRIM's α), in (0, 0.5). */
  readonly peelingAlpha: number;
  /** Smallest share of all points a box may keep, in (0, 1]. */
  readonly minimumSupport: number;
  /** Choose the box of largest coverage with at least this density; null: within 0.05 of the best density. */
  readonly minimumDensity: number | null;
}

/** A validated experiment file. */
export interface ExperimentDefinition {
  /** Kebab-case name. */
  readonly name: string;
  /** One line: the question the experiment answers. */
  readonly description: string;
  /** Base scenario file as written in the experiment file (relative to it). */
  readonly scenario: string;
  /** Levers first, then uncertainties, each in file order: the design's columns. */
  readonly factors: readonly ExperimentFactor[];
  readonly outcomes: readonly ExperimentOutcome[];
  readonly design: ExperimentDesign;
  /** Replications of every design point (replication r uses the seed of (seed, r) at every point). */
  readonly replicationsPerPoint: number;
  /** Base seed of the replications, the random designs and the bootstrap. */
  readonly seed: number;
  readonly scenarioDiscovery: ScenarioDiscovery | null;
}

/** Default replications per point. */
export const DEFAULT_REPLICATIONS_PER_POINT = 1;
/** Default seed (the year of the speech). */
export const DEFAULT_EXPERIMENT_SEED = 2009;
/** Default PRIM peeling share (Friedman & Fisher 1999). */
export const DEFAULT_PEELING_ALPHA = 0.05;
/** Default smallest PRIM box support. */
export const DEFAULT_MINIMUM_SUPPORT = 0.05;
/** Default Morris grid levels (Morris 1991). */
export const DEFAULT_MORRIS_LEVELS = 4;
/** Largest number of design points an experiment may have. */
export const MAXIMUM_DESIGN_POINTS = 1_000_000;
/** Largest number of tasks (points × replications) an experiment may have. */
export const MAXIMUM_TASKS = 10_000_000;

/**
 * The column name of an outcome: `name` when the file gives one, else the reporter name for
 * 'final' and `<reporter>_mean` for 'mean'.
 *
 * @example defaultOutcomeName('output', 'mean') // 'output_mean'
 */
export function defaultOutcomeName(reporter: string, statistic: OutcomeStatistic): string {
  return statistic === 'final' ? reporter : `${reporter}_${statistic}`;
}

/**
 * A distribution in the words of an experiment file, for tables and messages:
 * `uniform [1, 15]`, `normal (mean 0.3, sd 0.1) on [0, 1]`, `triangular [0, 0.2, 0.4]`,
 * `integer {1, …, 5}`, `choice {log, linear}`.
 *
 * @example describeDistribution({ kind: 'uniform', lower: 1, upper: 15 }) // 'uniform [1, 15]'
 */
export function describeDistribution(distribution: FactorDistribution): string {
  switch (distribution.kind) {
    case 'uniform':
      return `uniform [${distribution.lower}, ${distribution.upper}]`;
    case 'normal': {
      const bounds =
        distribution.lower === undefined && distribution.upper === undefined
          ? ''
          : ` on [${distribution.lower ?? '-∞'}, ${distribution.upper ?? '∞'}]`;
      return `normal (mean ${distribution.mean}, sd ${distribution.standardDeviation})${bounds}`;
    }
    case 'triangular':
      return `triangular [${distribution.lower}, ${distribution.mode}, ${distribution.upper}]`;
    case 'integer':
      return `integer {${distribution.lower}, …, ${distribution.upper}}`;
    case 'choice':
      return `choice {${distribution.values.map(String).join(', ')}}`;
  }
}

/**
 * Number of design points of a validated experiment, without generating the design (the CSV
 * design's rows must be given).
 *
 * Formula: full factorial Π L_j (L_j = levels, the number of values of a choice factor, at most the
 * number of integers of an integer factor); Monte Carlo and Latin hypercube `samples`; Morris
 * `trajectories × (k + 1)`; Sobol' (Saltelli) `baseSamples × (k + 2)`; CSV its rows.
 *
 * @example designPointCount({ ...definition, design: { type: 'sobol', baseSamples: 1024 } }) // 10240 for k = 8
 */
export function designPointCount(definition: Pick<ExperimentDefinition, 'design' | 'factors'>, csvRows = 0): number {
  const k = definition.factors.length;
  const design = definition.design;
  switch (design.type) {
    case 'full-factorial':
      return fullFactorialLevelCounts(definition.factors, design.levels).reduce((product, levels) => product * levels, 1);
    case 'monte-carlo':
    case 'latin-hypercube':
      return design.samples;
    case 'morris':
      return design.trajectories * (k + 1);
    case 'sobol':
      return design.baseSamples * (k + 2);
    case 'csv':
      return csvRows;
  }
}

/**
 * Levels of each factor in a full factorial design: every value of a choice factor, at most the
 * number of integers of an integer factor, else `levels`.
 *
 * @example fullFactorialLevelCounts([{ distribution: { kind: 'choice', values: ['a', 'b'] } }, …], 3) // [2, 3, …]
 */
export function fullFactorialLevelCounts(factors: readonly Pick<ExperimentFactor, 'distribution'>[], levels: number): number[] {
  return factors.map(({ distribution }) => {
    if (distribution.kind === 'choice') return distribution.values.length;
    if (distribution.kind === 'integer') return Math.min(levels, distribution.upper - distribution.lower + 1);
    return levels;
  });
}
