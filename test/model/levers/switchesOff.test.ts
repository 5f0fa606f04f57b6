import { describe, expect, it } from 'vitest';
import type { ModelInput } from '../../../src/model/modelInput.ts';
import { isParameterLeaf, parameterSpecification } from '../../../src/model/parameterSpecification.ts';
import { validateScenario } from '../../../src/scenario/validateScenario.ts';
import { differingMetrics, leverBase, mergeOverrides, tidyCsvOfRun, type Overrides } from './leverHarness.ts';

/**
 * Switching a mechanism off removes its effect exactly. For every policy group with an `enabled`
 * switch: with the switch off, setting every other parameter of the group to a wild (extreme but
 * valid) value leaves the full tidy output — every reporter, every zone and industry, every recorded
 * step — byte-identical; with the switch on, the output differs; and each wild value does change the
 * output when the switch is on (otherwise "no effect when off" would prove nothing).
 * Then: where the parameter table documents that a coefficient of 0 switches a term off, the
 * zero-coefficient run equals the switched-off run.
 */

/** The two seeds every identity is checked on (a fixed seed, and the base seed of the runner). */
const seeds = [7, 2009];

/** A scenario built through the validator, so every wild value is proven valid. */
function validatedInput(...layers: Overrides[]): ModelInput {
  const raw = mergeOverrides({ name: 'switch-test', description: 'switch test' }, leverBase, ...layers);
  return { parameters: validateScenario(raw, 'switch-test.yaml').parameters, relatedness: null };
}

type Group =
  | 'investment.mobile'
  | 'investment.expansion'
  | 'choice.relatedness'
  | 'land'
  | 'positioning'
  | 'planning'
  | 'financing'
  | 'credit'
  | 'guarantees'
  | 'guidanceFund'
  | 'services'
  | 'promotion'
  | 'crisis'
  | 'innovation'
  | 'circular';

/**
 * Wild values for every parameter of each switched group, chosen where they bind (e.g. a leverage
 * multiple of 1 and a per-borrower cap of 0, not 15 and 1, which would not bind at this size).
 */
const wildValues: Record<Group, Record<string, unknown>> = {
  'investment.mobile': { share: 1, elasticity: 1, provinceShare: 0.9 },
  'investment.expansion': { elasticity: 0.9 },
  'choice.relatedness': { coefficient: 90 },
  land: { quotaHaPerYear: 5, minimumInvestmentPerHa: 900, projectIntensityDispersion: 3, demandPriceElasticity: 2.9 },
  positioning: {
    rule: 'homogeneous', reviewEveryYears: 1, competitivenessWeight: 90, growthWeight: 0, relatednessWeight: 55, anchorPull: -80,
  },
  planning: { coordination: 0, uncoordinatedPaceLoss: 1, accessCoefficient: 90 },
  financing: {
    initialBorrowingCapacity: 0, debtCeilingYearsOfRevenue: 0, interestRate: 0.9, taxShareOfOutput: 0.9, debtServiceShare: 0,
    standardFactoryHaPerYear: 9e4, standardFactoryCostPerHa: 0, standardFactoryMaxInvestment: 0, standardFactoryBonus: 99,
  },
  credit: { constrainedMaxInvestment: 1e7, bankLendingShare: 0 },
  guarantees: {
    initialCapital: 0, leverageMultiple: 1, perBorrowerCapShare: 0, coverageShare: 0, feeRate: 1, termYears: 0.1, recoveryRate: 1,
    annualInjection: 1e7,
  },
  guidanceFund: { budgetPerYear: 1e8, coInvestmentRatio: 0, utilityBonus: 100 },
  services: { fixedCostPerYear: 1e6, variableCostPerFirm: 1e4, costCoefficient: 100, operatingCompany: false, operatingCompanyEfficiencyGain: 1 },
  promotion: {
    zoneApprovalMonths: 120, outsideApprovalMonths: 0, approvalCoefficient: -100, effort: 100, baseAwareness: 1e-6, arrivalBoost: 10,
    costPerEffortPerYear: 1e5,
  },
  crisis: { startYear: 2010, durationYears: 50, recoveryYears: 50, demandDrop: 0.95, creditTightening: 1, exitHazardMultiplier: 100 },
  innovation: { form: 'marshall', marshallStrength: 1, marshallSaturation: 1e-6, jacobsStrength: 1 },
  circular: { centralTreatmentEfficiency: 1, reuseStrength: 1 },
};

/**
 * Parameters of a switched group that are documented to act with the switch off, left out of the
 * wild sets: `land.idleReclaimPerYear` is not one of the R11 levers the switch governs ("Switch for
 * the R11 land levers below"); `financing.servicingCostPerHa` is what land servicing costs the public
 * budget when platforms are off ("Off: land is … paid from the public budget") — tested below.
 */
const actsWhenOff: Partial<Record<Group, string[]>> = {
  land: ['idleReclaimPerYear'],
  financing: ['servicingCostPerHa'],
};

const groups = Object.keys(wildValues) as Group[];

/** The specification node of a (possibly nested) group, e.g. 'investment.mobile'. */
function groupNode(group: Group): Record<string, unknown> {
  let node: unknown = parameterSpecification;
  for (const key of group.split('.')) node = (node as Record<string, unknown>)[key];
  return node as Record<string, unknown>;
}

/** Overrides setting `values` inside a (possibly nested) group. */
function inGroup(group: Group, values: Record<string, unknown>): Overrides {
  const keys = group.split('.');
  let out: Overrides = values;
  for (let i = keys.length - 1; i >= 0; i--) out = { [keys[i]]: out };
  return out;
}

/** Every group (at any depth) that has an `enabled` switch of its own, as dotted paths. */
function switchedGroups(node: Record<string, unknown>, prefix: string): string[] {
  const out: string[] = [];
  for (const [key, child] of Object.entries(node)) {
    if (isParameterLeaf(child)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const group = child as Record<string, unknown>;
    if ('enabled' in group && path !== 'choice.outside') out.push(path);
    out.push(...switchedGroups(group, path));
  }
  return out;
}

describe('every policy group with a switch is covered', () => {
  it('the wild sets name every parameter of every switched group (a new parameter must be added here)', () => {
    // Groups with an `enabled` switch of their own, at any depth (choice.outside.enabled is an option,
    // not a group switch).
    const switched = switchedGroups(parameterSpecification as unknown as Record<string, unknown>, '');
    expect(switched.sort()).toEqual([...groups].sort());
    for (const group of groups) {
      const leaves = Object.keys(groupNode(group)).filter((key) => key !== 'enabled');
      const covered = [...Object.keys(wildValues[group]), ...(actsWhenOff[group] ?? [])];
      expect(covered.sort(), group).toEqual(leaves.sort());
    }
  });
});

describe.each(groups)('%s switched off', (group) => {
  const off = validatedInput(inGroup(group, { enabled: false }));
  const offWild = validatedInput(inGroup(group, { ...wildValues[group], enabled: false }));
  const on = validatedInput(inGroup(group, { enabled: true }));

  const identity = (): void => {
    for (const seed of seeds) expect(tidyCsvOfRun(offWild, seed) === tidyCsvOfRun(off, seed), `seed ${seed}`).toBe(true);
  };
  it('wild values of its parameters leave the tidy output byte-identical', identity);

  it('switching it on changes the output', () => {
    for (const seed of seeds) expect(tidyCsvOfRun(on, seed) === tidyCsvOfRun(off, seed), `seed ${seed}`).toBe(false);
  });

  it('each wild value changes the output when the group is on (so the identity above is not vacuous)', () => {
    const seed = seeds[0];
    const reference = tidyCsvOfRun(on, seed);
    for (const [key, value] of Object.entries(wildValues[group])) {
      const changed = tidyCsvOfRun(validatedInput(inGroup(group, { enabled: true, [key]: value })), seed);
      expect(changed === reference, `${group}.${key} = ${String(value)} has no effect even when on`).toBe(false);
    }
  });
});

describe('documented exceptions with the switch off', () => {
  it('with relatedness off, the relatedness weight of leading-industry scoring has no effect either', () => {
    // "Off: the proximity matrix plays no part in location choice" — it is also dropped from the
    // scored positioning rule (R10), which would otherwise steer incentives by relatedness.
    for (const seed of seeds) {
      const a = tidyCsvOfRun(validatedInput({ choice: { relatedness: { enabled: false } } }), seed);
      const b = tidyCsvOfRun(validatedInput({ choice: { relatedness: { enabled: false } }, positioning: { relatednessWeight: 90 } }), seed);
      expect(a === b, `seed ${seed}`).toBe(true);
    }
  });

  it('with platforms off, the servicing cost only moves public spending and the infrastructure investment it pays for', () => {
    // The budget pays for servicing; that spending is the zones' infrastructure investment, so it is
    // also in zone fixed-asset investment (province and zone level). Nothing else may move.
    for (const seed of seeds) {
      const a = tidyCsvOfRun(validatedInput({ financing: { enabled: false } }), seed);
      const b = tidyCsvOfRun(validatedInput({ financing: { enabled: false, servicingCostPerHa: 900 } }), seed);
      expect(differingMetrics(a, b)).toEqual([
        'fixedAssetInvestment',
        'infrastructureInvestment',
        'publicSpendingTotal',
        'zoneInvestmentFlow',
        'zonesFixedAssetInvestment',
      ]);
    }
  });
});

describe('a zero coefficient equals the switch off, where the table documents that meaning', () => {
  /** Assert byte-identical output, on every seed, between a zero-coefficient scenario and the off one. */
  const expectSame = (zero: Overrides, off: Overrides): void => {
    for (const seed of seeds) {
      expect(tidyCsvOfRun(validatedInput(zero), seed) === tidyCsvOfRun(validatedInput(off), seed), `seed ${seed}`).toBe(true);
    }
  };

  it('positioning.anchorPull 0 (no leading-industry review within the run) = positioning off', () => {
    // "A coefficient of 0 switches a utility term off exactly"; the review schedule is the other half
    // of the switch, so it is pushed beyond the run (100 years).
    expectSame({ positioning: { anchorPull: 0, reviewEveryYears: 100 } }, { positioning: { enabled: false } });
  });

  it('services.costCoefficient 0 = services off in every outcome but the reported service cost itself', () => {
    // "Off: no service-cost term in the location choice": with a zero coefficient the choice is the
    // same, so every outcome is; only meanServiceCostPerFirm differs, since the services (and their
    // cost) still exist when the switch is on.
    for (const seed of seeds) {
      const zero = tidyCsvOfRun(validatedInput({ services: { costCoefficient: 0 } }), seed);
      const off = tidyCsvOfRun(validatedInput({ services: { enabled: false } }), seed);
      expect(differingMetrics(zero, off)).toEqual(['meanServiceCostPerFirm']);
    }
  });

  it('guidanceFund.utilityBonus 0 with budget 0 = guidance fund off', () => {
    expectSame({ guidanceFund: { utilityBonus: 0, budgetPerYear: 0 } }, { guidanceFund: { enabled: false } });
  });

  it('guidanceFund.utilityBonus 0 with money: every location outcome as with the fund off, only its accounts move', () => {
    // Without the bonus the fund changes no choice: it only books stakes in projects that came anyway
    // (zero additionality, the case the paired comparison of the runner is meant to reveal).
    const a = tidyCsvOfRun(validatedInput({ guidanceFund: { utilityBonus: 0 } }), seeds[0]);
    const b = tidyCsvOfRun(validatedInput({ guidanceFund: { enabled: false } }), seeds[0]);
    expect(differingMetrics(a, b)).toEqual(['guidanceGrossLeverage', 'guidancePrivateTotal', 'guidancePublicTotal', 'publicSpendingTotal']);
  });

  it('planning.accessCoefficient 0 with full coordination = planning off', () => {
    expectSame({ planning: { coordination: 1, accessCoefficient: 0 } }, { planning: { enabled: false } });
    expectSame({ planning: { uncoordinatedPaceLoss: 0, accessCoefficient: 0 } }, { planning: { enabled: false } });
  });

  it('promotion with awareness 1, approval coefficient 0, no arrival boost and no cost = promotion off', () => {
    // Off means "awareness 1 (ln 1 = 0), no approval terms, no extra arrivals, no cost".
    expectSame(
      { promotion: { baseAwareness: 1, approvalCoefficient: 0, arrivalBoost: 0, costPerEffortPerYear: 0 } },
      { promotion: { enabled: false } },
    );
  });

  it('land threshold 0, project dispersion 0, elasticity 0 and a quota that cannot bind = land levers off', () => {
    expectSame(
      { land: { minimumInvestmentPerHa: 0, projectIntensityDispersion: 0, demandPriceElasticity: 0, quotaHaPerYear: 1e7 } },
      { land: { enabled: false } },
    );
  });

  it('both spillover strengths 0 = innovation off', () => {
    expectSame({ innovation: { marshallStrength: 0, jacobsStrength: 0 } }, { innovation: { enabled: false } });
  });

  it('central treatment 0 and reuse 0 = circular economy off', () => {
    expectSame({ circular: { centralTreatmentEfficiency: 0, reuseStrength: 0 } }, { circular: { enabled: false } });
  });

  it('bank lending share 1 = credit constraints off (every small project gets its loan)', () => {
    expectSame({ credit: { bankLendingShare: 1 } }, { credit: { enabled: false } });
  });

  it('a crisis of zero strength changes nothing but the reported intensity', () => {
    for (const seed of seeds) {
      const zero = tidyCsvOfRun(validatedInput({ crisis: { enabled: true, demandDrop: 0, creditTightening: 0, exitHazardMultiplier: 1 } }), seed);
      const off = tidyCsvOfRun(validatedInput({ crisis: { enabled: false } }), seed);
      expect(differingMetrics(zero, off)).toEqual(['crisisIntensity']);
    }
  });
});
