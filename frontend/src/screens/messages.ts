// The messages of the screens built on top of Customers, merged for i18n.ts.
import { boardMessages } from './board/messages';
import { consoleMessages } from './console/messages';
import { dealersMessages } from './dealers/messages';
import { dealsMessages } from './deals/messages';
import { paletteMessages } from './palette-messages';
import { policyMessages } from './policy/messages';
import { territoriesMessages } from './territories/messages';

const all = [paletteMessages, boardMessages, dealsMessages, dealersMessages, territoriesMessages, policyMessages, consoleMessages] as const;

export const screenCatalog = {
  en: { ...paletteMessages.en, ...boardMessages.en, ...dealsMessages.en, ...dealersMessages.en, ...territoriesMessages.en, ...policyMessages.en, ...consoleMessages.en },
  ru: Object.assign({}, ...all.map((m) => m.ru)) as Record<string, string | { one: string; other: string }>,
};
