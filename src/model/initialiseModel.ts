import { enterFirm } from './firmRegistry.ts';
import { buildIndustries } from './industries.ts';
import type { ModelInput } from './modelInput.ts';
import { createFirmTable, createPendingProjects, type ModelState, type StepConstants } from './modelState.ts';
import type { Parameters } from './parameterSpecification.ts';
import { queueNewProject } from './projectArrival.ts';
import { createStream } from './randomStreams.ts';
import { refreshAllZoneUtilities } from './zoneAttractiveness.ts';
import { buildZones } from './zones.ts';

/** Ids of initial firms start here, so they never collide with project ids (which start at 0). */
export const INITIAL_FIRM_ID_OFFSET = 1_000_000_000;

/**
 * Build the state of one replication at step 0 from (input, seed): industries, zones, the initial
 * stock of scattered firms (placed outside every zone, as pre-2009 industry), and the per-step
 * constants. Pure: the same (input, seed) always gives the same state.
 *
 * @param seed the replication seed (see `replicationSeed`), an unsigned 32-bit integer.
 */
export function initialiseModel(input: ModelInput, seed: number): ModelState {
  const parameters = input.parameters;
  const industries = buildIndustries(input, createStream(seed, 'industries'));
  const zones = buildZones(parameters, industries, createStream(seed, 'zones'));
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
    constants: deriveStepConstants(parameters, industries.growth),
    streams: { arrivals: createStream(seed, 'arrivals'), choice: createStream(seed, 'choice') },
    industryGrowthIndex: new Float64Array(industries.count).fill(1),
    cumulativeExitHazard: 0,
    step: 0,
    nextProjectId: 0,
    arrivalCarry: 0,
    choiceWeights: new Float64Array(zones.count + 1),
  };
  placeInitialFirms(state);
  refreshAllZoneUtilities(state);
  return state;
}

/** Rates per year converted to per step, computed once. */
export function deriveStepConstants(parameters: Parameters, growth: Float64Array): StepConstants {
  const spy = parameters.time.stepsPerYear;
  const industryGrowthFactor = new Float64Array(growth.length);
  for (let j = 0; j < growth.length; j++) industryGrowthFactor[j] = Math.pow(1 + growth[j], 1 / spy);
  return {
    stepsPerYear: spy,
    totalSteps: parameters.time.years * spy,
    industryGrowthFactor,
    exitHazardPerStep: -Math.log(1 - parameters.firms.exitHazard) / spy,
    servicingHaPerStep: parameters.zones.servicingPaceHaPerYear / spy,
    idleReclaimSharePerStep: 1 - Math.pow(1 - parameters.land.idleReclaimPerYear, 1 / spy),
    referenceLandPrice: parameters.zones.landPrice,
  };
}

/**
 * The initial stock: `firms.initialCount` firms drawn like arriving projects (from their own
 * `initialFirms` stream) and placed outside every zone. They are the stock at step 0, not entries.
 */
function placeInitialFirms(state: ModelState): void {
  const count = state.parameters.firms.initialCount;
  if (count === 0) return;
  const draw = createStream(state.seed, 'initialFirms');
  const outside = state.zones.count;
  const savedNextId = state.nextProjectId;
  state.nextProjectId = INITIAL_FIRM_ID_OFFSET;
  const pending = state.pending;
  const entering = { id: 0, industry: 0, investment: 0, productivity: 0 };
  for (let n = 0; n < count; n++) {
    queueNewProject(state, draw);
    const i = pending.count - 1;
    entering.id = pending.id[i];
    entering.industry = pending.industry[i];
    entering.investment = pending.investment[i];
    entering.productivity = pending.productivity[i];
    pending.count = 0;
    enterFirm(state, entering, outside);
  }
  state.nextProjectId = savedNextId;
  const c = state.counters;
  c.initialFirms = count;
  c.entriesInPeriod = 0;
  c.entriesTotal = 0;
  c.arrivalsTotal = 0;
}
