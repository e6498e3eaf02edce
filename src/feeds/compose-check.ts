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
import { EMAIL, isAbsoluteUrl, looksLikeHtml } from '../validate/text.js';

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

/*
 * Validation by construction. The writers build every item from typed values with escaping that
 * the property tests prove: any article in, an item holding nothing a correct writer never emits
 * (an XML-illegal or raw JSON control character, a lone surrogate, `]]>`, a stray `&` or `<`), and
 * for an article whose values `valueConcern` passes, an item the full validator finds nothing in,
 * whatever its body (test/feeds/item-checks.test.ts, test/feeds/xml-escape.test.ts,
 * test/properties/, the XSS corpus in test/robustness/). So most of what the full validator checks
 * in an item (well-formedness, structure, required elements, date formats, escaping) holds for
 * every Article, and the per-item check is reduced to what the types do not guarantee: properties
 * of the values themselves (a URL that is not absolute, a date outside four-digit years, a tag of
 * white space, a title that looks like HTML). `valueConcern` checks exactly those on the Article; a
 * finding sends the item to the full validator, which then gives the exact diagnostics. The
 * rendered text is not scanned again (a scan for what no writer emits cost ~10 µs an article, ~2 %
 * of its pipeline, and found only writer bugs the property tests rule out: docs/BENCHMARKS.md,
 * r16-items); the full validator still reads the items of unusual paths, a sample of every build,
 * and whole feeds in `feedwright check` and the tests (docs/ARCHITECTURE.md, "What is guaranteed
 * where"). `checkItemQuickly` is that check.
 */

/** Every code unit stripIllegalXmlChars would change or drop (CR, C0 controls but tab and LF, surrogates, U+FFFE/FFFF). */
const CONTROL_OR_SURROGATE = /[\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * A URL whose characters are all RFC 3986 ones (unreserved, reserved, `%` with two hex digits),
 * so that the JSON Feed schema's `uri` format accepts it as well as isAbsoluteUrl. Conservative:
 * IPv6 hosts, IRIs and other legal but unusual URLs are simply left to the full validator.
 */
const PLAIN_URL = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#@!$&'()*+,;=]|%[0-9A-Fa-f]{2})+$/;

/** The years the writers' RFC 822 and RFC 3339 forms are defined for. */
const MIN_TIME = Date.UTC(1000, 0, 2);
const MAX_TIME = Date.UTC(9999, 11, 30);

function urlConcern(what: string, url: string): string | undefined {
  return PLAIN_URL.test(url) && isAbsoluteUrl(url) ? undefined : `${what} is not a plain absolute URL`;
}

function dateConcern(what: string, date: Date, offset: number | undefined): string | undefined {
  const t = date.getTime();
  if (!(t >= MIN_TIME && t <= MAX_TIME)) return `${what} is outside the years 1000-9999`;
  if (offset !== undefined && !(Number.isInteger(offset) && Math.abs(offset) < 24 * 60)) return `${what} has an offset that is not whole minutes within a day`;
  return undefined;
}

function textConcern(what: string, text: string, plain: boolean): string | undefined {
  if (CONTROL_OR_SURROGATE.test(text)) return `${what} holds a control character or surrogate`;
  // RSS plain-text elements and Atom type="text" constructs: the validator warns about markup.
  if (plain && looksLikeHtml(text)) return `${what} looks like HTML`;
  return undefined;
}

/**
 * What the types cannot guarantee about an article's item: the reason its values need the full
 * validator, or undefined when the writers' construction covers them. Bodies are not looked at:
 * the writers strip and escape them whole (xmlHtml; JSON.stringify escapes every control character
 * and lone surrogate), and no rule of the validator reads their text.
 */
export function valueConcern(article: Article): string | undefined {
  const title = article.title.value;
  if (title.trim() === '') return 'the title is empty';
  const concern =
    textConcern('the title', title, true) ??
    textConcern('the summary', article.summary.value, true) ??
    textConcern('the id', article.id.value, false) ??
    urlConcern('the link', article.link.value) ??
    // Atom's id must be an absolute IRI; RSS's guid is a permalink when it equals the link.
    (article.id.value === article.link.value || isAbsoluteUrl(article.id.value) ? undefined : 'the id is not an absolute IRI') ??
    (article.image ? urlConcern('the image', article.image.value) : undefined) ??
    (article.externalUrl ? urlConcern('the external link', article.externalUrl.value) : undefined) ??
    (article.lang ? textConcern('the language', article.lang.value, false) : undefined) ??
    dateConcern('the published date', article.published.value, article.published.offset) ??
    dateConcern('the updated date', article.updated.value, article.updated.offset) ??
    (article.published.value.getTime() > article.updated.value.getTime() ? 'the published date is after the updated date' : undefined);
  if (concern) return concern;
  for (const tag of article.tags.value) {
    if (tag.trim() === '') return 'a tag is empty';
    const c = textConcern('a tag', tag, true);
    if (c) return c;
  }
  for (const p of article.authors.value) {
    const c =
      textConcern('an author name', p.name, false) ??
      (p.email !== undefined ? (EMAIL.test(p.email) ? urlConcern('an author email', `mailto:${p.email}`) : 'an author email is not an address') : undefined) ??
      (p.url !== undefined ? urlConcern('an author URL', p.url) : undefined);
    if (c) return c;
  }
  return undefined;
}

/**
 * The per-item check of an item our writers rendered from a resolved Article: no diagnostics when
 * its values give no reason to doubt it (the writers' construction covers the rest), else the full
 * validator's (checkItem). The full validator's result is the same in the first case; the build
 * runs it in full on items whose article took an unusual path and on a sample
 * (src/pipeline/article.ts), and `feedwright check` on whole feeds. `values` is
 * valueConcern(article) when the caller has it (it checks several formats of one article); null:
 * computed here.
 */
export function checkItemQuickly(writer: FeedWriter, article: Article, text: string, values: string | undefined | null = null): ItemDiagnostic[] {
  if ((values === null ? valueConcern(article) : values) === undefined) return [];
  return checkItem(writer, article, text);
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
 * What checking a feed's head and tail as one document found (`checkFeed`, before the tail's
 * lines are placed after the items), under the digest of what was checked: the file's label, the
 * head and the tail. Kept in the output record (src/cache/outputs.ts), so that a rebuild whose
 * head and tail are those of the last build takes the result instead of parsing them again (a
 * one-change rebuild's three skeletons cost ~20-45 ms, most of it the XML parser's and the JSON
 * Feed schema's first run in the process).
 */
export interface SkeletonCheck {
  digest: string;
  found: Diagnostic[];
}

/** The digest under which a skeleton's check is kept (`SkeletonCheck`). */
export function skeletonDigest(file: string, head: string, tail: string): string {
  return hash('sha256', `feedwright-skeleton-1\0${file}\0${head}\0${tail}`, 'hex');
}

/**
 * Check the feed's head and tail as one document, and place what is found in the tail after the
 * items (`itemNewlines` line feeds in all items and separators together). `prior`: the check of a
 * skeleton before, used when its digest is this one's; `done` receives the check made or used.
 */
export function checkSkeleton(file: string, writer: FeedWriter, feed: FeedData, itemNewlines: number, prior?: SkeletonCheck, done?: (check: SkeletonCheck) => void): Diagnostic[] {
  const head = writer.head(feed);
  const tail = writer.tail(feed);
  const digest = prior !== undefined || done !== undefined ? skeletonDigest(file, head, tail) : '';
  const found = prior !== undefined && prior.digest === digest ? prior.found : checkFeed(file, head + tail);
  done?.({ digest, found });
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
