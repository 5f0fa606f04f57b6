/**
 * `zonesim claims` end to end on tiny scenarios: the claims files, the interaction recomputed
 * independently from results.csv, the report opening with the claims section, resume, and a bad file
 * as one line.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_VERDICTS } from '../../src/claims/claimVerdict.ts';
import { CLAIMS_CSV_HEADER } from '../../src/claims/claimsTables.ts';
import { main } from '../../src/cli/main.ts';
import { removeScratchDirs, scratchDir } from '../support/scratchDirs.ts';
import { SMALL_CLAIMS_TEXT, writeSmallClaims } from './claimsTestFiles.ts';
import Database from 'better-sqlite3';
import { applyParameterOverrides } from '../../src/runner/parameterSets.ts';
import { comparisonRecording, DEFAULT_RECORD_OPTION } from '../../src/runner/recording.ts';
import { recordTask } from '../../src/runner/recordTask.ts';

/** The province reporters of a comparison's recording, in stored order. */
const reporterNames = comparisonRecording(DEFAULT_RECORD_OPTION).province;

afterAll(removeScratchDirs);

/** Run the command line; returns the exit code and what it printed. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'zonesim', ...args], { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** Parse a simple CSV (quoted fields may hold commas). */
function parseCsv(text: string): Record<string, string>[] {
  const lines = text.trim().split('\n');
  const split = (line: string): string[] => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') cells.push(cell), (cell = '');
      else cell += c;
    }
    cells.push(cell);
    return cells;
  };
  const header = split(lines[0]);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, j) => [header[j], v])));
}

describe('zonesim claims', () => {
  let dir = '';
  let outDir = '';
  let first = { code: -1, out: '', err: '' };
  beforeAll(async () => {
    dir = scratchDir('zonesim-claims-cli-');
    outDir = path.join(dir, 'out');
    first = await run(['claims', writeSmallClaims(dir), '--reps', '4', '--workers', '1', '--out', outDir, '--images', 'none', '-q']);
  }, 120_000);

  it('writes claims.csv with a verdict for every claim × outcome × window', () => {
    expect(first.code).toBe(0);
    const text = readFileSync(path.join(outDir, 'claims.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe(CLAIMS_CSV_HEADER);
    const rows = parseCsv(text);
    // zones-help: 2 outcomes × (end, early); both: 1 outcome × end
    expect(rows.map((r) => `${r.claim}/${r.outcome}/${r.window}`)).toEqual([
      'zones-help/zoneFirmShare/end',
      'zones-help/zoneFirmShare/early',
      'zones-help/output/end',
      'zones-help/output/early',
      'both/firms/end',
    ]);
    for (const r of rows) expect(CLAIM_VERDICTS).toContain(r.verdict);
    expect(rows[0].contrast).toBe('baseline − no-zones');
    expect(rows[4].contrast).toBe('zones-and-promotion − more-zones − baseline + no-zones');
    // Zones hold every zone firm of `baseline` and none of `no-zones`: a settled rise of the share.
    expect(rows[0].verdict).toBe('supported');
    expect(rows[0].form_verdicts).toMatch(/^linear: /);
    expect(rows[0].draws).toBe('2');
  });

  it('computes the 2×2 interaction as both − first − second + neither of results.csv, replication by replication', () => {
    const results = parseCsv(readFileSync(path.join(outDir, 'results.csv'), 'utf8'));
    const last = Math.max(...results.map((r) => Number(r.year)));
    const at = (scenario: string, r: number): number => Number(results.find((x) => x.scenario === scenario && Number(x.replication) === r && Number(x.year) === last)?.firms);
    let sum = 0;
    for (let r = 0; r < 4; r++) sum += at('zones-and-promotion', r) - at('more-zones', r) - at('baseline', r) + at('no-zones', r);
    const row = parseCsv(readFileSync(path.join(outDir, 'claims.csv'), 'utf8')).find((x) => x.claim === 'both');
    expect(Number(row?.mean_difference)).toBeCloseTo(sum / 4, 9);
    expect(Number(row?.reference_mean)).toBeCloseTo([0, 1, 2, 3].reduce((s, r) => s + at('no-zones', r), 0) / 4, 9);
  });

  it('writes the trajectory, claims.json and names them in the manifest', () => {
    const trajectory = parseCsv(readFileSync(path.join(outDir, 'claims-trajectory.csv'), 'utf8'));
    expect(trajectory.filter((r) => r.claim === 'both').map((r) => r.year)).toEqual(['2009', '2010', '2011', '2012']);
    const json = JSON.parse(readFileSync(path.join(outDir, 'claims.json'), 'utf8'));
    expect(json.signConvention).toMatch(/^scenario minus reference/);
    expect(json.groups[0].scenarios).toEqual(['baseline', 'more-zones', 'no-zones', 'zones-and-promotion']);
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['claims.csv', 'claims-trajectory.csv', 'claims.json']));
  });

  it('opens the report with the claims section: one row per claim × primary outcome × window, each with a verdict', () => {
    const html = readFileSync(path.join(outDir, 'report.html'), 'utf8');
    const main = html.slice(html.indexOf('<main>'));
    expect(main.indexOf('<section id="claims"')).toBeGreaterThan(0);
    expect(main.indexOf('<section id="claims"')).toBeLessThan(main.indexOf('<section id="run-facts"'));
    expect(html.match(/<tr data-claim="zones-help">/g)).toHaveLength(2);
    expect(html.match(/<tr data-claim="both">/g)).toHaveLength(1);
    expect(html).toContain('data-chart="claim-both-trajectory"');
    expect(html).toContain('data-chart="claim-zones-help-forest"');
  });

  it("stores the robustness variants' replications with only the series the verdicts read, equal to a full recording's", () => {
    const db = new Database(path.join(outDir, 'run.sqlite'), { readonly: true });
    try {
      const rows = db
        .prepare(
          `SELECT t.seed, length(t.province) AS province, length(t.zone) AS zone, length(t.zone_layout) AS layout, length(t.industry_attributes) AS attributes,
                  r.recording_json AS recording, p.overrides_json AS overrides, m.parameters_json AS parameters, m.data_json AS data, t.province AS values_
           FROM tasks t JOIN recordings r ON r.id = t.recording_id JOIN parameter_sets p ON p.id = t.parameter_set_id JOIN models m ON m.id = p.model_id
           WHERE t.parameter_set_id NOT IN (SELECT parameter_set_id FROM scenarios)`,
        )
        .all() as { seed: number; province: number; zone: number; layout: number; attributes: number; recording: string; overrides: string; parameters: string; data: string; values_: Buffer }[];
      // zones-help: form linear and 2 hypercube draws on its 2 arms (6 sets); both: the same 2 draws on
      // its 4 arms, of which the 2 shared with zones-help run once (4 more): 10 sets × 2 replications.
      expect(rows).toHaveLength(20);
      // Each records the outcomes of the claims it serves: the form zones-help's (output, zoneFirmShare),
      // the draws on baseline and no-zones both claims' (and firms), the other draws both's (firms).
      const count = new Map<string, number>();
      for (const row of rows) {
        const recording = JSON.parse(row.recording) as { province: string[] };
        expect({ ...recording, province: [] }).toEqual({ province: [], zone: null, industry: null, outcomes: [], layout: false });
        count.set(recording.province.join(','), (count.get(recording.province.join(',')) ?? 0) + 1);
        expect(row.province).toBe(4 * recording.province.length * 8); // 4 recorded instants (2009–2012), doubles
        expect([row.zone, row.layout, row.attributes]).toEqual([0, 0, 0]);
      }
      expect(Object.fromEntries(count)).toEqual({ 'output,zoneFirmShare': 4, 'firms,output,zoneFirmShare': 8, firms: 8 });
      // The same tasks recorded as a comparison records them: the same values, bit for bit.
      let compared = 0;
      for (const row of rows) {
        const names = (JSON.parse(row.recording) as { province: string[] }).province;
        const input = applyParameterOverrides({ parameters: JSON.parse(row.parameters), ...JSON.parse(row.data) }, JSON.parse(row.overrides));
        const full = recordTask(input, row.seed, comparisonRecording(DEFAULT_RECORD_OPTION));
        const stored = new Float64Array(row.values_.buffer.slice(row.values_.byteOffset, row.values_.byteOffset + row.values_.byteLength));
        const columns = names.map((name) => reporterNames.indexOf(name));
        for (let step = 0; step < full.steps.length; step++) {
          columns.forEach((p, k) => expect(Object.is(stored[step * names.length + k], full.province[step * reporterNames.length + p])).toBe(true));
          compared += columns.length;
        }
      }
      expect(compared).toBe(4 * (4 * 2 + 8 * 3 + 8 * 1));
    } finally {
      db.close();
    }
  });

  it('resumes: running it again computes nothing and rewrites nothing', async () => {
    const again = await run(['claims', path.join(dir, 'claims.yaml'), '--reps', '4', '--workers', '1', '--out', outDir, '--images', 'none', '-q']);
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/ran 0 replications .*outputs unchanged/);
  });

  it('reports a mistake in the claims file as one line and exit code 1', async () => {
    const bad = scratchDir('zonesim-claims-bad-');
    const file = writeSmallClaims(bad, SMALL_CLAIMS_TEXT.replace('contrast: pair', 'contrast: triple'));
    const result = await run(['claims', file, '--reps', '2', '--out', path.join(bad, 'out'), '-q']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^zonesim: .*claims\.yaml: line 22: claims\[0\]\.contrast: expected a contrast kind: one of "pair", "interaction", found "triple"\n$/);
    expect(existsSync(path.join(bad, 'out'))).toBe(false);
  });
});

describe('zonesim claims robustness plan', () => {
  it('refuses a form that sets only a parameter the arms differ in (it would change nothing)', async () => {
    const bad = scratchDir('zonesim-claims-form-');
    const text = SMALL_CLAIMS_TEXT.replace('linear: { choice.agglomeration.form: linear }', 'linear: { zones.count: 3 }');
    const result = await run(['claims', writeSmallClaims(bad, text), '--reps', '2', '--out', path.join(bad, 'out'), '-q']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^zonesim: .*claims\.yaml: claims\[0\] \(zones-help\)\.robustness: expected a form that changes a parameter the claim's arms share, found linear, which sets only parameters in which the arms differ \(the claim's levers\) \(remove the form from the claim\)\n$/);
  });
});
