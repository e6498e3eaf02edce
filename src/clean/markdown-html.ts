import type { Token, Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { mayNeedXmlEscape, noteXmlLegal, notedXmlLegal, squashSpaces, stripIllegalXmlChars } from '../util/text.js';
import { ALLOWED_TAGS, absolutize, type CleanHtml, forbiddenDataUrl, MAX_HTML_DEPTH, type SanitizeOptions, type SanitizeReport, sanitizeOptions, VOID_ELEMENTS } from './sanitize.js';

/**
 * Markdown rendered straight to sanitised HTML (issue 14). The renderer writes exactly what the
 * sanitiser (sanitize.ts) would make of marked's own HTML: text and attribute values escaped by
 * construction (`&`, `<`, `>`, and `"` in attributes), only allow-listed elements and attributes,
 * void elements as `<br />`. What it cannot write by construction goes through sanitize-html as a
 * small fragment, one top-level block at a time: raw HTML (block or inline), character references
 * (`&copy;`, which the sanitiser decodes) and extension tokens (footnotes). URLs stay as written
 * here; {@link finishDirectHtml} makes them absolute against the article's link and applies the
 * sanitiser's scheme allowlist, when that link is known (meta/resolve.ts).
 *
 * A fragment the sanitiser would read differently in the whole body (an element opened in one block
 * and closed in a later one, a stray closing tag, an iframe, a srcset) makes the whole article fall
 * back to the old path: marked's HTML, sanitised whole by resolve.ts ({@link DirectRender.fallback}).
 */
export interface DirectRender {
  /** The body: safe HTML with URLs still relative (see finishDirectHtml). Absent on a fallback. */
  html?: string;
  /** Why the article fell back to whole-body sanitising, if it did. */
  fallback?: 'unbalanced-html' | 'iframe' | 'srcset' | 'more-inline' | 'too-deep';
  /** Top-level blocks sent through sanitize-html on their own. */
  fragments: number;
  /** The deepest element nesting of the output (an upper bound). */
  depth: number;
}

/**
 * Renders consecutive top-level blocks as marked would (for the fragment path); undefined when that
 * HTML nests deeper than MAX_HTML_DEPTH, which the caller checks in one linear pass before anything
 * sanitises it (sanitize-html is quadratic in depth: 1 MB of unclosed `<div>` took 15 s).
 */
export type BlockRenderer = (blocks: Token[]) => string | undefined;

/**
 * The most top-level blocks one fragment may span: an element opened in one block and closed in a
 * later one (`<div class="note">`, Markdown, `</div>`) is sanitised as one span of up to this many
 * blocks; further apart, the article falls back. Bounds the re-sanitising to a small constant.
 */
export const MAX_FRAGMENT_BLOCKS = 16;

/** Thrown inside a block that the renderer cannot write by construction: the block becomes a fragment. */
class NeedsSanitizer extends Error {}
const NEEDS = new NeedsSanitizer('needs the sanitiser');

/** A character reference marked keeps as it is and the sanitiser decodes (marked's own test). */
const CHARACTER_REFERENCE = /&(?:#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);/;
const VOID: ReadonlySet<string> = new Set(VOID_ELEMENTS);

function escText(s: string): string {
  // Most text has nothing to escape or strip (`&`, `<`, `>`, what stripIllegalXmlChars changes):
  // a test, no copy (four scans before, ~2 % of a Markdown article's CPU).
  if (!mayNeedXmlEscape(s)) return s;
  return stripIllegalXmlChars(s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}
function escAttr(s: string): string {
  return escText(s).replace(/"/g, '&quot;');
}
/** Text marked would escape without encoding references: one the sanitiser would decode needs it. */
function text(s: string): string {
  if (s.includes('&') && CHARACTER_REFERENCE.test(s)) throw NEEDS;
  return escText(s);
}
/** marked's cleanUrl. */
function cleanUrl(href: string): string | null {
  try {
    return encodeURI(href).replace(/%25/g, '%');
  } catch {
    return null;
  }
}

/** A `<!--more-->` line (Hugo's, Jekyll's summary divider; Docusaurus's `<!--truncate-->`) as marked's html token holds it. */
const MORE_BLOCK = /^[ \t]*<!--\s*(?:more|truncate)\s*-->(?=\s*$)/i;
const MORE_MARK = '<!--more-->';

/**
 * The direct render without its `<!--more-->` marks (the only comments it can hold: text escapes
 * every `<`, and sanitised fragments hold no comments), as the sanitiser would have removed them.
 */
export function withoutMoreMarks(html: string): string {
  return html.includes(MORE_MARK) ? html.split(MORE_MARK).join('').trim() : html;
}

/** Counters across a process, for the benchmark and `explain`-style reports. */
export const directStats = { articles: 0, fragments: 0, fallbacks: 0, /** HTML characters given to the fragment sanitiser. */ sanitizedChars: 0 };

export function renderDirect(tokens: readonly Token[], renderBlocks: BlockRenderer): DirectRender {
  const r = new Renderer();
  let html = '';
  let fragments = 0;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    let piece: string;
    r.depth = 0;
    r.maxDepth = 0;
    try {
      const raw = token.type === 'html' ? (token as Tokens.HTML).text : '';
      const more = MORE_BLOCK.exec(raw);
      // The summary divider stays for htmlToTexts, which reads it; withoutMoreMarks removes it.
      piece = more ? MORE_MARK + raw.slice(more[0].length) : r.block(token);
      if (r.maxDepth > depth) depth = r.maxDepth;
    } catch (error) {
      if (error !== NEEDS) throw error;
      let end = i + 1;
      let frag = sanitizeFragment(renderBlocks(tokens.slice(i, end)));
      // Left open: a span reaching the block that closes it is one fragment. The span doubles (1, 2,
      // 4, 8, 16 blocks), so the blocks re-sanitised add up to less than twice the last span.
      while (frag.open && end < tokens.length && end - i < MAX_FRAGMENT_BLOCKS) {
        end = Math.min(tokens.length, i + 2 * (end - i));
        frag = sanitizeFragment(renderBlocks(tokens.slice(i, end)));
      }
      if (frag.fallback === 'too-deep') return count({ fallback: 'too-deep', fragments, depth: MAX_HTML_DEPTH + 1 });
      if (frag.fallback) return count({ fallback: frag.fallback, fragments, depth });
      piece = frag.html;
      fragments++;
      if (frag.depth > depth) depth = frag.depth;
      i = end - 1;
    }
    html += piece;
  }
  if (depth > MAX_HTML_DEPTH) return count({ fallback: 'too-deep', fragments, depth });
  return count({ html: html.trim(), fragments, depth });
}

function count(result: DirectRender): DirectRender {
  directStats.articles++;
  directStats.fragments += result.fragments;
  if (result.fallback) directStats.fallbacks++;
  return result;
}

/**
 * One block of marked's HTML through sanitize-html, URLs left as written (the sanitiser's scheme
 * check still runs; finishDirectHtml checks again once they are absolute). Balanced means every
 * element it opens it closes, with no stray closing tag: then the sanitiser reads it the same way
 * inside the whole body, since the blocks around it leave nothing open.
 */
function sanitizeFragment(fragment: string | undefined): { html: string; depth: number; fallback?: DirectRender['fallback']; open?: boolean } {
  if (fragment === undefined) return { html: '', depth: MAX_HTML_DEPTH + 1, fallback: 'too-deep' };
  directStats.sanitizedChars += fragment.length;
  if (/<!--\s*more/i.test(fragment)) return { html: '', depth: 0, fallback: 'more-inline' };
  if (/<iframe/i.test(fragment)) return { html: '', depth: 0, fallback: 'iframe' };
  if (/srcset/i.test(fragment)) return { html: '', depth: 0, fallback: 'srcset' };
  let depth = 0;
  let maxDepth = 0;
  let implied = false;
  let explicitCloses = 0;
  const html = sanitizeHtml(
    stripIllegalXmlChars(fragment),
    sanitizeOptions(ALLOWED_TAGS, {
      onOpenTag: () => {
        depth++;
        if (depth > maxDepth) maxDepth = depth;
      },
      onCloseTag: (name, isImplied) => {
        depth = Math.max(0, depth - 1);
        if (!isImplied) explicitCloses++;
        else if (!VOID.has(name)) implied = true;
      },
      // Empty URLs are dropped by finishDirectHtml, as the whole-body sanitiser drops them.
      allowedEmptyAttributes: ['alt', 'href', 'src'],
    }),
  );
  const closes = fragment.match(/<\/[a-zA-Z]/g)?.length ?? 0;
  if (implied || closes !== explicitCloses) {
    // `open`: only elements left open (no stray closing tag), which a later block may close.
    return { html: '', depth: maxDepth, fallback: 'unbalanced-html', open: implied && closes === explicitCloses };
  }
  return { html, depth: maxDepth };
}

/** Writes sanitised HTML from marked tokens, or throws NEEDS for what only the sanitiser can decide. */
class Renderer {
  depth = 0;
  maxDepth = 0;

  private open(): void {
    if (++this.depth > this.maxDepth) this.maxDepth = this.depth;
  }

  private wrap(tag: string, inner: () => string, attrs = ''): string {
    this.open();
    const html = `<${tag}${attrs}>${inner()}</${tag}>`;
    this.depth--;
    return html;
  }

  blocks(tokens: readonly Token[]): string {
    let out = '';
    for (const t of tokens) out += this.block(t);
    return out;
  }

  block(t: Token): string {
    switch (t.type) {
      case 'space':
      case 'def':
        return '';
      case 'hr':
        return '<hr />\n';
      case 'math':
        // TeX display math the site renders (src/sources/math.ts): its source, delimiters and all, as text.
        return `${this.wrap('p', () => escText((t as Tokens.Generic).text as string))}\n`;
      case 'code': {
        const c = t as Tokens.Code;
        if (c.escaped) throw NEEDS;
        const lang = (c.lang || '').match(/^\S*/)?.[0] ?? '';
        if (lang.includes('&')) throw NEEDS;
        const body = c.text ? `${c.text.replace(/\n$/, '')}\n` : '';
        const cls = lang && /^language-[\w-]+$/.test(`language-${lang}`) ? ` class="language-${lang}"` : '';
        this.open();
        this.open();
        this.depth -= 2;
        return `<pre><code${cls}>${escText(body)}</code></pre>\n`;
      }
      case 'blockquote':
        return `${this.wrap('blockquote', () => `\n${this.blocks((t as Tokens.Blockquote).tokens)}`)}\n`;
      case 'heading': {
        const h = t as Tokens.Heading;
        return `${this.wrap(`h${h.depth}`, () => this.inline(h.tokens))}\n`;
      }
      case 'paragraph':
        return `${this.wrap('p', () => this.inline((t as Tokens.Paragraph).tokens))}\n`;
      case 'list': {
        const l = t as Tokens.List;
        const tag = l.ordered ? 'ol' : 'ul';
        const start = l.ordered && l.start !== 1 ? ` start="${escAttr(String(l.start))}"` : '';
        return `${this.wrap(tag, () => `\n${l.items.map((item) => `${this.wrap('li', () => this.blocks(item.tokens))}\n`).join('')}`, start)}\n`;
      }
      case 'checkbox':
        // <input> is not allowed: only the space after it stays.
        return ' ';
      case 'table': {
        const tb = t as Tokens.Table;
        const row = (cells: Tokens.TableCell[], tag: string) => `${this.wrap('tr', () => `\n${cells.map((c) => `${this.wrap(tag, () => this.inline(c.tokens))}\n`).join('')}`)}\n`;
        this.open();
        this.open();
        const head = row(tb.header, 'th');
        const body = tb.rows.map((cells) => row(cells, 'td')).join('');
        this.depth -= 2;
        return `<table>\n<thead>\n${head}</thead>\n${body ? `<tbody>${body}</tbody>` : ''}</table>\n`;
      }
      case 'text': {
        const x = t as Tokens.Text;
        if (x.tokens) return this.inline(x.tokens);
        if (x.escaped) throw NEEDS;
        return text(x.text);
      }
      default:
        // Raw HTML blocks and extension tokens (footnotes).
        throw NEEDS;
    }
  }

  inline(tokens: readonly Token[] | undefined): string {
    let out = '';
    for (const t of tokens ?? []) out += this.inlineToken(t);
    return out;
  }

  private inlineToken(t: Token): string {
    switch (t.type) {
      case 'escape':
        return text((t as Tokens.Escape).text);
      case 'text': {
        const x = t as Tokens.Text;
        if (x.tokens) return this.inline(x.tokens);
        if (x.escaped) throw NEEDS;
        return text(x.text);
      }
      case 'strong':
      case 'em':
      case 'del':
        return this.wrap(t.type, () => this.inline((t as Tokens.Strong).tokens));
      case 'codespan':
        return this.wrap('code', () => escText((t as Tokens.Codespan).text));
      case 'mathInline':
        return escText((t as Tokens.Generic).text as string);
      case 'br':
        return '<br />';
      case 'checkbox':
        return ' ';
      case 'link': {
        const l = t as Tokens.Link;
        if (holdsLink(l.tokens)) throw NEEDS;
        const inner = () => (l.type === 'link' && isAutolink(l) ? escText(l.text) : this.inline(l.tokens));
        const href = cleanUrl(l.href);
        if (href === null) return inner();
        if (!isAutolink(l) && CHARACTER_REFERENCE.test(href)) throw NEEDS;
        return this.wrap('a', inner, ` href="${escAttr(href)}"${title(l.title)}`);
      }
      case 'image': {
        const im = t as Tokens.Image;
        const alt = im.tokens ? plain(im.tokens) : im.text;
        const src = cleanUrl(im.href);
        if (src === null) return text(alt);
        if (CHARACTER_REFERENCE.test(src) || CHARACTER_REFERENCE.test(alt)) throw NEEDS;
        this.open();
        this.depth--;
        return `<img src="${escAttr(src)}" alt="${escAttr(alt)}"${title(im.title)} />`;
      }
      default:
        // Inline raw HTML and extension tokens (footnote references).
        throw NEEDS;
    }
  }
}

/**
 * A link in a link's text (an autolink: `[fn min() -> Option<Self::Item>](url)`). The sanitiser
 * unwraps the inner one (HTML has no link in a link; sanitize.ts), so such a link is its to write.
 */
function holdsLink(tokens: readonly Token[] | undefined): boolean {
  if (tokens === undefined) return false;
  for (const t of tokens) if (t.type === 'link' || holdsLink((t as { tokens?: Token[] }).tokens)) return true;
  return false;
}

/** marked's autolinks (`<https://x>`, GFM bare URLs) print their text fully escaped. */
function isAutolink(l: Tokens.Link): boolean {
  return (l as Tokens.Link & { autolink?: boolean }).autolink === true;
}

function title(t: string | null | undefined): string {
  if (!t) return '';
  if (CHARACTER_REFERENCE.test(t)) throw NEEDS;
  return ` title="${escAttr(t)}"`;
}

/** An image's alt text as marked's text renderer writes it. */
function plain(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.type === 'br') out += '\n';
    else if (t.type === 'checkbox') out += t.raw;
    else if ('tokens' in t && t.tokens && t.type !== 'text') out += plain(t.tokens);
    else if (t.type === 'text' && t.tokens) out += plain(t.tokens);
    else out += (t as { text?: string }).text ?? '';
  }
  return out;
}

/** Elements with URL attributes the sanitiser checks, in HTML this module or sanitize-html wrote. */
const URL_TAG = /<(a|img|audio|video|source|track|blockquote|q|del|ins)((?: [a-z-]+(?:="[^"]*")?)*)( \/)?>/g;
/** URL_TAG where it is tried (sticky). */
const URL_TAG_AT = new RegExp(URL_TAG.source, 'y');
/** The first letters of URL_TAG's names, by code unit. */
const URL_TAG_FIRST = new Set([...'aivstbqd'].map((c) => c.charCodeAt(0)));

/**
 * `html.replace(URL_TAG, replace)`, faster: a match begins with `<` and one of the names' first
 * letters, so URL_TAG is tried only there (found by indexOf), not at every character. The global
 * search ~3× the time on a 4.6 KB body (its alternatives tried at every `<`); test/clean/markdown-html.test.ts holds both equal.
 */
export function replaceUrlTags(html: string, replace: (whole: string, tag: string, attrs: string, close: string | undefined) => string): string {
  let out = '';
  let last = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i)) {
    if (!URL_TAG_FIRST.has(html.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    URL_TAG_AT.lastIndex = i;
    const m = URL_TAG_AT.exec(html);
    if (m === null) {
      i++;
      continue;
    }
    out += html.slice(last, i) + replace(m[0], m[1] as string, m[2] as string, m[3]);
    i += m[0].length;
    last = i;
  }
  return last === 0 ? html : out + html.slice(last);
}
const ATTRIBUTE = / ([a-z-]+)(?:="([^"]*)")?/g;
const SCHEMES: Record<string, readonly string[]> = { img: ['http:', 'https:', 'data:'], source: ['http:', 'https:'] };
const DEFAULT_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:'];

function unescapeAttr(v: string): string {
  return v.includes('&') ? v.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : v;
}

/**
 * The last step of the direct path, once the article's link is known: every URL attribute made
 * absolute against `baseUrl` and checked against the sanitiser's scheme allowlist (dropped if it
 * fails, or is empty), and `rel="noopener noreferrer"` on http(s) links, as the whole-body
 * sanitiser does. The input is HTML renderDirect produced: every `<` in it opens a tag and every
 * attribute value is double-quoted and escaped, so a scan of the tags is exact.
 */
export function finishDirectHtml(html: string, options: SanitizeOptions): SanitizeReport {
  const base = options.baseUrl;
  const out = replaceUrlTags(html, (whole, tag, attrs, close) => {
    if (!attrs) return whole;
    const schemes = SCHEMES[tag] ?? DEFAULT_SCHEMES;
    const kept: [string, string | undefined][] = [];
    let hrefHttp = false;
    for (const m of attrs.matchAll(ATTRIBUTE)) {
      const name = m[1] as string;
      const value = m[2];
      if (name === 'href' || name === 'src' || name === 'poster' || name === 'cite') {
        const abs = absolutize(unescapeAttr(value ?? ''), base);
        if (abs === undefined || forbiddenDataUrl(abs) || !schemes.includes(abs.slice(0, abs.indexOf(':') + 1).toLowerCase())) continue;
        if (tag === 'a' && name === 'href' && /^https?:/.test(abs)) hrefHttp = true;
        kept.push([name, escAttr(abs)]);
      } else kept.push([name, value]);
    }
    if (hrefHttp) {
      const rel = kept.find(([n]) => n === 'rel');
      if (rel) rel[1] = 'noopener noreferrer';
      else kept.push(['rel', 'noopener noreferrer']);
    }
    let out = `<${tag}`;
    for (const [n, v] of kept) out += v === undefined ? ` ${n}` : ` ${n}="${v}"`;
    return `${out}${close ?? ''}>`;
  });
  // A legal input stays legal: the URLs written are escAttr'd (stripped), the rest is the input's
  // or ASCII (a property test holds it so).
  if (notedXmlLegal(html)) noteXmlLegal(out);
  // Never flattened: renderDirect falls back when its output would nest deeper than MAX_HTML_DEPTH.
  // (depth is not measured here: 0.)
  return { html: out as CleanHtml, depth: 0, flattened: false };
}

/**
 * renderDirect's HTML and, in the same pass, the text and summary `directHtmlTexts` reads back
 * from it (src/clean/html-text.ts), for the token kinds src/sources/markdown-fast.ts makes:
 * paragraphs, headings, fenced code, tight lists of text, quotes of one paragraph; text,
 * emphasis, code spans, plain links and images inline. Undefined for anything else (the caller renders
 * as before). Reading the HTML back was ~6 % of a Markdown article's CPU, and each piece of text
 * is scanned once here for what escText changes: when nothing, the piece is its own HTML and
 * text. The texts follow html-text.ts's Paragraphs: one paragraph per block (a list's items
 * each), its pieces joined and `squashSpaces`d, empty ones left out; headings and code are left
 * out of the summary. test/sources/markdown-fast.test.ts holds both equal on fastLex's bodies.
 */
export function renderPlain(tokens: readonly Token[]): { html: string; text: string; summary: string } | undefined {
  let html = '';
  const paragraphs: string[] = [];
  const summary: string[] = [];
  const out = { html: '', text: '' };
  const block = (text: string, inSummary: boolean): void => {
    const t = squashSpaces(text);
    if (t === '') return;
    paragraphs.push(t);
    if (inSummary) summary.push(t);
  };
  for (const t of tokens) {
    switch (t.type) {
      case 'space':
        break;
      case 'paragraph':
        if (!plainInline((t as Tokens.Paragraph).tokens, out)) return undefined;
        html += `<p>${out.html}</p>\n`;
        block(out.text, true);
        break;
      case 'heading': {
        const depth = (t as Tokens.Heading).depth;
        if (!plainInline((t as Tokens.Heading).tokens, out)) return undefined;
        html += `<h${depth}>${out.html}</h${depth}>\n`;
        block(out.text, false);
        break;
      }
      case 'code': {
        const c = t as Tokens.Code;
        const lang = (c.lang || '').match(/^\S*/)?.[0] ?? '';
        if (c.escaped || lang.includes('&')) return undefined;
        const body = c.text ? `${c.text.replace(/\n$/, '')}\n` : '';
        const cls = lang && /^language-[\w-]+$/.test(`language-${lang}`) ? ` class="language-${lang}"` : '';
        const escaped = escText(body);
        html += `<pre><code${cls}>${escaped}</code></pre>\n`;
        block(escaped === body ? body : stripIllegalXmlChars(body), false);
        break;
      }
      case 'list': {
        const l = t as Tokens.List;
        const tag = l.ordered ? 'ol' : 'ul';
        html += l.ordered && l.start !== 1 ? `<ol start="${escAttr(String(l.start))}">\n` : `<${tag}>\n`;
        for (const item of l.items) {
          // A tight item's text, or a loose item's one paragraph.
          const only = item.tokens[0] as Tokens.Text | Tokens.Paragraph | undefined;
          if (item.tokens.length !== 1 || only?.type !== (l.loose ? 'paragraph' : 'text') || !only.tokens || !plainInline(only.tokens, out)) return undefined;
          html += l.loose ? `<li><p>${out.html}</p>\n</li>\n` : `<li>${out.html}</li>\n`;
          block(out.text, true);
        }
        html += `</${tag}>\n`;
        break;
      }
      case 'blockquote': {
        const [p, ...more] = (t as Tokens.Blockquote).tokens;
        if (p?.type !== 'paragraph' || more.length > 0 || !plainInline((p as Tokens.Paragraph).tokens, out)) return undefined;
        html += `<blockquote>\n<p>${out.html}</p>\n</blockquote>\n`;
        block(out.text, true);
        break;
      }
      case 'hr':
        html += '<hr />\n';
        break;
      default:
        return undefined;
    }
  }
  directStats.articles++;
  const done = { html: html.trim(), text: paragraphs.join('\n\n'), summary: summary.join('\n\n') };
  // Every piece of text in the three passed escText (nothing to strip) or was stripped, the markup and
  // the code blocks' classes are ASCII, and pieces stripped apart join without a lone surrogate:
  // nothing for stripIllegalXmlChars to change (a property test holds it so).
  noteXmlLegal(done.html);
  noteXmlLegal(done.text);
  noteXmlLegal(done.summary);
  return done;
}

/** The HTML and the text of inline tokens into `out`, as Renderer.inline and reading it back give them; false for a kind not read here. */
function plainInline(tokens: readonly Token[], out: { html: string; text: string }): boolean {
  let html = '';
  let text = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
      case 'escape':
      case 'codespan': {
        const s = (t as Tokens.Text).text;
        if (t.type === 'text' && ((t as Tokens.Text).tokens || (t as Tokens.Text).escaped || (s.includes('&') && CHARACTER_REFERENCE.test(s)))) return false;
        const escaped = escText(s);
        html += t.type === 'codespan' ? `<code>${escaped}</code>` : escaped;
        text += escaped === s ? s : stripIllegalXmlChars(s);
        break;
      }
      case 'em':
      case 'strong': {
        if (!plainInline((t as Tokens.Em).tokens, out)) return false;
        html += `<${t.type}>${out.html}</${t.type}>`;
        text += out.text;
        break;
      }
      case 'image': {
        // As renderDirect writes it; an image adds nothing to the text read back.
        const im = t as Tokens.Image;
        const alt = plain(im.tokens);
        const src = cleanUrl(im.href);
        if (src === null || CHARACTER_REFERENCE.test(src) || CHARACTER_REFERENCE.test(alt) || (im.title && CHARACTER_REFERENCE.test(im.title))) return false;
        html += `<img src="${escAttr(src)}" alt="${escAttr(alt)}"${im.title ? ` title="${escAttr(im.title)}"` : ''} />`;
        break;
      }
      case 'link': {
        const l = t as Tokens.Link;
        const href = cleanUrl(l.href);
        if (isAutolink(l)) {
          // A bare URL: its text printed escaped, as renderDirect does.
          if (href === null) return false;
          const escaped = escText(l.text);
          html += `<a href="${escAttr(href)}">${escaped}</a>`;
          text += escaped === l.text ? l.text : stripIllegalXmlChars(l.text);
          break;
        }
        if ( href === null || CHARACTER_REFERENCE.test(href) || (l.title && CHARACTER_REFERENCE.test(l.title)) || holdsLink(l.tokens) || !plainInline(l.tokens, out)) return false;
        html += `<a href="${escAttr(href)}"${l.title ? ` title="${escAttr(l.title)}"` : ''}>${out.html}</a>`;
        text += out.text;
        break;
      }
      default:
        return false;
    }
  }
  out.html = html;
  out.text = text;
  return true;
}
