/**
 * The Liquid block and tags of Octopress (a Jekyll distribution whose `plugins/` folder every such
 * blog carries) and of jekyll-gist, as their Ruby plugins write them, for a Jekyll site's posts
 * (src/sources/templates.ts registers them with the Liquid engine):
 * - `{% codeblock [title] [lang:ruby] [url [link text]] %}…{% endcodeblock %}`: a fenced code block,
 *   in a figure captioned with its title (and link) when it has one; the language from `lang:` or
 *   the title's file extension, as plugins/code_block.rb reads them (Hexo's options `mark:1,3`,
 *   `line_number:false`, `first_line:`, `highlight:`, `wrap:` are left out of the caption);
 * - `{% blockquote [author[, source title]] [url [link text]] %}…{% endblockquote %}`: a block quote
 *   with its attribution (plugins/blockquote.rb);
 * - `{% pullquote %}…{"quoted"}…{% endpullquote %}`: the paragraph, without the markers;
 * - `{% img [class] /path/image.png [width [height]] ["title" ["alt"]] %}`: the image (plugins/image_tag.rb);
 * - `{% gist id [file] %}` (Octopress, jekyll-gist `user/id`): a link to the gist (a feed reader runs no embed script).
 */
import { escapeHtml } from '../util/html.js';

/**
 * The longest tag arguments read (a caption, an attribution, an image's attributes are a line): the
 * expressions below backtrack over longer ones in quadratic time. Longer arguments are not read, and
 * the tag is named in the article's CONTENT_TEMPLATE_REMOVED warning (src/sources/templates.ts).
 */
export const MAX_TAG_ARGS = 1_000;

/** Text, then a URL, then optional link text: how both plugins read a caption or an attribution with a link. */
const WITH_URL = /^(\S.*?)\s+(https?:\/\/\S+)(?:\s+(.+))?$/i;

/** A `{% codeblock %}`'s arguments: the caption's title, its link, and the code's language. */
export interface CodeblockArgs {
  title?: string;
  url?: string;
  linkText?: string;
  lang?: string;
}

/** plugins/code_block.rb's reading of the markup: `lang:x` first, then title, URL and link text. */
export function codeblockArgs(markup: string): CodeblockArgs {
  const out: CodeblockArgs = {};
  if (markup.length > MAX_TAG_ARGS) return out;
  const lang = /\s*lang:(\w+)/i.exec(markup);
  if (lang) {
    out.lang = lang[1] as string;
    markup = markup.replace(/lang:\w+/i, '');
  }
  // Hexo's own options (its codeblock tag's line numbers, marked lines, wrapping) say nothing a feed shows.
  markup = markup.replace(/(?:^|\s)(?:line_number|line_threshold|highlight|first_line|mark|wrap):\S*/gi, ' ').trim();
  const withUrl = WITH_URL.exec(markup);
  if (withUrl) {
    out.title = withUrl[1] as string;
    out.url = withUrl[2] as string;
    out.linkText = withUrl[3]?.trim() || 'link';
  } else if (markup) out.title = markup;
  if (!out.lang && out.title) {
    const ext = /\w\.(\w+)$/.exec(out.title)?.[1];
    if (ext) out.lang = ext;
  }
  return out;
}

/** A code block as Markdown: a fence longer than any backtick run in the code, in a captioned figure when it has a title. */
export function codeblockMarkdown(code: string, args: CodeblockArgs): string {
  const body = code.replace(/^\r?\n/, '').replace(/\r?\n\s*$/, '');
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const block = `\n\n${fence}${args.lang ?? ''}\n${body}\n${fence}\n\n`;
  if (!args.title) return block;
  const link = args.url ? ` <a href="${escapeHtml(args.url)}">${escapeHtml(args.linkText ?? 'link')}</a>` : '';
  return `\n\n<figure>\n<figcaption>${escapeHtml(args.title)}${link}</figcaption>\n${block}</figure>\n\n`;
}

/** A `{% blockquote %}`'s attribution: who said it, the source's title and its URL. */
export interface QuoteArgs {
  by?: string;
  title?: string;
  url?: string;
}

/** plugins/blockquote.rb's reading: `Author URL Title`, `Author URL`, or `Author, Source title`. */
export function blockquoteArgs(markup: string): QuoteArgs {
  markup = markup.trim();
  if (!markup || markup.length > MAX_TAG_ARGS) return {};
  const cite = WITH_URL.exec(markup);
  if (cite) return { by: cite[1] as string, url: cite[2] as string, ...(cite[3] ? { title: cite[3].trim() } : {}) };
  const titled = /^([^,]+),([^,]+)$/.exec(markup);
  if (titled) return { by: (titled[1] as string).trim(), title: (titled[2] as string).trim() };
  return { by: markup };
}

/** A block quote as Markdown around its Markdown, with its attribution as its last paragraph. */
export function blockquoteMarkdown(inner: string, args: QuoteArgs): string {
  const source = args.url ? `<cite><a href="${escapeHtml(args.url)}">${escapeHtml(args.title ?? args.url.replace(/^https?:\/\//, ''))}</a></cite>` : args.title ? `<cite>${escapeHtml(args.title)}</cite>` : '';
  const by = [args.by ? `<strong>${escapeHtml(args.by)}</strong>` : '', source].filter(Boolean).join(', ');
  return `\n\n<blockquote>\n\n${inner.trim()}\n\n${by ? `<p>— ${by}</p>\n\n` : ''}</blockquote>\n\n`;
}

/** A pull quote's text: the paragraph with its `{"…"}` markers dropped (the quote is shown beside it on the site). */
export function pullquoteMarkdown(inner: string): string {
  return `\n\n${inner.replace(/\{"\s*/g, '').replace(/\s*"\}/g, '').trim()}\n\n`;
}

/** `{% img %}` as plugins/image_tag.rb reads it; undefined when it names no image. */
export function imgHtml(markup: string): string | undefined {
  if (markup.length > MAX_TAG_ARGS) return undefined;
  const m = /^(?:(\S.*?)\s+)?((?:https?:\/\/|\/|\S+\/)\S+)(?:\s+(\d+))?(?:\s+(\d+))?(\s+.+)?$/i.exec(markup.trim());
  if (!m) return undefined;
  const [, , src, width, height, rest] = m;
  let title = rest?.trim();
  let alt = title;
  const quoted = title ? /^["']([^"']*)["']\s+["']([^"']*)["']$/.exec(title) : null;
  if (quoted) {
    title = quoted[1];
    alt = quoted[2];
  } else if (title) alt = title = title.replace(/^["']|["']$/g, '');
  const attrs = [`src="${escapeHtml(src as string)}"`, `alt="${escapeHtml(alt ?? '')}"`, title ? `title="${escapeHtml(title)}"` : '', width ? `width="${width}"` : '', height ? `height="${height}"` : ''];
  return `<img ${attrs.filter(Boolean).join(' ')}>`;
}

/** `{% gist 1234567 [file] %}` / `{% gist user/abc123 [file] %}` as a link to the gist; undefined for an id that is not one. */
export function gistLink(markup: string): string | undefined {
  if (markup.length > MAX_TAG_ARGS) return undefined;
  const m = /^(?:([\w-]+)\/)?([\da-f]+|\d+)(?:\s+(\S+))?\s*$/i.exec(markup.trim());
  if (!m) return undefined;
  const [, user, id, file] = m;
  const url = `https://gist.github.com/${user ? `${user}/` : ''}${id}`;
  const text = file ? `${file} (gist on GitHub)` : user ? `Gist by ${user} on GitHub` : 'Gist on GitHub';
  return `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
}
