import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../../src/extract/html/index.js';

const para = (n: number) => `<p>Paragraph ${n} of the story tells how the council voted to close the old bridge for repairs, and what the residents said about it afterwards.</p>`;
const aside = `Related stories you may have missed this week: ${Array.from({ length: 12 }, (_, i) => `the ${i + 1}th story about something else entirely`).join(', ')}.`;

describe('dropped blocks in explain', () => {
  it('carry their whole text, not the first 200 characters', () => {
    const html = `<!doctype html><html><head><title>Bridge</title></head><body><article><h1>Bridge</h1>${[1, 2].map(para).join('')}<aside class="related">${aside}</aside>${[3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map(para).join('')}</article></body></html>`;
    const x = extractHtml(html, { timezone: 'UTC' });
    expect(aside.length).toBeGreaterThan(400);
    const block = x.dropped.find((d) => d.text.startsWith('Related stories'));
    expect(block?.text).toBe(aside);
  });
});
