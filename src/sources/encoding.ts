/**
 * Character encodings of source files, decided as a browser decides them for a saved page.
 *
 * HTML (WHATWG HTML "determining the character encoding"): a byte-order mark; else the charset a
 * `<meta charset>` or `<meta http-equiv="Content-Type" content="...; charset=...">` declares: the
 * prescan of the first 1024 bytes, then, as a browser's parser does when it meets a later
 * declaration in the head, the rest of the first 64 KiB; else a sniff: UTF-8 when the bytes are
 * valid UTF-8, the fallback encoding (windows-1252, the Web's default) when not. Two departures,
 * both because a saved file has lost the HTTP Content-Type header that a browser would obey first:
 * a page that declares a legacy encoding but is valid UTF-8 with non-ASCII text is UTF-8 (the odds
 * that legacy text is valid multi-byte UTF-8 by chance are negligible), and a page that declares
 * UTF-8 but is not valid UTF-8 is decoded as UTF-8 with its bad bytes replaced, as browsers do,
 * with a note.
 *
 * Plain text: a byte-order mark, else UTF-8, else the fallback encoding with a note naming the file.
 * Decoding uses Node's WHATWG `TextDecoder`, which knows the Encoding Standard's labels
 * ("latin1", "iso-8859-1" and "ascii" are windows-1252, "gb2312" is GBK, ...).
 */

import { countNewlines } from '../util/text.js';

/** The Web's default for pages that declare nothing and are not UTF-8. */
export const DEFAULT_FALLBACK_ENCODING = 'windows-1252';

/**
 * windows-1252's bytes 0x80-0x9F (WHATWG index-windows-1252); the other bytes are Latin-1. Node
 * 20.18.3+ and 22.13+ decode "windows-1252" (and so "latin1", "iso-8859-1", "ascii") as Latin-1,
 * turning these into C1 controls (nodejs/node#60888), so feedwright maps them itself.
 */
const WINDOWS_1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decode bytes in an encoding the Encoding Standard names (see `encodingName`). */
export function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'windows-1252') {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      .toString('latin1')
      .replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] as string);
  }
  return new TextDecoder(encoding).decode(bytes);
}

/** The Encoding Standard's name for a label, or undefined when no decoder has that label. */
export function encodingName(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** The encoding a byte-order mark names, and its length. */
export function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** One decoder for every file (each decode() without `stream` starts afresh, also after one that threw). */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as UTF-8 (a BOM dropped), or undefined when they are not valid UTF-8. */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

const PRESCAN_BYTES = 1024;
const HEAD_BYTES = 64 * 1024;

/**
 * The charset an HTML page declares in a `<meta>` element (comments skipped), as the Encoding
 * Standard's name; undefined when it declares none, or a label no decoder knows. A declared
 * UTF-16 is UTF-8, as the HTML standard says (the bytes were read as ASCII to find it).
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const first = findMetaCharset(Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1'));
  const found = first ?? (bytes.length > PRESCAN_BYTES ? findMetaCharset(headOf(Buffer.from(bytes.subarray(0, HEAD_BYTES)).toString('latin1'))) : undefined);
  if (found === undefined) return undefined;
  const name = encodingName(found);
  if (name === undefined) return undefined;
  return name.startsWith('utf-16') ? 'utf-8' : name;
}

/** The page up to the end of its head (a later <meta> is in the body, where browsers ignore it). */
function headOf(html: string): string {
  const end = html.search(/<\/head\s*>|<body[\s>]/i);
  return end < 0 ? html : html.slice(0, end);
}

const META = /<meta(?=[\s/])([^>]*)>/gi;

function findMetaCharset(html: string): string | undefined {
  const text = html.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  for (const m of text.matchAll(META)) {
    const attrs = parseAttributes(m[1] ?? '');
    const charset = attrs.get('charset');
    if (charset) return charset;
    if ((attrs.get('http-equiv') ?? '').toLowerCase() === 'content-type') {
      const fromContent = /charset\s*=\s*["']?([^"';\s]+)/i.exec(attrs.get('content') ?? '')?.[1];
      if (fromContent) return fromContent;
    }
  }
  return undefined;
}

function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const a of source.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    const name = (a[1] ?? '').toLowerCase();
    if (!attrs.has(name)) attrs.set(name, a[2] ?? a[3] ?? a[4] ?? '');
  }
  return attrs;
}

export interface Decoded {
  text: string;
  /** The encoding the bytes were read in. */
  encoding: string;
  /** Why the encoding is not what the file says or implies: becomes a warning naming the file. */
  note?: string;
}

/**
 * Decode an HTML page as a browser would (see the module comment); never fails. `fallback` is
 * the encoding of a page that declares none and is not UTF-8.
 */
export function decodeHtml(bytes: Uint8Array, fallback = DEFAULT_FALLBACK_ENCODING): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding };
  const declared = declaredCharset(bytes);
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined && (declared === undefined || declared === 'utf-8' || hasNonAscii(bytes))) return { text: utf8, encoding: 'utf-8' };
  if (declared === 'utf-8') {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', note: 'The page declares UTF-8 but is not valid UTF-8; its bad bytes were replaced with "\uFFFD", as browsers do.' };
  }
  if (declared !== undefined) return { text: decodeAs(bytes, declared), encoding: declared };
  const encoding = encodingName(fallback) ?? DEFAULT_FALLBACK_ENCODING;
  return { text: decodeAs(bytes, encoding), encoding, note: `The page is not valid UTF-8 and declares no charset; it was read as ${encoding}.` };
}

/**
 * Decode a plain-text file: a byte-order mark, else UTF-8, else `fallback` with a note; never fails.
 */
export function decodePlainText(bytes: Uint8Array, fallback = DEFAULT_FALLBACK_ENCODING): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const encoding = encodingName(fallback) ?? DEFAULT_FALLBACK_ENCODING;
  return { text: decodeAs(bytes, encoding), encoding, note: `The file is not valid UTF-8; it was read as ${encoding}.` };
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

/**
 * UTF-8 text once read as Latin-1 and saved again as UTF-8 (mojibake: "\u00e2\u0080\u0093" for
 * "\u2013"): each multi-byte character became two to four characters, its continuation bytes C1
 * controls or Latin-1 signs. A C1 control (U+0080-U+009F) is never text, and feed validators reject
 * it, so a sequence that holds one and reads back as one UTF-8 character is that character.
 * Sequences without a C1 control ("\u00c3\u00a9" for "\u00e9") are left as written: they can be
 * real text. Linear: one pass of a pattern without nested repetition, run only on a text that holds
 * a C1 control.
 */
const LATIN1_READ_UTF8 = /[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}|[\u00f0-\u00f4][\u0080-\u00bf]{3}/g;
const C1 = /[\u0080-\u009f]/;

export interface Repaired {
  text: string;
  /** Characters repaired, and the line of the first (1-based). */
  count: number;
  line: number;
}

/** The text with its Latin-1-read UTF-8 characters repaired, or undefined when there is none. */
export function repairLatin1ReadUtf8(text: string): Repaired | undefined {
  if (!C1.test(text)) return undefined;
  const fatal = new TextDecoder('utf-8', { fatal: true });
  let count = 0;
  let first = -1;
  const repaired = text.replace(LATIN1_READ_UTF8, (seq, offset: number) => {
    if (!C1.test(seq)) return seq;
    const bytes = new Uint8Array(seq.length);
    for (let i = 0; i < seq.length; i++) bytes[i] = seq.charCodeAt(i);
    let char: string;
    try {
      char = fatal.decode(bytes);
    } catch {
      return seq;
    }
    count += 1;
    if (first < 0) first = offset;
    return char;
  });
  if (count === 0) return undefined;
  return { text: repaired, count, line: countNewlines(text.slice(0, first)) + 1 };
}
