/**
 * Parameter sets: what a task simulates. A parameter set is a model input (a scenario's validated
 * parameters and data) plus overrides (dotted parameter paths → values: an experiment's design point, a
 * claim's robustness draw, a calibration particle), identified by content hashes so that a run store
 * recognises a task it already holds whatever analysis asks for it, and never reuses a task of other
 * parameters.
 *
 * - model hash: SHA-256 over the JSON of every parameter (defaults filled in) and the data files' contents
 *   (relatedness matrix, zone layout);
 * - parameter set hash: SHA-256 over the model hash and the overrides' JSON (in the order given).
 */
import { createHash } from 'node:crypto';
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import type { ModelInput } from '../model/modelInput.ts';
import type { Parameters } from '../model/parameterSpecification.ts';

/** Overrides of a parameter set: `[dotted parameter path, value]` pairs, applied in order. */
export type ParameterOverrides = readonly (readonly [string, FactorValue])[];

/**
 * The content hash of a model input (64 hex digits).
 *
 * @example modelInputHash(scenario.modelInput)
 */
export function modelInputHash(input: ModelInput): string {
  return createHash('sha256')
    .update('zonesim-model\0')
    .update(JSON.stringify(input.parameters))
    .update('\0')
    .update(modelInputDataJson(input))
    .digest('hex');
}

/**
 * The JSON of a model input's data besides its parameters — the relatedness matrix and the zone layout
 * read from the scenario's data files (null when absent) — as hashed and stored with the model.
 */
export function modelInputDataJson(input: ModelInput): string {
  return JSON.stringify({ relatedness: input.relatedness, zoneLayout: input.zoneLayout ?? null });
}

/**
 * The content hash of a parameter set: a model (by its hash) with overrides (64 hex digits).
 *
 * @example parameterSetHash(modelInputHash(input), [['guarantees.leverageMultiple', 10]])
 */
export function parameterSetHash(modelHash: string, overrides: ParameterOverrides): string {
  return createHash('sha256').update('zonesim-parameter-set\0').update(modelHash).update('\0').update(JSON.stringify(overrides)).digest('hex');
}

/**
 * A copy of `parameters` with each value written at its dotted path (`paths[j]` gets `values[j]`).
 *
 * @throws Error when a path names no parameter.
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
 * The model input of a parameter set: `input` itself without overrides, else a copy with them applied.
 *
 * @throws Error when an override names no parameter.
 */
export function applyParameterOverrides(input: ModelInput, overrides: ParameterOverrides): ModelInput {
  if (overrides.length === 0) return input;
  const parameters = withFactorValues(
    input.parameters,
    overrides.map(([path]) => path),
    overrides.map(([, value]) => value),
  );
  return { ...input, parameters };
}
