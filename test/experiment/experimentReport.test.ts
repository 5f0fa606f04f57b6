/**
 * The experiment report renders: a self-contained experiment.html (no network, every text escaped)
 * with the tornado, Morris μ*–σ and μ*, Sobol' index, PRIM and scatter charts, and a PNG and an SVG
 * file for every chart; the chart configurations are plain JSON built from the analysis.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseExperiment } from '../../src/experiment/analyseExperiment.ts';
import { loadExperimentFile, type ExperimentPlan } from '../../src/experiment/loadExperimentFile.ts';
import { buildExperimentManifest, buildExperimentReportInput } from '../../src/experiment/writeExperimentOutputs.ts';
import { allExperimentCharts, buildExperimentCharts, sobolIndicesChart, tornadoChart } from '../../src/report/experimentCharts.ts';
import type { ExperimentReportInput } from '../../src/report/experimentReportInput.ts';
import { renderExperimentReport } from '../../src/report/renderExperimentReport.ts';
import { removeScratchDirs, scratchDir, testProvenance, writeExperiment } from './experimentHelpers.ts';

afterAll(removeScratchDirs);

function text(design: string[], description = 'A synthetic <script>alert(1)</script> question.'): string {
  return [
    'name: report-test',
    `description: "${description}"`,
    'scenario: base.yaml',
    'levers:',
    '  choice.relatedness.coefficient:',
    '    uniform: { min: 0, max: 3 }',
    '  choice.agglomeration.form:',
    '    choice: { values: [log, linear, bounded] }',
    'uncertainties:',
    '  crisis.demandDrop:',
    '    uniform: { min: 0, max: 0.4 }',
    'outcomes:',
    '  - output',
    '  - reporter: zoneFirmShare',
    '    statistic: mean',
    ...design,
    'scenarioDiscovery:',
    '  outcome: output',
    '  threshold: 2',
    '  direction: above',
    '',
  ].join('\n');
}

/** A synthetic outcome pair for every point: output = x1 + form index − 3 drop; share = drop. */
function synthetic(plan: ExperimentPlan): number[][] {
  const form = ['log', 'linear', 'bounded'];
  const values: number[][] = [];
  for (const [x, f, d] of plan.design.values) {
    for (let r = 0; r < plan.definition.replicationsPerPoint; r++) values.push([(x as number) + form.indexOf(f as string) - 3 * (d as number), d as number]);
  }
  return values;
}

async function reportInput(design: string[]): Promise<{ plan: ExperimentPlan; input: ExperimentReportInput }> {
  const { plan } = await loadExperimentFile(writeExperiment(text(design)));
  const analysis = analyseExperiment(plan, synthetic(plan));
  const manifest = buildExperimentManifest(plan, analysis, testProvenance, 'f'.repeat(64));
  return { plan, input: buildExperimentReportInput(plan, analysis, manifest) };
}

describe('experiment report', () => {
  it('renders a Morris experiment with PRIM: every kind of chart, an image pair for each, no network, escaped text', async () => {
    const { input } = await reportInput(['design:', '  type: morris', '  trajectories: 6']);
    const outDir = scratchDir();
    const written = await renderExperimentReport(input, outDir);
    const html = readFileSync(path.join(outDir, 'experiment.html'), 'utf8');
    expect(written[0]).toBe(path.join(outDir, 'experiment.html'));
    for (const kind of ['tornado', 'morris-mu-sigma', 'morris-mu-star', 'prim-trajectory', 'prim-box', 'outcome-scatter']) {
      expect(html, kind).toContain(`data-kind="${kind}"`);
    }
    expect(html).not.toContain('data-kind="sobol-indices"');
    const ids = [...html.matchAll(/<figure class="chart" data-chart="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(allExperimentCharts(buildExperimentCharts(input)).length);
    for (const id of ids) {
      const png = readFileSync(path.join(outDir, 'charts', `${id}.png`));
      expect(png.subarray(1, 4).toString('latin1'), id).toBe('PNG');
      expect(readFileSync(path.join(outDir, 'charts', `${id}.svg`), 'utf8'), id).toMatch(/<svg[\s\S]*<\/svg>\s*$/);
      expect(html).toContain(`href="charts/${id}.png"`);
    }
    expect(written).toHaveLength(1 + 2 * ids.length);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('A synthetic &lt;script&gt;alert(1)&lt;/script&gt; question.');
    expect(html).toContain('id="open-all"');
    expect(html).toContain('Scenario discovery (PRIM)');
    // Choice factors are shown with their labels.
    expect(html).toContain('choice.agglomeration.form [0 = log, 1 = linear, 2 = bounded]');
  });

  it('renders a Sobol’ experiment: index bars with whiskers, sorted by total index; no Morris charts', async () => {
    const { input } = await reportInput(['design:', '  type: sobol', '  baseSamples: 64']);
    const outDir = scratchDir();
    await renderExperimentReport(input, outDir, { imageFormats: [] });
    const html = readFileSync(path.join(outDir, 'experiment.html'), 'utf8');
    expect(html).toContain('data-kind="sobol-indices"');
    expect(html).not.toContain('data-kind="morris-mu-sigma"');
    expect(existsSync(path.join(outDir, 'charts'))).toBe(false);
    const spec = sobolIndicesChart(input.outcomes[0], input.results[0].sobol!);
    const totals = spec.config.data.datasets[1].data as number[];
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    expect((spec.config.data.datasets[0].errorBars as number[][]).every((bar) => bar.length === 2 && bar[0] <= bar[1])).toBe(true);
    // output = x1 + form index − 3 drop: Var 0.75, 2/3 and 0.12, so x1 explains most.
    expect(spec.config.data.labels).toEqual(['choice.relatedness.coefficient', 'choice.agglomeration.form', 'crisis.demandDrop']);
  });

  it('chart configurations are plain JSON; the tornado bars run from the overall mean to the low and high means', async () => {
    const { input } = await reportInput(['design: latin-hypercube', 'samples: 50']);
    for (const spec of allExperimentCharts(buildExperimentCharts(input))) {
      expect(JSON.parse(JSON.stringify(spec.config)), spec.id).toEqual(spec.config);
      expect(spec.description.length, spec.id).toBeGreaterThan(20);
    }
    const result = input.results[0];
    const tornado = tornadoChart(input, input.outcomes[0], result.swings, result.mean!);
    expect(tornado.config.data.datasets[0].data).toEqual(result.swings.map((s) => [result.mean, s.lowMean]));
    expect(tornado.config.data.datasets[1].data).toEqual(result.swings.map((s) => [result.mean, s.highMean]));
    expect(tornado.config.data.labels).toEqual(result.swings.map((s) => s.factor));
  });
});
