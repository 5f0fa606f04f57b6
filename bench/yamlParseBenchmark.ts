/**
 * Benchmark of the YAML front end on files with many keys (`npm run bench:yaml`; never used for timed
 * assertions in tests). Issue 11, D7: the yaml package's duplicate-key check (`uniqueKeys: true`)
 * compares every pair of keys of a mapping, so 40,000 keys took 16 s; `parseScenarioYaml` finds
 * duplicates in one pass. Measured in one process, the two methods interleaved round by round, wall
 * and CPU time per parse, medians; the yaml check's time grows about 4× per doubling of the keys, ours
 * about 2×.
 *
 * Prints a Markdown table to stdout.
 */
import { parseDocument } from 'yaml';
import { parseScenarioYaml } from '../src/scenario/parseScenarioYaml.ts';

/** A mapping of `count` distinct keys under one group, as a scenario file could (wrongly) hold. */
function manyKeys(count: number): string {
  return `name: many\ndescription: many keys\nzones:\n${Array.from({ length: count }, (_, i) => `  k${i}: ${i}`).join('\n')}\n`;
}

interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}

function time(action: () => void): Timing {
  const cpu = process.cpuUsage();
  const started = performance.now();
  action();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const ROUNDS = 3;
const SIZES = [5_000, 10_000, 20_000, 40_000];
/** The pairwise check is only timed up to this size (40,000 keys take a quarter of a minute each). */
const PAIRWISE_UP_TO = 40_000;

const rows: string[] = [];
for (const size of SIZES) {
  const text = manyKeys(size);
  const ours: Timing[] = [];
  const pairwise: Timing[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(
      time(() => {
        // The unknown keys are the validator's business; the parse itself must succeed.
        parseScenarioYaml(text, 'many.yaml');
      }),
    );
    if (size <= PAIRWISE_UP_TO) {
      pairwise.push(
        time(() => {
          const document = parseDocument(text, { uniqueKeys: true });
          if (document.errors.length > 0) throw new Error(document.errors[0].message);
        }),
      );
    }
  }
  const oursWall = median(ours.map((t) => t.wallMs));
  const oursCpu = median(ours.map((t) => t.cpuMs));
  const pairwiseWall = pairwise.length > 0 ? median(pairwise.map((t) => t.wallMs)) : Number.NaN;
  const pairwiseCpu = pairwise.length > 0 ? median(pairwise.map((t) => t.cpuMs)) : Number.NaN;
  const cell = (value: number): string => (Number.isFinite(value) ? value.toFixed(0) : '—');
  rows.push(
    `| ${size.toLocaleString('en')} | ${cell(oursWall)} | ${cell(oursCpu)} | ${cell(pairwiseWall)} | ${cell(pairwiseCpu)} | ${Number.isFinite(pairwiseCpu) ? (pairwiseCpu / oursCpu).toFixed(1) : '—'} |`,
  );
  process.stderr.write(`yaml bench: ${size} keys done\n`);
}

process.stdout.write(
  [
    `YAML parse of one mapping with many keys: medians of ${ROUNDS} interleaved rounds, milliseconds (node ${process.version})`,
    '',
    '| keys | parseScenarioYaml wall | CPU | yaml uniqueKeys wall | CPU | CPU ratio |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
