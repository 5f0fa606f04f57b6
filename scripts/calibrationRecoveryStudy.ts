/**
 * The recovery study of the calibration (docs/calibration.md, "Does it recover the truth?"):
 * simulation-based calibration of a calibration file's free parameters, or of the conjugate
 * normal-mean problem whose posterior is known.
 *
 *   npm run calibrate:sbc                                   40 data sets of scenarios/calibrations/recovery-small.yaml
 *   npm run calibrate:sbc -- --datasets 20 --seed 7 --file <calibration.yaml> --out <folder>
 *   npm run calibrate:sbc -- --problem normal [--replications 4] [--crn] [--average]
 *
 * For each data set it draws parameters from the priors, simulates one replication with them,
 * calibrates to those synthetic figures with the file's method, and records whether the 90 %
 * posterior interval covers the truth and whether each parameter counts as identified.
 * `--replications R`, `--crn` (common random numbers) and `--average` (averageStatistics) replace the
 * method's settings, to measure what they do to the posterior. Writes `datasets.csv` (one row per data
 * set and parameter) and `summary.json` to the output folder (default
 * reports/calibration-recovery/<name>/) and prints the verdict. About 20 s of CPU a data set for the
 * bundled file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calibrationRecoveryProblem } from '../src/calibration/calibrationRecoveryProblem.ts';
import { conjugateNormalProblem } from '../src/calibration/conjugateNormalProblem.ts';
import { loadCalibrationFile } from '../src/calibration/loadCalibrationFile.ts';
import { IDENTIFICATION_SPREAD_RATIO } from '../src/calibration/posteriorSummary.ts';
import { runRecoveryStudy, type DatasetRecovery, type RecoveryProblem } from '../src/calibration/simulationBasedCalibration.ts';
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

interface StudyOptions {
  file: string;
  problem: 'file' | 'normal';
  datasets: number;
  seed: number;
  out: string | null;
  replications: number | null;
  crn: boolean;
  average: boolean;
}

function parseArguments(argv: readonly string[]): StudyOptions {
  const options: StudyOptions = { file: DEFAULT_FILE, problem: 'file', datasets: 40, seed: 2009, out: null, replications: null, crn: false, average: false };
  const integer = (flag: string, value: string | undefined, minimum: number): number => {
    const number = Number(value);
    if (value === undefined || !Number.isInteger(number) || number < minimum) throw new Error(`calibrate:sbc: ${flag} must be an integer ≥ ${minimum}, found ${value}`);
    return number;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--crn') options.crn = true;
    else if (flag === '--average') options.average = true;
    else if (flag === '--file' || flag === '--out' || flag === '--problem') {
      const value = argv[++i];
      if (value === undefined) throw new Error(`calibrate:sbc: ${flag} needs a value`);
      if (flag === '--file') options.file = value;
      else if (flag === '--out') options.out = value;
      else if (value === 'file' || value === 'normal') options.problem = value;
      else throw new Error(`calibrate:sbc: --problem must be file or normal, found ${value}`);
    } else if (flag === '--datasets') options.datasets = integer(flag, argv[++i], 1);
    else if (flag === '--seed') options.seed = integer(flag, argv[++i], 0);
    else if (flag === '--replications') options.replications = integer(flag, argv[++i], 1);
    else throw new Error(`calibrate:sbc: unknown option ${flag} (options: --file, --problem, --datasets, --seed, --replications, --crn, --average, --out)`);
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
  const settings = { ...(options.replications === null ? {} : { replications: options.replications }), commonRandomNumbers: options.crn };
  let problem: RecoveryProblem;
  let name: string;
  if (options.problem === 'normal') {
    problem = conjugateNormalProblem({ averageReplications: options.average, settings });
    name = 'conjugate-normal';
  } else {
    const loaded = await loadCalibrationFile(options.file);
    problem = calibrationRecoveryProblem(loaded, settings, options.average ? 'averageStatistics' : undefined);
    name = loaded.definition.name;
  }
  const variant = `${options.replications === null ? '' : `-r${options.replications}`}${options.crn ? '-crn' : ''}${options.average ? '-average' : ''}`;
  const names = problem.parameters.map((p) => p.name);
  const out = options.out ?? path.join('reports', 'calibration-recovery', `${name}${variant}`);
  const started = Date.now();
  const cpuStart = process.cpuUsage();
  process.stderr.write(`recovery study: ${options.datasets} data sets of ${options.problem === 'normal' ? 'the conjugate normal problem' : options.file}${variant} (seed ${options.seed}), writing ${out}/\n`);
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
    problem: options.problem === 'normal' ? 'conjugate normal mean' : options.file,
    replications: problem.settings.replications,
    commonRandomNumbers: problem.settings.commonRandomNumbers,
    averageStatistics: options.average,
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
