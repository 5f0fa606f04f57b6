import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { replicationSeed } from '../model/randomStreams.ts';
import { simulateModel } from '../model/simulateModel.ts';
import type { ModelState } from '../model/modelState.ts';
import { createReporterCollector } from '../outcomes/collectReporters.ts';
import type { LoadedScenario } from '../scenario/loadScenarioFile.ts';
import { csvField, TIDY_CSV_HEADER, tidyCsvLines } from './tidyCsv.ts';

/** What `runScenarios` needs. */
export interface RunScenariosOptions {
  readonly scenarios: readonly LoadedScenario[];
  /** Replications per scenario (≥ 1). */
  readonly replications: number;
  /** Base seed; replication r uses replicationSeed(baseSeed, r) in every scenario. */
  readonly baseSeed: number;
  /** Output folder (created if needed). */
  readonly outDir: string;
  /** Facts for the manifest that the caller knows (version, commit, command line). */
  readonly provenance: { zonesimVersion: string; gitCommit: string | null; command: string };
  /** Called after each finished replication. */
  readonly onReplicationDone?: (done: number, total: number) => void;
}

/** Summary returned to the caller and written (with more detail) to manifest.json. */
export interface RunSummary {
  readonly outDir: string;
  readonly files: readonly string[];
  readonly replicationsRun: number;
  readonly wallTimeSeconds: number;
}

/**
 * Run every scenario for `replications` replications and write, into `outDir`:
 * - `results.csv`: tidy long results (see tidyCsv.ts), written as each replication finishes;
 * - `zones.csv` and `industries.csv`: each replication's zone layout and industry attributes;
 * - `scenarios/<name>.yaml`: the scenario files as run;
 * - `manifest.json`: version, commit, scenario content hashes, seeds, Node version, wall time.
 *
 * Replication r of every scenario uses the same seed (common random numbers), derived from
 * (baseSeed, r) only. Only one replication's state is held in memory at a time.
 */
export async function runScenarios(options: RunScenariosOptions): Promise<RunSummary> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  await mkdir(path.join(options.outDir, 'scenarios'), { recursive: true });
  const results = createWriteStream(path.join(options.outDir, 'results.csv'));
  const zonesCsv = createWriteStream(path.join(options.outDir, 'zones.csv'));
  const industriesCsv = createWriteStream(path.join(options.outDir, 'industries.csv'));
  await write(results, `${TIDY_CSV_HEADER}\n`);
  await write(zonesCsv, 'scenario,replication,seed,zone,x_km,y_km,planned_ha,leading_industries\n');
  await write(
    industriesCsv,
    'scenario,replication,seed,industry,name,chain,growth_per_year,land_ha_per_mcny,jobs_per_mcny,capital_output_ratio,pollution_t_per_mcny,credit_dependence\n',
  );
  const total = options.scenarios.length * options.replications;
  let done = 0;
  const seeds: number[] = [];
  for (let r = 0; r < options.replications; r++) seeds.push(replicationSeed(options.baseSeed, r));
  const timings: Record<string, number> = {};
  for (const scenario of options.scenarios) {
    const scenarioStarted = Date.now();
    await writeFile(path.join(options.outDir, 'scenarios', `${scenario.name}.yaml`), scenario.sourceText);
    for (let r = 0; r < options.replications; r++) {
      const seed = seeds[r];
      const collect = createReporterCollector();
      let chunk = '';
      const finalState = simulateModel(scenario.modelInput, seed, (state) => {
        chunk += tidyCsvLines(scenario.name, r, seed, collect(state));
      });
      await write(results, chunk);
      await write(zonesCsv, zoneLines(scenario.name, r, seed, finalState));
      await write(industriesCsv, industryLines(scenario.name, r, seed, finalState));
      done++;
      options.onReplicationDone?.(done, total);
    }
    timings[scenario.name] = (Date.now() - scenarioStarted) / 1000;
  }
  await Promise.all([close(results), close(zonesCsv), close(industriesCsv)]);
  const wallTimeSeconds = (Date.now() - started) / 1000;
  const manifest = {
    zonesimVersion: options.provenance.zonesimVersion,
    gitCommit: options.provenance.gitCommit,
    command: options.provenance.command,
    nodeVersion: process.version,
    platform: `${process.platform}-${process.arch}`,
    startedAt,
    wallTimeSeconds,
    baseSeed: options.baseSeed,
    replications: options.replications,
    seeds: seeds.map((seed, index) => ({ replication: index, seed })),
    scenarios: options.scenarios.map((s) => ({
      name: s.name,
      description: s.description,
      file: s.file,
      contentHash: s.contentHash,
      wallTimeSeconds: timings[s.name],
    })),
    files: {
      'results.csv': `tidy long results: ${TIDY_CSV_HEADER}`,
      'zones.csv': 'zone layout per scenario and replication',
      'industries.csv': 'industry attributes per scenario and replication',
    },
  };
  await writeFile(path.join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    outDir: options.outDir,
    files: ['results.csv', 'zones.csv', 'industries.csv', 'manifest.json'],
    replicationsRun: total,
    wallTimeSeconds,
  };
}

function zoneLines(scenario: string, r: number, seed: number, state: ModelState): string {
  const zones = state.zones;
  const k = state.industries.count;
  let out = '';
  for (let z = 0; z < zones.count; z++) {
    const leading: string[] = [];
    for (let j = 0; j < k; j++) if (zones.leading[z * k + j] === 1) leading.push(state.industries.names[j]);
    out += `${csvField(scenario)},${r},${seed},${z},${zones.x[z]},${zones.y[z]},${zones.plannedHa[z]},${csvField(leading.join(';'))}\n`;
  }
  return out;
}

function industryLines(scenario: string, r: number, seed: number, state: ModelState): string {
  const ind = state.industries;
  let out = '';
  for (let j = 0; j < ind.count; j++) {
    out += `${csvField(scenario)},${r},${seed},${j},${csvField(ind.names[j])},${ind.chain[j]},${ind.growth[j]},${ind.landIntensity[j]},${ind.labourIntensity[j]},${ind.capitalIntensity[j]},${ind.pollutionIntensity[j]},${ind.creditDependence[j]}\n`;
  }
  return out;
}

function write(stream: WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (text.length === 0) return resolve();
    stream.once('error', reject);
    const ok = stream.write(text, () => {
      stream.off('error', reject);
    });
    if (ok) resolve();
    else stream.once('drain', () => resolve());
  });
}

function close(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}
