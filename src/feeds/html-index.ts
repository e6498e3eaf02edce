import type { Article } from '../model.js';
import { formatRfc3339 } from '../meta/format.js';
import { joinNames } from '../meta/people.js';
import { escapeHtml } from '../util/html.js';
import { stripIllegalXmlChars } from '../util/text.js';
import { OPML_FILE } from './opml.js';
import { type FeedSet, FORMAT_NAMES, FORMATS, MEDIA_TYPES } from './sets.js';

/** File name of the human page with autodiscovery links, at the top of the output folder. */
export const INDEX_FILE = 'index.html';

/**
 * File name of the main feed as a plain web page, beside index.html. Browsers refuse a
 * stylesheet for a feed opened from disk (file://), so rss.xml shows blank there, and Chromium
 * is removing XSLT (it already shows a banner over HTTP): this page needs neither, nor scripts.
 */
export const FEED_PAGE_FILE = 'feed.html';

/** Latest articles listed on the page; the feeds hold the rest. */
const LATEST_ON_PAGE = 20;

/** Articles on feed.html: what a feed reader's first poll shows. */
const LATEST_ON_FEED_PAGE = 50;

/** The newest `count` articles of the main feed; with archives the current feed may hold a single one, so from all pages. */
function latestItems(sets: readonly FeedSet[], count: number) {
  // A page whose items are newest first (as compareArticles orders them) has none past its first
  // `count` among the newest `count` (the sort is stable): 10k items were sorted twice per build.
  const newestFirst = (items: readonly Article[]): boolean => items.every((a, i) => i === 0 || a.published.value.getTime() <= (items[i - 1] as Article).published.value.getTime());
  return sets
    .filter((s) => s.kind === 'main' || s.kind === 'archive')
    .flatMap((s) => (newestFirst(s.data.rss.items) ? s.data.rss.items.slice(0, count) : s.data.rss.items))
    .sort((a, b) => b.published.value.getTime() - a.published.value.getTime())
    .slice(0, count);
}

/**
 * `index.html`: `<link rel="alternate">` autodiscovery for every feed (so pasting the site's feed
 * folder URL into a reader finds them), and a short page for people: what the feeds are, their
 * URLs to copy, the latest articles, and the tag and author feeds. Every value is escaped.
 * Links are relative, so the page works wherever the folder is served.
 */
export function renderIndexHtml(sets: readonly FeedSet[], language: string): string {
  const main = sets.find((s) => s.kind === 'main');
  if (!main) throw new Error('renderIndexHtml: no main feed set');
  const e = (s: string): string => escapeHtml(stripIllegalXmlChars(s));
  const listed = sets.filter((s) => s.kind !== 'archive');
  const lines: string[] = [];
  lines.push('<!DOCTYPE html>', `<html lang="${e(language)}">`, '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  lines.push(`<title>${e(main.title)} — feeds</title>`);
  if (main.data.rss.description) lines.push(`<meta name="description" content="${e(main.data.rss.description)}">`);
  // Autodiscovery names the site's feed only: readers offer every rel="alternate" link, and a
  // list of every tag's feeds would bury it. The tag and author feeds are listed on the page.
  for (const set of [main]) {
    for (const f of FORMATS) lines.push(`<link rel="alternate" type="${MEDIA_TYPES[f]}" title="${e(`${set.title} (${FORMAT_NAMES[f]})`)}" href="${e(hrefOf(set.files[f]))}">`);
  }
  lines.push(`<style>${STYLE}</style>`, '</head>', '<body>', '<main>');
  lines.push(`<h1>${e(main.title)}</h1>`);
  if (main.data.rss.description) lines.push(`<p class="description">${e(main.data.rss.description)}</p>`);
  lines.push('<section>', '<h2>Subscribe</h2>', '<p>Copy one of these addresses into your feed reader:</p>', '<ul class="feeds">');
  for (const f of FORMATS) lines.push(`<li>${FORMAT_NAMES[f]}: <a href="${e(hrefOf(main.files[f]))}"><code>${e(main.urls[f])}</code></a></li>`);
  lines.push(
    '</ul>',
    `<p>The feed as a <a href="${FEED_PAGE_FILE}">web page</a>. All feeds as an <a href="${OPML_FILE}">OPML subscription list</a>. Site: <a href="${e(main.data.rss.homeUrl)}">${e(main.data.rss.homeUrl)}</a></p>`,
    '</section>',
  );

  const items = latestItems(sets, LATEST_ON_PAGE);
  if (items.length > 0) {
    lines.push('<section>', '<h2>Latest articles</h2>', '<ol class="items">');
    for (const item of items) {
      const date = formatRfc3339(item.published.value, item.published.offset).slice(0, 10);
      lines.push(
        `<li><a href="${e(item.link.value)}">${e(item.title.value)}</a> <span class="meta"><time datetime="${formatRfc3339(item.published.value, item.published.offset)}">${date}</time> · ${e(joinNames(item.authors.value))}</span></li>`,
      );
    }
    lines.push('</ol>', '</section>');
  }
  for (const [kind, heading] of [
    ['language', 'Feeds by language'],
    ['tag', 'Feeds by tag'],
    ['author', 'Feeds by author'],
  ] as const) {
    const group = listed.filter((s) => s.kind === kind);
    if (group.length === 0) continue;
    lines.push('<section>', `<h2>${heading}</h2>`, '<ul class="sets">');
    for (const set of group) {
      const links = FORMATS.map((f) => `<a href="${e(hrefOf(set.files[f]))}">${FORMAT_NAMES[f]}</a>`).join(' · ');
      lines.push(`<li>${e(set.name)} <span class="meta">(${set.data.rss.items.length}) ${links}</span></li>`);
    }
    lines.push('</ul>', '</section>');
  }
  lines.push('</main>', '</body>', '</html>', '');
  return lines.join('\n');
}

/**
 * `feed.html`: the main feed's latest articles (from its archive pages too) as a person reads them, in static HTML (what feed.xsl shows, without
 * XSLT): what a feed is, the addresses to subscribe with, and each item with its date, authors,
 * tags and summary. Every value is escaped; summaries are text. Links are relative or absolute,
 * so it works from disk and over HTTP.
 */
export function renderFeedPage(sets: readonly FeedSet[], language: string): string {
  const main = sets.find((s) => s.kind === 'main');
  if (!main) throw new Error('renderFeedPage: no main feed set');
  const e = (s: string): string => escapeHtml(stripIllegalXmlChars(s));
  const feed = main.data.rss;
  const lines: string[] = [];
  lines.push('<!DOCTYPE html>', `<html lang="${e(language)}">`, '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  lines.push(`<title>${e(main.title)} — web feed</title>`);
  for (const f of FORMATS) lines.push(`<link rel="alternate" type="${MEDIA_TYPES[f]}" title="${e(`${main.title} (${FORMAT_NAMES[f]})`)}" href="${e(hrefOf(main.files[f]))}">`);
  lines.push(`<style>${PAGE_STYLE}</style>`, '</head>', '<body>', '<main>', '<header>', '<span class="badge">Web feed</span>', `<h1>${e(main.title)}</h1>`);
  if (feed.description) lines.push(`<p class="description">${e(feed.description)}</p>`);
  lines.push(
    '<div class="subscribe">',
    '<p><strong>This is a web feed.</strong> Copy one of these addresses into your feed reader to follow new articles:</p>',
    ...FORMATS.map((f) => `<p>${FORMAT_NAMES[f]}: <a class="url" href="${e(hrefOf(main.files[f]))}">${e(main.urls[f])}</a></p>`),
    `<p>Site: <a href="${e(feed.homeUrl)}">${e(feed.homeUrl)}</a> · <a href="${INDEX_FILE}">all feeds</a></p>`,
    '</div>',
    '</header>',
  );
  const items = latestItems(sets, LATEST_ON_FEED_PAGE);
  if (items.length === 0) lines.push('<p>No articles yet.</p>');
  for (const item of items) {
    const when = formatRfc3339(item.published.value);
    const meta = [`<time datetime="${when}">${when.slice(0, 10)}</time>`];
    if (item.authors.value.length > 0) meta.push(`<span class="author">${e(joinNames(item.authors.value))}</span>`);
    if (item.tags.value.length > 0) meta.push(item.tags.value.map((t) => `<span class="tag">${e(t)}</span>`).join(' '));
    lines.push('<article class="item">', `<h2><a href="${e(item.link.value)}">${e(item.title.value)}</a></h2>`, `<p class="meta">${meta.join(' · ')}</p>`);
    if (item.summary.value) lines.push(`<p class="summary">${e(item.summary.value)}</p>`);
    lines.push('</article>');
  }
  lines.push(`<footer>Made by <a href="${e(feed.generator.uri)}">${e(feed.generator.name)}</a>.</footer>`, '</main>', '</body>', '</html>', '');
  return lines.join('\n');
}

/** The look of feed.xsl's page, so the feed reads the same with or without XSLT. */
const PAGE_STYLE = [
  'body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}',
  'main{max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}',
  'header h1{margin:.2rem 0 .3rem;font-size:1.9rem;line-height:1.2}',
  '.badge{display:inline-block;font-size:.75rem;font-weight:600;letter-spacing:.04em;text-transform:uppercase;color:#fff;background:#e66a00;border-radius:4px;padding:.1rem .45rem}',
  '.description{color:#57606a;margin:.2rem 0 1rem}',
  '.subscribe{background:#fff8e6;border:1px solid #f0d58a;border-radius:8px;padding:.8rem 1rem;margin:1rem 0 1.5rem}',
  '.subscribe p{margin:.2rem 0}',
  '.url{font:14px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}',
  '.item{background:#fff;border:1px solid #d8dee4;border-radius:8px;padding:.8rem 1rem;margin:.8rem 0}',
  '.item h2{font-size:1.15rem;margin:0 0 .2rem;line-height:1.3}',
  '.item h2 a{color:#0b57d0;text-decoration:none}',
  '.meta{color:#57606a;font-size:.88rem;margin:0 0 .4rem}',
  '.tag{background:#eef1f4;border-radius:999px;padding:0 .45rem;font-size:.8rem}',
  '.summary{margin:0}',
  'footer{color:#57606a;font-size:.85rem;margin-top:2rem}',
  'a{color:#0b57d0}',
].join('');

/** A relative href for a file in the output folder (path segments percent-encoded). */
function hrefOf(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

const STYLE = [
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}',
  'main{max-width:44rem;margin:0 auto;padding:1.5rem}',
  'h1{margin-bottom:.25rem}.description{color:#555;margin-top:0}',
  'code{background:#eee;padding:.1rem .3rem;border-radius:3px;word-break:break-all}',
  '.meta{color:#666;font-size:.9em}.items li,.sets li,.feeds li{margin:.4rem 0}',
  'a{color:#0645ad}',
].join('');
