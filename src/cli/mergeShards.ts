/**
 * `zonesim merge <shard folders…> --out <dir>`: merge the shards' run stores (src/runner/mergeRuns.ts)
 * and let the analysis that owns the run write its outputs from the merged store — an experiment's
 * analysis, CSV files and report, or a comparison's summaries, CSV files and report — byte-identical
 * to a single-machine run (timings.json / the manifest's session fields aside).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ComparisonSpec } from '../comparison/comparisonSpec.ts';
import { comparisonMerge } from '../comparison/mergeComparison.ts';
import { writeComparisonOutputs, type ReportImages } from '../comparison/runComparison.ts';
import { isCalibrationFolder, mergeCalibrationShards, REFUSED_MIXED_MERGE } from '../calibration/mergeCalibration.ts';
import { experimentMerge, storedExperiment } from '../experiment/mergeExperiment.ts';
import { writeExperimentOutputs } from '../experiment/writeExperimentOutputs.ts';
import type { RunProvenance } from '../runner/analysisRunOptions.ts';
import type { ChartImageFormat } from '../report/renderChartImages.ts';
import { mergeRuns } from '../runner/mergeRuns.ts';
import { withStoreFile } from '../runner/environmentErrors.ts';
import { STORE_FILE_NAME, type AnalysisKind } from '../runner/runStore.ts';

/** Options of {@link mergeShards}. */
export interface MergeShardsOptions {
  /** Shard folders (each with a run.sqlite). */
  readonly shardDirs: readonly string[];
  /** The merged run folder (created if needed; must not be one of the shard folders). */
  readonly outDir: string;
  readonly provenance: RunProvenance;
  /** Render the HTML report and chart images (default true). */
  readonly renderReport?: boolean;
  /** Which charts of a comparison report get image files (default 'key'). */
  readonly images?: ReportImages;
  /** Formats of a comparison report's image files (default SVG). */
  readonly imageFormats?: readonly ChartImageFormat[];
  /** Called when the work after merging starts. */
  readonly onPhase?: (phase: 'analyse' | 'summarise' | 'export' | 'report') => void;
}

/** What a merge did. */
export interface MergeSummary {
  readonly outDir: string;
  readonly analysis: AnalysisKind;
  readonly shards: number;
  /** Tasks added to the merged store by this merge. */
  readonly tasksAdded: number;
  readonly taskCount: number;
  readonly files: readonly string[];
  readonly reportPath: string | null;
  readonly wallTimeSeconds: number;
}

/**
 * Merge shard folders into `outDir` and write the analysis's files there.
 *
 * @throws {MergeError} (one line) when the shards cannot be merged.
 * @example await mergeShards({ shardDirs: ['shards/1', 'shards/2'], outDir: 'merged', provenance })
 */
export async function mergeShards(options: MergeShardsOptions): Promise<MergeSummary> {
  // A calibration merges round by round and absorbs the round (src/calibration/mergeCalibration.ts).
  if (options.shardDirs.length > 0 && isCalibrationFolder(options.shardDirs[0])) return mergeCalibrationShards(options);
  const started = Date.now();
  const merged = mergeRuns({
    shardDirs: options.shardDirs,
    outDir: options.outDir,
    analyses: { experiment: experimentMerge, comparison: comparisonMerge, calibration: REFUSED_MIXED_MERGE },
  });
  try {
    const { facts } = merged;
    let files: readonly string[];
    let reportPath: string | null;
    let timings: Record<string, number> = {};
    if (facts.analysis === 'experiment') {
      const { plan, modelHash } = storedExperiment(facts);
      const written = await writeExperimentOutputs(merged.store, plan, {
        outDir: options.outDir,
        provenance: options.provenance,
        modelFingerprint: facts.codeFingerprint,
        modelHash,
        renderReport: options.renderReport,
        onPhase: options.onPhase,
      });
      files = [STORE_FILE_NAME, ...written.files];
      reportPath = written.reportPath;
      timings = written.timings;
    } else {
      const written = await writeComparisonOutputs(merged.store, JSON.parse(facts.analysisJson) as ComparisonSpec, {
        outDir: options.outDir,
        provenance: options.provenance,
        renderReport: options.renderReport,
        images: options.images,
        imageFormats: options.imageFormats,
        session: { workers: 0, startedAt: new Date(started).toISOString(), started, timings: { merged: merged.shards } },
        onPhase: options.onPhase,
      });
      files = written.files;
      reportPath = written.reportPath;
    }
    const wallTimeSeconds = (Date.now() - started) / 1000;
    // An experiment folder keeps everything that differs between runs in timings.json; a comparison
    // keeps it in the session fields of manifest.json.
    if (facts.analysis === 'experiment') {
      const timingsJson = {
        command: options.provenance.command,
        merged: merged.shards,
        tasksAdded: merged.tasksAdded,
        nodeVersion: process.version,
        platform: `${process.platform}-${process.arch}`,
        ...timings,
        finishedAt: new Date().toISOString(),
        wallTimeSeconds,
      };
      writeFileSync(path.join(options.outDir, 'timings.json'), `${JSON.stringify(timingsJson, null, 2)}\n`);
      files = [...files, 'timings.json'];
    }
    return {
      outDir: options.outDir,
      analysis: facts.analysis,
      shards: merged.shards.length,
      tasksAdded: merged.tasksAdded,
      taskCount: merged.taskCount,
      files,
      reportPath,
      wallTimeSeconds,
    };
  } catch (error) {
    throw withStoreFile(error, merged.store.file);
  } finally {
    merged.store.close();
  }
}
