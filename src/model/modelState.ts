import type { Industries } from './industries.ts';
import type { ZoneLayoutInput } from './modelInput.ts';
import type { AgglomerationTable } from './r2Agglomeration.ts';
import type { ChoiceTrees } from './choiceTrees.ts';
import type { Parameters } from './parameterSpecification.ts';
import type { UniformGenerator } from './randomStreams.ts';

/**
 * Firms, stored as a struct of typed arrays (one entry per living firm, densely packed: an exiting
 * firm is replaced by the last one). Growing the table doubles its capacity, so adding a firm
 * allocates nothing in the amortised case and a step allocates nothing per firm.
 *
 * A firm's capital is stored normalised by its industry's growth index: investment(t) =
 * capitalIndex × industryGrowthIndex_j(t). All firms of an industry grow at the industry's demand
 * growth, so this is exact, and it lets the zone aggregates follow growth in O(zones × industries)
 * per step instead of a pass over every firm (see firmDynamics.ts). Jobs and output follow from
 * investment: see `firmInvestment`, `firmEmployment`, `firmOutput`.
 */
export interface FirmTable {
  capacity: number;
  count: number;
  /** Stable identity (project id), the key of the firm's counter-based random draws. */
  id: Int32Array;
  industry: Int32Array;
  /** Zone index, or the outside index (= number of zones) for firms outside every zone. */
  zone: Int32Array;
  /** Investment at entry divided by the industry growth index at entry (M¥ in 2009 demand terms). */
  capitalIndex: Float64Array;
  /** Land occupied (ha). */
  land: Float64Array;
  /** Total factor productivity (1 = median entrant). */
  productivity: Float64Array;
  /** The firm exits when the cumulative exit hazard reaches this value (see firmDynamics.ts). */
  exitClock: Float64Array;
  birthStep: Int32Array;
  /** 1 for anchor firms (龙头企业), else 0. */
  anchor: Uint8Array;
  /** 1 when the firm rents standard factory space (R12) instead of owning land. */
  inFactory: Uint8Array;
  /** Amount of the firm's loan guaranteed by the fund (M¥; 0 if none) (R13). */
  guarantee: Float64Array;
  /** Step at which the firm's guarantee expires. */
  guaranteeEndStep: Int32Array;
  /** Two per-firm scratch buffers for batch computations over the table (e.g. the annual review's
   *  productivity shocks); they carry nothing between calls. */
  scratchA: Float64Array;
  scratchB: Float64Array;
}

/**
 * Zones and the outside option, struct of arrays. Index z < count is a zone; index `count` is the
 * outside option (scattered location), which has no land limit, no agglomeration and no relatedness
 * term; its aggregates are kept so the province totals and the "share in zones" outcomes are exact.
 */
export interface ZoneTable {
  /** Number of zones Z (the outside option is index Z). */
  count: number;
  x: Float64Array;
  y: Float64Array;
  plannedHa: Float64Array;
  servicedHa: Float64Array;
  usedHa: Float64Array;
  /** Land left by exited firms and not yet reclaimed (ha). */
  idleHa: Float64Array;
  basePrice: Float64Array;
  price: Float64Array;
  /** Shared-service level (R14): variable cost / cost per firm, in [0, 1] — near 1 when the fixed
   *  cost is spread over many firms; 0 when shared services are off (state for display; no mechanism
   *  reads it). */
  serviceLevel: Float64Array;
  /** Standard factory floor built by the zone's platform (ha of serviced land) (R12). */
  standardFactoryHa: Float64Array;
  /** Standard factory floor rented by firms (ha). */
  factoryUsedHa: Float64Array;
  /** Land-need multiplier (price / reference)^(−elasticity) of each zone (R11); 1 when off. */
  landNeedFactor: Float64Array;
  /** The utilisation each zone's price was last computed from, and the price its land-need factor was
   * (−1: not yet; both are ≥ 0), so an unchanged zone skips the exponential and the power (r11LandMarket.ts). */
  priceUtilisation: Float64Array;
  landNeedFactorPrice: Float64Array;
  /** Platform debt (M¥) (R12). */
  platformDebt: Float64Array;
  /** Platform revenue this step (land sales + tax) (M¥). */
  platformRevenueStep: Float64Array;
  /** Smoothed annual platform revenue (M¥/year). */
  platformRevenueAnnual: Float64Array;
  /** Σ over the zone's anchor firms of the proximity of each industry to the anchor's, (Z + 1) × K (R10). */
  anchorRelated: Float64Array;
  /** Aggregates of living firms, per zone (length Z + 1); employment, output and investment are
   *  derived from the capital sums below each step and kept current on entry and exit. */
  firms: Float64Array;
  employment: Float64Array;
  output: Float64Array;
  investment: Float64Array;
  /** Leading-industry flags, Z × K row-major. */
  leading: Uint8Array;
  /** Firms per zone and industry, (Z + 1) × K. */
  industryFirms: Float64Array;
  /** Σ capitalIndex of the zone's firms per industry, (Z + 1) × K (incremental on entry/exit). */
  normalisedCapital: Float64Array;
  /** Σ productivity × capitalIndex per zone and industry, (Z + 1) × K (incremental; exact at each productivity review). */
  productiveCapital: Float64Array;
  /** Employment per zone and industry, (Z + 1) × K (derived each step, updated on entry/exit). */
  industryEmployment: Float64Array;
  /** Output per zone and industry, (Z + 1) × K (derived each step, updated on entry/exit). */
  industryOutput: Float64Array;
  /** Σ_k φ_jk · n_zk for each zone z and industry j, (Z + 1) × K (updated incrementally on entry and exit). */
  relatedFirmSum: Float64Array;
  /** Utility terms of a zone that do not depend on the project's industry, per zone (Z + 1). */
  baseUtility: Float64Array;
  /** Utility terms that depend on zone and industry, (Z + 1) × K. */
  industryUtility: Float64Array;
  /** Cached choice weights exp((baseUtility + industryUtility) / scale), (Z + 1) × K (the outside row
   *  repeats exp(baseUtility / scale)). */
  expUtility: Float64Array;
  /** Firms' gross fixed investment in the current recording period, per zone and outside (Z + 1; M¥):
   *  new projects, demand-driven and location-driven expansion, and replacement of depreciation. */
  investmentFlow: Float64Array;
  /** Platform or budget spending on land servicing and standard factories in the current recording
   *  period, per zone (Z + 1, outside always 0; M¥). */
  infrastructureFlow: Float64Array;
  /** Names of the zones (from the zone data file), or null when zones are drawn. */
  names: readonly string[] | null;
  /** Anchor pull utility of each (zone, industry), Z × K, recomputed when the zone's anchors change (R10). */
  anchorUtility: Float64Array;
  /** Tree sampler only: exp(baseUtility / scale) per zone (Z + 1) and exp(industryUtility / scale) per
   *  cell ((Z + 1) × K), so a step's refresh needs one exponential per zone, plus K for zones whose
   *  firms changed (industryDirty). */
  baseWeight: Float64Array;
  industryWeight: Float64Array;
  /** 1 when the zone's industry-specific utility terms must be recomputed (firms entered or left). */
  industryDirty: Uint8Array;
  /** A lower bound on the zones' land-need factors (their minimum since the last recomputation of
   *  every price, which happens each step; 1 when land needs do not respond to prices). */
  smallestLandNeedFactor: number;
}

/**
 * Province totals per industry, kept independently of where firms are (updated on entry and exit and
 * re-summed in firm-table order at each productivity review). Province output, jobs and capital are
 * computed from these, so two scenarios with the same firms give bit-identical province totals
 * whatever their zones (the zone aggregates sum the same numbers in another order).
 */
export interface ProvinceTotals {
  /** Firms per industry (K). */
  firms: Float64Array;
  /** Σ capitalIndex per industry (K). */
  normalisedCapital: Float64Array;
  /** Σ productivity × capitalIndex per industry (K). */
  productiveCapital: Float64Array;
  /** Firms' gross fixed investment in the current recording period (M¥), summed in the same
   *  order in every scenario with the same firms. */
  investmentFlowInPeriod: number;
}

/** Projects that found no land and wait to choose again (R11). Struct of arrays with a count. */
export interface PendingProjects {
  capacity: number;
  count: number;
  id: Int32Array;
  industry: Int32Array;
  investment: Float64Array;
  productivity: Float64Array;
  arrivalStep: Int32Array;
  /** The project is not considered before this step (postponed by a crisis, R16). */
  readyStep: Int32Array;
  /** 1 for a project from the national mobile pool (R15), else 0. */
  mobile: Uint8Array;
}

/** Flow counters for the current recording period and in total. */
export interface Counters {
  entriesInPeriod: number;
  exitsInPeriod: number;
  abandonedInPeriod: number;
  entriesTotal: number;
  exitsTotal: number;
  abandonedTotal: number;
  arrivalsTotal: number;
  /** Number of logit evaluations of one alternative for one project (for the benchmark). */
  choiceEvaluations: number;
  /** Firms present at step 0 (the initial stock). */
  initialFirms: number;
  /** Projects from the national mobile pool that located in a zone this period, and their investment (M¥). */
  mobileZoneEntriesInPeriod: number;
  mobileZoneInvestmentInPeriod: number;
  /** Projects of at least LARGE_PROJECT_INVESTMENT M¥ that located in a zone this period. */
  largeZoneEntriesInPeriod: number;
  /** Mobile projects that arrived (reference flow kept plus extra arrivals) and that the province lost to
   *  the rest of China (reference projects thinned when its inclusive value falls), since step 0. */
  mobileArrivalsTotal: number;
  mobileLostTotal: number;
}

/**
 * Province-level accounts of the policy instruments (R12–R16): the guarantee fund, the guidance fund,
 * public spending and the crisis. Money in M¥; "Total" values are cumulative since step 0.
 */
export interface ProvinceAccounts {
  /** Guarantee fund net assets (M¥), never below 0: a shortfall is paid by the province (a bail-out). */
  guaranteeNetAssets: number;
  /** Public money paid into the guarantee fund to cover losses beyond its net assets, cumulative (M¥). */
  guaranteeBailoutTotal: number;
  /** Guarantees outstanding (M¥). */
  guaranteesOutstanding: number;
  /** Guarantees expiring at each step (M¥), indexed by step. */
  guaranteeMaturities: Float64Array;
  guaranteesIssuedTotal: number;
  guaranteeFeesTotal: number;
  guaranteeLossesTotal: number;
  guaranteeLossesInPeriod: number;
  /** First step at which net assets were ≤ 0, or −1. */
  guaranteeExhaustedStep: number;
  /** Projects that could not get credit this period (waited). */
  creditRationedInPeriod: number;
  /** Guidance fund budget left this year (M¥). */
  guidanceBudgetLeft: number;
  guidanceSpentTotal: number;
  guidancePrivateTotal: number;
  /** Whether guidance money is on offer now (its utility bonus is in the cached utilities). */
  guidanceAvailable: boolean;
  /** Public spending by purpose, cumulative (M¥). */
  publicSpendingServicingTotal: number;
  publicSpendingGuaranteeCapitalTotal: number;
  publicSpendingPromotionTotal: number;
  /** Crisis intensity at the current step (0 none, 1 full). */
  crisisIntensity: number;
  /** Projects postponed by the crisis so far. */
  postponedTotal: number;
  /** Zone jobs at step 0 (the urbanisation baseline). */
  initialZoneEmployment: number;
}

/** Per-step constants derived once from the parameters (rates converted to per step). */
export interface StepConstants {
  /** numerics.exponential is 'table': mechanisms compute e^x with tableExp (tableExponential.ts). */
  tableExponential: boolean;
  stepsPerYear: number;
  totalSteps: number;
  /** Investment growth factor per step for each industry: (1 + g_j)^(1/stepsPerYear). */
  industryGrowthFactor: Float64Array;
  /** Share of an incumbent's capital invested this step to follow demand: 1 − 1/factor_j. */
  demandGrowthShare: Float64Array;
  /** Share of capital depreciated (and replaced) per step: depreciationRate / stepsPerYear. */
  depreciationPerStep: number;
  /** Cumulative exit hazard added per step: −ln(1 − annual hazard) / stepsPerYear. */
  exitHazardPerStep: number;
  servicingHaPerStep: number;
  idleReclaimSharePerStep: number;
  /** Reference land price for the utility's price term (the zones' base price). */
  referenceLandPrice: number;
  /** Guarantee term in steps. */
  guaranteeTermSteps: number;
  /** Weight multiplier of renting standard factory floor: exp(standardFactoryBonus / scale). */
  standardFactoryWeight: number;
  /** The truncated Pareto's 1 − (x_min / x_max)^α of project sizes (projectArrival.ts, drawProjectSize). */
  projectSizeTail: number;
  /** Utility terms that are the same for every zone and constant over the run (0 when their group is
   *  off): R9 market access, R15 awareness and approval in a zone, R15 approval outside. */
  planningAccessUtility: number;
  promotionZoneUtility: number;
  promotionOutsideUtility: number;
  /** ln(awareness) of a zone (R15; 0 when promotion is off): left out of the expansion premium. */
  awarenessUtility: number;
}

/** Sequential random streams of one replication (see randomStreams.ts). */
export interface ModelStreams {
  arrivals: UniformGenerator;
  choice: UniformGenerator;
  /** Extra mobile projects drawn to the province by its zones (R15); used by nothing else. */
  mobileArrivals: UniformGenerator;
}

/** The whole state of one replication. Plain data; mechanisms are functions over it. */
export interface ModelState {
  readonly parameters: Parameters;
  readonly seed: number;
  /** The zone data file's layout, or null when zones are drawn (read by initialisation only). */
  readonly zoneLayout: ZoneLayoutInput | null;
  readonly industries: Industries;
  readonly zones: ZoneTable;
  readonly firms: FirmTable;
  readonly pending: PendingProjects;
  readonly province: ProvinceTotals;
  readonly counters: Counters;
  readonly accounts: ProvinceAccounts;
  readonly constants: StepConstants;
  readonly streams: ModelStreams;
  /** Demand growth index of each industry, G_j(t) = Π growth factors (1 at step 0). */
  readonly industryGrowthIndex: Float64Array;
  /** Λ(t): the exit hazard accumulated since step 0 (firms exit when Λ reaches their exit clock). */
  cumulativeExitHazard: number;
  /**
   * The exit check's memory (firmDynamics.ts, exitFirms): firms at table indices below
   * `exitCheckedCount` passed the productivity test against `exitCheckedThreshold` at the last check
   * (NaN: none yet). Only entries (appended) happen between two checks.
   */
  exitCheckedCount: number;
  exitCheckedThreshold: number;
  /** Index of the next step to run (0 before the first step). */
  step: number;
  /** Next project id to assign. */
  nextProjectId: number;
  /** Carried fraction of the expected arrivals when `projects.arrivalProcess` is `fixed`. */
  arrivalCarry: number;
  /** Carried fraction of the expected extra mobile arrivals when `projects.arrivalProcess` is `fixed`. */
  mobileArrivalCarry: number;
  /** Next id of an extra mobile project (ids from MOBILE_PROJECT_ID_OFFSET, apart from local ones). */
  nextMobileProjectId: number;
  /** x(t): the province's inclusive value minus that of its scattered sites alone (R15, ≥ 0). */
  mobileInclusiveGap: number;
  /** F(t): mobile arrivals relative to the reference (1 when mobile projects do not respond). */
  mobileArrivalFactor: number;
  /** Scratch buffer for choice weights, length Z + 1 (allocated once). */
  readonly choiceWeights: Float64Array;
  /** Scratch buffer for the zone land need of the project being placed, length Z + 1. */
  readonly landNeedScratch: Float64Array;
  /** Scratch buffer for per-zone work of a mechanism, length Z + 1. */
  readonly zoneScratch: Float64Array;
  /** Scratch buffer for per-industry work of a mechanism, length K. */
  readonly industryScratch: Float64Array;
  /** Scratch buffer for R7 spillover growth per (zone, industry), (Z + 1) × K. */
  readonly spilloverScratch: Float64Array;
  /** Scratch buffer for R5 expansion growth factors per (zone, industry), (Z + 1) × K. */
  readonly expansionScratch: Float64Array;
  /** g(n) by whole firm count (R2), filled on demand. */
  readonly agglomerationTable: AgglomerationTable;
  /** Sum trees of the choice weights per industry (`choice.sampler: tree`), or null (`scan`). */
  readonly choiceTrees: ChoiceTrees | null;
}

/** An empty firm table with room for `capacity` firms. */
export function createFirmTable(capacity: number): FirmTable {
  const c = Math.max(16, capacity);
  return {
    capacity: c,
    count: 0,
    id: new Int32Array(c),
    industry: new Int32Array(c),
    zone: new Int32Array(c),
    capitalIndex: new Float64Array(c),
    land: new Float64Array(c),
    productivity: new Float64Array(c),
    exitClock: new Float64Array(c),
    birthStep: new Int32Array(c),
    anchor: new Uint8Array(c),
    inFactory: new Uint8Array(c),
    guarantee: new Float64Array(c),
    guaranteeEndStep: new Int32Array(c),
    scratchA: new Float64Array(c),
    scratchB: new Float64Array(c),
  };
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
}

/** Double the capacity of a firm table (amortised O(1) per firm added). */
export function growFirmTable(firms: FirmTable): void {
  const c = firms.capacity * 2;
  firms.id = grown(firms.id, c);
  firms.industry = grown(firms.industry, c);
  firms.zone = grown(firms.zone, c);
  firms.capitalIndex = grown(firms.capitalIndex, c);
  firms.land = grown(firms.land, c);
  firms.productivity = grown(firms.productivity, c);
  firms.exitClock = grown(firms.exitClock, c);
  firms.birthStep = grown(firms.birthStep, c);
  firms.anchor = grown(firms.anchor, c);
  firms.inFactory = grown(firms.inFactory, c);
  firms.guarantee = grown(firms.guarantee, c);
  firms.guaranteeEndStep = grown(firms.guaranteeEndStep, c);
  firms.scratchA = new Float64Array(c);
  firms.scratchB = new Float64Array(c);
  firms.capacity = c;
}

/** An empty pending-project queue. */
export function createPendingProjects(capacity: number): PendingProjects {
  const c = Math.max(16, capacity);
  return {
    capacity: c,
    count: 0,
    id: new Int32Array(c),
    industry: new Int32Array(c),
    investment: new Float64Array(c),
    productivity: new Float64Array(c),
    arrivalStep: new Int32Array(c),
    readyStep: new Int32Array(c),
    mobile: new Uint8Array(c),
  };
}

/** Double the capacity of the pending queue. */
export function growPendingProjects(pending: PendingProjects): void {
  const c = pending.capacity * 2;
  pending.id = grown(pending.id, c);
  pending.industry = grown(pending.industry, c);
  pending.investment = grown(pending.investment, c);
  pending.productivity = grown(pending.productivity, c);
  pending.arrivalStep = grown(pending.arrivalStep, c);
  pending.readyStep = grown(pending.readyStep, c);
  pending.mobile = grown(pending.mobile, c);
  pending.capacity = c;
}

/** Free serviced land of zone z (ha): serviced − used − idle − standard factories, never negative. */
export function freeServicedLand(zones: ZoneTable, z: number): number {
  const free = zones.servicedHa[z] - zones.usedHa[z] - zones.idleHa[z] - zones.standardFactoryHa[z];
  return free > 0 ? free : 0;
}

/**
 * Vacant land of zone z (ha): free serviced land plus free standard factory floor — the zone's size
 * variable in the location choice (`choice.sizeVariable: vacant-land`).
 */
export function zoneVacantLand(zones: ZoneTable, z: number): number {
  return freeServicedLand(zones, z) + freeFactorySpace(zones, z);
}

/** Free standard factory floor of zone z (ha), never negative. */
export function freeFactorySpace(zones: ZoneTable, z: number): number {
  const free = zones.standardFactoryHa[z] - zones.factoryUsedHa[z];
  return free > 0 ? free : 0;
}

/** Investment of firm i now (M¥): capitalIndex × the industry's growth index. */
export function firmInvestment(state: ModelState, i: number): number {
  return state.firms.capitalIndex[i] * state.industryGrowthIndex[state.firms.industry[i]];
}

/** Jobs of firm i now: investment × the industry's labour intensity. */
export function firmEmployment(state: ModelState, i: number): number {
  return firmInvestment(state, i) * state.industries.labourIntensity[state.firms.industry[i]];
}

/** Annual output of firm i now (M¥/year): productivity × investment / capital–output ratio. */
export function firmOutput(state: ModelState, i: number): number {
  return (state.firms.productivity[i] * firmInvestment(state, i)) / state.industries.capitalIntensity[state.firms.industry[i]];
}
