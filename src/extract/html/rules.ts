import { alternation, MONTH_WORDS, TODAY_WORDS, WEEKDAY_WORDS, YESTERDAY_WORDS } from '../lexicon/index.js';
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

/** Whole-block boilerplate phrases (the block's text, trimmed, must match). */
export const BOILERPLATE_PHRASES: readonly RegExp[] = [
  /^(?:advert(?:isement)?s?|ads?|sponsored(?: content)?|paid content|anzeige|werbung|publicit[ée]|publicidad|pubblicit[àa])$/i,
  /^(?:continue|keep) reading(?: below| the main story)?\W*$/i,
  /^(?:story|article) continues (?:below|after)/i,
  /^(?:read|see|view|click|tap|watch|listen) (?:more|also|next|here|the full|full|our)\b.{0,120}$/i,
  /^(?:related(?: articles?| stories| content| links| coverage| reading)?|also read|also see|don'?t miss|must read|recommended(?: for you)?|trending(?: now)?|top stories|you may also like|you might also like|more from|more on|more stories|more news|up next|read next|next up|further reading)\b\W{0,3}(?:[A-Z\d"'‘“].{0,120})?$/i,
  /^(?:skip to (?:main )?content|jump to|back to top|sign in|log ?in|sign up|subscribe|register|close|caption|menu|search|share|print|e-?mail|comments?|reply|tweet|pin it|home)\W*$/i,
  /^(?:share|follow|like|join) (?:this|us|on|our|me)\b.{0,80}$/i,
  // "Click here" that sells the site's app, alerts or newsletter; other "click here" lines point
  // at something the article is about.
  /^(?:click|tap) here\b.{0,60}\b(?:apps?|alerts?|newsletters?|podcasts?|subscribe|subscription|notifications?)\b.{0,30}$/i,
  /\bby clicking here\W*$/i,
  // An unrendered CMS shortcode (`[button link=...]Send us your review[/button]`).
  /^\[([a-z_-]+)\b[^\]]*\].*\[\/\1\]$/i,
  /^this (?:slideshow|video|content|embed|feature) requires javascript/i,
  /^(?:image|photo|picture|slide) \d+ (?:of|\/) ?\d*/i,
  /(?:we use|this (?:web)?site uses) cookies/i,
  /^(?:©|\(c\)|copyright\b)/i,
  /\ball rights reserved\b/i,
  /^this (?:document|article|material|content) (?:is subject to copyright|may not be (?:published|reproduced))/i,
  /^citation:/i,
  /^(?:get|download) (?:the|our) .{0,40}\b(?:app|newsletter)\b/i,
  /^(?:sign up|subscribe) (?:for|to|now)\b.{0,120}$/i,
  /\bnewsletters?\.?$/i,
  /^(?:have a (?:news )?tip|got a (?:news )?tip)\b/i,
  /^(?:tell us what you think|leave a (?:comment|reply)|what do you think)\b/i,
  /^(?:loading|please wait)\W*$/i,
  /^(?:\d+\s*)?(?:min(?:ute)?s?\.?\s+read|reading time|read time|lesezeit|temps de lecture|tiempo de lectura|tempo de leitura|leestijd)\b.{0,25}$/i,
  /^(?:additional )?(?:reporting|editing|writing) by\b.{0,120}$/i,
  /^(?:also|see also|read also|read more|related|more|watch|listen|read)\s*:\s*.{0,140}$/i,
  /^follow\b.{0,100}(?:\b(?:on|at) (?:twitter|facebook|instagram|youtube|linkedin|tiktok|threads|mastodon)\b|https?:\/\/|@\w)/i,
  /^if you (?:enjoyed|liked|like|enjoy|value|appreciate) (?:this|our|reading)\b/i,
  /^this (?:post|article|page|story|site) (?:may )?contains? (?:affiliate|sponsored|referral)/i,
  /^join (?:the|our) (?:conversation|discussion|community|forums?|newsletter|mailing list)\b/i,
  /^(?:this (?:post|article|story) (?:was|has been) (?:updated|corrected)\b.{0,40})$/i,
];

/** Photo credit and caption lines: "Photo: Name, AP", "... (Image: GETTY)", "...Credit: EPA". */
export const CREDIT_LINE =
  /(?:^|\s|[a-z)])(?:photo(?:graph)?s?|images?|pictures?|credits?|source|illustration|getty images|ap photo|reuters|afp)\s*[:/|]\s*[^.!?]{0,80}\)?\s*$|^\(?(?:photo|image|picture|credit)s?\s*(?:by|:)|\((?:image|photo|picture|credit)s?:\s*[^)]{0,60}\)\s*$|^[^.!?]{0,60}\|\s*(?:getty images|ap|reuters|afp|shutterstock|istock)\s*$/i;

/** A line that only says who wrote it or when: "By A and B", "Published 10:48, Tue, Nov 19, 2019". */
export const BYLINE_LINE = /^(?:[Bb]y|BY|[Ww]ritten by|[Pp]osted by|[Rr]eporting by|[Ww]ords by|[Ss]tory by|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor)\s*:?\s+\p{Lu}/u;
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

/** Short blocks repeated on the page (credits, "Advertisement") are boilerplate. */
export const REPEATED_MAX_WORDS = 12;

/** Readability's result is replaced by the density fallback when it has fewer characters than this. */
export const MIN_CONTENT_CHARS = 250;
