import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The classroom page bundles the verdict and interval modules: they and everything they import must
 * avoid Node built-ins (only simple-statistics from outside the folder), so the report and the page
 * can share them.
 */
const SOURCE = path.resolve(import.meta.dirname, '../../src/statistics');

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(SOURCE, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1]);
}

/** The module and its local imports, transitively. */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const specifier of importsOf(file)) if (specifier.startsWith('./')) closure(specifier.slice(2), seen);
  return seen;
}

describe('browser-safe statistics modules', () => {
  const modules = [...closure('differenceVerdict.ts'), ...closure('meanConfidenceInterval.ts')];
  it('differenceVerdict.ts pulls in pairedDifference.ts and the t distribution', () => {
    expect(modules).toEqual(expect.arrayContaining(['differenceVerdict.ts', 'pairedDifference.ts', 'studentTQuantile.ts']));
  });
  it.each([...new Set(modules)])('%s imports no Node built-in and nothing but simple-statistics from outside', (file) => {
    for (const specifier of importsOf(file)) {
      if (!specifier.startsWith('./')) expect(specifier).toBe('simple-statistics');
    }
    expect(readFileSync(path.join(SOURCE, file), 'utf8')).not.toMatch(/\bprocess\.|\brequire\(|from ['"]node:/);
  });
});
