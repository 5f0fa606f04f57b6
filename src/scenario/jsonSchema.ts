/**
 * JSON Schema (draft-07) of scenario files, generated from the parameter specification table, so
 * editors (e.g. VS Code with the YAML extension) can complete keys, show descriptions and flag range
 * errors while typing. The validator remains the authority: cross-field rules and CSV checks are not
 * in the schema. Pure module.
 */
import {
  isParameterLeaf,
  parameterSpecification,
  type ParameterLeaf,
} from '../model/parameterSpecification.ts';
import { MAXIMUM_NAME_LENGTH, SCENARIO_METADATA_TEXT, SCENARIO_NAME_PATTERN } from './validateScenario.ts';

/** A JSON Schema node (plain JSON data). */
export type JsonSchema = { [key: string]: unknown };

/** Where the generated schema is committed, relative to the repository root. */
export const SCENARIO_SCHEMA_PATH = 'scenarios/zonesim.schema.json';

/**
 * The description of a leaf as shown in editors and docs: the table's description followed by the
 * unit (left out when it is `-`) and the rule ids.
 *
 * Why: editor tooltips and the parameter table should show the same text. Never throws.
 *
 * @example
 * describeLeafForDocs(parameterSpecification.zones.landPrice)
 * // 'Base price of … (3 M¥/ha = 200,000 ¥/mu). Unit: M¥/ha. Rules: R11.'
 */
export function describeLeafForDocs(leaf: ParameterLeaf): string {
  const parts = [leaf.description.trim()];
  if (leaf.unit !== '-') parts.push(`Unit: ${leaf.unit}.`);
  parts.push(`Rules: ${leaf.rules.join(', ')}.`);
  return parts.join(' ');
}

function leafSchema(leaf: ParameterLeaf): JsonSchema {
  const description = describeLeafForDocs(leaf);
  switch (leaf.kind) {
    case 'number':
    case 'integer': {
      const schema: JsonSchema = { type: leaf.kind, description, default: leaf.default };
      if (leaf.kind === 'number' && leaf.exclusiveMinimum === true) schema.exclusiveMinimum = leaf.minimum;
      else schema.minimum = leaf.minimum;
      schema.maximum = leaf.maximum;
      return schema;
    }
    case 'boolean':
      return { type: 'boolean', description, default: leaf.default };
    case 'choice':
      return { type: 'string', description, enum: [...leaf.choices], default: leaf.default };
    case 'numberList':
      return {
        type: 'array',
        description,
        items: { type: 'number', minimum: leaf.minimum, maximum: leaf.maximum },
        default: [...leaf.default],
      };
    case 'path':
      return {
        type: ['string', 'null'],
        description: `${description} Relative to the scenario file.`,
        minLength: 1,
        default: leaf.default,
      };
    default: {
      const unknownLeaf: never = leaf;
      throw new Error(`buildScenarioJsonSchema: unsupported parameter kind ${String((unknownLeaf as { kind?: unknown }).kind)}`);
    }
  }
}

function groupSchema(node: Record<string, unknown>, groupPath: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const key of Object.keys(node)) {
    const child = node[key];
    properties[key] = isParameterLeaf(child)
      ? leafSchema(child)
      : groupSchema(child as Record<string, unknown>, `${groupPath}.${key}`);
  }
  return {
    type: 'object',
    description: `Parameter group ${groupPath}: any subset of its parameters, overriding the defaults.`,
    additionalProperties: false,
    properties,
  };
}

/**
 * Build the JSON Schema (draft-07) of a scenario file from the parameter table: `name` and
 * `description` required, each group an object with `additionalProperties: false`, each parameter
 * typed (`integer`, `number`, `boolean`, `string` with `enum`, `array` of numbers, string-or-null for
 * paths) with its default, `minimum`/`exclusiveMinimum`/`maximum`, and a description carrying unit and
 * rule ids.
 *
 * Why: generated rather than written so it can never disagree with the table; the committed copy is
 * checked by `scripts/generateSchema.ts --check` and a test. Never throws for a well-formed table.
 *
 * @example
 * const schema = buildScenarioJsonSchema();
 * (schema.properties as any).zones.properties.count // { type: 'integer', minimum: 0, maximum: 2000, … }
 */
export function buildScenarioJsonSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    name: {
      type: 'string',
      description: `Required: ${SCENARIO_METADATA_TEXT.name}, unique among the scenarios run together.`,
      pattern: SCENARIO_NAME_PATTERN.source,
      maxLength: MAXIMUM_NAME_LENGTH,
    },
    description: {
      type: 'string',
      description: `Required: ${SCENARIO_METADATA_TEXT.description}, shown by \`zonesim list\`.`,
      pattern: '^\\s*[^\\r\\n]*\\S[^\\r\\n]*\\s*$',
    },
  };
  const tree = parameterSpecification as unknown as Record<string, unknown>;
  for (const key of Object.keys(tree)) {
    const child = tree[key];
    properties[key] = isParameterLeaf(child) ? leafSchema(child) : groupSchema(child as Record<string, unknown>, key);
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment:
      'Generated from src/model/parameterSpecification.ts by scripts/generateSchema.ts; do not edit by hand.',
    title: 'zonesim scenario',
    description:
      'A zonesim scenario: a name, a one-line description, and overrides of any default parameters, grouped as in docs/parameters.md.',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'description'],
    properties,
  };
}

/**
 * The schema as committed: JSON with 2-space indentation and a trailing newline.
 *
 * Why: one rendering shared by the generator script and the freshness test, so they compare byte for
 * byte. Never throws.
 *
 * @example
 * await writeFile('scenarios/zonesim.schema.json', renderScenarioJsonSchema());
 */
export function renderScenarioJsonSchema(): string {
  return `${JSON.stringify(buildScenarioJsonSchema(), null, 2)}\n`;
}
