import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialiseModel } from '../../src/model/initialiseModel.ts';
import { demandMultiplier } from '../../src/model/r16Crisis.ts';
import { exitFirms } from '../../src/model/firmDynamics.ts';
import { stepSchedule } from '../../src/model/stepModel.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';

/**
 * The exit check (firmDynamics.ts, exitFirms) tests firms that passed the productivity test at the
 * previous check on their clocks alone while neither productivity (annual review) nor the threshold
 * (crisis demand) changed. Here every step's exits are compared with the rule itself, firm by firm:
 * a firm leaves iff its clock ≤ Λ or its productivity < threshold / demand multiplier. The crisis
 * scenario's shock is moved to start in April 2010, between two annual reviews: the threshold then
 * rises in mid-year (firms that passed at the last check fall below it), and the annual review moves
 * productivity, so both triggers of a full check occur.
 */
describe('exit check against the rule, firm by firm', () => {
  it('removes exactly the firms whose clock ran out or whose productivity is below the threshold (crisis-2008 from April 2010, 2 seeds)', async () => {
    const loaded = await loadScenarioFile(path.resolve(import.meta.dirname, '..', '..', 'scenarios', 'crisis-2008.yaml'));
    const parameters = structuredClone(loaded.modelInput.parameters);
    parameters.crisis.startYear = 2010.25;
    const input = { ...loaded.modelInput, parameters };
    const beforeExits = stepSchedule.slice(0, -1);
    expect(stepSchedule[stepSchedule.length - 1]).toBe(exitFirms);
    let productivityExits = 0;
    let productivityExitsBetweenReviews = 0;
    let clockExits = 0;
    for (const seed of [1, 2]) {
      const state = initialiseModel(input, seed);
      let previousThreshold = Number.NaN;
      while (state.step < state.constants.totalSteps) {
        for (const mechanism of beforeExits) mechanism(state);
        const firms = state.firms;
        const threshold = state.parameters.firms.exitProductivityThreshold / demandMultiplier(state);
        const before = new Map<number, { clock: number; productivity: number }>();
        for (let i = 0; i < firms.count; i++) before.set(firms.id[i], { clock: firms.exitClock[i], productivity: firms.productivity[i] });
        exitFirms(state);
        const hazard = state.cumulativeExitHazard;
        const remaining = new Set<number>();
        for (let i = 0; i < firms.count; i++) remaining.add(firms.id[i]);
        const reviewStep = state.step > 0 && state.step % state.constants.stepsPerYear === 0;
        for (const [id, firm] of before) {
          const due = firm.clock <= hazard || firm.productivity < threshold;
          expect(remaining.has(id)).toBe(!due);
          if (due && firm.productivity < threshold) {
            productivityExits++;
            // A firm that passed at the last check and fails now only because the threshold rose.
            if (!reviewStep && firm.productivity >= previousThreshold && firm.clock > hazard) productivityExitsBetweenReviews++;
          } else if (due) clockExits++;
        }
        previousThreshold = threshold;
        state.step++;
      }
    }
    // The check is exercised: exits on both counts, and productivity exits that only a moved threshold
    // (the crisis, between two reviews) explains.
    expect(clockExits).toBeGreaterThan(100);
    expect(productivityExits).toBeGreaterThan(100);
    expect(productivityExitsBetweenReviews).toBeGreaterThan(0);
  });
});
