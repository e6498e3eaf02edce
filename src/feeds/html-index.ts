import { formatRfc3339 } from '../meta/format.js';
import { joinNames } from '../meta/people.js';
import { escapeHtml } from '../util/html.js';
import { stripIllegalXmlChars } from '../util/text.js';
import { OPML_FILE } from './opml.js';
import { type FeedSet, FORMAT_NAMES, FORMATS, MEDIA_TYPES } from './sets.js';

/** File name of the human page with autodiscovery links, at the top of the output folder. */
export const INDEX_FILE = 'index.html';

/** Latest articles listed on the page; the feeds hold the rest. */
const LATEST_ON_PAGE = 20;

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
    `<p>All feeds as an <a href="${OPML_FILE}">OPML subscription list</a>. Site: <a href="${e(main.data.rss.homeUrl)}">${e(main.data.rss.homeUrl)}</a></p>`,
    '</section>',
  );

  // With archives the current feed may hold a single article: list the newest from all pages.
  const items = sets
    .filter((s) => s.kind === 'main' || s.kind === 'archive')
    .flatMap((s) => s.data.rss.items)
    .sort((a, b) => b.published.value.getTime() - a.published.value.getTime())
    .slice(0, LATEST_ON_PAGE);
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
