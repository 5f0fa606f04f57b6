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
  /**
   * Where the default comes from, when it comes from a published figure: the row(s) of
   * `shared/data/henan-targets-2009-2013.csv` (indicator and year) or the literature, and the
   * derivation. Listed in docs/parameters.md under "Where the defaults come from".
   */
  readonly source?: string;
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
      default: 0.12, minimum: -0.5, maximum: 1, unit: '1/year', rules: ['R5', 'R10'],
      description: 'Mean annual demand growth of an industry (nominal); each industry draws its own rate from a normal distribution.',
      source: 'Set so that zone revenue reaches the published 2.47 T¥ in 2012 from the 2009 stock (row: above-scale industrial revenue of zones, 2012); nominal growth of Henan industry in 2009–2013. Constant over the run: nothing after 2013 is assumed.',
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
      default: 1.8, minimum: 0.001, maximum: 100, exclusiveMinimum: true, unit: 'jobs/M¥', rules: ['R6'],
      description: 'Median jobs per million yuan invested. Industries vary log-normally around it.',
      source: 'With capitalIntensityMean, revenue per job ≈ 1 / (0.9 × 1.8) ≈ 0.6 M¥; published for zones in 2012: 2.47 T¥ / 3.0 M jobs ≈ 0.8 M¥ (rows: above-scale industrial revenue of zones, 2012; employees in zones, 2012).',
    }),
    capitalIntensityMean: number({
      default: 0.9, minimum: 0.001, maximum: 20, exclusiveMinimum: true, unit: 'year', rules: ['R5'],
      description: 'Median capital–output ratio: million yuan of investment per million yuan of annual output (revenue). Industries vary log-normally around it.',
      source: 'Set so that about 18,000 firms of the project size distribution carry about 4 T¥ of annual revenue in 2009, of which zones (25 % of firms, growing) reach the published 2.47 T¥ in 2012 (rows: province above-scale industrial enterprises, 2009; above-scale industrial revenue of zones, 2012).',
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
      default: 12, minimum: 0, maximum: 5000, unit: 'zones', rules: ['R2'],
      description: 'Number of designated industrial cluster zones. 0 gives the scattered counterfactual. The default province is a teaching-scale slice of Henan: 12 of its 180 zones, with firm stock, project flow, land quota and funds scaled by 12/180 (scenarios/henan.yaml is the whole province).',
      source: 'Henan designated 180 zones (row: zones designated, 2009/2013); the default is 12/180 of the province.',
    }),
    regionSizeKm: number({
      default: 400, minimum: 1, maximum: 5000, unit: 'km', rules: ['R9'],
      description: 'Side of the square province in which zone locations are drawn uniformly (Henan is about 167,000 km², roughly 400 km square).',
    }),
    plannedAreaHa: number({
      default: 1000, minimum: 0, maximum: 1e7, exclusiveMinimum: true, unit: 'ha', rules: ['R9', 'R3'],
      description: 'Median planned area of a zone beyond its pre-2009 developed area (with industrial-base placement the land of the zone’s initial firms is added); zones vary log-normally around it.',
      source: 'County zones were planned at 1,070–1,470 ha in all (rows: planned area, Yanling, Xiangcheng and Yuanyang zones); 1,000 ha of new land plus a developed area of typically 100–300 ha gives that range.',
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
      default: 3, minimum: 0.001, maximum: 1000, exclusiveMinimum: true, unit: 'M¥/ha', rules: ['R11'],
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
    leadingIndustriesPerZone: integer({
      default: 2, minimum: 0, maximum: 200, unit: 'industries', rules: ['R10'],
      description: 'Number of leading industries (主导产业) each zone designates at the start, drawn at random from the industries. At most industries.count.',
    }),
    dataFile: path({
      unit: 'CSV file', rules: ['R2', 'R9'],
      description: 'Optional CSV with one row per zone (name, plannedHa, x, y; optionally servicedHa, initialFirms, baseWeight and initial firms per industry): replaces the drawn zone layout; zones.count must equal its number of rows. Path relative to the scenario file.',
    }),
  },
  projects: {
    perYear: number({
      default: 100, minimum: 0, maximum: 1e7, unit: 'projects/year', rules: ['R15'],
      description: 'Mean number of new investment projects (new firms) arriving per year in the first year — the reference flow of the same province without zones; the national mobile pool (investment.mobile) adds to it what zones attract.',
      source: 'Set, with firms.exitHazard, so that the province’s firm count stays near the published 18,105 (2009) and 18,774 (2012) at Henan scale (1,500 a year for 180 zones; rows: province above-scale industrial enterprises, 2009 and 2012); × 12/180 here.',
    }),
    growthPerYear: number({
      default: 0, minimum: -0.5, maximum: 1, unit: '1/year', rules: ['R5'],
      description: 'Annual growth of the arrival rate.',
      source: 'The province’s firm count hardly grew from 2009 to 2012 (× 1.04; rows: province above-scale industrial enterprises, 2009 and 2012).',
    }),
    arrivalProcess: choice({
      default: 'poisson', choices: ['poisson', 'fixed'] as const, unit: '-', rules: ['model'],
      description: 'poisson: a Poisson number of projects per step; fixed: exactly the expected number, with the fraction carried over (used by the Arthur and Pólya cases).',
    }),
    sizeMinimum: number({
      default: 30, minimum: 0.001, maximum: 1e6, exclusiveMinimum: true, unit: 'M¥', rules: ['model'],
      description: 'Smallest project investment (the Pareto scale). Firms are above-scale industrial enterprises (规模以上).',
      source: 'An above-scale firm had at least 20 M¥ of revenue from 2011 (5 M¥ before), i.e. about 20–30 M¥ of capital at the default capital–output ratio; with index 1.1 the mean project is about 170 M¥ and about 27 % of projects are of at least 100 M¥.',
    }),
    sizeParetoAlpha: number({
      default: 1.1, minimum: 1, maximum: 10, exclusiveMinimum: true, unit: '-', rules: ['model'],
      description: 'Pareto tail index of project size; smaller means heavier tail (firm sizes follow a Pareto law with index near 1; Axtell 2001).',
      source: 'Axtell (2001), Science 293:1818: firm sizes follow a Zipf law (index ≈ 1).',
    }),
    sizeMaximum: number({
      default: 50000, minimum: 0.001, maximum: 1e8, exclusiveMinimum: true, unit: 'M¥', rules: ['model'],
      description: 'Largest project investment (the Pareto distribution is truncated here). At least sizeMinimum.',
    }),
    anchorSize: number({
      default: 1000, minimum: 0, maximum: 1e8, exclusiveMinimum: true, unit: 'M¥', rules: ['R10'],
      description: 'Projects at least this large are anchor firms (龙头企业): about 2 % of projects at the default sizes.',
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
  investment: {
    mobile: {
      enabled: boolean({
        default: true, unit: '-', rules: ['R15', 'R5'],
        description: 'Switch for the national pool of mobile projects (relocation from the coast, FDI, 产业转移) that choose the province against the rest of China. Off: every project is local and the flow is fixed.',
      }),
      share: number({
        default: 0.5, minimum: 0, maximum: 1, unit: 'share', rules: ['R15'],
        description: 'Share of projects.perYear that comes from the national mobile pool when the province has no zones (the reference); the rest are local projects.',
        source: 'Set so that at Henan scale about 1,300 mobile projects and 0.2 T¥ a year locate in zones in 2012, against the published 494 out-of-province projects and 65 bn¥ in 2012Q1 alone (rows: out-of-province funded projects introduced into zones, and funds actually received, 2012Q1).',
      }),
      elasticity: number({
        default: 0.5, minimum: 0, maximum: 1, unit: '-', rules: ['R15', 'R5'],
        description: 'Upper-level coefficient of the nested logit (province vs rest of China) on the province’s inclusive value relative to its scattered sites alone: mobile arrivals × e^(ρx) / (s0 e^(ρx) + 1 − s0). 0: zones cannot attract a single extra project; 1: as if every site in China were one flat logit.',
      }),
      provinceShare: number({
        default: 0.05, minimum: 0.01, maximum: 0.99, unit: 'share', rules: ['R15'],
        description: 'The province’s share s0 of China’s mobile projects at the reference (Henan: about 5% of national industrial investment), which bounds how far better zones can raise it: mobile arrivals at most 1/s0 times the reference’s, so at most 100 times with the smallest s0 (with s0 = 0 they would grow without bound).',
        source: 'Henan’s share of China’s output and investment is about 5 % (an assumption, not a row of the targets file).',
      }),
    },
    expansion: {
      enabled: boolean({
        default: true, unit: '-', rules: ['R5', 'R3'],
        description: 'Switch for a location premium on incumbents’ expansion investment: once a year a firm’s capital grows, beyond its industry’s demand growth, by elasticity × (its location’s utility − a scattered site’s), on its own land (R3 intensification).',
      }),
      elasticity: number({
        default: 0.02, minimum: -1, maximum: 1, unit: 'log points/year per util', rules: ['R5', 'R3'],
        description: 'Extra annual log growth of an incumbent’s capital per util by which its location beats a scattered site (information terms such as promotion awareness left out). 0: expansion follows demand only, wherever the firm is.',
      }),
    },
    depreciationRate: number({
      default: 0.096, minimum: 0, maximum: 1, unit: '1/year', rules: ['R5'],
      description: 'Annual depreciation of firms’ capital, replaced by investment so the capital stock is unchanged: counted in gross fixed-asset investment only (accounting; 9.6% as in Zhang, Wu & Zhang 2004 for Chinese provinces).',
    }),
  },
  choice: {
    scale: number({
      default: 1, minimum: 0, maximum: 1000, exclusiveMinimum: true, unit: 'utils', rules: ['model'],
      description: 'Scale of the Gumbel taste shock of the multinomial logit: choice probabilities are proportional to exp(utility / scale).',
    }),
    relatedness: {
      enabled: boolean({
        default: true, unit: '-', rules: ['R1', 'R10'],
        description: 'Switch for every use of relatedness in where projects go: the relatedness-density term, the pull of anchor firms on related industries (off: an anchor pulls only its own industry) and the relatedness criterion of leading-industry scoring. Off: the proximity matrix plays no part in location choice (it still drives Jacobs spillovers, R7, and waste reuse, R8).',
      }),
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
    sampler: choice({
      default: 'tree', choices: ['tree', 'scan'] as const, unit: '-', rules: ['model'],
      description: 'How a project’s location is drawn from the logit — both exactly: tree draws from a sum tree of cached weights per industry in O(log zones), rejecting infeasible zones and redrawing (counter-based draws); scan evaluates every alternative with one uniform per decision (the sampler of earlier versions, which reproduces their results draw for draw).',
    }),
    sizeVariable: choice({
      default: 'vacant-land', choices: ['none', 'vacant-land'] as const, unit: '-', rules: ['R2', 'R3'],
      description: 'none: every zone and the scattered option is one alternative (plain logit; the zone share then rises with the number of zones); vacant-land: each zone stands for its vacant plots and the scattered option for the province’s vacant scattered land, so a weight is exp(V / scale) × vacant hectares (aggregation of elemental alternatives; McFadden 1978).',
    }),
    outside: {
      enabled: boolean({
        default: true, rules: ['R2'], unit: '-',
        description: 'Whether projects may locate outside every zone (scattered development).',
      }),
      utility: number({
        default: -0.5, minimum: -100, maximum: 100, unit: 'utils', rules: ['R2'],
        description: 'Utility of a scattered site outside every zone, before the land-price term. With choice.sizeVariable none it stands for all scattered sites together (their log-sum, so it grows with the province); with vacant-land it is per site, and the number of sites enters through outside.vacantLandHa.',
        source: 'Set so that zones’ share of output rises from about 0.26 (2009) to the published 0.399 (2012Q1) and 0.438 (2013Q1) at Henan scale (rows: zones share of province above-scale industrial value added).',
      }),
      vacantLandHa: number({
        default: 1300, minimum: 0, maximum: 1e8, exclusiveMinimum: true, unit: 'ha', rules: ['R2', 'R3'],
        description: 'Vacant industrial land at scattered sites outside the zones (the size variable of the scattered option when choice.sizeVariable is vacant-land; a property of the province, not of its zones). Only utility + scale × ln(vacantLandHa) matters, so this is a normalisation and outside.utility is what calibration moves.',
      }),
      landPrice: number({
        default: 1.5, minimum: 0.001, maximum: 1000, exclusiveMinimum: true, unit: 'M¥/ha', rules: ['R11'],
        description: 'Price of land outside zones (unserviced, never scarce in this version).',
      }),
    },
  },
  firms: {
    initialCount: integer({
      default: 1200, minimum: 0, maximum: 1e6, unit: 'firms', rules: ['R2'],
      description: 'Firms (above-scale industrial enterprises) operating at the start, drawn like arriving projects; a share firms.initialShareInZones is in zones.',
      source: 'Henan had 18,105 above-scale industrial enterprises in 2009 (row: province above-scale industrial enterprises, 2009); × 12/180 for the default teaching-scale province (henan.yaml: 18,000).',
    }),
    initialShareInZones: number({
      default: 0.25, minimum: 0, maximum: 1, unit: 'share', rules: ['R2', 'R10'],
      source: 'Set so that the zones hold about a quarter of firms and output in 2009 and reach the published 40–44 % of output in 2012–13 and 7,890 firms at the end of 2013 (rows: zones share of province above-scale industrial value added, 2012Q1 and 2013Q1; above-scale industrial enterprises in zones, 2013).',
      description: 'Share of the initial firms already operating in a zone in 2009 (zones were built on existing development areas), spread over zones as firms.initialPlacement says; the rest are outside. 0 puts every initial firm outside.',
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
      default: 0.08, minimum: 0, maximum: 0.99, unit: '1/year', rules: ['model'],
      description: 'Exogenous annual probability of exit (including firms that fall out of the above-scale survey).',
      source: 'Set, with projects.perYear, so that the province’s firm count stays near the published 18,105 (2009) and 18,774 (2012) (rows: province above-scale industrial enterprises, 2009 and 2012).',
    }),
    exitProductivityThreshold: number({
      default: 0.5, minimum: 0, maximum: 100, unit: '-', rules: ['model'],
      description: 'A firm whose productivity falls below this level exits (Hopenhayn-style selection; 0 switches it off).',
    }),
    initialPlacement: choice({
      default: 'industrial-base', choices: ['uniform', 'industrial-base'] as const, unit: '-', rules: ['R2'],
      description: 'How the initial firms in zones are spread over zones: uniform (each zone equally likely, where land allows); industrial-base (in proportion to each zone’s pre-2009 industrial base, a heavy-tailed log-normal weight per county — zones were built on existing development areas — with serviced land and plan widened to hold the firms already there).',
    }),
    normalSampler: choice({
      default: 'inversion', choices: ['inversion', 'box-muller'] as const, unit: '-', rules: ['model'],
      description: 'How the per-firm normal draws (annual productivity shocks, projects’ land-need deviations, zones’ industrial base) are made from counter-based uniforms — both exact standard normals: inversion takes the normal quantile of one uniform (Wichura 1988, AS 241; about 20 ns less per normal); box-muller takes √(−2 ln u₁) cos(2π u₂) of two (the method of versions before 2026-12-06, which reproduces their results draw for draw).',
    }),
    initialBaseDispersion: number({
      default: 1, minimum: 0, maximum: 5, unit: 'log points', rules: ['R2'],
      description: 'Standard deviation of the log industrial base of the zones’ counties (industrial-base placement): 1 makes the largest of 180 bases about 13 times the median.',
      source: 'Set so that at Henan scale the largest zone’s revenue is over 10 times the median’s and about 100 zones exceed 10 bn¥ in 2012 (rows: zones with revenue above 10 bn yuan, target 2012; above 100 bn, target 2012).',
    }),
  },
  land: {
    idleReclaimPerYear: number({
      default: 0.2, minimum: 0, maximum: 1, unit: '1/year', rules: ['R11'],
      description: 'Share of a zone’s idle land (left by exited firms) returned to the free serviced stock per year (盘活闲置土地).',
    }),
    enabled: boolean({
      default: true, unit: '-', rules: ['R11', 'R3'],
      description: 'Switch for the R11 land levers below (quota, investment-intensity threshold, price-elastic land demand). Off: land need is fixed per project and no quota or threshold applies.',
    }),
    quotaHaPerYear: number({
      default: 800, minimum: 0, maximum: 1e7, unit: 'ha/year', rules: ['R11'],
      source: 'Henan scale 12,000 ha a year (henan.yaml: about 67 ha per zone, the zones’ planned pace), × 12/180 here.',
      description: 'Province-wide annual quota of newly serviced zone land (建设用地指标); when the zones’ planned servicing exceeds it, every zone’s servicing is scaled down pro rata.',
    }),
    minimumInvestmentPerHa: number({
      default: 15, minimum: 0, maximum: 10000, unit: 'M¥/ha', rules: ['R11', 'R3'],
      description: 'Investment-intensity threshold (投资强度): a zone admits a project only if its investment per hectare of land needed is at least this. 0 admits every project.',
    }),
    projectIntensityDispersion: number({
      default: 0.3, minimum: 0, maximum: 3, unit: 'log points', rules: ['R11', 'R3'],
      description: 'Standard deviation of a project’s log land need around its industry’s land intensity (projects of one industry differ), so the investment-intensity threshold screens projects, not whole industries.',
    }),
    demandPriceElasticity: number({
      default: 0.3, minimum: 0, maximum: 3, unit: '-', rules: ['R11', 'R3'],
      description: 'Elasticity of a project’s land need to the land price: need = base need × (price / reference price)^(−elasticity) — dearer land is used more intensively (capital–land substitution).',
    }),
  },
  positioning: {
    enabled: boolean({
      default: true, unit: '-', rules: ['R10'],
      description: 'Switch for industrial positioning: re-choosing leading industries on a schedule and the pull of anchor firms. Off: leading industries stay as initially drawn and anchors have no extra pull.',
    }),
    rule: choice({
      default: 'scored', choices: ['scored', 'homogeneous'] as const, unit: '-', rules: ['R10'],
      description: 'scored: each zone ranks industries by weighted competitiveness, growth and relatedness (竞争力最强、成长性最好、关联度最高); homogeneous: every zone picks the fastest-growing industries (同质化竞争).',
    }),
    reviewEveryYears: integer({
      default: 2, minimum: 1, maximum: 100, unit: 'years', rules: ['R10'],
      description: 'Zones re-choose their leading industries at the start of every this many years (the first review is at year 0 for the homogeneous rule and after the first interval for the scored rule).',
    }),
    competitivenessWeight: number({
      default: 1, minimum: 0, maximum: 100, unit: '-', rules: ['R10'],
      description: 'Weight of competitiveness — the zone’s employment location quotient in the industry — in the leading-industry score.',
    }),
    growthWeight: number({
      default: 1, minimum: 0, maximum: 100, unit: '-', rules: ['R10'],
      description: 'Weight of the industry’s demand growth rate in the score.',
    }),
    relatednessWeight: number({
      default: 1, minimum: 0, maximum: 100, unit: '-', rules: ['R10', 'R1'],
      description: 'Weight of the industry’s relatedness density to the zone’s existing firms in the score.',
    }),
    anchorPull: number({
      default: 0.8, minimum: -100, maximum: 100, unit: 'utils', rules: ['R10'],
      description: 'Pull of anchor firms (龙头企业) on related suppliers (产业配套): utility + anchorPull × (1 − exp(−Σ proximity of the project’s industry to the zone’s anchors)).',
    }),
  },
  planning: {
    enabled: boolean({
      default: true, unit: '-', rules: ['R9'],
      description: 'Switch for plan coordination. Off: land is serviced at exactly zones.servicingPaceHaPerYear and there is no market-access term.',
    }),
    coordination: number({
      default: 0.7, minimum: 0, maximum: 1, unit: 'index', rules: ['R9'],
      description: 'How well the zone plan is coordinated with the land-use, town, transport, water and environmental plans (0 none, 1 full).',
    }),
    uncoordinatedPaceLoss: number({
      default: 0.5, minimum: 0, maximum: 1, unit: 'share', rules: ['R9'],
      description: 'Share of the servicing pace lost to delays when coordination is 0: effective pace = pace × (1 − loss × (1 − coordination)).',
    }),
    accessCoefficient: number({
      default: 0.5, minimum: -100, maximum: 100, unit: 'utils', rules: ['R9'],
      description: 'Utility of market access per unit of coordination (utility + coefficient × coordination for zones).',
    }),
  },
  financing: {
    enabled: boolean({
      default: true, unit: '-', rules: ['R12'],
      description: 'Switch for zone investment-and-financing platforms (投融资平台). Off: land is serviced as planned and paid from the public budget; no standard factories; no platform debt.',
    }),
    servicingCostPerHa: number({
      default: 6, minimum: 0, maximum: 1000, unit: 'M¥/ha', rules: ['R12', 'R9'],
      description: 'Cost of servicing a hectare: land acquisition and resettlement (征地拆迁) plus roads, water, power and drainage.',
    }),
    initialBorrowingCapacity: number({
      default: 300, minimum: 0, maximum: 1e7, unit: 'M¥', rules: ['R12'],
      description: 'Debt a platform may carry before it has revenue (its initial credit line).',
    }),
    debtCeilingYearsOfRevenue: number({
      default: 10, minimum: 0, maximum: 1000, unit: 'years', rules: ['R12'],
      description: 'A platform may borrow while debt ≤ initial capacity + this × its annual revenue; beyond it, servicing and factory building stop.',
    }),
    interestRate: number({
      default: 0.06, minimum: 0, maximum: 1, unit: '1/year', rules: ['R12'],
      description: 'Interest rate on platform debt.',
    }),
    taxShareOfOutput: number({
      default: 0.01, minimum: 0, maximum: 1, unit: 'share', rules: ['R12'],
      description: 'Share of the zone’s output that accrues to the zone as tax revenue (platform revenue, with land sales).',
    }),
    debtServiceShare: number({
      default: 0.6, minimum: 0, maximum: 1, unit: 'share', rules: ['R12'],
      description: 'Share of platform revenue paid towards interest and principal each step.',
    }),
    standardFactoryHaPerYear: number({
      default: 6, minimum: 0, maximum: 1e5, unit: 'ha/year', rules: ['R12'],
      description: 'Standard factory buildings (标准化厂房) each platform builds per year, on its serviced land.',
    }),
    standardFactoryCostPerHa: number({
      default: 10, minimum: 0, maximum: 1e4, unit: 'M¥/ha', rules: ['R12'],
      description: 'Construction cost of a hectare of standard factory floor.',
    }),
    standardFactoryMaxInvestment: number({
      default: 60, minimum: 0, maximum: 1e6, unit: 'M¥', rules: ['R12'],
      description: 'Projects up to this size may rent standard factory space instead of buying land.',
    }),
    standardFactoryBonus: number({
      default: 0.6, minimum: -100, maximum: 100, unit: 'utils', rules: ['R12'],
      description: 'Utility gain for an eligible small project of a zone with free standard factory space (no land purchase, faster start).',
    }),
  },
  credit: {
    enabled: boolean({
      default: true, unit: '-', rules: ['R13', 'R16'],
      description: 'Switch for credit constraints on small firms. Off: every project is financed.',
    }),
    constrainedMaxInvestment: number({
      default: 150, minimum: 0, maximum: 1e7, unit: 'M¥', rules: ['R13'],
      description: 'Projects up to this size are small firms whose loans need collateral or a guarantee.',
    }),
    bankLendingShare: number({
      default: 0.6, minimum: 0, maximum: 1, unit: 'share', rules: ['R13', 'R16'],
      description: 'Probability that a small firm gets its loan without a guarantee (a counter-based draw per project).',
    }),
  },
  guarantees: {
    enabled: boolean({
      default: true, unit: '-', rules: ['R13'],
      description: 'Switch for the provincial credit-guarantee fund (担保体系). Off: credit-constrained projects without a bank loan wait, then give up.',
    }),
    initialCapital: number({
      default: 1000, minimum: 0, maximum: 1e8, unit: 'M¥', rules: ['R13'],
      description: 'Public capital put into the fund at the start (its initial net assets).',
      source: 'Henan’s guarantee institutions had 14,500 M¥ of registered capital in mid-2009 (row: credit-guarantee institutions, registered capital, 2009-06); × 12/180 ≈ 970 here. The model’s one fund stands for the whole system, so its public spending is an upper bound.',
    }),
    leverageMultiple: number({
      default: 5, minimum: 1, maximum: 15, unit: '×', rules: ['R13'],
      description: 'Outstanding guarantees may not exceed this multiple of net assets (Chinese rules: normally 5×, at most 10×; up to 15× for small-firm lenders).',
    }),
    perBorrowerCapShare: number({
      default: 0.1, minimum: 0, maximum: 1, unit: 'share', rules: ['R13'],
      description: 'One borrower’s guarantee may not exceed this share of net assets.',
    }),
    coverageShare: number({
      default: 0.8, minimum: 0, maximum: 1, unit: 'share', rules: ['R13'],
      description: 'Share of the loan the fund guarantees (the bank keeps the rest of the risk).',
    }),
    feeRate: number({
      default: 0.02, minimum: 0, maximum: 1, unit: '1/year', rules: ['R13'],
      description: 'Annual fee on outstanding guarantees, paid to the fund.',
    }),
    termYears: number({
      default: 3, minimum: 0.1, maximum: 30, unit: 'years', rules: ['R13'],
      description: 'Term of a guaranteed loan; the guarantee expires afterwards.',
    }),
    recoveryRate: number({
      default: 0.3, minimum: 0, maximum: 1, unit: 'share', rules: ['R13'],
      description: 'Share of a defaulted guarantee the fund recovers (collateral, counter-guarantees).',
    }),
    annualInjection: number({
      default: 250, minimum: 0, maximum: 1e7, unit: 'M¥/year', rules: ['R13'],
      description: 'Public money added to the fund each year.',
      source: 'Henan aimed at 30,000 M¥ of guarantee capital by 2012 from 14,500 in mid-2009 (rows: guarantee institutions registered capital, target 2012; 2009-06): about 4,000 M¥ a year at Henan scale, × 12/180 here.',
    }),
  },
  guidanceFund: {
    enabled: boolean({
      default: true, unit: '-', rules: ['R13'],
      description: 'Switch for public guidance funds (引导资金) that co-invest in projects of the chosen zone’s leading industries.',
    }),
    budgetPerYear: number({
      default: 70, minimum: 0, maximum: 1e8, unit: 'M¥/year', rules: ['R13'],
      description: 'Public money the fund may invest per year (unused budget lapses).',
    }),
    coInvestmentRatio: number({
      default: 4, minimum: 0, maximum: 1000, unit: '¥ private per ¥ public', rules: ['R13'],
      description: 'Private money required per public yuan: the fund takes a stake of investment / (1 + ratio) in an eligible project.',
    }),
    utilityBonus: number({
      default: 0.3, minimum: -100, maximum: 100, unit: 'utils', rules: ['R13'],
      description: 'Utility gain of a zone for a project of one of its leading industries while the fund has budget (cheaper equity).',
    }),
  },
  services: {
    enabled: boolean({
      default: true, unit: '-', rules: ['R14', 'R4'],
      description: 'Switch for shared services (完善服务配套). Off: no service-cost term in the location choice.',
    }),
    fixedCostPerYear: number({
      default: 3, minimum: 0, maximum: 1e6, unit: 'M¥/year', rules: ['R14'],
      description: 'Fixed annual cost of a zone’s shared services (utilities operation, logistics, training, testing), shared by its firms.',
    }),
    variableCostPerFirm: number({
      default: 0.1, minimum: 0, maximum: 1e4, unit: 'M¥/year', rules: ['R14'],
      description: 'Annual service cost per firm on top of its share of the fixed cost.',
    }),
    costCoefficient: number({
      default: 0.5, minimum: -100, maximum: 100, unit: 'utils per M¥/year', rules: ['R14'],
      description: 'Utility lost per million yuan of annual service cost per firm: cost = fixed × (1 − company gain) / (firms + 1) + variable.',
    }),
    operatingCompany: boolean({
      default: true, unit: '-', rules: ['R14'],
      description: 'Whether zones set up an asset-operation and management company (资产运营管理机构).',
    }),
    operatingCompanyEfficiencyGain: number({
      default: 0.3, minimum: 0, maximum: 1, unit: 'share', rules: ['R14'],
      description: 'Share of the fixed service cost the operating company saves.',
    }),
  },
  promotion: {
    enabled: boolean({
      default: true, unit: '-', rules: ['R15'],
      description: 'Switch for institutions and investment promotion. Off: no approval-time term, every zone is known to every investor, and promotion brings no extra projects.',
    }),
    zoneApprovalMonths: number({
      default: 4, minimum: 0, maximum: 120, unit: 'months', rules: ['R15'],
      description: 'Time to get a project approved in a zone (one-stop service shortens it).',
    }),
    outsideApprovalMonths: number({
      default: 8, minimum: 0, maximum: 120, unit: 'months', rules: ['R15'],
      description: 'Time to get a scattered project approved outside the zones.',
    }),
    approvalCoefficient: number({
      default: 1, minimum: -100, maximum: 100, unit: 'utils per year', rules: ['R15'],
      description: 'Utility lost per year of approval time (an entry friction).',
    }),
    effort: number({
      default: 1, minimum: 0, maximum: 100, unit: 'teams', rules: ['R15'],
      description: 'Investment-promotion effort per zone (招商引资 teams): raises the share of investors who consider the zone and brings projects from outside the province.',
    }),
    baseAwareness: number({
      default: 0.4, minimum: 0, maximum: 1, exclusiveMinimum: true, unit: 'share', rules: ['R15'],
      description: 'Share of investors who consider a zone without promotion; awareness = base + (1 − base)(1 − e^(−effort)) enters utility as ln(awareness) (implicit availability; Swait & Ben-Akiva 1987).',
    }),
    arrivalBoost: number({
      default: 0.15, minimum: 0, maximum: 10, unit: 'share', rules: ['R15'],
      description: 'Extra projects from outside the province at full promotion: arrivals × (1 + boost × (1 − e^(−effort))).',
    }),
    costPerEffortPerYear: number({
      default: 2, minimum: 0, maximum: 1e5, unit: 'M¥/year', rules: ['R15'],
      description: 'Public cost of one unit of promotion effort per zone per year.',
    }),
  },
  crisis: {
    enabled: boolean({
      default: false, unit: '-', rules: ['R16'],
      description: 'Switch for a demand-and-credit shock like the 2008–09 international financial crisis.',
    }),
    startYear: number({
      default: 2009, minimum: 1900, maximum: 2200, unit: 'year', rules: ['R16'],
      description: 'Calendar time the shock starts (decimal years; 2009 = January 2009).',
    }),
    durationYears: number({
      default: 1, minimum: 0, maximum: 50, unit: 'years', rules: ['R16'],
      description: 'Length of the shock window.',
    }),
    recoveryYears: number({
      default: 1.5, minimum: 0, maximum: 50, unit: 'years', rules: ['R16'],
      description: 'After the window, demand and credit return to normal linearly over this time.',
    }),
    demandDrop: number({
      default: 0.2, minimum: 0, maximum: 0.95, unit: 'share', rules: ['R16'],
      description: 'Fall of demand (output) in the window; firms’ output is multiplied by 1 − drop × intensity.',
    }),
    creditTightening: number({
      default: 0.6, minimum: 0, maximum: 1, unit: 'share', rules: ['R16'],
      description: 'Share of bank lending to small firms withdrawn, and share of credit-dependent projects postponed (× credit dependence), at full intensity.',
    }),
    exitHazardMultiplier: number({
      default: 3, minimum: 1, maximum: 100, unit: '×', rules: ['R16'],
      description: 'Exit hazard multiplier at full intensity: hazard × (1 + (multiplier − 1) × intensity).',
    }),
  },
  innovation: {
    enabled: boolean({
      default: true, unit: '-', rules: ['R7'],
      description: 'Switch for knowledge spillovers among firms in a zone (technology exchange and imitation).',
    }),
    form: choice({
      default: 'both', choices: ['marshall', 'jacobs', 'both'] as const, unit: '-', rules: ['R7'],
      description: 'marshall: spillovers from same-industry neighbours (Marshall–Arrow–Romer); jacobs: from related industries (related variety; Frenken, Van Oort & Verburg 2007); both.',
    }),
    marshallStrength: number({
      default: 0.02, minimum: 0, maximum: 1, unit: 'log points/year', rules: ['R7'],
      description: 'Extra annual productivity growth at full same-industry saturation: + strength × (1 − e^(−(same-industry neighbours)/saturation)).',
    }),
    marshallSaturation: number({
      default: 20, minimum: 0, maximum: 1e6, exclusiveMinimum: true, unit: 'firms', rules: ['R7'],
      description: 'Same-industry neighbours at which Marshall spillovers reach 63% of their maximum.',
    }),
    jacobsStrength: number({
      default: 0.02, minimum: 0, maximum: 1, unit: 'log points/year', rules: ['R7'],
      description: 'Extra annual productivity growth per unit of relatedness density: + strength × D (related variety).',
    }),
  },
  circular: {
    enabled: boolean({
      default: true, unit: '-', rules: ['R8'],
      description: 'Switch for central pollution treatment and waste reuse in zones (循环经济).',
    }),
    centralTreatmentEfficiency: number({
      default: 0.3, minimum: 0, maximum: 1, unit: 'share', rules: ['R8'],
      description: 'Share of the pollution of zone firms removed by central treatment.',
    }),
    reuseStrength: number({
      default: 0.3, minimum: 0, maximum: 1, unit: 'share', rules: ['R8'],
      description: 'Share of remaining pollution avoided by reusing waste between related firms, × the industry’s relatedness density in the zone.',
    }),
  },
  urbanisation: {
    provincePopulation: number({
      default: 94.9e6, minimum: 1, maximum: 2e9, unit: 'people', rules: ['R6'],
      description: 'Population of the province (Henan 2009: about 94.9 million).',
    }),
    initialUrbanisationRate: number({
      default: 0.377, minimum: 0, maximum: 1, unit: 'share', rules: ['R6'],
      description: 'Urban share of the population at the start (Henan 2009: 37.7%).',
    }),
    peoplePerJob: number({
      default: 2.2, minimum: 0, maximum: 20, unit: 'people/job', rules: ['R6'],
      description: 'People drawn into the zones’ towns per zone job (the worker and dependants).',
    }),
    consumptionPerPersonPerYear: number({
      default: 0.012, minimum: 0, maximum: 10, unit: 'M¥/year', rules: ['R6'],
      description: 'Consumption demand per new urban resident (12,000 ¥ a year).',
    }),
  },
  numerics: {
    exponential: choice({
      default: 'table', choices: ['table', 'fdlibm'] as const, unit: '-', rules: ['model'],
      description: 'Which e^x (and x^y = e^(y ln x)) the model computes with — both bit-identical in every engine and within 1 ulp: table is Tang’s table-driven method (Tang 1989; within about 0.5 ulp, and a Henan replication takes about a tenth less CPU); fdlibm is fdlibm 5.3’s e_exp.c (within 0.75 ulp; the function of versions before 2026-12-06, which reproduces their results bit for bit). They differ in the last bit on about a tenth of arguments, so outcomes differ in their last digits (in the runs checked, no location choice or exit differed) and agree in distribution.',
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
