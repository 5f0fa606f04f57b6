/**
 * YAML front end of scenario loading: text → plain object plus a locator that maps a field path to
 * its line, so validation messages can say `line N`. Uses the `yaml` package with the YAML 1.2 core
 * schema only: `yes`/`no` are strings, `1:30` is a string, `<<` is an ordinary key, `.nan`/`.inf` are
 * numbers; a `%YAML` directive other than `%YAML 1.2` is refused (it would switch on YAML 1.1). No
 * Node imports: runs in a browser too (the classroom page uses it).
 */
import { isAlias, isCollection, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { describeFoundValue, ScenarioError } from './scenarioError.ts';
import type { FieldLocator, FieldPathSegment } from './validateScenario.ts';

/** Result of {@link parseScenarioYaml}. */
export interface ParsedScenarioYaml {
  /** The document as plain data (what `validateScenario` takes). */
  readonly value: unknown;
  /** Line of a key or list item, for error messages. */
  readonly locate: FieldLocator;
}

/** Most aliases a scenario may expand (guards against "billion laughs" documents). */
const MAX_ALIAS_COUNT = 100;

/** First line of a yaml-package message, without the ` at line L, column C` suffix (we add our own). */
function shortYamlMessage(message: string): string {
  const firstLine = message.split(/\r?\n/)[0] ?? message;
  return firstLine.replace(/\s+at line \d+, column \d+:?\s*$/, '').replace(/[:.]\s*$/, '');
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0].toLowerCase() + text.slice(1) : text;
}

/**
 * Find the first key that appears twice in one mapping, or a key that is a list or a mapping, in one
 * pass over the document (an explicit stack, no recursion): keys are compared by the text they become
 * in a JavaScript object (`1` and `1.0`, `"1"` and `1` collide there). Linear in the size of the
 * document; the yaml package's own check compares every pair of keys of a mapping (40,000 keys took
 * 16 s, issue 11, D7).
 */
interface KeyProblem {
  /** Source offset of the offending key. */
  readonly offset: number;
  /** A list or mapping used as a key, or a key seen before in the same mapping. */
  readonly kind: 'complex' | 'duplicate';
  /** For a complex key: `a list` or `a mapping`; for a duplicate: the key's text. */
  readonly text: string;
  /** For a duplicate: the offset of the first occurrence. */
  readonly firstOffset: number;
}

function findKeyProblem(document: Document): KeyProblem | null {
  const offsetOf = (node: unknown): number => (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        let key: unknown = pair.key;
        if (isAlias(key)) key = key.resolve(document);
        if (isCollection(key)) return { offset: offsetOf(pair.key), kind: 'complex', text: isSeq(key) ? 'a list' : 'a mapping', firstOffset: -1 };
        const text = isScalar(key) ? String(key.value) : key === null || key === undefined ? '' : String(key);
        const first = seen.get(text);
        if (first !== undefined) return { offset: offsetOf(pair.key), kind: 'duplicate', text, firstOffset: first };
        seen.set(text, offsetOf(pair.key));
        if (pair.value !== null && pair.value !== undefined) stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return null;
}

/** The `%YAML x.y` directive before the document, with its offset, or null. */
function findYamlDirective(sourceText: string, document: Document): { version: string; offset: number } | null {
  if (!document.directives?.yaml.explicit && !/^%YAML/m.test(sourceText)) return null;
  const contentStart = (document.contents as YamlNode | null)?.range?.[0] ?? sourceText.length;
  const match = /^%YAML[ \t]+(\S*)/m.exec(sourceText.slice(0, contentStart));
  return match === null ? null : { version: match[1], offset: match.index };
}

/**
 * Build a locator over a parsed document: for a path of keys and list indices it returns the 1-based
 * line of the deepest matching key (or list item), or null when the path is not in the file.
 */
function makeLocator(document: Document, lineCounter: LineCounter): FieldLocator {
  const lineOf = (node: unknown): number | null => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : null;
  };
  return (path: readonly FieldPathSegment[]): number | null => {
    let node: unknown = document.contents;
    let line: number | null = null;
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(document);
      if (isMap(node) && typeof segment === 'string') {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
        if (!pair) return null;
        line = lineOf(pair.key) ?? lineOf(pair.value);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) return null;
        line = lineOf(item);
        node = item;
      } else {
        return null;
      }
    }
    return line;
  };
}

/**
 * Parse the text of a scenario file as a single YAML document.
 *
 * Why: YAML problems (bad indentation, a tab, duplicate keys, several documents in one file) must be
 * reported as one line with their position, like every other scenario error, and the validator needs
 * line numbers for its own messages.
 *
 * @param sourceText The whole file.
 * @param file File label for messages.
 * @returns The plain value and a locator for `validateScenario(value, file, { locate })`.
 * @throws {ScenarioError} `<file>: line L, column C: expected valid YAML, found <problem>` for the first
 *   YAML error; duplicate keys are errors.
 *
 * @example
 * const { value, locate } = parseScenarioYaml('name: a\ndescription: b\nzones:\n  count: 0\n', 'a.yaml');
 * locate(['zones', 'count']); // 4
 */
export function parseScenarioYaml(sourceText: string, file: string): ParsedScenarioYaml {
  const lineCounter = new LineCounter();
  // uniqueKeys: false — duplicate keys are found by findKeyProblem, in linear time.
  const document = parseDocument(sourceText, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true, version: '1.2', merge: false });
  const fail = (offset: number, expected: string, found: string, hint: string | null = null): ScenarioError => {
    const position = lineCounter.linePos(offset);
    return new ScenarioError({ file, fieldPath: null, expected, found, hint, line: position.line, column: position.col });
  };
  const directive = findYamlDirective(sourceText, document);
  if (directive !== null && directive.version !== '1.2') {
    throw fail(
      directive.offset,
      'a YAML 1.2 document',
      `the directive %YAML ${directive.version}`,
      'zonesim reads YAML 1.2 only, where yes/no are text and << is no merge key; remove the %YAML line',
    );
  }
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem) {
    let expected = 'valid YAML';
    let found = lowerFirst(shortYamlMessage(problem.message));
    if (problem.code === 'MULTIPLE_DOCS') {
      expected = 'a single YAML document (one scenario per file)';
      found = 'a second document after ---';
    } else if (problem.code === 'RESOURCE_EXHAUSTION') {
      expected = 'YAML nested less deeply';
      found = `nesting too deep to read (${found})`;
    }
    throw fail(problem.pos[0], expected, found);
  }
  const keyProblem = findKeyProblem(document);
  if (keyProblem?.kind === 'complex') {
    throw fail(keyProblem.offset, 'a plain key (a word such as count)', `${keyProblem.text} used as a key`, 'zonesim files use no complex keys such as ? [a, b]');
  }
  if (keyProblem?.kind === 'duplicate') {
    const firstLine = lineCounter.linePos(keyProblem.firstOffset).line;
    throw fail(keyProblem.offset, 'valid YAML with each key at most once per mapping', `the key ${describeFoundValue(keyProblem.text)} a second time (first on line ${firstLine})`);
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new ScenarioError({
      file,
      fieldPath: null,
      expected: 'valid YAML',
      found: lowerFirst(shortYamlMessage(error instanceof Error ? error.message : String(error))),
    });
  }
  return { value, locate: makeLocator(document, lineCounter) };
}
