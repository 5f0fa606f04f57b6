/**
 * Files read by zonesim (scenario YAML, relatedness CSV, experiment YAML, design CSV) are checked
 * before they are read (issue 11, D8): a folder, a device such as /dev/zero, a named pipe (FIFO) or a
 * file over the documented size limit is a one-line error, without reading forever or blocking; text
 * that is not UTF-8 is a one-line error naming the line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExperimentFile } from '../../src/experiment/loadExperimentFile.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';
import { INPUT_FILE_LIMITS, formatByteSize, readInputTextFile } from '../../src/scenario/readInputFile.ts';
import { ScenarioError } from '../../src/scenario/scenarioError.ts';
import { removeScratchDirs, scratchDir } from '../support/scratchDirs.ts';
import { expectScenarioErrorAsync } from './helpers.ts';

afterAll(removeScratchDirs);

const describeProblem = (found: string): ScenarioError =>
  new ScenarioError({ file: 'caller.yaml', fieldPath: 'some.field', expected: 'a readable file', found });

/** A named pipe in a scratch folder (POSIX only). */
function makeFifo(dir: string): string {
  const fifo = path.join(dir, 'pipe.csv');
  const result = spawnSync('mkfifo', [fifo]);
  if (result.status !== 0) throw new Error(`mkfifo failed: ${String(result.stderr)}`);
  return fifo;
}

const onPosix = process.platform !== 'win32';

describe('readInputTextFile', () => {
  it('reads a regular file (also through a symbolic link), dropping nothing', async () => {
    const dir = scratchDir('zonesim-read-');
    const file = path.join(dir, 'a.yaml');
    writeFileSync(file, '\uFEFFname: ä\r\n');
    expect(await readInputTextFile(file, 100, describeProblem)).toBe('\uFEFFname: ä\r\n');
    const link = path.join(dir, 'link.yaml');
    symlinkSync(file, link);
    expect(await readInputTextFile(link, 100, describeProblem)).toBe('\uFEFFname: ä\r\n');
  });

  it('refuses a folder, a missing file and a file over the limit without reading it', async () => {
    const dir = scratchDir('zonesim-read-');
    await expect(readInputTextFile(dir, 100, describeProblem)).rejects.toThrow(
      `caller.yaml: some.field: expected a readable file, found a folder ${JSON.stringify(dir)}`,
    );
    const missing = path.join(dir, 'missing.csv');
    await expect(readInputTextFile(missing, 100, describeProblem)).rejects.toThrow(`found no such file ${JSON.stringify(missing)}`);
    // A sparse file of 5 GB: refused from its size, without reading (or allocating) it.
    const big = path.join(dir, 'big.csv');
    writeFileSync(big, '');
    truncateSync(big, 5 * 1024 ** 3);
    await expect(readInputTextFile(big, INPUT_FILE_LIMITS.relatednessCsv, describeProblem)).rejects.toThrow(
      `found a file of 5 GiB ${JSON.stringify(big)} (the limit is 16 MiB)`,
    );
    const justOver = path.join(dir, 'over.yaml');
    writeFileSync(justOver, 'x'.repeat(101));
    await expect(readInputTextFile(justOver, 100, describeProblem)).rejects.toThrow('found a file of 101 bytes');
  });

  it.runIf(onPosix)('refuses /dev/zero and a named pipe at once, without blocking', async () => {
    await expect(readInputTextFile('/dev/zero', 100, describeProblem)).rejects.toThrow('found a device "/dev/zero"');
    const fifo = makeFifo(scratchDir('zonesim-read-'));
    await expect(readInputTextFile(fifo, 100, describeProblem)).rejects.toThrow(`found a named pipe (FIFO) ${JSON.stringify(fifo)}`);
  });

  it('reports text that is not UTF-8 in the file itself, with the line of the first bad byte', async () => {
    const dir = scratchDir('zonesim-read-');
    const file = path.join(dir, 'latin1.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('A,B\n1,0.5\n0.5,1 '), Buffer.from([0xe9]), Buffer.from('\n')]));
    await expectScenarioErrorAsync(() => readInputTextFile(file, 100, describeProblem), {
      file,
      line: 3,
      expected: 'UTF-8 text',
      found: 'the byte 0xe9, which is not UTF-8',
      hint: 'save the file as UTF-8',
    });
    // UTF-16 (as some spreadsheet programs save "Unicode text") is caught at its byte order mark.
    writeFileSync(file, Buffer.from('\uFEFFname: a\n', 'utf16le'));
    await expect(readInputTextFile(file, 100, describeProblem)).rejects.toThrow(/line 1: expected UTF-8 text, found the byte 0xff/);
  });

  it('formats byte sizes in binary units', () => {
    expect(formatByteSize(1)).toBe('1 byte');
    expect(formatByteSize(101)).toBe('101 bytes');
    expect(formatByteSize(1024 ** 2)).toBe('1 MiB');
    expect(formatByteSize(1.25 * 1024 ** 3)).toBe('1.3 GiB');
    expect(formatByteSize(16 * 1024 ** 2)).toBe('16 MiB');
  });
});

describe('the loaders check every file they read', () => {
  it.runIf(onPosix)('a scenario whose relatedness CSV is /dev/zero or a FIFO: one line at the parameter’s line', async () => {
    const dir = scratchDir('zonesim-read-');
    const fifo = makeFifo(dir);
    for (const [csv, found] of [
      ['/dev/zero', 'a device "/dev/zero"'],
      [fifo, `a named pipe (FIFO) ${JSON.stringify(fifo)}`],
    ]) {
      const file = path.join(dir, 's.yaml');
      writeFileSync(file, `name: s\ndescription: d\nindustries:\n  count: 3\n  supplyChains: 1\n  relatednessFile: ${csv}\n`);
      await expectScenarioErrorAsync(() => loadScenarioFile(file), {
        file,
        line: 6,
        fieldPath: 'industries.relatednessFile',
        expected: 'an existing regular file of at most 16 MiB',
        found,
      });
    }
  });

  it('a scenario file that is a folder, and one over 1 MiB', async () => {
    const dir = scratchDir('zonesim-read-');
    const folder = path.join(dir, 'folder.yaml');
    mkdirSync(folder);
    await expectScenarioErrorAsync(() => loadScenarioFile(folder), { file: folder, found: `a folder ${JSON.stringify(folder)}` });
    const big = path.join(dir, 'big.yaml');
    writeFileSync(big, `name: big\ndescription: d\n${'#'.repeat(INPUT_FILE_LIMITS.scenarioYaml)}\n`);
    await expectScenarioErrorAsync(() => loadScenarioFile(big), { file: big, expected: 'an existing regular file of at most 1 MiB', found: 'a file of 1 MiB' });
  });

  it.runIf(onPosix)('an experiment file, its base scenario and its design CSV', async () => {
    const dir = scratchDir('zonesim-read-');
    const fifo = makeFifo(dir);
    await expectScenarioErrorAsync(() => loadExperimentFile(fifo), { file: fifo, found: 'a named pipe (FIFO)' });
    writeFileSync(path.join(dir, 'base.yaml'), 'name: base\ndescription: d\n');
    const experiment = [
      'name: e',
      'description: d',
      'scenario: base.yaml',
      'levers:',
      '  guarantees.feeRate:',
      '    uniform: { min: 0, max: 0.05 }',
      'outcomes: [output]',
      'design:',
      '  type: csv',
      `  file: ${path.basename(fifo)}`,
      '',
    ].join('\n');
    const file = path.join(dir, 'e.yaml');
    writeFileSync(file, experiment);
    await expectScenarioErrorAsync(() => loadExperimentFile(file), {
      file,
      line: 10,
      fieldPath: 'design.file',
      expected: 'an existing regular file of at most 256 MiB',
      found: `a named pipe (FIFO) ${JSON.stringify(fifo)}`,
    });
    writeFileSync(file, experiment.replace('scenario: base.yaml', 'scenario: .'));
    await expectScenarioErrorAsync(() => loadExperimentFile(file), { file, line: 3, fieldPath: 'scenario', found: 'a folder' });
    expect(existsSync(fifo)).toBe(true);
  });
});
