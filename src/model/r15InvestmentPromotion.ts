import { log } from './deterministicMath.ts';
import type { ModelState } from './modelState.ts';
import type { Parameters } from './parameterSpecification.ts';
import { exponential, usesTableExponential } from './tableExponential.ts';

/**
 * R15 institutions and investment promotion (创新体制机制 / 招商引资 / 筑巢引凤 "attract the phoenix").
 *
 * - Approval time is an entry friction: utility − approvalCoefficient × months / 12, with a zone's
 *   one-stop approval (`zoneApprovalMonths`) against scattered projects' approval outside
 *   (`outsideApprovalMonths`). Institutional innovation = fewer months.
 * - Promotion widens the set of investors who consider a zone. With awareness
 *   a = base + (1 − base)(1 − e^(−effort)), the share of investors that have the zone in their choice
 *   set, the expected choice probabilities are approximated by adding ln(a) to the zone's utility —
 *   the "implicit availability/perception" logit of Swait & Ben-Akiva (1987) (also Cascetta & Papola
 *   2001). The outside option is always known.
 * - Promotion also brings investors from outside the province: the arrival rate is multiplied by
 *   1 + arrivalBoost × (1 − e^(−effort)).
 * - Cost: effort × costPerEffortPerYear per zone per year, booked as public spending.
 * Only projects that actually locate become firms ("only firms that actually arrive count").
 * Switched off: no approval terms, awareness 1 (ln 1 = 0), no extra arrivals, no cost.
 * The utility terms are the same for every zone and constant over a run, so they are computed once
 * (StepConstants, initialiseModel.ts).
 */
export function promotionUtilityForZone(parameters: Parameters): number {
  const p = parameters.promotion;
  if (!p.enabled) return 0;
  return promotionAwarenessUtility(parameters) - (p.approvalCoefficient * p.zoneApprovalMonths) / 12;
}

/** The awareness term ln(a) of a zone's utility (0 when promotion is off). */
export function promotionAwarenessUtility(parameters: Parameters): number {
  const p = parameters.promotion;
  if (!p.enabled) return 0;
  return log(p.baseAwareness + (1 - p.baseAwareness) * (1 - exponential(-p.effort, usesTableExponential(parameters))));
}

/** Approval-time utility of the outside option. */
export function promotionUtilityForOutside(parameters: Parameters): number {
  const p = parameters.promotion;
  if (!p.enabled) return 0;
  return -(p.approvalCoefficient * p.outsideApprovalMonths) / 12;
}

/** Multiplier of the project arrival rate from promotion (1 when off). */
export function promotionArrivalMultiplier(state: ModelState): number {
  const p = state.parameters.promotion;
  if (!p.enabled) return 1;
  return 1 + p.arrivalBoost * (1 - exponential(-p.effort, state.constants.tableExponential));
}

/** Mechanism: book this step's promotion cost as public spending. */
export function payForPromotion(state: ModelState): void {
  const p = state.parameters.promotion;
  if (!p.enabled || p.effort === 0) return;
  state.accounts.publicSpendingPromotionTotal +=
    (p.effort * p.costPerEffortPerYear * state.zones.count) / state.constants.stepsPerYear;
}
