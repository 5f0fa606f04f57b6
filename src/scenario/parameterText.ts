/**
 * Wording shared by the validator's messages, the generated JSON Schema and the parameter table, so a
 * range reads the same in an error, in an editor tooltip and in docs/parameters.md. Pure module.
 */
import type { ParameterLeaf } from '../model/parameterSpecification.ts';
import { formatNumber } from './scenarioError.ts';

/** A parameter leaf that has a numeric range (number, integer, or the elements of a number list). */
export type RangedParameterLeaf = Extract<ParameterLeaf, { readonly minimum: number }>;

/**
 * The allowed range of a ranged leaf in interval notation: `[0, 1]`, or `(0, 10]` when the minimum
 * itself is excluded (`exclusiveMinimum`).
 *
 * Why: one notation for ranges in messages, the schema descriptions and the parameter table.
 * Never throws.
 *
 * @example
 * formatInterval(parameterSpecification.zones.landPrice) // '(0, 1000]'
 */
export function formatInterval(leaf: RangedParameterLeaf): string {
  const exclusive = leaf.kind === 'number' && leaf.exclusiveMinimum === true;
  return `${exclusive ? '(' : '['}${formatNumber(leaf.minimum)}, ${formatNumber(leaf.maximum)}]`;
}

/**
 * What a valid value of a numeric leaf (or of one element of a number list) looks like, for the
 * `expected` part of an error message, e.g. `an integer in [1, 100]` or
 * `a number in (0, 10] (greater than 0)`; `finite` says "a finite number" (for `.nan`/`.inf`).
 *
 * Why: range errors must state the whole allowed range, exclusive minimum included. Never throws.
 *
 * @example
 * describeNumericExpectation(parameterSpecification.time.years) // 'an integer in [1, 100]'
 */
export function describeNumericExpectation(leaf: RangedParameterLeaf, finite = false): string {
  const noun = leaf.kind === 'integer' ? 'an integer' : finite ? 'a finite number' : 'a number';
  const exclusive = leaf.kind === 'number' && leaf.exclusiveMinimum === true;
  const note = exclusive ? ` (greater than ${formatNumber(leaf.minimum)})` : '';
  return `${noun} in ${formatInterval(leaf)}${note}`;
}

/**
 * Quote choice values for a message or document: `"log", "linear", "bounded"`.
 *
 * Why: quoting shows that choices are text and makes misspellings visible. Never throws.
 *
 * @example
 * formatChoiceList(['poisson', 'fixed']) // '"poisson", "fixed"'
 */
export function formatChoiceList(choices: readonly string[]): string {
  return choices.map((choice) => JSON.stringify(choice)).join(', ');
}

/**
 * A one-line summary of the allowed values of any leaf, in the words of the validator: used for the
 * `expected` part of a type error.
 *
 * Why: a wrong type is reported with the full description of what is allowed, whatever the kind.
 * Never throws.
 *
 * @example
 * describeLeafExpectation(parameterSpecification.choice.agglomeration.form) // 'one of "log", "linear", "bounded"'
 */
export function describeLeafExpectation(leaf: ParameterLeaf): string {
  switch (leaf.kind) {
    case 'number':
    case 'integer':
      return describeNumericExpectation(leaf);
    case 'boolean':
      return 'true or false';
    case 'choice':
      return `one of ${formatChoiceList(leaf.choices)}`;
    case 'numberList':
      return `a list of numbers, each in ${formatInterval(leaf)}`;
    case 'path':
      return 'a file path (relative to the scenario file) or nothing';
    default: {
      const unknownLeaf: never = leaf;
      return `a value of kind ${String((unknownLeaf as { kind?: unknown }).kind)}`;
    }
  }
}
