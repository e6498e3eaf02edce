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
