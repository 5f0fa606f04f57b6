/**
 * What a task records equals what the data collector (src/outcomes/collectReporters.ts, the path the
 * model tests and the classroom page use) measures on the same run: every province value at every
 * recorded step, zone and industry values at the last step (or at every step when their series are
 * kept), outcomes reduced to their final value or mean, and the final layout. And `--record` parsing.
 */
import { describe, expect, it } from 'vitest';
import { replicationSeed } from '../../src/model/randomStreams.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { createReporterCollector, type RecordedStep } from '../../src/outcomes/collectReporters.ts';
import {
  comparisonRecording,
  DEFAULT_RECORD_OPTION,
  formatRecordOption,
  outcomeRecording,
  parseRecordOption,
  recordingHash,
  scopeValueIndex,
} from '../../src/runner/recording.ts';
import { recordTask } from '../../src/runner/recordTask.ts';
import { inputWith } from '../support/modelInputs.ts';

const input = inputWith({ time: { years: 3 }, zones: { count: 5 }, projects: { perYear: 150 }, firms: { initialCount: 60 }, crisis: { enabled: true } });
const seed = replicationSeed(11, 2);

/** The collector's recorded steps of the same run, and a look-up of one value (NaN when left out). */
function collected(): { steps: RecordedStep[]; value: (s: number, metric: string, zone: number | null, industry: number | null) => number } {
  const collect = createReporterCollector();
  const steps: RecordedStep[] = [];
  simulateModel(input, seed, (state) => steps.push(collect(state)));
  const value = (s: number, metric: string, zone: number | null, industry: number | null): number =>
    steps[s].values.find((v) => v.metric === metric && v.zone === zone && v.industry === industry)?.value ?? Number.NaN;
  return { steps, value };
}

describe('recordTask', () => {
  const reference = collected();
  const S = reference.steps.length;

  it('records every province series and the zone and industry values at the last step, as the collector measures them', () => {
    const recording = comparisonRecording(DEFAULT_RECORD_OPTION);
    const record = recordTask(input, seed, recording);
    expect(Array.from(record.steps)).toEqual(reference.steps.map((s) => s.step));
    expect(Array.from(record.years)).toEqual(reference.steps.map((s) => s.year));
    const P = recording.province.length;
    expect(record.province).toHaveLength(S * P);
    let definedProvince = 0;
    for (let s = 0; s < S; s++) {
      recording.province.forEach((name, p) => {
        expect(Object.is(record.province[s * P + p], reference.value(s, name, null, null)), `${name} at step ${s}`).toBe(true);
        if (!Number.isNaN(record.province[s * P + p])) definedProvince++;
      });
    }
    expect(definedProvince).toBeGreaterThan(S * P * 0.8);
    const Z = record.zoneCount;
    const zoneNames = recording.zone!.reporters;
    expect(Z).toBe(5);
    expect(record.zone).toHaveLength(zoneNames.length * Z);
    zoneNames.forEach((name, m) => {
      for (let z = 0; z < Z; z++) expect(Object.is(record.zone[scopeValueIndex(0, m, z, Z, zoneNames.length)], reference.value(S - 1, name, z, null)), `${name} ${z}`).toBe(true);
    });
    const K = record.industryCount;
    const industryNames = recording.industry!.reporters;
    industryNames.forEach((name, m) => {
      for (let j = 0; j < K; j++) expect(Object.is(record.industry[scopeValueIndex(0, m, j, K, industryNames.length)], reference.value(S - 1, name, null, j))).toBe(true);
    });
    expect(record.outcomes).toHaveLength(0);
    expect(record.nonFiniteCount).toBe(0);
    // Layout: zone 0's planned area and leading industries, industry names.
    expect(record.zoneLayout).toHaveLength(Z * 3);
    expect(record.zoneLeading).toHaveLength(Z * K);
    expect(record.industryNames).toHaveLength(K);
    expect(record.industryAttributes).toHaveLength(K * 7);
  });

  it('records the zone and industry series at every step with --record all', () => {
    const recording = comparisonRecording({ zoneSeries: true, industrySeries: true });
    const record = recordTask(input, seed, recording);
    const Z = record.zoneCount;
    const M = recording.zone!.reporters.length;
    expect(record.zone).toHaveLength(S * M * Z);
    for (let s = 0; s < S; s++) {
      recording.zone!.reporters.forEach((name, m) => {
        for (let z = 0; z < Z; z++) expect(Object.is(record.zone[scopeValueIndex(s, m, z, Z, M)], reference.value(s, name, z, null))).toBe(true);
      });
    }
    // The province series do not depend on what else is recorded.
    expect(record.province).toEqual(recordTask(input, seed, comparisonRecording(DEFAULT_RECORD_OPTION)).province);
  });

  it('reduces outcomes to the final value or the mean over the recorded steps where defined', () => {
    const record = recordTask(
      input,
      seed,
      outcomeRecording([
        { reporter: 'guaranteeNetAssets', statistic: 'final' },
        { reporter: 'output', statistic: 'mean' },
        { reporter: 'outputGrowth', statistic: 'mean' },
      ]),
    );
    const series = (name: string) => reference.steps.map((_, s) => reference.value(s, name, null, null));
    expect(record.outcomes[0]).toBe(series('guaranteeNetAssets')[S - 1]);
    const output = series('output');
    expect(record.outcomes[1]).toBe(output.reduce((a, b) => a + b, 0) / S);
    // outputGrowth is undefined at step 0 (no previous recording): the mean is over steps 1 … S − 1.
    const growth = series('outputGrowth');
    expect(Number.isNaN(growth[0])).toBe(true);
    expect(record.outcomes[2]).toBe(growth.slice(1).reduce((a, b) => a + b, 0) / (S - 1));
    expect(record.province).toHaveLength(0);
    expect(record.zone).toHaveLength(0);
    expect(record.zoneLayout).toHaveLength(0);
  });
});

describe('--record', () => {
  it('parses final, zones, industries, both and all, and refuses anything else', () => {
    expect(parseRecordOption('final')).toEqual({ zoneSeries: false, industrySeries: false });
    expect(parseRecordOption('zones')).toEqual({ zoneSeries: true, industrySeries: false });
    expect(parseRecordOption('industries')).toEqual({ zoneSeries: false, industrySeries: true });
    expect(parseRecordOption('zones,industries')).toEqual({ zoneSeries: true, industrySeries: true });
    expect(parseRecordOption('all')).toEqual({ zoneSeries: true, industrySeries: true });
    for (const bad of ['', 'none', 'zone', 'all,zones', 'final,zones']) expect(parseRecordOption(bad), bad).toBeNull();
    expect(['final', 'zones', 'industries', 'all'].map((t) => formatRecordOption(parseRecordOption(t)!))).toEqual(['final', 'zones', 'industries', 'all']);
  });

  it('gives every recording its own hash', () => {
    const hashes = [
      comparisonRecording(DEFAULT_RECORD_OPTION),
      comparisonRecording({ zoneSeries: true, industrySeries: false }),
      outcomeRecording([{ reporter: 'output', statistic: 'final' }]),
      outcomeRecording([{ reporter: 'output', statistic: 'mean' }]),
    ].map(recordingHash);
    expect(new Set(hashes).size).toBe(4);
    expect(recordingHash(comparisonRecording(DEFAULT_RECORD_OPTION))).toBe(hashes[0]);
    expect(() => outcomeRecording([{ reporter: 'zoneFirms', statistic: 'final' }])).toThrow(/not a province reporter/);
  });
});
