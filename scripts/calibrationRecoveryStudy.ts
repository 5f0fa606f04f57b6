/**
 * The recovery study of the calibration on zonesim itself (docs/calibration.md, "Does it recover the
 * truth?"): simulation-based calibration of a calibration file's free parameters.
 *
 *   npm run calibrate:sbc                                   40 data sets of scenarios/calibrations/recovery-small.yaml
 *   npm run calibrate:sbc -- --datasets 20 --seed 7 --file <calibration.yaml> --out <folder>
 *
 * For each data set it draws parameters from the priors, simulates one replication of the scenario
 * with them, calibrates to those synthetic figures with the file's method, and records whether the
 * 90 % posterior interval covers the truth and whether each parameter counts as identified. Writes
 * `datasets.csv` (one row per data set and parameter) and `summary.json` to the output folder
 * (default reports/calibration-recovery/<calibration name>/) and prints the verdict. Takes about 20 s
 * a data set for the bundled file on one core of a quiet machine.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calibrationRecoveryProblem } from '../src/calibration/calibrationRecoveryProblem.ts';
import { loadCalibrationFile } from '../src/calibration/loadCalibrationFile.ts';
import { IDENTIFICATION_SPREAD_RATIO } from '../src/calibration/posteriorSummary.ts';
import { runRecoveryStudy, type DatasetRecovery } from '../src/calibration/simulationBasedCalibration.ts';
import { ScenarioError } from '../src/scenario/scenarioError.ts';

const DEFAULT_FILE = 'scenarios/calibrations/recovery-small.yaml';

/**
 * Wilson score interval of a binomial proportion at 95 % (Wilson 1927): where the true coverage
 * plausibly lies given `successes` of `trials`.
 *
 * @example wilsonInterval(36, 40) // [0.77, 0.96]
 */
export function wilsonInterval(successes: number, trials: number): [number, number] {
  const z = 1.959963984540054;
  const p = successes / trials;
  const centre = (p + (z * z) / (2 * trials)) / (1 + (z * z) / trials);
  const half = (z / (1 + (z * z) / trials)) * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials));
  return [centre - half, centre + half];
}

function parseArguments(argv: readonly string[]): { file: string; datasets: number; seed: number; out: string | null } {
  const options = { file: DEFAULT_FILE, datasets: 40, seed: 2009, out: null as string | null };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`calibrate:sbc: ${flag} needs a value`);
    if (flag === '--file') options.file = value;
    else if (flag === '--out') options.out = value;
    else if (flag === '--datasets' || flag === '--seed') {
      const number = Number(value);
      if (!Number.isInteger(number) || number < (flag === '--datasets' ? 1 : 0)) throw new Error(`calibrate:sbc: ${flag} must be a non-negative integer, found ${value}`);
      if (flag === '--datasets') options.datasets = number;
      else options.seed = number;
    } else throw new Error(`calibrate:sbc: unknown option ${flag} (options: --file, --datasets, --seed, --out)`);
  }
  return options;
}

function csvRows(results: readonly DatasetRecovery[], names: readonly string[]): string {
  const header = 'dataset,parameter,truth,posterior_mean,posterior_sd,lower_5,upper_95,covered,rank,spread_ratio,identified,final_tolerance,generations,candidates,stop';
  const rows = results.flatMap((r) =>
    names.map((name, j) => {
      const p = r.posterior[j];
      return [r.dataset, name, r.truth[j], p.mean, p.standardDeviation, p.lower, p.upper, r.covered[j], r.ranks[j], p.spreadRatio, p.identified, r.finalTolerance, r.generations, r.candidatesUsed, r.stop?.reason ?? ''].join(',');
    }),
  );
  return `${[header, ...rows].join('\n')}\n`;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const loaded = await loadCalibrationFile(options.file);
  const problem = calibrationRecoveryProblem(loaded);
  const names = problem.parameters.map((p) => p.name);
  const out = options.out ?? path.join('reports', 'calibration-recovery', loaded.definition.name);
  const started = Date.now();
  const cpuStart = process.cpuUsage();
  process.stderr.write(`recovery study: ${options.datasets} data sets of ${options.file} (seed ${options.seed}), writing ${out}/\n`);
  const study = await runRecoveryStudy(problem, {
    datasets: options.datasets,
    seed: options.seed,
    onDataset: (r) => {
      const covered = r.covered.map((c) => (c === null ? '-' : c ? 'in' : 'OUT')).join(' ');
      process.stderr.write(`  data set ${r.dataset + 1}/${options.datasets}: ${covered}; ε = ${r.finalTolerance.toPrecision(3)} after ${r.generations} generations (${r.stop?.reason}); ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    },
  });
  const cpu = process.cpuUsage(cpuStart);
  const intervals = study.datasets.length * names.length;
  const covered = Math.round(study.coverage * intervals);
  const summary = {
    file: options.file,
    seed: options.seed,
    datasets: study.datasets.length,
    coverage: study.coverage,
    coverageInterval95: wilsonInterval(covered, intervals),
    identificationSpreadRatio: IDENTIFICATION_SPREAD_RATIO,
    parameters: study.parameters.map((p, j) => ({
      ...p,
      coverageInterval95: wilsonInterval(study.datasets.filter((d) => d.covered[j]).length, study.datasets.length),
      rankHistogram: [0, 1, 2, 3, 4].map((bin) => study.datasets.filter((d) => Math.min(4, Math.floor(d.ranks[j] * 5)) === bin).length),
    })),
    medianFinalTolerance: [...study.datasets.map((d) => d.finalTolerance)].sort((a, b) => a - b)[Math.floor(study.datasets.length / 2)],
    meanCandidates: study.datasets.reduce((s, d) => s + d.candidatesUsed, 0) / study.datasets.length,
    wallSeconds: (Date.now() - started) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'datasets.csv'), csvRows(study.datasets, names));
  await writeFile(path.join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  const percent = (x: number) => `${(100 * x).toFixed(1)} %`;
  process.stdout.write(`\ncoverage of the nominal 90 % intervals: ${percent(study.coverage)} of ${intervals} (95 % CI ${summary.coverageInterval95.map(percent).join(' to ')})\n`);
  for (const p of summary.parameters) {
    process.stdout.write(
      `  ${p.name}: coverage ${percent(p.coverage)} (CI ${p.coverageInterval95.map(percent).join(' to ')}), median posterior/prior sd ${p.medianSpreadRatio.toFixed(2)}, ` +
        `identified (sd ratio ≤ ${IDENTIFICATION_SPREAD_RATIO}) in ${percent(p.identifiedShare)} of data sets: ${p.identified ? 'identified' : 'NOT identified (posterior ≈ prior)'}; truth rank quintiles ${p.rankHistogram.join('/')}\n`,
    );
  }
  process.stdout.write(`${summary.wallSeconds.toFixed(0)} s wall, ${summary.cpuSeconds.toFixed(0)} s CPU\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ScenarioError || (error instanceof Error && error.message.startsWith('calibrate:sbc')) ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
