import { describe, expect, it } from 'vitest';
import { createRemainingTimeEstimator, formatEta } from '../../src/cli/remainingTimeEstimate.ts';

/**
 * A job like the one of issue 13 ("5 min 24 s for a 40 s job"): 570 tasks on 2 workers, 600 ms of
 * start-up, then every task takes 140 ms on its worker, so both workers finish a task together at
 * 600 + 140·j ms (j = 1 … 285) and the job ends at 600 + 285 · 140 = 40,500 ms.
 */
const TOTAL = 570;
const WORKERS = 2;
const START_UP_MS = 600;
const TASK_MS = 140;
/** Completion time (ms) of task `done` (1-based): the round ⌈done / 2⌉ ends then. */
const finishedAt = (done: number): number => START_UP_MS + Math.ceil(done / WORKERS) * TASK_MS;

describe('createRemainingTimeEstimator', () => {
  it('gives no estimate until a round has been measured after the first round', () => {
    let t = 0;
    const eta = createRemainingTimeEstimator(TOTAL, { now: () => t, parallelism: WORKERS });
    t = finishedAt(1);
    eta.record(1);
    expect(eta.secondsLeft()).toBeNull();
    eta.record(2); // first round complete at 740 ms: the clock starts here
    expect(eta.secondsLeft()).toBeNull();
    t = finishedAt(3);
    eta.record(3); // one task of the next round: not a round yet
    expect(eta.secondsLeft()).toBeNull();
  });

  it('then measures the true remaining time, start-up excluded', () => {
    let t = 0;
    const eta = createRemainingTimeEstimator(TOTAL, { now: () => t, parallelism: WORKERS });
    for (let done = 1; done <= 4; done++) {
      t = finishedAt(done);
      eta.record(done);
    }
    // 2 tasks in 140 ms since the first round (740 → 880 ms); 566 left → 566 · 70 ms = 39.62 s,
    // which is the true remaining time 40,500 − 880 = 39,620 ms. (The old estimate, mean time per
    // task since the start × tasks left, said 0.74 s × 569 = 421 s at the first task.)
    expect(eta.secondsLeft()).toBeCloseTo(39.62, 10);
    for (let done = 5; done <= 285; done++) {
      t = finishedAt(done);
      eta.record(done);
    }
    // Half way (task 285 ends round 143 at t = 600 + 143 · 140 = 20,620 ms): rate
    // (285 − 2) / (20,620 − 740) ms = 283 / 19,880 per ms; 285 left → 285 · 19,880 / 283 ms = 20.02 s
    // (true: 40,500 − 20,620 = 19.88 s; the half-finished round makes the difference).
    expect(eta.secondsLeft()).toBeCloseTo((285 * 19880) / 283 / 1000, 10);
  });

  it('works with one worker and with fewer tasks than workers', () => {
    let t = 0;
    const one = createRemainingTimeEstimator(5, { now: () => t });
    t = 1000;
    one.record(1); // start-up + first task
    t = 1200;
    one.record(2); // 200 ms per task → 3 left → 0.6 s
    expect(one.secondsLeft()).toBeCloseTo(0.6, 12);
    const few = createRemainingTimeEstimator(2, { now: () => t, parallelism: 8 });
    few.record(2);
    expect(few.secondsLeft()).toBeNull(); // done: nothing to estimate
  });

  it('formats the estimate', () => {
    expect(formatEta(null)).toBe('ETA measuring…');
    expect(formatEta(39.62)).toBe('ETA 40s');
    expect(formatEta(324)).toBe('ETA 5m24s');
    expect(formatEta(60.4)).toBe('ETA 1m00s');
  });
});

