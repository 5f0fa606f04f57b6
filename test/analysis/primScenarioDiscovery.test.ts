import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { designMatrixFromRows, type DesignMatrix } from '../../src/analysis/designMatrix.ts';
import { latinHypercubeDesign } from '../../src/analysis/designs/latinHypercubeDesign.ts';
import { primScenarioDiscovery } from '../../src/analysis/primScenarioDiscovery.ts';

/**
 * Planted box: 2000 Latin hypercube points in [0, 1]^5; a case of interest with probability 0.95
 * inside x1 ∈ [0.2, 0.5], x2 ∈ [0.6, 0.9] (volume 0.09) and 0.02 elsewhere; x3…x5 are irrelevant.
 * Expected, for the planted box itself: density 0.95, coverage 0.95·0.09/(0.95·0.09 + 0.02·0.91)
 * = 0.0855/0.1037 = 0.824; base density 0.1037.
 */
function plantedBoxData(seed: string, n = 2000): { inputs: DesignMatrix; outcomes: Uint8Array } {
  const uniform = seedrandom.alea(seed);
  const inputs = latinHypercubeDesign(n, 5, uniform);
  const outcomes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x1 = inputs.values[5 * i];
    const x2 = inputs.values[5 * i + 1];
    const inside = x1 >= 0.2 && x1 <= 0.5 && x2 >= 0.6 && x2 <= 0.9;
    outcomes[i] = uniform() < (inside ? 0.95 : 0.02) ? 1 : 0;
  }
  return { inputs, outcomes };
}

describe('primScenarioDiscovery', () => {
  it('recovers a planted box: limits within 0.05, density > 0.8, coverage > 0.7, only x1 and x2 restricted', () => {
    const { inputs, outcomes } = plantedBoxData('planted');
    for (const pasting of [false, true]) {
      const result = primScenarioDiscovery(inputs, outcomes, { pasting, factorNames: ['x1', 'x2', 'x3', 'x4', 'x5'] });
      const box = result.chosenBox;
      expect(box.restrictions.map((r) => r.factorName)).toEqual(['x1', 'x2']);
      const [x1, x2] = box.restrictions;
      expect(Math.abs(x1.lower - 0.2)).toBeLessThan(0.05);
      expect(Math.abs(x1.upper - 0.5)).toBeLessThan(0.05);
      expect(Math.abs(x2.lower - 0.6)).toBeLessThan(0.05);
      expect(Math.abs(x2.upper - 0.9)).toBeLessThan(0.05);
      expect(box.density).toBeGreaterThan(0.8);
      expect(box.coverage).toBeGreaterThan(0.7);
      expect(result.baseDensity).toBeCloseTo(0.1037, 1);
    }
  });

  it('trajectory: starts at the data range, support falls by peels ≥ α, coverage never rises, stops at minimum support', () => {
    const { inputs, outcomes } = plantedBoxData('trajectory');
    const result = primScenarioDiscovery(inputs, outcomes, { peelingAlpha: 0.1, minimumSupport: 0.02, pasting: false });
    const { trajectory } = result;
    expect(trajectory[0].support).toBe(1);
    expect(trajectory[0].coverage).toBe(1);
    expect(trajectory[0].restrictions).toEqual([]);
    expect(trajectory[0].density).toBeCloseTo(result.caseCount / 2000, 15);
    for (let b = 1; b < trajectory.length; b++) {
      const previous = trajectory[b - 1];
      const box = trajectory[b];
      // ⌊0.1 n_box⌋ points removed (continuous inputs: no ties).
      expect(previous.supportCount - box.supportCount).toBe(Math.max(1, Math.floor(0.1 * previous.supportCount)));
      expect(box.coverage).toBeLessThanOrEqual(previous.coverage);
      expect(box.supportCount).toBeGreaterThanOrEqual(Math.ceil(0.02 * 2000));
      for (let j = 0; j < 5; j++) {
        expect(box.lower[j]).toBeGreaterThanOrEqual(previous.lower[j]);
        expect(box.upper[j]).toBeLessThanOrEqual(previous.upper[j]);
      }
    }
    // Count the points in the last box directly.
    const last = trajectory[trajectory.length - 1];
    let inside = 0;
    let cases = 0;
    for (let i = 0; i < 2000; i++) {
      let ok = true;
      for (let j = 0; j < 5; j++) {
        const v = inputs.values[5 * i + j];
        if (v < last.lower[j] || v > last.upper[j]) ok = false;
      }
      if (ok) {
        inside++;
        cases += outcomes[i];
      }
    }
    expect(last.supportCount).toBe(inside);
    expect(last.density).toBeCloseTo(cases / inside, 15);
  });

  it('a minimum density picks the earliest box that reaches it', () => {
    const { inputs, outcomes } = plantedBoxData('threshold');
    const result = primScenarioDiscovery(inputs, outcomes, { minimumDensity: 0.5, pasting: false });
    expect(result.chosenBox.density).toBeGreaterThanOrEqual(0.5);
    for (let b = 0; b < result.chosenIndex; b++) expect(result.trajectory[b].density).toBeLessThan(0.5);
  });

  it('handles tied (discrete) inputs: peels whole values', () => {
    // x1 ∈ {0, 1, 2} (a choice factor), x2 uniform; cases when x1 = 2 and x2 < 0.5.
    const uniform = seedrandom.alea('ties');
    const rows: number[][] = [];
    const outcomes: boolean[] = [];
    for (let i = 0; i < 1500; i++) {
      const x1 = Math.floor(uniform() * 3);
      const x2 = uniform();
      rows.push([x1, x2]);
      outcomes.push(x1 === 2 && x2 < 0.5);
    }
    // densityTolerance 0: choose the densest box (density 1, demand ≤ 0.491); pasting then widens
    // demand's upper limit towards 0.5 while the density stays 1.
    const result = primScenarioDiscovery(designMatrixFromRows(rows), outcomes, { factorNames: ['policy', 'demand'], densityTolerance: 0 });
    // The policy peel removes the whole tied value 0, then the whole value 1 (never part of a value).
    expect(result.trajectory[1].restrictions[0]).toMatchObject({ factorName: 'policy', lower: 1, upper: 2 });
    expect(result.trajectory[2].restrictions[0]).toMatchObject({ factorName: 'policy', lower: 2, upper: 2 });
    const peeled = result.trajectory[result.chosenIndex];
    expect(peeled.density).toBe(1);
    const [policy, demand] = result.chosenBox.restrictions;
    expect(policy).toMatchObject({ factorName: 'policy', lower: 2, upper: 2 });
    expect(demand.factorName).toBe('demand');
    expect(demand.upper).toBeLessThan(0.5);
    expect(demand.upper).toBeGreaterThanOrEqual(peeled.restrictions[1].upper);
    expect(result.pastingStepCount).toBeGreaterThan(0);
    expect(result.chosenBox.density).toBe(1);
    expect(result.chosenBox.coverage).toBeGreaterThan(peeled.coverage);
  });

  it('rejects bad outcomes and options', () => {
    const inputs = designMatrixFromRows([[0], [1], [2]]);
    expect(() => primScenarioDiscovery(inputs, [1, 0])).toThrow(/2 outcomes for 3 points/);
    expect(() => primScenarioDiscovery(inputs, [1, 0, 2])).toThrow(/outcomes\[2\] is 2/);
    expect(() => primScenarioDiscovery(inputs, [0, 0, 0])).toThrow(/no case of interest/);
    expect(() => primScenarioDiscovery(inputs, [1, 0, 0], { peelingAlpha: 0.6 })).toThrow(/peelingAlpha/);
    expect(() => primScenarioDiscovery(inputs, [1, 0, 0], { minimumSupport: 0 })).toThrow(/minimumSupport/);
    expect(() => primScenarioDiscovery(designMatrixFromRows([[0], [1], [2]]), [1, 0, 0], { factorNames: ['a', 'b'] })).toThrow(/2 factor names for 1 factors/);
  });
});
