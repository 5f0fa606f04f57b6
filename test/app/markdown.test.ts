import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMarkdown } from '../../src/app/markdown.ts';

describe('renderMarkdown', () => {
  it('renders headings, paragraphs, lists, code and emphasis', () => {
    expect(renderMarkdown('# Title\n\nSome *text* and **bold** `x < y`.')).toBe(
      '<h1>Title</h1>\n<p>Some <em>text</em> and <strong>bold</strong> <code>x &lt; y</code>.</p>',
    );
    expect(renderMarkdown('- a\n- b\n\n1. one\n2. two')).toBe('<ul><li>a</li><li>b</li></ul>\n<ol><li>one</li><li>two</li></ol>');
    expect(renderMarkdown('## Questions', 1)).toBe('<h3>Questions</h3>');
    expect(renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |')).toBe('<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>');
  });

  it('escapes HTML and refuses script links', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('href');
    expect(renderMarkdown('[ODD](docs/ODD.md)')).toBe('<p><a href="docs/ODD.md">ODD</a></p>');
    expect(escapeHtml('"&<>')).toBe('&quot;&amp;&lt;&gt;');
  });
});
