/**
 * Isolated-process rounds: the way the benchmark compares two implementations whose code would
 * otherwise share one process — two versions of the model, or the model and its plain-objects peer.
 * Every round starts one fresh process per variant (bench/isolatedReplicationChild.ts), in forward
 * order on even rounds and in reverse order on odd ones (A B, B A, …), so that a change in the
 * machine's load reaches every variant alike; each process runs untimed warm-up replications, then
 * its share of the timed ones.
 *
 * Why not one process: each implementation should be timed as a user runs it, alone in its process,
 * with its own heap and compiled code — not sharing a heap with another model's garbage, nor V8's
 * compiler threads with another model's code. Measured 2026-12-05 (two identical copies of this
 * checkout, ES modules, one process, interleaved rounds, 8 timed Henan replications after 4 warm-up
 * ones): the second copy took 0.969 and 0.985 of the first's time, so the in-process effect is small;
 * the large error of the earlier in-process comparison against 4c7d987 was its extraction without
 * package.json, which made tsx run that commit as CommonJS (bench/legacyComparison.ts, extractCommit).
 * The price of isolation is noise: a process runs for seconds, so slow phases of a shared machine
 * reach one variant's process more than the other's; rounds alternate the order, and the report gives
 * medians and minima over every timed replication.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IsolatedReply, IsolatedRequest, IsolatedTask } from './isolatedReplicationChild.ts';
import type { VariantRuns } from './interleavedRounds.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One variant: its label and the task each of its processes runs. */
export interface IsolatedVariant {
  readonly label: string;
  readonly task: IsolatedTask;
}

/** How many replications each process runs. */
export interface IsolatedSchedule {
  /** Rounds (one process per variant each). */
  readonly rounds: number;
  /** Untimed replications at the start of every process. */
  readonly warmUpPerProcess: number;
  /** Timed replications per process (round r times seeds seedOf(r × timedPerProcess + t)). */
  readonly timedPerProcess: number;
}

/** Runs one request in a fresh process and returns its reply (replaceable in tests). */
export type ChildRunner = (request: IsolatedRequest) => IsolatedReply<unknown>;

/** Start bench/isolatedReplicationChild.ts in a fresh Node process (cwd: this checkout). */
export function runIsolatedChild(request: IsolatedRequest): IsolatedReply<unknown> {
  const args = ['--expose-gc', '--import', 'tsx', 'bench/isolatedReplicationChild.ts', JSON.stringify(request)];
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`benchmark child failed (${child.status ?? child.signal}): ${child.stderr.trim().split('\n').pop()}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as IsolatedReply<unknown>;
}

/** The timed runs of one variant (as {@link VariantRuns}) and the zones of its scenario. */
export interface IsolatedRuns<T> extends VariantRuns<T> {
  readonly zones: number;
}

/**
 * Run `schedule.rounds` rounds of one fresh process per variant, alternating the order round by
 * round. Warm-up seeds are seedOf(−1 … −warmUpPerProcess) in every process.
 *
 * @throws RangeError when there is no variant, no round or no timed replication per process.
 */
export function runIsolatedRounds<T>(
  variants: readonly IsolatedVariant[],
  schedule: IsolatedSchedule,
  seedOf: (index: number) => number,
  progress: (message: string) => void = () => {},
  runChild: ChildRunner = runIsolatedChild,
): IsolatedRuns<T>[] {
  const { rounds, warmUpPerProcess, timedPerProcess } = schedule;
  if (variants.length === 0 || !(rounds >= 1) || !(timedPerProcess >= 1)) {
    throw new RangeError('isolated rounds need at least one variant, one round and one timed replication per process');
  }
  const warmUpSeeds = Array.from({ length: warmUpPerProcess }, (_, w) => seedOf(-1 - w));
  const runs = variants.map((v) => ({ label: v.label, zones: 0, times: [] as IsolatedReply<unknown>['times'], values: [] as T[] }));
  for (let round = 0; round < rounds; round++) {
    const order = variants.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    const seeds = Array.from({ length: timedPerProcess }, (_, t) => seedOf(round * timedPerProcess + t));
    for (const i of order) {
      progress(`round ${round + 1}/${rounds}: ${variants[i].label} in a fresh process`);
      const reply = runChild({ task: variants[i].task, warmUpSeeds, seeds });
      runs[i].zones = reply.zones;
      runs[i].times.push(...reply.times);
      runs[i].values.push(...(reply.values as T[]));
    }
  }
  return runs;
}
