/**
 * The claims' evidence as files: claims.csv (one row per claim × outcome × window, tidy), 
 * claims-trajectory.csv (one row per claim × outcome × recorded instant) and claims.json (everything,
 * nested). Sign convention everywhere: **scenario minus reference** — for a pair the `scenario` arm
 * minus the `reference` arm, for a 2×2 the interaction both − first − second + neither — written out
 * in each row's `contrast` column. Numbers in JavaScript's shortest round-trip form; empty = undefined.
 * Pure module (strings in, strings out).
 */
import { csvField, formatYear } from '../runner/tidyCsv.ts';
import type { ClaimsDefinition } from './claimsDefinition.ts';
import type { ClaimResult } from './evaluateClaims.ts';

/** The sign convention in words (CSV docs, claims.json, the report). */
export const SIGN_CONVENTION =
  'scenario minus reference: for a pair the scenario arm minus the reference arm; for a 2×2 the interaction both − first − second + neither (a difference in differences)';

/** Header of claims.csv. */
export const CLAIMS_CSV_HEADER = [
  'claim',
  'outcome',
  'primary',
  'window',
  'from_year',
  'to_year',
  'contrast',
  'scenario',
  'reference',
  'first',
  'second',
  'direction',
  'n',
  'mean_difference',
  'lower',
  'upper',
  'reference_mean',
  'relative',
  'relative_lower',
  'relative_upper',
  'smallest_effect',
  'verdict',
  'form_verdicts',
  'draws',
  'draws_agreeing',
  'robust_share',
  'split_parameter',
  'split_threshold',
  'robustness',
].join(',');

/** Header of claims-trajectory.csv. */
export const CLAIMS_TRAJECTORY_CSV_HEADER = 'claim,outcome,contrast,year,n,mean_difference,lower,upper,reference_mean,relative,relative_lower,relative_upper,no_difference';

function num(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '' : String(value);
}

/** Arm names in the CSV's columns: scenario, reference, first, second. */
function armColumns(result: ClaimResult): [string, string, string, string] {
  const a = result.arms;
  return result.claim.contrast === 'pair' ? [a[0], a[1], '', ''] : [a[0], a[3], a[1], a[2]];
}

/**
 * claims.csv: one row per claim × outcome (ranked) × window (end first).
 *
 * @example claimsCsv(results).split('\n')[0] === CLAIMS_CSV_HEADER // true
 */
export function claimsCsv(results: readonly ClaimResult[]): string {
  let out = `${CLAIMS_CSV_HEADER}\n`;
  for (const result of results) {
    const [scenario, reference, first, second] = armColumns(result);
    for (const o of result.outcomes) {
      for (const w of o.windows) {
        const e = w.evidence;
        const d = w.draws;
        out +=
          [
            result.claim.id,
            o.outcome.reporter,
            String(o.primary),
            w.window,
            formatYear(w.fromYear),
            formatYear(w.toYear),
            result.contrastText,
            scenario,
            reference,
            first,
            second,
            o.outcome.direction,
            String(e.n),
            num(e.meanDifference),
            num(e.lower),
            num(e.upper),
            num(e.referenceMean),
            num(e.relative),
            num(e.relativeLower),
            num(e.relativeUpper),
            num(e.smallestEffect),
            e.verdict,
            w.forms.map((f) => `${f.form}: ${f.evidence.verdict}`).join('; '),
            d === null ? '' : String(d.draws),
            d === null ? '' : String(d.agreeing),
            d === null ? '' : num(d.share),
            d?.split?.parameter ?? '',
            num(d?.split?.threshold),
            w.robustnessText,
          ]
            .map(csvField)
            .join(',') + '\n';
      }
    }
  }
  return out;
}

/**
 * claims-trajectory.csv: the contrast of every outcome at every recorded instant.
 *
 * @example claimsTrajectoryCsv(results).startsWith(CLAIMS_TRAJECTORY_CSV_HEADER) // true
 */
export function claimsTrajectoryCsv(results: readonly ClaimResult[]): string {
  let out = `${CLAIMS_TRAJECTORY_CSV_HEADER}\n`;
  for (const result of results) {
    for (const o of result.outcomes) {
      for (const p of o.trajectory) {
        out +=
          [
            result.claim.id,
            o.outcome.reporter,
            result.contrastText,
            formatYear(p.year),
            String(p.n),
            num(p.meanDifference),
            num(p.lower),
            num(p.upper),
            num(p.referenceMean),
            num(p.relative),
            num(p.relativeLower),
            num(p.relativeUpper),
            String(p.noDifference),
          ]
            .map(csvField)
            .join(',') + '\n';
      }
    }
  }
  return out;
}

/** Version of claims.json's layout. */
export const CLAIMS_JSON_FORMAT = 1;

/**
 * claims.json: the file's definition (groups with their scenario names, windows, robustness
 * settings) and every claim's result.
 *
 * @param groupNames scenario names of each group (reference first), by group name.
 */
export function claimsJson(file: string, definition: ClaimsDefinition, groupNames: ReadonlyMap<string, readonly string[]>, results: readonly ClaimResult[]): string {
  const json = {
    format: CLAIMS_JSON_FORMAT,
    file,
    name: definition.name,
    description: definition.description,
    signConvention: SIGN_CONVENTION,
    windows: definition.windows,
    groups: definition.groups.map((g) => ({ name: g.name, label: g.label, scenarios: groupNames.get(g.name) ?? [] })),
    robustness: definition.robustness,
    claims: results.map((r) => ({
      id: r.claim.id,
      title: r.claim.title,
      words: r.claim.words,
      rules: r.claim.rules,
      note: r.claim.note,
      contrast: r.claim.contrast,
      factors: r.claim.factors,
      arms: r.arms,
      contrastText: r.contrastText,
      replications: r.replications,
      robustnessReplications: r.robustnessReplications,
      variants: r.variants,
      outcomes: r.outcomes,
    })),
  };
  return `${JSON.stringify(json, null, 1)}\n`;
}
