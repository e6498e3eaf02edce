/**
 * directHtmlTexts reads the text and summary of the direct Markdown render without htmlparser2;
 * on every render it accepts it must give exactly what htmlToTexts gives.
 */
import fc from 'fast-check';
import { Marked, type TokensList } from 'marked';
import { describe, expect, it } from 'vitest';
import { directHtmlTexts, htmlToTexts } from '../../src/clean/html-text.js';
import { renderDirect } from '../../src/clean/markdown-html.js';

const marked = new Marked({ gfm: true, async: false });
const WORDS = ['word', 'Ünïcödé', '&copy;', '&amp;', '&', '<', '>', '"q"', "'s'", '\\*', '*em*', '**strong**', '~~del~~', '`code & <x>`', 'x\u0001y', 'a\u00A0b', 'https://bare.example/link', '<https://auto.example>', '[l](/x "t&t")', '![a "b" <c>](/i.png)', '<b>raw</b>', '<br>', '&#x41;', '  ', 'line  \nbreak', 'tab\there'];
const inline = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
const line = fc.array(inline, { minLength: 1, maxLength: 6 }).map((a) => a.join(' '));
const block = fc.oneof(
  line,
  line.map((l) => `# ${l}`),
  line.map((l) => `### ${l}`),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `- ${l}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l, i) => `${i + 1}. ${l}\n\n   ${l}`).join('\n')),
  line.map((l) => `- [x] ${l}\n- [ ] task`),
  line.map((l) => `> ${l}\n>\n> > ${l}`),
  fc.tuple(fc.constantFrom('', 'ts', 'x"y'), line).map(([lang, l]) => `\`\`\`${lang}\n${l}\n\n${l}\n\`\`\``),
  line.map((l) => `    indented ${l}`),
  line.map((l) => `| a | b |\n| :-: | -- |\n| ${l.replace(/\|/g, '')} | 2 |`),
  fc.constantFrom('***', '<!--more-->', 'Title\n===', 'Sub\n---'),
);
const markdown = fc.array(block, { minLength: 1, maxLength: 8 }).map((bs) => bs.join('\n\n'));

/** The direct render of `md` when it needed no sanitised fragment, else undefined. */
function direct(md: string): string | undefined {
  const tokens = marked.lexer(md);
  const r = renderDirect(tokens, (blocks) => marked.parser(blocks as unknown as TokensList));
  return r.html !== undefined && r.fragments === 0 ? r.html : undefined;
}

describe('directHtmlTexts', () => {
  it('gives what htmlToTexts gives on the direct render', () => {
    let read = 0;
    fc.assert(
      fc.property(markdown, (md) => {
        const html = direct(md);
        if (html === undefined) return;
        const fast = directHtmlTexts(html);
        if (fast === undefined) return;
        read++;
        expect(fast, html).toEqual(htmlToTexts(html));
      }),
      { numRuns: 800 },
    );
    expect(read).toBeGreaterThan(150);
  });

  it('reads a typical article, with its summary cut at <!--more--> and code and headings left out of it', () => {
    const html = direct('Intro & a < b "quoted"\n\n<!--more-->\n\n## Head\n\n```\ncode <x>\n```\n\n- a\n- b  \n  c') as string;
    expect(directHtmlTexts(html)).toEqual(htmlToTexts(html));
    expect(directHtmlTexts(html)?.summary).toBe('Intro & a < b "quoted"');
  });

  it('leaves HTML it cannot read exactly to htmlToTexts', () => {
    for (const html of ['<p>a &copy; b</p>', '<script>x</script>', '<p>a < b</p>', '<P>x</P>', '<svg><title>t</title></svg>', '<!-- unclosed'])
      expect(directHtmlTexts(html), html).toBeUndefined();
  });
});
