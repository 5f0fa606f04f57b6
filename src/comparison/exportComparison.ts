/**
 * The data files of a comparison's run folder, written from the run store and the report data —
 * never from what happens to be in memory — so that they are byte-identical whatever the worker
 * count, however often the run was interrupted and resumed, and however it was sharded. Order
 * everywhere: scenarios in command-line order, replications 0 … R − 1, then recorded step, then zone
 * or industry.
 *
 * Layout: wide and tidy (Wickham 2014) — one row per observation (scenario × replication × year, or
 * × zone, or × industry), one column per outcome — the form R (`readr::read_csv`), Stata
 * (`import delimited`) and pandas (`read_csv`) read directly. Numbers: integers exactly, others to
 * nine significant digits (src/comparison/csvNumber.ts; the exact doubles are in run.sqlite); an empty
 * field means "undefined" (a reporter without a value at that recording, an effect size or p-value
 * without one).
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { REPORT_DATA_FILE, reportDataBytes } from '../report/reportData.ts';
import type { ReportInput } from '../report/reportInput.ts';
import { scopeValueIndex, type ScopeRecording } from '../runner/recording.ts';
import { INDUSTRY_ATTRIBUTE_COLUMNS, ZONE_LAYOUT_COLUMNS, type TaskRecord } from '../runner/recordTask.ts';
import type { RunStore } from '../runner/runStore.ts';
import { csvField, formatYear } from '../runner/tidyCsv.ts';
import { csvNumber, csvOptionalNumber } from './csvNumber.ts';
import type { LocatedComparison } from './comparisonSpec.ts';

/** First columns of results.csv; one column per province reporter follows. */
export const RESULTS_CSV_KEY_COLUMNS = ['scenario', 'replication', 'seed', 'step', 'year'] as const;
/** First columns of zones.csv; one column per zone reporter (its value at the last recorded step) follows. */
export const ZONES_CSV_KEY_COLUMNS = ['scenario', 'replication', 'seed', 'step', 'year', 'zone', ...ZONE_LAYOUT_COLUMNS, 'leading_industries'] as const;
/** First columns of industries.csv; one column per industry reporter (at the last recorded step) follows. */
export const INDUSTRIES_CSV_KEY_COLUMNS = ['scenario', 'replication', 'seed', 'step', 'year', 'industry', 'name', ...INDUSTRY_ATTRIBUTE_COLUMNS] as const;
/** First columns of zone-series.csv and industry-series.csv (`zone` or `industry` last). */
export const SERIES_CSV_KEY_COLUMNS = ['scenario', 'replication', 'seed', 'step', 'year'] as const;

/**
 * Header of summary.csv: one row per scenario × province metric × recorded step. `interval_method`
 * is `t` (Student t) or `bootstrap-percentile` (counts whose t interval would reach below 0).
 */
export const SUMMARY_CSV_HEADER = 'scenario,metric,step,year,n,mean,sd,lower,upper,interval_method';
/**
 * Header of paired.csv: one row per compared scenario × province metric. Every difference is
 * scenario − reference (the scenario's scale-group reference), named in the column: the mean
 * difference, its 95% interval (`lower`, `upper`), the reference's mean over the same replications
 * and the difference in % of it.
 */
export const PAIRED_CSV_HEADER =
  'scenario,reference,metric,n,difference_scenario_minus_reference,lower,upper,reference_mean,difference_percent_of_reference_mean,effect_size,p_value,direction';
/** Header of end-state.csv: one row per scenario × province metric, at the last recorded step. */
export const END_STATE_CSV_HEADER = 'scenario,metric,step,year,n,mean,sd,lower,upper,min,q05,q25,median,q75,q95,max,interval_method';

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

/** The values of reporters 0 … M − 1 of one zone (or industry) at one step index, as `,v1,v2,…`. */
function scopeFields(values: Float64Array, stepIndex: number, unit: number, units: number, reporterCount: number): string {
  let out = '';
  for (let m = 0; m < reporterCount; m++) out += `,${csvNumber(values[scopeValueIndex(stepIndex, m, unit, units, reporterCount)])}`;
  return out;
}

/** The step indices at which a scope's values were kept (the last recorded step only, or every one). */
function scopeStepIndices(record: TaskRecord, scope: ScopeRecording): number[] {
  const S = record.steps.length;
  return scope.steps === 'every' ? Array.from({ length: S }, (_, s) => s) : [S - 1];
}

/**
 * Write results.csv, zones.csv, industries.csv (and zone-series.csv / industry-series.csv when their
 * series were recorded) and scenarios/<name>.yaml from the store.
 *
 * - results.csv: one row per scenario × replication × recorded step, one column per province reporter;
 * - zones.csv: one row per scenario × replication × zone: the zone's layout and every zone reporter
 *   at the last recorded step;
 * - industries.csv: one row per scenario × replication × industry: its attributes and every industry
 *   reporter at the last recorded step;
 * - zone-series.csv / industry-series.csv (`--record zones` / `industries` / `all`): one row per
 *   scenario × replication × recorded step × zone (industry), one column per reporter.
 *
 * @returns the files written (relative to outDir) with their sizes in bytes.
 */
export function exportComparisonFiles(store: RunStore, comparison: LocatedComparison, outDir: string): { file: string; bytes: number }[] {
  const { recording } = comparison;
  const zone = recording.zone;
  const industry = recording.industry;
  const P = recording.province.length;
  const header = (columns: readonly string[], reporters: readonly string[]): string => `${[...columns, ...reporters].join(',')}\n`;

  const results = new FileWriter(path.join(outDir, 'results.csv'));
  results.write(header(RESULTS_CSV_KEY_COLUMNS, recording.province));
  const zones = new FileWriter(path.join(outDir, 'zones.csv'));
  zones.write(header(ZONES_CSV_KEY_COLUMNS, zone?.reporters ?? []));
  const industries = new FileWriter(path.join(outDir, 'industries.csv'));
  industries.write(header(INDUSTRIES_CSV_KEY_COLUMNS, industry?.reporters ?? []));
  const zoneSeries = zone?.steps === 'every' ? new FileWriter(path.join(outDir, 'zone-series.csv')) : null;
  zoneSeries?.write(header([...SERIES_CSV_KEY_COLUMNS, 'zone'], zone?.reporters ?? []));
  const industrySeries = industry?.steps === 'every' ? new FileWriter(path.join(outDir, 'industry-series.csv')) : null;
  industrySeries?.write(header([...SERIES_CSV_KEY_COLUMNS, 'industry'], industry?.reporters ?? []));

  for (const scenario of comparison.scenarios) {
    const name = csvField(scenario.stored.name);
    scenario.taskIds.forEach((id, replication) => {
      const task = store.task(id);
      if (task === null) throw new Error(`task ${id} of scenario "${scenario.stored.name}" is not in the run store`);
      const record = task.record;
      const head = `${name},${replication},${task.seed},`;
      const S = record.steps.length;
      const stepText = Array.from(record.steps, (step, s) => `${step},${formatYear(record.years[s])}`);
      let text = '';
      for (let s = 0; s < S; s++) {
        text += `${head}${stepText[s]}`;
        for (let p = 0; p < P; p++) text += `,${csvNumber(record.province[s * P + p])}`;
        text += '\n';
      }
      results.write(text);

      const Z = record.zoneCount;
      if (zone !== null && Z > 0) {
        const M = zone.reporters.length;
        const steps = scopeStepIndices(record, zone);
        const final = steps.length - 1;
        text = '';
        for (let z = 0; z < Z; z++) {
          const leading: string[] = [];
          for (let j = 0; j < record.industryCount; j++) if (record.zoneLeading[z * record.industryCount + j] === 1) leading.push(record.industryNames[j]);
          text +=
            `${head}${stepText[S - 1]},${z},${csvNumber(record.zoneLayout[z * 3])},${csvNumber(record.zoneLayout[z * 3 + 1])},${csvNumber(record.zoneLayout[z * 3 + 2])},` +
            `${csvField(leading.join(';'))}${scopeFields(record.zone, final, z, Z, M)}\n`;
        }
        zones.write(text);
        if (zoneSeries !== null) {
          text = '';
          for (const s of steps) for (let z = 0; z < Z; z++) text += `${head}${stepText[s]},${z}${scopeFields(record.zone, s, z, Z, M)}\n`;
          zoneSeries.write(text);
        }
      }

      const K = record.industryCount;
      if (industry !== null && K > 0) {
        const M = industry.reporters.length;
        const A = INDUSTRY_ATTRIBUTE_COLUMNS.length;
        const steps = scopeStepIndices(record, industry);
        const final = steps.length - 1;
        text = '';
        for (let j = 0; j < K; j++) {
          let attributes = '';
          for (let a = 0; a < A; a++) attributes += `,${csvNumber(record.industryAttributes[j * A + a])}`;
          text += `${head}${stepText[S - 1]},${j},${csvField(record.industryNames[j] ?? '')}${attributes}${scopeFields(record.industry, final, j, K, M)}\n`;
        }
        industries.write(text);
        if (industrySeries !== null) {
          text = '';
          for (const s of steps) for (let j = 0; j < K; j++) text += `${head}${stepText[s]},${j}${scopeFields(record.industry, s, j, K, M)}\n`;
          industrySeries.write(text);
        }
      }
    });
  }
  const written: { file: string; bytes: number }[] = [];
  for (const [file, writer] of [
    ['results.csv', results],
    ['zones.csv', zones],
    ['industries.csv', industries],
    ['zone-series.csv', zoneSeries],
    ['industry-series.csv', industrySeries],
  ] as const) {
    if (writer === null) continue;
    writer.close();
    written.push({ file, bytes: writer.bytes });
  }

  mkdirSync(path.join(outDir, 'scenarios'), { recursive: true });
  for (const { stored } of comparison.scenarios) {
    const file = path.posix.join('scenarios', `${stored.name}.yaml`);
    writeFileSync(path.join(outDir, file), stored.sourceText);
    written.push({ file, bytes: Buffer.byteLength(stored.sourceText) });
  }
  return written;
}

/**
 * Write summary.csv, end-state.csv, paired.csv and report-data.json.gz from the report data.
 *
 * @returns the files written (relative to outDir) with their sizes in bytes.
 */
export function exportSummaryFiles(input: ReportInput, outDir: string): { file: string; bytes: number }[] {
  const files: [string, string | Buffer][] = [];

  let summary = `${SUMMARY_CSV_HEADER}\n`;
  const lastPoint = new Map<string, { step: number; year: number }>();
  for (const s of input.series) {
    const prefix = `${csvField(s.scenario)},${s.metric},`;
    for (const p of s.points) {
      summary += `${prefix}${p.step},${formatYear(p.year)},${p.n},${csvNumber(p.mean)},${csvNumber(p.standardDeviation)},${csvNumber(p.lower)},${csvNumber(p.upper)},${p.intervalMethod ?? 't'}\n`;
    }
    const last = s.points[s.points.length - 1];
    if (last) lastPoint.set(`${s.scenario}\0${s.metric}`, last);
  }
  files.push(['summary.csv', summary]);

  let endState = `${END_STATE_CSV_HEADER}\n`;
  for (const e of input.endStates) {
    const at = lastPoint.get(`${e.scenario}\0${e.metric}`);
    endState +=
      `${csvField(e.scenario)},${e.metric},${csvOptionalNumber(at?.step)},${at ? formatYear(at.year) : ''},${e.n},` +
      [e.mean, e.standardDeviation, e.lower, e.upper, e.min, e.q05, e.q25, e.median, e.q75, e.q95, e.max].map(csvNumber).join(',') +
      `,${e.intervalMethod ?? 't'}\n`;
  }
  files.push(['end-state.csv', endState]);

  let paired = `${PAIRED_CSV_HEADER}\n`;
  for (const p of input.paired) {
    paired +=
      `${csvField(p.scenario)},${csvField(p.baseline)},${p.metric},${p.n},${csvNumber(p.meanDifference)},${csvNumber(p.lower)},${csvNumber(p.upper)},` +
      `${csvOptionalNumber(p.referenceMean)},${csvOptionalNumber(p.percentOfReference)},${csvOptionalNumber(p.effectSize)},${csvOptionalNumber(p.pValue)},${p.direction}\n`;
  }
  files.push(['paired.csv', paired]);

  files.push([REPORT_DATA_FILE, reportDataBytes(input)]);

  return files.map(([file, text]) => {
    writeFileSync(path.join(outDir, file), text);
    return { file, bytes: typeof text === 'string' ? Buffer.byteLength(text) : text.length };
  });
}
