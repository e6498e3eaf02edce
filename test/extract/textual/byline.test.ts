import { describe, expect, it } from 'vitest';
import { bareNameSegment, cleanAuthorName, isBareAuthorLine, isOrganisationName, isSiteName, isUserHandle, looksLikePersonName, parseByline, splitByline } from '../../../src/extract/textual/byline.js';

describe('parseByline', () => {
  it.each([
    ['By Jane Doe', ['Jane Doe']],
    ['By Ana Ruiz and Tom Becker', ['Ana Ruiz', 'Tom Becker']],
    ['By Ana Ruiz, Tom Becker and Li Wei', ['Ana Ruiz', 'Tom Becker', 'Li Wei']],
    ['Written by Sam Whitaker', ['Sam Whitaker']],
    ['Posted on April 12, 2021 by Sam Whitaker', ['Sam Whitaker']],
    // A "von" after a dated line's lead and a first name is the name's particle, not a second lead.
    ['Posted 3. Mai 2019 by Kurt von Beispiel', ['Kurt von Beispiel']],
    ['Veröffentlicht am 3. Mai 2019 von Kurt von Beispiel', ['Kurt von Beispiel']],
    // A social network's link or a follow button after the name.
    ['von Ann Keller Twitter Account von Ann Keller', ['Ann Keller']],
    ['By Ann Keller Follow on Twitter', ['Ann Keller']],
    // A dated line crediting the words and the pictures: the words' author.
    ['March 3, 2021 • words by Ann Keller • Art by Sam Porter', ['Ann Keller']],
    ['12. Mai 2021 von Ann Keller | Fotos von Sam Porter', ['Ann Keller']],
    // A full name, then with no comma a job title opening capitalised and ending in a role noun.
    ['Sam Porter Education editor', ['Sam Porter']],
    ['Ann Keller Chief political correspondent', ['Ann Keller']],
    ['Ann Keller US editor', ['Ann Keller']],
    // A byline's final stop goes, not the stop of a final initial or suffix.
    ['By Sam Porter Jr.', ['Sam Porter Jr.']],
    ['By Ann K.', ['Ann K.']],
    ['By Ann Keller.', ['Ann Keller']],
    // A given name that is a month in another language ("marco" for Portuguese "março") opens a name.
    ['Marco Rossi, 21. Jan. 2015', ['Marco Rossi']],
    // Issue 14 (r20-extract): the separator left from the field before the byline ("05.02.2020 - Redaktion: …").
    ['- Redaktion: Jana Dorn (Pressesprecherin)', ['Jana Dorn']],
    ['| Von Jana Dorn', ['Jana Dorn']],
    ['Julio Pérez | 3 de mayo de 2021', ['Julio Pérez']],
    // The outlet's newsroom by the outlet's name, also a host name or a lower-case brand.
    ['von beispiel.de Redaktion', ['beispiel.de Redaktion']],
    ['12/03/2021 von muster-it Webteam', ['muster-it Webteam']],
    ['Autor: Die Redaktion', ['Die Redaktion']],
    // A Chinese label before one or more Han names (no capitals to test).
    ['责任编辑：张伟', ['张伟']],
    ['（作者：李娜 王芳）', ['李娜', '王芳']],
    ['记者：陈静、赵磊', ['陈静', '赵磊']],
    ['By Jane Doe - March 11, 2021', ['Jane Doe']],
    ['By Tim Childers - Live Science Contributor', ['Tim Childers']],
    ['Por María González', ['María González']],
    ['Por María González y Juan de la Cruz', ['María González', 'Juan de la Cruz']],
    ['Par Jean-Luc Martin', ['Jean-Luc Martin']],
    ['Par Jean Dupont et Claire Moreau', ['Jean Dupont', 'Claire Moreau']],
    ['Von Hans Müller', ['Hans Müller']],
    ['Von Hans Müller und Ursula von der Leyen', ['Hans Müller', 'Ursula von der Leyen']],
    ['Por João Silva e Ana Costa', ['João Silva', 'Ana Costa']],
    ['Tom Krisher, Ap Auto Writer', ['Tom Krisher']],
    ['Steve Peoples, AP National Political Writer', ['Steve Peoples']],
    ['Jane Doe, Staff Reporter', ['Jane Doe']],
    // A role, an outlet or a date after a comma, " on <date>", or a name then "| <date>".
    ['By Steve Adams, Staff Writer', ['Steve Adams']],
    ['By Jane Doe and Sam Roe, Reuters', ['Jane Doe', 'Sam Roe']],
    ['By Victor Lee, March 9, 2025', ['Victor Lee']],
    ['Posted by Karen Mills on March 10, 2025', ['Karen Mills']],
    ['By Anna Schmidt, published March 3, 2025 at 10:30', ['Anna Schmidt']],
    ['Par Jean Dupont, publié le 3 mars 2025 à 10h30', ['Jean Dupont']],
    ['Anna Schmidt | March 3, 2025', ['Anna Schmidt']],
    // A colon after the lead, a lead glued to the name, a name that ends at a date, a time, a label, " in ", " / ".
    ['Written by: Julie Mollins', ['Julie Mollins']],
    ['ByJ.R. Stone', ['J.R. Stone']],
    ['by Logan C. Ritchie November 8, 2023 | 6:03 pm', ['Logan C. Ritchie']],
    ['Eingestellt von der Michel um 21:11', ['der Michel']],
    ['Von Katharina Schmidt Kategorien: Mode 6. November 2023, 15:25 Uhr', ['Katharina Schmidt']],
    ['Von Jule Radeck Vom 3. Februar 2022', ['Jule Radeck']],
    ['Von Thilo / 6. November 2023 / Keine Kommentare', ['Thilo']],
    // A line that opens with its date, then "von"/"by" (glued too); a dated line may name a user handle.
    ['6. Dezember 2022 von Fatima in Gefühle, Popkultur', ['Fatima']],
    ['Veröffentlicht am 12. Juni 2017 von gizzmo', ['gizzmo']],
    ['Publiziert am 13. Januar 2014 von uriebe', ['uriebe']],
    ['Veröffentlicht vonChris Jung 28. Februar 2016', ['Chris Jung']],
    // No lead word: a full name, then a dash, a comma or nothing, then the date.
    ['Nike Jane – 14.09.2022 – Kolumne', ['Nike Jane']],
    ['Georg Quaas, 21. Jan. 2015', ['Georg Quaas']],
    ['Ariel Melgar Cabrera 3/5/2022 22:41', ['Ariel Melgar Cabrera']],
    ['Shana Nys DambrotNovember 6, 2023', ['Shana Nys Dambrot']],
    ['---- by Kenneth Surin', ['Kenneth Surin']],
    ['Interview: Julia Lauter', ['Julia Lauter']],
    ['Blog Beitrag von Margarita Koreneva', ['Margarita Koreneva']],
    // The newsroom signing as itself, after a lead word or right before the date.
    ['By Staff Writer', ['Staff Writer']],
    ['By Staff and news service reports', ['Staff and news service reports']],
    ['Veröffentlicht am 19. Dezember 2022 von Redaktion', ['Redaktion']],
    ['Redaktion - 31. Januar 2022', ['Redaktion']],
    ['von Redaktion, 24. Januar 2022', ['Redaktion']],
    // A count after the name ends it; "//" separates like "|".
    ['July 24, 2019 by Amy Motroni 5 Comments', ['Amy Motroni']],
    ['Von Felix Eisenreich // 1. November 2023', ['Felix Eisenreich']],
    // A header line of parts: the part that opens with a lead word names the authors.
    ['Accueil | Par Loïc Le Clerc | 30 septembre 2018', ['Loïc Le Clerc']],
    ['05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher des EJW)', ['Eberhard Fuhr']],
    // The lexicons' leads: gender-inclusive German labels, Dutch and Polish.
    ['Kolumnist*in: Evan Tepest', ['Evan Tepest']],
    ['Autor:in: Kim Berger', ['Kim Berger']],
    ['Geschreven door Jan de Vries', ['Jan de Vries']],
    // A dated line names a user handle after its lead too; "@" separates; a date label after the name ends it (issue 12).
    ['von eseppelt · 31. Oktober 2023', ['eseppelt']],
    ['Gespeichert von rasos am 24. Juli 2017 - 18:55', ['rasos']],
    ['von Herr_Rein Veröffentlicht am 11. Juni 2019', ['Herr_Rein']],
    ['Posted by Konstantin @ 12:00 am', ['Konstantin']],
    ['Evgenia Karp Zuletzt geändert am 06.11.2023', ['Evgenia Karp']],
    ['Jane Doe Published March 3, 2021', ['Jane Doe']],
  ])('reads %j', (line, names) => {
    expect(parseByline(line)).toEqual(names.map((name) => ({ name })));
  });

  it.each([
    'The Council | March 3, 2025',
    'Home | March 2025',
    'Photo: Elena Kovacs / Staff',
    'Foto: Juan Pérez / EFE',
    'Photo by Jason Kempin/Getty Images',
    'By the time the storm arrived, most residents had already left the coast.',
    'Por la tarde, el tráfico volvió a la normalidad en toda la ciudad.',
    'Par ailleurs, la mairie a annoncé de nouveaux travaux.',
    'Von 2019 bis 2021 stieg die Zahl der Anträge deutlich.',
    'Share this article',
    'In the end, the writer',
    'Associated Press, Staff Writer',
    'The council, led by its new editor',
    // Labels, calendar words and frequent words are not names; a handle needs a dated line.
    'Actualizado al 03/05/2022 22:46',
    'Termine Whisky Tastings Januar – Mai 2020',
    'von Die Tagespresse 31. Oktober 2023',
    'von flerche',
    'von Mitglied der Redaktion',
    'Our new Education editor',
    'March 3, 2021 | Photos by Ann Keller',
    'The Council Education editor',
    // One word after "Von", then a list going on in lower-case words: a phrase, not a name and its role.
    'Von Feldwegen, Hecken und «ganz alten Mauern»',
    // A sentence after a Chinese label, a second label after the name, or a page's "编辑" (editor) is no byline.
    '作者：这是一个很长的句子不是名字',
    '编辑：王五',
    '记者：陈静 摄影：王五',
    'Von heute 12.3.2019',
    'by gestern 2019',
    // A newsroom named alone on its line, or as a photo's source, is no byline.
    'Redaktion',
    'Staff picks for the weekend',
    'Foto: Redaktion',
    'Autor: red',
    // A weekday's abbreviation is no lead ("Di" is also Italian "by"); a host name is a site.
    'Di  Dienstag - 14.30 - 16.00 Uhr',
    'di Vegolosi.it',
    'Home | Politics | Economy',
    '',
  ])('rejects %j', (line) => {
    expect(parseByline(line)).toBeUndefined();
  });

  it('splits the authors from the rest of the line', () => {
    expect(splitByline('By Jane Doe - March 11, 2021')).toEqual({
      authors: [{ name: 'Jane Doe' }],
      rest: 'By - March 11, 2021',
    });
  });

  it('reads a name glued to a capitalised month, and no word that merely ends in a month abbreviation', () => {
    expect(splitByline('Jane DoeMarch 9, 2020')?.authors).toEqual([{ name: 'Jane Doe' }]);
    // "out" is Portuguese "outubro": under the `i` flag the glued check took "About 278" for "Ab" + "out 278".
    for (const line of ['Council Votes About 278', 'Everything You Need to Know About 2024', 'The New Layout 3', 'Workout 5']) {
      expect(splitByline(line), line).toBeUndefined();
    }
  });

  it('finishes on an adversarial 100k-character line', () => {
    for (const line of [`By ${'A '.repeat(50_000)}`, `Posted ${' by'.repeat(33_000)}`, `By ${','.repeat(100_000)}`]) {
      expect(parseByline(line)).toBeUndefined();
    }
  });
});

describe('a press credit after a lead (r21)', () => {
  it.each(['Von: abc/dpa', 'Von xy/afp', 'Von: red/kna/epd'])('reads %j as the credit it is', (line) => {
    expect(parseByline(line)).toEqual([{ name: line.replace(/^Von:? /, '') }]);
  });

  it.each(['Von: und/oder', 'by and/or', 'abc/dpa', 'Von: Abc/Dpa Text'])('reads no credit in %j', (line) => {
    expect(parseByline(line)).toBeUndefined();
  });
});

describe('isBareAuthorLine', () => {
  it.each(['Todd Bates', 'Marie Rövekamp', 'Logan C. Ritchie', 'Sam Porter Jr.', 'Ann K.'])('accepts the name %j', (line) => {
    expect(isBareAuthorLine(line)).toBe(true);
  });
  it.each(['Wissen', 'Werbung', 'Date', 'PAID CONTENT', 'Presse Augsburg Redaktion', 'Termine Januar', 'Ähnliche Artikel sehen', 'Der Turm der Wünsche', 'In den Warenkorb', 'Mein Konto', 'Zum Kreditvergleich', 'Zur Startseite', 'Fútbol Int.', 'Medien Kommentieren', 'Noticias Comentar'])('rejects the label %j', (line) => {
    expect(isBareAuthorLine(line)).toBe(false);
  });
});

describe('isUserHandle', () => {
  it.each(['reineckefuchs', 'HansEhrlich', 'ThE_PaiN', 'telebasel'])('accepts the user name %j', (name) => {
    expect(isUserHandle(name)).toBe(true);
  });
  it.each(['Politik', 'Allgemein', 'und', 'admin', 'mh', 'Kommentare', 'januar', 'Jane Doe'])('rejects %j', (name) => {
    expect(isUserHandle(name)).toBe(false);
  });
});

describe('looksLikePersonName', () => {
  it('accepts names and rejects roles, outlets and sentences', () => {
    expect(looksLikePersonName('Sam Whitaker')).toBe(true);
    expect(looksLikePersonName("Conan O'Brien")).toBe(true);
    expect(looksLikePersonName('Associated Press')).toBe(false);
    expect(looksLikePersonName('Staff Writer')).toBe(false);
    expect(looksLikePersonName('the river rose again')).toBe(false);
    expect(looksLikePersonName('Room 101')).toBe(false);
  });
});

describe('cleanAuthorName (the byline grammar shared by HTML and text)', () => {
  it.each([
    ['Redakteur: Max Muster', 'Max Muster'],
    ['Autor: Anna Kubišta', 'Anna Kubišta'],
    ['Written by Jane Doe', 'Jane Doe'],
    ['Posted by Jane Doe', 'Jane Doe'],
    ['View all posts by Daniel Lemire', 'Daniel Lemire'],
    ['Zeige alle Beiträge von Petra Ruland', 'Petra Ruland'],
    ['Veröffentlicht vonChris Jung', 'Chris Jung'],
    ['Jane Doe Twitter', 'Jane Doe'],
    ['Jane Doe · Follow', 'Jane Doe'],
    ['Isabella.DiBiase am Samstag', 'Isabella.DiBiase'],
    ["Kristen Falc'honKristen Falc'hon", "Kristen Falc'hon"],
    ['Olivier Minot Olivier Minot', 'Olivier Minot'],
    ['marc', 'marc'],
    // Issue 14 (r20-extract): a structured name with the wire writer's role or the outlet's domain after a comma.
    ['DANA ROE, AP Auto Writer', 'DANA ROE'],
    ['Jane Doe, Senior Editor', 'Jane Doe'],
    ['Sam K. Roe, Example.com', 'Sam K. Roe'],
    ['Staff Writer', 'Staff Writer'],
    ['Jane Doe, Inc.', 'Jane Doe, Inc.'],
  ])('%s -> %s', (raw, name) => {
    expect(cleanAuthorName(raw)).toBe(name);
  });

  it.each(['Posted on', 'Datum:', 'Follow', 'Gesponserte Inhalte', 'admin', 'wordpressadmin', 'anónimo', 'Jane says:', 'Peter sagt:', 'https://example.org/jane', 'zvg'])(
    'is not a name: %s',
    (raw) => {
      expect(cleanAuthorName(raw)).toBeUndefined();
    },
  );
});

describe('isOrganisationName / isSiteName', () => {
  it.each(['ZooRoyal Petcare GmbH', 'Deutsches Rotes Kreuz e.V.', 'N-Land Redaktion', 'TVT-Redaktion', 'oe24.at', 'EFE', 'Redacción EC', 'Wirtualna Polska Media', 'Europäische Union'])('organisation: %s', (name) => {
    expect(isOrganisationName(name)).toBe(true);
  });
  it.each(['Jane Doe', 'Ursula von der Leyen', 'Michael Veeser-Dombrowski', 'marc', 'J.R. Stone'])('person: %s', (name) => {
    expect(isOrganisationName(name)).toBe(false);
  });
  it('recognises the site itself, written differently', () => {
    expect(isSiteName('The Economist', ['The Economist'])).toBe(true);
    expect(isSiteName('vegolosi', ['Vegolosi.it'])).toBe(true);
    expect(isSiteName('Jane Doe', ['Example News'])).toBe(false);
  });
});

describe('bareNameSegment', () => {
  it('reads the one name among a date line\'s segments, a count beside it aside', () => {
    expect(bareNameSegment('- Lena Berger')).toBe('Lena Berger');
    expect(bareNameSegment('| Lena Berger | 3 Kommentare')).toBe('Lena Berger');
    expect(bareNameSegment('| Lena Berger | Keine Kommentare')).toBe('Lena Berger');
    expect(bareNameSegment('| Lena Berger | Tom Roth')).toBeUndefined();
    // The updated date beside the published one is no second segment.
    expect(bareNameSegment('14. Januar 2020 | Lena Berger')).toBe('Lena Berger');
    expect(bareNameSegment('| Lena Berger | Mittwoch, 15. Jan. 2020')).toBe('Lena Berger');
  });
});
