import { asRecord } from '../util/record.js';

/**
 * Authors data files, key -> person, as generators read them: Docusaurus's `authors.yml` (blog
 * folder) and Jekyll's and Bridgetown's `_data/authors.yml` (jekyll-seo-tag's `author: jane`).
 * Front matter then names an author by key.
 */

/** A person as an authors map holds one: only the keys that have a value (SiteInfo's maps). */
export interface MappedPerson {
  name: string;
  email?: string;
  url?: string;
}

/** The most people an authors data file gives. */
const MAX_AUTHORS = 1000;

/**
 * A person of an authors map entry or an inline author: `name`, and `email` and the first of
 * `urlKeys` (jekyll-seo-tag's `uri`, else `url`) when they are non-empty strings, trimmed. An entry
 * without a name names no one (Docusaurus allows an image alone).
 */
function mapPerson(v: unknown, urlKeys: readonly string[] = ['url']): MappedPerson | undefined {
  const r = asRecord(v);
  const name = text(r?.name);
  if (!r || !name) return undefined;
  const email = text(r.email);
  let url: string | undefined;
  for (const k of urlKeys) url ??= text(r[k]);
  return { name, ...(email ? { email } : {}), ...(url ? { url } : {}) };
}

/** A data file's record (undefined: none) as key -> person, the first MAX_AUTHORS entries; entries without a name are left out. */
export function readAuthorsMap(data: Record<string, unknown> | undefined, urlKeys?: readonly string[]): Record<string, MappedPerson> {
  const out: Record<string, MappedPerson> = {};
  for (const [key, entry] of Object.entries(data ?? {}).slice(0, MAX_AUTHORS)) {
    const person = mapPerson(entry, urlKeys);
    if (person) out[key] = person;
  }
  return out;
}

/**
 * Front matter `authors` with the map's keys read as its people: a key of the map, an inline
 * author (`{ name, title, url, image_url }`), or a list of them; a `{ key }` entry (Docusaurus) is
 * the map's author with the entry's own values over it. A key the map lacks is kept as a name
 * (Docusaurus stops its build there), so that the post still names someone.
 */
export function authorsByKey(v: unknown, map: Readonly<Record<string, MappedPerson>>): unknown {
  const one = (a: unknown): unknown => {
    if (typeof a === 'string') return Object.hasOwn(map, a) ? map[a] : a;
    const r = asRecord(a);
    if (!r) return a;
    const key = typeof r.key === 'string' && Object.hasOwn(map, r.key) ? map[r.key] : undefined;
    const own = mapPerson(r);
    return own ? { ...key, ...own } : (key ?? a);
  };
  return Array.isArray(v) ? v.map(one) : one(v);
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
