/**
 * Choosing an article's title among scored candidates, for HTML pages and scraped text alike.
 *
 * A page states its title several times: the visible headline (an `<h1>`, or a heading line of a
 * scraped text), `og:title`, the JSON-LD `headline`, and the `<title>` with the site name glued to
 * it. These disagree: the `<title>` and `og:title` are often a search-engine variant, a heading can
 * be the site's logo or a section label, a headline can carry a kicker ("Immobilienkrise"). The
 * reader sees the headline, so a heading wins when the page's other statements of its title agree
 * with it (shared words), and a heading that is the site's name (the part of `<title>` after the
 * separator, `og:site_name`, the host name) never does.
 *
 * Pure string functions: the callers (src/extract/html/metadata.ts, src/extract/text/index.ts)
 * gather the candidates.
 */

/** Separators between a headline and the site name in `<title>`: " | ", " - ", " » ", "｜", "-" before CJK. */
export const TITLE_SEGMENT_SEPARATOR = /\s+(?:[|\-–—·•»│]|::|\/\/)\s+|\s*[|｜│]\s*|\s+[-–—]\s*$/;

/** `<title>` segments that name no article: an archive or home page label. */
const GENERIC_SEGMENT = /^(?:blog\s+)?archiv(?:e|es)?$|^home(?:page)?$|^startseite$|^accueil$|^inicio$|^news$|^blog$/i;

/** Lower-cased words of a title: letters and digits, soft hyphens removed, quotes folded. */
export function titleWords(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/\u00ad/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Jaccard overlap of the two titles' word sets (0 = nothing shared, 1 = the same words). */
export function titleSimilarity(a: string, b: string): number {
  const A = new Set(titleWords(a));
  const B = new Set(titleWords(b));
  if (A.size === 0 || B.size === 0) return 0;
  let shared = 0;
  for (const w of A) if (B.has(w)) shared += 1;
  return shared / (A.size + B.size - shared);
}

/** How much of `part` the `whole` contains (0..1), by words. */
export function titleCoverage(part: string, whole: string): number {
  const A = new Set(titleWords(part));
  const B = new Set(titleWords(whole));
  if (A.size === 0) return 0;
  let shared = 0;
  for (const w of A) if (B.has(w)) shared += 1;
  return shared / A.size;
}

/** The segments of a `<title>` ("Headline | Site" -> ["Headline", "Site"]). */
export function titleSegments(title: string): string[] {
  return title
    .split(TITLE_SEGMENT_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Names the page gives itself: `og:site_name`, the publisher, the host name, and the short
 * segments of `<title>` beside the longest one ("Headline | Example News" -> "Example News").
 */
export function siteNamesOf(input: { siteNames: readonly (string | undefined)[]; pageTitle?: string | undefined; host?: string | undefined }): string[] {
  const names: string[] = [];
  for (const n of input.siteNames) if (n?.trim()) names.push(n.trim());
  if (input.host) {
    const host = input.host.replace(/^www\d?\./i, '');
    names.push(host, host.replace(/\.[a-z]{2,}$/i, ''));
  }
  if (input.pageTitle) {
    // The first or last segment of "Headline | Site" / "Site » Headline", when it is the shorter one.
    const segments = titleSegments(input.pageTitle);
    if (segments.length >= 2) {
      const longest = Math.max(...segments.map((x) => titleWords(x).length));
      for (const s of [segments[0] as string, segments[segments.length - 1] as string]) {
        const n = titleWords(s).length;
        if (n <= 4 && n < longest) names.push(s);
      }
    }
  }
  return names;
}

/**
 * A `<title>`, `og:title` or JSON-LD headline without the segments that name the site
 * ("Headline | Example News", "Example » Blog Archive » Headline"). `fallback` decides when no
 * segment is recognised as the site's (the caller's older rule); a title whose every segment
 * is the site's is returned whole.
 */
export function withoutSiteSegments(title: string, siteNames: readonly string[], fallback: (title: string) => string = (t) => t): string {
  const segments = titleSegments(title);
  if (segments.length < 2) return title.trim();
  const isSite = (x: string): boolean => GENERIC_SEGMENT.test(x) || isSiteNameHeading(x, siteNames);
  let from = 0;
  let to = segments.length;
  // Only the ends: "Site » Archive » Headline", "Headline | Section | Site".
  while (from < to && isSite(segments[from] as string)) from += 1;
  while (to > from && isSite(segments[to - 1] as string)) to -= 1;
  if (from === to || (from === 0 && to === segments.length)) return fallback(title);
  const first = segments[from] as string;
  const last = segments[to - 1] as string;
  const start = title.indexOf(first);
  const end = title.lastIndexOf(last) + last.length;
  return start >= 0 && end > start ? title.slice(start, end).trim() : first;
}

/** A heading that is only the site's name (a logo `<h1>`, "Example News Blog Archive"). */
export function isSiteNameHeading(heading: string, siteNames: readonly string[]): boolean {
  const words = titleWords(heading);
  if (words.length === 0) return true;
  const joined = words.join('');
  for (const name of siteNames) {
    const site = titleWords(name);
    if (site.length === 0) continue;
    if (site.join('') === joined) return true;
    // Every word of the heading is a word of the site name ("KBS" for "KBS World Radio").
    if (titleCoverage(heading, name) === 1 && words.length <= site.length) return true;
  }
  return false;
}

/** One heading of the page: its text and, for a heading made of parts (a kicker, then the headline), each part. */
export interface HeadingCandidate {
  text: string;
  parts?: readonly string[];
}

export interface ChosenHeading {
  text: string;
  /** Index of the heading in the list given. */
  index: number;
  /** Agreement with the page's other titles, 0..1. */
  score: number;
}

/** A heading must share at least this much (Jaccard) with one of the page's other titles to win. */
export const MIN_HEADING_AGREEMENT = 0.3;

/**
 * The heading (or heading part) that agrees best with the page's other statements of its title
 * (`references`: og:title, JSON-LD headline, `<title>`), skipping the site's name. Undefined when
 * no heading agrees enough; `alone` = also accept a heading when there is nothing to compare it
 * with, or when it is the page's only heading and shaped like a headline.
 */
export function chooseHeading(
  headings: readonly HeadingCandidate[],
  references: readonly (string | undefined)[],
  siteNames: readonly string[],
  alone = false,
): ChosenHeading | undefined {
  const refs = references.filter((r): r is string => r !== undefined && titleWords(r).length > 0);
  let best: ChosenHeading | undefined;
  headings.forEach((heading, index) => {
    for (const text of [heading.text, ...(heading.parts ?? [])]) {
      if (isSiteNameHeading(text, siteNames)) continue;
      let score = 0;
      for (const r of refs) score = Math.max(score, titleSimilarity(text, r));
      if (best === undefined || score > best.score + 1e-9) best = { text, index, score };
    }
  });
  if (best === undefined) return undefined;
  if (best.score >= MIN_HEADING_AGREEMENT) return best;
  if (!alone) return undefined;
  // Nothing to compare with, or the page's only heading: a headline-shaped one (two words or more,
  // not a host name) is what the reader sees, whatever the <title> says.
  if (refs.length === 0 || (headings.length === 1 && titleWords(best.text).length >= 2 && !/^[\w-]+\.[a-z]{2,}$/i.test(best.text))) return best;
  return undefined;
}
