/**
 * What every analysis that runs tasks (a comparison, an experiment file) is told by its caller: where
 * its run folder is, how many workers, which shard, whether to draw the report, who ran it, when to
 * stop, and where to say what the user should know. Type-only module.
 */
import type { ChartImageFormat } from '../report/renderChartImages.ts';
import type { Shard } from './shards.ts';

/** Facts of the process that writes the outputs (the same on every machine of one checkout). */
export interface RunProvenance {
  readonly zonesimVersion: string;
  readonly gitCommit: string | null;
  /** The command line (recorded with the session facts only). */
  readonly command: string;
}

/** Options shared by every analysis's run. */
export interface AnalysisRunOptions {
  /** Run folder (created if needed); run.sqlite in it is created or resumed. */
  readonly outDir: string;
  /** Worker threads (default: the number of cores; never more than there are tasks to run). */
  readonly workers?: number;
  /** Compute only this slice of the tasks and write no outputs (default: every task, then the outputs). */
  readonly shard?: Shard | null;
  /** Render the HTML report and its chart images (default true). */
  readonly renderReport?: boolean;
  /** Formats of the chart image files (each analysis has its default). */
  readonly imageFormats?: readonly ChartImageFormat[];
  readonly provenance: RunProvenance;
  /** Stop: no more tasks are started, the store stays consistent, a RunInterruptedError is thrown. */
  readonly signal?: AbortSignal;
  /** Things the user should know (stored tasks recomputed or deleted, values left out). */
  readonly onNotice?: (message: string) => void;
}
