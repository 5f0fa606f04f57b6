/**
 * The bound on one replication's work (issue 11, item 4): `projects.perYear` at its allowed maximum
 * (1e7) ran 90 s to 3.7 GB with no output; now the file is refused in one line before anything runs,
 * while every bundled scenario — the national-scale one included — is within the bound.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../src/model/parameterSpecification.ts';
import { loadScenarioFiles } from '../../src/scenario/loadScenarioFile.ts';
import {
  MAXIMUM_REPLICATION_CELL_STEPS,
  MAXIMUM_REPLICATION_FIRM_YEARS,
  MAXIMUM_REPLICATION_FIRMS,
  replicationWork,
  replicationWorkProblem,
} from '../../src/scenario/replicationWork.ts';
import { ScenarioError } from '../../src/scenario/scenarioError.ts';
import { validateScenario } from '../../src/scenario/validateScenario.ts';
import { bundledScenarioFiles } from '../../src/cli/main.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('replicationWork', () => {
  it('counts arrivals, peak firms, firm-years and cell-steps', () => {
    const p = structuredClone(defaultParameters());
    p.time.years = 3;
    p.time.stepsPerYear = 12;
    p.firms.initialCount = 100;
    p.projects.perYear = 10;
    p.projects.growthPerYear = 1;
    p.investment.mobile.enabled = false;
    p.zones.count = 4;
    p.industries.count = 5;
    // Arrivals 10, 20, 40 (doubling) = 70; peak 100 + 70 = 170;
    // firm-years 100 × 3 + 10 × 2.5 + 20 × 1.5 + 40 × 0.5 = 300 + 25 + 30 + 20 = 375;
    // cell-steps 4 × 5 × 3 × 12 = 720.
    expect(replicationWork(p)).toEqual({ projects: 70, peakFirms: 170, firmYears: 375, cellSteps: 720 });
    // The mobile pool doubles the flow: arrivals 140, firm-years 300 + 150.
    p.investment.mobile.enabled = true;
    expect(replicationWork(p)).toMatchObject({ projects: 140, peakFirms: 240, firmYears: 450 });
  });

  it('names the bound a replication exceeds, or none', () => {
    expect(replicationWorkProblem({ projects: 0, peakFirms: MAXIMUM_REPLICATION_FIRMS, firmYears: MAXIMUM_REPLICATION_FIRM_YEARS, cellSteps: MAXIMUM_REPLICATION_CELL_STEPS })).toBeNull();
    expect(replicationWorkProblem({ projects: 0, peakFirms: 6e6, firmYears: 1, cellSteps: 1 })?.path).toEqual(['projects', 'perYear']);
    expect(replicationWorkProblem({ projects: 0, peakFirms: 1, firmYears: 2e8, cellSteps: 1 })?.found).toBe('about 2.0e+8');
    expect(replicationWorkProblem({ projects: 0, peakFirms: 1, firmYears: 1, cellSteps: 2e9 })?.path).toEqual(['zones', 'count']);
  });
});

describe('the bound in validation', () => {
  it('refuses projects.perYear at its allowed maximum in one line naming the field (the issue’s reproducer)', () => {
    let caught: unknown;
    try {
      validateScenario({ name: 'huge', description: 'x', projects: { perYear: 1e7 } }, 'huge.yaml');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    // Default 22 years, mobile pool on: 2 × 1e7 × 22 = 4.4e8 arrivals, plus the default initial firms.
    expect((caught as Error).message).toMatch(
      /^huge\.yaml: projects\.perYear: expected a replication of at most 5\.0e\+6 firms at once \(firms\.initialCount plus the projects arriving over time\.years\), found about 4\.4e\+8 \(lower projects\.perYear/,
    );
  });

  it('refuses too many zone × industry × step cells', () => {
    expect(() => validateScenario({ name: 'cells', description: 'x', zones: { count: 5000 }, industries: { count: 200, supplyChains: 5 }, time: { years: 100 } }, 'c.yaml')).toThrow(
      /zones\.count: expected a replication of at most 1\.0e\+9 zone × industry × step cells .*found 1\.2e\+9/,
    );
  });

  it('accepts every bundled scenario, the national scale included', async () => {
    const files = [...bundledScenarioFiles(), path.join(root, 'scenarios', 'scale', 'china-national.yaml')];
    const scenarios = await loadScenarioFiles(files);
    expect(scenarios).toHaveLength(files.length);
    const national = replicationWork(scenarios.at(-1)!.modelInput.parameters);
    expect(national.firmYears).toBeLessThan(MAXIMUM_REPLICATION_FIRM_YEARS / 5);
  });
});
