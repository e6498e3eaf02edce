/**
 * Bylines written in the text of an article: `By Jane Doe`, `By Ana Ruiz and Tom Becker`,
 * `Posted on April 12, 2021 by Sam Whitaker`, `Por María González`, `Par Jean Dupont`,
 * `Von Hans Müller`, `Written by ...`, `By Jane Doe - March 11, 2021`, and the wire-service credit
 * `Tom Krisher, AP Auto Writer`.
 * A photo credit (`Photo: Elena Kovacs / Staff`) is not a byline.
 */
import type { Person } from '../../model.js';
import { alternation, authorLeads, authorWords, BYLINE_LEADS, WEAK_BYLINE_LEADS, chromeWords, LEXICONS, MONTH_WORDS, PUBLISHED_WORDS, TODAY_WORDS, UPDATED_WORDS, WEEKDAY_WORDS, YESTERDAY_WORDS } from '../lexicon/index.js';

/**
 * Words that introduce the author(s): every lexicon's `bylineLeads` and `weakBylineLeads`
 * (../lexicon/<lang>.ts), but not a lead that is also a weekday's abbreviation (German "Di" before
 * "Dienstag 14:30"). Tested on lower case.
 */
const LEAD_WORDS = [...BYLINE_LEADS, ...WEAK_BYLINE_LEADS].filter((w) => !WEEKDAY_WORDS.has(w));
/** Leads that are also frequent words ("de", "di"): only before a capitalised name. */
const WEAK_LEADS = WEAK_BYLINE_LEADS;
export const BYLINE_LEAD = new RegExp(`^(?:${alternation(LEAD_WORDS)})(?:\\s*:)?\\s+`, 'i');

/**
 * Leads that stand alone on a line above the names ("By" / "Todd Bates", "Autor" / "Georg Quaas"):
 * every strong lead, a label also without its colon.
 */
const LEAD_ALONE: ReadonlySet<string> = new Set(LEAD_WORDS.map((w) => w.replace(/\s*:$/, '')).filter((w) => !WEAK_LEADS.has(w)));

/** A line that is only a lead word ("By", "Von", "Autor:", "Written by"): the names are on the next line. */
export function isLeadAlone(line: string): boolean {
  return LEAD_ALONE.has(withoutRule(line).toLowerCase().replace(/\s*:$/, ''));
}

/**
 * A section's or a kicker's one word, then a lead that closes the line, the names on the next
 * ("Disko Von" / "Ernst Lohoff", "Tipps von" / "Marie Jaster"): the lead, else undefined. A
 * credit's noun before it ("Foto von", "Bilder von") is a picture's credit, checked by the caller.
 */
export function leadClosingLine(line: string): string | undefined {
  const m = /^([\p{L}][\p{L}-]{0,30})\s+(\p{L}+)\s*:?$/u.exec(withoutRule(line).trim());
  if (!m || !LEAD_ALONE.has((m[2] as string).toLowerCase())) return undefined;
  return m[2];
}

/** "ByJ.R. Stone", "VonChris Jung": a lead word glued to the capitalised name (a link's text run on). */
const GLUED_LEAD = /^(?:By|Von|Por|Par)(?=\p{Lu}[\p{L}.'’-]*\s\p{Lu})/u;

/**
 * The start of a line that may be a byline, for scanning markup cheaply (then `parseByline` decides).
 * One group: metadata.ts builds its label pattern from `.source`.
 */
export const BYLINE_START =
  /^\s*(?:[-–—|·•]\s+)?(?:(?:by|written by|posted by|por|par|von|text|texto|autor|autorin|auteur|author|redakteur|redakteurin|redaktion|erstellt von|gespeichert von|eingestellt von|geschrieben von|verfasst von|veröffentlicht von|publié par|publicado por)\b\s*:?|[(（【]?(?:责任编辑|作者|记者|撰文)[)）】]?\s*[:：])/i;

/** `Posted on <date> by <name>`: the name comes after the last "by"/"por"/"par"/"von". */
const POSTED_ON_BY = /^(?:posted|published|publicado|publié|veröffentlicht|publiziert|erstellt|gespeichert|eingestellt|geschrieben|verfasst|gepostet)\b/i;
/**
 * The end of a month or weekday word: no letter, digit or underscore follows. `\b` is ASCII-only
 * (even with the `u` flag), so it never ends a Cyrillic or Greek month ("5 марта 2021") and does
 * end "mar" inside "março"; the patterns with this are all 'iu'.
 */
const WORD_END = '(?![\\p{L}\\p{N}_])';
/** A line that opens with its date ("6. Dezember 2022 von Fatima in Gefühle", "12/26/2019 by Jo Lee"). */
const DATE_FIRST = new RegExp(`^(?:\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|\\d{1,2}\\.?\\s+(?:${alternation(MONTH_WORDS)})${WORD_END}|(?:${alternation(MONTH_WORDS)})\\.?\\s+\\d)`, 'iu');
/** " by ", " von " before the name; after a date or a label also glued to it ("2016 vonChris Jung"). */
const LATE_BY = /\s(?:by|por|par|von)\s+|(?<=[\s\d])(?:by|von)(?=\p{Lu}\p{Ll})/gu;

/** The credit of a line's pictures right before its "by" ("Art by", "Photos by", "Illustrations by", "Fotos von"). */
const CREDIT_BEFORE_BY = /(?:^|[\s•·|/–—-])(?:art|artwork|photos?|photographs?|photography|images?|pictures?|illustrations?|drawings?|video|fotos?|bilder?|grafiken?|illustrationen?)$/i;

/** A photo or image credit names a photographer, not an author. */
export const PHOTO_CREDIT =
  /^(?:photo|photos|photograph|photography|image|images|picture|pictures|foto|fotos|fotografía|fotografia|imagen|imagem|bild|bilder|crédit|credit|credits|crédito|quelle|source|fuente|fonte|illustration|video|vídeo)\b\s*(?:by|de|von|par|por|:|\/|©|-|–|—)/i;

/**
 * A wire-service credit line: the name, a comma, then the writer's role and no lead word
 * ("Tom Krisher, AP Auto Writer", "Jane Doe, Staff Reporter"). The role is at most five words
 * and ends in a job title, so a sentence never matches.
 */
export const ROLE_BYLINE = /^([^,]{3,60}),\s+(?:[\p{L}.&'’-]+\s+){0,4}(?:writer|reporter|correspondent|editor|columnist|contributor)$/iu;

/** Separators between several authors (in a byline, a meta author, a JSON-LD name). */
export const AUTHOR_SPLIT = /\s*(?:,\s*(?:and|y|e|et|und)\s+|\s(?:and|&|y|e|et|und)\s|,|;)\s*/i;

/** A date written with a month name first ("March 9", "Sept. 3", "März 9"), in every lexicon language. */
const MONTH_FIRST = `(?:${alternation(MONTH_WORDS)})\\.?\\s+\\d`;
const WEEKDAY = `(?:${alternation(WEEKDAY_WORDS)})`;
/** What a count after a byline counts ("5 Comments", "Kommentare 4"): the lexicons' counter nouns. */
const COUNTER_NOUNS = alternation([...chromeWords('counterNouns'), 'kommentar', 'comentario', 'commentaire']);
/** A count beside a byline's name, as a segment of its own ("Kommentare 34", "7 comments", "Keine Kommentare"). */
const COUNTER_SEGMENT = new RegExp(`^(?:\\d+\\s*(?:${COUNTER_NOUNS})|(?:${COUNTER_NOUNS})\\s*\\d+|(?:no|keine|aucun|sin|nessun)\\s+(?:${COUNTER_NOUNS}))$`, 'iu');

/**
 * The segment is another date or time ("28. Juni 2019 | 14. Januar 2020 | Jane Doe": the updated
 * date beside the published one): numbers and calendar words only.
 */
function isCalendarSegment(segment: string): boolean {
  const words = segment.toLowerCase().match(/\p{L}+\.?/gu) ?? [];
  return words.length <= 4 && /\d/.test(segment) && words.every((w) => MONTH_WORDS.has(w) || MONTH_WORDS.has(w.replace(/\.$/, '')) || WEEKDAY_WORDS.has(w.replace(/\.$/, '')) || /^(?:uhr|am|pm|h|de|del|of)$/.test(w.replace(/\.$/, '')));
}

/** The segment is a count ("Kommentare 34", "7 comments"), not a name or a category. */
export function isCounterSegment(segment: string): boolean {
  return COUNTER_SEGMENT.test(segment.trim());
}

/**
 * Date labels that may follow the name on a byline ("von Herr_Rein Veröffentlicht am 11. Juni 2019",
 * "Evgenia Karp Zuletzt geändert am 06.11.2023"): the lexicons' published and updated words of five
 * letters or more (not "le", "date", "stand", which also stand in names and sentences).
 */
const DATE_LABEL = alternation([...PUBLISHED_WORDS, ...UPDATED_WORDS].filter((w) => w.length >= 5 && !['stand', 'datum'].includes(w)));

/** Where the names end and a role, outlet or date begins: ", March 9, 2025", " on Monday", ", published ...". */
const NAME_END = new RegExp(
  `\\s+(?:[-–—|•·~/@]|\\/\\/)\\s+|\\s+(?:\\d+\\s+(?:${COUNTER_NOUNS})|(?:${COUNTER_NOUNS})\\s*\\d+)(?![\\p{L}])|\\s*[|•·]\\s*|\\s*\\(|,\\s*(?=\\d|${MONTH_FIRST}|(?:published|updated|posted)\\b)|\\s+(?:on|el|le|am|em|vom|du)\\s+(?=\\d|${MONTH_FIRST}|${WEEKDAY}(?![\\p{L}]))` +
    // " um 21:11", " at 10:30", " à 08:00"; a date or a time right after the name; " in <category>"; a label ("Kategorien:");
    // a social network's link or a follow button after the name ("Jane Doe Twitter Account von Jane Doe", "Jane Doe Folgen").
    `|\\s+(?=(?:twitter|facebook|instagram|linkedin|mastodon|youtube|tiktok|follow|folgen)(?![\\p{L}]))|\\s+(?:um|at|à|às|alle|a las)\\s+(?=\\d)|\\s*(?<![\\p{L}\\d])(?=\\d{1,2}[./:]\\d{1,2}|\\d{4}\\b|\\d{1,2}\\.?\\s+(?:${alternation(MONTH_WORDS)})${WORD_END}|${MONTH_FIRST})|\\s+in\\s+(?=\\p{Lu})|\\s+(?=[\\p{L}-]+:(?:\\s|$))|\\s+(?=(?:${DATE_LABEL})(?![\\p{L}]))`,
  'iu',
);
/** "Anna Schmidt | March 3, 2025": a name, a separator, then a date (a year or a month name and day). */
const NAME_THEN_DATE = new RegExp(`^([^|•·]{3,60}?)\\s*[|•·]\\s*(?=.*(?:\\d{4}|${MONTH_FIRST}))`, 'i');
/**
 * "Nike Jane – 14.09.2022", "Georg Quaas, 21. Jan. 2015", "Ariel Melgar Cabrera 3/5/2022 22:41": a
 * name, then a dash, a comma or nothing, then a written date at once.
 */
const NAME_BEFORE_DATE = new RegExp(
  `^([^|•·,–—\\d]{3,60}?)(?:\\s+[-–—~]\\s+|,\\s*|\\s+(?:(?:${DATE_LABEL})(?:\\s+(?:am|on|le|el|em|il)|\\s*:)?\\s+)?)(?=\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{4}-\\d\\d-\\d\\d|\\d{1,2}\\.?\\s+(?:${alternation(MONTH_WORDS)})${WORD_END}|${MONTH_FIRST})`,
  'iu',
);

/**
 * "Jane DoeMarch 9, 2020": a name glued to a capitalised month name (a link's text run on). Not
 * in `NAME_BEFORE_DATE`: under its `i` flag `\p{Lu}` is any letter, and "Layout 3" or "About 278"
 * read as "Lay"/"Ab" glued to Portuguese "out[ubro] 3".
 */
const NAME_GLUED_DATE = new RegExp(`^([^|•·,–—\\d]{3,60}?\\p{Ll})(?=(?:${alternation([...MONTH_WORDS].map((w) => w.charAt(0).toUpperCase() + w.slice(1)))})\\.?\\s+\\d)`, 'u');

/**
 * Month names of one language that are frequent given names in others (Portuguese "marco" for
 * "março", Spanish "julio", German "August", English "April", "June", "May"): as the first of
 * several words, before a capitalised word, they open a person's name ("Marco Rossi").
 */
const GIVEN_NAME_MONTHS: ReadonlySet<string> = new Set(['marco', 'julio', 'august', 'april', 'june', 'may']);

/** A month or weekday name among the words: "Termine Januar – Mai 2020" is no name before its date. */
function hasCalendarWord(text: string): boolean {
  const words = text.toLowerCase().split(/\s+/);
  const givenFirst = words.length >= 2 && GIVEN_NAME_MONTHS.has(words[0] as string) && /^\s*\S+\s+\p{Lu}/u.test(text);
  return words.some((w, i) => (i > 0 || !givenFirst) && (MONTH_WORDS.has(w.replace(/[.,]$/, '')) || WEEKDAY_WORDS.has(w.replace(/[.,]$/, ''))));
}

/** Lower-case particles allowed inside a name (`Juan de la Cruz`, `Ursula von der Leyen`). */
const NAME_PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'del', 'della', 'der', 'den', 'la', 'le', 'van', 'von', 'zu', 'y', 'bin', 'al', 'ibn', 'di', 'du', 'st.', 'e']);

/** Words that look like a capitalised name but say the line is a role or an outlet, not a person. */
const NOT_NAME_WORDS = new Set([
  'staff',
  'reporter',
  'editor',
  'editors',
  'contributor',
  'correspondent',
  'writer',
  'news',
  'press',
  'associated',
  'reuters',
  'agency',
  'agencia',
  'agence',
  'redacción',
  'rédaction',
  'redaktion',
  'redação',
  'team',
  'desk',
  'admin',
  'guest',
  'the',
  'updated',
  'published',
  'posted',
  'photo',
  'share',
  'comments',
  'comment',
  'read',
  'more',
  'minutes',
  'minute',
  'min',
  'ago',
  'home',
  'menu',
]);

/**
 * The lexicon's frequent words ("die", "and") and date labels ("Actualizado", "Veröffentlicht")
 * are not part of a name; name particles ("de", "von", "der") are.
 */
const LEXICON_NOT_NAME: ReadonlySet<string> = new Set(
  [...LEXICONS.flatMap((l) => l.stopwords), ...PUBLISHED_WORDS, ...UPDATED_WORDS].filter((w) => !NAME_PARTICLES.has(w) && !w.includes(' ')),
);

/** The one-word labels of share bars, menus, comment actions and ad slots ("Teilen", "Link", "Reply"): not in a name. */
const CHROME_LABEL_WORDS: ReadonlySet<string> = new Set(
  (['shareWords', 'navigationLabels', 'commentActions', 'adLabels', 'cookieAccept', 'breadcrumbRoots'] as const).flatMap((key) => chromeWords(key)).filter((w) => !w.includes(' ')),
);

const LEXICON_STOPWORDS: ReadonlySet<string> = new Set(LEXICONS.flatMap((l) => l.stopwords));
/** Words that open labels and phrases, never a bare name. */
const PHRASE_OPENERS: ReadonlySet<string> = new Set(['in', 'im', 'mein', 'meine', 'my', 'a', 'an', 'our', 'unsere', 'les', 'los', 'las', 'il', 'zum', 'zur', 'vom', 'beim', 'ins']);

const MAX_BYLINE_LENGTH = 160;

/** Parse a byline into its authors; undefined when the line is not a byline. */
export function parseByline(line: string): Person[] | undefined {
  const text = withoutRule(line);
  if (text.length === 0 || text.length > MAX_BYLINE_LENGTH) return undefined;
  if (PHOTO_CREDIT.test(text)) return undefined;
  const found = bylineNames(text);
  if (found === undefined) return undefined;
  return namesToPeople(found.names, found.handle);
}

/**
 * Split a byline into the part naming the authors and the rest (a date, a role, an outlet),
 * so the caller can read a date from the rest. Undefined when the line is not a byline.
 */
export function splitByline(line: string): { authors: Person[]; rest: string } | undefined {
  const text = withoutRule(line);
  if (text.length === 0 || text.length > MAX_BYLINE_LENGTH) return undefined;
  if (PHOTO_CREDIT.test(text)) return undefined;
  const found = bylineNames(text);
  if (found === undefined) return undefined;
  const { names } = found;
  const authors = namesToPeople(names, found.handle);
  if (!authors) return undefined;
  const at = text.indexOf(names);
  const rest = `${text.slice(0, at)} ${text.slice(at + names.length)}`.replace(/\s+/g, ' ').trim();
  return { authors, rest };
}

/**
 * The line with its spaces collapsed and a leading rule of dashes ("---- by Kenneth Surin") or a
 * separator left from the field before it ("- Redaktion: Jane Doe", "| Von Jana Dorn") removed.
 */
function withoutRule(line: string): string {
  return line
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:[-–—=_~*]{2,}\s*|[-–—|·•] )/, '');
}

/** Separators between the parts of a header line ("Home | By Jane Doe | 3 May", "12:00 // Author: jd // 3 min"). */
const SEGMENT_SEPARATOR = /\s+(?:\/\/|[|•·~@])\s+|\s+[-–—]\s+/g;

/** The substring holding the names, or undefined: the line read whole, else its first part that opens with a lead word. */
function bylineNames(text: string): { names: string; handle: boolean } | undefined {
  const whole = lineNames(text);
  if (whole !== undefined) return whole;
  SEGMENT_SEPARATOR.lastIndex = 0;
  let from = 0;
  for (let m = SEGMENT_SEPARATOR.exec(text); ; m = SEGMENT_SEPARATOR.exec(text)) {
    const segment = text.slice(from, m ? m.index : text.length);
    if (from > 0 && (BYLINE_LEAD.test(segment) || GLUED_LEAD.test(segment))) {
      const found = lineNames(segment);
      if (found !== undefined) return found;
    }
    if (!m) return undefined;
    from = m.index + m[0].length;
  }
}

/**
 * A Chinese byline: a label, a colon, then one to four names of two to four Han characters
 * ("责任编辑：张伟", "（作者：李娜 王芳）", "记者：陈静"). The label says the line is a byline, so the
 * names need no capitals (Han script has none); nothing else may follow but a closing bracket.
 * "编辑：" alone is not a lead: pages print it over a channel's or a page's editor as well.
 */
const HAN_BYLINE = /^[(（【]?(?:责任编辑|作者|记者|撰文)[)）】]?\s*[:：]\s*(\p{sc=Han}{2,4}(?:[\s、，,]+\p{sc=Han}{2,4}){0,3})\s*[)）】]?$/u;
const HAN_NAME = /^\p{sc=Han}{2,4}$/u;

/** A job title's last word, in lower case after its capitalised first ("Education editor", "Chief political correspondent"). */
const TITLE_NOUN = /^(?:editor|correspondent|reporter|writer|columnist)$/;

/**
 * "Richard Roe Education editor", "Jane Doe Chief political correspondent": a person's full name,
 * then with no comma a job title that opens capitalised and goes on in lower case to a role noun.
 */
function nameBeforeTitle(text: string): string | undefined {
  const words = text.split(' ');
  if (words.length < 4 || words.length > 10 || !TITLE_NOUN.test(words[words.length - 1] as string)) return undefined;
  let at = words.length - 2;
  while (at > 0 && /^\p{Ll}+$/u.test(words[at] as string)) at -= 1;
  if (at < 2 || !/^\p{Lu}[\p{L}-]*$/u.test(words[at] as string)) return undefined;
  const name = words.slice(0, at).join(' ');
  return at <= 4 && isBareAuthorLine(name) ? name : undefined;
}

/** The substring holding the names when the line is one byline, or undefined. */
function lineNames(text: string): { names: string; handle: boolean } | undefined {
  const han = HAN_BYLINE.exec(text);
  if (han?.[1] !== undefined) return { names: han[1], handle: true };
  const lead = BYLINE_LEAD.exec(text);
  const glued = lead ? null : GLUED_LEAD.exec(text);
  let after: string | undefined;
  // A dated "posted ... by" line names its author plainly, even as a lower-case user name ("gizzmo").
  let handle = false;
  if (glued) {
    after = text.slice(glued[0].length);
  } else if (lead) {
    // "de" alone is too common a word in Spanish, French and Portuguese prose; only accept it when
    // what follows is entirely a name.
    after = text.slice(lead[0].length);
    if (WEAK_LEADS.has(lead[0].trim().toLowerCase()) && !/^\p{Lu}/u.test(after)) return undefined;
    // A dated byline names its author plainly, even as a user name ("von eseppelt · 31. Oktober 2023").
    handle = DATED.test(after);
  } else if (POSTED_ON_BY.test(text) || DATE_FIRST.test(text)) {
    let last: RegExpExecArray | null = null;
    let before: RegExpExecArray | null = null;
    LATE_BY.lastIndex = 0;
    for (let m = LATE_BY.exec(text); m !== null; m = LATE_BY.exec(text)) {
      // "• Art by Koji", "| Photos by Ana Ruiz": a credit for the pictures, not the author.
      if (CREDIT_BEFORE_BY.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
      before = last;
      last = m;
    }
    if (last === null) return undefined;
    // "Posted 11. April 2018 by Walter von Aachen": a "von" right after the first name of a name an
    // earlier lead opens is the name's particle, not a second lead.
    if (before !== null && /^\s*von\s/i.test(last[0]) && /^\p{Lu}[\p{L}'’.-]*$/u.test(text.slice(before.index + before[0].length, last.index))) last = before;
    after = text.slice(last.index + last[0].length);
    handle = DATED.test(text);
  } else {
    const role = ROLE_BYLINE.exec(text);
    if (role?.[1] !== undefined && looksLikePersonName(role[1])) return { names: role[1].trim(), handle: false };
    const titled = nameBeforeTitle(text);
    if (titled !== undefined) return { names: titled, handle: false };
    // No lead word: only a full name (two words or more) right before a date counts.
    const dated = (NAME_THEN_DATE.exec(text) ?? NAME_BEFORE_DATE.exec(text) ?? NAME_GLUED_DATE.exec(text))?.[1]?.trim();
    if (dated !== undefined && isDeskName(dated)) return { names: dated, handle: false };
    return dated?.includes(' ') && looksLikePersonName(dated) && !hasCalendarWord(dated) ? { names: dated, handle: false } : undefined;
  }
  const end = NAME_END.exec(after);
  const names = withoutFinalStop((end ? after.slice(0, end.index) : after).replace(/[,;:]+$/, '').trim());
  if (names.length === 0) return undefined;
  const kept = withoutTail(names);
  // "Von Sprachregeln, Gender-Politik und «ganz normalem Deutsch»": one word, then a list that
  // goes on in lower-case words, is a phrase the preposition opens, not a name and its role.
  if (!kept.includes(' ') && kept !== names && proseTail(names.slice(kept.length))) return undefined;
  return { names: kept, handle };
}

/** The stop that ends a byline goes; the one of a final initial or suffix stays ("Joe S.", "Perry Bacon Jr."). */
function withoutFinalStop(names: string): string {
  if (/(?:^|[\s.])(?:\p{Lu}|Jr|Sr)\.$/u.test(names)) return names;
  return names.replace(/[.,;:]+$/, '').trim();
}

/** Lower-case words other than conjunctions and name particles: the rest of a phrase, not a role or an outlet ("Reuters"). */
function proseTail(tail: string): boolean {
  if (/\b(?:writer|reporter|correspondent|editor|columnist|contributor|redakteur|redakteurin|journalist|journalistin)\b/i.test(tail)) return false;
  let words = 0;
  for (const word of tail.split(/[\s,;«»"“”„]+/).slice(0, 40)) {
    if (/^\p{Ll}{2,}$/u.test(word) && !NAME_PARTICLES.has(word) && !['and', 'und', 'et', 'y', 'e', 'or', 'oder', 'ou', 'o'].includes(word)) words += 1;
  }
  return words >= 2;
}

/** A written date somewhere in a line: a numeric date, a time, a day and month, or a year. */
const DATED = new RegExp(`\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|\\d:\\d\\d|\\b\\d{4}\\b|\\d{1,2}\\.?\\s+(?:${alternation(MONTH_WORDS)})${WORD_END}|${MONTH_FIRST}`, 'iu');

/** A user name as blogs print it: one word, letters first, maybe digits, dots, dashes ("gizzmo", "uriebe"). */
const USER_HANDLE = /^\p{L}[\p{L}\d._-]{2,30}$/u;

/**
 * "Steve Adams, Staff Writer", "Jane Doe and Sam Roe, Reuters": after a comma, what is not a full
 * name (two words or more) is a role or an outlet, and the names end there.
 */
function withoutTail(names: string): string {
  const parts = names.split(/,\s*/);
  let keep = 1;
  while (keep < parts.length) {
    const part = (parts[keep] ?? '').replace(/^(?:and|y|e|et|und)\s+/i, '');
    const people = part.split(/\s(?:and|&|y|e|et|und)\s/i);
    if (!people.every((p) => p.trim().includes(' ') && looksLikePersonName(p))) break;
    keep += 1;
  }
  return parts.slice(0, keep).join(', ');
}

/**
 * The newsroom signing as itself ("Redaktion", "Staff Writer", "Die Redaktion", "Staff and news
 * service reports"): a byline names it where a person's name would stand, so it is the item's
 * author as the page states it. Only taken from a byline (after a lead word, or right before the
 * date), never from a line alone.
 */
const DESK_NAME = /^(?:the\s+|die\s+|la\s+|le\s+|el\s+)?(?:staff|editorial\s+staff|redaktion|redakteur|newsdesk|news\s+desk|redacción|rédaction|redazione|redação)\b[\p{L}\s]{0,40}$/iu;

/**
 * The outlet's newsroom by the outlet's name ("Beispiel Blog Redaktion", "beispiel.de Redaktion", "Muster-IT Webteam",
 * "Muster News Redaktion"): one to three words of a name, then the newsroom word, after a lead
 * word or before a date like the desk names above; none of the words a frequent word ("der").
 */
const OUTLET_DESK = /^[\p{L}\d][\p{L}\d.&'’-]*(?:\s+[\p{L}\d][\p{L}\d.&'’-]*){0,2}\s+(?:redaktion|redaktionsteam|team|webteam|newsroom|redacción|rédaction|redazione|redação)$/iu;

export function isDeskName(names: string): boolean {
  const text = names.trim();
  if (OUTLET_DESK.test(text) && text.split(/\s+/).every((w) => !LEXICON_STOPWORDS.has(w.toLowerCase()) && !NAME_PARTICLES.has(w.toLowerCase()))) return true;
  return DESK_NAME.test(text) && text.split(/\s+/).length <= 6 && /^\p{Lu}/u.test(text);
}

/**
 * A press credit as German-language newsrooms sign a byline: the editor's initials and the
 * agency, in lower case, joined by slashes ("det/dpa", "ank/afp", "dpa/lnw"). Only after a lead
 * ("Von: det/dpa"): a byline names it where a name would stand.
 */
const PRESS_CREDIT = /^\p{Ll}{2,5}(?:\/\p{L}{2,5}){1,2}$/u;

/** `PRESS_CREDIT`, none of its parts a frequent word ("und/oder", "and/or"). */
function isPressCredit(name: string): boolean {
  return PRESS_CREDIT.test(name) && name.split('/').every((part) => !LEXICON_STOPWORDS.has(part.toLowerCase()) && !NOT_NAME_WORDS.has(part.toLowerCase()));
}

function namesToPeople(names: string, handle = false): Person[] | undefined {
  if (isDeskName(names)) return [{ name: names.trim() }];
  const people: Person[] = [];
  // Han names come only from a labelled Chinese byline (`HAN_BYLINE`), split at spaces and enumeration commas.
  if (handle && /^\p{sc=Han}/u.test(names)) {
    for (const part of names.split(/[\s、，,]+/)) if (HAN_NAME.test(part)) people.push({ name: part });
    return people.length > 0 ? people : undefined;
  }
  for (const part of names.split(AUTHOR_SPLIT)) {
    if (part.trim().length === 0) continue;
    const name = cleanAuthorName(part);
    if (name === undefined) return undefined;
    const lower = name.toLowerCase();
    const isHandle =
      handle && USER_HANDLE.test(name) && !NOT_NAME_WORDS.has(lower) && !NOT_AUTHOR.has(lower) && !LEXICON_NOT_NAME.has(lower) && !TODAY_WORDS.has(lower) && !YESTERDAY_WORDS.has(lower) && !hasCalendarWord(name);
    if (!isHandle && !isPressCredit(name) && !looksLikePersonName(name)) return undefined;
    people.push({ name });
  }
  return people.length > 0 ? people : undefined;
}

/**
 * A person's name: 1 to 5 capitalised words (particles allowed), no digits, not a role or outlet.
 * Used for bylines and for the bare author line above a date in blog layouts.
 */
export function looksLikePersonName(text: string): boolean {
  const name = text.trim();
  if (name.length < 2 || name.length > 60) return false;
  if (/[\d@#:!?"“”]/.test(name)) return false;
  // A host name ("Vegolosi.it", "example.com") is a site, not a person.
  if (/\p{L}\.\p{Ll}{2,}$/u.test(name)) return false;
  const tokens = name.split(/\s+/);
  if (tokens.length > 5) return false;
  let capitalised = 0;
  for (const token of tokens) {
    const lower = token.toLowerCase();
    if (NOT_NAME_WORDS.has(lower.replace(/[.,]$/, '')) || LEXICON_NOT_NAME.has(lower)) return false;
    if (NAME_PARTICLES.has(lower)) continue;
    // "Jane", "O'Neil", "Jean-Luc", "J.", "McDonald", "Ana-María"
    if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(token)) return false;
    capitalised += 1;
  }
  return capitalised >= 1 && capitalised <= 5;
}

// ---------------------------------------------------------------------------------------------
// Author names as pages write them in markup and metadata (meta author, JSON-LD, rel=author,
// elements classed "author"/"byline"): one grammar for the HTML and the text extractor.
// The words are the lexicons' (../lexicon/<lang>.ts): leads, `author` words, `commentSays`.

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const byLength = (a: string, b: string): number => b.length - a.length;
const longestFirst = (words: Iterable<string>): string[] => [...new Set(words)].sort(byLength);

/** "Zeige alle Beiträge von", "Redakteur:", "Written by", "By" before a name (also glued: "OFJane"). */
const NAME_LEAD = new RegExp(`^(?:${longestFirst(authorLeads()).map((l) => (/[:\s]$/.test(l) || /\s/.test(l) ? `${escapeRe(l)}\\s*` : `${escapeRe(l)}(?:\\s*:)?\\s+`)).join('|')})`, 'iu');
/** The text without the lead before its names ("By Jane Doe and Sam Roe" -> "Jane Doe and Sam Roe"). */
export function withoutNameLead(text: string): string {
  return text.trim().replace(NAME_LEAD, '');
}

/** "… Twitter", "… Follow", "… more articles", "→" after a name. */
const NAME_TRAIL = new RegExp(`(?:\\s+|\\s*[|·•,]\\s*)(?:${longestFirst(authorWords('trail')).map(escapeRe).join('|')})\\s*$`, 'iu');
/** "Jane says:", "Jane sagt:" — a comment's signature. */
const COMMENT_SIGNATURE = new RegExp(`\\s(?:${longestFirst(chromeWords('commentSays')).map(escapeRe).join('|')})\\s*:?\\s*$`, 'iu');
const ORGANISATION_WORDS: ReadonlySet<string> = new Set(authorWords('organisation'));
const NOT_AUTHOR: ReadonlySet<string> = new Set(authorWords('notAuthor'));
/** A name followed by " am Samstag", " on Monday", " le 3 mars": the date goes. */
const NAME_THEN_DAY = /\s+(?:am|on|le|el|il|em)\s+(?:\d|\p{L}+tag\b|mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim).*$/iu;

/** A name, a comma, then a domain name: the outlet ("Jane Doe, example.com"). */
const DOMAIN_TAIL = /^([^,]{3,60}),\s+(?:[\p{L}\d-]{1,40}\.){1,3}\p{L}{2,6}$/u;

/**
 * One author name as markup or metadata gives it, cleaned: a role or "posted by" lead, a trailing
 * link word ("Twitter", "Follow", "→"), a day after the name go; a doubled name ("Jane DoeJane Doe")
 * is kept once. Undefined for what is not a name at all: a label ("Posted on", "Datum:"), a
 * placeholder ("admin", "anónimo"), a comment signature ("Jane says:"), a URL.
 */
export function cleanAuthorName(raw: string): string | undefined {
  let name = raw.replace(/\s+/g, ' ').trim();
  if (name === '' || /^https?:\/\//i.test(name) || /@/.test(name)) return undefined;
  if (COMMENT_SIGNATURE.test(name)) return undefined;
  for (let i = 0; i < 3; i += 1) {
    const before = name;
    name = name.replace(NAME_LEAD, '').replace(NAME_TRAIL, '').replace(NAME_THEN_DAY, '').trim();
    name = name.replace(/^[\s\p{P}\p{S}]+|[\s,;:|·•→»\-–—]+$/gu, '').trim();
    if (name === before) break;
  }
  // "Tom Krisher, AP Auto Writer", "Jane Doe, example.com" as one structured name: the role or the
  // outlet's domain after the comma goes.
  const role = ROLE_BYLINE.exec(name) ?? DOMAIN_TAIL.exec(name);
  if (role?.[1] !== undefined && looksLikePersonName(role[1])) name = role[1].trim();
  // "Jane DoeJane Doe": the same text twice (a visible name and a screen-reader copy).
  const half = name.length / 2;
  if (Number.isInteger(half) && half > 1 && name.slice(0, half) === name.slice(half)) name = name.slice(0, half).trim();
  const words = name.split(' ');
  if (words.length % 2 === 0 && words.length >= 2 && words.slice(0, words.length / 2).join(' ') === words.slice(words.length / 2).join(' ')) name = words.slice(0, words.length / 2).join(' ');
  if (name.length < 2 || name.length > 80) return undefined;
  if (NOT_AUTHOR.has(name.toLowerCase()) || /^\S*admin\S*$/i.test(name)) return undefined;
  if (!/\p{L}/u.test(name)) return undefined;
  // Lower-case initials or a credit ("mf", "zvg", "cpm") are not a name; a user name ("marc") is.
  if (/^\p{Ll}[\p{L}._-]{0,2}$/u.test(name)) return undefined;
  return name;
}

/** Lower-cased letters and digits of a name, for comparing names written differently. */
function nameKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The site's own name (og:site_name, the publisher, the host): equal, or one inside the other.
 * Personal blogs are named after their author, so this is a hint, not a verdict.
 */
export function isSiteName(name: string, siteNames: readonly string[]): boolean {
  const key = nameKey(name);
  if (key === '') return false;
  for (const site of siteNames) {
    const s = nameKey(site);
    if (s.length >= 3 && (key === s || (key.length >= 4 && s.includes(key)) || (s.length >= 4 && key.includes(s)))) return true;
  }
  return false;
}

/**
 * A name that is an organisation, an outlet or a place, not a person: it contains an
 * organisation word ("GmbH", "Redaktion", "Media", "Deutschland"), is a domain ("oe24.at") or a
 * single all-capital acronym ("EFE", "BDZV").
 */
export function isOrganisationName(name: string): boolean {
  if (nameKey(name) === '') return true;
  if (/\.[a-z]{2,6}$/i.test(name) || /^www\./i.test(name)) return true;
  const words = name.toLowerCase().split(/[\s,;/()_-]+/).filter(Boolean);
  if (words.some((w) => ORGANISATION_WORDS.has(w) || ORGANISATION_WORDS.has(w.replace(/[.,:]+$/, '')))) return true;
  if (words.length === 1 && /^[\p{Lu}\d&-]{2,}$/u.test(name) && /\p{Lu}{2}/u.test(name)) return true;
  return false;
}

/** Two spellings of one person ("Guido Beyss" / "Guido Beyß" aside): same letters, or one name inside the other. */
export function sameName(a: string, b: string): boolean {
  const x = nameKey(a);
  const y = nameKey(b);
  return x !== '' && y !== '' && (x === y || (Math.min(x.length, y.length) >= 5 && (x.includes(y) || y.includes(x))));
}

/**
 * A blog's user name on a date line ("reineckefuchs — 2. Februar 2022", "HansEhrlich 17.10.2019"):
 * one word in lower case or with a capital inside (a capitalised word alone is as often a section,
 * "Politik"), not a frequent word, a label or a calendar word.
 */
export function isUserHandle(text: string): boolean {
  const name = text.trim();
  if (!USER_HANDLE.test(name) || hasCalendarWord(name)) return false;
  if (!/^\p{Ll}/u.test(name) && !/\p{Ll}\p{Lu}|_/u.test(name)) return false;
  const lower = name.toLowerCase();
  if (LEXICON_NOT_NAME.has(lower) || LEXICON_STOPWORDS.has(lower) || NOT_NAME_WORDS.has(lower) || NOT_AUTHOR.has(lower)) return false;
  return cleanAuthorName(name) === name;
}

/**
 * The author's bare name on a line of its own (blog layouts put it above the date): a person's
 * name of two words or more ("Todd Bates"), not a label ("Date"), an organisation or a section
 * word; one capitalised word above a date is far more often a section ("Wissen", "Política").
 */
export function isBareAuthorLine(text: string): boolean {
  const name = text.trim();
  if (!name.includes(' ') || !looksLikePersonName(name) || hasCalendarWord(name)) return false;
  // A name starts with a name, not with an article or a particle ("Der Turm der Wünsche", "In den Warenkorb").
  const first = (name.split(' ')[0] as string).toLowerCase();
  if (NAME_PARTICLES.has(first) || LEXICON_STOPWORDS.has(first) || PHRASE_OPENERS.has(first)) return false;
  if (cleanAuthorName(name) !== name || isOrganisationName(name)) return false;
  if (name.split(' ').some((w) => CHROME_LABEL_WORDS.has(w.toLowerCase()))) return false;
  // A name does not end in an abbreviated word ("Fútbol Int.", "Sport Reg."; an initial or "Jr." aside).
  if (/\s\p{Lu}\p{Ll}+\.$/u.test(name) && !/\s(?:Jr|Sr)\.$/u.test(name)) return false;
  // Written as names are: no word of four capitals or more ("PAID CONTENT" is a label).
  return !/\p{Lu}{4}/u.test(name);
}

/**
 * The one segment of a date line's rest, between separators, that is a person's bare name
 * ("11.12.2019 - Amelie Loevenich", "04.02.2022 | 13:10 Uhr | Uta Helkenberg"): the text reader's and
 * the HTML reader's (a date line the post-filter drops).
 */
export function bareNameSegment(rest: string): string | undefined {
  if (rest.length > 160) return undefined;
  const segments = rest
    .split(/\s*[|•·–—~/]\s*|\s+-\s+|^-\s*|\s*-$/)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s) && !isCounterSegment(s) && !isCalendarSegment(s));
  const first = segments[0];
  return segments.length === 1 && first !== undefined && isBareAuthorLine(first) ? first : undefined;
}
