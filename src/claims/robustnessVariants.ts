/**
 * The robustness variants of a claim: each alternative functional form it lists (one variant each),
 * and the parameter draws — from the posterior sample (systematic resampling by weight) or a Latin
 * hypercube over the file's documented ranges. A variant is a list of parameter overrides applied to
 * every arm of the claim, except a parameter an arm's own scenario file sets (that is the arm's lever,
 * which the contrast is about). Pure module.
 */
import seedrandom from 'seedrandom';
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import { latinHypercubeDesign } from '../analysis/designs/latinHypercubeDesign.ts';
import { listParameterLeaves } from '../model/parameterSpecification.ts';
import type { ClaimDefinition, RobustnessSettings } from './claimsDefinition.ts';
import type { PosteriorSample } from './loadClaimsFile.ts';

/** One robustness variant. */
export interface RobustnessVariant {
  /** `form:<name>` or `draw:<k>` (k = 0 … draws − 1). */
  readonly key: string;
  readonly kind: 'form' | 'draw';
  /** Words: the form's name, or `posterior draw 3` / `hypercube draw 3`. */
  readonly label: string;
  readonly overrides: readonly (readonly [string, FactorValue])[];
}

/** Text the hypercube's random numbers are seeded with (with the file's name): the draws are the same on every run. */
export const HYPERCUBE_SEED_PREFIX = 'zonesim-claims-hypercube';

/**
 * The Latin hypercube draws over ranges: point k sets each parameter to min + x·(max − min), x the
 * design's coordinate in [0, 1) (latinHypercubeDesign, random placement, seeded with
 * `${HYPERCUBE_SEED_PREFIX}:${seedText}`).
 *
 * @example hypercubeDraws([{ parameter: 'a.b', min: 0, max: 1 }], 4, 'speech')[0] // [['a.b', 0.6…]]
 */
export function hypercubeDraws(ranges: RobustnessSettings['ranges'], draws: number, seedText: string): [string, number][][] {
  if (ranges.length === 0) return [];
  const design = latinHypercubeDesign(draws, ranges.length, seedrandom.alea(`${HYPERCUBE_SEED_PREFIX}:${seedText}`));
  return Array.from({ length: draws }, (_, k) => ranges.map((r, j): [string, number] => [r.parameter, r.min + design.values[k * ranges.length + j] * (r.max - r.min)]));
}

/**
 * Posterior draws by systematic resampling: draw k is the first particle whose cumulative weight
 * reaches (k + ½)/K — deterministic, and each particle drawn about K × weight times. Integer
 * parameters are rounded.
 *
 * @example posteriorDraws({ file: 'p.csv', parameters: ['a.b'], rows: [[1], [2]], weights: [0.25, 0.75] }, 2) // [[['a.b', 1]], [['a.b', 2]]]
 */
export function posteriorDraws(posterior: PosteriorSample, draws: number): [string, number][][] {
  const kinds = new Map(listParameterLeaves().map(([p, leaf]) => [p, leaf.kind]));
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of posterior.weights) cumulative.push((sum += w));
  return Array.from({ length: draws }, (_, k) => {
    const u = (k + 0.5) / draws;
    let i = cumulative.findIndex((c) => c >= u);
    if (i < 0) i = cumulative.length - 1;
    return posterior.parameters.map((p, j): [string, number] => [p, kinds.get(p) === 'integer' ? Math.round(posterior.rows[i][j]) : posterior.rows[i][j]]);
  });
}

/**
 * Every robustness variant of a claim: its forms (in the claim's order), then its draws.
 *
 * @param claim the claim.
 * @param settings the file's robustness settings.
 * @param posterior the posterior sample (needed when the claim's uncertainty is `posterior`).
 * @param seedText what the hypercube is seeded with (the claims file's name).
 * @throws Error when the claim asks for posterior draws and there is no sample.
 */
export function claimRobustnessVariants(claim: ClaimDefinition, settings: RobustnessSettings, posterior: PosteriorSample | null, seedText: string): RobustnessVariant[] {
  const variants: RobustnessVariant[] = claim.robustness.forms.map((name) => {
    const form = settings.forms.find((f) => f.name === name);
    if (form === undefined) throw new Error(`claimRobustnessVariants: no form "${name}"`);
    return { key: `form:${name}`, kind: 'form', label: name, overrides: form.overrides };
  });
  let draws: [string, number][][] = [];
  let what = '';
  if (claim.robustness.uncertainty === 'posterior') {
    if (posterior === null) throw new Error('claimRobustnessVariants: the claim asks for posterior draws but there is no posterior sample');
    draws = posteriorDraws(posterior, settings.draws);
    what = 'posterior draw';
  } else if (claim.robustness.uncertainty === 'ranges') {
    draws = hypercubeDraws(settings.ranges, settings.draws, seedText);
    what = 'hypercube draw';
  }
  draws.forEach((overrides, k) => variants.push({ key: `draw:${claim.robustness.uncertainty}:${k}`, kind: 'draw', label: `${what} ${k + 1}`, overrides }));
  return variants;
}

/**
 * The overrides of a variant that apply to a claim's arms: those of parameters all arms share (the
 * same value in every arm). A parameter in which the arms differ is one of the claim's levers — the
 * contrast is about it — and is left as each arm's file sets it.
 *
 * @param overrides the variant's overrides.
 * @param armParameters the complete parameters of each arm.
 * @example sharedOverrides([['zones.count', 5], ['choice.scale', 2]], [withZones, withoutZones]) // [['choice.scale', 2]]
 */
export function sharedOverrides(overrides: RobustnessVariant['overrides'], armParameters: readonly unknown[]): (readonly [string, FactorValue])[] {
  const valueAt = (root: unknown, dotted: string): string => {
    let node = root;
    for (const key of dotted.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
    return JSON.stringify(node);
  };
  return overrides.filter(([dotted]) => armParameters.every((p) => valueAt(p, dotted) === valueAt(armParameters[0], dotted)));
}
