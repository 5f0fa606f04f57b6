/**
 * One-line errors at a field of a YAML input file (experiment, calibration and claims files): the
 * file, the line of the deepest part of the field's path that the file contains, the field, what
 * was expected and what was found — the message format of scenario files (scenarioError.ts).
 *
 * Why one module: the three file kinds validate different fields but must point at them the same
 * way, so a user reads every message alike. Browser-safe (no Node built-ins).
 */
import { ScenarioError } from './scenarioError.ts';
import { suggestSimilar } from './suggest.ts';
import { formatFieldPath, type FieldLocator, type FieldPathSegment } from './validateScenario.ts';

/** Where messages point: the file (null: no file, e.g. an object given in code) and its line locator. */
export interface FieldErrorContext {
  readonly file: string | null;
  /** Line of a field path in the file, or null when the file does not contain it (see parseScenarioYaml). */
  readonly locate?: FieldLocator | undefined;
}

/**
 * A {@link ScenarioError} at `path`, with the line of the deepest part of the path the file contains.
 *
 * @param path the field's path from the file's root (keys and list indices).
 * @param expected what the field should hold, in words.
 * @param found what it holds, in words (see describeFoundValue).
 * @param hint an optional last clause, e.g. a did-you-mean.
 * @example throw locatedFieldError({ file: 'c.yaml', locate }, ['claims', 0, 'contrast'], 'pair or interaction', '"triple"')
 */
export function locatedFieldError(context: FieldErrorContext, path: readonly FieldPathSegment[], expected: string, found: string, hint: string | null = null): ScenarioError {
  let line: number | null = null;
  if (context.locate) {
    for (let n = path.length; n >= 0 && line === null; n--) line = context.locate(path.slice(0, n));
  }
  return new ScenarioError({ file: context.file, fieldPath: path.length > 0 ? formatFieldPath(path) : null, expected, found, hint, line });
}

/**
 * "did you mean "x"?" for the candidate closest to `found` (see suggest.ts), or null when none is close.
 *
 * @example didYouMeanHint('repz', ['reps', 'seed']) // 'did you mean "reps"?'
 */
export function didYouMeanHint(found: string, candidates: readonly string[]): string | null {
  const suggestion = suggestSimilar(found, candidates);
  return suggestion === null ? null : `did you mean ${JSON.stringify(suggestion)}?`;
}

/**
 * Reject the first key of `mapping` that is not in `known`, with a did-you-mean hint.
 *
 * @param owner the mapping's name in the message ("the method", "claims[2]").
 * @throws {ScenarioError} at the unknown key.
 */
export function checkKnownKeys(context: FieldErrorContext, mapping: Record<string, unknown>, known: readonly string[], path: readonly FieldPathSegment[], owner: string): void {
  for (const key of Object.keys(mapping)) {
    if (known.includes(key)) continue;
    throw locatedFieldError(
      context,
      [...path, key],
      known.length === 0 ? `no settings for ${owner}` : `one of the keys of ${owner} (${known.join(', ')})`,
      `unknown key ${JSON.stringify(key)}`,
      didYouMeanHint(key, known),
    );
  }
}
