/**
 * evaluateClaims on hand-made series (a fake SeriesSource): the 2×2 interaction contrast per
 * replication, the window means, the trajectory, the ranking and the robustness variants.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimsDefinition } from '../../src/claims/claimsDefinition.ts';
import { evaluateClaims, type ArmSeries } from '../../src/claims/evaluateClaims.ts';
import type { RobustnessVariant } from '../../src/claims/robustnessVariants.ts';

const YEARS = [2009, 2010, 2011, 2012];

/** An arm whose `output` in replication r at instant i is f(i, r), and whose `firms` is 100 everywhere. */
function arm(f: (i: number, r: number) => number, replications = 3): ArmSeries {
  return { years: YEARS, replications, value: (reporter, i, r) => (reporter === 'output' ? f(i, r) : reporter === 'firms' ? 100 : Number.NaN) };
}

const definition: ClaimsDefinition = {
  name: 'hand',
  description: 'Hand-made claims.',
  windows: [{ name: 'early', label: 'early 2010–2011', from: 2010, to: 2011 }],
  groups: [],
  robustness: { replications: 3, draws: 2, forms: [], ranges: [], posterior: null },
  claims: [
    {
      id: 'both-needed',
      title: 'Both needed',
      words: { zh: '既要…又要', en: 'Both.' },
      rules: ['R15'],
      contrast: 'interaction',
      factors: ['nest', 'phoenix'],
      arms: { both: 'ab.yaml', first: 'a.yaml', second: 'b.yaml', neither: 'n.yaml' },
      outcomes: [
        { reporter: 'firms', direction: 'increase', smallestEffect: { relative: 0.01 }, primary: false },
        { reporter: 'output', direction: 'increase', smallestEffect: { relative: 0.01 }, primary: true },
      ],
      windows: ['end', 'early'],
      robustness: { forms: [], uncertainty: 'ranges' },
      note: '',
    },
  ],
};
const names = new Map([
  ['ab.yaml', 'ab'],
  ['a.yaml', 'a'],
  ['b.yaml', 'b'],
  ['n.yaml', 'n'],
]);

describe('evaluateClaims', () => {
  // neither: 100 + 10 i; first: +5 i; second: +3 i; both: +5 i + 3 i + 2 i + r (an interaction 2 i + r).
  // Interaction per replication at instant i: (100 + 20 i + r) − (100 + 15 i) − (100 + 13 i) + (100 + 10 i) = 2 i + r.
  const series: Record<string, ArmSeries> = {
    n: arm((i) => 100 + 10 * i),
    a: arm((i) => 100 + 15 * i),
    b: arm((i) => 100 + 13 * i),
    ab: arm((i, r) => 100 + 20 * i + r),
  };
  // Draw 0 has no interaction (both = a + b − n exactly), draw 1 the same as the main runs.
  const variants: RobustnessVariant[] = [
    { key: 'draw:0', kind: 'draw', label: 'draw 1', overrides: [['choice.scale', 0.5]] },
    { key: 'draw:1', kind: 'draw', label: 'draw 2', overrides: [['choice.scale', 2]] },
  ];
  const source = (scenario: string, key: string | null): ArmSeries => {
    if (key === 'draw:0' && scenario === 'ab') return arm((i) => 100 + 18 * i);
    return series[scenario];
  };
  const [result] = evaluateClaims(definition, names, new Map([['both-needed', variants]]), source, 3);

  it('names the contrast and ranks the primary outcome first', () => {
    expect(result.arms).toEqual(['ab', 'a', 'b', 'n']);
    expect(result.contrastText).toBe('ab − a − b + n');
    expect(result.outcomes.map((o) => o.outcome.reporter)).toEqual(['output', 'firms']);
  });

  it('judges the end state: interaction 2·3 + r = (6, 7, 8), mean 7, relative to neither (130): supported', () => {
    const end = result.outcomes[0].windows[0];
    expect(end.window).toBe('end');
    expect(end.evidence.meanDifference).toBe(7);
    expect(end.evidence.referenceMean).toBe(130);
    expect(end.evidence.relative).toBeCloseTo(7 / 130, 12);
    expect(end.evidence.verdict).toBe('supported'); // [7 − 2.484, 7 + 2.484] excludes 0 and ±1.3
  });

  it('judges a window by the mean over its instants: years 2010 and 2011 (i = 1, 2) → 3 + r = (3, 4, 5)', () => {
    const early = result.outcomes[0].windows[1];
    expect(early.window).toBe('early');
    expect([early.fromYear, early.toYear]).toEqual([2010, 2011]);
    expect(early.evidence.meanDifference).toBe(4);
    expect(early.evidence.referenceMean).toBe(115); // mean of 110 and 120
  });

  it('gives the trajectory at every instant: 2 i + r, so the mean is 2 i + 1', () => {
    expect(result.outcomes[0].trajectory.map((p) => p.meanDifference)).toEqual([1, 3, 5, 7]);
  });

  it('reports an outcome the arms do not change as no difference, never as a finding', () => {
    expect(result.outcomes[1].windows[0].evidence.verdict).toBe('no difference');
  });

  it('re-judges each draw: supported in draw 2 only (draw 1 has no interaction beyond residue)', () => {
    const draws = result.outcomes[0].windows[0].draws;
    expect(draws?.counts).toMatchObject({ supported: 1, 'no difference': 1, unsettled: 0 });
    // draw 1: interaction 18·3 − 15·3 − 13·3 + 10·3 = 0 in every replication → no difference
    expect(draws?.agreeing).toBe(1);
    expect(draws?.split?.parameter).toBe('choice.scale');
    expect(result.outcomes[0].windows[0].robustnessText).toBe('supported in 1 of 2 draws (50 %) (others: 1 no difference); below 1.25 of choice.scale: 1 no difference; above: 1 supported');
  });
});
