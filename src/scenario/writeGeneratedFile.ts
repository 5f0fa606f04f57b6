/**
 * Write a generated file of the repository (a JSON Schema, a generated document block), or with
 * `check` verify that the committed file equals what the code generates — the one routine behind
 * `npm run schema:experiment`, `schema:calibration`, `schema:claims` and their `:check` variants.
 *
 * Why: a generated file that no longer matches its generator misleads editors (wrong completions)
 * and readers; the `--check` form lets a test fail when someone changes the definitions without
 * regenerating. Node-only (file system); not imported by the page.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root (two levels above src/scenario). */
export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Write `content` to `relativePath` (from the repository root) when it differs, or with `check` only
 * compare. Returns the exit code: 0, or 1 when `check` finds the file missing or stale.
 *
 * @param relativePath the file, relative to the repository root (e.g. 'scenarios/claims/claims.schema.json').
 * @param content what the generator produces.
 * @param check compare instead of writing.
 * @param command the command that regenerates the file, named in the stale message.
 * @param log where the one-line messages go (stderr by default).
 * @example process.exitCode = await writeGeneratedFile('scenarios/claims/claims.schema.json', json, true, 'npm run schema:claims')
 */
export async function writeGeneratedFile(
  relativePath: string,
  content: string,
  check: boolean,
  command: string,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<number> {
  const target = path.join(REPOSITORY_ROOT, relativePath);
  const current = await readFile(target, 'utf8').catch(() => null);
  if (check) {
    if (current === content) return 0;
    log(`${relativePath} ${current === null ? 'is missing' : 'is out of date'}; run: ${command}`);
    return 1;
  }
  if (current === content) {
    log(`${relativePath} is up to date`);
    return 0;
  }
  await writeFile(target, content, 'utf8');
  log(`wrote ${relativePath}`);
  return 0;
}

/**
 * Run a generator module as a script: `[--check]` is its only argument (anything else: a one-line
 * usage error, exit 2). Does nothing when the module is imported rather than run.
 *
 * @param moduleUrl the generator's `import.meta.url`.
 * @param name the generator's name, for the usage message.
 * @param generate the generator, called with `check`; its result becomes the exit code.
 */
export async function runGeneratorScript(moduleUrl: string, name: string, generate: (check: boolean) => Promise<number>): Promise<void> {
  if (process.argv[1] === undefined || moduleUrl !== pathToFileURL(path.resolve(process.argv[1])).href) return;
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`${name}: unknown argument ${unknown[0]} (usage: ${name} [--check])\n`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = await generate(args.includes('--check'));
}
