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

/** Run a full garbage collection when the process was started with --expose-gc (no-op otherwise). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
