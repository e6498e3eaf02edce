/**
 * What a folder of saved HTML pages says about its site, for `init`: the site's name (`og:site_name`,
 * else the end its pages' `<title>`s share: "CIDER 0.9 - (think)" → "(think)"), its address (the
 * origin of their canonical URLs or `og:url`), its language (`<html lang>`) and its author
 * (`<meta name="author">`), each only when most pages sampled agree. Read as text from the start
 * of each page, bounded; no DOM (the CLI script does not carry the HTML reader).
 */
import { readTextHead } from '../util/fs.js';
import { decodeEntities } from '../util/html.js';

/** Pages sampled, and bytes read from the start of each (the head of a page). */
const SAMPLE = { files: 40, bytes: 32_768, share: 0.6, min: 3 };

export interface PagesSite {
  title?: string;
  link?: string;
  language?: string;
  author?: string;
  /** How many pages were read. */
  checked: number;
}

/** The values most of the sampled pages agree on (SAMPLE.share of them, and at least SAMPLE.min). */
export function pagesSite(files: readonly string[]): PagesSite {
  const heads = files.slice(0, SAMPLE.files).map((f) => readTextHead(f, SAMPLE.bytes)).filter((h): h is string => h !== undefined);
  const titles = heads.map((h) => decodeEntities(/<title\b[^>]*>([^<]{1,300})/i.exec(h)?.[1] ?? '').trim());
  const out: PagesSite = { checked: heads.length };
  const name = agreed(heads.map((h) => meta(h, 'property', 'og:site_name'))) ?? agreed(titles.map(titleEnd));
  if (name) out.title = name;
  const origin = agreed(heads.map((h) => originOf(linkHref(h, 'canonical') ?? meta(h, 'property', 'og:url'))));
  if (origin) out.link = `${origin}/`;
  const language = agreedLanguage(heads.map(pageLanguage));
  if (language) out.language = language;
  const author = agreed(heads.map((h) => meta(h, 'name', 'author')));
  if (author) out.author = author;
  return out;

  /**
   * The language the pages that state one agree on: tags of one primary language agree (`de` and
   * `de-DE`: "de", or the one tag they all write), and a page that states none does not disagree
   * (a saved site's pages without `<html lang>`), so the share is of the pages that state one.
   */
  function agreedLanguage(values: ReadonlyArray<string | undefined>): string | undefined {
    const stated = values.filter((v): v is string => v !== undefined);
    const groups = new Map<string, string[]>();
    for (const v of stated) {
      const primary = (v.split('-')[0] as string).toLowerCase();
      groups.set(primary, [...(groups.get(primary) ?? []), v]);
    }
    const [primary, tags] = [...groups].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0] ?? [];
    if (primary === undefined || tags === undefined || tags.length < SAMPLE.min || tags.length < stated.length * SAMPLE.share) return undefined;
    const forms = new Set(tags);
    return forms.size === 1 ? (tags[0] as string) : primary;
  }

  function agreed(values: ReadonlyArray<string | undefined>): string | undefined {
    const counts = new Map<string, number>();
    for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    const [best, n] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [];
    return best !== undefined && n !== undefined && n >= SAMPLE.min && n >= heads.length * SAMPLE.share ? best : undefined;
  }
}

/** The separators a page title puts between its own name and the site's. */
const TITLE_SEPARATOR = /\s(?:[-|–—·•:]|::)\s/g;

/** The part after a title's last separator ("CIDER 0.9 - (think)" → "(think)"), when there is one. */
function titleEnd(title: string): string | undefined {
  let last = -1;
  let length = 0;
  for (const m of title.matchAll(TITLE_SEPARATOR)) {
    last = m.index ?? -1;
    length = m[0].length;
  }
  const end = last < 0 ? '' : title.slice(last + length).trim();
  return end.length >= 2 && end.length <= 80 ? end : undefined;
}

/** A `<meta>` element's content by its `name` or `property`, whatever the order of its attributes. */
const LANGUAGE_TAG = /^([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)$/;

/**
 * The language a saved page states: its `<html lang>` (or `xml:lang`), else its `og:locale`
 * (`de_DE`, as WordPress writes it) or `<meta http-equiv="content-language">`, as a BCP 47 tag.
 */
function pageLanguage(head: string): string | undefined {
  const html = /<html\b[^>]*\blang=["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)/i.exec(head)?.[1];
  if (html) return html;
  const equiv = /<meta\b[^>]{0,300}\bhttp-equiv=["']?content-language["']?[^>]{0,300}>/i.exec(head)?.[0];
  const stated = meta(head, 'property', 'og:locale') ?? (equiv ? attributeOf(equiv, 'content')?.trim() : undefined);
  return stated && LANGUAGE_TAG.test(stated) ? stated.replace(/_/g, '-') : undefined;
}

function meta(head: string, attribute: 'name' | 'property', key: string): string | undefined {
  for (const m of head.matchAll(/<meta\b[^>]{0,500}>/gi)) {
    const tag = m[0];
    if (attributeOf(tag, attribute)?.toLowerCase() === key) {
      const content = attributeOf(tag, 'content')?.trim();
      if (content) return decodeEntities(content);
    }
  }
  return undefined;
}

function linkHref(head: string, rel: string): string | undefined {
  for (const m of head.matchAll(/<link\b[^>]{0,500}>/gi)) if (attributeOf(m[0], 'rel')?.toLowerCase() === rel) return attributeOf(m[0], 'href');
  return undefined;
}

function attributeOf(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** `https://host[:port]` of an absolute http(s) URL. */
function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}
