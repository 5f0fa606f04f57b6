/**
 * The robustness plan of a claims file: what the variants' tasks record (only the claims' outcomes'
 * province series) and which runs are shared (a variant that changes nothing in an arm reuses the
 * arm's own replications; two variants giving an arm the same parameters share one parameter set).
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadClaimsFile } from '../../src/claims/loadClaimsFile.ts';
import { planClaimsRobustness, robustnessReporters } from '../../src/claims/runClaimsFile.ts';
import { modelInputHash, parameterSetHash } from '../../src/runner/parameterSets.ts';
import { provinceSeriesRecording } from '../../src/runner/recording.ts';
import { removeScratchDirs, scratchDir } from '../support/scratchDirs.ts';
import { SMALL_CLAIMS_TEXT, writeSmallClaims } from './claimsTestFiles.ts';

afterAll(removeScratchDirs);

/**
 * The small claims file with `forms` in place of its single form `linear`, used by claim zones-help,
 * and no robustness draws (a claim's default is a hypercube over the file's ranges).
 */
async function claimsWithForms(forms: Record<string, string>): Promise<Awaited<ReturnType<typeof loadClaimsFile>>> {
  const dir = scratchDir('zonesim-robustness-plan-');
  const formLines = Object.entries(forms)
    .map(([name, setting]) => `    ${name}: { ${setting} }`)
    .join('\n');
  const text = SMALL_CLAIMS_TEXT.replace('    linear: { choice.agglomeration.form: linear }', formLines).replace('robustness: { forms: [linear] }', `robustness: { forms: [${Object.keys(forms).join(', ')}], uncertainty: none }`)
    .replace('    factors: [zones, promotion]\n', '    factors: [zones, promotion]\n    robustness: { uncertainty: none }\n');
  expect(text).toContain('robustness: { uncertainty: none }');
  return loadClaimsFile(writeSmallClaims(dir, text));
}

describe('planClaimsRobustness', () => {
  it('records only the province series of the outcomes of claims with variants, in reporter order', async () => {
    const claims = await claimsWithForms({ linear: 'choice.agglomeration.form: linear' });
    // zones-help (forms) judges zoneFirmShare and output; `both` has no variants here, so firms is not recorded.
    expect(robustnessReporters(claims.definition)).toEqual(['output', 'zoneFirmShare']);
    const plan = planClaimsRobustness(claims, 4);
    expect(plan.recording).toEqual({ province: ['output', 'zoneFirmShare'], zone: null, industry: null, outcomes: [], layout: false });
    // One parameter set per arm (baseline, no-zones), recorded with that recording.
    expect(plan.parameterSets).toHaveLength(2);
    const location = plan.locate('baseline', 'form:linear');
    expect(location.recording).toBe(plan.recording);
    expect(location.replications).toBe(2);
    const baseline = claims.scenarios.find((s) => s.name === 'baseline');
    expect(location.parameterSetHash).toBe(parameterSetHash(modelInputHash(baseline!.modelInput), [['choice.agglomeration.form', 'linear']]));
    // The scenarios' own replications: the comparison's recording (null), every replication.
    expect(plan.locate('baseline', null)).toEqual({ parameterSetHash: parameterSetHash(modelInputHash(baseline!.modelInput), []), replications: 4, recording: null });
  });

  it("reuses an arm's own replications when a variant sets only the values its file already has", async () => {
    // `log` is the default agglomeration form, which every small scenario keeps.
    const claims = await claimsWithForms({ same: 'choice.agglomeration.form: log' });
    const plan = planClaimsRobustness(claims, 4);
    expect(plan.parameterSets).toHaveLength(0);
    const main = plan.locate('no-zones', null);
    expect(plan.locate('no-zones', 'form:same')).toEqual({ parameterSetHash: main.parameterSetHash, replications: 2, recording: null });
  });

  it('runs two variants that give an arm the same parameters once', async () => {
    const claims = await claimsWithForms({ a: 'firms.exitHazard: 0.1', b: 'firms.exitHazard: 0.1' });
    const plan = planClaimsRobustness(claims, 4);
    expect(plan.parameterSets).toHaveLength(2); // one per arm, not per arm × form
    expect(plan.locate('baseline', 'form:b')).toBe(plan.locate('baseline', 'form:a'));
    expect(plan.locate('no-zones', 'form:b')).toBe(plan.locate('no-zones', 'form:a'));
    expect(plan.locate('baseline', 'form:a').parameterSetHash).not.toBe(plan.locate('no-zones', 'form:a').parameterSetHash);
  });

  it('records the outcomes of a claim with hypercube draws (the default robustness of a claim without forms)', async () => {
    const dir = scratchDir('zonesim-robustness-plan-');
    const claims = await loadClaimsFile(writeSmallClaims(dir));
    // zones-help (form linear): output, zoneFirmShare; both (2 draws by default): firms.
    expect(planClaimsRobustness(claims, 4).recording.province).toEqual(['firms', 'output', 'zoneFirmShare']);
  });

  it('plans the bundled file with the outcomes of its claims with variants only', async () => {
    const claims = await loadClaimsFile(path.join(import.meta.dirname, '../../scenarios/claims/speech-2009.yaml'));
    const plan = planClaimsRobustness(claims, 30);
    const expected = new Set(claims.definition.claims.filter((c) => c.robustness.forms.length > 0 || c.robustness.uncertainty !== 'none').flatMap((c) => c.outcomes.map((o) => o.reporter)));
    expect(new Set(plan.recording.province)).toEqual(expected);
    expect(plan.recording.province.length).toBe(expected.size);
    expect(plan.recording.zone).toBeNull();
    expect(plan.recording.layout).toBe(false);
  });
});

describe('provinceSeriesRecording', () => {
  it('refuses a reporter of another scope and a reporter listed twice', () => {
    expect(() => provinceSeriesRecording(['zoneFirms'])).toThrow('"zoneFirms" is not a province reporter');
    expect(() => provinceSeriesRecording(['output', 'output'])).toThrow('"output" is listed twice');
    expect(() => provinceSeriesRecording(['nonsense'])).toThrow('unknown reporter "nonsense"');
  });
});
