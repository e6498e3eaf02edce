import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, guessLanguage, unitWords } from '../../../src/extract/text/features.js';
import { extractText, textUnitFeatures } from '../../../src/extract/text/index.js';
import { checkModel, defaultModel, probabilities, type TextModel } from '../../../src/extract/text/model.js';
import { buildUnits, normaliseInput } from '../../../src/extract/text/units.js';

const UTC = { timezone: 'UTC' } as const;

describe('the body model', () => {
  it('guesses the page language from stopword hits', () => {
    const de = buildUnits(normaliseInput('Die Stadt hat am Dienstag beschlossen, die alte Brücke für acht Monate zu schließen, weil die Pfeiler Risse haben.'));
    const en = buildUnits(normaliseInput('The council voted on Tuesday to close the old bridge for eight months, because the piers have cracks in them.'));
    expect(guessLanguage(unitWords(de)).code).toBe('de');
    expect(guessLanguage(unitWords(en)).code).toBe('en');
  });

  it('the checked-in weights match the features the code computes', () => {
    const model = defaultModel();
    expect(model.features).toEqual([...FEATURE_NAMES]);
    expect(() => checkModel({ ...model, features: model.features.slice(1) } as TextModel)).toThrow(/refit/);
  });

  it('scores prose above a menu line', () => {
    const input = ['Home', 'News', 'Sport', '', 'The council voted on Tuesday to close the old bridge for eight months of repairs, after engineers found cracks in two piers.', ''].join('\n');
    const { features } = textUnitFeatures(input, UTC);
    const p = probabilities(defaultModel(), features);
    expect(p[3] as number).toBeGreaterThan(p[0] as number);
  });

  it('a model weight of 0 gives the phrase rules alone; the fitted one moves the region', () => {
    const input = ['Old bridge to close', '', 'The council voted on Tuesday to close the old bridge for eight months of repairs, after engineers found cracks.', ''].join('\n');
    const rulesOnly = extractText(input, { ...UTC, model: { ...defaultModel(), modelWeight: 0 } });
    expect(rulesOnly.paragraphs.map((p) => p.text)).toEqual(extractText(input, UTC).paragraphs.map((p) => p.text));
  });
});

describe('lines the model is sure are not body', () => {
  const paras = [
    'Der Stadtrat hat am Dienstag beschlossen, die alte Brücke für acht Monate zu schließen, weil die Ingenieure Risse in zwei Pfeilern gefunden haben.',
    'Autofahrer sollen während der Arbeiten die Ringstraße nutzen, und zu den Stoßzeiten fahren zusätzliche Busse zwischen den beiden Ufern der Stadt.',
    'Die Reparatur soll etwa vier Millionen Euro kosten, von denen der größte Teil aus einem Fonds des Landes für alte Bauwerke bezahlt wird.',
    'Die Geschäfte in der Nähe der Brücke sollen Hilfe bekommen, solange die Arbeiten dauern, sagte die Bürgermeisterin am Abend im Rathaus.',
  ];
  const input = ['Alte Brücke wird geschlossen', '', paras[0], '', paras[1], '', 'Kurz notiert', 'Lokales', 'Leserbriefe', '', paras[2], '', 'Die Arbeiten im Einzelnen sind diese:', '', 'Pfeiler', 'Geländer', '', paras[3], ''].join('\n');

  it('are dropped inside the body as low-score, but not a subheading over prose nor a list introduced by a colon (its intro neither, in the weak tail)', () => {
    const result = extractText(input, { ...UTC, model: { ...defaultModel(), dropBelow: 0.5, headingBelow: 0.5, tailFrom: 0.9, tailBelow: 0.7, tailHeadingBelow: 0.5 } });
    const kept = result.paragraphs.map((p) => p.text);
    expect(result.dropped.filter((d) => d.rule === 'low-score').flatMap((d) => d.text.split('\n'))).toEqual(['Kurz notiert', 'Lokales']);
    expect(kept).toContain('Pfeiler');
    expect(kept).toContain('Geländer');
  });

  it('a line over prose the model doubts (below headingBelow) is no subheading and goes too', () => {
    const result = extractText(input, { ...UTC, model: { ...defaultModel(), dropBelow: 0.5, headingBelow: 0.9, tailBelow: 0 } });
    expect(result.dropped.filter((d) => d.rule === 'low-score').flatMap((d) => d.text.split('\n'))).toEqual(['Kurz notiert', 'Lokales', 'Leserbriefe']);
    expect(result.paragraphs.map((p) => p.text)).toContain(paras[2]);
  });

  it('dropBelow 0 keeps them', () => {
    const result = extractText(input, { ...UTC, model: { ...defaultModel(), dropBelow: 0, tailBelow: 0 } });
    expect(result.dropped.filter((d) => d.rule === 'low-score')).toEqual([]);
  });
});

describe("short lines in the body's weak tail", () => {
  const paras = [
    'The old bridge over the river will be closed for repairs from Monday, the city council decided on Tuesday evening after a long debate.',
    'Engineers found cracks in two of the piers last winter, and the council was told that the bridge could not carry buses any longer.',
    'It was a hard choice.',
    'The repairs are expected to cost about four million euros, most of which will come from a state fund for old structures and roads.',
    'Shops near the bridge will get help while the work goes on, the mayor said at a meeting in the town hall on Tuesday evening.',
  ];
  const input = ['Old bridge to close', '', ...paras.flatMap((p) => [p, '']), 'Liked this post?', '', 'See you all next week.', '', 'Share it!', ''].join('\n');

  it('are dropped as low-score after the last prose the model is sure of, even when they end like a sentence; a short sentence inside the story stays', () => {
    const result = extractText(input, { ...UTC, model: { ...defaultModel(), tailFrom: 0.9, tailBelow: 0.7 } });
    expect(result.dropped.filter((d) => d.rule === 'low-score').flatMap((d) => d.text.split('\n'))).toEqual(['Liked this post?', 'See you all next week.']);
    expect(result.paragraphs.map((p) => p.text)).toEqual(paras);
  });

  it('tailBelow 0 keeps them', () => {
    const result = extractText(input, { ...UTC, model: { ...defaultModel(), tailBelow: 0 } });
    expect(result.paragraphs.map((p) => p.text)).toContain('See you all next week.');
  });
});

describe("a heading in the body's weak tail", () => {
  const paras = [
    'The old bridge over the river will be closed for repairs from Monday, the city council decided on Tuesday evening after a long debate.',
    'Engineers found cracks in two of the piers last winter, and the council was told that the bridge could not carry buses any longer.',
    'The repairs are expected to cost about four million euros, most of which will come from a state fund for old structures and roads.',
    'Shops near the bridge will get help while the work goes on, the mayor said at a meeting in the town hall on Tuesday evening.',
  ];
  const box = 'The council has closed three other bridges in the city since 2019, and two of them are still waiting for the money to repair them, officials said.';
  const input = ['Old bridge to close', '', ...paras.flatMap((p) => [p, '']), 'Other closures', '', box, '', 'Share', 'Tweet', ''].join('\n');
  const tail = { tailFrom: 0.9, tailBelow: 0.7 };

  it('over a paragraph the model doubts (below tailHeadingBelow) heads a box and is dropped as low-score', () => {
    const result = extractText(input, { ...UTC, model: { ...defaultModel(), ...tail, tailHeadingBelow: 0.9 } });
    expect(result.dropped.filter((d) => d.rule === 'low-score').map((d) => d.text)).toEqual(['Other closures']);
    expect(result.paragraphs.map((p) => p.text)).toEqual([...paras, box]);
  });

  it('tailHeadingBelow 0.5 (as elsewhere in the body) keeps it as a subheading', () => {
    const result = extractText(input, { ...UTC, model: { ...defaultModel(), ...tail, tailHeadingBelow: 0.5 } });
    expect(result.paragraphs.map((p) => p.text)).toEqual([...paras, 'Other closures', box]);
  });
});

describe('text saved by text browsers (hard-wrapped at 80 columns)', () => {
  it('re-joins a lynx paragraph whose lines end a few columns past the usual width', () => {
    const paragraph = [
      '   Granollers and Lopez defeated Karen Khachanov and Andrey Rublev 6-4,',
      '   7-6 (5) to seal the victory for Spain in a marathon series that ended',
      '   close to 2 a.m. local time (0100 GMT) on Wednesday, the organisers said.',
      '   Spain will be back in action on Wednesday against defending champion',
      '   Croatia, who beat Russia on Monday in the first tie of the group stage.',
    ];
    const filler = Array.from({ length: 12 }, (_, i) => `   Line ${i} of a wrapped paragraph that runs on to fill the column widt`);
    const units = buildUnits(normaliseInput([...filler, '', ...paragraph, ''].join('\n')));
    const joined = units.find((unit) => unit.text.startsWith('Granollers'));
    expect(joined?.text).toContain('Croatia, who beat Russia');
  });

  it('reads lynx and w3m nested bullets as list items', () => {
    const units = buildUnits(normaliseInput(['     * More', '          + Auto Racing', '               o Back To Main Menu', '      □ Players', '          ☆ Witness'].join('\n')));
    expect(units.map((unit) => [unit.text, unit.list])).toEqual([
      ['More', true],
      ['Auto Racing', true],
      ['Back To Main Menu', true],
      ['Players', true],
      ['Witness', true],
    ]);
  });

  it('finds the wrap width of a short story under a long menu of one-word lines', () => {
    const menu = Array.from({ length: 120 }, (_, i) => `  • Section ${i}`);
    const story = [
      'Rolling Stone reported details of the reunion tour that stops at Blossom Music',
      'Center on July 22. The trek will feature members Tom Johnston, Patrick Simmons,',
      'John McFee and McDonald together for the first time in 25 years. Tickets for',
      'the anniversary tour go on sale at 10 a.m. Friday, Dec. 6.',
      '',
      'The band unveiled its plans towards the close of its Monday night performance',
      'in Nashville, bringing out McDonald during an encore to perform one more song.',
    ];
    const units = buildUnits(normaliseInput([...menu, '', ...story].join('\n')));
    expect(units.filter((unit) => !unit.list).map((unit) => unit.text.slice(0, 20))).toEqual(['Rolling Stone report', 'The band unveiled it']);
  });
});
