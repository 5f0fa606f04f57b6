import { provinceOutput } from '../model/firmDynamics.ts';
import type { ModelState } from '../model/modelState.ts';
import {
  createReporterContext,
  prepareReporterContext,
  reportersOfScope,
  type ReporterContext,
} from './reporters.ts';

/** One recorded value: a reporter measured at a step, for the province, a zone or an industry. */
export interface RecordedValue {
  readonly metric: string;
  /** Zone index for zone reporters, else null. */
  readonly zone: number | null;
  /** Industry index for industry reporters, else null. */
  readonly industry: number | null;
  readonly value: number;
}

/** Everything recorded at one step. */
export interface RecordedStep {
  /** Completed steps (0 = initial state). */
  readonly step: number;
  /** Calendar time: startYear + step / stepsPerYear. */
  readonly year: number;
  readonly values: RecordedValue[];
}

/** Which reporters to record; by default all of them. */
export interface ReporterSelection {
  readonly names?: readonly string[];
  /** Record zone-scope reporters (default true). */
  readonly zones?: boolean;
  /** Record industry-scope reporters (default true). */
  readonly industries?: boolean;
}

/**
 * A data collector (Mesa's DataCollector): returns a function that measures the selected reporters on
 * a state and returns them as one `RecordedStep`. Undefined values (null) are left out.
 *
 * @example
 * const collect = createReporterCollector();
 * simulateModel(input, seed, (state) => rows.push(collect(state)));
 */
export function createReporterCollector(selection: ReporterSelection = {}): (state: ModelState) => RecordedStep {
  let context: ReporterContext | null = null;
  const wanted = selection.names ? new Set(selection.names) : null;
  const keep = (name: string): boolean => wanted === null || wanted.has(name);
  const province = reportersOfScope('province').filter((r) => keep(r.name));
  const zone = selection.zones === false ? [] : reportersOfScope('zone').filter((r) => keep(r.name));
  const industry = selection.industries === false ? [] : reportersOfScope('industry').filter((r) => keep(r.name));
  return (state: ModelState): RecordedStep => {
    context ??= createReporterContext(state.zones.count, state.industries.count);
    prepareReporterContext(state, context);
    const values: RecordedValue[] = [];
    for (const r of province) {
      const v = r.compute(state, context);
      if (v !== null) values.push({ metric: r.name, zone: null, industry: null, value: v });
    }
    for (const r of zone) {
      for (let z = 0; z < state.zones.count; z++) {
        const v = r.compute(state, z, context);
        if (v !== null) values.push({ metric: r.name, zone: z, industry: null, value: v });
      }
    }
    for (const r of industry) {
      for (let j = 0; j < state.industries.count; j++) {
        const v = r.compute(state, j, context);
        if (v !== null) values.push({ metric: r.name, zone: null, industry: j, value: v });
      }
    }
    rememberRecording(state, context);
    const p = state.parameters.time;
    return { step: state.step, year: p.startYear + state.step / p.stepsPerYear, values };
  };
}

/**
 * Remember what the next recording compares with (province output and step, for `outputGrowth`).
 * Call once after measuring the reporters of a recording step, whichever reporters were measured.
 *
 * @example prepareReporterContext(state, context); …measure…; rememberRecording(state, context);
 */
export function rememberRecording(state: ModelState, context: ReporterContext): void {
  context.previousOutput = provinceOutput(state);
  context.previousStep = state.step;
}
