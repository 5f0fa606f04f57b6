import { describe, expect, it } from 'vitest';
import { INFO_SECTIONS, NETLOGO_INFO_HEADINGS } from '../../src/app/infoContent.ts';
import { renderMarkdown } from '../../src/app/markdown.ts';

describe('Info panel', () => {
  it('has every section of NetLogo’s Info tab, in order, once', () => {
    expect(INFO_SECTIONS.map((s) => s.title)).toEqual([...NETLOGO_INFO_HEADINGS]);
    expect(NETLOGO_INFO_HEADINGS).toEqual([
      'WHAT IS IT?',
      'HOW IT WORKS',
      'HOW TO USE IT',
      'THINGS TO NOTICE',
      'THINGS TO TRY',
      'EXTENDING THE MODEL',
      'RELATED MODELS',
      'CREDITS AND REFERENCES',
    ]);
  });

  it.each(INFO_SECTIONS.map((s) => [s.title, s] as const))('%s is not empty', (_title, section) => {
    const text = renderMarkdown(section.markdown).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    expect(text.length).toBeGreaterThan(200);
    expect(section.id).toMatch(/^info-[a-z-]+$/);
  });

  it('section ids are unique', () => {
    expect(new Set(INFO_SECTIONS.map((s) => s.id)).size).toBe(INFO_SECTIONS.length);
  });
});
