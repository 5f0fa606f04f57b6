import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { morrisDesign, type MorrisDesign } from '../../../src/analysis/designs/morrisDesign.ts';

/** Campolongo et al. (2007) spread D² = Σ_{pairs} d²_ml, d_ml = Σ_i Σ_j ‖X_i^(m) − X_j^(l)‖. */
function campolongoSpread(design: MorrisDesign): number {
  const k = design.factorCount;
  const x = design.points.values;
  const length = (k + 1) * k;
  let total = 0;
  for (let m = 0; m < design.trajectoryCount; m++) {
    for (let l = m + 1; l < design.trajectoryCount; l++) {
      let d = 0;
      for (let i = 0; i <= k; i++) {
        for (let j = 0; j <= k; j++) {
          let s = 0;
          for (let z = 0; z < k; z++) s += (x[m * length + i * k + z] - x[l * length + j * k + z]) ** 2;
          d += Math.sqrt(s);
        }
      }
      total += d * d;
    }
  }
  return total;
}

describe('morrisDesign', () => {
  it.each([
    [4, 'endpoints', 2 / 3, [0, 1 / 3, 2 / 3, 1]],
    [6, 'endpoints', 0.6, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [4, 'centred', 0.5, [0.125, 0.375, 0.625, 0.875]],
  ] as const)('p = %i (%s): Δ = %f; every step moves exactly one factor by ±Δ; each factor once per trajectory', (levelCount, placement, delta, grid) => {
    // Morris (1991): Δ = p / (2(p − 1)) on the grid {0, 1/(p−1), …, 1}: p = 4 → 2/3, p = 6 → 3/5.
    const r = 25;
    const k = 6;
    const design = morrisDesign(r, k, seedrandom.alea(`morris-${levelCount}-${placement}`), { levelCount, placement });
    expect(design.delta).toBeCloseTo(delta, 15);
    expect(design.points.rowCount).toBe(r * (k + 1));
    const x = design.points.values;
    for (const value of x) expect(grid.some((level) => Math.abs(level - value) < 1e-12)).toBe(true);
    for (let t = 0; t < r; t++) {
      const moved = new Set<number>();
      for (let s = 0; s < k; s++) {
        const a = (t * (k + 1) + s) * k;
        const changed: number[] = [];
        for (let i = 0; i < k; i++) if (x[a + k + i] !== x[a + i]) changed.push(i);
        expect(changed).toHaveLength(1);
        expect(Math.abs(x[a + k + changed[0]] - x[a + changed[0]])).toBeCloseTo(delta, 12);
        moved.add(changed[0]);
      }
      expect(moved.size).toBe(k);
    }
  });

  it('visits the p levels with equal frequency (Morris 1991 §3) and moves up and down', () => {
    const design = morrisDesign(2000, 3, seedrandom.alea('levels'));
    const counts = new Map<number, number>();
    for (const value of design.points.values) counts.set(value, (counts.get(value) ?? 0) + 1);
    expect(counts.size).toBe(4);
    const total = design.points.values.length; // 2000 × 4 × 3 = 24 000; 6000 expected per level
    for (const count of counts.values()) expect(Math.abs(count / total - 0.25)).toBeLessThan(0.015);
  });

  it('Campolongo selection: the r trajectories kept from a pool of M are more spread out than r random ones', () => {
    const r = 10;
    const k = 5;
    const random = morrisDesign(r, k, seedrandom.alea('pool'));
    const selected = morrisDesign(r, k, seedrandom.alea('pool'), { candidateTrajectoryCount: 100 });
    expect(selected.trajectoryCount).toBe(r);
    expect(selected.points.rowCount).toBe(r * (k + 1));
    expect(campolongoSpread(selected)).toBeGreaterThan(1.1 * campolongoSpread(random));
  });

  it('is deterministic given the seed', () => {
    const a = morrisDesign(8, 4, seedrandom.alea('d'), { candidateTrajectoryCount: 30 });
    const b = morrisDesign(8, 4, seedrandom.alea('d'), { candidateTrajectoryCount: 30 });
    expect(Array.from(a.points.values)).toEqual(Array.from(b.points.values));
  });

  it('rejects bad arguments', () => {
    const uniform = seedrandom.alea('bad');
    expect(() => morrisDesign(10, 4, uniform, { levelCount: 5 })).toThrow(/levelCount must be even/);
    expect(() => morrisDesign(10, 4, uniform, { levelCount: 0 })).toThrow(RangeError);
    expect(() => morrisDesign(10, 4, uniform, { candidateTrajectoryCount: 5 })).toThrow(/candidateTrajectoryCount/);
    expect(() => morrisDesign(0, 4, uniform)).toThrow(/trajectoryCount/);
    expect(() => morrisDesign(2, 4, uniform, { placement: 'middle' as never })).toThrow(/placement/);
  });
});
