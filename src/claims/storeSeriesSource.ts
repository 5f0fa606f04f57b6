/**
 * A {@link SeriesSource} over a run store: the province series of a parameter set's replications
 * 0 … n − 1 (seeded like a comparison's), read once each and kept while the claims are evaluated.
 */
import { comparisonSeeds } from '../comparison/comparisonSpec.ts';
import type { RunStore } from '../runner/runStore.ts';
import { taskIdsKey } from '../runner/runStore.ts';
import { recordingHash, type Recording } from '../runner/recording.ts';
import type { ArmSeries, SeriesSource } from './evaluateClaims.ts';

/** Where the values of one arm are: its parameter set, how many replications and what its tasks recorded. */
export interface ArmLocation {
  readonly parameterSetHash: string;
  readonly replications: number;
  /** The recording of its tasks; null: the comparison's own (a scenario's replications). */
  readonly recording: Recording | null;
}

/** What finding an arm's tasks needs from the store: its parameter set ids by hash and its task ids by key. */
export interface StoreLookup {
  readonly parameterSetIds: ReadonlyMap<string, number>;
  readonly taskIndex: ReadonlyMap<string, number>;
}

/** A recording as the store knows it: its hash and its province reporters in stored order. */
export interface StoredSeriesRecording {
  readonly hash: string;
  readonly province: readonly string[];
}

/**
 * Read the province series of a parameter set from the store.
 *
 * @param store the run store.
 * @param recordingHash the recording every task used (its province reporters are `reporters`).
 * @param reporters the recording's province reporter names, in stored order.
 * @param baseSeed replication r has seed replicationSeed(baseSeed, r).
 * @param location the parameter set and replication count.
 * @param description words for messages (e.g. `scenario "baseline"`).
 * @param lookup the store's parameter set ids and task index, when the caller already has them (a
 *   source reading many arms reads them once).
 * @throws Error when a replication is not stored; `value` throws for a reporter the recording does not hold.
 */
export function readArmSeries(
  store: RunStore,
  recordingHash: string,
  reporters: readonly string[],
  baseSeed: number,
  location: ArmLocation,
  description: string,
  lookup?: StoreLookup,
): ArmSeries {
  const recording = store.recordingByHash(recordingHash);
  const parameterSetId = (lookup?.parameterSetIds ?? store.parameterSetIds()).get(location.parameterSetHash);
  if (recording === null || parameterSetId === undefined) throw new Error(`${description} is not in the run store`);
  const index = lookup?.taskIndex ?? store.taskIdIndex();
  const P = reporters.length;
  const reporterIndex = new Map(reporters.map((r, p) => [r, p]));
  const recorded = reporters.join(', ');
  let years: number[] = [];
  const values: Float64Array[] = [];
  comparisonSeeds(baseSeed, location.replications).forEach((seed, replication) => {
    const id = index.get(taskIdsKey({ parameterSetId, replication, seed, recordingId: recording.id }));
    const record = id === undefined ? null : store.taskProvince(id);
    if (record === null) throw new Error(`${description} has no stored result for replication ${replication}`);
    if (replication === 0) years = Array.from(record.years);
    values.push(record.province);
  });
  return {
    years,
    replications: location.replications,
    value(reporter, instant, replication) {
      const p = reporterIndex.get(reporter);
      if (p === undefined) throw new Error(`${description}: its replications record ${recorded}, not ${reporter}`);
      const v = values[replication][instant * P + p];
      return v === undefined ? Number.NaN : v;
    },
  };
}

/**
 * A source over a store: `locate(scenario, variantKey, claim)` names the parameter set and recording
 * (null: `comparison`, the comparison's recording); series are read once and cached by parameter set
 * hash, recording and replication count.
 */
export function storeSeriesSource(
  store: RunStore,
  comparison: StoredSeriesRecording,
  baseSeed: number,
  locate: (scenario: string, variantKey: string | null, claim: string) => ArmLocation,
): SeriesSource {
  const cache = new Map<string, ArmSeries>();
  // Read once: the store does not change while the claims are evaluated.
  let lookup: StoreLookup | null = null;
  return (scenario, variantKey, claim) => {
    const location = locate(scenario, variantKey, claim);
    const recording = location.recording === null ? comparison : { hash: recordingHash(location.recording), province: location.recording.province };
    const key = `${location.parameterSetHash}:${recording.hash}:${location.replications}`;
    let series = cache.get(key);
    if (series === undefined) {
      const description = variantKey === null ? `scenario "${scenario}"` : `robustness variant ${variantKey} of scenario "${scenario}"`;
      lookup ??= { parameterSetIds: store.parameterSetIds(), taskIndex: store.taskIdIndex() };
      series = readArmSeries(store, recording.hash, recording.province, baseSeed, location, description, lookup);
      cache.set(key, series);
    }
    return series;
  };
}
