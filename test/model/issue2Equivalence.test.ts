import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultParameters, type Parameters } from '../../src/model/parameterSpecification.ts';
import { simulateModel } from '../../src/model/simulateModel.ts';
import { createReporterCollector } from '../../src/outcomes/collectReporters.ts';
import { tidyCsvLines } from '../../src/runner/tidyCsv.ts';

/**
 * The policy mechanisms added after the foundation (R6–R16 levers) each have a switch. With every
 * switch off, the model must be exactly the foundation model: this test replays the foundation's
 * output for a fixed seed, recorded when the foundation landed (test/fixtures/model/issue2-golden.json:
 * SHA-256 of the tidy CSV of the foundation's reporters, default parameters, 8 years, seed 12345).
 */
const golden = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'model', 'issue2-golden.json'), 'utf8'),
) as { reporterNames: string[]; sha256: string; bytes: number };

/** Default parameters with every post-foundation mechanism switched off. */
export function foundationParameters(): Parameters {
  const p = defaultParameters();
  p.firms.initialShareInZones = 0;
  p.land.enabled = false;
  p.positioning.enabled = false;
  p.planning.enabled = false;
  p.financing.enabled = false;
  p.credit.enabled = false;
  p.guarantees.enabled = false;
  p.guidanceFund.enabled = false;
  p.services.enabled = false;
  p.promotion.enabled = false;
  p.crisis.enabled = false;
  p.innovation.enabled = false;
  p.circular.enabled = false;
  return p;
}

function foundationCsv(parameters: Parameters): string {
  const collect = createReporterCollector({ names: golden.reporterNames });
  let text = '';
  simulateModel({ parameters, relatedness: null }, 12345, (s) => {
    text += tidyCsvLines('golden', 0, 12345, collect(s));
  });
  return text;
}

describe('switching every new mechanism off gives exactly the foundation model', () => {
  it('reproduces the foundation output byte for byte', () => {
    const p = foundationParameters();
    p.time.years = 8;
    const text = foundationCsv(p);
    expect(text.length).toBe(golden.bytes);
    expect(createHash('sha256').update(text).digest('hex')).toBe(golden.sha256);
  });
});
