/**
 * The recovery study, small enough for `npm test` (the full study on zonesim is
 * `npm run calibrate:sbc`, quoted in docs/calibration.md):
 * - on the conjugate normal-mean problem, 40 synthetic data sets: the nominal 90 % intervals cover the
 *   truth in 80–97 % of them, the mean rank of the truth is ½ (uniform ranks), the mean is found
 *   and a nuisance parameter no data depend on is reported as not identified;
 * - on zonesim itself (a 3-year, 4-zone province, three data sets, a small budget), through the
 *   calibration file, the target statistics and the candidate evaluation: the truth lies inside every
 *   interval of the two parameters the targets depend on, both count as identified, and the
 *   pollution intensity, which no target depends on, is reported as not identified in every data set.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { calibrationRecoveryProblem, withSyntheticFigures } from '../../src/calibration/calibrationRecoveryProblem.ts';
import { conjugateNormalProblem } from '../../src/calibration/conjugateNormalProblem.ts';
import { createCalibrationModel } from '../../src/calibration/evaluateCalibrationCandidate.ts';
import { loadCalibrationFile } from '../../src/calibration/loadCalibrationFile.ts';
import { runRecoveryStudy, summariseRecovery } from '../../src/calibration/simulationBasedCalibration.ts';
import { removeScratchDirs, scratchDir } from '../support/scratchDirs.ts';

afterAll(removeScratchDirs);

describe('simulation-based calibration', () => {
  it('conjugate normal mean: 90 % intervals cover the truth in 80–97 % of 40 data sets', async () => {
    // ȳ ~ N(μ, 0.5²), μ ~ N(0, 1): posterior sd √0.2 = 0.447; tolerance 0.05 widens it by < 0.5 %.
    const study = await runRecoveryStudy(conjugateNormalProblem(), { datasets: 40, seed: 1 });
    expect(study.coverage).toBeGreaterThanOrEqual(0.8);
    expect(study.coverage).toBeLessThanOrEqual(0.97);
    // Ranks of the truth are uniform: mean ½ with standard error √(1/12/40) = 0.046; allow 3 of them.
    const meanRank = study.datasets.reduce((s, d) => s + d.ranks[0], 0) / 40;
    expect(Math.abs(meanRank - 0.5)).toBeLessThan(0.14);
    expect(study.parameters.map((p) => p.identified)).toEqual([true, false]);
    // Posterior sd / prior sd of μ: √0.2 / 1.
    expect(study.parameters[0].medianSpreadRatio).toBeCloseTo(Math.sqrt(0.2), 1);
    expect(study.parameters[1].medianSpreadRatio).toBeGreaterThan(0.9);
  });

  it('zonesim: finds the outside utility and the exit hazard, reports the pollution intensity as not identified', async () => {
    const folder = scratchDir('zonesim-recovery-');
    writeFileSync(
      path.join(folder, 'small.yaml'),
      ['name: small', 'description: Three years, four zones.', 'time: { years: 3 }', 'industries: { count: 6, supplyChains: 2 }', 'zones: { count: 4 }', 'projects: { perYear: 150 }', 'firms: { initialCount: 100 }', ''].join('\n'),
    );
    const file = path.join(folder, 'recovery.yaml');
    writeFileSync(
      file,
      [
        'name: recovery-test',
        'description: Recovery test.',
        'scenario: small.yaml',
        'parameters:',
        '  choice.outside.utility: { uniform: { min: 1, max: 5 } }',
        '  firms.exitHazard: { logUniform: { min: 0.01, max: 0.2 } }',
        '  industries.pollutionIntensityMean: { uniform: { min: 0.1, max: 2 } }',
        'targets:',
        '  - { name: share, figure: 0.4, tolerance: 0.05, model: { reporter: zoneFirmShare, end: 2011 } }',
        '  - { name: firms, figure: 600, tolerance: 0.05, model: { reporter: firms, end: 2011 } }',
        '  - { name: exits, figure: 40, tolerance: 0.1, model: { reporter: exits, sum: { from: { year: 2009 }, to: { end: 2011 } } } }',
        'method: { populationSize: 100, maxSimulations: 1200, seed: 5 }',
      ].join('\n'),
    );
    const loaded = await loadCalibrationFile(file);
    const problem = calibrationRecoveryProblem(loaded);
    const study = await runRecoveryStudy(problem, { datasets: 3, seed: 3 });
    for (const dataset of study.datasets) {
      expect(dataset.covered.slice(0, 2)).toEqual([true, true]);
      expect(dataset.posterior.map((p) => p.identified)).toEqual([true, true, false]);
    }
    expect(study.parameters.map((p) => p.identified)).toEqual([true, true, false]);
    expect(summariseRecovery(problem.parameters, study.datasets).coverage).toBe(study.coverage);
    // Synthetic figures replace the file's; a figure the scale cannot compare with is refused by name.
    expect(() => withSyntheticFigures(createCalibrationModel(loaded), [0, 1, 1])).toThrow(/target share is 0/);
  });
});
