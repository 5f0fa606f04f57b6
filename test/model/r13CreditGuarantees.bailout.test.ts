import { describe, expect, it } from 'vitest';
import { initialiseModel } from '../../src/model/initialiseModel.ts';
import { stepModel } from '../../src/model/stepModel.ts';
import { reporterByName } from '../../src/outcomes/reporters.ts';
import { createReporterContext } from '../../src/outcomes/reporters.ts';
import { inputWith } from '../support/modelInputs.ts';

/**
 * Issue 9, defect 4: the guarantee fund's deficit disappeared from the public accounts — net assets
 * had no floor (−2,360 M¥ was reached on 1,000 of capital) and public spending counted only capital
 * and injections. Now a loss beyond the net assets is paid by the province (a bail-out): net assets
 * stop at 0, the shortfall is reported (`guaranteeBailoutTotal`) and counted in public spending.
 * Before the fix the first expectation below failed (net assets went negative in this scenario).
 */
describe('the province bails the guarantee fund out instead of hiding its deficit', () => {
  // A small, highly levered fund with full cover, no injections and a long crisis of many exits.
  const input = inputWith({
    time: { years: 8 },
    projects: { perYear: 300 },
    guarantees: { initialCapital: 50, leverageMultiple: 15, perBorrowerCapShare: 1, coverageShare: 1, annualInjection: 0, recoveryRate: 0, termYears: 5 },
    credit: { bankLendingShare: 0.1 },
    crisis: { enabled: true, startYear: 2010, durationYears: 3, recoveryYears: 1, exitHazardMultiplier: 10, creditTightening: 0 },
  });

  it('net assets never fall below 0, the shortfall is a bail-out, and public spending counts it', () => {
    const state = initialiseModel(input, 11);
    const context = createReporterContext(state.zones.count, state.industries.count);
    const publicSpending = reporterByName('publicSpendingTotal');
    const bailoutReporter = reporterByName('guaranteeBailoutTotal');
    let previousBailout = 0;
    let stepsWithBailout = 0;
    while (state.step < state.constants.totalSteps) {
      stepModel(state);
      const a = state.accounts;
      expect(a.guaranteeNetAssets).toBeGreaterThanOrEqual(0);
      if (a.guaranteeBailoutTotal > previousBailout) {
        stepsWithBailout++;
        expect(a.guaranteeNetAssets).toBe(0); // the province pays the shortfall, no more
      }
      previousBailout = a.guaranteeBailoutTotal;
      if (publicSpending.scope !== 'province' || bailoutReporter.scope !== 'province') throw new Error('province reporters');
      // publicSpendingTotal = servicing paid by the budget + guarantee capital and injections +
      // bail-outs + guidance money + promotion (the components, summed independently here).
      const expected =
        a.publicSpendingServicingTotal + a.publicSpendingGuaranteeCapitalTotal + a.guaranteeBailoutTotal + a.guidanceSpentTotal + a.publicSpendingPromotionTotal;
      expect(publicSpending.compute(state, context)).toBeCloseTo(expected, 9);
      expect(bailoutReporter.compute(state, context)).toBe(a.guaranteeBailoutTotal);
    }
    expect(stepsWithBailout).toBeGreaterThan(0);
    expect(state.accounts.guaranteeBailoutTotal).toBeGreaterThan(0);
    expect(state.accounts.guaranteeExhaustedStep).toBeGreaterThanOrEqual(0);
  });
});
