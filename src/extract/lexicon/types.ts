/**
 * The words of one language that the extractors read dates and bylines by. One module per
 * language (en.ts, de.ts, ...); index.ts joins them. Every word is lower case; a form that ends in
 * "." is an abbreviation also written without the dot.
 */
export interface Lexicon {
  /** ISO 639-1 code. */
  code: string;
  /** January to December: each month's forms (full names, genitive and other inflections, abbreviations). */
  months: readonly (readonly string[])[];
  /** Monday to Sunday: each day's forms. */
  weekdays: readonly (readonly string[])[];
  /** "today", "yesterday". */
  today: readonly string[];
  yesterday: readonly string[];
  /**
   * Relative times: the words before or after a count ("ago", "vor", "hace", "il y a") and the
   * units, each with its length in minutes.
   */
  agoBefore: readonly string[];
  agoAfter: readonly string[];
  units: Readonly<Record<string, number>>;
  /** Words that introduce the author(s): "by", "von", "par". */
  bylineLeads: readonly string[];
  /** Leads that are also frequent words ("de", "di"): a byline only before a capitalised name. */
  weakBylineLeads?: readonly string[];
  /**
   * Leads of an author box or profile link, before the author's name anywhere on the page:
   * "view all posts by", "about the author", "alle beiträge von".
   */
  authorBoxLeads?: readonly string[];
  /** The words author names are read by in markup and metadata; see `AuthorWords`. */
  author?: AuthorWords;
  /** Labels of the publication date: "published", "veröffentlicht". */
  published: readonly string[];
  /** Labels of an update date: "updated", "aktualisiert". */
  updated: readonly string[];
  /** Labels of a date that is never the page's: an event's ("Termin:", "When:", "Deadline:"), a forum member's ("Registriert:", "Joined:"). */
  eventLabels?: readonly string[];
  /** Small words inside or around a written date: "de", "um", "à", "at", "Uhr". */
  dateJoiners: readonly string[];
  /** Whether numeric dates with slashes are day-first (03/05 = 3 May). */
  slashDayFirst: boolean;
  /** Frequent short words, to tell the language of a line or page. */
  stopwords: readonly string[];
  /** The language's page chrome (share bars, cookie notices, comment forms, ...); see `ChromePhrases`. */
  chrome?: ChromePhrases;
}

/**
 * A language that only has chrome phrases so far (Russian, Japanese, Chinese headings of comment
 * and related blocks, ad labels): no date or byline words.
 */
export interface ChromeLanguage {
  code: string;
  chrome?: ChromePhrases;
  author?: AuthorWords;
}

/**
 * The words of one language that author names are cleaned and judged by (../textual/byline.ts,
 * `cleanAuthorName`, `isOrganisationName`), for the HTML and the text extractor alike. The leads
 * before a name are `bylineLeads`, `authorBoxLeads` and `labels` together; the verbs of a
 * commenter's signature ("Jane says:") are the chrome's `commentSays`. Lower case.
 */
export interface AuthorWords {
  /** Leads before a name besides the byline and author-box leads: roles, profile links ("writer:", "posts by"). */
  labels?: readonly string[];
  /** Words after a name that belong to a link or a follow button, not to the name ("twitter", "folgen"). */
  trail?: readonly string[];
  /** Words that make a name an organisation, an outlet or a place, not a person ("gmbh", "redaktion"). */
  organisation?: readonly string[];
  /** Whole strings that are labels, placeholders or navigation, never an author ("admin", "anonyme"). */
  notAuthor?: readonly string[];
}

/**
 * The page chrome of one language: the words and phrases of ad labels, share bars, cookie
 * notices, comment forms, newsletter boxes, related lists, legal footers and captions that the
 * boilerplate rules drop. It is the one phrase catalogue of both extractors: the text rules
 * (../text/rules.ts, `PHRASE_RULES`; the HTML post-filter runs most of them on its blocks too)
 * build their patterns from these lists, and the HTML post-filter's whole-block phrases
 * (../html/rules.ts, `BOILERPLATE_PHRASES`) are `htmlBlock`. What is not language stays with the
 * rules: brand and agency names, numbers, separators, HTML class/id words.
 *
 * Word lists (`string[]`) are lower case and literal (the rule escapes them; a space is one
 * space). Patterns (`RegExp[]`) are this language's own phrasings; every one is anchored or
 * alternation-only, so it runs in linear time. Unless said otherwise both are tested against a
 * text line's match key: lower case, spaces collapsed, list markers and surrounding punctuation off.
 * The field names follow the text rule they feed (`skipLink` feeds rule 'skip-link', ...).
 */
export interface ChromePhrases {
  /** 'skip-link': "Skip to content". */
  skipLink?: readonly RegExp[];
  /** 'ad-marker': a line that is only an ad label ("advertisement", "anzeige"). */
  adLabels?: readonly string[];
  /** 'ad-marker': other ad-slot phrasings. */
  adMarker?: readonly RegExp[];
  /** 'continues-below-ad': "Story continues below advertisement". */
  continuesBelowAd?: readonly RegExp[];
  /** 'comment-form' headings that open a comment thread ("Leave a comment", "34 Comments"). */
  commentHeading?: readonly RegExp[];
  /** 'comment-form': the verb of a comment's header, "joetoronto says: <date>" ("says", "sagt"). */
  commentSays?: readonly string[];
  /** 'comment-form': a form field's label alone on a line, with or without "*" ("name", "courriel"). */
  commentFields?: readonly string[];
  /** 'comment-form': a comment's action links alone on a line ("reply", "antworten"). */
  commentActions?: readonly string[];
  /** 'comment-form': the other fields, buttons and notes of a comment form. */
  commentForm?: readonly RegExp[];
  /** 'view-counter': labels that start a reading-time line ("reading time", "lesezeit"). */
  readingTime?: readonly string[];
  /** 'view-counter': "5 min read": counts in words, the minute words, the "read" words after them. */
  countWords?: readonly string[];
  minuteWords?: readonly string[];
  minutesRead?: readonly string[];
  /** 'view-counter': what a count after a number counts ("1.2k views", "12 aufrufe"). */
  counterNouns?: readonly string[];
  /** 'view-counter': counters written label first ("comments 12"). */
  counterLeads?: readonly string[];
  /** 'newsletter-box': sign-up headings and lines. */
  newsletterBox?: readonly RegExp[];
  /** 'push-prompt': push-notification and app prompts. */
  pushPrompt?: readonly RegExp[];
  /** 'share-bar': share actions a share bar is made of ("share", "teilen"); brands are the rule's. */
  shareWords?: readonly string[];
  /** 'share-bar': the small words around them ("this", "article", "sur"). */
  shareFiller?: readonly string[];
  /** 'share-bar': other share and follow prompts. */
  shareBar?: readonly RegExp[];
  /** 'cookie-notice': consent notices. */
  cookieNotice?: readonly RegExp[];
  /** 'cookie-notice': a consent button's label alone on a line ("accept", "akzeptieren"). */
  cookieAccept?: readonly string[];
  /** 'related-list': headings of related, recommended and trending lists. */
  relatedList?: readonly RegExp[];
  /** 'read-more-promo': a line starting with one of these and a colon ("more:", "mehr:"). */
  moreColon?: readonly string[];
  /** 'read-more-promo': promo leads followed by ":", "›", "»", ">", "|" or "-" ("read more:", "lire aussi :"). */
  readMoreLeads?: readonly string[];
  /** 'read-more-promo': a line that is only a "read more" link. */
  readMoreLinks?: readonly string[];
  /** 'read-more-promo': other promo phrasings. */
  readMorePromo?: readonly RegExp[];
  /** 'breadcrumb': the first part of a breadcrumb trail ("home", "startseite"). */
  breadcrumbRoots?: readonly string[];
  /** 'legal-footer': the parts of a legal-links line ("privacy policy", "impressum"). */
  legalLinks?: readonly string[];
  /** 'legal-footer': "all rights reserved", anywhere in a line. */
  rightsReserved?: readonly string[];
  /** 'legal-footer': other copyright wording. */
  legalFooter?: readonly RegExp[];
  /** 'legal-footer': site-wide disclaimers ("for informational purposes only"). */
  disclaimer?: readonly RegExp[];
  /** 'tags-line': a blog post's footer naming where it was filed ("Posted in X. Bookmark the permalink."). */
  filedUnder?: readonly RegExp[];
  /** 'navigation': "This slideshow requires JavaScript". */
  scriptNote?: readonly RegExp[];
  /** 'navigation': "image 3 of 12": the nouns and the "of" words. */
  slideNouns?: readonly string[];
  slideOf?: readonly string[];
  /** 'navigation': gallery and caption buttons alone on a line ("view gallery", "galerie ansehen"). */
  galleryLabels?: readonly string[];
  /** 'navigation': menu, search, sign-in and paging words alone on a line. */
  navigationLabels?: readonly string[];
  /**
   * Headline choice (../title.ts, `NOT_TITLE_SHAPES.interface`): single words of buttons, menus and
   * widgets ("close", "search", "mode", "warenkorb"). A line made of them ("Dark Mode Go Top",
   * "Close this search box.") is the page's interface, not its headline.
   */
  interfaceWords?: readonly string[];
  /** 'image-caption': credit markers that make a line a caption wherever they stand in it. */
  captionMarkers?: readonly string[];
  /** 'image-caption': a cheap pre-test; every marker must contain one of these (tested). */
  captionCues?: readonly string[];
  /** 'image-caption': the zoom button a caption opens with, as text browsers and scrapers keep it ("Vergrößern Die neue Kamera ..."). */
  zoomButtons?: readonly string[];
  /** 'photo-credit': "Photo: Name", "Foto de Name": the nouns and the "by" words after them. */
  creditNouns?: readonly string[];
  creditBy?: readonly string[];
  /** 'photo-credit': an abbreviated credit noun opening the line before the name ("Fot. Jan Kowalski / Agencja"). */
  creditAbbreviations?: readonly string[];
  /** 'photo-credit': "(Image: ...", "Credits: ©": labels followed by an optional "s" and a colon. */
  creditLabels?: readonly string[];
  /** 'photo-credit': "Courtesy of Name". */
  courtesy?: readonly string[];
  /** 'about-box': "About Acme", "Über Beispiel GmbH": the leads ... */
  aboutLeads?: readonly string[];
  /** ... and what after them is not a company: whole remainders ("us") and starts ("this"). */
  aboutNotWhole?: readonly string[];
  aboutNotStart?: readonly string[];
  /** 'reference-list': headings of sources and references alone on a line. */
  referenceHeadings?: readonly string[];
  /** 'author-bio': the verbs after a name that open a bio ("is", "covers", "ist"), tested on the line as written. */
  bioVerbs?: readonly string[];
  /** 'author-bio': words that say a sentence is about a writer's job ("editor", "journaliste"). */
  bioJobs?: readonly string[];
  /** 'company-boilerplate': "Acme is a leading provider ...": the verbs, the articles and the nouns. */
  companyVerbs?: readonly string[];
  companyArticles?: readonly string[];
  companyNouns?: readonly string[];
  /**
   * 'call-to-action': the site's appeal to its reader closing the body (a newsletter, a subscription,
   * a donation, a letter to the editor), as word starts: "subscri" matches "subscribe" and
   * "subscription". Only looked for at the body's end (../text/index.ts), so a story may use them.
   */
  callToAction?: readonly string[];
  /** The HTML post-filter: a whole block (its text, trimmed, any case) matching one of these is chrome. */
  htmlBlock?: readonly RegExp[];
}

const MINUTE = 1;
const HOUR = 60;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Lengths of the units of relative dates, in minutes (months and years are not: they vary). */
export const UNIT = { MINUTE, HOUR, DAY, WEEK } as const;
