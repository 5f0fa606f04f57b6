/** Interleaved rounds (bench/interleavedRounds.ts): warm-up first, then A B, B A, A B, … */
import { describe, expect, it } from 'vitest';
import { runInterleaved } from '../../bench/interleavedRounds.ts';

describe('interleaved rounds', () => {
  it('runs untimed warm-up rounds, then alternates the order of the variants round by round', () => {
    const calls: string[] = [];
    const variant = (label: string) => ({ label, run: (round: number) => (calls.push(`${label}${round}`), `${label}:${round}`) });
    const runs = runInterleaved([variant('A'), variant('B')], 3, 2);
    expect(calls).toEqual(['A-2', 'B-2', 'A-1', 'B-1', 'A0', 'B0', 'B1', 'A1', 'A2', 'B2']);
    expect(runs.map((r) => r.label)).toEqual(['A', 'B']);
    expect(runs[0].values).toEqual(['A:0', 'A:1', 'A:2']); // timed rounds only, in round order
    expect(runs[1].times).toHaveLength(3);
    for (const t of runs[1].times) {
      expect(t.wallMs).toBeGreaterThanOrEqual(0);
      expect(t.processCpuMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('needs a variant and a round', () => {
    expect(() => runInterleaved([], 1, 0)).toThrow(RangeError);
    expect(() => runInterleaved([{ label: 'A', run: () => 0 }], 0, 0)).toThrow(RangeError);
  });
});
