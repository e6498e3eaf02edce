import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../model.js';
import { stripIllegalXmlChars } from '../util/text.js';

/** An item as the change summary names it. */
export interface ItemRef {
  id: string;
  title: string;
  url: string;
}

/**
 * What a build changed in the site's feed, compared with the previous output: what a CI log
 * shows ("2 new, 1 updated, 0 removed"). `previous` is false when there was no earlier output
 * to compare with (a first build: every item is new).
 */
export interface ChangeSummary {
  previous: boolean;
  added: ItemRef[];
  updated: ItemRef[];
  removed: ItemRef[];
}

export interface PreviousItem extends ItemRef {
  /** The updated date as written (whole seconds), in ms. */
  modified: number | undefined;
}

/** The items as the next build's summary will compare them (what `readPreviousItems` would read back). */
export function asPreviousItems(items: readonly Article[]): PreviousItem[] {
  const seen = new Set<string>();
  const out: PreviousItem[] = [];
  for (const a of items) {
    if (seen.has(a.id.value)) continue;
    seen.add(a.id.value);
    out.push(asWritten(a));
  }
  return out;
}

/**
 * The published items as the output record keeps them for the next build's summary: each item
 * (`asPreviousItems`, in order) as JSON on a line of its own, and `keys`, the first
 * `PUBLISHED_KEY` characters of the render key of the article each came from (`NO_KEY` for one
 * without: it is never taken as unchanged). An article is a pure function of its render key
 * (src/pipeline/load.ts `renderKeyOf`), and so is its item here: where the next build publishes
 * at the same place an article of the same key, that item is the same, and neither it nor its
 * line is looked at again (`compareInPlace`).
 */
export interface PublishedItems {
  keys: string;
  lines: string;
}

/** Characters of a render key kept per published item: 128 bits of its SHA-256, as the item keys of the feeds. */
export const PUBLISHED_KEY = 32;
const NO_KEY = '-'.repeat(PUBLISHED_KEY);

/** The render key of an article (undefined: none; it is not cached). */
export type RenderKeyOf = (a: Article) => string | undefined;

function keyPart(key: string | undefined): string {
  return key !== undefined && key.length >= PUBLISHED_KEY ? key.slice(0, PUBLISHED_KEY) : NO_KEY;
}

/** `publishedItems` of `items`: every item made and written (the full path). */
export function publishedItems(items: readonly Article[], renderKey: RenderKeyOf): PublishedItems {
  const seen = new Set<string>();
  const keys: string[] = [];
  const lines: string[] = [];
  for (const a of items) {
    if (seen.has(a.id.value)) continue;
    seen.add(a.id.value);
    keys.push(keyPart(renderKey(a)));
    lines.push(JSON.stringify(asWritten(a)));
  }
  return { keys: keys.join(''), lines: lines.join('\n') };
}

/** True when `p` is a `PublishedItems` whose keys and lines agree in number. */
export function isPublishedItems(p: unknown): p is PublishedItems {
  if (!isRecord(p) || typeof p.keys !== 'string' || typeof p.lines !== 'string' || p.keys.length % PUBLISHED_KEY !== 0) return false;
  const n = p.keys.length / PUBLISHED_KEY;
  if (n === 0) return p.lines === '';
  let lines = 1;
  for (let at = p.lines.indexOf('\n'); at >= 0; at = p.lines.indexOf('\n', at + 1)) lines++;
  return lines === n;
}

/** The items of a `PublishedItems` by id (first one wins, as `readPreviousItems`); undefined when a line is not an item. */
export function publishedMap(p: PublishedItems): Map<string, PreviousItem> | undefined {
  const items = new Map<string, PreviousItem>();
  if (p.lines === '') return items;
  for (const line of p.lines.split('\n')) {
    const item = parseItem(line);
    if (item === undefined) return undefined;
    if (!items.has(item.id)) items.set(item.id, item);
  }
  return items;
}

function parseItem(line: string): PreviousItem | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isRecord(v) || typeof v.id !== 'string' || typeof v.title !== 'string' || typeof v.url !== 'string') return undefined;
  if (v.modified !== undefined && typeof v.modified !== 'number') return undefined;
  return { id: v.id, title: v.title, url: v.url, modified: v.modified as number | undefined };
}

/** True when `keys` holds `key`'s first PUBLISHED_KEY characters at item `i` (no string made). */
function keyAt(keys: string, i: number, key: string | undefined): boolean {
  if (key === undefined || key.length < PUBLISHED_KEY) return false;
  const at = i * PUBLISHED_KEY;
  for (let c = 0; c < PUBLISHED_KEY; c++) if (keys.charCodeAt(at + c) !== key.charCodeAt(c)) return false;
  return true;
}

/** Items whose key changed, at most, for `compareInPlace` (beyond it the full comparison is as cheap). */
const IN_PLACE_LIMIT = 256;

/**
 * The change summary and the next `PublishedItems` of `next` against the previous build's, when
 * `next` publishes as many items as before and, at every place, either an article of the same
 * render key as before (the same item) or one of the same id (an edit that kept its place): then
 * nothing was added or removed, and only the items whose key changed (at most IN_PLACE_LIMIT) are
 * compared and written anew; the other lines are kept as they were. Undefined otherwise (an item
 * added, gone or moved, ids repeated): the caller compares in full (`compareItems`).
 */
export function compareInPlace(previous: PublishedItems, next: readonly Article[], renderKey: RenderKeyOf): { changes: ChangeSummary; published: PublishedItems } | undefined {
  if (previous.keys.length !== next.length * PUBLISHED_KEY) return undefined;
  const changed: number[] = [];
  for (let i = 0; i < next.length; i++) {
    if (keyAt(previous.keys, i, renderKey(next[i] as Article))) continue;
    if (changed.length === IN_PLACE_LIMIT) return undefined;
    changed.push(i);
  }
  const changes: ChangeSummary = { previous: true, added: [], updated: [], removed: [] };
  if (changed.length === 0) return { changes, published: previous };
  // The start of each line, up to the last one changed.
  const last = changed[changed.length - 1] as number;
  const starts = new Array<number>(last + 2);
  starts[0] = 0;
  for (let i = 1; i <= last + 1; i++) {
    const nl = previous.lines.indexOf('\n', starts[i - 1] as number);
    starts[i] = nl < 0 ? previous.lines.length + 1 : nl + 1;
  }
  const pieces: string[] = [];
  const keys: string[] = [];
  let linesFrom = 0;
  let keysFrom = 0;
  for (const i of changed) {
    const a = next[i] as Article;
    const old = parseItem(previous.lines.slice(starts[i], (starts[i + 1] as number) - 1));
    // Another article at this place (or a line that is not an item): not an edit in place.
    if (old === undefined || old.id !== a.id.value) return undefined;
    const now = asWritten(a);
    if (old.modified !== now.modified || old.title !== now.title) changes.updated.push({ id: a.id.value, title: a.title.value, url: a.link.value });
    pieces.push(previous.lines.slice(linesFrom, starts[i]), JSON.stringify(now));
    linesFrom = (starts[i + 1] as number) - 1;
    keys.push(previous.keys.slice(keysFrom, i * PUBLISHED_KEY), keyPart(renderKey(a)));
    keysFrom = (i + 1) * PUBLISHED_KEY;
  }
  pieces.push(previous.lines.slice(linesFrom));
  keys.push(previous.keys.slice(keysFrom));
  return { changes, published: { keys: keys.join(''), lines: pieces.join('') } };
}

/**
 * An article as its item is written (whole seconds, RFC 3339 without fractions; the title without
 * illegal characters), made once per Article object: a watch session's unchanged articles are
 * the same objects from build to build, and every build compares and records all of them.
 */
const written = new WeakMap<Article, { title: string; updated: number; item: PreviousItem }>();

function asWritten(a: Article): PreviousItem {
  const known = written.get(a);
  const updated = a.updated.value.getTime();
  // Made again if the object was changed since (articles are not, but nothing here relies on it).
  if (known !== undefined && known.title === a.title.value && known.updated === updated && known.item.id === a.id.value && known.item.url === a.link.value) return known.item;
  const item = { id: a.id.value, title: stripIllegalXmlChars(a.title.value), url: a.link.value, modified: Math.floor(updated / 1000) * 1000 };
  written.set(a, { title: a.title.value, updated, item });
  return item;
}

/**
 * The items of the previous build, read back from its JSON feeds (the main feed.json and, with
 * archives, every archive page's): no extra manifest file is written to the output folder.
 * Returns undefined when there is no previous main JSON feed. A file that cannot be parsed
 * counts as holding nothing: the summary then over-reports new items, never fails the build.
 */
export async function readPreviousItems(outDir: string, mainJson: string, archiveDir: string): Promise<Map<string, PreviousItem> | undefined> {
  const main = await readJsonItems(path.join(outDir, mainJson));
  if (main === undefined) return undefined;
  const items = new Map<string, PreviousItem>();
  const pages = await readdir(path.join(outDir, archiveDir)).catch(() => [] as string[]);
  const lists = [main, ...(await Promise.all(pages.filter((p) => /^\d+$/.test(p)).map((p) => readJsonItems(path.join(outDir, archiveDir, p, mainJson)))))];
  for (const list of lists) for (const item of list ?? []) if (!items.has(item.id)) items.set(item.id, item);
  return items;
}

async function readJsonItems(file: string): Promise<PreviousItem[] | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const list = isRecord(parsed) && Array.isArray(parsed.items) ? parsed.items : [];
  const out: PreviousItem[] = [];
  for (const raw of list) {
    if (!isRecord(raw) || typeof raw.id !== 'string') continue;
    const modified = typeof raw.date_modified === 'string' ? Date.parse(raw.date_modified) : typeof raw.date_published === 'string' ? Date.parse(raw.date_published) : Number.NaN;
    out.push({
      id: raw.id,
      title: typeof raw.title === 'string' ? raw.title : '',
      url: typeof raw.url === 'string' ? raw.url : '',
      modified: Number.isNaN(modified) ? undefined : modified,
    });
  }
  return out;
}

/**
 * Compare the previous items with the new ones (newest first). New: an id that was not there.
 * Updated: same id, and a different updated date or title. Removed: an id no longer published
 * (deleted, made a draft, or fallen off the end of a feed with a `limit`).
 */
export function compareItems(previous: ReadonlyMap<string, PreviousItem> | undefined, next: readonly Article[]): ChangeSummary {
  const ref = (a: Article): ItemRef => ({ id: a.id.value, title: a.title.value, url: a.link.value });
  if (previous === undefined) return { previous: false, added: next.map(ref), updated: [], removed: [] };
  const added: ItemRef[] = [];
  const updated: ItemRef[] = [];
  const ids = new Set<string>();
  for (const a of next) {
    ids.add(a.id.value);
    const old = previous.get(a.id.value);
    if (!old) added.push(ref(a));
    else {
      // Compared as written: whole seconds (RFC 3339 without fractions), title without illegal characters.
      const now = asWritten(a);
      if (old.modified !== now.modified || old.title !== now.title) updated.push(ref(a));
    }
  }
  const removed: ItemRef[] = [];
  for (const old of previous.values()) if (!ids.has(old.id)) removed.push({ id: old.id, title: old.title, url: old.url });
  return { previous: true, added, updated, removed };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
