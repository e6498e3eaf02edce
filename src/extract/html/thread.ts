/**
 * Threads: a forum thread or a comment-like run of posts is a row of sibling containers with the
 * same tag and class, each holding one post (often `<br>`-separated text, no `<p>`). Readability
 * scores each post on its own and keeps the one with the most text: a single reply rather than the
 * thread. When the container it kept lies inside one of such a row of posts, the article is the
 * thread: the same part (the same chain of tags and classes below the post) of every post, in page
 * order.
 *
 * The posts are copied before Readability runs (it rearranges and rewrites the tree it reads);
 * only rows whose posts carry text are copied.
 */
import type { DomElement } from './dom-types.js';
import { countWords } from './postfilter.js';
import { normalizeSpace } from './text.js';

/** A row of posts needs this many siblings with the same tag and class ... */
const MIN_POSTS = 3;
/** ... of which this many hold at least `POST_MIN_WORDS` words. */
const MIN_WORDY_POSTS = 2;
const POST_MIN_WORDS = 15;
/** The text that locates Readability's article inside a post: its first and last characters. */
const PROBE_CHARS = 40;

/** A row of sibling posts, copied before Readability ran: the copies and their normalised texts. */
export interface PostRow {
  posts: DomElement[];
  texts: string[];
}

const signature = (el: DomElement): string => {
  const cls = normalizeSpace(el.getAttribute('class') ?? '');
  return cls ? `${el.localName}.${cls}` : '';
};

/**
 * The rows of sibling posts under `root`: at least `MIN_POSTS` element siblings with the same tag
 * and the same (non-empty) class attribute, at least `MIN_WORDY_POSTS` of them with
 * `POST_MIN_WORDS` words. Each post is copied, so that the rows survive Readability's rewriting.
 */
export function findPostRows(root: DomElement): PostRow[] {
  const rows: PostRow[] = [];
  for (const parent of [root, ...root.querySelectorAll('*')]) {
    if (parent.children.length < MIN_POSTS) continue;
    const bySignature = new Map<string, DomElement[]>();
    for (const child of parent.children) {
      const sig = signature(child);
      if (!sig) continue;
      const list = bySignature.get(sig);
      if (list) list.push(child);
      else bySignature.set(sig, [child]);
    }
    for (const members of bySignature.values()) {
      if (members.length < MIN_POSTS) continue;
      const texts = members.map((m) => normalizeSpace(m.textContent ?? ''));
      if (texts.filter((t) => countWords(t) >= POST_MIN_WORDS).length < MIN_WORDY_POSTS) continue;
      rows.push({ posts: members.map((m) => m.cloneNode(true) as DomElement), texts });
    }
  }
  return rows;
}

/** The chain of (tag, class) steps from `post` down to the deepest element holding both probes. */
function chainTo(post: DomElement, head: string, tail: string): string[] {
  const chain: string[] = [];
  let at = post;
  for (;;) {
    const next = [...at.children].find((c) => {
      const t = normalizeSpace(c.textContent ?? '');
      return t.includes(head) && t.includes(tail);
    });
    if (!next) return chain;
    chain.push(`${next.localName}|${next.getAttribute('class') ?? ''}`);
    at = next;
  }
}

function follow(post: DomElement, chain: readonly string[]): DomElement | null {
  let at: DomElement | undefined = post;
  for (const step of chain) {
    at = [...at.children].find((c) => `${c.localName}|${c.getAttribute('class') ?? ''}` === step);
    if (!at) return null;
  }
  return at;
}

/**
 * When Readability's article (`articleText`, normalised) lies inside one post of a row, the same
 * part of every post of that row, in page order (copies, to be the new article); otherwise null.
 * The part is found by the chain of tags and classes from the post down to the article's text,
 * so the posts' author boxes, signatures and buttons beside it stay out.
 */
export function threadBodies(rows: readonly PostRow[], articleText: string): DomElement[] | null {
  if (articleText.length < 2 * PROBE_CHARS) return null;
  const head = articleText.slice(0, PROBE_CHARS);
  const tail = articleText.slice(-PROBE_CHARS);
  for (const row of rows) {
    const chosen = row.texts.findIndex((t) => t.includes(head) && t.includes(tail));
    if (chosen < 0) continue;
    const chain = chainTo(row.posts[chosen] as DomElement, head, tail);
    const bodies = row.posts.map((p) => follow(p, chain)).filter((b): b is DomElement => b !== null && countWords(b.textContent ?? '') > 0);
    if (bodies.length >= MIN_POSTS) return bodies;
  }
  return null;
}
