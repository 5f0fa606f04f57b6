/**
 * What a simulation worker does, without the worker plumbing: run the unchanged model
 * (`simulateModel` from src/model) for one seed and report what it records. Pure apart from calling
 * `post`, so the same code runs in the page's Web Worker and in Node (tests compare it with the
 * command line).
 */
import { simulateModel } from '../model/simulateModel.ts';
import { createReporterCollector } from '../outcomes/collectReporters.ts';
import { reportersOfScope } from '../outcomes/reporters.ts';
import type { ReplicationDone, ReplicationRequest, RunFrame, RunMeta, RunRequest, WorkerResponse } from './workerProtocol.ts';
import { takeZoneSnapshot } from './zoneSnapshot.ts';

/**
 * Sends a message to the page. Its typed arrays are copied (structured clone), never transferred:
 * the first detached ArrayBuffer in a thread makes V8 check every later typed-array access for
 * detachment, which slowed a Henan replication from 221–244 to 247–286 ms of CPU (measured in
 * Node 20, whose V8 is the engine family of Chromium; src/runner/taskWorkerEntry.ts).
 */
export type PostMessage = (message: WorkerResponse) => void;

/**
 * Run one replication and stream it: `meta` before the first frame, one `frame` per recorded step
 * (every reporter, as the command line records them, plus a zone snapshot), then `done` with the
 * compute time (performance.now around simulateModel, recording included).
 */
export function streamRun(request: RunRequest, post: PostMessage): void {
  const collect = createReporterCollector();
  let frames = 0;
  const started = performance.now();
  simulateModel(request.input, request.seed, (state) => {
    if (frames === 0) {
      const zones = state.zones;
      const meta: RunMeta = {
        type: 'meta',
        runId: request.runId,
        seed: request.seed,
        zoneCount: zones.count,
        regionSizeKm: state.parameters.zones.regionSizeKm,
        x: zones.x.slice(0, zones.count),
        y: zones.y.slice(0, zones.count),
        plannedHa: zones.plannedHa.slice(0, zones.count),
        industryNames: [...state.industries.names],
        industryChains: state.industries.chain.slice(),
        totalSteps: state.constants.totalSteps,
        stepsPerYear: state.constants.stepsPerYear,
        startYear: state.parameters.time.startYear,
      };
      post(meta);
    }
    const recorded = collect(state);
    const zones = takeZoneSnapshot(state);
    const frame: RunFrame = {
      type: 'frame',
      runId: request.runId,
      step: recorded.step,
      year: recorded.year,
      values: recorded.values,
      zones,
    };
    post(frame);
    frames++;
  });
  post({ type: 'done', runId: request.runId, computeMs: performance.now() - started, frames });
}

const provinceNames = reportersOfScope('province').map((r) => r.name);

/** Run one batch replication: the province reporters at every recording (null where undefined). */
export function runBatchReplication(request: ReplicationRequest): ReplicationDone {
  const collect = createReporterCollector({ zones: false, industries: false });
  const years: number[] = [];
  const series: Record<string, (number | null)[]> = {};
  for (const name of provinceNames) series[name] = [];
  const started = performance.now();
  simulateModel(request.input, request.seed, (state) => {
    const recorded = collect(state);
    const index = years.length;
    years.push(recorded.year);
    for (const name of provinceNames) series[name].push(null);
    for (const v of recorded.values) series[v.metric][index] = v.value;
  });
  return {
    type: 'replication-done',
    jobId: request.jobId,
    seed: request.seed,
    years,
    series,
    computeMs: performance.now() - started,
  };
}
