import type { Person } from '../model.js';

/** An `<…>` group at the start: the e-mail slot of the shorthand. */
const ANGLE_GROUP = /^<([^<>]*)>/;

/**
 * Narrow one front-matter/config author value to a Person, or undefined when it is not one.
 *
 * Strings follow the npm shorthand `Name <email> (url)`, but only a real URL is split off: an
 * absolute http(s) URL or, when `relativeUrls` (front matter: the resolver makes `/about` absolute
 * against the site link), a path (`/about`, `./me`, `../me`). Anything else in parentheses is part
 * of the name ("Ada (Lovelace || Byron)", "Sam Lee (@samlee)"); a group that names another scheme
 * ("(javascript:…)", "(mailto:…)"), or a path where relative URLs are not allowed, was meant as a
 * URL and is dropped. Linear: no nested quantifiers.
 */
export function parsePerson(value: unknown, relativeUrls = false): Person | undefined {
  if (typeof value === 'string') {
    let rest = value.trim();
    let url: string | undefined;
    const open = trailingGroup(rest);
    if (open !== undefined) {
      const inner = rest.slice(open + 1, -1).trim();
      const kept = personUrl(inner, relativeUrls);
      if (kept !== undefined || (!/\s/.test(inner) && (hasScheme(inner) || /^\.{0,2}\//.test(inner)))) {
        url = kept;
        rest = rest.slice(0, open);
      }
    }
    // The e-mail part: the name ends where it starts ("Jane <", unclosed, is still "Jane").
    let email: string | undefined;
    const lt = rest.indexOf('<');
    if (lt !== -1) {
      const inner = ANGLE_GROUP.exec(rest.slice(lt))?.[1]?.trim();
      if (inner && isEmail(inner)) email = inner;
      rest = rest.slice(0, lt);
    }
    const name = rest.replace(/\s+/g, ' ').trim();
    if (!name) return undefined;
    const person: Person = { name };
    if (email) person.email = email;
    if (url) person.url = url;
    return person;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    const name = typeof o.name === 'string' ? o.name.trim() : '';
    if (!name) return undefined;
    const person: Person = { name };
    if (typeof o.email === 'string' && isEmail(o.email.trim())) person.email = o.email.trim();
    const url = typeof o.url === 'string' ? o.url : typeof o.uri === 'string' ? o.uri : undefined;
    const kept = url ? personUrl(url, relativeUrls, false) : undefined;
    if (kept) person.url = kept;
    return person;
  }
  return undefined;
}

/** Where the `(…)` group that ends `s` opens (nested groups balanced), or undefined. One backward scan. */
function trailingGroup(s: string): number | undefined {
  if (!s.endsWith(')')) return undefined;
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i];
    if (c === ')') depth++;
    else if (c === '(' && --depth === 0) return i;
  }
  return undefined;
}

function hasScheme(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(s);
}

/**
 * An absolute http(s) URL, or (when allowed) a path such as `/about`, `./me` or `../me`, as written.
 * In the shorthand a bare word ("@samlee", "me.html") is not taken for a URL: it would become an
 * invented address.
 */
function personUrl(raw: string, relativeUrls: boolean, inShorthand = true): string | undefined {
  const url = raw.trim();
  if (isHttpUrl(url)) return url;
  if (!relativeUrls || url === '' || hasScheme(url)) return undefined;
  // Under an explicit `url:` key any relative reference is meant as one.
  return !inShorthand || /^\.{0,2}\/\S*$/.test(url) ? url : undefined;
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
  // A loop, not map/slice/join: an optimised map() returns a holey array, and the RSS writer that
  // calls this deoptimised on it ("wrong map", r22-cold).
  const last = people.length - 1;
  if (last < 1) return people[0]?.name ?? '';
  let out = (people[0] as Person).name;
  for (let i = 1; i < last; i++) out += `, ${(people[i] as Person).name}`;
  return `${out} and ${(people[last] as Person).name}`;
}
