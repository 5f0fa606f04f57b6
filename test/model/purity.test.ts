import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const modelDir = path.resolve(import.meta.dirname, '..', '..', 'src', 'model');

/** Code lines (comments stripped) of every source file in src/model. */
function modelSources(): Array<[string, string]> {
  return readdirSync(modelDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => {
      const text = readFileSync(path.join(modelDir, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      return [f, text];
    });
}

describe('src/model is pure and runs unchanged in a browser', () => {
  it('uses no clock, no Math.random, no process and no Node built-ins', () => {
    const forbidden = [/Math\.random/, /Date\.now/, /new Date\(/, /performance\.now/, /\bprocess\./, /from ['"]node:/, /require\(/, /from ['"](fs|path|os|worker_threads|child_process)['"]/];
    const sources = modelSources();
    expect(sources.length).toBeGreaterThan(10);
    for (const [file, text] of sources) {
      for (const pattern of forbidden) expect(`${file}: ${pattern.test(text) ? pattern : 'clean'}`).toBe(`${file}: clean`);
    }
  });

  it('uses only engine-independent arithmetic (no Math.exp/log/pow/trig: their last bits vary by engine)', () => {
    const engineDependent = /Math\.(exp|expm1|log|log1p|log2|log10|pow|cos|sin|tan|acos|asin|atan|atan2|cosh|sinh|tanh|cbrt|hypot)\(/;
    for (const [file, text] of modelSources()) {
      if (file === 'deterministicMath.ts') continue; // the engine-independent replacements themselves
      expect(`${file}: ${engineDependent.exec(text)?.[0] ?? 'clean'}`).toBe(`${file}: clean`);
    }
  });

  it('imports only its own files and seedrandom', () => {
    for (const [file, text] of modelSources()) {
      for (const match of text.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        const ok = match[1].startsWith('./') || match[1] === 'seedrandom';
        expect(`${file} imports ${match[1]}: ${ok}`).toBe(`${file} imports ${match[1]}: true`);
      }
    }
  });

  it('keeps no mutable module-level state (no top-level let/var)', () => {
    for (const [file, text] of modelSources()) {
      expect(`${file}: ${/^(let|var)\s/m.test(text)}`).toBe(`${file}: false`);
    }
  });
});
