import { describe, expect, it } from 'vitest';
import { extractText } from '../../../src/extract/text/index.js';

const UTC = { timezone: 'UTC' } as const;

const BODY = [
  'The regional council approved the new timetable on Tuesday after two years of consultation with the operators and the unions.',
  '',
  'Trains will run every fifteen minutes on the main line from the spring, and night services will return at the weekend.',
  '',
  'Passenger groups welcomed the decision but warned that the stations still need lifts and better lighting before the winter.',
];

function page(head: string[], tail: string[] = []): string {
  return ['Menu', 'Search', '', 'Trains to run every fifteen minutes', '', ...head, '', ...BODY, '', ...tail].join('\n');
}

function ruleOf(result: ReturnType<typeof extractText>, text: string): string | undefined {
  return result.dropped.find((block) => block.text.split('\n').includes(text))?.rule;
}

describe('metadata found in the text', () => {
  it('keeps a headline that ends in a word like "About" and a number, with its byline below', () => {
    const text = ['Home | News | Local', '', 'Everything Voters Should Know About 2024', '', 'By Amara Okafor - January 12, 2024', '', ...BODY].join('\n');
    const result = extractText(text, UTC);
    expect(result.title?.value).toBe('Everything Voters Should Know About 2024');
    expect(result.authors?.value).toEqual([{ name: 'Amara Okafor' }]);
  });

  it('reads author and date from one byline', () => {
    const result = extractText(page(['By Jane Doe - March 11, 2021']), UTC);
    expect(result.authors?.value).toEqual([{ name: 'Jane Doe' }]);
    expect(result.published?.value).toEqual(new Date('2021-03-11T00:00:00Z'));
    expect(ruleOf(result, 'By Jane Doe - March 11, 2021')).toBe('byline');
    expect(result.paragraphs).toHaveLength(3);
  });

  it('reads "Posted on <date> by <name>"', () => {
    const result = extractText(page(['Posted on April 12, 2021 by Sam Whitaker']), UTC);
    expect(result.authors?.value).toEqual([{ name: 'Sam Whitaker' }]);
    expect(result.published?.value).toEqual(new Date('2021-04-12T00:00:00Z'));
  });

  it('takes the bare name above a date line as the author (blog layout)', () => {
    const result = extractText(page(['Sam Whitaker', 'April 12, 2021']), UTC);
    expect(result.authors).toEqual({ value: [{ name: 'Sam Whitaker' }], line: 6 });
    expect(result.title?.value).toBe('Trains to run every fifteen minutes');
    expect(result.published?.line).toBe(7);
    expect(ruleOf(result, 'Sam Whitaker')).toBe('byline');
    expect(ruleOf(result, 'April 12, 2021')).toBe('date-line');
  });

  it('reads the bare name after the date on a date line ("11.12.2019 - Amelie Loevenich")', () => {
    const result = extractText(page(['11.12.2019 - Amelie Loevenich']), UTC);
    expect(result.authors).toEqual({ value: [{ name: 'Amelie Loevenich' }], line: 6 });
    expect(result.published?.value).toEqual(new Date('2019-12-11T00:00:00Z'));
  });

  // A story longer than the metadata window at its start, so that only its closing lines are read.
  const towns = ['Arden', 'Belford', 'Carrow', 'Dunmore', 'Elston', 'Farley', 'Garth', 'Hollin', 'Ivers', 'Jarrow', 'Kestle', 'Lanford'];
  const long = ['north', 'south'].flatMap((side) =>
    towns.flatMap((town) => [`The ${side} station at ${town} will get a new platform, lifts and a waiting room before the first night trains stop there in the spring.`, '']),
  );
  const longPage = (lines: string[]): string => ['Menu', '', 'Trains to run every fifteen minutes', '', ...lines].join('\n');

  it.each([
    ['Text: Ursula Eggers', 'Ursula Eggers'],
    ['Eingestellt von Weinlachgummi um 10:52', 'Weinlachgummi'],
    ['Posted by Konstantin Tretyakov at 18:52', 'Konstantin Tretyakov'],
    // A Chinese news page's closing credit of its editor: a label, a full-width colon, a Han name.
    ['责任编辑：张伟', '张伟'],
  ])('reads a byline that closes the story, after a rating widget: %s', (line, name) => {
    const tail = ['Rate this post', '', '5.0 out of 5 based on 2 ratings', '', 'Share', '', line, '', 'Leave a comment'];
    const result = extractText(longPage([...long, ...tail]), UTC);
    expect(result.authors?.value).toEqual([{ name }]);
    expect(ruleOf(result, line)).toBe('byline');
  });

  it('reads a closing byline whose lead stands on a line of its own, the name on the next', () => {
    const tail = ['Share', '', 'Autor*in', 'Ann Keller (Redakteurin, Medizin)', '', 'Leave a comment'];
    const result = extractText(longPage([...long, ...tail]), UTC);
    expect(result.authors?.value).toEqual([{ name: 'Ann Keller' }]);
    expect(ruleOf(result, 'Ann Keller (Redakteurin, Medizin)')).toBe('byline');
    // An imprint's label over the outlet's name is no byline.
    const imprint = ['Share', '', 'Redaktion', 'Beispiel Magazin', 'Musterstraße 1', '', 'Leave a comment'];
    expect(extractText(longPage([...long, ...imprint]), UTC).authors).toBeUndefined();
  });

  it('takes no author from a credit in a list after a long story, nor from a bare "By" line in its middle', () => {
    const list = ['Our books:', '', ' * Autor: Fabian Dittmann; Illustrator: Adriaan Prent', ' * Autor: Jana Roth'];
    expect(extractText(longPage([...long, '', ...list]), UTC).authors).toBeUndefined();
    expect(extractText(longPage([...long.slice(0, 28), 'By Jane Doe', '', ...long.slice(28)]), UTC).authors).toBeUndefined();
  });

  it.each([
    ['reineckefuchs — 2. Februar 2022', 'reineckefuchs'],
    ['HansEhrlich 17.10.2019, 13:56 Uhr', 'HansEhrlich'],
    // A comment count beside it is no second name.
    ['4. März 2021 | kleiner_fuchs | Kommentare 3 |', 'kleiner_fuchs'],
  ])('reads a blog user name on the date line under the headline: %s', (line, name) => {
    const result = extractText(page([line]), UTC);
    expect(result.authors?.value).toEqual([{ name }]);
    expect(result.published?.line).toBe(6);
  });

  it('takes no section word on the date line under the headline for an author', () => {
    expect(extractText(page(['Politik — 2. Februar 2022']), UTC).authors).toBeUndefined();
  });

  it('reads the name after a published and an updated date glued together, and no date', () => {
    const result = extractText(page(['3. Mai 20194. Juni 2020 | Lena Berger']), UTC);
    expect(result.authors?.value).toEqual([{ name: 'Lena Berger' }]);
    expect(result.published).toBeUndefined();
  });

  it('takes no category words run on after the date, with nothing between, for an author', () => {
    const result = extractText(page(['2021-03-04 Wissenschaft Umwelt Klima']), UTC);
    expect(result.authors).toBeUndefined();
    expect(result.published?.value).toEqual(new Date('2021-03-04T00:00:00Z'));
    // Set off by a separator, a name there is the author's.
    expect(extractText(page(['2021-03-04 | Lena Berger']), UTC).authors?.value).toEqual([{ name: 'Lena Berger' }]);
  });

  it('takes a bare name under the headline\'s standfirst when the story starts at the standfirst and the page names that person again', () => {
    const dek = 'Operators must add more trains on the main line before the spring, and the stations need lifts and lighting.';
    const text = page([dek, '', 'Lena Berger'], ['', 'More from Lena Berger']);
    const result = extractText(text, UTC);
    expect(result.authors).toEqual({ value: [{ name: 'Lena Berger' }], line: 8 });
    expect(result.paragraphs.join('\n')).not.toContain('Lena Berger');
  });

  it('takes a bare name under the headline as the author when the page names that person again', () => {
    const text = page(['Marie Rövekamp'], ['', 'About Marie Rövekamp: she writes about transport.']);
    expect(extractText(text, UTC).authors).toEqual({ value: [{ name: 'Marie Rövekamp' }], line: 6 });
  });

  it('takes a bare name right under the headline as the author though the page names that person once (issue 12)', () => {
    expect(extractText(page(['Kathrin Hofmeister']), UTC).authors).toEqual({ value: [{ name: 'Kathrin Hofmeister' }], line: 6 });
  });

  it.each(['Mein Konto', 'Der Turm', 'Teilen Twittern', 'Warenkorb Interner Link'])('takes no bare label under the headline for an author: %s', (line) => {
    const result = extractText(page([line]), UTC);
    expect(result.authors).toBeUndefined();
    expect(result.title?.value).toBe('Trains to run every fifteen minutes');
  });

  it('takes no bare name that the page lists as a menu or tag entry elsewhere (r24)', () => {
    // A section kicker over the headline, the same section in the menu.
    const kicker = ['* Home', '* Circular Economy', '* Energy', '', 'Circular Economy', '', 'Trains to run every fifteen minutes', '', ...BODY].join('\n');
    expect(extractText(kicker, UTC).authors).toBeUndefined();
    // A caption's subject under the headline, the same subject in the tag list.
    const tagged = page(['Council members voted eleven to two.', '', 'Lena Berger'], ['', 'Tags', '* Lena Berger', '* Transport']);
    expect(extractText(tagged, UTC).authors).toBeUndefined();
    // The same names, named again in prose rather than listed: the author's.
    const named = ['* Home', '* Energy', '', 'Lena Berger', '', 'Trains to run every fifteen minutes', '', ...BODY, '', 'More from Lena Berger'].join('\n');
    expect(extractText(named, UTC).authors?.value).toEqual([{ name: 'Lena Berger' }]);
    expect(extractText(page(['Council members voted eleven to two.', '', 'Lena Berger'], ['', 'More from Lena Berger']), UTC).authors?.value).toEqual([{ name: 'Lena Berger' }]);
  });

  it('takes no kicker or menu entry above the headline for an author: a teaser list repeats a kicker alone, a menu runs on into its last entry (r24)', () => {
    const kicker = ['Menu', '', 'Gesundheitliche Probleme', '', 'Trains to run every fifteen minutes', '', ...BODY, '', 'Aktuelle Nachrichten', '', 'Gesundheitliche Probleme', '', 'Trains to run every fifteen minutes'].join('\n');
    expect(extractText(kicker, UTC).authors).toBeUndefined();
    // A name there that the page names again inside a longer line is the author's.
    const named = ['Menu', '', 'Lena Berger', '', 'Trains to run every fifteen minutes', '', ...BODY, '', 'More from Lena Berger'].join('\n');
    expect(extractText(named, UTC).authors).toEqual({ value: [{ name: 'Lena Berger' }], line: 3 });
    // The last entry of a menu over the headline, named again in a longer menu bar line, is none.
    const menu = ['About | Crowdfunding Chemie | Text veröffentlichen', '', 'Home und Neuigkeiten', 'Chemie A - Z', 'Impressum, Kontakt', 'Crowdfunding Chemie', '', 'Trains to run every fifteen minutes', '', ...BODY].join('\n');
    expect(extractText(menu, UTC).authors).toBeUndefined();
  });

  it('still reads the date on a line labelled a caption by its credit (r24)', () => {
    const line = 'Last Updated : Nov 20, 2019 01:41 PM IST | Source: Moneycontrol.com';
    const result = extractText(page([line]), UTC);
    expect(result.updated?.value.toISOString().slice(0, 10)).toBe('2019-11-20');
    expect(ruleOf(result, line)).toBe('date-line');
    expect(result.authors).toBeUndefined();
  });

  it.each([
    'Symbolbild Rettungsdienst | Foto: agentur/stock.adobe.com2022/01/Rettungsdienst_AdobeStock_169266287-scaled.jpeg',
    'Symbolbild Feuerwehr | Foto: Max Muster/Agentur 14.01.2022',
    'Symbolbild Feuerwehr 14.01.2022 | Foto: Max Muster/Agentur',
  ])('takes no name from a picture caption with its credit under the headline (r24): %s', (line) => {
    expect(extractText(page([line]), UTC).authors).toBeUndefined();
  });

  it('takes no bare name further down that the page does not name again', () => {
    const result = extractText(page(['Council members voted eleven to two.', '', 'Marie Rövekamp']), UTC);
    expect(result.authors).toBeUndefined();
  });

  it.each([
    [['Disko Von', 'Ernst Lohoff'], 'Ernst Lohoff'],
    [['Tipps von', 'Marie Jaster'], 'Marie Jaster'],
    [['Column by:', 'Leah C. Stokes'], 'Leah C. Stokes'],
  ])('reads the names under a line that a kicker\'s word and the lead close, next to the headline (r24): %j', (head, name) => {
    expect(extractText(page(head), UTC).authors?.value).toEqual([{ name }]);
  });

  it.each([
    [['Foto von', 'Jane Doe']],
    [['Powered by', 'WordPress']],
    [['Sponsored by', 'Acme Media GmbH']],
  ])('takes no credit, widget or sponsor under such a line for an author (r24): %j', (head) => {
    expect(extractText(page(head), UTC).authors).toBeUndefined();
  });

  it.each([
    [['By', '', 'Todd Bates', '', 'Date', '', 'February 5, 2020'], 'Todd Bates', 8],
    [['Autor', '', 'Georg Quaas'], 'Georg Quaas', 8],
  ])('reads the names on the line after a lead that stands alone (issue 12): %j', (head, name, line) => {
    const result = extractText(page(head), UTC);
    expect(result.authors).toEqual({ value: [{ name }], line });
    expect(ruleOf(result, head[0] as string)).toBe('byline');
    expect(ruleOf(result, name)).toBe('byline');
  });

  it.each([
    ['2. Februar 20202. Februar 2020 Alexander Roll 1 Kommentar Inklusion, Kapitalismus', 'Alexander Roll'],
    ['16. Mai 2019 Markus Elsberger Netzwerk, Windows', 'Markus Elsberger'],
    ['1. November 20161. November 2016 surfguard', 'surfguard'],
  ])('reads the author of a blog theme\'s entry line: dates, name, categories or a count (issue 12): %j', (line, name) => {
    expect(extractText(page([line]), UTC).authors?.value).toEqual([{ name }]);
  });

  it.each([
    // Categories in any case after the name (no date line of six words), and more of them than six words hold.
    ['4. März 20224. März 2022 Lena Brandt Bahn, Fahrplan, pünktlich', 'Lena Brandt'],
    ['4. März 20224. März 2022 Lena Brandt Bahn, Bus, Fahrplan, Nahverkehr, Stadtrat, Tarif', 'Lena Brandt'],
  ])('reads the author of an entry line whose categories are no names (r21): %j', (line, name) => {
    expect(extractText(page([line]), UTC).authors?.value).toEqual([{ name }]);
  });

  it('takes no name before the date from an entry line', () => {
    expect(extractText(page(['Isabell Angele2022-12-07T10:10:52+01:0025. Dezember 2022|']), UTC).authors).toBeUndefined();
  });

  it('takes the bare name right below the date line under the headline (issue 12)', () => {
    const result = extractText(page(['August 23, 2020', 'Leah C. Stokes']), UTC);
    expect(result.authors).toEqual({ value: [{ name: 'Leah C. Stokes' }], line: 7 });
    expect(result.published?.value).toEqual(new Date('2020-08-23T00:00:00Z'));
  });

  it('takes the bare name whose comma runs it on into the date line below (r21)', () => {
    const result = extractText(page(['Lena Brandt,', 'am Sonntag, 11.12.2022 - 05:00']), UTC);
    expect(result.authors).toEqual({ value: [{ name: 'Lena Brandt' }], line: 6 });
    expect(result.published?.value).toEqual(new Date('2022-12-11T05:00:00Z'));
  });

  it('takes no line ending in a comma that is no name above a date line', () => {
    expect(extractText(page(['Mehr Bahn, weniger Stau,', 'am Sonntag, 11.12.2022 - 05:00']), UTC).authors).toBeUndefined();
  });

  it.each(['Wissen', 'Werbung', 'PAID CONTENT', 'Ähnliche Artikel', 'Related Articles', 'Europäische Union'])('takes no section label above a date line as the author: %s', (label) => {
    const result = extractText(page([label, 'April 12, 2021']), UTC);
    expect(result.authors).toBeUndefined();
    expect(result.published?.line).toBe(7);
  });

  it.each(['Council Approves Budget', 'Delta Bridge Reopens', 'River Cleanup'])('takes a short Title Case line above a byline as the headline, not as a name: %s', (title) => {
    const short = ['Home | News', '', title, '', 'By Cy Dale - March 12, 2025', '', BODY[0], '', 'Share this article'].join('\n');
    const result = extractText(short, UTC);
    expect(result.title?.value).toBe(title);
    expect(result.authors?.value).toEqual([{ name: 'Cy Dale' }]);
    expect(result.paragraphs.map((p) => p.text)).toEqual([BODY[0]]);
  });

  it.each([
    ['March 5, 2025', '2025-03-05T00:00:00.000Z'],
    ['Publicado el 4 de marzo de 2025', '2025-03-04T00:00:00.000Z'],
  ])('reads the date line just above the headline: %s', (dateLine, iso) => {
    const text = [dateLine, '', 'Hospital Expands Emergency Room', '', 'By Priya Patel', '', BODY[0], '', BODY[2]].join('\n');
    const result = extractText(text, UTC);
    expect(result.title?.value).toBe('Hospital Expands Emergency Room');
    expect(result.published?.value.toISOString()).toBe(iso);
    expect(result.authors?.value).toEqual([{ name: 'Priya Patel' }]);
    expect(ruleOf(result, dateLine)).toBe('date-line');
  });

  it('takes a Title Case line above a bare date line as the headline when nothing else is one', () => {
    const text = ['Power Outage Hits Downtown', '', 'March 7, 2025', '', 'About 5,000 customers lost power downtown on Friday after a transformer failed.', '', 'Power was restored within three hours.'].join('\n');
    const result = extractText(text, UTC);
    expect(result.title?.value).toBe('Power Outage Hits Downtown');
    expect(result.authors).toBeUndefined();
    expect(result.published?.value.toISOString()).toBe('2025-03-07T00:00:00.000Z');
    expect(result.paragraphs.map((p) => p.text)).toEqual(['About 5,000 customers lost power downtown on Friday after a transformer failed.', 'Power was restored within three hours.']);
  });

  it('keeps the short sentences of a brief, which hold no run of prose', () => {
    const text = ['Three Arrested After Break-In', '', 'By Chris Hall - March 3, 2025', '', 'Police arrested three men on Sunday.', '', 'No one was hurt.', '', 'Share this article'].join('\n');
    const result = extractText(text, UTC);
    expect(result.title?.value).toBe('Three Arrested After Break-In');
    expect(result.paragraphs.map((p) => p.text).join(' ')).toBe('Police arrested three men on Sunday. No one was hurt.');
    expect(ruleOf(result, 'Share this article')).toBe('share-bar');
  });

  it('keeps the first paragraph before a newsletter box set into the story', () => {
    const text = ['Library Hours Extended', '', 'By Omar Haddad - March 6, 2025', '', BODY[0], '', 'Sign up for our newsletter', 'Get the latest local news delivered to your inbox every morning.', '', BODY[2], '', BODY[4]].join('\n');
    const result = extractText(text, UTC);
    expect(result.paragraphs.map((p) => p.text)).toEqual([BODY[0], BODY[2], BODY[4]]);
    expect(ruleOf(result, 'Sign up for our newsletter')).toBe('newsletter-box');
  });

  it.each(['* ', '- ', '• '])('keeps a list the story introduces with a colon, with "%s" items, in a short article', (marker) => {
    const text = ['Budget Changes', '', 'By Elena Rossi - February 12, 2025', '', 'The state budget includes several changes that affect households:', '', `${marker}A $200 tax credit for families`, `${marker}Free bus fares for people over 65`, '', 'Lawmakers said the changes would take effect on July 1.'].join('\n');
    const result = extractText(text, UTC);
    expect(result.title?.value).toBe('Budget Changes');
    expect(result.paragraphs.map((p) => p.text)).toEqual([
      'The state budget includes several changes that affect households:',
      'A $200 tax credit for families',
      'Free bus fares for people over 65',
      'Lawmakers said the changes would take effect on July 1.',
    ]);
  });

  it('still reads "- Advertisement -" as an ad label, not a list item', () => {
    const text = ['Budget Changes', '', 'By Elena Rossi - February 12, 2025', '', BODY[0], '', '- Advertisement -', '', BODY[2], '', BODY[4]].join('\n');
    const result = extractText(text, UTC);
    expect(result.paragraphs.map((p) => p.text)).toEqual([BODY[0], BODY[2], BODY[4]]);
    expect(result.dropped.some((d) => d.text.includes('Advertisement'))).toBe(true);
  });

  it('does not take a photo credit for an author', () => {
    const result = extractText(page(['Photo: Elena Kovacs / Staff', 'March 11, 2021']), UTC);
    expect(result.authors).toBeUndefined();
    expect(ruleOf(result, 'Photo: Elena Kovacs / Staff')).toBe('photo-credit');
  });

  it('tells the update date from the publication date', () => {
    const result = extractText(page(['By Jane Doe', 'Published: March 11, 2021', 'Updated: March 12, 2021']), UTC);
    expect(result.published?.value).toEqual(new Date('2021-03-11T00:00:00Z'));
    expect(result.updated?.value).toEqual(new Date('2021-03-12T00:00:00Z'));
  });

  it.each([
    ['Por María González', '6 de diciembre de 2019', 'María González', '2019-12-06'],
    ['Par Jean Dupont', '12 mars 2021', 'Jean Dupont', '2021-03-12'],
    ['Von Hans Müller', '12. März 2021', 'Hans Müller', '2021-03-12'],
    ['Por João Silva', '12 de março de 2021', 'João Silva', '2021-03-12'],
  ])('reads %j and %j', (byline, date, name, day) => {
    const result = extractText(page([byline, date]), UTC);
    expect(result.authors?.value).toEqual([{ name }]);
    expect(result.published?.value.toISOString().slice(0, 10)).toBe(day);
  });

  it('reads a tags line after the story and drops it from the body', () => {
    const result = extractText(page(['By Jane Doe'], ['Etiquetas: transporte, trenes, horarios', '', '© 2021 Example']), UTC);
    expect(result.tags?.value).toEqual(['transporte', 'trenes', 'horarios']);
    expect(ruleOf(result, 'Etiquetas: transporte, trenes, horarios')).toBe('tags-line');
  });

  it('reads "Tags" followed by the tags as list items', () => {
    const result = extractText(page(['By Jane Doe'], ['Tags', ' * Trains', ' * Timetables']), UTC);
    expect(result.tags?.value).toEqual(['Trains', 'Timetables']);
  });

  it('leaves the body alone when there is no metadata', () => {
    const result = extractText(BODY.join('\n'), UTC);
    expect(result.authors).toBeUndefined();
    expect(result.published).toBeUndefined();
    expect(result.paragraphs).toHaveLength(3);
  });
});

describe('the byline written with the chosen date, away from the headline', () => {
  // A long story, then a related box, then the date and its byline: no window of step 5 reaches there.
  const places = ['river', 'bridge', 'station', 'harbour', 'market', 'school', 'library', 'garden', 'tower', 'tunnel', 'square', 'museum', 'theatre', 'stadium'];
  const story = places.flatMap((w, n) => [`The ${w} on the ${places[(n + 3) % places.length]} road will be rebuilt by the council in ${2020 + n}, and the work is expected to take ${n + 2} months before it opens again.`, '']);
  const text = (tail: string[]) => page([], [...story, 'Related articles', '', 'Buses run to plan again', '', 'Topics', 'Transport', ...tail]);
  it.each([
    [['by Jane', '18.10.2019 16:06'], 'Jane', 'by Jane'],
    [['Posted by Jane Doe on 18.10.2019 16:06'], 'Jane Doe', 'Posted by Jane Doe on 18.10.2019 16:06'],
    [['erstellt von Jane Muster — veröffentlicht 18.10.2019 16:06'], 'Jane Muster', 'erstellt von Jane Muster — veröffentlicht 18.10.2019 16:06'],
  ])('reads it on the date line or the line right above it: %j', (tail, name, line) => {
    const result = extractText(text(tail), UTC);
    expect(result.published?.value).toEqual(new Date('2019-10-18T16:06:00Z'));
    expect(result.authors?.value).toEqual([{ name }]);
    expect(result.paragraphs.map((p) => p.text)).not.toContain(line);
  });

  it('takes no name without a byline word, nor a line with more than the byline above the date', () => {
    expect(extractText(text(['Jane Doe', '18.10.2019 16:06']), UTC).authors).toBeUndefined();
    expect(extractText(text(['by Jane Doe in Transport and Rail', '18.10.2019 16:06']), UTC).authors).toBeUndefined();
  });
});

describe('date lines next to the headline (issue 12)', () => {
  it('reads a date line that carries more than a name right under the headline', () => {
    const result = extractText(page(['6. Dezember 2022 von Fatima in Gefühle, Popkultur']), UTC);
    expect(result.published?.value).toEqual(new Date('2022-12-06T00:00:00Z'));
  });

  it('does not read a date in parentheses or deep in a line as the date line', () => {
    expect(extractText(page(['Science and Technology links (December 14th 2019)']), UTC).published).toBeUndefined();
    expect(extractText(page(['Abnahme Protokoll der letzten Vorstandssitzung vom 5.8.2019']), UTC).published).toBeUndefined();
  });

  it('reads a dotted date above the headline that the counter rule would take for numbers', () => {
    const text = ['Menu', 'Search', '', '22.12.2019', '', 'Trains to run every fifteen minutes', '', ...BODY].join('\n');
    expect(extractText(text, UTC).published?.value).toEqual(new Date('2019-12-22T00:00:00Z'));
  });

  it('resolves a year-less day or a time alone next to the headline only against a full date of the text (issue 12)', () => {
    const REF = { timezone: 'UTC', referenceDate: new Date('2026-12-01T00:00:00Z') } as const;
    // "31 Dec" published, "Updated: January 2, 2024": the year before the full date.
    const yearless = extractText(page(['31 Dec', 'Updated: January 2, 2024']), REF);
    expect(yearless.published?.value).toEqual(new Date('2023-12-31T00:00:00Z'));
    expect(yearless.updated?.value).toEqual(new Date('2024-01-02T00:00:00Z'));
    // A time alone adds a time to the published day.
    const timed = extractText(page(['March 11, 2021', '14:32']), REF);
    expect(timed.published?.value).toEqual(new Date('2021-03-11T14:32:00Z'));
    // Without a full date, nothing.
    expect(extractText(page(['31 Dec', '14:32']), REF).published).toBeUndefined();
    // Never after the reference.
    const future = extractText(page(['30 November', 'Updated: November 30, 2026']), { timezone: 'UTC', referenceDate: new Date('2026-11-29T00:00:00Z') });
    expect(future.published).toBeUndefined();
  });
});

describe('the author named by an author box when no byline stands near the headline', () => {
  const story = [
    'The regional council approved the new timetable on Tuesday after two years of consultation with the operators and the unions.',
    '',
    'Trains will run every fifteen minutes on the main line from the spring, and night services will return at the weekend.',
    '',
    'Passenger groups welcomed the decision but warned that the stations still need lifts and better lighting before the winter.',
  ];
  const utc = { timezone: 'UTC' } as const;

  it('takes the name of a profile link that the page names again', () => {
    const text = ['Night trains return to the main line', '', ...story, '', 'Daniel Lemire', 'A computer science professor in Montreal. View all posts by Daniel Lemire', '', 'Recent posts'].join('\n');
    expect(extractText(text, utc).authors?.value).toEqual([{ name: 'Daniel Lemire' }]);
  });

  it('takes the name under an "About the author" heading', () => {
    const text = ['Night trains return to the main line', '', ...story, '', 'About the author', 'Florina Ionescu', '', 'Related posts'].join('\n');
    expect(extractText(text, utc).authors?.value).toEqual([{ name: 'Florina Ionescu' }]);
  });

  it('takes no name that a teaser link gives once', () => {
    const text = ['Night trains return to the main line', '', ...story, '', 'More from Sam Roe', 'Buses to stop at midnight'].join('\n');
    expect(extractText(text, utc).authors).toBeUndefined();
  });
});
