/**
 * A comparison as stored with its run: which scenarios (by name and parameter set hash), how many
 * replications, the base seed, the baseline and what was recorded — enough to find its tasks in the
 * run store and write its outputs without the scenario files (so `zonesim merge` can finish a sharded
 * comparison). And the look-up of those tasks.
 *
 * Seeds: replication r of every scenario uses replicationSeed(baseSeed, r) — a function of the two
 * numbers only — so every scenario faces the same draws (common random numbers) and adding or
 * removing a scenario changes no other scenario's results.
 */
import { createHash } from 'node:crypto';
import { replicationSeed } from '../model/randomStreams.ts';
import type { Recording, RecordOption } from '../runner/recording.ts';
import { taskIdsKey, type RunStore, type StoredScenario } from '../runner/runStore.ts';

/** The definition of a comparison (stored as the run's analysis JSON). */
export interface ComparisonSpec {
  /** Scenarios in display order, each with the content hash of its parameter set. */
  readonly scenarios: readonly { readonly name: string; readonly parameterSetHash: string }[];
  /** Replications 0 … replications − 1 of each scenario are compared. */
  readonly replications: number;
  readonly baseSeed: number;
  /** The scenario the others are compared with (null: fewer than two scenarios). */
  readonly baseline: string | null;
  readonly record: RecordOption;
  /** Hash of the recording every task of the comparison uses. */
  readonly recordingHash: string;
}

/** The canonical JSON of a comparison spec (stored; its hash identifies the comparison). */
export function comparisonSpecJson(spec: ComparisonSpec): string {
  return JSON.stringify({
    scenarios: spec.scenarios.map((s) => ({ name: s.name, parameterSetHash: s.parameterSetHash })),
    replications: spec.replications,
    baseSeed: spec.baseSeed,
    baseline: spec.baseline,
    record: { zoneSeries: spec.record.zoneSeries, industrySeries: spec.record.industrySeries },
    recordingHash: spec.recordingHash,
  });
}

/** SHA-256 (hex) of a comparison spec's canonical JSON. */
export function comparisonSpecHash(spec: ComparisonSpec): string {
  return createHash('sha256').update('zonesim-comparison\0').update(comparisonSpecJson(spec)).digest('hex');
}

/**
 * The seeds of replications 0 … R − 1.
 *
 * @example comparisonSeeds(2009, 2) // [replicationSeed(2009, 0), replicationSeed(2009, 1)]
 */
export function comparisonSeeds(baseSeed: number, replications: number): number[] {
  return Array.from({ length: replications }, (_, r) => replicationSeed(baseSeed, r));
}

/** A scenario of a comparison with the store ids of its replications' tasks. */
export interface LocatedScenario {
  readonly stored: StoredScenario;
  /** Every parameter the scenario ran with (defaults filled in), parsed. */
  readonly parameters: { readonly zones?: { readonly regionSizeKm?: number } } & Record<string, unknown>;
  /** Task id of replication r, r = 0 … R − 1. */
  readonly taskIds: readonly number[];
}

/** A comparison's tasks located in its store. */
export interface LocatedComparison {
  readonly spec: ComparisonSpec;
  readonly recording: Recording;
  readonly seeds: readonly number[];
  readonly scenarios: readonly LocatedScenario[];
}

/**
 * Find every task of a comparison in the store.
 *
 * @throws Error when a scenario, its recording or one of its replications 0 … R − 1 is not stored.
 * @example const located = locateComparison(store, spec);
 */
export function locateComparison(store: RunStore, spec: ComparisonSpec): LocatedComparison {
  const recording = store.recordingByHash(spec.recordingHash);
  if (recording === null) throw new Error(`the run store holds no recording ${spec.recordingHash.slice(0, 12)}`);
  const parameterSets = store.parameterSetIds();
  const index = store.taskIdIndex();
  const seeds = comparisonSeeds(spec.baseSeed, spec.replications);
  const scenarios = spec.scenarios.map(({ name, parameterSetHash }): LocatedScenario => {
    const stored = store.scenario(name);
    const parameterSetId = parameterSets.get(parameterSetHash);
    if (stored === null || parameterSetId === undefined) throw new Error(`scenario "${name}" is not in the run store`);
    const taskIds: number[] = [];
    const missing: number[] = [];
    seeds.forEach((seed, replication) => {
      const id = index.get(taskIdsKey({ parameterSetId, replication, seed, recordingId: recording.id }));
      if (id === undefined) missing.push(replication);
      else taskIds.push(id);
    });
    if (missing.length > 0) throw new Error(`scenario "${name}" has no stored result for replication(s) ${missing.slice(0, 10).join(', ')}`);
    const model = store.modelOfParameterSet(parameterSetId);
    return { stored, parameters: model === null ? {} : JSON.parse(model.parametersJson), taskIds };
  });
  return { spec, recording: JSON.parse(recording.recordingJson) as Recording, seeds, scenarios };
}

/**
 * The store keys (hashes, not ids) of a comparison's tasks in run order — replication-major, the
 * order {@link runComparison} dispatches them — for merging shard stores.
 *
 * @example comparisonTaskHashKeys(spec)[0] // '<parameter set hash of scenario 0>:0:<seed 0>:<recording hash>'
 */
export function comparisonTaskHashKeys(spec: ComparisonSpec): string[] {
  const keys: string[] = [];
  comparisonSeeds(spec.baseSeed, spec.replications).forEach((seed, replication) => {
    for (const s of spec.scenarios) keys.push(`${s.parameterSetHash}:${replication}:${seed}:${spec.recordingHash}`);
  });
  return keys;
}
