/**
 * Bylines written in the text of an article: `By Jane Doe`, `By Ana Ruiz and Tom Becker`,
 * `Posted on April 12, 2021 by Sam Whitaker`, `Por María González`, `Par Jean Dupont`,
 * `Von Hans Müller`, `Written by ...`, `By Jane Doe - March 11, 2021`, and the wire-service credit
 * `Tom Krisher, AP Auto Writer`.
 * A photo credit (`Photo: Elena Kovacs / Staff`) is not a byline.
 */
import type { Person } from '../../model.js';
import { alternation, MONTH_WORDS, WEEKDAY_WORDS } from '../lexicon/index.js';

/** Words that introduce the author(s), in the five supported languages. Tested on lower case. */
export const BYLINE_LEAD =
  /^(?:by|written by|words by|posted by|story by|text by|reporting by|por|escrito por|publicado por|texto de|texto:|par|écrit par|publié par|von|geschrieben von|autor:|autora:|author:|authors:|auteur\s?:|autor(?:es)?\s?:|de)\s+/i;

/** `Posted on <date> by <name>`: the name comes after the last "by"/"por"/"par"/"von". */
const POSTED_ON_BY = /^(?:posted|published|publicado|publié|veröffentlicht)\b/i;
const LATE_BY = /\s(?:by|por|par|von)\s+/gi;

/** A photo or image credit names a photographer, not an author. */
export const PHOTO_CREDIT =
  /^(?:photo|photos|photograph|photography|image|images|picture|pictures|foto|fotos|fotografía|fotografia|imagen|imagem|bild|bilder|crédit|credit|credits|crédito|quelle|source|fuente|fonte|illustration|video|vídeo)\b\s*(?:by|de|von|par|por|:|\/|©|-|–|—)/i;

/**
 * A wire-service credit line: the name, a comma, then the writer's role and no lead word
 * ("Tom Krisher, AP Auto Writer", "Jane Doe, Staff Reporter"). The role is at most five words
 * and ends in a job title, so a sentence never matches.
 */
export const ROLE_BYLINE = /^([^,]{3,60}),\s+(?:[\p{L}.&'’-]+\s+){0,4}(?:writer|reporter|correspondent|editor|columnist|contributor)$/iu;

/** Separators between several authors. */
const AUTHOR_SPLIT = /\s*(?:,\s*(?:and|y|e|et|und)\s+|\s(?:and|&|y|e|et|und)\s|,|;)\s*/i;

/** A date written with a month name first ("March 9", "Sept. 3", "März 9"), in every lexicon language. */
const MONTH_FIRST = `(?:${alternation(MONTH_WORDS)})\\.?\\s+\\d`;
const WEEKDAY = `(?:${alternation(WEEKDAY_WORDS)})`;
/** Where the names end and a role, outlet or date begins: ", March 9, 2025", " on Monday", ", published ...". */
const NAME_END = new RegExp(
  `\\s+[-–—|•·]\\s+|\\s*[|•·]\\s*|\\s*\\(|,\\s*(?=\\d|${MONTH_FIRST}|(?:published|updated|posted)\\b)|\\s+(?:on|el|le|am|em)\\s+(?=\\d|${MONTH_FIRST}|${WEEKDAY}(?![\\p{L}]))`,
  'iu',
);
/** "Anna Schmidt | March 3, 2025": a name, a separator, then a date (a year or a month name and day). */
const NAME_THEN_DATE = new RegExp(`^([^|•·]{3,60}?)\\s*[|•·]\\s*(?=.*(?:\\d{4}|${MONTH_FIRST}))`, 'i');

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

const MAX_BYLINE_LENGTH = 160;

/** Parse a byline into its authors; undefined when the line is not a byline. */
export function parseByline(line: string): Person[] | undefined {
  const text = line.replace(/\s+/g, ' ').trim();
  if (text.length === 0 || text.length > MAX_BYLINE_LENGTH) return undefined;
  if (PHOTO_CREDIT.test(text)) return undefined;
  const names = bylineNames(text);
  if (names === undefined) return undefined;
  return namesToPeople(names);
}

/**
 * Split a byline into the part naming the authors and the rest (a date, a role, an outlet),
 * so the caller can read a date from the rest. Undefined when the line is not a byline.
 */
export function splitByline(line: string): { authors: Person[]; rest: string } | undefined {
  const text = line.replace(/\s+/g, ' ').trim();
  if (text.length === 0 || text.length > MAX_BYLINE_LENGTH) return undefined;
  if (PHOTO_CREDIT.test(text)) return undefined;
  const names = bylineNames(text);
  if (names === undefined) return undefined;
  const authors = namesToPeople(names);
  if (!authors) return undefined;
  const at = text.indexOf(names);
  const rest = `${text.slice(0, at)} ${text.slice(at + names.length)}`.replace(/\s+/g, ' ').trim();
  return { authors, rest };
}

/** The substring holding the names, or undefined. */
function bylineNames(text: string): string | undefined {
  const lead = BYLINE_LEAD.exec(text);
  let after: string | undefined;
  if (lead) {
    // "de" alone is too common a word in Spanish, French and Portuguese prose; only accept it when
    // what follows is entirely a name.
    after = text.slice(lead[0].length);
    if (/^de\s/i.test(lead[0]) && !/^\p{Lu}/u.test(after)) return undefined;
  } else if (POSTED_ON_BY.test(text)) {
    let last: RegExpExecArray | null = null;
    LATE_BY.lastIndex = 0;
    for (let m = LATE_BY.exec(text); m !== null; m = LATE_BY.exec(text)) last = m;
    if (last === null) return undefined;
    after = text.slice(last.index + last[0].length);
  } else {
    const role = ROLE_BYLINE.exec(text);
    if (role?.[1] !== undefined && looksLikePersonName(role[1])) return role[1].trim();
    // No lead word: only a full name (two words or more) right before a date counts.
    const dated = NAME_THEN_DATE.exec(text)?.[1]?.trim();
    return dated?.includes(' ') && looksLikePersonName(dated) ? dated : undefined;
  }
  const end = NAME_END.exec(after);
  const names = (end ? after.slice(0, end.index) : after).replace(/[.,;:]+$/, '').trim();
  return names.length > 0 ? withoutTail(names) : undefined;
}

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

function namesToPeople(names: string): Person[] | undefined {
  const people: Person[] = [];
  for (const part of names.split(AUTHOR_SPLIT)) {
    const name = part.trim();
    if (name.length === 0) continue;
    if (!looksLikePersonName(name)) return undefined;
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
  const tokens = name.split(/\s+/);
  if (tokens.length > 5) return false;
  let capitalised = 0;
  for (const token of tokens) {
    const lower = token.toLowerCase();
    if (NOT_NAME_WORDS.has(lower.replace(/[.,]$/, ''))) return false;
    if (NAME_PARTICLES.has(lower)) continue;
    // "Jane", "O'Neil", "Jean-Luc", "J.", "McDonald", "Ana-María"
    if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(token)) return false;
    capitalised += 1;
  }
  return capitalised >= 1 && capitalised <= 5;
}
