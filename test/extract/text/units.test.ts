import { describe, expect, it } from 'vitest';
import { buildUnits, detectWrapWidth, displayWidth, normaliseInput } from '../../../src/extract/text/units.js';

/** Lines of a paragraph wrapped greedily at `width` columns, each indented by `indent` spaces. */
function wrapAt(text: string, width: number, indent = 0): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(' '.repeat(indent) + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(' '.repeat(indent) + line);
  return lines;
}

const STORY =
  'The council voted on Tuesday to close the old bridge for eight months, because the piers have cracks that engineers found during a routine inspection in the spring, and the work to mend them cannot start while cars still cross the river on it every day of the week.';

describe('soft hyphens', () => {
  it('are left out of what the rules read and kept in the text as written, across wrapped lines and list items', () => {
    const units = buildUnits(normaliseInput([...wrapAt(STORY.replace('engineers', 'engi\u00adneers').replace('routine', 'rou\u00adtine'), 72), '', ' * Wein\u00adberg', ' * Hang'].join('\n')));
    expect(units.map((unit) => unit.text)).toEqual([STORY, 'Weinberg', 'Hang']);
    expect(units.map((unit) => unit.written)).toEqual([STORY.replace('engineers', 'engi\u00adneers').replace('routine', 'rou\u00adtine'), 'Wein\u00adberg', undefined]);
    expect(units[1]?.words).toBe(1);
    expect(units[1]?.key).toBe('weinberg');
  });
});

describe('hard-wrapped text', () => {
  it('counts East Asian wide characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth('Ｋindle')).toBe(7);
  });

  it('re-joins Japanese wrapped at 80 columns (40 characters) without a space between the lines', () => {
    const sentence = 'パスワード管理ソフトの存在は不可欠であり、日に日に増えていくそのパスワード群を管理するには、パスワード管理ソフトの存在は不可欠です。';
    const lines: string[] = [];
    for (let repeat = 0; repeat < 3; repeat += 1) {
      for (let i = 0; i < sentence.length; i += 40) lines.push(sentence.slice(i, i + 40));
      lines.push('');
    }
    const units = buildUnits(normaliseInput(lines.join('\n')));
    expect(units.map((unit) => unit.text)).toEqual([sentence, sentence, sentence]);
  });

  it('is not misled by table rows of one width above a story wrapped at the margin', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `   ${String(i + 1).padEnd(4)} Driver number ${String(i + 1).padEnd(8)} ${String(5000 - i * 7).padStart(6)}     1     17     27`);
    const story = [...wrapAt(STORY, 76, 3), '', ...wrapAt(STORY.replace('Tuesday', 'Monday'), 76, 3), '', ...wrapAt(STORY.replace('Tuesday', 'Friday'), 76, 3)];
    const lines = [...rows, '', ...story];
    expect(detectWrapWidth(lines)).toBeGreaterThan(70);
    const units = buildUnits(normaliseInput(lines.join('\n')));
    expect(units.filter((unit) => unit.text.startsWith('1 ') || unit.text.startsWith('2 ')).length).toBe(2);
    expect(units.filter((unit) => unit.text === STORY).length).toBe(1);
  });

  it('takes the margin most lines fill, not one heading set wider (lynx)', () => {
    const heading = 'I wanted to learn why a beloved science fiction writer fell into obscurity after';
    const paragraphs = [STORY, STORY.replace('Tuesday', 'Monday'), STORY.replace('Tuesday', 'Friday')];
    const lines = [heading, '', ...paragraphs.flatMap((p) => [...wrapAt(p, 74, 3), ''])];
    expect(detectWrapWidth(lines)).toBeLessThan(78);
    const units = buildUnits(normaliseInput(lines.join('\n')));
    expect(units.map((unit) => unit.text)).toEqual([heading, ...paragraphs]);
  });

  it('ends a list item whose last line has room for the next line’s first word', () => {
    const caption = 'U.S. Defense Secretary Mark Esper, left, and Vietnamese Defense Minister Ngo Xuan Lich shake hands in Hanoi on Wednesday. Photo: Hau Dinh, AP';
    const item = wrapAt(caption, 80, 4);
    const lines = [`  • ${(item[0] ?? '').trimStart()}`, ...item.slice(1), '    Photo: Hau Dinh, AP', '', ...wrapAt(STORY, 80), '', ...wrapAt(STORY, 80)];
    const units = buildUnits(normaliseInput(lines.join('\n')));
    expect(units[0]).toMatchObject({ text: caption, list: true });
    expect(units[1]).toMatchObject({ text: 'Photo: Hau Dinh, AP', list: false });
  });

  it('keeps a line at another indentation out of the paragraph above it', () => {
    // The paragraph's last line here is full: only the indentation tells the quote apart.
    const full = wrapAt(STORY, 80, 3).slice(0, -1);
    const lines = [...full, '        “Share this story,” the quote box says in a larger type.', '', ...wrapAt(STORY, 80, 3)];
    const units = buildUnits(normaliseInput(lines.join('\n')));
    expect(units.map((unit) => unit.text.slice(0, 20))).toEqual([STORY.slice(0, 20), '“Share this story,” ', STORY.slice(0, 20)]);
  });

  it('finds no width on a page of one paragraph per line, even where some lines end near 160 columns', () => {
    const long = `${STORY} ${STORY}`;
    const near = (i: number): string => `Purpose ${i}: collects information about how visitors use the site, which pages they open and how long they stay on each.`.padEnd(157, ' x');
    const lines = [...Array.from({ length: 40 }, (_, i) => `${i}. ${long}`), ...Array.from({ length: 20 }, (_, i) => near(i))];
    expect(detectWrapWidth(lines)).toBe(0);
  });

  it('does not join the lines of an unwrapped page', () => {
    const lines = ['A headline of the story', STORY, 'Short line under it', STORY, 'Another short line'];
    expect(detectWrapWidth(lines)).toBe(0);
    expect(buildUnits(normaliseInput(lines.join('\n'))).length).toBe(5);
  });
});

describe('text browser placeholders', () => {
  it('leaves out a line that is only an image or ad-slot placeholder, without joining across it', () => {
    const lines = ['   Chelsea have this morning paid the fee to secure the signing of the keeper', '   [vc.jpg]', '   [INS: :INS]', '   This has freed the move of the other keeper to Madrid', '   [Note: prices are in pounds]'];
    const units = buildUnits(normaliseInput(lines.join('\n')));
    expect(units.map((unit) => unit.text)).toEqual([
      'Chelsea have this morning paid the fee to secure the signing of the keeper',
      'This has freed the move of the other keeper to Madrid',
      '[Note: prices are in pounds]',
    ]);
  });
});

describe('lynx dumps with their link list', () => {
  it('drops the [n] link numbers and leaves the References list out of the wrap width and the units', () => {
    const story = wrapAt(`${STORY} Read more in [12]our earlier report and [13]the council's statement.`, 76, 3);
    const list = Array.from({ length: 30 }, (_, i) => `  ${i + 1}. https://example.com/a-long-address/that-lynx-never-wraps/because-it-is-one-word/${i}?utm_source=feed&utm_medium=rss`);
    const lines = ['     * [1]Home', '     * [2]News', '', ...story, '', ...story, '', 'References', '', '   Visible links:', ...list, '  31. mailto:?body=A subject with spaces', ''];
    const units = buildUnits(normaliseInput(lines.join('\n')));
    const expected = `${STORY} Read more in our earlier report and the council's statement.`;
    expect(units.map((unit) => unit.text)).toEqual(['Home', 'News', expected, expected, 'References']);
  });

  it('keeps a References heading with prose under it, and bracketed numbers in other texts', () => {
    const lines = ['The study found the effect in three trials.[12]', '', 'References', '', '1. Smith, J. (2019). A study of bridges. Journal of Things, 4(2), 1-10.', '2. https://example.com/paper', '3. Doe, A. (2020). Another study.'];
    const units = buildUnits(normaliseInput(lines.join('\n')));
    expect(units.map((unit) => unit.text)).toEqual(['The study found the effect in three trials.[12]', 'References', ...lines.slice(4)]);
  });
});
