/**
 * Design points × replications → tasks, and the deterministic slices (`--shard i/n`) a batch
 * scheduler spreads over machines. Pure module.
 *
 * Task `t` is replication `r = t mod R` of point `p = ⌊t / R⌋` (R = replications per point), so the
 * tasks of a point are consecutive and experiment.csv lists them in task order. Its seed is
 * `replicationSeed(seed, r)`: the same at every point (common random numbers: two points differ only
 * by their factor values, which sharpens every comparison between points) and a function of
 * (seed, r) only, so a task can run on any machine, in any order, any number of times.
 */
import { replicationSeed } from '../model/randomStreams.ts';

/** One model run of an experiment. */
export interface ExperimentTask {
  /** Task index, 0 … points × replications − 1. */
  readonly task: number;
  /** Design point, 0 … points − 1. */
  readonly point: number;
  /** Replication of the point, 0 … replications − 1. */
  readonly replication: number;
  /** Model seed: replicationSeed(experiment seed, replication). */
  readonly seed: number;
}

/** A deterministic slice of an experiment's tasks: shard `index` (1-based) of `count`. */
export interface Shard {
  /** 1-based, 1 … count. */
  readonly index: number;
  readonly count: number;
}

/**
 * The task with index `task`.
 *
 * @example experimentTask(7, 3, 2009) // { task: 7, point: 2, replication: 1, seed: replicationSeed(2009, 1) }
 */
export function experimentTask(task: number, replicationsPerPoint: number, seed: number): ExperimentTask {
  const replication = task % replicationsPerPoint;
  return { task, point: (task - replication) / replicationsPerPoint, replication, seed: replicationSeed(seed, replication) };
}

/**
 * The task index of replication `replication` of point `point`.
 *
 * @example taskIndex(2, 1, 3) // 7
 */
export function taskIndex(point: number, replication: number, replicationsPerPoint: number): number {
  return point * replicationsPerPoint + replication;
}

/**
 * Whether task `task` belongs to a shard: tasks `t` with `t mod n = i − 1` (interleaved, so every
 * shard gets a similar mix of cheap and expensive points).
 *
 * @example inShard(4, { index: 2, count: 3 }) // true (4 mod 3 = 1)
 */
export function inShard(task: number, shard: Shard | null): boolean {
  return shard === null || task % shard.count === shard.index - 1;
}

/**
 * The tasks of a shard (every task without one), in task order.
 *
 * @example shardTasks(10, 1, 2009, { index: 1, count: 3 }).map((t) => t.task) // [0, 3, 6, 9]
 */
export function shardTasks(taskCount: number, replicationsPerPoint: number, seed: number, shard: Shard | null): ExperimentTask[] {
  const tasks: ExperimentTask[] = [];
  const start = shard === null ? 0 : shard.index - 1;
  const step = shard === null ? 1 : shard.count;
  for (let t = start; t < taskCount; t += step) tasks.push(experimentTask(t, replicationsPerPoint, seed));
  return tasks;
}

/**
 * Number of tasks of a shard.
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
