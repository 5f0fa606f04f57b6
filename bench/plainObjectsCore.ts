/**
 * The plain-objects peer of zonesim's core: the same model with every policy group off, written the
 * way a JavaScript developer would write it without typed arrays — zones, firms, projects and
 * (zone, industry) cells as plain objects in arrays — and with zonesim's own caching algorithm:
 *
 * - choice weights exp(V_zj / s) cached per (zone, industry), factorised as exp(base_z / s) ×
 *   exp(industry terms_zj / s); a zone's industry terms are recomputed only when its firms changed,
 *   its base term at every refresh; refreshed for the zone a firm enters and for every zone once a
 *   step (after land, production and exits changed), never on exit;
 * - vacant-land size variables (a zone's weight × its vacant hectares; the scattered option's weight ×
 *   `choice.outside.vacantLandHa`);
 * - the same sampler as `choice.sampler: tree`: one sum tree per industry over the zones (here an
 *   industry-major array of plain JS number arrays; zonesim stores one node-major Float64Array), a
 *   proposal drawn by descending it, infeasible picks rejected and redrawn with counter-based uniforms
 *   keyed by (project, step, attempt), the exact scan after 16 rejections;
 * - g(n) = ln(n + offset) from a table filled on demand.
 *
 * The core's mechanisms, as zonesim runs them with land, positioning, planning, financing, credit,
 * guarantees, guidanceFund, services, promotion, crisis, innovation, circular, investment.mobile and
 * investment.expansion off: industries and zones drawn from their streams; the initial stock placed by
 * industrial base; land serviced at the plan's pace; idle land reclaimed; land prices from
 * utilisation; utilities with relatedness, same-industry agglomeration, land price, congestion and the
 * leading-industry bonus; Poisson arrivals; the logit location choice; demand growth; the annual
 * productivity review (Gibrat random walk); jobs, output and investment flows per zone and industry;
 * exits by hazard clock and productivity threshold. The peer draws the same random numbers in the
 * same order (the model's streams and counter-based generator, imported from src/model) and uses the
 * model's engine-independent exp/log/pow, so the two are the same stochastic process and, where the
 * arithmetic is written in the same order, the same numbers; test/bench/plainObjectsCore.test.ts
 * checks their outcomes agree.
 *
 * Used only by the benchmark (bench/runBenchmarks.ts) as a floor of the model's own algorithm: never
 * imported by src/. Units and meanings as in src/model (docs/ODD.md).
 */
import { MAX_CHOICE_ATTEMPTS } from '../src/model/choiceTrees.ts';
import { log } from '../src/model/deterministicMath.ts';
import { exponential, power, usesTableExponential } from '../src/model/tableExponential.ts';
import { cumulativeNormalised, drawFromCumulative } from '../src/model/industries.ts';
import { INITIAL_FIRM_ID_OFFSET } from '../src/model/initialiseModel.ts';
import type { ModelInput } from '../src/model/modelInput.ts';
import type { ModelState } from '../src/model/modelState.ts';
import type { Parameters } from '../src/model/parameterSpecification.ts';
import {
  CounterPurpose,
  counterStandardNormal,
  NormalPurposes,
  counterUniform,
  createStream,
  poisson,
  standardNormal,
  type UniformGenerator,
} from '../src/model/randomStreams.ts';
import { isRecordStep } from '../src/model/simulateModel.ts';

/** An industry: technology, demand growth and its province totals. */
export interface PeerIndustry {
  growth: number;
  landIntensity: number;
  labourIntensity: number;
  capitalIntensity: number;
  /** Proximity φ to every industry (its row of the matrix). */
  proximity: number[];
  /** Per-step demand growth factor, (1 + growth)^(1/T), and the share of capital it adds, 1 − 1/factor. */
  growthFactor: number;
  demandGrowthShare: number;
  /** Demand growth index G_j(t). */
  growthIndex: number;
  /** Province totals of this industry: firms, Σ capital index, Σ productivity × capital index. */
  firms: number;
  normalisedCapital: number;
  productiveCapital: number;
}

/** What one zone (or the scattered option) holds of one industry, and its cached choice terms. */
export interface PeerCell {
  firms: number;
  normalisedCapital: number;
  productiveCapital: number;
  employment: number;
  output: number;
  /** Σ_k φ_jk n_zk over the zone's firms (relatedness density numerator). */
  relatedSum: number;
  leading: boolean;
  /** Industry terms of the utility and exp(terms / s). */
  industryUtility: number;
  industryWeight: number;
  /** Cached choice weight exp(V_zj / s). */
  weight: number;
}

/** A zone, or the scattered option (`outside`). Land in ha, money in M¥. */
export interface PeerZone {
  index: number;
  outside: boolean;
  planned: number;
  serviced: number;
  used: number;
  idle: number;
  basePrice: number;
  price: number;
  firmCount: number;
  employment: number;
  output: number;
  investment: number;
  investmentFlow: number;
  infrastructureFlow: number;
  cells: PeerCell[];
  baseUtility: number;
  baseWeight: number;
  /** Its firms changed since the industry terms were computed. */
  dirty: boolean;
}

/** A living firm. */
export interface PeerFirm {
  id: number;
  industry: number;
  zone: PeerZone;
  capitalIndex: number;
  land: number;
  productivity: number;
  exitClock: number;
  birthStep: number;
}

/** A project looking for a location. */
export interface PeerProject {
  id: number;
  industry: number;
  investment: number;
  productivity: number;
  arrivalStep: number;
  readyStep: number;
}

/**
 * How the peer refreshes its cached weights (both on entry and once a step, never on exit):
 * - `factorised` — zonesim's algorithm since a19da39: exp(base / s) once per zone and refresh,
 *   exp(industry terms / s) only for zones whose firms changed (the model's exact arithmetic);
 * - `per-cell` — the caching of the review (and of zonesim's scan sampler): every industry
 *   term and exp((base + terms) / s) recomputed for every cell of a refreshed zone. The same
 *   logit; the last bits of the weights differ, so outcomes agree in distribution, not draw for draw.
 */
export type PeerWeights = 'factorised' | 'per-cell';

/** The whole state of one replication of the peer. */
export interface PeerWorld {
  readonly parameters: Parameters;
  /** How the cached weights are refreshed (see {@link PeerWeights}). */
  readonly weights: PeerWeights;
  readonly seed: number;
  /** numerics.exponential is 'table': e^x and x^y as the model computes them (src/model/tableExponential.ts). */
  readonly tableExponential: boolean;
  readonly industries: PeerIndustry[];
  readonly arrivalCumulative: Float64Array;
  readonly zones: PeerZone[];
  readonly outside: PeerZone;
  firms: PeerFirm[];
  pending: PeerProject[];
  /** trees[j][node]: node 1 the root, zone z's leaf at leaves + z. */
  readonly trees: number[][];
  readonly leaves: number;
  readonly agglomeration: number[];
  readonly arrivals: UniformGenerator;
  readonly choice: UniformGenerator;
  step: number;
  readonly totalSteps: number;
  readonly stepsPerYear: number;
  cumulativeExitHazard: number;
  /** Firms at indices below this passed the productivity test at the last exit check (as the model's exitFirms). */
  exitCheckedCount: number;
  readonly exitHazardPerStep: number;
  readonly depreciationPerStep: number;
  readonly servicingHaPerStep: number;
  readonly idleReclaimSharePerStep: number;
  nextProjectId: number;
  entriesTotal: number;
  exitsTotal: number;
  arrivalsTotal: number;
  publicSpendingServicing: number;
  provinceInvestmentFlow: number;
}

/** Outcomes of one replication, the same for the peer and zonesim (see {@link modelCoreOutcomes}). */
export interface CoreOutcomes {
  readonly entries: number;
  readonly exits: number;
  readonly firms: number;
  /** Firms in zones / all firms, at the end. */
  readonly zoneShare: number;
  /** Living firms per zone at the end, zone order. */
  readonly firmsPerZone: readonly number[];
}

/** Groups that must be off for the core (the peer implements none of them). */
const POLICY_GROUPS = [
  'land',
  'positioning',
  'planning',
  'financing',
  'credit',
  'guarantees',
  'guidanceFund',
  'services',
  'promotion',
  'crisis',
  'innovation',
  'circular',
] as const;

/**
 * A copy of `parameters` with every policy group, the national mobile pool and incumbents' expansion
 * switched off: zonesim's core, as the peer implements it.
 */
export function coreParameters(parameters: Parameters): Parameters {
  const p = structuredClone(parameters);
  for (const group of POLICY_GROUPS) p[group].enabled = false;
  p.investment.mobile.enabled = false;
  p.investment.expansion.enabled = false;
  return p;
}

/**
 * Throw when `input` asks for something the peer does not implement (a policy group on, another
 * sampler, functional form or placement, a zone data file), so a timing is never of a different model.
 */
export function assertPeerSupports(input: ModelInput): void {
  const p = input.parameters;
  const problems: string[] = [];
  for (const group of POLICY_GROUPS) if (p[group].enabled) problems.push(`${group}.enabled is true`);
  if (p.investment.mobile.enabled) problems.push('investment.mobile.enabled is true');
  if (p.investment.expansion.enabled) problems.push('investment.expansion.enabled is true');
  if (p.choice.sampler !== 'tree') problems.push(`choice.sampler is ${p.choice.sampler}`);
  if (p.choice.sizeVariable !== 'vacant-land') problems.push(`choice.sizeVariable is ${p.choice.sizeVariable}`);
  if (!p.choice.outside.enabled) problems.push('choice.outside.enabled is false');
  if (p.choice.agglomeration.form !== 'log' || p.choice.agglomeration.scope !== 'same-industry') problems.push('agglomeration is not log, same-industry');
  if (!p.choice.relatedness.enabled) problems.push('choice.relatedness.enabled is false');
  if (p.firms.initialPlacement !== 'industrial-base' || p.zones.count === 0) problems.push('initial placement is not industrial-base over zones');
  if (p.projects.arrivalProcess !== 'poisson' || p.projects.growthPerYear !== 0) problems.push('arrivals are not a constant Poisson flow');
  if (p.projects.industryMix !== 'growth-weighted') problems.push(`projects.industryMix is ${p.projects.industryMix}`);
  if (input.relatedness || input.zoneLayout) problems.push('a relatedness or zone data file is given');
  if (problems.length > 0) throw new Error(`plain-objects peer: unsupported settings: ${problems.join('; ')}`);
}

// ---------------------------------------------------------------------------------------------------
// Set-up

function newCell(): PeerCell {
  return { firms: 0, normalisedCapital: 0, productiveCapital: 0, employment: 0, output: 0, relatedSum: 0, leading: false, industryUtility: 0, industryWeight: 0, weight: 0 };
}

function newZone(index: number, outside: boolean, k: number): PeerZone {
  const cells: PeerCell[] = [];
  for (let j = 0; j < k; j++) cells.push(newCell());
  return {
    index,
    outside,
    planned: 0,
    serviced: 0,
    used: 0,
    idle: 0,
    basePrice: 0,
    price: 0,
    firmCount: 0,
    employment: 0,
    output: 0,
    investment: 0,
    investmentFlow: 0,
    infrastructureFlow: 0,
    cells,
    baseUtility: 0,
    baseWeight: 0,
    dirty: true,
  };
}

/** Industries from the `industries` stream, in the model's draw order (src/model/industries.ts). */
function drawIndustries(p: Parameters, draw: UniformGenerator, stepsPerYear: number): PeerIndustry[] {
  const q = p.industries;
  const k = q.count;
  const industries: PeerIndustry[] = [];
  const sigma = q.intensityDispersion;
  const table = usesTableExponential(p);
  for (let i = 0; i < k; i++) {
    const g = q.growthMean + q.growthSd * standardNormal(draw);
    const growth = g < -0.9 ? -0.9 : g;
    const landIntensity = q.landIntensityMean * exponential(sigma * standardNormal(draw), table);
    const labourIntensity = q.labourIntensityMean * exponential(sigma * standardNormal(draw), table);
    const capitalIntensity = q.capitalIntensityMean * exponential(sigma * standardNormal(draw), table);
    standardNormal(draw); // pollution intensity: drawn to keep the stream aligned, unused in the core
    draw(); // credit dependence: likewise
    const growthFactor = power(1 + growth, 1 / stepsPerYear, table);
    industries.push({
      growth,
      landIntensity,
      labourIntensity,
      capitalIntensity,
      proximity: new Array<number>(k).fill(0),
      growthFactor,
      demandGrowthShare: 1 - 1 / growthFactor,
      growthIndex: 1,
      firms: 0,
      normalisedCapital: 0,
      productiveCapital: 0,
    });
  }
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const base = i % q.supplyChains === j % q.supplyChains ? q.relatednessWithinChain : q.relatednessBetweenChains;
      let value = base + q.relatednessNoise * (2 * draw() - 1);
      value = value < 0 ? 0 : value > 1 ? 1 : value;
      industries[i].proximity[j] = value;
      industries[j].proximity[i] = value;
    }
    industries[i].proximity[i] = 1;
  }
  return industries;
}

/** Zones from the `zones` stream (location, planned area, leading industries), then the scattered option. */
function drawZones(p: Parameters, k: number, draw: UniformGenerator): { zones: PeerZone[]; outside: PeerZone } {
  const q = p.zones;
  const zones: PeerZone[] = [];
  const order: number[] = new Array<number>(k).fill(0);
  for (let z = 0; z < q.count; z++) {
    const zone = newZone(z, false, k);
    draw(); // x
    draw(); // y
    zone.planned = q.plannedAreaHa * exponential(q.plannedAreaDispersion * standardNormal(draw), usesTableExponential(p));
    zone.serviced = zone.planned * q.initialServicedShare;
    zone.basePrice = q.landPrice;
    zone.price = q.landPrice;
    for (let i = 0; i < k; i++) order[i] = i;
    for (let i = 0; i < q.leadingIndustriesPerZone; i++) {
      const pick = i + Math.floor(draw() * (k - i));
      const chosen = order[pick];
      order[pick] = order[i];
      order[i] = chosen;
      zone.cells[chosen].leading = true;
    }
    zones.push(zone);
  }
  const outside = newZone(q.count, true, k);
  outside.basePrice = p.choice.outside.landPrice;
  outside.price = p.choice.outside.landPrice;
  return { zones, outside };
}

/** A project's attributes from `draw`: industry, size (truncated Pareto), productivity (log-normal). */
function drawProject(world: PeerWorld, draw: UniformGenerator, id: number): PeerProject {
  const p = world.parameters.projects;
  const industry = drawFromCumulative(world.arrivalCumulative, draw());
  const table = world.tableExponential;
  const tail = 1 - power(p.sizeMinimum / p.sizeMaximum, p.sizeParetoAlpha, table);
  const investment = p.sizeMinimum * power(1 - draw() * tail, -1 / p.sizeParetoAlpha, table);
  const productivity = exponential(world.parameters.firms.productivityDispersion * standardNormal(draw), table);
  return { id, industry, investment, productivity, arrivalStep: world.step, readyStep: world.step };
}

/**
 * The peer's state at step 0 for (input, seed): the same industries, zones and initial stock as
 * zonesim's initialiseModel with the core's settings.
 *
 * @throws Error when the input uses something the peer does not implement ({@link assertPeerSupports}).
 */
export function initialisePeer(input: ModelInput, seed: number, weights: PeerWeights = 'factorised'): PeerWorld {
  assertPeerSupports(input);
  const p = input.parameters;
  const spy = p.time.stepsPerYear;
  const industries = drawIndustries(p, createStream(seed, 'industries'), spy);
  const k = industries.length;
  const { zones, outside } = drawZones(p, k, createStream(seed, 'zones'));
  const arrivalWeights = industries.map((industry) => exponential(10 * industry.growth, usesTableExponential(p)));
  let leaves = 1;
  while (leaves < Math.max(1, zones.length)) leaves *= 2;
  const trees: number[][] = [];
  for (let j = 0; j < k; j++) trees.push(new Array<number>(2 * leaves).fill(0));
  const world: PeerWorld = {
    parameters: p,
    weights,
    seed,
    tableExponential: usesTableExponential(p),
    industries,
    arrivalCumulative: cumulativeNormalised(arrivalWeights),
    zones,
    outside,
    firms: [],
    pending: [],
    trees,
    leaves,
    agglomeration: [],
    arrivals: createStream(seed, 'arrivals'),
    choice: createStream(seed, 'choice'),
    step: 0,
    totalSteps: p.time.years * spy,
    stepsPerYear: spy,
    cumulativeExitHazard: 0,
    exitCheckedCount: 0,
    exitHazardPerStep: -log(1 - p.firms.exitHazard) / spy,
    depreciationPerStep: p.investment.depreciationRate / spy,
    servicingHaPerStep: p.zones.servicingPaceHaPerYear / spy,
    idleReclaimSharePerStep: 1 - power(1 - p.land.idleReclaimPerYear, 1 / spy, usesTableExponential(p)),
    nextProjectId: 0,
    entriesTotal: 0,
    exitsTotal: 0,
    arrivalsTotal: 0,
    publicSpendingServicing: 0,
    provinceInvestmentFlow: 0,
  };
  updateLandPrices(world);
  placeInitialStock(world);
  for (const zone of zones) zone.investmentFlow = 0;
  outside.investmentFlow = 0;
  world.provinceInvestmentFlow = 0;
  refreshAllZones(world);
  return world;
}

/**
 * The initial stock by industrial base: firms drawn from the `initialFirms` stream; a share in zones,
 * spread in proportion to e^(σ ε_z); each zone's planned and serviced land widened by its firms' land.
 */
function placeInitialStock(world: PeerWorld): void {
  const p = world.parameters;
  const count = p.firms.initialCount;
  if (count === 0) return;
  const zones = world.zones;
  const draw = createStream(world.seed, 'initialFirms');
  const baseWeights = zones.map((zone) =>
    p.firms.initialBaseDispersion === 0
      ? 1
      : exponential(p.firms.initialBaseDispersion * counterStandardNormal(world.seed, zone.index, 0, p.firms.normalSampler, NormalPurposes.zoneBase), world.tableExponential),
  );
  const cumulative = cumulativeNormalised(baseWeights);
  const share = p.firms.initialShareInZones;
  const drawn: PeerProject[] = [];
  const location: PeerZone[] = [];
  for (let n = 0; n < count; n++) {
    const project = drawProject(world, draw, INITIAL_FIRM_ID_OFFSET + n);
    drawn.push(project);
    const u = counterUniform(world.seed, project.id, 0, CounterPurpose.initialZone);
    location.push(u < share ? zones[drawFromCumulative(cumulative, u / share)] : world.outside);
  }
  const developed = new Array<number>(zones.length).fill(0);
  for (let n = 0; n < count; n++) {
    const zone = location[n];
    if (!zone.outside) developed[zone.index] += drawn[n].investment * world.industries[drawn[n].industry].landIntensity;
  }
  for (const zone of zones) {
    zone.planned += developed[zone.index];
    zone.serviced += developed[zone.index];
  }
  for (let n = 0; n < count; n++) {
    const project = drawn[n];
    enterFirm(world, project, location[n], project.investment * world.industries[project.industry].landIntensity, false);
  }
  updateLandPrices(world);
  world.entriesTotal = 0; // the initial stock is not entries
}

// ---------------------------------------------------------------------------------------------------
// Utilities, cached weights and the sum trees

function agglomerationOf(world: PeerWorld, n: number): number {
  const table = world.agglomeration;
  while (table.length <= n) table.push(log(table.length + world.parameters.choice.agglomeration.offset));
  return table[n];
}

function vacantLand(zone: PeerZone): number {
  const free = zone.serviced - zone.used - zone.idle;
  return free > 0 ? free : 0;
}

/** Recompute a zone's (or the scattered option's) cached utilities and weights, and its tree leaves. */
function refreshZone(world: PeerWorld, zone: PeerZone): void {
  const c = world.parameters.choice;
  const beta = c.landPrice.coefficient;
  const reference = world.parameters.zones.landPrice;
  const cells = zone.cells;
  const k = cells.length;
  if (zone.outside) {
    let outside = c.outside.utility;
    if (beta !== 0) outside -= beta * log(zone.price / reference);
    zone.baseUtility = outside;
    const weight = exponential(outside / c.scale, world.tableExponential);
    for (let j = 0; j < k; j++) cells[j].weight = weight;
    return;
  }
  let base = 0;
  if (beta !== 0) base -= beta * log(zone.price / reference);
  if (c.congestion.coefficient !== 0) {
    const capacity = world.parameters.zones.infrastructureJobsPerHa * zone.serviced;
    const load = capacity > 0 ? zone.employment / capacity : 0;
    base -= c.congestion.coefficient * load * load;
  }
  zone.baseUtility = base;
  const perCell = world.weights === 'per-cell';
  if (zone.dirty || perCell) {
    const industries = world.industries;
    const bonus = c.leadingIndustryBonus;
    const inverseScale = 1 / c.scale; // as the model: exp(v · (1/s)), the same bits at s = 1
    for (let j = 0; j < k; j++) {
      const cell = cells[j];
      let v = 0;
      if (c.relatedness.coefficient !== 0) {
        const others = zone.firmCount - cell.firms;
        let density = 0;
        if (others > 0.5) {
          density = (cell.relatedSum - cell.firms * industries[j].proximity[j]) / others;
          density = density < 0 ? 0 : density > 1 ? 1 : density;
        }
        v += c.relatedness.coefficient * density;
      }
      if (c.agglomeration.coefficient !== 0) v += c.agglomeration.coefficient * agglomerationOf(world, cell.firms);
      if (bonus !== 0 && cell.leading) v += bonus;
      cell.industryUtility = v;
      if (!perCell) cell.industryWeight = exponential(v * inverseScale, world.tableExponential);
    }
    zone.dirty = false;
  }
  const size = vacantLand(zone);
  const leaf = world.leaves + zone.index;
  if (perCell) {
    for (let j = 0; j < k; j++) {
      const cell = cells[j];
      cell.weight = exponential((base + cell.industryUtility) / c.scale, world.tableExponential);
      world.trees[j][leaf] = cell.weight * size;
    }
    return;
  }
  const baseWeight = exponential(base / c.scale, world.tableExponential);
  zone.baseWeight = baseWeight;
  for (let j = 0; j < k; j++) {
    const cell = cells[j];
    const weight = baseWeight * cell.industryWeight;
    cell.weight = weight;
    world.trees[j][leaf] = weight * size;
  }
}

/** Recompute the sums above a zone's leaf in every industry's tree. */
function updateTreePaths(world: PeerWorld, zone: PeerZone): void {
  for (const tree of world.trees) {
    let node = (world.leaves + zone.index) >> 1;
    while (node >= 1) {
      tree[node] = tree[2 * node] + tree[2 * node + 1];
      node >>= 1;
    }
  }
}

/** Refresh every zone and the scattered option, then rebuild every tree. */
function refreshAllZones(world: PeerWorld): void {
  for (const zone of world.zones) refreshZone(world, zone);
  refreshZone(world, world.outside);
  for (const tree of world.trees) {
    for (let node = world.leaves - 1; node >= 1; node--) tree[node] = tree[2 * node] + tree[2 * node + 1];
  }
}

// ---------------------------------------------------------------------------------------------------
// Entry and exit

function updateLandPrice(world: PeerWorld, zone: PeerZone): void {
  const elasticity = world.parameters.zones.landPriceScarcityElasticity;
  const utilisation = zone.serviced > 0 ? zone.used / zone.serviced : 0;
  zone.price = elasticity === 0 ? zone.basePrice : zone.basePrice * exponential(elasticity * utilisation, world.tableExponential);
}

function updateLandPrices(world: PeerWorld): void {
  for (const zone of world.zones) updateLandPrice(world, zone);
}

/**
 * A project becomes a firm in `zone` on `land` hectares; every aggregate follows. `refresh`: a
 * project's entry (the zone's price and cached utilities are refreshed); false for the initial stock.
 */
function enterFirm(world: PeerWorld, project: PeerProject, zone: PeerZone, land: number, refresh: boolean): void {
  const j = project.industry;
  const industry = world.industries[j];
  const capitalIndex = project.investment / industry.growthIndex;
  const employment = project.investment * industry.labourIntensity;
  const output = (project.productivity * project.investment) / industry.capitalIntensity;
  world.firms.push({
    id: project.id,
    industry: j,
    zone,
    capitalIndex,
    land,
    productivity: project.productivity,
    exitClock: world.cumulativeExitHazard - log(counterUniform(world.seed, project.id, 0, CounterPurpose.exit)),
    birthStep: world.step,
  });
  const cell = zone.cells[j];
  zone.firmCount += 1;
  zone.employment += employment;
  zone.output += output;
  zone.investment += project.investment;
  zone.used += land;
  cell.firms += 1;
  cell.normalisedCapital += capitalIndex;
  cell.productiveCapital += project.productivity * capitalIndex;
  cell.employment += employment;
  cell.output += output;
  zone.investmentFlow += project.investment;
  industry.firms += 1;
  industry.normalisedCapital += capitalIndex;
  industry.productiveCapital += project.productivity * capitalIndex;
  world.provinceInvestmentFlow += project.investment;
  world.entriesTotal++;
  if (!zone.outside) {
    const cells = zone.cells;
    const row = industry.proximity;
    for (let i = 0; i < cells.length; i++) cells[i].relatedSum += row[i];
    if (refresh) updateLandPrice(world, zone);
  }
  zone.dirty = true;
  if (refresh) {
    refreshZone(world, zone);
    if (!zone.outside) updateTreePaths(world, zone);
  }
}

/** The firm at `index` exits: its land becomes idle; the last firm moves into its slot. */
function exitFirm(world: PeerWorld, index: number): void {
  const firms = world.firms;
  const firm = firms[index];
  const zone = firm.zone;
  const industry = world.industries[firm.industry];
  const cell = zone.cells[firm.industry];
  const investment = firm.capitalIndex * industry.growthIndex;
  const employment = investment * industry.labourIntensity;
  const output = (firm.productivity * investment) / industry.capitalIntensity;
  zone.firmCount -= 1;
  zone.employment -= employment;
  zone.output -= output;
  zone.investment -= investment;
  zone.used -= firm.land;
  cell.firms -= 1;
  cell.normalisedCapital -= firm.capitalIndex;
  cell.productiveCapital -= firm.productivity * firm.capitalIndex;
  cell.employment -= employment;
  cell.output -= output;
  industry.firms -= 1;
  industry.normalisedCapital -= firm.capitalIndex;
  industry.productiveCapital -= firm.productivity * firm.capitalIndex;
  if (industry.firms === 0) {
    industry.normalisedCapital = 0;
    industry.productiveCapital = 0;
  }
  if (cell.firms === 0) {
    cell.normalisedCapital = 0;
    cell.productiveCapital = 0;
    cell.employment = 0;
    cell.output = 0;
  }
  if (zone.firmCount === 0) {
    zone.employment = 0;
    zone.output = 0;
    zone.investment = 0;
    zone.used = 0;
  }
  if (!zone.outside) {
    zone.idle += firm.land;
    const cells = zone.cells;
    const row = industry.proximity;
    for (let i = 0; i < cells.length; i++) cells[i].relatedSum += -row[i];
    if (zone.firmCount === 0) for (const c of cells) c.relatedSum = 0;
  }
  const last = firms.pop() as PeerFirm;
  if (index < firms.length) firms[index] = last;
  world.exitsTotal++;
  zone.dirty = true;
}

// ---------------------------------------------------------------------------------------------------
// The location choice

/** Zone z (index into world.zones), or −1 for the scattered option, drawn by the tree sampler. */
function chooseLocation(world: PeerWorld, project: PeerProject, need: number, u: number): number {
  const j = project.industry;
  const tree = world.trees[j];
  const zones = world.zones;
  const zoneWeight = tree[1];
  const outsideWeight = world.outside.cells[0].weight * world.parameters.choice.outside.vacantLandHa;
  const total = zoneWeight + outsideWeight;
  if (total > 0 && total < Infinity) {
    for (let attempt = 0; attempt < MAX_CHOICE_ATTEMPTS; attempt++) {
      const target = (attempt === 0 ? u : counterUniform(world.seed, project.id, drawKey(world.step, attempt), CounterPurpose.choiceRedraw)) * total;
      if (target >= zoneWeight) return -1;
      let node = 1;
      let rest = target;
      while (node < world.leaves) {
        const left = tree[2 * node];
        if (rest < left) {
          node = 2 * node;
        } else {
          rest -= left;
          node = 2 * node + 1;
        }
      }
      if (!(tree[node] > 0)) continue;
      const zone = zones[node - world.leaves];
      if (zone === undefined || zone.serviced - zone.used - zone.idle < need) continue;
      return zone.index;
    }
  }
  return scanLocation(world, project, need, counterUniform(world.seed, project.id, drawKey(world.step, MAX_CHOICE_ATTEMPTS), CounterPurpose.choiceRedraw));
}

/** The exact scan over every alternative (the tree sampler's fallback). */
function scanLocation(world: PeerWorld, project: PeerProject, need: number, u: number): number {
  const j = project.industry;
  const zones = world.zones;
  const weights: number[] = [];
  let sum = 0;
  for (const zone of zones) {
    const free = zone.serviced - zone.used - zone.idle;
    const w = free >= need ? zone.cells[j].weight * (free > 0 ? free : 0) : 0;
    weights.push(w);
    sum += w;
  }
  const outside = world.outside.cells[j].weight * world.parameters.choice.outside.vacantLandHa;
  weights.push(outside);
  sum += outside;
  const target = u * sum;
  let running = 0;
  let last = -1;
  for (let a = 0; a < weights.length; a++) {
    if (weights[a] <= 0) continue;
    running += weights[a];
    last = a;
    if (running > target) return a === zones.length ? -1 : a;
  }
  return last === zones.length ? -1 : last;
}

function drawKey(step: number, attempt: number): number {
  return step * (MAX_CHOICE_ATTEMPTS + 1) + attempt;
}

// ---------------------------------------------------------------------------------------------------
// One step

function serviceLand(world: PeerWorld): void {
  const pace = world.servicingHaPerStep;
  if (pace <= 0) return;
  const cost = world.parameters.financing.servicingCostPerHa;
  for (const zone of world.zones) {
    const room = zone.planned - zone.serviced;
    const delta = room <= 0 ? 0 : pace < room ? pace : room;
    if (delta <= 0) continue;
    world.publicSpendingServicing += delta * cost;
    zone.infrastructureFlow += delta * cost;
    if (delta >= room) zone.serviced = zone.planned;
    else zone.serviced += delta;
  }
}

function reclaimIdleLand(world: PeerWorld): void {
  const share = world.idleReclaimSharePerStep;
  if (share <= 0) return;
  for (const zone of world.zones) if (zone.idle > 0) zone.idle = zone.idle - zone.idle * share;
}

function arriveProjects(world: PeerWorld): void {
  const p = world.parameters.projects;
  const mean = (p.perYear / world.stepsPerYear) * power(1 + p.growthPerYear, world.step / world.stepsPerYear, world.tableExponential);
  const count = poisson(world.arrivals, mean);
  for (let n = 0; n < count; n++) {
    world.pending.push(drawProject(world, world.arrivals, world.nextProjectId++));
    world.arrivalsTotal++;
  }
}

function placePendingProjects(world: PeerWorld): void {
  const patience = world.parameters.projects.patienceSteps;
  const waiting: PeerProject[] = [];
  for (const project of world.pending) {
    const ready = project.readyStep <= world.step;
    if (ready) {
      const u = world.choice();
      const need = project.investment * world.industries[project.industry].landIntensity;
      const z = chooseLocation(world, project, need, u);
      enterFirm(world, project, z < 0 ? world.outside : world.zones[z], need, true);
      continue;
    }
    if (ready && world.step - project.readyStep >= patience) continue;
    waiting.push(project);
  }
  world.pending = waiting;
}

function growDemand(world: PeerWorld): void {
  for (const industry of world.industries) industry.growthIndex *= industry.growthFactor;
}

function reviewProductivity(world: PeerWorld): void {
  if (!(world.step > 0 && world.step % world.stepsPerYear === 0)) return;
  const drift = world.parameters.firms.productivityDrift;
  const volatility = world.parameters.firms.productivityVolatility;
  const year = world.step / world.stepsPerYear;
  const all = [...world.zones, world.outside];
  for (const zone of all) {
    zone.used = 0;
    for (const cell of zone.cells) {
      cell.normalisedCapital = 0;
      cell.productiveCapital = 0;
    }
  }
  for (const industry of world.industries) {
    industry.normalisedCapital = 0;
    industry.productiveCapital = 0;
  }
  for (const firm of world.firms) {
    let a = firm.productivity;
    if (volatility !== 0 || drift !== 0) {
      const shock = volatility === 0 ? 0 : volatility * counterStandardNormal(world.seed, firm.id, year, world.parameters.firms.normalSampler);
      a *= exponential(drift + shock, world.tableExponential);
      firm.productivity = a;
    }
    const capital = firm.capitalIndex;
    const cell = firm.zone.cells[firm.industry];
    cell.normalisedCapital += capital;
    cell.productiveCapital += a * capital;
    const industry = world.industries[firm.industry];
    industry.normalisedCapital += capital;
    industry.productiveCapital += a * capital;
    firm.zone.used += firm.land;
  }
}

function deriveZoneAggregates(world: PeerWorld): void {
  const industries = world.industries;
  const depreciation = world.depreciationPerStep;
  const derive = (zone: PeerZone): void => {
    let employment = 0;
    let output = 0;
    let investment = 0;
    let flow = 0;
    for (let j = 0; j < industries.length; j++) {
      const industry = industries[j];
      const cell = zone.cells[j];
      const inv = cell.normalisedCapital * industry.growthIndex;
      const jobs = inv * industry.labourIntensity;
      const out = (cell.productiveCapital * industry.growthIndex) / industry.capitalIntensity;
      cell.employment = jobs;
      cell.output = out;
      employment += jobs;
      output += out;
      investment += inv;
      flow += inv * (industry.demandGrowthShare + depreciation);
    }
    zone.employment = employment;
    zone.output = output;
    zone.investment = investment;
    zone.investmentFlow += flow;
  };
  for (const zone of world.zones) derive(zone);
  derive(world.outside);
  let provinceFlow = 0;
  for (const industry of industries) provinceFlow += industry.normalisedCapital * industry.growthIndex * (industry.demandGrowthShare + depreciation);
  world.provinceInvestmentFlow += provinceFlow;
}

function exitFirms(world: PeerWorld): void {
  world.cumulativeExitHazard += world.exitHazardPerStep;
  const hazard = world.cumulativeExitHazard;
  const threshold = world.parameters.firms.exitProductivityThreshold;
  // The model's check (src/model/firmDynamics.ts): firms that passed the productivity test at the last
  // check are tested on their clocks alone until the next annual review (the core has no crisis, so
  // the threshold never moves).
  const reviewStep = world.step > 0 && world.step % world.stepsPerYear === 0;
  const passed = reviewStep ? 0 : Math.min(world.exitCheckedCount, world.firms.length);
  for (let i = world.firms.length - 1; i >= passed; i--) {
    const firm = world.firms[i];
    if (firm.exitClock <= hazard || firm.productivity < threshold) exitFirm(world, i);
  }
  for (let i = passed - 1; i >= 0; i--) {
    if (world.firms[i].exitClock <= hazard) exitFirm(world, i);
  }
  world.exitCheckedCount = world.firms.length;
}

/** Advance the peer by one step, in zonesim's schedule order (src/model/stepModel.ts). */
export function stepPeer(world: PeerWorld): void {
  serviceLand(world);
  reclaimIdleLand(world);
  updateLandPrices(world);
  refreshAllZones(world);
  arriveProjects(world);
  placePendingProjects(world);
  growDemand(world);
  reviewProductivity(world);
  deriveZoneAggregates(world);
  exitFirms(world);
  world.step++;
}

/**
 * One replication of the peer with the given weight refresh: initialise, then step to the end (flows
 * restart at every recording step, as in simulateModel).
 *
 * @returns the final world.
 */
export function simulatePeer(input: ModelInput, seed: number, weights: PeerWeights = 'factorised'): PeerWorld {
  const world = initialisePeer(input, seed, weights);
  const every = input.parameters.output.recordEvery;
  while (world.step < world.totalSteps) {
    stepPeer(world);
    if (isRecordStep(world.step, every, world.totalSteps)) {
      for (const zone of world.zones) zone.investmentFlow = 0;
      world.outside.investmentFlow = 0;
      world.provinceInvestmentFlow = 0;
    }
  }
  return world;
}

/** zonesim's outcomes in the peer's terms (see {@link CoreOutcomes}). */
export function modelCoreOutcomes(state: ModelState): CoreOutcomes {
  const firmsPerZone = Array.from(state.zones.firms.subarray(0, state.zones.count));
  const inZones = firmsPerZone.reduce((a, b) => a + b, 0);
  return {
    entries: state.counters.entriesTotal,
    exits: state.counters.exitsTotal,
    firms: state.firms.count,
    zoneShare: state.firms.count > 0 ? inZones / state.firms.count : 0,
    firmsPerZone,
  };
}

/** The peer's outcomes (see {@link CoreOutcomes}). */
export function peerOutcomes(world: PeerWorld): CoreOutcomes {
  const firmsPerZone = world.zones.map((zone) => zone.firmCount);
  const inZones = firmsPerZone.reduce((a, b) => a + b, 0);
  return {
    entries: world.entriesTotal,
    exits: world.exitsTotal,
    firms: world.firms.length,
    zoneShare: world.firms.length > 0 ? inZones / world.firms.length : 0,
    firmsPerZone,
  };
}
