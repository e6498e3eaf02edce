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

const WORDS = ['the', 'Council', 'a', 'b2', 'é', 'naïve', 'x', 'http', 'www', 'foo.bar', 'a,b', '(x)', 'Q?', 'end.', "it's", '"q"', '1.', '2)', '—', '…', '日本', '#', 'x#', '!', 'a|b', ':', '%', '/', '-', '+', 'a_b', 'snake_case_name', 'R&D', '&', 'x]', 'wow!', '2019', '1.5'];
const NEAR = ['http://', 'www.', 'https://x.com/[a](b)', 'http://a.b&amp;', 'http://a.b&amp;c', "www.x'", 'https://x.com/`c`', 'HTTP://X.COM', 'awww.b.c', 'https://', 'http://x.y)', 'http://(x).y', 'http://x.y/(a)b)', 'http://x.y\\', 'mailto:a', 'http://x.y<b>', '~', '~~x~~', '~x~', 'a~', '<', '< b', '<3', '<=', '<-', '<a>', '</a>', '<!--', '<?', '<http://x>', '\\\n', '\\', '\\*', '\\[', '\\]', '\\é', '\\ ', '*', '**', '***', '_', '__', '_a', 'a_', '`', '``', '[', ']', '](', ')', '<', '>', '&amp;', '&#32;', '&', '@', '://', 'www.', 'WWW.', '\\', '~', '~~', '![', '![]', '  \n', ' \n', '\t', '\r', '\n', '\n\n', '|', '---', '===', '\u0000', '\u00a0', '[x]', '[x]:', '1.', '1)'];
/** Words that open and close with a letter or digit (emphasis and links around them are read). */
const CLEAN = ['the', 'Council', 'a', 'b2', 'é', 'naïve', 'x', 'http', 'www', 'foo.bar', 'a,b', "it's", '1', 'Q', '日本', 'a_b', 'R&D', 'x]y', 'wow!x', '\\*not em\\*', 'a\\_b', '\\[x\\]', '\\\\', 'C:\\dir', '\\`', '\\<b>', '\\&amp;', 'a < b', '1<2', '<=', '<-', 'https://e.com/a_b', 'http://x.y/p?q=1&r=2.', 'www.example.com', '(https://e.com)', 'ftp://f.org/x,', 'xhttp://y.z', 'https://e.com/a*b*'];
/** CLEAN without what ends a label (`]`) or an emphasis early (`_`, not ASCII at its ends). */
const INNER = ['the', 'Council', 'a', 'b2', 'naïve', 'x', 'http', 'foo.bar', 'a,b', "it's", '1', 'Q', 'R&D', 'wow!x'];
const word = (near: boolean, inner = false) => (near ? fc.oneof({ arbitrary: fc.constantFrom(...WORDS), weight: 9 }, { arbitrary: fc.constantFrom(...NEAR), weight: 1 }) : fc.constantFrom(...(inner ? INNER : CLEAN)));
const words = (near: boolean, inner = false) => fc.array(word(near, inner), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const HREFS = ['/x.html', '/a/b?c=1&d=2', 'https://e.com/x', '#frag', 'mailto:a@b.c', '/wiki/Foo_(bar)', '/x "A title"', '/p(1) "t (x)"'];
const NEAR_HREFS = [...HREFS, 'x y', '/p(1', '/p)1', '/a((b))', '/a(b)(c)', '', '<x>', '/x "t"x', "/x 't'", '/x ""', '/x "a\\"b"', '/x  "t"', '/x (t)', '/x "t" ', '/x "a&amp;b"', '/x "t\n"', ' /x', '/x\n"t"', '/x "[t]"'];
/** Code span contents: taken as written, markup and all. */
const CODE = ['x', 'a_b', '<div>', '&amp;', '*', '_a_', '[a](b)', 'a]b', 'http://x', '\\', ' x ', ' x', 'x ', 'a  b'];
const NEAR_CODE = [...CODE, ' ', '  ', '  x  ', ' x  ', '`', 'a\nb', '\t', ''];
/** In a label, a code span closes before its `]` (`a]b` would end the label early: a near miss). */
const LABEL_CODE = CODE.filter((c) => !/[[\]]/.test(c));
/** A link's or an image's label: words, emphasis or a code span. */
const label = (near: boolean) => fc.oneof(words(near, true), words(near, true).map((w) => `*${w}*`), fc.constantFrom(...LABEL_CODE).map((c) => `\`${c}\``), fc.tuple(words(near, true), fc.constantFrom(...LABEL_CODE)).map(([w, c]) => `${w} \`${c}\``));
const inline = (near: boolean) =>
  fc
    .array(
      fc.oneof(
        { arbitrary: words(near), weight: 5 },
        { arbitrary: words(near, true).map((w) => `*${w}*`), weight: 1 },
        { arbitrary: words(near, true).map((w) => `**${w}**`), weight: 1 },
        { arbitrary: words(near, true).map((w) => `_${w}_`), weight: 1 },
        { arbitrary: words(near, true).map((w) => `__${w}__`), weight: 1 },
        {
          // Emphasis with punctuation inside and around its delimiters.
          arbitrary: fc
            .tuple(fc.constantFrom('', '(', ...(near ? ['a', '"', '*', '['] : [])), fc.constantFrom('*', '**', '_', '__'), fc.constantFrom('', '(', '"', '.', "'", ...(near ? [' ', ',', '*', '_', ')'] : [])), words(near, true), fc.constantFrom('', ':', '!', '?', '.', ')', '"', ...(near ? [' ', '(', '*', '_', '-'] : [])), fc.constantFrom('', ':', ')', '!', "'s", '.', ',', '?', '"', ...(near ? ['a', '(', '-', '*', '_', '[x](/y)'] : [])))
            .map(([pre, d, ip, w, iq, post]) => `${pre}${d}${ip}${w}${iq}${d}${post}`),
          weight: 2,
        },
        {
          // Emphasis around a code span, a link or the other emphasis.
          arbitrary: fc
            .tuple(fc.constantFrom('*', '**', '_', '__'), fc.constantFrom('`c`', '`a*b`', '`a_b`', '[a](/x)', '[a *b*](/x)', '![i](/s)', '_e_', '*e*', 'https://x.y/z', ...(near ? ['`c', '[a](/x*)', '**s**', '__s__', '\\*'] : [])), fc.constantFrom('', ' the', ...(near ? [' *', ' _'] : [])), fc.constantFrom('', 'the ', ...(near ? ['* ', '_ '] : [])))
            .map(([d, x, post, pre]) => `${d}${pre}${x}${post}${d}`),
          weight: 1,
        },
        { arbitrary: fc.constantFrom(...(near ? NEAR_CODE : CODE)).map((c) => `\`${c}\``), weight: 1 },
        { arbitrary: fc.tuple(label(near), fc.constantFrom(...(near ? NEAR_HREFS : HREFS))).map(([w, h]) => `[${w}](${h})`), weight: 1 },
        { arbitrary: fc.tuple(fc.oneof(words(near, true), fc.constant('')), fc.constantFrom(...(near ? NEAR_HREFS : HREFS))).map(([w, h]) => `![${w}](${h})`), weight: 1 },
        { arbitrary: near ? fc.constantFrom('.', ',', ';', ':', '!', '?', ' ', '(', ')', '[a]', '[a][b]', '[![i](/s)](/h)') : fc.constantFrom('.', ',', ';', ':', '—', '(x)'), weight: 1 },
      ),
      { minLength: 1, maxLength: 6 },
    )
    .chain((parts) => (near ? fc.constantFrom(' ', '') : fc.constant(' ')).map((sep) => parts.join(sep)));
/** How a line may open: anything that can only be text (or, near, anything). */
const OPEN = ['Word ', 'la ', 'x ', '**Bold** ', '*em* ', '_em_ ', '[a link](/x) ', '![](/i.png) ', '(x) ', '"q" ', '2019 was ', 'É ', '`c` ', '“Quoted” ', '10% ', 'x_y ', '**`code`** ', '*[a](/x)* ', '_(x)_ '];
const NEAR_OPEN = [...OPEN, '', ' ', '1. ', '1.5 ', '2) ', '2019', '[x]: /u ', '[x] ', '[ ] ', '* ', '_ ', '\u00a0x ', '\u3000x ', '*** ', '___', '__ ', '`` ', '```', '~~~', '    x', '<b>', '= ', '- ', '| a | ', ': ', '*\t', '**', '*', '_', '**\tx', '**_x', '*_*'];
const line = (near: boolean) => fc.tuple(fc.constantFrom(...(near ? NEAR_OPEN : OPEN)), inline(near)).map(([a, b]) => a + b);
const FENCE_LINES = ['a b', 'x = 1;', '  y', '`x`', '``y', 'a_b <c> & *d*', '[x]: /y'];
const NEAR_FENCE_LINES = [...FENCE_LINES, '', '', '  ```', '~~~', ' x', '`', '```', '```js', '   ```', '    ```', '```  ', '````', '```~', '~~~`', '``` x', '\t', '\r'];
const block = (near: boolean) =>
  fc.oneof(
    fc.tuple(fc.array(line(near), { minLength: 1, maxLength: 3 }), fc.constantFrom('', '', ' ', '  ')).map(([l, end]) => l.join('\n') + end),
    fc.tuple(fc.integer({ min: 1, max: near ? 7 : 6 }), line(near), fc.constantFrom('', '', '', ' #', ' ')).map(([d, l, end]) => `${'#'.repeat(d)} ${l}${near ? end : ''}`),
    fc
      .tuple(
        fc.constantFrom('```', '~~~', ...(near ? ['````'] : [])),
        fc.constantFrom('', 'js', 'c++', 'c#', 'js {1,3}', ' js', 'a b', ...(near ? ['`x', '~x', '\\x', 'x\t'] : [])),
        fc.array(fc.constantFrom(...(near ? NEAR_FENCE_LINES : FENCE_LINES)), { minLength: near ? 0 : 1, maxLength: 3 }),
      )
      .chain(([f, lang, body]) => fc.constantFrom(f, ...(near ? [`${f}  `, ` ${f}`, `   ${f}`, `${f}${f[0]}`, `${f}x`] : [])).map((close) => `${f}${lang}\n${body.map((l) => `${l}\n`).join('')}${close}`)),
    // Lists, tight (one line feed between items) or loose (a blank line between some).
    fc
      .tuple(fc.constantFrom('-', '*', '+'), fc.array(fc.tuple(line(near), fc.constantFrom('\n', '\n', '\n\n', ...(near ? ['\n\n\n', '\n \n', '\n\n  '] : []))), { minLength: 1, maxLength: 3 }))
      .chain(([b, items]) => fc.constantFrom(' ', ' ', '  ', '   ', '    ', ...(near ? ['     ', '\t'] : [])).map((sp) => items.map(([t, sep], i) => `${i > 0 ? sep : ''}${b}${i === 1 ? sp : ' '}${t}`).join(''))),
    fc
      .tuple(
        fc.constantFrom(1, 1, 3, 10, 0, 123456789, ...(near ? [1234567890] : [])),
        fc.constantFrom('.', ')'),
        fc.array(fc.tuple(line(near), fc.constantFrom('\n', '\n', '\n\n', ...(near ? ['\n\n\n'] : []))), { minLength: 1, maxLength: 3 }),
        near ? fc.constantFrom('.', ')', '') : fc.constant(''),
      )
      .chain(([n, d, items, other]) => fc.constantFrom(' ', ' ', '  ', '    ', ...(near ? ['     '] : [])).map((sp) => items.map(([t, sep], i) => `${i > 0 ? sep : ''}${n + i}${i === 1 && other ? other : d}${i === 0 ? sp : ' '}${t}`).join(''))),
    fc.array(line(near), { minLength: 1, maxLength: 3 }).map((l) => l.map((t) => `> ${t}`).join('\n')),
    fc.constantFrom('---', '***', '___', '-----', '*****'),
    ...(near ? [fc.constantFrom('--', '- - -', '***x', '---  ', ' ---', '--- x', '-- -', '___ ', '* * *', '<div>x</div>', '    code', '[a]: /x', '| a | b |\n| - | - |', 'A\n===', 'A\n---', '1. a\n2. b', '1. a\n\n2. b', '1. a\n- b', '- [ ] task', '  Indented', '>', '- ', '1. ', '')] : []),
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
        else if (process.env.R17_DUMP) console.log('REFUSED', JSON.stringify(md));
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
    expect(renderPlain([{ type: 'html', raw: '<b>', text: '<b>', block: true, pre: false }])).toBeUndefined();
    // What renderDirect sends to the sanitiser (a character reference) is left to it.
    expect(renderPlain(fastLex('Word [a](/x?a=1&b;)') ?? [])).toBeUndefined();
  });

  it('leaves to marked what another rule could read differently', () => {
    for (const md of [
      '- a\n\n\n- b', // one loose list whose first item holds a space token
      '- a\n\n* b',
      '- a\n\n1. b',
      '1. a\n\n- b',
      '- a\n\n  b',
      '- a\nlazy',
      '> a\nlazy',
      'A\n===',
      'A\n- b',
      'a  \nb', // a hard break
      'a *b*c', // a closer before a letter
      'a*b* c',
      '**a *b* c**',
      'see awww.example.com',
      'see foo://x',
      '[a http://x.y b](/z)',
      'mail a@b.co',
      'an <b>tag</b>',
      '[ref]\n\n[ref]: /x',
      '```\ncode\n',
      'a\tb',
      'a\r\nb',
      'a\\\nb', // a hard break
      'Word [a \\] b](/x)',
      '- - -',
      '# Word\u00a0', // marked trims a heading's text, no-break spaces too
      'a ~~del~~ b',
      'a ~x~ b',
      'a <b>tag</b>',
      '-     five spaces',
      'Word &#65; b', // marked decodes numeric references in text
      '*a &#42; b*',
      '~~~~x\na\n~~~', // a fence of four tildes
      '1.5 million\nWord',
      '10.5 percent',
      '[x]: /u',
      '[x] text',
      '\u00a0Word',
      '- a  \n- b', // marked makes the last item's trailing spaces a token of their own
      'a_b_ c',
      '_a_b_',
      'a `` b',
      'Word [a `]` b](/x)',
      'Word [a [b](/c) d](/e)',
      '[![i](/s)](/h)',
      '1. a\n2) b',
      '1234567890. a',
      'Word\n1. a',
    ]) {
      expect(fastLex(md), md).toBeUndefined();
    }
    expect(fastInline('a [![i](s)](h)')).toBeUndefined();
    expect(fastInline('a [l](u "t")')).toStrictEqual(marked.Lexer.lexInline('a [l](u "t")'));
    for (const md of ['a [l](/u', 'a ![](/x\n"t")', 'a [l](/u "t"', 'a [l](/u "t" x)', 'a [l](/(u)']) expect(fastInline(md), md).toBeUndefined();
  });

  it('reads the common forms of real posts (ordered and loose lists, images, lines opening with markup, `_`, `&`, code spans as written)', () => {
    for (const md of [
      '1. one\n2. two\n\nAfter.',
      '3) three\n4) four',
      '**Bold** opens the line.\n[A link](/x) opens the next.',
      '![An image](/i.png)\n\n(Aside) and "quoted" and 2019 was a year.',
      '`code` first, then `a_b <c> & d` and ` spaced `.',
      'snake_case and _em_ and __strong__, R&D.',
      '- [A link](/x) in a list\n- **Bold** item',
      '**`code` in bold** and *a [link](/x) in em*, __[a link](/y)__.',
      '- A loose list\n\n- of two items\n- and a third\n\nAfter.',
      '> *Quoted* line\n> [link](/y)',
      '## [Heading link](/h)',
      'Trailing spaces at the end  \n\nNext.',
      '```js {1,3}\nlet a = `x`;\n```',
      '```\n\nBlank lines around\n\n```  \n\n~~~md\n```js\nnested\n```\n~~~\n\n```\n```',
      '```\n```~\n````', // ```~ does not close a fence; ```` does
      '1.  Two spaces\n2.  after the markers\n\nThen:\n\n-   three\n-   here',
      'About ~5 minutes, a < b and 1<2 <= 3.',
      'Not a URL to marked: WWW.example.com; HTTP://X.COM is one.',
      'Bare URLs: https://example.com/a_b, (www.example.org/x) and http://x.y/p?q=1.\n\n[A link](https://e.com/x) `http://code`',
      'Escapes: \\*not emphasis\\*, C:\\dir, \\[x\\] and a \\ alone.\n\n---\n\n# Heading\n***\nAfter a rule.',
      'See [`code` in a label](/x) and ![alt *em*](/i.png).',
      'Café “quotes” — dashes…\nÉté',
    ]) {
      expect(same(md), md).toBe(true);
    }
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
