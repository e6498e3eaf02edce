import { jsonPositions } from './positions.js';

/**
 * The values `feedwright init` writes where it cannot tell the site's own: a config that still
 * holds one publishes it as the site's (items linked to example.com, "Your Name" as every
 * article's author). The build names them in a CONFIG_PLACEHOLDER warning. Titles count only as
 * init's exact values (a real site may well be called "Notes"); links and e-mail addresses at
 * example.com/.org/.net themselves, not at a subdomain, which examples use for a site.
 */
export const INIT_PLACEHOLDERS = {
  title: 'My site',
  description: 'What this site is about, in one sentence.',
  link: 'https://example.com/',
  author: { name: 'Your Name', email: 'you@example.com' },
} as const;

/** A key of the config that still holds init's placeholder, with the line it is on (1-based; undefined without the text). */
export interface Placeholder {
  key: keyof typeof INIT_PLACEHOLDERS;
  line: number | undefined;
}

/** Hosts RFC 2606 reserves for documentation: no site is served there (a subdomain may stand for one in examples). */
const EXAMPLE_HOST = /^(?:www\.)?example\.(?:com|org|net)$/i;

function exampleHost(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    return EXAMPLE_HOST.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * The keys of `raw` (the config as written) that still hold a placeholder, in the file's order:
 * init's own values, and a link or author e-mail at example.com/.org/.net itself, which starter
 * sites ship (the Eleventy base blog's `url`, "youremailaddress@example.com").
 */
export function placeholdersIn(raw: Record<string, unknown>, text: string | undefined): Placeholder[] {
  const keys: (keyof typeof INIT_PLACEHOLDERS)[] = [];
  for (const key of ['title', 'description'] as const) if (raw[key] === INIT_PLACEHOLDERS[key]) keys.push(key);
  if (exampleHost(raw.link)) keys.push('link');
  const author = raw.author;
  if (typeof author === 'object' && author !== null) {
    const { name, email } = author as { name?: unknown; email?: unknown };
    const atExample = typeof email === 'string' && EXAMPLE_HOST.test(email.slice(email.lastIndexOf('@') + 1));
    if (name === INIT_PLACEHOLDERS.author.name || atExample) keys.push('author');
  }
  if (keys.length === 0) return [];
  const positions = text === undefined ? undefined : jsonPositions(text);
  return keys.map((key) => ({ key, line: positions?.get(key)?.line })).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
