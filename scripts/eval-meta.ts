/**
 * Title / author / body evaluation of `explain --json` output on the trafilatura dev set (set 2) and
 * body F1 on the first dev set (set 1), in one process.
 *
 *   npx tsx scripts/eval-meta.ts [--kind html|text] [--out DIR] [--set 1|2|both]
 *
 * Set 2: runs `explain` (empty articles folder, git: false, future: include, as the set's README asks)
 * on every page of dev-ids.txt and scores the JSON with the set's own score.mjs (so the metrics are
 * exactly its). Set 1: writes each `contentText` and scores it with score.py.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { explain } from '../src/explain.js';

const argv = process.argv.slice(2);
const arg = (name: string, dflt: string): string => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? (argv[i + 1] as string) : dflt;
};
const kind = arg('--kind', 'html');
const set = arg('--set', 'both');
const out = resolve(arg('--out', mkdtempSync(join(tmpdir(), 'eval-meta-'))));
mkdirSync(out, { recursive: true });
const shared = '/work/shared/extraction-dev';
const traf = '/work/data/traf-dev';

const cwd = mkdtempSync(join(tmpdir(), 'eval-meta-site-'));
mkdirSync(join(cwd, 'articles'));
writeFileSync(join(cwd, 'feedwright.config.json'), JSON.stringify({ title: 'Eval', link: 'https://example.org/', git: false, future: 'include' }));

async function run(files: string[]): Promise<Awaited<ReturnType<typeof explain>>> {
  const res: Awaited<ReturnType<typeof explain>> = [];
  for (let i = 0; i < files.length; i += 50) {
    const batch = files.slice(i, i + 50);
    for (const f of batch) {
      const t0 = process.hrtime.bigint();
      const [e] = await explain([f], { cwd, articles: join(cwd, 'articles') });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (e) res.push({ ...e, ms } as never);
    }
  }
  return res;
}

const ext = kind === 'html' ? 'html' : 'txt';
if (set === '2' || set === 'both') {
  const ids = readFileSync(join(shared, 'trafilatura/dev-ids.txt'), 'utf8').split(/\s+/).filter(Boolean);
  const res = await run(ids.map((id) => join(traf, kind, `${id}.${ext}`)));
  const lean = res.map((e) => ({ source: e.source, title: e.title, authors: e.authors, published: e.published, contentText: e.contentText, provenance: e.provenance, ms: (e as never as { ms: number }).ms }));
  writeFileSync(join(out, `set2-${kind}.json`), JSON.stringify(lean));
  console.log(execFileSync('node', [join(shared, 'trafilatura/score.mjs'), join(out, `set2-${kind}.json`), '--truth', join(traf, 'truth.json'), '--ids', join(shared, 'trafilatura/dev-ids.txt'), '--csv', join(out, `set2-${kind}.csv`), '--label', `set2-${kind}`], { encoding: 'utf8' }));
}
if (set === '1' || set === 'both') {
  const ids = readdirSync(join(shared, 'truth')).map((f) => f.replace(/\.txt$/, ''));
  const res = await run(ids.map((id) => join(shared, kind, `${id}.${ext}`)));
  const dir = join(out, `set1-${kind}`);
  mkdirSync(dir, { recursive: true });
  for (const e of res) writeFileSync(join(dir, `${e.source.split('/').pop()?.replace(/\.[^.]*$/, '')}.txt`), e.contentText);
  writeFileSync(join(out, `set1-${kind}.json`), JSON.stringify(res.map((e) => ({ source: e.source, title: e.title, authors: e.authors, provenance: e.provenance }))));
  console.log(execFileSync('python3', [join(shared, 'score.py'), dir, '--label', `set1-${kind}`, '--csv', join(out, `set1-${kind}.csv`)], { encoding: 'utf8' }));
}
console.log(`outputs in ${out}`);
