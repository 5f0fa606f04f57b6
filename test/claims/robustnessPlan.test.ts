/**
 * The robustness plan of a claims file: what the variants' tasks record (only the province series of
 * the outcomes of the claims they serve) and which runs are shared (a variant that changes nothing in
 * an arm reuses the arm's own replications; two variants giving an arm the same parameters share one
 * parameter set; the same variant of a scenario in two claims is two runs when the claims' levers
 * leave it different overrides).
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadClaimsFile } from '../../src/claims/loadClaimsFile.ts';
import { planClaimsRobustness, variantRecording } from '../../src/claims/runClaimsFile.ts';
import { modelInputHash, parameterSetHash } from '../../src/runner/parameterSets.ts';
import { provinceSeriesRecording } from '../../src/runner/recording.ts';
import { removeScratchDirs, scratchDir } from '../support/scratchDirs.ts';
import { SMALL_CLAIMS_TEXT, writeSmallClaims } from './claimsTestFiles.ts';

afterAll(removeScratchDirs);

/**
 * The small claims file with `forms` in place of its single form `linear`, claim zones-help using
 * them, claim `both` using `bothForms`, and no robustness draws (a claim's default is a hypercube over
 * the file's ranges).
 */
async function claimsWithForms(forms: Record<string, string>, bothForms: readonly string[] = []): Promise<Awaited<ReturnType<typeof loadClaimsFile>>> {
  const formLines = Object.entries(forms)
    .map(([name, setting]) => `    ${name}: { ${setting} }`)
    .join('\n');
  const text = SMALL_CLAIMS_TEXT.replace('    linear: { choice.agglomeration.form: linear }', formLines)
    .replace('robustness: { forms: [linear] }', `robustness: { forms: [${Object.keys(forms).join(', ')}], uncertainty: none }`)
    .replace('    factors: [zones, promotion]\n', `    factors: [zones, promotion]\n    robustness: { forms: [${bothForms.join(', ')}], uncertainty: none }\n`);
  expect(text).toContain(`robustness: { forms: [${bothForms.join(', ')}], uncertainty: none }`);
  return loadClaimsFile(writeSmallClaims(scratchDir('zonesim-robustness-plan-'), text));
}

/** The model hash of a small claims file's scenario. */
function modelOf(claims: Awaited<ReturnType<typeof loadClaimsFile>>, name: string): string {
  const scenario = claims.scenarios.find((s) => s.name === name);
  if (scenario === undefined) throw new Error(`no scenario ${name}`);
  return modelInputHash(scenario.modelInput);
}

describe('planClaimsRobustness', () => {
  it("records only the province series of the claim's outcomes, in reporter order, and nothing else", async () => {
    const claims = await claimsWithForms({ linear: 'choice.agglomeration.form: linear' });
    const plan = planClaimsRobustness(claims, 4);
    // zones-help judges zoneFirmShare and output (output comes first among the province reporters).
    const expected = { province: ['output', 'zoneFirmShare'], zone: null, industry: null, outcomes: [], layout: false };
    expect(plan.parameterSets.map((s) => s.recording)).toEqual([expected, expected]); // one set per arm
    const location = plan.locate('baseline', 'form:linear', 'zones-help');
    expect(location).toEqual({ parameterSetHash: parameterSetHash(modelOf(claims, 'baseline'), [['choice.agglomeration.form', 'linear']]), replications: 2, recording: expected });
    // The scenarios' own replications: the comparison's recording (null), every replication.
    expect(plan.locate('baseline', null, 'zones-help')).toEqual({ parameterSetHash: parameterSetHash(modelOf(claims, 'baseline'), []), replications: 4, recording: null });
    expect(() => plan.locate('baseline', 'form:other', 'zones-help')).toThrow('no robustness variant form:other of scenario "baseline" in claim zones-help');
  });

  it('records for a run shared by two claims the outcomes of both', async () => {
    // The small file as it is: zones-help (form linear, 2 hypercube draws; output, zoneFirmShare) and
    // both (2 hypercube draws; firms) — the same draws on baseline and no-zones serve both claims.
    const claims = await loadClaimsFile(writeSmallClaims(scratchDir('zonesim-robustness-plan-')));
    const plan = planClaimsRobustness(claims, 4);
    const province = (scenario: string, variant: string, claim: string): readonly string[] | undefined => plan.locate(scenario, variant, claim).recording?.province;
    expect(province('baseline', 'draw:ranges:0', 'zones-help')).toEqual(['firms', 'output', 'zoneFirmShare']);
    expect(plan.locate('baseline', 'draw:ranges:0', 'both')).toBe(plan.locate('baseline', 'draw:ranges:0', 'zones-help'));
    expect(province('baseline', 'form:linear', 'zones-help')).toEqual(['output', 'zoneFirmShare']);
    expect(province('more-zones', 'draw:ranges:1', 'both')).toEqual(['firms']);
    // 2 arms × (1 form + 2 draws) + the 2 draws on the 2 arms of `both` not in zones-help.
    expect(plan.parameterSets).toHaveLength(10);
  });

  it("reuses an arm's own replications when a variant sets only the values its file already has", async () => {
    // `log` is the default agglomeration form, which every small scenario keeps.
    const claims = await claimsWithForms({ same: 'choice.agglomeration.form: log' });
    const plan = planClaimsRobustness(claims, 4);
    expect(plan.parameterSets).toHaveLength(0);
    const main = plan.locate('no-zones', null, 'zones-help');
    expect(plan.locate('no-zones', 'form:same', 'zones-help')).toEqual({ parameterSetHash: main.parameterSetHash, replications: 2, recording: null });
  });

  it('runs two variants that give an arm the same parameters once', async () => {
    const claims = await claimsWithForms({ a: 'firms.exitHazard: 0.1', b: 'firms.exitHazard: 0.1' });
    const plan = planClaimsRobustness(claims, 4);
    expect(plan.parameterSets).toHaveLength(2); // one per arm, not per arm × form
    expect(plan.locate('baseline', 'form:b', 'zones-help')).toBe(plan.locate('baseline', 'form:a', 'zones-help'));
    expect(plan.locate('no-zones', 'form:b', 'zones-help')).toBe(plan.locate('no-zones', 'form:a', 'zones-help'));
    expect(plan.locate('baseline', 'form:a', 'zones-help').parameterSetHash).not.toBe(plan.locate('no-zones', 'form:a', 'zones-help').parameterSetHash);
  });

  it('locates a variant of a scenario per claim: a lever of one claim is a shared override in another', async () => {
    // promotion.effort differs between the arms of `both` (a lever there, left out) but not between
    // those of zones-help (applied there): baseline runs with other parameters in each claim.
    const claims = await claimsWithForms({ f: 'promotion.effort: 2, firms.exitHazard: 0.1' }, ['f']);
    const plan = planClaimsRobustness(claims, 4);
    expect(plan.locate('baseline', 'form:f', 'zones-help').parameterSetHash).toBe(
      parameterSetHash(modelOf(claims, 'baseline'), [
        ['promotion.effort', 2],
        ['firms.exitHazard', 0.1],
      ]),
    );
    expect(plan.locate('baseline', 'form:f', 'both').parameterSetHash).toBe(parameterSetHash(modelOf(claims, 'baseline'), [['firms.exitHazard', 0.1]]));
    expect(plan.locate('baseline', 'form:f', 'both').recording?.province).toEqual(['firms']);
  });

  it('plans the bundled file: every run records the outcomes of the claims it serves, all of them together those of the claims with variants', async () => {
    const claims = await loadClaimsFile(path.join(import.meta.dirname, '../../scenarios/claims/speech-2009.yaml'));
    const plan = planClaimsRobustness(claims, 30);
    const recorded = new Set<string>();
    for (const claim of claims.definition.claims) {
      const outcomes = claim.outcomes.map((o) => o.reporter);
      for (const variant of plan.variantsOf.get(claim.id) ?? []) {
        for (const arm of Object.values(claim.arms)) {
          const recording = plan.locate(claims.scenarioNameOf.get(arm) as string, variant.key, claim.id).recording;
          expect(recording).not.toBeNull();
          expect(recording?.province).toEqual(expect.arrayContaining(outcomes));
          expect(recording?.zone).toBeNull();
          expect(recording?.layout).toBe(false);
          for (const r of recording?.province ?? []) recorded.add(r);
        }
      }
    }
    const withVariants = claims.definition.claims.filter((c) => (plan.variantsOf.get(c.id) ?? []).length > 0).flatMap((c) => c.outcomes.map((o) => o.reporter));
    expect(recorded).toEqual(new Set(withVariants));
  });
});

describe('variantRecording and provinceSeriesRecording', () => {
  it('orders the reporters as the province reporters are and refuses other scopes and duplicates', () => {
    expect(variantRecording(new Set(['zoneFirmShare', 'output', 'firms'])).province).toEqual(['firms', 'output', 'zoneFirmShare']);
    expect(() => provinceSeriesRecording(['zoneFirms'])).toThrow('"zoneFirms" is not a province reporter');
    expect(() => provinceSeriesRecording(['output', 'output'])).toThrow('"output" is listed twice');
    expect(() => provinceSeriesRecording(['nonsense'])).toThrow('unknown reporter "nonsense"');
  });
});
