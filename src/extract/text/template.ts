/**
 * Site templates: lines that recur across many articles of one folder (menus, footers, sign-up
 * boxes of the site the articles were scraped from). A line is recognised by its *template key*,
 * which folds case, spacing and digits so that "© 2023 Example" and "© 2024 Example" match.
 */

/** Keys shorter than this carry no signal ("a", "1"); they are never template lines. */
const MIN_KEY_LENGTH = 2;
/** Lines longer than this are prose; a site never repeats a whole paragraph in its template. */
const MAX_TEMPLATE_LINE = 300;

/** Normalise a line for template matching (case/space/digit folding; soft hyphens are not there). */
export function templateKey(line: string): string {
  let key = '';
  let pendingSpace = false;
  let lastDigit = false;
  const limit = Math.min(line.length, MAX_TEMPLATE_LINE * 2);
  for (let i = 0; i < limit; i += 1) {
    const ch = line[i] ?? '';
    const code = ch.charCodeAt(0);
    if (code === 0xad) continue;
    if (code <= 32 || ch === '\u00a0' || ch === '*' || ch === '•') {
      pendingSpace = key.length > 0;
      continue;
    }
    if (code >= 48 && code <= 57) {
      if (lastDigit) continue;
      if (pendingSpace) key += ' ';
      pendingSpace = false;
      key += '0';
      lastDigit = true;
      continue;
    }
    if (lastDigit && (ch === ',' || ch === '.')) continue; // 1,593 and 1.593 fold like 1593
    lastDigit = false;
    if (pendingSpace) key += ' ';
    pendingSpace = false;
    key += ch.toLowerCase();
  }
  return key;
}

/**
 * Given the texts of all articles in a folder, return the keys of lines that recur in at least
 * `minShare` of them (and in at least two). Each text counts a line once.
 */
export function findTemplateLines(texts: readonly string[], minShare = 0.5): Set<string> {
  const result = new Set<string>();
  if (texts.length < 2) return result;
  const counts = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const line of text.split(/\r\n|\r|\n/)) {
      if (line.length > MAX_TEMPLATE_LINE) continue;
      const key = templateKey(line);
      if (key.length < MIN_KEY_LENGTH || seen.has(key)) continue;
      seen.add(key);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const needed = Math.max(2, Math.ceil(minShare * texts.length));
  for (const [key, count] of counts) if (count >= needed) result.add(key);
  return result;
}
