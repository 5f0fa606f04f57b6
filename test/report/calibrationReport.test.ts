/**
 * The calibration report of a finished calibration (the pipeline test's, run in this thread): one
 * chart per target, predicted reporter, parameter and pair of parameters plus the tolerance chart,
 * each with its image file; the page has every section, the held-out rows in the out-of-sample table,
 * the years after the fitted ones in the predictions tables, figures with their tolerance whiskers,
 * and escapes the texts of the calibration file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCalibrationReportInput } from '../../src/calibration/calibrationReportInput.ts';
import { runCalibrationFile } from '../../src/calibration/runCalibrationFile.ts';
import { allCalibrationCharts, buildCalibrationCharts } from '../../src/report/calibrationCharts.ts';
import type { CalibrationReportInput } from '../../src/report/calibrationReportInput.ts';
import { pipelineCalibrationText, pipelinePlan, removeScratchDirs, scratchDir, testProvenance } from '../calibration/calibrationHelpers.ts';

afterAll(removeScratchDirs);

let dir: string;
let html: string;
let input: CalibrationReportInput;

beforeAll(async () => {
  const text = pipelineCalibrationText().replace(
    '  - { name: firms-2010, figure: 300, tolerance: 0.1, model: { reporter: firms, end: 2010 } }',
    '  - { name: firms-2010, figure: 300, tolerance: 0.1, source: "<b>bold</b> & co", model: { reporter: firms, end: 2010 } }',
  );
  const plan = await pipelinePlan(text);
  dir = path.join(scratchDir(), 'run');
  const summary = await runCalibrationFile({ plan, outDir: dir, provenance: testProvenance, inThread: true, imageFormats: ['svg'] });
  expect(summary.reportPath).toBe(path.join(dir, 'calibration.html'));
  html = readFileSync(path.join(dir, 'calibration.html'), 'utf8');
  const stored = JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8'));
  input = buildCalibrationReportInput(plan, summary.state, { ...stored, effectiveSampleSize: stored.effectiveSampleSize ?? Number.NaN }, '');
});

describe('calibration report', () => {
  it('has one chart per target, predicted reporter, parameter and pair, each with its image file', () => {
    const charts = allCalibrationCharts(buildCalibrationCharts(input));
    expect(charts.map((c) => c.id)).toEqual([
      'tolerance-by-generation',
      'prediction-firms',
      'prediction-zoneOutputShare',
      'target-firms-2010',
      'target-share-2010',
      'target-big-zones-2010',
      'target-zone-effect-2010',
      'target-firms-2011',
      'marginal-firms-exitHazard',
      'marginal-choice-outside-utility',
      'pair-firms-exitHazard-choice-outside-utility',
    ]);
    for (const chart of charts) {
      expect(existsSync(path.join(dir, 'charts', `${chart.id}.svg`)), chart.id).toBe(true);
      expect(html).toContain(`data-chart="${chart.id}"`);
    }
  });

  it('draws each figure with its tolerance as a whisker and colours held-out figures', () => {
    const charts = buildCalibrationCharts(input);
    const firms = charts.targets[0].config.data.datasets.at(-1)!;
    expect(firms.data).toEqual([{ x: 2010, y: 300 }]);
    // Log scale, tolerance 0.1: 300 e^−0.1 = 271.4512… and 300 e^0.1 = 331.5512….
    const [[lower, upper]] = firms.errorBars as number[][];
    expect(lower).toBeCloseTo(271.4512254, 6);
    expect(upper).toBeCloseTo(331.5512754, 6);
    expect(charts.targets[4].config.data.datasets.at(-1)!.label).toBe('held-out figure (not fitted)');
    // The band covers the runs from the end of 2008 to the horizon (end of 2012).
    const band = charts.targets[0].config.data.datasets[4].data as { x: number }[];
    expect(band.map((p) => p.x)).toEqual([2008, 2009, 2010, 2011, 2012]);
  });

  it('has every section, the out-of-sample rows, the predicted years and escaped texts', () => {
    for (const id of ['run-facts', 'overview', 'predictions', 'fit', 'out-of-sample', 'parameters', 'files']) expect(html).toContain(`<section id="${id}"`);
    const outOfSample = html.slice(html.indexOf('<section id="out-of-sample"'), html.indexOf('<section id="parameters"'));
    expect(outOfSample).toContain('<code>firms-2011</code>');
    expect(outOfSample).not.toContain('<code>firms-2010</code>');
    // The fitted targets read the end of 2010: the predictions tables list 2011 and 2012.
    const predictions = html.slice(html.indexOf('<section id="predictions"'), html.indexOf('<section id="fit"'));
    expect(predictions.match(/<tr><th scope="row">(\d+)<\/th>/g)).toEqual(Array(2).fill(['2011', '2012']).flat().map((y) => `<tr><th scope="row">${y}</th>`));
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; co');
    expect(html).not.toContain('<b>bold</b>');
  });
});
