/**
 * Shards: `i/n` slices that partition a run's task positions (t mod n = i − 1) for any n, counted
 * without listing them, and `--shard` parsing.
 */
import { describe, expect, it } from 'vitest';
import { formatShard, inShard, parseShard, shardTaskCount } from '../../src/runner/shards.ts';

describe('shards', () => {
  it('partition the task positions (t mod n = i − 1), for any n, and count them', () => {
    for (const total of [1, 7, 30, 31]) {
      for (const n of [1, 2, 3, 8, 40]) {
        const seen: number[] = [];
        for (let i = 1; i <= n; i++) {
          const shard = { index: i, count: n };
          const positions = Array.from({ length: total }, (_, t) => t).filter((t) => inShard(t, shard));
          expect(positions.length).toBe(shardTaskCount(total, shard));
          for (const t of positions) expect(t % n).toBe(i - 1);
          seen.push(...positions);
        }
        expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, t) => t));
      }
    }
    expect(shardTaskCount(5, null)).toBe(5);
    expect(inShard(4, null)).toBe(true);
  });

  it('parses and formats --shard i/n', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0', '-1/2', '1.5/3', '1/100001']) expect(parseShard(bad)).toBeNull();
    expect(formatShard({ index: 3, count: 4 })).toBe('3/4');
  });
});
