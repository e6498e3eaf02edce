import { type Lexicon, UNIT } from './types.js';

export const nl: Lexicon = {
  code: 'nl',
  months: [
    ['januari', 'jan.'],
    ['februari', 'feb.'],
    ['maart', 'mrt.'],
    ['april', 'apr.'],
    ['mei'],
    ['juni', 'jun.'],
    ['juli', 'jul.'],
    ['augustus', 'aug.'],
    ['september', 'sep.', 'sept.'],
    ['oktober', 'okt.'],
    ['november', 'nov.'],
    ['december', 'dec.'],
  ],
  weekdays: [['maandag'], ['dinsdag'], ['woensdag'], ['donderdag'], ['vrijdag'], ['zaterdag'], ['zondag']],
  today: ['vandaag'],
  yesterday: ['gisteren'],
  agoBefore: [],
  agoAfter: ['geleden'],
  units: { minuut: UNIT.MINUTE, minuten: UNIT.MINUTE, min: UNIT.MINUTE, uur: UNIT.HOUR, uren: UNIT.HOUR, dag: UNIT.DAY, dagen: UNIT.DAY, week: UNIT.WEEK, weken: UNIT.WEEK },
  bylineLeads: ['door', 'geschreven door', 'auteur:'],
  published: ['gepubliceerd', 'geplaatst', 'datum'],
  updated: ['bijgewerkt', 'laatst bijgewerkt', 'gewijzigd'],
  dateJoiners: ['op', 'om', 'uur', 'van'],
  slashDayFirst: true,
  stopwords: ['de', 'het', 'een', 'en', 'van', 'niet', 'dat', 'voor', 'zijn', 'met', 'ik', 'je', 'op'],
  chrome: {
    htmlBlock: [/^(?:\d+\s*)?leestijd\b.{0,25}$/i],
  },
};
