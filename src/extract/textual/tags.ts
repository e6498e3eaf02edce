/**
 * Tag lines written in the text of an article: `Tags: a, b, c`, `Filed under: x | y`,
 * `Etiquetas: ...`, `Mots-clés : ...`, `Schlagwörter: ...`, `Tópicos: ...`.
 */

/** Labels that introduce a list of tags, in the five supported languages. Tested on the line. */
export const TAGS_LABEL =
  /^(?:tags|tagged|tagged with|tagged as|topics|filed under|related topics|keywords|etiquetas|temas|palabras clave|mots-clés|mots clés|étiquettes|sujets|thèmes|schlagwörter|schlagworte|stichwörter|themen|tópicos|assuntos|marcadores|palavras-chave|tags relacionadas)\s*[:：]\s*/i;

// One separator character: the spaces around it are trimmed per tag. (`\s*[,;|]\s*` took quadratic
// time on a long run of spaces, retrying the leading `\s*` from every position.)
const TAG_SPLIT = /[,;|•·#]/;

/** Read a tags line into its tags; undefined when the line is not one. */
export function parseTagsLine(line: string): string[] | undefined {
  const text = line.replace(/\s+/g, ' ').trim();
  if (text.length > 500) return undefined;
  const label = TAGS_LABEL.exec(text);
  if (!label) return undefined;
  const tags = splitTags(text.slice(label[0].length));
  return tags.length > 0 ? tags : undefined;
}

/** Split a list of tags, dropping empties and duplicates, keeping order. */
export function splitTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(TAG_SPLIT)) {
    const tag = trimTagEnd(raw.replace(/^[\s*-]+/, ''));
    if (tag.length === 0 || tag.length > 60) continue;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

/** Drop trailing spaces and dots with a scan: `[\s.]+$` retries from every position of a long run. */
function trimTagEnd(s: string): string {
  let end = s.length;
  while (end > 0 && /[\s.]/.test(s[end - 1] as string)) end--;
  return s.slice(0, end);
}

/** A label on a line of its own ("Tags", "Etiquetas:") followed by the tags as separate lines. */
export const TAGS_HEADING = /^(?:tags|topics|filed under|related topics|etiquetas|temas|mots-clés|étiquettes|schlagwörter|themen|tópicos|assuntos)\s*[:：]?$/i;
