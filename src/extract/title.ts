/**
 * Choosing an article's title among scored candidates, for HTML pages and scraped text alike.
 *
 * A page states its title several times: the visible headline (an `<h1>`, or a heading line of a
 * scraped text), `og:title`, the JSON-LD `headline`, and the `<title>` with the site name glued to
 * it. These disagree: the `<title>` and `og:title` are often a search-engine variant, a heading can
 * be the site's logo or a section label, a headline can carry a kicker ("Immobilienkrise"). The
 * reader sees the headline, so a heading wins when the page's other statements of its title agree
 * with it (shared words), and a heading that is the site's name (the part of `<title>` after the
 * separator, `og:site_name`, the host name) never does.
 *
 * Pure string functions: the callers (src/extract/html/metadata.ts, src/extract/text/index.ts)
 * gather the candidates.
 */

import { chromeWords } from './lexicon/index.js';

/** Separators between a headline and the site name in `<title>`: " | ", " - ", " » ", "｜", "-" before CJK. */
export const TITLE_SEGMENT_SEPARATOR = /\s+(?:[|\-–—·•»│]|::|\/\/)\s+|\s*[|｜│]\s*|\s+[-–—]\s*$/;

/** `<title>` segments that name no article: an archive or home page label. */
const GENERIC_SEGMENT = /^(?:blog\s+)?archiv(?:e|es)?$|^home(?:page)?$|^startseite$|^accueil$|^inicio$|^news$|^blog$/i;

/** Lower-cased words of a title: letters and digits, soft hyphens removed, quotes folded. */
export function titleWords(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/\u00ad/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Jaccard overlap of the two titles' word sets (0 = nothing shared, 1 = the same words). */
export function titleSimilarity(a: string, b: string): number {
  const A = new Set(titleWords(a));
  const B = new Set(titleWords(b));
  if (A.size === 0 || B.size === 0) return 0;
  let shared = 0;
  for (const w of A) if (B.has(w)) shared += 1;
  return shared / (A.size + B.size - shared);
}

/** How much of `part` the `whole` contains (0..1), by words. */
export function titleCoverage(part: string, whole: string): number {
  const A = new Set(titleWords(part));
  const B = new Set(titleWords(whole));
  if (A.size === 0) return 0;
  let shared = 0;
  for (const w of A) if (B.has(w)) shared += 1;
  return shared / A.size;
}

/** The segments of a `<title>` ("Headline | Site" -> ["Headline", "Site"]). */
export function titleSegments(title: string): string[] {
  return title
    .split(TITLE_SEGMENT_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Names the page gives itself: `og:site_name`, the publisher, the host name, and the short
 * segments of `<title>` beside the longest one ("Headline | Example News" -> "Example News").
 */
export function siteNamesOf(input: { siteNames: readonly (string | undefined)[]; pageTitle?: string | undefined; host?: string | undefined }): string[] {
  const names: string[] = [];
  for (const n of input.siteNames) if (n?.trim()) names.push(n.trim());
  if (input.host) {
    const host = input.host.replace(/^www\d?\./i, '');
    names.push(host, host.replace(/\.[a-z]{2,}$/i, ''));
  }
  if (input.pageTitle) {
    // The first or last segment of "Headline | Site" / "Site » Headline", when it is the shorter one.
    const segments = titleSegments(input.pageTitle);
    if (segments.length >= 2) {
      const longest = Math.max(...segments.map((x) => titleWords(x).length));
      for (const s of [segments[0] as string, segments[segments.length - 1] as string]) {
        const n = titleWords(s).length;
        if (n <= 4 && n < longest) names.push(s);
      }
    }
  }
  return names;
}

/**
 * A `<title>`, `og:title` or JSON-LD headline without the segments that name the site
 * ("Headline | Example News", "Example » Blog Archive » Headline"). `fallback` decides when no
 * segment is recognised as the site's (the caller's older rule); a title whose every segment
 * is the site's is returned whole.
 */
export function withoutSiteSegments(title: string, siteNames: readonly string[], fallback: (title: string) => string = (t) => t): string {
  const segments = titleSegments(title);
  // "Headline | " (a template that printed an empty site name): the one segment, without the separator.
  if (segments.length < 2) return segments[0] ?? title.trim();
  const isSite = (x: string): boolean => GENERIC_SEGMENT.test(x) || isSiteNameHeading(x, siteNames);
  let from = 0;
  let to = segments.length;
  // Only the ends: "Site » Archive » Headline", "Headline | Section | Site".
  while (from < to && isSite(segments[from] as string)) from += 1;
  while (to > from && isSite(segments[to - 1] as string)) to -= 1;
  if (from === to || (from === 0 && to === segments.length)) return fallback(title);
  const first = segments[from] as string;
  const last = segments[to - 1] as string;
  const start = title.indexOf(first);
  const end = title.lastIndexOf(last) + last.length;
  return start >= 0 && end > start ? title.slice(start, end).trim() : first;
}

/** A heading that is only the site's name (a logo `<h1>`, "Example News Blog Archive"). */
export function isSiteNameHeading(heading: string, siteNames: readonly string[]): boolean {
  const words = titleWords(heading);
  if (words.length === 0) return true;
  const joined = words.join('');
  for (const name of siteNames) {
    const site = titleWords(name);
    if (site.length === 0) continue;
    if (site.join('') === joined) return true;
    // Every word of the heading is a word of the site name ("KBS" for "KBS World Radio").
    if (titleCoverage(heading, name) === 1 && words.length <= site.length) return true;
  }
  return false;
}

/** One heading of the page: its text and, for a heading made of parts (a kicker, then the headline), each part. */
export interface HeadingCandidate {
  text: string;
  parts?: readonly string[];
}

export interface ChosenHeading {
  text: string;
  /** Index of the heading in the list given. */
  index: number;
  /** Agreement with the page's other titles, 0..1. */
  score: number;
}

/** A heading must share at least this much (Jaccard) with one of the page's other titles to win. */
export const MIN_HEADING_AGREEMENT = 0.3;

/**
 * The heading (or heading part) that agrees best with the page's other statements of its title
 * (`references`: og:title, JSON-LD headline, `<title>`), skipping the site's name. Undefined when
 * no heading agrees enough; `alone` = also accept a heading when there is nothing to compare it
 * with, or when it is the page's only heading and shaped like a headline.
 */
export function chooseHeading(
  headings: readonly HeadingCandidate[],
  references: readonly (string | undefined)[],
  siteNames: readonly string[],
  alone = false,
): ChosenHeading | undefined {
  const refs = references.filter((r): r is string => r !== undefined && titleWords(r).length > 0);
  let best: ChosenHeading | undefined;
  headings.forEach((heading, index) => {
    for (const text of [heading.text, ...(heading.parts ?? [])]) {
      if (isSiteNameHeading(text, siteNames)) continue;
      let score = 0;
      for (const r of refs) score = Math.max(score, titleSimilarity(text, r));
      if (best === undefined || score > best.score + 1e-9) best = { text, index, score };
    }
  });
  if (best === undefined) return undefined;
  if (best.score >= MIN_HEADING_AGREEMENT) return best;
  if (!alone) return undefined;
  // Nothing to compare with, or the page's only heading: a headline-shaped one (two words or more,
  // not a host name) is what the reader sees, whatever the <title> says.
  if (refs.length === 0 || (headings.length === 1 && titleWords(best.text).length >= 2 && !/^[\w-]+\.[a-z]{2,}$/i.test(best.text))) return best;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Headline shape, for titles chosen from the lines of a page (scraped text has no <title>).

/** One shape a line has that a headline does not have, with why and examples (tested). */
export interface TitleShapeRule {
  why: string;
  test: (text: string) => boolean;
  examples: readonly string[];
  counterExamples: readonly string[];
}

/**
 * Words glued without a space where a link or a menu item ended ("ProfilAbmelden",
 * "HomeNewsBusiness"): two long words joined, or three words in one token. Brand names join
 * short parts ("AirPods", "BestCrypt").
 */
function hasGluedWords(text: string): boolean {
  return gluedTokens(text).length > 0;
}

/** The tokens of the line that look like words glued where links ended (see `hasGluedWords`). */
export function gluedTokens(text: string): string[] {
  return text.split(/\s+/).filter((token) => !token.startsWith('#') && (/\p{Ll}{5}\p{Lu}\p{Ll}{5}/u.test(token) || (token.match(/\p{Ll}\p{Lu}\p{Ll}/gu) ?? []).length >= 2));
}

/** The same words repeated back to back ("Suche starten Suche starten"): a button's label and its copy for screen readers. */
function isRepeatedPhrase(text: string): boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  for (let size = 1; size <= words.length / 2; size += 1) {
    if (words.length % size !== 0) continue;
    let same = true;
    for (let i = size; i < words.length && same; i += 1) same = words[i] === words[i % size];
    if (same) return true;
  }
  return false;
}

/** Relative times: "vor 4 Stunden", "3 min read", "2 hours ago", "hace 5 días", "il y a 2 jours". */
const RELATIVE_TIME = /\b(?:vor|hace|il y a|há)\s+\d+\s*\p{L}|\d+\s*\p{L}{1,8}\.?\s+(?:ago|read|lesezeit|lesedauer|de lectura|atrás)\b/iu;

/** The interface words of every language (see `ChromePhrases.interfaceWords`). */
const INTERFACE_WORDS: ReadonlySet<string> = new Set(chromeWords('interfaceWords'));

/** The line is made of interface words only, two or more of them. */
function isInterfaceLine(text: string): boolean {
  const words = titleWords(text);
  return words.length >= 2 && words.every((w) => INTERFACE_WORDS.has(w));
}

export const NOT_TITLE_SHAPES = {
  gluedMenu: {
    why: 'Menu items and link texts run together without spaces when a page is flattened to text; a headline has spaces between its words.',
    test: hasGluedWords,
    examples: ['you are here: HomeNewsBusinessMarkets', 'Mein ProfilAbmelden', 'UnternehmenNewsroomBürgerbeteiligung für den Windpark', 'Suche ein- oder ausblendenNavigation anzeigen'],
    counterExamples: [
      'YouTube removes thousands of videos after policy change',
      'McDonald opens a new restaurant in Leipzig',
      'Amazon discounts MacBooks from $700, AirPods 2 with wireless case $150',
      'BestCrypt',
      '#RieslingBirthday Posts gewinnen',
    ],
  },
  address: {
    why: 'An e-mail address, a URL or a host name is contact or link text.',
    test: (text: string) => /\S@\S+\.\p{L}|https?:\/\/|\bwww\.|\[email/iu.test(text),
    examples: ['kanzlei@anwaltniemeyer.de', 'AFP/The Local - [email protected]', 'https://de.starsinsider.com/gesundheit'],
    counterExamples: ['Twitter changes how replies to an account show up'],
  },
  credit: {
    why: 'A copyright sign or a "Foto:"/"Bild /" label marks an image caption or its credit.',
    test: (text: string) => /©|\((?:c|C)\)\s|(?<![\p{L}-])(?:foto|fotos|bild|bilder|photo|photos|image|imagen|imagem|crédito|credit|quelle|symbolbild)\s*(?::|\/\s)/iu.test(text),
    examples: ['BARD: Rotorblattwartung © BARD-Gruppe/Axel Bahr', 'Oranger Wasserstoff für die Stahlherstellung? Symbolbild / Salzgitter Flachstahl AG', 'In den Altenheimen gebe es eine hohe Impfquote, so Kessmann.Foto: Michael Bönte', 'GdP-Vize René Klemmer. Foto: GdP/Hagen Immel'],
    counterExamples: ['Foto-Wettbewerb: Die schönsten Bilder des Jahres', 'Photographers capture the eclipse', 'Neuer Blick auf das „Blue Marble“-Foto: ICON simuliert das Klimasystem'],
  },
  relativeTime: {
    why: 'A relative time or a reading time ("vor 4 Stunden", "3 min read") belongs to the date line or the teaser, not to the headline.',
    test: (text: string) => RELATIVE_TIME.test(text) && text.split(/\s+/).length <= 10,
    examples: ['Erstellt: vor 4 Stunden', 'Last updated on 20 Feb, 2020. 3 min read', 'hace 5 días', '4 Min. Lesedauer'],
    counterExamples: ['Marathon runner finishes in 2 hours 3 minutes, a world record', 'Vor dem Spiel: Was die Trainer sagen', 'Energy Rising – 33 Tage Yoga Challenge'],
  },
  counter: {
    why: 'Page counters, ratings and review counts ("Seite 1 von 2", "Based on 40 reviews") are navigation or shop widgets.',
    test: (text: string) => /^(?:seite|page|página|pagina|strona)\s+\d+\s+(?:von|of|de|di|z)\s+\d+\b|\b(?:based on|basierend auf)\s+\d+\s+\p{L}+$|^\d+\s+(?:reviews?|bewertungen|kommentare|comments?)$/iu.test(text),
    examples: ['Seite 1 von 2', 'Based on 40 reviews', '953 Kommentare'],
    counterExamples: ['Page 3 of the report reveals the truth about the budget'],
  },
  placeholder: {
    why: 'A template placeholder or an arrow link ("Verbinde mit %s", "← Previous post") is a widget, not a headline.',
    test: (text: string) => /%s|\{\{|^[←→‹>]|[→›]\s*$/u.test(text),
    examples: ['Verbinde mit %s', '← 2 Jahre CryptoParty Graz', '> “Es ist nicht zu wenig Zeit”'],
    counterExamples: ['»Haltet unsere Gewässer sauber!«', '«Liebe kennt keine Pause»', 'Von Sprachregeln, Gender-Politik und «ganz normalem Deutsch»'],
  },
  prompt: {
    why: 'An invitation to follow, share or subscribe ("Síguenos en Google News") is a widget of the page.',
    test: (text: string) =>
      /^(?:síguenos|follow us|folge uns|folgen sie uns|suivez-nous|siga-nos|seguici|share (?:this|on)|teilen auf|compartir en|partager sur|subscribe to|abonnieren sie)\b/iu.test(text),
    examples: ['Síguenos en Google News', 'Follow us on Twitter', 'Folgen Sie uns auf Facebook'],
    counterExamples: ['Share prices fall as investors flee', 'Follow the money: how the budget was spent'],
  },
  repeated: {
    why: 'The same words twice in a row are a button label and its screen-reader copy.',
    test: isRepeatedPhrase,
    examples: ['Suche starten Suche starten', 'Zu den Angeboten Zu den Angeboten Zu den Angeboten'],
    counterExamples: ['New York, New York', 'Bye bye Berlin'],
  },
  interface: {
    why: 'Buttons, menus and widgets flattened into one line ("Dark Mode Go Top", "Close this search box.") name no article.',
    test: isInterfaceLine,
    examples: ['Dark Mode Go Top', 'Close this search box.', 'APP herunterladen', 'Gefällt mir Wird geladen...', 'Mein Konto', 'Username or email address', 'Already have an account? Login here.', 'Passwort vergessen?', 'Angemeldet bleiben'],
    counterExamples: ['Search for missing climbers called off', 'Die App, die alles weiß', 'Mein Weg zurück nach oben', 'Über uns', 'Your money or your life', 'Remember me as a dancer', 'Vergessen oder verdrängt?'],
  },
  citation: {
    why: 'A footnote mark ("Conjures water[1]") follows a cited statement in a wiki\'s text or fact box; a headline cites nothing.',
    test: (text: string) => /[\p{L}\d][.,;:!?)"”’]?\[(?:\d{1,3}|src|source|citation needed)\]/iu.test(text),
    examples: ['Conjures water[1]', 'Icy blue[1]', 'Founded in 1887.[12]', '"The spell conjures clean water from the end of the wand." —Book of Spells[src]'],
    counterExamples: ['Part [2] of the report', 'Top 10 of 2024', 'The [1] and the many'],
  },
  numbers: {
    why: 'A line of numbers with at most one word (a chart axis, an article number) is data.',
    test: (text: string) => (text.match(/\p{L}{2,}/gu) ?? []).length < (text.match(/\d+(?:[.,:]\d+)*/g) ?? []).length,
    examples: ['1945 1960 1980 2000 2020', '(4)', '12 / 40'],
    counterExamples: ['2020: Das Jahr der Pandemie', 'Enterprise 2.0'],
  },
} as const satisfies Record<string, TitleShapeRule>;

/**
 * Headlines begin with a capital, a digit or a quotation mark; a line that starts with two
 * lower-case letters is more often a tag list, a slogan or a sentence cut from a paragraph
 * ("kreative, originelle und neuartige Formate"), but some headlines do ("micropolitics"): a cost
 * for the caller, not an exclusion.
 */
export function startsLowerCase(text: string): boolean {
  return /^\p{Ll}\p{Ll}/u.test(text.trim());
}

/** Lines longer than this are no headline; `notTitleShape` does not test them. */
export const MAX_SHAPE_TEXT = 400;

/** The name of the first shape rule the line has that a headline does not have, if any. */
export function notTitleShape(text: string): keyof typeof NOT_TITLE_SHAPES | undefined {
  // The shapes are tested on headline-sized lines only: some patterns are quadratic on a huge line.
  if (text.length > MAX_SHAPE_TEXT) return undefined;
  for (const [name, rule] of Object.entries(NOT_TITLE_SHAPES) as [keyof typeof NOT_TITLE_SHAPES, TitleShapeRule][]) {
    if (rule.test(text)) return name;
  }
  return undefined;
}
