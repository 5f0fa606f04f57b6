/**
 * Numbers and directions in exercise texts (docs/exercises/*.md) that come from runs, so the texts
 * cannot go stale. An exercise marks every value it states:
 *
 * - inline: `<!-- run: METRIC FIELD [FORMAT] [@YEAR] [verdict=word …] -->text<!-- /run -->`, where
 *   FIELD is `policy` or `compare` (the mean of the preset or of the comparison), `difference` (the
 *   paired mean difference preset − comparison), `interval` (its 95 % interval), `relative` (the
 *   difference as a signed % of the comparison's mean), `ratio` (preset mean / comparison mean) or
 *   `verdict` (the page's verdict words, src/statistics/differenceVerdict.ts; `higher=more` and the
 *   like replace a verdict by a word that fits the sentence); FORMAT is `int`, `sig2`, `sig3`,
 *   `pct`, `pct1`, `dp1`, `dp2` or `dp3` (default by unit); `@2012` takes the state at the end of
 *   2012 instead of the final recording;
 * - a table: `<!-- run-table -->…<!-- /run-table -->`, every outcome of the front matter's `charts`
 *   for both scenarios with the difference, its interval and its verdict.
 *
 * `fillExerciseText` rewrites what is between the markers from the runs (front matter `seed` and
 * `replications`); `npm run docs:exercises` writes it, and a test checks that every text equals its
 * filled version. Pure module: the runs are passed in (scripts/writeExerciseValues.ts runs them).
 */
import { confidenceBand, finalDifferenceVerdict, type ReplicationSeries } from './batchStatistics.ts';
import { reporterByName } from './chartMetrics.ts';
import { monthLabel } from './timeLabels.ts';
import { differenceVerdict, type DifferenceWithVerdict } from '../statistics/differenceVerdict.ts';

/** The runs of one exercise: replication r of both scenarios used replicationSeed(seed, r). */
export interface ExerciseRuns {
  /** Scenario name of the preset ("my policy"). */
  readonly policyName: string;
  /** Scenario name of the comparison. */
  readonly comparisonName: string;
  readonly seed: number;
  readonly startYear: number;
  readonly policy: readonly ReplicationSeries[];
  readonly comparison: readonly ReplicationSeries[];
}

/** Seed and replications an exercise text states (front matter `seed`, `replications`). */
export interface ExerciseRunSettings {
  readonly seed: number;
  readonly replications: number;
}

/** Marker pattern of an inline value: the expression and the current text. */
const INLINE = /<!-- run: ([^>]*?) -->([\s\S]*?)<!-- \/run -->/g;
const TABLE = /<!-- run-table -->[\s\S]*?<!-- \/run-table -->/g;

/** Formats of inline values. */
const FORMATS = ['int', 'sig2', 'sig3', 'pct', 'pct1', 'dp1', 'dp2', 'dp3'] as const;
type ValueFormat = (typeof FORMATS)[number];
const FIELDS = ['policy', 'compare', 'difference', 'interval', 'relative', 'ratio', 'verdict'] as const;
type ValueField = (typeof FIELDS)[number];

/** A parsed inline expression. */
interface ValueExpression {
  readonly metric: string;
  readonly field: ValueField;
  readonly format: ValueFormat | null;
  /** Calendar year whose end is meant, or null for the final recording. */
  readonly year: number | null;
  readonly words: Readonly<Record<string, string>>;
}

/**
 * Read the seed and replications from an exercise's front matter.
 *
 * @throws {Error} naming the file when either is missing or not a positive integer.
 * @example exerciseRunSettings('x.md', '---\nseed: 2009\nreplications: 10\n---\n') // { seed: 2009, replications: 10 }
 */
export function exerciseRunSettings(file: string, text: string): ExerciseRunSettings {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const read = (key: string): number => {
    const match = new RegExp(`^${key}:\\s*(\\S+)\\s*$`, 'm').exec(front);
    const value = match ? Number(match[1]) : Number.NaN;
    if (!Number.isInteger(value) || value < (key === 'seed' ? 0 : 1)) {
      throw new Error(`${file}: front matter: ${key}: expected ${key === 'seed' ? 'an integer ≥ 0' : 'an integer ≥ 1'}, found ${match ? match[1] : 'nothing'}`);
    }
    return value;
  };
  return { seed: read('seed'), replications: read('replications') };
}

function parseExpression(file: string, source: string): ValueExpression {
  const parts = source.trim().split(/\s+/);
  const [metric, field, ...rest] = parts;
  const fail = (what: string): never => {
    throw new Error(`${file}: <!-- run: ${source.trim()} -->: ${what}`);
  };
  if (!metric || !reporterByName(metric)) fail(`expected a province outcome name, found ${metric ?? 'nothing'}`);
  if (!(FIELDS as readonly string[]).includes(field)) fail(`expected one of ${FIELDS.join(', ')} after the outcome, found ${field ?? 'nothing'}`);
  let format: ValueFormat | null = null;
  let year: number | null = null;
  const words: Record<string, string> = {};
  for (const part of rest) {
    if ((FORMATS as readonly string[]).includes(part)) format = part as ValueFormat;
    else if (/^@\d{4}$/.test(part)) year = Number(part.slice(1));
    else if (/^[a-z-]+=\S+$/.test(part)) {
      const [verdict, word] = part.split('=');
      words[verdict.replace(/-/g, ' ')] = word.replace(/_/g, ' ');
    } else fail(`expected a format (${FORMATS.join(', ')}), @year or verdict=word, found ${part}`);
  }
  return { metric, field: field as ValueField, format, year, words };
}

const grouped = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/**
 * Format a number for an exercise text.
 *
 * @example formatExerciseNumber(1913.4, 'int') // '1,913'
 * @example formatExerciseNumber(0.7872, 'pct1') // '78.7%'
 * @example formatExerciseNumber(324.66, 'sig2') // '320'
 */
export function formatExerciseNumber(value: number, format: ValueFormat): string {
  const sign = value < 0 ? '−' : '';
  const magnitude = Math.abs(value);
  switch (format) {
    case 'int':
      return sign + grouped.format(Math.round(magnitude));
    case 'sig2':
    case 'sig3': {
      const digits = format === 'sig2' ? 2 : 3;
      if (magnitude === 0) return '0';
      const exponent = Math.floor(Math.log10(magnitude));
      if (exponent >= digits - 1) {
        const step = 10 ** (exponent - digits + 1);
        return sign + grouped.format(Math.round(magnitude / step) * step);
      }
      return sign + magnitude.toFixed(digits - 1 - exponent);
    }
    case 'pct':
      return `${sign}${(magnitude * 100).toFixed(0)}%`;
    case 'pct1':
      return `${sign}${(magnitude * 100).toFixed(1)}%`;
    case 'dp1':
      return sign + magnitude.toFixed(1);
    case 'dp2':
      return sign + magnitude.toFixed(2);
    case 'dp3':
      return sign + magnitude.toFixed(3);
  }
}

/** The default format of an outcome's values: shares in % with one decimal, else 3 significant digits. */
function defaultFormat(metric: string): ValueFormat {
  return reporterByName(metric)?.unit === 'share' ? 'pct1' : 'sig3';
}

/** The recording index of the end of `year` (calendar time year + 1), or the last one. */
function recordingIndex(file: string, runs: ExerciseRuns, year: number | null): number {
  const years = runs.policy[0]?.years ?? [];
  if (year === null) return years.length - 1;
  const index = years.findIndex((t) => Math.abs(t - (year + 1)) < 1e-9);
  if (index < 0) throw new Error(`${file}: no recording at the end of ${year} (the runs record ${years[0]}–${years.at(-1)})`);
  return index;
}

/** Values of `metric` at recording `index` over replications (skipping undefined ones). */
function valuesAt(replications: readonly ReplicationSeries[], metric: string, index: number): number[] {
  const out: number[] = [];
  for (const replication of replications) {
    const value = replication.series[metric]?.[index];
    if (typeof value === 'number' && Number.isFinite(value)) out.push(value);
  }
  return out;
}

function differenceAt(file: string, runs: ExerciseRuns, metric: string, index: number): DifferenceWithVerdict {
  const scenario: number[] = [];
  const reference: number[] = [];
  for (let r = 0; r < Math.min(runs.policy.length, runs.comparison.length); r++) {
    const a = runs.policy[r].series[metric]?.[index];
    const b = runs.comparison[r].series[metric]?.[index];
    if (typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b)) {
      scenario.push(a);
      reference.push(b);
    }
  }
  if (scenario.length === 0) throw new Error(`${file}: ${metric} has no value in both scenarios`);
  return differenceVerdict(scenario, reference);
}

const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v / values.length, 0);

/** A signed value; `points` writes a share difference in percentage points (`+9.3 pp`, not `+9.3%`). */
function signed(value: number, format: ValueFormat, points = false): string {
  let text = formatExerciseNumber(value, format);
  if (points) text = text.replace(/%$/, ' pp');
  return value > 0 ? `+${text}` : text;
}

/** Whether a difference of `metric` in `format` is a difference of shares in percentage points. */
function inPoints(metric: string, format: ValueFormat): boolean {
  return reporterByName(metric)?.unit === 'share' && (format === 'pct' || format === 'pct1');
}

/** The text an inline expression stands for. */
function evaluate(file: string, expression: ValueExpression, runs: ExerciseRuns): string {
  const index = recordingIndex(file, runs, expression.year);
  const format = expression.format ?? defaultFormat(expression.metric);
  const { metric } = expression;
  switch (expression.field) {
    case 'policy':
      return formatExerciseNumber(mean(valuesAt(runs.policy, metric, index)), format);
    case 'compare':
      return formatExerciseNumber(mean(valuesAt(runs.comparison, metric, index)), format);
    case 'difference':
      return signed(differenceAt(file, runs, metric, index).difference.meanDifference, format, inPoints(metric, format));
    case 'interval': {
      const { lower, upper } = differenceAt(file, runs, metric, index).difference;
      const points = inPoints(metric, format);
      return `[${signed(lower, format, points)}, ${signed(upper, format, points)}]`;
    }
    case 'relative': {
      const relative = differenceAt(file, runs, metric, index).relativeDifference;
      if (relative === null) throw new Error(`${file}: ${metric} relative: the comparison's mean is 0`);
      return signed(relative, expression.format ?? 'pct');
    }
    case 'ratio': {
      const below = mean(valuesAt(runs.comparison, metric, index));
      if (below === 0) throw new Error(`${file}: ${metric} ratio: the comparison's mean is 0`);
      return formatExerciseNumber(mean(valuesAt(runs.policy, metric, index)) / below, expression.format ?? 'dp1');
    }
    case 'verdict': {
      const verdict = differenceAt(file, runs, metric, index).verdict;
      return expression.words[verdict] ?? verdict;
    }
  }
}

/** The generated table of an exercise: its chart outcomes at the final recording. */
export function exerciseValuesTable(metrics: readonly string[], runs: ExerciseRuns, settings: ExerciseRunSettings): string {
  const last = (runs.policy[0]?.years.length ?? 1) - 1;
  const when = monthLabel(runs.startYear, runs.policy[0]?.years[last] ?? runs.startYear);
  const differenceName = `${runs.policyName} − ${runs.comparisonName}`;
  const lines = [
    `Generated by \`npm run docs:exercises\` from the runs (seed ${settings.seed}, ${settings.replications} replications of each scenario, ` +
      `final state: ${when}); differences are ${differenceName} on the same seeds, with their 95% interval and the page's verdict:`,
    '',
    `| outcome | unit | ${runs.policyName} | ${runs.comparisonName} | ${differenceName} [95% CI] | verdict |`,
    '|---|---|--:|--:|--:|---|',
  ];
  for (const metric of metrics) {
    const reporter = reporterByName(metric);
    if (!reporter) continue;
    const format = defaultFormat(metric);
    const a = confidenceBand(runs.policy, metric).mean[last];
    const b = confidenceBand(runs.comparison, metric).mean[last];
    const result = finalDifferenceVerdict(runs.policy, runs.comparison, metric);
    const cell = (value: number | null | undefined): string => (value === null || value === undefined ? '–' : formatExerciseNumber(value, format));
    const points = inPoints(metric, format);
    const difference = result
      ? `${signed(result.difference.meanDifference, format, points)} [${signed(result.difference.lower, format, points)}, ${signed(result.difference.upper, format, points)}]`
      : '–';
    lines.push(`| ${reporter.label} | ${reporter.unit} | ${cell(a)} | ${cell(b)} | ${difference} | ${result?.verdict ?? '–'} |`);
  }
  return `<!-- run-table -->\n${lines.join('\n')}\n<!-- /run-table -->`;
}

/**
 * The exercise text with every marked value rewritten from the runs (see the module comment).
 *
 * @param metrics the outcomes of the generated table (the exercise's `charts`).
 * @throws {Error} naming the file for an unknown outcome, field, format or year in a marker.
 */
export function fillExerciseText(file: string, text: string, metrics: readonly string[], runs: ExerciseRuns, settings: ExerciseRunSettings): string {
  return text
    .replace(INLINE, (_match, source: string) => `<!-- run: ${source} -->${evaluate(file, parseExpression(file, source), runs)}<!-- /run -->`)
    .replace(TABLE, () => exerciseValuesTable(metrics, runs, settings));
}

/** The number of inline markers and tables in a text (a text without any states nothing checked). */
export function countRunMarkers(text: string): { inline: number; tables: number } {
  return { inline: [...text.matchAll(INLINE)].length, tables: [...text.matchAll(TABLE)].length };
}

/**
 * Remove the run markers (HTML comments) for display, keeping the values between them.
 *
 * @example stripRunMarkers('output <!-- run: output policy -->3.1M<!-- /run -->') // 'output 3.1M'
 */
export function stripRunMarkers(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, '');
}
