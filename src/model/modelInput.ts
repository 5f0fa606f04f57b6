import type { Parameters } from './parameterSpecification.ts';

/**
 * A proximity (relatedness) matrix supplied as data, e.g. read from a CSV derived from an input–output
 * table or the product space (Hidalgo et al. 2007). Values are row-major, K×K, symmetric, in [0, 1].
 * The scenario loader checks all of that before the model sees it.
 */
export interface RelatednessMatrixInput {
  /** Industry names from the CSV header, or null when the file has no header. */
  readonly industryNames: readonly string[] | null;
  /** Row-major K×K proximities. */
  readonly values: readonly number[];
}

/**
 * A zone layout supplied as data (a zone data file, see `zones.dataFile`): one entry per zone, checked
 * by the scenario loader (lengths equal to the zone count, finite non-negative values, planned ≥ serviced).
 */
export interface ZoneLayoutInput {
  readonly names: readonly string[];
  /** Planned area (ha). */
  readonly plannedHa: readonly number[];
  /** Location (km). */
  readonly x: readonly number[];
  readonly y: readonly number[];
  /** Serviced land at the start (ha), or null: zones.initialServicedShare × planned. */
  readonly servicedHa: readonly number[] | null;
  /** Relative industrial base of each zone's county (industrial-base placement), or null: drawn. */
  readonly baseWeight: readonly number[] | null;
  /** Initial firms of each zone, or null: placed by firms.initialPlacement. */
  readonly initialFirms: readonly number[] | null;
  /** Initial firms per zone and industry (Z × K row-major), or null: industries drawn like projects. */
  readonly initialFirmsByIndustry: readonly number[] | null;
}

/**
 * Everything the model needs besides the seed: validated parameters plus any data files already read
 * and checked by the scenario loader. Plain data (structured-clone safe), so it can cross to a worker.
 */
export interface ModelInput {
  readonly parameters: Parameters;
  readonly relatedness: RelatednessMatrixInput | null;
  /** The zone data file's layout, or null/absent when zones are drawn. */
  readonly zoneLayout?: ZoneLayoutInput | null;
}
