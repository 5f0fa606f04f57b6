import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT, writeGeneratedFile } from '../../src/scenario/writeGeneratedFile.ts';

const folder = `.tmp-generated-${process.pid}`;
const file = `${folder}/example.json`;
mkdirSync(path.join(REPOSITORY_ROOT, folder), { recursive: true });
afterAll(() => rmSync(path.join(REPOSITORY_ROOT, folder), { recursive: true, force: true }));

describe('writeGeneratedFile', () => {
  it('reports a missing file with --check, writes it, then finds it fresh, then stale after a change', async () => {
    const lines: string[] = [];
    const log = (line: string): void => void lines.push(line);
    expect(await writeGeneratedFile(file, '{"a":1}\n', true, 'npm run x', log)).toBe(1);
    expect(lines.pop()).toBe(`${file} is missing; run: npm run x`);
    expect(await writeGeneratedFile(file, '{"a":1}\n', false, 'npm run x', log)).toBe(0);
    expect(lines.pop()).toBe(`wrote ${file}`);
    expect(readFileSync(path.join(REPOSITORY_ROOT, file), 'utf8')).toBe('{"a":1}\n');
    expect(await writeGeneratedFile(file, '{"a":1}\n', true, 'npm run x', log)).toBe(0);
    expect(await writeGeneratedFile(file, '{"a":2}\n', true, 'npm run x', log)).toBe(1);
    expect(lines.pop()).toBe(`${file} is out of date; run: npm run x`);
    expect(await writeGeneratedFile(file, '{"a":1}\n', false, 'npm run x', log)).toBe(0);
    expect(lines.pop()).toBe(`${file} is up to date`);
  });
});
