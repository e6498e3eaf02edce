import { describe, expect, it } from 'vitest';
import { findTextDate } from '../../../src/extract/dates.js';
import { anchoredAtStart, anyPattern } from '../../../src/extract/patterns.js';
import { FEATURE_NAMES, guessLanguage, pageFeatures, type UnitFacts, unitWords } from '../../../src/extract/text/features.js';
import { extractText, lowerWords, matchPhraseRule, TripleIndex } from '../../../src/extract/text/index.js';
import { MAX_RULE_KEY_LENGTH, PHRASE_RULES, type PhraseRule } from '../../../src/extract/text/rules.js';
import { buildUnits, makeUnit, normaliseInput, type Unit } from '../../../src/extract/text/units.js';

/*
 * The text path's shortcuts (issue 12's CPU goal) must give the answers of the plain code they
 * replace; each test here holds one against that plain code, written out.
 */

describe('anyPattern', () => {
  const cases: RegExp[][] = [
    [/^a|b$/, /c/],
    [/^(?:x)$/, /\bcookies\b/i, /\p{Lu}/u],
    [/(x)/, /(a)\1/, /z/],
    [/(?<year>\d{4})/, /(?<year>\d\d)-/],
    [/o/g, /q/y],
    [],
    // Anchored ones joined under one ^(?:…): a top-level | (not one in a group, a class or escaped)
    // and the m flag keep a pattern out of that join.
    [/^a/, /^(?:b|c)x/, /^[|]z/, /^\|q/, /^foo|bar/, /^y$/m, /^\p{Lu}/u, /é$/u, /^(?:q)/i],
    [/^x(?:a|b)/, /^c|a$/],
  ];
  const texts = ['a', 'xa', 'ab', 'xb', 'bx', 'c', 'x', 'xx', 'Cookies!', 'É', 'aa', 'z', '2024', '24-', 'foo', 'qq', '', 'bx', 'cx', '|z', 'z|z', '|q', 'xbar', 'a\ny', 'Q', 'caé', 'xyz'];

  it('answers as patterns.some(test) does, whatever the flags, alternations and groups', () => {
    for (const patterns of cases) {
      const any = anyPattern(patterns);
      // Stateful (g, y) patterns are compared on fresh copies, call for call.
      const fresh = patterns.map((p) => new RegExp(p.source, p.flags));
      for (const text of texts) expect(any(text), `${patterns.join(' ')} on ${JSON.stringify(text)}`).toBe(fresh.some((p) => p.test(text)));
    }
  });

  it('tells the patterns anchored at the start of the whole text from the others', () => {
    for (const p of [/^a/, /^(?:a|b)c/, /^[|]/, /^\|x/, /^(?:x)(?:y|z)$/i, /^/]) expect(anchoredAtStart(p), String(p)).toBe(true);
    for (const p of [/a/, /^a|b/, /(?:^|\. )a/, /^a/m, /\^a/, /^(a)|(b)/]) expect(anchoredAtStart(p), String(p)).toBe(false);
  });
});

describe('matchPhraseRule', () => {
  /** The rules tried one by one, every pattern on its own: what matchPhraseRule must answer. */
  function reference(unit: Pick<Unit, 'key' | 'words'>): PhraseRule | undefined {
    if (unit.key.length > MAX_RULE_KEY_LENGTH) return undefined;
    for (const rule of PHRASE_RULES) {
      if (unit.words > rule.maxWords) continue;
      if (rule.patterns.some((pattern) => pattern.test(unit.key))) return rule;
      if (rule.test?.(unit.key)) return rule;
    }
    return undefined;
  }

  it('gives the first rule that holds, as trying every rule in order does, below and above each rule’s word limit', () => {
    const examples = PHRASE_RULES.flatMap((rule) => rule.examples);
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    const lines = [
      ...examples,
      ...examples.flatMap((e) => [3, 10, 25, 60, 100, 200].flatMap((n) => [`${e} ${filler(n)}`, `${filler(n)} ${e}`, `${filler(n)}. ${e}`])),
      'The council voted on Tuesday to close the old bridge.',
      'Home > News > World',
      '',
    ];
    let checked = 0;
    for (const line of lines) {
      const unit = makeUnit(line, 1, false, 0);
      expect(matchPhraseRule(unit)?.name, line).toBe(reference(unit)?.name);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('TripleIndex', () => {
  it('tells the share of a text’s word triples seen in the paragraphs added before', () => {
    const index = new TripleIndex();
    expect(index.seenShare(lowerWords('one two three'))).toBe(0);
    index.add(lowerWords('The old bridge will close for eight months.'));
    index.add(lowerWords('Buses run between both banks.'));
    // The article flattened into one block: every triple seen, except the two across the join.
    const flat = lowerWords('The old bridge will close for eight months. Buses run between both banks.');
    expect(index.seenShare(flat)).toBeCloseTo((flat.length - 2 - 2) / (flat.length - 2));
    expect(index.seenShare(lowerWords('the OLD bridge will'))).toBe(1);
    expect(index.seenShare(lowerWords('bridge old the will'))).toBe(0);
    expect(index.seenShare(lowerWords('old bridge'))).toBe(0);
    // Words seen, but never in this order.
    expect(index.seenShare(lowerWords('the bridge old'))).toBe(0);
  });

  it('reads the same words of a unit as the body model does', () => {
    const units = buildUnits(normaliseInput('Die Brücke schließt — für 8 Monate!\n\nL’été 2024: ÉTÉ, été.\n'));
    expect(unitWords(units)).toEqual(units.map((u) => lowerWords(u.text)));
  });
});

describe('pageFeatures', () => {
  it('counts capitals, digits, commas and separators per character as the plain definitions do', () => {
    const lines = ['ÉTÉ à Paris, Zürich; Ölstraße 12', 'Home | News • Sport · Mehr » Weiter › Ende', 'a|b ,;x', 'İstanbul ǅ ß ΣΑΣ 😀 ①', 'ALL CAPS HEADLINE 2024', '漢字 テスト, 123'];
    const units = lines.map((line, i) => makeUnit(line, i + 1, false, i));
    const facts: UnitFacts[] = units.map(() => ({ rule: undefined, weight: 0, keep: false, linkRow: false, prose: false, anchor: false, barrier: false }));
    const features = pageFeatures(units, facts, unitWords(units), guessLanguage(unitWords(units)));
    const at = (name: (typeof FEATURE_NAMES)[number]) => FEATURE_NAMES.indexOf(name);
    units.forEach((unit, i) => {
      const text = unit.text;
      let letters = 0;
      let capitals = 0;
      let digits = 0;
      let commas = 0;
      let separators = 0;
      for (let c = 0; c < text.length; c += 1) {
        const ch = text[c] as string;
        if (ch >= '0' && ch <= '9') digits += 1;
        else if (ch === ',' || ch === ';') commas += 1;
        else if ('|•·»›'.includes(ch) && text[c - 1] === ' ') separators += 1;
        else if (ch.toLowerCase() !== ch.toUpperCase()) {
          letters += 1;
          if (ch !== ch.toLowerCase()) capitals += 1;
        }
      }
      const x = features[i] as Float64Array;
      expect(x[at('capitals-share')], text).toBe(letters > 0 ? capitals / letters : 0);
      expect(x[at('digit-share')], text).toBe(text.length > 0 ? Math.min(1, (4 * digits) / text.length) : 0);
      expect(x[at('comma-rate')], text).toBe(unit.words > 0 ? Math.min(1, (5 * commas) / unit.words) : 0);
      expect(x[at('separator-count')], text).toBe(Math.min(3, separators) / 3);
    });
  });
});

describe('dates in UTC', () => {
  it('reads a wall-clock time in UTC as that instant, whatever the system zone and its clock changes', () => {
    const system = process.env.TZ;
    // Lord Howe Island moves its clocks by half an hour at 02:00 local time on 6 October 2019.
    process.env.TZ = 'Australia/Lord_Howe';
    try {
      const read = findTextDate('6 October 2019, 02:00', 'UTC');
      expect(read?.value.toISOString()).toBe('2019-10-06T02:00:00.000Z');
    } finally {
      if (system === undefined) delete process.env.TZ;
      else process.env.TZ = system;
    }
  });
});

describe('the page’s one date', () => {
  it('is read from the first of two identical date lines, each line read once', () => {
    const body = [
      'The regional council approved the new timetable on Tuesday after two years of consultation with the operators and the unions.',
      '',
      'Trains will run every fifteen minutes on the main line from the spring, and night services will return at the weekend.',
      '',
      'Passenger groups welcomed the decision but warned that the stations still need lifts and better lighting before the winter.',
    ];
    const chrome = Array.from({ length: 20 }, (_, k) => `Menu entry number ${k + 1}`);
    const lines = ['Trains to run every fifteen minutes', '', ...body, '', ...chrome, '', '14.01.2022 um 09:25', '', 'Impressum', '', '14.01.2022 um 09:25'];
    const r = extractText(lines.join('\n'), { timezone: 'UTC', referenceDate: new Date('2026-12-01T00:00:00Z') });
    expect(r.published?.value.toISOString()).toBe('2022-01-14T09:25:00.000Z');
    expect(r.published?.line).toBe(lines.indexOf('14.01.2022 um 09:25') + 1);
  });
});

describe('the feature vectors of a page', () => {
  it('are one vector of FEATURE_NAMES.length values per unit, none sharing a value with another', () => {
    const units = ['Home', 'The council voted on Tuesday to close the old bridge.', 'Share'].map((line, i) => makeUnit(line, i + 1, false, i));
    const facts: UnitFacts[] = units.map(() => ({ rule: undefined, weight: 0, keep: false, linkRow: false, prose: true, anchor: false, barrier: false }));
    const features = pageFeatures(units, facts, unitWords(units), guessLanguage(unitWords(units)));
    expect(features.map((x) => x.length)).toEqual([FEATURE_NAMES.length, FEATURE_NAMES.length, FEATURE_NAMES.length]);
    const second = [...(features[1] as Float64Array)];
    (features[0] as Float64Array).fill(7);
    (features[2] as Float64Array).fill(7);
    expect([...(features[1] as Float64Array)]).toEqual(second);
    expect(features[1]?.[0]).toBe(1);
  });
});
