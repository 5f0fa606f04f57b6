/**
 * Crash tests (issue 11, item 3): a small comparison (with its HTML report) and a small experiment are
 * killed with SIGKILL at seeded random points — while replications are simulated and committed, and
 * while the summaries, CSV files and report are written — then run again: the folder must be
 * byte-identical to an uninterrupted run's (manifest timing fields aside). A few trials here; more
 * with `npm run crash -- --trials N` (test/support/crashTrials.ts).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  crashTrial,
  describeCrashPoint,
  drawCrashPoint,
  folderContents,
  prepareCrashJob,
  removeCrashJob,
  runToEnd,
  seededUniform,
  type CrashJob,
  type CrashJobFiles,
  type CrashPoint,
} from '../support/crashTrials.ts';

/** Kill points of the trials in npm test: one seeded draw, plus fixed points while simulating, exporting and rendering. */
function trialPoints(job: CrashJob, tasks: number, seed: number): CrashPoint[] {
  const uniform = seededUniform(seed);
  const drawn = [drawCrashPoint(job, tasks, uniform)];
  const fixed: CrashPoint[] = [
    { when: 'stored', tasks: Math.floor(tasks / 2), delayMs: 0 },
    { when: 'phase', phase: 'writing the CSV files', delayMs: 0 },
  ];
  if (job === 'comparison') fixed.push({ when: 'phase', phase: 'rendering the HTML report', delayMs: 5 });
  return [...fixed, ...drawn];
}

for (const job of ['comparison', 'experiment'] as const) {
  describe(`a ${job} killed with SIGKILL and run again`, () => {
    let files: CrashJobFiles;
    let reference: Map<string, string>;

    beforeAll(() => {
      files = prepareCrashJob(job);
      const out = path.join(files.dir, 'reference');
      expect(runToEnd(files, out).status).toBe(0);
      reference = folderContents(out);
      // The reference holds the CSV files (and for the comparison, the report).
      expect([...reference.keys()].some((f) => f.endsWith('.csv'))).toBe(true);
    }, 60_000);

    afterAll(() => removeCrashJob(files));

    const points = trialPoints(job, job === 'comparison' ? 8 : 6, job === 'comparison' ? 11 : 12);
    points.forEach((point, trial) => {
      it(`is byte-identical to an uninterrupted run when killed ${describeCrashPoint(point)}`, async () => {
        const outcome = await crashTrial(job, files, path.join(files.dir, `trial-${trial}`), point, reference);
        // Each point is reached while the command still has work to do: the kill lands.
        expect(outcome.killed).toBe(true);
        expect(outcome.failure).toBeNull();
      }, 60_000);
    });
  });
}
