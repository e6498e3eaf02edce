/*
 * The writing system of a text, to tell a feed's declared language from its articles' own: a site
 * whose theme says `locale: "en"` while every post is written in Chinese gets a feed that readers
 * hyphenate, translate and pick fonts for as English.
 */

/**
 * Writing systems told apart here, with the primary language tags that use each (Latin: any
 * other). `weight`: what one character counts against Latin letters; a CJK character carries
 * about a word, so a tech title such as "curl http_code 状态码及意义" is Chinese.
 */
const SCRIPTS = [
  { name: 'Han', test: /\p{Script=Han}/gu, languages: ['zh', 'ja', 'ko'], suggest: 'zh', weight: 3 },
  { name: 'Kana', test: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu, languages: ['ja'], suggest: 'ja', weight: 3 },
  { name: 'Hangul', test: /\p{Script=Hangul}/gu, languages: ['ko'], suggest: 'ko', weight: 3 },
  { name: 'Cyrillic', test: /\p{Script=Cyrillic}/gu, languages: ['ru', 'uk', 'bg', 'sr', 'mk', 'be', 'kk', 'ky', 'mn', 'tg'], suggest: 'ru', weight: 1 },
  { name: 'Arabic', test: /\p{Script=Arabic}/gu, languages: ['ar', 'fa', 'ur', 'ps', 'ku', 'sd'], suggest: 'ar', weight: 1 },
  { name: 'Hebrew', test: /\p{Script=Hebrew}/gu, languages: ['he', 'yi', 'iw'], suggest: 'he', weight: 1 },
  { name: 'Greek', test: /\p{Script=Greek}/gu, languages: ['el'], suggest: 'el', weight: 1 },
  { name: 'Thai', test: /\p{Script=Thai}/gu, languages: ['th'], suggest: 'th', weight: 1 },
  { name: 'Devanagari', test: /\p{Script=Devanagari}/gu, languages: ['hi', 'mr', 'ne', 'sa'], suggest: 'hi', weight: 1 },
] as const;

const LATIN = /\p{Script=Latin}/gu;

/** Characters of a text looked at (a title, a summary's start). */
const SAMPLE_CHARS = 400;

/** The main non-Latin writing system of `text` (most of its letters), or undefined: Latin, mixed or none. */
export function mainScript(text: string): (typeof SCRIPTS)[number] | undefined {
  const sample = text.slice(0, SAMPLE_CHARS);
  const latin = sample.match(LATIN)?.length ?? 0;
  let best: { script: (typeof SCRIPTS)[number]; count: number } | undefined;
  for (const script of SCRIPTS) {
    const count = (sample.match(script.test)?.length ?? 0) * script.weight;
    if (count > 0 && (!best || count > best.count || (script.name === 'Kana' && best.script.name === 'Han'))) best = { script, count };
  }
  // Japanese mixes Han and Kana: any Kana makes Han text Japanese.
  if (!best || best.count <= latin) return undefined;
  return best.script;
}

/** What the check says: the script most articles are written in, how many of how many, and a tag to suggest. */
export interface ScriptMismatch {
  script: string;
  count: number;
  total: number;
  suggest: string;
}

/** Items looked at, and the share of them that must share one script the language does not use. */
const MISMATCH = { min: 3, share: 0.6 };

/**
 * The writing system most of the feed's articles use (their titles and summaries), when the
 * feed's declared `language` is not written in it: `en` over Chinese posts. Undefined when the
 * language fits, when fewer than MISMATCH.min articles are in the feed's language, or when no
 * one script holds MISMATCH.share of them.
 */
export function languageScriptMismatch(language: string, texts: readonly string[]): ScriptMismatch | undefined {
  if (texts.length < MISMATCH.min) return undefined;
  const primary = (language.split('-')[0] ?? '').toLowerCase();
  const counts = new Map<(typeof SCRIPTS)[number], number>();
  for (const text of texts) {
    const script = mainScript(text);
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  const [script, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!script || count === undefined || count < texts.length * MISMATCH.share) return undefined;
  if ((script.languages as readonly string[]).includes(primary)) return undefined;
  return { script: script.name, count, total: texts.length, suggest: script.suggest };
}
