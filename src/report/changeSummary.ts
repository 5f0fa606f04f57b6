import type { PairedComparison, ReportMetric } from './reportInput.ts';
import type { ReportView } from './reportView.ts';

/** One outcome's paired comparison with its metric, for the summary. */
export interface SummaryEntry {
  readonly metric: ReportMetric;
  readonly comparison: PairedComparison;
}

/** What changed under one scenario compared with its reference, and how sure we are. */
export interface ScenarioChangeSummary {
  readonly scenario: string;
  /** The scenario's reference (differences are scenario − reference). */
  readonly baseline: string;
  /** Outcomes whose 95% interval excludes 0, largest relative (%) effect first. */
  readonly settled: readonly SummaryEntry[];
  /** Outcomes whose 95% interval lies inside ± 5 % of the reference mean (settled as negligible), in display order. */
  readonly negligible: readonly SummaryEntry[];
  /** Outcomes whose 95% interval includes 0 (sign not settled), in display order. */
  readonly unsettled: readonly SummaryEntry[];
  /** Outcomes equal within floating-point tolerance in every replication pair. */
  readonly noDifference: readonly SummaryEntry[];
}

/**
 * The summary "what changed and how sure are we": per compared scenario (display order), the
 * outcomes split by the direction of their paired difference from its reference. Settled outcomes
 * are sorted by relative effect |difference| / |reference mean| descending — what matters to an
 * economist, not the standardised effect d_z, which ranks accounting identities with tiny variance
 * first — with a reference mean of 0 (an infinite relative change) first; ties in display order.
 * Empty without a baseline.
 */
export function summariseChanges(view: ReportView): ScenarioChangeSummary[] {
  if (view.input.baseline === null) return [];
  const relative = (entry: SummaryEntry): number => {
    const percent = view.percentOf(entry.comparison);
    return percent === null ? Number.POSITIVE_INFINITY : Math.abs(percent);
  };
  return view.comparedScenarios.map((scenario) => {
    const baseline = view.referenceOf(scenario) ?? '';
    const settled: SummaryEntry[] = [];
    const unsettled: SummaryEntry[] = [];
    const negligible: SummaryEntry[] = [];
    const noDifference: SummaryEntry[] = [];
    for (const metric of view.input.metrics) {
      const comparison = view.pairedOf(scenario, metric.name);
      if (comparison === undefined) continue;
      const entry = { metric, comparison };
      if (comparison.direction === 'increase' || comparison.direction === 'decrease') settled.push(entry);
      else if (comparison.direction === 'unsettled') unsettled.push(entry);
      else if (comparison.direction === 'no-effect-that-matters') negligible.push(entry);
      else noDifference.push(entry);
    }
    const order = new Map(settled.map((e, i) => [e, i]));
    settled.sort((a, b) => {
      const ra = relative(a);
      const rb = relative(b);
      if (ra !== rb) return ra === Number.POSITIVE_INFINITY ? -1 : rb === Number.POSITIVE_INFINITY ? 1 : rb - ra;
      return (order.get(a) ?? 0) - (order.get(b) ?? 0);
    });
    return { scenario, baseline, settled, negligible, unsettled, noDifference };
  });
}
