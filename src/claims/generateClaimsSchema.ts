/**
 * Write (or, with --check, verify) scenarios/claims/claims.schema.json, the JSON Schema of
 * claims files generated from the claims definitions, the reporters and the parameter table:
 *
 *   npm run schema:claims            write the file
 *   npm run schema:claims:check      exit 1 when the committed file differs
 *
 * Importing this module runs nothing; only running it as a script does.
 */
import { runGeneratorScript, writeGeneratedFile } from '../scenario/writeGeneratedFile.ts';
import { CLAIMS_SCHEMA_PATH, renderClaimsJsonSchema } from './claimsSchema.ts';

/**
 * Write the schema (or check it with `check`); returns the exit code (1 when `check` finds it stale).
 *
 * @example process.exitCode = await generateClaimsSchema(false)
 */
export async function generateClaimsSchema(check: boolean, log?: (line: string) => void): Promise<number> {
  return writeGeneratedFile(CLAIMS_SCHEMA_PATH, renderClaimsJsonSchema(), check, 'npm run schema:claims', log);
}

await runGeneratorScript(import.meta.url, 'generateClaimsSchema', (check) => generateClaimsSchema(check));
