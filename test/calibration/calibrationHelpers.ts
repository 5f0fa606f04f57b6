/**
 * A small calibration for the pipeline tests: a 4-zone province over 2009–2012 (about 10 ms a run)
 * and its no-zones reference, two free parameters, five targets — a province count, a share, a zone
 * aggregate (so zone reporters are recorded), a contrast with the reference and a held-out row — and
 * predictions to the end of 2012, one year past the last fitted one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { calibrationPlan, type CalibrationPlan } from '../../src/calibration/calibrationPlan.ts';
import { loadCalibrationFile } from '../../src/calibration/loadCalibrationFile.ts';
import type { RunProvenance } from '../../src/runner/analysisRunOptions.ts';
import { scratchDir } from '../support/scratchDirs.ts';

export { removeScratchDirs, scratchDir } from '../support/scratchDirs.ts';

/** The provenance the tests record (fixed, so outputs compare byte for byte). */
export const testProvenance: RunProvenance = { zonesimVersion: '0.0.0-test', gitCommit: null, command: 'zonesim calibrate test' };

const BASE = 'name: base\ndescription: Small.\ntime:\n  years: 4\nzones:\n  count: 4\nprojects:\n  perYear: 150\nfirms:\n  initialCount: 60\n';
const NO_ZONES = 'name: no-zones\ndescription: No zones.\ntime:\n  years: 4\nzones:\n  count: 0\nprojects:\n  perYear: 150\nfirms:\n  initialCount: 60\n';

/** The calibration file's lines; `method` lines replace the default method block. */
export function pipelineCalibrationText(method: readonly string[] = ['  populationSize: 12', '  maxGenerations: 3', '  maxSimulations: 200', '  seed: 7']): string {
  return [
    'name: pipeline-test',
    'description: The calibration pipeline test — exit hazard and outside utility of a small province.',
    'scenario: base.yaml',
    'reference: no-zones.yaml',
    'parameters:',
    '  firms.exitHazard: { uniform: { min: 0.01, max: 0.1 } }',
    '  choice.outside.utility: { uniform: { min: 1, max: 5 } }',
    'targets:',
    '  - { name: firms-2010, figure: 300, tolerance: 0.1, model: { reporter: firms, end: 2010 } }',
    '  - { name: share-2010, figure: 0.4, tolerance: 0.1, scale: relative, model: { reporter: zoneFirmShare, end: 2010 } }',
    '  - { name: big-zones-2010, figure: 2, tolerance: 1, scale: absolute, model: { reporter: zoneFirms, aggregate: { countAbove: 10 }, end: 2010 } }',
    '  - { name: zone-effect-2010, figure: 0.1, tolerance: 0.1, scale: absolute, contrast: logRatio, model: { reporter: output, end: 2010 } }',
    '  - { name: firms-2011, figure: 400, tolerance: 0.1, holdOut: true, model: { reporter: firms, end: 2011 } }',
    'method:',
    ...method,
    'predictions:',
    '  until: 2012',
    '  reporters: [firms, zoneOutputShare]',
    '',
  ].join('\n');
}

/**
 * Write the pipeline calibration (and its scenarios) into a new scratch folder.
 *
 * @returns the calibration file's path.
 */
export function writePipelineCalibration(text = pipelineCalibrationText()): string {
  const folder = scratchDir('zonesim-calibration-pipeline-');
  writeFileSync(path.join(folder, 'base.yaml'), BASE);
  writeFileSync(path.join(folder, 'no-zones.yaml'), NO_ZONES);
  const file = path.join(folder, 'calibration.yaml');
  writeFileSync(file, text);
  return file;
}

/** The plan of the pipeline calibration (written into a new scratch folder). */
export async function pipelinePlan(text?: string): Promise<CalibrationPlan> {
  return calibrationPlan(await loadCalibrationFile(writePipelineCalibration(text)));
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * The recovery study's calibration (scenarios/calibrations/recovery-small.yaml) made small — its
 * scenario named by absolute path, so the text works from any folder — with these predicted reporters.
 */
export function smallRecoveryCalibrationText(populationSize: number, maxGenerations: number, maxSimulations: number, predicted: readonly string[]): string {
  const text = readFileSync(path.join(ROOT, 'scenarios', 'calibrations', 'recovery-small.yaml'), 'utf8')
    .replace('scenario: recovery-small-scenario.yaml', `scenario: ${path.join(ROOT, 'scenarios', 'calibrations', 'recovery-small-scenario.yaml')}`)
    .replace('populationSize: 200', `populationSize: ${populationSize}`)
    .replace('maxGenerations: 8', `maxGenerations: ${maxGenerations}`)
    .replace('maxSimulations: 6000', `maxSimulations: ${maxSimulations}`);
  return `${text}predictions:\n  reporters: [${predicted.join(', ')}]\n`;
}
