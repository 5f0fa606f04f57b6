/**
 * Run one fuzz case in this process and check the properties of issue 11: the command exits 0, or 1
 * with ONE line starting with `zonesim:` (2 for a usage mistake); never exit 70, a stack trace, a Node
 * warning, a message of several KB, a hang (a bound on the time per case) or NaN/Infinity in any
 * output. An accepted scenario is then run (its first years, in this process, every reporter checked
 * for finite values; sometimes in full through `zonesim run` with the report), as are a few design
 * points of an accepted experiment, two robustness variants of an accepted claims file and every small
 * experiment of the `experiment-run` family.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main.ts';
import { withFactorValues } from '../../src/experiment/evaluateExperimentTask.ts';
import { loadExperimentFile } from '../../src/experiment/loadExperimentFile.ts';
import type { Parameters } from '../../src/model/parameterSpecification.ts';
import type { ModelInput } from '../../src/model/modelInput.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { createReporterCollector } from '../../src/outcomes/collectReporters.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';
import { loadClaimsFile } from '../../src/claims/loadClaimsFile.ts';
import { planClaimsRobustness } from '../../src/claims/runClaimsFile.ts';
import type { CaseFile, FuzzCase } from './fuzzCases.ts';
import { REPOSITORY_ROOT } from './fuzzInputs.ts';

/** What can go wrong in a case (each is a failure of the suite). */
export type FuzzProblemKind =
  | 'internal-error'
  | 'bad-exit-code'
  | 'stack-trace'
  | 'bad-message'
  | 'long-message'
  | 'node-warning'
  | 'non-finite'
  | 'hang';

/** One failed property, with evidence. */
export interface FuzzProblem {
  readonly kind: FuzzProblemKind;
  readonly detail: string;
}

/** The result of one case. */
export interface FuzzOutcome {
  /** Exit code of the case's command. */
  readonly exitCode: number;
  /** Its stderr (cut to 2,000 characters). */
  readonly stderr: string;
  /** Seconds the case took, follow-up included. */
  readonly seconds: number;
  /** What ran after an exit 0: nothing, the model in this process, the command line, or nothing because the run would be too big for the fuzz budget. */
  readonly followUp: 'none' | 'model' | 'cli' | 'over-budget';
  readonly problems: readonly FuzzProblem[];
}

/** Longest error message accepted (a message is one line; echoes are cut to a few hundred characters). */
export const MAXIMUM_MESSAGE_LENGTH = 2000;

/** A case taking longer than this (seconds) counts as a hang. */
export const HANG_SECONDS = 60;

/** Years of an accepted scenario run in this process (the first ones; the CLI follow-up runs all). */
const MODEL_YEARS = 3;

/**
 * The fuzz budget of one run: at most this many projects and initial firms, steps and zone × industry
 * cells. Bigger runs are legal but take minutes (bounding the work of a run is the resource-limit part
 * of issue 11); they are counted as `over-budget` and not run.
 */
const BUDGET = { projects: 40_000, steps: 1200, cells: 250_000 } as const;

/** Whether a run of `parameters` for `years` stays within the fuzz budget. */
function withinBudget(parameters: Parameters, years: number): boolean {
  const { perYear, growthPerYear } = parameters.projects;
  let projects = parameters.firms.initialCount;
  for (let y = 0; y < years && projects <= BUDGET.projects; y++) projects += perYear * (1 + growthPerYear) ** y;
  return (
    projects <= BUDGET.projects &&
    years * parameters.time.stepsPerYear <= BUDGET.steps &&
    (parameters.zones.count + 1) * parameters.industries.count <= BUDGET.cells
  );
}

/** Make one case file. */
function writeCaseFile(dir: string, file: CaseFile): void {
  const target = path.join(dir, file.name);
  mkdirSync(path.dirname(target), { recursive: true });
  if ('content' in file) {
    writeFileSync(target, file.content);
    return;
  }
  switch (file.special) {
    case 'folder':
      mkdirSync(target);
      return;
    case 'fifo':
      if (spawnSync('mkfifo', [target]).status !== 0) mkdirSync(target);
      return;
    case 'missing':
      return;
    case 'sparse-huge':
      writeFileSync(target, '');
      truncateSync(target, 2 * 1024 ** 3);
      return;
    case 'symlink-loop':
      symlinkSync(target, target);
      return;
    case 'dev-zero':
      symlinkSync('/dev/zero', target);
      return;
    case 'proc-file':
      symlinkSync('/proc/self/status', target);
      return;
  }
}

/** The command line with `@/name` and `@out` replaced by paths of the case folder. */
function resolveArguments(argv: readonly string[], dir: string, outDir: string): string[] {
  return argv.map((token) => {
    if (token.startsWith('@/')) return path.join(dir, token.slice(2));
    if (token === '@out' || token.startsWith('@out/')) return outDir + token.slice(4);
    return token;
  });
}

const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;
const NON_FINITE_TEXT = /\bNaN\b|(?<![\w.])-?Infinity\b/;
const NON_FINITE_CELL = /^[+-]?(NaN|Infinity)$/;

/** Run the command line in this process, capturing its output and any Node warning. */
async function runCommand(argv: readonly string[]): Promise<{ code: number; out: string; err: string; warnings: string[] }> {
  let out = '';
  let err = '';
  const warnings: string[] = [];
  const onWarning = (warning: Error): void => void warnings.push(`${warning.name}: ${warning.message}`);
  process.on('warning', onWarning);
  try {
    const code = await main(['node', 'zonesim', ...argv], { out: (text) => void (out += text), err: (text) => void (err += text) });
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    return { code, out, err, warnings };
  } finally {
    process.off('warning', onWarning);
  }
}

/** Check the exit code and the messages of one command (exported for the tests of the harness). */
export function checkCommand(result: { code: number; out: string; err: string; warnings: string[] }, problems: FuzzProblem[]): void {
  const { code, out, err } = result;
  if (code === 70) problems.push({ kind: 'internal-error', detail: err.slice(0, 500) });
  else if (![0, 1, 2].includes(code)) problems.push({ kind: 'bad-exit-code', detail: `exit ${code}: ${err.slice(0, 300)}` });
  if (STACK_FRAME.test(out) || STACK_FRAME.test(err)) problems.push({ kind: 'stack-trace', detail: err.slice(0, 500) });
  for (const warning of result.warnings) problems.push({ kind: 'node-warning', detail: warning.slice(0, 300) });
  if (code !== 0) {
    if (!/^zonesim: [^\n]*\n$/.test(err)) problems.push({ kind: 'bad-message', detail: JSON.stringify(err.slice(0, 500)) });
    if (err.length > MAXIMUM_MESSAGE_LENGTH) problems.push({ kind: 'long-message', detail: `${err.length} characters: ${err.slice(0, 200)}…` });
  } else if (NON_FINITE_TEXT.test(out)) {
    problems.push({ kind: 'non-finite', detail: `stdout: ${out.slice(0, 300)}` });
  }
}

/** Every CSV file under `dir`: no cell may be NaN or ±Infinity. */
export function checkOutputFiles(dir: string, problems: FuzzProblem[]): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
  const stack = [dir];
  while (stack.length > 0) {
    const folder = stack.pop()!;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) stack.push(file);
      else if (entry.name.endsWith('.csv')) {
        const lines = readFileSync(file, 'utf8').split('\n');
        const bad = lines.findIndex((line) => line.split(',').some((cell) => NON_FINITE_CELL.test(cell.trim())));
        if (bad >= 0) problems.push({ kind: 'non-finite', detail: `${path.relative(dir, file)} line ${bad + 1}: ${lines[bad].slice(0, 200)}` });
      }
    }
  }
}

/** Run the model for its first years in this process; every recorded reporter must be finite. */
function checkModelRun(input: ModelInput, label: string, problems: FuzzProblem[]): void {
  const parameters = structuredClone(input.parameters);
  parameters.time.years = Math.min(parameters.time.years, MODEL_YEARS);
  const collect = createReporterCollector();
  try {
    simulateModel({ parameters, relatedness: input.relatedness }, 11, (state) => {
      for (const value of collect(state).values) {
        if (!Number.isFinite(value.value)) throw new NonFiniteReporter(`${label}: ${value.metric} = ${value.value} at step ${state.step}`);
      }
    });
  } catch (error) {
    if (error instanceof NonFiniteReporter) problems.push({ kind: 'non-finite', detail: error.message });
    else problems.push({ kind: 'internal-error', detail: `${label}: the model threw ${(error as Error)?.stack?.slice(0, 400) ?? String(error)}` });
  }
}

class NonFiniteReporter extends Error {}

/** The follow-up of an accepted scenario or experiment. */
async function followUp(fuzzCase: FuzzCase, dir: string, outDir: string, problems: FuzzProblem[]): Promise<FuzzOutcome['followUp']> {
  if (fuzzCase.followUp === 'none') return 'none';
  if (fuzzCase.kind === 'scenario') {
    const file = path.join(dir, 'case.yaml');
    const scenario = await loadScenarioFile(file);
    const parameters = scenario.modelInput.parameters;
    if (!withinBudget(parameters, Math.min(parameters.time.years, MODEL_YEARS))) return 'over-budget';
    checkModelRun(scenario.modelInput, 'scenario', problems);
    if (fuzzCase.followUp !== 'cli') return 'model';
    if (!withinBudget(parameters, parameters.time.years)) return 'over-budget';
    const runDir = path.join(outDir, 'run');
    const result = await runCommand(['run', file, '--reps', '1', '--workers', '1', '--out', runDir, '--quiet']);
    checkCommand(result, problems);
    checkOutputFiles(runDir, problems);
    return 'cli';
  }
  if (fuzzCase.kind === 'experiment' || fuzzCase.kind === 'experiment-run') {
    const file = path.join(dir, 'exp.yaml');
    const experiment = await loadExperimentFile(file);
    const { plan, baseInput } = experiment;
    const paths = plan.definition.factors.map((factor) => factor.name);
    const points = plan.design.values;
    const picked = [...new Set([0, Math.floor(points.length / 2), points.length - 1])].filter((i) => i >= 0 && i < points.length);
    let ran = false;
    for (const point of picked) {
      const parameters = withFactorValues(baseInput.parameters, paths, points[point]);
      if (!withinBudget(parameters, Math.min(parameters.time.years, MODEL_YEARS))) continue;
      checkModelRun({ parameters, relatedness: baseInput.relatedness }, `design point ${point}`, problems);
      ran = true;
    }
    if (fuzzCase.followUp !== 'cli' || plan.taskCount > 16 || !withinBudget(baseInput.parameters, baseInput.parameters.time.years)) return ran ? 'model' : 'over-budget';
    const runDir = path.join(outDir, 'experiment');
    const result = await runCommand(['experiment', file, '--workers', '1', '--out', runDir, '--quiet']);
    checkCommand(result, problems);
    checkOutputFiles(runDir, problems);
    return 'cli';
  }
  if (fuzzCase.kind === 'claims') {
    // Two of the robustness parameter sets (the first and the last: a form or a draw applied to an
    // arm), or the first scenario when there is no variant, run for their first years.
    const claims = await loadClaimsFile(path.join(dir, 'claims', 'c.yaml'));
    const { parameterSets } = planClaimsRobustness(claims, 1);
    const inputs: { input: ModelInput; label: string }[] =
      parameterSets.length === 0
        ? claims.scenarios.slice(0, 1).map((s) => ({ input: s.modelInput, label: `scenario ${s.name}` }))
        : [...new Set([0, parameterSets.length - 1])].map((i) => {
            const set = parameterSets[i];
            const parameters = withFactorValues(set.input.parameters, set.overrides.map(([p]) => p), set.overrides.map(([, v]) => v));
            return { input: { ...set.input, parameters }, label: set.description };
          });
    let ran = false;
    for (const { input, label } of inputs) {
      if (!withinBudget(input.parameters, Math.min(input.parameters.time.years, MODEL_YEARS))) continue;
      checkModelRun(input, label, problems);
      ran = true;
    }
    return ran ? 'model' : 'over-budget';
  }
  return 'none';
}

/**
 * Run one case in a new folder under `scratchRoot` (removed afterwards) and check it.
 *
 * @returns The exit code, the messages, the time taken and every property that failed.
 */
export async function runFuzzCase(fuzzCase: FuzzCase, scratchRoot: string): Promise<FuzzOutcome> {
  const started = performance.now();
  const dir = mkdtempSync(path.join(scratchRoot, 'case-'));
  const outDir = path.join(dir, 'out');
  const problems: FuzzProblem[] = [];
  let exitCode = -1;
  let stderr = '';
  let followed: FuzzOutcome['followUp'] = 'none';
  try {
    for (const file of fuzzCase.files) writeCaseFile(dir, file);
    const result = await runCommand(resolveArguments(fuzzCase.argv, dir, outDir));
    exitCode = result.code;
    stderr = result.err.slice(0, MAXIMUM_MESSAGE_LENGTH);
    checkCommand(result, problems);
    checkOutputFiles(outDir, problems);
    if (result.code === 0 && problems.length === 0) followed = await followUp(fuzzCase, dir, outDir, problems);
  } catch (error) {
    problems.push({ kind: 'internal-error', detail: `the harness caught ${(error as Error)?.stack?.slice(0, 500) ?? String(error)}` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const seconds = (performance.now() - started) / 1000;
  if (seconds > HANG_SECONDS) problems.push({ kind: 'hang', detail: `${seconds.toFixed(1)} s` });
  return { exitCode, stderr, seconds, followUp: followed, problems };
}

/** A Node warning as the process prints it on stderr, e.g. `(node:123) Warning: …`. */
const NODE_WARNING_LINE = /^\(node:\d+\) \w*Warning/m;

/**
 * Run a case's command through the real `zonesim` binary in a child process, killed after
 * `timeoutSeconds` (a real bound: a hang cannot block the caller), and check the same properties as
 * {@link runFuzzCase}; Node warnings are recognised in stderr. No follow-up run.
 */
export function runFuzzCaseAsChildProcess(fuzzCase: FuzzCase, scratchRoot: string, timeoutSeconds = HANG_SECONDS): FuzzOutcome {
  const started = performance.now();
  const dir = mkdtempSync(path.join(scratchRoot, 'child-'));
  const problems: FuzzProblem[] = [];
  try {
    for (const file of fuzzCase.files) writeCaseFile(dir, file);
    const result = spawnSync(process.execPath, [path.join(REPOSITORY_ROOT, 'bin', 'zonesim.mjs'), ...resolveArguments(fuzzCase.argv, dir, path.join(dir, 'out'))], {
      cwd: dir,
      encoding: 'utf8',
      timeout: timeoutSeconds * 1000,
      killSignal: 'SIGKILL',
      env: { ...process.env, CI: 'true' },
    });
    const err = result.stderr ?? '';
    if (result.error !== undefined || result.status === null) {
      problems.push({ kind: 'hang', detail: `killed after ${timeoutSeconds} s (${String(result.error ?? result.signal)})` });
      return { exitCode: -1, stderr: err.slice(0, MAXIMUM_MESSAGE_LENGTH), seconds: (performance.now() - started) / 1000, followUp: 'none', problems };
    }
    const warnings = NODE_WARNING_LINE.test(err) ? [err.split('\n').find((line) => NODE_WARNING_LINE.test(line)) ?? 'warning'] : [];
    const cleanErr = warnings.length > 0 ? err.split('\n').filter((line) => !NODE_WARNING_LINE.test(line) && !line.startsWith('(Use `node --trace-warnings')).join('\n') : err;
    checkCommand({ code: result.status, out: result.stdout ?? '', err: cleanErr, warnings }, problems);
    checkOutputFiles(path.join(dir, 'out'), problems);
    return { exitCode: result.status, stderr: err.slice(0, MAXIMUM_MESSAGE_LENGTH), seconds: (performance.now() - started) / 1000, followUp: 'none', problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
