/**
 * `zonesim merge` for a calibration: the shards of one round (`zonesim calibrate … --shard i/n`, each
 * started from the state of the run folder the shards are merged into) are merged into that run
 * folder — their tasks copied by the run pipeline's merge (src/runner/mergeRuns.ts, which checks
 * completeness and agreement) — and the round is absorbed, exactly as a single run absorbs it; after
 * the posterior-predictive round, every output is written. So shards synchronise once per round and
 * the merged folder ends byte-identical to a single run's (timings.json aside).
 *
 * Checks before anything is written: every shard started from the same state; the run folder holds
 * that state (or none, when the shards started from the initial state); a round merged before is
 * reported, not merged twice.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { MergeShardsOptions, MergeSummary } from '../cli/mergeShards.ts';
import type { ModelInput } from '../model/modelInput.ts';
import { modelFingerprint } from '../runner/modelFingerprint.ts';
import { MergeError, mergeRuns, type MergeableAnalysis } from '../runner/mergeRuns.ts';
import { RunStore, STORE_FILE_NAME, type AnalysisKind, type RunFacts } from '../runner/runStore.ts';
import { parseCalibrationPlan, type CalibrationPlan } from './calibrationPlan.ts';
import {
  calibrationStateHash,
  calibrationStateKey,
  prepareCalibrationTables,
  readCalibrationRounds,
  readCalibrationState,
  writeCalibrationState,
  type StoredCalibrationState,
} from './calibrationStateStore.ts';
import { writeCalibrationStatus } from './calibrationStatus.ts';
import { absorbPlannedRound, describeRoundTask, plannedRound, registerCalibrationRun, storedTaskReader, type PlannedRound } from './calibrationTasks.ts';
import { initialCalibrationState } from './runCalibrationFile.ts';
import { writeCalibrationOutputs } from './writeCalibrationOutputs.ts';

/** A stored model input, by hash, from a store's `models` table (null when absent). */
export function storedModelInput(store: RunStore, hash: string): ModelInput | null {
  const row = store.db.prepare('SELECT parameters_json, data_json FROM models WHERE hash = ?').get(hash) as { parameters_json: string; data_json: string } | undefined;
  if (row === undefined) return null;
  const data = JSON.parse(row.data_json) as { relatedness: ModelInput['relatedness']; zoneLayout: ModelInput['zoneLayout'] | null };
  return { parameters: JSON.parse(row.parameters_json) as ModelInput['parameters'], relatedness: data.relatedness, zoneLayout: data.zoneLayout ?? undefined };
}

/** The plan and round of a shard folder. */
interface ShardRound {
  readonly dir: string;
  readonly facts: RunFacts;
  readonly plan: CalibrationPlan;
  readonly base: StoredCalibrationState;
}

const plans = new Map<string, CalibrationPlan>();

function planOf(facts: RunFacts, store: RunStore): CalibrationPlan {
  let plan = plans.get(facts.analysisJson);
  if (plan === undefined) {
    plan = parseCalibrationPlan(facts.analysisJson, (hash) => storedModelInput(store, hash));
    plans.set(facts.analysisJson, plan);
  }
  return plan;
}

function readShardRound(dir: string): ShardRound {
  if (!existsSync(path.join(dir, STORE_FILE_NAME))) throw new MergeError(`merge: ${dir}: expected a shard folder with ${STORE_FILE_NAME}, found none`);
  const store = RunStore.openFolder(dir, { readonly: true });
  try {
    const facts = store.runFacts();
    if (facts === null || facts.analysis !== 'calibration') throw new MergeError(`merge: ${dir}: expected a shard folder of a calibration, found ${facts === null ? 'an empty store' : `a ${facts.analysis} run`}`);
    const base = readCalibrationState(store);
    if (base === null || base.role !== 'shard') throw new MergeError(`merge: ${dir}: expected a shard folder (zonesim calibrate … --shard i/n), found ${base === null ? 'no calibration state' : 'a calibration run folder'}`);
    return { dir, facts, plan: planOf(facts, store), base };
  } finally {
    store.close();
  }
}

/**
 * Whether a folder holds a calibration's run store (merge hands calibration shards to {@link mergeCalibrationShards}).
 *
 * @example isCalibrationFolder('runs/henan-shard-1')
 */
export function isCalibrationFolder(dir: string): boolean {
  if (!existsSync(path.join(dir, STORE_FILE_NAME))) return false;
  let store: RunStore | null = null;
  try {
    store = RunStore.openFolder(dir, { readonly: true });
    return store.runFacts()?.analysis === 'calibration';
  } catch {
    return false;
  } finally {
    store?.close();
  }
}

/** The round of a base state in words. */
function roundText(base: StoredCalibrationState): string {
  return base.state.stop === null ? `round ${base.rounds + 1} (generation ${base.state.generation})` : `round ${base.rounds + 1} (the posterior-predictive runs)`;
}

/** A calibration as mergeRuns sees it, for one round. */
function roundAnalysis(round: PlannedRound, plan: CalibrationPlan): MergeableAnalysis {
  const keys = (): string[] => {
    const { definition } = round.run;
    return definition.tasks.map((t) => `${definition.parameterSets[t.parameterSet].hash}:${t.replication}:${t.seed}:${definition.recordings[t.recording].hash}`);
  };
  const unique = (): number[] => {
    const seen = new Set<string>();
    const positions: number[] = [];
    keys().forEach((key, i) => {
      if (seen.has(key)) return;
      seen.add(key);
      positions.push(i);
    });
    return positions;
  };
  return {
    noun: 'calibration',
    name: () => plan.definition.name,
    taskKeys: keys,
    describeTask: (_facts, position) => describeRoundTask(round, round.run.definition.tasks[unique()[position]]),
  };
}

/**
 * An analysis mergeRuns must list but a merge never reaches: calibration shards are merged round by
 * round here, other analyses' shards by src/cli/mergeShards.ts; mixed, they are refused.
 */
export const REFUSED_MIXED_MERGE: MergeableAnalysis = {
  noun: 'run',
  name: () => 'another analysis',
  taskKeys: () => {
    throw new MergeError('merge: calibration shards cannot be merged with the shards of another analysis');
  },
  describeTask: () => '',
};

/**
 * Merge the shards of one calibration round into the run folder `outDir` and absorb the round; after
 * the posterior-predictive round, write every output.
 *
 * @throws {MergeError} (one line) when the shards started from different states, the run folder
 *   holds another state, or tasks are missing.
 * @example await mergeCalibrationShards({ shardDirs: ['s1', 's2'], outDir: 'reports/calibrations/henan', provenance })
 */
export async function mergeCalibrationShards(options: MergeShardsOptions): Promise<MergeSummary> {
  const started = Date.now();
  if (options.shardDirs.length === 0) throw new MergeError('merge: expected at least one shard folder, found none');
  const shards = options.shardDirs.map(readShardRound);
  const first = shards[0];
  for (const other of shards.slice(1)) {
    if (other.facts.analysisHash !== first.facts.analysisHash) {
      throw new MergeError(`merge: ${other.dir} and ${first.dir} hold different calibrations (or versions of one); merge only shards of one calibration`);
    }
    if (other.base.hash !== first.base.hash) {
      throw new MergeError(
        `merge: ${other.dir} computed ${roundText(other.base)} but ${first.dir} ${roundText(first.base)}; run every shard from the same run folder state (--from ${options.outDir}), then merge`,
      );
    }
  }
  const plan = first.plan;
  const key = calibrationStateKey(plan.analysisHash, first.facts.codeFingerprint);
  const fingerprint = modelFingerprint();
  if (fingerprint !== first.facts.codeFingerprint) {
    throw new MergeError(`merge: ${first.dir} was computed by other model code than this zonesim (fingerprints differ); merge with the version that ran the shards`);
  }

  // The run folder must hold the state the shards started from.
  let runState: StoredCalibrationState | null = null;
  let mergedBefore = false;
  if (existsSync(path.join(options.outDir, STORE_FILE_NAME))) {
    const store = RunStore.openFolder(options.outDir, { readonly: true });
    try {
      const facts = store.runFacts();
      if (facts !== null && facts.analysis !== 'calibration') throw new MergeError(`merge: ${options.outDir}: holds a ${facts.analysis} run; merge calibration shards into its own run folder`);
      runState = readCalibrationState(store);
      if (runState !== null && runState.role !== 'run') throw new MergeError(`merge: ${options.outDir}: is a shard folder; merge into the calibration's run folder`);
      if (runState !== null && runState.key !== key) runState = null;
      mergedBefore = runState !== null && readCalibrationRounds(store).some((r) => r.baseHash === first.base.hash && r.stateHash === runState?.hash);
    } finally {
      store.close();
    }
  }
  const expectedHash = runState?.hash ?? calibrationStateHash(initialCalibrationState(plan));
  const finishedBefore = runState?.finished === true && runState.hash === first.base.hash;
  if (mergedBefore || finishedBefore) {
    return {
      outDir: options.outDir,
      analysis: 'calibration' as AnalysisKind,
      shards: shards.length,
      tasksAdded: 0,
      taskCount: 0,
      files: [],
      reportPath: runState?.finished === true ? path.join(options.outDir, 'calibration.html') : path.join(options.outDir, STORE_FILE_NAME),
      wallTimeSeconds: (Date.now() - started) / 1000,
    };
  }
  if (first.base.hash !== expectedHash) {
    throw new MergeError(
      `merge: the shards computed ${roundText(first.base)} from another state than ${options.outDir} holds (${runState === null ? 'none: the initial state' : roundText(runState)}); run them again with --from ${options.outDir}, then merge`,
    );
  }

  const round = plannedRound(plan, first.base.state);
  const analysis = roundAnalysis(round, plan);
  const merged = mergeRuns({
    shardDirs: options.shardDirs,
    outDir: options.outDir,
    analyses: { calibration: analysis, experiment: REFUSED_MIXED_MERGE, comparison: REFUSED_MIXED_MERGE },
  });
  const store = merged.store;
  try {
    prepareCalibrationTables(store);
    const registered = registerCalibrationRun(store, round.run);
    const read = storedTaskReader(store, registered);
    const rounds = first.base.rounds;
    let files: readonly string[] = ['status.json'];
    let reportPath: string | null = path.join(options.outDir, 'status.json');
    if (round.kind === 'candidates') {
      const state = absorbPlannedRound(plan, round, read);
      writeCalibrationState(
        store,
        { key, role: 'run', state, rounds: rounds + 1, finished: false },
        { round: rounds + 1, generation: round.proposed.generation, firstCandidate: round.candidates[0]?.index ?? 0, candidates: round.candidates.length, baseHash: first.base.hash },
      );
      const what = state.stop === null ? `round ${rounds + 2} (generation ${state.generation})` : `round ${rounds + 2} (the posterior-predictive runs)`;
      writeCalibrationStatus(
        options.outDir,
        plan,
        state,
        rounds + 1,
        false,
        `run the ${shards.length} shards of ${what} — zonesim calibrate ${plan.file} --shard i/${shards.length} --from ${options.outDir} — then merge them into ${options.outDir}`,
      );
    } else {
      options.onPhase?.('report');
      const written = await writeCalibrationOutputs(store, plan, round.base, { run: round.run, read }, {
        outDir: options.outDir,
        provenance: options.provenance,
        modelFingerprint: fingerprint,
        renderReport: options.renderReport,
      });
      writeCalibrationState(store, { key, role: 'run', state: round.base, rounds, finished: true });
      writeCalibrationStatus(options.outDir, plan, round.base, rounds, true, `finished: the report is ${written.reportPath ?? path.join(options.outDir, 'summary.json')}`);
      files = [...written.files, 'status.json'];
      reportPath = written.reportPath ?? path.join(options.outDir, 'summary.json');
    }
    return {
      outDir: options.outDir,
      analysis: 'calibration',
      shards: merged.shards.length,
      tasksAdded: merged.tasksAdded,
      taskCount: merged.taskCount,
      files,
      reportPath,
      wallTimeSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    store.close();
  }
}
