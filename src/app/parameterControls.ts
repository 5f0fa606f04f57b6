/**
 * Control descriptors for the classroom page, generated from the parameter specification table
 * (`listParameterLeaves()`): one control per parameter leaf, grouped by parameter group, each with an
 * English label, the Chinese terms its description quotes, its rule ids (R-ids), a tooltip (what it
 * does, its unit, range and default) and, for numbers, a slider range and step.
 *
 * Pure module (no DOM): the page renders the descriptors, the tests check that they cover every leaf.
 * A parameter added to the specification table gets a control without touching this file; the small
 * tables below only polish labels and slider ranges.
 */
import { listParameterLeaves, type ParameterLeaf } from '../model/parameterSpecification.ts';
import { formatNumber } from '../scenario/scenarioError.ts';

/** How a parameter is edited on the page. */
export type ControlWidget = 'slider' | 'switch' | 'chooser' | 'list' | 'file';

/** Everything the page needs to render and label one parameter. */
export interface ControlDescriptor {
  /** Dotted path, e.g. `choice.relatedness.coefficient`. */
  readonly path: string;
  /** The path split at the dots. */
  readonly segments: readonly string[];
  /** Top-level parameter group (a top-level key of a scenario file). */
  readonly group: string;
  /** Nested group inside the top-level group (e.g. `relatedness`), or null. */
  readonly subgroup: string | null;
  readonly leaf: ParameterLeaf;
  readonly widget: ControlWidget;
  /** English label without rule ids or Chinese terms, e.g. `Leading industries per zone`. */
  readonly label: string;
  /** Chinese terms quoted in the description, e.g. `['主导产业']`. */
  readonly chineseTerms: readonly string[];
  /** Rule ids, e.g. `['R10']`, or `['model']`. */
  readonly rules: readonly string[];
  /** Rule ids as shown, e.g. `R3 R11` or `model`. */
  readonly ruleText: string;
  /** Full label: English · Chinese · R-ids. */
  readonly fullLabel: string;
  /** Tooltip: the description, unit, allowed range and default. */
  readonly tooltip: string;
  readonly unit: string;
  /** Slider bounds and step (numbers and integers only). */
  readonly slider: SliderRange | null;
}

/** Bounds of a slider. The number box beside it accepts the parameter's whole valid range. */
export interface SliderRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** A parameter group with its controls, in declaration order. */
export interface ControlGroup {
  /** Top-level key, e.g. `guarantees`. */
  readonly key: string;
  /** English title, e.g. `Credit guarantees`. */
  readonly title: string;
  /** Union of the rule ids of the group's parameters, in R-number order (`model` last). */
  readonly rules: readonly string[];
  readonly controls: readonly ControlDescriptor[];
}

/** English titles of the parameter groups (fallback: the key split into words). */
const GROUP_TITLES: Readonly<Record<string, string>> = {
  time: 'Time',
  industries: 'Industries and relatedness',
  zones: 'Zones',
  projects: 'Investment projects',
  choice: 'Location choice',
  firms: 'Firms',
  land: 'Land levers',
  positioning: 'Industrial positioning',
  planning: 'Plan coordination',
  financing: 'Financing platforms',
  credit: 'Credit constraints',
  guarantees: 'Credit guarantees',
  guidanceFund: 'Guidance fund',
  services: 'Shared services',
  promotion: 'Investment promotion',
  crisis: 'Financial crisis',
  innovation: 'Knowledge spillovers',
  circular: 'Circular economy',
  urbanisation: 'Urbanisation',
  numerics: 'Numerics',
  output: 'Recording',
};

/** English titles of nested groups. */
const SUBGROUP_TITLES: Readonly<Record<string, string>> = {
  relatedness: 'Relatedness',
  agglomeration: 'Agglomeration',
  landPrice: 'Land price',
  congestion: 'Congestion',
  outside: 'Outside option',
};

/** Labels that read better written out than derived from the key. */
const LABEL_OVERRIDES: Readonly<Record<string, string>> = {
  'time.years': 'Years simulated',
  'time.startYear': 'Start year',
  'industries.count': 'Number of industries',
  'zones.count': 'Number of zones',
  'projects.perYear': 'Projects per year',
  'projects.growthPerYear': 'Growth of project arrivals',
  'firms.initialCount': 'Initial firms',
  'output.recordEvery': 'Record every',
  'choice.scale': 'Taste-shock scale',
  'crisis.startYear': 'Crisis starts',
};

/** Slider bounds for levers whose teaching range the heuristic would get wrong. */
const SLIDER_OVERRIDES: Readonly<Record<string, SliderRange>> = {
  'time.startYear': { min: 1990, max: 2030, step: 1 },
  'time.years': { min: 1, max: 50, step: 1 },
  'time.stepsPerYear': { min: 1, max: 52, step: 1 },
  'zones.count': { min: 0, max: 200, step: 1 },
  'crisis.startYear': { min: 2009, max: 2031, step: 0.25 },
};

/** Trailing words of a key that only repeat the unit (the unit is shown next to the value). */
const UNIT_SUFFIXES = ['ha per year', 'per ha', 'per year', 'ha', 'km', 'months', 'years', 'steps'];

/**
 * Split a camelCase key into lower-case words: `servicingPaceHaPerYear` → `servicing pace ha per year`.
 *
 * @example splitCamelCase('landPriceScarcityElasticity') // 'land price scarcity elasticity'
 */
export function splitCamelCase(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
}

function capitalise(text: string): string {
  return text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text;
}

/** English title of a top-level group. */
export function groupTitle(group: string): string {
  return GROUP_TITLES[group] ?? capitalise(splitCamelCase(group));
}

function leafWords(key: string): string {
  let words = splitCamelCase(key);
  for (const suffix of UNIT_SUFFIXES) {
    if (words.endsWith(` ${suffix}`)) {
      words = words.slice(0, -suffix.length - 1);
      break;
    }
  }
  return words;
}

/** English title of a nested group (e.g. `outside` → `Outside option`). */
export function subgroupTitle(key: string): string {
  return SUBGROUP_TITLES[key] ?? capitalise(splitCamelCase(key));
}

/**
 * The English label of a parameter, derived from its path.
 *
 * @example parameterLabel('zones.leadingIndustriesPerZone') // 'Leading industries per zone'
 * @example parameterLabel('guarantees.enabled') // 'Enable credit guarantees'
 */
export function parameterLabel(path: string): string {
  const override = LABEL_OVERRIDES[path];
  if (override !== undefined) return override;
  const segments = path.split('.');
  const key = segments[segments.length - 1];
  const owner = segments.length > 2 ? segments[segments.length - 2] : null;
  const ownerTitle = owner !== null ? subgroupTitle(owner) : null;
  if (key === 'enabled') {
    const what = ownerTitle ?? groupTitle(segments[0]);
    return `Enable ${what.toLowerCase()}`;
  }
  const words = leafWords(key);
  if (ownerTitle !== null) return `${ownerTitle} ${words}`;
  return capitalise(words);
}

/**
 * Chinese terms quoted in parentheses in a description, e.g. `(主导产业)` or `(招商引资 teams)`.
 *
 * @example chineseTermsOf('… leading industries (主导产业) each zone …') // ['主导产业']
 */
export function chineseTermsOf(description: string): string[] {
  const terms: string[] = [];
  for (const match of description.matchAll(/[(（]([^()（）]*)[)）]/g)) {
    for (const run of match[1].matchAll(/[\u3400-\u9fff][\u3400-\u9fff、，]*/g)) {
      if (!terms.includes(run[0])) terms.push(run[0]);
    }
  }
  return terms;
}

function widgetOf(leaf: ParameterLeaf): ControlWidget {
  switch (leaf.kind) {
    case 'number':
    case 'integer':
      return 'slider';
    case 'boolean':
      return 'switch';
    case 'choice':
      return 'chooser';
    case 'numberList':
      return 'list';
    case 'path':
      return 'file';
    default: {
      const unknownLeaf: never = leaf;
      throw new Error(`parameterControls: unsupported kind ${String((unknownLeaf as { kind?: unknown }).kind)}`);
    }
  }
}

/** Smallest of 1, 2, 2.5, 5 × 10^k that is ≥ value (value > 0). */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 2.5, 5, 10]) if (factor * power >= value * (1 - 1e-12)) return factor * power;
  return 10 * power;
}

/** 1, 2 or 5 × 10^k closest below value (value > 0). */
function niceStep(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const scaled = value / power;
  return (scaled >= 5 ? 5 : scaled >= 2 ? 2 : 1) * power;
}

/**
 * Slider bounds for a number or integer parameter: its whole range when that is narrow compared with
 * the default, else a teaching range around the default (up to 5 × the default, mirrored below 0 when
 * negative values are allowed). The page widens a slider when a loaded value lies outside it.
 */
export function sliderRangeOf(path: string, leaf: ParameterLeaf): SliderRange | null {
  if (leaf.kind !== 'number' && leaf.kind !== 'integer') return null;
  const override = SLIDER_OVERRIDES[path];
  if (override !== undefined) return override;
  let min = leaf.minimum;
  let max = leaf.maximum;
  const magnitude = Math.abs(leaf.default) > 0 ? Math.abs(leaf.default) : 1;
  if (max - min > 50 * magnitude) {
    max = Math.min(max, niceCeiling(5 * magnitude));
    if (min < 0) min = Math.max(min, -max);
  }
  let step = leaf.kind === 'integer' ? 1 : niceStep((max - min) / 100);
  if (leaf.kind === 'integer' && max - min > 400) step = niceStep((max - min) / 200);
  if (leaf.kind === 'number' && leaf.exclusiveMinimum === true && min === leaf.minimum) min += step;
  return { min, max, step };
}

/** Describe the allowed values of a leaf for a tooltip. */
function describeRange(leaf: ParameterLeaf): string {
  switch (leaf.kind) {
    case 'number': {
      const open = leaf.exclusiveMinimum === true ? '(' : '[';
      return `${open}${formatNumber(leaf.minimum)}, ${formatNumber(leaf.maximum)}]`;
    }
    case 'integer':
      return `[${formatNumber(leaf.minimum)}, ${formatNumber(leaf.maximum)}], integer`;
    case 'boolean':
      return 'on or off';
    case 'choice':
      return leaf.choices.join(', ');
    case 'numberList':
      return `a list, each in [${formatNumber(leaf.minimum)}, ${formatNumber(leaf.maximum)}]`;
    case 'path':
      return 'a CSV file next to the scenario file (command line only)';
    default:
      return '';
  }
}

/** The default of a leaf as shown in a tooltip. */
export function describeDefault(leaf: ParameterLeaf): string {
  switch (leaf.kind) {
    case 'number':
    case 'integer':
      return formatNumber(leaf.default);
    case 'boolean':
      return leaf.default ? 'on' : 'off';
    case 'choice':
      return leaf.default;
    case 'numberList':
      return leaf.default.length === 0 ? 'empty' : leaf.default.map(formatNumber).join(', ');
    case 'path':
      return 'none (the generated matrix)';
    default:
      return '';
  }
}

function ruleOrder(rule: string): number {
  const match = /^R(\d+)$/.exec(rule);
  return match ? Number(match[1]) : 1000;
}

/** Build the descriptor of one parameter leaf. */
export function describeControl(path: string, leaf: ParameterLeaf): ControlDescriptor {
  const segments = path.split('.');
  const label = parameterLabel(path);
  const chineseTerms = chineseTermsOf(leaf.description);
  const rules = [...leaf.rules];
  const ruleText = rules.join(' ');
  const fullLabel = [label, ...chineseTerms, ruleText].join(' · ');
  const unit = leaf.unit;
  const tooltip = `${leaf.description} Unit: ${unit}. Allowed: ${describeRange(leaf)}. Default: ${describeDefault(leaf)}.`;
  return {
    path,
    segments,
    group: segments[0],
    subgroup: segments.length > 2 ? segments[1] : null,
    leaf,
    widget: widgetOf(leaf),
    label,
    chineseTerms,
    rules,
    ruleText,
    fullLabel,
    tooltip,
    unit,
    slider: sliderRangeOf(path, leaf),
  };
}

/**
 * One control per parameter leaf, grouped by top-level parameter group, in the specification's order.
 *
 * Why: the page must offer every lever, and a lever added to the specification table must appear on
 * the page without further work. Never throws for a well-formed table.
 *
 * @example buildControlGroups().find((g) => g.key === 'guarantees')?.controls.length
 */
export function buildControlGroups(): ControlGroup[] {
  const groups = new Map<string, ControlDescriptor[]>();
  for (const [path, leaf] of listParameterLeaves()) {
    const control = describeControl(path, leaf);
    const list = groups.get(control.group) ?? [];
    list.push(control);
    groups.set(control.group, list);
  }
  return [...groups].map(([key, controls]) => {
    const rules = [...new Set(controls.flatMap((c) => c.rules))].sort((a, b) => ruleOrder(a) - ruleOrder(b));
    return { key, title: groupTitle(key), rules, controls };
  });
}
