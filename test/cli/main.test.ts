import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'zonesim.mjs');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'zonesim', ...args], { out: (s: string) => { out += s; }, err: (s: string) => { err += s; } });
  return { code, out, err };
}

const scratchDirs: string[] = [];

function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zonesim-cli-'));
  scratchDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

describe('zonesim command line', () => {
  it('lists the bundled scenarios with their descriptions', async () => {
    const { code, out } = await cli('list');
    expect(code).toBe(0);
    for (const name of ['baseline', 'no-zones', 'arthur-1990', 'henan', 'henan-no-zones', 'polya-urn']) expect(out).toMatch(new RegExp(`^${name} +\\S`, 'm'));
  });

  it('validates good files and exits 0', async () => {
    const { code, out } = await cli('validate', path.join(root, 'scenarios', 'baseline.yaml'));
    expect(code).toBe(0);
    expect(out).toContain('ok');
  });

  it('runs scenarios and writes tidy CSV, layout files and a manifest; the same seed reproduces the CSV byte for byte', async () => {
    const a = scratch();
    const b = scratch();
    const files = [path.join(root, 'scenarios', 'baseline.yaml'), path.join(root, 'scenarios', 'no-zones.yaml')];
    expect((await cli('run', ...files, '--reps', '2', '--seed', '7', '--out', a, '--quiet', '--no-report')).code).toBe(0);
    expect((await cli('run', ...files, '--reps', '2', '--seed', '7', '--out', b, '--quiet', '--no-report', '--workers', '1')).code).toBe(0);
    const csv = readFileSync(path.join(a, 'results.csv'), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^scenario,replication,seed,step,year,firms,entries,/);
    expect(csv).toMatch(/^no-zones,1,\d+,264,2031,\d+,\d+,/m);
    expect(csv).not.toMatch(/NaN|Infinity/);
    expect(readFileSync(path.join(b, 'results.csv'), 'utf8')).toBe(csv);
    const manifest = JSON.parse(readFileSync(path.join(a, 'manifest.json'), 'utf8'));
    expect(manifest.baseSeed).toBe(7);
    expect(manifest.scenarios.map((s: { name: string }) => s.name)).toEqual(['baseline', 'no-zones']);
    expect(manifest.scenarios[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.nodeVersion).toBe(process.version);
    expect(manifest.seeds).toHaveLength(2);
    expect(existsSync(path.join(a, 'scenarios', 'baseline.yaml'))).toBe(true);
    expect(existsSync(path.join(a, 'zones.csv'))).toBe(true);
  });

  it('reports a missing file, a bad option value and an unknown command in one line, with documented exit codes', async () => {
    const missing = await cli('run', 'nope.yaml', '--quiet', '--out', scratch());
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^zonesim: nope\.yaml: .*expected .*found .*\n$/);
    const badReps = await cli('run', path.join(root, 'scenarios', 'baseline.yaml'), '--reps', 'ten');
    expect(badReps.code).toBe(1);
    expect(badReps.err).toBe('zonesim: --reps: expected an integer from 1 to 100000, found "ten"\n');
    const badRecord = await cli('run', path.join(root, 'scenarios', 'baseline.yaml'), '--record', 'zone');
    expect(badRecord.code).toBe(1);
    expect(badRecord.err).toBe('zonesim: --record: expected final, zones, industries, zones,industries or all, found "zone"\n');
    const badFormats = await cli('run', path.join(root, 'scenarios', 'baseline.yaml'), '--image-formats', 'svg,svg');
    expect(badFormats.code).toBe(1);
    expect(badFormats.err).toBe('zonesim: --image-formats: expected svg, png or png,svg, found "svg,svg"\n');
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
  });

  it('reports a bad scenario through the real binary in one line, without a stack trace', () => {
    const dir = scratch();
    const file = path.join(dir, 'typo.yaml');
    writeFileSync(file, 'name: typo\ndescription: a typo\nchoice:\n  relatednes:\n    coefficient: 1\n');
    const result = spawnSync(process.execPath, [bin, 'validate', file], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('choice.relatednes');
    expect(result.stderr).toContain('did you mean "relatedness"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints help for every command', () => {
    for (const command of ['compare', 'run', 'validate', 'list', 'claims', 'bundled']) {
      const text = execFileSync(process.execPath, [bin, command, '--help'], { encoding: 'utf8' });
      expect(text).toContain(`Usage: zonesim ${command}`);
    }
  });
});
