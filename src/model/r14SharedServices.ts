import type { ModelState } from './modelState.ts';

/**
 * R14 shared services (完善服务配套). Infrastructure services are easy to share: a zone's services have
 * a fixed annual cost F (utilities operation, logistics, testing, training) shared by its n firms
 * plus a variable cost v per firm, so the cost per firm
 *
 *     c_z = F × (1 − gain × [operating company]) / (n_z + 1) + v
 *
 * falls as more firms share it — the classic club-good / shared-fixed-cost argument (Buchanan 1965;
 * the "sharing" mechanism of Duranton & Puga 2004). An asset-operation and management company
 * (资产运营管理机构) lowers F by `operatingCompanyEfficiencyGain`. The location utility falls by
 * costCoefficient × c_z. The "+ 1" counts the entrant itself. Switched off: no term.
 */
export function serviceCostPerFirm(state: ModelState, z: number): number {
  const p = state.parameters.services;
  const fixed = p.fixedCostPerYear * (p.operatingCompany ? 1 - p.operatingCompanyEfficiencyGain : 1);
  return fixed / (state.zones.firms[z] + 1) + p.variableCostPerFirm;
}

/**
 * Utility term of shared services for zone z (0 when the mechanism is off). Also records the zone's
 * service level, variable cost / cost per firm (how close sharing brings the cost to its floor).
 */
export function sharedServicesUtility(state: ModelState, z: number): number {
  const p = state.parameters.services;
  if (!p.enabled) return 0;
  const cost = serviceCostPerFirm(state, z);
  state.zones.serviceLevel[z] = cost > 0 ? p.variableCostPerFirm / cost : 1;
  if (p.costCoefficient === 0) return 0;
  return -p.costCoefficient * cost;
}
