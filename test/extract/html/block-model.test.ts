import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../../src/explain.js';
import { blockWords, checkHtmlModel, defaultHtmlModel, HTML_FEATURE_NAMES, type HtmlBodyModel, MODEL_MAX_DROPPED_SHARE } from '../../../src/extract/html/block-model.js';
import { extractHtml } from '../../../src/extract/html/index.js';
import { trainingBlocks } from '../../../scripts/fit-html-model.js';
import { makeSite, run } from '../../cli/helpers.js';
import { page, paragraphs } from './helpers.js';

const opts = { timezone: 'UTC' };

/** An article whose container goes on, after the prose, with a box of short teaser lines (as Readability keeps them). */
function articleWithTail(): string {
  const paras = paragraphs(6);
  return page({
    body: `<article><div class="article-body">
      ${paras.map((p) => `<p>${p}</p>`).join('\n')}
      <div class="infobox"><h3>Mehr zum Thema</h3>
        <div class="card">Brückenfest am Wochenende</div>
        <div class="card">Neue Buslinie ab März</div>
        <div class="card">Hochwasser: Pegel sinkt</div>
      </div>
    </div></article>`,
  });
}

describe('the HTML body model', () => {
  it('the checked-in weights match the features the code computes', () => {
    const model = defaultHtmlModel();
    expect(model.features).toEqual([...HTML_FEATURE_NAMES]);
    expect(() => checkHtmlModel({ ...model, features: model.features.slice(1) } as HtmlBodyModel)).toThrow(/refit/);
  });

  it('removes the short lines of a box after the last prose paragraph as low-score; without the model they stay', () => {
    const html = articleWithTail();
    const on = extractHtml(html, opts);
    const off = extractHtml(html, { ...opts, bodyModel: { model: null } });
    expect(off.contentText).toContain('Neue Buslinie ab März');
    expect(on.contentText).not.toContain('Neue Buslinie ab März');
    expect(on.dropped.filter((d) => d.rule === 'low-score').map((d) => d.text)).toContain('Neue Buslinie ab März');
    // Every prose paragraph stays.
    for (const p of paragraphs(6)) expect(on.contentText).toContain(p);
  });

  it('is fitted on the blocks it judges only: the prose paragraphs around them are not learnt from (scripts/fit-html-model.ts)', () => {
    let blocks: { text: string; words: number; x: Float64Array; y: number; w: number; start: number; end: number }[] = [];
    extractHtml(articleWithTail(), {
      ...opts,
      bodyModel: { model: null, observe: (seen, features) => (blocks = seen.map((b, i) => ({ text: b.text, words: b.words, x: features[i] as Float64Array, y: 1, w: 1, start: -1, end: -1 }))) },
    });
    const learnt = trainingBlocks([{ page: { set: 2, id: 'p', site: 'p' } as never, body: '', blocks }]).map((b) => b.text);
    expect(learnt).toContain('Neue Buslinie ab März');
    for (const p of paragraphs(6)) expect(learnt).not.toContain(p);
    expect(blocks.length).toBeGreaterThan(learnt.length);
  });

  it('does not judge short blocks between prose paragraphs (a section heading, a list of the article)', () => {
    const paras = paragraphs(6);
    const html = page({
      body: `<article><div class="article-body">${paras.slice(0, 3).map((p) => `<p>${p}</p>`).join('')}
        <h3>Was sich ändert</h3><ul><li>Pfeiler</li><li>Geländer</li></ul>
        ${paras.slice(3).map((p) => `<p>${p}</p>`).join('')}</div></article>`,
    });
    const result = extractHtml(html, { ...opts, bodyModel: { model: { ...defaultHtmlModel(), dropBelow: 1, maxWords: 1000 } } });
    expect(result.dropped.filter((d) => d.rule === 'low-score')).toEqual([]);
    expect(result.contentText).toContain('Was sich ändert');
    expect(result.contentText).toContain('Geländer');
  });

  it('judges the short blocks after the last prose of the main container that sit in another container, even when prose follows them (an author box under the article)', () => {
    const paras = paragraphs(6);
    const html = page({
      body: `<article><div class="article-body">${paras.map((p) => `<p>${p}</p>`).join('')}</div>
        <div><h3>Über den Autor</h3><p>Jana Beispiel schreibt seit vielen Jahren über Städte, Flüsse, Brücken, Häfen und die Menschen, die an ihnen wohnen, arbeiten, feiern und streiten; vorher war sie Lehrerin, Fährfrau, Kellnerin und Stadtführerin in Bremen, Hamburg, Köln und Basel.</p></div></article>`,
    });
    // dropBelow 1: every block the model judges is dropped, so what is dropped is what it judges.
    const result = extractHtml(html, { ...opts, bodyModel: { model: { ...defaultHtmlModel(), dropBelow: 1, maxWords: 1000 } } });
    expect(result.dropped.filter((d) => d.rule === 'low-score').map((d) => d.text)).toEqual(['Über den Autor']);
    // The bio's prose is not judged, nor the article's.
    expect(result.contentText).toContain('Jana Beispiel schreibt');
    for (const p of paras) expect(result.contentText).toContain(p);
  });

  it('judges a label ending in a colon in the later half of the prose, even with prose after it; not one in the earlier half', () => {
    const paras = paragraphs(6);
    const html = page({
      body: `<article><div class="article-body">
        <p>${paras[0]}</p><p>Das Wichtigste vorab:</p>${paras.slice(1, 5).map((p) => `<p>${p}</p>`).join('')}
        <p>Weitere Informationen:</p><p>${paras[5]}</p></div></article>`,
    });
    // dropBelow 1: every block the model judges is dropped, so what is dropped is what it judges.
    const result = extractHtml(html, { ...opts, bodyModel: { model: { ...defaultHtmlModel(), dropBelow: 1, maxWords: 1000 } } });
    expect(result.dropped.filter((d) => d.rule === 'low-score').map((d) => d.text)).toEqual(['Weitere Informationen:']);
    expect(result.contentText).toContain('Das Wichtigste vorab:');
    for (const p of paras) expect(result.contentText).toContain(p);
  });

  it('shows every judged block and its features to an observer, and leaves no class attribute in the content', () => {
    let seen: string[] = [];
    let widths: number[] = [];
    const result = extractHtml(articleWithTail(), {
      ...opts,
      bodyModel: {
        observe: (blocks, features) => {
          seen = blocks.map((b) => b.text);
          widths = features.map((x) => x.length);
        },
      },
    });
    expect(seen).toContain('Neue Buslinie ab März');
    expect(new Set(widths)).toEqual(new Set([HTML_FEATURE_NAMES.length]));
    expect(result.contentHtml).not.toMatch(/\sclass="(?!page")/);
  });
});

describe('explain --verbose for HTML', () => {
  it('a block the model drops carries its probability and the features that decided it', () => {
    const result = extractHtml(articleWithTail(), { ...opts, scores: true });
    const block = result.dropped.find((d) => d.rule === 'low-score' && d.text === 'Neue Buslinie ab März');
    const score = block?.scores?.[0];
    expect(score?.p).toBeLessThan(defaultHtmlModel().dropBelow);
    expect(score?.features.length).toBeGreaterThan(0);
    expect(HTML_FEATURE_NAMES).toContain(score?.features[0]?.name);
    // Without --verbose, no scores.
    expect(extractHtml(articleWithTail(), opts).dropped.every((d) => d.scores === undefined)).toBe(true);
  });
});

describe('guards of the HTML body model', () => {
  it('counts two Chinese or Japanese characters as a word, so an unspaced sentence is prose', () => {
    const text = 'Kindle for PCの起動ホットキーがパスワード管理ソフトと同じなので、設定を変更する方法を調べました。';
    expect(blockWords({ text, words: 6 })).toBeGreaterThanOrEqual(12);
    expect(blockWords({ text: 'Plain English words only', words: 4 })).toBe(4);
  });

  it('drops nothing on a page where it would take more than a quarter of the article', () => {
    const paras = paragraphs(1);
    const steps = Array.from({ length: 12 }, (_, i) => `<p>Step ${i + 1}: open the settings menu</p>`).join('');
    const html = page({ body: `<article><div class="article-body"><p>${paras[0]}</p>${steps}</div></article>` });
    const sure = { ...defaultHtmlModel(), dropBelow: 1, maxWords: 1000 };
    const result = extractHtml(html, { ...opts, bodyModel: { model: sure } });
    expect(result.dropped.filter((d) => d.rule === 'low-score')).toEqual([]);
    expect(result.contentText).toContain('Step 12: open the settings menu');
    expect(MODEL_MAX_DROPPED_SHARE).toBeLessThan(0.5);
  });
});

describe('explain --verbose on an HTML article', () => {
  it('prints the model score under each low-score block, and only with --verbose', async () => {
    const dir = makeSite({ 'bridge.html': articleWithTail() });
    const file = path.join(dir, 'articles', 'bridge.html');
    const json = await run(['explain', '--json', '--verbose', file], { cwd: dir });
    expect(json.stderr).toBe('');
    const [result] = JSON.parse(json.stdout) as Explanation[];
    const block = result?.dropped.find((d) => d.rule === 'low-score' && d.text === 'Neue Buslinie ab März');
    expect(block?.scores?.[0]?.features.length).toBeGreaterThan(0);
    const plain = await run(['explain', '--json', file], { cwd: dir });
    expect((JSON.parse(plain.stdout) as Explanation[])[0]?.dropped.some((d) => d.scores)).toBe(false);
    const text = await run(['explain', '--verbose', file], { cwd: dir });
    expect(text.stdout).toMatch(/\[low-score\] Neue Buslinie ab März\n\s+line \d+ p \d\.\d\d: /);
  });
});
