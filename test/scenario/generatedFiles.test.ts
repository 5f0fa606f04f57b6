import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listParameterLeaves, parameterSpecification } from '../../src/model/parameterSpecification.ts';
import { listGeneratedFiles } from '../../src/scenario/generatedFiles.ts';
import { buildScenarioJsonSchema, type JsonSchema } from '../../src/scenario/jsonSchema.ts';
import { renderParameterDocument, renderDefaultSourcesMarkdown, renderParameterTableMarkdown } from '../../src/scenario/parameterTable.ts';

const repositoryRoot = path.resolve(import.meta.dirname, '../..');

/** Follow a dotted parameter path through the nested `properties` of the schema. */
function schemaAt(schema: JsonSchema, leafPath: string): JsonSchema {
  let node = schema;
  for (const key of leafPath.split('.')) {
    const properties = node.properties as Record<string, JsonSchema> | undefined;
    expect(properties, `schema has no properties at ${leafPath}`).toBeDefined();
    node = properties![key];
    expect(node, `schema lacks ${leafPath}`).toBeDefined();
  }
  return node;
}

describe('committed generated files', () => {
  it.each(listGeneratedFiles().map((file) => [file.path, file] as const))(
    '%s equals the freshly generated output (if not, run: npm run schema)',
    (relativePath, generated) => {
      const committed = readFileSync(path.join(repositoryRoot, relativePath), 'utf8');
      expect(committed).toBe(generated.render());
    },
  );
});

describe('buildScenarioJsonSchema', () => {
  const schema = buildScenarioJsonSchema();

  it('is a closed draft-07 object schema requiring name and description', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['name', 'description']);
    expect(Object.keys(schema.properties as object)).toEqual(['name', 'description', ...Object.keys(parameterSpecification)]);
  });

  it('describes every parameter of the table with its type, range, default, unit and rules', () => {
    for (const [leafPath, leaf] of listParameterLeaves()) {
      const node = schemaAt(schema, leafPath);
      expect(node.description).toContain(leaf.description.trim());
      expect(node.description).toContain(`Rules: ${leaf.rules.join(', ')}.`);
      if (leaf.unit !== '-') expect(node.description).toContain(`Unit: ${leaf.unit}.`);
      expect(node.default).toEqual(leaf.default);
      if (leaf.kind === 'number' || leaf.kind === 'integer') {
        expect(node.type).toBe(leaf.kind);
        expect(node.maximum).toBe(leaf.maximum);
        if (leaf.kind === 'number' && leaf.exclusiveMinimum) {
          expect(node.exclusiveMinimum).toBe(leaf.minimum);
          expect(node.minimum).toBeUndefined();
        } else {
          expect(node.minimum).toBe(leaf.minimum);
        }
      } else if (leaf.kind === 'choice') {
        expect(node.enum).toEqual(leaf.choices);
      } else if (leaf.kind === 'boolean') {
        expect(node.type).toBe('boolean');
      } else if (leaf.kind === 'numberList') {
        expect(node.type).toBe('array');
        expect(node.items).toEqual({ type: 'number', minimum: leaf.minimum, maximum: leaf.maximum });
      } else if (leaf.kind === 'path') {
        expect(node.type).toEqual(['string', 'null']);
      }
    }
  });

  it('closes every group', () => {
    const walk = (node: JsonSchema): void => {
      if (node.type !== 'object') return;
      expect(node.additionalProperties).toBe(false);
      for (const child of Object.values(node.properties as Record<string, JsonSchema>)) walk(child);
    };
    walk(schema);
  });
});

describe('renderParameterTableMarkdown', () => {
  it('has a header and one row per parameter, with escaped cells', () => {
    const lines = renderParameterTableMarkdown().trimEnd().split('\n');
    expect(lines[0]).toBe('| Parameter | Default | Range | Unit | Rules | Description |');
    const leaves = listParameterLeaves();
    expect(lines).toHaveLength(leaves.length + 2);
    leaves.forEach(([leafPath], index) => {
      const row = lines[index + 2];
      expect(row.startsWith(`| \`${leafPath}\` |`)).toBe(true);
      // Six cells: seven unescaped pipes.
      expect(row.match(/(?<!\\)\|/g)).toHaveLength(7);
    });
    expect(renderParameterTableMarkdown()).toContain('| `zones.landPrice` | 3 | (0.001, 1000] | M¥/ha | R11 |');
    expect(renderParameterTableMarkdown()).toContain('`log`, `linear`, `bounded`');
  });

  it('is introduced as generated in docs/parameters.md', () => {
    const document = renderParameterDocument();
    expect(document.startsWith('# Parameters\n')).toBe(true);
    expect(document).toContain('generated from `src/model/parameterSpecification.ts`');
    expect(document).toContain(renderParameterTableMarkdown());
    // Then the sources of the defaults that come from published figures.
    expect(document.endsWith(renderDefaultSourcesMarkdown())).toBe(true);
    expect(renderDefaultSourcesMarkdown()).toContain('province above-scale industrial enterprises, 2009');
  });
});
