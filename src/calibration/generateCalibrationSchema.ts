/**
 * Write (or, with --check, verify) scenarios/calibrations/calibration.schema.json, the JSON Schema of
 * calibration files:
 *
 *   npm run schema:calibration            write the file
 *   npm run schema:calibration:check      exit 1 when the committed file differs
 *
 * Importing this module runs nothing; only running it as a script does.
 */
import { runGeneratorScript, writeGeneratedFile } from '../scenario/writeGeneratedFile.ts';
import { CALIBRATION_SCHEMA_PATH, renderCalibrationJsonSchema } from './calibrationSchema.ts';

/**
 * Write the schema, or with `check` compare it; returns the exit code (1 when `check` finds it stale).
 *
 * @example process.exitCode = await generateCalibrationSchema(process.argv.includes('--check'))
 */
export async function generateCalibrationSchema(check: boolean, log?: (line: string) => void): Promise<number> {
  return writeGeneratedFile(CALIBRATION_SCHEMA_PATH, renderCalibrationJsonSchema(), check, 'npm run schema:calibration', log);
}

await runGeneratorScript(import.meta.url, 'generateCalibrationSchema', (check) => generateCalibrationSchema(check));
