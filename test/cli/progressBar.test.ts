import { describe, expect, it } from 'vitest';
import { createProgressBar } from '../../src/cli/progressBar.ts';

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

describe('createProgressBar', () => {
  it('prints "measuring" first and then the measured estimate (plain lines per 10 %)', () => {
    let t = 0;
    const lines: string[] = [];
    const stream = { isTTY: false, write: (text: string) => (lines.push(text), true) };
    const bar = createProgressBar(TOTAL, 'replications', { stream, now: () => t, parallelism: WORKERS });
    for (let done = 1; done <= TOTAL; done++) {
      t = finishedAt(done);
      bar.update(done);
    }
    bar.finish();
    expect(lines[0]).toBe('replications: 1/570 ETA measuring…\n');
    // 10 % at task 57 (t = 600 + 29 · 140 = 4,660 ms): 55 tasks since 740 ms in 3,920 ms → 513 left
    // → 513 · 3,920 / 55 ms = 36.56 s ≈ 37 s (true: 40,500 − 4,660 = 35.84 s).
    expect(lines[1]).toBe('replications: 57/570 ETA 37s\n');
    expect(lines.at(-1)).toBe('replications: 570/570 \n');
    expect(lines).toHaveLength(11);
  });
});
