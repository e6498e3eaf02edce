/**
 * Shallow, language-light features of the units of a page, for the body model (model.ts): what a
 * unit looks like (words, sentence end, stopword density in the page's language, menu/link/list
 * shape, capitals, digits), what the phrase rules and the site template said about it, and where
 * it stands (its neighbours' prose, the densest run of prose, the end markers before it).
 *
 * The page's language is guessed from stopword hits (stopwords-iso, a maintained multilingual
 * list): the language whose list covers most words of the page's longer lines. No dictionary
 * beyond the stopwords, no per-site list.
 */
import { createRequire } from 'node:module';
import type { Unit } from './units.js';

/** The languages guessed among: those of stopwords-iso written with spaces between words. */
const LANGUAGES = [
  'en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'cs', 'sk', 'sl', 'hr', 'hu', 'ro', 'sv', 'da', 'no', 'fi', 'et', 'lv', 'lt',
  'ru', 'uk', 'bg', 'el', 'tr', 'id', 'ms', 'ca', 'gl', 'eu', 'af', 'la', 'ga', 'vi', 'tl', 'sw', 'ar', 'fa', 'he', 'hi',
] as const;

let stopwordIndex: Map<string, number[]> | undefined;

/** word -> indexes (into LANGUAGES) of the lists that hold it; built once, on first use. */
function stopwords(): Map<string, number[]> {
  if (stopwordIndex) return stopwordIndex;
  const lists = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[] | undefined>;
  const index = new Map<string, number[]>();
  LANGUAGES.forEach((language, li) => {
    for (const word of lists[language] ?? []) {
      const key = word.toLowerCase();
      const entry = index.get(key);
      if (entry) {
        if (entry[entry.length - 1] !== li) entry.push(li);
      } else index.set(key, [li]);
    }
  });
  stopwordIndex = index;
  return index;
}

const WORDS = /[\p{L}\p{N}]+/gu;

export interface PageLanguage {
  /** ISO 639-1 code, or '' when no list covers the page (e.g. Chinese, Japanese). */
  code: string;
  /** Index into the per-unit hit counts. */
  index: number;
}

/**
 * The page's language: over the words of lines of 6+ words (prose, not menus), the stopword list
 * with most hits, each list's hits divided by the log of its length (stopwords-iso's English list
 * is twice the German one and would otherwise win on shared words like "in" and "die").
 */
export function guessLanguage(unitWords: readonly string[][]): PageLanguage {
  const index = stopwords();
  const hits = new Array<number>(LANGUAGES.length).fill(0);
  let counted = 0;
  for (const words of unitWords) {
    if (words.length < 6) continue;
    for (const word of words) {
      const langs = index.get(word);
      if (langs) for (const li of langs) hits[li] = (hits[li] ?? 0) + 1;
    }
    counted += words.length;
    if (counted > 4000) break;
  }
  let best = -1;
  let bestScore = 0;
  const lists = listSizes();
  hits.forEach((count, li) => {
    const score = count / Math.log(10 + (lists[li] ?? 0));
    if (score > bestScore) {
      bestScore = score;
      best = li;
    }
  });
  // Fewer than 5 % of the words in any list: not a language these lists describe.
  if (best < 0 || (hits[best] ?? 0) < Math.max(3, counted * 0.05)) return { code: '', index: -1 };
  return { code: LANGUAGES[best] ?? '', index: best };
}

const languageLists = new Map<number, ReadonlySet<string>>();

/** The stopwords of one language (index into LANGUAGES), as a set of its own: smaller than the shared index, built once. */
function languageStopwords(li: number): ReadonlySet<string> {
  let set = languageLists.get(li);
  if (set === undefined) {
    set = new Set([...stopwords()].filter(([, langs]) => langs.includes(li)).map(([word]) => word));
    languageLists.set(li, set);
  }
  return set;
}

let sizes: number[] | undefined;
function listSizes(): number[] {
  if (sizes) return sizes;
  const lists = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[] | undefined>;
  sizes = LANGUAGES.map((language) => lists[language]?.length ?? 0);
  return sizes;
}

/** The features, in the order of the model's weights (model.json lists the same names). */
export const FEATURE_NAMES = [
  'bias',
  'log-words',
  'sentence-end',
  'prose',
  'stopword-share',
  'stopword-share-x-log-words',
  'no-stopwords-long',
  'link-row',
  'list-item',
  'short-line',
  'colon-end',
  'capitals-share',
  'digit-share',
  'comma-rate',
  'separator-count',
  'rule-label',
  'rule-weight',
  'site-template',
  'duplicate',
  'anchor-like',
  'after-anchor',
  'neighbour-prose',
  'window-prose',
  'window-stopword-share',
  'in-densest-run',
  'near-densest-run',
  'relative-position',
  'after-end-marker',
  'before-first-prose',
  'repeated-on-page',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** What the feature builder needs to know about each unit beyond its text. */
export interface UnitFacts {
  rule: string | undefined;
  weight: number;
  keep: boolean;
  linkRow: boolean;
  prose: boolean;
  anchor: boolean;
  /** An end marker (comments, related list) that is a barrier for the body finder. */
  barrier: boolean;
}

/** Lower-cased words of each unit. */
export function unitWords(units: readonly Unit[]): string[][] {
  return units.map((unit) => unit.text.toLowerCase().match(WORDS) ?? []);
}

/** The feature vectors of all units of a page, one Float64Array per unit. */
export function pageFeatures(units: readonly Unit[], facts: readonly UnitFacts[], words: readonly string[][], language: PageLanguage): Float64Array[] {
  const n = units.length;
  const share = new Float64Array(n);
  const inLanguage = language.index < 0 ? undefined : languageStopwords(language.index);
  for (let i = 0; i < n; i += 1) {
    const list = words[i] ?? [];
    if (list.length === 0 || inLanguage === undefined) continue;
    let hits = 0;
    for (const word of list) if (inLanguage.has(word)) hits += 1;
    share[i] = hits / list.length;
  }
  // The densest run of prose: Kadane over "prose adds its words, anything else costs 3".
  let bestSum = 0;
  let bestStart = 0;
  let bestEnd = -1;
  let sum = 0;
  let runStart = 0;
  for (let i = 0; i < n; i += 1) {
    const f = facts[i] as UnitFacts;
    const unit = units[i] as Unit;
    const score = f.prose && !f.rule ? Math.min(unit.words, 120) : -3;
    if (sum <= 0) {
      sum = score;
      runStart = i;
    } else sum += score;
    if (sum > bestSum) {
      bestSum = sum;
      bestStart = runStart;
      bestEnd = i;
    }
  }
  const counts = new Map<string, number>();
  for (const unit of units) if (unit.words > 0) counts.set(unit.key, (counts.get(unit.key) ?? 0) + 1);
  let firstProse = n;
  for (let i = 0; i < n; i += 1) {
    if ((facts[i] as UnitFacts).prose && !(facts[i] as UnitFacts).rule) {
      firstProse = i;
      break;
    }
  }
  const out: Float64Array[] = [];
  // One buffer for the page, each unit's vector a view of its own slice (not an allocation each).
  const size = FEATURE_NAMES.length;
  const block = new Float64Array(n * size);
  let proseWords = 0;
  let afterEnd = 0;
  let sinceAnchor = 99;
  for (let i = 0; i < n; i += 1) {
    const unit = units[i] as Unit;
    const f = facts[i] as UnitFacts;
    const x = block.subarray(i * size, (i + 1) * size);
    const text = unit.text;
    let letters = 0;
    let capitals = 0;
    let digits = 0;
    let commas = 0;
    let separators = 0;
    for (let c = 0; c < text.length; c += 1) {
      const code = text.charCodeAt(c);
      if (code >= 48 && code <= 57) digits += 1;
      else if (code === 44 || code === 59) commas += 1;
      else if (code < 128) {
        // ASCII without a string per character: '|' after a space, A-Z, a-z (as the general case below decides them).
        if (code === 124) separators += text.charCodeAt(c - 1) === 32 ? 1 : 0;
        else if (code >= 97 && code <= 122) letters += 1;
        else if (code >= 65 && code <= 90) {
          letters += 1;
          capitals += 1;
        }
        continue;
      }
      const ch = text[c] as string;
      if ((ch === '•' || ch === '·' || ch === '»' || ch === '›') && text[c - 1] === ' ') separators += 1;
      else if (ch.toLowerCase() !== ch.toUpperCase()) {
        letters += 1;
        if (ch !== ch.toLowerCase()) capitals += 1;
      }
    }
    const w = unit.words;
    const logWords = Math.log1p(w);
    let windowProse = 0;
    let windowShare = 0;
    let windowCount = 0;
    for (let k = Math.max(0, i - 3); k <= Math.min(n - 1, i + 3); k += 1) {
      if (k === i) continue;
      windowCount += 1;
      if ((facts[k] as UnitFacts).prose && !(facts[k] as UnitFacts).rule) windowProse += 1;
      windowShare += share[k] ?? 0;
    }
    const prevProse = i > 0 && (facts[i - 1] as UnitFacts).prose ? 1 : 0;
    const nextProse = i < n - 1 && (facts[i + 1] as UnitFacts).prose ? 1 : 0;
    const distance = i < bestStart ? bestStart - i : i > bestEnd ? i - bestEnd : 0;
    x[0] = 1;
    x[1] = logWords;
    x[2] = unit.sentence ? 1 : 0;
    x[3] = f.prose ? 1 : 0;
    x[4] = share[i] ?? 0;
    x[5] = (share[i] ?? 0) * logWords;
    x[6] = language.index >= 0 && w >= 8 && (share[i] ?? 0) === 0 ? 1 : 0;
    x[7] = f.linkRow ? 1 : 0;
    x[8] = unit.list ? 1 : 0;
    x[9] = w <= 3 ? 1 : 0;
    x[10] = text.endsWith(':') ? 1 : 0;
    x[11] = letters > 0 ? capitals / letters : 0;
    x[12] = text.length > 0 ? Math.min(1, (4 * digits) / text.length) : 0;
    x[13] = w > 0 ? Math.min(1, (5 * commas) / w) : 0;
    x[14] = Math.min(3, separators) / 3;
    x[15] = f.rule && f.rule !== 'site-template' && f.rule !== 'duplicate-block' ? 1 : 0;
    x[16] = f.rule ? Math.log1p(Math.min(f.weight, 1000)) / 7 : 0;
    x[17] = f.rule === 'site-template' ? 1 : 0;
    x[18] = f.rule === 'duplicate-block' ? 1 : 0;
    x[19] = f.anchor ? 1 : 0;
    x[20] = sinceAnchor <= 4 ? 1 : 0;
    x[21] = (prevProse + nextProse) / 2;
    x[22] = windowCount > 0 ? windowProse / windowCount : 0;
    x[23] = windowCount > 0 ? windowShare / windowCount : 0;
    x[24] = distance === 0 && bestEnd >= 0 ? 1 : 0;
    x[25] = bestEnd >= 0 ? Math.exp(-distance / 4) : 0;
    x[26] = n > 1 ? i / (n - 1) : 0;
    x[27] = afterEnd;
    x[28] = i < firstProse ? 1 : 0;
    x[29] = w > 0 && (counts.get(unit.key) ?? 0) > 1 ? 1 : 0;
    out.push(x);
    if (f.barrier && proseWords >= 60) afterEnd = 1;
    if (f.prose && !f.rule) proseWords += w;
    if (f.anchor) sinceAnchor = 0;
    else if (f.prose) sinceAnchor = 99;
    sinceAnchor += 1;
  }
  return out;
}
