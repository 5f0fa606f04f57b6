/**
 * The files generated from the parameter specification table and committed to the repository.
 * Shared by `scripts/generateSchema.ts` and the test that checks the committed copies are current.
 */
import { renderScenarioJsonSchema, SCENARIO_SCHEMA_PATH } from './jsonSchema.ts';
import { PARAMETER_DOCUMENT_PATH, renderParameterDocument } from './parameterTable.ts';

/** One generated file: its path relative to the repository root and a function producing its content. */
export interface GeneratedFile {
  readonly path: string;
  readonly render: () => string;
}

/**
 * Every generated file: the scenario JSON Schema and docs/parameters.md.
 *
 * Why: one list, so the generator and the freshness test cannot disagree on what is generated.
 *
 * @example
 * for (const generated of listGeneratedFiles()) await writeFile(generated.path, generated.render());
 */
export function listGeneratedFiles(): GeneratedFile[] {
  return [
    { path: SCENARIO_SCHEMA_PATH, render: renderScenarioJsonSchema },
    { path: PARAMETER_DOCUMENT_PATH, render: renderParameterDocument },
  ];
}
