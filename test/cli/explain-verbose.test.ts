import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/extract/text/index.js';
import type { Explanation } from '../../src/explain.js';
import { FEATURE_NAMES } from '../../src/extract/text/features.js';
import { explainScore, defaultModel, formatLineScore } from '../../src/extract/text/model.js';
import { makeSite, run } from './helpers.js';

const STORY = [
  'The council voted on Tuesday to close the old bridge for eight months, because the piers have cracks.',
  'Engineers found the cracks during a routine inspection in the spring and asked for the repairs at once.',
  'Residents on both banks said the detour through the industrial estate would add twenty minutes to every trip.',
  'The mayor said the city would run a free shuttle bus across the new footbridge while the work goes on.',
  'A public meeting about the shuttle timetable will be held at the library on the first Monday of next month.',
];
// One long line of a "more stories" box: over 200 characters, dropped whole.
const TEASERS = `More from the city desk: ${Array.from({ length: 14 }, (_, i) => `Story number ${i + 1} about another street`).join(' | ')}`;
const PAGE = ['Home | News | Sport | Weather | Contact', '', 'Bridge to close for repairs', '', ...STORY.flatMap((s) => [s, '']), TEASERS, '', 'Copyright 2024 The City Paper. All rights reserved.', ''].join('\n');

describe('explain --verbose', () => {
  it('gives each dropped text line the model score and the features with the largest weight × value', () => {
    const x = extractText(PAGE, { timezone: 'UTC', scores: true });
    const teasers = x.dropped.find((d) => d.text.startsWith('More from the city desk'));
    expect(teasers?.text).toBe(TEASERS);
    const score = teasers?.scores?.[0];
    expect(score?.line).toBe(teasers?.line);
    expect(score?.p).toBeGreaterThanOrEqual(0);
    expect(score?.p).toBeLessThanOrEqual(1);
    expect(score?.features.length).toBe(6);
    for (const f of score?.features ?? []) expect(FEATURE_NAMES).toContain(f.name);
    // Largest effect first.
    const sizes = (score?.features ?? []).map((f) => Math.abs(f.contribution));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    // Without the option, no scores.
    expect(extractText(PAGE, { timezone: 'UTC' }).dropped.some((d) => d.scores)).toBe(false);
  });

  it('computes contributions that add up, with the bias, to the logit of p', () => {
    const model = defaultModel();
    const x = new Float64Array(FEATURE_NAMES.length).map((_, k) => (k === 0 ? 1 : (k % 3) / 2));
    const all = explainScore(model, x, 7, FEATURE_NAMES.length);
    const bias = (model.weights[0] as number) * ((1 - (model.mean[0] as number)) / (model.scale[0] as number));
    const logit = all.features.reduce((sum, f) => sum + f.contribution, bias);
    expect(1 / (1 + Math.exp(-logit))).toBeCloseTo(all.p, 2);
    expect(formatLineScore(all)).toMatch(/^line 7 p \d\.\d\d: [a-z-]+ [+-]\d\.\d\d, /);
  });

  it('prints the scores in the JSON (dropped[].scores) and the text output, with the block in full', async () => {
    const dir = makeSite({ 'bridge.txt': PAGE });
    const file = path.join(dir, 'articles', 'bridge.txt');
    const json = await run(['explain', '--json', '--verbose', file], { cwd: dir });
    expect(json.code).toBe(0);
    const [result] = JSON.parse(json.stdout) as Explanation[];
    const teasers = result?.dropped.find((d) => d.text.startsWith('More from the city desk'));
    expect(teasers?.text).toBe(TEASERS);
    expect(teasers?.scores?.[0]?.features.length).toBeGreaterThan(0);
    // Line numbers are the file's: the teaser line is line 15.
    expect(teasers?.scores?.[0]?.line).toBe(15);

    const plain = await run(['explain', '--json', file], { cwd: dir });
    expect((JSON.parse(plain.stdout) as Explanation[])[0]?.dropped.some((d) => d.scores)).toBe(false);

    const text = await run(['explain', '--verbose', file], { cwd: dir });
    expect(text.stdout).toContain(TEASERS);
    expect(text.stdout).toMatch(/line 15 p \d\.\d\d: /);
  });
});
