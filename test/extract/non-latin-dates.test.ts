import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTextDate, parseTextDate, readDateLine } from '../../src/extract/dates.js';
import { guessLanguage, hasOtherScript, LATIN_MONTH_WORDS, monthNumber, OTHER_SCRIPT, WEEKDAY_WORDS } from '../../src/extract/lexicon/index.js';
import { extractText } from '../../src/extract/text/index.js';

const REF = new Date('2026-12-01T12:00:00Z');
const day = (d: Date | undefined): string | undefined => d?.toISOString().slice(0, 10);

describe('Russian and Greek dates (r22: the lexicon has their months, the patterns Unicode word ends)', () => {
  it.each([
    ['5 марта 2021 г.', '2021-03-05'],
    ['понедельник, 3 мая 2021', '2021-05-03'],
    ['12 дек. 2020', '2020-12-12'],
    ['5 Μαρτίου 2021', '2021-03-05'],
    // Capitals drop the accents.
    ['ΔΕΥΤΕΡΑ 5 ΜΑΡΤΙΟΥ 2021', '2021-03-05'],
    ['Τρίτη, 1 Ιουνίου 2021', '2021-06-01'],
  ])('reads %j', (text, iso) => {
    expect(day(parseTextDate(text, 'UTC'))).toBe(iso);
  });

  it('reads their times, labels and relative dates', () => {
    expect(findTextDate('12 января 2022 года в 10:30', 'UTC')?.value.toISOString()).toBe('2022-01-12T10:30:00.000Z');
    expect(findTextDate('5 Μαρτίου 2021 στις 14:30', 'UTC')?.value.toISOString()).toBe('2021-03-05T14:30:00.000Z');
    expect(readDateLine('Обновлено: 12 января 2022', 'UTC')?.kind).toBe('updated');
    expect(readDateLine('Δημοσιεύθηκε: 5 Μαρτίου 2021', 'UTC')?.kind).toBe('published');
    expect(findTextDate('3 часа назад', 'UTC', REF)?.value.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(findTextDate('πριν 2 ώρες', 'UTC', REF)?.value.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(day(findTextDate('вчера, 14:32', 'UTC', REF)?.value)).toBe('2026-11-30');
  });

  it('numbers the months and weekdays and tells the languages', () => {
    expect([monthNumber('марта'), monthNumber('сент.'), monthNumber('Αυγούστου'), monthNumber('αυγουστου')]).toEqual([3, 9, 8, 8]);
    expect(WEEKDAY_WORDS.has('пятница') && WEEKDAY_WORDS.has('παρασκευη')).toBe(true);
    expect(guessLanguage('Мост через реку откроют весной, и это хорошо')?.code).toBe('ru');
    expect(guessLanguage('Η γέφυρα θα ανοίξει την άνοιξη και το έργο')?.code).toBe('el');
  });

  it('reads a month of another script on a line in Latin letters, and Latin months without the others (LATIN_MONTH_WORDS)', () => {
    expect(day(parseTextDate('Athens (Reuters), 5 Μαρτίου 2021', 'UTC'))).toBe('2021-03-05');
    expect(day(parseTextDate('Moscow, 5 марта 2021 – Update', 'UTC'))).toBe('2021-03-05');
    expect(day(parseTextDate('Москва, 5 March 2021', 'UTC'))).toBe('2021-03-05');
    expect(LATIN_MONTH_WORDS.has('march') && !LATIN_MONTH_WORDS.has('марта') && !LATIN_MONTH_WORDS.has('μαρτίου')).toBe(true);
    expect([OTHER_SCRIPT.test('Größtes Kraftwerk, 5. März'), OTHER_SCRIPT.test('5 марта'), OTHER_SCRIPT.test('東京')]).toEqual([false, true, true]);
    expect([hasOtherScript('Größtes Kraftwerk – 5. März, 12 €'), hasOtherScript('Kraftwerk, 5 марта'), hasOtherScript('Ελλάδα')]).toEqual([false, true, true]);
  });

  it('reads no month inside a longer word', () => {
    expect(parseTextDate('5 мартовских 2021', 'UTC')).toBeUndefined();
    expect(parseTextDate('5 μαρτυρίες 2021', 'UTC')).toBeUndefined();
  });
});

const BODY_RU = [
  'Строительство моста через реку завершится в ближайшие месяцы, сообщили в администрации города. По словам чиновников, движение по мосту откроют весной.',
  'Проект стоимостью в несколько миллиардов рублей реализуется с 2018 года. Подрядчик уже завершил основные работы на опорах и приступил к укладке пролётов.',
  'Жители района давно ждут открытия моста: сейчас дорога до центра занимает больше часа.',
];
const BODY_EL = [
  'Η κατασκευή της γέφυρας θα ολοκληρωθεί τους επόμενους μήνες, σύμφωνα με τον δήμο. Οι εργασίες προχωρούν με γρήγορους ρυθμούς και η κυκλοφορία θα ξεκινήσει την άνοιξη.',
  'Το έργο κοστίζει αρκετά εκατομμύρια ευρώ και υλοποιείται από το 2018. Ο ανάδοχος έχει ολοκληρώσει τις βασικές εργασίες στα βάθρα.',
];
const OPTIONS = { timezone: 'UTC', referenceDate: REF };

describe('a scraped Russian or Greek page: its byline and date lines (r22)', () => {
  it.each([
    [['Автор: Иван Петров', '5 марта 2021 г. в 10:30'], BODY_RU, 'Иван Петров', '2021-03-05'],
    // The name before a comma and the date: the month ends the word with no ASCII boundary after it.
    [['Иван Петров, 5 марта 2021'], BODY_RU, 'Иван Петров', '2021-03-05'],
    [['Γιώργος Παπαδόπουλος, 5 Μαρτίου 2021'], BODY_EL, 'Γιώργος Παπαδόπουλος', '2021-03-05'],
    [['Συντάκτης: Γιώργος Παπαδόπουλος', 'Δευτέρα, 5 Μαρτίου 2021, 14:30'], BODY_EL, 'Γιώργος Παπαδόπουλος', '2021-03-05'],
  ])('reads %j', (header, body, name, iso) => {
    const x = extractText(['Главная', 'Новый мост откроют весной', ...header, ...body].join('\n'), OPTIONS);
    expect(x.authors?.value).toEqual([{ name }]);
    expect(day(x.published?.value)).toBe(iso);
  });
});

describe('the Unicode word end is bounded', () => {
  it('finishes on long lines of month words and digits', () => {
    const lines = ['5 марта'.repeat(20_000), `Иван Петров, ${'5 марта '.repeat(10_000)}`, `${'ΜΑΡΤΙΟΥ 5 '.repeat(10_000)}`];
    for (const line of lines) {
      const x = extractText([line, ...BODY_RU].join('\n'), OPTIONS);
      expect(x.paragraphs.length).toBeGreaterThan(0);
    }
  });

  it('never throws on any text of Cyrillic, Greek, digits and separators', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('5', '12', ' ', ',', '.', 'марта', 'мая', 'Μαΐου', 'ΜΑΡΤΙΟΥ', 'г.', 'в', '10:30', '2021', 'Иван', '|'), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const d = parseTextDate(text, 'UTC');
        expect(d === undefined || d instanceof Date).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
