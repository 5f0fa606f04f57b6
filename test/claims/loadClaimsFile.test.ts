/**
 * Claims files: the bundled one loads and covers every bundled scenario; mistakes give one line that
 * names the file, the line and the field, what was expected and what was found.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadClaimsFile } from '../../src/claims/loadClaimsFile.ts';
import { planClaimsRobustness } from '../../src/claims/runClaimsFile.ts';
import { CLAIMS_SCHEMA_PATH, renderClaimsJsonSchema } from '../../src/claims/claimsSchema.ts';
import { bundledClaimsFile, bundledScenarioFiles } from '../../src/cli/main.ts';
import { loadScenarioFiles } from '../../src/scenario/loadScenarioFile.ts';
import { ScenarioError } from '../../src/scenario/scenarioError.ts';
import { removeScratchDirs, scratchDir } from '../support/scratchDirs.ts';
import { SMALL_CLAIMS_TEXT, writeSmallClaims } from './claimsTestFiles.ts';

afterAll(removeScratchDirs);

const root = path.resolve(import.meta.dirname, '..', '..');

/** The one-line message of loading the small claims file with `from` replaced by `to`. */
async function errorOf(from: string | RegExp, to: string): Promise<string> {
  const text = SMALL_CLAIMS_TEXT.replace(from, to);
  expect(text).not.toBe(SMALL_CLAIMS_TEXT);
  const file = writeSmallClaims(scratchDir('zonesim-claims-'), text);
  try {
    await loadClaimsFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    const message = (error as Error).message;
    expect(message).not.toMatch(/\n/);
    return message.replace(file, 'claims.yaml');
  }
  throw new Error('expected an error');
}

describe('the bundled claims file', () => {
  it('loads, and its groups and arms cover every bundled scenario', async () => {
    const claims = await loadClaimsFile(bundledClaimsFile);
    const bundled = await loadScenarioFiles(bundledScenarioFiles());
    expect(claims.scenarios.map((s) => s.name).sort()).toEqual(bundled.map((s) => s.name).sort());
    expect(claims.definition.claims.length).toBeGreaterThanOrEqual(8);
    expect(claims.definition.claims.filter((c) => c.contrast === 'interaction').map((c) => c.id)).toEqual(['nest-and-phoenix', 'crisis-policies']);
    expect(claims.posterior?.parameters.length).toBeGreaterThan(0);
    // Its robustness plan is valid for every arm; the variants of claims over the same arms share their
    // runs: 148 parameter sets (docs/claims.md, Cost), 16 of them at Henan scale (2 arms × 8 draws).
    const plan = planClaimsRobustness(claims, 30);
    expect(plan.parameterSets).toHaveLength(148);
    expect(plan.parameterSets.filter((p) => p.input.parameters.zones.count === 180 || p.description.includes('henan'))).toHaveLength(16);
  });

  it('has a committed JSON Schema that is up to date (npm run schema:claims)', () => {
    expect(readFileSync(path.join(root, CLAIMS_SCHEMA_PATH), 'utf8')).toBe(renderClaimsJsonSchema());
  });
});

describe('loadClaimsFile errors', () => {
  it('the small file loads: scenarios each once, groups first', async () => {
    const claims = await loadClaimsFile(writeSmallClaims(scratchDir('zonesim-claims-')));
    expect(claims.scenarios.map((s) => s.name)).toEqual(['baseline', 'more-zones', 'no-zones', 'zones-and-promotion']);
    expect(claims.definition.claims[0].windows).toEqual(['end', 'early']);
  });

  it('an unknown scenario file, at its line, with a did-you-mean', async () => {
    expect(await errorOf('reference: no-zones.yaml }', 'reference: no-zone.yaml }')).toMatch(
      /^claims\.yaml: line 23: claims\[0\].arms\.reference: expected an existing scenario file \(paths are relative to the claims file\), found no such file .*no-zone\.yaml" \(did you mean "no-zones\.yaml"\?\)$/,
    );
  });

  it('a scenario file that exists but is a folder: no did-you-mean naming the file itself (found by the fuzz suite)', async () => {
    const dir = scratchDir('zonesim-claims-');
    const file = writeSmallClaims(dir);
    rmSync(path.join(dir, 'no-zones.yaml'));
    mkdirSync(path.join(dir, 'no-zones.yaml'));
    const message = await loadClaimsFile(file).then(
      () => '',
      (error: Error) => error.message,
    );
    expect(message).toMatch(/line 9: groups\[0\]\.scenarios\[1\]: expected an existing scenario file \(paths are relative to the claims file\), found a folder/);
    expect(message).not.toMatch(/did you mean/);
  });

  it('a claims file that is a folder: no did-you-mean naming itself', async () => {
    const dir = scratchDir('zonesim-claims-');
    mkdirSync(path.join(dir, 'c.yaml'));
    const message = await loadClaimsFile(path.join(dir, 'c.yaml')).then(
      () => '',
      (error: Error) => error.message,
    );
    expect(message).toMatch(/c\.yaml: expected an existing regular file of at most 1 MiB, found a folder/);
    expect(message).not.toMatch(/did you mean/);
  });

  it('an unknown reporter, with a did-you-mean', async () => {
    expect(await errorOf('reporter: output,', 'reporter: outptu,')).toMatch(
      /^claims\.yaml: line 28: claims\[0\].outcomes\[1\]\.reporter: expected a province reporter .*, found unknown reporter "outptu" \(did you mean "output"\?\)$/,
    );
  });

  it('a zone reporter is not an outcome of a claim', async () => {
    expect(await errorOf('reporter: output,', 'reporter: zoneOutput,')).toContain('found "zoneOutput", a zone or industry reporter');
  });

  it('a window that ends before it starts', async () => {
    expect(await errorOf('early: { from: 2010, to: 2011 }', 'early: { from: 2011, to: 2010 }')).toMatch(/^claims\.yaml: line 4: windows\.early\.to: expected a year in \[1900, 2200\] .*, at least from \(2011\), found 2010$/);
  });

  it('a window no recorded year falls in', async () => {
    expect(await errorOf('early: { from: 2010, to: 2011 }', 'early: { from: 2050, to: 2060 }')).toMatch(/claims\[0\]\.windows\[0\]: expected a window holding at least one recorded year .*, found early \(2050–2060\)$/);
  });

  it('a window a claim names but the file does not define', async () => {
    expect(await errorOf('windows: [early]', 'windows: [crisis]')).toMatch(/line 24: claims\[0\]\.windows\[0\]: expected "end" or a window of the file's windows \(early\), found unknown window "crisis"$/);
  });

  it('an unknown contrast kind, with a did-you-mean', async () => {
    expect(await errorOf('contrast: interaction', 'contrast: interactoin')).toMatch(/line 33: claims\[1\].contrast: expected a contrast kind: one of "pair", "interaction", found "interactoin" \(did you mean "interaction"\?\)$/);
  });

  it('a 2×2 without four arms', async () => {
    expect(await errorOf(', neither: no-zones.yaml }', ' }')).toMatch(
      /line 35: claims\[1\].arms: expected the 4 arms of a 2×2 interaction: both, first, second, neither, found 3 arms \(missing neither\)$/,
    );
  });

  it('an arm key of the other contrast', async () => {
    expect(await errorOf('arms: { scenario: baseline.yaml, reference: no-zones.yaml }', 'arms: { both: baseline.yaml, reference: no-zones.yaml }')).toMatch(/claims\[0\]\.arms\.both: expected one of the keys of the arms of a pair \(scenario, reference\)/);
  });

  it('an unknown form, and a form value outside the parameter’s choices', async () => {
    expect(await errorOf('robustness: { forms: [linear] }', 'robustness: { forms: [linea] }')).toMatch(/claims\[0\]\.robustness\.forms\[0\]: expected a form of robustness\.forms \(linear\), found unknown form "linea" \(did you mean "linear"\?\)$/);
    expect(await errorOf('form: linear }', 'form: quadratic }')).toMatch(/robustness\.forms\.linear\.choice\.agglomeration\.form: expected a choice of choice\.agglomeration\.form: one of "log", "linear", "bounded", found "quadratic"/);
  });

  it('a range outside the parameter’s allowed range', async () => {
    expect(await errorOf('coefficient: { min: 0, max: 1 }', 'coefficient: { min: 0, max: 1000 }')).toMatch(/robustness\.ranges\.choice\.agglomeration\.coefficient\.max: expected a number in \[-100, 100\]/);
  });

  it('a smallest effect with both kinds, and a relative one below 0', async () => {
    expect(await errorOf('smallestEffect: { absolute: 0.01 }', 'smallestEffect: { absolute: 0.01, relative: 0.1 }')).toContain('claims[0].outcomes[0].smallestEffect: expected a mapping with one of relative');
    expect(await errorOf('smallestEffect: { absolute: 0.01 }', 'smallestEffect: { relative: -0.1 }')).toContain('claims[0].outcomes[0].smallestEffect.relative: expected a number in [0, 10]');
  });

  it('a rule id that is not R1 … R16, and an unknown key with a did-you-mean', async () => {
    expect(await errorOf('rules: [R2]', 'rules: [R17]')).toContain('claims[0].rules[0]: expected a rule id R1 … R16');
    expect(await errorOf('    title: Zones help', '    titel: Zones help')).toMatch(/claims\[0\]\.titel: expected one of the keys of a claim .*found unknown key "titel" \(did you mean "title"\?\)$/);
  });

  it('two claims with one id', async () => {
    expect(await errorOf('id: both', 'id: zones-help')).toMatch(/line 29: claims\[1\].id: expected an id no other claim uses, found "zones-help"$/);
  });
});
