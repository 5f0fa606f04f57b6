import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SOURCE = path.resolve(import.meta.dirname, '../../src/scenario');

/** Modules that the browser page imports: they and everything they import must avoid Node built-ins. */
const BROWSER_MODULES = [
  'locatedFieldError.ts',
  'scenarioError.ts',
  'suggest.ts',
  'parameterText.ts',
  'validateScenario.ts',
  'parseRelatednessCsv.ts',
  'tokenizeCsv.ts',
  'parseScenarioYaml.ts',
  'jsonSchema.ts',
  'parameterTable.ts',
  'generatedFiles.ts',
  'replicationWork.ts',
];

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(SOURCE, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1]);
}

describe('browser-safe scenario modules', () => {
  it.each(BROWSER_MODULES)('%s imports no Node built-in and no Node-only module', (file) => {
    for (const specifier of importsOf(file)) {
      expect(specifier.startsWith('node:'), `${file} imports ${specifier}`).toBe(false);
      if (specifier.startsWith('./')) expect(BROWSER_MODULES, `${file} imports ${specifier}`).toContain(specifier.slice(2));
      else if (!specifier.startsWith('../model/')) expect(['yaml']).toContain(specifier);
    }
    expect(readFileSync(path.join(SOURCE, file), 'utf8')).not.toMatch(/\bprocess\.|\brequire\(/);
  });
});
