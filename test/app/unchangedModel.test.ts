import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultParameters } from '../../src/model/parameterSpecification.ts';
import { replicationSeed } from '../../src/model/randomStreams.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { createReporterCollector, type RecordedStep } from '../../src/outcomes/collectReporters.ts';
import { runBatchReplication, streamRun } from '../../src/app/workerCore.ts';
import type { RunFrame, WorkerResponse } from '../../src/app/workerProtocol.ts';

const APP = path.resolve(import.meta.dirname, '../../src/app');

const input = () => {
  const parameters = defaultParameters();
  parameters.time.years = 5;
  parameters.zones.count = 6;
  parameters.projects.perYear = 250;
  return { parameters, relatedness: null };
};

describe('the page runs the unchanged model', () => {
  it('imports the model from src/model and copies none of it', () => {
    const core = readFileSync(path.join(APP, 'workerCore.ts'), 'utf8');
    expect(core).toMatch(/from '\.\.\/model\/simulateModel\.ts'/);
    for (const file of readdirSync(APP).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(path.join(APP, file), 'utf8');
      expect(text, file).not.toMatch(/function (simulateModel|stepModel|initialiseModel|refreshZoneUtility|placePendingProjects)\b/);
      expect(text, file).not.toMatch(/from ['"]node:/);
    }
  });

  it('streams exactly what simulateModel records, with meta first and done last', () => {
    const seed = replicationSeed(2009, 3);
    const messages: WorkerResponse[] = [];
    streamRun({ type: 'run', runId: 9, input: input(), seed }, (message) => messages.push(message));
    const expected: RecordedStep[] = [];
    const collect = createReporterCollector();
    simulateModel(input(), seed, (state) => expected.push(collect(state)));
    expect(messages[0].type).toBe('meta');
    expect(messages.at(-1)?.type).toBe('done');
    const frames = messages.filter((m): m is RunFrame => m.type === 'frame');
    expect(frames.map((f) => ({ step: f.step, year: f.year, values: f.values }))).toEqual(expected);
  });

  it('batch replications return the province series of the same run', () => {
    const seed = replicationSeed(2009, 1);
    const result = runBatchReplication({ type: 'replication', jobId: 4, input: input(), seed });
    const collect = createReporterCollector({ zones: false, industries: false });
    const firms: number[] = [];
    simulateModel(input(), seed, (state) => firms.push(collect(state).values.find((v) => v.metric === 'firms')!.value));
    expect(result.series.firms).toEqual(firms);
    expect(result.years).toHaveLength(firms.length);
    expect(result.jobId).toBe(4);
  });
});
