/**
 * Write (or, with --check, verify) the files generated from the parameter specification table:
 * scenarios/zonesim.schema.json and docs/parameters.md.
 *
 *   npm run schema          (tsx scripts/generateSchema.ts)           write both files
 *   npm run schema:check    (tsx scripts/generateSchema.ts --check)   exit 1 when a committed file differs from the generated one
 *
 * Paths are relative to the repository root, whatever the working directory.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listGeneratedFiles } from '../src/scenario/generatedFiles.ts';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function readIfPresent(filePath: string): Promise<string | null> {
  try {
    return await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const unknown = argv.filter((argument) => argument !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`generateSchema: unknown argument ${unknown[0]} (usage: generateSchema.ts [--check])\n`);
    return 2;
  }
  const check = argv.includes('--check');
  let stale = 0;
  for (const generated of listGeneratedFiles()) {
    const target = path.join(repositoryRoot, generated.path);
    const content = generated.render();
    const current = await readIfPresent(target);
    if (check) {
      if (current !== content) {
        stale += 1;
        const state = current === null ? 'is missing' : 'is out of date';
        process.stderr.write(`${generated.path} ${state}; run: npm run schema\n`);
      }
    } else if (current !== content) {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content, 'utf8');
      process.stdout.write(`wrote ${generated.path}\n`);
    } else {
      process.stdout.write(`${generated.path} is up to date\n`);
    }
  }
  return stale > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
