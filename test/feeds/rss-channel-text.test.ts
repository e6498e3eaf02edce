/**
 * The RSS channel's <description> is plain text to the W3C validator (`nonhtml`: it warns "description
 * should not contain HTML" at an HTML escape such as `&amp;amp;`), while some readers decode it as HTML,
 * as they decode an item's. Text that reads the same both ways goes out as plain text, like the title;
 * text with "<" or an "&" that could start a reference stays escaped as HTML, so no reader shows an
 * element or a decoded reference the site never wrote.
 */
import { describe, expect, it } from 'vitest';
import { article, buildSite, makeSite, readOut } from './helpers.js';

async function channelDescription(description: string): Promise<string> {
  const dir = makeSite({ 'a.md': article({ title: 'A', day: 1 }) }, { description });
  const result = await buildSite(dir);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return /<channel>[\s\S]*?<description>(.*)<\/description>/.exec(readOut(dir, 'rss.xml'))?.[1] ?? '';
}

describe('the RSS channel description', () => {
  it.each([
    ['Articles & Experiments', 'Articles &#x26; Experiments'],
    ['Notes on life > work', 'Notes on life &#x3E; work'],
    ['Plain words', 'Plain words'],
  ])('%j, read the same as text and as HTML, is plain text', async (text, xml) => {
    expect(await channelDescription(text)).toBe(xml);
  });

  it.each([
    ['Styling the <aside> element', 'Styling the &amp;lt;aside&amp;gt; element'],
    ['Cats &amp; dogs', 'Cats &amp;amp;amp; dogs'],
    ['AT&T news', 'AT&amp;amp;T news'],
  ])('%j, which a reader decoding HTML would change, is escaped as HTML', async (text, xml) => {
    expect(await channelDescription(text)).toBe(xml);
  });
});
