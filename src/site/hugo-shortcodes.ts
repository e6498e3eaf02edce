import path from 'node:path';
import type { SiteShortcode } from '../sources/templates.js';
import { sortedEntries } from './entries.js';
import { readSmallText } from '../util/fs.js';

/** Shortcode templates read, and the largest one read: a bounded scan. */
const SHORTCODE_SCAN = { files: 300, bytes: 32 * 1024 };

/**
 * A Hugo site's own shortcodes (`layouts/_shortcodes/x.html`, `layouts/shortcodes/x.md`, the
 * themes' too; the site's win, as in Hugo's lookup), as far as their templates say what they
 * produce without running Go templates:
 *
 * - a template with no template code (`disclaimer.md`: a fixed note) is its own output;
 * - an image: the template writes an `<img>` or `<picture>` and reads its source from a `src`
 *   (or `image`, `url`, `file`, first positional) argument: `{{< img src="x.png" alt="…" >}}`
 *   becomes `<img>`, with its caption when one is given;
 * - a video: the template embeds YouTube or Vimeo and reads an id argument (`id`, `videoId`…):
 *   a link to the video, as Hugo's own `youtube` shortcode becomes;
 * - a box: a paired shortcode whose template writes the Markdown between its tags (`.Inner`)
 *   becomes a block quote titled by its title argument, as the themes' callouts do;
 * - a link: the template writes one `<a href>` whose address and text are arguments
 *   (`{{< external_link url="…" title="…" >}}`; see linkShortcode).
 *
 * Any other shortcode is removed with a warning, as before. Data only: it travels in the config.
 */
export function hugoShortcodes(root: string, themes: readonly string[], themesDir: string): Record<string, SiteShortcode> {
  const out: Record<string, SiteShortcode> = {};
  let files = 0;
  // Themes first, the site last: the site's own template of a name wins.
  const bases = [...themes.map((t) => path.resolve(root, themesDir, t)).reverse(), root];
  for (const base of bases) {
    for (const folder of ['shortcodes', '_shortcodes']) {
      const dir = path.join(base, 'layouts', folder);
      for (const e of sortedEntries(dir)) {
        const m = /^([\w-]+)\.(html|md)$/.exec(e.name);
        if (!m || !e.isFile() || files >= SHORTCODE_SCAN.files) continue;
        files++;
        const text = readSmallText(path.join(dir, e.name), SHORTCODE_SCAN.bytes);
        if (text === undefined) continue;
        const name = m[1] as string;
        const kind = classify(text, m[2] === 'md');
        if (kind) out[name] = kind;
        else delete out[name];
      }
    }
  }
  return out;
}

/** The arguments a template reads by name (`.Get "src"`), in order of first use. */
function namedArgs(template: string): string[] {
  return [...new Set([...template.matchAll(/\.Get\s+"([\w-]+)"/g)].map((m) => m[1] as string))];
}

const IMAGE_SOURCE_ARGS = ['src', 'image', 'img', 'url', 'file', 'path'];

function classify(template: string, markdown: boolean): SiteShortcode | undefined {
  const link = markdown ? undefined : linkShortcode(template);
  if (link) return link;
  const titled = /\$\w*title\w*\s*:?=\s*\.Get\s+(?:(\d+)|"([\w-]+)")/i.exec(template);
  return shortcodeKind(template, {
    markdown,
    args: namedArgs(template),
    positional: /\.Get\s+0\b/.test(template),
    inner: /\.Inner(?:Deindent)?\b/.test(template),
    ...(titled ? { title: titled[1] !== undefined ? Number(titled[1]) : (titled[2] as string) } : {}),
  });
}

/** What a shortcode template reads, as its template language writes it (Hugo's Go templates, Zola's Tera). */
export interface TemplateShape {
  /** A Markdown template (Hugo's `.md`): only a fixed text is read from it. */
  markdown: boolean;
  /** The arguments it reads by name, in order of first use. */
  args: string[];
  /** It reads its first positional argument. */
  positional: boolean;
  /** It writes the content between its tags (Hugo's `.Inner`, Zola's `body`). */
  inner: boolean;
  /** The argument a variable named like a title is set from, when the template says so. */
  title?: string | number;
}

/**
 * What a site's shortcode template produces, as far as it can be told without running it (see
 * hugoShortcodes): a fixed text, an image, a YouTube/Vimeo video, or a box around its content.
 */
export function shortcodeKind(template: string, shape: TemplateShape): SiteShortcode | undefined {
  if (!template.includes('{{') && !template.includes('{%')) {
    const text = template.trim();
    return text ? { kind: 'text', markdown: shape.markdown, text } : undefined;
  }
  if (shape.markdown) return undefined;
  const { args, positional } = shape;
  const video = /youtube(?:-nocookie)?\.com\/|youtu\.be\/|i\.ytimg\.com|<lite-youtube/i.test(template) ? 'youtube' : /player\.vimeo\.com|vimeo\.com\//i.test(template) ? 'vimeo' : undefined;
  if (video) {
    const id = args.find((a) => /id$/i.test(a)) ?? (positional ? 0 : undefined);
    if (id === undefined) return undefined;
    const title = args.find((a) => /title/i.test(a));
    return { kind: 'video', host: video, id, ...(title ? { title } : {}) };
  }
  if (/<img\b|<picture\b/i.test(template)) {
    const src = IMAGE_SOURCE_ARGS.find((a) => args.includes(a)) ?? (positional ? 0 : undefined);
    if (src === undefined) return undefined;
    const alt = args.find((a) => a === 'alt');
    const caption = args.find((a) => a === 'caption') ?? args.find((a) => a === 'title');
    return { kind: 'image', src, ...(alt ? { alt } : {}), ...(caption ? { caption } : {}) };
  }
  // A box around the Markdown between its tags (rendered with markdownify, RenderString or Tera's
  // `markdown` filter): a block quote, titled by the argument a variable names title.
  // Not one that shows its inner text as code (`highlight .Inner`, `<pre>`).
  if (shape.inner && !/\bhighlight\b|<pre\b|<code\b/i.test(template)) {
    const title = shape.title ?? args.find((a) => /^title$/i.test(a));
    return { kind: 'box', ...(title !== undefined ? { title } : {}) };
  }
  return undefined;
}

/** Template actions that write nothing: comments, assignments, conditions and their ends, errorf/warnf. */
const SILENT_ACTION = /\{\{-?\s*(?:\/\*[\s\S]{0,2000}?\*\/|\$\w+\s*:?=[^{}]{0,500}|(?:if|else(?:\s+if)?|with)\b[^{}]{0,500}|end|(?:errorf|warnf)\b[^{}]{0,500})\s*-?\}\}/g;
/** An argument as a template writes it (`.Get "url"`, `.Get 0`, in parentheses), piped at most through filters that keep it as it is. */
const ARG_EXPRESSION = /^\(?\s*\.Get\s+(?:"([\w-]+)"|(\d+))\s*\)?(?:\s*\|\s*(?:safeURL|safeHTML|safeHTMLAttr|htmlEscape|markdownify|plainify))*$/;
/** The one element the template writes, with the template action of its text. */
const LINK_ELEMENT = /^<a\b([^<>]*)>\s*\{\{-?\s*([^{}]{1,200}?)\s*-?\}\}\s*<\/a>$/;

/**
 * A link shortcode: a template whose only output is one `<a href="{{ … }}">{{ … }}</a>`, both
 * from its arguments, read directly or through a variable set from one (`{{ $url := .Get "url" }}`),
 * around actions that write nothing (a missing argument's `errorf`, a comment). Any other output
 * (a second element, text set by a condition) is not this.
 */
function linkShortcode(template: string): SiteShortcode | undefined {
  if (template.length > 4096 || !/<a\b/i.test(template)) return undefined;
  const variables = new Map<string, string>();
  for (const m of template.matchAll(/\{\{-?\s*\$(\w+)\s*:?=\s*([^{}]{1,200}?)\s*-?\}\}/g)) variables.set(m[1] as string, m[2] as string);
  const argOf = (expr: string): string | number | undefined => {
    const named = /^\$(\w+)$/.exec(expr.trim());
    const m = ARG_EXPRESSION.exec(named ? (variables.get(named[1] as string) ?? '') : expr.trim());
    return m ? (m[1] ?? Number(m[2])) : undefined;
  };
  const element = LINK_ELEMENT.exec(template.replace(SILENT_ACTION, '').trim());
  const href = element ? /\bhref\s*=\s*"\{\{-?\s*([^{}"]{1,200}?)\s*-?\}\}"/.exec(element[1] as string) : undefined;
  const target = href ? argOf(href[1] as string) : undefined;
  const text = element ? argOf(element[2] as string) : undefined;
  if (target === undefined || text === undefined) return undefined;
  return { kind: 'link', href: target, text };
}
