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
 * The table of where defaults come from: every parameter whose specification has a `source`, with its
 * default and the row(s) of shared/data/henan-targets-2009-2013.csv or the literature it rests on.
 *
 * Why: a default that comes from a published figure must say which (issue 9). Never throws.
 *
 * @example
 * renderDefaultSourcesMarkdown().split('\n')[0] // '| Parameter | Default | Source and derivation |'
 */
export function renderDefaultSourcesMarkdown(): string {
  const lines = ['| Parameter | Default | Source and derivation |', '| --- | --- | --- |'];
  for (const [leafPath, leaf] of listParameterLeaves()) {
    if (leaf.source === undefined) continue;
    lines.push(`| ${[code(leafPath), formatDefault(leaf), leaf.source.trim()].map(cell).join(' | ')} |`);
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
  const sources = [
    '',
    '## Where the defaults come from',
    '',
    'The default province is a teaching-scale slice of Henan in 2009: 12 of its 180 zones, with the firm stock, the project flow, the land quota and the funds scaled by 12/180; per-firm quantities (sizes, capital–output ratio, jobs, exit rates) are Henan’s. `scenarios/henan.yaml` is the whole province. Rows named below are rows of `shared/data/henan-targets-2009-2013.csv` (indicator, year), whose sources are given there; a default set "so that" the model reproduces a row was hand-set against it (docs/henan.md compares the result with every row). Parameters not listed are modelling choices explained in their description and in docs/ODD.md.',
    '',
  ];
  return `${intro.join('\n')}\n${renderParameterTableMarkdown()}${sources.join('\n')}\n${renderDefaultSourcesMarkdown()}`;
}
