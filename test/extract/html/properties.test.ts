import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../../src/extract/html/index.js';

/** HTML-ish strings: tags (closed, unclosed, stray), attributes, entities, JSON-LD, text. */
const fragment = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '<p>',
    '</p>',
    '<div class="share">',
    '</div>',
    '<br>',
    '<script type="application/ld+json">{"@type":"Article","headline":',
    '</script>',
    '<meta property="og:title" content="T">',
    '&amp;',
    '&#x1F600;',
    '<!--',
    '-->',
    '<table><tr><td>',
    '<a href="/x">',
    '</a>',
    'By Jane Doe',
    'Advertisement',
    '<h1>',
    '<time datetime="2024-02-30T25:61">',
  ),
);
const html = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));

describe('extractHtml properties', () => {
  it('never throws, and renders paragraphs trimmed and separated by exactly one blank line', () => {
    fc.assert(
      fc.property(html, (input) => {
        const result = extractHtml(input, { timezone: 'UTC', referenceDate: new Date('2024-01-01T00:00:00Z') });
        expect(result.contentText).not.toMatch(/\n{3,}/);
        for (const p of result.contentText.split('\n\n')) expect(p).toBe(p.trim());
        // No script element survives (text that merely looks like a tag name is not one).
        expect(parseHTML(`<html><body>${result.contentHtml}</body></html>`).document.querySelectorAll('script')).toHaveLength(0);
        if (result.found.published) expect(Number.isFinite(result.found.published.value.getTime())).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
