import type { Person } from '../model.js';

/**
 * `Name <email> (url)` — the npm "people field" shorthand. Each part optional except the name.
 * Linear: no nested quantifiers.
 */
const PERSON_SHORTHAND = /^([^<(]*?)\s*(?:<([^>]*)>)?\s*(?:\(([^)]*)\))?\s*$/;

/**
 * Narrow one front-matter/config author value to a Person, or undefined when it is not one. A URL
 * must be absolute http(s), unless `relativeUrls` (front matter: the resolver makes `/about`
 * absolute against the site link); otherwise it is dropped.
 */
export function parsePerson(value: unknown, relativeUrls = false): Person | undefined {
  if (typeof value === 'string') {
    const m = PERSON_SHORTHAND.exec(value.trim());
    // Not the shorthand (e.g. nested parentheses): the name is what comes before any < or (.
    const name = (m?.[1] ?? value.split(/[<(]/)[0] ?? '').trim();
    if (!name) return undefined;
    const person: Person = { name };
    const email = m?.[2]?.trim();
    const url = m?.[3]?.trim();
    if (email && isEmail(email)) person.email = email;
    const kept = url ? personUrl(url, relativeUrls) : undefined;
    if (kept) person.url = kept;
    return person;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    const name = typeof o.name === 'string' ? o.name.trim() : '';
    if (!name) return undefined;
    const person: Person = { name };
    if (typeof o.email === 'string' && isEmail(o.email.trim())) person.email = o.email.trim();
    const url = typeof o.url === 'string' ? o.url : typeof o.uri === 'string' ? o.uri : undefined;
    const kept = url ? personUrl(url, relativeUrls) : undefined;
    if (kept) person.url = kept;
    return person;
  }
  return undefined;
}

/** An absolute http(s) URL, or (when allowed) a relative reference such as `/about`, as written. */
function personUrl(raw: string, relativeUrls: boolean): string | undefined {
  const url = raw.trim();
  if (isHttpUrl(url)) return url;
  return relativeUrls && url !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : undefined;
}

/** A list of authors from a string, an object, or a list of either. Invalid entries are returned in `invalid`. */
export function parsePeople(value: unknown, relativeUrls = false): { people: Person[]; invalid: unknown[] } {
  const list = Array.isArray(value) ? value : [value];
  const people: Person[] = [];
  const invalid: unknown[] = [];
  for (const item of list) {
    const p = parsePerson(item, relativeUrls);
    if (p) people.push(p);
    else invalid.push(item);
  }
  return { people: dedupePeople(people), invalid };
}

export function dedupePeople(people: Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    const key = p.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function isEmail(s: string): boolean {
  // Deliberately simple (one @, no spaces, a dot in the domain): RSS only needs addr-spec shape.
  return /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/.test(s);
}

export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** "Ana Ruiz, Tom Becker and Li Wei" — for RSS dc:creator, which holds all names in one element. */
export function joinNames(people: readonly Person[]): string {
  const names = people.map((p) => p.name);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
