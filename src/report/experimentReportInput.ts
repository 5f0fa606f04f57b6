/**
 * The data an experiment report (`experiment.html` and its chart images) is rendered from, computed
 * by src/experiment from its store and analysis and nothing else. Plain JSON-serialisable data.
 * The analysis rows are those of src/experiment/analyseExperiment.ts (type-only imports).
 */
import type { OutcomeAnalysis, PrimAnalysis } from '../experiment/analyseExperiment.ts';

/** A lever or uncertainty as the report shows it. */
export interface ExperimentReportFactor {
  /** Dotted parameter path. */
  readonly name: string;
  readonly role: 'lever' | 'uncertainty';
  /** The distribution in words, e.g. `uniform [1, 15]`. */
  readonly distribution: string;
  readonly unit: string;
  /** The parameter's description from the parameter table. */
  readonly description: string;
  /** Rule ids of the speech. */
  readonly rules: readonly string[];
  /** For a choice factor with text or true/false values: the labels of indices 0, 1, …; else null. */
  readonly choiceLabels: readonly string[] | null;
  /** Lowest and highest value of the factor over the design points (numeric scale: choice labels as indices). */
  readonly designRange: readonly [number, number];
}

/** A recorded outcome as the report shows it. */
export interface ExperimentReportOutcome {
  /** Column name in the CSV files. */
  readonly name: string;
  readonly reporter: string;
  readonly statistic: 'final' | 'mean';
  readonly label: string;
  readonly unit: string;
  readonly description: string;
  readonly rules: readonly string[];
}

/** The points drawn in the outcome-vs-factor scatter charts. */
export interface ExperimentScatterData {
  /** Design point indices. */
  readonly points: readonly number[];
  /** `factorValues[j][i]`: numeric value of factor j at points[i] (choice factors with labels: index). */
  readonly factorValues: readonly (readonly number[])[];
  /** `outcomeMeans[o][i]`: mean of outcome o over the replications of points[i], null when undefined. */
  readonly outcomeMeans: readonly (readonly (number | null)[])[];
}

/** Everything an experiment report shows. */
export interface ExperimentReportInput {
  readonly title: string;
  readonly name: string;
  /** The question the experiment answers (its description). */
  readonly description: string;
  /** One sentence on the design and its size. */
  readonly designSummary: string;
  /** The design type (e.g. 'sobol'). */
  readonly designType: string;
  readonly pointCount: number;
  readonly replicationsPerPoint: number;
  readonly taskCount: number;
  readonly seed: number;
  readonly factors: readonly ExperimentReportFactor[];
  readonly outcomes: readonly ExperimentReportOutcome[];
  /** One entry per outcome, in outcome order. */
  readonly results: readonly OutcomeAnalysis[];
  readonly prim: PrimAnalysis | null;
  readonly scatter: ExperimentScatterData;
  readonly experimentFile: string;
  readonly experimentSource: string;
  readonly scenarioFile: string;
  readonly scenarioName: string;
  readonly scenarioSource: string;
  /** manifest.json (shown as run facts and verbatim). */
  readonly manifest: Readonly<Record<string, unknown>>;
}
