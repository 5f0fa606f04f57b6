/**
 * `zonesim claims <file> --dry-run`: the claims file, its scenarios and its robustness variants are
 * loaded and checked, one line says what would run, and nothing is run or written (no run folder).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { removeScratchDirs, scratchDir } from '../support/scratchDirs.ts';
import { SMALL_CLAIMS_TEXT, writeSmallClaims } from './claimsTestFiles.ts';

afterAll(removeScratchDirs);

/** Run the command line; returns the exit code and what it printed. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'zonesim', ...args], { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const BUNDLED = path.resolve(import.meta.dirname, '..', '..', 'scenarios', 'claims', 'speech-2009.yaml');

describe('zonesim claims --dry-run', () => {
  it('prints the plan of the bundled file and creates no run folder', async () => {
    const outDir = path.join(scratchDir('zonesim-claims-dry-'), 'out');
    const result = await run(['claims', BUNDLED, '--dry-run', '--workers', '1', '--out', outDir]);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    // Independently, from scenarios/claims/speech-2009.yaml: 10 claims; its groups and arms name the
    // 21 bundled scenarios, 30 replications each, of which baseline and leverage-moderate have the same
    // parameters and share theirs: 21 × 30 − 30 = 600. Variants: forms + 8 draws per claim —
    // concentration-teaching 3 + 8, relatedness-positioning 2 + 8, land-intensive 1 + 8, the 7 others
    // 0 + 8: 11 + 10 + 9 + 7 × 8 = 86; as parameter sets (arms × variants, shared ones once) 148, run
    // for 5 replications: 740 (docs/claims.md, "Cost"). In all 600 + 740 = 1340.
    expect(result.out).toMatch(
      new RegExp(
        `^ok ${BUNDLED.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(speech-2009\\): 10 claim\\(s\\); 21 scenario\\(s\\) × 30 replications and 86 robustness variant\\(s\\) ` +
          '\\(148 parameter set\\(s\\) × 5 replications\\): 1340 replications in all on 1 worker\\(s\\), about \\d+ (s|min), \\d+ MB of memory, \\d+ MB of disk if the folder holds none yet\\. ' +
          `Output folder: ${outDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(dry run: nothing run or written\\)\\.\\n$`,
      ),
    );
    expect(existsSync(outDir)).toBe(false);
  });

  it('counts the replications of a small file and follows --reps', async () => {
    const dir = scratchDir('zonesim-claims-dry-small-');
    const outDir = path.join(dir, 'out');
    const result = await run(['claims', writeSmallClaims(dir), '--dry-run', '--reps', '3', '--workers', '1', '--out', outDir]);
    expect(result.code).toBe(0);
    // 4 scenarios × 3 = 12. Variants (the file has ranges, so uncertainty defaults to ranges, 2 draws):
    // zones-help 1 form + 2 draws = 3, on its 2 arms = 6 parameter sets; both: the same 2 draws (the
    // hypercube is seeded by the file's name) on 4 arms, of which baseline's and no-zones' are already
    // counted: 4 more. 10 parameter sets × 2 replications = 20; in all 12 + 20 = 32.
    expect(result.out).toContain(': 2 claim(s); 4 scenario(s) × 3 replications and 5 robustness variant(s) (10 parameter set(s) × 2 replications): 32 replications in all on 1 worker(s), about ');
    expect(existsSync(outDir)).toBe(false);
  });

  it('reports a broken claims file as one line with exit code 1 and creates no folder', async () => {
    const dir = scratchDir('zonesim-claims-dry-bad-');
    const outDir = path.join(dir, 'out');
    const file = writeSmallClaims(dir, SMALL_CLAIMS_TEXT.replace('arms: { scenario: baseline.yaml, reference: no-zones.yaml }', 'arms: { scenario: baseline.yaml, reference: no-zone.yaml }'));
    const result = await run(['claims', file, '--dry-run', '--out', outDir]);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^zonesim: .*claims\.yaml: line 23: claims\[0\]\.arms\.reference: expected an existing scenario file .*found .*no-zone\.yaml.*did you mean "no-zones\.yaml"\?\)?\n$/);
    expect(existsSync(outDir)).toBe(false);
  });

  it('checks the robustness variants as a run does: a form that changes nothing is refused', async () => {
    const dir = scratchDir('zonesim-claims-dry-form-');
    const text = SMALL_CLAIMS_TEXT.replace('linear: { choice.agglomeration.form: linear }', 'linear: { zones.count: 3 }');
    const result = await run(['claims', writeSmallClaims(dir, text), '--dry-run', '--out', path.join(dir, 'out')]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^zonesim: .*claims\.yaml: claims\[0\] \(zones-help\)\.robustness: expected a form that changes a parameter the claim's arms share, found linear, .*\n$/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('checks --baseline as a run does', async () => {
    const dir = scratchDir('zonesim-claims-dry-baseline-');
    const result = await run(['claims', writeSmallClaims(dir), '--dry-run', '--baseline', 'nope', '--out', path.join(dir, 'out')]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^zonesim: [^\n]*nope[^\n]*\n$/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
