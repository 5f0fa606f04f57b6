import type { ModelInput } from './modelInput.ts';
import { standardNormal, type UniformGenerator } from './randomStreams.ts';
import { exponential, usesTableExponential } from './tableExponential.ts';

/**
 * The K industries: their technology (land, labour and capital intensity), demand growth, pollution
 * intensity, credit dependence, and the K×K proximity matrix φ that R1 (relatedness) works with.
 */
export interface Industries {
  readonly count: number;
  /** Display names: from the relatedness CSV header, else chain letter + index (A1, B1, …). */
  readonly names: readonly string[];
  /** Supply chain of each industry (round-robin assignment); -1 when the matrix was loaded from a file. */
  readonly chain: Int32Array;
  /** Annual demand growth rate (1/year). */
  readonly growth: Float64Array;
  /** Land per million yuan invested (ha/M¥). */
  readonly landIntensity: Float64Array;
  /** Jobs per million yuan invested (jobs/M¥). */
  readonly labourIntensity: Float64Array;
  /** Capital–output ratio (M¥ invested per M¥ of annual output). */
  readonly capitalIntensity: Float64Array;
  /** Pollution per million yuan of output (t/M¥). */
  readonly pollutionIntensity: Float64Array;
  /** Share of investment financed by credit, in [0, 1]. */
  readonly creditDependence: Float64Array;
  /** Row-major K×K proximity φ, symmetric, in [0, 1], diagonal 1. */
  readonly proximity: Float64Array;
  /** Σ_{k≠j} φ_jk for each j: the denominator of relatedness density. */
  readonly proximityRowSumExcludingSelf: Float64Array;
  /** Cumulative arrival weights of industries (last entry 1), for drawing a project's industry. */
  readonly arrivalCumulativeWeights: Float64Array;
}

/**
 * Build the industries of one replication from the `industries` stream.
 *
 * Attributes are drawn first and the generated proximities after them, so loading a matrix from a
 * file leaves every attribute draw unchanged. Generated proximity (R1): industries are dealt
 * round-robin into supply chains; φ_ij = within (same chain) or between (different chains) plus
 * uniform noise of half-width `relatednessNoise`, clipped to [0, 1] — a stylised block structure like
 * the clustered product space of Hidalgo et al. (2007). Intensities are log-normal around their
 * medians; growth rates are normal.
 */
export function buildIndustries(input: ModelInput, draw: UniformGenerator): Industries {
  const p = input.parameters.industries;
  const table = usesTableExponential(input.parameters);
  const k = p.count;
  const growth = new Float64Array(k);
  const landIntensity = new Float64Array(k);
  const labourIntensity = new Float64Array(k);
  const capitalIntensity = new Float64Array(k);
  const pollutionIntensity = new Float64Array(k);
  const creditDependence = new Float64Array(k);
  const sigma = p.intensityDispersion;
  for (let i = 0; i < k; i++) {
    const g = p.growthMean + p.growthSd * standardNormal(draw);
    growth[i] = g < -0.9 ? -0.9 : g; // a demand collapse faster than 90% a year is outside the model's range
    landIntensity[i] = p.landIntensityMean * exponential(sigma * standardNormal(draw), table);
    labourIntensity[i] = p.labourIntensityMean * exponential(sigma * standardNormal(draw), table);
    capitalIntensity[i] = p.capitalIntensityMean * exponential(sigma * standardNormal(draw), table);
    pollutionIntensity[i] = p.pollutionIntensityMean * exponential(sigma * standardNormal(draw), table);
    const credit = p.creditDependenceMean + 0.25 * (2 * draw() - 1);
    creditDependence[i] = credit < 0 ? 0 : credit > 1 ? 1 : credit;
  }

  const chain = new Int32Array(k);
  const proximity = new Float64Array(k * k);
  let names: string[];
  if (input.relatedness) {
    chain.fill(-1);
    const values = input.relatedness.values;
    for (let i = 0; i < k * k; i++) proximity[i] = values[i];
    names = input.relatedness.industryNames ? [...input.relatedness.industryNames] : defaultNames(k, chain);
  } else {
    const chains = p.supplyChains;
    for (let i = 0; i < k; i++) chain[i] = i % chains;
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        const base = chain[i] === chain[j] ? p.relatednessWithinChain : p.relatednessBetweenChains;
        let value = base + p.relatednessNoise * (2 * draw() - 1);
        value = value < 0 ? 0 : value > 1 ? 1 : value;
        proximity[i * k + j] = value;
        proximity[j * k + i] = value;
      }
    }
    names = defaultNames(k, chain);
  }
  for (let i = 0; i < k; i++) proximity[i * k + i] = 1;
  const proximityRowSumExcludingSelf = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let sum = 0;
    for (let j = 0; j < k; j++) if (j !== i) sum += proximity[i * k + j];
    proximityRowSumExcludingSelf[i] = sum;
  }

  const weights = new Float64Array(k);
  const mix = input.parameters.projects.industryMix;
  for (let i = 0; i < k; i++) {
    weights[i] =
      mix === 'uniform' ? 1 : mix === 'growth-weighted' ? exponential(10 * growth[i], usesTableExponential(input.parameters)) : input.parameters.projects.industryWeights[i];
  }
  const arrivalCumulativeWeights = cumulativeNormalised(weights);

  return {
    count: k,
    names,
    chain,
    growth,
    landIntensity,
    labourIntensity,
    capitalIntensity,
    pollutionIntensity,
    creditDependence,
    proximity,
    proximityRowSumExcludingSelf,
    arrivalCumulativeWeights,
  };
}

/**
 * The industries' display names, without building them: the relatedness file's header names; else,
 * for a file without a header, I1, I2, …; else chain letter + index within the chain (A1, B1, …).
 * The same names `buildIndustries` gives (zone data files refer to industries by them).
 *
 * @example industryNamesOf({ parameters: defaultParameters(), relatedness: null }).slice(0, 3) // ['A1', 'B1', 'C1']
 */
export function industryNamesOf(input: ModelInput): string[] {
  const k = input.parameters.industries.count;
  const chain = new Int32Array(k);
  if (input.relatedness) {
    if (input.relatedness.industryNames) return [...input.relatedness.industryNames];
    chain.fill(-1);
  } else {
    for (let i = 0; i < k; i++) chain[i] = i % input.parameters.industries.supplyChains;
  }
  return defaultNames(k, chain);
}

function defaultNames(k: number, chain: Int32Array): string[] {
  const names: string[] = [];
  const seen = new Map<number, number>();
  for (let i = 0; i < k; i++) {
    const c = chain[i];
    if (c < 0) {
      names.push(`I${i + 1}`);
      continue;
    }
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    names.push(`${chainLabel(c)}${n}`);
  }
  return names;
}

/** Spreadsheet-style label of a chain index: 0 → A, 25 → Z, 26 → AA. */
function chainLabel(index: number): string {
  let label = '';
  let i = index;
  do {
    label = String.fromCharCode(65 + (i % 26)) + label;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return label;
}

/** Cumulative sums of non-negative weights divided by their total; the last entry is exactly 1. */
export function cumulativeNormalised(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  let running = 0;
  for (let i = 0; i < weights.length; i++) {
    running += weights[i];
    out[i] = running / total;
  }
  if (out.length > 0) out[out.length - 1] = 1;
  return out;
}

/** Index of the first cumulative weight exceeding u (inverse-CDF draw); u in [0, 1). */
export function drawFromCumulative(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
