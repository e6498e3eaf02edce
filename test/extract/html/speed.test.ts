/**
 * The HTML extractor's speed-ups give the answers of the code they replace (docs/BENCHMARKS.md,
 * r4-htmlperf): the bound pre-count, the cheaper Readability checks, the body merge's walk and the
 * cached site-name patterns.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { checkHtmlBounds, HTML_LIMITS, underBoundsByCount } from '../../../src/extract/bounds.js';
import { mergeBodies, parseDocument } from '../../../src/extract/html/dom.js';
import type { DomElement } from '../../../src/extract/html/dom-types.js';
import { countAt, stripExactSiteName } from '../../../src/extract/html/metadata.js';
import { fasterReadabilityChecks } from '../../../src/extract/html/readability-speed.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/unseen');
const pages = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));

function parse(html: string) {
  const parsed = parseDocument(html);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.document;
}

describe('underBoundsByCount (the pre-count that spares most pages the tokenizer pass)', () => {
  it('clears real pages and never clears a page the tokenizer finds over a bound', () => {
    for (const page of pages) expect(underBoundsByCount(page, HTML_LIMITS)).toBe(true);
    const limits = { elements: 10, nodes: 100, depth: Number.POSITIVE_INFINITY };
    const cases = ['<b>x</b>'.repeat(5), '<b>x</b>'.repeat(11), '&amp;'.repeat(40), '&amp;'.repeat(101), 'a<b'.repeat(30), '</p>'.repeat(11), 'x&y;'.repeat(60), '<!--c-->'.repeat(9)];
    for (const html of cases) {
      if (underBoundsByCount(html, limits)) expect(checkHtmlBounds(html, limits)).toBeUndefined();
    }
    expect(underBoundsByCount('<b>x</b>'.repeat(5), limits)).toBe(true);
    expect(underBoundsByCount('<b>x</b>'.repeat(6), limits)).toBe(false);
    expect(underBoundsByCount('<div>'.repeat(8), { ...limits, depth: 7 })).toBe(false);
  });
});

describe('fasterReadabilityChecks', () => {
  it("answers as Readability's own _isValidByline and _isProbablyVisible on every element of real pages", () => {
    const extra = '<div style="display:none">a</div><p style="visibility: hidden">b</p><p hidden>c</p><span aria-hidden="true" class="x fallback-image">d</span><i aria-hidden="true">e</i><a rel="author">Ann Lee</a><b itemprop="author"> </b>';
    for (const page of [...pages, `<html><body>${extra}</body></html>`]) {
      const document = parse(page);
      const original = new Readability(document as never) as unknown as Record<string, (...a: unknown[]) => boolean>;
      const faster = new Readability(document as never) as unknown as Record<string, (...a: unknown[]) => boolean>;
      fasterReadabilityChecks(faster);
      for (const el of document.querySelectorAll('*')) {
        const match = `${el.className} ${el.id}`;
        expect(Boolean(faster._isValidByline?.(el, match))).toBe(Boolean(original._isValidByline?.call(original, el, match)));
        expect(Boolean(faster._isProbablyVisible?.(el))).toBe(Boolean(original._isProbablyVisible?.call(original, el)));
      }
    }
  });

  it('reads neither the text of an element that cannot be a byline nor the style of one without a style attribute', () => {
    const el = parse('<html><body><div class="story">Some words of a story.</div></body></html>').querySelector('div') as DomElement;
    const reads = { text: 0, style: 0 };
    Object.defineProperty(el, 'textContent', {
      get: () => {
        reads.text++;
        return 'Some words of a story.';
      },
    });
    Object.defineProperty(el, 'style', {
      get: () => {
        reads.style++;
        return { display: '', visibility: '' };
      },
    });
    const reader = new Readability(parse('<p>x</p>') as never) as unknown as Record<string, (...a: unknown[]) => boolean>;
    fasterReadabilityChecks(reader);
    expect(reader._isValidByline?.(el, 'story ')).toBe(false);
    expect(reader._isProbablyVisible?.(el)).toBe(true);
    expect(reads).toEqual({ text: 0, style: 0 });
  });
});

describe('mergeBodies', () => {
  it('moves a second <body> into the first, but not a <body> inside a <template>', () => {
    const document = parse('<html><body></body><body><p>One</p><template><body><p>T</p></body></template></body></html>');
    expect(mergeBodies(document)).toBe(1);
    expect(document.body?.querySelector('p')?.textContent).toBe('One');
  });
});

describe('stripExactSiteName', () => {
  it('strips the site name behind a separator at either end, for each site name in turn', () => {
    expect(stripExactSiteName('A headline | The Daily', 'The Daily')).toBe('A headline');
    expect(stripExactSiteName('THE DAILY — A headline', 'The Daily')).toBe('A headline');
    expect(stripExactSiteName('A headline | The Daily', 'Other Site')).toBe('A headline | The Daily');
    expect(stripExactSiteName('A headline by The Daily', 'The Daily')).toBe('A headline by The Daily');
    expect(stripExactSiteName('The Daily', 'The Daily')).toBe('The Daily');
  });
});

describe('countAt (how often a name is shown, tried only where its first word occurs)', () => {
  it('counts as a global search of the same pattern counts', () => {
    const texts = ['jan jan  jan januar xjan jan-jan', 'anna anna anna', 'ann annann ann\nann', 'von der leyen von der  leyen vonder leyen', 'élodie élodie3 éélodie élodie'];
    const names = ['jan', 'ann', 'anna anna', 'von der leyen', 'élodie', 'leyen'];
    for (const text of texts) {
      for (const name of names) {
        const words = name.split(' ');
        const source = `(?<![\\p{L}\\d])${words.join('\\s+')}(?![\\p{L}\\d])`;
        const global = [...text.matchAll(new RegExp(source, 'gu'))].length;
        expect(countAt(text, words[0] as string, new RegExp(source, 'uy'))).toBe(global);
      }
    }
    expect(countAt('anna anna anna', 'anna', /(?<![\p{L}\d])anna\s+anna(?![\p{L}\d])/uy)).toBe(1);
  });
});
