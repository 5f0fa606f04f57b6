import { describe, expect, it } from 'vitest';
import { designMatrixFromRows, designMatrixRows } from '../../../src/analysis/designMatrix.ts';
import { mapUnitDesignToFactors, type Factor } from '../../../src/analysis/designs/mapUnitDesignToFactors.ts';

const factors: Factor[] = [
  { name: 'subsidy', distribution: { kind: 'uniform', lower: 0, upper: 0.2 } },
  { name: 'fund', distribution: { kind: 'choice', values: ['none', 'guarantee'] } },
  { name: 'zones', distribution: { kind: 'integer', lower: 1, upper: 4 } },
  { name: 'rate', distribution: { kind: 'choice', values: [0.01, 0.05] } },
];

describe('mapUnitDesignToFactors', () => {
  it('maps each column through its quantile function; numeric view uses choice indices for labels', () => {
    // subsidy: 0 + 0.5 × 0.2 = 0.1; fund: ⌊0.9 × 2⌋ = 1 → 'guarantee'; zones: 1 + ⌊0.3 × 4⌋ = 2;
    // rate: ⌊0.2 × 2⌋ = 0 → 0.01 (numeric choices keep their value).
    const mapped = mapUnitDesignToFactors(designMatrixFromRows([[0.5, 0.9, 0.3, 0.2], [1, 0, 1, 1]]), factors);
    expect(mapped.factorNames).toEqual(['subsidy', 'fund', 'zones', 'rate']);
    expect(mapped.rows).toEqual([
      { subsidy: 0.1, fund: 'guarantee', zones: 2, rate: 0.01 },
      { subsidy: 0.2, fund: 'none', zones: 4, rate: 0.05 },
    ]);
    expect(designMatrixRows(mapped.numericValues)).toEqual([
      [0.1, 1, 2, 0.01],
      [0.2, 0, 4, 0.05],
    ]);
  });

  it('names row, column and factor for an out-of-range coordinate', () => {
    expect(() => mapUnitDesignToFactors(designMatrixFromRows([[0.5, 0.5, 0.5, 0.5], [0.5, 1.2, 0.5, 0.5]]), factors)).toThrow(
      "mapUnitDesignToFactors: row 1, column 1 (factor 'fund'): unit coordinate must be in [0, 1], got 1.2",
    );
  });

  it('rejects a factor count mismatch, duplicate names and bad distributions', () => {
    const design = designMatrixFromRows([[0.5, 0.5]]);
    expect(() => mapUnitDesignToFactors(design, factors)).toThrow(/2 columns but 4 factors/);
    expect(() => mapUnitDesignToFactors(design, [factors[0], factors[0]])).toThrow(/'subsidy' is used twice/);
    expect(() =>
      mapUnitDesignToFactors(design, [factors[0], { name: 'bad', distribution: { kind: 'uniform', lower: 3, upper: 1 } }]),
    ).toThrow(/factor 'bad'/);
  });
});
