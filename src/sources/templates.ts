import { createRequire } from 'node:module';
import path from 'node:path';
import type { Context, Liquid, TagToken, TopLevelToken } from 'liquidjs';

/** liquidjs's tag options (its type is not exported from the package root). */
type TagImplOptions = Exclude<Parameters<Liquid['registerTag']>[1], new (...args: never[]) => unknown>;
import { diagnostic } from '../diagnostics.js';
import type { Diagnostic } from '../model.js';
import { countNewlines } from '../util/text.js';
import type { AttributeSyntax } from './attributes.js';
import { type MathSyntax, mathPattern } from './math.js';
import { type HexoTag, hexoTagHtml } from './hexo-tags.js';
import { blockquoteArgs, blockquoteMarkdown, codeblockArgs, codeblockMarkdown, gistLink, imgHtml, MAX_TAG_ARGS, pullquoteMarkdown } from './octopress-tags.js';

/**
 * Template code in Markdown bodies: Liquid (Jekyll), Nunjucks (Eleventy) and Hugo shortcodes.
 * Generators run it before Markdown; a feed reader must never see it as text.
 *
 * - `engine: 'liquid'`: Liquid and Nunjucks-style tags are rendered with liquidjs against `vars`
 *   (Jekyll: `site.url`, `site.baseurl`, `site.title`…; Eleventy: its global data files by name) and
 *   the article's front matter as `page` (and by name for Eleventy). Jekyll's
 *   `{% raw %}`, `{% highlight %}` (a fenced code block), `{% link %}` and `{% post_url %}` (from
 *   `links`, resolved before rendering by src/site/links.ts; an unknown target is named in a
 *   CONTENT_LINK_UNRESOLVED warning and the link around it unwrapped) work, and so does
 *   `{% include name k="v" %}` of the site's own include files (`includes`, read beforehand; no
 *   file is read while rendering); tags that would read other files (a gem theme's include,
 *   `{% include_relative %}`, `{% render %}`) or that no engine knows are removed with a warning
 *   naming the line and tag.
 * - `engine: 'none'` (the default: nothing says the site renders templates): template code is
 *   removed with a warning; `{% raw %}` keeps its content as written.
 *
 * Hugo's built-in `ref`, `relref` (from `links`), `param`, `figure`, `youtube`, `vimeo`, `x`/`tweet`,
 * `instagram`, `gist` (the embeds as links) and `highlight` are rendered, the themes' `link` (an
 * absolute URL and its text) and `github` (a repository card) as links, and the themes' paired callouts (`alert`, `notice`…) as block quotes; other shortcodes (`{{< x >}}`, `{{% x %}}`, and their closing tags)
 * cannot be rendered outside Hugo: they are removed (paired ones keep their inner text) with a warning. Code spans and
 * fenced code blocks keep `{{` and `{%` as written: tech blogs show template code in code.
 * Front matter `render_with_liquid: false` (Jekyll) or `disableNunjucks: true` (Hexo) keeps the body as written; `render_with_liquid: true` renders it.
 */
export interface TemplateSettings {
  engine: 'liquid' | 'none';
  /** Variables the templates see by name, e.g. `{ site: { url, baseurl, title } }`. */
  vars?: Record<string, unknown>;
  /** Targets of `{% link path %}` and `{% post_url name %}`: `link:<path>` / `post_url:<name>` as written -> URL. */
  links?: Record<string, string>;
  /**
   * Jekyll: the site's include files the articles name (`{% include note.html text="…" %}`), by
   * name as written -> their text (src/site/links.ts reads them, within INCLUDE_LIMITS). A named
   * include not here (a gem theme's) is removed with a warning.
   */
  includes?: Record<string, string>;
  /**
   * The generator whose content syntax the bodies use, when it is not Liquid's:
   * - `hugo`: only shortcodes (`{{< x >}}`, `{{% x %}}`) are template code; other `{{`/`{%` text is
   *   kept as written, as Hugo publishes it (its content files are not templates);
   * - `zola`: the site's own shortcodes in `shortcodes` render; else `{{ youtube(id="…") }}` and
   *   `{{ vimeo(id="…") }}` are links to the video, as Hugo's are; Markdown links to `@/<path>.md`
   *   are internal links, rewritten to the URLs in `links` (src/sources/markdown.ts);
   * - `plain`: no template language at all (a MkDocs site without the macros plugin,
   *   src/site/other-generators.ts): the body is kept as written, `{{ x }}` and `{% x %}` included.
   */
  generator?: 'hugo' | 'zola' | 'plain';
  /**
   * Quarto: the documents `{{< include name >}}` may name (src/site/quarto-includes.ts), by display
   * path -> text, and the project's display path (`root`) for names starting with `/`. An include
   * found here is replaced by the file's text before anything else is read; one not found is removed
   * with the other unknown shortcodes (CONTENT_TEMPLATE_REMOVED).
   */
  quartoIncludes?: { root: string; files: Record<string, string> };
  /** The article's front matter is also seen by name (`{{ title }}`), as Eleventy's templates see it; Jekyll's only as `page`. */
  frontMatterByName?: boolean;
  /** Hugo and Zola: the site's own shortcodes that can be rendered from their arguments (src/site/hugo-shortcodes.ts, zola-shortcodes.ts). */
  shortcodes?: Record<string, SiteShortcode>;
  /** Generic directives (`:::note` … `:::`, remark-directive, markdown-it-container): boxes become block quotes (src/sources/directives.ts). */
  directives?: boolean;
  /** The site's Markdown reads no indented code blocks (Eleventy 2.0 and later disable markdown-it's): src/sources/markdown.ts. */
  noIndentedCode?: boolean;
  /** TeX math the site renders (remark-math, kramdown, Hugo's passthrough): kept as written (src/sources/math.ts). */
  math?: MathSyntax;
  /** The attribute lists the site's Markdown renderer reads (`## Setup {#setup}`): removed before rendering (src/sources/attributes.ts). */
  attributes?: AttributeSyntax;
  /**
   * The generator titles a page that has no front-matter title by its first level-1 heading,
   * wherever it stands (VitePress, MkDocs, Nuxt Content: src/site/other-generators.ts), not only
   * by a heading that opens the page (src/sources/markdown.ts).
   */
  titleFromFirstHeading?: boolean;
}

/**
 * A Hugo or Zola site's own shortcode, as far as its template tells what it writes (src/site/hugo-shortcodes.ts):
 * a fixed text (Markdown for a `.md` template, else HTML), an image whose source (and alt text,
 * caption) come from the named or positional arguments given, or a YouTube/Vimeo video by id.
 */
export type SiteShortcode =
  | { kind: 'text'; markdown: boolean; text: string }
  /** `fromSiteRoot`: the template makes a relative source the site's (Zola's `get_url(path=src)`), not the page's. */
  /** `served`: the image is a file of the site, at the URL path these source folders are copied to (Eleventy's passthrough copies); a source elsewhere renders nothing. */
  | { kind: 'image'; src: string | number; alt?: string | number; caption?: string | number; fromSiteRoot?: boolean; served?: Record<string, string> }
  | { kind: 'video'; host: 'youtube' | 'vimeo'; id: string | number; title?: string }
  /** A link whose address (and text, else the address) come from the arguments given: `{{< external_link url="…" title="…" >}}`. */
  | { kind: 'link'; href: string | number; text?: string | number }
  /** A box around its Markdown (`.Inner`), with a title from an argument: a block quote, as the themes' callouts. */
  | { kind: 'box'; title?: string | number }
  /** A text with the positional arguments given written in, as written (an Eleventy shortcode returning a template literal of its parameters). */
  | { kind: 'fill'; parts: Array<string | number> }
  /** One of Hexo's built-in tags (src/sources/hexo-tags.ts), its arguments read as Hexo reads them. */
  | HexoTag;

/** The key of a Zola internal link's target (`@/blog/x.md`, as written, without its anchor) in `TemplateSettings.links`. */
export function zolaLinkKey(target: string): string {
  return `zola:@/${target}`;
}

export interface TemplateResult {
  text: string;
  diagnostics: Diagnostic[];
}

/** A tag removed from the body, for the one warning per file. */
interface Removed {
  tag: string;
  /** 1-based line in the body. */
  line: number;
}

/** Private-use marks around a masked code region (with its newlines kept, so lines still count). */
const MASK_OPEN = '\uE000';
const MASK_CLOSE = '\uE001';
const MASKED = /\uE000(\d+)\n*\uE001/g;

/** At most this many removed tags are named in the warning; the count says how many there were. */
const NAMED_IN_WARNING = 8;

/** liquidjs limits: a template in an article may not loop or allocate without bound. */
const LIQUID_LIMITS = { parseLimit: 4_000_000, renderLimit: 2_000, memoryLimit: 32_000_000 };
/**
 * Most tags and outputs (`{%`, `{{`) one body has rendered through Liquid: liquidjs takes its
 * tokens off the front of an array one by one (`Array.shift`), quadratic in their number (5,000
 * tags took ~0.9 s here, 20,000 3-8 s; 2,000 ~0.1 s). Past it the template code is removed, as for a body that does not parse,
 * and CONTENT_TEMPLATE_FAILED says why. Real posts hold tens.
 */
export const MAX_LIQUID_TAGS = 2_000;

/** Quick test: does the body hold anything that may be template code? */
function mayHoldTemplates(body: string): boolean {
  return body.includes('{{') || body.includes('{%') || body.includes('{#');
}

/**
 * Code as a Liquid site publishes it: Liquid runs before Markdown, over code too, so the
 * `{% raw %}`/`{% endraw %}` an author wrote around template code in a code block never shows;
 * what they wrap does. (The rest of the code block is kept as written.)
 */
function withoutRawTags(code: string): string {
  return code.includes('raw') ? code.replace(/\{%-?\s*(?:end)?raw\s*-?%\}/g, '') : code;
}

/**
 * Render or remove the template code in a Markdown body (before Markdown is rendered).
 * `bodyLine` is the file line of the body's first line, `file` the display path for diagnostics.
 */
export function applyTemplates(written: string, bodyLine: number, file: string, settings: TemplateSettings | undefined, frontMatter: Record<string, unknown>): TemplateResult {
  const body = settings?.quartoIncludes && written.includes('{{<') ? quartoIncluded(written, file, settings.quartoIncludes, 0) : written;
  if (!mayHoldTemplates(body)) return { text: body, diagnostics: [] };
  // Jekyll's `render_with_liquid: false` and Hexo's `disableNunjucks: true` keep the body as written.
  if (frontMatter.render_with_liquid === false || frontMatter.disableNunjucks === true) return { text: body, diagnostics: [] };
  const engine = frontMatter.render_with_liquid === true ? 'liquid' : (settings?.engine ?? 'none');
  if (settings?.generator === 'plain' && engine === 'none') return { text: body, diagnostics: [] };
  const code = new CodeMask(engine === 'liquid' ? withoutRawTags : undefined);
  let text = code.mask(body.includes(UNRESOLVED) ? body.replaceAll(UNRESOLVED, '') : body);
  const removed: Removed[] = [];
  const unresolved: Removed[] = [];
  text = removeHugoShortcodes(text, removed, code, { file, settings, frontMatter, unresolved });
  const diagnostics: Diagnostic[] = [];
  if (settings?.generator === 'hugo' && engine === 'none') {
    // Hugo: only shortcodes are template code in content; `{{ x }}`, `{% x %}` and `{# x #}` are
    // text, which Hugo publishes as written.
    if (removed.length > 0) diagnostics.push(removedWarning(removed, bodyLine, file, engine));
    if (unresolved.length > 0) diagnostics.push(unresolvedWarning(unresolved, bodyLine, file));
    return { text: code.unmask(unwrapUnresolved(text)), diagnostics };
  }
  if (text.includes('{%')) text = pairedMath(text, code, settings?.math, LIQUID_MATH_TAG);
  if (engine === 'liquid' && text.includes('endfigure')) text = jekyllFigures(text, code);
  if (settings?.generator === 'zola' && engine === 'none') text = renderZolaShortcodes(text, { file, settings, frontMatter, unresolved }, bodyLine, code);
  text = replaceSpans(text, /\{#/g, /#\}/g, keepLines); // Nunjucks/Jinja comments
  if (engine === 'liquid' && (text.includes('{{') || text.includes('{%'))) {
    const before = removed.length;
    const rendered = renderLiquid(text, settings ?? { engine: 'liquid' }, frontMatter, removed, unresolved, (file.split('/').pop() ?? '').replace(/\.[^.]*$/, ''));
    if (rendered.ok) text = rendered.text;
    else {
      removed.length = before;
      unresolved.length = 0;
      diagnostics.push(diagnostic('CONTENT_TEMPLATE_FAILED', { file, line: bodyLine - 1 + (rendered.line ?? 1) }, { reason: rendered.message }));
      text = stripTemplates(text, removed, code);
    }
  } else text = stripTemplates(text, removed, code);
  if (removed.length > 0) diagnostics.push(removedWarning(removed, bodyLine, file, engine));
  if (unresolved.length > 0) diagnostics.push(unresolvedWarning(unresolved, bodyLine, file));
  return { text: code.unmask(unwrapUnresolved(text)), diagnostics };
}

const QUARTO_INCLUDE = /\{\{<\s*include\s+(["']?)([^"'\s>]+)\1\s*>\}\}/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** How deep Quarto includes nest (an include that includes itself stops there). */
const MAX_QUARTO_DEPTH = 8;

/**
 * A Quarto document with each `{{< include name >}}` outside fenced code replaced by the named
 * file's text (its own includes too, MAX_QUARTO_DEPTH deep), as Quarto does before rendering:
 * `name` relative to the document's folder, or to the project's root when it starts with `/`. The
 * included file's front matter, if any, is left out. A name not in `includes` stays as written.
 */
function quartoIncluded(text: string, file: string, includes: NonNullable<TemplateSettings['quartoIncludes']>, depth: number): string {
  if (depth >= MAX_QUARTO_DEPTH || !text.includes('{{<')) return text;
  let fence: string | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const mark = FENCE.exec(line)?.[1];
    if (mark && (fence === undefined || (mark[0] === fence[0] && mark.length >= fence.length))) {
      fence = fence === undefined ? mark : undefined;
      continue;
    }
    if (fence !== undefined || !line.includes('{{<')) continue;
    lines[i] = line.replace(QUARTO_INCLUDE, (whole, _quote: string, name: string) => {
      const key = path.posix.normalize(name.startsWith('/') ? path.posix.join(includes.root, name) : path.posix.join(path.posix.dirname(file), name));
      const included = includes.files[key];
      if (included === undefined) return whole;
      const own = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(included);
      return quartoIncluded(own ? included.slice(own[0].length) : included, key, includes, depth + 1);
    });
  }
  return lines.join('\n');
}

/** The one CONTENT_TEMPLATE_REMOVED warning of a body: its removed tags by line (the first eight named). */
export function removedWarning(removed: Removed[], bodyLine: number, file: string, engine: 'liquid' | 'none'): Diagnostic {
  const sorted = [...removed].sort((a, b) => a.line - b.line);
  const first = sorted[0] as Removed;
  const named = sorted.slice(0, NAMED_IN_WARNING).map((r) => `${r.tag} (line ${bodyLine - 1 + r.line})`);
  return diagnostic('CONTENT_TEMPLATE_REMOVED', { file, line: bodyLine - 1 + first.line }, { named, total: sorted.length, engine });
}

function unresolvedWarning(tags: Removed[], bodyLine: number, file: string): Diagnostic {
  const sorted = [...tags].sort((a, b) => a.line - b.line);
  const first = sorted[0] as Removed;
  const named = sorted.slice(0, NAMED_IN_WARNING).map((r) => `${r.tag} (line ${bodyLine - 1 + r.line})`);
  return diagnostic('CONTENT_LINK_UNRESOLVED', { file, line: bodyLine - 1 + first.line }, { named, total: sorted.length });
}

/** A short label for a removed tag: its first 60 characters on one line. */
function label(tag: string): string {
  const one = tag.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

/**
 * Fenced code blocks and code spans, replaced by numbered placeholders that keep their newlines,
 * so template code inside them is neither rendered nor removed, and line numbers stay true.
 */
export class CodeMask {
  private readonly parts: string[] = [];

  /**
   * `literal`: what code blocks and spans become (Liquid sites: without `{% raw %}` tags, see `withoutRawTags`).
   * `math`: TeX math (src/sources/math.ts) is held too, as written, where the site renders it.
   */
  constructor(
    private readonly literal: (code: string) => string = (code) => code,
    private readonly math?: MathSyntax,
  ) {}

  /**
   * A placeholder for `literal`, restored by `unmask`; it holds `lines` newlines (by default as many
   * as the text it replaces) so that the lines of what follows are still counted right.
   */
  hold(literal: string, lines = countNewlines(literal)): string {
    this.parts.push(this.unmask(literal));
    return `${MASK_OPEN}${this.parts.length - 1}${'\n'.repeat(lines)}${MASK_CLOSE}`;
  }

  mask(text: string): string {
    if (text.includes(MASK_OPEN) || text.includes(MASK_CLOSE)) {
      // The marks cannot be told from the text's own: drop them (private-use, never prose).
      text = text.replaceAll(MASK_OPEN, '').replaceAll(MASK_CLOSE, '');
    }
    const lines = text.split('\n');
    const out: string[] = [];
    let prose: string[] = [];
    const flush = (): void => {
      if (prose.length > 0) out.push(this.maskMath(this.maskSpans(prose.join('\n'))));
      prose = [];
    };
    for (let i = 0; i < lines.length; i++) {
      const open = FENCE_OPEN.exec(lines[i] as string);
      if (!open) {
        prose.push(lines[i] as string);
        continue;
      }
      const fence = open[1] as string;
      let end = i + 1;
      while (end < lines.length && !isFenceClose(lines[end] as string, fence)) end++;
      flush();
      const block = lines.slice(i, Math.min(end + 1, lines.length)).join('\n');
      out.push(this.hold(this.literal(unescapeShortcodes(block)), countNewlines(block)));
      i = end;
    }
    flush();
    return out.join('\n');
  }

  /**
   * Inline code spans: a run of n backticks up to the next run of exactly n in the same paragraph.
   * Linear: the runs are listed once, and each length's next run is found from a queue.
   */
  private maskSpans(text: string): string {
    if (!text.includes('`')) return text;
    const runs: Array<{ at: number; len: number; key: string }> = [];
    const queues = new Map<string, number[]>();
    let para = 0;
    for (const m of text.matchAll(/`+|\n[ \t]*(?=\n)/g)) {
      if (m[0][0] !== '`') {
        para++;
        continue;
      }
      const key = `${para}:${m[0].length}`;
      runs.push({ at: m.index, len: m[0].length, key });
      const q = queues.get(key);
      if (q) q.push(runs.length - 1);
      else queues.set(key, [runs.length - 1]);
    }
    let out = '';
    let done = 0;
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i] as { at: number; len: number; key: string };
      if (run.at < done) continue;
      const q = queues.get(run.key) as number[];
      while (q.length > 0 && (q[0] as number) <= i) q.shift();
      const close = q[0];
      if (close === undefined) continue;
      const end = (runs[close] as { at: number; len: number }).at + run.len;
      const span = text.slice(run.at, end);
      out += text.slice(done, run.at) + this.hold(this.literal(unescapeShortcodes(span)), countNewlines(span));
      done = end;
    }
    return out + text.slice(done);
  }

  /** Math spans and blocks, held as written (after code spans: `` `$x$` `` is code). */
  private maskMath(text: string): string {
    if (!this.math || !text.includes('$') && !(this.math.brackets && text.includes('\\'))) return text;
    return text.replace(mathPattern(this.math), (span) => this.hold(span));
  }

  unmask(text: string): string {
    if (this.parts.length === 0) return text;
    return text.replace(MASKED, (_m, i: string) => this.parts[Number(i)] ?? '');
  }
}

/** A fence opens a line (after indentation and block-quote markers): three or more ` or ~. */
const FENCE_OPEN = /^[ \t]*(?:>[ \t]?)*[ \t]*(`{3,}(?=[^`]*$)|~{3,})/;

function isFenceClose(line: string, fence: string): boolean {
  const m = /^[ \t]*(?:>[ \t]?)*[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(line);
  return !!m && (m[1] as string)[0] === fence[0] && (m[1] as string).length >= fence.length;
}

// Hugo's escaped shortcodes, {{</* x */>}}, are published as {{< x >}}.
function unescapeShortcodes(code: string): string {
  return code.includes('{{') ? code.replace(/\{\{([<%])\/\*([\s\S]*?)\*\/([>%])\}\}/g, '{{$1$2$3}}') : code;
}

/**
 * Replace every `open`…`close` span (the nearest `close` after each `open`) with `fn(span, line, before)`,
 * `line` being the span's 1-based line and `before` the character before it. Linear: once no `close` follows, no later `open` can close.
 */
function replaceSpans(text: string, open: RegExp, close: RegExp, fn: (span: string, line: number, before: string) => string): string {
  if (!open.global || !close.global) throw new Error('replaceSpans needs global expressions');
  let out = '';
  let pos = 0;
  let line = 1;
  for (;;) {
    open.lastIndex = pos;
    const o = open.exec(text);
    if (!o) break;
    close.lastIndex = o.index + o[0].length;
    const c = close.exec(text);
    if (!c) break;
    const end = c.index + c[0].length;
    line += countNewlines(text.slice(pos, o.index));
    const span = text.slice(o.index, end);
    out += text.slice(pos, o.index) + fn(span, line, text.slice(Math.max(0, o.index - 1), o.index));
    line += countNewlines(span);
    pos = end;
  }
  return out + text.slice(pos);
}

/** The same number of newlines as `s`: what a removed span leaves, so that lines still count. */
function keepLines(s: string): string {
  return '\n'.repeat(countNewlines(s));
}

/**
 * `{% highlight ruby %}…{% endhighlight %}` (Jekyll) and `{{< highlight go >}}…{{< /highlight >}}`
 * (Hugo) wrap code: their tags become fence lines (placeholders that keep the line count); `word`
 * is the tag's name, `language` reads the language from the opening tag's arguments.
 */
/**
 * The fence a highlight tag's code is written in: tildes, which a backtick fence in the code (a
 * Markdown sample, `{% highlight md %}` around a fenced block) neither closes nor reopens, four of
 * them so that a `~~~` fence in it does not either.
 */
const TAG_FENCE = '~~~~';

function highlightToFences(text: string, code: CodeMask, open: RegExp, close: RegExp, word = 'highlight', language = (args: string) => args): string {
  if (!text.includes(word)) return text;
  return text
    .replace(open, (m, args: string) => code.hold(`\n${TAG_FENCE}${language(args)}\n`, countNewlines(m)))
    .replace(close, (m) => code.hold(`\n${TAG_FENCE}\n`, countNewlines(m)));
}

const CODE_OPEN = /\{\{<\s*code\b([^<>{}\n]{0,200})>\}\}[ \t]*(?:\r?\n)?/g;
const CODE_CLOSE = /(?:\r?\n)?\{\{<\s*\/\s*code\s*>\}\}/g;

/**
 * The themes' `{{< code html >}}…{{< /code >}}` (also `lang=`/`language=`), a code block like
 * Hugo's `highlight`: fenced when every opening tag has its closing one (an unclosed fence would
 * take the rest of the post as code); else left for the removal that names them.
 */
function codeShortcodesToFences(text: string, code: CodeMask): string {
  if (!text.includes('code')) return text;
  const opens = text.match(CODE_OPEN)?.length ?? 0;
  if (opens === 0 || opens !== (text.match(CODE_CLOSE)?.length ?? 0)) return text;
  return highlightToFences(text, code, CODE_OPEN, CODE_CLOSE, 'code', (args) => {
    const { positional, named } = shortcodeArgs(args);
    const language = named.lang ?? named.language ?? positional[0] ?? '';
    return /^[\w+#.-]{1,40}$/.test(language) ? language : '';
  });
}

/** What Hugo's built-in shortcodes need to be rendered. */
interface ShortcodeContext {
  file: string;
  settings: TemplateSettings | undefined;
  frontMatter: Record<string, unknown>;
  unresolved: Removed[];
}

/** A shortcode's arguments as given: positional ones and named ones. */
interface ShortcodeArgs {
  positional: string[];
  named: Record<string, string>;
}

/** A Hugo shortcode's arguments: positional ones and `name="value"` ones (quoted or bare). */
function shortcodeArgs(inner: string): ShortcodeArgs {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  for (const m of inner.matchAll(/(?:([\w-]+)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`]+))/g)) {
    const value = (m[2] ?? m[3] ?? m[4] ?? '').replace(/\\(.)/g, '$1');
    if (m[1]) named[m[1]] = value;
    else positional.push(value);
  }
  return { positional, named };
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Hugo's built-in shortcodes that can be rendered outside Hugo: `ref`/`relref` (from `links`,
 * resolved before rendering by src/site/links.ts), `param` (front matter, then the site's
 * params), `figure`, `youtube`/`vimeo` as a link to the video, and `x`/`tweet`, `instagram` and
 * `gist` as a link to the post. Undefined: not rendered here.
 */
function renderBuiltIn(name: string, args: ShortcodeArgs, ctx: ShortcodeContext | undefined, line: number): string | undefined {
  if (!ctx) return undefined;
  const { positional, named } = args;
  switch (name) {
    case 'ref':
    case 'relref': {
      const target = named.path ?? positional[0];
      if (!target) return undefined;
      const url = ctx.settings?.links?.[`ref:${ctx.file}:${target}`];
      if (url !== undefined) return url;
      ctx.unresolved.push({ tag: label(`{{< ${name} "${target}" >}}`), line });
      return UNRESOLVED;
    }
    case 'param': {
      const key = positional[0] ?? named.name;
      if (!key) return undefined;
      const dig = (o: unknown): unknown => key.split('.').reduce<unknown>((v, k) => (typeof v === 'object' && v !== null && Object.hasOwn(v, k) ? (v as Record<string, unknown>)[k] : undefined), o);
      const fm = ctx.frontMatter;
      const v = dig(fm) ?? dig(fm.params) ?? dig((ctx.settings?.vars as Record<string, unknown> | undefined)?.params);
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
    }
    case 'figure': {
      const src = named.src ?? positional[0];
      if (!src) return undefined;
      return figure(src, named.alt ?? named.caption ?? named.title ?? '', [named.title, named.caption].filter(Boolean).join(' '), named.title, named.link);
    }
    case 'youtube':
    case 'vimeo':
      return videoLink(name, named.id ?? positional[0], named.title);
    case 'x':
    case 'twitter':
    case 'tweet':
      return postLink('x', named.user ?? (positional.length > 1 ? positional[0] : undefined), named.id ?? positional.at(-1));
    case 'instagram':
      return postLink('instagram', undefined, named.id ?? positional[0]);
    case 'gist':
      return postLink('gist', named.user ?? positional[0], named.id ?? positional[1]);
    case 'link':
    case 'a':
    case 'extlink':
    case 'external-link':
    case 'externalLink':
      return linkShortcode(args);
    case 'github':
      return repoLink(named.user && named.repo ? `${named.user}/${named.repo}` : (named.repo ?? named.title ?? named.name ?? positional[0]));
  }
  return undefined;
}

/**
 * A theme's link shortcode (LoveIt's and FixIt's `{{< link "https://…" "text" >}}`, others' text
 * first or `href=`): the one absolute URL among its arguments, with the first other one as the
 * link's text. Removing it took the text out of the sentence ("包括 、 和 。"). Undefined without
 * an http(s) URL.
 */
function linkShortcode({ positional, named }: ShortcodeArgs): string | undefined {
  const isUrl = (v: string | undefined): v is string => v !== undefined && /^https?:\/\/\S+$/i.test(v);
  const href = [named.href, named.url, named.link, ...positional].find(isUrl);
  if (href === undefined) return undefined;
  const text = named.content ?? named.text ?? named.name ?? positional.find((p) => p !== href && p.trim() !== '') ?? named.title ?? href;
  return `<a href="${escapeAttr(href)}">${escapeAttr(text)}</a>`;
}

/** A theme's GitHub repository card (`{{< github repo="owner/name" >}}`, Blowfish's, PaperMod users') as a link to the repository. */
function repoLink(repo: string | undefined): string | undefined {
  if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo)) return undefined;
  return `<a href="https://github.com/${repo}">${escapeAttr(repo)} on GitHub</a>`;
}

/**
 * A social post or gist embed (Hugo's `x`/`tweet`, `instagram`, `gist`) as a link to it: a feed
 * reader runs no embed script. Undefined for an id or user that is not a plain name.
 */
function postLink(host: 'x' | 'instagram' | 'gist', user: string | undefined, id: string | undefined): string | undefined {
  const plain = /^[\w-]+$/;
  if (!id || !plain.test(id) || (user !== undefined && !plain.test(user))) return undefined;
  if (host === 'x') return `<a href="https://x.com/${user ?? 'i'}/status/${id}">${user ? `Post by @${user} on X` : 'Post on X'}</a>`;
  if (host === 'instagram') return `<a href="https://www.instagram.com/p/${id}/">Post on Instagram</a>`;
  return user ? `<a href="https://gist.github.com/${user}/${id}">Gist by ${user} on GitHub</a>` : undefined;
}

/** An image as Hugo's `figure` writes one: linked when `link` is given, with its caption. */
function figure(src: string, alt: string, caption: string, title?: string, link?: string): string {
  let img = `<img src="${escapeAttr(src)}" alt="${escapeAttr(alt)}"${title ? ` title="${escapeAttr(title)}"` : ''}>`;
  if (link) img = `<a href="${escapeAttr(link)}">${img}</a>`;
  return `<figure>${img}${caption ? `<figcaption>${escapeAttr(caption)}</figcaption>` : ''}</figure>`;
}

/** A video embed as a link to the video (a feed reader runs no player); undefined for an id that is no plain id. */
function videoLink(host: 'youtube' | 'vimeo', id: string | undefined, title: string | undefined): string | undefined {
  if (!id || !/^[\w-]+$/.test(id)) return undefined;
  const url = host === 'youtube' ? `https://www.youtube.com/watch?v=${id}` : `https://vimeo.com/${id}`;
  return `<a href="${url}">${escapeAttr(title ?? (host === 'youtube' ? 'Video on YouTube' : 'Video on Vimeo'))}</a>`;
}

/**
 * A site's own shortcode (SiteShortcode) with the arguments given: its fixed text (a block when it
 * has several lines), its image, its video link or its link; undefined when a needed argument is missing.
 */
function renderSiteShortcode(shortcode: SiteShortcode, { positional, named }: ShortcodeArgs): string | undefined {
  // A box whose tags do not pair is removed and named, as any other shortcode; Hexo's tags render in removedTag.
  if (shortcode.kind === 'box' || shortcode.kind === 'hexo') return undefined;
  if (shortcode.kind === 'text') return shortcode.text.includes('\n') ? `\n\n${shortcode.text}\n\n` : shortcode.text;
  if (shortcode.kind === 'fill') {
    const values = shortcode.parts.map((p) => (typeof p === 'number' ? positional[p] : p));
    return values.every((v) => v !== undefined) ? values.join('') : undefined;
  }
  const arg = (key: string | number | undefined): string | undefined => (key === undefined ? undefined : typeof key === 'number' ? positional[key] : named[key]);
  if (shortcode.kind === 'video') return videoLink(shortcode.host, arg(shortcode.id), arg(shortcode.title));
  if (shortcode.kind === 'link') {
    const href = arg(shortcode.href);
    return href ? `<a href="${escapeAttr(href)}">${escapeAttr(arg(shortcode.text) || href)}</a>` : undefined;
  }
  const given = arg(shortcode.src);
  if (!given) return undefined;
  const src = shortcode.served && !/^[a-z][\w+.-]*:/i.test(given) ? servedPath(given, shortcode.served) : shortcode.fromSiteRoot && !/^(?:[a-z][\w+.-]*:|\/)/i.test(given) ? `/${given}` : given;
  if (!src) return undefined;
  const caption = arg(shortcode.caption) ?? '';
  return figure(src, arg(shortcode.alt) ?? caption, caption);
}

/** The URL path a site file (`./src/img/cat.jpg`, from the project's root) is served at, by the folders copied as they are; undefined when none holds it. */
function servedPath(file: string, served: Record<string, string>): string | undefined {
  const rel = file.replace(/^(?:\.\/)+|^\/+/, '');
  if (rel.split('/').includes('..')) return undefined;
  const folder = Object.keys(served)
    .filter((f) => rel.startsWith(`${f}/`))
    .sort((a, b) => b.length - a.length)[0];
  return folder === undefined ? undefined : `/${[served[folder], rel.slice(folder.length + 1)].filter(Boolean).join('/')}`;
}

/**
 * Math shortcodes of widespread themes: Hugo's `{{< katex [display] >}}…{{< /katex >}}` (hugo-book,
 * Blowfish, anubis) and `math`; Zola's `{{ katex(body="…", block=true) }}` and `{% katex(block=true) %}…{% end %}`
 * (after-dark, even, DeepThought); the jekyll-katex plugin's `{% katex [display] %}…{% endkatex %}`. They wrap TeX, which the site typesets with KaTeX; a feed keeps it
 * as written with the delimiters MathJax and KaTeX's auto-render read, as src/sources/math.ts keeps
 * `$$…$$`: removing the tags left the TeX to Markdown (`\\` lost a backslash, `a*b*c` became
 * emphasis), and Zola's one-line calls were removed whole, formula and all.
 */
const MATH_SHORTCODES = new Set(['katex', 'math', 'tex', 'latex', 'mathjax']);
const MATH_NAMES = [...MATH_SHORTCODES].join('|');
/** Longest TeX a math shortcode holds: past it, the tags are removed as unknown template code. */
const MAX_MATH_SHORTCODE = 16_384;
/** A Hugo math shortcode's opening (its arguments in group 2) or closing tag (group 1 `/`). */
const HUGO_MATH_TAG = new RegExp(String.raw`\{\{[<%]\s*(\/?)\s*(?:${MATH_NAMES})\b([^{}<>%\n]{0,200})[>%]\}\}`, 'g');
/** jekyll-katex's Liquid tag, `{% katex [display] %}…{% endkatex %}` (group 1 `end` on the closing tag, group 2 the arguments). */
const LIQUID_MATH_TAG = /\{%-?\s*(end)?katex\b([^{}%\n]{0,200}?)-?%\}/g;

/**
 * Math tags (Hugo's `MATH_SHORTCODES`, `HUGO_MATH_TAG`; jekyll-katex's, `LIQUID_MATH_TAG`) held as
 * `mathText`: each closing tag pairs with the nearest opening tag before it, in one pass over the
 * tags (an opening tag with no closing one is left for the removal that names it).
 */
function pairedMath(text: string, code: CodeMask, math: MathSyntax | undefined, tags: RegExp): string {
  if (!/katex|math|tex/.test(text)) return text;
  let out = '';
  let from = 0;
  let open: RegExpMatchArray | undefined;
  for (const tag of text.matchAll(tags)) {
    if (!tag[1]) {
      open = tag;
      continue;
    }
    if (open === undefined) continue;
    const start = open.index as number;
    const tex = text.slice(start + open[0].length, tag.index);
    const args = open[2] ?? '';
    open = undefined;
    if (tex.length > MAX_MATH_SHORTCODE) continue;
    const display = /\b(?:display|block)\b/.test(args) && !/\b(?:display|block)\s*=\s*"?false/.test(args);
    const end = (tag.index as number) + tag[0].length;
    out += text.slice(from, start) + code.hold(mathText(tex, display, math), countNewlines(text.slice(start, end)));
    from = end;
  }
  return from === 0 ? text : out + text.slice(from);
}
/**
 * The jekyll-figure plugin's block, `{% figure caption:"A *caption*" class:"wide" %}…{% endfigure %}`:
 * a `<figure>` around its Markdown with the caption (Markdown too) as its `<figcaption>`, as the
 * plugin writes it. Only tags that pair are read (an unpaired one is removed and named, as any
 * tag no engine here knows); the tags become held HTML keeping their lines, so the Markdown they
 * wrap is still rendered through Liquid and Markdown.
 */
const JEKYLL_FIGURE = /\{%-?\s*figure\b([^%\n]{0,1000}?)-?%\}([\s\S]{0,20000}?)\{%-?\s*endfigure\s*-?%\}/g;
function jekyllFigures(text: string, code: CodeMask): string {
  return text.replace(JEKYLL_FIGURE, (whole, args: string, inner: string) => {
    if (/\{%-?\s*figure\b/.test(inner)) return whole;
    const attr = (name: string) => new RegExp(String.raw`\b${name}\s*:\s*(?:"([^"]*)"|'([^']*)')`).exec(args);
    const caption = attr('caption');
    const cls = attr('class');
    const className = cls ? (cls[1] ?? cls[2] ?? '').trim() : '';
    const captionText = caption ? (caption[1] ?? caption[2] ?? '').trim() : '';
    const open = `<figure${className ? ` class="${escapeAttr(className)}"` : ''}>\n\n`;
    const close = `\n\n${captionText ? `<figcaption>\n\n${captionText}\n\n</figcaption>\n\n` : ''}</figure>\n\n`;
    const closeAt = whole.lastIndexOf('{%');
    const openTag = whole.slice(0, closeAt - inner.length);
    return code.hold(open, countNewlines(openTag)) + inner + code.hold(close, countNewlines(whole.slice(closeAt)));
  });
}

/** Zola's `body="…"` argument, as written: TeX's backslashes are not string escapes to Zola. */
const ZOLA_MATH_BODY = /\bbody\s*=\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`)/;
const ZOLA_BLOCK = /\bblock\s*=\s*true\b/;
/** A Zola math call on one line, its quoted arguments free to hold parentheses: `{{ katex(body="f(x) = x^2") }}`. */
const ZOLA_MATH_CALL = new RegExp(String.raw`\{\{\s*(${MATH_NAMES})\s*\(((?:[^"'\`()\n]|"[^"\n]*"|'[^'\n]*'|\`[^\`\n]*\`)*)\)\s*\}\}`, 'g');

/**
 * TeX from a math shortcode as Markdown that shows it as written: display math a paragraph
 * `$$…$$`, inline `\(…\)`. Where the site's Markdown reads math (`math`), `$$…$$` is handed to that
 * extension as it is; else every ASCII punctuation character is escaped, so that Markdown shows
 * each one as written (`\\`, `_`, `*`, a `#` or `-` at a line's start).
 */
function mathText(tex: string, display: boolean, math: MathSyntax | undefined): string {
  const lines = tex.trim().split(/[ \t]*\r?\n\s*/);
  if (math && !tex.includes('$')) return display ? `\n\n$$\n${lines.join('\n')}\n$$\n\n` : `$$${lines.join(' ')}$$`;
  const literal = (s: string): string => s.replace(/[!-/:-@[-`{-~]/g, '\\$&');
  return display ? `\n\n${literal(`$$${lines.join('\n')}$$`)}\n\n` : literal(`\\(${lines.join(' ')}\\)`);
}

/** A Zola shortcode call in text: `{{ name(args) }}` (one line). */
const ZOLA_CALL = /\{\{\s*([A-Za-z_]\w*)\s*\(([^()\n]*)\)\s*\}\}/g;

/** A Zola shortcode with a body: `{% name(args) %}` … `{% end %}` (Zola's do not nest). */
const ZOLA_BODY = /\{%-?\s*([A-Za-z_]\w*)\s*\(([^()\n]*)\)\s*-?%\}([\s\S]*?)\{%-?\s*end\s*-?%\}/g;

/**
 * Zola's arguments: `name=value` pairs separated by commas, a value a string in `"…"`, `'…'` or
 * `` `…` `` (a comma inside it is text), a number or a boolean, as written.
 */
function zolaArgs(args: string): ShortcodeArgs {
  const named: Record<string, string> = {};
  for (const m of args.matchAll(/([A-Za-z_]\w*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`]*)`|([^,\s]+))/g)) {
    named[m[1] as string] = (m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').replace(/\\(.)/g, '$1');
  }
  return { positional: [], named };
}

/**
 * Zola's shortcodes: the site's own (templates/shortcodes/, src/site/zola-shortcodes.ts) as far
 * as their templates tell (a fixed text, an image, a video, a box with a body: a block quote);
 * else `youtube` and `vimeo`, which mean the same on every site (the themes' embeds of a video by
 * its id), become links to the video, as Hugo's built-ins do. Other calls are left for the
 * removal that names them (a body shortcode keeps its body).
 */
function renderZolaShortcodes(text: string, ctx: ShortcodeContext, bodyLine: number, code: CodeMask): string {
  if (!text.includes('{{') && !text.includes('{%')) return text;
  const own = ctx.settings?.shortcodes ?? {};
  if (text.includes('{%')) {
    text = text.replace(ZOLA_BODY, (whole, name: string, args: string, body: string) => {
      const shortcode = own[name];
      if (shortcode?.kind !== 'box' && MATH_SHORTCODES.has(name) && body.length <= MAX_MATH_SHORTCODE) return code.hold(mathText(body, ZOLA_BLOCK.test(args), ctx.settings?.math), countNewlines(whole));
      if (shortcode?.kind !== 'box') return whole;
      const title = typeof shortcode.title === 'string' ? zolaArgs(args).named[shortcode.title] : undefined;
      const opening = whole.slice(0, whole.length - body.length - (/\{%-?\s*end\s*-?%\}$/.exec(whole)?.[0].length ?? 0));
      return `${code.hold(blockquoteOpening(title), countNewlines(opening))}${body}${code.hold('\n\n</blockquote>\n\n', 0)}`;
    });
  }
  // A math call's TeX may hold parentheses ("f(x)"), which ZOLA_CALL's arguments cannot.
  if (text.includes('katex') || text.includes('math') || text.includes('tex')) {
    text = text.replace(ZOLA_MATH_CALL, (whole, name: string, args: string) => {
      // The site's own shortcode of that name, where its template shows what it writes, is left to ZOLA_CALL.
      const mine = own[name];
      const tex = mine && renderSiteShortcode(mine, zolaArgs(args)) !== undefined ? null : ZOLA_MATH_BODY.exec(args);
      return tex ? code.hold(mathText(tex[1] ?? tex[2] ?? tex[3] ?? '', ZOLA_BLOCK.test(args), ctx.settings?.math), countNewlines(whole)) : whole;
    });
  }
  return text.replace(ZOLA_CALL, (whole, name: string, args: string, offset: number) => {
    const shortcode = own[name];
    const ownText = shortcode && renderSiteShortcode(shortcode, zolaArgs(args));
    if (ownText !== undefined) return code.hold(ownText, countNewlines(whole));
    if (name !== 'youtube' && name !== 'vimeo') return whole;
    const rendered = renderBuiltIn(name, zolaArgs(args), ctx, bodyLine + countNewlines(text.slice(0, offset)));
    return rendered ?? whole;
  });
}

/**
 * Callout shortcodes of widespread Hugo themes (Docsy `alert`, Relearn `notice`, hugo-book `hint`,
 * LoveIt `admonition`…): a box around Markdown. Rendered as a block quote with its title, when
 * every opening tag of that name has its closing tag.
 */
const CALLOUTS = new Set(['alert', 'notice', 'note', 'tip', 'hint', 'info', 'warning', 'caution', 'danger', 'important', 'callout', 'admonition', 'callout-note', 'callout-tip', 'callout-warning']);

function pairedCallouts(text: string, own?: Record<string, SiteShortcode>): Set<string> {
  const open = new Map<string, number>();
  const close = new Map<string, number>();
  for (const m of text.matchAll(/\{\{[<%]\s*(\/?)\s*([\w-]+)/g)) {
    const name = m[2] as string;
    if (!CALLOUTS.has(name) && own?.[name]?.kind !== 'box') continue;
    const into = m[1] ? close : open;
    into.set(name, (into.get(name) ?? 0) + 1);
  }
  return new Set([...open].filter(([name, n]) => close.get(name) === n).map(([name]) => name));
}

function calloutOpening(name: string, args: string, own?: SiteShortcode): string {
  const { positional, named } = shortcodeArgs(args);
  if (own?.kind === 'box') return blockquoteOpening(own.title === undefined ? undefined : typeof own.title === 'number' ? positional[own.title] : named[own.title]);
  const kind = positional.find((p) => /^[a-z]+$/i.test(p));
  return blockquoteOpening(named.title ?? (kind ? capitalized(kind) : name === 'alert' || name === 'callout' || name === 'admonition' ? '' : capitalized(name)));
}

/** A box's title for Markdown bold: the characters that would open other markup in it dropped. */
export function plainTitle(title: string): string {
  return title.replace(/[*_`<>[\]]/g, '');
}

/**
 * The opening of a box rendered as a block quote, with its title in bold: a theme's callout
 * shortcode, an MDX admonition (mdx.ts), a directive container (directives.ts).
 */
export function blockquoteOpening(title: string | undefined): string {
  return `\n\n<blockquote>\n\n${title ? `**${plainTitle(title)}**\n\n` : ''}`;
}

/** A word with its first letter upper-cased: a box's kind as its title ("note" → "Note"). */
export function capitalized(word: string): string {
  return (word[0]?.toUpperCase() ?? '') + word.slice(1);
}

/** Hugo shortcodes, opening, closing or self-closing; escaped ones become literal text; built-ins rendered where they can be. */
function removeHugoShortcodes(text: string, removed: Removed[], code: CodeMask, ctx?: ShortcodeContext): string {
  text = highlightToFences(text, code, /\{\{<\s*highlight\s+"?([\w+#.-]*)[^>\n]*>\}\}[ \t]*(?:\r?\n)?/g, /(?:\r?\n)?\{\{<\s*\/\s*highlight\s*>\}\}/g);
  if (text.includes('{{')) text = pairedMath(text, code, ctx?.settings?.math, HUGO_MATH_TAG);
  text = codeShortcodesToFences(text, code);
  const callouts = pairedCallouts(text, ctx?.settings?.shortcodes);
  for (const [open, close, delims] of [
    [/\{\{</g, />\}\}/g, ['{{<', '>}}']],
    [/\{\{%/g, /%\}\}/g, ['{{%', '%}}']],
  ] as const) {
    if (!text.includes(delims[0])) continue;
    text = replaceSpans(text, open, close, (span, line) => {
      const inner = span.slice(3, -3).trim();
      if (inner.startsWith('/*') && inner.endsWith('*/')) return code.hold(unescapeShortcodes(span), countNewlines(span));
      const m = /^(\/?)\s*([\w./-]*)/.exec(inner);
      const closing = m?.[1] ?? '';
      const name = m?.[2] ?? '';
      const self = inner.endsWith('/') ? inner.slice(0, -1) : inner;
      if (callouts.has(name)) return code.hold(closing ? '\n\n</blockquote>\n\n' : calloutOpening(name, self.slice((m?.[0] ?? '').length), ctx?.settings?.shortcodes?.[name]), countNewlines(span));
      const own = closing ? undefined : ctx?.settings?.shortcodes?.[name];
      const args = self.slice((m?.[0] ?? '').length);
      const ownText = own && renderSiteShortcode(own, shortcodeArgs(args));
      // Held like code: its lines do not move the lines of what follows; restored before Markdown.
      if (ownText !== undefined) return code.hold(ownText, countNewlines(span));
      const rendered = closing ? undefined : renderBuiltIn(name, shortcodeArgs(args), ctx, line);
      if (rendered !== undefined) return rendered + keepLines(span);
      removed.push({ tag: `${delims[0]} ${closing}${name} ${delims[1]}`, line });
      return keepLines(span);
    });
  }
  return text;
}

/**
 * Without an engine: `{% raw %}` keeps its content, `{% comment %}` goes silently, `{% highlight x %}`
 * and Octopress's `{% codeblock %}`
 * becomes a code fence, and every other `{% tag %}` and `{{ output }}` is removed (and named).
 */
function stripTemplates(text: string, removed: Removed[], code: CodeMask): string {
  if (!text.includes('{{') && !text.includes('{%')) return text;
  text = replaceSpans(text, /\{%-?\s*raw\s*-?%\}/g, /\{%-?\s*endraw\s*-?%\}/g, (span) => code.hold(span.replace(/^\{%-?\s*raw\s*-?%\}/, '').replace(/\{%-?\s*endraw\s*-?%\}$/, '')));
  text = replaceSpans(text, /\{%-?\s*comment\s*-?%\}/g, /\{%-?\s*endcomment\s*-?%\}/g, keepLines);
  text = highlightToFences(text, code, /\{%-?\s*highlight\s+([\w+#.-]*)[^%\n]*%\}[ \t]*(?:\r?\n)?/g, /(?:\r?\n)?\{%-?\s*endhighlight\s*-?%\}/g);
  // Octopress's code block (src/sources/octopress-tags.ts), where the Liquid around it failed.
  text = highlightToFences(text, code, /\{%-?\s*codeblock\b([^%\n]*)%\}[ \t]*(?:\r?\n)?/g, /(?:\r?\n)?\{%-?\s*endcodeblock\s*-?%\}/g, 'codeblock', (args) => codeblockArgs(args).lang ?? '');
  text = replaceSpans(text, /\{%/g, /%\}/g, (span, line) => {
    removed.push({ tag: label(span), line });
    return keepLines(span);
  });
  return replaceSpans(text, /\{\{/g, /\}\}/g, (span, line, before) => {
    // `style={{display: 'flex'}}`: a JSX attribute (an .md page compiled as MDX), not template code;
    // what it sets never reaches a feed (the sanitizer keeps no style or component props).
    if (!before.endsWith('=')) removed.push({ tag: label(span), line });
    return keepLines(span);
  });
}

/** Tags that would read other files, or need a site build: never run, removed and named. */
const REMOVED_TAGS = ['include_relative', 'render', 'layout', 'block', 'extends', 'import', 'from', 'macro', 'call', 'seo', 'feed_meta', 'youtube'];

/** Set around one synchronous render: where the tags of this article report, and the site's include files. */
let current:
  | {
      removed: Removed[];
      unresolved: Removed[];
      links: Record<string, string>;
      includes: Record<string, string>;
      /** The site's own shortcodes (Eleventy's image shortcode): a tag of such a name renders, when its arguments give what it needs. */
      shortcodes: Record<string, SiteShortcode>;
      /** How many includes deep the render is, and the line of the article's include tag it is inside: what a tag in an include file reports. */
      depth: number;
      at: number;
      /** The article's file name without extension (a Hexo post's asset folder is named so). */
      postName: string;
    }
  | undefined;

/** Where a tag reports: its own line, or inside an include file the line of the article's include tag. */
function reportLine(own: number): number {
  return current && current.depth > 0 ? current.at : own;
}

/** How deep includes may nest (an include that includes itself stops here, with a warning). */
const MAX_INCLUDE_DEPTH = 8;

/** The text of the site's include file `file` in the current render; undefined when the site has none of that name. */
function includeText(file: string): string | undefined {
  return current && Object.hasOwn(current.includes, file) ? current.includes[file] : undefined;
}

/** The file system liquidjs reads includes from: only `current.includes`, never the disk. */
const INCLUDE_FS = {
  existsSync: (file: string): boolean => includeText(file) !== undefined,
  exists: async (file: string): Promise<boolean> => includeText(file) !== undefined,
  readFileSync: (file: string): string => includeText(file) ?? '',
  readFile: async (file: string): Promise<string> => includeText(file) ?? '',
  resolve: (_dir: string, file: string): string => file,
  containsSync: (): boolean => true,
  contains: async (): Promise<boolean> => true,
};

let engine: Liquid | undefined;

function liquid(): Liquid {
  if (engine) return engine;
  // Loaded on first use (~50 ms of CPU per process): most sites render no templates. Synchronous,
  // because reading an article is; liquidjs's "main" is its CommonJS build.
  const { Liquid: LiquidEngine, IncludeTag } = createRequire(import.meta.url)('liquidjs') as typeof import('liquidjs');
  const e = new LiquidEngine({
    // Templates come only from the article and the site's include files read beforehand
    // (`current.includes`): no file is ever read here.
    fs: INCLUDE_FS,
    root: [''],
    partials: [''],
    layouts: [''],
    relativeReference: false,
    strictFilters: false,
    strictVariables: false,
    ownPropertyOnly: true,
    jekyllInclude: true,
    ...LIQUID_LIMITS,
  });
  for (const name of REMOVED_TAGS) e.registerTag(name, removedTag(name));
  /** Jekyll's `{% include name k="v" %}`, from the site's include files; any other is removed and named. */
  class SiteInclude extends IncludeTag {
    private readonly at: number;
    private readonly text: string;
    constructor(...args: ConstructorParameters<typeof IncludeTag>) {
      super(...args);
      const [token] = args;
      this.at = lineOf(token);
      this.text = tagLabel(token.name, token.args);
    }
    override *render(...args: Parameters<InstanceType<typeof IncludeTag>['render']>): ReturnType<InstanceType<typeof IncludeTag>['render']> {
      const file = (this as unknown as { file: unknown }).file;
      if (!current || typeof file !== 'string' || includeText(file) === undefined || current.depth >= MAX_INCLUDE_DEPTH) {
        current?.removed.push({ tag: this.text, line: reportLine(this.at) });
        return;
      }
      if (current.depth === 0) current.at = this.at;
      current.depth++;
      try {
        yield* super.render(...args);
      } finally {
        current.depth--;
      }
    }
  }
  e.registerTag('include', SiteInclude);
  e.registerTag('include_cached', SiteInclude);
  e.registerTag('link', linkTag('link'));
  e.registerTag('post_url', linkTag('post_url'));
  /**
   * A block tag whose Liquid body is rendered, then written with the tag's arguments by `write`:
   * Jekyll's `{% highlight ruby %}` as a code fence, Octopress's blocks (src/sources/octopress-tags.ts)
   * as Markdown. `bounded`: arguments past MAX_TAG_ARGS are not read, and the tag is named.
   */
  const block = (name: string, write: (args: string, inner: string) => string, bounded: boolean): void =>
    e.registerTag(name, {
      parse(token: TagToken, remain: TopLevelToken[]) {
        this.args = token.args;
        this.line = lineOf(token);
        this.body = [];
        const stream = e.parser.parseStream(remain);
        stream
          .on(`tag:end${name}`, () => stream.stop())
          .on('template', (tpl: unknown) => (this.body as unknown[]).push(tpl))
          .on('end', () => {
            throw new Error(`{% ${name} %} is not closed by {% end${name} %}`);
          });
        stream.start();
      },
      *render(ctx, emitter): Generator<unknown, void, unknown> {
        if (bounded && (this.args as string).length > MAX_TAG_ARGS) current?.removed.push({ tag: tagLabel(name, this.args as string), line: reportLine(this.line as number) });
        emitter.write(write(this.args as string, String(yield e.renderer.renderTemplates(this.body as never, ctx))));
      },
    });
  block('highlight', (args, inner) => `\n${TAG_FENCE}${(/^[\w+#.-]*/.exec(args.trim())?.[0] ?? '').trim()}\n${inner.replace(/^\r?\n/, '').replace(/\r?\n$/, '')}\n${TAG_FENCE}\n`, false);
  block('codeblock', (args, inner) => codeblockMarkdown(inner, codeblockArgs(args)), true);
  block('blockquote', (args, inner) => blockquoteMarkdown(inner, blockquoteArgs(args)), true);
  block('pullquote', (_args, inner) => pullquoteMarkdown(inner), true);
  for (const [name, write] of [
    ['img', imgHtml],
    ['gist', gistLink],
  ] as const) {
    e.registerTag(name, {
      parse(token: TagToken) {
        this.line = lineOf(token);
        this.args = token.args;
      },
      render() {
        const html = write(this.args as string);
        if (html === undefined) current?.removed.push({ tag: tagLabel(name, this.args as string), line: reportLine(this.line as number) });
        return html ?? '';
      },
    });
  }
  e.registerFilter('relative_url', function (this: { context: { getSync(path: string[]): unknown } }, v: unknown) {
    const base = String(this.context.getSync(['site', 'baseurl']) ?? '').replace(/\/+$/, '');
    const s = String(v ?? '');
    return /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `${base}/${s.replace(/^\/+/, '')}`;
  });
  e.registerFilter('absolute_url', function (this: { context: { getSync(path: string[]): unknown } }, v: unknown) {
    const url = String(this.context.getSync(['site', 'url']) ?? '').replace(/\/+$/, '');
    const base = String(this.context.getSync(['site', 'baseurl']) ?? '').replace(/\/+$/, '');
    const s = String(v ?? '');
    return /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `${url}${base}/${s.replace(/^\/+/, '')}`;
  });
  engine = e;
  return e;
}

/**
 * Where a tag starts, as an offset: liquidjs's getPosition() counts lines from the start of the
 * text at every call (quadratic over many tags), so offsets become lines in one pass afterwards.
 */
function lineOf(token: TagToken): number {
  return -1 - token.begin;
}

/** Turn the offsets noted by `lineOf` (stored as -1 - offset) into 1-based lines of `text`, in one forward pass. */
function offsetsToLines(text: string, removed: Removed[]): void {
  const pending = removed.filter((r) => r.line < 0).sort((a, b) => b.line - a.line);
  let at = 0;
  let line = 1;
  for (const r of pending) {
    const offset = -1 - r.line;
    line += countNewlines(text.slice(at, offset));
    at = Math.max(at, offset);
    r.line = line;
  }
}

/** A Liquid tag as a warning names it: `{% name args %}`, shortened by `label`. */
function tagLabel(name: string, args: string): string {
  return label(`{% ${name} ${args} %}`.replace(/\s+%\}$/, ' %}'));
}

/**
 * A tag that renders nothing and is named in the article's warning, unless the site has its own
 * shortcode of that name that its arguments render (src/site/eleventy-site.ts).
 */
function removedTag(name: string): TagImplOptions {
  return {
    parse(token: TagToken) {
      this.line = lineOf(token);
      this.args = token.args;
      this.text = tagLabel(name, token.args);
    },
    render(ctx: Context) {
      const own = current && Object.hasOwn(current.shortcodes, name) ? current.shortcodes[name] : undefined;
      // A paired box (Hexo NexT's `{% note info %}…{% endnote %}`): a block quote around its Markdown, closed by its end tag.
      if (own?.kind === 'box') return '\n\n<blockquote>\n\n';
      const rendered = own ? (own.kind === 'hexo' ? hexoTagHtml(own, this.args as string, current?.postName ?? '') : renderSiteShortcode(own, { positional: liquidArgs(this.args as string, ctx), named: {} })) : pluginVideo(name, this.args as string);
      if (rendered !== undefined) return rendered;
      current?.removed.push({ tag: this.text as string, line: reportLine(this.line as number) });
      return '';
    },
  };
}

/**
 * A video tag of the sites' Liquid plugins, `{% youtube aF78u3LQduw %}` / `{% vimeo 12345 %}` (the
 * video's id first, then sizes; jekyll-youtube's and others' `_plugins/video_embed.rb`), as a link
 * to the video, as Hugo's embeds become; undefined for any other tag or an argument that is no id.
 */
function pluginVideo(name: string, args: string): string | undefined {
  if (name !== 'youtube' && name !== 'vimeo') return undefined;
  const first = /^\s*(["']?)([^\s"']{1,200})\1(?:\s|$)/.exec(args)?.[2] ?? '';
  const id = name === 'youtube' ? (/(?:youtube(?:-nocookie)?\.com\/(?:watch\?v=|embed\/)|youtu\.be\/)([\w-]{6,20})/.exec(first)?.[1] ?? first) : (/vimeo\.com\/(?:video\/)?(\d+)/.exec(first)?.[1] ?? first);
  return videoLink(name, id, undefined);
}

/** The end tag of a tag removed or rendered by `removedTag`: nothing, or the close of the site's paired box of that name. */
function endTag(name: string): TagImplOptions {
  return {
    render() {
      const own = current && Object.hasOwn(current.shortcodes, name) ? current.shortcodes[name] : undefined;
      return own?.kind === 'box' ? '\n\n</blockquote>\n\n' : '';
    },
  };
}

/**
 * A shortcode tag's arguments as Eleventy passes them, separated by commas (Nunjucks) or spaces
 * (Liquid): a quoted string, a number, or a variable (`page.cover`, read from the render's scope);
 * anything else (a filter, an expression) is no value.
 */
function liquidArgs(args: string, ctx: Context): string[] {
  const out: string[] = [];
  for (const m of args.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(-?\d+(?:\.\d+)?)(?![\w.])|([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)|(\S)/g)) {
    if (m[5] !== undefined) {
      if (m[5] !== ',') out.push('');
      continue;
    }
    if (m[4] !== undefined) {
      const v = ctx.getSync(m[4].split('.'));
      out.push(typeof v === 'string' || typeof v === 'number' ? String(v) : '');
    } else out.push((m[1] ?? m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1'));
  }
  return out;
}

/**
 * `{% link path %}` / `{% post_url name %}`: the URL from `links` (src/site/links.ts resolved
 * them before any body is rendered). An unknown target is named in its own warning, and the
 * Markdown or HTML link around the tag is unwrapped: its text stays, pointing nowhere.
 */
function linkTag(name: 'link' | 'post_url'): TagImplOptions {
  return {
    parse(token: TagToken) {
      this.line = lineOf(token);
      this.target = token.args.trim();
    },
    render() {
      const target = this.target as string;
      const own = current && Object.hasOwn(current.shortcodes, name) ? current.shortcodes[name] : undefined;
      if (own?.kind === 'hexo') {
        const html = hexoTagHtml(own, target, current?.postName ?? '');
        if (html === undefined) current?.removed.push({ tag: label(`{% ${name} ${target} %}`), line: reportLine(this.line as number) });
        return html ?? '';
      }
      const url = current && Object.hasOwn(current.links, `${name}:${target}`) ? current.links[`${name}:${target}`] : undefined;
      if (url !== undefined) return url;
      current?.unresolved.push({ tag: label(`{% ${name} ${target} %}`), line: reportLine(this.line as number) });
      return UNRESOLVED;
    },
  };
}

/** What an unresolved link tag renders, until `unwrapUnresolved` takes the link around it away. */
const UNRESOLVED = '\uE002';

/** `[text](<unresolved>)` -> `text`, `<a href="<unresolved>">text</a>` -> `text`; any other mark goes. */
function unwrapUnresolved(text: string): string {
  if (!text.includes(UNRESOLVED)) return text;
  return text
    .replace(/(!?)\[([^\]\n]*)\]\(\s*<?[^)\s]*\uE002[^)\n]*\)/g, (_m, bang: string, inner: string) => (bang ? '' : inner))
    .replace(/<a\b[^>]*?\bhref\s*=\s*["']?[^"'>\s]*\uE002[^>]*>([\s\S]*?)<\/a\s*>/gi, '$1')
    .replaceAll(UNRESOLVED, '');
}

/** The include maps whose tags are registered already (the engine is one per process). */
const scannedIncludes = new WeakSet<Record<string, string>>();

type Rendered = { ok: true; text: string } | { ok: false; message: string; line?: number };

function renderLiquid(text: string, settings: TemplateSettings, frontMatter: Record<string, unknown>, removed: Removed[], unresolved: Removed[], postName: string): Rendered {
  const e = liquid();
  // Tags no engine here knows (a site's plugins, Nunjucks' own) are removed and named, with
  // their end tags: what they wrap stays.
  const includes = settings.includes;
  const fresh = includes !== undefined && !scannedIncludes.has(includes);
  if (fresh) scannedIncludes.add(includes);
  for (const source of fresh ? [text, ...Object.values(includes)] : [text]) {
    for (const m of source.matchAll(/\{%-?\s*([A-Za-z_][\w-]*)/g)) {
      const name = m[1] as string;
      if (!Object.hasOwn(e.tags, name)) e.registerTag(name, name.startsWith('end') ? endTag(name.slice(3)) : removedTag(name));
    }
  }
  let tags = 0;
  for (let at = text.indexOf('{'); at >= 0 && tags <= MAX_LIQUID_TAGS; at = text.indexOf('{', at + 1)) if (text[at + 1] === '%' || text[at + 1] === '{') tags += 1;
  if (tags > MAX_LIQUID_TAGS) return { ok: false, message: `more than ${MAX_LIQUID_TAGS.toLocaleString('en-US')} template tags in one article` };
  const vars = settings.vars ?? {};
  const page = { ...(typeof vars.page === 'object' && vars.page !== null ? vars.page : {}), ...frontMatter };
  const scope = settings.frontMatterByName ? { ...vars, ...frontMatter, page } : { ...vars, page };
  current = { removed, unresolved, links: settings.links ?? {}, includes: settings.includes ?? {}, shortcodes: settings.shortcodes ?? {}, depth: 0, at: 0, postName };
  try {
    const out = e.parseAndRenderSync(text, scope) as unknown;
    offsetsToLines(text, removed);
    offsetsToLines(text, unresolved);
    return { ok: true, text: String(out) };
  } catch (error) {
    const first = (error as Error).message.split('\n')[0] ?? String(error);
    const line = /line:(\d+)/.exec(first)?.[1];
    // liquidjs quotes the template around the error: keep it short, and without the code placeholders.
    const message = label(first.replace(/,?\s*line:\d+, col:\d+/, '').replace(/\uE000\d+\n*\uE001/g, '…'));
    return { ok: false, message, ...(line ? { line: Number(line) } : {}) };
  } finally {
    current = undefined;
  }
}
