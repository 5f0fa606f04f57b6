/**
 * zonesim's core against its plain-objects peer (bench/plainObjectsCore.ts) on the same settings and
 * seeds, in isolated-process rounds (bench/isolatedProcessRounds.ts: each implementation in its own
 * fresh processes, the order alternating round by round, each timed as it runs alone): CPU time per replication of each, their ratio (zonesim / peer; the
 * issue's target is ≤ 0.5), and whether each round's outcomes were identical (the peer draws the same
 * random numbers and does the same arithmetic, so they are unless the model's arithmetic changed).
 * The peer runs twice per round: with zonesim's factorised weight refresh (the headline: the same
 * algorithm) and with the per-cell refresh of the review (information).
 */
import { ratioOf, spread, summariseTimes, type Spread, type SpreadRatio, type TimeSummary } from './benchStatistics.ts';
import { runIsolatedChild, runIsolatedRounds, type ChildRunner, type IsolatedSchedule } from './isolatedProcessRounds.ts';
import { assertPeerSupports, type CoreOutcomes } from './plainObjectsCore.ts';
import type { ModelInput } from '../src/model/modelInput.ts';

/** The comparison's results. */
export interface PeerComparison {
  readonly rounds: number;
  readonly zonesim: TimeSummary;
  readonly peer: TimeSummary;
  readonly perCellPeer: TimeSummary;
  /** zonesim CPU / peer CPU (process, and the JavaScript thread alone). */
  readonly ratio: SpreadRatio;
  readonly threadRatio: SpreadRatio;
  /** zonesim CPU / CPU of the peer with per-cell refresh. */
  readonly perCellRatio: SpreadRatio;
  /** Entries per replication (zonesim's). */
  readonly entries: Spread;
  /** Timed replications per implementation. */
  readonly replications: number;
  /** Replications whose outcomes (entries, exits, firms, firms per zone) were identical in zonesim and the peer. */
  readonly identicalReplications: number;
}

function sameOutcomes(a: CoreOutcomes, b: CoreOutcomes): boolean {
  return a.entries === b.entries && a.exits === b.exits && a.firms === b.firms && a.firmsPerZone.every((n, z) => n === b.firmsPerZone[z]);
}

/**
 * Time zonesim's `simulateModel` and the peer's `simulatePeer` on `scenario` (a path relative to this
 * checkout) with every policy group off (coreParameters), in isolated-process rounds: timed
 * replication i of every implementation with seed seedOf(i), warm-up ones with seedOf(−1), seedOf(−2), ….
 * `input` is that scenario's model input, checked here before any process starts.
 *
 * @throws Error when `input` is not core settings (assertPeerSupports).
 */
export function measurePeer(
  scenario: string,
  input: ModelInput,
  seedOf: (index: number) => number,
  schedule: IsolatedSchedule,
  progress: (message: string) => void = () => {},
  runChild: ChildRunner = runIsolatedChild,
): PeerComparison {
  assertPeerSupports(input);
  const runs = runIsolatedRounds<CoreOutcomes>(
    [
      { label: 'zonesim core', task: { kind: 'zonesim-core', scenario } },
      { label: 'plain-objects peer', task: { kind: 'peer', scenario } },
      { label: 'plain-objects peer, per-cell refresh', task: { kind: 'peer-per-cell', scenario } },
    ],
    schedule,
    seedOf,
    (m) => progress(`zonesim core vs plain-objects peer: ${m}`),
    runChild,
  );
  const [model, peer, perCell] = runs;
  const zonesim = summariseTimes(model.times);
  const peerTimes = summariseTimes(peer.times);
  const perCellTimes = summariseTimes(perCell.times);
  return {
    rounds: schedule.rounds,
    zonesim,
    peer: peerTimes,
    perCellPeer: perCellTimes,
    ratio: ratioOf(zonesim.processCpuMs, peerTimes.processCpuMs),
    threadRatio: ratioOf(zonesim.threadCpuMs, peerTimes.threadCpuMs),
    perCellRatio: ratioOf(zonesim.processCpuMs, perCellTimes.processCpuMs),
    entries: spread(model.values.map((v) => v.entries)),
    replications: model.values.length,
    identicalReplications: model.values.filter((v, i) => sameOutcomes(v, peer.values[i])).length,
  };
}
