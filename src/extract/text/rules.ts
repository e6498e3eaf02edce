import { alternation, chromePatterns, chromeWords, hasOtherScript, LATIN_MONTH_WORDS, MONTH_WORDS, phraseAlternation } from '../lexicon/index.js';
/**
 * The boilerplate rules for plain text, as named data (after mozilla/readability's REGEXPS).
 *
 * Every rule has a permanent name, used in `dropped[].rule`, and says why it exists. Phrase rules
 * are tested against a line's *match key* (lower case, spaces collapsed, list markers and the
 * punctuation around the line taken off) and only on lines of at most `maxWords` words: chrome is
 * short, and a long body sentence that happens to mention subscribing or sharing must stay.
 * Because the key of a tested line is short (`MAX_RULE_KEY_LENGTH`), no pattern here can take
 * super-linear time, whatever the input.
 *
 * The words and phrases are the lexicon's (../lexicon/, `chrome` of each language module: English,
 * Spanish, French, German and Portuguese, with the most common headings (related, comments, ads)
 * also in Russian, Japanese and Chinese); this file holds what is not language (numbers,
 * separators, brand and agency names) and puts them together into rules.
 */

export type RuleName =
  | 'ad-marker'
  | 'continues-below-ad'
  | 'view-counter'
  | 'newsletter-box'
  | 'push-prompt'
  | 'share-bar'
  | 'cookie-notice'
  | 'comment-form'
  | 'related-list'
  | 'read-more-promo'
  | 'breadcrumb'
  | 'legal-footer'
  | 'skip-link'
  | 'navigation'
  | 'photo-credit'
  | 'image-caption'
  | 'about-box'
  | 'reference-list'
  | 'hover-card'
  | 'url-line'
  | 'author-bio'
  | 'company-boilerplate'
  | 'call-to-action'
  | 'symbol-line'
  | 'duplicate-block'
  | 'site-template'
  | 'title-repeat'
  | 'byline'
  | 'date-line'
  | 'tags-line'
  | 'outside-body'
  | 'low-score'
  | 'user-drop';

export interface PhraseRule {
  name: RuleName;
  /** Why the rule exists. */
  why: string;
  /** Lines the rule must drop (checked by the unit tests; also documentation). */
  examples: readonly string[];
  /** Only lines with at most this many words are tested. */
  maxWords: number;
  /** Tested against the match key. Anchored and alternation-only, so they run in linear time. */
  patterns: readonly RegExp[];
  /** A structural test on the match key, for what a regular expression would say ambiguously. */
  test?: (key: string) => boolean;
  /**
   * How strongly a match says "not the article" when looking for the body (subtracted from the
   * body score). Section headings that open a comment or related block weigh most: prose after
   * them (comments, teasers) is not the article.
   */
  weight: number;
  /** The lines right after a match, in the same block, belong to the same widget (sign-up text). */
  box?: boolean;
}

/** Lines longer than this are never chrome phrases; it also bounds every pattern's work. */
export const MAX_RULE_KEY_LENGTH = 1000;

/**
 * A cheap test for lines that look like a byline or a date, used by the body finder to spot where
 * an article starts (the real parsers in src/extract/textual run later, on few lines).
 */
/**
 * A line that opens with a byline word and a capitalised name ("By Jane", "von Anna", "BY JOHN").
 * Case-blind on the word only: under the `i` flag `\p{Lu}` matches lower case too, and "Von der
 * Leyen will …" (a headline) or "by the river" read as bylines.
 */
export const BYLINE_HINT = new RegExp(`^(?:${['by', 'written by', 'posted by', 'por', 'par', 'von', 'de'].map(caseBlind).join('|')}) \\p{Lu}`, 'u');
const dateHint = (months: Iterable<string>): RegExp => new RegExp(`(?:^|[^\\p{L}])(?:${alternation(months)})(?:\\.|[^\\p{L}]|$)|\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}|\\d{1,2}\\.\\s\\d{1,2}\\.\\s(?:19|20)\\d{2}(?!\\d)`, 'iu');
const LATIN_DATE_HINT = dateHint(LATIN_MONTH_WORDS);
const ALL_DATE_HINT = dateHint(MONTH_WORDS);
/** A month word of any lexicon language, or a numeric date (the Latin-script words alone on a text with no other script's letter). */
export const DATE_HINT = { test: (text: string): boolean => (hasOtherScript(text) ? ALL_DATE_HINT : LATIN_DATE_HINT).test(text) };

/** A lower-case word as a pattern that matches it in any case, letter by letter ("by" -> "[bB][yY]"). */
function caseBlind(word: string): string {
  return word.replace(/\p{L}/gu, (c) => `[${c}${c.toUpperCase()}]`);
}

/** Whole words of a lexicon list, as a regular-expression alternation (longest first). */
function words(key: Parameters<typeof chromeWords>[0]): string {
  return phraseAlternation(chromeWords(key));
}

/**
 * Where a lexicon word starts and ends: no letter, digit or underscore on that side. Not `\b`,
 * which is ASCII-only even under the `u` flag: it never ends "leggi di più" or "czytaj też" before
 * a colon, nor a Cyrillic word at all (and a pattern with these needs the `u` flag).
 */
const WORD_END = '(?![\\p{L}\\p{N}_])';
/**
 * The start of the words of a lexicon list, for an unanchored search: `\b` while every word starts
 * with an ASCII letter or digit (it then differs only after a letter outside ASCII; a lookbehind at the start of a
 * pattern makes V8 try it at every position, ~3x slower), else the Unicode lookbehind.
 */
function wordStart(key: Parameters<typeof chromeWords>[0]): string {
  return chromeWords(key).every((w) => /^[a-z0-9]/i.test(w)) ? '\\b' : '(?<![\\p{L}\\p{N}_])';
}

/** Credits that mark a line as an image caption wherever they appear in it (lower case): agencies here, the rest the lexicon's. */
const CAPTION_MARKERS: readonly string[] = ['ap photo/', '(ap photo', '/reuters)', '/ap)', '/afp)', '/getty images)', 'getty images)', '| getty images', '/epa)', ...chromeWords('captionMarkers')];

/** Every marker holds one of these (a test checks it); most lines hold none, and one scan rules them out. */
const CAPTION_CUES = new RegExp(`getty|\\(ap\\)|\\(reuters\\)|\\(afp\\)|\\/|\\(|${words('captionCues')}`);

/**
 * A caption's credit closes it: "... aus der Schweiz. © AFP / Marco B.", "... die Enge. Bild:
 * Gregory Batardon/Theater", "Roman Prymula, photo: Archives du Gouvernement", "(Bildquelle: Ring
 * der Landjugend)". The credit is the line's last segment: "©" or a credit noun of the lexicon
 * with a colon, after a sentence end, a comma, a dash or an opening bracket (a credit that opens
 * the line is a 'photo-credit'), and then at most `maxWords` words (a name, an agency) without a sentence end or another colon.
 */
export const TRAILING_CREDIT = {
  maxWords: 8,
  /** A caption is short; a paragraph of the story with a credit pasted after it is kept. */
  maxLineWords: 40,
  pattern: new RegExp(`(?:[.!?,;)] |\\(| [-–—|] )(?:©|(?:${words('creditNouns')}|${words('creditLabels')}) ?:) ?([^:©!?]*)\\)?$`),
} as const;

function trailingCredit(key: string): boolean {
  const match = TRAILING_CREDIT.pattern.exec(key);
  // "(Image: Name)" alone on its line is a 'photo-credit'.
  if (!match || match.index === 0) return false;
  const credit = (match[1] ?? '').trim();
  if (credit.length === 0 || credit.split(' ').length > TRAILING_CREDIT.maxWords) return false;
  return key.split(' ').length <= TRAILING_CREDIT.maxLineWords;
}

/** A read-more lead alone ("Leggi anche", "Lesen Sie auch"): with its colon on the line, a promo whose link is the next line (index.ts). */
/** A photo credit's opening, on a lower-case line: "photo: name", "foto von name", "фото из архива" (rule 'photo-credit'). */
export const PHOTO_CREDIT_START = new RegExp(`^(?:${words('creditNouns')})${WORD_END} ?(?:${words('creditBy')}|:|\\/|©|-|–|—)`, 'u');

export const PROMO_LEAD_ALONE = new RegExp(`^(?:${words('readMoreLeads')})$`);

/** An image caption: a credit marker inside, a closing "(Name Surname/Agency)", or a trailing credit. */
function isCaption(key: string): boolean {
  if ((key.includes('©') || key.includes(':')) && trailingCredit(key)) return true;
  if (!CAPTION_CUES.test(key)) return false;
  for (const marker of CAPTION_MARKERS) if (key.includes(marker)) return true;
  if (key.endsWith('(ap)') || key.endsWith('(reuters)') || key.endsWith('(afp)')) return true;
  if (!key.endsWith(')')) return false;
  const open = key.lastIndexOf('(');
  if (open < 0 || key.length - open > 60) return false;
  const inside = key.slice(open + 1, -1);
  const slash = inside.indexOf('/');
  return slash > 0 && inside.indexOf(' ') > 0 && inside.split(' ').length <= 8;
}

/**
 * An author's bio closes many articles ("Jane Doe is a senior editor at ...", "Zac covers Apple
 * news for ..."). It is only looked for among the last lines of the body (see index.ts).
 */
export const AUTHOR_BIO = {
  why: 'The note about the author at the end of an article is about the writer, not the story.',
  maxWords: 70,
  /** A name (one to three capitalised words) followed by a verb that introduces a bio. */
  opening: new RegExp(`^[\\p{Lu}][\\p{L}'’.-]+(?: [\\p{Lu}][\\p{L}'’.-]+){0,2} (?:${words('bioVerbs')}) `, 'u'),
  /** Words that say the sentence is about a writer's job. */
  job: new RegExp(`${wordStart('bioJobs')}(?:${words('bioJobs')})${WORD_END}`, 'iu'),
  /** How many of the body's last lines are looked at. */
  tailLines: 3,
} as const;

/**
 * A company boilerplate closes press releases ("Acme is a leading global provider of ...",
 * "Acme is headquartered in ..."). Like the author bio, it is only looked for at the end of the body.
 */
export const COMPANY_BOILERPLATE = {
  why: 'The company description that closes a press release is the same under every release.',
  maxWords: 120,
  pattern: new RegExp(
    `^[\\p{Lu}][\\p{L}\\p{N}&.'’-]*(?: [\\p{Lu}][\\p{L}\\p{N}&.'’-]*){0,3},? (?:${words('companyVerbs')}) (?:${words('companyArticles')}) (?:[\\p{L}-]+ ){0,3}(?:${words('companyNouns')})${WORD_END}`,
    'u',
  ),
  tailLines: 12,
} as const;

/**
 * The site's appeal to its reader closes many pages: "Sign up for our newsletter", "Ihr Beitrag
 * hilft, unsere Berichterstattung ...", "Únete a nuestra comunidad". Like the author bio, it is only
 * looked for at the end of the body, where a story seldom asks its reader to subscribe or donate.
 */
export const CALL_TO_ACTION = {
  why: 'A newsletter, subscription or donation appeal closing the body is the site speaking to its reader, not the story.',
  maxWords: 80,
  /** A word of the lexicon's `callToAction` starts somewhere in the line. */
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${words('callToAction')})`, 'iu'),
  /** How many of the body's last lines are looked at. */
  tailLines: 16,
} as const;

/** Share targets; a line made only of these (and `SHARE_FILLER`) is a share bar: the services here, the actions the lexicon's. */
export const SHARE_WORDS: ReadonlySet<string> = new Set([
  'facebook',
  'twitter',
  'x',
  'linkedin',
  'whatsapp',
  'reddit',
  'pinterest',
  'telegram',
  'flipboard',
  'messenger',
  'sms',
  'tumblr',
  'url',
  'bluesky',
  'threads',
  'mastodon',
  'gmail',
  'sharethis',
  'addthis',
  'google',
  'vk',
  ...chromeWords('shareWords'),
]);
/** Small words that share bars add around the targets ("Share this article on Facebook"). */
const SHARE_FILLER: ReadonlySet<string> = new Set(chromeWords('shareFiller'));

/** Words of a legal-links footer line ("Privacy Policy | Terms of Use | Contact"). */
const LEGAL_LINKS: ReadonlySet<string> = new Set(chromeWords('legalLinks'));

/** Words that start a breadcrumb trail. */
const BREADCRUMB_ROOTS: ReadonlySet<string> = new Set(chromeWords('breadcrumbRoots'));

/** Split a key on separator characters (one character class: linear). */
function splitOnSeparators(key: string): string[] {
  const parts: string[] = [];
  for (const part of key.split(/[|·•/>»›,–-]/)) {
    const trimmed = part.trim();
    if (trimmed.length > 0) parts.push(trimmed);
  }
  return parts;
}

/** Every word of the key is in `words` or `filler`, and at least one is in `words`. */
function isWordSetLine(key: string, words: ReadonlySet<string>, filler: ReadonlySet<string>): boolean {
  let hits = 0;
  for (const token of key.split(/[\s|·•/()]+/)) {
    if (token.length === 0) continue;
    if (words.has(token)) hits += 1;
    else if (!filler.has(token)) return false;
  }
  return hits > 0;
}

/** The key is a separated list whose parts are all in `words` (at least `min` parts). */
function isSeparatedList(key: string, words: ReadonlySet<string>, min: number): boolean {
  const parts = splitOnSeparators(key);
  return parts.length >= min && parts.every((part) => words.has(part));
}

/** "Home > News > World": a known root, then one to six short parts split by separators. */
function isBreadcrumb(key: string): boolean {
  const parts = splitOnSeparators(key);
  const root = parts[0];
  if (root === undefined || parts.length < 2 || parts.length > 7) return false;
  if (!BREADCRUMB_ROOTS.has(root)) return false;
  return parts.every((part) => part.split(' ').length <= 5);
}

/** After "<name> says:" a comment's header has at most this many words when none of the first four holds a digit (a date). */
const COMMENT_HEADER_TAIL_WORDS = 8;

export const PHRASE_RULES: readonly PhraseRule[] = [
  {
    name: 'skip-link',
    examples: ['Skip to content', 'Saltar al contenido', 'Aller au contenu', 'Zum Inhalt springen', 'Pular para o conteúdo'],
    why: 'Accessibility links at the top of a page ("Skip to content") are navigation.',
    maxWords: 8,
    weight: 5,
    patterns: chromePatterns('skipLink'),
  },
  {
    name: 'ad-marker',
    examples: ['- Advertisement -', 'Advertisement', 'Publicidad', 'Publicité', 'Anzeige', 'Publicidade', 'Реклама', 'スポンサードリンク'],
    why: 'Ad slots leave their label behind ("- Advertisement -", "Anzeige", "Publicidad").',
    maxWords: 5,
    weight: 4,
    patterns: [new RegExp(`^(?:${words('adLabels')})$`), ...chromePatterns('adMarker')],
  },
  {
    name: 'continues-below-ad',
    examples: ['Story continues below advertisement', 'La noticia continúa debajo', 'Weiter nach der Anzeige', 'A matéria continua após a publicidade'],
    why: 'Ad slots inside the story announce that the story continues after them.',
    maxWords: 12,
    weight: 4,
    patterns: chromePatterns('continuesBelowAd'),
  },
  {
    name: 'comment-form',
    examples: [
      'Leave a comment',
      '34 Comments',
      'Join the Conversation',
      'Deja un comentario',
      'Laisser un commentaire',
      'Kommentar schreiben',
      '3 Gedanken zu „Ein Jahr auf dem Land“',
      'Lascia un commento',
      'KomentarzeLiczba komentarzy: 6',
      '12 reacties',
      'Vos réactions (11)',
      'Deixe um comentário',
      'Добавить комментарий Отменить ответ',
      'コメントを残す',
    ],
    why: "Comment section headings: the prose after them is readers', not the article's.",
    maxWords: 40,
    weight: 1000,
    patterns: [
      ...chromePatterns('commentHeading'),
      // A comment's header: "1. joetoronto says: November 19, 2019 at 6:44 am" (the colon matters:
      // "Pompeo said that ..." is news prose). After the colon a header has its date or a few words;
      // a sentence there is the story quoting someone ("Kaveh writes: A rural brain drain has ...").
      new RegExp(`^(?:\\d+\\.? )?[^ ]+(?: [^ ]+){0,2} (?:${words('commentSays')}):(?:$| (?:[^ ]+ ){0,3}[^ ]*\\d| (?:[^ ]+(?: |$)){1,${COMMENT_HEADER_TAIL_WORDS}}$)`),
    ],
  },
  {
    name: 'view-counter',
    examples: ['0 1,593', '1.2k views', '5 min read', 'Tempo de leitura: 1 minuto', '1.593 visualizaciones', '12 Aufrufe', '830 vues'],
    why: 'View, share and comment counters ("0 1,593", "1.2k views") and reading times are page furniture.',
    maxWords: 8,
    weight: 3,
    patterns: [
      new RegExp(`^(?:${words('readingTime')})${WORD_END}`, 'u'),
      new RegExp(`^(?:\\d+|${words('countWords')}) ?(?:${words('minuteWords')}) (?:${words('minutesRead')})$`),
      /^[\d.,]+[km]?(?: [\d.,]+[km]?){0,3}$/,
      new RegExp(`^[\\d.,]+[km]? (?:${words('counterNouns')})$`),
      new RegExp(`^(?:${words('counterLeads')}) [\\d.,]+[km]?$`),
    ],
  },
  {
    name: 'newsletter-box',
    examples: [
      'Subscribe to our newsletter',
      'Sign up here to get the latest news, updates and special offers delivered directly to your inbox.',
      'Suscríbete a nuestro boletín',
      'Abonnez-vous à notre newsletter',
      'Newsletter abonnieren',
      'Assine nossa newsletter',
    ],
    why: 'Newsletter sign-up boxes: a heading and a sign-up line, often inside the story.',
    maxWords: 30,
    weight: 6,
    box: true,
    patterns: chromePatterns('newsletterBox'),
  },
  {
    name: 'push-prompt',
    examples: [
      'Get real time updates directly on you device, subscribe now.',
      'Activa las notificaciones',
      'Activez les notifications',
      'Benachrichtigungen aktivieren',
      'Ative as notificações',
    ],
    why: 'Push-notification and app prompts ("Get real time updates ... subscribe now").',
    maxWords: 20,
    weight: 5,
    patterns: chromePatterns('pushPrompt'),
  },
  {
    name: 'share-bar',
    examples: ['Share', 'Share on Facebook', 'Tweet Share Email', 'Compartir', 'Partager', 'Teilen', 'Compartilhar', 'Follow Victor Davis Hanson on Twitter', 'Share permalink', 'Teilen Sie dies mit:', 'Teilen mit:'],
    why: 'Share bars: lines made of share targets ("Share", "Tweet", "Facebook", "WhatsApp"), and the prompt to follow the author on one. Late in a page they close the article.',
    maxWords: 14,
    weight: 12,
    patterns: chromePatterns('shareBar'),
    test: (key) => isWordSetLine(key, SHARE_WORDS, SHARE_FILLER),
  },
  {
    name: 'cookie-notice',
    examples: [
      'We use cookies to improve your experience on our website.',
      'Utilizamos cookies propias y de terceros.',
      'Nous utilisons des cookies pour améliorer votre expérience.',
      'Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.',
      'Usamos cookies para melhorar sua experiência.',
    ],
    why: 'Cookie and consent notices are about the site, not the article.',
    maxWords: 150,
    weight: 6,
    patterns: [...chromePatterns('cookieNotice'), new RegExp(`^(?:${words('cookieAccept')})$`)],
  },
  {
    name: 'comment-form',
    examples: ['Your email address will not be published.', '1. joetoronto says: November 19, 2019 at 6:44 am'],
    why: 'The fields, buttons and per-comment headers of a comment form or a comment thread.',
    maxWords: 40,
    weight: 3,
    patterns: [
      ...chromePatterns('commentForm'),
      new RegExp(`^(?:${words('commentFields')})\\s?\\*?$`),
      new RegExp(`^(?:${words('commentActions')})$`),
    ],
  },
  {
    name: 'related-list',
    examples: [
      'Related articles',
      'Meist gelesen',
      'You may also like',
      'Most popular',
      'Noticias relacionadas',
      'À lire aussi',
      'Das könnte Sie auch interessieren',
      'Das Thema könnte dich auch interessieren:',
      'Lesen Sie auch die folgenden Beiträge:',
      'Seit 7 Tagen am meisten gelesen',
      'Empfohlen für dich',
      'Weitere Pressemitteilungen dieses Verbands',
      'Mehr zum Thema auf example.de',
      'Leia também',
      'Вам также может быть интересно',
      '関連記事',
    ],
    why: 'Headings of related, recommended and trending lists; what follows are teasers.',
    maxWords: 8,
    weight: 1000,
    patterns: chromePatterns('relatedList'),
  },
  {
    name: 'read-more-promo',
    examples: [
      'Read more: Why the cartels grew',
      'Also read: The trade war explained',
      'Lee también: Así fue el debate',
      'Lire aussi : La réforme des retraites',
      'Lesen Sie auch: Die Wahl in Bayern',
      'MIRA: Así quedó el estadio tras la tormenta',
      'Leia mais: O que muda no imposto',
      'GET FOX BUSINESS ON THE GO BY CLICKING HERE',
      'Click here for NBCSN TV listings',
    ],
    why: '"Read more:", "Also read:" and similar promos link to other articles from inside a story.',
    maxWords: 30,
    weight: 4,
    patterns: [
      new RegExp(`^(?:${words('moreColon')}) ?:`),
      new RegExp(`^(?:${words('readMoreLeads')})${WORD_END} ?[:›»>|-]`, 'u'),
      new RegExp(`^(?:${words('readMoreLinks')})$`),
      ...chromePatterns('readMorePromo'),
    ],
  },
  {
    name: 'breadcrumb',
    examples: ['Home > News > World', 'Inicio » Deportes » Fútbol', 'Accueil / Monde', 'Startseite › Politik'],
    why: 'Breadcrumb trails ("Home > News > World", "Inicio » Deportes") are navigation.',
    maxWords: 16,
    weight: 3,
    patterns: [],
    test: isBreadcrumb,
  },
  {
    name: 'legal-footer',
    examples: [
      '© 2019 Example Media. All rights reserved.',
      'Privacy Policy | Terms of Use | Contact',
      'Todos los derechos reservados',
      'Tous droits réservés',
      'Impressum | Datenschutz',
      'Todos os direitos reservados',
      'Materiał chroniony prawem autorskim - zasady przedruków określa regulamin.',
      'Tutti i diritti riservati',
    ],
    why: 'Copyright lines and legal links close the page, never the article.',
    maxWords: 40,
    weight: 1000,
    test: (key) => isSeparatedList(key, LEGAL_LINKS, 1),
    patterns: [/^(?:©|\(c\)|copyright|copr\.)/, ...chromePatterns('legalFooter'), new RegExp(`${wordStart('rightsReserved')}(?:${words('rightsReserved')})${WORD_END}`, 'u')],
  },
  {
    name: 'legal-footer',
    why: 'Site-wide disclaimers (information only, not medical advice, results vary) and affiliate disclosures ("we may receive compensation") are the site speaking, on every page.',
    examples: [
      'The information provided on this website is for general informational purposes only.',
      'These statements have not been evaluated by the Food and Drug Administration.',
      'We may receive compensation when you click on links to those products.',
      'Für Links auf dieser Seite erhält GIGA ggf. eine Provision vom Händler.',
    ],
    maxWords: 90,
    weight: 8,
    patterns: chromePatterns('disclaimer'),
  },
  {
    name: 'tags-line',
    examples: [
      'This entry was posted in Allgemein. Bookmark the permalink.',
      'Posted in Feelings and tagged baby, parenting. Bookmark the permalink.',
      'Dieser Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit berlin von Simon. Permanentlink.',
      'Veröffentlicht in: Everything but the kitchen sink | Schlagwort: Motorrad',
      'Der Beitrag wurde am Mittwoch, den 27. November 2019 veröffentlicht und wurde unter Allgemein, Events abgelegt.',
    ],
    why: "A blog post's footer says where the post was filed (its categories, tags, permalink): metadata of the site, not the story.",
    maxWords: 80,
    weight: 8,
    patterns: chromePatterns('filedUnder'),
  },
  {
    name: 'navigation',
    why: 'Notes that a widget needs JavaScript stand where the widget would be.',
    examples: ['This slideshow requires JavaScript.', 'Please enable JavaScript to view this content.'],
    maxWords: 15,
    weight: 3,
    patterns: chromePatterns('scriptNote'),
  },
  {
    name: 'navigation',
    examples: ['Menu', 'Search', 'Sign in', 'Menú', 'Rechercher', 'Anmelden', 'Pesquisar', 'Bild anzeigen Bild schließen', 'Rezept drucken', 'Print recipe', 'Auf einer Seite lesen', 'Inhaltsverzeichnis', 'Table of contents', 'Nächster Artikel'],
    why: 'Menu, search, sign-in and paging words standing alone on a line are site navigation.',
    maxWords: 4,
    weight: 3,
    patterns: [
      new RegExp(`^(?:${words('slideNouns')}) \\d+ (?:${words('slideOf')})${WORD_END}`, 'u'),
      /^\d+ ?\/ ?\d+$/,
      new RegExp(`^(?:${words('galleryLabels')})$`),
      new RegExp(`^(?:${words('navigationLabels')})$`),
    ],
  },
  {
    name: 'navigation',
    examples: ['Rezept drucken Bei Pinterest speichern', 'Auf einer Seite lesen Inhalt', 'Back to top Home'],
    why: 'Buttons a scraper ran together on one line ("Rezept drucken Bei Pinterest speichern") are navigation: a line that opens with a button label of two words or more and has at most four more words, without a sentence end.',
    maxWords: 8,
    weight: 3,
    patterns: [new RegExp(`^(?:${phraseAlternation([...chromeWords('navigationLabels'), ...chromeWords('galleryLabels')].filter((label) => label.includes(' ')))})(?: [^ .!?:]+){1,4}$`)],
  },
  {
    name: 'image-caption',
    examples: [
      "Spain's Rafael Nadal celebrates a point in Madrid. (Manu Fernandez/AP)",
      'The crowd outside the court on Monday. (AP Photo/Alan Diaz, File)',
      'Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO',
      'Die lachende Menge wird zum Mob. Bild: Gregory Batardon/Theater St. Gallen',
      'Roman Prymula, photo: Archives du Gouvernement tchèque',
      'Vertreter der Jugendverbände sprachen mit der Ministerin. (Bildquelle: Ring der Landjugend )',
      'Vergrößern Die neue Kamera sitzt in einer kleinen Aussparung im Display.',
    ],
    why: 'Image captions carry a credit ("(AP Photo/...)", "(Image credit: ...)", "| Getty Images", "... Bild: Name") or open with the zoom button ("Vergrößern ..."); the picture is not in a text feed, so neither is its caption.',
    maxWords: 120,
    weight: 2,
    patterns: [new RegExp(`^(?:${words('zoomButtons')}) \\p{L}`, 'u')],
    test: isCaption,
  },
  {
    name: 'photo-credit',
    examples: ['Photo: Elena Kovacs / Staff', 'Foto: Juan Pérez / EFE', 'Image: NASA', 'Courtesy of Andrew Vaughan', 'Fot. Jan Kowalski / Agencja Gazeta'],
    why: 'Photo credits and image captions label pictures that a text feed does not carry.',
    maxWords: 20,
    weight: 2,
    patterns: [
      PHOTO_CREDIT_START,
      new RegExp(`^\\(?(?:${words('creditLabels')})s?: ?©?`),
      new RegExp(`^(?:${words('creditAbbreviations')}) \\p{L}`, 'u'),
      /^(?:getty images|istock|shutterstock|ap photo|reuters|afp|epa|dpa)(?:\/[\p{L} ]+)?$/u,
      new RegExp(`^(?:${words('courtesy')}) `),
      /(?:getty images|shutterstock|istockphoto|istock|associated press|science photo library|bloomberg|reuters|afp|ap|epa|dpa|nasa|wireimage|alamy)\)?$/,
    ],
  },
  {
    name: 'about-box',
    examples: ['About Ascom', 'Über Beispiel GmbH'],
    why: 'Press releases and blogs close with an "About <company>" box that is not the story.',
    maxWords: 5,
    weight: 1000,
    patterns: [new RegExp(`^(?:${words('aboutLeads')}) (?!(?:${words('aboutNotWhole')})$|${words('aboutNotStart')})[\\p{L}&.' -]{2,40}$`, 'u')],
  },
  {
    name: 'reference-list',
    examples: ['Sources:', 'References', 'Bibliography', 'Works cited', 'About this statement:', 'About this article', 'Fuentes:', 'Quellen', 'Références', 'Referências', 'Quellenangaben:'],
    why: 'The heading of a list of sources or references (and a fact-check\'s "About this statement" box) closes an article; the citations under it are not the story.',
    maxWords: 4,
    weight: 1000,
    patterns: [new RegExp(`^(?:${words('referenceHeadings')})$`)],
  },
  {
    name: 'url-line',
    examples: ['https://example.com/a/b?c=d', 'www.example.org'],
    why: 'A bare address on a line is a link target or an image source, not prose.',
    maxWords: 12,
    weight: 2,
    patterns: [/^(?:https?:\/\/|www\.)[^ ]+$/],
  },
  {
    name: 'url-line',
    examples: ['IFRAME: https://www.youtube.com/embed/abc?autoplay=1', 'IFRAME: https://vplayer.example.com/p/BxmELC/embed/select/media/S9u JwxQOVbgp?autoPlay=true&enableMute=true'],
    why: 'lynx prints an embedded frame as "IFRAME: <address>", the address wrapped over lines when long: a frame, not text.',
    maxWords: 60,
    weight: 2,
    patterns: [/^iframe:(?: [^ ]+){1,4}$/],
  },
];

/**
 * Thresholds of the body finder (see index.ts, step 4). A line is *prose* when it has at least
 * `PROSE_MIN_WORDS` words and ends like a sentence; prose adds its word count to the body score,
 * anything else subtracts. The densest run of prose is the body.
 */
/**
 * A hover card scraped into a sentence: a linked name, the card's copy of the name glued to it,
 * the card's text (recent headlines) and its "MORE" link, then the sentence goes on:
 * "threatened to kill Rep. Ilhan OmarIlhan OmarHillicon Valley: ... her MORE (D-Minn.)".
 * The doubled name is the signal; the card ends at the first capitalised "MORE" within `reach`
 * characters. The name stays, the card goes (rule 'hover-card').
 */
export const HOVER_CARD = {
  why: 'Author and politician hover cards are glued into sentences by scrapers; their headlines are not the story.',
  doubledName: /(\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){0,3})\1(?=\p{Lu})/gu,
  end: ' MORE',
  reach: 700,
  /** Longer paragraphs are not searched (the doubled-name pattern backtracks per position). */
  maxText: 20_000,
  examples: [
    {
      text: 'A man pleaded guilty to threatening Rep. Ilhan OmarIlhan OmarHillicon Valley: Senators call for 5G security coordinator | Facebook gets questions MORE (D-Minn.), prosecutors said.',
      clean: 'A man pleaded guilty to threatening Rep. Ilhan Omar (D-Minn.), prosecutors said.',
    },
  ],
} as const;

/** A line-shape rule of the title finder: a pattern, why it exists, and lines it must match. */
export interface LineRule {
  why: string;
  pattern: RegExp;
  /** Lines the pattern must match (checked by the unit tests). */
  examples: readonly string[];
  /** Headlines the pattern must leave alone (checked by the unit tests). */
  counterExamples: readonly string[];
}

/**
 * Lines that are shaped like a headline (short, capitalised, no full stop) but are not one. The
 * title finder skips `credit` and `attribution` lines and scores `pullQuote` lines down. Lines are
 * at most 30 words when tested, and each pattern is linear.
 */
export const NOT_HEADLINE = {
  credit: {
    why: 'A photo or agency credit under a picture names who took it; it often stands between the headline and the story.',
    pattern: /(?:getty|shutterstock|\b(?:photo(?:graph)?s?|images?|credit)\s*[:/|]|\/\s*(?:ap|afp|reuters|epa)\b|\bwire services$)/i,
    examples: ['Alex Wong | Getty Images', 'Jupiterimages, Getty Images/Creatas RF', 'Photo: Damian Dovarganes, AP', 'Detroit News wire services'],
    counterExamples: ['Images of the flood show a town under water', 'Apple unveils a new photo app for the iPhone'],
  },
  pullQuote: {
    why: 'A quotation set apart with its attribution, or a line that is one whole quotation, is a pull quote; headlines quote a phrase and go on.',
    pattern: /^[“"‘«„][^”"’»]{8,}(?:[,!?.][”"’»]\s+\p{Ll}|[,][”"’»]|[.!?][”"’»]$)/u,
    examples: [
      '“We have to make some necessary job eliminations,” WeWork chairman Marcelo Claure said in an email to employees Monday',
      '"$53 million a week is coming across the border in drugs."',
    ],
    counterExamples: [
      '‘Meth. We’re on it.’: Spokane ad agencies divided on South Dakota’s viral campaign',
      '‘The Medium is the Message’: the 7th Amsterdam Light Festival',
      'Anthony Lynn: “We needed to win this game”',
    ],
  },
  handle: {
    why: 'A social-media handle marks a byline or a profile line ("Catherine Shu @catherineshu / 2 days"); headlines do not carry one.',
    pattern: /(?:^|\s)@[\p{L}\p{N}_]{2,}/u,
    examples: ['Catherine Shu @catherineshu / 2 days', 'Nishant Kumar @Nishantopines'],
    counterExamples: ['Twitter changes how replies to an account show up', 'Email hello@example.com for tickets'],
  },
  iconName: {
    why: 'Icon-font ligature names left in scraped text ("chevron_left Browse All Posts") mark a button, not a headline.',
    pattern: /(?:^|\s)[a-z]+_[a-z_]+(?:\s|$)/,
    examples: ['chevron_left Browse All Posts', 'arrow_forward Next article'],
    counterExamples: ['Introducing Junior Gaspard, New CEO at Experience'],
  },
  gluedLabel: {
    why: 'A label glued to its value by a colon without a space ("Filed to:Weird medicine") is a field of the page, not a headline.',
    pattern: /^[\p{L} ]{2,25}:\p{L}/u,
    examples: ['Filed to:Weird medicine', 'Category:Science'],
    counterExamples: ['HS Roundup: Viera defeats Rockledge to remain undefeated', 'Anthony Lynn: “We needed to win this game”'],
  },
  attribution: {
    why: 'The line under a quotation that says who said it and where starts with a dash.',
    pattern: /^[—–―]\s*\p{Lu}/u,
    examples: ['— David McKinley on Sunday, October 13th, 2019 in an article in a local newspaper'],
    counterExamples: ['Milan Design Week 2018 – light installation for FLOS'],
  },
} as const satisfies Record<string, LineRule>;

export const BODY = {
  /** Words a line needs to count as prose. */
  proseMinWords: 8,
  /** Cost of a short non-prose line (a heading, a label, a teaser title). */
  shortLineCost: 3,
  /** A non-prose line with this many words is a data row or a rich list item, not a menu item. */
  richLineWords: 6,
  richLineCost: 1,
  /** Cost of a list item that is not prose (menus are lists). */
  listItemCost: 4,
  /** A prose line longer than this counts only this much: one huge line must not outweigh layout. */
  proseWordCap: 120,
  /** Lines of this many words or more are compared for duplicates. */
  duplicateMinWords: 6,
  /**
   * Articles start right after their byline or date line; prose within `anchorReach` lines after
   * one gets `anchorBonus` once, so a short article beats a long footer or teaser blurb.
   */
  anchorBonus: 40,
  anchorReach: 4,
  /**
   * Comment and related headings end an article; before `endMarkerMinProse` words of prose have
   * been seen they are links in the article's header ("Leave a comment") and weigh little.
   */
  endMarkerMinProse: 60,
  endMarkerEarlyWeight: 3,
  /** A run with this body score is a whole article; what comes after its end marker is discounted. */
  articleMinScore: 150,
  /** ... and at least this many prose lines: one long paragraph (a cookie notice) is no article. */
  articleMinProseLines: 2,
  afterArticleDiscount: 0.6,
  /**
   * After a comment form (field labels "Name *", "Email *") that follows some prose, the regions
   * are discounted this much even when the post above was shorter than an article: what follows a
   * form is comments or the blog's sidebar ("About me", the latest posts).
   */
  afterFormDiscount: 0.3,
  /**
   * The body continues past an inline related box only into a run where at least this share of
   * the lines are prose (the story goes on), not into teaser cards with blurbs.
   */
  bridgeMinProseShare: 0.5,
  /**
   * The body widens over a neighbouring unlabelled line of `widenSureMinWords` words or more that
   * the body model gives at least `widenSureP`, even when it does not end like a sentence.
   */
  widenSureP: 0.75,
  widenSureMinWords: 3,
  /**
   * In the body's weak tail (see `weakTail` in index.ts) a line of `tailSentenceWords` words,
   * sentence or not, whose body probability is below `tailSentenceBelow` is dropped: a newsletter
   * or support prompt, a "filed under" line. Long paragraphs stay (they are the story's).
   */
  tailSentenceBelow: 0.3,
  tailSentenceWords: { min: 8, max: 25 },
  /**
   * A long paragraph whose word triples mostly occurred earlier in the body is the article again,
   * flattened into one block (a scraped JSON "articleBody", a print version): `rehashMinWords`
   * words or more, `rehashShare` of its triples seen before.
   */
  rehashMinWords: 40,
  rehashShare: 0.8,
} as const;
