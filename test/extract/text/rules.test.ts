import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractText, matchPhraseRule, stripHoverCards } from '../../../src/extract/text/index.js';
import { BYLINE_HINT, HOVER_CARD, NOT_HEADLINE, PHRASE_RULES } from '../../../src/extract/text/rules.js';
import { makeUnit } from '../../../src/extract/text/units.js';

const UTC = { timezone: 'UTC' } as const;
const ALL_EXAMPLES = PHRASE_RULES.flatMap((rule) => rule.examples);

/**
 * CPU milliseconds (user + system) spent in `fn`: the bound a linear pattern must keep on a 100k
 * line, whatever the load on the machine (the ReDoS tests' pattern, test/robustness/redos.test.ts).
 */
function cpuMs(fn: () => unknown): number {
  const started = process.cpuUsage();
  fn();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** A linear pass over 100k characters takes a few milliseconds; a quadratic one, tens of seconds. */
const LINE_BOUND_MS = 2_000;

describe('phrase rules', () => {
  it('have unique examples and a reason', () => {
    for (const rule of PHRASE_RULES) {
      expect(rule.why.length).toBeGreaterThan(10);
      expect(rule.examples.length).toBeGreaterThan(0);
    }
    // An example listed twice (in one rule or in two) tests nothing new, and in two rules it would
    // say the first rule shadows the second; compared case- and space-insensitively.
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    for (const rule of PHRASE_RULES) {
      for (const example of rule.examples) {
        const key = example.toLowerCase().replace(/\s+/g, ' ').trim();
        const first = seen.get(key);
        if (first !== undefined) repeated.push(`${JSON.stringify(example)} in ${first} and ${rule.name}`);
        else seen.set(key, rule.name);
      }
    }
    expect(repeated).toEqual([]);
  });

  for (const rule of PHRASE_RULES) {
    it(`${rule.name} matches its examples`, () => {
      for (const example of rule.examples) {
        expect(matchPhraseRule(makeUnit(example, 1, false, 0))?.name, example).toBe(rule.name);
      }
    });
  }

  it('leave ordinary body sentences alone', () => {
    for (const sentence of [
      'The council will publish the report next week, after the last hearing.',
      'Readers who subscribe to the newsletter of the club get tickets a day early, the manager said.',
      'She said the cookies her grandmother baked were the best in the whole village.',
      'Home prices rose again in March, the third monthly increase in a row.',
      'Comments from the minister drew criticism from the opposition on Tuesday.',
      'Related research has shown the same effect in mice and in rats.',
      // A colon late in a sentence is not a credit unless a credit noun stands right before it.
      'The mayor gave one reason for the delay: the money ran out in May.',
      'Zum Schluss noch ein Tipp vom Fotografen: immer mit Stativ arbeiten.',
      // Where a story was posted or published is not where a blog post was filed.
      'The video was posted in March and has been watched a million times since.',
      'Die Studie wurde im Mai veröffentlicht und in der Fachwelt viel diskutiert.',
      // A commission in the story is not the site's affiliate disclosure.
      'Einen Vertriebsmitarbeiter ohne eine Aussicht auf eine Provision zu beschäftigen, ist wie der Esel ohne Möhre.',
      'A long paragraph of the story can end with its source, a report published this week by the statistics office of the city after a year of counting every flat in every district of it, and then say where it came from. Source: City statistics office',
    ]) {
      expect(matchPhraseRule(makeUnit(sentence, 1, false, 0))?.name, sentence).toBeUndefined();
    }
  });

  it('reads a comment button alone on its line as the comment form, in German, French, Spanish and Portuguese', () => {
    for (const button of ['Kommentieren', 'Commenter', 'Comentar']) expect(matchPhraseRule(makeUnit(button, 1, false, 0))?.name, button).toBe('comment-form');
    expect(matchPhraseRule(makeUnit('Kommentieren Sie die Pläne der Stadt', 1, false, 0))?.name).not.toBe('comment-form');
  });

  it('read "<name> says:" with a date or a few words after it as a comment header, with a sentence after it as the story quoting someone', () => {
    for (const header of ['Jane Doe says: 19. November 2019 um 18:44', 'Maria schreibt: am 3. Mai', 'Peter Miller says: loved this one']) {
      expect(matchPhraseRule(makeUnit(header, 1, false, 0))?.name, header).toBe('comment-form');
    }
    for (const quote of [
      'Kaveh writes: A "rural brain drain" has been pulling college-educated people out of rural America and into urban areas.',
      "The manifesto said: 'In all of our trade negotiations, we will not compromise on our high environmental protection standards.'",
    ]) {
      expect(matchPhraseRule(makeUnit(quote, 1, false, 0))?.name, quote).toBeUndefined();
    }
  });
});

/** Lines built to make a backtracking pattern work hard: repeats of a rule's own trigger text. */
function adversarialLines(example: string): string[] {
  const size = 100_000;
  const repeat = (unit: string): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return [repeat(`${example} `), repeat(example.replace(/\s+/g, '')), `${repeat(' ')}${example}`, `${example}${repeat(' ')}x`, repeat(`${example.slice(0, 12)} | `)];
}

describe('every rule on adversarial 100k-character lines', () => {
  const generic = [
    'a'.repeat(100_000),
    ' '.repeat(100_000),
    'a '.repeat(50_000),
    '| '.repeat(50_000),
    '('.repeat(100_000),
    '1,'.repeat(50_000),
    'home > '.repeat(14_000),
    'share '.repeat(16_000),
    'cookies '.repeat(12_000),
    'by '.repeat(33_000),
    '\u0000\u0007'.repeat(50_000),
  ];

  it('finishes on generic hard inputs', () => {
    for (const line of generic) {
      const result = extractText(line, UTC);
      expect(result.paragraphs.length + result.dropped.length).toBeLessThanOrEqual(1);
      expect(matchPhraseRule(makeUnit(line, 1, false, 0))).toBeUndefined();
    }
  });

  for (const rule of PHRASE_RULES) {
    it(`finishes for ${rule.name}`, () => {
      for (const example of rule.examples) {
        for (const line of adversarialLines(example)) {
          const page = `Title\n\n${line}\n\n${example}\n`;
          expect(() => extractText(page, UTC)).not.toThrow();
          matchPhraseRule(makeUnit(line, 1, false, 0));
        }
      }
    });
  }

  it('finishes for the metadata lines (byline, date, tags) of a page', () => {
    const page = [
      'A title',
      `By ${'Jane '.repeat(20_000)}`,
      `Updated: ${'March 11, '.repeat(10_000)}`,
      `Tags: ${'a, '.repeat(33_000)}`,
      'The body has a sentence long enough to be prose for the finder to keep it in.',
    ].join('\n');
    expect(() => extractText(page, UTC)).not.toThrow();
  });
});

describe('extractText on arbitrary input', () => {
  const line = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 120 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.constantFrom(...ALL_EXAMPLES, '', ' * ', 'By Jane Doe', 'March 11, 2021', 'Tags: a, b'),
    fc.lorem({ maxCount: 40, mode: 'sentences' }),
  );
  const page = fc.array(line, { maxLength: 40 }).chain((lines) => fc.constantFrom('\n', '\n\n', '\r\n').map((separator) => lines.join(separator)));

  it('never throws and is deterministic', () => {
    fc.assert(
      fc.property(page, (input) => {
        const first = extractText(input, UTC);
        const second = extractText(input, UTC);
        expect(second).toEqual(first);
        for (const paragraph of first.paragraphs) expect(paragraph.text.trim().length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any string at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (input) => {
        expect(() => extractText(input, UTC)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('headline shape rules (NOT_HEADLINE)', () => {
  for (const [name, rule] of Object.entries(NOT_HEADLINE)) {
    it(`${name} has a reason, matches its examples and leaves its counter-examples alone`, () => {
      expect(rule.why.length).toBeGreaterThan(20);
      expect(rule.examples.length).toBeGreaterThan(0);
      for (const example of rule.examples) expect(rule.pattern.test(example), example).toBe(true);
      for (const headline of rule.counterExamples) expect(rule.pattern.test(headline), headline).toBe(false);
    });
    it(`${name} finishes on an adversarial 100k-character line within ${LINE_BOUND_MS} ms of CPU`, () => {
      const slow: string[] = [];
      for (const line of ['“'.repeat(100_000), `“${'a'.repeat(100_000)}`, `— ${'A,'.repeat(50_000)}`, `${'photo '.repeat(20_000)}x`]) {
        let matched: boolean | undefined;
        const ms = cpuMs(() => (matched = rule.pattern.test(line)));
        expect(typeof matched).toBe('boolean');
        if (ms > LINE_BOUND_MS) slow.push(`${JSON.stringify(line.slice(0, 12))}…: ${Math.round(ms)} ms`);
      }
      expect(slow).toEqual([]);
    });
  }
});

describe('hover cards (HOVER_CARD)', () => {
  it('has a reason and cleans its examples', () => {
    expect(HOVER_CARD.why.length).toBeGreaterThan(20);
    for (const example of HOVER_CARD.examples) expect(stripHoverCards(example.text).text).toBe(example.clean);
  });

  it('leaves sentences without a doubled name or without MORE alone', () => {
    for (const text of [
      'Rep. Ilhan Omar (D-Minn.) said MORE funding was needed.',
      'The Doobie Brothers Brothers tour MORE',
      'New York New York is a song, and MOREOVER a film.',
      'She met Ilhan OmarIlhan Omar at the hearing and said nothing more.',
    ]) {
      expect(stripHoverCards(text).text, text).toBe(text);
    }
  });

  it(`finishes on adversarial long lines within ${LINE_BOUND_MS} ms of CPU, leaving them alone (no doubled name)`, () => {
    for (const line of [`${'Ab'.repeat(10_000)} MORE`, `${'Ab Cd'.repeat(4_000)} MORE`, `${'A'.repeat(19_000)} MORE`]) {
      let text: string | undefined;
      const ms = cpuMs(() => (text = stripHoverCards(line).text));
      expect(text).toBe(line);
      expect(ms, JSON.stringify(line.slice(0, 12))).toBeLessThan(LINE_BOUND_MS);
    }
  });
});

describe('BYLINE_HINT', () => {
  it('a byline word in any case before a capitalised name; not a lower-case word after it', () => {
    for (const line of ['By Jane Doe', 'BY JOHN SMITH', 'von Anna Müller', 'Written by Kim Lee', 'Par Élise Roy']) expect([line, BYLINE_HINT.test(line)]).toEqual([line, true]);
    // Under the `i` flag \p{Lu} matched lower case too: a headline and a phrase read as bylines.
    for (const line of ['Von der Leyen will mehr Geld', 'by the river', 'de nuevo en casa']) expect([line, BYLINE_HINT.test(line)]).toEqual([line, false]);
  });
});
