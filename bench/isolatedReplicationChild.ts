/**
 * Child process of the isolated-process comparisons (bench/isolatedProcessRounds.ts): run one
 * variant's replications — untimed warm-up seeds first, then the timed seeds — in a fresh Node
 * process that loads no other variant's code, and print one line of JSON with each timed
 * replication's times and outcomes.
 *
 * Usage: node --expose-gc --import tsx bench/isolatedReplicationChild.ts '<IsolatedRequest as JSON>'
 *
 * Variants (see {@link IsolatedTask}):
 * - `version`: a checkout's model (this one or an extracted commit, bench/legacyComparison.ts) on a
 *   scenario of that checkout, driven step by step; outcomes are {@link ReplicationCounts};
 * - `zonesim-core`, `peer`, `peer-per-cell`: this checkout's scenario with every policy group off
 *   (coreParameters), run by zonesim's simulateModel or by the plain-objects peer
 *   (bench/plainObjectsCore.ts) with its factorised or per-cell refresh; outcomes are CoreOutcomes.
 *
 * Each timed replication is preceded by a young-generation collection (cpuClock.ts, collectGarbage).
 * The scenario is loaded in a short-lived worker thread (bench/loadModelInputInWorker.ts), so the
 * thread that replicates never detaches an ArrayBuffer and runs as the run pipeline's workers do.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectGarbage, timeCall, type ElapsedTimes } from './cpuClock.ts';
import type { ModelInput } from '../src/model/modelInput.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What one child runs. Scenario paths are relative to the checkout (`root`, or this one). */
export type IsolatedTask =
  | { readonly kind: 'version'; readonly label: string; readonly root: string; readonly scenario: string }
  | { readonly kind: 'zonesim-core' | 'peer' | 'peer-per-cell'; readonly scenario: string };

/** The child's whole input: the task and its seeds. */
export interface IsolatedRequest {
  readonly task: IsolatedTask;
  /** Untimed replications first, so that the timed ones run compiled code (steady state). */
  readonly warmUpSeeds: readonly number[];
  readonly seeds: readonly number[];
}

/** The child's one line of output. */
export interface IsolatedReply<T> {
  /** Zones of the scenario the task ran. */
  readonly zones: number;
  /** Per timed seed, in order. */
  readonly times: ElapsedTimes[];
  readonly values: T[];
}

/** Build the replicate function of a task (every module it needs is imported here, in the child). */
async function replicatorOf(task: IsolatedTask): Promise<{ zones: number; replicate: (seed: number) => unknown }> {
  if (task.kind === 'version') {
    const { loadVersion } = await import('./legacyComparison.ts');
    const version = await loadVersion(task.label, task.root, task.scenario, 'worker');
    return { zones: version.zones, replicate: version.replicate };
  }
  const { loadModelInputInWorker } = await import('./loadModelInputInWorker.ts');
  const { coreParameters, modelCoreOutcomes, peerOutcomes, simulatePeer } = await import('./plainObjectsCore.ts');
  const henan = (await loadModelInputInWorker(ROOT, task.scenario)) as ModelInput;
  const input: ModelInput = { ...henan, parameters: coreParameters(henan.parameters) };
  const zones = input.parameters.zones.count;
  if (task.kind === 'zonesim-core') {
    const { simulateModel } = await import('../src/model/simulateModel.ts');
    return { zones, replicate: (seed) => modelCoreOutcomes(simulateModel(input, seed)) };
  }
  const refresh = task.kind === 'peer' ? undefined : 'per-cell';
  return { zones, replicate: (seed) => peerOutcomes(simulatePeer(input, seed, refresh)) };
}

/** Run a request in this process (the child's body). */
async function runIsolatedRequest(request: IsolatedRequest): Promise<IsolatedReply<unknown>> {
  const { zones, replicate } = await replicatorOf(request.task);
  for (const seed of request.warmUpSeeds) replicate(seed);
  const times: ElapsedTimes[] = [];
  const values: unknown[] = [];
  for (const seed of request.seeds) {
    collectGarbage();
    const { value, times: elapsed } = timeCall(() => replicate(seed));
    times.push(elapsed);
    values.push(value);
  }
  return { zones, times, values };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = process.argv[2];
  if (!text) throw new Error("usage: isolatedReplicationChild.ts '<IsolatedRequest as JSON>'");
  const reply = await runIsolatedRequest(JSON.parse(text) as IsolatedRequest);
  process.stdout.write(`${JSON.stringify(reply)}\n`);
}
