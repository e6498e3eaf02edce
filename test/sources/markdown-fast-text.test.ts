import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Lexer, Marked, Tokenizer } from 'marked';
import { describe, expect, it, vi } from 'vitest';
import { FAST_TEXT_SOURCE, fastBlockRules, fastInlineText, inlineTextMatch, mayBeSetextHeading, mayBeTable } from '../../src/sources/markdown.js';

/*
 * src/sources/markdown.ts `fastInlineText`: marked's inline text rule without its autolink
 * alternatives, used only on text that none of them could match. Both lexers must give the same
 * tokens on every input.
 */
const plain = new Marked({ gfm: true, async: false });
const fast = new Marked({ gfm: true, async: false }).use(fastInlineText, fastBlockRules);
const same = (md: string): void => expect(JSON.stringify(fast.lexer(md))).toBe(JSON.stringify(plain.lexer(md)));

const pieces = [
  'word', ' ', '  \n', '\n', '\n\n', '*', '**', '_', '__', '~', '~~', '`', '``', '\\', '<', '>', '[', ']', '(', ')', '!',
  'http', 'HTTPS', 'hTtP', 'htt', 'ftp', '   \n', 'x  \n', '```', '~~~', '://', 'www.', 'www', '@', 'a@b.co', 'mailto:', 'xmpp:', 'x@y', '.', ':', '&amp;', '&#65;', '#', '- ', '1. ',
  '> ', '| a | b |\n|---|---|\n', '<b>', '</b>', '<!-- c -->', 'é', '\u2028', 'a_b', '_x_', 'snake_case', '[^1]', '[l](u)', '![i](s)',
];

describe('marked with the fast inline text rule', () => {
  it('lexes random Markdown to the same tokens as marked alone', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        same(parts.join(''));
      }),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
      same(s);
    }), { numRuns: 1000 });
  });

  it('ends a text token where the regular expression it stands for ends it', () => {
    // inlineTextMatch finds by one search what FAST_TEXT_SOURCE's lazy loop finds character by character.
    const rule = new RegExp(FAST_TEXT_SOURCE);
    expect(inlineTextMatch('')).toBeNull();
    const units = ['a', 'b c', ' ', '  ', '\n', '\t', '`', '``', '~', '_', 'x_y', '*', '\\', '<', '!', '[', ']', 'h', 'H', 'ttp', 'TtP', 's', 'é', '\ud83d', '\ude00', '@', ':'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        expect(inlineTextMatch(s)?.[0]).toBe(rule.exec(s)?.[0]);
      }),
      { numRuns: 5000 },
    );
  });

  it('lexes the same tokens where an autolink starts beyond the first 256 characters of a long run of text', () => {
    for (const tail of [' mail a@b.co', ' see www.example.org', 'mailto:x@y.z', ' ftp://host/x', ' user.name+tag@example.com']) {
      for (const n of [250, 255, 256, 300, 2000]) same(`${'word '.repeat(n / 5)}${'x'.repeat(n % 5)}${tail} and more.\n`);
    }
  });

  it('lexes the Markdown fixtures of the test suite and the sample articles to the same tokens', () => {
    const roots = [path.join(__dirname, '../../articles'), path.join(__dirname, '..')];
    let n = 0;
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(md|markdown|mdx)$/.test(e.name)) {
          same(readFileSync(p, 'utf8'));
          n++;
        }
      }
    };
    for (const r of roots) walk(r);
    expect(n).toBeGreaterThan(20);
  });

  it('takes the fast rule on plain prose and leaves text that may hold an autolink to marked', () => {
    // The extension calls Tokenizer.prototype.inlineText with the fast rule in place; marked's own
    // fallback calls the method it captured when the extension was added, not this spy.
    const mail = 'Write to jane@example.com or see www.example.com.\n';
    const long = `${'<img  '.repeat(2000)}then a@b.co\n`;
    const byMarked = [JSON.stringify(plain.lexer(mail)), JSON.stringify(plain.lexer(long))];
    const original = Tokenizer.prototype.inlineText;
    const rules: string[] = [];
    const spy = vi.spyOn(Tokenizer.prototype, 'inlineText').mockImplementation(function (this: Tokenizer, src: string) {
      rules.push(`${(this.rules.inline as unknown as { text: RegExp }).text.source.includes('mailto') ? 'full' : 'fast'} ${src}`);
      return original.call(this, src);
    });
    try {
      fast.lexer('Plain prose, with *emphasis* and nothing to link.\n');
      expect(rules.length).toBeGreaterThan(0);
      for (const r of rules) expect(r).toMatch(/^fast /);
      rules.length = 0;
      // Only the text after the last autolink ("." ) is free of "@" and "www.": the rest goes
      // to marked's own rule (the autolinks come out as links, as marked alone makes them).
      const tokens = fast.lexer(mail);
      expect(JSON.stringify(tokens)).toBe(byMarked[0]);
      expect(JSON.stringify(tokens)).toContain('"type":"link"');
      expect(rules).toEqual(['fast .']);
      rules.length = 0;
      // A long paragraph of markers: each token looks only as far as the full rule could.
      expect(JSON.stringify(fast.lexer(long))).toBe(byMarked[1]);
    } finally {
      spy.mockRestore();
    }
  });
});

/*
 * `fastBlockRules`: marked's setext-heading and table rules run only where a cheap scan says they
 * could match. The scans are necessary conditions: wherever marked's rule matches, they say yes.
 */
describe('marked with the block rules tried only where they could match', () => {
  const both = new Marked({ gfm: true, async: false }).use(fastInlineText, fastBlockRules);
  const sameBlocks = (md: string): void => {
    expect(JSON.stringify(both.lexer(md))).toBe(JSON.stringify(plain.lexer(md)));
  };
  const gfm = Lexer.rules.block.gfm;
  const blockPieces = [
    'word', 'two words', ' ', '  ', '   ', '    ', '\t', '\n', '\n\n', '\n \n', '\n\u00a0\n', '\r', '\r\n', '\u2028', '\u00a0', '\f',
    '=', '===', '-', '---', '- ', '* ', '1. ', '> ', '#', '# ', '|', '| ', ':', ':-', '-:', '|---|', ' | ', '```', '~~~', '<div>', '<!-- c -->', '[a]: /u',
  ];
  const block = fc.array(fc.constantFrom(...blockPieces), { maxLength: 30 }).map((p) => p.join(''));

  it('says "may match" wherever marked\'s setext-heading and table rules match', () => {
    fc.assert(
      fc.property(block, (src) => {
        if (gfm.lheading.exec(src)) expect(mayBeSetextHeading(src)).toBe(true);
        if (gfm.table.exec(src)) expect(mayBeTable(src)).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('lexes random block Markdown to the same tokens as marked alone', () => {
    fc.assert(fc.property(block, sameBlocks), { numRuns: 3000 });
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
      sameBlocks(parts.join(''));
    }), { numRuns: 1000 });
    for (const md of ['Title\n===\n', 'Title\n  ---\npara', 'a\nb\n\nc\n---\n', '| a | b |\n|---|---|\n| 1 | 2 |\n', 'a|b\n:-|-\n', ' x\n   | :--\n', '> q\n> ---\n', '- a\n  b\n  ---\n', 'a\n\u00a0\n===\n']) sameBlocks(md);
  });

  it('skips both rules on paragraphs of prose and keeps them for setext headings and tables', () => {
    const prose = 'A paragraph of prose,\nover two lines.\n\nAnother one - with a dash.\n\n| not a table\n\nText\n\n===\n';
    expect(mayBeSetextHeading(prose)).toBe(false);
    expect(mayBeTable(prose)).toBe(false);
    expect(mayBeSetextHeading('Title\n=====\n')).toBe(true);
    expect(mayBeSetextHeading('Title\non two lines\n   ---\n')).toBe(true);
    expect(mayBeTable('a | b\n--- | ---\n')).toBe(true);
    expect(mayBeTable('| a | b |\n|  :--- | ---: |\n')).toBe(true);
  });
});
