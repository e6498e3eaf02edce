/**
 * The Markdown ReDoS/recursion guards are single linear scans with fast paths; they must decide
 * exactly as the plain definitions below (the guards as first written) on every input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasPathologicalRun, MAX_MARKDOWN_NESTING, MAX_MARKER_RUN, maxBlockNesting, readMarkdown } from '../../src/sources/markdown.js';

const EMAIL_LOCAL = /[A-Za-z0-9.!#$%&'*+/=?_`{|}~-]/;
const INLINE_MARKER = /[!*_~`]/;

function referenceRun(body: string): boolean {
  let markers = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (!EMAIL_LOCAL.test(c)) markers = 0;
    else if (INLINE_MARKER.test(c) && ++markers > MAX_MARKER_RUN) return true;
  }
  // A stretch without a space whose "http" that start no URL, times its length, pass 2,000,000.
  return body.split(' ').some((stretch) => (stretch.match(/http(?!s?:\/\/)/gi)?.length ?? 0) * stretch.length > 2_000_000);
}

function referenceNesting(body: string): number {
  let max = 0;
  let count = 0;
  let atLineStart = true;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 10) {
      atLineStart = true;
      count = 0;
      continue;
    }
    if (!atLineStart) continue;
    if (c === 32 || c === 9) continue;
    if (c === 62) count++; // > opens a quote with or without a space
    else if ((c === 45 || c === 43 || c === 42) && isMarkerEnd(body.charCodeAt(i + 1))) count++; // - + * open a list item only before a space or the line end
    else if (c >= 48 && c <= 57) {
      while (i + 1 < body.length && body.charCodeAt(i + 1) >= 48 && body.charCodeAt(i + 1) <= 57) i++;
      const next = body.charCodeAt(i + 1);
      if ((next === 46 || next === 41) && isMarkerEnd(body.charCodeAt(i + 2))) {
        count++;
        i++;
      } else atLineStart = false;
    } else atLineStart = false;
    if (count > max) max = count;
  }
  return max;
}

function isMarkerEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c);
}

/** Every ASCII character, plus non-ASCII letters, spaces and a lone surrogate half. */
const ALL_UNITS = [...Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)), 'é', '\u00a0', '\u2028', '😀', '\ud800', '！', '＊'];
const SHAPED = ['!', '*', '_', '~', '`', 'a', 'Z', '0', '@', ' ', '\n', '\t', '-', '+', '>', '1.', '12)', '3', '.', ')', 'é', '😀', '"', '<', '\\'];

/** Text made of runs, long enough to cross MAX_MARKER_RUN and MAX_MARKDOWN_NESTING. */
const runs = (units: string[]) =>
  fc.array(fc.tuple(fc.constantFrom(...units), fc.integer({ min: 1, max: 1_100 })), { maxLength: 8 }).map((parts) => parts.map(([u, n]) => u.repeat(n)).join(''));
const mixed = fc.array(fc.constantFrom(...SHAPED), { maxLength: 300 }).map((a) => a.join(''));

describe('hasPathologicalRun', () => {
  it('rejects a run of more than MAX_MARKER_RUN markers, letters and e-mail characters included', () => {
    expect(hasPathologicalRun('!'.repeat(MAX_MARKER_RUN))).toBe(false);
    expect(hasPathologicalRun('!'.repeat(MAX_MARKER_RUN + 1))).toBe(true);
    expect(hasPathologicalRun(`text ${'a!'.repeat(MAX_MARKER_RUN + 1)} text`)).toBe(true);
    expect(hasPathologicalRun(`${'*'.repeat(600)}x.y#$%&'+/=?{|}-${'_'.repeat(401)}`)).toBe(true);
    expect(hasPathologicalRun(`${'*'.repeat(600)} ${'_'.repeat(600)}`)).toBe(false);
    expect(hasPathologicalRun(`${'`'.repeat(600)}é${'~'.repeat(600)}`)).toBe(false);
    expect(hasPathologicalRun(`${'`'.repeat(600)}@${'~'.repeat(600)}`)).toBe(false);
    expect(readMarkdown('!'.repeat(MAX_MARKER_RUN + 1), 1).dropped?.[0]?.rule).toBe('markdown-failed');
  });

  it('rejects a stretch whose "http" (not starting a URL) would make the autolink search quadratic; URLs and base64 data pass', () => {
    // "ahttp" x 4,000 took ~0.9 s to render, x 10,000 ~8 s; now plain paragraphs, said so.
    expect(hasPathologicalRun('ahttp'.repeat(4000))).toBe(true);
    expect(hasPathologicalRun(`intro ${'x.HTTP'.repeat(1000)} end`)).toBe(true);
    expect(hasPathologicalRun(`intro ${'x.HTTP'.repeat(400)} end`)).toBe(false);
    expect(hasPathologicalRun('http://a.example/'.repeat(3000))).toBe(false);
    const data = Buffer.from(Array.from({ length: 75_000 }, (_, i) => (i * 7919) % 251)).toString('base64');
    expect(hasPathologicalRun(`![chart](data:image/png;base64,${data})`)).toBe(false);
    const r = readMarkdown(`Before.\n\n${'ahttp'.repeat(10_000)}\n`, 1, { file: 'x.md' });
    expect(r.dropped?.map((d) => d.rule)).toEqual(['markdown-failed']);
    expect(r.bodyText).toContain('Before.');
  });

  it('decides as the per-character definition on every input', () => {
    fc.assert(
      fc.property(fc.oneof(runs(ALL_UNITS), runs(['!', '*', '_', '~', '`', 'a', '9', '-', ' ', 'é']), mixed), (s) => {
        expect(hasPathologicalRun(s)).toBe(referenceRun(s));
      }),
      { numRuns: 400 },
    );
  });

  it('decides as the per-character definition where spaces cut runs of about MAX_MARKER_RUN characters', () => {
    // hasPathologicalRun jumps from space to space and scans only a stretch longer than the bound.
    const stretch = fc.tuple(fc.constantFrom('!', '*', '_', 'a', 'a!', '!é', '\n'), fc.integer({ min: MAX_MARKER_RUN - 3, max: MAX_MARKER_RUN + 3 }));
    fc.assert(
      fc.property(fc.array(fc.oneof(stretch.map(([u, n]) => u.repeat(n).slice(0, n)), fc.constantFrom('word', ' ', '  ', 'x y')), { maxLength: 6 }), (parts) => {
        const s = parts.join(' ');
        expect(hasPathologicalRun(s)).toBe(referenceRun(s));
      }),
      { numRuns: 400 },
    );
  });

  it('decides as the per-character definition on every single code unit in a long run', () => {
    for (const u of ALL_UNITS) {
      const s = `${'!'.repeat(600)}${u}${'*'.repeat(600)}`;
      expect(hasPathologicalRun(s), JSON.stringify(u)).toBe(referenceRun(s));
    }
  });
});

describe('maxBlockNesting', () => {
  it('counts block markers opening a line, not those inside it', () => {
    expect(maxBlockNesting('> > - 1. 2) text > > > >\nplain')).toBe(5);
    expect(maxBlockNesting('text > > > >\n>>')).toBe(2);
    expect(maxBlockNesting('12 > >\n')).toBe(0);
    expect(maxBlockNesting('>'.repeat(MAX_MARKDOWN_NESTING + 1))).toBe(MAX_MARKDOWN_NESTING + 1);
    expect(readMarkdown('>'.repeat(MAX_MARKDOWN_NESTING + 1), 1).dropped?.[0]?.rule).toBe('markdown-failed');
  });

  it('does not take a long rule of "-", "*" or "+" for nesting, in a code block or out of it (issue 13)', () => {
    const rule = '-'.repeat(MAX_MARKDOWN_NESTING + 50);
    expect(maxBlockNesting(rule)).toBe(0);
    expect(maxBlockNesting(`+${'-'.repeat(120)}+\n| a |\n${'*'.repeat(120)}`)).toBe(0);
    const inCode = readMarkdown(`Intro.\n\n\`\`\`\n${rule}\n| a | b |\n${rule}\n\`\`\`\n\nAfter.`, 1);
    expect(inCode.dropped).toBeUndefined();
    expect(inCode.bodyHtml).toContain(`<pre><code>${rule}\n`);
    const asBreak = readMarkdown(`One.\n\n${rule}\n\nTwo *stressed*.`, 1);
    expect(asBreak.dropped).toBeUndefined();
    expect(asBreak.bodyHtml).toContain('<hr />');
    expect(asBreak.bodyHtml).toContain('<em>stressed</em>');
  });

  it('still bounds real nesting of list items', () => {
    for (const marker of ['- ', '* ', '+ ', '1. ', '2) ', '-\t']) {
      const deep = `${marker.repeat(MAX_MARKDOWN_NESTING + 1)}x`;
      expect(maxBlockNesting(deep), marker).toBe(MAX_MARKDOWN_NESTING + 1);
      expect(readMarkdown(deep, 1).dropped?.[0]?.rule, marker).toBe('markdown-failed');
    }
  });

  it('counts as the per-character definition on every input', () => {
    fc.assert(
      fc.property(fc.oneof(runs(SHAPED), mixed, runs(ALL_UNITS)), (s) => {
        expect(maxBlockNesting(s)).toBe(referenceNesting(s));
      }),
      { numRuns: 400 },
    );
  });
});
