/**
 * The single declaration of every model parameter: its type, default, allowed range, unit, the rule of
 * the speech it belongs to (R-id, see `shared/mission/speech-rules.md`) and what it does.
 *
 * Everything else is derived from this table: the `Parameters` type, the defaults, the scenario
 * validator, the generated JSON Schema (`scenarios/zonesim.schema.json`), the parameter table in
 * `docs/parameters.md`, and (later) the sliders of the classroom page. Adding a parameter here is the
 * only place a new lever has to be declared.
 *
 * Conventions: money in million yuan (M¥), land in hectares (ha; 1 ha = 15 mu), time in years unless
 * a name says steps, rates per year. A coefficient of 0 switches a utility term off exactly.
 */

/** Fields shared by every parameter leaf. */
interface ParameterLeafBase {
  /** Unit of the value, e.g. `M¥/ha`, `1/year`, `-` for dimensionless. */
  readonly unit: string;
  /** Rule ids of the speech this parameter belongs to (e.g. `['R1']`), or `['model']` for model mechanics. */
  readonly rules: readonly string[];
  /** One or two sentences: what the parameter does and how it enters the model. */
  readonly description: string;
}

/** A real-valued parameter with an inclusive range. */
export interface NumberParameter extends ParameterLeafBase {
  readonly kind: 'number';
  readonly default: number;
  readonly minimum: number;
  readonly maximum: number;
  /** When true the minimum itself is not allowed (value must be strictly greater). */
  readonly exclusiveMinimum?: boolean;
}

/** An integer parameter with an inclusive range. */
export interface IntegerParameter extends ParameterLeafBase {
  readonly kind: 'integer';
  readonly default: number;
  readonly minimum: number;
  readonly maximum: number;
}

/** An on/off switch. */
export interface BooleanParameter extends ParameterLeafBase {
  readonly kind: 'boolean';
  readonly default: boolean;
}

/** One of a fixed set of named alternatives (a functional form, a rule). */
export interface ChoiceParameter<C extends string = string> extends ParameterLeafBase {
  readonly kind: 'choice';
  readonly default: C;
  readonly choices: readonly C[];
}

/** A list of non-negative numbers (e.g. industry weights); its length is checked against other fields. */
export interface NumberListParameter extends ParameterLeafBase {
  readonly kind: 'numberList';
  readonly default: readonly number[];
  readonly minimum: number;
  readonly maximum: number;
}

/** A file path (relative to the scenario file), or null for none. Resolved by the scenario loader, never by the model. */
export interface PathParameter extends ParameterLeafBase {
  readonly kind: 'path';
  readonly default: null;
}

export type ParameterLeaf =
  | NumberParameter
  | IntegerParameter
  | BooleanParameter
  | ChoiceParameter
  | NumberListParameter
  | PathParameter;

const number = (spec: Omit<NumberParameter, 'kind'>): NumberParameter => ({ kind: 'number', ...spec });
const integer = (spec: Omit<IntegerParameter, 'kind'>): IntegerParameter => ({ kind: 'integer', ...spec });
const boolean = (spec: Omit<BooleanParameter, 'kind'>): BooleanParameter => ({ kind: 'boolean', ...spec });
const choice = <C extends string>(spec: Omit<ChoiceParameter<C>, 'kind'>): ChoiceParameter<C> => ({
  kind: 'choice',
  ...spec,
});
const numberList = (spec: Omit<NumberListParameter, 'kind'>): NumberListParameter => ({
  kind: 'numberList',
  ...spec,
});
const path = (spec: Omit<PathParameter, 'kind' | 'default'>): PathParameter => ({
  kind: 'path',
  default: null,
  ...spec,
});

/**
 * The parameter tree. Group names are the top-level keys of a scenario file.
 *
 * @example
 * parameterSpecification.choice.relatedness.coefficient.default // 1.5
 */
export const parameterSpecification = {
  time: {
    startYear: integer({
      default: 2009, minimum: 1900, maximum: 2100, unit: 'year', rules: ['model'],
      description: 'Calendar year of the first step (the speech was given in June 2009).',
    }),
    years: integer({
      default: 22, minimum: 1, maximum: 100, unit: 'year', rules: ['model'],
      description: 'Length of the simulation; the default 22 covers January 2009 to December 2030.',
    }),
    stepsPerYear: integer({
      default: 12, minimum: 1, maximum: 365, unit: '1/year', rules: ['model'],
      description: 'Time steps per year (12 = monthly). Rates given per year are converted per step.',
    }),
  },
  industries: {
    count: integer({
      default: 20, minimum: 1, maximum: 200, unit: 'industries', rules: ['R1', 'R10'],
      description: 'Number of industries K.',
    }),
    supplyChains: integer({
      default: 5, minimum: 1, maximum: 200, unit: 'chains', rules: ['R1'],
      description: 'Industries are dealt round-robin into this many supply chains; industries in the same chain are strongly related. At most industries.count.',
    }),
    relatednessWithinChain: number({
      default: 0.6, minimum: 0, maximum: 1, unit: '-', rules: ['R1'],
      description: 'Mean proximity (relatedness) between two industries of the same supply chain.',
    }),
    relatednessBetweenChains: number({
      default: 0.1, minimum: 0, maximum: 1, unit: '-', rules: ['R1'],
      description: 'Mean proximity between two industries of different supply chains.',
    }),
    relatednessNoise: number({
      default: 0.1, minimum: 0, maximum: 1, unit: '-', rules: ['R1'],
      description: 'Half-width of the uniform noise added to each generated proximity (the result is clipped to [0, 1]).',
    }),
    relatednessFile: path({
      unit: 'CSV file', rules: ['R1'],
      description: 'Optional K×K symmetric proximity matrix (values in [0, 1]) from an input–output table or product space; replaces the generated matrix. Path relative to the scenario file.',
    }),
    growthMean: number({
      default: 0.06, minimum: -0.5, maximum: 1, unit: '1/year', rules: ['R5', 'R10'],
      description: 'Mean annual demand growth of an industry; each industry draws its own rate from a normal distribution.',
    }),
    growthSd: number({
      default: 0.03, minimum: 0, maximum: 1, unit: '1/year', rules: ['R5', 'R10'],
      description: 'Standard deviation of industry growth rates across industries.',
    }),
    landIntensityMean: number({
      default: 0.03, minimum: 0, maximum: 10, exclusiveMinimum: true, unit: 'ha/M¥', rules: ['R3', 'R11'],
      description: 'Median land a project needs per million yuan invested (0.03 ha/M¥ ≈ 2.2 M¥ invested per mu). Industries vary log-normally around it.',
    }),
    labourIntensityMean: number({
      default: 2, minimum: 0, maximum: 100, exclusiveMinimum: true, unit: 'jobs/M¥', rules: ['R6'],
      description: 'Median jobs per million yuan invested. Industries vary log-normally around it.',
    }),
    capitalIntensityMean: number({
      default: 0.8, minimum: 0, maximum: 20, exclusiveMinimum: true, unit: 'year', rules: ['R5'],
      description: 'Median capital–output ratio: million yuan of investment per million yuan of annual output. Industries vary log-normally around it.',
    }),
    pollutionIntensityMean: number({
      default: 0.5, minimum: 0, maximum: 100, unit: 't/M¥', rules: ['R8'],
      description: 'Median pollution (tonnes COD-equivalent) per million yuan of output. Industries vary log-normally around it.',
    }),
    creditDependenceMean: number({
      default: 0.5, minimum: 0, maximum: 1, unit: '-', rules: ['R13', 'R16'],
      description: 'Mean share of a project financed by credit; industries draw uniformly within ±0.25 of it (clipped to [0, 1]).',
    }),
    intensityDispersion: number({
      default: 0.4, minimum: 0, maximum: 3, unit: 'log points', rules: ['model'],
      description: 'Standard deviation of log land, labour, capital and pollution intensity across industries.',
    }),
  },
  zones: {
    count: integer({
      default: 12, minimum: 0, maximum: 2000, unit: 'zones', rules: ['R2'],
      description: 'Number of designated industrial cluster zones. 0 gives the scattered counterfactual.',
    }),
    regionSizeKm: number({
      default: 400, minimum: 1, maximum: 5000, unit: 'km', rules: ['R9'],
      description: 'Side of the square province in which zone locations are drawn uniformly (Henan is about 167,000 km², roughly 400 km square).',
    }),
    plannedAreaHa: number({
      default: 1500, minimum: 0, maximum: 1e7, exclusiveMinimum: true, unit: 'ha', rules: ['R9', 'R3'],
      description: 'Median planned area of a zone (Henan zones were planned at roughly 10–20 km²); zones vary log-normally around it.',
    }),
    plannedAreaDispersion: number({
      default: 0.3, minimum: 0, maximum: 3, unit: 'log points', rules: ['R9'],
      description: 'Standard deviation of log planned area across zones.',
    }),
    initialServicedShare: number({
      default: 0.15, minimum: 0, maximum: 1, unit: '-', rules: ['R9'],
      description: 'Share of the planned area that is serviced (roads, water, power: ready to build on) at the start.',
    }),
    servicingPaceHaPerYear: number({
      default: 60, minimum: 0, maximum: 1e6, unit: 'ha/year', rules: ['R9', 'R11'],
      description: 'Hectares of planned land each zone converts to serviced land per year, until the planned area is reached.',
    }),
    landPrice: number({
      default: 3, minimum: 0, maximum: 1000, exclusiveMinimum: true, unit: 'M¥/ha', rules: ['R11'],
      description: 'Base price of serviced industrial land in a zone when it is empty (3 M¥/ha = 200,000 ¥/mu).',
    }),
    landPriceScarcityElasticity: number({
      default: 1, minimum: 0, maximum: 20, unit: '-', rules: ['R11'],
      description: 'Land price = base × exp(elasticity × used/serviced share). 0 keeps the price fixed.',
    }),
    infrastructureJobsPerHa: number({
      default: 120, minimum: 0, maximum: 1e5, exclusiveMinimum: true, unit: 'jobs/ha', rules: ['R4', 'R9'],
      description: 'Jobs the zone’s infrastructure carries per serviced hectare before congestion bites.',
    }),
    initialServiceLevel: number({
      default: 0.5, minimum: 0, maximum: 1, unit: '-', rules: ['R14'],
      description: 'Initial quality of shared services (0 none, 1 complete). State only in this version.',
    }),
    leadingIndustriesPerZone: integer({
      default: 2, minimum: 0, maximum: 200, unit: 'industries', rules: ['R10'],
      description: 'Number of leading industries (主导产业) each zone designates at the start, drawn at random from the industries. At most industries.count.',
    }),
  },
  projects: {
    perYear: number({
      default: 600, minimum: 0, maximum: 1e7, unit: 'projects/year', rules: ['R15'],
      description: 'Mean number of investment projects arriving per year in the first year.',
    }),
    growthPerYear: number({
      default: 0.03, minimum: -0.5, maximum: 1, unit: '1/year', rules: ['R5'],
      description: 'Annual growth of the arrival rate.',
    }),
    arrivalProcess: choice({
      default: 'poisson', choices: ['poisson', 'fixed'] as const, unit: '-', rules: ['model'],
      description: 'poisson: a Poisson number of projects per step; fixed: exactly the expected number, with the fraction carried over (used by the Arthur and Pólya cases).',
    }),
    sizeMinimum: number({
      default: 10, minimum: 0, maximum: 1e6, exclusiveMinimum: true, unit: 'M¥', rules: ['model'],
      description: 'Smallest project investment (the Pareto scale).',
    }),
    sizeParetoAlpha: number({
      default: 1.6, minimum: 1, maximum: 10, exclusiveMinimum: true, unit: '-', rules: ['model'],
      description: 'Pareto tail index of project size; smaller means heavier tail (firm sizes follow a Pareto law with index near 1; Axtell 2001).',
    }),
    sizeMaximum: number({
      default: 5000, minimum: 0, maximum: 1e8, exclusiveMinimum: true, unit: 'M¥', rules: ['model'],
      description: 'Largest project investment (the Pareto distribution is truncated here). At least sizeMinimum.',
    }),
    anchorSize: number({
      default: 1000, minimum: 0, maximum: 1e8, exclusiveMinimum: true, unit: 'M¥', rules: ['R10'],
      description: 'Projects at least this large are anchor firms (龙头企业).',
    }),
    industryMix: choice({
      default: 'growth-weighted', choices: ['uniform', 'growth-weighted', 'weights'] as const, unit: '-', rules: ['R10'],
      description: 'How a project’s industry is drawn: uniformly; in proportion to exp(10 × industry growth rate); or by industryWeights.',
    }),
    industryWeights: numberList({
      default: [], minimum: 0, maximum: 1e9, unit: '-', rules: ['R10'],
      description: 'Relative arrival weight of each industry (length industries.count, not all zero) when industryMix is weights.',
    }),
    patienceSteps: integer({
      default: 6, minimum: 0, maximum: 1200, unit: 'steps', rules: ['R11'],
      description: 'A project that finds no zone with enough free serviced land (and no outside option) waits and chooses again for up to this many steps, then is abandoned.',
    }),
  },
  choice: {
    scale: number({
      default: 1, minimum: 0, maximum: 1000, exclusiveMinimum: true, unit: 'utils', rules: ['model'],
      description: 'Scale of the Gumbel taste shock of the multinomial logit: choice probabilities are proportional to exp(utility / scale).',
    }),
    relatedness: {
      coefficient: number({
        default: 1.5, minimum: -100, maximum: 100, unit: 'utils', rules: ['R1'],
        description: 'Weight of the relatedness density of the project’s industry to the zone’s existing firms (0 switches the term off).',
      }),
    },
    agglomeration: {
      coefficient: number({
        default: 0.4, minimum: -100, maximum: 100, unit: 'utils', rules: ['R2'],
        description: 'Weight of the agglomeration term g(n) in the utility (0 switches it off).',
      }),
      form: choice({
        default: 'log', choices: ['log', 'linear', 'bounded'] as const, unit: '-', rules: ['R2'],
        description: 'Functional form of g(n): log = ln(n + offset) (Pólya-urn form); linear = n (Arthur 1990, unbounded increasing returns); bounded = 1 − exp(−n / saturation).',
      }),
      scope: choice({
        default: 'same-industry', choices: ['same-industry', 'all-firms'] as const, unit: '-', rules: ['R2'],
        description: 'What n counts: firms of the project’s own industry in the zone (localisation economies) or all firms in the zone (urbanisation economies, as in Arthur 1990).',
      }),
      offset: number({
        default: 1, minimum: 0, maximum: 1e6, exclusiveMinimum: true, unit: 'firms', rules: ['R2'],
        description: 'Pseudo-count added to n in the log form, so an empty zone has finite utility (the initial balls of the Pólya urn).',
      }),
      saturation: number({
        default: 50, minimum: 0, maximum: 1e7, exclusiveMinimum: true, unit: 'firms', rules: ['R2'],
        description: 'Firm count at which the bounded form reaches 63% of its maximum.',
      }),
    },
    landPrice: {
      coefficient: number({
        default: 1, minimum: -100, maximum: 100, unit: 'utils', rules: ['R3', 'R11'],
        description: 'Weight of −ln(land price / base zone price) in the utility (0 switches the term off).',
      }),
    },
    congestion: {
      coefficient: number({
        default: 1, minimum: -100, maximum: 100, unit: 'utils', rules: ['R3', 'R4'],
        description: 'Weight of −(jobs / infrastructure capacity)² in the utility (0 switches the term off).',
      }),
    },
    leadingIndustryBonus: number({
      default: 0.5, minimum: -100, maximum: 100, unit: 'utils', rules: ['R10'],
      description: 'Utility bonus for a zone that lists the project’s industry among its leading industries (targeted incentives).',
    }),
    outside: {
      enabled: boolean({
        default: true, rules: ['R2'], unit: '-',
        description: 'Whether projects may locate outside every zone (scattered development).',
      }),
      utility: number({
        default: 3, minimum: -100, maximum: 100, unit: 'utils', rules: ['R2'],
        description: 'Constant utility of locating outside every zone, before the land-price term. It stands for the many scattered sites outside zones (their log-sum), so it grows with the size of the province.',
      }),
      landPrice: number({
        default: 1.5, minimum: 0, maximum: 1000, exclusiveMinimum: true, unit: 'M¥/ha', rules: ['R11'],
        description: 'Price of land outside zones (unserviced, never scarce in this version).',
      }),
    },
  },
  firms: {
    initialCount: integer({
      default: 500, minimum: 0, maximum: 1e6, unit: 'firms', rules: ['R2'],
      description: 'Firms already operating outside any zone at the start (pre-2009 scattered industry), drawn like arriving projects.',
    }),
    productivityDispersion: number({
      default: 0.3, minimum: 0, maximum: 3, unit: 'log points', rules: ['R7'],
      description: 'Standard deviation of log productivity at entry (mean log productivity 0).',
    }),
    productivityDrift: number({
      default: 0.01, minimum: -1, maximum: 1, unit: '1/year', rules: ['R7'],
      description: 'Mean annual growth of log productivity.',
    }),
    productivityVolatility: number({
      default: 0.1, minimum: 0, maximum: 3, unit: '1/sqrt(year)', rules: ['R7'],
      description: 'Annual standard deviation of the random walk in log productivity.',
    }),
    exitHazard: number({
      default: 0.03, minimum: 0, maximum: 0.99, unit: '1/year', rules: ['model'],
      description: 'Exogenous annual probability of exit.',
    }),
    exitProductivityThreshold: number({
      default: 0.5, minimum: 0, maximum: 100, unit: '-', rules: ['model'],
      description: 'A firm whose productivity falls below this level exits (Hopenhayn-style selection; 0 switches it off).',
    }),
  },
  land: {
    idleReclaimPerYear: number({
      default: 0.2, minimum: 0, maximum: 1, unit: '1/year', rules: ['R11'],
      description: 'Share of a zone’s idle land (left by exited firms) returned to the free serviced stock per year.',
    }),
  },
  output: {
    recordEvery: integer({
      default: 12, minimum: 1, maximum: 10000, unit: 'steps', rules: ['model'],
      description: 'Reporters are recorded at step 0, every this many steps, and at the last step.',
    }),
  },
} as const;

/** The static type of the specification tree. */
export type ParameterSpecificationTree = typeof parameterSpecification;

type ValueOfLeaf<L> = L extends NumberParameter | IntegerParameter
  ? number
  : L extends BooleanParameter
    ? boolean
    : L extends ChoiceParameter<infer C>
      ? C
      : L extends NumberListParameter
        ? number[]
        : L extends PathParameter
          ? string | null
          : never;

type ValueOfTree<T> = T extends { readonly kind: string }
  ? ValueOfLeaf<T>
  : { -readonly [K in keyof T]: ValueOfTree<T[K]> };

/**
 * Scenario parameters, with the same shape as the specification tree (derived, so the two cannot drift).
 */
export type Parameters = ValueOfTree<ParameterSpecificationTree>;

/** True when a node of the specification tree is a leaf (a parameter) rather than a group. */
export function isParameterLeaf(node: unknown): node is ParameterLeaf {
  return typeof node === 'object' && node !== null && typeof (node as { kind?: unknown }).kind === 'string';
}

/**
 * Every parameter leaf with its dotted path, in declaration order.
 *
 * @example
 * listParameterLeaves().find(([p]) => p === 'zones.count')
 */
export function listParameterLeaves(): Array<[string, ParameterLeaf]> {
  const out: Array<[string, ParameterLeaf]> = [];
  const walk = (node: Record<string, unknown>, prefix: string): void => {
    for (const key of Object.keys(node)) {
      const child = node[key];
      const childPath = prefix ? `${prefix}.${key}` : key;
      if (isParameterLeaf(child)) out.push([childPath, child]);
      else walk(child as Record<string, unknown>, childPath);
    }
  };
  walk(parameterSpecification as unknown as Record<string, unknown>, '');
  return out;
}

/**
 * A fresh copy of the default parameters (every leaf's default). The result is plain data: safe to
 * mutate, serialise and send to a worker.
 */
export function defaultParameters(): Parameters {
  const build = (node: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (isParameterLeaf(child)) {
        out[key] = Array.isArray(child.default) ? [...child.default] : child.default;
      } else {
        out[key] = build(child as Record<string, unknown>);
      }
    }
    return out;
  };
  return build(parameterSpecification as unknown as Record<string, unknown>) as unknown as Parameters;
}
