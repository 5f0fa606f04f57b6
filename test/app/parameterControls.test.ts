import { describe, expect, it } from 'vitest';
import { listParameterLeaves, parameterSpecification } from '../../src/model/parameterSpecification.ts';
import { buildControlGroups, chineseTermsOf, parameterLabel, sliderRangeOf } from '../../src/app/parameterControls.ts';

const leaves = listParameterLeaves();
const groups = buildControlGroups();
const controls = groups.flatMap((group) => group.controls);

describe('generated controls', () => {
  it('cover every parameter leaf exactly once, in specification order', () => {
    expect(controls.map((c) => c.path)).toEqual(leaves.map(([path]) => path));
  });

  it('group controls by the top-level parameter groups, in order', () => {
    expect(groups.map((g) => g.key)).toEqual(Object.keys(parameterSpecification));
    for (const group of groups) {
      expect(group.title.length).toBeGreaterThan(0);
      expect(group.rules.length).toBeGreaterThan(0);
      for (const control of group.controls) expect(control.group).toBe(group.key);
    }
  });

  it('use sliders for numbers, switches for booleans, choosers for choices', () => {
    const expected = { number: 'slider', integer: 'slider', boolean: 'switch', choice: 'chooser', numberList: 'list', path: 'file' } as const;
    for (const control of controls) expect(control.widget).toBe(expected[control.leaf.kind]);
  });

  it('give every control an English label, its rule ids and a tooltip with description and unit', () => {
    for (const control of controls) {
      expect(control.label, control.path).toMatch(/^[A-Z][A-Za-z0-9 ,()'’–-]*$/);
      expect(control.rules, control.path).toEqual(control.leaf.rules);
      expect(control.ruleText, control.path).toMatch(/^(R\d+|model)( (R\d+|model))*$/);
      expect(control.tooltip, control.path).toContain(control.leaf.description);
      expect(control.tooltip, control.path).toContain(`Unit: ${control.leaf.unit}.`);
      expect(control.fullLabel, control.path).toContain(control.ruleText);
    }
    expect(new Set(controls.map((c) => c.path)).size).toBe(controls.length);
  });

  it('add the Chinese terms that descriptions quote in parentheses', () => {
    const byPath = new Map(controls.map((c) => [c.path, c]));
    expect(byPath.get('zones.leadingIndustriesPerZone')?.chineseTerms).toEqual(['主导产业']);
    expect(byPath.get('promotion.effort')?.chineseTerms).toEqual(['招商引资']);
    expect(byPath.get('guarantees.enabled')?.fullLabel).toBe('Enable credit guarantees · 担保体系 · R13');
    for (const control of controls) {
      const quoted = /[(（][^()（）]*[\u3400-\u9fff]/.test(control.leaf.description);
      expect(control.chineseTerms.length > 0, control.path).toBe(quoted);
    }
    expect(chineseTermsOf('no terms (here) at all')).toEqual([]);
  });

  it('give slider ranges inside the allowed range that contain the default', () => {
    for (const control of controls) {
      const leaf = control.leaf;
      if (leaf.kind !== 'number' && leaf.kind !== 'integer') {
        expect(control.slider).toBeNull();
        continue;
      }
      const slider = control.slider!;
      expect(slider.min, control.path).toBeGreaterThanOrEqual(leaf.minimum);
      expect(slider.max, control.path).toBeLessThanOrEqual(leaf.maximum);
      expect(slider.min, control.path).toBeLessThanOrEqual(leaf.default);
      expect(slider.max, control.path).toBeGreaterThanOrEqual(leaf.default);
      expect(slider.step, control.path).toBeGreaterThan(0);
      if (leaf.kind === 'integer') expect(Number.isInteger(slider.step)).toBe(true);
      if (leaf.kind === 'number' && leaf.exclusiveMinimum) expect(slider.min, control.path).toBeGreaterThan(leaf.minimum);
    }
    expect(sliderRangeOf('choice.relatedness.coefficient', parameterSpecification.choice.relatedness.coefficient)).toEqual({ min: -10, max: 10, step: 0.2 });
  });

  it('derive readable labels from keys', () => {
    expect(parameterLabel('zones.leadingIndustriesPerZone')).toBe('Leading industries per zone');
    expect(parameterLabel('zones.servicingPaceHaPerYear')).toBe('Servicing pace');
    expect(parameterLabel('choice.outside.enabled')).toBe('Enable outside option');
    expect(parameterLabel('choice.relatedness.coefficient')).toBe('Relatedness coefficient');
    expect(parameterLabel('projects.perYear')).toBe('Projects per year');
  });
});
