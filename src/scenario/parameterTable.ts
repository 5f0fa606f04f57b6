/**
 * The Markdown table of all parameters (docs/parameters.md), generated from the parameter
 * specification table. Pure module.
 */
import { listParameterLeaves, type ParameterLeaf } from '../model/parameterSpecification.ts';
import { describeLeafForDocs } from './jsonSchema.ts';
import { formatInterval } from './parameterText.ts';
import { formatNumber } from './scenarioError.ts';

/** Where the generated parameter document is committed, relative to the repository root. */
export const PARAMETER_DOCUMENT_PATH = 'docs/parameters.md';

/** Make text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ');
}

function code(text: string): string {
  return `\`${text}\``;
}

function formatDefault(leaf: ParameterLeaf): string {
  switch (leaf.kind) {
    case 'number':
    case 'integer':
      return formatNumber(leaf.default);
    case 'boolean':
      return String(leaf.default);
    case 'choice':
      return code(leaf.default);
    case 'numberList':
      return `[${leaf.default.map(formatNumber).join(', ')}]`;
    case 'path':
      return 'none';
    default: {
      const unknownLeaf: never = leaf;
      return String((unknownLeaf as { default?: unknown }).default);
    }
  }
}

function formatRange(leaf: ParameterLeaf): string {
  switch (leaf.kind) {
    case 'number':
      return formatInterval(leaf);
    case 'integer':
      return `${formatInterval(leaf)}, integer`;
    case 'boolean':
      return 'true, false';
    case 'choice':
      return leaf.choices.map(code).join(', ');
    case 'numberList':
      return `list, each in ${formatInterval(leaf)}`;
    case 'path':
      return 'file path or none';
    default: {
      const unknownLeaf: never = leaf;
      return String((unknownLeaf as { kind?: unknown }).kind);
    }
  }
}

/**
 * Render every parameter of the specification table as one Markdown table with the columns
 * Parameter (dotted path), Default, Range, Unit, Rules (R-ids of the speech, or `model`) and
 * Description, in declaration order. `(0, 10]` means the minimum is excluded.
 *
 * Why: the documentation of the parameters is generated, so it cannot drift from the code.
 * Never throws for a well-formed table.
 *
 * @example
 * renderParameterTableMarkdown().split('\n')[0] // '| Parameter | Default | Range | Unit | Rules | Description |'
 */
export function renderParameterTableMarkdown(): string {
  const lines = [
    '| Parameter | Default | Range | Unit | Rules | Description |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const [leafPath, leaf] of listParameterLeaves()) {
    const row = [
      code(leafPath),
      formatDefault(leaf),
      formatRange(leaf),
      leaf.unit,
      leaf.rules.join(', '),
      leaf.description.trim(),
    ].map(cell);
    lines.push(`| ${row.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The whole of docs/parameters.md: a title, a sentence saying the file is generated and how to use
 * the paths in a scenario file, then {@link renderParameterTableMarkdown}. Ends with one newline.
 *
 * Why: shared by the generator script and the freshness test. Never throws.
 *
 * @example
 * await writeFile('docs/parameters.md', renderParameterDocument());
 */
export function renderParameterDocument(): string {
  const intro = [
    '# Parameters',
    '',
    '<!-- Generated from src/model/parameterSpecification.ts by scripts/generateSchema.ts; do not edit by hand. -->',
    '',
    'This file is generated from `src/model/parameterSpecification.ts` by `scripts/generateSchema.ts`; edit the specification and regenerate instead of editing it.',
    'A scenario file overrides any of these parameters by nesting the parts of the path as YAML keys (for example `choice:` / `agglomeration:` / `form: linear`).',
    'A range written `(a, b]` excludes its minimum; rule ids refer to the rules of the speech, and `model` marks model mechanics.',
    '',
  ];
  return `${intro.join('\n')}\n${renderParameterTableMarkdown()}`;
}
