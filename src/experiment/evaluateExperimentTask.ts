/**
 * One task of an experiment: the base scenario with a design point's factor values applied, run
 * with the task's seed, reduced to the experiment's outcomes. What the experiment worker threads
 * compute; a pure function of (base input, factor values, seed), whichever thread runs it.
 */
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import type { ModelInput } from '../model/modelInput.ts';
import type { Parameters } from '../model/parameterSpecification.ts';
import { simulateModel } from '../model/simulateModel.ts';
import { createReporterCollector } from '../outcomes/collectReporters.ts';
import type { OutcomeStatistic } from './experimentDefinition.ts';

/** What a task needs besides its factor values and seed (sent to each worker once). */
export interface TaskModel {
  /** The base scenario's validated input. */
  readonly baseInput: ModelInput;
  /** Dotted parameter path of each factor, in factor order. */
  readonly factorPaths: readonly string[];
  /** The outcomes to compute, in outcome order. */
  readonly outcomes: readonly { readonly reporter: string; readonly statistic: OutcomeStatistic }[];
}

/**
 * A copy of `parameters` with each factor's value written at its dotted path.
 *
 * @example withFactorValues(defaults, ['guarantees.leverageMultiple'], [10]).guarantees.leverageMultiple // 10
 */
export function withFactorValues(parameters: Parameters, paths: readonly string[], values: readonly FactorValue[]): Parameters {
  const copy = structuredClone(parameters);
  paths.forEach((dotted, j) => {
    const keys = dotted.split('.');
    let node = copy as unknown as Record<string, unknown>;
    for (let i = 0; i < keys.length - 1; i++) node = node[keys[i]] as Record<string, unknown>;
    const last = keys[keys.length - 1];
    if (!(last in node)) throw new Error(`withFactorValues: ${dotted} is not a parameter`);
    node[last] = values[j];
  });
  return copy;
}

/**
 * Run one task and return its outcomes: for each outcome, the reporter's value at the last recorded
 * step ('final') or its mean over the recorded steps where it is defined ('mean'); NaN where the
 * reporter is undefined (e.g. a share of zero firms). Only the experiment's province reporters are
 * computed, at every recording step (flow reporters count since the previous recording, exactly as
 * in the runner's results.csv).
 *
 * @param model base input, factor paths and outcomes (see {@link TaskModel}).
 * @param values the point's factor values, in factor order.
 * @param seed the task's seed.
 * @returns one value per outcome (NaN = undefined).
 * @example evaluateExperimentTask(model, [10, 0.02], replicationSeed(2009, 0)) // Float64Array [..]
 */
export function evaluateExperimentTask(model: TaskModel, values: readonly FactorValue[], seed: number): Float64Array {
  const parameters = withFactorValues(model.baseInput.parameters, model.factorPaths, values);
  const names = [...new Set(model.outcomes.map((o) => o.reporter))];
  const collect = createReporterCollector({ names, zones: false, industries: false });
  const count = model.outcomes.length;
  const final = new Float64Array(count).fill(Number.NaN);
  const sums = new Float64Array(count);
  const defined = new Int32Array(count);
  const latest = new Map<string, number>();
  simulateModel({ parameters, relatedness: model.baseInput.relatedness }, seed, (state) => {
    latest.clear();
    for (const value of collect(state).values) latest.set(value.metric, value.value);
    model.outcomes.forEach((outcome, o) => {
      const value = latest.get(outcome.reporter);
      if (value === undefined || !Number.isFinite(value)) {
        final[o] = Number.NaN;
        return;
      }
      final[o] = value;
      sums[o] += value;
      defined[o]++;
    });
  });
  const result = new Float64Array(count);
  model.outcomes.forEach((outcome, o) => {
    result[o] = outcome.statistic === 'final' ? final[o] : defined[o] > 0 ? sums[o] / defined[o] : Number.NaN;
  });
  return result;
}
