import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/extract/html/dom.js';
import { extractHtml } from '../../../src/extract/html/index.js';
import { findPostRows, threadBodies } from '../../../src/extract/html/thread.js';
import { page } from './helpers.js';

const opts = { timezone: 'UTC' };

/** A forum thread: posts as sibling `<article class="message">`, `<br>`-separated text deep inside, a user box in each. */
function thread(posts: readonly string[][]): string {
  const items = posts.map(
    (lines, i) => `<article class="message message--post">
      <div class="message-user"><a href="/members/${i}">member${i}</a><span class="joined">Registriert seit 2015</span></div>
      <div class="message-cell"><div class="message-main"><div class="message-content"><div class="message-userContent">
      <div class="message-body"><div class="bbWrapper">${lines.join('<br>\n')}</div></div></div></div>
      <div class="message-actions"><a href="/report/${i}">Melden</a></div></div></div>
    </article>`,
  );
  return `<main><h1>Our cat brings dirt into the bedroom every night</h1><div class="block-body">${items.join('\n')}</div></main>`;
}

const opening = ['Hello all, every night my cat leaves small black crumbs of dirt on his bed by the window.', 'Does anyone know where the dirt could come from?'];
const reply1 = [
  'Maybe he digs in a flower pot at night and carries the soil back to his bed with him?',
  'Ours did that for a whole summer until we moved the pots out of his reach.',
];
const reply2 = [
  'Mine brings in a lot from outside because of his long coat, mostly dried leaves, grass and moss.',
  'He is not especially dirty lately, though, and he hates being brushed, so I gave up yesterday.',
  'It only shows more now because the cool weather keeps him indoors for longer in the afternoon.',
  'We also had to remove a tick from him yesterday, which is always quite a performance with him.',
  'I would check his ears for mites first, a vet can tell in a minute whether that is the cause.',
  'If the ears are clean, I would simply wash the blanket more often and watch what happens next week.',
  'Our old tomcat had the same habit, and in the end it was sand from the neighbour’s garden path, of all things.',
  'He rolled in it every evening, and by morning it had all fallen out of his fur onto his favourite cushion.',
];
const reply3 = ['Thanks, his ears are completely clean and he does not dig in any pots either.', 'This morning the blanket was clean for once, so I will keep watching it.'];

describe('threads: Readability keeps one post of a row of sibling posts', () => {
  it('takes the same part of every post, the opening post first, without the user boxes', () => {
    const { contentText, dropped } = extractHtml(page({ body: thread([opening, reply1, reply2, reply3]) }), opts);
    for (const line of [...opening, ...reply1, ...reply2, ...reply3]) expect(contentText).toContain(line);
    expect(contentText.indexOf(opening[0] as string)).toBeLessThan(contentText.indexOf(reply2[0] as string));
    expect(contentText).not.toContain('Registriert seit');
    expect(contentText).not.toContain('Melden');
    expect(dropped.map((d) => d.rule)).toContain('thread');
  });

  it('leaves an article alone when it spans the row rather than one post of it', () => {
    const doc = parseDocument(page({ body: thread([opening, reply1, reply2]) }));
    if (!doc.ok) throw new Error('parse');
    const rows = findPostRows(doc.document.body as never);
    expect(rows.length).toBeGreaterThan(0);
    const all = [opening, reply1, reply2].flat().join(' ');
    expect(threadBodies(rows, all)).toBeNull();
    expect(threadBodies(rows, reply2.join(' '))?.length).toBe(3);
  });

  it('does not read a row of short items (a menu, a tag list) as posts', () => {
    const body = `<main><ul class="tags">${['Cats', 'Dogs', 'Birds', 'Fish'].map((t) => `<li class="tag"><a href="/${t}">${t}</a></li>`).join('')}</ul></main>`;
    const doc = parseDocument(page({ body }));
    if (!doc.ok) throw new Error('parse');
    expect(findPostRows(doc.document.body as never)).toEqual([]);
  });
});
