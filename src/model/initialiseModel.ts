import { log } from './deterministicMath.ts';
import { enterFirm, EntryMode, type EnteringFirm } from './firmRegistry.ts';
import { buildIndustries, cumulativeNormalised, drawFromCumulative } from './industries.ts';
import type { ModelInput } from './modelInput.ts';
import {
  createFirmTable,
  createPendingProjects,
  freeServicedLand,
  type ModelState,
  type ProvinceAccounts,
  type StepConstants,
} from './modelState.ts';
import type { Parameters } from './parameterSpecification.ts';
import { queueNewProject } from './projectArrival.ts';
import { CounterPurpose, counterStandardNormal, counterUniform, createStream, NormalPurposes, type UniformGenerator } from './randomStreams.ts';
import { projectBaseLandNeed, updateLandPrices } from './r11LandMarket.ts';
import { refreshAllZoneUtilities } from './zoneAttractiveness.ts';
import { buildZones } from './zones.ts';
import { updateMobileArrivalFactor } from './r15NationalMobileProjects.ts';
import { createChoiceTrees } from './choiceTrees.ts';
import { createAgglomerationTable } from './r2Agglomeration.ts';
import { planningAccessUtility } from './r9PlanningLandServicing.ts';
import { promotionAwarenessUtility, promotionUtilityForOutside, promotionUtilityForZone } from './r15InvestmentPromotion.ts';
import { exponential, power, usesTableExponential } from './tableExponential.ts';

/** Ids of initial firms start here, so they never collide with project ids (which start at 0). */
export const INITIAL_FIRM_ID_OFFSET = 1_000_000_000;

/**
 * Build the state of one replication at step 0 from (input, seed): industries, zones, the initial
 * stock of firms (pre-2009 industry: a share inside zones, the rest scattered outside), the policy
 * accounts and the per-step constants. Pure: the same (input, seed) always gives the same state.
 *
 * @param seed the replication seed (see `replicationSeed`), an unsigned 32-bit integer.
 */
export function initialiseModel(input: ModelInput, seed: number): ModelState {
  const parameters = input.parameters;
  const industries = buildIndustries(input, createStream(seed, 'industries'));
  const zones = buildZones(parameters, industries, createStream(seed, 'zones'), input.zoneLayout ?? null);
  const constants = deriveStepConstants(parameters, industries.growth);
  const expectedFirms = parameters.firms.initialCount + parameters.projects.perYear * Math.min(parameters.time.years, 10);
  const state: ModelState = {
    parameters,
    seed,
    zoneLayout: input.zoneLayout ?? null,
    industries,
    zones,
    firms: createFirmTable(Math.min(1 << 20, Math.ceil(expectedFirms))),
    pending: createPendingProjects(64),
    province: {
      firms: new Float64Array(industries.count),
      normalisedCapital: new Float64Array(industries.count),
      productiveCapital: new Float64Array(industries.count),
      investmentFlowInPeriod: 0,
    },
    counters: {
      entriesInPeriod: 0,
      exitsInPeriod: 0,
      abandonedInPeriod: 0,
      entriesTotal: 0,
      exitsTotal: 0,
      abandonedTotal: 0,
      arrivalsTotal: 0,
      choiceEvaluations: 0,
      initialFirms: 0,
      mobileZoneEntriesInPeriod: 0,
      mobileZoneInvestmentInPeriod: 0,
      largeZoneEntriesInPeriod: 0,
      mobileArrivalsTotal: 0,
      mobileLostTotal: 0,
    },
    accounts: createAccounts(parameters, constants),
    constants,
    streams: {
      arrivals: createStream(seed, 'arrivals'),
      choice: createStream(seed, 'choice'),
      mobileArrivals: createStream(seed, 'mobileArrivals'),
    },
    industryGrowthIndex: new Float64Array(industries.count).fill(1),
    cumulativeExitHazard: 0,
    exitCheckedCount: 0,
    exitCheckedThreshold: Number.NaN,
    step: 0,
    nextProjectId: 0,
    arrivalCarry: 0,
    mobileArrivalCarry: 0,
    nextMobileProjectId: MOBILE_PROJECT_ID_OFFSET,
    mobileInclusiveGap: 0,
    mobileArrivalFactor: 1,
    choiceWeights: new Float64Array(zones.count + 1),
    landNeedScratch: new Float64Array(zones.count + 1),
    zoneScratch: new Float64Array(zones.count + 1),
    industryScratch: new Float64Array(industries.count),
    spilloverScratch: new Float64Array((zones.count + 1) * industries.count),
    expansionScratch: new Float64Array((zones.count + 1) * industries.count),
    agglomerationTable: createAgglomerationTable(),
    choiceTrees: parameters.choice.sampler === 'tree' ? createChoiceTrees(zones.count, industries.count) : null,
  };
  updateLandPrices(state);
  placeInitialFirms(state);
  let zoneJobs = 0;
  for (let z = 0; z < zones.count; z++) zoneJobs += zones.employment[z];
  state.accounts.initialZoneEmployment = zoneJobs;
  zones.platformRevenueStep.fill(0); // pre-2009 land sales are not platform revenue
  zones.investmentFlow.fill(0); // the initial stock is not investment of the first period
  state.province.investmentFlowInPeriod = 0;
  refreshAllZoneUtilities(state);
  updateMobileArrivalFactor(state); // so the initial record shows the zones' pull (x) too
  return state;
}

/** Ids of extra mobile projects (R15) start here, apart from local projects and initial firms. */
export const MOBILE_PROJECT_ID_OFFSET = 1_500_000_000;

function createAccounts(parameters: Parameters, constants: StepConstants): ProvinceAccounts {
  const g = parameters.guarantees;
  const capital = g.enabled ? g.initialCapital : 0;
  return {
    guaranteeNetAssets: capital,
    guaranteeBailoutTotal: 0,
    guaranteesOutstanding: 0,
    guaranteeMaturities: new Float64Array(g.enabled ? constants.totalSteps + 1 : 0),
    guaranteesIssuedTotal: 0,
    guaranteeFeesTotal: 0,
    guaranteeLossesTotal: 0,
    guaranteeLossesInPeriod: 0,
    guaranteeExhaustedStep: -1,
    creditRationedInPeriod: 0,
    guidanceBudgetLeft: 0,
    guidanceSpentTotal: 0,
    guidancePrivateTotal: 0,
    guidanceAvailable: false,
    publicSpendingServicingTotal: 0,
    publicSpendingGuaranteeCapitalTotal: capital,
    publicSpendingPromotionTotal: 0,
    crisisIntensity: 0,
    postponedTotal: 0,
    initialZoneEmployment: 0,
  };
}

/** Rates per year converted to per step, computed once. */
export function deriveStepConstants(parameters: Parameters, growth: Float64Array): StepConstants {
  const spy = parameters.time.stepsPerYear;
  const table = usesTableExponential(parameters);
  const industryGrowthFactor = new Float64Array(growth.length);
  for (let j = 0; j < growth.length; j++) industryGrowthFactor[j] = power(1 + growth[j], 1 / spy, table);
  const demandGrowthShare = new Float64Array(growth.length);
  for (let j = 0; j < growth.length; j++) demandGrowthShare[j] = 1 - 1 / industryGrowthFactor[j];
  return {
    tableExponential: table,
    stepsPerYear: spy,
    totalSteps: parameters.time.years * spy,
    industryGrowthFactor,
    demandGrowthShare,
    depreciationPerStep: parameters.investment.depreciationRate / spy,
    exitHazardPerStep: -log(1 - parameters.firms.exitHazard) / spy,
    servicingHaPerStep: parameters.zones.servicingPaceHaPerYear / spy,
    idleReclaimSharePerStep: 1 - power(1 - parameters.land.idleReclaimPerYear, 1 / spy, table),
    referenceLandPrice: parameters.zones.landPrice,
    guaranteeTermSteps: Math.max(1, Math.round(parameters.guarantees.termYears * spy)),
    standardFactoryWeight: exponential(parameters.financing.standardFactoryBonus / parameters.choice.scale, table),
    projectSizeTail: 1 - power(parameters.projects.sizeMinimum / parameters.projects.sizeMaximum, parameters.projects.sizeParetoAlpha, table),
    planningAccessUtility: planningAccessUtility(parameters),
    promotionZoneUtility: promotionUtilityForZone(parameters),
    promotionOutsideUtility: promotionUtilityForOutside(parameters),
    awarenessUtility: promotionAwarenessUtility(parameters),
  };
}

/**
 * The initial stock: `firms.initialCount` firms drawn like arriving projects (from their own
 * `initialFirms` stream); they are the stock at step 0, not entries. Where they are:
 * - `uniform` (no zone data file, or one without initial firms): a share `firms.initialShareInZones`
 *   is placed in a zone chosen uniformly (a counter-based draw keyed by the firm id) when it has room;
 *   the others, and any that find no room, are outside every zone;
 * - `industrial-base`: the same share is spread over zones in proportion to each zone's industrial
 *   base (the zone data file's `baseWeight`, else e^(σ ε_z) with ε_z a counter-based normal keyed by
 *   the zone index, σ = `firms.initialBaseDispersion`), whatever the free land: the land these firms
 *   occupy is the zone's pre-2009 developed area, added to its planned and serviced land;
 * - a zone data file with `initialFirms` (and optionally firms per industry) puts exactly those firms
 *   in each zone (same land rule); the rest of `firms.initialCount` is outside.
 */
function placeInitialFirms(state: ModelState): void {
  const count = state.parameters.firms.initialCount;
  if (count === 0) return;
  const draw = createStream(state.seed, 'initialFirms');
  const savedNextId = state.nextProjectId;
  state.nextProjectId = INITIAL_FIRM_ID_OFFSET;
  const fileFirms = initialFirmsFromLayout(state);
  if (fileFirms !== null) placeFirmsFromLayout(state, draw, count, fileFirms);
  else if (state.parameters.firms.initialPlacement === 'industrial-base' && state.zones.count > 0) placeByIndustrialBase(state, draw, count);
  else placeUniformly(state, draw, count);
  state.nextProjectId = savedNextId;
  const c = state.counters;
  c.initialFirms = count;
  c.entriesInPeriod = 0;
  c.entriesTotal = 0;
  c.arrivalsTotal = 0;
  c.largeZoneEntriesInPeriod = 0;
}

/** The next initial firm's attributes, drawn like an arriving project (base land need, no zone yet). */
function drawInitialFirm(state: ModelState, draw: UniformGenerator, entering: EnteringFirm): number {
  const pending = state.pending;
  queueNewProject(state, draw);
  const i = pending.count - 1;
  entering.id = pending.id[i];
  entering.industry = pending.industry[i];
  entering.investment = pending.investment[i];
  entering.productivity = pending.productivity[i];
  entering.inFactory = false;
  entering.mobile = false;
  pending.count = 0;
  return projectBaseLandNeed(state, entering.id, entering.industry, entering.investment);
}

function newEnteringFirm(): EnteringFirm {
  return { id: 0, industry: 0, investment: 0, productivity: 0, land: 0, inFactory: false, mobile: false };
}

/** Uniform placement (see placeInitialFirms): exactly the foundation's rule. */
function placeUniformly(state: ModelState, draw: UniformGenerator, count: number): void {
  const zones = state.zones;
  const outside = zones.count;
  const shareInZones = zones.count > 0 ? state.parameters.firms.initialShareInZones : 0;
  const entering = newEnteringFirm();
  for (let n = 0; n < count; n++) {
    const baseNeed = drawInitialFirm(state, draw, entering);
    let z = outside;
    if (shareInZones > 0) {
      const u = counterUniform(state.seed, entering.id, 0, CounterPurpose.initialZone);
      if (u < shareInZones) {
        const candidate = Math.min(zones.count - 1, Math.floor((u / shareInZones) * zones.count));
        if (freeServicedLand(zones, candidate) >= baseNeed * zones.landNeedFactor[candidate]) z = candidate;
      }
    }
    entering.land = baseNeed * zones.landNeedFactor[z];
    enterFirm(state, entering, z, EntryMode.initialStock);
  }
}

/** The industrial-base weight of every zone: from the zone data file, else log-normal draws. */
function industrialBaseWeights(state: ModelState): Float64Array {
  const zones = state.zones;
  const weights = new Float64Array(zones.count);
  const fromFile = state.zoneLayout?.baseWeight ?? null;
  const sigma = state.parameters.firms.initialBaseDispersion;
  for (let z = 0; z < zones.count; z++) {
    weights[z] = fromFile
      ? fromFile[z]
      : sigma === 0
        ? 1
        : exponential(sigma * counterStandardNormal(state.seed, z, 0, state.parameters.firms.normalSampler, NormalPurposes.zoneBase), state.constants.tableExponential);
  }
  return weights;
}

/**
 * Industrial-base placement (see placeInitialFirms). Two passes: decide every firm's location first,
 * widen each zone's planned and serviced land by the land its initial firms occupy, then enter them,
 * so that prices and land needs see the final layout.
 */
function placeByIndustrialBase(state: ModelState, draw: UniformGenerator, count: number): void {
  const zones = state.zones;
  let total = 0;
  const weights = industrialBaseWeights(state);
  for (let z = 0; z < zones.count; z++) total += weights[z];
  const cumulative = total > 0 ? cumulativeNormalised(weights) : null;
  const share = state.parameters.firms.initialShareInZones;
  const location = new Int32Array(count);
  const firmsDrawn = drawAllInitialFirms(state, draw, count);
  for (let n = 0; n < count; n++) {
    const u = counterUniform(state.seed, firmsDrawn.id[n], 0, CounterPurpose.initialZone);
    location[n] = cumulative !== null && u < share ? drawFromCumulative(cumulative, u / share) : zones.count;
  }
  enterInitialFirms(state, firmsDrawn, location);
}

/** Exact initial firms per zone (and industry) from the zone data file. */
function placeFirmsFromLayout(state: ModelState, draw: UniformGenerator, count: number, perZone: Float64Array): void {
  const zones = state.zones;
  const k = state.industries.count;
  const byIndustry = state.zoneLayout?.initialFirmsByIndustry ?? null;
  const firmsDrawn = drawAllInitialFirms(state, draw, count);
  const location = new Int32Array(count).fill(zones.count);
  let n = 0;
  for (let z = 0; z < zones.count; z++) {
    if (byIndustry) {
      for (let j = 0; j < k; j++) {
        for (let c = 0; c < byIndustry[z * k + j]; c++, n++) {
          firmsDrawn.industry[n] = j; // the drawn size and productivity are kept
          firmsDrawn.baseNeed[n] = projectBaseLandNeed(state, firmsDrawn.id[n], j, firmsDrawn.investment[n]);
          location[n] = z;
        }
      }
    } else {
      for (let c = 0; c < perZone[z]; c++, n++) location[n] = z;
    }
  }
  enterInitialFirms(state, firmsDrawn, location);
}

/** Total initial firms per zone from the zone data file, or null when it gives none. */
function initialFirmsFromLayout(state: ModelState): Float64Array | null {
  const layout = state.zoneLayout;
  if (!layout || (layout.initialFirms === null && layout.initialFirmsByIndustry === null)) return null;
  const zones = state.zones;
  const k = state.industries.count;
  const perZone = new Float64Array(zones.count);
  for (let z = 0; z < zones.count; z++) {
    if (layout.initialFirmsByIndustry) {
      for (let j = 0; j < k; j++) perZone[z] += layout.initialFirmsByIndustry[z * k + j];
    } else if (layout.initialFirms) {
      perZone[z] = layout.initialFirms[z];
    }
  }
  return perZone;
}

interface DrawnInitialFirms {
  id: Int32Array;
  industry: Int32Array;
  investment: Float64Array;
  productivity: Float64Array;
  baseNeed: Float64Array;
}

function drawAllInitialFirms(state: ModelState, draw: UniformGenerator, count: number): DrawnInitialFirms {
  const drawn: DrawnInitialFirms = {
    id: new Int32Array(count),
    industry: new Int32Array(count),
    investment: new Float64Array(count),
    productivity: new Float64Array(count),
    baseNeed: new Float64Array(count),
  };
  const entering = newEnteringFirm();
  for (let n = 0; n < count; n++) {
    drawn.baseNeed[n] = drawInitialFirm(state, draw, entering);
    drawn.id[n] = entering.id;
    drawn.industry[n] = entering.industry;
    drawn.investment[n] = entering.investment;
    drawn.productivity[n] = entering.productivity;
  }
  return drawn;
}

/**
 * Make room for each zone's initial firms, then enter them at their base land need (pre-2009 land was
 * bought at the base price). Drawn zones: the firms' land is the zone's pre-2009 developed area and
 * joins it (planned + that land, serviced + that land). A zone data file gives totals: serviced land is
 * raised to that land only where it would not hold the firms (and planned to serviced).
 */
function enterInitialFirms(state: ModelState, drawn: DrawnInitialFirms, location: Int32Array): void {
  const zones = state.zones;
  const developed = state.zoneScratch;
  developed.fill(0);
  for (let n = 0; n < location.length; n++) if (location[n] < zones.count) developed[location[n]] += drawn.baseNeed[n];
  const totalsGiven = state.zoneLayout !== null;
  for (let z = 0; z < zones.count; z++) {
    if (totalsGiven) {
      if (zones.servicedHa[z] < developed[z]) zones.servicedHa[z] = developed[z];
      if (zones.plannedHa[z] < zones.servicedHa[z]) zones.plannedHa[z] = zones.servicedHa[z];
    } else {
      zones.plannedHa[z] += developed[z];
      zones.servicedHa[z] += developed[z];
    }
  }
  const entering = newEnteringFirm();
  for (let n = 0; n < location.length; n++) {
    entering.id = drawn.id[n];
    entering.industry = drawn.industry[n];
    entering.investment = drawn.investment[n];
    entering.productivity = drawn.productivity[n];
    entering.land = drawn.baseNeed[n];
    enterFirm(state, entering, location[n], EntryMode.initialBatch);
  }
  updateLandPrices(state);
}
