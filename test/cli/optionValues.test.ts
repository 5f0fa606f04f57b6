/**
 * Command-line mistakes (issue 11, D12): every bad option value is ONE line starting with
 * `zonesim:` naming the option, what was expected and what was found (exit 1); every usage mistake is
 * one such line too (exit 2); long or multi-line arguments are cut and kept on one line.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { parseOutputFolder, parsePositiveInteger, parseSeed, parseShardOption } from '../../src/cli/optionValues.ts';
import { removeScratchDirs, scratchDir } from '../support/scratchDirs.ts';

afterAll(removeScratchDirs);

const root = path.resolve(import.meta.dirname, '..', '..');
const baseline = path.join(root, 'scenarios', 'baseline.yaml');
const experiment = path.join(root, 'scenarios', 'experiments', 'baseline-to-2020.yaml');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'zonesim', ...args], { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

describe('bad option values', () => {
  const cases: Array<[string[], string]> = [
    [['run', baseline, '--reps', '0'], 'zonesim: --reps: expected an integer from 1 to 100000, found "0"'],
    [['run', baseline, '--reps', '100001'], 'zonesim: --reps: expected an integer from 1 to 100000, found "100001"'],
    [['run', baseline, '--seed', 'abc'], 'zonesim: --seed: expected an integer from 0 to 4294967295, found "abc"'],
    [['run', baseline, '--seed', '-1'], 'zonesim: --seed: expected an integer from 0 to 4294967295, found "-1"'],
    [['run', baseline, '--workers', '1.5'], 'zonesim: --workers: expected an integer from 1 to 1024, found "1.5"'],
    [['experiment', experiment, '--shard', '3/2'], 'zonesim: --shard: expected i/n with 1 ≤ i ≤ n ≤ 100000 (e.g. 2/8), found "3/2"'],
    [['run', baseline, '--record', 'zone'], 'zonesim: --record: expected final, zones, industries, zones,industries or all, found "zone"'],
    [['run', baseline, '--image-formats', 'gif'], 'zonesim: --image-formats: expected svg, png or png,svg, found "gif"'],
    [['bundled', '--reps', ''], 'zonesim: --reps: expected an integer from 1 to 100000, found ""'],
  ];
  for (const [args, line] of cases) {
    it(`${args.slice(2).join(' ')} → one line, exit 1`, async () => {
      const { code, out, err } = await cli(...args);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toBe(`${line}\n`);
    });
  }

  it('cuts a long or multi-line value and keeps the message on one line', async () => {
    const { code, err } = await cli('run', baseline, '--seed', `${'9'.repeat(5000)}\nsecond line`);
    expect(code).toBe(1);
    expect(err.split('\n')).toEqual([expect.stringMatching(/^zonesim: --seed: expected an integer from 0 to 4294967295, found "9{50,}…"$/), '']);
    expect(err.length).toBeLessThan(200);
  });
});

describe('--out', () => {
  // Before: Node's recursive mkdir looped forever on /proc/x (ENOENT under an existing folder),
  // blocking the event loop so that not even Ctrl-C stopped it.
  it.runIf(process.platform === 'linux')('a folder under /proc is one line, exit 1, before any work', async () => {
    for (const args of [
      ['run', baseline, '--reps', '1', '--out', '/proc/x'],
      ['experiment', experiment, '--out', '/proc/x/y'],
      ['merge', '/tmp', '--out', '/proc/x'],
    ]) {
      const { code, err } = await cli(...args);
      expect(code).toBe(1);
      expect(err).toMatch(/^zonesim: --out: expected a folder that can be created and written, found "\/proc\/x(\/y)?" \(cannot create a folder in \/proc: ENOENT\)\n$/);
    }
  });

  it('a path through a file, or an empty path, is one line; a new nested folder is fine and not created by the check', async () => {
    const dir = scratchDir('zonesim-out-');
    const file = path.join(dir, 'file');
    writeFileSync(file, '');
    const under = await cli('run', baseline, '--out', path.join(file, 'run'));
    expect(under.code).toBe(1);
    expect(under.err).toBe(`zonesim: --out: expected a folder that can be created and written, found ${JSON.stringify(path.join(file, 'run'))} (${file} is not a folder)\n`);
    expect((await cli('run', baseline, '--out', '')).err).toBe('zonesim: --out: expected a folder that can be created and written, found ""\n');
    const nested = path.join(dir, 'a', 'b');
    expect(parseOutputFolder(nested)).toBe(nested);
    expect(existsSync(path.join(dir, 'a'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['file']); // the probe folder is gone
  });
});

describe('usage mistakes', () => {
  const cases: Array<[string[], RegExp]> = [
    [['frobnicate'], /^zonesim: unknown command 'frobnicate' \(run zonesim --help for usage\)$/],
    [['run', baseline, '--rep', '3'], /^zonesim: unknown option '--rep' \(Did you mean --reps\?\) \(run zonesim --help for usage\)$/],
    [['run'], /^zonesim: missing required argument 'scenarios' \(run zonesim --help for usage\)$/],
    [['run', baseline, '--seed'], /^zonesim: option '-s, --seed <n>' argument missing \(run zonesim --help for usage\)$/],
    [['list', 'extra'], /^zonesim: too many arguments for 'list'\. Expected 0 arguments but got 1\. \(run zonesim --help for usage\)$/],
    [['run', baseline, `--${'x'.repeat(5000)}`], /^zonesim: unknown option '--x+…$/],
    // No command: one line naming the commands, not the full help on stderr.
    [[], /^zonesim: expected a command \(compare, run, validate, list, experiment, calibrate, merge, claims, bundled\) \(run zonesim --help for usage\)$/],
    [['help', 'nope'], /^zonesim: expected a command \(compare, run, validate, list, experiment, calibrate, merge, claims, bundled\) \(run zonesim --help for usage\)$/],
  ];
  for (const [args, pattern] of cases) {
    it(`${args.map((a) => a.slice(0, 20)).join(' ')} → one line, exit 2`, async () => {
      const { code, err } = await cli(...args);
      expect(code).toBe(2);
      const lines = err.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toBe('');
      expect(lines[0]).toMatch(pattern);
      expect(lines[0].length).toBeLessThanOrEqual(309);
    });
  }
});

describe('option parsers', () => {
  it('accept the documented ranges', () => {
    expect(parsePositiveInteger('--reps', 10)('10')).toBe(10);
    expect(parsePositiveInteger('--reps', 10)(' 7 ')).toBe(7);
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed('4294967295')).toBe(4294967295);
    expect(parseShardOption('2/8')).toEqual({ index: 2, count: 8 });
    expect(() => parseSeed('4294967296')).toThrow('--seed: expected an integer from 0 to 4294967295, found "4294967296"');
    expect(() => parsePositiveInteger('--reps', 10)('1e1')).toThrow('found "1e1"');
    expect(() => parseShardOption('0/2')).toThrow('found "0/2"');
  });
});
