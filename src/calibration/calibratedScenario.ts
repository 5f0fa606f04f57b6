/**
 * The calibrated scenario: the calibrated scenario file with every free parameter set to its point
 * estimate (calibrationResults.ts: the posterior mean; integers rounded; choices by mode), a new name
 * and description, and a header comment saying where it comes from — a normal scenario file that runs
 * with every command. Everything else of the scenario file is kept, comments included (the `yaml`
 * package's document API), and paths in it stay relative to the calibrated scenario's folder: copy the
 * file next to it. Pure module.
 */
import { parseDocument, type Scalar } from 'yaml';
import type { FactorValue } from '../analysis/designs/factorDistributions.ts';
import { MAXIMUM_NAME_LENGTH } from '../scenario/validateScenario.ts';
import type { ParameterResult } from './calibrationResults.ts';

/** Significant digits a calibrated continuous value is written with (the posterior sd is far larger than the rounding). */
export const CALIBRATED_VALUE_DIGITS = 4;

/** Suffix of the calibrated scenario's name. */
const CALIBRATED_SUFFIX = '-calibrated';

/**
 * A value as the calibrated scenario writes it: integers as they are, other numbers to
 * {@link CALIBRATED_VALUE_DIGITS} significant digits.
 *
 * @example writtenValue(0.123456) // 0.1235
 */
export function writtenValue(value: FactorValue): FactorValue {
  if (typeof value !== 'number' || Number.isInteger(value) || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(CALIBRATED_VALUE_DIGITS));
}

/**
 * The calibrated scenario's name: the scenario's with `-calibrated` (cut to the name length limit).
 *
 * @example calibratedScenarioName('henan') // 'henan-calibrated'
 */
export function calibratedScenarioName(scenarioName: string): string {
  const base = scenarioName.slice(0, MAXIMUM_NAME_LENGTH - CALIBRATED_SUFFIX.length).replace(/-+$/, '');
  return `${base}${CALIBRATED_SUFFIX}`;
}

/** What the header of the calibrated scenario says. */
export interface CalibratedScenarioFacts {
  /** The calibrated scenario file, as the calibration names it. */
  readonly scenarioFile: string;
  readonly scenarioName: string;
  readonly scenarioDescription: string;
  readonly scenarioSource: string;
  /** The calibration file and its name. */
  readonly calibrationFile: string;
  readonly calibrationName: string;
  /** The command that reproduces the calibration. */
  readonly command: string;
  /** One line on the posterior: generation, tolerance, particles, simulations. */
  readonly posteriorLine: string;
  readonly parameters: readonly ParameterResult[];
}

function intervalText(p: ParameterResult): string {
  if (p.choiceProbabilities !== null) {
    const probabilities = [...p.choiceProbabilities].map(([value, probability]) => `${String(value)} ${probability.toFixed(2)}`).join(', ');
    return `posterior mode; probabilities ${probabilities}`;
  }
  return `posterior mean; 90 % interval [${writtenValue(p.lower)}, ${writtenValue(p.upper)}]${p.identified ? '' : '; NOT identified (posterior ≈ prior)'}`;
}

/**
 * The calibrated scenario file's text.
 *
 * @example calibratedScenarioYaml({ scenarioFile: 'scenarios/henan.yaml', …, parameters: parameterResults(…) })
 */
export function calibratedScenarioYaml(facts: CalibratedScenarioFacts): string {
  const doc = parseDocument(facts.scenarioSource);
  const name = calibratedScenarioName(facts.scenarioName);
  doc.set('name', name);
  doc.set('description', `${facts.scenarioDescription} Calibrated (${facts.calibrationName}): posterior mean of the free parameters.`);
  for (const p of facts.parameters) {
    const path = p.name.split('.');
    const node = doc.createNode(writtenValue(p.estimate)) as Scalar;
    node.comment = ` calibrated: ${intervalText(p)}`;
    doc.setIn(path, node);
  }
  // The scenario's opening comment belongs to the document, or — without a blank line before the
  // first key — to the mapping or its first key; the header goes above it in every case.
  const contents = doc.contents as { commentBefore?: string | null; items?: { key?: { commentBefore?: string | null } }[] } | null;
  const holders = [doc, contents, contents?.items?.[0]?.key].filter((h): h is { commentBefore?: string | null } => h !== null && h !== undefined);
  const original = holders.map((h) => h.commentBefore).filter((c): c is string => typeof c === 'string' && c !== '').join('\n');
  for (const holder of holders) holder.commentBefore = null;
  const lines = original.split('\n');
  const schemaLine = lines[0]?.trim().startsWith('yaml-language-server:') ? lines.shift() : undefined;
  const header = [
    ` ${name}: ${facts.scenarioName} (${facts.scenarioFile}) calibrated by ${facts.calibrationName} (${facts.calibrationFile}).`,
    ` Written by \`${facts.command}\` — do not edit by hand; run the calibration again instead.`,
    ` The ${facts.parameters.length} calibrated parameters (marked "calibrated:") have the posterior mean of the final`,
    ' ABC-SMC population (integers rounded, choices by posterior mode); the posterior sample is posterior.csv.',
    ` ${facts.posteriorLine}`,
    ` Paths in this file are relative to the folder of ${facts.scenarioFile}: keep the file next to it.`,
    ...(lines.some((l) => l.trim() !== '') ? ['', ` The calibrated scenario (${facts.scenarioFile}) says:`, ...lines] : []),
  ];
  doc.commentBefore = [...(schemaLine === undefined ? [] : [schemaLine, '']), ...header].join('\n');
  return doc.toString({ lineWidth: 0 });
}
