/**
 * JSON Schema (draft-07) of experiment files, generated from the parameter specification table and
 * the reporters, so editors (VS Code with the YAML extension: `# yaml-language-server: $schema=…`)
 * complete parameter paths and reporter names, show their descriptions and flag misspellings while
 * typing. The validator (validateExperiment.ts) remains the authority: ranges against each
 * parameter's allowed range, cross-field rules and files are checked there.
 *
 * Regenerate with `tsx src/experiment/generateExperimentSchema.ts` (`--check` to verify); a test
 * checks the committed copy is fresh. Pure module.
 */
import { listParameterLeaves } from '../model/parameterSpecification.ts';
import { reporters } from '../outcomes/reporters.ts';
import type { JsonSchema } from '../scenario/jsonSchema.ts';
import { describeLeafForDocs } from '../scenario/jsonSchema.ts';
import { describeLeafExpectation } from '../scenario/parameterText.ts';
import { MAXIMUM_NAME_LENGTH, SCENARIO_NAME_PATTERN } from '../scenario/validateScenario.ts';
import { EXPERIMENT_DESIGN_TYPES, OUTCOME_STATISTICS } from './experimentDefinition.ts';
import { DISCOVERY_DIRECTIONS, EXPERIMENT_FIELD_TEXT, OUTCOME_NAME_PATTERN, variableParameterPaths } from './validateExperiment.ts';

/** Where the generated schema is committed, relative to the repository root. */
export const EXPERIMENT_SCHEMA_PATH = 'scenarios/experiments/experiment.schema.json';

const finite = { type: 'number' };

function distributionSchema(): JsonSchema {
  const bounded = (required: string[], properties: Record<string, JsonSchema>): JsonSchema => ({
    type: 'object',
    additionalProperties: false,
    required,
    properties,
  });
  return {
    type: 'object',
    description: 'One distribution: uniform, normal, triangular, integer or choice. Bounds must lie inside the parameter’s allowed range.',
    minProperties: 1,
    maxProperties: 1,
    additionalProperties: false,
    properties: {
      uniform: { ...bounded(['min', 'max'], { min: finite, max: finite }), description: 'Continuous uniform on [min, max] (min < max).' },
      normal: {
        ...bounded(['mean', 'sd'], { mean: finite, sd: { type: 'number', exclusiveMinimum: 0 }, min: finite, max: finite }),
        description: 'Normal(mean, sd) truncated to [min, max]; missing bounds default to the parameter’s allowed range.',
      },
      triangular: { ...bounded(['min', 'mode', 'max'], { min: finite, mode: finite, max: finite }), description: 'Triangular on [min, max] with its peak at mode.' },
      integer: { ...bounded(['min', 'max'], { min: { type: 'integer' }, max: { type: 'integer' } }), description: 'Each integer min, …, max equally likely.' },
      choice: {
        ...bounded(['values'], { values: { type: 'array', minItems: 2, uniqueItems: true, items: { type: ['number', 'string', 'boolean'] } } }),
        description: 'Each listed value equally likely (numbers, choices of a choice parameter, or true/false for a switch).',
      },
    },
  };
}

function factorMapSchema(): JsonSchema {
  const leaves = new Map(listParameterLeaves());
  const properties: Record<string, JsonSchema> = {};
  for (const leafPath of variableParameterPaths()) {
    const leaf = leaves.get(leafPath)!;
    properties[leafPath] = {
      description: `${describeLeafForDocs(leaf)} Allowed: ${describeLeafExpectation(leaf)}.`,
      allOf: [{ $ref: '#/definitions/distribution' }],
    };
  }
  return {
    type: ['object', 'null'],
    description: `${EXPERIMENT_FIELD_TEXT.factors[0].toUpperCase()}${EXPERIMENT_FIELD_TEXT.factors.slice(1)} (see docs/parameters.md).`,
    additionalProperties: false,
    properties,
  };
}

/**
 * Build the JSON Schema of an experiment file.
 *
 * @example (buildExperimentJsonSchema().required as string[]) // ['name', 'description', 'scenario', 'outcomes', 'design']
 */
export function buildExperimentJsonSchema(): JsonSchema {
  const province = reporters.filter((r) => r.scope === 'province');
  const reporterName: JsonSchema = { type: 'string', enum: province.map((r) => r.name), description: 'A province reporter of src/outcomes/reporters.ts.' };
  const integer = (minimum: number, maximum: number, description: string): JsonSchema => ({ type: 'integer', minimum, maximum, description });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: 'Generated from src/model/parameterSpecification.ts and src/outcomes/reporters.ts by src/experiment/generateExperimentSchema.ts; do not edit by hand.',
    title: 'zonesim experiment',
    description: 'A zonesim experiment: levers and uncertainties with distributions, outcomes, a design, replications, a seed and optional PRIM scenario discovery (docs/experiments.md).',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'description', 'scenario', 'outcomes', 'design'],
    properties: {
      name: { type: 'string', pattern: SCENARIO_NAME_PATTERN.source, maxLength: MAXIMUM_NAME_LENGTH, description: `Required: ${EXPERIMENT_FIELD_TEXT.name}.` },
      description: { type: 'string', pattern: '^\\s*[^\\r\\n]*\\S[^\\r\\n]*\\s*$', description: `Required: ${EXPERIMENT_FIELD_TEXT.description}.` },
      scenario: { type: 'string', minLength: 1, description: `Required: ${EXPERIMENT_FIELD_TEXT.scenario}.` },
      levers: { $ref: '#/definitions/factors' },
      uncertainties: { $ref: '#/definitions/factors' },
      outcomes: {
        type: 'array',
        minItems: 1,
        description: `Required: ${EXPERIMENT_FIELD_TEXT.outcomes}.`,
        items: {
          oneOf: [
            { $ref: '#/definitions/reporter' },
            {
              type: 'object',
              additionalProperties: false,
              required: ['reporter'],
              properties: {
                reporter: { $ref: '#/definitions/reporter' },
                statistic: {
                  type: 'string',
                  enum: Object.keys(OUTCOME_STATISTICS),
                  description: Object.entries(OUTCOME_STATISTICS).map(([k, v]) => `${k}: ${v}`).join('; '),
                },
                name: { type: 'string', pattern: OUTCOME_NAME_PATTERN.source, description: 'Column name (default: the reporter, or <reporter>_mean).' },
              },
            },
          ],
        },
      },
      design: {
        description: `Required: ${EXPERIMENT_FIELD_TEXT.design}.`,
        oneOf: [
          { type: 'string', enum: [...EXPERIMENT_DESIGN_TYPES] },
          {
            type: 'object',
            additionalProperties: false,
            required: ['type'],
            properties: {
              type: { type: 'string', enum: [...EXPERIMENT_DESIGN_TYPES] },
              levels: integer(2, 1000, 'full-factorial: levels per factor (default 3); morris: grid levels, even (default 4).'),
              trajectories: integer(2, 100000, 'morris: number of trajectories r (runs: r × (factors + 1)).'),
              candidates: integer(2, 10000, 'morris: choose the r most spread-out of this many trajectories (Campolongo et al. 2007).'),
              baseSamples: { type: 'integer', minimum: 2, maximum: 1048576, description: 'sobol: Saltelli base sample size N, a power of two (runs: N × (factors + 2)).' },
              file: { type: 'string', minLength: 1, description: 'csv: the design file (header of factor names, one row per point), relative to the experiment file.' },
            },
          },
        ],
      },
      samples: integer(2, 1000000, 'monte-carlo and latin-hypercube: number of design points.'),
      replicationsPerPoint: integer(1, 100000, 'Replications of every point (default 1); replication r uses the same seed at every point.'),
      seed: integer(0, 4294967295, 'Base seed of the replications, the random designs and the bootstrap (default 2009).'),
      scenarioDiscovery: {
        type: 'object',
        additionalProperties: false,
        required: ['outcome', 'threshold', 'direction'],
        description: 'PRIM: find the factor ranges where a point’s mean outcome is beyond a threshold.',
        properties: {
          outcome: { type: 'string', description: 'The name of one of the outcomes.' },
          threshold: { type: 'number' },
          direction: { type: 'string', enum: [...DISCOVERY_DIRECTIONS] },
          peelingAlpha: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 0.5, description: 'Share of the box peeled per step (default 0.05).' },
          minimumSupport: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'Smallest share of points a box may keep (default 0.05).' },
          minimumDensity: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'Choose the largest-coverage box with at least this density.' },
        },
      },
    },
    definitions: {
      reporter: reporterName,
      distribution: distributionSchema(),
      factors: factorMapSchema(),
    },
  };
}

/**
 * The schema as committed: JSON with 2-space indentation and a trailing newline.
 *
 * @example await writeFile(EXPERIMENT_SCHEMA_PATH, renderExperimentJsonSchema());
 */
export function renderExperimentJsonSchema(): string {
  return `${JSON.stringify(buildExperimentJsonSchema(), null, 2)}\n`;
}
