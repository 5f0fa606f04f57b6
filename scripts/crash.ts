/**
 * The long crash run of issue 11 (`npm run crash`): N trials, alternating a small comparison (with its
 * HTML report) and a small experiment, each killed with SIGKILL at a seeded random point (while
 * replications are simulated and committed, or a few milliseconds into the summarising, CSV or report
 * phase), then run again; every rerun's folder must be byte-identical to an uninterrupted run's
 * (test/support/crashTrials.ts). Prints a summary by kill point and lists failures.
 *
 * Usage: npm run crash -- [--trials 40] [--seed 2009]
 * Exit code: 0 when every trial's folder was identical, 1 otherwise.
 */
import path from 'node:path';
import {
  crashTrial,
  describeCrashPoint,
  drawCrashPoint,
  folderContents,
  prepareCrashJob,
  removeCrashJob,
  runToEnd,
  seededUniform,
  type CrashJob,
  type CrashJobFiles,
  type CrashTrialOutcome,
} from '../test/support/crashTrials.ts';

function parseOptions(argv: readonly string[]): { trials: number; seed: number } {
  const options = { trials: 40, seed: 2009 };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    const number = Number(value);
    if (!Number.isSafeInteger(number) || number < 0) throw new Error(`crash: ${name} expects a non-negative integer, found ${JSON.stringify(value)}`);
    if (name === '--trials') options.trials = number;
    else if (name === '--seed') options.seed = number;
    else throw new Error(`crash: unknown option ${name} (expected --trials or --seed)`);
  }
  return options;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const uniform = seededUniform(options.seed);
  const jobs = new Map<CrashJob, { files: CrashJobFiles; reference: Map<string, string>; tasks: number }>();
  for (const job of ['comparison', 'experiment'] as const) {
    const files = prepareCrashJob(job);
    const reference = path.join(files.dir, 'reference');
    const result = runToEnd(files, reference);
    if (result.status !== 0) throw new Error(`crash: the uninterrupted ${job} failed: ${result.stderr}`);
    jobs.set(job, { files, reference: folderContents(reference), tasks: files.tasks });
  }
  const outcomes: CrashTrialOutcome[] = [];
  const started = Date.now();
  try {
    for (let trial = 0; trial < options.trials; trial++) {
      const job: CrashJob = trial % 2 === 0 ? 'comparison' : 'experiment';
      const { files, reference, tasks } = jobs.get(job)!;
      const point = drawCrashPoint(job, tasks, uniform);
      const outcome = await crashTrial(job, files, path.join(files.dir, `trial-${trial}`), point, reference);
      outcomes.push(outcome);
      process.stderr.write(`crash: trial ${trial + 1}/${options.trials} ${job}, ${describeCrashPoint(point)}: ${outcome.killed ? 'killed' : 'finished first'}, ${outcome.failure ?? 'identical'}\n`);
    }
  } finally {
    for (const { files } of jobs.values()) removeCrashJob(files);
  }
  const rows = new Map<string, { trials: number; killed: number; identical: number }>();
  for (const o of outcomes) {
    const where = o.point.when === 'stored' ? 'simulating / committing' : o.point.phase;
    const key = `${o.job} | ${where}`;
    const row = rows.get(key) ?? { trials: 0, killed: 0, identical: 0 };
    row.trials++;
    if (o.killed) row.killed++;
    if (o.failure === null) row.identical++;
    rows.set(key, row);
  }
  const failures = outcomes.filter((o) => o.failure !== null);
  process.stdout.write(`\n| job | killed while | trials | killed | rerun byte-identical |\n|---|---|---|---|---|\n`);
  for (const [key, row] of [...rows].sort()) {
    const [job, where] = key.split(' | ');
    process.stdout.write(`| ${job} | ${where} | ${row.trials} | ${row.killed} | ${row.identical} |\n`);
  }
  process.stdout.write(
    `\n${outcomes.length} trials (seed ${options.seed}) in ${((Date.now() - started) / 1000).toFixed(0)} s: ${outcomes.filter((o) => o.killed).length} killed before they finished, ${outcomes.length - failures.length} reruns byte-identical, ${failures.length} failed\n`,
  );
  for (const f of failures) process.stdout.write(`FAILED: ${f.job}, ${describeCrashPoint(f.point)}: ${f.failure}\n`);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
