import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExercises, buildScenarioCatalogue, EXERCISE_SECTIONS, normalisePath, parseExercise } from '../../src/app/catalogue.ts';
import { reporterByName } from '../../src/app/chartMetrics.ts';

const root = path.resolve(import.meta.dirname, '../..');

function readFolder(folder: string, extension: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of readdirSync(path.join(root, folder)).filter((f) => f.endsWith(extension))) {
    out[`${folder}/${file}`] = readFileSync(path.join(root, folder, file), 'utf8');
  }
  return out;
}

const catalogue = buildScenarioCatalogue({ ...readFolder('scenarios', '.yaml'), ...readFolder('docs/exercises/presets', '.yaml') });
const keys = new Set(catalogue.map((entry) => entry.key));
const exercises = buildExercises(readFolder('docs/exercises', '.md'));

describe('catalogue', () => {
  it('loads every bundled scenario and exercise preset through the command line validator', () => {
    const bundled = readdirSync(path.join(root, 'scenarios')).filter((f) => f.endsWith('.yaml'));
    expect(catalogue.filter((e) => e.source === 'bundled')).toHaveLength(bundled.length);
    expect(catalogue.filter((e) => e.source === 'exercise').length).toBeGreaterThan(0);
    expect(new Set(catalogue.map((e) => e.scenario.name)).size).toBe(catalogue.length);
  });

  it('normalises relative paths', () => {
    expect(normalisePath('docs/exercises/../../scenarios/baseline.yaml')).toBe('scenarios/baseline.yaml');
    expect(normalisePath('src/app/../../docs/exercises/presets/a.yaml')).toBe('docs/exercises/presets/a.yaml');
  });
});

describe('guided exercises', () => {
  it('there are at least six, in their stated order', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(6);
    const orders = exercises.map((e) => e.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(exercises.map((e) => e.id)).toEqual(expect.arrayContaining([
      'arthur-lock-in',
      'relatedness-vs-hot-industry',
      'land-intensive-vs-extensive',
      'guarantee-fund-crisis',
      'nest-or-phoenix',
      'zones-vs-scattered',
    ]));
  });

  it.each(exercises.map((e) => [e.id, e] as const))('%s has its presets, sections and charts', (_id, exercise) => {
    expect(keys.has(exercise.preset), `${exercise.file}: preset ${exercise.preset}`).toBe(true);
    expect(exercise.compare === null || keys.has(exercise.compare), `${exercise.file}: compare ${exercise.compare}`).toBe(true);
    expect(exercise.title.length).toBeGreaterThan(10);
    expect(exercise.claim.length).toBeGreaterThan(20);
    expect(exercise.rules.length).toBeGreaterThan(0);
    for (const rule of exercise.rules) expect(rule).toMatch(/^R([1-9]|1[0-6])$/);
    for (const section of EXERCISE_SECTIONS) {
      const match = new RegExp(`^## ${section}\\s*\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(exercise.body);
      expect(match, `${exercise.file}: section ${section}`).not.toBeNull();
      expect(match![1].trim().length, `${exercise.file}: section ${section} is empty`).toBeGreaterThan(80);
    }
    for (const metric of exercise.charts) expect(reporterByName(metric), `${exercise.file}: chart ${metric}`).toBeDefined();
  });

  it('rejects an exercise without front matter', () => {
    expect(() => parseExercise('docs/exercises/x.md', '# no front matter')).toThrow(/front matter/);
  });
});
