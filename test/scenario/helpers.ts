import { expect } from 'vitest';
import { ScenarioError } from '../../src/scenario/scenarioError.ts';

/** Parts a ScenarioError message must contain. */
export interface ExpectedScenarioError {
  readonly file?: string;
  readonly fieldPath?: string | null;
  readonly expected?: string;
  readonly found?: string;
  readonly hint?: string;
  readonly line?: number | null;
  /** Substrings the one-line message must contain. */
  readonly contains?: readonly string[];
}

/** Run `action`, require a ScenarioError with a one-line, stack-free message, check its parts, return it. */
export function expectScenarioError(action: () => unknown, wanted: ExpectedScenarioError): ScenarioError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  return checkScenarioError(caught, wanted);
}

/** Async variant of {@link expectScenarioError}. */
export async function expectScenarioErrorAsync(
  action: () => Promise<unknown>,
  wanted: ExpectedScenarioError,
): Promise<ScenarioError> {
  let caught: unknown;
  try {
    await action();
  } catch (error) {
    caught = error;
  }
  return checkScenarioError(caught, wanted);
}

function checkScenarioError(caught: unknown, wanted: ExpectedScenarioError): ScenarioError {
  expect(caught, 'expected a ScenarioError to be thrown').toBeInstanceOf(ScenarioError);
  const error = caught as ScenarioError;
  const message = error.message;
  expect(message).not.toMatch(/[\r\n]/);
  expect(message).not.toMatch(/\bat .+:\d+:\d+/); // no stack frame in the message
  expect(message).toContain(`expected ${error.expected}, found ${error.found}`);
  if (wanted.file !== undefined) {
    expect(error.file).toBe(wanted.file);
    expect(message.startsWith(`${wanted.file}: `)).toBe(true);
  }
  if (wanted.fieldPath !== undefined) {
    expect(error.fieldPath).toBe(wanted.fieldPath);
    if (wanted.fieldPath !== null) expect(message).toContain(`${wanted.fieldPath}: expected `);
  }
  if (wanted.expected !== undefined) expect(error.expected).toContain(wanted.expected);
  if (wanted.found !== undefined) expect(error.found).toContain(wanted.found);
  if (wanted.hint !== undefined) {
    expect(error.hint ?? '').toContain(wanted.hint);
    expect(message).toContain(`(${error.hint})`);
  }
  if (wanted.line !== undefined) {
    expect(error.line).toBe(wanted.line);
    if (wanted.line !== null) expect(message).toContain(`line ${wanted.line}`);
  }
  for (const part of wanted.contains ?? []) expect(message).toContain(part);
  return error;
}
