import { jsonPositions } from './positions.js';

/**
 * The values `feedwright init` writes where it cannot tell the site's own: a config that still
 * holds one publishes it as the site's (items linked to example.com, "Your Name" as every
 * article's author). The build names them in a CONFIG_PLACEHOLDER warning. Only init's exact
 * values count: a real site may well be called "Notes" or live at notes.example.org.
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

/** The keys of `raw` (the config as written) that still hold init's placeholders, in the file's order. */
export function placeholdersIn(raw: Record<string, unknown>, text: string | undefined): Placeholder[] {
  const keys: (keyof typeof INIT_PLACEHOLDERS)[] = [];
  for (const key of ['title', 'description', 'link'] as const) if (raw[key] === INIT_PLACEHOLDERS[key]) keys.push(key);
  const author = raw.author;
  if (typeof author === 'object' && author !== null) {
    const { name, email } = author as { name?: unknown; email?: unknown };
    if (name === INIT_PLACEHOLDERS.author.name || email === INIT_PLACEHOLDERS.author.email) keys.push('author');
  }
  if (keys.length === 0) return [];
  const positions = text === undefined ? undefined : jsonPositions(text);
  return keys.map((key) => ({ key, line: positions?.get(key)?.line })).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
