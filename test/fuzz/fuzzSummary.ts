/**
 * The tally of a fuzz run and its summary table (printed by `npm run fuzz`, quoted in the README):
 * cases by kind, exit codes, follow-up runs, and the count of each failed property.
 */
import type { FuzzCase } from './fuzzCases.ts';
import type { FuzzOutcome, FuzzProblemKind } from './runFuzzCase.ts';

/** Counts of a fuzz run. */
export interface FuzzTally {
  cases: number;
  byKind: Record<FuzzCase['kind'], number>;
  exitCodes: Record<string, number>;
  followUps: Record<FuzzOutcome['followUp'], number>;
  problems: Record<FuzzProblemKind, number>;
  /** Cases with at least one problem. */
  failedCases: number;
  slowestSeconds: number;
  totalSeconds: number;
}

/** An empty tally. */
export function emptyTally(): FuzzTally {
  return {
    cases: 0,
    byKind: { scenario: 0, experiment: 0, claims: 0, 'experiment-run': 0, options: 0 },
    exitCodes: {},
    followUps: { none: 0, model: 0, cli: 0, 'over-budget': 0 },
    problems: { 'internal-error': 0, 'bad-exit-code': 0, 'stack-trace': 0, 'bad-message': 0, 'long-message': 0, 'node-warning': 0, 'non-finite': 0, hang: 0 },
    failedCases: 0,
    slowestSeconds: 0,
    totalSeconds: 0,
  };
}

/** Add one case's outcome to a tally. */
export function addOutcome(tally: FuzzTally, kind: FuzzCase['kind'], outcome: FuzzOutcome): void {
  tally.cases += 1;
  tally.byKind[kind] += 1;
  const code = outcome.exitCode < 0 ? 'none' : String(outcome.exitCode);
  tally.exitCodes[code] = (tally.exitCodes[code] ?? 0) + 1;
  tally.followUps[outcome.followUp] += 1;
  for (const problem of outcome.problems) tally.problems[problem.kind] += 1;
  if (outcome.problems.length > 0) tally.failedCases += 1;
  tally.slowestSeconds = Math.max(tally.slowestSeconds, outcome.seconds);
  tally.totalSeconds += outcome.seconds;
}

/** The summary as a Markdown table (one row per figure). */
export function formatTally(tally: FuzzTally): string {
  const exitCodes = Object.entries(tally.exitCodes)
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([code, count]) => `${code}: ${count}`)
    .join(', ');
  const rows: Array<[string, string | number]> = [
    ['cases', tally.cases],
    [
      'scenario files / experiment files / claims files / small experiments run / command lines',
      `${tally.byKind.scenario} / ${tally.byKind.experiment} / ${tally.byKind.claims} / ${tally.byKind['experiment-run']} / ${tally.byKind.options}`,
    ],
    ['exit codes', exitCodes],
    ['accepted and run: in process / through the CLI / over the fuzz budget', `${tally.followUps.model} / ${tally.followUps.cli} / ${tally.followUps['over-budget']}`],
    ['internal errors (exit 70, a throw)', tally.problems['internal-error']],
    ['other exit codes', tally.problems['bad-exit-code']],
    ['stack traces', tally.problems['stack-trace']],
    ['errors not one `zonesim:` line', tally.problems['bad-message']],
    ['messages over 2,000 characters', tally.problems['long-message']],
    ['Node warnings', tally.problems['node-warning']],
    ['hangs (a case over 60 s)', tally.problems.hang],
    ['non-finite outputs', tally.problems['non-finite']],
    ['failed cases', tally.failedCases],
    ['slowest case', `${tally.slowestSeconds.toFixed(1)} s`],
    ['time in cases', `${(tally.totalSeconds / 60).toFixed(1)} min`],
  ];
  return ['| figure | value |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join('\n');
}
