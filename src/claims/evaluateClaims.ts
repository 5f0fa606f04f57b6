/**
 * Every claim's evidence: per outcome, the contrast (scenario minus reference, or the 2×2
 * interaction) replication by replication at every recorded instant (the trajectory) and in every
 * window (the end state and the named ones), its verdict, and the verdict re-evaluated under each
 * alternative form and each parameter draw. Reads the runs through a {@link SeriesSource}, so it is
 * a pure function of the values (the claims command reads them from the run store).
 */
import { reporterByName } from '../outcomes/reporters.ts';
import { CONTRAST_ARMS, END_WINDOW, type ClaimDefinition, type ClaimOutcome, type ClaimsDefinition, type ClaimWindow } from './claimsDefinition.ts';
import { judgeContrast, summariseContrast, type ClaimEvidence, type ClaimVerdict, type ContrastSummary } from './claimVerdict.ts';
import { contrastValues, type ContrastValues } from './contrastValues.ts';
import { isFloatingPointResidue } from '../statistics/floatingPointResidue.ts';
import { rankClaimOutcomes } from './rankClaimOutcomes.ts';
import { describeRobustness, summariseRobustness, type RobustnessSummary } from './robustnessSummary.ts';
import type { RobustnessVariant } from './robustnessVariants.ts';
import { windowInstants, windowMean } from './windowMean.ts';

/** The recorded province values of one arm (a scenario, or a robustness variant of it). */
export interface ArmSeries {
  /** Year label of each recorded instant. */
  readonly years: readonly number[];
  readonly replications: number;
  /** The value of a province reporter at instant i in replication r (NaN when undefined). */
  value(reporter: string, instant: number, replication: number): number;
}

/**
 * The values of a scenario (variantKey null) or of a robustness variant of it, as an arm of a claim
 * (by id: a variant's overrides leave out the claim's levers, so the same variant of the same scenario
 * may be another run in another claim).
 */
export type SeriesSource = (scenario: string, variantKey: string | null, claim: string) => ArmSeries;

/** The contrast at one recorded instant. */
export interface TrajectoryPoint extends ContrastSummary {
  readonly year: number;
  /** True when every replication's contrast is floating-point residue. */
  readonly noDifference: boolean;
}

/** The verdict under one alternative form. */
export interface FormVerdict {
  readonly form: string;
  readonly evidence: ClaimEvidence;
}

/** One outcome of a claim in one window. */
export interface WindowResult {
  /** `end` or the window's name. */
  readonly window: string;
  readonly label: string;
  /** First and last recorded year the window holds. */
  readonly fromYear: number;
  readonly toYear: number;
  readonly evidence: ClaimEvidence;
  readonly forms: readonly FormVerdict[];
  /** Across the parameter draws (null: the claim has none). */
  readonly draws: RobustnessSummary | null;
  /** The robustness in one sentence ('' without forms and draws). */
  readonly robustnessText: string;
}

/** One outcome of a claim. */
export interface OutcomeResult {
  readonly outcome: ClaimOutcome;
  readonly label: string;
  readonly unit: string;
  /** End state first, then the claim's windows. */
  readonly windows: readonly WindowResult[];
  readonly trajectory: readonly TrajectoryPoint[];
  /** A primary outcome of the claim (ranked first, shown in the claims table). */
  readonly primary: boolean;
  /** End-state relative effect (ranking); null when the reference mean is 0. */
  readonly relative: number | null;
}

/** One claim's evidence. */
export interface ClaimResult {
  readonly claim: ClaimDefinition;
  /** Scenario names of the arms, in contrast order. */
  readonly arms: readonly string[];
  /** The contrast in words, e.g. `baseline − no-zones`. */
  readonly contrastText: string;
  /** Outcomes ranked: primary first, then by |relative effect| at the end. */
  readonly outcomes: readonly OutcomeResult[];
  /** Replications of the main evidence, and of each robustness variant. */
  readonly replications: number;
  readonly robustnessReplications: number;
  readonly variants: readonly RobustnessVariant[];
}

/**
 * The contrast in words: `A − B`, or `(AB − A) − (B − neither)` for an interaction.
 *
 * @example contrastText('pair', ['baseline', 'no-zones']) // 'baseline − no-zones'
 */
export function contrastText(kind: ClaimDefinition['contrast'], arms: readonly string[]): string {
  return kind === 'pair' ? `${arms[0]} − ${arms[1]}` : `${arms[0]} − ${arms[1]} − ${arms[2]} + ${arms[3]}`;
}

function armValuesAt(series: readonly ArmSeries[], reporter: string, instants: readonly number[]): Float64Array[] {
  return series.map((s) => {
    const out = new Float64Array(s.replications);
    for (let r = 0; r < s.replications; r++) out[r] = windowMean((i) => s.value(reporter, i, r), instants);
    return out;
  });
}

function windowContrast(kind: ClaimDefinition['contrast'], series: readonly ArmSeries[], reporter: string, instants: readonly number[]): ContrastValues {
  const n = Math.min(...series.map((s) => s.replications));
  const values = armValuesAt(series, reporter, instants).map((a) => a.subarray(0, n));
  return contrastValues(kind, values);
}

function trajectory(kind: ClaimDefinition['contrast'], series: readonly ArmSeries[], reporter: string): TrajectoryPoint[] {
  const points: TrajectoryPoint[] = [];
  series[0].years.forEach((year, i) => {
    const c = windowContrast(kind, series, reporter, [i]);
    if (c.differences.length === 0) return;
    points.push({ year, ...summariseContrast(c.differences, c.reference), noDifference: isFloatingPointResidue(c.differences, c.magnitudes) });
  });
  return points;
}

/** The values of the variant's draws as numbers (the split needs numbers). */
function drawValues(variant: RobustnessVariant): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [p, v] of variant.overrides) if (typeof v === 'number') out[p] = v;
  return out;
}

/**
 * Evaluate every claim of a claims file.
 *
 * @param definition the claims file's definition.
 * @param scenarioNameOf the scenario name of each path the file writes.
 * @param variantsOf the robustness variants of each claim (by id; none when missing).
 * @param source the recorded values of each scenario and variant.
 * @param robustnessReplications replications of each variant (for the record).
 * @returns one result per claim, in file order.
 */
export function evaluateClaims(
  definition: ClaimsDefinition,
  scenarioNameOf: ReadonlyMap<string, string>,
  variantsOf: ReadonlyMap<string, readonly RobustnessVariant[]>,
  source: SeriesSource,
  robustnessReplications: number,
): ClaimResult[] {
  return definition.claims.map((claim) => {
    const arms = CONTRAST_ARMS[claim.contrast].map((key) => scenarioNameOf.get(claim.arms[key]) as string);
    const main = arms.map((a) => source(a, null, claim.id));
    const variants = variantsOf.get(claim.id) ?? [];
    const variantSeries = variants.map((v) => ({ variant: v, series: arms.map((a) => source(a, v.key, claim.id)) }));
    const windows: (ClaimWindow | typeof END_WINDOW)[] = claim.windows.map((w) => (w === END_WINDOW ? END_WINDOW : (definition.windows.find((x) => x.name === w) as ClaimWindow)));
    const outcomes = claim.outcomes.map((outcome): OutcomeResult => {
      const reporter = reporterByName(outcome.reporter);
      const windowResults = windows.map((window): WindowResult => {
        const instants = windowInstants(main[0].years, window);
        const evidence = judgeContrast(windowContrast(claim.contrast, main, outcome.reporter, instants), outcome.direction, outcome.smallestEffect);
        const judge = (series: readonly ArmSeries[]): ClaimEvidence =>
          judgeContrast(windowContrast(claim.contrast, series, outcome.reporter, windowInstants(series[0].years, window)), outcome.direction, outcome.smallestEffect);
        const forms: FormVerdict[] = variantSeries.filter((v) => v.variant.kind === 'form').map((v) => ({ form: v.variant.label, evidence: judge(v.series) }));
        const drawn = variantSeries.filter((v) => v.variant.kind === 'draw');
        const draws = drawn.length === 0 ? null : summariseRobustness(evidence.verdict, drawn.map((v) => ({ values: drawValues(v.variant), verdict: judge(v.series).verdict })));
        const parts: string[] = [];
        if (forms.length > 0) parts.push(forms.map((f) => `${f.form}: ${f.evidence.verdict}`).join('; '));
        if (draws !== null) parts.push(describeRobustness(evidence.verdict, draws));
        const years = instants.map((i) => main[0].years[i]);
        return {
          window: window === END_WINDOW ? END_WINDOW : window.name,
          label: window === END_WINDOW ? `end state ${formatYear(years[0])}` : window.label,
          fromYear: years[0],
          toYear: years[years.length - 1],
          evidence,
          forms,
          draws,
          robustnessText: parts.join('; '),
        };
      });
      return {
        outcome,
        label: reporter.label,
        unit: reporter.unit,
        windows: windowResults,
        trajectory: trajectory(claim.contrast, main, outcome.reporter),
        primary: outcome.primary,
        relative: windowResults[0].evidence.verdict === 'no difference' ? null : windowResults[0].evidence.relative,
      };
    });
    return {
      claim,
      arms,
      contrastText: contrastText(claim.contrast, arms),
      outcomes: rankClaimOutcomes(outcomes),
      replications: Math.min(...main.map((s) => s.replications)),
      robustnessReplications,
      variants,
    };
  });
}

function formatYear(year: number | undefined): string {
  return year === undefined ? '' : String(Math.round(year * 100) / 100);
}

/** The verdicts a claim's primary outcomes get at the end state (the headline of the claims table). */
export function headlineVerdicts(result: ClaimResult): ClaimVerdict[] {
  return result.outcomes.filter((o) => o.primary).map((o) => o.windows[0].evidence.verdict);
}
