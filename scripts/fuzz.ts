/**
 * The long fuzz run of issue 11 (`npm run fuzz`): generates N cases (mutated bundled scenario,
 * experiment and claims files, small experiments run for real, command lines; see
 * test/fuzz/fuzzCases.ts), runs
 * each on a worker thread with a time limit (a case that does not finish is stopped and counted as a
 * hang), and prints the summary table the README quotes. Failed cases are listed and written, whole,
 * to `<report folder>/failures.json`; rerun one with `--only <index>`.
 *
 * Usage: npm run fuzz -- [--cases 10000] [--seed 2009] [--workers 1] [--timeout 120] [--only i] [--report reports/fuzz]
 * Exit code: 0 when no case failed, 1 otherwise.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { anyFuzzCase, type FuzzCase } from '../test/fuzz/fuzzCases.ts';
import { addOutcome, emptyTally, formatTally } from '../test/fuzz/fuzzSummary.ts';
import type { FuzzOutcome } from '../test/fuzz/runFuzzCase.ts';

interface Options {
  cases: number;
  seed: number;
  workers: number;
  timeoutSeconds: number;
  only: number | null;
  report: string;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { cases: 10_000, seed: 2009, workers: 1, timeoutSeconds: 120, only: null, report: path.join('reports', 'fuzz') };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    const number = Number(value);
    const integer = (): number => {
      if (!Number.isSafeInteger(number) || number < 0) throw new Error(`fuzz: ${name} expects a non-negative integer, found ${JSON.stringify(value)}`);
      return number;
    };
    if (name === '--cases') options.cases = integer();
    else if (name === '--seed') options.seed = integer();
    else if (name === '--workers') options.workers = Math.max(1, integer());
    else if (name === '--timeout') options.timeoutSeconds = Math.max(1, integer());
    else if (name === '--only') options.only = integer();
    else if (name === '--report' && value !== undefined) options.report = value;
    else throw new Error(`fuzz: unknown option ${JSON.stringify(name)} (see the comment at the top of scripts/fuzz.ts)`);
  }
  return options;
}

/** Case `index` of the run with base seed `seed` (the same case on every machine). */
function generateCase(arbitrary: fc.Arbitrary<FuzzCase>, seed: number, index: number): FuzzCase {
  return fc.sample(arbitrary, { seed: seed + index, numRuns: 1 })[0];
}

interface Failure {
  readonly index: number;
  readonly fuzzCase: FuzzCase;
  readonly outcome: FuzzOutcome;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const arbitrary = anyFuzzCase();
  const indices = options.only !== null ? [options.only] : Array.from({ length: options.cases }, (_, i) => i);
  const scratchRoot = mkdtempSync(path.join(os.tmpdir(), 'zonesim-fuzz-'));
  const tally = emptyTally();
  const failures: Failure[] = [];
  const started = performance.now();
  let next = 0;
  let done = 0;

  const record = (index: number, fuzzCase: FuzzCase, outcome: FuzzOutcome): void => {
    addOutcome(tally, fuzzCase.kind, outcome);
    if (outcome.problems.length > 0) {
      failures.push({ index, fuzzCase, outcome });
      process.stderr.write(`fuzz: case ${index} failed (${fuzzCase.kind}: ${fuzzCase.label.slice(0, 160)}): ${outcome.problems.map((p) => `${p.kind}: ${p.detail.slice(0, 200)}`).join('; ')}\n`);
    }
    done += 1;
    if (done % 250 === 0 || done === indices.length) {
      process.stderr.write(`fuzz: ${done}/${indices.length} cases, ${tally.failedCases} failed, ${((performance.now() - started) / 60_000).toFixed(1)} min\n`);
    }
  };

  const runLane = async (): Promise<void> => {
    let worker: Worker | null = null;
    const start = (): Promise<Worker> =>
      new Promise((resolve, reject) => {
        const created = new Worker(new URL('../test/fuzz/fuzzWorker.mjs', import.meta.url));
        created.once('message', () => resolve(created));
        created.once('error', reject);
      });
    while (next < indices.length) {
      const index = indices[next++];
      const fuzzCase = generateCase(arbitrary, options.seed, index);
      worker ??= await start();
      const active = worker;
      const outcome = await new Promise<FuzzOutcome>((resolve) => {
        const timer = setTimeout(() => {
          cleanup();
          void active.terminate();
          worker = null;
          resolve({ exitCode: -1, stderr: '', seconds: options.timeoutSeconds, followUp: 'none', problems: [{ kind: 'hang', detail: `stopped after ${options.timeoutSeconds} s` }] });
        }, options.timeoutSeconds * 1000);
        const onMessage = (message: { index?: number; outcome?: FuzzOutcome }): void => {
          if (message.index !== index || message.outcome === undefined) return;
          cleanup();
          resolve(message.outcome);
        };
        const onError = (error: Error): void => {
          cleanup();
          worker = null;
          resolve({ exitCode: -1, stderr: '', seconds: 0, followUp: 'none', problems: [{ kind: 'internal-error', detail: `the worker died: ${error.stack?.slice(0, 400) ?? String(error)}` }] });
        };
        const cleanup = (): void => {
          clearTimeout(timer);
          active.off('message', onMessage);
          active.off('error', onError);
        };
        active.on('message', onMessage);
        active.on('error', onError);
        active.postMessage({ index, fuzzCase, scratchRoot });
      });
      record(index, fuzzCase, outcome);
    }
    if (worker !== null) await (worker as Worker).terminate();
  };

  try {
    await Promise.all(Array.from({ length: Math.min(options.workers, indices.length) }, () => runLane()));
  } finally {
    rmSync(scratchRoot, { recursive: true, force: true });
  }

  const table = formatTally(tally);
  const header = `zonesim fuzz run: ${indices.length} cases, seed ${options.seed}, ${options.workers} worker(s), time limit ${options.timeoutSeconds} s per case, ${((performance.now() - started) / 60_000).toFixed(1)} min wall time, node ${process.version}`;
  process.stdout.write(`${header}\n\n${table}\n`);
  mkdirSync(options.report, { recursive: true });
  writeFileSync(path.join(options.report, 'summary.md'), `${header}\n\n${table}\n`);
  writeFileSync(
    path.join(options.report, 'failures.json'),
    `${JSON.stringify(failures.map((f) => ({ index: f.index, kind: f.fuzzCase.kind, label: f.fuzzCase.label, argv: f.fuzzCase.argv, problems: f.outcome.problems, stderr: f.outcome.stderr })), null, 2)}\n`,
  );
  if (failures.length > 0) {
    process.stdout.write(`\n${failures.length} failed case(s); rerun one with: npm run fuzz -- --seed ${options.seed} --only <index>\n`);
    for (const failure of failures.slice(0, 50)) process.stdout.write(`- case ${failure.index}: ${failure.fuzzCase.label.slice(0, 200)}\n`);
  }
  return failures.length > 0 ? 1 : 0;
}

// Exit explicitly: a case that hung in a read of a named pipe keeps a thread of libuv's pool busy
// after its worker is terminated, and would keep the process alive after the summary.
process.exit(await main());
