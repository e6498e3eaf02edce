import { describe, expect, it } from 'vitest';
import { extractText } from '../../../src/extract/text/index.js';

const UTC = { timezone: 'UTC' } as const;

/** A blog network's run-on list of blog names (one link each, no spaces between): one long line the body model reads as prose. */
const NAMES = [
  'Alles was wächst', 'Beta Orionis', 'Und das Wasser lädt ein', 'Astrodicticum Komplex', 'Biochemie²', 'DatenWelten', 'DNAzid', 'Chevrola', 'Chiffrehirn',
  'Das Universum daneben', 'Die großen Dinge', 'Ein Jahrzehnt mit Blogs', 'Erklärbar', 'Fixevolvimus', 'Frischer Wind', 'Genau', 'Geograffitico',
  'Gesundheits-Check', 'Hier wohnen Drachen', 'Ihre Frage', 'Kritisch gedacht', 'Lichte Ideen', 'Mathlog', 'Meertext', 'Na klar', 'Panorama',
  'Phantasie und Kritik', 'Plazeboalarm', 'Primaklima', 'Quo Vadis', 'Wissenschaft zum Mitnehmen', 'Wissenschaft trifft Gesellschaft', 'Sternengeflüster',
];
const BLOG_LIST = `Zu Blog wechseln... Netzwerk-Hauptseite ${[...NAMES, ...NAMES.slice().reverse(), ...NAMES, ...NAMES.slice().reverse()].join("")}`;
const MENU = ['* Naturwissenschaften', '* Medizin', '* Kultur', '* Geistes- & Sozialwissenschaften', '* Politik', '* Technik', '* Umwelt'];

const BODY = [
  'In Vorlesungen über Wahrscheinlichkeitstheorie oder Statistik erzähle ich den Studenten gern, dass es Zufall außerhalb der Mikrowelt der Quantenphysik eigentlich gar nicht gibt. Ein Münzwurf ist ein deterministischer Vorgang: Kennt man die Anfangsbedingungen genau genug, kann man das Ergebnis vorhersagen. Dass wir ihn trotzdem als zufällig ansehen, liegt nur daran, dass kleine Unterschiede beim Werfen große Unterschiede im Ergebnis bewirken.',
  '',
  'Ein im Oktober erschienener Artikel mit mehr als dreihunderttausend Würfen zeigt nun, dass eine Münze etwas häufiger auf der Seite landet, mit der nach oben sie geworfen wurde. Die Abweichung ist klein, aber sie ist bei fast allen der beteiligten Werferinnen und Werfer zu sehen, und sie verschwindet auch nach vielen Stunden des Übens nicht.',
  '',
  'Das bestätigt experimentell eine Vorhersage aus einer älteren Arbeit über die Dynamik des Münzwurfs, die damals noch als rein theoretische Überlegung galt. Die Münze eiert in der Flugphase, wenn sie nicht genau mittig geschnippt wird, und verbringt dadurch mehr Zeit mit der Ausgangsseite nach oben.',
];

describe('the header right below the headline', () => {
  // Issue 14 (r18-extract): the body found by the model started at a navigation line far above the
  // headline, and the window for metadata ended 10 units after that start, above the headline.
  it('reads the byline under a headline that stands far below where the model put the body start', () => {
    const text = [
      BLOG_LIST,
      '* Blogs',
      '* Blogger',
      '* Magazine',
      '* Jobs',
      '* Shop',
      '',
      BLOG_LIST,
      'Archivierte Blogs',
      BLOG_LIST,
      '',
      ...MENU,
      '',
      'MENÜ',
      'Suchen',
      '',
      ...MENU,
      '* Blogger',
      '* Magazine',
      '',
      BLOG_LIST,
      '',
      'StartseiteMathlog',
      '',
      'Münzwürfe sind nicht zufällig',
      'Von Thilo / 6. November 2023 / Keine Kommentare',
      'Teilen:',
      'Mehr',
      '',
      ...BODY,
    ].join('\n');
    const result = extractText(text, UTC);
    expect(result.title?.value).toBe('Münzwürfe sind nicht zufällig');
    expect(result.authors?.value).toEqual([{ name: 'Thilo' }]);
    expect(result.published?.value).toEqual(new Date('2023-11-06T00:00:00Z'));
  });
});
