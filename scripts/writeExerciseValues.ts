/**
 * Write (or, with --check, verify) the run values of the exercise texts (docs/exercises/*.md): every
 * `<!-- run: … -->…<!-- /run -->` value and `<!-- run-table -->` block is recomputed from the
 * exercise's preset and comparison, run with the seed and replications its front matter states
 * (src/app/exerciseValues.ts). `npm run docs:exercises` / `npm run docs:exercises:check`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReplicationSeries } from '../src/app/batchStatistics.ts';
import { parseExercise } from '../src/app/catalogue.ts';
import { exerciseRunSettings, fillExerciseText, type ExerciseRuns } from '../src/app/exerciseValues.ts';
import { runBatchReplication } from '../src/app/workerCore.ts';
import { replicationSeed } from '../src/model/randomStreams.ts';
import { loadScenarioFile } from '../src/scenario/loadScenarioFile.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The folder of the exercise texts. */
export const EXERCISE_FOLDER = path.join(root, 'docs', 'exercises');

/** The exercise texts as repository-relative paths (README.md excluded), sorted. */
export function exerciseFiles(): string[] {
  return readdirSync(EXERCISE_FOLDER)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => `docs/exercises/${f}`);
}

async function runScenario(file: string, seed: number, replications: number): Promise<{ name: string; startYear: number; runs: ReplicationSeries[] }> {
  const loaded = await loadScenarioFile(path.join(root, file));
  const runs: ReplicationSeries[] = [];
  for (let r = 0; r < replications; r++) {
    const done = runBatchReplication({ type: 'replication', jobId: r, input: loaded.modelInput, seed: replicationSeed(seed, r) });
    runs.push({ seed: done.seed, years: done.years, series: done.series });
  }
  return { name: loaded.name, startYear: loaded.modelInput.parameters.time.startYear, runs };
}

/**
 * Run an exercise's preset and comparison as its text states (replications 0…n−1 of its seed, the
 * seeds of `zonesim run --seed S --reps n`).
 *
 * @param file repository-relative path of the exercise text.
 * @param text the text (by default read from the file), whose front matter gives the scenarios, seed and replications.
 */
export async function runExercise(file: string, text = readFileSync(path.join(root, file), 'utf8')): Promise<ExerciseRuns> {
  const exercise = parseExercise(file, text);
  if (exercise.compare === null) throw new Error(`${file}: front matter: compare: expected a comparison scenario`);
  const { seed, replications } = exerciseRunSettings(file, text);
  const policy = await runScenario(exercise.preset, seed, replications);
  const comparison = await runScenario(exercise.compare, seed, replications);
  return { policyName: policy.name, comparisonName: comparison.name, seed, startYear: policy.startYear, policy: policy.runs, comparison: comparison.runs };
}

/** The text with its run values rewritten from `runs`. */
export function filledText(file: string, text: string, runs: ExerciseRuns): string {
  return fillExerciseText(file, text, parseExercise(file, text).charts, runs, exerciseRunSettings(file, text));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const file of exerciseFiles()) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const updated = filledText(file, text, await runExercise(file, text));
    if (updated === text) continue;
    if (check) stale.push(file);
    else {
      writeFileSync(path.join(root, file), updated);
      console.log(`wrote ${file}`);
    }
  }
  if (check && stale.length > 0) {
    console.error(`out of date: ${stale.join(', ')}; run: npm run docs:exercises`);
    process.exit(1);
  }
  console.log(check ? 'the exercise texts are up to date' : 'the exercise texts are up to date (rewritten where they were not)');
}
