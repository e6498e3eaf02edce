import { describe, expect, it } from 'vitest';
import { extractText, findTemplateLines, isLinkRow, templateKey } from '../../../src/extract/text/index.js';
import { defaultModel } from '../../../src/extract/text/model.js';
import { makeUnit } from '../../../src/extract/text/units.js';

const UTC = { timezone: 'UTC' } as const;

/** A seed-format article: title line, a view counter, body paragraphs, then the usual chrome. */
function seedArticle(): string {
  return [
    '‘Foreigners Cannot Intrude in Our Country’, Mexican President Says After Meeting US Attorney General',
    '',
    '0 1,593',
    '',
    'MEXICO CITY – With the administration of President Donald Trump considering declaring Mexican drug cartels terrorist organizations, Mexican President Andres Manuel Lopez Obrador insisted that he does not want US military intervention against them.',
    '',
    'Mexico’s drug cartels make billions of dollars per year on illegal drug sales in the US and have been locked into a bloody conflict with the Mexican government for over a decade.',
    '',
    'Obrador pledged to cooperate with Washington on drugs, arms, and migration issues, but added that Mexico’s constitution states that “foreigners cannot interlude in politics in our country”.',
    '',
    '“We can’t have foreign forces on our territory for military ends,” he said.',
    '',
    'Those who cannot be bought meet a different fate. Government security forces in the state of Sinaloa were forced to release notorious drug lord Joaquin ‘El Chapo’ Guzman’s son in October.',
    '',
    '- Advertisement -',
    '',
    'Subscribe to our newsletter',
    'Sign up here to get the latest news, updates and special offers delivered directly to your inbox.',
    '',
    'Get real time updates directly on you device, subscribe now.',
  ].join('\n');
}

/** A scraped page: menu, headline, byline, date, body with a subheading, share bar, related list, comments, footer. */
function scrapedPage(): string {
  return [
    'Skip to content',
    'Menu',
    ' * News',
    ' * Sport',
    ' * Culture',
    ' * Weather',
    '',
    'Home > News > Science',
    '',
    'Volunteers map the river’s ancient fish ladders',
    '',
    'By Ana Ruiz and Tom Becker',
    'March 11, 2021',
    '',
    'Share Tweet Email',
    '',
    'GLASGOW – A group of volunteers spent the winter mapping the stone fish ladders that line the upper river, some of which date back more than three centuries.',
    '',
    'The work began after a flood exposed a section of wall that nobody in the village remembered, and it quickly grew into a survey of the whole valley.',
    '',
    'WHAT THEY FOUND',
    '',
    '“We expected a dozen structures and found forty,” said the group’s organiser, who asked readers to share any old photographs of the river they might have at home.',
    '',
    'The survey will be published in the spring, and the council has promised to protect the most fragile sites before the next flood season arrives.',
    '',
    'Share on Facebook',
    '',
    'Related articles',
    ' * Council approves new flood defences for the valley',
    ' * The forgotten mills of the upper river',
    '',
    'Leave a comment',
    'Your email address will not be published. Required fields are marked *',
    '',
    'John says: March 12, 2021 at 9:00 am',
    'What a wonderful project, I walked along the river last year and never noticed any of this.',
    '',
    '© 2021 Example Media. All rights reserved.',
    'Privacy Policy | Terms of Use | Contact',
  ].join('\n');
}

function ruleOf(result: ReturnType<typeof extractText>, text: string): string | undefined {
  return result.dropped.find((block) => block.text.split('\n').includes(text))?.rule;
}

describe('extractText on a seed-format article', () => {
  it('takes the first line as the title', () => {
    const result = extractText(seedArticle(), UTC);
    expect(result.title).toEqual({
      value: '‘Foreigners Cannot Intrude in Our Country’, Mexican President Says After Meeting US Attorney General',
      line: 1,
    });
  });

  it('keeps the dateline paragraph and every body paragraph, in order', () => {
    const result = extractText(seedArticle(), UTC);
    const texts = result.paragraphs.map((paragraph) => paragraph.text);
    expect(texts).toHaveLength(5);
    expect(texts[0]).toMatch(/^MEXICO CITY – With the administration/);
    expect(texts[3]).toBe('“We can’t have foreign forces on our territory for military ends,” he said.');
    expect(texts[4]).toMatch(/^Those who cannot be bought/);
    expect(result.paragraphs[0]?.line).toBe(5);
  });

  it('drops the chrome with the rule that recognised it', () => {
    const result = extractText(seedArticle(), UTC);
    expect(ruleOf(result, '0 1,593')).toBe('view-counter');
    expect(ruleOf(result, '- Advertisement -')).toBe('ad-marker');
    expect(ruleOf(result, 'Subscribe to our newsletter')).toBe('newsletter-box');
    expect(ruleOf(result, 'Sign up here to get the latest news, updates and special offers delivered directly to your inbox.')).toBe('newsletter-box');
    expect(ruleOf(result, 'Get real time updates directly on you device, subscribe now.')).toBe('push-prompt');
  });

  it('accounts for every non-blank line exactly once', () => {
    const input = seedArticle();
    const result = extractText(input, UTC);
    const nonBlank = input.split('\n').filter((line) => line.trim().length > 0).length;
    const dropped = result.dropped.reduce((sum, block) => sum + block.text.split('\n').length, 0);
    expect(result.paragraphs.length + dropped + (result.title ? 1 : 0)).toBe(nonBlank);
  });
});

describe('extractText on a scraped page', () => {
  it('keeps the body with its subheading and nothing else', () => {
    const result = extractText(scrapedPage(), UTC);
    expect(result.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      'GLASGOW – A group of volunteers spent the winter mapping the stone fish ladders that line the upper river, some of which date back more than three centuries.',
      'The work began after a flood exposed a section of wall that nobody in the village remembered, and it quickly grew into a survey of the whole valley.',
      'WHAT THEY FOUND',
      '“We expected a dozen structures and found forty,” said the group’s organiser, who asked readers to share any old photographs of the river they might have at home.',
      'The survey will be published in the spring, and the council has promised to protect the most fragile sites before the next flood season arrives.',
    ]);
  });

  it('finds the headline right before the byline', () => {
    const result = extractText(scrapedPage(), UTC);
    expect(result.title).toEqual({ value: 'Volunteers map the river’s ancient fish ladders', line: 10 });
  });

  it('turns the byline and the date line into metadata', () => {
    const result = extractText(scrapedPage(), UTC);
    expect(result.authors).toEqual({ value: [{ name: 'Ana Ruiz' }, { name: 'Tom Becker' }], line: 12 });
    expect(result.published).toEqual({ value: new Date('2021-03-11T00:00:00Z'), line: 13 });
    expect(ruleOf(result, 'By Ana Ruiz and Tom Becker')).toBe('byline');
    expect(ruleOf(result, 'March 11, 2021')).toBe('date-line');
  });

  it('names the rule of each piece of chrome', () => {
    const result = extractText(scrapedPage(), UTC);
    expect(ruleOf(result, 'Skip to content')).toBe('skip-link');
    expect(ruleOf(result, 'Menu')).toBe('navigation');
    expect(ruleOf(result, 'Home > News > Science')).toBe('breadcrumb');
    expect(ruleOf(result, 'Share Tweet Email')).toBe('share-bar');
    expect(ruleOf(result, 'Related articles')).toBe('related-list');
    expect(ruleOf(result, 'Leave a comment')).toBe('comment-form');
    expect(ruleOf(result, '© 2021 Example Media. All rights reserved.')).toBe('legal-footer');
    expect(ruleOf(result, 'Privacy Policy | Terms of Use | Contact')).toBe('legal-footer');
    expect(ruleOf(result, 'News')).toBe('outside-body');
  });

  it('leaves readers’ comments out of the body', () => {
    const result = extractText(scrapedPage(), UTC);
    const body = result.paragraphs.map((paragraph) => paragraph.text).join('\n');
    expect(body).not.toContain('What a wonderful project');
  });

  it('reads dates without an offset in the configured zone', () => {
    const result = extractText(scrapedPage(), { timezone: 'America/New_York' });
    expect(result.published?.value).toEqual(new Date('2021-03-11T05:00:00Z'));
  });
});

describe('extractText does not over-strip', () => {
  const body = [
    'Readers who subscribe to the print edition will notice the change first, the editor said, because the paper will arrive a day later than before.',
    '',
    'Some people share their passwords with family members, a habit that security researchers have warned about for years without much success.',
    '',
    '“No.”',
    '',
    'The plan has three parts:',
    ' * Fix the roof',
    ' * Paint the hall',
    ' * Open the doors',
    '',
    'Work on all three is expected to finish before the end of the year, according to the people who run the building today.',
  ].join('\n');

  it('keeps body sentences that mention subscribing or sharing', () => {
    const texts = extractText(body, UTC).paragraphs.map((paragraph) => paragraph.text);
    expect(texts[0]).toMatch(/^Readers who subscribe/);
    expect(texts[1]).toMatch(/^Some people share/);
  });

  it('keeps a one-line quote and short list items inside the article', () => {
    const texts = extractText(body, UTC).paragraphs.map((paragraph) => paragraph.text);
    expect(texts).toContain('“No.”');
    expect(texts).toContain('Fix the roof');
    expect(texts).toContain('Paint the hall');
    expect(texts).toContain('Open the doors');
  });

  it('is idempotent on its own output', () => {
    const first = extractText(body, UTC).paragraphs.map((paragraph) => paragraph.text);
    const second = extractText(first.join('\n\n'), UTC).paragraphs.map((paragraph) => paragraph.text);
    expect(second).toEqual(first);
  });

  it('keeps a clean seed article clean when cleaned again', () => {
    const first = extractText(seedArticle(), UTC);
    const again = [first.title?.value ?? '', ...first.paragraphs.map((paragraph) => paragraph.text)].join('\n\n');
    const second = extractText(again, UTC);
    expect(second.title?.value).toBe(first.title?.value);
    expect(second.paragraphs.map((p) => p.text)).toEqual(first.paragraphs.map((p) => p.text));
  });
});

describe('extractText with repeated content', () => {
  const paragraph = 'The bridge will close for repairs on Monday, and drivers are asked to use the ring road until the work is finished in late spring.';
  const second = 'Engineers found cracks in two of the supports during a routine inspection last month, and the council decided not to wait any longer.';

  it('drops a second copy of the article as duplicate-block', () => {
    const input = ['Bridge to close for repairs', '', paragraph, '', second, '', paragraph, '', second].join('\n');
    const result = extractText(input, UTC);
    expect(result.paragraphs.map((p) => p.text)).toEqual([paragraph, second]);
    expect(result.dropped.some((block) => block.rule === 'duplicate-block')).toBe(true);
  });

  it('drops a repeat of the title inside the body as title-repeat', () => {
    const input = ['Bridge to close for repairs', '', paragraph, '', 'Bridge to close for repairs', '', second].join('\n');
    const result = extractText(input, UTC);
    expect(result.title?.value).toBe('Bridge to close for repairs');
    expect(ruleOf(result, 'Bridge to close for repairs')).toBe('title-repeat');
    expect(result.paragraphs.map((p) => p.text)).toEqual([paragraph, second]);
  });
});

describe('extractText options', () => {
  const input = [
    'A headline about the harbour',
    '',
    'The harbour master said the new crane would double the number of ships the port can unload in a single day.',
    '',
    'Sponsored by Example Shipping Ltd',
    '',
    'Dock workers welcomed the news but asked for more training before the crane starts work next month.',
  ].join('\n');

  it('drops lines matching a user drop pattern with rule user-drop', () => {
    const result = extractText(input, { timezone: 'UTC', dropPatterns: [/^Dock workers/] });
    expect(ruleOf(result, result.dropped.find((b) => b.rule === 'user-drop')?.text ?? '')).toBe('user-drop');
    expect(result.paragraphs.some((p) => p.text.startsWith('Dock workers'))).toBe(false);
  });

  it('keeps lines matching a user keep pattern, even chrome', () => {
    const page = `${input}\n\nAdvertisement`;
    const result = extractText(page, { timezone: 'UTC', keepPatterns: [/^Advertisement$/g] });
    expect(result.paragraphs.map((p) => p.text)).toContain('Advertisement');
  });

  it('drops site-template lines', () => {
    const result = extractText(input, { timezone: 'UTC', template: new Set([templateKey('Sponsored by Example Shipping Ltd')]) });
    expect(ruleOf(result, 'Sponsored by Example Shipping Ltd')).toBe('site-template');
  });
});

describe('templates', () => {
  it('folds case, spacing and digits', () => {
    expect(templateKey('  © 2023   Example  Media ')).toBe(templateKey('© 2024 example media'));
    expect(templateKey(' * Home')).toBe('home');
    // A site line with a soft hyphen is the same line without it (the units carry none).
    expect(templateKey('Mehr Nach\u00adrich\u00adten aus der Re\u00adgion')).toBe(templateKey('Mehr Nachrichten aus der Region'));
  });

  it('finds lines that recur in most articles of a folder', () => {
    const texts = [1, 2, 3, 4].map((n) => ['Example Site', 'Menu', `Article number ${n} has its own words ${'x'.repeat(n)}`, '© 2019 Example'].join('\n'));
    const template = findTemplateLines(texts);
    expect(template.has(templateKey('Example Site'))).toBe(true);
    expect(template.has(templateKey('© 2020 Example'))).toBe(true);
    expect(template.has(templateKey('Article number 1 has its own words x'))).toBe(false);
  });

  it('finds nothing in a single article', () => {
    expect(findTemplateLines(['Menu\nMenu']).size).toBe(0);
  });
});

describe('extractText on odd input', () => {
  it('handles CRLF, a BOM, tabs, NUL and control characters', () => {
    const input = `\ufeffA title\r\n\r\nThe first\tparagraph has a NUL\u0000 and a bell\u0007 but is otherwise a perfectly normal sentence of prose.\r\n`;
    const result = extractText(input, UTC);
    expect(result.title?.value).toBe('A title');
    expect(result.paragraphs[0]?.text).toBe('The first paragraph has a NUL and a bell but is otherwise a perfectly normal sentence of prose.');
  });

  it('returns an empty result for empty input', () => {
    expect(extractText('', UTC)).toEqual({ paragraphs: [], dropped: [] });
    expect(extractText('\n\n  \n', UTC)).toEqual({ paragraphs: [], dropped: [] });
  });

  it('joins the wrapped lines of a paragraph', () => {
    const words = 'word '.repeat(200).trim().split(' ');
    const lines: string[] = [];
    let line = '';
    for (const word of words) {
      if (line.length + 1 + word.length > 78) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(`${line}.`);
    const input = ['A title', '', ...lines, '', ...lines.map((l) => l.replace(/word/g, 'term'))].join('\n');
    const result = extractText(input, UTC);
    expect(result.paragraphs).toHaveLength(2);
    expect(result.paragraphs[0]?.text.split(' ')).toHaveLength(200);
  });
});

describe('extractText keeps tables that belong to the story', () => {
  it('keeps data rows right after the last paragraph', () => {
    const input = [
      'Band announces anniversary tour',
      '',
      'The band will tour North America next summer to celebrate fifty years since its first album, the promoters said on Monday.',
      '',
      'Tickets go on sale in December, and the full list of dates is below for fans who want to plan ahead of the rush.',
      '',
      'Tour dates',
      'June 9 – West Palm Beach, FL',
      'June 10 – Tampa, FL',
      'June 14 – Alpharetta, GA',
      'June 17 – Nashville, TN',
      '',
      '© 2019 Example Music',
    ].join('\n');
    const texts = extractText(input, UTC).paragraphs.map((paragraph) => paragraph.text);
    expect(texts).toContain('Tour dates');
    expect(texts).toContain('June 9 – West Palm Beach, FL');
    expect(texts).toContain('June 17 – Nashville, TN');
    expect(texts).not.toContain('© 2019 Example Music');
  });
});

describe('extractText trims what closes a story', () => {
  const story = [
    'Harbour crane doubles the port’s capacity',
    '',
    'The harbour master said the new crane would double the number of ships the port can unload in a single day.',
    '',
    'Dock workers welcomed the news but asked for more training before the crane starts work next month.',
    '',
    'The crane was built in Rotterdam and arrived by barge last week after a delay caused by autumn storms.',
  ];

  it('drops the author bio at the end as author-bio', () => {
    const bio = 'Jane Doe is a senior reporter who covers shipping and ports for the paper.';
    const result = extractText([...story, '', bio].join('\n'), UTC);
    expect(ruleOf(result, bio)).toBe('author-bio');
    expect(result.paragraphs).toHaveLength(3);
  });

  it('drops a press release’s company boilerplate as company-boilerplate', () => {
    const about = 'Acme Cranes is a leading global provider of port equipment with offices in twelve countries.';
    const result = extractText([...story, '', about].join('\n'), UTC);
    expect(ruleOf(result, about)).toBe('company-boilerplate');
  });

  it('drops a closing appeal to the reader and the short lines after it as call-to-action', () => {
    const appeal = 'We want to hear what you think about this article. Submit a letter to the editor or write to letters@example.com.';
    const result = extractText([...story, '', appeal, '', 'Join 6,707 other readers'].join('\n'), UTC);
    expect(ruleOf(result, appeal)).toBe('call-to-action');
    expect(ruleOf(result, 'Join 6,707 other readers')).toBe('call-to-action');
    expect(result.paragraphs.map((p) => p.text)).toEqual([story[2], story[4], story[6]]);
  });

  it('drops a closing donation appeal with its amounts and consent line in German', () => {
    const bericht = [
      'Hafenkran verdoppelt die Kapazität',
      '',
      'Der Hafenmeister sagte, der neue Kran werde die Zahl der Schiffe verdoppeln, die der Hafen an einem einzigen Tag entladen kann.',
      '',
      'Die Hafenarbeiter begrüßten die Nachricht, verlangten aber mehr Schulungen, bevor der Kran im nächsten Monat die Arbeit aufnimmt.',
      '',
      'Der Kran wurde in Rotterdam gebaut und kam nach einer Verzögerung durch Herbststürme vergangene Woche auf einem Lastkahn an.',
    ];
    const appeal = 'Unterstützen Sie unsere unabhängige Berichterstattung mit einem Beitrag.';
    const consent = 'Ich akzeptiere die Datenschutzvereinbarung. Bitte halten Sie mich auf dem Laufenden.';
    const result = extractText([...bericht, '', appeal, '', '5€ 10€ 20€ 100€', '', 'Anderer Betrag', '', consent].join('\n'), UTC);
    expect(ruleOf(result, appeal)).toBe('call-to-action');
    expect(ruleOf(result, consent)).toBe('call-to-action');
    expect(result.paragraphs.map((p) => p.text)).toEqual([bericht[2], bericht[4], bericht[6]]);
  });

  it('leaves a closing appeal alone when no line before it is prose the model is sure of', () => {
    const appeal = 'We want to hear what you think about this article. Submit a letter to the editor or write to letters@example.com.';
    const result = extractText([...story, '', appeal].join('\n'), { ...UTC, model: { ...defaultModel(), tailFrom: 1.01 } });
    expect(ruleOf(result, appeal)).not.toBe('call-to-action');
  });

  it('keeps a story paragraph about a newsletter that the story goes on after', () => {
    const line = 'The port authority will also send residents a monthly newsletter about the noise of the new crane.';
    const last = 'Work on a second crane of the same kind is planned for next year if the first one proves its worth.';
    const result = extractText([...story, '', line, '', last].join('\n'), UTC);
    expect(result.paragraphs.map((p) => p.text)).toEqual([story[2], story[4], story[6], line, last]);
  });

  it('keeps a body sentence that merely starts with a company name', () => {
    const line = 'Acme Cranes said the machine had passed every safety test and would be handed over on Friday.';
    const result = extractText([...story, '', line].join('\n'), UTC);
    expect(result.paragraphs.map((p) => p.text)).toContain(line);
  });
});

describe('extractText finds the headline', () => {
  const story = [
    'The city council voted on Tuesday to close the old bridge for eight months of repairs, after engineers found cracks in two of its supporting piers during a routine inspection.',
    '',
    'Drivers are asked to use the ring road while the work goes on, and the council said it would add buses between the two banks of the river at peak hours.',
    '',
    'The repairs are expected to cost about four million pounds, most of it paid for by a national fund for ageing infrastructure that was set up last year.',
  ];
  const menu = ['Home', ' * News', ' * Sport', ' * Weather', ''];

  it('skips a category label above the headline', () => {
    const input = [...menu, 'Local news', '', 'Old bridge to close for eight months of repairs', 'By Jane Doe', 'March 11, 2021', '', ...story].join('\n');
    expect(extractText(input, UTC).title?.value).toBe('Old bridge to close for eight months of repairs');
  });

  it('takes the headline, not the dek between it and the byline', () => {
    const input = [
      ...menu,
      'Old bridge to close for eight months of repairs',
      '',
      'Engineers found cracks in two supporting piers during a routine inspection earlier this autumn',
      'By Jane Doe',
      '',
      ...story,
    ].join('\n');
    expect(extractText(input, UTC).title?.value).toBe('Old bridge to close for eight months of repairs');
  });

  it('does not take a pull quote above the headline', () => {
    const input = [...menu, '“We had no other choice,” the council leader said on Tuesday', '', 'Old bridge to close for eight months of repairs', '', ...story].join('\n');
    expect(extractText(input, UTC).title?.value).toBe('Old bridge to close for eight months of repairs');
  });

  it('does not take a photo credit or a wire credit between the headline and the story', () => {
    const input = [...menu, 'Old bridge to close for eight months of repairs', 'Tom Krisher, AP Auto Writer', '', 'Alex Wong | Getty Images', '', ...story].join('\n');
    const result = extractText(input, UTC);
    expect(result.title?.value).toBe('Old bridge to close for eight months of repairs');
    expect(result.authors?.value).toEqual([{ name: 'Tom Krisher' }]);
  });

  it('prefers the line right above the byline to a teaser headline further up', () => {
    // (The teaser is another story's: a line that uses this story's own words is scored as its headline.)
    const input = [
      ...menu,
      'Ten things to know about the new tram line',
      'Harbour crane doubles the capacity of the port',
      '',
      'Council votes for the repairs',
      '11/19/2019 by Jane Doe',
      '',
      ...story,
    ].join('\n');
    expect(extractText(input, UTC).title?.value).toBe('Council votes for the repairs');
  });

  it('does not mistake a headline with a month-like word ("Set") for a date line', () => {
    const input = [...menu, 'Band Set 50th Anniversary Tour of North America', '11/19/2019 by Jane Doe', '', ...story].join('\n');
    expect(extractText(input, UTC).title?.value).toBe('Band Set 50th Anniversary Tour of North America');
  });

  it('takes the headline repeated on the page (page title, share text) and drops its repeat in the body as title-repeat', () => {
    const input = [
      'Old bridge to close for eight months of repairs | The Gazette',
      ...menu,
      'Up next:',
      'Old bridge to close for eight months of repairs',
      '',
      'Council leader defends the timing',
      '',
      ...story.slice(0, 3),
      '',
      'Old bridge to close for eight months of repairs',
      '',
      ...story.slice(4),
    ].join('\n');
    const result = extractText(input, UTC);
    expect(result.title?.value).toBe('Old bridge to close for eight months of repairs');
    expect(result.dropped.filter((block) => block.rule === 'title-repeat').length).toBe(1);
  });

  it('keeps the headline and byline above a picture credit out of the caption', () => {
    const input = [...menu, 'Old bridge to close for eight months of repairs', 'By Jane Doe', 'Getty Images', '', ...story].join('\n');
    const result = extractText(input, UTC);
    expect(result.title?.value).toBe('Old bridge to close for eight months of repairs');
    expect(result.authors?.value).toEqual([{ name: 'Jane Doe' }]);
  });

  it('skips label, handle and icon-name lines', () => {
    const input = [...menu, 'Old bridge to close for eight months of repairs', 'chevron_left Browse All Posts', 'Filed to:Local news', '', ...story].join('\n');
    expect(extractText(input, UTC).title?.value).toBe('Old bridge to close for eight months of repairs');
  });

  it('reads the byline under the first copy of a headline shown twice (above the byline, over a gallery)', () => {
    const gallery = Array.from({ length: 14 }, (_, k) => ` * Image ${k + 1}`);
    const input = [
      ...menu,
      'Old bridge to close for eight months of repairs',
      'Tom Krisher, AP Auto Writer',
      '',
      ...gallery,
      '',
      'Old bridge to close for eight months of repairs',
      '',
      ...story,
    ].join('\n');
    const result = extractText(input, UTC);
    expect(result.title?.value).toBe('Old bridge to close for eight months of repairs');
    expect(result.authors?.value).toEqual([{ name: 'Tom Krisher' }]);
  });

  it('finds a headline that ends with a full stop at the top of the body, above its date line', () => {
    const input = [...menu, 'Sign in', '', 'The bridge will close. The town is not happy.', 'Updated Nov 19, 9:41 AM', '', ...story].join('\n');
    const result = extractText(input, UTC);
    expect(result.title?.value).toBe('The bridge will close. The town is not happy.');
    expect(result.paragraphs.map((p) => p.text)).not.toContain('The bridge will close. The town is not happy.');
  });
});

describe('link rows', () => {
  it('a long line of links joined by separators is not prose', () => {
    const row = makeUnit('Ascom | Hospital Solutions Ascom | Senior Care Solution Ascom | Psychiatric Facilities Solutions Ascom | Police Station Solutions', 1, false, 0);
    expect(isLinkRow(row)).toBe(true);
  });

  it('a sentence with a separator or two stays prose', () => {
    const sentence = makeUnit('The council | as the sign on the door says | met on Tuesday to vote on the repairs of the old bridge over the river.', 1, false, 0);
    expect(isLinkRow(sentence)).toBe(false);
    expect(isLinkRow(makeUnit('Home | News | Sport', 1, false, 0))).toBe(false);
  });

  it('a footer link row after the article does not pull the footer into the body', () => {
    const story = [
      'The council voted on Tuesday to close the old bridge for eight months of repairs, after engineers found cracks in two piers.',
      'Drivers are asked to use the ring road while the work goes on, and extra buses will run between the two banks at peak hours.',
      'The repairs are expected to cost about four million pounds, most of it paid for by a national fund for ageing infrastructure.',
      'Shops near the bridge fear a quiet winter, and the council has promised them a rates holiday for as long as the work lasts.',
    ];
    const input = [
      'Old bridge to close for repairs',
      '',
      ...story.flatMap((line) => [line, '']),
      'Subscribe to our newsletter',
      '',
      'Quick Links',
      'Gazette | Local News Gazette | Sport and Leisure Gazette | Property Listings Gazette | Jobs and Careers Gazette | Obituaries and Notices',
    ].join('\n');
    const result = extractText(input, UTC);
    expect(result.paragraphs.map((p) => p.text)).toEqual(story);
  });
});

describe('teaser cards after the article', () => {
  it('do not continue the body past a related heading when they are label, headline and blurb', () => {
    const story = [
      'The council voted on Tuesday to close the old bridge for eight months of repairs, after engineers found cracks in two piers.',
      'Drivers are asked to use the ring road while the work goes on, and extra buses will run between the two banks at peak hours.',
      'The repairs are expected to cost about four million pounds, most of it paid for by a national fund for ageing infrastructure.',
      'Shops near the bridge fear a quiet winter, and the council has promised them a rates holiday for as long as the work lasts.',
      'Engineers will start with the northern pier, which is in the worst state, and then move on to the deck and the railings.',
    ];
    const card = (label: string, headline: string, blurb: string): string[] => [` * ${label}`, `   ${headline}`, '', `   ${label}`, `   ${headline}`, `   ${blurb}`, ''];
    const input = [
      'Old bridge to close for repairs',
      '',
      ...story.flatMap((line) => [line, '']),
      'More from the Gazette',
      ...card('Business', 'Bakery chain opens its tenth shop', 'The family firm started with one oven in a back street and now employs more than two hundred people.'),
      ...card('Sport', 'Rowing club wins the regional cup', 'The crew beat three larger clubs on a windy afternoon and will race at the national finals in June.'),
      ...card('Schools', 'New head teacher for the grammar school', 'She takes over in January after twelve years as deputy and says reading will be her first priority.'),
      ...card('Weather', 'Storm warning for the coast on Friday', 'Forecasters expect gusts of up to seventy miles an hour and advise against travel on the coastal road.'),
    ].join('\n');
    expect(extractText(input, UTC).paragraphs.map((p) => p.text)).toEqual(story);
  });
});

describe('the article repeated as one flattened block', () => {
  it('drops the block as duplicate-block', () => {
    const story = [
      'The council voted on Tuesday to close the old bridge for eight months of repairs, after engineers found cracks in two piers.',
      'Drivers are asked to use the ring road while the work goes on, and extra buses will run between the two banks at peak hours.',
      'The repairs are expected to cost about four million pounds, most of it paid for by a national fund for ageing infrastructure.',
    ];
    const input = ['Old bridge to close for repairs', '', ...story.flatMap((line) => [line, '']), story.join(' ')].join('\n');
    const result = extractText(input, UTC);
    expect(result.paragraphs.map((p) => p.text)).toEqual(story);
    expect(ruleOf(result, story.join(' '))).toBe('duplicate-block');
  });

  it('keeps a long paragraph that quotes a few words of an earlier one', () => {
    const first = 'The council voted on Tuesday to close the old bridge for eight months of repairs, after engineers found cracks in two piers.';
    const second =
      'Asked why the council voted on Tuesday rather than waiting for the spring, the leader said that the cracks could not wait, that the buses were already booked, and that shops near the bridge would be offered help for as long as the work lasts.';
    const result = extractText(['Old bridge to close for repairs', '', first, '', second].join('\n'), UTC);
    expect(result.paragraphs.map((p) => p.text)).toEqual([first, second]);
  });
});

describe('a list of sources after the article', () => {
  it('ends the body at its heading', () => {
    const story = [
      'The council voted on Tuesday to close the old bridge for eight months of repairs, after engineers found cracks in two piers.',
      'Drivers are asked to use the ring road while the work goes on, and extra buses will run between the two banks at peak hours.',
      'The repairs are expected to cost about four million pounds, most of it paid for by a national fund for ageing infrastructure.',
    ];
    const input = [
      'Old bridge to close for repairs',
      '',
      ...story.flatMap((line) => [line, '']),
      'Sources:',
      '',
      'Gazette Council, "Minutes of the meeting of 12 November," accessed Nov. 13, 2019',
      '',
      'National Bridge Survey, "Inspection report for the old bridge, with photographs of the two cracked piers," October 2019.',
    ].join('\n');
    const result = extractText(input, UTC);
    expect(result.paragraphs.map((p) => p.text)).toEqual(story);
    expect(ruleOf(result, 'Sources:')).toBe('reference-list');
  });
});

describe('a caption above a bare credit line', () => {
  it('leaves the body with its credit', () => {
    const story = [
      'The council voted on Tuesday to close the old bridge for eight months of repairs, after engineers found cracks in two piers.',
      'Drivers are asked to use the ring road while the work goes on, and extra buses will run between the two banks at peak hours.',
      'The repairs are expected to cost about four million pounds, most of it paid for by a national fund for ageing infrastructure.',
    ];
    const caption = 'The council leader, centre, walks across the old bridge with two engineers on Monday, Nov. 18, 2019, a day before the vote.';
    const input = ['Old bridge to close for repairs', '', story[0], '', caption, 'Jane Doe | Bloomberg | Getty Images', '', ...story.slice(1).flatMap((line) => [line, ''])].join(
      '\n',
    );
    const result = extractText(input, UTC);
    expect(result.paragraphs.map((p) => p.text)).toEqual(story);
    expect(ruleOf(result, caption)).toBe('image-caption');
  });
});
