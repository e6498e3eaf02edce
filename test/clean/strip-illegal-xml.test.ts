/** stripIllegalXmlChars skips text with nothing to strip; it must equal the two replacements on every string. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayBeIllegalXml, mayNeedXmlEscape, stripIllegalXmlChars } from '../../src/util/text.js';

const reference = (text: string): string =>
  text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');

/** Every C0 control, CR/LF, paired and lone surrogates, the non-characters, and ordinary text. */
const UNITS = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), '\r\n', '😀', '\ud83d', '\ude00', '\uFFFE', '\uFFFF', '\uFFFD', '\u007f', '\u0085', 'a', ' ', 'é', '<'];
const texts = fc.array(fc.constantFrom(...UNITS), { maxLength: 30 }).map((a) => a.join(''));

describe('stripIllegalXmlChars', () => {
  it('equals the two replacements on every string', () => {
    fc.assert(
      fc.property(texts, (s) => {
        expect(stripIllegalXmlChars(s)).toBe(reference(s));
      }),
      { numRuns: 5_000 },
    );
  });

  it('returns clean text as it is and strips what XML forbids', () => {
    const clean = 'Plain text, tabs\tand\nlines, emoji 😀, U+0085 \u0085.';
    expect(stripIllegalXmlChars(clean)).toBe(clean);
    expect(stripIllegalXmlChars('a\r\nb\rc\u0000d\ud800e\uFFFEf\u000bg')).toBe('a\nb\ncdefg');
  });
});

/** The one class mayNeedXmlEscape stands for: `&`, `<`, `>` and what stripIllegalXmlChars may change. */
const ESCAPE_CLASS = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

describe('mayNeedXmlEscape', () => {
  it('says the same as the one class for every code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const s = String.fromCharCode(c);
      expect(mayNeedXmlEscape(s), `U+${c.toString(16)}`).toBe(ESCAPE_CLASS.test(s));
      expect(mayBeIllegalXml(s), `U+${c.toString(16)}`).toBe(stripIllegalXmlChars(s) !== s || /[\r\uD800-\uDFFF]/.test(s));
    }
  });

  it('says the same as the one class on any string', () => {
    const anyText = fc.oneof(texts, fc.string({ unit: 'binary', maxLength: 40 }), fc.array(fc.constantFrom(...UNITS, '&', '>', 'amp;'), { maxLength: 30 }).map((a) => a.join('')));
    fc.assert(
      fc.property(anyText, (s) => {
        expect(mayNeedXmlEscape(s)).toBe(ESCAPE_CLASS.test(s));
        // False means stripping changes nothing.
        if (!mayBeIllegalXml(s)) expect(stripIllegalXmlChars(s)).toBe(s);
      }),
      { numRuns: 5_000 },
    );
  });
});
