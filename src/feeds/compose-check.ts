/**
 * Validation of a feed the build writes in parts (src/feeds/compose.ts): the head and tail
 * together (the "skeleton"), and each item on its own inside a fixed wrapper. An item's result
 * then depends on its bytes alone, so a rebuild validates only the items that changed.
 *
 * This gives the same diagnostics as checking the whole document because no rule of the
 * validator relates an item to the feed's head values or to another item, with one exception
 * checked here directly: JSON Feed item ids must be unique (JSON_ITEM_ID_DUPLICATE). The writers'
 * heads declare the same namespaces whatever the items hold, and every Atom entry carries its own
 * author. test/feeds/compose-check.test.ts checks the equivalence on real and generated feeds.
 * One difference, in position only: a broken structure (an element left open) is reported by a
 * whole-document parser where it notices, often in a later item; here, at the broken item.
 */
import { hash } from 'node:crypto';
import type { FeedData, FeedWriter } from './model.js';
import type { Article, Diagnostic } from '../model.js';
import { countNewlines } from '../util/text.js';
import { checkFeed } from '../validate/index.js';
import { RULES } from '../validate/rules.js';

/** A diagnostic of one item, positioned from the item's start: `line` 0 is the item's first line. */
export type ItemDiagnostic = Omit<Diagnostic, 'file'>;

/** The wrapper items are checked in: fixed values, so a result never depends on the feed it is in. */
const WRAPPER_FEED: Omit<FeedData, 'items'> = {
  title: 'Feed',
  description: 'Feed',
  homeUrl: 'https://example.com/',
  selfUrl: 'https://example.com/feed',
  alternates: {},
  language: 'en',
  author: { name: 'Author' },
  updated: new Date(0),
  generator: { name: 'feedwright', version: '0', uri: 'https://example.com/' },
  hubs: [],
  links: [],
};

/** The hash an item is known by (128 bits of the SHA-256 of its UTF-8 bytes). */
export function itemHash(text: string | Buffer): string {
  return hash('sha256', text, 'hex').slice(0, 32);
}

/** Column (1-based) just after the end of `s`. */
export function endColumn(s: string): number {
  return s.length - s.lastIndexOf('\n');
}

/**
 * Check one rendered item (`text`, as `writer.item(article)` wrote it) inside the wrapper.
 * A problem the validator places outside the item (an unclosed element is reported at the end of
 * the document) is still the item's: it is placed at the item's start.
 */
export function checkItem(writer: FeedWriter, article: Article, text: string): ItemDiagnostic[] {
  const { head, tail, firstLine, firstColumn } = wrapperOf(writer, article);
  const found = checkFeed('', head + text + tail);
  if (found.length === 0) return found;
  const lastLine = firstLine + countNewlines(text);
  return found.map(({ file: _file, ...d }) => {
    const line = d.line ?? firstLine;
    if (line < firstLine || line > lastLine) return { ...d, line: 0, column: 1 };
    return { ...d, line: line - firstLine, column: line === firstLine ? Math.max(1, (d.column ?? 1) - firstColumn + 1) : (d.column ?? 1) };
  });
}

interface Wrapper {
  head: string;
  tail: string;
  /** Line and column where the item starts inside the wrapper. */
  firstLine: number;
  firstColumn: number;
}

const wrappers = new WeakMap<FeedWriter, Wrapper>();

/** The wrapper of a writer: its head and tail for a one-item feed of fixed values (the same for every item). */
function wrapperOf(writer: FeedWriter, article: Article): Wrapper {
  let w = wrappers.get(writer);
  if (!w) {
    const feed: FeedData = { ...WRAPPER_FEED, items: [article] };
    const head = writer.head(feed);
    w = { head, tail: writer.tail(feed), firstLine: countNewlines(head) + 1, firstColumn: endColumn(head) };
    wrappers.set(writer, w);
  }
  return w;
}

/** Place an item's diagnostics in the real file: the item starts at `line`, `column`; `index` is its position. */
export function placeItemDiagnostics(found: readonly ItemDiagnostic[], file: string, line: number, column: number, index: number): Diagnostic[] {
  return found.map((d) => ({
    ...d,
    // JSON Feed messages name the item by its index and JSON pointer; alone in the wrapper it was item 0.
    message: d.message.replace(/\/items\/0\b/g, `/items/${index}`).replace(/\bItem 0\b/g, `Item ${index}`),
    file,
    line: line + (d.line ?? 0),
    column: (d.line ?? 0) === 0 ? column + (d.column ?? 1) - 1 : (d.column ?? 1),
  }));
}

/**
 * Check the feed's head and tail as one document, and place what is found in the tail after the
 * items (`itemNewlines` line feeds in all items and separators together).
 */
export function checkSkeleton(file: string, writer: FeedWriter, feed: FeedData, itemNewlines: number): Diagnostic[] {
  const head = writer.head(feed);
  const found = checkFeed(file, head + writer.tail(feed));
  const headEnd = countNewlines(head) + 1;
  const tailFrom = head.endsWith('\n') ? headEnd : headEnd + 1;
  return found.map((d) => (d.line !== undefined && d.line >= tailFrom ? { ...d, line: d.line + itemNewlines } : d));
}

/** JSON Feed ids must be unique within a feed: the one rule across items. */
export function checkItemIds(file: string, format: string, ids: readonly string[], lines: readonly number[]): Diagnostic[] {
  if (format !== 'json') return [];
  const out: Diagnostic[] = [];
  const seen = new Map<string, number>();
  ids.forEach((id, index) => {
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, index);
      return;
    }
    out.push({
      code: 'JSON_ITEM_ID_DUPLICATE',
      severity: RULES.JSON_ITEM_ID_DUPLICATE.severity,
      message: `Item ${index} has the id ${JSON.stringify(id)}, which item ${first} already uses; ids must be unique within a feed.`,
      file,
      line: lines[index] ?? 1,
      column: 1,
    });
  });
  return out;
}
