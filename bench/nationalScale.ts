/**
 * The national-scale scenario of the benchmark (scenarios/scale/china-national.yaml: the 2,543 zones
 * of China's 2018 catalogue at Henan's per-zone flows).
 */
/** The national-scale scenario, relative to the repository root. */
export const NATIONAL_SCENARIO = 'scenarios/scale/china-national.yaml';

/** Zones in China's 2018 catalogue of development zones: 552 national-level + 1,991 provincial-level. */
export const NATIONAL_ZONE_COUNT = 2543;
