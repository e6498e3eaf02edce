import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXIT } from '../errors.js';
import type { Io, Output } from './output.js';

/**
 * JSON has no comments: the config names its JSON schema instead (shipped in the package's
 * assets/), which gives editors a description of every key, completion and checking.
 * Every opt-in feature is written out with its default, so the file shows what exists.
 */
const CONFIG = `{
  "$schema": "./node_modules/feedwright/assets/config.schema.json",
  "title": "My site",
  "description": "What this site is about, in one sentence.",
  "link": "https://example.com/",
  "language": "en",
  "author": { "name": "Your Name", "email": "you@example.com" },
  "timezone": "UTC",
  "limit": 50,
  "articles": "articles",
  "out": "dist",
  "feeds": { "tags": false, "authors": false },
  "archive": false,
  "hubs": [],
  "stylesheet": true,
  "index": true
}
`;

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

/** `feedwright init`: a config and a sample article, never overwriting without --force. */
export async function init(io: Io, out: Output, force: boolean): Promise<number> {
  const files = [
    { name: 'feedwright.config.json', content: CONFIG },
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
