import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { runScenarios } from '../runner/runScenarios.ts';
import { loadScenarioFiles } from '../scenario/loadScenarioFile.ts';
import { ScenarioError } from '../scenario/scenarioError.ts';
import { CliInputError, ExitCode } from './exitCodes.ts';
import { createProgressBar } from './progressBar.ts';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The folder of bundled scenarios. */
export const bundledScenarioDir = path.join(packageRoot, 'scenarios');

function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: packageRoot, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return null;
  }
}

function parsePositiveInteger(name: string, maximum: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1 || n > maximum) {
      throw new InvalidArgumentError(`expected an integer from 1 to ${maximum} for ${name}, found "${value}"`);
    }
    return n;
  };
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n > 4294967295) {
    throw new InvalidArgumentError(`expected an integer from 0 to 4294967295 for --seed, found "${value}"`);
  }
  return n;
}

/** Bundled scenario files, sorted by name. */
export function bundledScenarioFiles(): string[] {
  return readdirSync(bundledScenarioDir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => path.join(bundledScenarioDir, f));
}

function defaultOutDir(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return path.join('reports', `run-${stamp}`);
}

/** Build the command-line program (exported for tests). */
export function buildProgram(output: CliOutput): Command {
  const program = new Command();
  program
    .name('zonesim')
    .description('Agent-based simulation of industrial cluster zones (产业集聚区) and the levers of Henan’s 2009 zone policy.')
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .exitOverride()
    .addHelpText(
      'after',
      '\nExit codes: 0 success; 1 invalid input (scenario, data file or option value); 2 usage error; 70 internal error.',
    );

  program
    .command('run')
    .description('Run scenario files for N seeded replications and write tidy CSV results and a manifest.')
    .argument('<scenarios...>', 'scenario YAML files (see `zonesim list` for the bundled ones)')
    .option('-r, --reps <n>', 'replications per scenario', parsePositiveInteger('--reps', 100000), 10)
    .option('-s, --seed <n>', 'base seed; replication r uses a seed derived from (seed, r)', parseSeed, 2009)
    .option('-o, --out <dir>', 'output folder (default: reports/run-<date>-<time>)')
    .option('-q, --quiet', 'no progress output')
    .action(async (files: string[], opts: { reps: number; seed: number; out?: string; quiet?: boolean }) => {
      const scenarios = await loadScenarioFiles(files);
      const outDir = opts.out ?? defaultOutDir();
      const bar = createProgressBar(scenarios.length * opts.reps, 'replications', { quiet: opts.quiet || process.env.CI === 'true' });
      const summary = await runScenarios({
        scenarios,
        replications: opts.reps,
        baseSeed: opts.seed,
        outDir,
        provenance: { zonesimVersion: packageVersion(), gitCommit: gitCommit(), command: `zonesim ${process.argv.slice(2).join(' ')}` },
        onReplicationDone: (done) => bar.update(done),
      });
      bar.finish();
      output.err(
        `ran ${summary.replicationsRun} replications of ${scenarios.length} scenario(s) in ${summary.wallTimeSeconds.toFixed(1)} s; results in ${path.join(summary.outDir, 'results.csv')}\n`,
      );
    });

  program
    .command('validate')
    .description('Check scenario files (and the data files they name) without running them.')
    .argument('<scenarios...>', 'scenario YAML files')
    .action(async (files: string[]) => {
      const scenarios = await loadScenarioFiles(files);
      for (const s of scenarios) output.out(`ok ${s.file} (${s.name})\n`);
    });

  program
    .command('list')
    .description('List the bundled scenarios with their one-line descriptions.')
    .action(async () => {
      const scenarios = await loadScenarioFiles(bundledScenarioFiles());
      const width = Math.max(...scenarios.map((s) => s.name.length));
      for (const s of scenarios) output.out(`${s.name.padEnd(width)}  ${s.description}\n`);
    });

  program
    .command('bundled')
    .description('Run every bundled scenario (the main job; same options as run).')
    .option('-r, --reps <n>', 'replications per scenario', parsePositiveInteger('--reps', 100000), 10)
    .option('-s, --seed <n>', 'base seed', parseSeed, 2009)
    .option('-o, --out <dir>', 'output folder', path.join('reports', 'bundled'))
    .option('-q, --quiet', 'no progress output')
    .action(async (opts: { reps: number; seed: number; out: string; quiet?: boolean }) => {
      const args = ['node', 'zonesim', 'run', ...bundledScenarioFiles(), '--reps', String(opts.reps), '--seed', String(opts.seed), '--out', opts.out];
      if (opts.quiet) args.push('--quiet');
      await program.parseAsync(args);
    });
  return program;
}

/**
 * Run the command line; returns the exit code. Every expected failure is reported as one line on
 * stderr without a stack trace (set ZONESIM_DEBUG=1 to see stacks of internal errors).
 */
/** Where the command line writes: stdout and stderr by default, buffers in tests. */
export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processOutput: CliOutput = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

export async function main(argv: string[], output: CliOutput = processOutput): Promise<number> {
  const program = buildProgram(output);
  try {
    await program.parseAsync(argv);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return ExitCode.ok;
      return error.code === 'commander.invalidArgument' ? ExitCode.invalidInput : ExitCode.usage;
    }
    if (error instanceof ScenarioError || error instanceof CliInputError) {
      output.err(`zonesim: ${error.message}\n`);
      return ExitCode.invalidInput;
    }
    const err = error as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string' && typeof err.path === 'string') {
      output.err(`zonesim: ${err.path}: cannot write or read (${err.code}: ${err.message.split('\n')[0]})\n`);
      return ExitCode.invalidInput;
    }
    output.err(`zonesim: internal error: ${(error as Error)?.message ?? String(error)} (please report this; set ZONESIM_DEBUG=1 for details)\n`);
    if (process.env.ZONESIM_DEBUG) output.err(`${(error as Error)?.stack ?? ''}\n`);
    return ExitCode.internal;
  }
}
