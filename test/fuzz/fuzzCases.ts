/**
 * The cases of the fuzz suite, as fast-check arbitraries: mutated scenario files (with relatedness
 * CSVs), mutated experiment files (with their base scenarios and CSV designs), mutated claims files
 * (with the scenario files and posterior sample they name), small experiments that are run for real,
 * command lines with good and bad option values, and files of the wrong kind (a folder, a named pipe,
 * /dev/zero, a missing file, a sparse 2 GiB file, a symbolic-link loop).
 *
 * A case is plain data: the files to write into a fresh case folder (a name may hold a subfolder, e.g.
 * `claims/c.yaml`) and the command line to run, in which `@/name` stands for a file of the case folder
 * and `@out` for the case's output folder.
 */
import path from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import {
  anyNumber,
  anyValue,
  applyStructuredMutations,
  applyTextMutation,
  genericMutation,
  nextDown,
  nextUp,
  PARAMETER_LEAVES,
  relatednessCsv,
  structuredMutation,
  textMutation,
  toYaml,
  type FileContent,
  type StructuredMutation,
} from './mutations.ts';
import { repositoryFileText, seedFiles, type SeedFile } from './fuzzInputs.ts';

/** File kinds that are not a readable text file. */
export type SpecialFileKind = 'folder' | 'fifo' | 'missing' | 'sparse-huge' | 'symlink-loop' | 'dev-zero' | 'proc-file';

/** A file of a case: content to write, or a special kind of file to make. */
export type CaseFile = { readonly name: string; readonly content: FileContent } | { readonly name: string; readonly special: SpecialFileKind };

/** What to do after the command exits 0. */
export type FollowUp = 'none' | 'model' | 'cli';

/** One fuzz case. */
export interface FuzzCase {
  readonly kind: 'scenario' | 'experiment' | 'experiment-run' | 'options' | 'claims';
  /** What was done to the seed file(s), for the failure report. */
  readonly label: string;
  readonly files: readonly CaseFile[];
  /** The command line after `zonesim`; `@/name` is a case file, `@out` the output folder. */
  readonly argv: readonly string[];
  /**
   * After exit 0: `model` runs the accepted scenario (or a few design points) in this process and
   * checks every reporter; `cli` also runs it through `zonesim run` / `zonesim experiment` with the
   * report, and checks the files written.
   */
  readonly followUp: FollowUp;
}

const SPECIAL_KINDS: readonly SpecialFileKind[] = ['folder', 'fifo', 'missing', 'sparse-huge', 'symlink-loop', 'dev-zero', 'proc-file'];
const specialKind = fc.constantFrom(...SPECIAL_KINDS);

function describeMutations(structured: readonly { op: string; path?: string }[], text: readonly { op: string }[]): string {
  const parts = [...structured.map((m) => (m.op === 'setParameter' ? `set ${m.path}` : m.op)), ...text.map((m) => m.op)];
  return parts.length === 0 ? 'unchanged' : parts.join(', ');
}

/** A mutated YAML file from a seed: structured mutations, then text mutations. */
function mutatedYaml(
  seed: SeedFile,
  extra: ((document: Record<string, unknown>) => Record<string, unknown>) | null = null,
  mutations: fc.Arbitrary<StructuredMutation[]> = fc.array(structuredMutation, { maxLength: 4 }),
): fc.Arbitrary<{ content: FileContent; label: string; document: unknown }> {
  return fc
    .record({
      structured: mutations,
      text: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(textMutation, { minLength: 1, maxLength: 2 }) }),
      verbatim: fc.boolean(),
    })
    .map(({ structured, text, verbatim }) => {
      const clone = JSON.parse(JSON.stringify(seed.value)) as Record<string, unknown>;
      const base = extra === null ? clone : extra(clone);
      // Unmutated files are sometimes kept as written (comments and all), else rewritten by yaml.
      const untouched = structured.length === 0 && verbatim && extra === null;
      const document = applyStructuredMutations(base, structured);
      let content: FileContent = untouched ? seed.text : toYaml(document);
      for (const mutation of text) content = applyTextMutation(content, mutation);
      return { content, label: `${seed.file}: ${describeMutations(structured, text)}`, document };
    });
}

/** industries.count of a (mutated) scenario document, or the default 20. */
function industryCount(document: unknown): number {
  const count = (document as { industries?: { count?: unknown } } | null)?.industries?.count;
  return typeof count === 'number' && Number.isInteger(count) && count >= 1 && count <= 250 ? count : 20;
}

/** A relatedness CSV for a scenario: usually the right size, sometimes not, sometimes mutated or of the wrong kind. */
function relatednessFile(document: unknown): fc.Arbitrary<CaseFile> {
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .record({ size: fc.oneof({ weight: 4, arbitrary: fc.constant(industryCount(document)) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }) }), layout: fc.nat(), seed: fc.nat(), text: fc.array(textMutation, { maxLength: 1 }) })
        .map(({ size, layout, seed, text }): CaseFile => {
          let content: FileContent = relatednessCsv(size, layout, seed);
          for (const mutation of text) content = applyTextMutation(content, mutation);
          return { name: 'r.csv', content };
        }),
    },
    { weight: 1, arbitrary: specialKind.map((special): CaseFile => ({ name: 'r.csv', special })) },
  );
}

/** A mutated bundled scenario, validated, then (when accepted) run. */
export function scenarioCase(): fc.Arbitrary<FuzzCase> {
  const { scenarios } = seedFiles();
  return fc
    .record({
      seed: fc.integer({ min: 0, max: scenarios.length - 1 }),
      withRelatedness: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      fileKind: fc.oneof({ weight: 19, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: specialKind }),
      followUp: fc.integer({ min: 0, max: 39 }).map((n): FollowUp => (n === 0 ? 'cli' : 'model')),
    })
    .chain(({ seed, withRelatedness, fileKind, followUp }) =>
      mutatedYaml(scenarios[seed], !withRelatedness ? null : (document) => {
        const industries = (typeof document.industries === 'object' && document.industries !== null ? document.industries : {}) as Record<string, unknown>;
        return { ...document, industries: { ...industries, relatednessFile: 'r.csv' } };
      }).chain(({ content, label, document }) =>
        (withRelatedness ? relatednessFile(document).map((file) => [file]) : fc.constant([] as CaseFile[])).map(
          (extraFiles): FuzzCase => ({
            kind: 'scenario',
            label: fileKind === null ? `${label}${withRelatedness ? ' + relatedness CSV' : ''}` : `scenario file is a ${fileKind}`,
            files: [fileKind === null ? { name: 'case.yaml', content } : { name: 'case.yaml', special: fileKind }, ...extraFiles],
            argv: ['validate', '@/case.yaml'],
            followUp,
          }),
        ),
      ),
    );
}

/** The parameters an experiment may vary (number, integer, boolean, choice). */
const VARIABLE_LEAVES = PARAMETER_LEAVES.filter(([, leaf]) => leaf.kind === 'number' || leaf.kind === 'integer' || leaf.kind === 'boolean' || leaf.kind === 'choice');

/** A distribution for a factor: usually suited to the parameter and inside its range, sometimes not. */
function distributionFor(leafIndex: number): fc.Arbitrary<unknown> {
  const leaf = VARIABLE_LEAVES[leafIndex][1];
  const bad = anyValue.map((value) => ({ uniform: { min: value, max: value } }));
  if (leaf.kind === 'boolean') return fc.oneof({ weight: 4, arbitrary: fc.constant({ choice: { values: [true, false] } }) }, { weight: 1, arbitrary: bad });
  if (leaf.kind === 'choice') return fc.oneof({ weight: 4, arbitrary: fc.shuffledSubarray([...leaf.choices], { minLength: 2 }).map((values) => ({ choice: { values } })) }, { weight: 1, arbitrary: bad });
  if (leaf.kind !== 'number' && leaf.kind !== 'integer') return bad;
  const lowest = leaf.kind === 'number' && leaf.exclusiveMinimum === true ? nextUp(leaf.minimum) : leaf.minimum;
  const edge = fc.constantFrom(lowest, nextUp(lowest), leaf.maximum, nextDown(leaf.maximum), leaf.minimum - 1, leaf.maximum * 2);
  const inRange = leaf.kind === 'integer' ? fc.integer({ min: leaf.minimum, max: leaf.maximum }) : fc.double({ min: lowest, max: leaf.maximum, noNaN: true });
  const bound = fc.oneof({ weight: 3, arbitrary: inRange }, { weight: 1, arbitrary: edge });
  const pair = fc.tuple(bound, bound).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);
  return fc.oneof(
    { weight: 3, arbitrary: pair.map(([min, max]) => (leaf.kind === 'integer' ? { integer: { min, max } } : { uniform: { min, max } })) },
    { weight: 1, arbitrary: fc.tuple(pair, fc.double({ min: 1e-6, max: 100, noNaN: true })).map(([[min, max], sd]) => ({ normal: { mean: (min + max) / 2, sd, min, max } })) },
    { weight: 1, arbitrary: pair.map(([min, max]) => ({ triangular: { min, mode: (min + max) / 2, max } })) },
    { weight: 1, arbitrary: fc.array(bound, { minLength: 2, maxLength: 4 }).map((values) => ({ choice: { values } })) },
    { weight: 1, arbitrary: bad },
  );
}

/** Experiment-specific mutations: a factor, the design, replications, seed, scenario discovery. */
const experimentMutation: fc.Arbitrary<(document: Record<string, unknown>) => string> = fc.oneof(
  fc
    .tuple(fc.constantFrom('levers', 'uncertainties'), fc.integer({ min: 0, max: VARIABLE_LEAVES.length - 1 }))
    .chain(([section, index]) =>
      distributionFor(index).map((distribution) => (document: Record<string, unknown>): string => {
        const factors = (typeof document[section] === 'object' && document[section] !== null ? document[section] : {}) as Record<string, unknown>;
        document[section] = { ...factors, [VARIABLE_LEAVES[index][0]]: distribution };
        return `factor ${VARIABLE_LEAVES[index][0]}`;
      }),
    ),
  fc
    .oneof(
      fc.record({ type: fc.constant('latin-hypercube'), samples: fc.constantFrom(2, 3, 7, 1000, 0, 1, 2.5, -3, 1_000_001, '10') }),
      fc.record({ type: fc.constant('monte-carlo'), samples: fc.constantFrom(2, 5, 1000, 1e9) }),
      fc.record({ type: fc.constant('full-factorial'), levels: fc.constantFrom(2, 3, 1, 1001, 1.5) }),
      fc.record({ type: fc.constant('morris'), trajectories: fc.constantFrom(2, 4, 1, 100_001), levels: fc.constantFrom(4, 3, 2, 1002) }),
      fc.record({ type: fc.constant('sobol'), baseSamples: fc.constantFrom(2, 4, 3, 1 << 21, 0) }),
      fc.record({ type: fc.constant('csv'), file: fc.constantFrom('d.csv', 'missing.csv', '') }),
      fc.constantFrom('latin-hypercube', 'sobol', 'nope'),
    )
    .map((design) => (document: Record<string, unknown>): string => {
      if (typeof design === 'object' && 'samples' in design) {
        document.design = { type: design.type };
        document.samples = design.samples;
      } else {
        document.design = design;
        delete document.samples;
      }
      return `design ${JSON.stringify(design)}`;
    }),
  fc.tuple(fc.constantFrom('replicationsPerPoint', 'seed'), fc.oneof(fc.constantFrom(0, 1, 2, 4294967295, 4294967296, 100_001, 1.5, -1), anyValue)).map(
    ([key, value]) =>
      (document: Record<string, unknown>): string => {
        document[key] = value;
        return `${key} ${typeof value === 'object' && value !== null ? 'a collection' : String(value).slice(0, 20)}`;
      },
  ),
  fc.record({ threshold: fc.oneof(fc.double(), fc.constant(0.5)), direction: fc.constantFrom('below', 'atOrAbove', 'sideways'), peelingAlpha: fc.constantFrom(0.05, 0.5, 0, 0.49) }).map(
    (discovery) =>
      (document: Record<string, unknown>): string => {
        const outcomes = Array.isArray(document.outcomes) ? document.outcomes : [];
        const first = outcomes[0];
        const outcome = typeof first === 'string' ? first : ((first as { name?: string; reporter?: string } | undefined)?.name ?? 'output');
        document.scenarioDiscovery = { outcome, ...discovery };
        return 'scenarioDiscovery';
      },
  ),
);

/** The bundled scenario an experiment names, read from the seeds. */
function baseScenarioOf(experiment: SeedFile): SeedFile {
  const relative = String(experiment.value.scenario);
  const wanted = path.normalize(path.join(path.dirname(experiment.file), relative));
  const { scenarios } = seedFiles();
  return scenarios.find((s) => path.normalize(s.file) === wanted) ?? scenarios[0];
}

/** A CSV design for the factors of an experiment document: random rows, sometimes mutated. */
function designCsv(document: unknown): fc.Arbitrary<CaseFile> {
  const names = ['levers', 'uncertainties'].flatMap((section) => {
    const factors = (document as Record<string, unknown> | null)?.[section];
    return typeof factors === 'object' && factors !== null ? Object.keys(factors) : [];
  });
  return fc
    .record({ rows: fc.array(fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 2, 0.5, -1, 1e9)), { minLength: names.length, maxLength: names.length }), { minLength: 1, maxLength: 6 }), text: fc.array(textMutation, { maxLength: 1 }) })
    .map(({ rows, text }): CaseFile => {
      let content: FileContent = `${names.join(',')}\n${rows.map((row) => row.join(',')).join('\n')}\n`;
      for (const mutation of text) content = applyTextMutation(content, mutation);
      return { name: 'd.csv', content };
    });
}

/** A mutated bundled experiment (with its base scenario, maybe mutated too, and a CSV design), checked with --dry-run. */
export function experimentCase(): fc.Arbitrary<FuzzCase> {
  const { experiments } = seedFiles();
  return fc
    .record({
      seed: fc.integer({ min: 0, max: experiments.length - 1 }),
      specific: fc.array(experimentMutation, { maxLength: 3 }),
      baseMutations: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(structuredMutation, { minLength: 1, maxLength: 2 }) }),
      baseRelatedness: fc.integer({ min: 0, max: 14 }).map((n) => n === 0),
      specialFile: fc.oneof({ weight: 24, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom('exp.yaml', 'base.yaml', 'd.csv'), specialKind) }),
    })
    .chain(({ seed, specific, baseMutations, baseRelatedness, specialFile }) => {
      const experiment = experiments[seed];
      const base = baseScenarioOf(experiment);
      const applied: string[] = [];
      const generic = fc.oneof({ weight: 3, arbitrary: fc.constant<StructuredMutation[]>([]) }, { weight: 1, arbitrary: fc.array(genericMutation, { minLength: 1, maxLength: 2 }) });
      return mutatedYaml(
        experiment,
        (document) => {
          document.scenario = 'base.yaml';
          for (const mutation of specific) applied.push(mutation(document));
          return document;
        },
        generic,
      ).chain(({ content, label, document }) => {
        const baseDocument = applyStructuredMutations(base.value, baseMutations) as Record<string, unknown>;
        if (baseRelatedness && typeof baseDocument === 'object' && baseDocument !== null) {
          const industries = (typeof baseDocument.industries === 'object' && baseDocument.industries !== null ? baseDocument.industries : {}) as Record<string, unknown>;
          baseDocument.industries = { ...industries, relatednessFile: 'r.csv' };
        }
        const baseContent = baseMutations.length === 0 && !baseRelatedness ? base.text : toYaml(baseDocument);
        return fc.tuple(designCsv(document), baseRelatedness ? relatednessFile(baseDocument).map((f) => [f]) : fc.constant([] as CaseFile[])).map(([csv, extra]): FuzzCase => {
          let files: CaseFile[] = [{ name: 'exp.yaml', content }, { name: 'base.yaml', content: baseContent }, csv, ...extra];
          if (specialFile !== null) files = files.map((file) => (file.name === specialFile[0] ? { name: file.name, special: specialFile[1] } : file));
          return {
            kind: 'experiment',
            label: `${label}${applied.length > 0 ? `; ${applied.join(', ')}` : ''}${baseMutations.length > 0 ? '; base mutated' : ''}${baseRelatedness ? '; base reads r.csv' : ''}${specialFile !== null ? `; ${specialFile[0]} is a ${specialFile[1]}` : ''}`,
            files,
            argv: ['experiment', '@/exp.yaml', '--dry-run', '--out', '@out'],
            followUp: 'model',
          };
        });
      });
    });
}

/** The claims of a claims document (its `claims` list, or an empty list). */
function claimsOf(document: Record<string, unknown>): unknown[] {
  return Array.isArray(document.claims) ? document.claims : [];
}

/** Claim `pick` (modulo their number) as a mapping, or null when there is none. */
function pickClaim(document: Record<string, unknown>, pick: number): Record<string, unknown> | null {
  const claims = claimsOf(document);
  if (claims.length === 0) return null;
  const claim = claims[pick % claims.length];
  return typeof claim === 'object' && claim !== null && !Array.isArray(claim) ? (claim as Record<string, unknown>) : null;
}

/** A mapping held at `key` of `node` (made when absent or of another kind). */
function mappingAt(node: Record<string, unknown>, key: string): Record<string, unknown> {
  const child = node[key];
  if (typeof child === 'object' && child !== null && !Array.isArray(child)) return child as Record<string, unknown>;
  const made: Record<string, unknown> = {};
  node[key] = made;
  return made;
}

/** The arm keys of each contrast kind. */
const ARM_KEYS = ['scenario', 'reference', 'both', 'first', 'second', 'neither'] as const;

/** Scenario paths an arm, a group or a mutated file may name (relative to the claims file in `claims/`). */
const SCENARIO_PATHS = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('../missing.yaml', '../no-zone.yaml', 'baseline.yaml', '../baseline.yml', '', '.', '..', '../claims', 'c.yaml', '/dev/zero', '../calibrations/henan-posterior.csv', '../../outside.yaml', '../baseline.yaml/x') },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 1000 }).map((i) => `../${path.basename(seedFiles().scenarios[i % seedFiles().scenarios.length].file)}`) },
  { weight: 1, arbitrary: anyValue },
);

/** A value for an outcome's smallest effect: usually valid, often at or beyond an edge. */
const SMALLEST_EFFECTS = fc.oneof(
  fc.constantFrom({ relative: 0.02 }, { absolute: 1 }, { relative: 0 }, { absolute: 0 }, { relative: -0.1 }, { relative: 1e308 }, { relative: 0.02, absolute: 1 }, {}, { relative: '5%' }, { absolute: null }, 0.02, null),
  anyNumber.map((relative) => ({ relative })),
  anyNumber.map((absolute) => ({ absolute })),
  anyValue,
);

/**
 * Claims-specific mutations of a claims document: ids (unknown, duplicated, odd), arms (missing
 * files, other or mutated scenario files, a 2×2 with 3 arms), contrast kinds, outcomes (unknown
 * reporters, zone reporters, bad directions and smallest effects), windows (out of the recorded years,
 * reversed, unknown, duplicated), robustness (forms, draws, replications, ranges, posterior,
 * uncertainty out of range or inconsistent), groups (scenarios missing or empty, an unknown
 * reference), and fewer claims or no groups (which also keeps the case fast). Each returns its label
 * and any extra file it needs (a mutated copy of an arm's scenario, named relative to the case folder).
 */
const claimsMutation: fc.Arbitrary<(document: Record<string, unknown>) => { label: string; files?: CaseFile[] }> = fc.oneof(
  fc.record({ pick: fc.nat(), other: fc.nat(), value: fc.oneof(fc.constantFrom('duplicate', 'concentration-teaching', 'Not-Kebab', '', 'a'.repeat(300), 'end'), anyValue) }).map(
    ({ pick, other, value }) =>
      (document: Record<string, unknown>) => {
        const claim = pickClaim(document, pick);
        if (claim === null) return { label: 'claim id: no claim' };
        const copy = value === 'duplicate' ? (pickClaim(document, other)?.id ?? 'x') : value;
        claim.id = copy;
        return { label: `claim id ${JSON.stringify(copy)?.slice(0, 30)}` };
      },
  ),
  fc.record({ pick: fc.nat(), key: fc.constantFrom(...ARM_KEYS, 'extra'), target: SCENARIO_PATHS, remove: fc.boolean() }).map(
    ({ pick, key, target, remove }) =>
      (document: Record<string, unknown>) => {
        const claim = pickClaim(document, pick);
        if (claim === null) return { label: 'arm: no claim' };
        const arms = mappingAt(claim, 'arms');
        if (remove) delete arms[key];
        else arms[key] = target;
        return { label: remove ? `arm ${key} removed` : `arm ${key} → ${JSON.stringify(target)?.slice(0, 40)}` };
      },
  ),
  fc
    .record({ pick: fc.nat(), key: fc.constantFrom(...ARM_KEYS), seed: fc.nat(), mutations: fc.array(structuredMutation, { minLength: 1, maxLength: 3 }), text: fc.array(textMutation, { maxLength: 1 }), rename: fc.boolean() })
    .map(({ pick, key, seed, mutations, text, rename }) => (document: Record<string, unknown>) => {
      const claim = pickClaim(document, pick);
      if (claim === null) return { label: 'mutated arm: no claim' };
      const { scenarios } = seedFiles();
      const base = scenarios[seed % scenarios.length];
      const value = applyStructuredMutations(rename ? { ...base.value, name: `fuzz-arm-${seed % 1000}` } : base.value, mutations);
      let content: FileContent = toYaml(value);
      for (const mutation of text) content = applyTextMutation(content, mutation);
      const name = `arm-${seed % 1000}.yaml`;
      mappingAt(claim, 'arms')[key] = `../${name}`;
      return { label: `arm ${key} → mutated ${base.file} (${describeMutations(mutations as { op: string; path?: string }[], text)})`, files: [{ name, content }] };
    }),
  fc.record({ pick: fc.nat(), contrast: fc.oneof(fc.constantFrom('pair', 'interaction', 'triple', 'Pair', '', 'difference'), anyValue), dropFactors: fc.boolean() }).map(
    ({ pick, contrast, dropFactors }) =>
      (document: Record<string, unknown>) => {
        const claim = pickClaim(document, pick);
        if (claim === null) return { label: 'contrast: no claim' };
        claim.contrast = contrast;
        if (dropFactors) delete claim.factors;
        return { label: `contrast ${JSON.stringify(contrast)?.slice(0, 30)}${dropFactors ? ' without factors' : ''}` };
      },
  ),
  fc.record({ pick: fc.nat(), drop: fc.constantFrom('both', 'first', 'second', 'neither') }).map(
    ({ pick, drop }) =>
      (document: Record<string, unknown>) => {
        const claims = claimsOf(document);
        const interaction = claims.filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null && (c as Record<string, unknown>).contrast === 'interaction');
        if (interaction.length === 0) return { label: '2×2 with 3 arms: no 2×2 claim' };
        delete mappingAt(interaction[pick % interaction.length], 'arms')[drop];
        return { label: `2×2 with 3 arms (no ${drop})` };
      },
  ),
  fc
    .record({
      pick: fc.nat(),
      outcome: fc.nat(),
      field: fc.constantFrom('reporter', 'direction', 'smallestEffect', 'primary', 'extra', 'all', 'duplicate'),
      reporter: fc.oneof(fc.constantFrom('outputs', 'zoneOutput', 'zoneFirms', 'industryOutput', 'output', 'firms', '', 'constructor', '__proto__'), anyValue),
      direction: fc.oneof(fc.constantFrom('increase', 'decrease', 'up', 'Increase', 'both', ''), anyValue),
      smallestEffect: SMALLEST_EFFECTS,
      value: anyValue,
    })
    .map(({ pick, outcome, field, reporter, direction, smallestEffect, value }) => (document: Record<string, unknown>) => {
      const claim = pickClaim(document, pick);
      if (claim === null) return { label: 'outcome: no claim' };
      if (field === 'all') {
        claim.outcomes = value;
        return { label: `outcomes ${JSON.stringify(value)?.slice(0, 30)}` };
      }
      const outcomes = Array.isArray(claim.outcomes) ? claim.outcomes : (claim.outcomes = []);
      if (outcomes.length === 0) outcomes.push({ reporter: 'output', direction: 'increase', smallestEffect: { relative: 0.02 } });
      const index = outcome % outcomes.length;
      if (field === 'duplicate') {
        outcomes.push(JSON.parse(JSON.stringify(outcomes[index] ?? null)) as unknown);
        return { label: 'outcome duplicated' };
      }
      const target = typeof outcomes[index] === 'object' && outcomes[index] !== null ? (outcomes[index] as Record<string, unknown>) : (outcomes[index] = {});
      const set = { reporter, direction, smallestEffect, primary: value, extra: value }[field];
      target[field] = set;
      return { label: `outcome ${field} ${JSON.stringify(set)?.slice(0, 30)}` };
    }),
  fc
    .record({
      from: fc.oneof(fc.constantFrom(2010, 2012, 1900, 2099, 2031, 2009, 2009.5, 2030.75, -1e308), anyNumber),
      to: fc.oneof(fc.constantFrom(2010, 2012, 1901, 2100, 2031, 2009, 2010.25), anyNumber),
      name: fc.constantFrom('crisis', 'crisis', 'late', 'end', 'Crisis', ''),
      pick: fc.nat(),
      claimWindow: fc.oneof(fc.constantFrom('crisis', 'nope', 'end', 'late', 'duplicate'), anyValue),
      what: fc.constantFrom('window', 'window', 'claim', 'both', 'reversed'),
    })
    .map(({ from, to, name, pick, claimWindow, what }) => (document: Record<string, unknown>) => {
      const windows = mappingAt(document, 'windows');
      const labels: string[] = [];
      if (what === 'reversed') {
        const first = Object.values(windows).find((w): w is Record<string, unknown> => typeof w === 'object' && w !== null);
        if (first !== undefined) [first.from, first.to] = [first.to, first.from];
        labels.push('window reversed');
      }
      if (what === 'window' || what === 'both') {
        windows[name] = { from, to };
        labels.push(`window ${name} ${from}–${to}`);
      }
      if (what === 'claim' || what === 'both') {
        const claim = pickClaim(document, pick);
        if (claim !== null) {
          const list = Array.isArray(claim.windows) ? claim.windows : (claim.windows = []);
          if (claimWindow === 'duplicate') list.push(...list.slice(0, 1), ...list.slice(0, 1));
          else list.push(claimWindow);
          labels.push(`claim window ${JSON.stringify(claimWindow)?.slice(0, 30)}`);
        }
      }
      return { label: labels.join(', ') || 'windows unchanged' };
    }),
  fc
    .record({
      field: fc.constantFrom('draws', 'replications', 'forms', 'form', 'claimForms', 'ranges', 'range', 'posterior', 'uncertainty', 'noPosterior', 'noRanges', 'all'),
      count: fc.oneof(fc.constantFrom(0, 1, 2, 3, 1000, 100_000, 100_001, 1e9, -1, 1.5, '8', null), anyValue),
      parameter: fc.oneof(fc.constantFrom(...PARAMETER_LEAVES.map(([p]) => p)), fc.constantFrom('nope.parameter', 'zones.count', 'time.years', 'name', '__proto__', '')),
      value: fc.oneof(anyNumber, fc.constantFrom('linear', 'bounded', 'marshall', true, -5, 1e9)),
      bounds: fc.tuple(fc.oneof(anyNumber, fc.constantFrom(0, 1, 0.5)), fc.oneof(anyNumber, fc.constantFrom(0, 1, 0.5))),
      uncertainty: fc.oneof(fc.constantFrom('ranges', 'posterior', 'none', 'both', ''), anyValue),
      posterior: fc.oneof(fc.constantFrom('../missing.csv', '../calibrations/henan-posterior.csv', '../baseline.yaml', 'posterior.txt', '../calibrations', ''), anyValue),
      pick: fc.nat(),
      value2: anyValue,
    })
    .map(({ field, count, parameter, value, bounds, uncertainty, posterior, pick, value2 }) => (document: Record<string, unknown>) => {
      const robustness = mappingAt(document, 'robustness');
      const claim = pickClaim(document, pick);
      switch (field) {
        case 'draws':
        case 'replications':
          robustness[field] = count;
          return { label: `robustness.${field} ${JSON.stringify(count)?.slice(0, 30)}` };
        case 'forms':
          robustness.forms = value2;
          return { label: `robustness.forms ${JSON.stringify(value2)?.slice(0, 30)}` };
        case 'form':
          mappingAt(robustness, 'forms')[`fuzz-form`] = { [parameter]: value };
          if (claim !== null) claim.robustness = { ...(typeof claim.robustness === 'object' && claim.robustness !== null ? claim.robustness : {}), forms: ['fuzz-form'] };
          return { label: `form {${parameter}: ${String(value).slice(0, 20)}}` };
        case 'claimForms':
          if (claim !== null) claim.robustness = { forms: [value2, 'no-such-form'].slice(0, (pick % 2) + 1), uncertainty };
          return { label: `claim robustness forms ${JSON.stringify(value2)?.slice(0, 30)}` };
        case 'ranges':
          robustness.ranges = value2;
          return { label: `robustness.ranges ${JSON.stringify(value2)?.slice(0, 30)}` };
        case 'range':
          mappingAt(robustness, 'ranges')[parameter] = pick % 5 === 0 ? value2 : { min: bounds[0], max: bounds[1] };
          return { label: `range ${parameter} ${bounds[0]}–${bounds[1]}` };
        case 'posterior':
          robustness.posterior = posterior;
          return { label: `posterior ${JSON.stringify(posterior)?.slice(0, 40)}` };
        case 'uncertainty':
          if (claim !== null) claim.robustness = { ...(typeof claim.robustness === 'object' && claim.robustness !== null ? claim.robustness : {}), uncertainty };
          return { label: `uncertainty ${JSON.stringify(uncertainty)?.slice(0, 30)}` };
        case 'noPosterior':
          delete robustness.posterior;
          return { label: 'no posterior' };
        case 'noRanges':
          delete robustness.ranges;
          return { label: 'no ranges' };
        case 'all':
          document.robustness = value2;
          return { label: `robustness ${JSON.stringify(value2)?.slice(0, 30)}` };
      }
    }),
  fc
    .record({ pick: fc.nat(), what: fc.constantFrom('noScenarios', 'emptyScenarios', 'missingScenario', 'reference', 'noReference', 'duplicateName', 'all'), target: SCENARIO_PATHS, value: anyValue })
    .map(({ pick, what, target, value }) => (document: Record<string, unknown>) => {
      if (what === 'all') {
        document.groups = value;
        return { label: `groups ${JSON.stringify(value)?.slice(0, 30)}` };
      }
      const groups = Array.isArray(document.groups) ? document.groups : (document.groups = []);
      if (groups.length === 0) groups.push({ name: 'fuzz', label: 'Fuzz', reference: '../baseline.yaml', scenarios: ['../no-zones.yaml'] });
      const group = groups[pick % groups.length];
      if (typeof group !== 'object' || group === null) return { label: 'group: not a mapping' };
      const g = group as Record<string, unknown>;
      if (what === 'noScenarios') delete g.scenarios;
      else if (what === 'emptyScenarios') g.scenarios = [];
      else if (what === 'missingScenario') g.scenarios = [...(Array.isArray(g.scenarios) ? g.scenarios : []), target];
      else if (what === 'reference') g.reference = target;
      else if (what === 'noReference') delete g.reference;
      else groups.push({ ...g });
      return { label: `group ${what}${what === 'missingScenario' || what === 'reference' ? ` ${JSON.stringify(target)?.slice(0, 40)}` : ''}` };
    }),
  fc.record({ keep: fc.integer({ min: 0, max: 3 }), start: fc.nat(), dropGroups: fc.boolean() }).map(
    ({ keep, start, dropGroups }) =>
      (document: Record<string, unknown>) => {
        const claims = claimsOf(document);
        if (claims.length > 0) document.claims = Array.from({ length: Math.min(keep, claims.length) }, (_, i) => claims[(start + i) % claims.length]);
        if (dropGroups) delete document.groups;
        return { label: `${Math.min(keep, claims.length)} claim(s) kept${dropGroups ? ', no groups' : ''}` };
      },
  ),
);

/** Every string of a document that could name a file (a .yaml, .yml or .csv path of modest length). */
function fileNamesIn(document: unknown): string[] {
  const names = new Set<string>();
  const stack: unknown[] = [document];
  while (stack.length > 0 && names.size < 200) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (node.length < 300 && /\.(ya?ml|csv)$/i.test(node)) names.add(node);
    } else if (Array.isArray(node)) stack.push(...node.slice(0, 1000));
    else if (typeof node === 'object' && node !== null) stack.push(...Object.values(node).slice(0, 1000));
  }
  return [...names];
}

/** Where the claims file is written in a case folder (its scenarios one level up, as in scenarios/claims/). */
const CLAIMS_FILE = 'claims/c.yaml';

/**
 * A mutated claims file from `scenarios/claims/`, written as `claims/c.yaml` in the case folder with
 * every repository file it names (its scenarios one level up, the posterior sample under
 * `calibrations/`), at the same relative paths; sometimes one of those scenarios is mutated, one file
 * is of the wrong kind, or the posterior sample is damaged. Checked with `zonesim claims … --dry-run`
 * (sometimes with other --reps, --seed, --workers or --baseline); when accepted, two of its
 * robustness parameter sets (or its first scenario) are run for their first years in process.
 */
export function claimsCase(): fc.Arbitrary<FuzzCase> {
  const { claims } = seedFiles();
  return fc
    .record({
      seed: fc.integer({ min: 0, max: claims.length - 1 }),
      specific: fc.array(claimsMutation, { maxLength: 3 }),
      scenarioMutation: fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.record({ pick: fc.nat(), structured: fc.array(structuredMutation, { minLength: 1, maxLength: 3 }), text: fc.array(textMutation, { maxLength: 1 }) }) },
      ),
      posteriorMutation: fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: textMutation }),
      specialFile: fc.oneof({ weight: 24, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.nat(), specialKind) }),
      extraOptions: fc.oneof(
        { weight: 6, arbitrary: fc.constant([] as string[]) },
        { weight: 1, arbitrary: fc.constantFrom(['--reps', '2'], ['--reps', '100000'], ['--reps', '0'], ['--seed', '4294967295'], ['--workers', '1'], ['--baseline', 'nope'], ['--baseline', 'no-zones'], ['--record', 'all'], ['--shard', '1/2'], ['--quiet']) },
      ),
    })
    .chain(({ seed, specific, scenarioMutation, posteriorMutation, specialFile, extraOptions }) => {
      const claimsSeed = claims[seed];
      const generic = fc.oneof({ weight: 4, arbitrary: fc.constant<StructuredMutation[]>([]) }, { weight: 1, arbitrary: fc.array(genericMutation, { minLength: 1, maxLength: 2 }) });
      const applied: string[] = [];
      const extraFiles: CaseFile[] = [];
      return mutatedYaml(
        claimsSeed,
        specific.length === 0
          ? null
          : (document) => {
              for (const mutation of specific) {
                const { label, files } = mutation(document);
                applied.push(label);
                extraFiles.push(...(files ?? []));
              }
              return document;
            },
        generic,
      ).map(({ content, label, document }): FuzzCase => {
        // The repository files the (mutated) claims file names, at the same place relative to it.
        const seedFolder = path.dirname(claimsSeed.file);
        const files = new Map<string, CaseFile>();
        for (const written of fileNamesIn(document)) {
          if (path.isAbsolute(written)) continue;
          const name = path.normalize(path.join(path.dirname(CLAIMS_FILE), written));
          if (name.startsWith('..') || files.has(name)) continue;
          const text = repositoryFileText(path.join(seedFolder, written));
          if (text !== null) files.set(name, { name, content: text });
        }
        for (const file of extraFiles) files.set(file.name, file);
        const notes: string[] = [];
        const scenarioNames = [...files.keys()].filter((name) => /\.ya?ml$/i.test(name));
        if (scenarioMutation !== null && scenarioNames.length > 0) {
          const name = scenarioNames[scenarioMutation.pick % scenarioNames.length];
          const original = files.get(name)!;
          const value = 'content' in original && typeof original.content === 'string' ? (parseYamlOrNull(original.content) ?? {}) : {};
          let mutated: FileContent = toYaml(applyStructuredMutations(value, scenarioMutation.structured));
          for (const mutation of scenarioMutation.text) mutated = applyTextMutation(mutated, mutation);
          files.set(name, { name, content: mutated });
          notes.push(`${name} mutated (${describeMutations(scenarioMutation.structured as { op: string; path?: string }[], scenarioMutation.text)})`);
        }
        const csvNames = [...files.keys()].filter((name) => name.endsWith('.csv'));
        if (posteriorMutation !== null && csvNames.length > 0) {
          const original = files.get(csvNames[0])!;
          if ('content' in original) files.set(original.name, { name: original.name, content: applyTextMutation(original.content, posteriorMutation) });
          notes.push(`${csvNames[0]}: ${posteriorMutation.op}`);
        }
        const all: CaseFile[] = [{ name: CLAIMS_FILE, content }, ...files.values()];
        if (specialFile !== null) {
          const target = all[specialFile[0] % all.length].name;
          const index = all.findIndex((f) => f.name === target);
          all[index] = { name: target, special: specialFile[1] };
          notes.push(`${target} is a ${specialFile[1]}`);
        }
        return {
          kind: 'claims',
          label: `${label}${applied.length > 0 ? `; ${applied.join(', ')}` : ''}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}${extraOptions.length > 0 ? `; ${extraOptions.join(' ')}` : ''}`,
          files: all,
          argv: ['claims', `@/${CLAIMS_FILE}`, '--dry-run', '--out', '@out', ...extraOptions],
          followUp: 'model',
        };
      });
    });
}

/** A YAML text parsed to a mapping, or null (for the fuzz suite's own copies of bundled files). */
function parseYamlOrNull(text: string): Record<string, unknown> | null {
  try {
    const value = parseYaml(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A small scenario (2 years, 4 zones, 60 firms): fast to run for real. */
export const TINY_SCENARIO = [
  'name: tiny',
  'description: A tiny province for fuzz runs',
  'time:',
  '  years: 2',
  'zones:',
  '  count: 4',
  'firms:',
  '  initialCount: 60',
  'projects:',
  '  perYear: 60',
  '',
].join('\n');

/**
 * A small experiment on a small base scenario, mutated within what stays fast (1–2 factors, 2–4
 * points, 1 replication), run for real through `zonesim experiment` with its analysis and report.
 */
export function experimentRunCase(): fc.Arbitrary<FuzzCase> {
  const { experiments } = seedFiles();
  return fc
    .record({
      seed: fc.integer({ min: 0, max: experiments.length - 1 }),
      factors: fc.array(fc.tuple(fc.constantFrom('levers', 'uncertainties'), fc.integer({ min: 0, max: VARIABLE_LEAVES.length - 1 })), { minLength: 1, maxLength: 2 }),
      design: fc.constantFrom({ design: 'monte-carlo', samples: 2 }, { design: 'latin-hypercube', samples: 3 }, { design: { type: 'full-factorial', levels: 2 } }, { design: { type: 'morris', trajectories: 2, levels: 2 } }),
      baseMutations: fc.array(structuredMutation, { maxLength: 2 }),
    })
    .chain(({ seed, factors, design, baseMutations }) =>
      fc.tuple(...factors.map(([, index]) => distributionFor(index))).map((distributions): FuzzCase => {
        const experiment = experiments[seed].value;
        const document: Record<string, unknown> = {
          name: 'fuzz-run',
          description: `Small run of ${experiments[seed].file}`,
          scenario: 'base.yaml',
          outcomes: experiment.outcomes,
          replicationsPerPoint: 1,
          seed: 7,
          ...design,
        };
        factors.forEach(([section, index], i) => {
          const factorsOfSection = (document[section] ?? {}) as Record<string, unknown>;
          document[section] = { ...factorsOfSection, [VARIABLE_LEAVES[index][0]]: distributions[i] };
        });
        const base = applyStructuredMutations({ ...(JSON.parse(JSON.stringify(seedFiles().scenarios[0].value)) as Record<string, unknown>), name: 'tiny', time: { years: 2 }, firms: { initialCount: 60 }, projects: { perYear: 60 } }, baseMutations);
        return {
          kind: 'experiment-run',
          label: `small run of ${experiments[seed].file}: ${factors.map(([s, i]) => `${s} ${VARIABLE_LEAVES[i][0]}`).join(', ')}; ${JSON.stringify(design)}${baseMutations.length > 0 ? `; base ${describeMutations(baseMutations as { op: string; path?: string }[], [])}` : ''}`,
          files: [{ name: 'exp.yaml', content: toYaml(document) }, { name: 'base.yaml', content: toYaml(base) }],
          argv: ['experiment', '@/exp.yaml', '--dry-run', '--out', '@out'],
          followUp: 'cli',
        };
      }),
    );
}

/** Option values: valid ones (small, so that accepted runs stay short) and many invalid ones. */
const OPTION_VALUES: Readonly<Record<string, readonly string[]>> = {
  '--reps': ['1', '2', '0', '-1', '1.5', 'abc', '', ' 2 ', '1e3', '100001', '0x10', 'NaN', 'Infinity', '2\n3', '9'.repeat(400), '１'],
  '--seed': ['0', '7', '4294967295', '4294967296', '-1', 'abc', '1.5', '', '1e3', '007', '9'.repeat(400), 'Infinity'],
  '--workers': ['1', '2', '1024', '1025', '0', '1.5', 'two', ''],
  '--out': ['@out', '@out/nested/deeper', '/proc/zonesim-fuzz', '@/tiny.yaml', '@/tiny.yaml/x', '', '\u0000'],
  '--record': ['final', 'all', 'zones', 'zones,industries', 'ALL', '', 'none'],
  '--images': ['key', 'all', 'none', 'some'],
  '--image-formats': ['svg', 'png,svg', 'svg,svg', 'gif', ''],
  '--shard': ['1/1', '1/2', '2/2', '3/2', '0/1', 'a/b', '1/100001', '1/0', '1/2/3', ''],
  '--baseline': ['tiny', 'nope', '', 'baseline'],
  '--from': ['@out', '@/folder', '@/tiny.yaml', ''],
};
const FLAGS = ['--no-report', '--quiet', '-q', '--dry-run', '--bogus', '-x', '--help', '--version', '--', '-r', '--reps=2', '--seed=-5'];

/** A command line: a command, its files (good, missing or of the wrong kind) and a mix of options. */
export function optionsCase(): fc.Arbitrary<FuzzCase> {
  const option = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...Object.keys(OPTION_VALUES)).chain((name) => fc.constantFrom(...OPTION_VALUES[name]).map((value) => [name, value])) },
    { weight: 1, arbitrary: fc.constantFrom(...FLAGS).map((flag) => [flag]) },
  );
  const positional = fc.constantFrom('@/tiny.yaml', '@/tiny-exp.yaml', '@/tiny-cal.yaml', '@/tiny-claims.yaml', '@/missing.yaml', '@/folder', '@/fifo', '/dev/zero', '@out', '');
  return fc
    .record({
      command: fc.constantFrom('validate', 'list', 'run', 'compare', 'experiment', 'calibrate', 'claims', 'merge', 'bundled', 'frobnicate', '', 'help'),
      positionals: fc.array(positional, { maxLength: 2 }),
      options: fc.array(option, { maxLength: 4 }),
    })
    .map(({ command, positionals, options }): FuzzCase => {
      const argv = [command, ...positionals, ...options.flat()].filter((token, index) => index > 0 || token !== '');
      // Runs always get an --out in the case folder (their default folder is under the working
      // directory), and `bundled` (every bundled scenario) only with a bad --reps, so it stops at once.
      const runs = ['run', 'compare', 'bundled', 'experiment', 'calibrate', 'claims', 'merge'].includes(command);
      if (runs && !argv.includes('--out')) argv.push('--out', '@out');
      if (command === 'bundled') argv.push('--reps', '0');
      if (command === 'merge' && argv.length === 1) argv.push('@/folder');
      return {
        kind: 'options',
        label: `zonesim ${argv.map((a) => (a.length > 30 ? `${a.slice(0, 27)}…` : a)).join(' ')}`,
        files: [
          { name: 'tiny.yaml', content: TINY_SCENARIO },
          { name: 'tiny-exp.yaml', content: 'name: tiny-exp\ndescription: d\nscenario: tiny.yaml\nlevers:\n  guarantees.feeRate:\n    uniform: { min: 0, max: 0.05 }\noutcomes: [output]\ndesign: monte-carlo\nsamples: 2\n' },
          // One generation of 10 candidates of the tiny province: a whole calibration in about a second.
          {
            name: 'tiny-cal.yaml',
            content:
              'name: tiny-cal\ndescription: d\nscenario: tiny.yaml\nparameters:\n  firms.exitHazard: { uniform: { min: 0.01, max: 0.1 } }\n' +
              'targets:\n  - { name: firms, figure: 100, tolerance: 0.1, model: { reporter: firms, end: 2010 } }\nmethod: { populationSize: 10, maxGenerations: 1, maxSimulations: 10 }\n',
          },
          // A claims file over the tiny province with and without zones (no robustness variants).
          { name: 'tiny-nz.yaml', content: TINY_SCENARIO.replace('name: tiny', 'name: tiny-nz').replace('count: 4', 'count: 0') },
          {
            name: 'tiny-claims.yaml',
            content:
              'name: tiny-claims\ndescription: d\nclaims:\n  - id: zones\n    title: Zones\n    words: { zh: 集中, en: Together. }\n    rules: [R2]\n    contrast: pair\n' +
              '    arms: { scenario: tiny.yaml, reference: tiny-nz.yaml }\n    outcomes:\n      - { reporter: output, direction: increase, smallestEffect: { relative: 0.02 }, primary: true }\n',
          },
          { name: 'folder', special: 'folder' },
          { name: 'fifo', special: 'fifo' },
        ],
        argv,
        followUp: 'none',
      };
    });
}

/** Any case, in the proportions of the long run: scenarios, experiments, claims files, small experiment runs, command lines. */
export function anyFuzzCase(): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    { weight: 12, arbitrary: scenarioCase() },
    { weight: 5, arbitrary: experimentCase() },
    { weight: 2, arbitrary: claimsCase() },
    { weight: 1, arbitrary: experimentRunCase() },
    { weight: 3, arbitrary: optionsCase() },
  );
}
