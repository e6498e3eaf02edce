import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { directHtmlTexts } from '../../src/clean/html-text.js';
import { finishDirectHtml, renderDirect, renderPlain } from '../../src/clean/markdown-html.js';
import { fastInline, fastLex } from '../../src/sources/markdown-fast.js';
import { readMarkdown } from '../../src/sources/markdown.js';

/*
 * src/sources/markdown-fast.ts: marked's tokens for the plainest Markdown, made without marked.
 * Wherever fastLex answers, its tokens must be marked's own, every field (raw too); where it
 * cannot be sure, it must not answer. The bodies below are made of the forms it reads and of the
 * near misses around each (a bullet after a blank line, a closer before a letter, a fence line
 * inside a fence, an autolink in the text, ...).
 */
const marked = new Marked({ gfm: true, async: false });
/** stripIllegalXmlChars' two replacements, without its test or its notes (src/util/text.ts). */
const legalXml = (text: string): string =>
  text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
/** fastLex's answer, checked against marked's; whether it answered. */
const same = (md: string): boolean => {
  const fast = fastLex(md);
  if (fast) expect(fast).toStrictEqual(marked.lexer(md));
  return fast !== undefined;
};

const WORDS = ['the', 'Council', 'a', 'b2', 'é', 'naïve', 'x', 'http', 'www', 'foo.bar', 'a,b', '(x)', 'Q?', 'end.', "it's", '"q"', '1.', '2)', '—', '…', '日本', '#', 'x#', '!', 'a|b', ':', '%', '/', '-', '+'];
const NEAR = ['*', '**', '***', '_', '`', '``', '[', ']', '](', ')', '<', '>', '&amp;', '&', '@', '://', 'www.', 'WWW.', '\\', '~', '~~', '![', '  \n', ' \n', '\t', '\r', '\n', '\n\n', '|', '---', '===', '\u0000'];
/** Words that open and close with a letter or digit (emphasis and links around them are read). */
const CLEAN = ['the', 'Council', 'a', 'b2', 'é', 'naïve', 'x', 'http', 'www', 'foo.bar', 'a,b', "it's", '1', 'Q', '日本'];
const word = (near: boolean) => (near ? fc.oneof({ arbitrary: fc.constantFrom(...WORDS), weight: 9 }, { arbitrary: fc.constantFrom(...NEAR), weight: 1 }) : fc.constantFrom(...CLEAN));
const words = (near: boolean) => fc.array(word(near), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const HREFS = ['/x.html', '/a/b?c=1&d=2', 'https://e.com/x', '#frag', 'mailto:a@b.c'];
const NEAR_HREFS = [...HREFS, 'x y', '/p(1)', '', '<x>', '/x "t"'];
const inline = (near: boolean) =>
  fc
    .array(
      fc.oneof(
        { arbitrary: words(near), weight: 5 },
        { arbitrary: words(near).map((w) => `*${w}*`), weight: 1 },
        { arbitrary: words(near).map((w) => `**${w}**`), weight: 1 },
        { arbitrary: words(near).map((w) => `\`${w}\``), weight: 1 },
        { arbitrary: fc.tuple(words(near), fc.constantFrom(...(near ? NEAR_HREFS : HREFS))).map(([w, h]) => `[${w}](${h})`), weight: 1 },
        { arbitrary: near ? fc.constantFrom('.', ',', ';', ':', '!', '?', ' ', '(', ')') : fc.constantFrom('.', ',', ';', ':', '—', '(x)'), weight: 1 },
      ),
      { minLength: 1, maxLength: 6 },
    )
    .chain((parts) => (near ? fc.constantFrom(' ', '') : fc.constant(' ')).map((sep) => parts.join(sep)));
/** A line of text that opens with a letter (or, near, anything). */
const line = (near: boolean) => fc.tuple(near ? fc.constantFrom('Word ', 'la ', 'Été ', '', ' ') : fc.constantFrom('Word ', 'la ', 'x '), inline(near)).map(([a, b]) => a + b);
const block = (near: boolean) =>
  fc.oneof(
    fc.array(line(near), { minLength: 1, maxLength: 3 }).map((l) => l.join('\n')),
    fc.tuple(fc.integer({ min: 1, max: near ? 7 : 6 }), line(near), fc.constantFrom('', '', '', ' #', ' ')).map(([d, l, end]) => `${'#'.repeat(d)} ${l}${near ? end : ''}`),
    fc
      .tuple(fc.constantFrom('```', '~~~', ...(near ? ['````'] : [])), fc.constantFrom('', 'js', 'c++', ...(near ? ['a b', '`x'] : [])), fc.array(near ? fc.constantFrom('a b', 'x = 1;', '', '  ```', '~~~', ' x', '`') : fc.constantFrom('a b', 'x = 1;', '  y'), { minLength: near ? 0 : 1, maxLength: 3 }))
      .map(([f, lang, body]) => `${f}${lang}\n${body.join('\n')}\n${f}`),
    fc.tuple(fc.constantFrom('-', '*', '+'), fc.array(line(near), { minLength: 1, maxLength: 3 })).map(([b, items]) => items.map((t) => `${b} ${t}`).join('\n')),
    fc.array(line(near), { minLength: 1, maxLength: 3 }).map((l) => l.map((t) => `> ${t}`).join('\n')),
    ...(near ? [fc.constantFrom('---', '***', '<div>x</div>', '    code', '[a]: /x', '| a | b |\n| - | - |', 'A\n===', 'A\n---', '1. a\n2. b', '- [ ] task', '  Indented', '>', '- ', '')] : []),
  );
const body = (near: boolean) =>
  fc
    .tuple(fc.constantFrom('', '', '\n', '\n\n'), fc.array(fc.tuple(block(near), fc.constantFrom('\n\n', '\n\n', '\n', '\n\n\n', ...(near ? ['\n \n', ''] : []))), { minLength: 1, maxLength: 6 }), fc.constantFrom('', '\n', '\n\n'))
    .map(([head, blocks, tail]) => head + blocks.map(([b, sep], i) => (i < blocks.length - 1 ? b + sep : b)).join('') + tail);

describe('fastLex', () => {
  it("gives marked's tokens for the forms it reads", () => {
    let answered = 0;
    fc.assert(
      fc.property(body(false), (md) => {
        if (same(md)) answered++;
      }),
      { numRuns: 2000 },
    );
    // The generator's bodies are mostly in the forms read (not all: e.g. a list after one line feed).
    expect(answered).toBeGreaterThan(600);
  });

  it("gives marked's tokens or nothing for the near misses around them", () => {
    fc.assert(
      fc.property(body(true), (md) => {
        same(md);
      }),
      { numRuns: 4000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        same(`Word ${s}`);
        same(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('renders its tokens as renderDirect does, with the texts directHtmlTexts reads back (renderPlain)', () => {
    let compared = 0;
    const check = (md: string): void => {
      const tokens = fastLex(md);
      if (!tokens) return;
      const render = renderDirect(tokens, () => undefined);
      if (render.html === undefined || render.fragments > 0) return;
      compared++;
      const plain = renderPlain(tokens);
      expect(plain, md).toStrictEqual({ html: render.html, ...directHtmlTexts(render.html) });
      // What it notes as holding nothing stripIllegalXmlChars changes (noteXmlLegal) holds nothing,
      // and finishDirectHtml's output of it neither (it is noted too).
      if (!plain) return;
      const finished = finishDirectHtml(plain.html, { baseUrl: 'https://e.com/a/', allowIframes: false }).html;
      for (const noted of [plain.html, plain.text, plain.summary, finished]) expect(legalXml(noted), md).toBe(noted);
    };
    fc.assert(fc.property(body(false), check), { numRuns: 1500 });
    fc.assert(fc.property(body(true), check), { numRuns: 1500 });
    // Lone surrogates are stripped piece by piece, as escText strips them: a pair split by markup stays stripped.
    for (const md of ['Word a\ud83d *b* c', 'Word \ud83d`\ude00x`', '## Word \ud83d', '```\nx\ud800\n```', '- a\udc00 b', '> Word\n> \ude00 c']) check(md);
    expect(compared).toBeGreaterThan(500);
    expect(renderPlain([{ type: 'hr', raw: '---' }])).toBeUndefined();
    // What renderDirect sends to the sanitiser (a character reference) is left to it.
    expect(renderPlain(fastLex('Word [a](/x?a=1&b;)') ?? [])).toBeUndefined();
  });

  it('leaves to marked what another rule could read differently', () => {
    for (const md of [
      '- a\n\n- b', // one loose list, not two
      '- a\n\n1. b',
      '- a\nlazy',
      '> a\nlazy',
      'A\n===',
      'A\n- b',
      'a  \nb', // a hard break
      'a *b*c', // a closer before a letter
      'a*b* c',
      '**a *b* c**',
      'see www.example.com',
      'mail a@b.co',
      'an <b>tag</b>',
      '[ref]\n\n[ref]: /x',
      '```\ncode\n',
      '```\na\n\n```',
      'a\tb',
      'a\r\nb',
    ]) {
      expect(fastLex(md), md).toBeUndefined();
    }
    expect(fastInline('a ![i](s)')).toBeUndefined();
    expect(fastInline('a [l](u "t")')).toBeUndefined();
  });

  it("reads the repository's own plain articles as marked does", () => {
    const dir = path.join(import.meta.dirname, '../../articles');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.md'))) same(readFileSync(path.join(dir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
  });

  it('renders a body it reads as the body marked read before', () => {
    const md = 'Intro *em* and **strong**, `code` and [a link](/x.html).\n\n## A section\n\n- one\n- two\n\n> A quote.\n\n```js\nlet x = 1;\n```\n';
    expect(fastLex(md)).toBeDefined();
    expect(readMarkdown(md, 1).bodyHtml).toBe(
      '<p>Intro <em>em</em> and <strong>strong</strong>, <code>code</code> and <a href="/x.html">a link</a>.</p>\n<h2>A section</h2>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<blockquote>\n<p>A quote.</p>\n</blockquote>\n<pre><code class="language-js">let x = 1;\n</code></pre>',
    );
  });
});
