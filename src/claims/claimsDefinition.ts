/**
 * The data of a claims file (docs/claims.md): the speech's claims, each with the scenarios that test
 * it (its arms), the contrast that measures it, the outcomes it is about (claimed direction and the
 * smallest effect that matters), the time windows it is judged at and how its robustness is probed;
 * plus groups of scenarios (limiting cases, teaching scale, Henan scale) with a reference each.
 *
 * Plain data, produced by validateClaimsFile.ts from the YAML and read by everything downstream. Pure
 * module (no Node imports).
 */
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';

/** The contrasts a claim can measure: a pair (scenario − reference) or a 2×2 interaction. */
export const CONTRAST_KINDS = ['pair', 'interaction'] as const;
/** A contrast kind. */
export type ContrastKind = (typeof CONTRAST_KINDS)[number];

/** Arm keys of each contrast kind, in the order the contrast's formula names them. */
export const CONTRAST_ARMS = {
  pair: ['scenario', 'reference'],
  interaction: ['both', 'first', 'second', 'neither'],
} as const satisfies Record<ContrastKind, readonly string[]>;

/** The weights of the arms in each contrast (same order as {@link CONTRAST_ARMS}): A − B, or AB − A − B + neither. */
export const CONTRAST_WEIGHTS: Record<ContrastKind, readonly number[]> = {
  pair: [1, -1],
  interaction: [1, -1, -1, 1],
};

/** The directions a claim can give an outcome. */
export const CLAIM_DIRECTIONS = ['increase', 'decrease'] as const;
/** The claimed direction of an outcome's contrast. */
export type ClaimDirection = (typeof CLAIM_DIRECTIONS)[number];

/** Name of the window every claim is judged at: the last recorded instant of the run. */
export const END_WINDOW = 'end';

/** Names of the uncertainty a claim's robustness is probed over. */
export const UNCERTAINTY_KINDS = ['ranges', 'posterior', 'none'] as const;
/** Latin hypercube over the file's ranges, draws from a posterior sample, or none. */
export type UncertaintyKind = (typeof UNCERTAINTY_KINDS)[number];

/** The smallest effect that matters: a share of the reference mean, or an absolute amount in the outcome's unit. */
export type SmallestEffect = { readonly relative: number } | { readonly absolute: number };

/** One outcome of a claim. */
export interface ClaimOutcome {
  /** A province reporter (src/outcomes/reporters.ts). */
  readonly reporter: string;
  readonly direction: ClaimDirection;
  readonly smallestEffect: SmallestEffect;
  /** Primary outcomes are listed first and carry the claim's headline verdict. */
  readonly primary: boolean;
}

/** A named window: the recorded instants whose `year` (as in results.csv) lies in [from, to]. */
export interface ClaimWindow {
  readonly name: string;
  /** Words for tables, e.g. `crisis 2009–2012`. */
  readonly label: string;
  readonly from: number;
  readonly to: number;
}

/** The arms of a claim: contrast arm key → scenario file (as written, relative to the claims file). */
export type ClaimArms = Readonly<Record<string, string>>;

/** How a claim's verdicts are re-evaluated. */
export interface ClaimRobustness {
  /** Names of alternative functional forms (keys of the file's `robustness.forms`). */
  readonly forms: readonly string[];
  readonly uncertainty: UncertaintyKind;
}

/** One claim of the speech. */
export interface ClaimDefinition {
  /** Kebab-case id, unique in the file. */
  readonly id: string;
  /** A short title in English. */
  readonly title: string;
  /** The speech's words. */
  readonly words: { readonly zh: string; readonly en: string };
  /** Rule ids R1…R16 (shared/mission/speech-rules.md). */
  readonly rules: readonly string[];
  readonly contrast: ContrastKind;
  /** Factor names of an interaction ([first, second]); empty for a pair. */
  readonly factors: readonly string[];
  readonly arms: ClaimArms;
  readonly outcomes: readonly ClaimOutcome[];
  /** Window names: `end` first, then the named windows the claim lists. */
  readonly windows: readonly string[];
  readonly robustness: ClaimRobustness;
  /** Notes shown with the claim (caveats), or ''. */
  readonly note: string;
}

/** A group of scenarios compared with one reference (e.g. teaching scale vs baseline). */
export interface ScenarioGroup {
  readonly name: string;
  readonly label: string;
  /** Scenario file of the reference (relative to the claims file). */
  readonly reference: string;
  /** Scenario files of the group as listed (the reference belongs to the group whether listed or not). */
  readonly scenarios: readonly string[];
}

/** A named set of overrides that states an alternative functional form (applied to every arm). */
export interface RobustnessForm {
  readonly name: string;
  /** [dotted parameter path, value] pairs. */
  readonly overrides: readonly (readonly [string, FactorValue])[];
}

/** Documented range of a parameter for the Latin hypercube. */
export interface RobustnessRange {
  readonly parameter: string;
  readonly min: number;
  readonly max: number;
}

/** The file's robustness settings. */
export interface RobustnessSettings {
  /** Replications of each robustness variant (seeded like the main replications 0 … n − 1). */
  readonly replications: number;
  /** Latin hypercube points, or posterior draws, per claim. */
  readonly draws: number;
  readonly forms: readonly RobustnessForm[];
  readonly ranges: readonly RobustnessRange[];
  /** Posterior sample CSV (relative to the claims file), or null. */
  readonly posterior: string | null;
}

/** A validated claims file. */
export interface ClaimsDefinition {
  readonly name: string;
  readonly description: string;
  readonly windows: readonly ClaimWindow[];
  readonly groups: readonly ScenarioGroup[];
  readonly robustness: RobustnessSettings;
  readonly claims: readonly ClaimDefinition[];
}

/**
 * The arm files of a claim in the contrast's order (pair: scenario, reference; interaction: both,
 * first, second, neither).
 *
 * @example claimArmFiles(claim) // ['../baseline.yaml', '../no-zones.yaml']
 */
export function claimArmFiles(claim: Pick<ClaimDefinition, 'contrast' | 'arms'>): string[] {
  return CONTRAST_ARMS[claim.contrast].map((key) => claim.arms[key]);
}
