/**
 * Isolated-process rounds (bench/isolatedProcessRounds.ts): one fresh process per variant per round,
 * the order alternating, every process warmed up with the same seeds; and the child
 * (bench/isolatedReplicationChild.ts) replicates exactly what the model does in this process.
 */
import { describe, expect, it } from 'vitest';
import { runIsolatedChild, runIsolatedRounds } from '../../bench/isolatedProcessRounds.ts';
import type { IsolatedRequest } from '../../bench/isolatedReplicationChild.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';

describe('isolated-process rounds', () => {
  it('starts one process per variant per round, alternating the order, with the round’s timed seeds', () => {
    const requests: string[] = [];
    const fakeChild = (request: IsolatedRequest) => {
      const label = request.task.kind === 'version' ? request.task.label : request.task.kind;
      requests.push(`${label} warm ${request.warmUpSeeds.join(',')} timed ${request.seeds.join(',')}`);
      const times = request.seeds.map((s) => ({ wallMs: s, processCpuMs: s, threadCpuMs: s, runQueueWaitMs: 0 }));
      return { zones: 7, times, values: request.seeds.map((s) => `${label}:${s}`) };
    };
    const variants = [
      { label: 'A', task: { kind: 'version' as const, label: 'A', root: '/a', scenario: 's.yaml' } },
      { label: 'B', task: { kind: 'version' as const, label: 'B', root: '/b', scenario: 's.yaml' } },
    ];
    const seedOf = (i: number) => 100 + i;
    const runs = runIsolatedRounds<string>(variants, { rounds: 3, warmUpPerProcess: 2, timedPerProcess: 2 }, seedOf, undefined, fakeChild);
    expect(requests).toEqual([
      'A warm 99,98 timed 100,101',
      'B warm 99,98 timed 100,101',
      'B warm 99,98 timed 102,103',
      'A warm 99,98 timed 102,103',
      'A warm 99,98 timed 104,105',
      'B warm 99,98 timed 104,105',
    ]);
    expect(runs.map((r) => r.label)).toEqual(['A', 'B']);
    expect(runs[1].values).toEqual(['B:100', 'B:101', 'B:102', 'B:103', 'B:104', 'B:105']); // seed order, not process order
    expect(runs[0].times.map((t) => t.processCpuMs)).toEqual([100, 101, 102, 103, 104, 105]);
    expect(runs[0].zones).toBe(7);
  });

  it('needs a variant, a round and a timed replication per process', () => {
    const variant = { label: 'A', task: { kind: 'zonesim-core' as const, scenario: 's.yaml' } };
    const never = () => {
      throw new Error('no child should start');
    };
    expect(() => runIsolatedRounds([], { rounds: 1, warmUpPerProcess: 0, timedPerProcess: 1 }, (i) => i, undefined, never)).toThrow(RangeError);
    expect(() => runIsolatedRounds([variant], { rounds: 0, warmUpPerProcess: 0, timedPerProcess: 1 }, (i) => i, undefined, never)).toThrow(RangeError);
    expect(() => runIsolatedRounds([variant], { rounds: 1, warmUpPerProcess: 0, timedPerProcess: 0 }, (i) => i, undefined, never)).toThrow(RangeError);
  });

  it('a child process replicates what simulateModel computes here, seed for seed', async () => {
    const reply = runIsolatedChild({
      task: { kind: 'version', label: 'current', root: process.cwd(), scenario: 'scenarios/baseline.yaml' },
      warmUpSeeds: [5],
      seeds: [11, 12],
    });
    const { modelInput } = await loadScenarioFile('scenarios/baseline.yaml');
    expect(reply.zones).toBe(modelInput.parameters.zones.count);
    expect(reply.times).toHaveLength(2);
    for (const [i, seed] of [11, 12].entries()) {
      const state = simulateModel(modelInput, seed);
      const counts = reply.values[i] as { entries: number; finalFirms: number };
      expect(counts.entries).toBe(state.counters.entriesTotal);
      expect(counts.finalFirms).toBe(state.firms.count);
      expect(reply.times[i].processCpuMs).toBeGreaterThan(0);
    }
  });

  it('reports a failed child with its last line of stderr', () => {
    expect(() =>
      runIsolatedChild({ task: { kind: 'version', label: 'missing', root: '/nonexistent-zonesim', scenario: 'x.yaml' }, warmUpSeeds: [], seeds: [1] }),
    ).toThrow(/benchmark child failed/);
  });
});
