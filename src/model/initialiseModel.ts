import { exp, log, pow } from './deterministicMath.ts';
import { enterFirm } from './firmRegistry.ts';
import { buildIndustries } from './industries.ts';
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
import { CounterPurpose, counterUniform, createStream } from './randomStreams.ts';
import { projectBaseLandNeed, updateLandPrices } from './r11LandMarket.ts';
import { refreshAllZoneUtilities } from './zoneAttractiveness.ts';
import { buildZones } from './zones.ts';

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
  const zones = buildZones(parameters, industries, createStream(seed, 'zones'));
  const constants = deriveStepConstants(parameters, industries.growth);
  const expectedFirms = parameters.firms.initialCount + parameters.projects.perYear * Math.min(parameters.time.years, 5);
  const state: ModelState = {
    parameters,
    seed,
    industries,
    zones,
    firms: createFirmTable(Math.min(1 << 20, Math.ceil(expectedFirms))),
    pending: createPendingProjects(64),
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
    },
    accounts: createAccounts(parameters, constants),
    constants,
    streams: { arrivals: createStream(seed, 'arrivals'), choice: createStream(seed, 'choice') },
    industryGrowthIndex: new Float64Array(industries.count).fill(1),
    cumulativeExitHazard: 0,
    step: 0,
    nextProjectId: 0,
    arrivalCarry: 0,
    choiceWeights: new Float64Array(zones.count + 1),
    landNeedScratch: new Float64Array(zones.count + 1),
    zoneScratch: new Float64Array(zones.count + 1),
    industryScratch: new Float64Array(industries.count),
    spilloverScratch: new Float64Array((zones.count + 1) * industries.count),
  };
  updateLandPrices(state);
  placeInitialFirms(state);
  let zoneJobs = 0;
  for (let z = 0; z < zones.count; z++) zoneJobs += zones.employment[z];
  state.accounts.initialZoneEmployment = zoneJobs;
  zones.platformRevenueStep.fill(0); // pre-2009 land sales are not platform revenue
  refreshAllZoneUtilities(state);
  return state;
}

function createAccounts(parameters: Parameters, constants: StepConstants): ProvinceAccounts {
  const g = parameters.guarantees;
  const capital = g.enabled ? g.initialCapital : 0;
  return {
    guaranteeNetAssets: capital,
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
  const industryGrowthFactor = new Float64Array(growth.length);
  for (let j = 0; j < growth.length; j++) industryGrowthFactor[j] = pow(1 + growth[j], 1 / spy);
  return {
    stepsPerYear: spy,
    totalSteps: parameters.time.years * spy,
    industryGrowthFactor,
    exitHazardPerStep: -log(1 - parameters.firms.exitHazard) / spy,
    servicingHaPerStep: parameters.zones.servicingPaceHaPerYear / spy,
    idleReclaimSharePerStep: 1 - pow(1 - parameters.land.idleReclaimPerYear, 1 / spy),
    referenceLandPrice: parameters.zones.landPrice,
    guaranteeTermSteps: Math.max(1, Math.round(parameters.guarantees.termYears * spy)),
    standardFactoryWeight: exp(parameters.financing.standardFactoryBonus / parameters.choice.scale),
  };
}

/**
 * The initial stock: `firms.initialCount` firms drawn like arriving projects (from their own
 * `initialFirms` stream). A share `firms.initialShareInZones` is placed in a zone chosen uniformly
 * (a counter-based draw keyed by the firm id) when it has room; the others, and any that find no
 * room, are outside every zone. They are the stock at step 0, not entries.
 */
function placeInitialFirms(state: ModelState): void {
  const count = state.parameters.firms.initialCount;
  if (count === 0) return;
  const draw = createStream(state.seed, 'initialFirms');
  const zones = state.zones;
  const outside = zones.count;
  const shareInZones = zones.count > 0 ? state.parameters.firms.initialShareInZones : 0;
  const savedNextId = state.nextProjectId;
  state.nextProjectId = INITIAL_FIRM_ID_OFFSET;
  const pending = state.pending;
  const entering = { id: 0, industry: 0, investment: 0, productivity: 0, land: 0, inFactory: false };
  for (let n = 0; n < count; n++) {
    queueNewProject(state, draw);
    const i = pending.count - 1;
    entering.id = pending.id[i];
    entering.industry = pending.industry[i];
    entering.investment = pending.investment[i];
    entering.productivity = pending.productivity[i];
    pending.count = 0;
    const baseNeed = projectBaseLandNeed(state, entering.id, entering.industry, entering.investment);
    let z = outside;
    if (shareInZones > 0) {
      const u = counterUniform(state.seed, entering.id, 0, CounterPurpose.initialZone);
      if (u < shareInZones) {
        const candidate = Math.min(zones.count - 1, Math.floor((u / shareInZones) * zones.count));
        if (freeServicedLand(zones, candidate) >= baseNeed * zones.landNeedFactor[candidate]) z = candidate;
      }
    }
    entering.land = baseNeed * zones.landNeedFactor[z];
    enterFirm(state, entering, z);
  }
  state.nextProjectId = savedNextId;
  const c = state.counters;
  c.initialFirms = count;
  c.entriesInPeriod = 0;
  c.entriesTotal = 0;
  c.arrivalsTotal = 0;
}
