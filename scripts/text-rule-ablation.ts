/**
 * Which phrase rules of the text extractor earn their keep: each rule name in turn is taken out
 * of PHRASE_RULES and both development sets are scored in-process (scripts/text-eval.ts).
 *
 *   npx tsx scripts/text-rule-ablation.ts
 *
 * Prints, per rule name, set 1 F1 and set 2 snippet F without it, and the change against all rules.
 */
import { PHRASE_RULES } from '../src/extract/text/index.js';
import { bodyOf, loadSet1, loadSet2, scorePages } from './text-eval.js';

const pages = [...loadSet1(), ...loadSet2()];
const all = scorePages(pages, (page) => bodyOf(page));
process.stdout.write(`all rules: set 1 ${all.set1.f.toFixed(4)}  set 2 ${all.set2.f.toFixed(4)}\n`);
const names = [...new Set(PHRASE_RULES.map((rule) => rule.name))];
const rules = PHRASE_RULES as unknown as { name: string }[];
for (const name of names) {
  const saved = [...rules];
  for (let i = rules.length - 1; i >= 0; i -= 1) if (rules[i]?.name === name) rules.splice(i, 1);
  const s = scorePages(pages, (page) => bodyOf(page));
  rules.splice(0, rules.length, ...saved);
  const d1 = s.set1.f - all.set1.f;
  const d2 = s.set2.f - all.set2.f;
  process.stdout.write(`without ${name.padEnd(20)} set 1 ${s.set1.f.toFixed(4)} (${d1 >= 0 ? '+' : ''}${d1.toFixed(4)})  set 2 ${s.set2.f.toFixed(4)} (${d2 >= 0 ? '+' : ''}${d2.toFixed(4)})\n`);
}
