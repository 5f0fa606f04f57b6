/**
 * Shards: the deterministic slices (`--shard i/n`) of a run's tasks that a batch scheduler spreads
 * over machines; `zonesim merge` combines their stores. Pure module.
 *
 * Shard i of n holds the tasks whose position t in the run's task list (duplicates removed) has
 * t mod n = i − 1: interleaved, so every shard gets a similar mix of cheap and expensive tasks.
 */

/** A deterministic slice of a run's tasks: shard `index` (1-based) of `count`. */
export interface Shard {
  /** 1-based, 1 … count. */
  readonly index: number;
  readonly count: number;
}

/**
 * Whether the task at position `task` belongs to a shard (every task does without one).
 *
 * @example inShard(4, { index: 2, count: 3 }) // true (4 mod 3 = 1)
 */
export function inShard(task: number, shard: Shard | null): boolean {
  return shard === null || task % shard.count === shard.index - 1;
}

/**
 * Number of tasks of a shard among `taskCount`.
 *
 * @example shardTaskCount(10, { index: 2, count: 3 }) // 3 (tasks 1, 4, 7)
 */
export function shardTaskCount(taskCount: number, shard: Shard | null): number {
  if (shard === null) return taskCount;
  const start = shard.index - 1;
  return start >= taskCount ? 0 : Math.floor((taskCount - 1 - start) / shard.count) + 1;
}

/**
 * Parse `i/n` (1 ≤ i ≤ n ≤ 100000), as given to `--shard`.
 *
 * @returns the shard, or null when the text is not of that form.
 * @example parseShard('2/8') // { index: 2, count: 8 }
 */
export function parseShard(text: string): Shard | null {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (match === null) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!(count >= 1 && count <= 100_000 && index >= 1 && index <= count)) return null;
  return { index, count };
}

/** `i/n`. */
export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
