/**
 * JSON Schema (draft-07) of calibration files, generated from the file declaration
 * (calibrationFileFields.ts), the parameter specification table and the reporters, so editors (VS Code
 * with the YAML extension: `# yaml-language-server: $schema=./calibration.schema.json`) complete keys,
 * parameter paths and reporter names and flag misspellings while typing. The validator remains the
 * authority: ranges against each parameter's allowed range, dates against the scenario and the
 * cross-field rules are checked there.
 *
 * Regenerate with `npm run schema:calibration` (`schema:calibration:check` verifies it; a test checks
 * that the committed copy is fresh). Pure module.
 */
import { listParameterLeaves } from '../model/parameterSpecification.ts';
import { reporters } from '../outcomes/reporters.ts';
import { describeLeafForDocs, type JsonSchema } from '../scenario/jsonSchema.ts';
import { describeLeafExpectation } from '../scenario/parameterText.ts';
import { SCENARIO_NAME_PATTERN } from '../scenario/validateScenario.ts';
import { CONTRAST_KINDS, THRESHOLD_AGGREGATES, UNIT_AGGREGATES, UNIT_AGGREGATE_TEXT } from './calibrationDefinition.ts';
import {
  CALIBRATION_TOP_FIELDS,
  METHOD_FIELDS,
  PREDICTION_FIELDS,
  PRIOR_FIELDS,
  STATISTIC_FIELDS,
  TARGET_FIELDS,
  type MethodFieldSpecification,
} from './calibrationFileFields.ts';
import { DISCREPANCY_SCALES, TARGET_KINDS } from './targetDistance.ts';
import { calibratableParameterPaths, TARGET_NAME_PATTERN } from './validateCalibration.ts';

/** Where the generated schema is committed, relative to the repository root. */
export const CALIBRATION_SCHEMA_PATH = 'scenarios/calibrations/calibration.schema.json';

const number = { type: 'number' };

function capitalised(text: string): string {
  return text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text;
}

function priorSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [kind, fields] of Object.entries(PRIOR_FIELDS)) {
    const body: Record<string, JsonSchema> = {};
    for (const field of [...fields.required, ...fields.optional]) {
      body[field] = field === 'values' ? { type: 'array', minItems: 2, uniqueItems: true, items: { type: ['number', 'string', 'boolean'] } } : number;
    }
    properties[kind] = { type: 'object', additionalProperties: false, required: [...fields.required], properties: body, description: fields.text };
  }
  return {
    type: 'object',
    description: 'One prior. Bounds must lie inside the parameter’s allowed range.',
    minProperties: 1,
    maxProperties: 1,
    additionalProperties: false,
    properties,
  };
}

function parametersSchema(): JsonSchema {
  const leaves = new Map(listParameterLeaves());
  const properties: Record<string, JsonSchema> = {};
  for (const leafPath of calibratableParameterPaths()) {
    const leaf = leaves.get(leafPath)!;
    properties[leafPath] = { description: `${describeLeafForDocs(leaf)} Allowed: ${describeLeafExpectation(leaf)}.`, allOf: [{ $ref: '#/definitions/prior' }] };
  }
  return { type: 'object', minProperties: 1, additionalProperties: false, description: capitalised(CALIBRATION_TOP_FIELDS.parameters.text), properties };
}

function instantSchema(): JsonSchema {
  return {
    type: 'object',
    minProperties: 1,
    maxProperties: 1,
    additionalProperties: false,
    properties: { end: { type: 'integer', description: STATISTIC_FIELDS.end }, year: { ...number, description: STATISTIC_FIELDS.year } },
  };
}

function statisticSchema(): JsonSchema {
  const period = (key: 'change' | 'sum' | 'mean'): JsonSchema => ({
    type: 'object',
    additionalProperties: false,
    required: ['from', 'to'],
    description: STATISTIC_FIELDS[key],
    properties: { from: { $ref: '#/definitions/instant' }, to: { $ref: '#/definitions/instant' } },
  });
  const pair = (key: 'ratio' | 'difference'): JsonSchema => ({ type: 'array', minItems: 2, maxItems: 2, items: { $ref: '#/definitions/statistic' }, description: STATISTIC_FIELDS[key] });
  const plain = UNIT_AGGREGATES.filter((a) => !THRESHOLD_AGGREGATES.includes(a));
  return {
    type: 'object',
    description: TARGET_FIELDS.model.text,
    additionalProperties: false,
    properties: {
      reporter: { type: 'string', enum: reporters.map((r) => r.name), description: STATISTIC_FIELDS.reporter },
      aggregate: {
        description: `${STATISTIC_FIELDS.aggregate}. ${UNIT_AGGREGATES.map((a) => `${a}: ${UNIT_AGGREGATE_TEXT[a]}`).join('; ')}.`,
        oneOf: [
          { type: 'string', enum: plain },
          ...THRESHOLD_AGGREGATES.map((a) => ({ type: 'object', additionalProperties: false, required: [a], properties: { [a]: number } })),
        ],
      },
      zone: { type: 'integer', minimum: 0, description: STATISTIC_FIELDS.zone },
      industry: { type: 'integer', minimum: 0, description: STATISTIC_FIELDS.industry },
      end: { type: 'integer', description: STATISTIC_FIELDS.end },
      year: { ...number, description: STATISTIC_FIELDS.year },
      change: period('change'),
      sum: period('sum'),
      mean: period('mean'),
      ratio: pair('ratio'),
      difference: pair('difference'),
    },
  };
}

function targetSchema(): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.entries(TARGET_FIELDS).filter(([, f]) => f.required).map(([k]) => k),
    properties: {
      name: { type: 'string', pattern: TARGET_NAME_PATTERN.source, description: capitalised(TARGET_FIELDS.name.text) },
      figure: { ...number, description: capitalised(TARGET_FIELDS.figure.text) },
      kind: { type: 'string', enum: [...TARGET_KINDS], default: 'point', description: capitalised(TARGET_FIELDS.kind.text) },
      scale: { type: 'string', enum: [...DISCREPANCY_SCALES], default: 'log', description: capitalised(TARGET_FIELDS.scale.text) },
      tolerance: { type: 'number', exclusiveMinimum: 0, description: capitalised(TARGET_FIELDS.tolerance.text) },
      weight: { type: 'number', minimum: 0, default: 1, description: capitalised(TARGET_FIELDS.weight.text) },
      holdOut: { type: 'boolean', default: false, description: capitalised(TARGET_FIELDS.holdOut.text) },
      source: { type: 'string', description: capitalised(TARGET_FIELDS.source.text) },
      model: { $ref: '#/definitions/statistic' },
      contrast: { type: 'string', enum: [...CONTRAST_KINDS], description: capitalised(TARGET_FIELDS.contrast.text) },
    },
  };
}

function methodFieldSchema(field: MethodFieldSpecification): JsonSchema {
  const description = capitalised(field.text);
  switch (field.kind) {
    case 'integer':
      return { type: 'integer', minimum: field.minimum, maximum: field.maximum, default: field.default, description };
    case 'number': {
      const schema: JsonSchema = { type: 'number', default: field.default, description };
      schema[field.exclusiveMinimum ? 'exclusiveMinimum' : 'minimum'] = field.minimum;
      schema[field.exclusiveMaximum ? 'exclusiveMaximum' : 'maximum'] = field.maximum;
      return schema;
    }
    case 'boolean':
      return { type: 'boolean', default: field.default, description };
    case 'choice':
      return { type: 'string', enum: [...field.choices], default: field.default, description };
  }
}

/**
 * Build the JSON Schema of a calibration file.
 *
 * @example (buildCalibrationJsonSchema().required as string[]) // ['name', 'description', 'scenario', 'parameters', 'targets']
 */
export function buildCalibrationJsonSchema(): JsonSchema {
  const methodProperties = Object.fromEntries(Object.entries(METHOD_FIELDS).map(([key, field]) => [key, methodFieldSchema(field)]));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: 'Generated from src/calibration/calibrationFileFields.ts, src/model/parameterSpecification.ts and src/outcomes/reporters.ts by src/calibration/generateCalibrationSchema.ts; do not edit by hand.',
    title: 'zonesim calibration',
    description: 'A zonesim calibration: a scenario, free parameters with priors, targets (published figures and their model statistics) and the method with its budget (docs/calibration.md).',
    type: 'object',
    additionalProperties: false,
    required: Object.entries(CALIBRATION_TOP_FIELDS).filter(([, f]) => f.required).map(([k]) => k),
    properties: {
      name: { type: 'string', pattern: SCENARIO_NAME_PATTERN.source, description: capitalised(CALIBRATION_TOP_FIELDS.name.text) },
      description: { type: 'string', pattern: '^\\s*[^\\r\\n]*\\S[^\\r\\n]*\\s*$', description: capitalised(CALIBRATION_TOP_FIELDS.description.text) },
      scenario: { type: 'string', minLength: 1, description: capitalised(CALIBRATION_TOP_FIELDS.scenario.text) },
      reference: { type: 'string', minLength: 1, description: capitalised(CALIBRATION_TOP_FIELDS.reference.text) },
      parameters: { $ref: '#/definitions/parameters' },
      targets: { type: 'array', minItems: 1, items: { $ref: '#/definitions/target' }, description: capitalised(CALIBRATION_TOP_FIELDS.targets.text) },
      method: { type: 'object', additionalProperties: false, properties: methodProperties, description: capitalised(CALIBRATION_TOP_FIELDS.method.text) },
      predictions: {
        type: 'object',
        additionalProperties: false,
        properties: {
          until: { type: 'integer', description: capitalised(PREDICTION_FIELDS.until) },
          reporters: {
            type: 'array',
            uniqueItems: true,
            items: { type: 'string', enum: reporters.filter((r) => r.scope === 'province').map((r) => r.name) },
            description: capitalised(PREDICTION_FIELDS.reporters),
          },
        },
        description: capitalised(CALIBRATION_TOP_FIELDS.predictions.text),
      },
    },
    definitions: {
      prior: priorSchema(),
      parameters: parametersSchema(),
      instant: instantSchema(),
      statistic: statisticSchema(),
      target: targetSchema(),
    },
  };
}

/**
 * The schema as committed: JSON with 2-space indentation and a trailing newline.
 *
 * @example await writeFile(CALIBRATION_SCHEMA_PATH, renderCalibrationJsonSchema());
 */
export function renderCalibrationJsonSchema(): string {
  return `${JSON.stringify(buildCalibrationJsonSchema(), null, 2)}\n`;
}
