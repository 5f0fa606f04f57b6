/**
 * Write (or, with --check, verify) scenarios/calibrations/calibration.schema.json, the JSON Schema of
 * calibration files:
 *
 *   npm run schema:calibration            write the file
 *   npm run schema:calibration:check      exit 1 when the committed file differs
 *
 * Paths are relative to the repository root, whatever the working directory. Importing this module
 * runs nothing; only running it as a script does.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CALIBRATION_SCHEMA_PATH, renderCalibrationJsonSchema } from './calibrationSchema.ts';

const target = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', CALIBRATION_SCHEMA_PATH);

/**
 * Write the schema, or with `check` compare it; returns the exit code (1 when `check` finds it stale).
 *
 * @example process.exitCode = await generateCalibrationSchema(process.argv.includes('--check'))
 */
export async function generateCalibrationSchema(check: boolean): Promise<number> {
  const content = renderCalibrationJsonSchema();
  const current = await readFile(target, 'utf8').catch(() => null);
  if (current === content) return 0;
  if (check) {
    process.stderr.write(`${CALIBRATION_SCHEMA_PATH} ${current === null ? 'is missing' : 'is out of date'}; run: npm run schema:calibration\n`);
    return 1;
  }
  await writeFile(target, content, 'utf8');
  process.stderr.write(`wrote ${CALIBRATION_SCHEMA_PATH}\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await generateCalibrationSchema(process.argv.includes('--check'));
}
