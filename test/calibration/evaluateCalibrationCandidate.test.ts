/**
 * One candidate in process: its values reach the model (the statistics equal a direct run with the
 * values written into the scenario), distances per replication or of the averaged statistics,
 * held-out targets outside the distance, the reference keeps its own settings, and a candidate that
 * breaks a scenario rule is infinitely far.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCalibrationModel, evaluateCalibrationCandidate, simulateTargetStatistics } from '../../src/calibration/evaluateCalibrationCandidate.ts';
import { computeTargetStatistics } from '../../src/calibration/evaluateTargetStatistics.ts';
import { loadCalibrationFile } from '../../src/calibration/loadCalibrationFile.ts';
import { timeGridOf } from '../../src/calibration/recordedTimeGrid.ts';
import { withFactorValues } from '../../src/experiment/evaluateExperimentTask.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { createReporterCollector, type RecordedStep } from '../../src/outcomes/collectReporters.ts';
import { removeScratchDirs, scratchDir } from '../support/scratchDirs.ts';

afterAll(removeScratchDirs);

const folder = scratchDir('zonesim-calibration-candidate-');
writeFileSync(path.join(folder, 'base.yaml'), 'name: base\ndescription: Small.\ntime:\n  years: 3\nzones:\n  count: 4\nprojects:\n  perYear: 150\nfirms:\n  initialCount: 60\n');
writeFileSync(path.join(folder, 'no-zones.yaml'), 'name: no-zones\ndescription: No zones.\ntime:\n  years: 3\nzones:\n  count: 0\nprojects:\n  perYear: 150\nfirms:\n  initialCount: 60\n  exitHazard: 0.05\n');
const calibrationText = (combine: string) => [
  'name: candidate-test',
  'description: Candidate evaluation test.',
  'scenario: base.yaml',
  'reference: no-zones.yaml',
  'parameters:',
  '  firms.exitHazard: { uniform: { min: 0.01, max: 0.1 } }',
  '  choice.outside.utility: { uniform: { min: 1, max: 5 } }',
  'targets:',
  '  - { name: firms, figure: 500, tolerance: 0.1, model: { reporter: firms, end: 2011 } }',
  '  - { name: share, figure: 0.4, tolerance: 0.1, scale: relative, model: { reporter: zoneFirmShare, end: 2011 } }',
  '  - { name: held-out, figure: 1, tolerance: 0.1, holdOut: true, model: { reporter: output, end: 2010 } }',
  '  - { name: zone-effect, figure: 0.2, tolerance: 0.1, scale: absolute, contrast: logRatio, model: { reporter: output, end: 2011 } }',
  'method:',
  '  populationSize: 10',
  '  replications: 3',
  `  combineReplications: ${combine}`,
].join('\n');

async function load(combine = 'distancePerReplication') {
  const file = path.join(folder, `c-${combine}.yaml`);
  writeFileSync(file, calibrationText(combine));
  return loadCalibrationFile(file);
}

function run(parameters: Parameters<typeof withFactorValues>[0], relatedness: null, seed: number): RecordedStep[] {
  const steps: RecordedStep[] = [];
  const collect = createReporterCollector();
  simulateModel({ parameters, relatedness }, seed, (state) => steps.push(collect(state)));
  return steps;
}

describe('evaluateCalibrationCandidate', () => {
  it('statistics equal a direct run of both scenarios with the values written in (the reference keeps its own exit hazard)', async () => {
    const loaded = await load();
    const model = createCalibrationModel(loaded);
    const values = [0.07, 2.5];
    const statistics = simulateTargetStatistics(model, values, 4242);
    const base = withFactorValues(loaded.scenario.modelInput.parameters, ['firms.exitHazard', 'choice.outside.utility'], values);
    // no-zones.yaml sets firms.exitHazard itself: only the outside utility is applied there.
    const reference = withFactorValues(loaded.reference!.modelInput.parameters, ['choice.outside.utility'], [2.5]);
    expect(reference.firms.exitHazard).toBe(0.05);
    const direct = computeTargetStatistics(model.targets, run(base, null, 4242), timeGridOf(base), run(reference, null, 4242));
    expect(Array.from(statistics)).toEqual(Array.from(direct));
    expect(statistics[3]).not.toBe(0);
  });

  it('one distance per replication, or one of the averaged statistics; held-out targets do not count', async () => {
    const perReplication = createCalibrationModel(await load('distancePerReplication'));
    const averaged = createCalibrationModel(await load('averageStatistics'));
    const candidate = { generation: 1, index: 3, values: [0.03, 3], seeds: [1, 2, 3] };
    const a = evaluateCalibrationCandidate(perReplication, candidate);
    const b = evaluateCalibrationCandidate(averaged, candidate);
    expect(a.distances.length).toBe(3);
    expect(b.distances.length).toBe(1);
    expect(a.statistics).toEqual(b.statistics);
    // The statistics are the replication means.
    const replications = [1, 2, 3].map((seed) => simulateTargetStatistics(perReplication, candidate.values, seed));
    expect(a.statistics![0]).toBeCloseTo((replications[0][0] + replications[1][0] + replications[2][0]) / 3, 12);
    const moved = { ...perReplication, targets: perReplication.targets.map((t) => (t.holdOut ? { ...t, figure: 1e9 } : t)) };
    expect(evaluateCalibrationCandidate(moved, candidate).distances).toEqual(a.distances);
    const fitted = { ...perReplication, targets: perReplication.targets.map((t) => (t.name === 'firms' ? { ...t, figure: 1e9 } : t)) };
    expect(evaluateCalibrationCandidate(fitted, candidate).distances[0]).toBeGreaterThan(a.distances[0]);
  });

  it('a candidate that breaks a scenario rule gets undefined statistics and infinite distances', async () => {
    const model = createCalibrationModel(await load());
    const broken = { ...model, parameterPaths: ['zones.count', 'choice.outside.enabled'] };
    const result = evaluateCalibrationCandidate(broken, { generation: 0, index: 0, values: [0, false], seeds: [1] });
    expect(result.distances).toEqual([Infinity]);
    expect(result.statistics!.every(Number.isNaN)).toBe(true);
  });
});
