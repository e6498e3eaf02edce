import { describe, expect, it } from 'vitest';
import { parseDocument, simpleText, treeDepth } from '../../../src/extract/html/dom.js';
import type { DomElement } from '../../../src/extract/html/dom-types.js';
import { extractHtml } from '../../../src/extract/html/index.js';

describe('simpleText (the tree-less fallback)', () => {
  it('drops scripts, styles and comments, breaks paragraphs at block tags and decodes entities', () => {
    const html = '<div><p>One &amp; two</p><script>x()</script><style>p{}</style><!-- c --><p>Three&nbsp;&#x41;&#66;</p></div>';
    expect(simpleText(html)).toBe('One & two\n\nThree AB');
  });
});

describe('parseDocument', () => {
  it('frames fragments and keeps the <html> attributes', () => {
    const parsed = parseDocument('<html lang="fr"><p>Bonjour</p></html>');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.document.documentElement?.getAttribute('lang')).toBe('fr');
    expect(parsed.document.body?.textContent).toBe('Bonjour');
  });

  it('makes one text node of text the parser reports in pieces (at entities and stray "<")', () => {
    for (const [html, text] of [
      ['<p>a &amp; b &lt; c &#33;</p>', 'a & b < c !'],
      ['<p>1 < 2 << 3</p>', '1 < 2 << 3'],
      ['&amp;'.repeat(1000), '&'.repeat(1000)],
    ] as const) {
      const parsed = parseDocument(html);
      if (!parsed.ok) throw new Error('parse failed');
      const holder = parsed.document.querySelector('p') ?? parsed.document.body;
      expect(holder?.childNodes.length, html.slice(0, 40)).toBe(1);
      expect(holder?.textContent).toBe(text);
    }
  });
});

describe('treeDepth', () => {
  it('measures nesting and stops at the limit', () => {
    const parsed = parseDocument(`<html><body>${'<div>'.repeat(50)}x${'</div>'.repeat(50)}</body></html>`);
    if (!parsed.ok) throw new Error('parse failed');
    const body = parsed.document.body as DomElement;
    expect(treeDepth(body, 1000)).toBe(50);
    expect(treeDepth(body, 10)).toBe(10);
  });
});

describe('clean = false on a deep tree', () => {
  it('keeps the text of 10,000 nested elements without overflowing', () => {
    const html = `<html><body>${'<div>'.repeat(10_000)}bottom${'</div>'.repeat(10_000)}</body></html>`;
    expect(extractHtml(html, { timezone: 'UTC', clean: false }).contentText).toBe('bottom');
  });
});
