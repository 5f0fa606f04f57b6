/**
 * JSON Schema (draft-07) of claims files, generated from the claims definitions, the reporters and
 * the parameter table, so editors (VS Code with the YAML extension: `# yaml-language-server:
 * $schema=claims.schema.json`) complete keys, reporter names, contrast kinds and parameter paths and
 * flag misspellings while typing. The validator (validateClaimsFile.ts) remains the authority: files,
 * recorded years, ranges and cross-field rules are checked there.
 *
 * Regenerate with `npm run schema:claims` (`npm run schema:claims:check` to verify); a test checks the
 * committed copy is fresh. Pure module.
 */
import { listParameterLeaves } from '../model/parameterSpecification.ts';
import { reporters } from '../outcomes/reporters.ts';
import type { JsonSchema } from '../scenario/jsonSchema.ts';
import { CLAIM_DIRECTIONS, CONTRAST_ARMS, CONTRAST_KINDS, UNCERTAINTY_KINDS } from './claimsDefinition.ts';
import { DEFAULT_ROBUSTNESS, MAXIMUM_ROBUSTNESS_DRAWS, MAXIMUM_ROBUSTNESS_REPLICATIONS, WINDOW_YEAR_RANGE } from './validateClaimsFile.ts';

/** Where the generated schema is committed, relative to the repository root. */
export const CLAIMS_SCHEMA_PATH = 'scenarios/claims/claims.schema.json';

const NAME = { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 64 };
const SCENARIO_FILE = { type: 'string', pattern: '\\.[yY][aA]?[mM][lL]$', description: 'A scenario file, relative to the claims file.' };

function armsSchema(kind: keyof typeof CONTRAST_ARMS, description: string): JsonSchema {
  const keys = [...CONTRAST_ARMS[kind]];
  return { type: 'object', additionalProperties: false, required: keys, description, properties: Object.fromEntries(keys.map((k) => [k, SCENARIO_FILE])) };
}

/**
 * Build the JSON Schema of a claims file.
 *
 * @example (buildClaimsJsonSchema().required as string[]) // ['name', 'description', 'claims']
 */
export function buildClaimsJsonSchema(): JsonSchema {
  const province = reporters.filter((r) => r.scope === 'province');
  const parameters = listParameterLeaves()
    .filter(([p, leaf]) => !p.startsWith('time.') && !p.startsWith('output.') && (leaf.kind === 'number' || leaf.kind === 'integer' || leaf.kind === 'boolean' || leaf.kind === 'choice'))
    .map(([p]) => p);
  const realParameters = listParameterLeaves()
    .filter(([p, leaf]) => !p.startsWith('time.') && !p.startsWith('output.') && leaf.kind === 'number')
    .map(([p]) => p);
  const year = { type: 'number', minimum: WINDOW_YEAR_RANGE.min, maximum: WINDOW_YEAR_RANGE.max, description: 'A year label of results.csv (2010 = the state on 1 January 2010).' };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://zonesim.invalid/claims.schema.json',
    title: 'zonesim claims file',
    description: 'The speech’s claims as data: arms, contrast, outcomes with claimed direction and smallest effect, windows, robustness (docs/claims.md).',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'description', 'claims'],
    properties: {
      name: { ...NAME, description: 'Kebab-case name (the default run folder is reports/claims-<name>).' },
      description: { type: 'string', minLength: 1, description: 'One line.' },
      windows: {
        type: 'object',
        description: 'Named windows of recorded years (every claim is also judged at the end state, "end").',
        propertyNames: { ...NAME, not: { const: 'end' } },
        additionalProperties: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: year, to: year, label: { type: 'string', minLength: 1 } } },
      },
      groups: {
        type: 'array',
        description: 'Groups of scenarios (e.g. limiting cases, teaching scale, Henan scale), each with a reference.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'reference', 'scenarios'],
          properties: { name: NAME, label: { type: 'string', minLength: 1 }, reference: SCENARIO_FILE, scenarios: { type: 'array', minItems: 1, items: SCENARIO_FILE } },
        },
      },
      robustness: {
        type: 'object',
        additionalProperties: false,
        properties: {
          replications: { type: 'integer', minimum: 2, maximum: MAXIMUM_ROBUSTNESS_REPLICATIONS, description: `Replications of each robustness variant (default ${DEFAULT_ROBUSTNESS.replications}).` },
          draws: { type: 'integer', minimum: 2, maximum: MAXIMUM_ROBUSTNESS_DRAWS, description: `Parameter draws per claim (default ${DEFAULT_ROBUSTNESS.draws}).` },
          forms: {
            type: 'object',
            description: 'Named alternative functional forms: parameter settings applied to every arm.',
            propertyNames: NAME,
            additionalProperties: { type: 'object', minProperties: 1, propertyNames: { enum: parameters } },
          },
          ranges: {
            type: 'object',
            description: 'Documented ranges of real parameters for the Latin hypercube draws.',
            propertyNames: { enum: realParameters },
            additionalProperties: { type: 'object', additionalProperties: false, required: ['min', 'max'], properties: { min: { type: 'number' }, max: { type: 'number' } } },
          },
          posterior: { type: 'string', pattern: '\\.[cC][sS][vV]$', description: 'A posterior sample CSV (zonesim calibrate), relative to the claims file.' },
        },
      },
      claims: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'title', 'words', 'rules', 'contrast', 'arms', 'outcomes'],
          properties: {
            id: NAME,
            title: { type: 'string', minLength: 1 },
            words: { type: 'object', additionalProperties: false, required: ['zh', 'en'], properties: { zh: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } } },
            rules: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^R(?:[1-9]|1[0-6])$' } },
            contrast: { type: 'string', enum: [...CONTRAST_KINDS], description: 'pair: scenario − reference; interaction: both − first − second + neither.' },
            factors: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'string', minLength: 1 }, description: 'Names of the two factors of an interaction.' },
            arms: { oneOf: [armsSchema('pair', 'The arms of a pair.'), armsSchema('interaction', 'The four arms of a 2×2 interaction.')] },
            outcomes: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['reporter', 'direction', 'smallestEffect'],
                properties: {
                  reporter: { type: 'string', enum: province.map((r) => r.name), description: 'A province reporter of src/outcomes/reporters.ts.' },
                  direction: { type: 'string', enum: [...CLAIM_DIRECTIONS] },
                  smallestEffect: {
                    oneOf: [
                      { type: 'object', additionalProperties: false, required: ['relative'], properties: { relative: { type: 'number', minimum: 0, maximum: 10, description: 'A share of the reference mean (0.05 = 5 %).' } } },
                      { type: 'object', additionalProperties: false, required: ['absolute'], properties: { absolute: { type: 'number', minimum: 0, description: 'In the outcome’s unit.' } } },
                    ],
                  },
                  primary: { type: 'boolean' },
                },
              },
            },
            windows: { type: 'array', items: { type: 'string' }, description: 'Names of the file’s windows ("end" is always included).' },
            robustness: {
              type: 'object',
              additionalProperties: false,
              properties: { forms: { type: 'array', items: { type: 'string' } }, uncertainty: { type: 'string', enum: [...UNCERTAINTY_KINDS] } },
            },
            note: { type: 'string' },
          },
        },
      },
    },
  };
}

/**
 * The schema as committed: JSON with 2-space indentation and a trailing newline.
 *
 * @example await writeFile(CLAIMS_SCHEMA_PATH, renderClaimsJsonSchema());
 */
export function renderClaimsJsonSchema(): string {
  return `${JSON.stringify(buildClaimsJsonSchema(), null, 2)}\n`;
}
