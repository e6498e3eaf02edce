import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveSummary } from '../../src/meta/resolve.js';
import { squashSpaces, stripIllegalXmlChars, truncateAtWord } from '../../src/util/text.js';

/** deriveSummary as it was written before it took paragraphs one by one: the whole body split, squashed, filtered. */
function wholeSplit(bodyText: string, max: number): string {
  const paragraphs = stripIllegalXmlChars(bodyText).split(/\n\s*\n/).map(squashSpaces).filter(Boolean);
  let out = '';
  for (const p of paragraphs) {
    out = out ? `${out} ${p}` : p;
    if (out.length >= max * 0.6) break;
  }
  return truncateAtWord(out, max);
}

describe('deriveSummary', () => {
  it('takes the same paragraphs as splitting the whole body, on any text', () => {
    const pieces = fc.constantFrom('\n', '\n\n', '\n \n', '\r\n\r\n', '\n\u0001\n', ' ', '\t', 'word', 'a longer sentence.', '\uD800', '😀', '\u00a0', '');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 60 }), fc.integer({ min: 0, max: 120 }), (parts, max) => {
        const text = parts.join('');
        expect(deriveSummary(text, max)).toBe(wholeSplit(text, max));
      }),
      { numRuns: 3000 },
    );
  });

  it('stops at the paragraph that makes it long enough', () => {
    expect(deriveSummary('One two three.\n\nFour five six seven.\n\n  Eight   nine. ', 20)).toBe('One two three.');
    expect(deriveSummary('One two three.\n\nFour five six seven.\n\n  Eight   nine. ', 40)).toBe('One two three. Four five six seven.');
    expect(deriveSummary('First.\n\n\n\nSecond  para.\n \nThird.', 1000)).toBe('First. Second para. Third.');
  });
});
