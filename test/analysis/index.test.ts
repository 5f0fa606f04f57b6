import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import * as analysis from '../../src/analysis/index.ts';

describe('src/analysis public surface', () => {
  it('exports the designs, mappings and methods', () => {
    for (const name of [
      'fullFactorialDesign', 'monteCarloDesign', 'latinHypercubeDesign', 'morrisDesign', 'sobolSequence', 'saltelliDesign',
      'mapUnitDesignToFactors', 'factorDistributionQuantile', 'parseDesignCsv', 'morrisElementaryEffects',
      'sobolSensitivityIndices', 'primScenarioDiscovery', 'thresholdOutcome', 'bootstrapPercentileInterval',
    ] as const) {
      expect(typeof analysis[name]).toBe('function');
    }
  });

  it('whole workflow is a pure function of the seeds: design → mapping → outputs → PRIM', () => {
    const run = (): analysis.PrimResult => {
      const unit = analysis.latinHypercubeDesign(500, 2, seedrandom.alea('workflow'));
      const mapped = analysis.mapUnitDesignToFactors(unit, [
        { name: 'subsidy', distribution: { kind: 'triangular', lower: 0, mode: 0.05, upper: 0.2 } },
        { name: 'growth', distribution: { kind: 'normal', mean: 0.03, standardDeviation: 0.01, lower: 0, upper: 0.08 } },
      ]);
      const outcome = mapped.rows.map((row) => (row.subsidy as number) * 10 + (row.growth as number) * 20);
      const failed = analysis.thresholdOutcome(outcome, 'below', 0.8);
      return analysis.primScenarioDiscovery(mapped.numericValues, failed, { factorNames: mapped.factorNames });
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(first.chosenBox.restrictions.map((r) => r.factorName)).toContain('subsidy');
  });
});
