import { describe, expect, it } from 'vitest';
import { findTitle, isDatedHeadline, TITLE_FEATURE_NAMES, withoutConfirmedKicker, withoutGluedKicker } from '../../../src/extract/text/headline.js';
import { extractText, type Label, type TitleTrace } from '../../../src/extract/text/index.js';
import { buildUnits, normaliseInput } from '../../../src/extract/text/units.js';

const UTC = { timezone: 'UTC' } as const;

const STORY = [
  'The regional council approved the new timetable on Tuesday after two years of consultation with the operators and the unions.',
  '',
  'Trains will run every fifteen minutes on the main line from the spring, and night services will return at the weekend.',
  '',
  'Passenger groups welcomed the decision but warned that the stations still need lifts and better lighting before the winter.',
];

describe('the headline of a scraped text, chosen among scored lines', () => {
  it('prefers the last item of the page’s breadcrumb over the dek below it', () => {
    const text = ['Startseite » Alle News » Night trains return to the main line', '', 'Night trains return to the main line', '', 'A new timetable brings trains every fifteen minutes on weekdays', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Night trains return to the main line');
  });

  it('anchors a headline to the byline through its dek, over labels between the dek and the byline', () => {
    const text = ['Menu', '', 'Why night trains are coming back', '', 'An interview with the head of the regional council, with an extract from the timetable', '', 'Open Future', '', 'Open Future', '', '12 March 2024', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Why night trains are coming back');
  });

  it('does not read a guillemet that closes a quotation in the headline as a breadcrumb separator', () => {
    const text = ['Menu', '', 'Sport', '', 'Anna Berg: «Wir fahren wieder mit dem Nachtzug»', '', 'Die Läuferin will mit einer Kampagne für den Nachtzug zu den Wettkämpfen werben', '', 'von Newsdesk 28. Januar 2022, 12:01', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Anna Berg: «Wir fahren wieder mit dem Nachtzug»');
  });

  it('does not take a kicker for a headline over its dek when the headline below it is only a little longer', () => {
    // Both lines stand over the byline; the lower one is the headline, not a dek (a dek is clearly longer).
    const text = ['Menu', '', 'Opinion and analysis pages', '', 'A quieter commute for the whole region', '', 'By Jane Doe', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('A quieter commute for the whole region');
  });

  it('takes the line above a clearly longer dek as the headline, without a byline', () => {
    const text = ['Menu', '', 'Coaching across three generations', '', 'How clients are helped to live as themselves, whatever their family expected of them', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Coaching across three generations');
  });

  it('judges a headline over its dek with the dek: the dek shares the story’s words, the headline wins', () => {
    // The headline shares no word with the story; its dek, right below it and over the byline, does.
    const text = ['Menu', '', 'Back on the rails', '', 'The regional council approved the new timetable after two years of consultation with the operators', '', 'By Jane Doe', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Back on the rails');
  });

  it('prefers the line that another line of the page quotes whole (a page title with the site name)', () => {
    // Neither line shares a word with the story; the other one stands nearer to it.
    const text = ['A quieter commute ahead | Example Rail News', '', 'Menu', '', 'A quieter commute ahead', '', 'Rail policy after the strike, an overview', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('A quieter commute ahead');
  });

  it('finds the headline over the story when the body first started at a ticker line above it', () => {
    const ticker = 'ATX 3078.02 -0.24% ANDRITZ 43.14 -0.6% AT&S 22.84 -3.55% BAWAG GROUP 42.48 +1.29% CA IMMO 31.95 +0.16% DO & CO 110.2 -0.18% ERSTE GROUP 37.5 +0.4% EVN 21.1 -0.2%';
    const text = [ticker, '', 'Home News Politik Economy Lifestyle Sport', '', 'Politik', '', 'Festival trips of the president cost 57,000 euros', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Festival trips of the president cost 57,000 euros');
  });

  it.each(['Mein ProfilAbmelden', 'Erstellt: vor 4 Stunden', 'kanzlei@example.de', 'Suche starten Suche starten', 'Seite 1 von 2'])('never takes a widget line as the headline: %s', (widget) => {
    const text = ['Council approves the new timetable', '', 'Menu', widget, '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Council approves the new timetable');
  });

  it('prefers the line whose words the story’s first sentences use (headline over a label)', () => {
    const story = [
      'Siemens chief Joe Kaeser outsmarted the climate activist Luisa Neubauer and offered her a seat on the board of the company.',
      '',
      'Neubauer declined the seat, and Kaeser kept the contract for the signalling system of the coal mine in Queensland.',
    ];
    const text = ['Menu', '', 'Kaeser outsmarts Luisa Neubauer', '', 'Notes of our business desk every week', '', ...story].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Kaeser outsmarts Luisa Neubauer');
  });

  it('takes a headline that ends in a parenthesis, but not a counter', () => {
    const text = ['Comments (3)', '', 'Bananas, plantains and their kin (Musa paradisiaca)', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Bananas, plantains and their kin (Musa paradisiaca)');
  });

  it('looks for the headline again above a header of date lines that the body first took in', () => {
    // A navigation row flattened into one long line, which step 3 first takes for prose.
    const row = 'Overview News Rhineland Westphalia Ruhr Region State Politics Economy Culture Sport Weather Traffic Video Audio Podcasts Live Tickers Archive Contact Imprint Privacy Jobs Shop Events Radio Television';
    const menu = [' * Sport', ' * Kultur', '', row, ' * Mediathek', ' * Fernsehen', '', 'Sie befinden sich hier:', '', ' * WDR', ' * Nachrichten', ''];
    const header = ['Weapons keep reaching Russia', '', 'Stand: 07.11.2023, 07:30 Uhr', ''];
    const result = extractText([...menu, '', ...header, ...STORY].join('\n'), UTC);
    expect(result.title?.value).toBe('Weapons keep reaching Russia');
    expect(result.paragraphs[0]?.text).toBe(STORY[0]);
  });
});

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

  it('fills the features only the trace uses (page title at the top, question, Title Case, colon), and chooses the same line with or without a trace', () => {
    const trace: TitleTrace = [];
    const text = ['Why do night trains return? | Rail News', '', 'Sections', '', 'Home » News', '', 'Why Do Night Trains Return?', '', 'By Jane Doe', '', ...STORY].join('\n');
    const traced = extractText(text, { ...UTC, titleTrace: trace });
    expect(traced.title).toEqual(extractText(text, UTC).title);
    const chosen = trace[0]?.candidates.find((c) => c.index === trace[0]?.chosen);
    expect(chosen?.text).toBe('Why Do Night Trains Return?');
    const feature = (name: (typeof TITLE_FEATURE_NAMES)[number]): number | undefined => chosen?.x[TITLE_FEATURE_NAMES.indexOf(name)];
    expect(feature('top-line-agreement')).toBe(1);
    expect(feature('question-or-exclamation')).toBe(1);
    expect(feature('capitalised-share')).toBe(1);
    expect(feature('log-words')).toBeCloseTo(Math.log(6));
  });

  // findTitle on a page whose body (found in step 3) starts at the given line.
  const titleWhenBodyStartsAt = (lines: string[], first: string): string | undefined => {
    const units = buildUnits(normaliseInput(lines.join('\n')));
    const labels: Label[] = units.map(() => ({ weight: 1 }));
    const title = findTitle(units, labels, units.findIndex((u) => u.text === first));
    return title === undefined ? undefined : units[title]?.text;
  };

  it('takes the body’s first line as the headline when it heads the story and nothing above is one', () => {
    const lines = ['Zum Kreditvergleich', '', 'Wie hoch sind die Zinsen für einen Privatkredit?', '', ...STORY];
    expect(titleWhenBodyStartsAt(lines, 'Wie hoch sind die Zinsen für einen Privatkredit?')).toBe('Wie hoch sind die Zinsen für einen Privatkredit?');
  });

  it('keeps a headline above the body over a question that opens the story’s first section', () => {
    const lines = ['Night trains return to the main line', '', 'Will trains run every fifteen minutes?', '', ...STORY];
    expect(titleWhenBodyStartsAt(lines, 'Will trains run every fifteen minutes?')).toBe('Night trains return to the main line');
  });

  // A page saved from the Wayback Machine: the archive's capture banner, prose included, over the page.
  const banner = [
    'About this capture',
    'COLLECTED BY',
    'Organization: Alexa Crawls',
    '',
    'Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive, and these data are added to the Wayback Machine after an embargo period.',
    'Collection: Alexa Crawls',
    '',
    'TIMESTAMPS',
    '',
  ];

  it('looks for the headline below a web archive’s capture banner when the body was found inside it', () => {
    const lines = [...banner, 'Menu', '', 'Night trains return to the main line', '', ...STORY];
    expect(titleWhenBodyStartsAt(lines, banner[4] as string)).toBe('Night trains return to the main line');
    // (The same lines without the banner's frame are a page of its own, whose title is looked for above its body.)
    const plain = lines.map((line) => (line === 'TIMESTAMPS' ? 'Timeline' : line));
    expect(titleWhenBodyStartsAt(plain, banner[4] as string)).not.toBe('Night trains return to the main line');
  });

  it('finds no headline in the window when its winner is weak, so that the caller looks into the body', () => {
    // The body was found at a print notice; a shop's line above it is the window's only candidate.
    const notice = 'Please wait while the print view of this page is being prepared, it opens as soon as the page has loaded.';
    const lines = ['Free shipping available', '', 'Gift cards', '', notice, '', 'Sleepers are back in service', '', 'Created on 12.03.2024', '', ...STORY];
    expect(titleWhenBodyStartsAt(lines, notice)).toBeUndefined();
    const units = buildUnits(normaliseInput(lines.join('\n')));
    const loose = findTitle(units, units.map(() => ({ weight: 1 })), units.findIndex((u) => u.text === notice), true);
    expect(loose === undefined ? undefined : units[loose]?.text).toBe('Sleepers are back in service');
  });

  // A page whose body (step 3) was found far below its article, in a list of teasers with blurbs.
  const teasers = Array.from({ length: 40 }, (_, k) => [`Teaser number ${k + 1}`, '']).flat();
  const comments = ['Click to expand', '', 'Great article, thanks for sharing this with all of us here on the forum, we will see you all at the station next week.', ''];

  it('looks for the article header elsewhere on the page when the window’s winner is weak', () => {
    // Headline, then its date and byline line, then the story that retells it: far above the body start.
    const header = ['Night trains return to the main line', '', '12 March 2024 Jane Doe', '', 'Night trains will return to the main line, the regional council decided on Tuesday after two years of consultation.', ''];
    const lines = ['Menu', '', ...header, ...STORY, '', ...teasers, ...comments];
    expect(titleWhenBodyStartsAt(lines, comments[2] as string)).toBe('Night trains return to the main line');
  });

  it('keeps the window’s winner when no line elsewhere stands over a byline and a story that retells it', () => {
    // The same page without the date line: nothing marks the line as an article header.
    const header = ['Night trains return to the main line', '', 'Night trains will return to the main line, the regional council decided on Tuesday after two years of consultation.', ''];
    const lines = ['Menu', '', ...header, ...STORY, '', ...teasers, ...comments];
    expect(titleWhenBodyStartsAt(lines, comments[2] as string)).not.toBe('Night trains return to the main line');
  });

  it('takes a name-like line over a date line when the window’s winner is weak', () => {
    // "Seminar Season Opens" looks like a person's name over a date line, which is a blog's
    // author over the date more often than a headline; but the only other line is a slogan.
    const lines = ['Welcome to the portal of the foundation', '', ' * Home', ' * About', ' * Contact', '', 'Seminar Season Opens', '', '3 February 2022', '', ...STORY];
    expect(titleWhenBodyStartsAt(lines, STORY[0] as string)).toBe('Seminar Season Opens');
  });

  it('takes a one-word headline right over a date line when the window’s winner is weak', () => {
    const lines = ['Life, the master and me…', '', ' * Home', ' * About', '', 'Fogbound.', '', 'Published on Fri, 24 January 2020, 18:18 by Creeny', '', ...STORY];
    expect(titleWhenBodyStartsAt(lines, STORY[0] as string)).toBe('Fogbound.');
  });

  it('lets a weak winner that heads the body give way to an article header above the window', () => {
    const header = ['Night trains return to the main line', '', '12 March 2024 Jane Doe', '', 'Night trains will return to the main line, the regional council decided on Tuesday after two years of consultation.', ''];
    const thread = ['Your thoughts, our readers', '', 'Great article, thanks for sharing this with all of us here on the forum, we will see you all at the station next week.', ''];
    const lines = ['Menu', '', ...header, ...STORY, '', ...teasers, ...thread];
    expect(titleWhenBodyStartsAt(lines, thread[2] as string)).toBe('Night trains return to the main line');
  });

  // The cf84… layout of the second dev set: a numbered breadcrumb, the headline, then a teaser
  // with its own byline right above where the body was found.
  const crumbPage = (tail: string): string[] => [
    ' 1. Home',
    ' 2. Future of Work',
    ` 3. ${tail}`,
    '',
    'A quieter commute ahead',
    '',
    'Menu',
    '',
    'Council approves the new timetable',
    '',
    'By Jane Doe, 12 March 2024',
    '',
    ...STORY,
  ];

  it('takes the line a numbered breadcrumb names as the headline, over a teaser with a byline near the body', () => {
    expect(titleWhenBodyStartsAt(crumbPage('A quieter commute ahead'), STORY[0] as string)).toBe('A quieter commute ahead');
  });

  it('does not read a numbered breadcrumb whose last item is a short section name, or a list of longer items, as naming the page', () => {
    expect(titleWhenBodyStartsAt(crumbPage('Quieter commute'), STORY[0] as string)).toBe('Council approves the new timetable');
    const list = crumbPage('A quieter commute ahead').map((l) => (l === ' 2. Future of Work' ? ' 2. Five things the council decided about the timetable' : l));
    expect(titleWhenBodyStartsAt(list, STORY[0] as string)).toBe('Council approves the new timetable');
  });

  it('takes the line that starts with a numbered breadcrumb’s last item cut short ("…viel...") as the headline, not a shorter cut', () => {
    expect(titleWhenBodyStartsAt(crumbPage('A quieter commute...'), STORY[0] as string)).toBe('A quieter commute ahead');
    expect(titleWhenBodyStartsAt(crumbPage('A quieter…'), STORY[0] as string)).toBe('Council approves the new timetable');
  });

  // The 548c… layout: the headline far from where the body was found, and the comment section's
  // heading quoting it under the story.
  const commentedPage = (heading: string): string[] => ['A quieter commute ahead', '', 'Menu', '', 'Council approves the new timetable', '', 'By Jane Doe, 12 March 2024', '', ...STORY, '', heading, ''];

  it('takes the line a comment heading quotes ("3 thoughts on “…”") as the headline', () => {
    expect(titleWhenBodyStartsAt(commentedPage('3 thoughts on “A quieter commute ahead”'), STORY[0] as string)).toBe('A quieter commute ahead');
    expect(titleWhenBodyStartsAt(commentedPage('2 Gedanken zu „A quieter commute ahead“'), STORY[0] as string)).toBe('A quieter commute ahead');
  });

  it('does not read a headline that ends in a quotation as a comment heading', () => {
    expect(titleWhenBodyStartsAt(commentedPage('Readers on rail: “A quieter commute ahead”'), STORY[0] as string)).toBe('Council approves the new timetable');
  });

  it('takes the line a one-line breadcrumb names as the headline, unless the breadcrumb ends at a short section name', () => {
    // The headline far above the teaser (two menus of plain lines between): the breadcrumb's
    // bonus alone does not carry it.
    const menus = Array.from({ length: 24 }, (_, k) => [`Section ${k + 1}`, '']).flat();
    const page = (crumb: string): string[] => [crumb, '', 'A quieter commute ahead', '', ...menus, ...crumbPage('Quieter commute').slice(6)];
    expect(titleWhenBodyStartsAt(page('example.org » News » A quieter commute ahead'), STORY[0] as string)).toBe('A quieter commute ahead');
    expect(titleWhenBodyStartsAt(page('Blog > Rail news > Quieter commute ahead'), STORY[0] as string)).toBe('Council approves the new timetable');
  });

  it('takes the line a glued one-line breadcrumb from the home page ends with as the headline, a full-stop one too', () => {
    // "StartseiteNews & mehr<headline>" over "<headline>": the scraper glued the breadcrumb's levels.
    const page = (crumb: string, head: string): string => [' * Timetables', ' * Newsroom', '', 'Webcam', '', crumb, '', head, '', 'Two years of talks ended on Tuesday, and the operators now have a spring deadline for the new timetable', 'Did you like the article?', 'Share with friends', '', ...STORY].join('\n');
    const head = 'Night trains return to the main line';
    expect(extractText(page(`HomeNews & more${head}`, head), UTC).title?.value).toBe(head);
    const sentence = 'When the night train is slow, a new timetable can help.';
    expect(extractText(page(`HomeRail${sentence}`, sentence), UTC).title?.value).toBe(sentence);
    const german = 'Wenn der Nachtzug langsam ist, hilft ein neuer Fahrplan.';
    expect(extractText(page(`StartseiteNetzwerk${german}`, german), UTC).title?.value).toBe(german);
  });

  it('does not count a dek as quoted elsewhere when a paragraph opens with it as its first sentence', () => {
    // The dek restates the story's first sentence; a page title or a share text quoting a headline is no paragraph.
    const dek = 'Night services have been in a slow decline over the past ten years';
    const story = `${dek}. The operators now run half as many trains as they did in 2009, and the trend went on last year.`;
    const text = ['Menu', '', 'Despite everything, night trains return', '', dek, '', '--', '', 'Shares', '', 'Jane Doe', '', 'January 10, 2020 9:00AM', '', story, '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Despite everything, night trains return');
  });

  it('takes a headline the page prints twice when nothing near the body is one, and not a short recurring button', () => {
    const menu = Array.from({ length: 40 }, (_, k) => ` * section ${k + 1}`);
    const page = (head: string): string => [...menu, '', 'Follow us:', '', head, ...menu, '', ...STORY, '', 'Debate of the candidates at the university.', '', 'Photo:', '', 'Jane Doe', '', head, '', 'Debate of the candidates at the university.', '', 'The discussion was framed by six themes.', '', ...STORY].join('\n');
    expect(extractText(page('Candidates faced the questions of the students'), UTC).title?.value).toBe('Candidates faced the questions of the students');
    expect(extractText(page('Do it later'), UTC).title).toBeUndefined();
  });

  it('takes a headline that is one whole quotation in guillemets when a date line stands right below it', () => {
    const text = ['Menu', '', 'E-Paper', '', '«Good timetables alone are not enough»', '  07.11.2023 Ormalingen', 'Anna Berg, Marc Frei and Nicole Stein (from left) talked about the timetable. Picture Jane Doe', '', '', 'How the council keeps the trains attractive', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('«Good timetables alone are not enough»');
  });

  it('does not take the line under a picture’s zoom button ("click to enlarge") for the headline: it is the picture’s caption', () => {
    const ads = Array.from({ length: 12 }, (_, k) => `  "slot ${k}": "${k}",`);
    const lead = 'The Night Train Bar and Kitchen is busy right now. Its kitchen and its bar are the most talked about in Midtown by value and by volume.';
    const head = 'The night train restaurant goes beyond the familiar timetable';
    const text = ['Menu', '', 'Restaurant reviews', '', head, '', 'The second carriage opened in Midtown following the first in Ferndale', '', 'By Jane Doe on Thu, Nov 9, 2023 at 4:00 am', '', 'Send a News Tip', 'Share on Reddit', '', '[', ...ads, ']', '', 'click to enlarge', 'Night Train Bar & Kitchen', 'The seafood tower is among the unique menu items at the Night Train.', '', lead, '', ...STORY, '', 'Night Train Bar & Kitchen', '', ' * Night Train Bar & Kitchen, 123 Main St, Detroit'].join('\n');
    expect(extractText(text, UTC).title?.value).toBe(head);
  });

  it('reads a bulleted list whose levels end with a separator ("Receitas /") as a breadcrumb, and not a plain bulleted menu', () => {
    const bulleted = (levels: string[]): string[] => crumbPage('Quieter commute').map((l) => (l === ' 1. Home' ? levels.join('\n') : l)).filter((l) => !/^ [23]\. /.test(l));
    expect(titleWhenBodyStartsAt(bulleted([' * Home /', ' * Future of Work /', ' * A quieter commute ahead']), STORY[0] as string)).toBe('A quieter commute ahead');
    // (A plain list is a breadcrumb only when the line below it repeats its last item: not so here.)
    const plain = bulleted([' * Home', ' * Future of Work', ' * A quieter commute ahead']).filter((l, k, all) => !(l === 'A quieter commute ahead' && k > 0 && all[k - 2]?.endsWith(l)));
    expect(titleWhenBodyStartsAt(plain, STORY[0] as string)).toBe('Council approves the new timetable');
  });

  it('prefers a short headline that names the story to a nearer, longer line that shares one word with it', () => {
    // "Night trains return": all its words are the story's; "Council notes ...": one word of five.
    const lines = ['Menu', '', 'Night trains return', '', 'Council notes and short items today', '', ...STORY];
    expect(titleWhenBodyStartsAt(lines, STORY[0] as string)).toBe('Night trains return');
  });

  it('costs a line that holds a host name: a site labels itself so, a headline names its subject', () => {
    const review = ['Menu', '', 'Review of trains.example.co.uk', '', 'Jane Doe', '', '2 reviews', '', 'The new timetable has changed my commute....', '', ...STORY].join('\n');
    expect(extractText(review, UTC).title?.value).toBe('The new timetable has changed my commute....');
    const tagline = ['Menu', '', 'Regional trains at example.com', '', 'Night trains return', '', ...STORY].join('\n');
    expect(extractText(tagline, UTC).title?.value).toBe('Night trains return');
  });

  it('weighs a short line of long compound words as much as a headline of four words', () => {
    const story = [
      'Der Begriff des Imperialismus wird in der Debatte über die heutigen Konflikte wieder häufig verwendet, doch er erklärt wenig.',
      '',
      'Die Konflikte zwischen autoritären und westlichen Staaten lassen sich mit dem alten Begriff kaum noch fassen, meint der Autor.',
      '',
      'Das Phantom des Imperialismus verstellt den Blick auf die Kräfte, die heute wirklich am Werk sind, und auf ihre Widersprüche.',
    ];
    const text = ['Menu', '', 'Debatte über Begriffe und Staaten', '', 'Das Imperialismus-Phantom', '', ...story].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Das Imperialismus-Phantom');
  });

  it('keeps a headline over its byline as near to the story as the byline, whatever stands between the byline and the story', () => {
    const teasers = Array.from({ length: 12 }, (_, k) => [`Video ${k + 1}: passengers talk about the ${['morning', 'evening', 'night'][k % 3]} trains`, '']).flat();
    const text = ['Menu', '', 'Night trains return to the main line after two years', '', 'By Jane Doe, Rail Desk', '', 'Updated 12 March 2024', '', 'MUST WATCH', '', ...teasers, 'Passengers welcome the new timetable', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Night trains return to the main line after two years');
  });

  it('does not read a name written in camel case that the story uses too as menu links glued together', () => {
    const story = [
      'Mit der Initiative EnergieEffizienz können jetzt alle Verbraucher ganz einfach herausfinden, wo und wie sie in ihrem Haushalt Strom sparen können.',
      '',
      'Der Stromcheck dauert nur wenige Minuten und zeigt, welche Geräte im Haushalt am meisten Strom verbrauchen und was sich dagegen tun lässt.',
    ];
    const text = ['Menu', '', 'Home » Energie » Initiative EnergieEffizienz', '', 'Initiative EnergieEffizienz Kostenloser Stromcheck für private Haushalte', '', ...story].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Initiative EnergieEffizienz Kostenloser Stromcheck für private Haushalte');
    // A menu whose glued words the story does not use stays out.
    const menu = ['Menu', '', 'HomeNewsBusiness Kostenloser Stromcheck für private Haushalte', '', 'Stromcheck für alle Haushalte', '', ...story].join('\n');
    expect(extractText(menu, UTC).title?.value).toBe('Stromcheck für alle Haushalte');
  });

  it('takes a headline that ends with a date as a candidate, not as a date line', () => {
    const text = ['Menu', '', 'Verein', '', 'Minutes of the board meeting of 10 October 2019', '', 'By Jane Doe', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Minutes of the board meeting of 10 October 2019');
    const lines = (...texts: string[]) => buildUnits(normaliseInput(texts.join('\n\n'))).filter((u) => u.words > 0);
    const dated = lines('Minutes of the board meeting of 10 October 2019', 'Andacht zur Friedensdekade in der Gedächtniskirche, 11. November 2021, 18 Uhr', 'Fines for a lawyer who refused the mask 06.02.2022');
    expect(dated.map(isDatedHeadline)).toEqual([true, true, true]);
    // Date lines: a label, a date first, a name or a publication word after or before the date.
    const dateLines = lines('Last updated on 12 March 2024', '24.01.2022 - Meldung - Energiewende im Gebäudebereich', 'The Guardian 02/10/2020 Anna Fazackerley', 'Ein Artikel von Miriam Ruhenstroth, veröffentlicht am 23.01.2020', 'Stars (1 / 1) 06.11.2023 13:30 von Olga Symbolbild imago', 'Tine 2. Februar 2020 2. Februar 2020Radtouren Berlin');
    expect(dateLines.map(isDatedHeadline)).toEqual([false, false, false, false, false, false]);
    // "by" before a lower-case word is a byline only at the line's start ("by oz on ..."), not inside a headline.
    expect(lines('by oz on December 4, 2006', 'Three people hurt by falling masonry on 4 December 2006').map(isDatedHeadline)).toEqual([false, true]);
  });

  it('never takes a line of a fact box (two field lines or more in a row) for the headline', () => {
    const facts = ['Book details:', '', 'Pages: 448', '', 'Format: Paperback', '', 'Publisher: Heyne', '', 'Translator: Sonja Häußler', '', 'Price: 12,99 €', ''];
    const text = ['Saturday, 9 September 2017', '', '[Review] Love is War - Longing by R. K. Lilley', '', ...facts, ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('[Review] Love is War - Longing by R. K. Lilley');
    // A headline with a colon says more than a field's value: no fact box with the label under it.
    const colon = ['Menu', '', 'Lockdown: services go on under strict rules', '', 'Region: North', '', ...STORY].join('\n');
    expect(extractText(colon, UTC).title?.value).toBe('Lockdown: services go on under strict rules');
  });

  it('takes the line after a numbered breadcrumb whose levels all end with a separator as the page’s name, however short', () => {
    const crumb = [' 1. Travanto ›', ' 2. Deutschland ›', ' 3. Eifel ›', ' 4. Lierfeld ›', '', 'Ferienhaus Feinen', 'Keine Urlaubsangebote mehr verpassen!', ''];
    const text = ['Menu', '', 'Ferienhaus Feinen', '', 'Belegzeitenkalender / Reisezeitraum festlegen', '', ...STORY, '', ...crumb].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Ferienhaus Feinen');
    // Levels without separators: "4. Lierfeld" is the last item, a section's name.
    const plain = ['Menu', '', 'Ferienhaus Feinen', '', 'Belegzeitenkalender / Reisezeitraum festlegen', '', ...STORY, '', ...crumb.map((x) => x.replace(' ›', ''))].join('\n');
    expect(extractText(plain, UTC).title?.value).not.toBe('Ferienhaus Feinen');
  });

  // A breadcrumb as a list at the foot of the page names a short headline that its dek and a
  // byline block would otherwise outweigh.
  const footCrumbPage = (crumb: readonly string[]): string =>
    ['Menu', '', 'Night trains', '', 'How the region brings back the sleeper to the main line', '', 'Photo: Archive', '', 'Published in the newsletter', '', 'By Jane Doe', '', ...STORY, '', ...crumb, '', 'Contact us'].join('\n');

  it('weighs the last item of a bulleted breadcrumb from the home page, without separators, as the page’s name', () => {
    expect(extractText(footCrumbPage([' * Home', ' * Transport', ' * Night trains']), UTC).title?.value).toBe('Night trains');
  });

  it('does not read a longer bulleted list from the home page (a menu), or one above the story, as a breadcrumb', () => {
    expect(extractText(footCrumbPage([' * Home', ' * Transport', ' * Weather', ' * Sport', ' * Culture', ' * Night trains']), UTC).title?.value).toBe('How the region brings back the sleeper to the main line');
    const top = footCrumbPage([]).replace('Menu\n', ' * Home\n * Transport\n * Night trains\n');
    expect(extractText(top, UTC).title?.value).toBe('How the region brings back the sleeper to the main line');
  });

  it('names the page after a bulleted breadcrumb from the home page whose last item the next line repeats, even run on from a menu list above the story', () => {
    const page = (echo: string[]): string[] => [' * Home', ' * Contact', ' * Newsletter', '', ' * Home', ' * News', ' * A quieter commute ahead', '', ...echo, 'Menu', '', 'Council approves the new timetable', '', 'By Jane Doe, 12 March 2024', '', ...STORY];
    expect(titleWhenBodyStartsAt(page(['A quieter commute ahead', '']), STORY[0] as string)).toBe('A quieter commute ahead');
    // (Without the headline's copy right below, the list is a menu's tail like any other.)
    expect(titleWhenBodyStartsAt(page([]), STORY[0] as string)).toBe('Council approves the new timetable');
  });

  it('weighs the last item of a numbered breadcrumb as the page’s name, however short', () => {
    const text = ['Menu', '', 'Editorial team', '', 'Regional Transport Office', '', 'URL:', '', 'Transgenerational coaching', '', ...STORY, '', ' 1. Home', ' 2. Transport', ' 3. Transgenerational coaching'].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Transgenerational coaching');
  });

  it('takes a one-word headline over an epigraph set off as a quotation block', () => {
    const text = ['Suche nach:', '', 'Zeitreisen', '', '> “Wer den Zug verpasst, hat Zeit für den nächsten, und der kommt jetzt alle fünfzehn Minuten.”1', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Zeitreisen');
  });

  it('pays no anchor bonus to lines of a teaser list, each over its own date line', () => {
    const teasers = ['Harbour works start in the spring', 'A museum reopens its east wing', 'Cyclists ask for a safer bridge', 'The library extends its hours'].flatMap((t, k) => [t, '', `${10 - k} March 2024`, '']);
    const text = ['Menu', '', 'More from the region', '', ...teasers, 'Council approves a new timetable', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe('Council approves a new timetable');
  });

  it('does not charge a long headline as a dek when a shorter line stands below it (a dek stands below its headline)', () => {
    const head = 'Regional council says the new timetable will bring trains every fifteen minutes and night services back to the main line by spring';
    const text = ['Menu', '', head, '', 'Operators and unions were consulted for two years before the vote', '', 'By Jane Doe, 12 March 2024', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe(head);
  });
});

describe('a kicker the text rendering glued to the headline', () => {
  it.each([
    ['Mitteilung der Stadtverwaltung :Busse fahren ab Montag wieder', 'Busse fahren ab Montag wieder'],
    ['Neue Fahrpläne : Wie die Busse ab Montag fahren', 'Wie die Busse ab Montag fahren'],
    ['Tipps für den Garten Garten im Winter richtig schützen', 'Garten im Winter richtig schützen'],
    ['Hochbeet Hochbeet selber bauen', 'Hochbeet selber bauen'],
    ['---------------- Night trains return to the main line', 'Night trains return to the main line'],
    ['›Night trains return to the main line', 'Night trains return to the main line'],
    ['[> Night trains return', 'Night trains return'],
    // A kicker glued to a headline that is a quote; a breadcrumb glued by ">" or "›" with no space.
    ['Die Zukunft der Stadt"Wir bauen die Brücke neu"', '"Wir bauen die Brücke neu"'],
    ['Verkehr„Night trains return to the line“', '„Night trains return to the line“'],
    ['Forum>Bahn>Fahren die Nachtzüge wieder ?', 'Fahren die Nachtzüge wieder ?'],
    ['Home›Travel›Night trains return to the main line', 'Night trains return to the main line'],
  ])('cuts it off: %j', (title, headline) => {
    expect(withoutGluedKicker(title, 'de')).toBe(headline);
  });

  it.each([
    // French sets a space before its colon; a headline's own colon has none; two words are too few to stand alone.
    ['Transports : Les bus reprennent lundi matin', 'fr'],
    ['Fahrpläne: Wie die Busse ab Montag fahren', 'de'],
    ['Neue Fahrpläne : Busse fahren', 'de'],
    ['Urlaub auf Bora Bora', 'de'],
    // A word written three times, or doubled after five words, is no kicker's end.
    ['Budget Budget Budget für die Schulen der Stadt', 'de'],
    ['Rat der Stadt prüft neuen Plan Plan für Schulen und Straßen', 'de'],
    // A quote with a space before it, or one that does not end the headline, or too short a rest;
    // separators with spaces around them, or one step only.
    ['Bürgermeisterin: "Wir bauen die Brücke neu"', 'de'],
    ['Die Stadt"Wir bauen" die Brücke neu', 'de'],
    ['Brücke"Neu"', 'de'],
    ['Forum > Bahn > Fahren die Nachtzüge wieder?', 'de'],
    ['Bahn>Fahren die Nachtzüge wieder?', 'de'],
    ['Forum>Bahn>Nachtzüge', 'de'],
  ])('keeps %j as it is', (title, language) => {
    expect(withoutGluedKicker(title, language)).toBe(title);
  });

  it('gives the headline without its kicker and still drops the copies of the line as written', () => {
    const line = 'Neue Fahrpläne : Night trains return to the main line';
    const text = ['Menu', '', line, '', ...STORY, '', line].join('\n');
    const result = extractText(text, UTC);
    expect(result.title?.value).toBe('Night trains return to the main line');
    expect(result.paragraphs.map((p) => p.text)).not.toContain(line);
  });
});

describe('a glued kicker that another line of the page leaves out (r21)', () => {
  it('cuts it off when a navigation item writes the rest alone, the kicker after it', () => {
    const headline = 'Night trains return to the main line';
    const text = ['Menu', '', ' * Home', ' * Ratgeber', '', `${headline} - Rail news today`, '', `Rail news today ${headline}`, '', 'By Jane Doe, 12 March 2024', '', ...STORY].join('\n');
    expect(extractText(text, UTC).title?.value).toBe(headline);
  });

  const confirmed = (headline: string, other: string): string => {
    const units = buildUnits(normaliseInput(['Menu', '', other, '', headline, '', ...STORY].join('\n')));
    return withoutConfirmedKicker(headline, units, 5);
  };

  it.each([
    // The headline's own parts: a dash at the cut, a colon ending the kicker.
    ['Rail news – Night trains return to the main line', 'Home / Night trains return to the main line'],
    ['Rail news: Night trains return to the main line', 'Home / Night trains return to the main line'],
    // An article before the rest is no kicker.
    ['The Night Riders return to the main line', 'Home / Night Riders return to the main line'],
    // A line writes the whole headline as a part too.
    ['Rail news today Night trains return to the main line', 'Night trains return to the main line / Rail news today Night trains return to the main line'],
    // The rest would be two words; no line splits it off.
    ['Rail news today Night trains', 'Home / Night trains'],
    ['Rail news today Night trains return to the main line', 'Night trains return to the main line'],
  ])('keeps %j', (headline, other) => {
    expect(confirmed(headline, other)).toBe(headline);
  });

  it.each(['Home / Ratgeber / Night trains return to the main line', 'Night trains return to the main line | Rail news today'])('cuts the kicker a breadcrumb or an item confirms: %j', (other) => {
    expect(confirmed('Rail news today Night trains return to the main line', other)).toBe('Night trains return to the main line');
  });
});
