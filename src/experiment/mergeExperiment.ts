/**
 * What `zonesim merge` needs to know about an experiment (src/runner/mergeRuns.ts): its name, its
 * tasks in task order and how to name one, and its design points — all from the plan stored with the
 * run, whose design this zonesim regenerates (and checks against the points the shard ran).
 */
import { MergeError, type MergeableAnalysis } from '../runner/mergeRuns.ts';
import type { RunFacts, RunStore } from '../runner/runStore.ts';
import { experimentTaskHashKeys, parseExperimentSpec } from './experimentSpec.ts';
import { pointParameterSetHashes } from './experimentTasks.ts';
import type { ExperimentPlan } from './loadExperimentFile.ts';

const parsed = new Map<string, { plan: ExperimentPlan; modelHash: string }>();

/** The stored experiment of a run (parsed once per process). */
export function storedExperiment(facts: RunFacts): { plan: ExperimentPlan; modelHash: string } {
  let found = parsed.get(facts.analysisJson);
  if (found === undefined) {
    found = parseExperimentSpec(facts.analysisJson);
    parsed.set(facts.analysisJson, found);
  }
  return found;
}

/** The parameter set hash of each stored design point, in point order. */
function storedPointHashes(store: RunStore): string[] {
  const rows = store.db.prepare('SELECT p.hash FROM points q JOIN parameter_sets p ON p.id = q.parameter_set_id ORDER BY q.point').raw(true).all() as [string][];
  return rows.map((r) => r[0]);
}

/** An experiment as merge sees it. */
export const experimentMerge: MergeableAnalysis = {
  noun: 'experiment file',
  name: (facts) => storedExperiment(facts).plan.definition.name,
  taskKeys: (facts, shard, dir) => {
    const { plan, modelHash } = storedExperiment(facts);
    const regenerated = pointParameterSetHashes(plan, modelHash);
    const stored = storedPointHashes(shard);
    if (stored.length !== regenerated.length || stored.some((hash, p) => hash !== regenerated[p])) {
      throw new MergeError(
        `merge: ${dir}: the design points this zonesim generates differ from those the shard ran (another zonesim version); merge with the version that ran the shards`,
      );
    }
    return experimentTaskHashKeys(plan, modelHash);
  },
  describeTask: (facts, position) => {
    const { plan, modelHash } = storedExperiment(facts);
    const keys = experimentTaskHashKeys(plan, modelHash);
    const t = keys.indexOf([...new Set(keys)][position]);
    const R = plan.definition.replicationsPerPoint;
    return `point ${Math.floor(t / R)}, replication ${t % R}`;
  },
  afterCopy: (store, facts) => {
    const { plan, modelHash } = storedExperiment(facts);
    const ids = store.parameterSetIds();
    store.putPoints(pointParameterSetHashes(plan, modelHash).map((hash) => ids.get(hash) as number));
  },
};
