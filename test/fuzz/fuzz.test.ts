/**
 * The seeded sample of the fuzz suite that runs with `npm test` (the long run is `npm run fuzz`, see
 * scripts/fuzz.ts): mutated bundled scenario, experiment and claims files and command lines, checked in this
 * process (accepted inputs are run for their first years and every reporter checked), plus a few
 * cases through the real binary in a child process with a hard time limit. Properties (issue 11):
 * exit 0, or one `zonesim:` line with exit 1 (2 for usage mistakes); never exit 70, a stack trace, a
 * Node warning, a message of several KB, a hang or NaN/Infinity in any output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { removeScratchDirs, scratchDir } from '../support/scratchDirs.ts';
import { claimsCase, experimentCase, optionsCase, scenarioCase, type FuzzCase } from './fuzzCases.ts';
import { seedFiles } from './fuzzInputs.ts';
import { checkCommand, checkOutputFiles, runFuzzCase, runFuzzCaseAsChildProcess, type FuzzProblem } from './runFuzzCase.ts';

afterAll(removeScratchDirs);

/** In the sample, accepted inputs are run in this process only (the CLI follow-up is for the long run). */
function inProcessOnly(arbitrary: fc.Arbitrary<FuzzCase>): fc.Arbitrary<FuzzCase> {
  return arbitrary.map((fuzzCase) => (fuzzCase.followUp === 'cli' ? { ...fuzzCase, followUp: 'model' } : fuzzCase));
}

/** Run a property over `numRuns` seeded cases; a failure names the case (fast-check shrinks it). */
async function checkCases(arbitrary: fc.Arbitrary<FuzzCase>, numRuns: number, seed: number): Promise<void> {
  const root = scratchDir('zonesim-fuzz-');
  await fc.assert(
    fc.asyncProperty(inProcessOnly(arbitrary), async (fuzzCase) => {
      const outcome = await runFuzzCase(fuzzCase, root);
      if (outcome.problems.length > 0) throw new Error(`${fuzzCase.label}: ${JSON.stringify(outcome.problems)}`);
    }),
    { numRuns, seed, endOnFailure: true },
  );
}

describe('fuzz sample (seeded)', () => {
  it('reads the bundled files it mutates from scenarios/ at run time', () => {
    const { scenarios, experiments } = seedFiles();
    expect(scenarios.map((s) => s.file)).toContain(path.join('scenarios', 'baseline.yaml'));
    expect(experiments.map((e) => e.file)).toContain(path.join('scenarios', 'experiments', 'guarantee-fund-risk.yaml'));
    expect(seedFiles().claims.map((c) => c.file)).toContain(path.join('scenarios', 'claims', 'speech-2009.yaml'));
  });

  it('writes the files a claims file names next to it, at the same relative paths', () => {
    const [unchanged] = fc.sample(claimsCase().filter((c) => c.label.endsWith(': unchanged')), { seed: 16, numRuns: 1 });
    const names = unchanged.files.map((f) => f.name).sort();
    // speech-2009.yaml names its 21 scenarios as ../<name>.yaml and ../calibrations/henan-posterior.csv.
    expect(names).toContain(path.join('claims', 'c.yaml'));
    expect(names).toContain('baseline.yaml');
    expect(names).toContain(path.join('calibrations', 'henan-posterior.csv'));
    expect(names.filter((n) => n.endsWith('.yaml'))).toHaveLength(22);
  });

  it('mutated claims files', async () => {
    await checkCases(claimsCase(), 6, 16);
  });

  it('mutated scenario files', async () => {
    await checkCases(scenarioCase(), 40, 11);
  });

  it('mutated experiment files', async () => {
    await checkCases(experimentCase(), 25, 12);
  });

  it('command lines', async () => {
    await checkCases(optionsCase(), 25, 13);
  });

  it('a few cases through the real binary, killed after 60 s', () => {
    const root = scratchDir('zonesim-fuzz-child-');
    const cases = [...fc.sample(scenarioCase(), { seed: 14, numRuns: 2 }), ...fc.sample(optionsCase(), { seed: 15, numRuns: 1 })];
    for (const fuzzCase of cases) {
      const outcome = runFuzzCaseAsChildProcess(fuzzCase, root);
      expect(outcome.problems, fuzzCase.label).toEqual([]);
      expect([0, 1, 2]).toContain(outcome.exitCode);
    }
  });
});

describe('the fuzz checks can fail', () => {
  const problemsOf = (result: { code: number; out?: string; err?: string; warnings?: string[] }): FuzzProblem['kind'][] => {
    const problems: FuzzProblem[] = [];
    checkCommand({ code: result.code, out: result.out ?? '', err: result.err ?? '', warnings: result.warnings ?? [] }, problems);
    return problems.map((p) => p.kind);
  };

  it('flag exit 70, other codes, stack traces, messages that are not one zonesim: line, long messages and warnings', () => {
    expect(problemsOf({ code: 1, err: 'zonesim: a.yaml: expected x, found y\n' })).toEqual([]);
    expect(problemsOf({ code: 0, out: 'ok a.yaml (a)\n' })).toEqual([]);
    expect(problemsOf({ code: 70, err: 'zonesim: internal error: boom\n' })).toEqual(['internal-error']);
    expect(problemsOf({ code: 3, err: 'zonesim: x\n' })).toEqual(['bad-exit-code']);
    expect(problemsOf({ code: 1, err: 'zonesim: x\n    at run (/src/a.ts:1:2)\n' })).toEqual(['stack-trace', 'bad-message']);
    expect(problemsOf({ code: 1, err: 'error: x\n(run with --help for usage)\n' })).toEqual(['bad-message']);
    expect(problemsOf({ code: 2, err: `zonesim: ${'x'.repeat(3000)}\n` })).toEqual(['long-message']);
    expect(problemsOf({ code: 1, err: 'zonesim: x\n', warnings: ['Warning: keys with collection values'] })).toEqual(['node-warning']);
    expect(problemsOf({ code: 0, out: 'ok: NaN points\n' })).toEqual(['non-finite']);
  });

  it('flag NaN and Infinity cells in written CSV files, not names that contain them', () => {
    const dir = scratchDir('zonesim-fuzz-check-');
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'good.csv'), 'scenario,metric,value\nnan-scenario,NaNcy,1.5\n');
    const problems: FuzzProblem[] = [];
    checkOutputFiles(dir, problems);
    expect(problems).toEqual([]);
    writeFileSync(path.join(dir, 'sub', 'bad.csv'), 'scenario,metric,value\na,output,-Infinity\n');
    checkOutputFiles(dir, problems);
    expect(problems).toEqual([{ kind: 'non-finite', detail: `${path.join('sub', 'bad.csv')} line 2: a,output,-Infinity` }]);
  });
});
