import { formatRfc822 } from '../meta/format.js';
import { type FeedSet, FORMAT_NAMES, FORMATS } from './sets.js';
import { attributes, element, XML_DECLARATION } from './xml.js';

/** File name of the subscription list, at the top of the output folder. */
export const OPML_FILE = 'feeds.opml';

/**
 * OPML 2.0 (http://opml.org/spec2.opml) subscription list of every generated feed except archive
 * pages (they are reached from the current feed). One folder outline per feed, holding one
 * subscription per format; `type="rss"` is what OPML 2.0 prescribes for any feed format.
 * No dateCreated: the same input gives the same bytes (dateModified is the newest item's date).
 */
export function renderOpml(sets: readonly FeedSet[], title: string, updated: Date): string {
  let out = `${XML_DECLARATION}<opml version="2.0">\n  <head>\n`;
  out += element('    ', 'title', `${title} — feeds`);
  if (updated.getTime() > 0) out += element('    ', 'dateModified', formatRfc822(updated));
  out += '  </head>\n  <body>\n';
  for (const set of sets) {
    if (set.kind === 'archive') continue;
    out += `    <outline${attributes({ text: set.title, title: set.title })}>\n`;
    for (const f of FORMATS) {
      const text = `${set.title} (${FORMAT_NAMES[f]})`;
      out += `      <outline${attributes({ type: 'rss', version: OPML_VERSIONS[f], text, title: text, xmlUrl: set.urls[f], htmlUrl: set.data[f].homeUrl })}/>\n`;
    }
    out += '    </outline>\n';
  }
  out += '  </body>\n</opml>\n';
  return out;
}

/** OPML 2.0 `version` attribute of a subscription: the feed's format. */
const OPML_VERSIONS = { rss: 'RSS2', atom: 'Atom', json: 'JSONFeed' } as const;
