/**
 * Write (or, with --check, verify) scenarios/experiments/experiment.schema.json, the JSON Schema of
 * experiment files generated from the parameter table and the reporters:
 *
 *   npm run schema:experiment            write the file
 *   npm run schema:experiment:check      exit 1 when the committed file differs
 *
 * Importing this module runs nothing; only running it as a script does.
 */
import { runGeneratorScript, writeGeneratedFile } from '../scenario/writeGeneratedFile.ts';
import { EXPERIMENT_SCHEMA_PATH, renderExperimentJsonSchema } from './experimentSchema.ts';

/**
 * Write the schema (or check it with `check`); returns the exit code (1 when `check` finds it stale).
 *
 * @example process.exitCode = await generateExperimentSchema(false)
 */
export async function generateExperimentSchema(check: boolean, log?: (line: string) => void): Promise<number> {
  return writeGeneratedFile(EXPERIMENT_SCHEMA_PATH, renderExperimentJsonSchema(), check, 'npm run schema:experiment', log);
}

await runGeneratorScript(import.meta.url, 'generateExperimentSchema', (check) => generateExperimentSchema(check));
