import { defaultParameters, type Parameters } from '../../src/model/parameterSpecification.ts';
import type { ModelInput } from '../../src/model/modelInput.ts';

/** A deep-partial override object for Parameters. */
export type Overrides = { [K in keyof Parameters]?: Partial<{ [L in keyof Parameters[K]]: unknown }> };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    if (isPlainObject(value) && isPlainObject(target[key])) mergeInto(target[key] as Record<string, unknown>, value);
    else target[key] = value;
  }
}

/** Default parameters with overrides applied (test helper; validation is the scenario loader's job). */
export function inputWith(overrides: Record<string, unknown> = {}): ModelInput {
  const parameters = defaultParameters();
  mergeInto(parameters as unknown as Record<string, unknown>, overrides);
  return { parameters, relatedness: null };
}

/** A small, fast scenario (teaching size, 6 years) used where the size does not matter. */
export const smallScenario = {
  time: { years: 6 },
  zones: { count: 6 },
  projects: { perYear: 300 },
  firms: { initialCount: 100 },
};
