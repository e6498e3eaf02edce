import { serialize } from 'node:v8';
import type { ArticleEntry } from './articles.js';

/*
 * The record an entry is stored as in the pack (src/cache/articles.ts), made apart from the cache so
 * that a parse worker can make it too (src/pipeline/parse-worker.ts): the worker that parsed an
 * article holds its entry, and encoding it there spares the main thread the encoding, and the copy
 * of the body that sending the entry whole would cost.
 */

/**
 * An entry's record: the entry without the article's body (v8.serialize, small), then the body,
 * contentHtml and contentText as UTF-8:
 *   u32 LE  length of the head
 *   head    v8.serialize(entry), contentHtml and contentText left empty
 *   u32 LE  byte length of contentHtml
 *   bytes   contentHtml, then contentText, UTF-8
 * The bodies are 90% of the pack, and most builds never read them (a rebuild with nothing changed
 * renders nothing): they are decoded on first access of the two properties, from the pack's buffer.
 * That is safe because the whole record, bodies included, passed its CRC before the entry is used,
 * and decoding UTF-8 cannot fail. A body that UTF-8 cannot carry exactly (a lone surrogate) stays
 * in the head, and the length is then INLINE.
 * The price: an article from the cache keeps the pack's buffer (the file's bytes) alive until it
 * is read or dropped, as the build's result holds its articles.
 */
export const INLINE = 0xffffffff;

export function encodeEntry(entry: ArticleEntry): Buffer {
  return encodeRecord(entry).bytes;
}

/**
 * The record, and whether the body went into it as UTF-8 (not INLINE). With `before`, the record
 * starts that many bytes into the buffer, left for the caller: the pack's record head
 * (src/cache/pack.ts `frameRecord`), so that the record is never copied to be framed.
 */
export function encodeRecord(entry: ArticleEntry, before = 0): { bytes: Buffer; split: boolean } {
  const parts = recordParts(entry);
  const out = Buffer.allocUnsafe(before + parts.size);
  writeRecord(parts, out, before);
  return { bytes: out, split: parts.split };
}

/**
 * The records of several entries, each as `encodeRecord(entry, before)` makes it, in one buffer
 * of their own (`buffer`, shared with no other Buffer: it may be transferred to another thread).
 * A parse worker encodes its batch so (src/pipeline/parse-worker.ts): one allocation and one
 * transfer per batch instead of one per record, where each cost more than the record's bytes
 * (~7 and ~10 µs for a 10 KB record on Node 20; docs/BENCHMARKS.md, r17-article).
 */
export function encodeRecords(entries: readonly ArticleEntry[], before = 0): { buffer: ArrayBuffer; records: { bytes: Buffer; split: boolean }[] } {
  const parts = entries.map(recordParts);
  const total = parts.reduce((sum, p) => sum + before + p.size, 0);
  // allocUnsafeSlow: never a slice of Node's shared pool, which a transfer would take from every other Buffer in it.
  const out = Buffer.allocUnsafeSlow(total);
  let at = 0;
  const records = parts.map((p) => {
    const bytes = out.subarray(at, at + before + p.size);
    writeRecord(p, bytes, before);
    at += before + p.size;
    return { bytes, split: p.split };
  });
  return { buffer: out.buffer as ArrayBuffer, records };
}

interface RecordParts {
  head: Buffer;
  html: string;
  text: string;
  htmlBytes: number;
  split: boolean;
  /** The record's length in bytes, without what is left before it. */
  size: number;
}

function recordParts(entry: ArticleEntry): RecordParts {
  const article = entry.article;
  const split = article !== undefined && isWellFormed(article.contentHtml) && isWellFormed(article.contentText);
  const head = serialize(split ? { ...entry, article: { ...article, contentHtml: '', contentText: '' } } : entry);
  const html = split ? article.contentHtml : '';
  const text = split ? article.contentText : '';
  const htmlBytes = Buffer.byteLength(html);
  return { head, html, text, htmlBytes, split, size: 4 + head.length + 4 + htmlBytes + Buffer.byteLength(text) };
}

/** The record of `parts` into `out` (of its length), from byte `before` on. */
function writeRecord(parts: RecordParts, out: Buffer, before: number): void {
  const { head, html, text, htmlBytes, split } = parts;
  out.writeUInt32LE(head.length, before);
  head.copy(out, before + 4);
  let at = before + 4 + head.length;
  out.writeUInt32LE(split ? htmlBytes : INLINE, at);
  at += 4;
  at += out.write(html, at);
  out.write(text, at);
}

/** No lone surrogate (String.prototype.isWellFormed: Node 20, not yet in the ES2023 lib). */
function isWellFormed(s: string): boolean {
  return (s as string & { isWellFormed(): boolean }).isWellFormed();
}

/**
 * The entry as the main thread keeps it once its record holds the body (`split`): the article
 * without contentHtml, contentText and dropped, which are read back from the record
 * (src/cache/articles.ts `packed`). What a worker sends instead of the whole entry.
 */
export function withoutBody(entry: ArticleEntry): ArticleEntry {
  return entry.article ? { ...entry, article: { ...entry.article, contentHtml: '', contentText: '', dropped: [] } } : entry;
}
