/**
 * Small claims files for the claims tests: four tiny scenarios (3 years, ~10 ms a replication) in a
 * scratch folder and a claims file over them with a pair and a 2×2.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { smallScenarioText } from '../runner/runnerHelpers.ts';

/** Text of the small claims file (edit it with String.replace to make mistakes). */
export const SMALL_CLAIMS_TEXT = `name: small
description: Small claims for a test.
windows:
  early: { from: 2010, to: 2011 }
groups:
  - name: all
    label: All
    reference: baseline.yaml
    scenarios: [more-zones.yaml, no-zones.yaml, zones-and-promotion.yaml]
robustness:
  replications: 2
  draws: 2
  forms:
    linear: { choice.agglomeration.form: linear }
  ranges:
    choice.agglomeration.coefficient: { min: 0, max: 1 }
claims:
  - id: zones-help
    title: Zones help
    words: { zh: 集中布局, en: Concentrate. }
    rules: [R2]
    contrast: pair
    arms: { scenario: baseline.yaml, reference: no-zones.yaml }
    windows: [early]
    robustness: { forms: [linear] }
    outcomes:
      - { reporter: zoneFirmShare, direction: increase, smallestEffect: { absolute: 0.01 }, primary: true }
      - { reporter: output, direction: increase, smallestEffect: { relative: 0.01 } }
  - id: both
    title: Both
    words: { zh: 筑巢引凤, en: Nest and phoenix. }
    rules: [R15]
    contrast: interaction
    factors: [zones, promotion]
    arms: { both: zones-and-promotion.yaml, first: more-zones.yaml, second: baseline.yaml, neither: no-zones.yaml }
    outcomes:
      - { reporter: firms, direction: increase, smallestEffect: { relative: 0.01 }, primary: true }
`;

/**
 * Write the four scenarios and a claims file (SMALL_CLAIMS_TEXT, or `text`) into `dir`; returns the
 * claims file's path.
 */
export function writeSmallClaims(dir: string, text = SMALL_CLAIMS_TEXT): string {
  writeFileSync(path.join(dir, 'baseline.yaml'), smallScenarioText('baseline', 5));
  writeFileSync(path.join(dir, 'more-zones.yaml'), smallScenarioText('more-zones', 8));
  writeFileSync(path.join(dir, 'no-zones.yaml'), smallScenarioText('no-zones', 0));
  writeFileSync(path.join(dir, 'zones-and-promotion.yaml'), `${smallScenarioText('zones-and-promotion', 8)}promotion:\n  effort: 3\n`);
  const file = path.join(dir, 'claims.yaml');
  writeFileSync(file, text);
  return file;
}
