/**
 * The claims command on the comparison pipeline: every scenario the claims file names is run as a
 * comparison (src/comparison/runComparison.ts — one worker pool, one resumable run store, the usual
 * CSV files and report), and each claim's robustness variants are run with it as extra parameter sets
 * (an arm's model input with the variant's overrides, replications 0 … n − 1 seeded like the
 * scenarios'). Before the report is drawn, the claims are evaluated from the store and written to
 * claims.csv, claims-trajectory.csv and claims.json, and the report opens with the claims section.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runComparison, type ComparisonExtension, type ComparisonSummary, type RunComparisonOptions } from '../comparison/runComparison.ts';
import { modelInputHash, parameterSetHash, withFactorValues } from '../runner/parameterSets.ts';
import { ScenarioError } from '../scenario/scenarioError.ts';
import { checkModelInputConsistency, checkParameterValues } from '../scenario/validateScenario.ts';
import type { LoadedScenario } from '../scenario/loadScenarioFile.ts';
import { CONTRAST_ARMS } from './claimsDefinition.ts';
import { claimsCsv, claimsJson, claimsTrajectoryCsv } from './claimsTables.ts';
import { evaluateClaims } from './evaluateClaims.ts';
import type { LoadedClaims } from './loadClaimsFile.ts';
import { claimRobustnessVariants, sharedOverrides, type RobustnessVariant } from './robustnessVariants.ts';
import { storeSeriesSource, type ArmLocation } from './storeSeriesSource.ts';
import { reportersOfScope } from '../outcomes/reporters.ts';
import { provinceSeriesRecording, type Recording } from '../runner/recording.ts';

/** Files a claims run adds to a comparison's, with what they hold (manifest.json). */
export const CLAIMS_FILES = {
  'claims.csv': 'one row per claim × outcome × window: the paired contrast (scenario minus reference; 2×2: both − first − second + neither), its 95% t-interval, % of the reference mean, the smallest effect that matters, the verdict and its robustness',
  'claims-trajectory.csv': 'one row per claim × outcome × recorded year: the paired contrast with its 95% t-interval and % of the reference mean',
  'claims.json': 'the claims file, its groups and every claim’s evidence, verdicts and robustness variants',
} as const;

/** Options of {@link runClaimsFile}: those of a comparison, less the scenarios and the extension. */
export interface RunClaimsFileOptions extends Omit<RunComparisonOptions, 'scenarios' | 'extension'> {
  readonly claims: LoadedClaims;
}

/** The robustness plan of a claims file: the variants of each claim and where each arm × variant runs. */
export interface ClaimsRobustnessPlan {
  readonly variantsOf: ReadonlyMap<string, readonly RobustnessVariant[]>;
  /**
   * Parameter sets to run besides the scenarios: one per distinct parameter values (two variants that
   * give an arm the same parameters share one; a variant that leaves an arm as its scenario file has
   * it uses the scenario's own replications). Each records only the province series of the outcomes
   * of the claims it serves ({@link variantRecording}).
   */
  readonly parameterSets: readonly (ComparisonExtension['parameterSets'][number] & { readonly recording: Recording })[];
  /** Location of a scenario's values (variantKey null) or of a variant of it, as an arm of a claim. */
  readonly locate: (scenario: string, variantKey: string | null, claim: string) => ArmLocation;
}

/**
 * What the runs of a robustness variant record: the province series of `reporters` (the outcomes of
 * the claims it serves), in the order of the province reporters (src/outcomes/reporters.ts) — no zone
 * or industry values, no layout: the verdicts read nothing else, and zone and industry values of a
 * variant are never shown.
 *
 * @example variantRecording(new Set(['zoneFirmShare', 'output'])).province // ['output', 'zoneFirmShare']
 */
export function variantRecording(reporters: ReadonlySet<string>): Recording {
  return provinceSeriesRecording(
    reportersOfScope('province')
      .map((r) => r.name)
      .filter((name) => reporters.has(name)),
  );
}

/**
 * Plan the robustness runs: every claim's variants (claimRobustnessVariants), applied to each of its
 * arms except in the claim's levers (sharedOverrides), each checked as the scenario it is (parameter ranges and cross-field
 * rules). Runs are told apart by the parameters they simulate (the model input's hash after the
 * overrides), so no replication is computed twice.
 *
 * @throws {ScenarioError} naming the claims file, the claim and the variant when a variant makes an
 *   arm invalid (e.g. a hypercube range that breaks a rule of the arm's scenario), or changes nothing
 *   (it sets only parameters in which the arms differ).
 */
export function planClaimsRobustness(claims: LoadedClaims, replications: number): ClaimsRobustnessPlan {
  const { definition } = claims;
  const byName = new Map(claims.scenarios.map((s) => [s.name, s]));
  const variantsOf = new Map<string, RobustnessVariant[]>();
  const replicationsOfVariant = definition.robustness.replications;
  /** The runs of each distinct model input (by its hash after the overrides) and the reporters their claims read. */
  const runs = new Map<string, { parameterSetHash: string; scenarioOwn: boolean; set: number; reporters: Set<string> }>();
  const sets: Omit<ClaimsRobustnessPlan['parameterSets'][number], 'recording'>[] = [];
  /** Claim, scenario and variant → the model input hash of its runs. */
  const runOf = new Map<string, string>();
  const mainHash = new Map(claims.scenarios.map((s) => [s.name, parameterSetHash(modelInputHash(s.modelInput), [])]));
  const armKey = (claim: string, scenario: string, variantKey: string): string => `${claim}\0${scenario}\0${variantKey}`;
  definition.claims.forEach((claim, i) => {
    const arms = CONTRAST_ARMS[claim.contrast].map((key) => ({ key, scenario: byName.get(claims.scenarioNameOf.get(claim.arms[key]) as string) as LoadedScenario }));
    // Each variant keeps only the overrides it applies (those of parameters all arms share).
    const variants = claimRobustnessVariants(claim, definition.robustness, claims.posterior, definition.name).map((v) => ({
      ...v,
      overrides: sharedOverrides(v.overrides, arms.map((a) => a.scenario.modelInput.parameters)),
    }));
    variantsOf.set(claim.id, variants);
    for (const variant of variants) {
      if (variant.overrides.length === 0) {
        throw new ScenarioError({
          file: claims.file,
          fieldPath: `claims[${i}] (${claim.id}).robustness`,
          expected: `a ${variant.kind === 'form' ? 'form' : 'parameter draw'} that changes a parameter the claim's arms share`,
          found: `${variant.label}, which sets only parameters in which the arms differ (the claim's levers)`,
          hint: variant.kind === 'form' ? 'remove the form from the claim' : 'use uncertainty: none, or ranges of other parameters',
        });
      }
      const overrides = variant.overrides;
      for (const { key, scenario } of arms) {
        const modelHash = modelInputHash(scenario.modelInput);
        const parameters = withFactorValues(scenario.modelInput.parameters, overrides.map(([p]) => p), overrides.map(([, v]) => v));
        try {
          checkParameterValues(parameters, overrides.map(([p]) => p), null);
          checkModelInputConsistency({ ...scenario.modelInput, parameters }, null);
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          throw new ScenarioError({
            file: claims.file,
            fieldPath: `claims[${i}] (${claim.id}): robustness ${variant.label} on arm ${key} (${scenario.name})${error.fieldPath ? `: ${error.fieldPath}` : ''}`,
            expected: error.expected,
            found: error.found,
            hint: error.hint ?? 'narrow robustness.ranges or change the form so that every arm stays a valid scenario',
          });
        }
        const effective = modelInputHash({ ...scenario.modelInput, parameters });
        let run = runs.get(effective);
        if (run === undefined && effective === modelHash) {
          // The variant sets only values the arm's file already has: its runs are the scenario's own.
          run = { parameterSetHash: mainHash.get(scenario.name) as string, scenarioOwn: true, set: -1, reporters: new Set() };
        }
        if (run === undefined) {
          run = { parameterSetHash: parameterSetHash(modelHash, overrides), scenarioOwn: false, set: sets.length, reporters: new Set() };
          sets.push({ input: scenario.modelInput, overrides, replications: replicationsOfVariant, description: `robustness variant "${variant.label}" of scenario "${scenario.name}" (claim ${claim.id})` });
        }
        runs.set(effective, run);
        for (const outcome of claim.outcomes) run.reporters.add(outcome.reporter);
        runOf.set(armKey(claim.id, scenario.name, variant.key), effective);
      }
    }
  });
  // Each parameter set records the outcomes of every claim it serves; the scenarios' own runs record everything.
  const locations = new Map<string, ArmLocation>();
  const recordings: Recording[] = [];
  for (const run of runs.values()) {
    const recording = run.scenarioOwn ? null : variantRecording(run.reporters);
    if (recording !== null) recordings[run.set] = recording;
    locations.set(run.parameterSetHash, { parameterSetHash: run.parameterSetHash, replications: replicationsOfVariant, recording });
  }
  return {
    variantsOf,
    parameterSets: sets.map((set, i) => ({ ...set, recording: recordings[i] })),
    locate: (scenario, variantKey, claim) => {
      if (variantKey === null) return { parameterSetHash: mainHash.get(scenario) as string, replications, recording: null };
      const effective = runOf.get(armKey(claim, scenario, variantKey));
      const run = effective === undefined ? undefined : runs.get(effective);
      if (run === undefined) throw new Error(`no robustness variant ${variantKey} of scenario "${scenario}" in claim ${claim}`);
      return locations.get(run.parameterSetHash) as ArmLocation;
    },
  };
}

/**
 * The claims file as shown in the report and claims.json: relative to the working directory when it
 * lies inside it (`scenarios/claims/speech-2009.yaml`), else as given.
 *
 * @example shownClaimsPath('/repo/scenarios/claims/speech-2009.yaml') // 'scenarios/claims/speech-2009.yaml' in /repo
 */
export function shownClaimsPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

/** Group name → scenario names (reference first). */
export function groupScenarioNames(claims: LoadedClaims): Map<string, string[]> {
  return new Map(
    claims.definition.groups.map((g) => {
      const names = [g.reference, ...g.scenarios.filter((s) => s !== g.reference)].map((s) => claims.scenarioNameOf.get(s) as string);
      return [g.name, names];
    }),
  );
}

/**
 * Run a claims file: its scenarios as a comparison with the robustness variants as extra parameter
 * sets, then claims.csv, claims-trajectory.csv, claims.json and the report's claims section.
 *
 * @throws what {@link runComparison} throws, and {@link ScenarioError} from the robustness plan.
 * @example await runClaimsFile({ claims: await loadClaimsFile(file), replications: 30, baseSeed: 2009, outDir, provenance })
 */
export async function runClaimsFile(options: RunClaimsFileOptions): Promise<ComparisonSummary> {
  const { claims } = options;
  const plan = planClaimsRobustness(claims, options.replications);
  const groups = groupScenarioNames(claims);
  const settings = claims.definition.robustness;
  const robustnessText = `Robustness: ${settings.replications} replications per variant; ${settings.draws} parameter draws per claim (posterior sample or Latin hypercube over the file's ranges).`;
  const imageFormats = options.imageFormats ?? ['svg'];
  const extension: ComparisonExtension = {
    parameterSets: plan.parameterSets,
    key: JSON.stringify({ claims: claims.contentHash, file: path.basename(claims.file) }),
    manifestFiles: CLAIMS_FILES,
    write: async ({ store, located, outDir }) => {
      const source = storeSeriesSource(store, { hash: located.spec.recordingHash, province: located.recording.province }, located.spec.baseSeed, plan.locate);
      const results = evaluateClaims(claims.definition, claims.scenarioNameOf, plan.variantsOf, source, settings.replications);
      const texts: [string, string][] = [
        ['claims.csv', claimsCsv(results)],
        ['claims-trajectory.csv', claimsTrajectoryCsv(results)],
        ['claims.json', claimsJson(shownClaimsPath(claims.file), claims.definition, groups, results)],
      ];
      for (const [file, text] of texts) writeFileSync(path.join(outDir, file), text);
      // Imported when the outputs are written (the report modules are not needed to plan or run the tasks).
      const { claimsSection } = await import('../report/claimsSection.ts');
      const section = claimsSection(results, {
        name: claims.definition.name,
        description: claims.definition.description,
        file: shownClaimsPath(claims.file),
        groups: claims.definition.groups.map((g) => {
          const names = groups.get(g.name) ?? [];
          return { label: g.label, reference: names[0] ?? '', scenarios: names };
        }),
        imageFormats: options.images === 'none' ? [] : imageFormats,
        robustnessText,
      });
      return { files: texts.map(([file, text]) => ({ file, bytes: Buffer.byteLength(text) })), leadingSection: section };
    },
  };
  return runComparison({ ...options, scenarios: claims.scenarios, extension });
}
