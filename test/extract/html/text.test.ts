import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { DomElement } from '../../../src/extract/html/dom-types.js';
import { renderText } from '../../../src/extract/html/text.js';

function body(html: string): DomElement {
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  return document.body as unknown as DomElement;
}

describe('renderText', () => {
  it('separates block elements by a blank line and collapses whitespace inside them', () => {
    expect(renderText(body('<p>One\n   two</p><div>Three <b>four</b></div><h2>Five</h2>'))).toBe('One two\n\nThree four\n\nFive');
  });

  it('turns <br> into a line break inside the paragraph', () => {
    expect(renderText(body('<p>Line one<br>Line two<br><br></p>'))).toBe('Line one\nLine two');
  });

  it('renders list items and table cells as their own paragraphs', () => {
    expect(renderText(body('<ul><li>a</li><li>b</li></ul><table><tr><td>c</td><td>d</td></tr></table>'))).toBe('a\n\nb\n\nc\n\nd');
  });

  it('skips scripts, styles and form controls', () => {
    expect(renderText(body('<p>Kept</p><script>var x = 1;</script><style>p{}</style><button>Click</button>'))).toBe('Kept');
  });

  it('keeps words of adjacent inline elements apart only where the markup has a space', () => {
    expect(renderText(body('<p><a>one</a> <a>two</a><b>three</b></p>'))).toBe('one twothree');
  });

  it('walks 10,000 levels without recursion', () => {
    expect(renderText(body(`${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}`))).toBe('deep');
  });
});
