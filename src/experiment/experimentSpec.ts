/**
 * An experiment as stored with its run — its plan (src/experiment/loadExperimentFile.ts: the
 * definition, file texts and hashes; the design is regenerated from it) and the base scenario's model
 * hash — and the look-up of its tasks' outcome values in the run store, in task order: everything
 * `zonesim merge` needs to analyse a sharded experiment without its files.
 */
import { planFromJson, planToJson, type ExperimentPlan } from './loadExperimentFile.ts';
import { experimentRecording, experimentTask, pointParameterSetHashes } from './experimentTasks.ts';
import { recordingHash } from '../runner/recording.ts';
import { taskIdsKey, type RunStore } from '../runner/runStore.ts';

/** The analysis JSON of an experiment's run. */
export function experimentSpecJson(plan: ExperimentPlan, modelHash: string): string {
  return JSON.stringify({ plan: planToJson(plan), modelHash });
}

/**
 * Read an experiment's analysis JSON back (the design is regenerated from the plan).
 *
 * @throws Error when the JSON is not an experiment's.
 */
export function parseExperimentSpec(json: string): { plan: ExperimentPlan; modelHash: string } {
  const parsed = JSON.parse(json) as { plan?: unknown; modelHash?: unknown };
  if (typeof parsed.plan !== 'string' || typeof parsed.modelHash !== 'string') throw new Error('the run store holds no experiment plan');
  return { plan: planFromJson(parsed.plan), modelHash: parsed.modelHash };
}

/**
 * The store keys (hashes, not ids) of an experiment's tasks, in task order: for merging stores.
 *
 * @example experimentTaskHashKeys(plan, modelHash)[0] // '<parameter set hash>:0:<seed>:<recording hash>'
 */
export function experimentTaskHashKeys(plan: ExperimentPlan, modelHash: string): string[] {
  const points = pointParameterSetHashes(plan, modelHash);
  const recording = recordingHash(experimentRecording(plan));
  const R = plan.definition.replicationsPerPoint;
  return Array.from({ length: plan.taskCount }, (_, t) => {
    const task = experimentTask(t, R, plan.definition.seed);
    return `${points[task.point]}:${task.replication}:${task.seed}:${recording}`;
  });
}

/**
 * Every task's outcome values, in task order (NaN = undefined), from the store.
 *
 * @throws Error when the store does not hold every task of the plan.
 */
export function experimentTaskValues(store: RunStore, plan: ExperimentPlan, modelHash: string): Float64Array[] {
  const recording = store.recordingByHash(recordingHash(experimentRecording(plan)));
  const parameterSets = store.parameterSetIds();
  const points = pointParameterSetHashes(plan, modelHash).map((hash) => parameterSets.get(hash));
  const index = store.taskIdIndex();
  const outcomes = store.outcomesByTaskId();
  const R = plan.definition.replicationsPerPoint;
  const values: Float64Array[] = [];
  let missing = 0;
  for (let t = 0; t < plan.taskCount; t++) {
    const task = experimentTask(t, R, plan.definition.seed);
    const parameterSetId = points[task.point];
    const id =
      recording === null || parameterSetId === undefined
        ? undefined
        : index.get(taskIdsKey({ parameterSetId, replication: task.replication, seed: task.seed, recordingId: recording.id }));
    const stored = id === undefined ? undefined : outcomes.get(id);
    if (stored === undefined) missing++;
    else values.push(stored);
  }
  if (missing > 0) {
    throw new Error(`the store holds ${plan.taskCount - missing} of the ${plan.taskCount} tasks; every task must be stored before the analysis`);
  }
  return values;
}
