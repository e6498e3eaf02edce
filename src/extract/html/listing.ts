/**
 * Post teasers on an HTML page: the `<article>` (or microformats `h-entry`/`hentry`) elements with
 * no entry inside them whose heading links to another page. A blog's paginated index or category
 * page is a run of them; so is an article's "related posts" box (99 of the 586 development pages
 * show one or more), so the count alone never makes a page a listing: src/meta/resolve.ts also asks
 * for a listing's address (`/page/2/`, `/category/x/`, `/tag/x/`), which none of them has.
 */
import type { DomDocument, DomElement } from './dom-types.js';

/** Entries looked at per page (a work bound: a real index page shows tens). */
const MAX_ENTRIES = 500;

const ENTRY = 'article, .h-entry, .hentry';

/** How many post teasers the page shows, when any; `own` is the page's URL (canonical, og:url), if known. */
export function postTeasers(document: DomDocument, own: string | undefined): number | undefined {
  const self = pathOf(own ?? '', undefined);
  let teasers = 0;
  let seen = 0;
  for (const entry of document.querySelectorAll(ENTRY) as Iterable<DomElement>) {
    if (++seen > MAX_ENTRIES) break;
    if (entry.querySelector(ENTRY)) continue;
    const href = entry.querySelector('h1 a[href], h2 a[href], h3 a[href]')?.getAttribute('href')?.trim();
    if (!href || href.startsWith('#')) continue;
    const target = pathOf(href, own);
    if (target !== undefined && target !== self) teasers++;
  }
  return teasers > 0 ? teasers : undefined;
}

/** A URL's path without a trailing slash or index file, resolved against `base`; undefined when it does not parse. */
function pathOf(url: string, base: string | undefined): string | undefined {
  try {
    return new URL(url, base && /^https?:/i.test(base) ? base : 'http://page.invalid/').pathname.replace(/\/index\.html?$/i, '').replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}
