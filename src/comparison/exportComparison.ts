/**
 * Files of a run folder, written from the run store and the report data — never from what happens to
 * be in memory — so that they are byte-identical whatever the worker count and however often the run
 * was interrupted and resumed. Order everywhere: scenarios in command-line order, replications
 * 0 … R − 1, then recording order (step, metric declaration order, zone, industry).
 *
 * Numbers are written in JavaScript's shortest round-trip form (every double reproduced bit for bit);
 * an empty field means "not applicable" (zone / industry) or "undefined" (an effect size or p-value).
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { reporters } from '../outcomes/reporters.ts';
import type { ReportInput } from '../report/reportInput.ts';
import type { RunStore, StoredScenario } from './runStore.ts';
import { csvField, formatYear, TIDY_CSV_HEADER } from './tidyCsv.ts';

/** Header of summary.csv: one row per scenario × province metric × recorded step. */
export const SUMMARY_CSV_HEADER = 'scenario,metric,step,year,n,mean,sd,lower,upper';
/** Header of paired.csv: one row per scenario (other than the baseline) × province metric. */
export const PAIRED_CSV_HEADER = 'scenario,baseline,metric,n,mean_difference,lower,upper,effect_size,p_value,direction';
/** Header of end-state.csv: one row per scenario × province metric, at the last recorded step. */
export const END_STATE_CSV_HEADER = 'scenario,metric,step,year,n,mean,sd,lower,upper,min,q05,q25,median,q75,q95,max';
/** Header of zones.csv (final zone layout per scenario and replication). */
export const ZONES_CSV_HEADER = 'scenario,replication,seed,zone,x_km,y_km,planned_ha,leading_industries';
/** Header of industries.csv (industry attributes per scenario and replication). */
export const INDUSTRIES_CSV_HEADER =
  'scenario,replication,seed,industry,name,chain,growth_per_year,land_ha_per_mcny,jobs_per_mcny,capital_output_ratio,pollution_t_per_mcny,credit_dependence';

/**
 * Which tidy rows results.csv gets: 'all' = every recorded value (as results.sqlite); 'final' = every
 * province value, but zone- and industry-scope values only at the last recorded step (a much smaller
 * file for Henan-size runs; the store still holds everything).
 */
export type ResultsDetail = 'all' | 'final';

/** Buffered synchronous writer (the main thread has nothing else to do while exporting). */
class FileWriter {
  readonly #fd: number;
  #buffer = '';
  bytes = 0;

  constructor(file: string) {
    this.#fd = openSync(file, 'w');
  }

  write(text: string): void {
    this.#buffer += text;
    if (this.#buffer.length >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.#buffer.length === 0) return;
    const data = Buffer.from(this.#buffer, 'utf8');
    writeSync(this.#fd, data);
    this.bytes += data.length;
    this.#buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.#fd);
  }
}

function num(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Options of {@link exportRun}. */
export interface ExportRunOptions {
  readonly outDir: string;
  /** Scenario names in command-line order. */
  readonly scenarios: readonly string[];
  readonly replications: number;
  readonly detail: ResultsDetail;
}

/** The stored scenarios of the run, in order. */
function storedScenarios(store: RunStore, names: readonly string[]): StoredScenario[] {
  return names.map((name) => {
    const s = store.scenarioByName(name);
    if (!s) throw new Error(`scenario "${name}" is not in the run store`);
    return s;
  });
}

/**
 * Write results.csv, zones.csv, industries.csv and scenarios/<name>.yaml from the store.
 *
 * @returns the files written (relative to outDir) with their sizes in bytes.
 */
export function exportStoreFiles(store: RunStore, options: ExportRunOptions): { file: string; bytes: number }[] {
  const scenarios = storedScenarios(store, options.scenarios);
  const metricNames = reporters.map((r) => r.name);
  const written: { file: string; bytes: number }[] = [];

  const results = new FileWriter(path.join(options.outDir, 'results.csv'));
  results.write(`${TIDY_CSV_HEADER}\n`);
  for (const scenario of scenarios) {
    const steps = store.recordedSteps(scenario.id);
    const yearText = new Map(steps.map((s) => [s.step, formatYear(s.year)]));
    const finalStep = steps.length > 0 ? steps[steps.length - 1].step : 0;
    const name = csvField(scenario.name);
    for (const rep of store.replicationsOf(scenario.id)) {
      if (rep.replication >= options.replications) continue;
      const head = `${name},${rep.replication},${rep.seed},`;
      let prefixStep = -1;
      let prefix = '';
      let chunk = '';
      const rows = store.valuesOf(rep, options.detail === 'final' ? { zoneAndIndustryAtStep: finalStep } : 'all');
      for (const [step, zone, industry, metricId, value] of rows) {
        if (step !== prefixStep) {
          prefixStep = step;
          prefix = `${head}${step},${yearText.get(step)},`;
        }
        chunk += `${prefix}${zone === null ? '' : zone},${industry === null ? '' : industry},${metricNames[metricId]},${value}\n`;
        if (chunk.length > 1 << 16) {
          results.write(chunk);
          chunk = '';
        }
      }
      results.write(chunk);
    }
  }
  results.close();
  written.push({ file: 'results.csv', bytes: results.bytes });

  const zones = new FileWriter(path.join(options.outDir, 'zones.csv'));
  const industries = new FileWriter(path.join(options.outDir, 'industries.csv'));
  zones.write(`${ZONES_CSV_HEADER}\n`);
  industries.write(`${INDUSTRIES_CSV_HEADER}\n`);
  for (const scenario of scenarios) {
    const name = csvField(scenario.name);
    for (const rep of store.replicationsOf(scenario.id)) {
      if (rep.replication >= options.replications) continue;
      const head = `${name},${rep.replication},${rep.seed},`;
      let text = '';
      for (const z of store.zonesOf(scenario.id, rep.replication)) {
        text += `${head}${z.zone},${z.x_km},${z.y_km},${z.planned_ha},${csvField(z.leading_industries)}\n`;
      }
      zones.write(text);
      text = '';
      for (const j of store.industriesOf(scenario.id, rep.replication)) {
        text +=
          `${head}${j.industry},${csvField(j.name)},${j.chain},${j.growth_per_year},${j.land_ha_per_mcny},${j.jobs_per_mcny},` +
          `${j.capital_output_ratio},${j.pollution_t_per_mcny},${j.credit_dependence}\n`;
      }
      industries.write(text);
    }
  }
  zones.close();
  industries.close();
  written.push({ file: 'zones.csv', bytes: zones.bytes }, { file: 'industries.csv', bytes: industries.bytes });

  mkdirSync(path.join(options.outDir, 'scenarios'), { recursive: true });
  for (const scenario of scenarios) {
    const file = path.posix.join('scenarios', `${scenario.name}.yaml`);
    writeFileSync(path.join(options.outDir, file), scenario.sourceText);
    written.push({ file, bytes: Buffer.byteLength(scenario.sourceText) });
  }
  return written;
}

/**
 * Write summary.csv, end-state.csv, paired.csv and report-data.json from the report data.
 *
 * @returns the files written (relative to outDir) with their sizes in bytes.
 */
export function exportSummaryFiles(input: ReportInput, outDir: string): { file: string; bytes: number }[] {
  const files: [string, string][] = [];

  let summary = `${SUMMARY_CSV_HEADER}\n`;
  const lastPoint = new Map<string, { step: number; year: number }>();
  for (const s of input.series) {
    const prefix = `${csvField(s.scenario)},${s.metric},`;
    for (const p of s.points) {
      summary += `${prefix}${p.step},${formatYear(p.year)},${p.n},${p.mean},${p.standardDeviation},${p.lower},${p.upper}\n`;
    }
    const last = s.points[s.points.length - 1];
    if (last) lastPoint.set(`${s.scenario}\0${s.metric}`, last);
  }
  files.push(['summary.csv', summary]);

  let endState = `${END_STATE_CSV_HEADER}\n`;
  for (const e of input.endStates) {
    const at = lastPoint.get(`${e.scenario}\0${e.metric}`);
    endState +=
      `${csvField(e.scenario)},${e.metric},${num(at?.step)},${at ? formatYear(at.year) : ''},${e.n},${e.mean},${e.standardDeviation},` +
      `${e.lower},${e.upper},${e.min},${e.q05},${e.q25},${e.median},${e.q75},${e.q95},${e.max}\n`;
  }
  files.push(['end-state.csv', endState]);

  let paired = `${PAIRED_CSV_HEADER}\n`;
  for (const p of input.paired) {
    paired +=
      `${csvField(p.scenario)},${csvField(p.baseline)},${p.metric},${p.n},${p.meanDifference},${p.lower},${p.upper},` +
      `${num(p.effectSize)},${num(p.pValue)},${p.direction}\n`;
  }
  files.push(['paired.csv', paired]);

  files.push(['report-data.json', `${JSON.stringify(input)}\n`]);

  return files.map(([file, text]) => {
    writeFileSync(path.join(outDir, file), text);
    return { file, bytes: Buffer.byteLength(text) };
  });
}
