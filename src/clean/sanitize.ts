import sanitizeHtml from 'sanitize-html';
import { stripIllegalXmlChars } from '../util/text.js';

/** HTML that has passed the allowlist sanitiser and has absolute URLs. */
export type CleanHtml = string & { readonly __brand: 'CleanHtml' };

/**
 * The allowlist. Content comes from scrapers and many authors: anything not listed is removed
 * (script, style, event handlers, forms, base, meta, object/embed; iframes only when configured).
 */
export const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'code',
  'kbd',
  'samp',
  'var',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'del',
  'ins',
  'mark',
  'small',
  'sub',
  'sup',
  'abbr',
  'cite',
  'q',
  'dfn',
  'time',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'a',
  'img',
  'picture',
  'source',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'colgroup',
  'col',
  'span',
  'div',
  'section',
  'article',
  'aside',
  'details',
  'summary',
  'audio',
  'video',
  'track',
];

export const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite'] as const;
/** Attributes kept, per element (`*`: on every element). */
export const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title', 'hreflang', 'rel'],
  img: ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height', 'loading'],
  source: ['src', 'srcset', 'sizes', 'type', 'media'],
  audio: ['src', 'controls'],
  video: ['src', 'poster', 'controls', 'width', 'height'],
  track: ['src', 'kind', 'srclang', 'label'],
  iframe: ['src', 'width', 'height', 'allowfullscreen', 'title'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  time: ['datetime'],
  abbr: ['title'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  code: ['class'],
  pre: ['class'],
  '*': ['lang', 'dir'],
};

/** What differs between the whole-body sanitiser and the fragment one (src/clean/markdown-html.ts). */
export interface SanitizeHooks {
  onOpenTag: (name: string, attribs: Record<string, string>) => void;
  onCloseTag: (name: string, isImplied: boolean) => void;
  /** Applied to every kept element's attributes (URLs made absolute, `rel` on links), or none. */
  transform?: (tagName: string, attribs: Record<string, string>) => { tagName: string; attribs: Record<string, string> };
  /** Attributes kept with an empty value (sanitize-html's default: `alt`). */
  allowedEmptyAttributes?: string[];
}

/**
 * HTML's void elements: written as `<source ... />`, never with an end tag. sanitize-html's own list
 * lacks `source`, `track`, `col`, `wbr`, `embed` and `param`, and it wrote `</source>`, which HTML
 * parsers report as an error (the W3C feed validator: "Invalid HTML").
 */
export const VOID_ELEMENTS: readonly string[] = ['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'];

/**
 * What a link inside a link becomes: a `<span>` holding its text. HTML forbids an `<a>` inside an
 * `<a>` (a parser closes the first where the second opens); Markdown makes one from an autolink in
 * a link's text (`[… Option<Self::Item>](url)`). Not a name the allowlist lacks: sanitize-html
 * 2.x keeps a renamed element's name for its depth when the element is then dropped, and wrote
 * that name as the end tag of the next element closed at that depth.
 */
const UNWRAPPED = 'span';

/** The allowlist as sanitize-html options: one definition for the whole-body and the fragment sanitiser. */
export function sanitizeOptions(tags: readonly string[], hooks: SanitizeHooks): sanitizeHtml.IOptions {
  // Links open around the element being opened (this one included), for the link-in-a-link rule;
  // an iframe the feed does not keep becomes a link (`embedAsLink`), so it counts as one.
  const iframesKept = tags.includes('iframe');
  const isLink = (name: string): boolean => name === 'a' || (name === 'iframe' && !iframesKept);
  let openLinks = 0;
  return {
    nestingLimit: MAX_HTML_DEPTH,
    // Hooks only measure: every open tag (implied closes included) is matched by one close event.
    onOpenTag: (name, attribs) => {
      if (isLink(name)) openLinks++;
      hooks.onOpenTag(name, attribs);
    },
    onCloseTag: (name, isImplied) => {
      if (isLink(name) && openLinks > 0) openLinks--;
      hooks.onCloseTag(name, isImplied);
    },
    selfClosing: [...VOID_ELEMENTS],
    allowedTags: [...tags],
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedClasses: { code: [/^language-[\w-]+$/], pre: [/^language-[\w-]+$/] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'], source: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'poster', 'srcset'],
    allowProtocolRelative: true,
    allowedIframeHostnames: undefined,
    ...(hooks.allowedEmptyAttributes ? { allowedEmptyAttributes: hooks.allowedEmptyAttributes } : {}),
    disallowedTagsMode: 'discard',
    // Text of removed wrapper elements (e.g. <font>) is kept; these elements lose their text too.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'head', 'object', 'embed', 'iframe', 'form', 'button', 'select', 'svg', 'math'],
    transformTags: {
      ...(hooks.transform ? { '*': hooks.transform } : {}),
      a: (tagName: string, attribs: Record<string, string>) => (openLinks > 1 ? { tagName: UNWRAPPED, attribs: {} } : { tagName, attribs }),
      ...(iframesKept ? {} : { iframe: (_tagName: string, attribs: Record<string, string>) => embedAsLink(attribs, hooks.transform, openLinks > 1) }),
    },
  };
}

/**
 * An `<iframe>` a feed does not keep (iframes are kept only with `allowIframes`) as a link to what
 * it shows, so the reader still finds the video: a YouTube or Vimeo player as the video's own page
 * ("Video on YouTube", or the iframe's title), anything else as its address. An iframe without an
 * http(s) source stays an iframe, which the allowlist then drops with its content. Inside a link
 * (`nested`) it is that text alone, as a link inside a link is (`UNWRAPPED`).
 */
function embedAsLink(attribs: Record<string, string>, transform: SanitizeHooks['transform'], nested: boolean): sanitizeHtml.Tag {
  const src = (attribs.src ?? '').trim();
  if (!/^(?:https?:)?\/\//i.test(src)) return { tagName: 'iframe', attribs: {} };
  const youtube = /^(?:https?:)?\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]{6,})/i.exec(src)?.[1];
  const vimeo = /^(?:https?:)?\/\/player\.vimeo\.com\/video\/(\d+)/i.exec(src)?.[1];
  const href = youtube ? `https://www.youtube.com/watch?v=${youtube}` : vimeo ? `https://vimeo.com/${vimeo}` : src;
  let host = '';
  try {
    host = new URL(src, 'https://x.invalid/').hostname.replace(/^www\./, '');
  } catch {
    return { tagName: 'iframe', attribs: {} };
  }
  const title = (attribs.title ?? '').trim();
  const text = title || (youtube ? 'Video on YouTube' : vimeo ? 'Video on Vimeo' : `Embedded content from ${host}`);
  if (nested) return { tagName: UNWRAPPED, attribs: {}, text };
  const link = transform ? transform('a', { href }) : { tagName: 'a', attribs: { href } };
  return { ...link, text };
}

/**
 * Elements nested deeper than this are unwrapped (their text is kept). Feed readers render content
 * with recursive code; 10,000 nested <div>s crash some of them, and no article needs more than a few
 * dozen levels.
 */
export const MAX_HTML_DEPTH = 256;

export interface SanitizeOptions {
  /** The article's absolute link: relative URLs resolve against it. */
  baseUrl: string;
  allowIframes?: boolean;
}

/**
 * Sanitise article HTML for a feed: allowlist, safe URL schemes (http, https, mailto, tel; data: only
 * for raster images: png, jpeg, gif, webp, avif), relative `href`/`src`/`srcset`/`poster`/`cite` made absolute against `baseUrl`, and
 * characters XML 1.0 forbids removed.
 */
export function sanitizeContent(html: string, options: SanitizeOptions): CleanHtml {
  return sanitizeWithReport(html, options).html;
}

export interface SanitizeReport {
  html: CleanHtml;
  /** The deepest nesting of elements in the input (counted up to MAX_HTML_DEPTH + 1). */
  depth: number;
  /** True when elements deeper than MAX_HTML_DEPTH were unwrapped. */
  flattened: boolean;
}

/** {@link sanitizeContent}, also saying whether deep nesting was flattened (for a diagnostic). */
export function sanitizeWithReport(html: string, options: SanitizeOptions): SanitizeReport {
  const base = options.baseUrl;
  const tags = options.allowIframes ? [...ALLOWED_TAGS, 'iframe'] : ALLOWED_TAGS;
  let depth = 0;
  let maxDepth = 0;
  const cleaned = sanitizeHtml(
    dropIframeContent(stripIllegalXmlChars(html)),
    sanitizeOptions(tags, {
      onOpenTag: () => {
        depth++;
        if (depth > maxDepth) maxDepth = depth;
      },
      onCloseTag: () => {
        depth = Math.max(0, depth - 1);
      },
      transform: (tagName, attribs) => {
        const out: Record<string, string> = {};
        for (const [name, value] of Object.entries(attribs)) {
          if ((URL_ATTRIBUTES as readonly string[]).includes(name)) {
            const abs = absolutize(value, base);
            if (abs !== undefined && !forbiddenDataUrl(abs)) out[name] = abs;
          } else if (name === 'srcset') {
            out[name] = absolutizeSrcset(value, base);
          } else {
            out[name] = value;
          }
        }
        if (tagName === 'a' && out.href && /^https?:/.test(out.href)) {
          // Links out of a feed must not leak the reader's window (and carry no referrer games).
          out.rel = 'noopener noreferrer';
        }
        return { tagName, attribs: out };
      },
    }),
  );
  return { html: cleaned.trim() as CleanHtml, depth: maxDepth, flattened: maxDepth > MAX_HTML_DEPTH };
}

/**
 * What stands between an `<iframe …>` and its `</iframe>` removed. A browser shows none of it: HTML
 * reads an iframe's content as text it never renders (the RAWTEXT state), where the sanitiser's
 * parser reads elements there, and made a fallback `<a>` a link inside the iframe's link, and each
 * of its text pieces a copy of that link's text. One forward pass: linear in the input. An iframe
 * left open, or a start tag never closed, ends the pass there (the sanitiser drops the rest as
 * before).
 */
export function dropIframeContent(html: string): string {
  if (!/<iframe/i.test(html)) return html;
  const open = /<iframe(?=[\s/>])/gi;
  const close = /<\/iframe(?=[\s/>])/gi;
  let out = '';
  let at = 0;
  for (;;) {
    open.lastIndex = at;
    const start = open.exec(html);
    if (start === null) break;
    const contentAt = startTagEnd(html, start.index + start[0].length);
    if (contentAt < 0) break;
    close.lastIndex = contentAt;
    const end = close.exec(html);
    if (end === null) break;
    out += html.slice(at, contentAt);
    at = end.index;
  }
  return out + html.slice(at);
}

/** Where a start tag whose attributes begin at `from` ends (after its `>`; quoted values may hold `>`), or -1. */
function startTagEnd(html: string, from: number): number {
  let quote = '';
  let afterEquals = false;
  for (let i = from; i < html.length; i++) {
    const ch = html[i];
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === '>') {
      return i + 1;
    } else if ((ch === '"' || ch === "'") && afterEquals) {
      quote = ch;
    } else if (ch === '=') {
      afterEquals = true;
      continue;
    }
    if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r' && ch !== '\f') afterEquals = false;
  }
  return -1;
}

/**
 * `data:` URLs kept in image sources: raster images only. `data:image/svg+xml` is a document that
 * can carry script (and, opened on its own, runs it), and any other type is not an image at all.
 */
const RASTER_DATA_URL = /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/i;

/** True for a `data:` URL that is not a raster image (other schemes are the allowlist's business). */
export function forbiddenDataUrl(url: string): boolean {
  return /^data:/i.test(url) && !RASTER_DATA_URL.test(url);
}

/** Resolve `value` against `base`; undefined for values that are not URLs at all. */
export function absolutize(value: string, base: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  try {
    return new URL(v, base).href;
  } catch {
    return undefined;
  }
}

/** HTML srcset descriptors: a width (`640w`) or a pixel density (`2x`, `1.5x`). */
const SRCSET_DESCRIPTOR = /^(?:[1-9]\d{0,5}w|(?:\d{1,3}(?:\.\d{1,3})?|\.\d{1,3})x)$/;

function absolutizeSrcset(value: string, base: string): string {
  // srcset: comma-separated "url [descriptor]" candidates (HTML "srcset attribute").
  return value
    .split(/,\s+/)
    .map((candidate) => {
      const [url, ...descriptor] = candidate.trim().split(/\s+/);
      if (!url) return '';
      // At most one descriptor, and a valid one: sanitize-html's srcset parser (parse-srcset) prints
      // invalid ones with console.log, which would corrupt `feedwright build --json` on stdout.
      if (descriptor.length > 1 || (descriptor[0] !== undefined && !SRCSET_DESCRIPTOR.test(descriptor[0]))) return '';
      const abs = absolutize(url, base);
      return abs === undefined || forbiddenDataUrl(abs) ? '' : [abs, ...descriptor].join(' ');
    })
    .filter(Boolean)
    .join(', ');
}
