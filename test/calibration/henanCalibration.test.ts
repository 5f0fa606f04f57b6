/**
 * The bundled Henan calibration (`zonesim calibrate scenarios/calibrations/henan.yaml`, its outputs
 * copied to scenarios/henan-calibrated.yaml, scenarios/calibrations/henan-posterior.csv and
 * henan-summary.json): the generated result in docs/calibration.md is what those files and the model
 * give now; the posterior sample is the one the summary describes (weighted means recomputed from the
 * CSV); the calibrated scenario holds the summary's point estimate; and the calibrated scenario,
 * run 8 times with the runner's seeds, fits as the calibration accepted (rms over the fitted rows
 * within the posterior tolerance, no row beyond 1.5 tolerances).
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

  // What the calibration guarantees is its own acceptance rule: the rms of the scaled discrepancies
  // (in tolerances) over the fitted rows at most the final generation's tolerance (0.785), not every
  // row within 1. Measured 2026-12-06 with 32 runs (base seeds 2009 and 4242), Box–Muller and inverted
  // normals alike: rms 0.46–0.49; the largest row, zone-jobs-2012, at 1.12–1.25 tolerances. The 8-run
  // mean had put that row at 0.96 (Box–Muller), so the former test "every row ≤ 1" held by the seeds;
  // with inverted normals it read 1.05. Fails if: the calibrated scenario no longer holds the
  // posterior's fit (rms above the posterior tolerance), or any fitted row is off by 1.5 tolerances.
  it('henan-calibrated.yaml fits as the calibration accepted (rms over fitted rows ≤ the posterior tolerance; every row within 1.5 tolerances; mean of 8 runs)', async () => {
    const rows = await calibratedAgainstTargets();
    const fitted = rows.filter((row) => !row.target.holdOut && row.target.weight > 0);
    expect(fitted).toHaveLength(11);
    const scaled = fitted.map((row) => {
      expect(row.mean, row.target.name).not.toBeNull();
      const z = scaledDiscrepancy(row.mean!, row.target);
      expect(Math.abs(z), row.target.name).toBeLessThanOrEqual(1.5);
      return z;
    });
    const rms = Math.sqrt(scaled.reduce((sum, z) => sum + z * z, 0) / scaled.length);
    const tolerance = henanSummary().posteriorTolerance;
    expect(tolerance).not.toBeNull();
    expect(rms).toBeLessThanOrEqual(tolerance!);
  });
});
