/**
 * Child process of the benchmark's memory measurement: run ONE replication of a scenario (or, with
 * `--load-only`, only load the modules and the scenario; with `--task`, run it as a comparison's task:
 * every province series, zone and industry values at the last step, the layout — what a task worker
 * computes and posts) and print one line of JSON with the peak resident set size and the sampled peak
 * V8 heap.
 *
 * Usage: node --import tsx bench/peakMemoryChild.ts <scenario.yaml> <seed> [--load-only | --task]
 *
 * It also reports the replication's CPU time (every thread of the process, and the JavaScript thread
 * alone) and wall time, measured from after loading to the end of the run, and the entries; the
 * national-scale scenario (bench/nationalScale.ts) is loaded with the zone-count stopgap.
 *
 * `maxRssKiB` is `process.resourceUsage().maxRSS` (KiB on Linux): the whole process's high-water mark,
 * Node and tsx included. The heap is sampled with `process.memoryUsage()` at every recording step and
 * after the run while the final state is still referenced; `arrayBuffers` is reported separately
 * because the model's typed-array tables live outside the V8 heap.
 */
import { loadScenarioFile } from '../src/scenario/loadScenarioFile.ts';
import { simulateModel } from '../src/model/simulateModel.ts';
import { comparisonRecording, DEFAULT_RECORD_OPTION } from '../src/runner/recording.ts';
import { recordTask } from '../src/runner/recordTask.ts';
import { elapsedSince, readClocks } from './cpuClock.ts';

/** What the child prints (one JSON line on stdout). */
export interface PeakMemorySample {
  readonly scenario: string;
  readonly loadOnly: boolean;
  /** True when the replication ran as a comparison task (recording included). */
  readonly task: boolean;
  readonly maxRssKiB: number;
  readonly peakHeapUsedBytes: number;
  readonly peakArrayBuffersBytes: number;
  readonly finalFirms: number | null;
  /** Projects that located during the run (null for --load-only and --task). */
  readonly entries: number | null;
  /** Times of the replication (after loading), ms; 0 for --load-only. */
  readonly processCpuMs: number;
  readonly threadCpuMs: number;
  readonly wallMs: number;
}

async function main(): Promise<void> {
  const [file, seedText, flag] = process.argv.slice(2);
  if (!file || !seedText) throw new Error('usage: peakMemoryChild.ts <scenario.yaml> <seed> [--load-only | --task]');
  const loadOnly = flag === '--load-only';
  const task = flag === '--task';
  const scenario = await loadScenarioFile(file);
  let peakHeapUsed = 0;
  let peakArrayBuffers = 0;
  const sample = (): void => {
    const usage = process.memoryUsage();
    if (usage.heapUsed > peakHeapUsed) peakHeapUsed = usage.heapUsed;
    if (usage.arrayBuffers > peakArrayBuffers) peakArrayBuffers = usage.arrayBuffers;
  };
  let finalFirms: number | null = null;
  let entries: number | null = null;
  const start = readClocks();
  if (task) {
    // The recorder measures at every recording step; sample around the whole task and its record.
    const record = recordTask(scenario.modelInput, Number(seedText), comparisonRecording(DEFAULT_RECORD_OPTION));
    sample();
    finalFirms = record.province[(record.steps.length - 1) * comparisonRecording(DEFAULT_RECORD_OPTION).province.length];
  } else if (!loadOnly) {
    const state = simulateModel(scenario.modelInput, Number(seedText), sample);
    sample(); // after the run, with the final state still alive
    finalFirms = state.firms.count;
    entries = state.counters.entriesTotal;
  } else {
    sample();
  }
  const times = elapsedSince(start);
  const result: PeakMemorySample = {
    scenario: file,
    loadOnly,
    task,
    maxRssKiB: process.resourceUsage().maxRSS,
    peakHeapUsedBytes: peakHeapUsed,
    peakArrayBuffersBytes: peakArrayBuffers,
    finalFirms,
    entries,
    processCpuMs: loadOnly ? 0 : times.processCpuMs,
    threadCpuMs: loadOnly ? 0 : times.threadCpuMs,
    wallMs: loadOnly ? 0 : times.wallMs,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
