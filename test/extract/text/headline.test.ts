import { describe, expect, it } from 'vitest';
import { TITLE_FEATURE_NAMES } from '../../../src/extract/text/headline.js';
import { extractText, type TitleTrace } from '../../../src/extract/text/index.js';

const UTC = { timezone: 'UTC' } as const;

const STORY = [
  'The regional council approved the new timetable on Tuesday after two years of consultation with the operators and the unions.',
  '',
  'Trains will run every fifteen minutes on the main line from the spring, and night services will return at the weekend.',
  '',
  'Passenger groups welcomed the decision but warned that the stations still need lifts and better lighting before the winter.',
];

describe('the headline finder (text/headline.ts)', () => {
  it('takes a one-word headline right over the story when no other line is one', () => {
    const text = ['Start', '', 'Zeitphilosophie', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title).toEqual({ value: 'Zeitphilosophie', line: 3 });
  });

  it('does not take a short one-word menu label or a word in capitals as a headline', () => {
    expect(extractText(['Menu', '', ...STORY].join('\n'), UTC).title).toBeUndefined();
    expect(extractText(['ARCHIV', '', ...STORY].join('\n'), UTC).title).toBeUndefined();
  });

  it('prefers a headline of several words to a one-word line', () => {
    const text = ['Verkehr', '', 'Night trains return to the main line', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Night trains return to the main line');
  });

  it('reports every candidate it weighed with its features, the chosen one scored highest by the hand weights', () => {
    const trace: TitleTrace = [];
    const text = ['Home » News', '', 'Night trains return to the main line', '', 'By Jane Doe', '', ...STORY].join('\n');
    const title = extractText(text, { ...UTC, titleTrace: trace }).title;
    expect(title?.value).toBe('Night trains return to the main line');
    const call = trace[0];
    expect(call?.candidates.map((c) => c.text)).toContain('Night trains return to the main line');
    const chosen = call?.candidates.find((c) => c.index === call.chosen);
    expect(chosen?.text).toBe('Night trains return to the main line');
    for (const c of call?.candidates ?? []) {
      expect(c.x).toHaveLength(TITLE_FEATURE_NAMES.length);
      expect(c.x[1]).toBeLessThanOrEqual(chosen?.x[1] as number);
    }
    // The headline stands right above the byline.
    expect(chosen?.x[TITLE_FEATURE_NAMES.indexOf('anchor-below')]).toBe(1);
  });
});
