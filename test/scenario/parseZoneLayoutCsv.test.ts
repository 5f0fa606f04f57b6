import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialiseModel } from '../../src/model/initialiseModel.ts';
import { parseZoneLayoutCsv, type ParseZoneLayoutOptions } from '../../src/scenario/parseZoneLayoutCsv.ts';
import { loadScenarioFile } from '../../src/scenario/loadScenarioFile.ts';
import { ScenarioError } from '../../src/scenario/scenarioError.ts';

const fixtures = path.resolve(import.meta.dirname, '..', 'fixtures', 'scenario');
const options: ParseZoneLayoutOptions = { file: 'z.csv', scenarioFile: 's.yaml', zoneCount: 2, initialFirmCount: 10, industryNames: ['A1', 'B1'] };

function messageOf(text: string, overrides: Partial<ParseZoneLayoutOptions> = {}): string {
  try {
    parseZoneLayoutCsv(text, { ...options, ...overrides });
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as Error).message;
  }
  throw new Error('no error');
}

describe('parseZoneLayoutCsv', () => {
  it('reads the required and optional columns in any order, with a BOM and CRLF', () => {
    const layout = parseZoneLayoutCsv('\uFEFFy,x,name,plannedHa,initialFirms\r\n2,1,A,1000,4\r\n4,3,"B, east",800,0\r\n', options);
    expect(layout).toEqual({
      names: ['A', 'B, east'], plannedHa: [1000, 800], x: [1, 3], y: [2, 4],
      servicedHa: null, baseWeight: null, initialFirms: [4, 0], initialFirmsByIndustry: null,
    });
  });

  it('reads initial firms per industry into a zone × industry grid (missing industries have none)', () => {
    const layout = parseZoneLayoutCsv('name,plannedHa,x,y,firms.B1\nA,1,0,0,2\nB,1,0,0,\n', options);
    expect(layout.initialFirmsByIndustry).toEqual([0, 2, 0, 0]);
  });

  it.each([
    ['', 'z.csv: expected a header row (name, plannedHa, x, y, …) and one row per zone, found an empty file'],
    ['name,plannedHa,x\nA,1,2\nB,1,2\n', 'z.csv: row 1: expected a column named "y", found none'],
    ['name,plannedHa,x,y,plannedha\nA,1,2,3,4\nB,1,2,3,4\n', 'z.csv: row 1, column 5: expected a column name (name, plannedHa, x, y, servicedHa, baseWeight, initialFirms, firms.<industry>), found "plannedha" (did you mean "plannedHa"?)'],
    ['name,plannedHa,x,y,x\nA,1,2,3,4\nB,1,2,3,4\n', 'z.csv: row 1, column 5: expected each column once, found "x" again (also column 3)'],
    ['name,plannedHa,x,y\nA,1,2,3\n', 'z.csv: expected one row per zone: 2 (zones.count in s.yaml), found 1 rows'],
    ['name,plannedHa,x,y\nA,1,2,3\nA,1,2,3\n', 'z.csv: row 3, column 1: expected a unique zone name, found "A" again (also row 2)'],
    ['name,plannedHa,x,y\nA,0,2,3\nB,1,2,3\n', 'z.csv: row 2, column 2: expected a planned area in ha, a finite number > 0, found 0'],
    ['name,plannedHa,x,y\nA,1 km2,2,3\nB,1,2,3\n', 'z.csv: row 2, column 2: expected a planned area in ha, a finite number > 0, found "1 km2"'],
    ['name,plannedHa,x,y,servicedHa\nA,100,2,3,150\nB,1,2,3,1\n', 'z.csv: row 2, column 5: expected serviced land in ha in [0, plannedHa = 100], found 150'],
    ['name,plannedHa,x,y,servicedHa\nA,100,2,3,50\nB,1,2,3,\n', 'z.csv: row 3, column 5: expected a value in every row, as in row 2 (or in none), found an empty cell'],
    ['name,plannedHa,x,y,initialFirms\nA,1,2,3,2.5\nB,1,2,3,1\n', 'z.csv: row 2, column 5: expected a whole number of firms ≥ 0, found 2.5'],
    ['name,plannedHa,x,y,initialFirms\nA,1,2,3,8\nB,1,2,3,3\n', 'z.csv: expected at most firms.initialCount (10 in s.yaml) initial firms in the zones, found 11'],
    ['name,plannedHa,x,y,initialFirms,firms.A1\nA,1,2,3,1,1\nB,1,2,3,1,1\n', 'z.csv: row 1: expected initial firms either in total (initialFirms) or per industry (firms.<industry>), found both'],
    ['name,plannedHa,x,y,firms.A2\nA,1,2,3,1\nB,1,2,3,1\n', 'z.csv: row 1, column 5: expected a column name (name, plannedHa, x, y, servicedHa, baseWeight, initialFirms, firms.<industry>), found "firms.A2" (did you mean "firms.A1"?)'],
    ['name,plannedHa,x,y,firms.steel\nA,1,2,3,1\nB,1,2,3,1\n', 'z.csv: row 1, column 5: expected a column name (name, plannedHa, x, y, servicedHa, baseWeight, initialFirms, firms.<industry>), found "firms.steel" (industries are A1, B1)'],
    ['name,plannedHa,x,y\nA,1,2,3,\nB,1,2,3\n', 'z.csv: row 2: expected 4 cells like the header row, found 5 cells (a trailing comma adds an empty cell)'],
    ['name,plannedHa,x,y,baseWeight\nA,1,2,3,-1\nB,1,2,3,1\n', 'z.csv: row 2, column 5: expected an industrial-base weight, a finite number > 0, found -1'],
  ])('refuses %j in one line', (text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

describe('a scenario with a zone data file', () => {
  it('takes names, locations and areas from the file; the industrial base places initial firms', async () => {
    const loaded = await loadScenarioFile(path.join(fixtures, 'zone-file.yaml'));
    const layout = loaded.modelInput.zoneLayout!;
    expect(layout.names).toEqual(['Yanling', 'Xiangcheng', 'Yuanyang']);
    const state = initialiseModel(loaded.modelInput, 5);
    const zones = state.zones;
    expect(zones.names).toEqual(['Yanling', 'Xiangcheng', 'Yuanyang']);
    expect([zones.x[0], zones.y[2]]).toEqual([212.5, 320.7]);
    // Totals from the file hold the initial firms (serviced raised only where it would not).
    for (let z = 0; z < 3; z++) {
      expect(zones.servicedHa[z]).toBeGreaterThanOrEqual(Math.max(layout.servicedHa![z], zones.usedHa[z]) - 1e-9);
      expect(zones.plannedHa[z]).toBeGreaterThanOrEqual(zones.servicedHa[z]);
    }
    // 300 firms, 25 % in zones by base weight 1.4 : 1 : 2: expected 32, 23, 45 (binomial sd ≈ 5).
    const firmsIn = [zones.firms[0], zones.firms[1], zones.firms[2]];
    expect(firmsIn[2]).toBeGreaterThan(firmsIn[1]);
    expect(firmsIn[0] + firmsIn[1] + firmsIn[2] + zones.firms[3]).toBe(300);
    expect(loaded.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('puts exactly the file’s initial firms per industry in each zone, the rest outside', async () => {
    const loaded = await loadScenarioFile(path.join(fixtures, 'zone-file-by-industry.yaml'));
    const state = initialiseModel(loaded.modelInput, 5);
    const k = state.industries.count;
    const cells = (z: number): number[] => Array.from(state.zones.industryFirms.subarray(z * k, z * k + 2));
    expect(cells(0)).toEqual([3, 0]);
    expect(cells(1)).toEqual([0, 2]);
    expect(cells(2)).toEqual([1, 1]);
    expect(state.zones.firms[3]).toBe(20 - 7);
  });

  it('refuses a file whose rows do not match zones.count, naming both files', () => {
    expect(messageOf('name,plannedHa,x,y\nA,1,2,3\nB,1,2,3\nC,1,2,3\n', { zoneCount: 12, scenarioFile: 'my.yaml' })).toBe(
      'z.csv: expected one row per zone: 12 (zones.count in my.yaml), found 3 rows',
    );
  });
});
