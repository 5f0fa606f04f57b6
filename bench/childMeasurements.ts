/**
 * Measurements that need a fresh process each: the peak memory of one replication (the process's
 * maximum resident set, Node and tsx included), and the CPU time of a national-scale replication,
 * whose 250,000 firms would otherwise share a heap with everything the benchmark ran before. Each
 * child is bench/peakMemoryChild.ts; the medians and minima over the children are reported.
 */
import { spawnSync } from 'node:child_process';
import { spread, type Spread } from './benchStatistics.ts';
import type { PeakMemorySample } from './peakMemoryChild.ts';

/** One kind of child process, repeated. */
export interface ChildMeasurement {
  readonly label: string;
  readonly scenario: string;
  readonly loadOnly: boolean;
  /** Maximum resident set of the whole process, bytes. */
  readonly maxRssBytes: Spread;
  readonly peakHeapUsedBytes: Spread;
  /** The replication's CPU time (every thread; the JavaScript thread) and wall time, ms. */
  readonly processCpuMs: Spread;
  readonly threadCpuMs: Spread;
  readonly wallMs: Spread;
  readonly entries: number | null;
  readonly samples: readonly PeakMemorySample[];
}

/** Run bench/peakMemoryChild.ts once in a fresh Node process (cwd `root`) and parse its JSON line. */
export function runChild(root: string, scenario: string, seed: number, loadOnly: boolean): PeakMemorySample {
  const args = ['--import', 'tsx', 'bench/peakMemoryChild.ts', scenario, String(seed)];
  if (loadOnly) args.push('--load-only');
  const child = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`child process failed (${child.status ?? child.signal}): ${child.stderr.trim().split('\n').pop()}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as PeakMemorySample;
}

/** Run `seeds.length` children of one kind, one after the other, and summarise them. */
export function measureChildren(
  root: string,
  label: string,
  scenario: string,
  seeds: readonly number[],
  loadOnly: boolean,
  progress: (message: string) => void = () => {},
): ChildMeasurement {
  const samples: PeakMemorySample[] = [];
  for (const [i, seed] of seeds.entries()) {
    progress(`${label}: fresh process ${i + 1}/${seeds.length}`);
    samples.push(runChild(root, scenario, seed, loadOnly));
  }
  return {
    label,
    scenario,
    loadOnly,
    maxRssBytes: spread(samples.map((s) => s.maxRssKiB * 1024)),
    peakHeapUsedBytes: spread(samples.map((s) => s.peakHeapUsedBytes)),
    processCpuMs: spread(samples.map((s) => s.processCpuMs)),
    threadCpuMs: spread(samples.map((s) => s.threadCpuMs)),
    wallMs: spread(samples.map((s) => s.wallMs)),
    entries: samples[0].entries,
    samples,
  };
}
