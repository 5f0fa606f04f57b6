import { pow } from '../model/deterministicMath.ts';
import { provinceCapital, provinceEmployment, provinceOutput } from '../model/firmDynamics.ts';
import { firmEmployment, type ModelState } from '../model/modelState.ts';
import { peopleDrawnIntoTowns, urbanDemandAdded, urbanisationRate } from '../model/r6Urbanisation.ts';
import { pollutionOfZone } from '../model/r8CircularEconomy.ts';
import { borrowingRoom } from '../model/r12FinancingPlatforms.ts';
import { serviceCostPerFirm } from '../model/r14SharedServices.ts';
import { ellisonGlaeserIndex } from './metrics/ellisonGlaeserIndex.ts';
import { herfindahlIndex } from './metrics/herfindahlIndex.ts';
import { locationQuotient } from './metrics/locationQuotient.ts';
import {
  meanRelatednessDensityOfPresentIndustries,
  revealedComparativeAdvantagePresence,
} from './metrics/relatednessDensity.ts';

/**
 * The model's outcomes, declared once as named reporters (as in Mesa's DataCollector and Agents.jl's
 * `adata`/`mdata`). The runner, the CSV and HTML reports and the classroom page refer to outcomes by
 * these names only. Each reporter has a scope — the province, each zone, or each industry — and
 * returns a finite number, or null where the quantity is undefined (such values are left out of the
 * tidy output rather than written as NaN).
 */

/** Where a reporter is measured. */
export type ReporterScope = 'province' | 'zone' | 'industry';

interface ReporterBase {
  /** Stable machine name used in files, charts and the page (camelCase). */
  readonly name: string;
  /** Short human label for charts. */
  readonly label: string;
  readonly unit: string;
  /** Rule ids of the speech this outcome measures. */
  readonly rules: readonly string[];
  readonly description: string;
}

export interface ProvinceReporter extends ReporterBase {
  readonly scope: 'province';
  readonly compute: (state: ModelState, context: ReporterContext) => number | null;
}
export interface ZoneReporter extends ReporterBase {
  readonly scope: 'zone';
  readonly compute: (state: ModelState, zone: number, context: ReporterContext) => number | null;
}
export interface IndustryReporter extends ReporterBase {
  readonly scope: 'industry';
  readonly compute: (state: ModelState, industry: number, context: ReporterContext) => number | null;
}
export type Reporter = ProvinceReporter | ZoneReporter | IndustryReporter;

/**
 * Quantities shared by several reporters, computed once per recording by `prepareReporterContext`.
 * Buffers are allocated once per replication and reused.
 */
export interface ReporterContext {
  /** Employment per industry, province-wide. */
  industryEmployment: Float64Array;
  /** Employment per region (zones + outside as one region) — the regions of the EG index. */
  regionEmployment: Float64Array;
  /** Herfindahl of plant (firm) employment shares, per industry. */
  plantHerfindahl: Float64Array;
  /** Hidalgo RCA presence (1 if LQ ≥ 1) per zone and industry, Z × K. */
  presence: Float64Array;
  /** Scratch row for one zone's presence vector. */
  presenceRow: Float64Array;
  /** Mean Hidalgo density of each zone's present industries; null where fewer than 2 are present. */
  zoneDensity: (number | null)[];
  /** Index of each zone's largest and second-largest industries by employment (−1 when none). */
  topIndustry: Int32Array;
  secondIndustry: Int32Array;
  totalEmployment: number;
  /** Employment-weighted Σ e_i² per industry (work buffer for plantHerfindahl). */
  sumSquares: Float64Array;
  /** Province output and step at the previous recording (for the growth rate); null before the first. */
  previousOutput: number | null;
  previousStep: number;
  /** Scratch buffer of one value per zone (length Z). */
  zoneValues: Float64Array;
  /** Mean productivity of firms in zones and outside (output-relevant TFP), null when none. */
  meanProductivityZones: number | null;
  meanProductivityOutside: number | null;
}

function zoneTotal(values: Float64Array, zoneCount: number): number {
  let sum = 0;
  for (let z = 0; z < zoneCount; z++) sum += values[z];
  return sum;
}

function allTotal(values: Float64Array, zoneCount: number): number {
  return zoneTotal(values, zoneCount + 1);
}

function shareInZones(values: Float64Array, zoneCount: number): number {
  const all = allTotal(values, zoneCount);
  return all > 0 ? zoneTotal(values, zoneCount) / all : 0;
}

/** numerator / denominator, or null when the denominator is not positive or the ratio overflows. */
function ratio(numerator: number, denominator: number): number | null {
  if (!(denominator > 0)) return null;
  const value = numerator / denominator;
  return Number.isFinite(value) ? value : null;
}

/** Years since the previous recording, or null at the first recording. */
function periodYears(s: ModelState, c: ReporterContext): number | null {
  const years = (s.step - c.previousStep) / s.constants.stepsPerYear;
  return years > 0 ? years : null;
}

/** A flow booked over the recording period, as a rate per year (null at the first recording). */
function perYear(flow: number, s: ModelState, c: ReporterContext): number | null {
  const years = periodYears(s, c);
  return years === null ? null : flow / years;
}

/** Output of the zones (not the outside option), sorted ascending in the context's zone buffer, which is returned. */
function sortedZoneOutputs(s: ModelState, c: ReporterContext): Float64Array {
  const sorted = c.zoneValues;
  for (let z = 0; z < s.zones.count; z++) sorted[z] = s.zones.output[z];
  return sorted.sort();
}

/** Zone revenue threshold of the province's 2012 target ("100 zones above 10 bn yuan"), M¥/year. */
export const ZONE_OUTPUT_TARGET_THRESHOLD = 10_000;

function meanOfDefined(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v !== null) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? sum / n : null;
}

/** Every reporter, in display order. Names are unique (checked by a test). */
export const reporters: readonly Reporter[] = [
  // ---------------- province ----------------
  {
    name: 'firms', scope: 'province', label: 'Firms', unit: 'firms', rules: ['R2', 'R5'],
    description: 'Living firms in the province, inside and outside zones.',
    compute: (s) => s.firms.count,
  },
  {
    name: 'entries', scope: 'province', label: 'Entries', unit: 'firms/period', rules: ['R15'],
    description: 'Projects that located (became firms) since the previous recording.',
    compute: (s) => s.counters.entriesInPeriod,
  },
  {
    name: 'exits', scope: 'province', label: 'Exits', unit: 'firms/period', rules: ['R16'],
    description: 'Firms that exited since the previous recording.',
    compute: (s) => s.counters.exitsInPeriod,
  },
  {
    name: 'abandonedProjects', scope: 'province', label: 'Abandoned projects', unit: 'projects/period', rules: ['R11'],
    description: 'Projects abandoned since the previous recording after waiting in vain for serviced land or for credit.',
    compute: (s) => s.counters.abandonedInPeriod,
  },
  {
    name: 'waitingProjects', scope: 'province', label: 'Waiting projects', unit: 'projects', rules: ['R11'],
    description: 'Projects waiting at the recording step: for serviced land, for credit, or postponed by a crisis.',
    compute: (s) => s.pending.count,
  },
  {
    name: 'output', scope: 'province', label: 'Output', unit: 'M¥/year', rules: ['R5'],
    description: 'Annual output (revenue) rate of all firms; summed by industry, independently of where firms are, so scenarios with the same firms give identical totals.',
    compute: (s) => provinceOutput(s),
  },
  {
    name: 'employment', scope: 'province', label: 'Employment', unit: 'jobs', rules: ['R6'],
    description: 'Jobs in all firms (summed by industry, independently of location).',
    compute: (s) => provinceEmployment(s),
  },
  {
    name: 'investment', scope: 'province', label: 'Capital invested', unit: 'M¥', rules: ['R5'],
    description: 'Capital stock of all firms (summed by industry, independently of location).',
    compute: (s) => provinceCapital(s),
  },
  {
    name: 'firmInvestmentFlow', scope: 'province', label: 'Firms’ fixed investment', unit: 'M¥/year', rules: ['R5'],
    description: 'Gross fixed investment of all firms over the recording period, per year: new projects, expansion (demand and location premium) and replacement of depreciation (summed independently of location).',
    compute: (s, c) => perYear(s.province.investmentFlowInPeriod, s, c),
  },
  {
    name: 'fixedAssetInvestment', scope: 'province', label: 'Fixed-asset investment', unit: 'M¥/year', rules: ['R5'],
    description: 'Fixed-asset investment in the province over the recording period, per year: firms’ gross investment everywhere plus land servicing and standard factories in zones.',
    compute: (s, c) => perYear(s.province.investmentFlowInPeriod + zoneTotal(s.zones.infrastructureFlow, s.zones.count), s, c),
  },
  {
    name: 'zonesFixedAssetInvestment', scope: 'province', label: 'Fixed-asset investment in zones', unit: 'M¥/year', rules: ['R5', 'R12'],
    description: 'Fixed-asset investment in zones over the recording period, per year: firms’ gross investment there plus land servicing and standard factories (the statistic the province publishes for its zones).',
    compute: (s, c) => perYear(zoneTotal(s.zones.investmentFlow, s.zones.count) + zoneTotal(s.zones.infrastructureFlow, s.zones.count), s, c),
  },
  {
    name: 'infrastructureInvestment', scope: 'province', label: 'Zone infrastructure investment', unit: 'M¥/year', rules: ['R9', 'R12'],
    description: 'Spending on land servicing and standard factories in zones over the recording period, per year (by platforms, or the budget when platforms are off).',
    compute: (s, c) => perYear(zoneTotal(s.zones.infrastructureFlow, s.zones.count), s, c),
  },
  {
    name: 'zonesOutput', scope: 'province', label: 'Output of zones', unit: 'M¥/year', rules: ['R5'],
    description: 'Annual output (revenue, 主营业务收入) rate of all firms in zones.',
    compute: (s) => zoneTotal(s.zones.output, s.zones.count),
  },
  {
    name: 'zonesEmployment', scope: 'province', label: 'Jobs in zones', unit: 'jobs', rules: ['R6'],
    description: 'Jobs in all zones.',
    compute: (s) => zoneTotal(s.zones.employment, s.zones.count),
  },
  {
    name: 'zonesFirms', scope: 'province', label: 'Firms in zones', unit: 'firms', rules: ['R2'],
    description: 'Firms located in a zone.',
    compute: (s) => zoneTotal(s.zones.firms, s.zones.count),
  },
  {
    name: 'largestToMedianZoneOutput', scope: 'province', label: 'Largest / median zone output', unit: 'ratio', rules: ['R2', 'R5'],
    description: 'Output of the largest zone divided by that of the median zone (how unequal zones are; undefined with no zone or a median of 0).',
    compute: (s, c) => {
      const n = s.zones.count;
      if (n === 0) return null;
      const sorted = sortedZoneOutputs(s, c);
      const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      return ratio(sorted[n - 1], median);
    },
  },
  {
    name: 'zonesAboveOutputTarget', scope: 'province', label: 'Zones above ¥10 bn output', unit: 'zones', rules: ['R5'],
    description: 'Zones whose annual output exceeds 10 bn yuan (10,000 M¥/year; the province’s 2012 target was 100 such zones).',
    compute: (s) => {
      let n = 0;
      for (let z = 0; z < s.zones.count; z++) if (s.zones.output[z] > ZONE_OUTPUT_TARGET_THRESHOLD) n++;
      return n;
    },
  },
  {
    name: 'largeProjectsInZones', scope: 'province', label: 'Projects ≥ ¥100 M in zones', unit: 'projects/year', rules: ['R15'],
    description: 'New projects of at least 100 M¥ (亿元以上项目) that located in a zone over the recording period, per year.',
    compute: (s, c) => perYear(s.counters.largeZoneEntriesInPeriod, s, c),
  },
  {
    name: 'mobileProjectsInZones', scope: 'province', label: 'Mobile projects in zones', unit: 'projects/year', rules: ['R15'],
    description: 'Projects from the national mobile pool (out-of-province investment) that located in a zone over the recording period, per year.',
    compute: (s, c) => perYear(s.counters.mobileZoneEntriesInPeriod, s, c),
  },
  {
    name: 'mobileInvestmentInZones', scope: 'province', label: 'Mobile investment in zones', unit: 'M¥/year', rules: ['R15'],
    description: 'Investment of mobile (out-of-province) projects that located in a zone over the recording period, per year.',
    compute: (s, c) => perYear(s.counters.mobileZoneInvestmentInPeriod, s, c),
  },
  {
    name: 'inclusiveValueGap', scope: 'province', label: 'Zones’ pull on mobile investment', unit: 'log points', rules: ['R15'],
    description: 'x: the province’s inclusive value (log-sum of its location alternatives) minus that of its scattered sites alone, averaged over industries — what the zones add to its pull on the national pool of mobile projects (0 without zones), as the last step’s arrivals saw it; undefined when investment.mobile is off.',
    compute: (s) => (s.parameters.investment.mobile.enabled ? s.mobileInclusiveGap : null),
  },
  {
    name: 'mobileArrivalFactor', scope: 'province', label: 'Mobile arrivals vs no zones', unit: 'ratio', rules: ['R15'],
    description: 'F: mobile arrivals relative to the same province without zones (1 when investment.mobile is off or its elasticity is 0).',
    compute: (s) => s.mobileArrivalFactor,
  },
  {
    name: 'zoneFirmShare', scope: 'province', label: 'Share of firms in zones', unit: 'share', rules: ['R2'],
    description: 'Share of the province’s firms located in a zone (R2 concentration).',
    compute: (s) => shareInZones(s.zones.firms, s.zones.count),
  },
  {
    name: 'zoneOutputShare', scope: 'province', label: 'Share of output in zones', unit: 'share', rules: ['R2', 'R5'],
    description: 'Share of the province’s output produced in zones (growth pole).',
    compute: (s) => shareInZones(s.zones.output, s.zones.count),
  },
  {
    name: 'zoneEmploymentShare', scope: 'province', label: 'Share of jobs in zones', unit: 'share', rules: ['R2', 'R6'],
    description: 'Share of the province’s jobs located in zones.',
    compute: (s) => shareInZones(s.zones.employment, s.zones.count),
  },
  {
    name: 'largestZoneFirmShare', scope: 'province', label: 'Largest zone’s share', unit: 'share', rules: ['R2'],
    description: 'Share of all zone firms that are in the largest zone (1 = lock-in to one zone, Arthur 1990).',
    compute: (s) => {
      let max = 0;
      for (let z = 0; z < s.zones.count; z++) if (s.zones.firms[z] > max) max = s.zones.firms[z];
      const total = zoneTotal(s.zones.firms, s.zones.count);
      return total > 0 ? max / total : null;
    },
  },
  {
    name: 'landPlannedHa', scope: 'province', label: 'Land planned', unit: 'ha', rules: ['R9'],
    description: 'Planned area of all zones.',
    compute: (s) => zoneTotal(s.zones.plannedHa, s.zones.count),
  },
  {
    name: 'landServicedHa', scope: 'province', label: 'Land serviced', unit: 'ha', rules: ['R9', 'R11'],
    description: 'Serviced (ready-to-build) land in all zones.',
    compute: (s) => zoneTotal(s.zones.servicedHa, s.zones.count),
  },
  {
    name: 'landUsedHa', scope: 'province', label: 'Land used', unit: 'ha', rules: ['R3', 'R11'],
    description: 'Zone land occupied by firms.',
    compute: (s) => zoneTotal(s.zones.usedHa, s.zones.count),
  },
  {
    name: 'landIdleHa', scope: 'province', label: 'Land idle', unit: 'ha', rules: ['R11'],
    description: 'Zone land left idle by exited firms and not yet reclaimed.',
    compute: (s) => zoneTotal(s.zones.idleHa, s.zones.count),
  },
  {
    name: 'outsideLandUsedHa', scope: 'province', label: 'Land used outside zones', unit: 'ha', rules: ['R2', 'R3'],
    description: 'Land occupied by scattered firms outside every zone.',
    compute: (s) => s.zones.usedHa[s.zones.count],
  },
  {
    name: 'zonesOutputPerHa', scope: 'province', label: 'Output per hectare (zones)', unit: 'M¥/year/ha', rules: ['R3'],
    description: 'Annual output of zone firms per hectare they occupy — owned land plus rented standard factory floor (R3 intensive use).',
    compute: (s) => ratio(zoneTotal(s.zones.output, s.zones.count), zoneTotal(s.zones.usedHa, s.zones.count) + zoneTotal(s.zones.factoryUsedHa, s.zones.count)),
  },
  {
    name: 'zonesInvestmentPerHa', scope: 'province', label: 'Investment per hectare (zones)', unit: 'M¥/ha', rules: ['R3', 'R11'],
    description: 'Capital of zone firms per hectare they occupy, owned land plus rented factory floor (investment intensity).',
    compute: (s) => ratio(zoneTotal(s.zones.investment, s.zones.count), zoneTotal(s.zones.usedHa, s.zones.count) + zoneTotal(s.zones.factoryUsedHa, s.zones.count)),
  },
  {
    name: 'meanZoneHerfindahl', scope: 'province', label: 'Mean zone specialisation (HHI)', unit: 'index', rules: ['R1', 'R10'],
    description: 'Mean over zones with firms of the Herfindahl index of the zone’s employment across industries.',
    compute: (s) => {
      const values: (number | null)[] = [];
      const k = s.industries.count;
      for (let z = 0; z < s.zones.count; z++) {
        values.push(s.zones.firms[z] > 0 ? herfindahlIndex(s.zones.industryEmployment, z * k, k) : null);
      }
      return meanOfDefined(values);
    },
  },
  {
    name: 'meanRelatednessDensity', scope: 'province', label: 'Mean relatedness density', unit: 'index', rules: ['R1'],
    description: 'Mean over zones of the average Hidalgo et al. (2007) density of the industries in which the zone has RCA ≥ 1 (coherence of zone industry mixes).',
    compute: (_s, c) => meanOfDefined(c.zoneDensity),
  },
  {
    name: 'meanEllisonGlaeser', scope: 'province', label: 'Mean Ellison–Glaeser index', unit: 'index', rules: ['R2'],
    description: 'Mean over industries of the Ellison–Glaeser (1997) concentration index γ.',
    compute: (s, c) => {
      const values: (number | null)[] = [];
      for (let j = 0; j < s.industries.count; j++) values.push(industryEllisonGlaeser(s, j, c));
      return meanOfDefined(values);
    },
  },
  {
    name: 'outputGrowth', scope: 'province', label: 'Output growth', unit: '1/year', rules: ['R5'],
    description: 'Annualised growth rate of province output since the previous recording (growth pole).',
    compute: (s, c) => {
      if (c.previousOutput === null || c.previousOutput <= 0 || s.step === c.previousStep) return null;
      const years = (s.step - c.previousStep) / s.constants.stepsPerYear;
      return pow(provinceOutput(s) / c.previousOutput, 1 / years) - 1;
    },
  },
  {
    name: 'zoneTownPopulationAdded', scope: 'province', label: 'People drawn into zone towns', unit: 'people', rules: ['R6'],
    description: 'People drawn into the zones’ towns by zone jobs created since the start (jobs × people per job).',
    compute: (s) => peopleDrawnIntoTowns(s),
  },
  {
    name: 'urbanisationRate', scope: 'province', label: 'Urbanisation rate', unit: 'share', rules: ['R6'],
    description: 'Urban share of the province’s population: the initial rate plus the people drawn by zone jobs.',
    compute: (s) => urbanisationRate(s),
  },
  {
    name: 'urbanDemandAdded', scope: 'province', label: 'Urban demand added', unit: 'M¥/year', rules: ['R6'],
    description: 'Consumption demand of the people drawn into zone towns.',
    compute: (s) => urbanDemandAdded(s),
  },
  {
    name: 'meanProductivityZones', scope: 'province', label: 'Mean productivity (zones)', unit: 'TFP index', rules: ['R7'],
    description: 'Mean total factor productivity of firms in zones (1 = median entrant).',
    compute: (_s, c) => c.meanProductivityZones,
  },
  {
    name: 'meanProductivityOutside', scope: 'province', label: 'Mean productivity (outside)', unit: 'TFP index', rules: ['R7'],
    description: 'Mean total factor productivity of scattered firms outside zones.',
    compute: (_s, c) => c.meanProductivityOutside,
  },
  {
    name: 'pollution', scope: 'province', label: 'Pollution', unit: 't/year', rules: ['R8'],
    description: 'Pollution of all firms after central treatment and waste reuse in zones.',
    compute: (s) => {
      let total = 0;
      for (let z = 0; z <= s.zones.count; z++) total += pollutionOfZone(s, z);
      return total;
    },
  },
  {
    name: 'pollutionPerOutput', scope: 'province', label: 'Pollution per output', unit: 't/M¥', rules: ['R8'],
    description: 'Pollution per million yuan of output (circular economy: it should fall).',
    compute: (s) => {
      let total = 0;
      for (let z = 0; z <= s.zones.count; z++) total += pollutionOfZone(s, z);
      return ratio(total, provinceOutput(s));
    },
  },
  {
    name: 'standardFactoryHa', scope: 'province', label: 'Standard factory floor', unit: 'ha', rules: ['R12'],
    description: 'Standard factory floor built by zone platforms.',
    compute: (s) => zoneTotal(s.zones.standardFactoryHa, s.zones.count),
  },
  {
    name: 'standardFactoryUsedHa', scope: 'province', label: 'Standard factory floor rented', unit: 'ha', rules: ['R12'],
    description: 'Standard factory floor rented by small firms.',
    compute: (s) => zoneTotal(s.zones.factoryUsedHa, s.zones.count),
  },
  {
    name: 'platformDebt', scope: 'province', label: 'Platform debt', unit: 'M¥', rules: ['R12'],
    description: 'Debt of all zone financing platforms (a fiscal risk).',
    compute: (s) => zoneTotal(s.zones.platformDebt, s.zones.count),
  },
  {
    name: 'platformDebtStress', scope: 'province', label: 'Platform debt / revenue', unit: 'years', rules: ['R12'],
    description: 'Platform debt divided by platform annual revenue, all zones (years of revenue to repay).',
    compute: (s) => ratio(zoneTotal(s.zones.platformDebt, s.zones.count), zoneTotal(s.zones.platformRevenueAnnual, s.zones.count)),
  },
  {
    name: 'platformsAtDebtCeiling', scope: 'province', label: 'Platforms at their debt ceiling', unit: 'zones', rules: ['R12'],
    description: 'Zones whose platform cannot borrow any more (servicing and factory building stalled).',
    compute: (s) => {
      if (!s.parameters.financing.enabled) return 0;
      let n = 0;
      for (let z = 0; z < s.zones.count; z++) if (borrowingRoom(s, z) <= 1e-9) n++;
      return n;
    },
  },
  {
    name: 'guaranteeNetAssets', scope: 'province', label: 'Guarantee fund net assets', unit: 'M¥', rules: ['R13'],
    description: 'Net assets of the credit-guarantee fund (falls with defaults; at 5% of its initial capital or below it counts as exhausted).',
    compute: (s) => s.accounts.guaranteeNetAssets,
  },
  {
    name: 'guaranteesOutstanding', scope: 'province', label: 'Guarantees outstanding', unit: 'M¥', rules: ['R13'],
    description: 'Loans guaranteed by the fund and not yet expired or defaulted.',
    compute: (s) => s.accounts.guaranteesOutstanding,
  },
  {
    name: 'guaranteeLosses', scope: 'province', label: 'Guarantee losses', unit: 'M¥/period', rules: ['R13'],
    description: 'Losses paid by the guarantee fund on defaults since the previous recording.',
    compute: (s) => s.accounts.guaranteeLossesInPeriod,
  },
  {
    name: 'guaranteeLossesTotal', scope: 'province', label: 'Guarantee losses (cumulative)', unit: 'M¥', rules: ['R13'],
    description: 'Losses paid by the guarantee fund since the start.',
    compute: (s) => s.accounts.guaranteeLossesTotal,
  },
  {
    name: 'guaranteeBailoutTotal', scope: 'province', label: 'Guarantee fund bail-outs', unit: 'M¥', rules: ['R13'],
    description: 'Public money paid to cover guarantee losses beyond the fund’s net assets since the start (counted in public spending; net assets never fall below 0).',
    compute: (s) => s.accounts.guaranteeBailoutTotal,
  },
  {
    name: 'guaranteeFundExhausted', scope: 'province', label: 'Guarantee fund exhausted', unit: '0/1', rules: ['R13'],
    description: '1 once the fund’s net assets have fallen to 5% of its initial capital or below (it can then issue almost nothing: single guarantees are capped at a share of net assets), else 0. It stays 1 once set.',
    compute: (s) => (s.accounts.guaranteeExhaustedStep >= 0 ? 1 : 0),
  },
  {
    name: 'creditRationedProjects', scope: 'province', label: 'Credit-rationed project-steps', unit: 'project-steps/period', rules: ['R13', 'R16'],
    description: 'Times a ready project could not get credit (no bank loan, no guarantee) since the previous recording.',
    compute: (s) => s.accounts.creditRationedInPeriod,
  },
  {
    name: 'guidancePublicTotal', scope: 'province', label: 'Guidance fund money invested', unit: 'M¥', rules: ['R13'],
    description: 'Public money the guidance fund has invested since the start.',
    compute: (s) => s.accounts.guidanceSpentTotal,
  },
  {
    name: 'guidancePrivateTotal', scope: 'province', label: 'Private co-investment', unit: 'M¥', rules: ['R13'],
    description: 'Private money invested alongside the guidance fund since the start.',
    compute: (s) => s.accounts.guidancePrivateTotal,
  },
  {
    name: 'guidanceGrossLeverage', scope: 'province', label: 'Private per public yuan (gross)', unit: '¥/¥', rules: ['R13'],
    description: 'Private co-investment per public yuan of the guidance fund (gross; compare scenarios for additionality).',
    compute: (s) => ratio(s.accounts.guidancePrivateTotal, s.accounts.guidanceSpentTotal),
  },
  {
    name: 'publicSpendingTotal', scope: 'province', label: 'Public spending (cumulative)', unit: 'M¥', rules: ['R12', 'R13', 'R15'],
    description: 'Public money spent since the start: land servicing paid from the budget, guarantee capital, injections and bail-outs, guidance-fund investment, promotion.',
    compute: (s) =>
      s.accounts.publicSpendingServicingTotal +
      s.accounts.publicSpendingGuaranteeCapitalTotal +
      s.accounts.guaranteeBailoutTotal +
      s.accounts.guidanceSpentTotal +
      s.accounts.publicSpendingPromotionTotal,
  },
  {
    name: 'meanServiceCostPerFirm', scope: 'province', label: 'Service cost per zone firm', unit: 'M¥/year', rules: ['R14'],
    description: 'Mean over zones with firms of the shared-service cost per firm.',
    compute: (s) => {
      if (!s.parameters.services.enabled) return null; // no shared-service cost is charged
      const values: (number | null)[] = [];
      for (let z = 0; z < s.zones.count; z++) values.push(s.zones.firms[z] > 0 ? serviceCostPerFirm(s, z) : null);
      return meanOfDefined(values);
    },
  },
  {
    name: 'distinctLeadingIndustries', scope: 'province', label: 'Distinct leading industries', unit: 'industries', rules: ['R10'],
    description: 'Number of different industries that are a leading industry of some zone (low = every zone chases the same ones).',
    compute: (s) => {
      const k = s.industries.count;
      let n = 0;
      for (let j = 0; j < k; j++) {
        for (let z = 0; z < s.zones.count; z++) {
          if (s.zones.leading[z * k + j] === 1) {
            n++;
            break;
          }
        }
      }
      return n;
    },
  },
  {
    name: 'leadingIndustryJobShare', scope: 'province', label: 'Zone jobs in leading industries', unit: 'share', rules: ['R10'],
    description: 'Share of zone jobs that are in the zone’s own leading industries.',
    compute: (s) => {
      const k = s.industries.count;
      let leading = 0;
      let all = 0;
      for (let z = 0; z < s.zones.count; z++) {
        for (let j = 0; j < k; j++) {
          const e = s.zones.industryEmployment[z * k + j];
          all += e;
          if (s.zones.leading[z * k + j] === 1) leading += e;
        }
      }
      return ratio(leading, all);
    },
  },
  {
    name: 'anchorFirms', scope: 'province', label: 'Anchor firms in zones', unit: 'firms', rules: ['R10'],
    description: 'Anchor firms (龙头企业) located in zones.',
    compute: (s) => {
      let n = 0;
      for (let i = 0; i < s.firms.count; i++) if (s.firms.anchor[i] === 1 && s.firms.zone[i] < s.zones.count) n++;
      return n;
    },
  },
  {
    name: 'crisisIntensity', scope: 'province', label: 'Crisis intensity', unit: '0–1', rules: ['R16'],
    description: 'Intensity of the demand-and-credit shock at the recording step.',
    compute: (s) => s.accounts.crisisIntensity,
  },
  {
    name: 'postponedProjectsTotal', scope: 'province', label: 'Projects postponed by the crisis', unit: 'projects', rules: ['R16'],
    description: 'Projects postponed by the credit shock since the start.',
    compute: (s) => s.accounts.postponedTotal,
  },
  // ---------------- zone ----------------
  {
    name: 'zoneFirms', scope: 'zone', label: 'Firms', unit: 'firms', rules: ['R2'],
    description: 'Firms in the zone.',
    compute: (s, z) => s.zones.firms[z],
  },
  {
    name: 'zoneOutput', scope: 'zone', label: 'Output', unit: 'M¥/year', rules: ['R5'],
    description: 'Annual output of the zone’s firms.',
    compute: (s, z) => s.zones.output[z],
  },
  {
    name: 'zoneInvestmentFlow', scope: 'zone', label: 'Fixed-asset investment', unit: 'M¥/year', rules: ['R5', 'R12'],
    description: 'Fixed-asset investment in the zone over the recording period, per year: its firms’ gross investment plus land servicing and standard factories.',
    compute: (s, z, c) => perYear(s.zones.investmentFlow[z] + s.zones.infrastructureFlow[z], s, c),
  },
  {
    name: 'zoneEmployment', scope: 'zone', label: 'Employment', unit: 'jobs', rules: ['R6'],
    description: 'Jobs in the zone.',
    compute: (s, z) => s.zones.employment[z],
  },
  {
    name: 'zoneLandServicedHa', scope: 'zone', label: 'Land serviced', unit: 'ha', rules: ['R9'],
    description: 'Serviced land of the zone.',
    compute: (s, z) => s.zones.servicedHa[z],
  },
  {
    name: 'zoneLandUsedHa', scope: 'zone', label: 'Land used', unit: 'ha', rules: ['R3'],
    description: 'Land of the zone occupied by firms.',
    compute: (s, z) => s.zones.usedHa[z],
  },
  {
    name: 'zoneLandIdleHa', scope: 'zone', label: 'Land idle', unit: 'ha', rules: ['R11'],
    description: 'Idle land of the zone.',
    compute: (s, z) => s.zones.idleHa[z],
  },
  {
    name: 'zoneLandPrice', scope: 'zone', label: 'Land price', unit: 'M¥/ha', rules: ['R11'],
    description: 'Price of serviced land in the zone.',
    compute: (s, z) => s.zones.price[z],
  },
  {
    name: 'zoneOutputPerHa', scope: 'zone', label: 'Output per hectare', unit: 'M¥/year/ha', rules: ['R3'],
    description: 'Output per hectare occupied by the zone’s firms (owned land plus rented factory floor).',
    compute: (s, z) => ratio(s.zones.output[z], s.zones.usedHa[z] + s.zones.factoryUsedHa[z]),
  },
  {
    name: 'zoneHerfindahl', scope: 'zone', label: 'Specialisation (HHI)', unit: 'index', rules: ['R1', 'R10'],
    description: 'Herfindahl index of the zone’s employment across industries (1 = one industry).',
    compute: (s, z) => (s.zones.firms[z] > 0 ? herfindahlIndex(s.zones.industryEmployment, z * s.industries.count, s.industries.count) : null),
  },
  {
    name: 'zoneTopIndustry', scope: 'zone', label: 'Top industry', unit: 'industry index', rules: ['R10'],
    description: 'Index of the zone’s largest industry by employment (names in the run’s industries.csv).',
    compute: (_s, z, c) => (c.topIndustry[z] >= 0 ? c.topIndustry[z] : null),
  },
  {
    name: 'zoneTopIndustryLQ', scope: 'zone', label: 'LQ of top industry', unit: 'ratio', rules: ['R10'],
    description: 'Employment location quotient of the zone’s largest industry.',
    compute: (s, z, c) => zoneIndustryLQ(s, z, c.topIndustry[z], c),
  },
  {
    name: 'zoneSecondIndustryLQ', scope: 'zone', label: 'LQ of second industry', unit: 'ratio', rules: ['R10'],
    description: 'Employment location quotient of the zone’s second-largest industry.',
    compute: (s, z, c) => zoneIndustryLQ(s, z, c.secondIndustry[z], c),
  },
  {
    name: 'zoneRelatednessDensity', scope: 'zone', label: 'Relatedness density', unit: 'index', rules: ['R1'],
    description: 'Average Hidalgo et al. (2007) density of the industries in which the zone has RCA ≥ 1.',
    compute: (_s, z, c) => c.zoneDensity[z],
  },
  {
    name: 'zonePlatformDebt', scope: 'zone', label: 'Platform debt', unit: 'M¥', rules: ['R12'],
    description: 'Debt of the zone’s financing platform.',
    compute: (s, z) => s.zones.platformDebt[z],
  },
  {
    name: 'zonePlatformDebtStress', scope: 'zone', label: 'Platform debt / revenue', unit: 'years', rules: ['R12'],
    description: 'Platform debt divided by its annual revenue.',
    compute: (s, z) => ratio(s.zones.platformDebt[z], s.zones.platformRevenueAnnual[z]),
  },
  {
    name: 'zoneStandardFactoryHa', scope: 'zone', label: 'Standard factory floor', unit: 'ha', rules: ['R12'],
    description: 'Standard factory floor built in the zone.',
    compute: (s, z) => s.zones.standardFactoryHa[z],
  },
  {
    name: 'zonePollution', scope: 'zone', label: 'Pollution', unit: 't/year', rules: ['R8'],
    description: 'Pollution of the zone’s firms after treatment and reuse.',
    compute: (s, z) => pollutionOfZone(s, z),
  },
  {
    name: 'zoneLeadingIndustry', scope: 'zone', label: 'First leading industry', unit: 'industry index', rules: ['R10'],
    description: 'Index of the zone’s first (lowest-index) leading industry.',
    compute: (s, z) => {
      const k = s.industries.count;
      for (let j = 0; j < k; j++) if (s.zones.leading[z * k + j] === 1) return j;
      return null;
    },
  },
  // ---------------- industry ----------------
  {
    name: 'industryFirms', scope: 'industry', label: 'Firms', unit: 'firms', rules: ['R1'],
    description: 'Firms of the industry in the province.',
    compute: (s, j) => {
      let n = 0;
      const k = s.industries.count;
      for (let z = 0; z <= s.zones.count; z++) n += s.zones.industryFirms[z * k + j];
      return n;
    },
  },
  {
    name: 'industryEllisonGlaeser', scope: 'industry', label: 'Ellison–Glaeser γ', unit: 'index', rules: ['R2'],
    description: 'Ellison–Glaeser (1997) index of the industry’s geographic concentration over zones and the outside region (0 = as random, > 0.05 highly concentrated).',
    compute: (s, j, c) => industryEllisonGlaeser(s, j, c),
  },
];

function zoneIndustryLQ(s: ModelState, z: number, j: number, c: ReporterContext): number | null {
  if (j < 0) return null;
  const k = s.industries.count;
  return locationQuotient(s.zones.industryEmployment[z * k + j], s.zones.employment[z], c.industryEmployment[j], c.totalEmployment);
}

function industryEllisonGlaeser(s: ModelState, j: number, c: ReporterContext): number | null {
  return ellisonGlaeserIndex(s.zones.industryEmployment, c.regionEmployment, c.plantHerfindahl[j], j, s.industries.count);
}

/** Buffers for one replication's reporter context. */
export function createReporterContext(zoneCount: number, industryCount: number): ReporterContext {
  return {
    industryEmployment: new Float64Array(industryCount),
    regionEmployment: new Float64Array(zoneCount + 1),
    plantHerfindahl: new Float64Array(industryCount),
    presence: new Float64Array(zoneCount * industryCount),
    presenceRow: new Float64Array(industryCount),
    zoneDensity: new Array<number | null>(zoneCount).fill(null),
    topIndustry: new Int32Array(zoneCount),
    secondIndustry: new Int32Array(zoneCount),
    totalEmployment: 0,
    sumSquares: new Float64Array(industryCount),
    previousOutput: null,
    previousStep: 0,
    zoneValues: new Float64Array(zoneCount),
    meanProductivityZones: null,
    meanProductivityOutside: null,
  };
}

/** Fill the shared quantities for the current state (one pass over firms, one over zone × industry). */
export function prepareReporterContext(state: ModelState, context: ReporterContext): void {
  const zones = state.zones;
  const k = state.industries.count;
  const zoneCount = zones.count;
  context.industryEmployment.fill(0);
  context.sumSquares.fill(0);
  let total = 0;
  for (let z = 0; z <= zoneCount; z++) {
    context.regionEmployment[z] = zones.employment[z];
    total += zones.employment[z];
    for (let j = 0; j < k; j++) context.industryEmployment[j] += zones.industryEmployment[z * k + j];
  }
  context.totalEmployment = total;
  const firms = state.firms;
  let inZones = 0;
  let sumZones = 0;
  let sumOutside = 0;
  for (let i = 0; i < firms.count; i++) {
    const e = firmEmployment(state, i);
    context.sumSquares[firms.industry[i]] += e * e;
    if (firms.zone[i] < zoneCount) {
      inZones++;
      sumZones += firms.productivity[i];
    } else {
      sumOutside += firms.productivity[i];
    }
  }
  context.meanProductivityZones = inZones > 0 ? sumZones / inZones : null;
  context.meanProductivityOutside = firms.count - inZones > 0 ? sumOutside / (firms.count - inZones) : null;
  for (let j = 0; j < k; j++) {
    const e = context.industryEmployment[j];
    const h = e > 0 ? context.sumSquares[j] / (e * e) : 0;
    context.plantHerfindahl[j] = h > 1 ? 1 : h;
  }
  for (let z = 0; z < zoneCount; z++) {
    let top = -1;
    let second = -1;
    for (let j = 0; j < k; j++) {
      const e = zones.industryEmployment[z * k + j];
      if (e <= 0) continue;
      if (top < 0 || e > zones.industryEmployment[z * k + top]) {
        second = top;
        top = j;
      } else if (second < 0 || e > zones.industryEmployment[z * k + second]) {
        second = j;
      }
    }
    context.topIndustry[z] = top;
    context.secondIndustry[z] = second;
    revealedComparativeAdvantagePresence(zones.industryEmployment, z, k, context.industryEmployment, total, context.presenceRow);
    let present = 0;
    for (let j = 0; j < k; j++) {
      context.presence[z * k + j] = context.presenceRow[j];
      if (context.presenceRow[j] > 0) present++;
    }
    context.zoneDensity[z] =
      present >= 2 ? meanRelatednessDensityOfPresentIndustries(context.presenceRow, state.industries.proximity, k) : null;
  }
}

/** The reporters of one scope, in declaration order. */
export function reportersOfScope<S extends ReporterScope>(scope: S): Extract<Reporter, { scope: S }>[] {
  return reporters.filter((r) => r.scope === scope) as Extract<Reporter, { scope: S }>[];
}

/**
 * Look a reporter up by name.
 *
 * @throws Error naming the unknown reporter and listing the known ones.
 */
export function reporterByName(name: string): Reporter {
  const found = reporters.find((r) => r.name === name);
  if (!found) throw new Error(`unknown reporter "${name}"; known reporters: ${reporters.map((r) => r.name).join(', ')}`);
  return found;
}
