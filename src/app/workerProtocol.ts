/**
 * Messages between the classroom page and its simulation workers. Everything is plain data
 * (structured-clone safe); typed arrays are copied, not transferred (workerCore.ts says why).
 */
import type { ModelInput } from '../model/modelInput.ts';
import type { RecordedValue } from '../outcomes/collectReporters.ts';

/** Run one replication and stream every recorded step (reporters plus a zone snapshot). */
export interface RunRequest {
  readonly type: 'run';
  readonly runId: number;
  readonly input: ModelInput;
  /** Replication seed (already derived with replicationSeed). */
  readonly seed: number;
}

/** Run one replication of a batch and return only the province reporters over time. */
export interface ReplicationRequest {
  readonly type: 'replication';
  readonly jobId: number;
  readonly input: ModelInput;
  readonly seed: number;
}

/** What the page sends to a worker. */
export type WorkerRequest = RunRequest | ReplicationRequest;

/** Fixed facts of a run, sent once before its first frame. */
export interface RunMeta {
  readonly type: 'meta';
  readonly runId: number;
  readonly seed: number;
  readonly zoneCount: number;
  /** Side of the square province (km); zone coordinates lie in [0, regionSizeKm]. */
  readonly regionSizeKm: number;
  /** Zone coordinates (km), length zoneCount. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Planned area of each zone (ha). */
  readonly plannedHa: Float64Array;
  readonly industryNames: readonly string[];
  /** Supply chain of each industry (−1 when the matrix came from a file). */
  readonly industryChains: Int32Array;
  readonly totalSteps: number;
  readonly stepsPerYear: number;
  readonly startYear: number;
}

/** Compact state of the zones at one recording, for the map. Arrays of length zoneCount + 1 include the outside option last. */
export interface ZoneSnapshot {
  /** Annual output (M¥/year) per zone, outside last. */
  readonly output: Float64Array;
  /** Living firms per zone, outside last. */
  readonly firms: Float64Array;
  /** Industry with the largest output in each zone (−1 when the zone is empty), length zoneCount. */
  readonly topIndustry: Int32Array;
  /** Serviced and used land per zone (ha), length zoneCount. */
  readonly servicedHa: Float64Array;
  readonly usedHa: Float64Array;
  /** Designated leading industries (主导产业) of each zone, as industry indices. */
  readonly leading: readonly (readonly number[])[];
}

/** One recorded step of a streamed run. */
export interface RunFrame {
  readonly type: 'frame';
  readonly runId: number;
  readonly step: number;
  readonly year: number;
  /** Every reporter value of the step (province, zone and industry), as the command line records them. */
  readonly values: readonly RecordedValue[];
  readonly zones: ZoneSnapshot;
}

/** The run finished. */
export interface RunDone {
  readonly type: 'done';
  readonly runId: number;
  /** Milliseconds spent in simulateModel, including recording (performance.now in the worker). */
  readonly computeMs: number;
  readonly frames: number;
}

/** A batch replication finished. */
export interface ReplicationDone {
  readonly type: 'replication-done';
  readonly jobId: number;
  readonly seed: number;
  /** Calendar time of each recording. */
  readonly years: readonly number[];
  /** Province reporter → value at each recording (null where undefined). */
  readonly series: Readonly<Record<string, readonly (number | null)[]>>;
  readonly computeMs: number;
}

/** A run or replication failed (a bug: inputs are validated before they are sent). */
export interface WorkerFailure {
  readonly type: 'error';
  readonly runId: number | null;
  readonly jobId: number | null;
  readonly message: string;
}

/** What a worker sends back. */
export type WorkerResponse = RunMeta | RunFrame | RunDone | ReplicationDone | WorkerFailure;
