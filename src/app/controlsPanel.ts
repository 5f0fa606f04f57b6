/**
 * The levers panel: renders the generated control descriptors (parameterControls.ts) as sliders with
 * number boxes, switches, choosers and list fields, grouped by parameter group with their R-ids, and
 * reports edits as raw values (validation is the caller's job, with the scenario validator).
 * Keyboard accessible: native inputs, labels, and the description shown while a control has focus.
 */
import type { Parameters } from '../model/parameterSpecification.ts';
import { element } from './dom.ts';
import { describeDefault, subgroupTitle, type ControlDescriptor, type ControlGroup } from './parameterControls.ts';
import { valueAtPath } from './scenarioSettings.ts';

/** Called with a dotted path and the raw value the user entered (possibly invalid). */
export type EditHandler = (path: string, value: unknown) => void;

interface RenderedControl {
  readonly descriptor: ControlDescriptor;
  readonly row: HTMLElement;
  readonly error: HTMLElement;
  /** Show a value (from the committed parameters) without firing events. */
  readonly show: (value: unknown) => void;
}

function domId(path: string): string {
  return `p-${path.replace(/\./g, '-')}`;
}

function sameAsDefault(descriptor: ControlDescriptor, value: unknown): boolean {
  const fallback = descriptor.leaf.default as unknown;
  if (Array.isArray(value) && Array.isArray(fallback)) return value.length === fallback.length && value.every((v, i) => v === fallback[i]);
  return value === fallback;
}

/** Parse a number box: a number when the text is one, else the text (so the validator can say what was found). */
function numberFromText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isNaN(value) ? text : value;
}

/** Parse a comma-separated list field. */
function listFromText(text: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  return trimmed.split(/[,;\s]+/).filter((part) => part !== '').map(numberFromText);
}

/** The levers panel. */
export class ControlsPanel {
  private readonly controls = new Map<string, RenderedControl>();
  private readonly groupElements: Array<{ group: ControlGroup; details: HTMLDetailsElement; count: HTMLElement }> = [];

  /**
   * @param container where the groups are appended.
   * @param groups the generated control groups.
   * @param onEdit called when the user changes a value.
   */
  constructor(
    container: HTMLElement,
    groups: readonly ControlGroup[],
    private readonly onEdit: EditHandler,
  ) {
    for (const group of groups) {
      const count = element('span', { class: 'changed-count' });
      const summary = element(
        'summary',
        {},
        element('span', { class: 'group-title' }, group.title),
        ' ',
        element('span', { class: 'rules' }, group.rules.join(' ')),
        ' ',
        count,
      );
      const details = element('details', { class: 'group', 'data-group': group.key }, summary);
      let subgroup: string | null = null;
      for (const descriptor of group.controls) {
        if (descriptor.subgroup !== subgroup && descriptor.subgroup !== null) {
          details.append(element('h4', { class: 'subgroup' }, subgroupTitle(descriptor.subgroup)));
        }
        subgroup = descriptor.subgroup;
        const rendered = this.renderControl(descriptor);
        this.controls.set(descriptor.path, rendered);
        details.append(rendered.row);
      }
      this.groupElements.push({ group, details, count });
      container.append(details);
    }
  }

  private renderControl(d: ControlDescriptor): RenderedControl {
    const id = domId(d.path);
    const helpId = `${id}-help`;
    const errorId = `${id}-error`;
    const label = element(
      'label',
      { for: id },
      element('span', { class: 'label-text' }, d.label),
      ...d.chineseTerms.map((term) => element('span', { class: 'zh', lang: 'zh-Hans' }, ` ${term}`)),
      ' ',
      element('span', { class: 'rule' }, d.ruleText),
    );
    const help = element('p', { class: 'control-help', id: helpId }, d.tooltip);
    const error = element('p', { class: 'control-error', id: errorId, hidden: true });
    const described = `${helpId} ${errorId}`;
    const reset = element('button', {
      type: 'button',
      class: 'reset-one',
      title: `Reset to the default (${describeDefault(d.leaf)})`,
      'aria-label': `Reset ${d.label} to its default`,
      onclick: () => this.onEdit(d.path, structuredClone(d.leaf.default)),
    }, '↺');
    let inputs: HTMLElement;
    let show: (value: unknown) => void;
    switch (d.widget) {
      case 'slider': {
        const slider = d.slider!;
        const range = element('input', {
          type: 'range',
          id: `${id}-range`,
          min: slider.min,
          max: slider.max,
          step: slider.step,
          'aria-label': `${d.label} (slider)`,
          'aria-describedby': described,
          'data-path': d.path,
        });
        const box = element('input', {
          type: 'number',
          id,
          step: 'any',
          inputmode: 'decimal',
          'aria-describedby': described,
          'data-path': d.path,
        });
        range.addEventListener('input', () => {
          box.value = range.value;
        });
        range.addEventListener('change', () => this.onEdit(d.path, Number(range.value)));
        box.addEventListener('change', () => this.onEdit(d.path, numberFromText(box.value)));
        show = (value) => {
          const n = typeof value === 'number' ? value : Number(value);
          if (Number.isFinite(n)) {
            if (n > Number(range.max)) range.max = String(n);
            if (n < Number(range.min)) range.min = String(n);
            range.value = String(n);
            box.value = String(n);
          }
        };
        inputs = element('div', { class: 'control-inputs' }, range, box, element('span', { class: 'unit' }, d.unit === '-' ? '' : d.unit), reset);
        break;
      }
      case 'switch': {
        const box = element('input', { type: 'checkbox', role: 'switch', id, 'aria-describedby': described, 'data-path': d.path });
        box.addEventListener('change', () => this.onEdit(d.path, box.checked));
        show = (value) => {
          box.checked = value === true;
        };
        inputs = element('div', { class: 'control-inputs' }, box, element('span', { class: 'switch-state', 'aria-hidden': 'true' }), reset);
        break;
      }
      case 'chooser': {
        const select = element('select', { id, 'aria-describedby': described, 'data-path': d.path });
        if (d.leaf.kind === 'choice') for (const choice of d.leaf.choices) select.append(element('option', { value: choice }, choice));
        select.addEventListener('change', () => this.onEdit(d.path, select.value));
        show = (value) => {
          select.value = String(value);
        };
        inputs = element('div', { class: 'control-inputs' }, select, reset);
        break;
      }
      case 'list': {
        const text = element('input', {
          type: 'text',
          id,
          placeholder: 'e.g. 1, 2, 1 (empty = none)',
          'aria-describedby': described,
          'data-path': d.path,
        });
        text.addEventListener('change', () => this.onEdit(d.path, listFromText(text.value)));
        show = (value) => {
          text.value = Array.isArray(value) ? value.join(', ') : '';
        };
        inputs = element('div', { class: 'control-inputs' }, text, reset);
        break;
      }
      case 'file':
      default: {
        const text = element('input', {
          type: 'text',
          id,
          value: 'generated matrix',
          readonly: true,
          'aria-readonly': 'true',
          'aria-describedby': described,
          'data-path': d.path,
        });
        show = () => {
          text.value = 'generated matrix (data files: command line only)';
        };
        inputs = element('div', { class: 'control-inputs' }, text);
        break;
      }
    }
    const row = element('div', { class: `control control-${d.widget}`, 'data-path': d.path, title: d.tooltip }, label, inputs, help, error);
    return { descriptor: d, row, error, show };
  }

  /**
   * Show the committed parameters (and drafts the user typed that are not valid yet), mark changed
   * levers and count them per group.
   */
  setValues(parameters: Parameters, drafts: ReadonlyMap<string, unknown> = new Map()): void {
    for (const [path, control] of this.controls) {
      const committed = valueAtPath(parameters, path);
      if (!drafts.has(path)) control.show(committed);
      control.row.classList.toggle('changed', !sameAsDefault(control.descriptor, committed));
    }
    for (const { group, count } of this.groupElements) {
      const changed = group.controls.filter((c) => this.controls.get(c.path)?.row.classList.contains('changed')).length;
      count.textContent = changed > 0 ? `${changed} changed` : '';
    }
  }

  /** Show an error under one control (or clear every error with null). */
  showError(path: string | null, message: string | null): void {
    for (const control of this.controls.values()) {
      control.error.hidden = true;
      control.error.textContent = '';
      control.row.classList.remove('invalid');
      for (const input of Array.from(control.row.querySelectorAll('input, select'))) input.removeAttribute('aria-invalid');
    }
    if (path === null || message === null) return;
    const control = this.controls.get(path);
    if (!control) return;
    control.error.hidden = false;
    control.error.textContent = message;
    control.row.classList.add('invalid');
    for (const input of Array.from(control.row.querySelectorAll('input, select'))) input.setAttribute('aria-invalid', 'true');
    const group = control.row.closest('details');
    if (group) group.open = true;
  }

  /** Show only the levers whose label, path, rule ids, Chinese terms or description contain the text. */
  filter(text: string): void {
    const needle = text.trim().toLowerCase();
    for (const { group, details } of this.groupElements) {
      let visible = 0;
      for (const descriptor of group.controls) {
        const row = this.controls.get(descriptor.path)!.row;
        const haystack = `${descriptor.fullLabel} ${descriptor.path} ${descriptor.tooltip}`.toLowerCase();
        const match = needle === '' || haystack.includes(needle);
        row.hidden = !match;
        if (match) visible++;
      }
      details.hidden = visible === 0;
      if (needle !== '') details.open = visible > 0;
    }
  }

  /** Open or close every group. */
  setAllOpen(open: boolean): void {
    for (const { details } of this.groupElements) details.open = open;
  }

  /** Open the named groups. */
  openGroups(keys: readonly string[]): void {
    for (const { group, details } of this.groupElements) if (keys.includes(group.key)) details.open = true;
  }
}
