/**
 * What `zonesim merge` needs to know about a comparison (src/runner/mergeRuns.ts): its name, its
 * tasks in run order and how to name one, all from the comparison spec stored with the run.
 */
import type { MergeableAnalysis } from '../runner/mergeRuns.ts';
import type { RunFacts } from '../runner/runStore.ts';
import { comparisonTaskHashKeys, type ComparisonSpec } from './comparisonSpec.ts';

function specOf(facts: RunFacts): ComparisonSpec {
  return JSON.parse(facts.analysisJson) as ComparisonSpec;
}

/** A comparison as merge sees it. */
export const comparisonMerge: MergeableAnalysis = {
  noun: 'comparison',
  name: (facts) => {
    const spec = specOf(facts);
    return `${spec.scenarios.map((s) => s.name).join(', ')} × ${spec.replications} replications`;
  },
  taskKeys: (facts) => comparisonTaskHashKeys(specOf(facts)),
  describeTask: (facts, position) => {
    const spec = specOf(facts);
    const keys = comparisonTaskHashKeys(spec);
    const key = [...new Set(keys)][position];
    const t = keys.indexOf(key);
    const S = spec.scenarios.length;
    return `scenario "${spec.scenarios[t % S].name}", replication ${Math.floor(t / S)}`;
  },
};
