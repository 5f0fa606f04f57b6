/**
 * The bundled Henan calibration (`zonesim calibrate scenarios/calibrations/henan.yaml`, its outputs
 * copied to scenarios/henan-calibrated.yaml, scenarios/calibrations/henan-posterior.csv and
 * henan-summary.json): the generated result in docs/calibration.md is what those files and the model
 * give now; the posterior sample is the one the summary describes (weighted means recomputed from the
 * CSV); the calibrated scenario holds the summary's point estimate; and the calibrated scenario,
 * run 8 times with the runner's seeds, is within the targets' tolerances on every fitted row.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writtenValue } from '../../src/calibration/calibratedScenario.ts';
import { scaledDiscrepancy } from '../../src/calibration/targetDistance.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';
import {
  calibratedAgainstTargets,
  CALIBRATION_DOCUMENT,
  generatedBlock,
  HENAN_CALIBRATED,
  HENAN_POSTERIOR,
  henanSummary,
  withBlock,
} from '../../scripts/writeCalibrationResult.ts';

describe('the bundled Henan calibration', () => {
  it('docs/calibration.md holds the result the bundled files and the model give now', async () => {
    const document = readFileSync(CALIBRATION_DOCUMENT, 'utf8');
    expect(withBlock(document, await generatedBlock())).toBe(document);
  });

  it('the posterior sample is the summary’s: weighted means recomputed from henan-posterior.csv', () => {
    const summary = henanSummary();
    const [header, ...rows] = readFileSync(HENAN_POSTERIOR, 'utf8').trim().split('\n').map((line) => line.split(','));
    expect(rows).toHaveLength(summary.particles);
    const weight = header.indexOf('weight');
    const weights = rows.map((r) => Number(r[weight]));
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const parameter of summary.parameters) {
      const column = header.indexOf(parameter.name);
      expect(column, parameter.name).toBeGreaterThan(0);
      const mean = rows.reduce((sum, r, i) => sum + weights[i] * Number(r[column]), 0);
      expect(mean, parameter.name).toBeCloseTo(parameter.mean, 10);
    }
  });

  it('henan-calibrated.yaml holds the posterior mean of every free parameter', async () => {
    const summary = henanSummary();
    const calibrated = await loadScenarioFile(HENAN_CALIBRATED);
    expect(calibrated.name).toBe('henan-calibrated');
    for (const parameter of summary.parameters) {
      let value: unknown = calibrated.modelInput.parameters;
      for (const key of parameter.name.split('.')) value = (value as Record<string, unknown>)[key];
      expect(value, parameter.name).toBe(writtenValue(parameter.estimate));
    }
  });

  it('henan-calibrated.yaml is within the tolerance of every fitted row (mean of 8 runs)', async () => {
    const rows = await calibratedAgainstTargets();
    const fitted = rows.filter((row) => !row.target.holdOut && row.target.weight > 0);
    expect(fitted).toHaveLength(11);
    for (const row of fitted) {
      expect(row.mean, row.target.name).not.toBeNull();
      expect(Math.abs(scaledDiscrepancy(row.mean!, row.target)), row.target.name).toBeLessThanOrEqual(1);
    }
  });
});
