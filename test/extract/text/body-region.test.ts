import { describe, expect, it } from 'vitest';
import { extractText } from '../../../src/extract/text/index.js';
import { FEATURE_NAMES } from '../../../src/extract/text/features.js';
import { defaultModel, type TextModel } from '../../../src/extract/text/model.js';

const UTC = { timezone: 'UTC', referenceDate: new Date('2026-06-01T00:00:00Z') } as const;

const menu = ['Skip to content', '', ' * Home', ' * News', ' * Sport', ' * Contact', ''];
const story = [
  'The council met on Tuesday evening to discuss the new budget for the coming year, which includes several changes to public transport.',
  '',
  'Members argued for more than three hours about the cost of the new bus lines and about who would pay for them in the end.',
  '',
  'In the end the budget passed with a narrow majority, and the first new lines are to start running in the spring of next year.',
  '',
];
const footer = ['', 'Share this:', ' * Facebook', ' * Twitter', '', 'Imprint | Privacy | Contact', ''];

function bodyOf(lines: readonly string[]): string[] {
  return extractText(lines.join('\n'), UTC).paragraphs.map((p) => p.text);
}

describe('the body region of a text page', () => {
  it('keeps the standfirst under the headline, across the picture and its credit before the story', () => {
    const standfirst = 'The city wants to spend more on buses and trams, and the opposition asks who will pay for it all in the end.';
    const body = bodyOf([
      ...menu,
      'Council passes budget with more buses',
      '',
      'By Jane Miller, 3 March 2024',
      '',
      standfirst,
      '',
      'A bus at the central station. Photo: City archive',
      'Image: City archive',
      '',
      ...story,
      ...footer,
    ]);
    expect(body[0]).toBe(standfirst);
    expect(body).toContain(story[0]);
  });

  it('keeps the standfirst between the headline and the byline over the story', () => {
    const standfirst = 'The city wants more buses and trams, and the opposition asks who will pay for them.';
    const body = bodyOf([...menu, 'Council passes budget with more buses', '', standfirst, '', 'By Jane Miller, 3 March 2024', '', ...story, ...footer]);
    expect(body[0]).toBe(standfirst);
    expect(body).not.toContain('By Jane Miller, 3 March 2024');
    expect(body).toContain(story[0]);
  });

  it('leaves out a dek under the headline that a picture, a share row and the date line separate from the story', () => {
    const dek = 'The city wants more buses and trams, and the opposition asks who will pay for them.';
    const body = bodyOf([...menu, 'Council passes budget with more buses', '', dek, '', 'A bus at the central station. Photo: City archive', 'Share', 'Tweet', 'Email', '', '3 March 2024', '', ...story, ...footer]);
    expect(body).not.toContain(dek);
    expect(body[0]).toBe(story[0]);
  });

  it('keeps a subtitle that stands right between the headline and the story, though it is no sentence', () => {
    const subtitle = 'Bus lines and trams for the whole city from next spring';
    const body = bodyOf([...menu, 'Council passes budget with more buses', '', subtitle, '', ...story, ...footer]);
    expect(body[0]).toBe(subtitle);
    expect(body[1]).toBe(story[0]);
  });

  it('leaves out a short line between the headline and the story (a link, an unread byline)', () => {
    const body = bodyOf([...menu, 'Council passes budget with more buses', '', 'Back to all posts', '', ...story, ...footer]);
    expect(body[0]).toBe(story[0]);
  });

  it('ends the story at a comment form whose heading the rules do not know', () => {
    const comment = 'What a lovely idea, we tried the new bus line last week and it was much faster than the old one to the station.';
    const form = ['Add your thoughts below, cancel reply', '', 'Name (required)', '', 'E-Mail (required)', '', 'Website', ''];
    const body = bodyOf([...menu, 'Council passes budget with more buses', '', ...story, ...form, 'Anna wrote:', '', comment, '', ...footer]);
    expect(body).toContain(story[4]);
    expect(body).not.toContain(comment);
  });

  it('reads a form over the dateline as part of the header, not as the end of the article', () => {
    const standfirst = 'The city wants more buses and trams next year, and the opposition asks who will pay for all of them in the end.';
    const header = ['Council passes budget with more buses', '', 'By Jane Miller', '', standfirst, '', 'Name (required)', 'Email (required)', 'Comment (required)', '', 'Submit', '', 'March 3, 2024 | 4:20am', ''];
    const result = extractText([...menu, ...header, ...story, ...footer].join('\n'), UTC);
    expect(result.title?.value).toBe('Council passes budget with more buses');
    expect(result.paragraphs.map((p) => p.text)).toEqual([standfirst, story[0], story[2], story[4]]);
  });

  it('takes a short post above a comment form, not the longer sidebar below the form', () => {
    const post = [
      'I would invest in smart charging posts for electric cars, and I wonder why nobody builds them.',
      '',
      'Thank you for the tip, and for the two per cent you promised me.',
      '',
    ];
    const form = ['Name *', '', 'Email *', '', 'Website', ''];
    const sidebar = [
      'About this blog',
      '',
      'This is the personal blog of a writer from Hamburg, with texts and pictures about travel, work and the people I meet.',
      '',
      'Most of the posts are short, and some of them are only pictures with a line or two about where they were taken.',
      '',
      'The series on young founders now has more than a dozen parts, with interviews, notes and many small lessons learned.',
      '',
    ];
    const body = bodyOf([...menu, 'Charging posts', '', ...post, ...form, ...sidebar, ...footer]);
    expect(body).toEqual([post[0], post[2]]);
  });

  it('reads a short © line under a picture inside the story as its credit, not as the end of the page', () => {
    const more = [
      'The new night tram will run every thirty minutes on Fridays and Saturdays, from midnight until five in the morning.',
      '',
      'Students will pay half the normal fare from the autumn, which the council says will cost about two million a year.',
      '',
      'The opposition voted against the plan and said it would raise the question of the cost again at the next meeting.',
      '',
    ];
    const body = bodyOf([...menu, 'Council passes budget with more buses', '', 'By Jane Miller, 3 March 2024', '', ...more, 'A bus at the central station.', '© Jon Prosser', '', ...story, ...footer, '© 2024 Example Media']);
    expect(body).toContain(more[0]);
    expect(body).toContain(story[0]);
    expect(body).not.toContain('© Jon Prosser');
  });

  it('keeps a list after the story that a short line ending in a colon introduces', () => {
    const body = bodyOf([...menu, 'Council passes budget with more buses', '', ...story, 'The budget in short:', ' * two new bus lines', ' * a night tram on weekends', ' * cheaper tickets for students', ...footer]);
    expect(body).toContain('The budget in short:');
    expect(body).toContain('cheaper tickets for students');
  });

  it('keeps the soft hyphens of the body and the headline as written, and reads the words they split as one', () => {
    const lines = [...menu, 'Council passes new bud\u00adget with more buses', '', `${story[0]?.replace('transport', 'trans\u00adport')}`, '', ...story.slice(2), ...footer];
    const result = extractText(lines.join('\n'), UTC);
    expect(result.title?.value).toBe('Council passes new bud\u00adget with more buses');
    expect(result.paragraphs.map((p) => p.text)).toEqual([story[0]?.replace('transport', 'trans\u00adport'), story[2], story[4]]);
    // The same page without them: the same region, the same decisions.
    const plain = extractText(lines.join('\n').replace(/\u00ad/g, ''), UTC);
    expect(result.paragraphs.map((p) => p.text.replace(/\u00ad/g, ''))).toEqual(plain.paragraphs.map((p) => p.text));
    expect(result.dropped.map((d) => d.rule)).toEqual(plain.dropped.map((d) => d.rule));
  });

  it('matches boilerplate phrases across a soft hyphen, and prints the dropped line as written', () => {
    const box = ['', 'Subscribe to our news\u00adletter', 'Sign up here to get the latest news delivered directly to your inbox.', ''];
    const result = extractText([...menu, 'Council passes budget', '', ...story, ...box, ...footer].join('\n'), UTC);
    expect(result.paragraphs.map((p) => p.text)).toEqual([story[0], story[2], story[4]]);
    const dropped = result.dropped.find((d) => d.text.includes('news\u00adletter'));
    expect(dropped?.rule).toBe('newsletter-box');
  });

  it('takes the article above a longer thread of dated posts, not the thread', () => {
    const replies = [
      'I have read this twice now and I still think the council should have asked the people who take the bus every day before it decided anything at all.',
      'The new lines do not go where people live, and the night tram will be empty most of the week while the buses in the morning are already full today.',
      'Cheaper tickets for students are a good idea, but the money has to come from somewhere, and I fear that it will be taken from the schools again.',
      'We have waited for a bus to our village for ten years, and once more it is not in the plan, so we will keep driving our cars to the station.',
    ];
    const posts = replies.flatMap((text, n) => [`${['Anna', 'Ben', 'Carla', 'Dieter'][n]} on 12 March 2024 at 10:5${n}`, '', `${text} ${text} ${text}`, '']);
    const body = bodyOf([...menu, 'Council passes budget with more buses', '', 'By Jane Miller, 3 March 2024', '', ...story, ...footer, ...posts, 'Imprint | Privacy | Contact']);
    expect(body).toContain(story[0]);
    expect(body.some((text) => text.includes('I have read this twice'))).toBe(false);
  });

  it('takes a short post over a long thread of dated replies that a list of links separates from it', () => {
    const replies = [
      'I have read this twice now and I still think the council should have asked the people who take the bus every day before it decided anything at all.',
      'The new lines do not go where people live, and the night tram will be empty most of the week while the buses in the morning are already full today.',
      'Cheaper tickets for students are a good idea, but the money has to come from somewhere, and I fear that it will be taken from the schools again.',
      'We have waited for a bus to our village for ten years, and once more it is not in the plan, so we will keep driving our cars to the station.',
    ];
    const names = ['Anna', 'Ben', 'Carla', 'Dieter', 'Emil', 'Frieda', 'Gustav', 'Hanna'];
    // Eight replies, each its name and date line over three of its sentences and a reply link: far more prose than the post.
    const posts = names.flatMap((name, n) => [`${name} on 12 March 2024 at 10:5${n}`, '', `As ${name} sees it: ${replies[n % 4]} ${replies[(n + 1) % 4]} ${replies[(n + 2) % 4]}`, '', 'Reply', '']);
    // The page's archive between the post and the replies: a list of links, no end marker.
    const archive = Array.from({ length: 60 }, (_, n) => ` * ${['Politics', 'Transport', 'Schools', 'Culture', 'Sport'][n % 5]}`);
    const body = bodyOf([...menu, 'Council passes budget with more buses', '', 'By Jane Miller, 3 March 2024', '', ...story, '', ...archive, '', ...posts, 'Imprint | Privacy | Contact']);
    expect(body).toContain(story[0]);
    expect(body).toContain(story[4]);
    expect(body.some((text) => text.includes('I have read this twice'))).toBe(false);
  });

  it('keeps the sections of a story under numbered headings with dates: they are not the posts of a thread', () => {
    const intro = [
      'The teachers of the region met on Tuesday evening, eighty of them from forty schools, to discuss the first week of the school year.',
      'They agreed that the new timetable leaves no room for the work in small groups that the schools had planned for the autumn.',
    ];
    const sections = [
      ['1) Press conference on Wednesday 11 September 2024', 'The assembly holds a press conference at the union hall at half past one, and it asks every school to send someone who can speak about the first week.'],
      ['2) Strike on Tuesday 24 September 2024', 'The assembly calls on all staff to join the strike, to hold meetings in every school before it, and to send delegates to the city-wide meeting in the evening.'],
      ['3) March for the climate on Friday 20 September 2024', 'The assembly supports the pupils who march for the climate on Friday, and it asks teachers to walk with them where their schools allow it during the day.'],
      ['4) Letters on Monday 30 September 2024', 'Everyone is asked to send a short account of the first weeks to the assembly, which will collect them and publish a report on the start of the year.'],
    ];
    const lines = [...menu, 'Teachers call for a strike', '', 'By Jane Miller, 10 September 2024', '', ...intro.flatMap((text) => [text, '']), ...sections.flatMap(([heading, text]) => [` * ${heading}`, '', text ?? '', '']), 'Imprint | Privacy | Contact'];
    const body = bodyOf(lines);
    expect(body).toContain(intro[0]);
    for (const [, text] of sections) expect(body).toContain(text);
  });

  it('keeps the list a sentence ending in a colon introduces after the story, its items bulleted with en dashes', () => {
    const items = ['–      Bus lines to the hospital and the university', '–      A night tram on weekends', '–      Cheaper tickets for students'];
    const body = bodyOf([...menu, 'Council passes budget with more buses', '', 'By Jane Miller, 3 March 2024', '', ...story, 'The plan includes these changes:', ...items, '', ...footer]);
    expect(body).toContain(story[4]);
    expect(body.slice(-3).map((text) => text.replace(/^– +/, ''))).toEqual(['Bus lines to the hospital and the university', 'A night tram on weekends', 'Cheaper tickets for students']);
  });

  it('drops a last line that opens with the name of the page’s author, in any language', () => {
    const bio = 'Jane Miller studierte Politik in Bonn und schreibt seit zehn Jahren über die Stadt und ihre Verkehrsbetriebe.';
    const body = bodyOf([...menu, 'Council passes budget with more buses', '', 'By Jane Miller, 3 March 2024', '', ...story, bio, ...footer]);
    expect(body).toContain(story[4]);
    expect(body).not.toContain(bio);
  });

  it('does not take one long paragraph before a legal footer (a cookie notice) for a whole article that discounts the story after it', () => {
    const notice = Array.from({ length: 9 }, (_, n) => `The operators of this website and their partners use cookies and similar techniques number ${n + 1} to store information on your device and to read it again later.`).join(' ');
    const article = [
      'The council met on Tuesday evening to discuss the new budget for the coming year, which includes several changes to public transport, more money for the schools in the north of the city, and a plan to repair the old bridge over the river before the winter comes and the ice makes the work impossible again.',
      'Members argued for more than three hours about the cost of the new bus lines and about who would pay for them in the end, since the state has promised only half of the money and the rest must come from higher parking fees, which the shop owners in the centre of town have already said they will fight in court.',
      'The mayor defended the plan and said that the night tram was chosen over a night bus because it will carry more people at a lower cost per trip once it is running, even though it costs the city more in the first few years, when the tracks have to be laid and the new trams bought from the only maker left.',
      'Students and older people are to get cheaper tickets from the autumn, a change that the youth council had asked for in a letter signed by more than two thousand people, and that the opposition now says it supports as well, although it voted against the same idea only last year when it was put forward.',
      'In the end the budget passed with a narrow majority of two votes, and the first new lines are to start running in the spring of next year, the second group of lines a year later, and the whole network, with the night tram and the new stops at the hospital and the university, by the end of the decade.',
    ];
    const body = bodyOf(['Cookie settings', '', notice, '', 'Imprint | Privacy | Contact', '', ...menu, 'Council passes budget with more buses', '', ...article.flatMap((text) => [text, '']), ...footer]);
    expect(body).toContain(article[0]);
    expect(body).toContain(article[4]);
    expect(body).not.toContain(notice);
  });

  it('widens the body over a neighbouring line the model is sure of that does not end like a sentence', () => {
    const last = 'After the vote the mayor said that the city would finally get the bus lines that people have been asking for since 2015 😉';
    const body = bodyOf([...menu, 'Council passes budget with more buses', '', 'By Jane Miller, 3 March 2024', '', ...story, last, '', ...footer]);
    expect(body).toContain(story[4]);
    expect(body[body.length - 1]).toBe(last);
  });

  it('drops a short sentence the model doubts strongly in the weak tail of the body (a sign-off prompt)', () => {
    // A model that reads length alone: the story's long paragraphs are sure body, a ten-word line is not.
    const base = defaultModel();
    const weights = FEATURE_NAMES.map((name) => (name === 'log-words' ? 4 : 0));
    const mean = FEATURE_NAMES.map((name) => (name === 'log-words' ? 3 : 0));
    const scale = FEATURE_NAMES.map(() => 1);
    const model: TextModel = { ...base, mean, scale, weights, modelWeight: 0 };
    const long = (text: string): string => `${text} ${text}`;
    const paragraphs = [long(story[0] as string), long(story[2] as string), long(story[4] as string)];
    const signoff = 'Please share this post with your friends if you liked it.';
    const lines = [...menu, 'Council passes budget with more buses', '', ...paragraphs.flatMap((text) => [text, '']), signoff, '', ...footer];
    const result = extractText(lines.join('\n'), { ...UTC, model });
    const body = result.paragraphs.map((p) => p.text);
    expect(body).toContain(paragraphs[2]);
    expect(body).not.toContain(signoff);
    expect(result.dropped.find((d) => d.text === signoff)?.rule).toBe('low-score');
  });

  it('starts the story under its headline when a long box set into it cut off its opening paragraphs', () => {
    const opening = [
      'As more universities report outbreaks on their campuses, experts warn that student halls are far too full to be safe this winter.',
      'The reopening of the universities has so far led to reported cases at more than sixty institutions across the whole country.',
    ];
    // A video strip of twenty teasers: too long for an inline related box (INLINE_BOX_REACH).
    const teasers = [
      'Snow expected in the hills tonight',
      'Train strike called off at the last minute',
      'Museum reopens after two years',
      'New bridge opens to cyclists',
      'Schools to close a week early',
      'Zoo welcomes a baby giraffe',
      'Storm damage on the coast road',
      'Record crowd at the city derby',
      'Market hall to be rebuilt',
      'Bus fares rise in January',
      'Forecast for Thursday: foggy and frosty',
      'Bikers throw stones at park staff',
      'Bars close early ahead of the lockdown',
      'Shielding will not be enforced this time',
      'Sixty jobs to go at the local factory',
      'Who needs to shield this winter',
      'Police try to calm crowds in the old town',
      'The health service moves to its highest alert level',
      'Woman arrested for taking her mother out of a care home',
      'Election results put the challenger on the verge of victory',
    ];
    const rest = [
      'A group of independent advisers said this week that its models showed the virus spreading far faster in crowded halls than anywhere else in the city.',
      'A former director of student services, who now advises universities on the student experience, says the halls should never have been filled this autumn.',
      'Students at several universities have started to organise a rent strike, asking to be released from contracts for rooms they no longer want to live in.',
      'The universities say that they are doing what they can and that most students are following the rules, wearing masks and keeping their distance.',
      'Vice-chancellors warn that closing the campuses now would hurt the students who depend on them most, and that the problems will not disappear by next term.',
    ];
    const body = bodyOf([
      ...menu,
      'Student halls too full to be safe, experts warn',
      '',
      '2 October 2020',
      '',
      ...opening.flatMap((text) => [text, '']),
      'What to watch next',
      '',
      ...teasers.flatMap((text) => [` * ${text}`, '', '   City News', '']),
      'Click to expand',
      'Replay Video',
      '',
      'UP NEXT',
      '',
      ...rest.flatMap((text) => [text, '']),
      ...footer,
    ]);
    expect(body).toEqual([...opening, ...rest]);
  });

  it('keeps a recipe’s list of amounts above its steps, with the names, sub-headings and times between them', () => {
    const steps = [
      'Heat the oven to 180 degrees and butter a round baking tin of about twenty-six centimetres across.',
      'Rub the butter into the flour with your fingertips until it looks like fine breadcrumbs, then stir in the sugar and the egg.',
      'Press the dough into the tin, spread the apples over it and bake for about forty minutes until the top is golden brown.',
    ];
    const body = bodyOf([
      ...menu,
      'Apple cake with a crumble top',
      '',
      'Ingredients',
      'for 12 pieces',
      '25 min.',
      'Preparation',
      'For the dough:',
      '250 g flour',
      '125 g butter',
      '1 egg',
      'For the topping:',
      '4 apples',
      '2 tbsp brown sugar',
      'Print this recipe',
      '',
      ...steps.flatMap((text) => [text, '']),
      ...footer,
    ]);
    expect(body).toContain('250 g flour');
    expect(body).toContain('2 tbsp brown sugar');
    expect(body).toContain('for 12 pieces');
    expect(body.slice(-3)).toEqual(steps);
    expect(body).not.toContain('Apple cake with a crumble top');
  });

  it('does not take a row of counts under the headline for a list of amounts: the story does not use its words', () => {
    const headline = 'Council passes budget with more buses';
    const result = extractText([...menu, headline, '', '12 photos', '340 readers', '5 min', '2 videos', '', ...story, ...footer].join('\n'), UTC);
    expect(result.title?.value).toBe(headline);
    expect(result.paragraphs.map((p) => p.text)).toEqual(story.filter((line) => line !== ''));
    expect(result.dropped.find((d) => d.text.startsWith('12 photos'))?.rule).toBe('outside-body');
  });

  it('ends a German story at a related heading worded as a sentence ("Das Thema könnte dich auch interessieren:")', () => {
    const geschichte = [
      'Der Gemeinderat hat am Dienstagabend lange über den neuen Haushalt für das kommende Jahr gestritten, der mehr Busse vorsieht.',
      '',
      'Mehr als drei Stunden ging es um die Kosten der neuen Linien und um die Frage, wer sie am Ende bezahlen soll.',
      '',
      'Am Ende wurde der Haushalt mit knapper Mehrheit beschlossen, und die ersten neuen Linien sollen im Frühjahr fahren.',
      '',
      'Die Opposition kündigte an, die Kosten der neuen Linien im nächsten Jahr noch einmal genau prüfen zu lassen.',
      '',
    ];
    const teaser = 'Die Stadtwerke erhöhen zum Jahreswechsel die Preise für Strom und Gas, und die Kunden werden schon bald informiert.';
    const body = bodyOf([...menu, 'Gemeinderat beschließt Haushalt mit mehr Bussen', '', ...geschichte, 'Das Thema könnte dich auch interessieren:', '', 'Stadtwerke erhöhen die Preise', teaser, '', ...footer]);
    expect(body).toEqual(geschichte.filter((line) => line !== ''));
  });

  it('drops a caption that opens with the picture’s zoom button from inside the story', () => {
    const caption = 'Vergrößern Eine kleine runde Aussparung für die Kamera im Display des neuen Telefons.';
    const result = extractText([...menu, 'Council passes budget with more buses', '', story[0], '', caption, '', ...story.slice(2), ...footer].join('\n'), UTC);
    expect(result.paragraphs.map((p) => p.text)).toEqual(story.filter((line) => line !== ''));
    expect(result.dropped.find((d) => d.text === caption)?.rule).toBe('image-caption');
  });

  it('drops a read-more lead alone on its line with the headline it promotes on the next line', () => {
    const result = extractText(
      [...menu, 'Council passes budget with more buses', '', story[0], '', story[2], '', 'Leggi anche:', '', 'La grande sete: due mesi senza pioggia', '', story[4], ...footer].join('\n'),
      UTC,
    );
    expect(result.paragraphs.map((p) => p.text)).toEqual(story.filter((line) => line !== ''));
    expect(result.dropped.find((d) => d.text.includes('La grande sete'))?.rule).toBe('read-more-promo');
  });

  it('reads a read-more lead without its colon ("Lee también...", "Lesen Sie auch") the same way', () => {
    for (const lead of ['Lee también...', 'Lesen Sie auch']) {
      const result = extractText(
        [...menu, 'Council passes budget with more buses', '', story[0], '', story[2], '', lead, '', '"A ver si se atreve a viajar": el cruce entre Matamala y Pérez', '', story[4], ...footer].join('\n'),
        UTC,
      );
      expect(result.paragraphs.map((p) => p.text), lead).toEqual(story.filter((line) => line !== ''));
    }
  });

  it('keeps a sentence after a read-more lead: only a headline is the promo’s link', () => {
    const result = extractText([...menu, 'Council passes budget with more buses', '', story[0], '', 'Lesen Sie auch:', '', story[2], '', story[4], ...footer].join('\n'), UTC);
    expect(result.paragraphs.map((p) => p.text)).toEqual(story.filter((line) => line !== ''));
  });

  it('drops a Finnish caption whose credit closes the line ("Kuva: Name")', () => {
    const caption = 'Angela Merkel ja Sanna Marin tapasivat keskiviikkona Berliinissä. Kuva: Alexander Becher';
    const result = extractText([...menu, 'Council passes budget with more buses', '', story[0], '', caption, '', ...story.slice(2), ...footer].join('\n'), UTC);
    expect(result.paragraphs.map((p) => p.text)).toEqual(story.filter((line) => line !== ''));
    expect(result.dropped.find((d) => d.text === caption)?.rule).toBe('image-caption');
  });
});
