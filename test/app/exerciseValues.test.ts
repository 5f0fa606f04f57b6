import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReplicationSeries } from '../../src/app/batchStatistics.ts';
import { parseExercise } from '../../src/app/catalogue.ts';
import {
  countRunMarkers,
  exerciseRunSettings,
  fillExerciseText,
  formatExerciseNumber,
  stripRunMarkers,
  type ExerciseRuns,
} from '../../src/app/exerciseValues.ts';
import { exerciseFiles, filledText, runExercise } from '../../scripts/writeExerciseValues.ts';

/**
 * Exercise texts cannot go stale: every marked value is recomputed from runs of the exercise's
 * preset and comparison with the seed and replications its front matter states, and must equal the
 * text; a deliberately altered copy must fail. Running all seven exercises (2 × 10 replications
 * each, 22 simulated years) takes about 8 s on one core.
 */

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

/** Hand-made runs: 3 replications of one recording per year 2009–2011 (calendar times 2009, 2010, 2011). */
function syntheticRuns(): ExerciseRuns {
  const series = (firms: number[], share: number[]): ReplicationSeries => ({
    seed: 0,
    years: [2009, 2010, 2011],
    series: { firms, zoneFirmShare: share },
  });
  return {
    policyName: 'a',
    comparisonName: 'b',
    seed: 7,
    startYear: 2009,
    // firms at the end of 2010 (index 2): a = 110, 112, 114; b = 100, 100, 100 → d = 10, 12, 14:
    // d̄ = 12, s_d = 2, se = 2/√3, t_{0.975,2} = 4.3027 → half-width 4.968, interval [7.03, 16.97];
    // smallest effect 5 % of 100 = 5: higher. At the end of 2009 (index 1): a = b = 50 → no difference.
    policy: [series([0, 50, 110], [0, 0.5, 0.6]), series([0, 50, 112], [0, 0.5, 0.6]), series([0, 50, 114], [0, 0.5, 0.6])],
    comparison: [series([0, 50, 100], [0, 0.4, 0.5]), series([0, 50, 100], [0, 0.4, 0.5]), series([0, 50, 100], [0, 0.4, 0.5])],
  };
}

describe('exercise value markers (hand-made runs)', () => {
  const runs = syntheticRuns();
  const settings = { seed: 7, replications: 3 };
  const fill = (text: string): string => stripRunMarkers(fillExerciseText('x.md', text, ['firms', 'zoneFirmShare'], runs, settings));

  it('fills means, differences, intervals, ratios, relative differences and verdicts', () => {
    expect(fill('<!-- run: firms policy int -->?<!-- /run -->')).toBe('112'); // (110 + 112 + 114) / 3
    expect(fill('<!-- run: firms compare int -->?<!-- /run -->')).toBe('100');
    expect(fill('<!-- run: firms difference int -->?<!-- /run -->')).toBe('+12');
    expect(fill('<!-- run: firms interval dp1 -->?<!-- /run -->')).toBe('[+7.0, +17.0]'); // 12 ∓ 4.968
    expect(fill('<!-- run: firms relative -->?<!-- /run -->')).toBe('+12%'); // 12 / 100
    expect(fill('<!-- run: firms ratio dp2 -->?<!-- /run -->')).toBe('1.12');
    expect(fill('<!-- run: firms verdict -->?<!-- /run -->')).toBe('higher');
    expect(fill('<!-- run: firms verdict higher=more lower=fewer -->?<!-- /run -->')).toBe('more');
    expect(fill('<!-- run: firms verdict @2009 -->?<!-- /run -->')).toBe('no difference');
    expect(fill('<!-- run: firms policy int @2009 -->?<!-- /run -->')).toBe('50');
    // Shares: pct1 by default; differences of shares in percentage points (0.6 − 0.5 = 10 pp).
    expect(fill('<!-- run: zoneFirmShare policy -->?<!-- /run -->')).toBe('60.0%');
    expect(fill('<!-- run: zoneFirmShare difference -->?<!-- /run -->')).toBe('+10.0 pp');
  });

  it('writes the table of the chart outcomes with the seed and replications', () => {
    const table = fill('<!-- run-table -->\nold\n<!-- /run-table -->');
    expect(table).toContain('seed 7, 3 replications of each scenario, final state: Dec 2010');
    expect(table).toContain('| a | b | a − b [95% CI] | verdict |');
    expect(table).toContain('| Firms | firms | 112 | 100 | +12.0 [+7.03, +17.0] | higher |');
    expect(table).toContain('| Share of firms in zones | share | 60.0% | 50.0% | +10.0 pp [+10.0 pp, +10.0 pp] | higher |');
  });

  it('rejects unknown outcomes, fields, formats and years with the file and marker named', () => {
    expect(() => fill('<!-- run: firmz policy -->?<!-- /run -->')).toThrow(/^x\.md: <!-- run: firmz policy -->: expected a province outcome name, found firmz$/);
    expect(() => fill('<!-- run: firms mean -->?<!-- /run -->')).toThrow(/expected one of policy, compare/);
    expect(() => fill('<!-- run: firms policy big -->?<!-- /run -->')).toThrow(/expected a format/);
    expect(() => fill('<!-- run: firms policy @2020 -->?<!-- /run -->')).toThrow(/no recording at the end of 2020/);
    expect(() => exerciseRunSettings('x.md', '---\nseed: 2009\n---\n')).toThrow('x.md: front matter: replications: expected an integer ≥ 1, found nothing');
    expect(exerciseRunSettings('x.md', '---\nseed: 2009\nreplications: 10\n---\n')).toEqual({ seed: 2009, replications: 10 });
  });

  it('formats numbers as the texts write them', () => {
    expect(formatExerciseNumber(1913.4, 'int')).toBe('1,913');
    expect(formatExerciseNumber(3_093_412, 'sig3')).toBe('3,090,000');
    expect(formatExerciseNumber(0.36951, 'dp3')).toBe('0.370');
    expect(formatExerciseNumber(22.68, 'sig3')).toBe('22.7');
    expect(formatExerciseNumber(-0.117, 'sig2')).toBe('−0.12');
    expect(formatExerciseNumber(0.96491, 'pct')).toBe('96%');
  });
});

describe('the exercise texts match their runs', () => {
  const files = exerciseFiles();
  const runs = new Map<string, ExerciseRuns>();

  beforeAll(async () => {
    for (const file of files) runs.set(file, await runExercise(file));
  }, 120_000);

  it('the page shows the texts without the markers', () => {
    for (const file of files) {
      const body = parseExercise(file, read(file)).body;
      expect(body, file).not.toContain('<!--');
      expect(body, file).toContain('| outcome | unit |');
    }
  });

  it('there are seven exercises, each stating seed 2009 and 10 replications', () => {
    expect(files).toHaveLength(7);
    for (const file of files) expect(exerciseRunSettings(file, read(file)), file).toEqual({ seed: 2009, replications: 10 });
  });

  it.each(files)('%s: every marked value equals the runs (else: npm run docs:exercises)', (file) => {
    const text = read(file);
    const markers = countRunMarkers(text);
    expect(markers.tables, `${file}: the teacher notes' table`).toBe(1);
    expect(markers.inline, `${file}: values stated in the text`).toBeGreaterThanOrEqual(5);
    expect(filledText(file, text, runs.get(file)!)).toBe(text);
  });

  it.each(files)('%s: no hand-typed result in What to notice or Notes for the teacher', (file) => {
    const body = parseExercise(file, read(file).replace(/<!-- run: [^>]*-->[\s\S]*?<!-- \/run -->/g, '').replace(/<!-- run-table -->[\s\S]*?<!-- \/run-table -->/g, '')).body;
    for (const section of ['What to notice', 'Notes for the teacher']) {
      const text = new RegExp(`^## ${section}\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(body)?.[1] ?? '';
      expect(text, `${file}: ${section}`).not.toMatch(/≈|~\s*\d|\babout \d|\d\s*%|\d,\d{3}|\bM¥ *\d|\d+(\.\d+)? *(M¥|ha|firms|t\/M¥)\b/);
    }
  });

  describe('a deliberately altered copy fails', () => {
    const file = 'docs/exercises/crisis-response.md';
    const check = (text: string): boolean => filledText(file, text, runs.get(file)!) === text;

    it('the unaltered text passes', () => {
      expect(check(read(file))).toBe(true);
    });

    it('an inline number changed to a wrong one', () => {
      const text = read(file);
      // The credit-rationed project-steps without the policies at the end of 2009: 310 in the runs.
      const marker = '<!-- run: creditRationedProjects compare int @2009 -->';
      const at = text.indexOf(marker) + marker.length;
      const value = text.slice(at, text.indexOf('<!-- /run -->', at));
      expect(value).toMatch(/^\d[\d,]*$/);
      const altered = text.slice(0, at) + String(Number(value.replace(/,/g, '')) + 40) + text.slice(at + value.length);
      expect(check(altered)).toBe(false);
    });

    it('a direction reversed (the issue: public spending with/without the policies)', () => {
      const text = read(file);
      const marker = '<!-- run: publicSpendingTotal verdict -->';
      const at = text.indexOf(marker) + marker.length;
      const value = text.slice(at, text.indexOf('<!-- /run -->', at));
      expect(value).toBe('higher');
      expect(check(text.slice(0, at) + 'lower' + text.slice(at + value.length))).toBe(false);
    });

    it('a number in the generated table, and a changed replication count', () => {
      const text = read(file);
      const table = text.slice(text.indexOf('<!-- run-table -->'));
      const row = /\| Firms \| firms \| ([\d,]+) \|/.exec(table)!;
      expect(check(text.replace(row[0], row[0].replace(row[1], '14,700')))).toBe(false);
      // The front matter says 10 replications; a text claiming 5 (with the runs of 10) is caught by the table's caption.
      expect(check(text.replace(/^replications: 10$/m, 'replications: 5'))).toBe(false);
    });

    it('a hand-typed number in the notes is caught by the lint pattern', () => {
      const typed = 'Typical values: firms ≈ 14,700 vs 8,200; output about 14% higher.';
      expect(typed).toMatch(/≈|~\s*\d|\babout \d|\d\s*%|\d,\d{3}/);
    });
  });
});
