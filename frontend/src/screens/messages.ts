// The messages of the screens built on top of Customers, merged for i18n.ts.
import { authMessages } from '../auth/messages';
import { boardMessages } from './board/messages';
import { consoleMessages } from './console/messages';
import { customerFormMessages } from './customers/messages';
import { dealersMessages } from './dealers/messages';
import { dealsMessages } from './deals/messages';
import { exportMessages } from './export-messages';
import { importMessages } from './import-messages';
import { paletteMessages } from './palette-messages';
import { policyMessages } from './policy/messages';
import { territoriesMessages } from './territories/messages';

const all = [authMessages, paletteMessages, boardMessages, dealsMessages, dealersMessages, territoriesMessages, policyMessages, consoleMessages, customerFormMessages, importMessages, exportMessages] as const;

export const screenCatalog = {
  en: {
    ...authMessages.en,
    ...paletteMessages.en,
    ...boardMessages.en,
    ...dealsMessages.en,
    ...dealersMessages.en,
    ...territoriesMessages.en,
    ...policyMessages.en,
    ...consoleMessages.en,
    ...customerFormMessages.en,
    ...importMessages.en,
    ...exportMessages.en,
  },
  ru: Object.assign({}, ...all.map((m) => m.ru)) as Record<string, string | { one: string; other: string }>,
  bg: Object.assign({}, ...all.map((m) => m.bg)) as Record<string, string | { one: string; other: string }>,
};
