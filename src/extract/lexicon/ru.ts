import { type Lexicon, UNIT } from './types.js';

/**
 * Russian. Months in the nominative and the genitive that dates write ("5 марта 2021 г."), and
 * their abbreviations; the date patterns bound every word by Unicode letters, not `\b` (which is
 * ASCII-only and never ends a Cyrillic word).
 */
export const ru: Lexicon = {
  code: 'ru',
  months: [
    ['январь', 'января', 'янв.'],
    ['февраль', 'февраля', 'февр.', 'фев.'],
    ['март', 'марта', 'мар.'],
    ['апрель', 'апреля', 'апр.'],
    ['май', 'мая'],
    ['июнь', 'июня', 'июн.'],
    ['июль', 'июля', 'июл.'],
    ['август', 'августа', 'авг.'],
    ['сентябрь', 'сентября', 'сент.', 'сен.'],
    ['октябрь', 'октября', 'окт.'],
    ['ноябрь', 'ноября', 'нояб.', 'ноя.'],
    ['декабрь', 'декабря', 'дек.'],
  ],
  // Nominative and the accusative of "в среду" (the two-letter abbreviations are frequent words too).
  weekdays: [['понедельник'], ['вторник'], ['среда', 'среду'], ['четверг'], ['пятница', 'пятницу'], ['суббота', 'субботу'], ['воскресенье']],
  today: ['сегодня'],
  yesterday: ['вчера'],
  agoBefore: [],
  agoAfter: ['назад'],
  units: {
    минуту: UNIT.MINUTE,
    минуты: UNIT.MINUTE,
    минут: UNIT.MINUTE,
    мин: UNIT.MINUTE,
    час: UNIT.HOUR,
    часа: UNIT.HOUR,
    часов: UNIT.HOUR,
    день: UNIT.DAY,
    дня: UNIT.DAY,
    дней: UNIT.DAY,
    неделю: UNIT.WEEK,
    недели: UNIT.WEEK,
    недель: UNIT.WEEK,
  },
  bylineLeads: ['автор:', 'текст:'],
  author: {
    organisation: ['редакция'],
  },
  published: ['опубликовано', 'дата публикации'],
  updated: ['обновлено', 'изменено'],
  // "5 марта 2021 г. в 10:30", "5 марта 2021 года".
  dateJoiners: ['в', 'г.', 'года'],
  slashDayFirst: true,
  stopwords: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'это', 'как', 'из', 'за', 'для', 'он', 'она'],
  chrome: {
    adLabels: ['реклама'],
    // "Фото: Name", "Фото из открытых источников" (a photo "from" its source).
    creditNouns: ['фото', 'фотография', 'иллюстрация'],
    creditBy: ['из'],
    readMoreLeads: ['читайте также', 'смотрите также', 'читайте еще', 'читайте ещё'],
    commentHeading: [/^(?:добавить|оставить|написать) комментарий|^(?:\d+ )?комментари(?:й|ия|ев|и)$|^отменить ответ$/],
    relatedList: [/^(?:вам (?:также )?может быть интересно|читайте также|похожие (?:записи|статьи|новости)|популярные (?:записи|статьи)|свежие записи|рекомендуем)$/],
  },
};
