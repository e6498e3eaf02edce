/** squashSpaces is the fast form of `.replace(/\s+/g, ' ').trim()` and must equal it on every string. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/clean/html-text.js';
import { squashSpaces } from '../../src/util/text.js';

/** Every character `\s` matches, some it does not (U+180E, U+200B), and ordinary ones. */
const UNITS = [' ', ' ', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u180e', '\u200b', 'a', 'Z', 'é', '😀', '-', '\u0000'];
const texts = fc.array(fc.constantFrom(...UNITS), { maxLength: 40 }).map((a) => a.join(''));

describe('squashSpaces', () => {
  it('equals the regex form on every string', () => {
    fc.assert(
      fc.property(texts, (s) => {
        expect(squashSpaces(s)).toBe(s.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 5_000 },
    );
  });

  it('equals the regex form around every UTF-16 code unit (the fast path knows every space character)', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [`a${ch}b`, `a ${ch}`, `${ch}b c`]) if (squashSpaces(s) !== s.replace(/\s+/g, ' ').trim()) expect(squashSpaces(s), `U+${c.toString(16)}`).toBe(s.replace(/\s+/g, ' ').trim());
    }
  });

  it('equals the regex form on prose that is mostly squashed already', () => {
    const words = fc.array(fc.constantFrom('word', 'é', '😀', 'x-y', ''), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(words, fc.constantFrom(...UNITS), fc.nat(12), (ws, odd, at) => {
        const s = ws.join(' ');
        const t = `${s.slice(0, at)}${odd}${s.slice(at)}`;
        expect(squashSpaces(s)).toBe(s.replace(/\s+/g, ' ').trim());
        expect(squashSpaces(t)).toBe(t.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 5_000 },
    );
  });

  it('collapses runs that start with a space or with another space character', () => {
    expect(squashSpaces(' a  b \t c\u00a0d\n\ne f ')).toBe('a b c d e f');
    expect(squashSpaces('one two three')).toBe('one two three');
    expect(squashSpaces('\u2028x\u3000 \u202fy\ufeff')).toBe('x y');
  });

  it('leaves htmlToText paragraphs as they were', () => {
    expect(htmlToText('<p>a  <b>b</b>\n c</p>\n<div> d&nbsp;&nbsp;e<br>f</div><script>x</script>')).toBe('a b c\n\nd e f');
  });
});
