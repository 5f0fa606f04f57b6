/**
 * YAML front end of scenario loading: text → plain object plus a locator that maps a field path to
 * its line, so validation messages can say `line N`. Uses the `yaml` package (YAML 1.2 core schema:
 * `yes`/`no` are strings, `.nan`/`.inf` are numbers). No Node imports: runs in a browser too.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { ScenarioError } from './scenarioError.ts';
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
  const document = parseDocument(sourceText, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const problem = document.errors[0];
  if (problem) {
    const position = lineCounter.linePos(problem.pos[0]);
    let expected = 'valid YAML';
    let found = lowerFirst(shortYamlMessage(problem.message));
    if (problem.code === 'DUPLICATE_KEY') {
      const key = /^[^:\r\n]*/.exec(sourceText.slice(problem.pos[0]))?.[0].trim() ?? '';
      expected = 'valid YAML with each key at most once per mapping';
      found = key !== '' ? `the key ${JSON.stringify(key)} a second time` : 'a duplicate key';
    } else if (problem.code === 'MULTIPLE_DOCS') {
      expected = 'a single YAML document (one scenario per file)';
      found = 'a second document after ---';
    }
    throw new ScenarioError({ file, fieldPath: null, expected, found, line: position.line, column: position.col });
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
