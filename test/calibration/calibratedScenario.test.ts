/**
 * The calibrated scenario and the point estimate it takes: the posterior mean of continuous
 * parameters, the rounded mean of integer ones, the mode of choices; the file keeps the scenario's
 * comments, says where it comes from, marks each calibrated value with its interval, and is a valid
 * scenario whose parameters are the estimate.
 */
import { describe, expect, it } from 'vitest';
import type { AbcPopulation } from '../../src/calibration/abcSmcState.ts';
import { calibratedScenarioName, calibratedScenarioYaml, writtenValue } from '../../src/calibration/calibratedScenario.ts';
import { parameterResults, pointEstimate } from '../../src/calibration/calibrationResults.ts';
import type { AbcParameter } from '../../src/calibration/perturbationKernel.ts';
import { summarisePosterior } from '../../src/calibration/posteriorSummary.ts';
import { parseScenarioYaml } from '../../src/scenario/parseScenarioYaml.ts';
import { validateScenario } from '../../src/scenario/validateScenario.ts';

const PARAMETERS: AbcParameter[] = [
  { name: 'firms.exitHazard', prior: { kind: 'uniform', lower: 0.01, upper: 0.2 } },
  { name: 'zones.count', prior: { kind: 'integer', lower: 2, upper: 8 } },
  { name: 'choice.agglomeration.form', prior: { kind: 'choice', values: ['log', 'linear'] } },
];

/** Three particles with weights ½, ¼, ¼. */
const POPULATION: AbcPopulation = {
  generation: 3,
  tolerance: 1.5,
  particles: [
    { index: 0, values: [0.05, 4, 'linear'], weight: 0.5, distances: [1], statistics: null },
    { index: 4, values: [0.1, 5, 'log'], weight: 0.25, distances: [1], statistics: null },
    { index: 9, values: [0.15, 7, 'log'], weight: 0.25, distances: [1], statistics: null },
  ],
};

const SCENARIO = [
  '# yaml-language-server: $schema=./zonesim.schema.json',
  '#',
  '# A small province.',
  'name: small',
  'description: A small province.',
  'zones:',
  '  count: 3 # three zones',
  'firms:',
  '  initialCount: 60',
  '',
].join('\n');

describe('calibrated scenario', () => {
  it('takes the posterior mean, the rounded mean of integers and the mode of choices', () => {
    const summaries = summarisePosterior(PARAMETERS, POPULATION);
    // Weighted means: 0.5 × 0.05 + 0.25 × 0.1 + 0.25 × 0.15 = 0.0875; 0.5 × 4 + 0.25 × 5 + 0.25 × 7 = 5.
    expect(pointEstimate(PARAMETERS[0], summaries[0])).toBeCloseTo(0.0875, 15);
    expect(pointEstimate(PARAMETERS[1], summaries[1])).toBe(5);
    // log has weight ½ and linear ½: a tie goes to the first listed value; give linear more weight and it wins.
    expect(pointEstimate(PARAMETERS[2], summaries[2])).toBe('log');
    const skewed = { ...POPULATION, particles: POPULATION.particles.map((p, i) => ({ ...p, weight: [0.6, 0.2, 0.2][i] })) };
    expect(pointEstimate(PARAMETERS[2], summarisePosterior(PARAMETERS, skewed)[2])).toBe('linear');
    expect(writtenValue(0.0874999999)).toBe(0.0875);
    expect(writtenValue(12345.678)).toBe(12350);
    expect(writtenValue(5)).toBe(5);
    expect(calibratedScenarioName('henan')).toBe('henan-calibrated');
    expect(calibratedScenarioName('a'.repeat(64))).toBe(`${'a'.repeat(53)}-calibrated`);
  });

  it('writes a valid scenario with the estimate, the scenario’s comments and a header saying where it comes from', () => {
    const text = calibratedScenarioYaml({
      scenarioFile: 'scenarios/small.yaml',
      scenarioName: 'small',
      scenarioDescription: 'A small province.',
      scenarioSource: SCENARIO,
      calibrationFile: 'scenarios/calibrations/small.yaml',
      calibrationName: 'small-fit',
      command: 'zonesim calibrate scenarios/calibrations/small.yaml',
      posteriorLine: 'Posterior: generation 3 (tolerance 1.50), 3 particles, 900 model runs.',
      parameters: parameterResults(PARAMETERS, POPULATION),
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe('# yaml-language-server: $schema=./zonesim.schema.json');
    expect(text).toContain('# small-calibrated: small (scenarios/small.yaml) calibrated by small-fit (scenarios/calibrations/small.yaml).');
    expect(text).toContain('# Written by `zonesim calibrate scenarios/calibrations/small.yaml`');
    expect(text).toContain('# Posterior: generation 3 (tolerance 1.50), 3 particles, 900 model runs.');
    expect(text).toContain('# A small province.');
    expect(text).toMatch(/count: 5 # calibrated: posterior mean; 90 % interval \[4, 7\]/);
    expect(text).toMatch(/exitHazard: 0\.0875 # calibrated: posterior mean; 90 % interval \[0\.05, 0\.15\]/);
    expect(text).toMatch(/form: log # calibrated: posterior mode; probabilities log 0\.50, linear 0\.50/);
    const { value, locate } = parseScenarioYaml(text, 'small-calibrated.yaml');
    const scenario = validateScenario(value, 'small-calibrated.yaml', { locate });
    expect(scenario.name).toBe('small-calibrated');
    expect(scenario.description).toBe('A small province. Calibrated (small-fit): posterior mean of the free parameters.');
    expect(scenario.parameters.zones.count).toBe(5);
    expect(scenario.parameters.firms.exitHazard).toBe(0.0875);
    expect(scenario.parameters.firms.initialCount).toBe(60);
    expect(scenario.parameters.choice.agglomeration.form).toBe('log');
  });
});
