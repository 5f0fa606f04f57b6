/**
 * CSV text cells cannot start a spreadsheet formula (issue 11, D13; OWASP "CSV Injection"): text
 * starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe, in every CSV file
 * (here industries.csv and zones.csv of a run whose industry names are formulas); numbers and text
 * that is a plain number are left alone; quoting follows RFC 4180.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { csvField } from '../../src/runner/tidyCsv.ts';
import { tokenizeCsv } from '../../src/scenario/tokenizeCsv.ts';
import { removeScratchDirs, scratchDir } from './runnerHelpers.ts';

/** The cells of a CSV file, record by record. */
function cells(file: string): string[][] {
  return tokenizeCsv(readFileSync(file, 'utf8'), (line) => {
    throw new Error(`${file}: unterminated quote on line ${line}`);
  }).map((record) => record.cells);
}

afterAll(removeScratchDirs);

describe('csvField', () => {
  it('prefixes text that a spreadsheet would read as a formula with an apostrophe', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+A1')).toBe("'+A1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    // A carriage return also needs quotes (RFC 4180).
    expect(csvField('\r=x')).toBe('"\'\r=x"');
    // The prefix goes inside the quotes of a quoted field.
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it('leaves other text and plain numbers alone', () => {
    expect(csvField('textiles')).toBe('textiles');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('-3')).toBe('-3');
    expect(csvField('+0.5')).toBe('+0.5');
    expect(csvField('-1e-7')).toBe('-1e-7');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('')).toBe('');
  });
});

describe('CSV files of a run', () => {
  it('write industry names that look like formulas with a leading apostrophe in industries.csv and zones.csv', async () => {
    const dir = scratchDir();
    const names = ['=HYPERLINK("http://evil","x")', '+cmd', '-2+3', '@SUM(A1)'];
    const header = `,${names.map((n) => `"${n.replace(/"/g, '""')}"`).join(',')}`;
    const rows = names.map((n, i) => `"${n.replace(/"/g, '""')}",${names.map((_, j) => (i === j ? 1 : 0.3)).join(',')}`);
    writeFileSync(path.join(dir, 'rel.csv'), `${[header, ...rows].join('\n')}\n`);
    writeFileSync(
      path.join(dir, 'formulas.yaml'),
      ['name: formulas', 'description: Industry names that look like formulas.', 'time:', '  years: 2', 'industries:', '  count: 4', '  supplyChains: 2', '  relatednessFile: rel.csv', 'zones:', '  count: 3', 'projects:', '  perYear: 80', 'firms:', '  initialCount: 30', ''].join('\n'),
    );
    const out = path.join(dir, 'out');
    let err = '';
    const code = await main(['node', 'zonesim', 'run', path.join(dir, 'formulas.yaml'), '--reps', '1', '--out', out, '--quiet', '--no-report', '--workers', '1'], {
      out: () => undefined,
      err: (s) => (err += s),
    });
    expect(err).not.toMatch(/error|expected/);
    expect(code).toBe(0);
    const industries = cells(path.join(out, 'industries.csv'));
    const nameColumn = industries[0].indexOf('name');
    expect(nameColumn).toBeGreaterThan(0);
    expect(industries.slice(1).map((row) => row[nameColumn])).toEqual(names.map((n) => `'${n}`));
    // No cell of either file starts a formula, unless it is a plain number.
    for (const file of ['industries.csv', 'zones.csv', 'results.csv', 'summary.csv', 'end-state.csv']) {
      for (const row of cells(path.join(out, file))) {
        for (const cell of row) if (/^[=+\-@\t\r]/.test(cell)) expect(cell, `${file}: ${cell}`).toMatch(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/);
      }
    }
    // zones.csv lists leading industries by name: each list that names one of them is prefixed.
    const zones = cells(path.join(out, 'zones.csv'));
    const leading = zones[0].indexOf('leading_industries');
    const lists = zones.slice(1).map((row) => row[leading]).filter((cell) => cell !== '');
    expect(lists.length).toBeGreaterThan(0);
    for (const cell of lists) expect(cell.startsWith("'")).toBe(true);
  }, 60_000);
});
