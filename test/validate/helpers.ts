/**
 * Test helpers for the validator. A failing document marks the expected position of its diagnostic
 * with ⟦ (removed before checking), so the expected line and column live next to the defect.
 */
export const MARK = '⟦';

export interface Marked {
  text: string;
  line: number;
  column: number;
}

/** Removes the single ⟦ marker and returns where it was (1-based, columns in code points). */
export function marked(source: string): Marked {
  const index = source.indexOf(MARK);
  if (index < 0 || source.indexOf(MARK, index + 1) >= 0) throw new Error(`expected exactly one ${MARK} in:\n${source}`);
  const before = source.slice(0, index).split(/\r\n|\r|\n/);
  const lastLine = before[before.length - 1] ?? '';
  return {
    text: source.slice(0, index) + source.slice(index + MARK.length),
    line: before.length,
    column: Array.from(lastLine).length + 1,
  };
}

const RSS_NS = 'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/"';

/** A valid RSS 2.0 channel around `channelTail` (which goes after the required elements). */
export function rss(channelTail: string, rootAttributes = `version="2.0" ${RSS_NS}`): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss ${rootAttributes}>
<channel>
<title>Example</title>
<link>https://example.com/</link>
<description>An example.</description>
<atom:link href="https://example.com/rss.xml" rel="self" type="application/rss+xml"/>
${channelTail}
</channel>
</rss>
`;
}

/** A valid RSS item around `tail`. */
export function rssItem(tail: string, head = '<title>A</title><guid>https://example.com/a</guid>'): string {
  return `<item>${head}${tail}</item>`;
}

/** A valid Atom feed with `feedTail` after its required elements. */
export function atom(feedTail: string, feedHead = '<id>https://example.com/</id>'): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
${feedHead}
<title>Example</title>
<updated>2024-01-31T10:00:00Z</updated>
<link rel="self" href="https://example.com/atom.xml"/>
<author><name>Newsroom</name></author>
${feedTail}
</feed>
`;
}

/** A valid Atom entry around `tail`. */
export function atomEntry(
  tail: string,
  head = '<id>https://example.com/a</id><title>A</title><updated>2024-01-31T10:00:00Z</updated>',
): string {
  return `<entry>${head}<link href="https://example.com/a"/>${tail}</entry>`;
}

/** A valid JSON Feed text; `feedTail` and `itemTail` are extra members (each starting with a comma). */
export function jsonFeed(feedTail = '', itemTail = '', version = 'https://jsonfeed.org/version/1.1'): string {
  return `{
  "version": "${version}",
  "title": "Example",
  "home_page_url": "https://example.com/",
  "feed_url": "https://example.com/feed.json"${feedTail},
  "items": [
    {
      "id": "https://example.com/a",
      "content_text": "Hello."${itemTail}
    }
  ]
}
`;
}
