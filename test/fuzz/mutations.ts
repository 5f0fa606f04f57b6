/**
 * Mutations of YAML files for the fuzz suite, as fast-check arbitraries: structured mutations of the
 * parsed document (a parameter set to a valid, edge, out-of-range, non-finite, subnormal or huge
 * value or to a value of the wrong type; keys deleted; unknown, dotted, prototype and very long keys
 * inserted) and text mutations of the file (byte order mark, CRLF, bytes that are not UTF-8, UTF-16,
 * duplicated lines, alias bombs, deep nesting, `%YAML 1.1`, tags, complex keys, several documents,
 * truncation, very long lines, odd characters).
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { listParameterLeaves, type ParameterLeaf } from '../../src/model/parameterSpecification.ts';

/** A file's content: text, or bytes when a mutation made it something other than UTF-8. */
export type FileContent = string | Uint8Array;

/** Numbers that break careless code: zeros, subnormals, tiny and huge magnitudes, non-finite values, 2^53 + 1. */
export const EDGE_NUMBERS: readonly number[] = [
  0, -0, 1, -1, 0.5, 2, 3, 5e-324, 1e-320, 2.2250738585072014e-308, 1e-300, 1e-165, 1e-100, 1e-9, 1e100, 1e300, Number.MAX_VALUE,
  -Number.MAX_VALUE, 2 ** 53, 2 ** 53 + 2, 1e21, 1e7, 1e8, 1e9, 4294967295, 4294967296, 100, 1000, 1e6, Number.NaN,
  Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
];

/** A number of any kind, edge numbers often. */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }) },
  { weight: 2, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) },
);

/** A string that is very long (1,000 to 100,000 characters). */
export const longString: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1000, max: 100_000 }), fc.constantFrom('x', 'é', '产', 'a-', '<script>'))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

/** Text YAML might read as something else, and text with odd characters. */
const trickyStrings = fc.constantFrom('12', 'yes', 'no', 'on', '1:30', 'true', '.nan', '', ' ', 'log', 'weights', '0x1F', '1e400', 'NaN', 'Infinity', '=1+1', '-', '~', 'null', '产业集聚区', '\u202e', '\u0000', 'a\nb');

/** Any scalar: numbers, booleans, null, strings (tricky, random, very long). */
export const anyScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: trickyStrings },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: longString },
);

/** Any value: mostly scalars, sometimes a short list or a small mapping. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: anyScalar },
  { weight: 1, arbitrary: fc.array(anyScalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), anyScalar, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.array(anyNumber, { minLength: 1, maxLength: 250 }) },
);

/** The next double above `x`. */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Number.POSITIVE_INFINITY) return x;
  if (x === 0) return Number.MIN_VALUE;
  const bits = new BigInt64Array(new Float64Array([x]).buffer);
  bits[0] += x > 0 ? 1n : -1n;
  return new Float64Array(bits.buffer)[0];
}

/** The next double below `x`. */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/** Every table parameter with its dotted path. */
export const PARAMETER_LEAVES: ReadonlyArray<readonly [string, ParameterLeaf]> = listParameterLeaves();

/**
 * A value for a parameter: often valid (in range, of the right kind), often at or just beyond an
 * edge of its range, sometimes anything at all.
 */
export function parameterValue(leaf: ParameterLeaf): fc.Arbitrary<unknown> {
  switch (leaf.kind) {
    case 'number':
    case 'integer': {
      const exclusive = leaf.kind === 'number' && leaf.exclusiveMinimum === true;
      const lowest = exclusive ? nextUp(leaf.minimum) : leaf.minimum;
      const edges = [lowest, nextUp(lowest), leaf.maximum, nextDown(leaf.maximum), leaf.minimum, nextDown(leaf.minimum), nextUp(leaf.maximum), leaf.maximum * 10, leaf.minimum - 1, leaf.maximum + 1];
      const valid =
        leaf.kind === 'integer'
          ? fc.integer({ min: leaf.minimum, max: leaf.maximum })
          : fc.double({ min: leaf.minimum, max: leaf.maximum, minExcluded: exclusive, noNaN: true });
      return fc.oneof(
        { weight: 4, arbitrary: valid },
        { weight: 3, arbitrary: fc.constantFrom(...edges.filter((v) => leaf.kind !== 'integer' || Number.isInteger(v))) },
        { weight: 1, arbitrary: anyValue },
      );
    }
    case 'boolean':
      return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: anyValue });
    case 'choice':
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...leaf.choices) }, { weight: 1, arbitrary: anyValue });
    case 'numberList':
      return fc.oneof(
        { weight: 3, arbitrary: fc.array(fc.double({ min: leaf.minimum, max: leaf.maximum, noNaN: true }), { maxLength: 210 }) },
        { weight: 1, arbitrary: fc.array(anyNumber, { maxLength: 210 }) },
        { weight: 1, arbitrary: anyValue },
      );
    case 'path':
      return fc.oneof({ weight: 2, arbitrary: fc.constantFrom(null, 'r.csv', 'missing.csv', '', '.', '/dev/zero') }, { weight: 1, arbitrary: anyValue });
  }
}

/** One structured mutation of a parsed document. */
export type StructuredMutation =
  | { readonly op: 'setParameter'; readonly path: string; readonly value: unknown }
  | { readonly op: 'setExisting'; readonly pick: number; readonly value: unknown }
  | { readonly op: 'delete'; readonly pick: number }
  | { readonly op: 'insertKey'; readonly pick: number; readonly key: string; readonly value: unknown };

/** Keys that name nothing in zonesim or that are JavaScript's own (prototype pollution attempts). */
const oddKeys = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'zones.count', 'time.years', '', ' ', 'Name', 'levers', '<<', '产业'),
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.integer({ min: 200, max: 1000 }).map((n) => 'k'.repeat(n)),
);

/** A mutation of whatever a document holds (not aimed at table parameters): for experiment files. */
export const genericMutation: fc.Arbitrary<StructuredMutation> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('setExisting' as const), pick: fc.nat(), value: anyValue }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('insertKey' as const), pick: fc.nat(), key: oddKeys, value: anyValue }) },
);

/** A structured mutation: setting table parameters is the most frequent, to explore the valid space too. */
export const structuredMutation: fc.Arbitrary<StructuredMutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .integer({ min: 0, max: PARAMETER_LEAVES.length - 1 })
      .chain((index) => parameterValue(PARAMETER_LEAVES[index][1]).map((value) => ({ op: 'setParameter' as const, path: PARAMETER_LEAVES[index][0], value }))),
  },
  { weight: 4, arbitrary: genericMutation },
);

type Container = Record<string, unknown> | unknown[];

/** Every [container, key] of a document, depth first (the document itself has no key). */
function slots(root: unknown): Array<[Container, string | number]> {
  const out: Array<[Container, string | number]> = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        out.push([node, index]);
        stack.push(child);
      });
    } else if (typeof node === 'object' && node !== null) {
      for (const key of Object.keys(node)) {
        out.push([node as Record<string, unknown>, key]);
        stack.push((node as Record<string, unknown>)[key]);
      }
    }
  }
  return out;
}

/** Set an own property, even `__proto__` (a plain assignment would change the prototype instead). */
function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Apply structured mutations to a copy of a document.
 *
 * @returns The mutated copy (the input is not changed).
 */
export function applyStructuredMutations(document: Record<string, unknown>, mutations: readonly StructuredMutation[]): unknown {
  let root: unknown = JSON.parse(JSON.stringify(document)) as unknown;
  for (const mutation of mutations) {
    if (mutation.op === 'setParameter') {
      if (typeof root !== 'object' || root === null || Array.isArray(root)) continue;
      const keys = mutation.path.split('.');
      let node = root as Record<string, unknown>;
      for (const key of keys.slice(0, -1)) {
        const child = node[key];
        if (typeof child !== 'object' || child === null || Array.isArray(child)) defineKey(node, key, {});
        node = node[key] as Record<string, unknown>;
      }
      defineKey(node, keys[keys.length - 1], mutation.value);
      continue;
    }
    const all = slots(root);
    if (mutation.op === 'insertKey') {
      const mappings = [root, ...all.map(([container, key]) => (container as Record<string, unknown>)[key as string])].filter(
        (node): node is Record<string, unknown> => typeof node === 'object' && node !== null && !Array.isArray(node),
      );
      if (mappings.length > 0) defineKey(mappings[mutation.pick % mappings.length], mutation.key, mutation.value);
      continue;
    }
    if (all.length === 0) {
      if (mutation.op === 'setExisting') root = mutation.value;
      continue;
    }
    const [container, key] = all[mutation.pick % all.length];
    if (mutation.op === 'setExisting') {
      if (Array.isArray(container)) container[key as number] = mutation.value;
      else defineKey(container, key as string, mutation.value);
    } else if (Array.isArray(container)) {
      container.splice(key as number, 1);
    } else {
      delete container[key as string];
    }
  }
  return root;
}

/** YAML text of a (mutated) document; never throws (a value yaml cannot write becomes its JSON text). */
export function toYaml(value: unknown): string {
  try {
    return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
  } catch {
    return JSON.stringify(value) ?? '';
  }
}

/** One text mutation of a YAML (or CSV) file. */
export type TextMutation =
  | { readonly op: 'bom' | 'crlf' | 'cr' | 'latin1' | 'utf16' | 'yaml11' | 'yaml13' | 'complexKey' | 'secondDocument' | 'empty' | 'mergeKey' }
  | { readonly op: 'invalidBytes'; readonly at: number; readonly bytes: readonly number[] }
  | { readonly op: 'duplicateLine'; readonly line: number }
  | { readonly op: 'aliasBomb'; readonly width: number; readonly depth: number }
  | { readonly op: 'deepNesting'; readonly depth: number; readonly flow: boolean }
  | { readonly op: 'rawValue'; readonly line: number; readonly token: string }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'insertText'; readonly at: number; readonly text: string }
  | { readonly op: 'tabIndent'; readonly line: number }
  | { readonly op: 'manyKeys'; readonly count: number; readonly duplicateAt: number | null };

/** YAML tokens put in place of a value: non-finite and huge numbers in YAML spelling, tags, aliases, YAML 1.1 forms. */
const RAW_TOKENS = [
  '.nan', '.inf', '-.inf', '.NaN', '0x1F', '0o17', '0b101', '1e400', '-1e400', '123456789012345678901234567890', '1_000', '1:30', '0777', '+1', '.5',
  '!!binary aGVsbG8=', '!foo 1', '!!str 12', '!!float 1', '!!int 1.5', '!!set {a, b}', '!!timestamp 2001-12-14', '!!omap [a: 1]', '"12"', "'0.5'", 'yes', 'No',
  '~', '[1, 2]', '{a: 1}', '*undefinedAlias', '&anchor 1', '|\n  two\n  lines', '>-\n  folded', '"\\u0000"', '"\\uD800"', '[[[[[[1]]]]]]', '-', '? x',
];

const CHARACTERS = [':', '-', '[', ']', '{', '}', '"', "'", '#', '&', '*', '!', '|', '>', '%', '@', '`', '\0', '\t', ',', '?', '\\', '\u2028', '\uFEFF', ' '];

/** A text mutation. */
export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.constantFrom<TextMutation>(
    { op: 'bom' }, { op: 'crlf' }, { op: 'cr' }, { op: 'latin1' }, { op: 'utf16' }, { op: 'yaml11' }, { op: 'yaml13' },
    { op: 'complexKey' }, { op: 'secondDocument' }, { op: 'empty' }, { op: 'mergeKey' },
  ),
  fc.record({ op: fc.constant('invalidBytes' as const), at: fc.nat(), bytes: fc.constantFrom([0xff], [0xc3, 0x28], [0xe9], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc0, 0xaf], [0x80]) }),
  fc.record({ op: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('aliasBomb' as const), width: fc.integer({ min: 2, max: 12 }), depth: fc.integer({ min: 2, max: 12 }) }),
  fc.record({ op: fc.constant('deepNesting' as const), depth: fc.integer({ min: 50, max: 60_000 }), flow: fc.boolean() }),
  fc.record({ op: fc.constant('rawValue' as const), line: fc.nat(), token: fc.constantFrom(...RAW_TOKENS) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insertText' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...CHARACTERS), longString.map((s) => `# ${s}\n`), longString.map((s) => `x: ${s}\n`)) }),
  fc.record({ op: fc.constant('tabIndent' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('manyKeys' as const), count: fc.integer({ min: 1000, max: 40_000 }), duplicateAt: fc.option(fc.nat(), { nil: null }) }),
);

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** Apply one text mutation. */
export function applyTextMutation(content: FileContent, mutation: TextMutation): FileContent {
  if (typeof content !== 'string') {
    // Bytes stay bytes; only truncation and more bad bytes still apply.
    if (mutation.op === 'truncate') return content.subarray(0, mutation.at % (content.length + 1));
    if (mutation.op === 'invalidBytes') {
      const at = mutation.at % (content.length + 1);
      return Buffer.concat([content.subarray(0, at), Uint8Array.from(mutation.bytes), content.subarray(at)]);
    }
    return content;
  }
  const text = content;
  const lines = text.split('\n');
  const lineIndex = (n: number): number => n % Math.max(1, lines.length);
  switch (mutation.op) {
    case 'bom':
      return `\uFEFF${text}`;
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
    case 'cr':
      return text.replace(/\n/g, '\r');
    case 'latin1':
      return Buffer.from(`${text}# é ü ß\n`, 'latin1');
    case 'utf16':
      return Buffer.from(`\uFEFF${text}`, 'utf16le');
    case 'yaml11':
      return `%YAML 1.1\n---\n${text}`;
    case 'yaml13':
      return `%YAML 1.3\n---\n${text}`;
    case 'complexKey':
      return `${text}\n? [a, b]\n: 1\n`;
    case 'secondDocument':
      return `${text}\n---\nname: second\n`;
    case 'empty':
      return '';
    case 'mergeKey':
      return `${text}\nbase: &base {count: 3}\nzones:\n  <<: *base\n`;
    case 'invalidBytes': {
      const bytes = Buffer.from(text, 'utf8');
      const at = mutation.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Uint8Array.from(mutation.bytes), bytes.subarray(at)]);
    }
    case 'duplicateLine': {
      const i = lineIndex(mutation.line);
      return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n');
    }
    case 'aliasBomb': {
      const rows = [`bomb0: &b0 [${Array.from({ length: mutation.width }, () => '"lol"').join(', ')}]`];
      for (let d = 1; d < mutation.depth; d++) rows.push(`bomb${d}: &b${d} [${Array.from({ length: mutation.width }, () => `*b${d - 1}`).join(', ')}]`);
      return `${rows.join('\n')}\n${text}`;
    }
    case 'deepNesting': {
      const value = mutation.flow
        ? `${'['.repeat(mutation.depth)}1${']'.repeat(mutation.depth)}`
        : `\n${Array.from({ length: Math.min(mutation.depth, 3000) }, (_, d) => `${' '.repeat(d + 1)}a:`).join('\n')} 1`;
      return `${text}\nzones: ${value}\n`;
    }
    case 'rawValue': {
      const i = lineIndex(mutation.line);
      const match = /^(\s*[^\s#:][^:#]*:)\s+\S.*$/.exec(lines[i]);
      const target = match ? i : lines.findIndex((line) => /^\s*[^\s#:][^:#]*:\s+\S/.test(line));
      if (target < 0) return `${text}\nx: ${mutation.token}\n`;
      const prefix = /^(\s*[^\s#:][^:#]*:)/.exec(lines[target])![1];
      return [...lines.slice(0, target), `${prefix} ${mutation.token}`, ...lines.slice(target + 1)].join('\n');
    }
    case 'truncate':
      return text.slice(0, mutation.at % (text.length + 1));
    case 'insertText': {
      const starts = lineStarts(text);
      const at = mutation.text.endsWith('\n') ? starts[mutation.at % starts.length] : mutation.at % (text.length + 1);
      return text.slice(0, at) + mutation.text + text.slice(at);
    }
    case 'tabIndent': {
      const i = lineIndex(mutation.line);
      return [...lines.slice(0, i), lines[i].replace(/^ {2}/, '\t'), ...lines.slice(i + 1)].join('\n');
    }
    case 'manyKeys': {
      const keys = Array.from({ length: mutation.count }, (_, k) => `  k${k}: ${k}`);
      if (mutation.duplicateAt !== null) keys.push(keys[mutation.duplicateAt % keys.length]);
      return `${text}\nmany:\n${keys.join('\n')}\n`;
    }
  }
}

/**
 * A relatedness matrix as CSV for `count` industries: symmetric values in [0, 1] with one of the
 * accepted layouts (plain, header of names, header and name column).
 */
export function relatednessCsv(count: number, layout: number, seed: number): string {
  let state = seed >>> 0 || 1;
  const random = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const size = Math.max(1, Math.min(count, 250));
  const values = Array.from({ length: size }, () => new Array<number>(size).fill(1));
  for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) values[i][j] = values[j][i] = Math.round(random() * 1000) / 1000;
  const names = Array.from({ length: size }, (_, i) => `industry ${i + 1}`);
  const rows = values.map((row, i) => (layout % 3 === 2 ? [names[i], ...row] : row).join(','));
  if (layout % 3 === 0) return `${rows.join('\n')}\n`;
  return `${layout % 3 === 2 ? ',' : ''}${names.join(',')}\n${rows.join('\n')}\n`;
}
