/**
 * Share settings by URL: the overrides against the defaults, the seed and the comparison scenario,
 * written in the URL's hash as readable `path=value` pairs, e.g.
 * `#zonesim=1&name=few-zones&seed=2009&zones.count=3&choice.agglomeration.form=linear`.
 *
 * Decoding goes through the scenario validator, so a mistyped or out-of-range link gets the same
 * one-line message as a scenario file, with `URL` as the file name. Pure module (no DOM).
 */
import { describeFoundValue, ScenarioError } from '../scenario/scenarioError.ts';
import { validateScenario, type ValidatedScenario } from '../scenario/validateScenario.ts';
import { assertPageCanRun, changedParameters, leafAt, setValueAtPath, type PageScenario } from './scenarioSettings.ts';

/** File label of messages about a shared link. */
export const URL_FILE_LABEL = 'URL';

/** Format version written as `zonesim=1`. */
const FORMAT_VERSION = '1';

/** Keys of the hash that are not parameters. */
const RESERVED_KEYS = ['zonesim', 'name', 'description', 'seed', 'rep', 'compare'] as const;

/** Everything a shared link carries. */
export interface SharedSettings {
  readonly scenario: PageScenario;
  /** Base seed (as `zonesim run --seed`). */
  readonly seed: number;
  /** Replication index: the page runs seed replicationSeed(seed, rep). */
  readonly replication: number;
  /** Key of the comparison scenario (a preset key), or null for none. */
  readonly compare: string | null;
}

/** What decoding a link gives: the validated scenario plus the run settings it names (null = not given). */
export interface DecodedSettings {
  readonly scenario: ValidatedScenario;
  readonly seed: number | null;
  readonly replication: number | null;
  readonly compare: string | null;
}

function encodeValue(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => String(v)).join(',');
  return String(value);
}

/**
 * The hash (without `#`) for the given settings; parameters equal to their defaults are left out.
 *
 * @example encodeSettingsHash({ scenario, seed: 2009, replication: 0, compare: null })
 * // 'zonesim=1&name=my-policy&seed=2009&zones.count=3'
 */
export function encodeSettingsHash(settings: SharedSettings): string {
  const query = new URLSearchParams();
  query.set('zonesim', FORMAT_VERSION);
  query.set('name', settings.scenario.name);
  query.set('description', settings.scenario.description);
  query.set('seed', String(settings.seed));
  if (settings.replication !== 0) query.set('rep', String(settings.replication));
  if (settings.compare !== null) query.set('compare', settings.compare);
  for (const [path, value] of changedParameters(settings.scenario.parameters)) query.set(path, encodeValue(value));
  return query.toString();
}

/** Text → number when it is one, else the text (so the validator reports `found "abc"`). */
function numberOrText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return text;
  const value = Number(trimmed);
  return Number.isNaN(value) && !/^[-+]?(nan|\.nan)$/i.test(trimmed) ? text : value;
}

/** Convert the text of a hash value into the raw value the validator expects for that parameter. */
function decodeValue(path: string, text: string): unknown {
  const leaf = leafAt(path);
  if (leaf === undefined) return numberOrText(text);
  switch (leaf.kind) {
    case 'number':
    case 'integer':
      return numberOrText(text);
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'numberList':
      return text.trim() === '' ? [] : text.split(',').map(numberOrText);
    case 'choice':
    case 'path':
      return text;
    default:
      return text;
  }
}

function decodeCount(name: string, text: string | null, maximum: number): number | null {
  if (text === null) return null;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value > maximum) {
    throw new ScenarioError({
      file: URL_FILE_LABEL,
      fieldPath: name,
      expected: `an integer from 0 to ${maximum}`,
      found: describeFoundValue(text),
    });
  }
  return value;
}

/**
 * Decode a hash produced by {@link encodeSettingsHash} (leading `#` optional).
 *
 * @returns null for an empty hash (nothing shared).
 * @throws {ScenarioError} with file `URL`, e.g. `URL: zones.count: expected an integer in [0, 2000], found 5000`.
 */
export function decodeSettingsHash(hash: string): DecodedSettings | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.trim() === '') return null;
  const query = new URLSearchParams(text);
  const raw: Record<string, unknown> = {
    name: query.get('name') ?? 'shared-settings',
    description: query.get('description') ?? 'Settings shared by a link to the zonesim classroom page.',
  };
  for (const [key, value] of query) {
    if ((RESERVED_KEYS as readonly string[]).includes(key)) continue;
    setValueAtPath(raw, key, decodeValue(key, value));
  }
  const scenario = validateScenario(raw, URL_FILE_LABEL);
  assertPageCanRun(scenario, URL_FILE_LABEL);
  const seed = decodeCount('seed', query.get('seed'), 4294967295);
  const replication = decodeCount('rep', query.get('rep'), 100000);
  const compare = query.get('compare');
  return { scenario, seed, replication, compare: compare === null || compare === '' ? null : compare };
}
