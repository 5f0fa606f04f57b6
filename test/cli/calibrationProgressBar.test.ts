import { describe, expect, it } from 'vitest';
import type { CalibrationProgress } from '../../src/calibration/runCalibrationFile.ts';
import { createCalibrationProgressBar } from '../../src/cli/calibrationProgressBar.ts';

const progress: CalibrationProgress = {
  round: 1,
  kind: 'candidates',
  generation: 0,
  maxGenerations: 8,
  tolerance: Number.POSITIVE_INFINITY,
  acceptanceRate: null,
  accepted: 0,
  populationSize: 100,
  simulationsUsed: 0,
  budgetSimulations: 1000,
  roundTasks: 400,
  toRun: 400,
  workers: 4,
};

describe('createCalibrationProgressBar', () => {
  it('measures the round’s ETA after a round of tasks per worker, start-up excluded', () => {
    // 400 tasks on 4 workers: 2 s of start-up, then each worker finishes a task every 500 ms, all
    // four together: task k ends at 2,000 + 500 · ⌈k/4⌉ ms, the round at 2,000 + 100 · 500 = 52,000 ms.
    let t = 0;
    const lines: string[] = [];
    const bar = createCalibrationProgressBar({ stream: { isTTY: false, write: (x: string) => (lines.push(x), true) }, now: () => t });
    bar.round(progress);
    for (let done = 1; done <= 400; done++) {
      t = 2000 + 500 * Math.ceil(done / 4);
      bar.update(done);
    }
    // Lines at 0 %, 25 %, 50 %, 75 %, 100 %. At task 100 (t = 14,500 ms): 96 tasks since the first
    // round ended (task 4, 2,500 ms) in 12,000 ms → 300 left · 12,000 / 96 ms = 37.5 s → "38s"; true
    // remaining 52,000 − 14,500 = 37.5 s. (The old estimate: 14.5 s / 100 · 300 = 43.5 s, and at the
    // first task 2.5 s · 399 = 998 s.)
    expect(lines[0]).toMatch(/: 0\/400 tasks\n$/);
    expect(lines[1]).toMatch(/: 100\/400 tasks ETA 38s\n$/);
    expect(lines).toHaveLength(5);
  });
});
