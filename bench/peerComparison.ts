/**
 * zonesim's core against its plain-objects peer (bench/plainObjectsCore.ts) on the same settings and
 * seeds, in interleaved rounds: CPU time per replication of each, their ratio (zonesim / peer; the
 * issue's target is ≤ 0.5), and whether each round's outcomes were identical (the peer draws the same
 * random numbers and does the same arithmetic, so they are unless the model's arithmetic changed).
 * The peer runs twice per round: with zonesim's factorised weight refresh (the headline: the same
 * algorithm) and with the per-cell refresh of the review (information).
 */
import type { ModelInput } from '../src/model/modelInput.ts';
import { simulateModel } from '../src/model/simulateModel.ts';
import { ratioOf, spread, summariseTimes, type Spread, type SpreadRatio, type TimeSummary } from './benchStatistics.ts';
import { runInterleaved } from './interleavedRounds.ts';
import { assertPeerSupports, modelCoreOutcomes, peerOutcomes, simulatePeer, type CoreOutcomes } from './plainObjectsCore.ts';

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
  /** Rounds whose outcomes (entries, exits, firms, firms per zone) were identical. */
  readonly identicalRounds: number;
}

function sameOutcomes(a: CoreOutcomes, b: CoreOutcomes): boolean {
  return a.entries === b.entries && a.exits === b.exits && a.firms === b.firms && a.firmsPerZone.every((n, z) => n === b.firmsPerZone[z]);
}

/**
 * Time zonesim's `simulateModel` and the peer's `simulatePeer` on `input` (core settings) in
 * interleaved rounds, round r of both with seed `seedOf(r)`.
 *
 * @throws Error when `input` is not core settings (assertPeerSupports).
 */
export function measurePeer(
  input: ModelInput,
  seedOf: (round: number) => number,
  rounds: number,
  warmUp: number,
  progress: (message: string) => void = () => {},
): PeerComparison {
  assertPeerSupports(input);
  const seed = (round: number): number => seedOf(round < 0 ? 1000 - round : round);
  const runs = runInterleaved<CoreOutcomes>(
    [
      { label: 'zonesim core', run: (round) => modelCoreOutcomes(simulateModel(input, seed(round))) },
      { label: 'plain-objects peer', run: (round) => peerOutcomes(simulatePeer(input, seed(round))) },
      { label: 'plain-objects peer, per-cell refresh', run: (round) => peerOutcomes(simulatePeer(input, seed(round), 'per-cell')) },
    ],
    rounds,
    warmUp,
    (m) => progress(`zonesim core vs plain-objects peer: ${m}`),
  );
  const [model, peer, perCell] = runs;
  const zonesim = summariseTimes(model.times);
  const peerTimes = summariseTimes(peer.times);
  const perCellTimes = summariseTimes(perCell.times);
  return {
    rounds,
    zonesim,
    peer: peerTimes,
    perCellPeer: perCellTimes,
    ratio: ratioOf(zonesim.processCpuMs, peerTimes.processCpuMs),
    threadRatio: ratioOf(zonesim.threadCpuMs, peerTimes.threadCpuMs),
    perCellRatio: ratioOf(zonesim.processCpuMs, perCellTimes.processCpuMs),
    entries: spread(model.values.map((v) => v.entries)),
    identicalRounds: model.values.filter((v, i) => sameOutcomes(v, peer.values[i])).length,
  };
}
