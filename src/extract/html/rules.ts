import { alternation, BYLINE_LEADS, chromePatterns, MONTH_WORDS, TODAY_WORDS, WEEKDAY_WORDS, YESTERDAY_WORDS } from '../lexicon/index.js';
/**
 * The extractor's heuristics as named data (after Readability's `REGEXPS`): every rule that
 * removes something has a name here, and that name is what `DroppedBlock.rule` reports.
 * None of them names a site: they describe structure, wording and density.
 */

/** Tags removed from the page before extraction: never article body. */
export const PRECLEAN_TAGS = [
  'nav',
  'aside',
  'footer',
  'form',
  'button',
  'select',
  'input',
  'textarea',
  'iframe',
  'svg',
  'canvas',
  'dialog',
  'menu',
  'figcaption',
  'header',
] as const;

/** The tags removed by the 'light' pre-cleaning of a second attempt (preclean.ts `PrecleanMode`). */
export const LIGHT_PRECLEAN_TAGS = ['nav', 'footer', 'form', 'button', 'select', 'input', 'textarea', 'iframe', 'svg', 'canvas', 'dialog', 'menu'] as const;

/**
 * class/id words that mark boilerplate containers (matched as whole words of the class/id, split
 * on `-`, `_`, spaces and camelCase). Rule name per group, for `dropped`.
 */
export const BOILERPLATE_CLASS_WORDS: Readonly<Record<string, readonly string[]>> = {
  'share-bar': ['share', 'shares', 'sharing', 'sharebar', 'sharethis', 'addthis', 'social', 'socials', 'sharedaddy'],
  related: ['related', 'recommended', 'recommendations', 'recirc', 'trending', 'popular', 'mostread', 'outbrain', 'taboola', 'teaser', 'teasers', 'morestories', 'readmore'],
  newsletter: ['newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'optin', 'paywall', 'registration'],
  promo: ['promo', 'promos', 'promotion', 'promoted', 'sponsor', 'sponsored', 'partner', 'affiliate', 'commercial'],
  ad: ['ad', 'ads', 'advert', 'adverts', 'advertisement', 'advertising', 'adslot', 'adunit', 'dfp', 'gpt', 'banner', 'adsbygoogle'],
  caption: ['caption', 'captions', 'credit', 'credits', 'figcaption', 'photocredit'],
  byline: ['byline', 'bylines', 'author', 'authors', 'dateline', 'timestamp', 'published', 'updated', 'date', 'meta', 'metadata'],
  navigation: ['breadcrumb', 'breadcrumbs', 'nav', 'navbar', 'navigation', 'menu', 'pagination', 'pager', 'toolbar', 'skip', 'masthead'],
  tags: ['tags', 'tag', 'topics', 'keywords', 'categories'],
  comments: ['comment', 'comments', 'disqus', 'replies', 'respond'],
  consent: ['cookie', 'cookies', 'consent', 'gdpr', 'modal', 'popup', 'overlay', 'lightbox'],
  'print-only': ['print', 'printonly', 'printheader', 'printfooter'],
  hidden: ['hidden', 'hide', 'invisible', 'screenreader', 'sronly', 'visuallyhidden', 'offscreen', 'tooltip'],
};

/**
 * class/id words of boxes beside an article's prose (an author bio, an info box, a teaser card):
 * not removed by pre-cleaning, one feature of the body model (block-model.ts).
 */
export const BOX_CLASS_WORDS: readonly string[] = ['bio', 'about', 'box', 'infobox', 'widget', 'card', 'cards', 'sidebar', 'info', 'profile', 'panel', 'callout', 'more', 'links', 'list', 'footer', 'header', 'author', 'aside', 'excerpt', 'summary', 'meta'];

/**
 * class/id words of an article's lead: its standfirst, subtitle, abstract ("article-intro",
 * "p.subtitle", "c-dek", "texto-bajada", "chapo"). A paragraph Readability leaves out just before
 * its container is put back when its box says this (content.ts `leadsLeftOut`).
 */
export const LEAD_CLASS_WORDS: readonly string[] = ['intro', 'lead', 'teaser', 'subtitle', 'standfirst', 'dek', 'deck', 'abstract', 'chapo', 'bajada'];

/** class/id words that say "this is the article": such elements are never removed by class. */
export const CONTENT_CLASS_WORDS: readonly string[] = ['article', 'content', 'body', 'entry', 'post', 'story', 'main', 'text'];

/**
 * class/id words of media containers (an image and its caption). Their text is a caption or a
 * credit, never body, when it is short; the images themselves stay.
 */
export const MEDIA_CLASS_WORDS: readonly string[] = ['image', 'img', 'photo', 'picture', 'figure', 'media', 'gallery', 'slideshow', 'carousel', 'thumbnail', 'imgtop'];
/** Media containers with more words than this are layout, not an image with its caption. */
export const MEDIA_MAX_WORDS = 80;

/** A boilerplate-by-class element is kept when it holds this share of the page's text or more. */
export const MAX_REMOVED_TEXT_SHARE = 0.35;

/**
 * Whole-block boilerplate phrases (the block's text, trimmed, must match): the wording is the
 * lexicon's (`chrome.htmlBlock` of each language), the shapes that are not language are here.
 */
export const BOILERPLATE_PHRASES: readonly RegExp[] = [
  // An unrendered CMS shortcode (`[button link=...]Send us your review[/button]`).
  /^\[([a-z_-]+)\b[^\]]*\].*\[\/\1\]$/i,
  /^(?:©|\(c\)|copyright\b)/i,
  ...chromePatterns('htmlBlock'),
];

/** Photo credit and caption lines: "Photo: Name, AP", "... (Image: GETTY)", "...Credit: EPA". */
export const CREDIT_LINE =
  /(?:^|\s|[a-z)])(?:photo(?:graph)?s?|images?|pictures?|credits?|source|illustration|getty images|ap photo|reuters|afp)\s*[:/|]\s*[^.!?]{0,80}\)?\s*$|^\(?(?:photo|image|picture|credit)s?\s*(?:by|:)|\((?:image|photo|picture|credit)s?:\s*[^)]{0,60}\)\s*$|^[^.!?]{0,60}\|\s*(?:getty images|ap|reuters|afp|shutterstock|istock)\s*$/i;

/**
 * A line that only says who wrote it: "By A and B", "Von Hans Müller", "Autor: Jane Doe". The leads
 * are the lexicon's byline leads of every language, lower case, capitalised or in capitals.
 */
export const BYLINE_LINE = new RegExp(
  `^(?:${alternation([...BYLINE_LEADS].flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1), w.toUpperCase()]))})\\s*:?\\s+\\p{Lu}`,
  'u',
);
/** A word that only dates are made of: months, weekdays, today/yesterday (every lexicon language), clock words and zones. */
export const DATE_WORDS = new RegExp(
  `^(?:${alternation([...MONTH_WORDS, ...WEEKDAY_WORDS, ...TODAY_WORDS, ...YESTERDAY_WORDS])}|am|pm|a\\.m|p\\.m|edt|est|cst|cdt|mst|mdt|pst|pdt|gmt|utc|bst|cet|cest|ist|jst|aest)\\.?$`,
  'iu',
);
/** Small words that join the parts of a written date ("22 de outubro de 2010 às 20:13", "le 3 mars"). */
export const DATE_JOINERS = /^(?:de|del|às|a|as|at|on|le|la|el|den|der|am|um|il|of|the|th|st|nd|rd|h|uhr)$/i;
/** Byline and date lines are only that when short. */
export const MAX_META_LINE_WORDS = 14;
/** Words that make a short line with a number a date line. */
export const DATE_KEYWORDS =
  /(?:^|[^\p{L}])(?:published|updated|posted|modified|ago|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|publicerad|uppdaterad|opublikowano|zaktualizowano)(?![\p{L}])/iu;
/** Boilerplate phrases and credit lines are only looked for in blocks up to this many words. */
export const PHRASE_MAX_WORDS = 40;

/** A block is link-dense when this share of its text is link text ... */
export const LINK_DENSITY_LIMIT = 0.5;
/** ... and it is shorter than this many words (long link-rich paragraphs are still prose). */
export const LINK_DENSE_MAX_WORDS = 40;
/** ... and it has fewer characters than this outside its links (a kicker, a date: not a sentence). */
export const LINK_DENSE_MAX_OWN_CHARS = 60;

/** A heading that ends the article is dropped ('trailing-heading') when it has at most this many words. */
export const TRAILING_HEADING_MAX_WORDS = 12;

/** Short blocks repeated on the page (credits, "Advertisement") are boilerplate. */
export const REPEATED_MAX_WORDS = 12;

/** Readability's result is replaced by the density fallback when it has fewer characters than this. */
export const MIN_CONTENT_CHARS = 250;
