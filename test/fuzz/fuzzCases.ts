/**
 * The cases of the fuzz suite, as fast-check arbitraries: mutated scenario files (with relatedness
 * CSVs), mutated experiment files (with their base scenarios and CSV designs), small experiments that
 * are run for real, command lines with good and bad option values, and files of the wrong kind (a
 * folder, a named pipe, /dev/zero, a missing file, a sparse 2 GiB file, a symbolic-link loop).
 *
 * A case is plain data: the files to write into a fresh case folder and the command line to run, in
 * which `@/name` stands for a file of the case folder and `@out` for the case's output folder.
 */
import path from 'node:path';
import fc from 'fast-check';
import {
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
import { seedFiles, type SeedFile } from './fuzzInputs.ts';

/** File kinds that are not a readable text file. */
export type SpecialFileKind = 'folder' | 'fifo' | 'missing' | 'sparse-huge' | 'symlink-loop' | 'dev-zero' | 'proc-file';

/** A file of a case: content to write, or a special kind of file to make. */
export type CaseFile = { readonly name: string; readonly content: FileContent } | { readonly name: string; readonly special: SpecialFileKind };

/** What to do after the command exits 0. */
export type FollowUp = 'none' | 'model' | 'cli';

/** One fuzz case. */
export interface FuzzCase {
  readonly kind: 'scenario' | 'experiment' | 'experiment-run' | 'options';
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
  const positional = fc.constantFrom('@/tiny.yaml', '@/tiny-exp.yaml', '@/tiny-cal.yaml', '@/missing.yaml', '@/folder', '@/fifo', '/dev/zero', '@out', '');
  return fc
    .record({
      command: fc.constantFrom('validate', 'list', 'run', 'compare', 'experiment', 'calibrate', 'merge', 'bundled', 'frobnicate', '', 'help'),
      positionals: fc.array(positional, { maxLength: 2 }),
      options: fc.array(option, { maxLength: 4 }),
    })
    .map(({ command, positionals, options }): FuzzCase => {
      const argv = [command, ...positionals, ...options.flat()].filter((token, index) => index > 0 || token !== '');
      // Runs always get an --out in the case folder (their default folder is under the working
      // directory), and `bundled` (every bundled scenario) only with a bad --reps, so it stops at once.
      const runs = ['run', 'compare', 'bundled', 'experiment', 'calibrate', 'merge'].includes(command);
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
          { name: 'folder', special: 'folder' },
          { name: 'fifo', special: 'fifo' },
        ],
        argv,
        followUp: 'none',
      };
    });
}

/** Any case, in the proportions of the long run: scenarios, experiments, small experiment runs, command lines. */
export function anyFuzzCase(): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    { weight: 12, arbitrary: scenarioCase() },
    { weight: 5, arbitrary: experimentCase() },
    { weight: 1, arbitrary: experimentRunCase() },
    { weight: 3, arbitrary: optionsCase() },
  );
}
