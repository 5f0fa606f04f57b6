/**
 * Child process of the benchmark's memory measurement: run ONE replication of a scenario (or, with
 * `--load-only`, only load the modules and the scenario) and print one line of JSON with the peak
 * resident set size and the sampled peak V8 heap.
 *
 * Usage: node --import tsx bench/peakMemoryChild.ts <scenario.yaml> <seed> [--load-only]
 *
 * `maxRssKiB` is `process.resourceUsage().maxRSS` (KiB on Linux): the whole process's high-water mark,
 * Node and tsx included. The heap is sampled with `process.memoryUsage()` at every recording step and
 * after the run while the final state is still referenced; `arrayBuffers` is reported separately
 * because the model's typed-array tables live outside the V8 heap.
 */
import { loadScenarioFile } from '../src/scenario/loadScenarioFile.ts';
import { simulateModel } from '../src/model/simulateModel.ts';

/** What the child prints (one JSON line on stdout). */
export interface PeakMemorySample {
  readonly scenario: string;
  readonly loadOnly: boolean;
  readonly maxRssKiB: number;
  readonly peakHeapUsedBytes: number;
  readonly peakArrayBuffersBytes: number;
  readonly finalFirms: number | null;
}

async function main(): Promise<void> {
  const [file, seedText, flag] = process.argv.slice(2);
  if (!file || !seedText) throw new Error('usage: peakMemoryChild.ts <scenario.yaml> <seed> [--load-only]');
  const loadOnly = flag === '--load-only';
  const scenario = await loadScenarioFile(file);
  let peakHeapUsed = 0;
  let peakArrayBuffers = 0;
  const sample = (): void => {
    const usage = process.memoryUsage();
    if (usage.heapUsed > peakHeapUsed) peakHeapUsed = usage.heapUsed;
    if (usage.arrayBuffers > peakArrayBuffers) peakArrayBuffers = usage.arrayBuffers;
  };
  let finalFirms: number | null = null;
  if (!loadOnly) {
    const state = simulateModel(scenario.modelInput, Number(seedText), sample);
    sample(); // after the run, with the final state still alive
    finalFirms = state.firms.count;
  } else {
    sample();
  }
  const result: PeakMemorySample = {
    scenario: file,
    loadOnly,
    maxRssKiB: process.resourceUsage().maxRSS,
    peakHeapUsedBytes: peakHeapUsed,
    peakArrayBuffersBytes: peakArrayBuffers,
    finalFirms,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
