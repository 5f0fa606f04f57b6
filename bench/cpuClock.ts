/**
 * Clocks for the benchmark: wall time, the process's CPU time (every thread: the JavaScript thread,
 * V8's garbage-collector and compiler threads, libuv), and the CPU time of the calling thread alone.
 *
 * Why CPU time: the machine is shared, so wall time mostly measures other people's load; CPU time is
 * what the code costs whatever else runs. The calling thread's CPU time comes from Linux's
 * /proc/thread-self/schedstat (nanoseconds on the CPU, nanoseconds waiting in the run queue; see the
 * kernel's Documentation/scheduler/sched-stats.rst), because Node 20 has no process.threadCpuUsage;
 * the run-queue wait is reported too, as a direct measure of how much the load delayed a measurement.
 * Where /proc is not available the thread figures are NaN and the report says "n/a".
 */
import { readFileSync } from 'node:fs';

/** A reading of every clock at one instant. */
export interface ClockReading {
  /** performance.now(), ms. */
  readonly wallMs: number;
  /** process.cpuUsage(), user + system, µs. */
  readonly processCpuMicros: number;
  /** This thread's time on a CPU and time waiting for one, ns (NaN when unavailable). */
  readonly threadCpuNanos: number;
  readonly threadWaitNanos: number;
}

/** Elapsed time between two readings, ms. */
export interface ElapsedTimes {
  readonly wallMs: number;
  /** CPU time of every thread of the process. */
  readonly processCpuMs: number;
  /** CPU time of the calling (JavaScript) thread only. */
  readonly threadCpuMs: number;
  /** Time the calling thread was runnable but waited for a CPU (other load). */
  readonly runQueueWaitMs: number;
}

const SCHEDSTAT = '/proc/thread-self/schedstat';

function readSchedstat(): [number, number] {
  try {
    const fields = readFileSync(SCHEDSTAT, 'utf8').trim().split(/\s+/);
    return [Number(fields[0]), Number(fields[1])];
  } catch {
    return [Number.NaN, Number.NaN];
  }
}

/** Read every clock now. */
export function readClocks(): ClockReading {
  const [threadCpuNanos, threadWaitNanos] = readSchedstat();
  const cpu = process.cpuUsage();
  return { wallMs: performance.now(), processCpuMicros: cpu.user + cpu.system, threadCpuNanos, threadWaitNanos };
}

/** The times elapsed since `start` (read with {@link readClocks} on the same thread). */
export function elapsedSince(start: ClockReading): ElapsedTimes {
  const now = readClocks();
  return {
    wallMs: now.wallMs - start.wallMs,
    processCpuMs: (now.processCpuMicros - start.processCpuMicros) / 1000,
    threadCpuMs: (now.threadCpuNanos - start.threadCpuNanos) / 1e6,
    runQueueWaitMs: (now.threadWaitNanos - start.threadWaitNanos) / 1e6,
  };
}

/**
 * Run `work` once and return its result with the times it took.
 *
 * @example const { value, times } = timeCall(() => simulateModel(input, seed)); times.processCpuMs
 */
export function timeCall<T>(work: () => T): { value: T; times: ElapsedTimes } {
  const start = readClocks();
  const value = work();
  return { value, times: elapsedSince(start) };
}

/**
 * Collect the young generation (a scavenge: the short-lived garbage a replication leaves, almost all
 * of it) when the process was started with --expose-gc; a no-op otherwise.
 *
 * Why not a full collection (plain `gc()`): on Node 20 a forced full collection makes the following
 * runs compile their hot functions again on V8's background threads. Measured on 2026-12-05 (4
 * interleaved rounds of 4c7d987's henan-180 and today's henan, one process): 1,412 optimised
 * compilations with a full collection before each run against 766 without, and process CPU per
 * located project 9.97 µs against 5.37 µs for today's model (9.95 against 7.55 µs for 4c7d987) while
 * the JavaScript thread's CPU hardly moved: the full collection charged each run ~250 ms of
 * recompilation that no replication in the runner pays (a worker never forces a collection). With a
 * scavenge before each run the figures were 5.35 and 7.62 µs.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc?.({ type: 'minor' });
}
