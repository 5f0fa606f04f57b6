import { describe, expect, it } from 'vitest';
import { initialiseModel } from '../../src/model/initialiseModel.ts';
import type { ModelState } from '../../src/model/modelState.ts';
import { inputWith } from '../support/modelInputs.ts';

/**
 * Initial placement by industrial base (firms.initialPlacement: industrial-base): zones of a province
 * differ as real zones do. Henan scale: 180 zones, 18,000 initial firms, 25 % in zones.
 */
function henanStart(dispersion: number): ModelState {
  return initialiseModel(
    inputWith({ zones: { count: 180 }, firms: { initialCount: 18000, initialShareInZones: 0.25, initialBaseDispersion: dispersion } }),
    2009,
  );
}

function sortedZoneFirms(state: ModelState): number[] {
  return Array.from(state.zones.firms.subarray(0, state.zones.count)).sort((a, b) => a - b);
}

describe('industrial-base placement', () => {
  const state = henanStart(1);

  it('places every firm drawn into a zone there, whatever the land: 25 % of 18,000 ± 4 sd', () => {
    // Binomial(18000, 0.25): mean 4,500, sd = sqrt(18000 × 0.25 × 0.75) ≈ 58.1 → [4268, 4732].
    let inZones = 0;
    for (let z = 0; z < state.zones.count; z++) inZones += state.zones.firms[z];
    expect(inZones).toBeGreaterThan(4268);
    expect(inZones).toBeLessThan(4732);
    expect(inZones + state.zones.firms[state.zones.count]).toBe(18000);
  });

  it('gives heavy-tailed zones: with σ = 1 the largest holds many times the median zone’s firms', () => {
    // Log-normal weights with σ = 1: the largest of 180 is about e^(2.6) ≈ 13 times the median.
    const firms = sortedZoneFirms(state);
    expect(firms[179] / firms[90]).toBeGreaterThan(6);
    // σ = 0: equal weights, multinomial counts of about 25 each (sd ≈ 5): no zone reaches twice the median.
    const even = sortedZoneFirms(henanStart(0));
    expect(even[179] / even[90]).toBeLessThan(2);
  });

  it('adds each zone’s pre-2009 developed land to its plan and its serviced land', () => {
    // serviced = share × drawn plan + developed and planned = drawn plan + developed, with the developed
    // land = the land of the zone's initial firms (usedHa at step 0), so
    // (serviced − used) / (planned − used) = zones.initialServicedShare = 0.15 in every zone.
    const zones = state.zones;
    for (let z = 0; z < zones.count; z++) {
      expect((zones.servicedHa[z] - zones.usedHa[z]) / (zones.plannedHa[z] - zones.usedHa[z])).toBeCloseTo(0.15, 9);
      expect(zones.idleHa[z]).toBe(0);
    }
  });
});
