import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveConfig } from '../config/load.js';
import type { CONFIG_KEYS } from '../config/schema.js';
import { formatJson } from '../config/types.js';
import { EXIT } from '../errors.js';
import type { Io, Output } from './output.js';

/**
 * JSON has no comments: the config names its JSON schema instead (shipped in the package's
 * assets/, generated from src/config/schema.ts), which gives editors a description of every key,
 * completion and checking. Every opt-in feature is written out with its default (taken from the
 * schema), so the file shows what exists.
 */
const OWN_VALUES: Partial<Record<ConfigKey, unknown>> = {
  $schema: './node_modules/feedwright/assets/config.schema.json',
  title: 'My site',
  description: 'What this site is about, in one sentence.',
  link: 'https://example.com/',
  language: undefined,
  author: { name: 'Your Name', email: 'you@example.com' },
  timezone: undefined,
  limit: undefined,
  articles: undefined,
  out: undefined,
  feeds: undefined,
  archive: undefined,
  hubs: undefined,
  stylesheet: undefined,
  index: undefined,
};

/** The config `init` writes: the values above, `undefined` ones as the schema's defaults, one key a line. */
export function initConfig(): string {
  const defaults = resolveConfig({}) as unknown as Record<string, unknown>;
  const lines = Object.entries(OWN_VALUES).map(([key, value]) => `  "${key}": ${formatJson(value === undefined ? defaults[key] : value, true)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

const ARTICLE = `---
title: Hello, world
author: Your Name
date: 2024-01-01
tags: [welcome]
summary: The first article of this feed.
---

This is the first article. Write Markdown here; feedwright turns it into RSS, Atom and JSON Feed.

Run \`npx feedwright build\` and look in \`dist/\`.
`;

type ConfigKey = (typeof CONFIG_KEYS)[number];

/** `feedwright init`: a config and a sample article, never overwriting without --force. */
export async function init(io: Io, out: Output, force: boolean): Promise<number> {
  const files = [
    { name: 'feedwright.config.json', content: initConfig() },
    { name: path.join('articles', 'hello-world.md'), content: ARTICLE },
  ];
  const existing: string[] = [];
  for (const f of files) {
    if (
      await access(path.join(io.cwd, f.name)).then(
        () => true,
        () => false,
      )
    )
      existing.push(f.name);
  }
  if (existing.length > 0 && !force) {
    out.stderr(`feedwright init: ${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written.\n  hint: use --force to overwrite.\n`);
    return EXIT.USAGE_OR_CONFIG;
  }
  await mkdir(path.join(io.cwd, 'articles'), { recursive: true });
  for (const f of files) {
    await writeFile(path.join(io.cwd, f.name), f.content);
    out.stderr(`wrote ${f.name}\n`);
  }
  out.stderr('Next: edit feedwright.config.json (title, link, author), then run `npx feedwright build`.\n');
  return EXIT.OK;
}
