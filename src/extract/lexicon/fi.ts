import type { ChromeLanguage } from './types.js';

/** Finnish: the photo credit's "Kuva:" ("... Kuva: Jane Doe") and the promo's "Lue myös:", so far. */
export const fi: ChromeLanguage = {
  code: 'fi',
  chrome: {
    creditNouns: ['kuva', 'kuvat'],
    readMoreLeads: ['lue myös', 'lue lisää', 'lue seuraavaksi'],
  },
};
