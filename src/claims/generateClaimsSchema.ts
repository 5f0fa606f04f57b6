/**
 * Write (or, with --check, verify) scenarios/claims/claims.schema.json, the JSON Schema of
 * claims files generated from the claims definitions, the reporters and the parameter table:
 *
 *   tsx src/claims/generateClaimsSchema.ts            write the file
 *   tsx src/claims/generateClaimsSchema.ts --check    exit 1 when the committed file differs
 *
 * Paths are relative to the repository root, whatever the working directory. Importing this module
 * runs nothing; only running it as a script does.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLAIMS_SCHEMA_PATH, renderClaimsJsonSchema } from './claimsSchema.ts';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Write the schema (or check it with `check`); returns the exit code (1 when `check` finds it stale).
 *
 * @example process.exitCode = await generateClaimsSchema(false)
 */
export async function generateClaimsSchema(check: boolean, log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<number> {
  const target = path.join(repositoryRoot, CLAIMS_SCHEMA_PATH);
  const content = renderClaimsJsonSchema();
  let current: string | null = null;
  try {
    current = await readFile(target, 'utf8');
  } catch {
    current = null;
  }
  if (check) {
    if (current === content) return 0;
    log(`${CLAIMS_SCHEMA_PATH} ${current === null ? 'is missing' : 'is out of date'}; run: tsx src/claims/generateClaimsSchema.ts`);
    return 1;
  }
  if (current !== content) {
    await writeFile(target, content, 'utf8');
    log(`wrote ${CLAIMS_SCHEMA_PATH}`);
  } else {
    log(`${CLAIMS_SCHEMA_PATH} is up to date`);
  }
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`generateClaimsSchema: unknown argument ${unknown[0]} (usage: generateClaimsSchema.ts [--check])\n`);
    process.exitCode = 2;
  } else {
    process.exitCode = await generateClaimsSchema(args.includes('--check'));
  }
}
