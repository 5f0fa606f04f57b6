/**
 * How robust a verdict is across parameter draws: how many draws give the main verdict, and the
 * simple split that says where it fails — for each drawn parameter, the draws below and above its
 * median, and the parameter whose halves differ most in the share giving the main verdict
 * ("supported in 10 of 12 draws (83 %); below 0.31 of choice.agglomeration.coefficient: 4 supported,
 * 2 unsettled; above: 6 supported"). Pure module.
 */
import { CLAIM_VERDICTS, type ClaimVerdict } from './claimVerdict.ts';

/** The verdict of one draw, with the drawn parameter values. */
export interface DrawVerdict {
  /** Drawn value of each varied parameter (dotted path → value). */
  readonly values: Readonly<Record<string, number>>;
  readonly verdict: ClaimVerdict;
}

/** Verdict counts of a set of draws. */
export type VerdictCounts = Readonly<Record<ClaimVerdict, number>>;

/** The split of the draws at one parameter's median. */
export interface RobustnessSplit {
  readonly parameter: string;
  /** Midpoint between the largest value of the lower half and the smallest of the upper half. */
  readonly threshold: number;
  readonly below: VerdictCounts;
  readonly above: VerdictCounts;
  /** |share agreeing below − share agreeing above|. */
  readonly shareGap: number;
}

/** A verdict's robustness across draws. */
export interface RobustnessSummary {
  readonly draws: number;
  readonly counts: VerdictCounts;
  /** Draws giving the main verdict, and their share. */
  readonly agreeing: number;
  readonly share: number;
  /** The parameter whose halves differ most (null: none differ, or no draws). */
  readonly split: RobustnessSplit | null;
}

/**
 * Count verdicts.
 *
 * @example countVerdicts(['supported', 'supported', 'unsettled']).supported // 2
 */
export function countVerdicts(verdicts: readonly ClaimVerdict[]): VerdictCounts {
  const counts = Object.fromEntries(CLAIM_VERDICTS.map((v) => [v, 0])) as Record<ClaimVerdict, number>;
  for (const v of verdicts) counts[v]++;
  return counts;
}

/**
 * Summarise the draws' verdicts against the main verdict. The split: sort the draws by each
 * parameter; the lower ⌊K/2⌋ are "below", the rest "above"; the parameter with the largest gap in
 * the share of draws giving the main verdict wins (the first in the draws' key order on ties); no
 * split when every gap is 0.
 *
 * @param main the verdict of the main replications.
 * @param draws the verdict of each draw.
 * @example
 * // 4 draws of a: 0.1, 0.2 (unsettled), 0.3, 0.4 (supported) → 2 of 4 (50 %); split at a = 0.25: below 0 of 2, above 2 of 2
 * summariseRobustness('supported', [{ values: { a: 0.1 }, verdict: 'unsettled' }, { values: { a: 0.2 }, verdict: 'unsettled' }, { values: { a: 0.3 }, verdict: 'supported' }, { values: { a: 0.4 }, verdict: 'supported' }]).split?.threshold // 0.25
 */
export function summariseRobustness(main: ClaimVerdict, draws: readonly DrawVerdict[]): RobustnessSummary {
  const counts = countVerdicts(draws.map((d) => d.verdict));
  const agreeing = counts[main];
  const share = draws.length === 0 ? 0 : agreeing / draws.length;
  let split: RobustnessSplit | null = null;
  if (draws.length >= 2) {
    const parameters = Object.keys(draws[0].values);
    for (const parameter of parameters) {
      const sorted = [...draws].sort((a, b) => a.values[parameter] - b.values[parameter]);
      const half = Math.floor(sorted.length / 2);
      const low = sorted.slice(0, half);
      const high = sorted.slice(half);
      const agree = (ds: readonly DrawVerdict[]): number => ds.filter((d) => d.verdict === main).length / ds.length;
      const gap = Math.abs(agree(low) - agree(high));
      if (gap > 0 && (split === null || gap > split.shareGap)) {
        split = {
          parameter,
          threshold: (low[low.length - 1].values[parameter] + high[0].values[parameter]) / 2,
          below: countVerdicts(low.map((d) => d.verdict)),
          above: countVerdicts(high.map((d) => d.verdict)),
          shareGap: gap,
        };
      }
    }
  }
  return { draws: draws.length, counts, agreeing, share, split };
}

/**
 * Verdict counts in words, most frequent first: "4 supported, 2 unsettled".
 *
 * @example describeVerdictCounts({ supported: 4, contradicted: 0, 'no effect that matters': 0, unsettled: 2, 'no difference': 0 }) // '4 supported, 2 unsettled'
 */
export function describeVerdictCounts(counts: VerdictCounts): string {
  return CLAIM_VERDICTS.filter((v) => counts[v] > 0)
    .sort((a, b) => counts[b] - counts[a])
    .map((v) => `${counts[v]} ${v}`)
    .join(', ');
}

/** A number with at most 3 significant digits for text. */
function short(value: number): string {
  return Number(value.toPrecision(3)).toString();
}

/**
 * The summary in one sentence.
 *
 * @example describeRobustness('supported', summary) // 'supported in 10 of 12 draws (83 %) (others: 2 unsettled); below 0.31 of choice.agglomeration.coefficient: 4 supported, 2 unsettled; above: 6 supported'
 */
export function describeRobustness(main: ClaimVerdict, summary: RobustnessSummary): string {
  if (summary.draws === 0) return 'no draws';
  let text = `${main} in ${summary.agreeing} of ${summary.draws} draws (${Math.round(summary.share * 100)} %)`;
  if (summary.agreeing < summary.draws) text += ` (others: ${describeVerdictCounts({ ...summary.counts, [main]: 0 })})`;
  if (summary.split !== null) {
    const s = summary.split;
    text += `; below ${short(s.threshold)} of ${s.parameter}: ${describeVerdictCounts(s.below)}; above: ${describeVerdictCounts(s.above)}`;
  }
  return text;
}
