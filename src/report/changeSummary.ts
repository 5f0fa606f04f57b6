import type { PairedComparison, ReportMetric } from './reportInput.ts';
import type { ReportView } from './reportView.ts';

/** One outcome's paired comparison with its metric, for the summary. */
export interface SummaryEntry {
  readonly metric: ReportMetric;
  readonly comparison: PairedComparison;
}

/** What changed under one scenario compared with the baseline, and how sure we are. */
export interface ScenarioChangeSummary {
  readonly scenario: string;
  readonly baseline: string;
  /** Outcomes whose 95% interval excludes 0, largest standardised effect first. */
  readonly settled: readonly SummaryEntry[];
  /** Outcomes whose 95% interval includes 0 (sign not settled), in display order. */
  readonly unsettled: readonly SummaryEntry[];
  /** Outcomes identical in every replication pair. */
  readonly noDifference: readonly SummaryEntry[];
}

function effectMagnitude(entry: SummaryEntry): number {
  const d = entry.comparison.effectSize;
  return d === null ? Number.POSITIVE_INFINITY : Math.abs(d);
}

/**
 * The summary "what changed and how sure are we": per compared scenario (display order), the
 * outcomes split by the direction of their paired difference from the baseline. Settled outcomes are
 * sorted by |d_z| descending (an undefined d_z — a constant non-zero shift — first), ties in display
 * order. Empty without a baseline.
 */
export function summariseChanges(view: ReportView): ScenarioChangeSummary[] {
  const baseline = view.input.baseline;
  if (baseline === null) return [];
  return view.comparedScenarios.map((scenario) => {
    const settled: SummaryEntry[] = [];
    const unsettled: SummaryEntry[] = [];
    const noDifference: SummaryEntry[] = [];
    for (const metric of view.input.metrics) {
      const comparison = view.pairedOf(scenario, metric.name);
      if (comparison === undefined) continue;
      const entry = { metric, comparison };
      if (comparison.direction === 'increase' || comparison.direction === 'decrease') settled.push(entry);
      else if (comparison.direction === 'unsettled') unsettled.push(entry);
      else noDifference.push(entry);
    }
    const order = new Map(settled.map((e, i) => [e, i]));
    settled.sort((a, b) => effectMagnitude(b) - effectMagnitude(a) || (order.get(a) ?? 0) - (order.get(b) ?? 0));
    return { scenario, baseline, settled, unsettled, noDifference };
  });
}
