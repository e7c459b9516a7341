// One tiny translation layer: every user-visible string of the app goes
// through t(). English is complete and is the fallback for a key a locale
// lacks, so a missing translation shows English rather than a raw key.
import { createContext, createElement, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Entry, Plural } from './messages-types';
import { screenCatalog } from './screens/messages';

export type Locale = 'en' | 'ru' | 'bg';
export const locales: readonly Locale[] = ['en', 'ru', 'bg'];

// Each language's name in itself, for the language picker.
export const localeNames: Record<Locale, string> = { en: 'English', ru: 'Русский', bg: 'Български' };


// The shell's and the Customers grid's own messages; the screens' are merged in below.
const enCore = {
  'app.name': 'Channelboard',
  'app.tagline': 'Who owns each customer',
  'nav.board': 'Board',
  'nav.customers': 'Customers',
  'nav.territories': 'Territories',
  'nav.dealers': 'Dealers',
  'nav.deals': 'Deals',
  'nav.policy': 'Policy',
  'nav.console': 'Console',
  'nav.label': 'Main navigation',
  'theme.toLight': 'Switch to light theme',
  'theme.toDark': 'Switch to dark theme',
  'lang.label': 'Language',
  'soon.title': '{screen} is coming soon',
  'soon.body': 'This screen is part of the next release. The Customers screen works today.',
  'soon.open': 'Open Customers',
  'notFound.title': 'Nothing here',
  'notFound.body': 'The address {path} does not match any screen.',

  'customers.title': 'Customers',
  'customers.count': { one: '{n} customer', other: '{n} customers' },
  'customers.loadedOf': '{loaded} of {total} loaded',
  'customers.search': 'Search name or tax id',
  'customers.searchHint': 'Press / to search',
  'customers.filter.owner': 'Owner',
  'customers.filter.ownerAll': 'All owners',
  'customers.filter.ownerAnyDealer': 'Any dealer',
  'customers.filter.ownerDirect': 'Direct sales',
  'customers.filter.ownerUnassigned': 'Unassigned',
  'customers.filter.ownerDealer': 'A dealer…',
  'customers.filter.dealer': 'Dealer',
  'customers.filter.dealerSearch': 'Find a dealer',
  'customers.filter.dealerNone': 'No dealer matches',
  'customers.filter.region': 'Region',
  'customers.filter.regionAll': 'All regions',
  'customers.filter.clear': 'Clear filters',
  'customers.col.name': 'Name',
  'customers.col.taxId': 'Tax id',
  'customers.col.owner': 'Owner',
  'customers.col.ownerSince': 'Owner since',
  'customers.col.region': 'Region',
  'customers.col.segment': 'Segment',
  'customers.col.size': 'Size',
  'customers.col.keyAccount': 'Key',
  'customers.col.deals': 'Deals',
  'customers.col.created': 'Created',
  'customers.sortBy': 'Sort by {column}',
  'customers.keyAccount': 'Key account',
  'customers.keyAccountNoReason': 'Key account (no reason given)',
  'customers.empty.title': 'No customers match',
  'customers.empty.body': 'Try a shorter search or clear the filters.',
  'customers.empty.none': 'There are no customers yet.',
  'customers.error.title': 'Could not load customers',
  'customers.retry': 'Try again',
  'customers.keys': 'j/k or ↑/↓ move · Enter opens · Esc closes',

  'detail.close': 'Close',
  'detail.taxId': 'Tax id',
  'detail.region': 'Region',
  'detail.segment': 'Segment',
  'detail.size': 'Size',
  'detail.owner': 'Owner',
  'detail.since': 'since {date}',
  'detail.keyAccount': 'Key account',
  'detail.notKeyAccount': 'Not a key account',
  'detail.history': 'Ownership history',
  'detail.historyEmpty': 'No ownership changes recorded.',
  'detail.decidedBy': 'decided by {who}',
  'detail.deals': 'Deals',
  'detail.dealsShown': '{shown} of {total}',
  'detail.dealsEmpty': 'No deals for this customer.',
  'detail.deal.stage': 'Stage',
  'detail.deal.productLine': 'Product line',
  'detail.deal.amount': 'Amount',
  'detail.deal.channel': 'Channel',
  'detail.deal.registered': 'Registered',
  'detail.notFound': 'This customer does not exist or was removed.',
  'detail.error': 'Could not load the customer',
  'detail.none': '—',

  'owner.direct': 'Direct sales',
  'owner.unassigned': 'Unassigned',
  'owner.otherPartner': 'Another partner',
  'owner.hiddenCustomer': 'A customer you do not manage',
  'owner.otherPartners': { one: '{n} other partner', other: '{n} other partners' },
  'how.INITIAL': 'Initial owner',
  'how.TRANSFER': 'Transfer',
  'how.CONFLICT_RESOLUTION': 'Conflict resolution',
  'segment.INDUSTRIAL': 'Industrial',
  'segment.CONSTRUCTION': 'Construction',
  'segment.AGRICULTURE': 'Agriculture',
  'segment.UTILITIES': 'Utilities',
  'segment.RETAIL': 'Retail',
  'segment.PUBLIC': 'Public',
  'size.SMALL': 'Small',
  'size.MEDIUM': 'Medium',
  'size.LARGE': 'Large',
  'size.ENTERPRISE': 'Enterprise',
  'stage.PENDING_APPROVAL': 'Pending approval',
  'stage.REGISTERED': 'Registered',
  'stage.QUOTED': 'Quoted',
  'stage.WON': 'Won',
  'stage.LOST': 'Lost',
  'stage.CANCELLED': 'Cancelled',
  'channel.DEALER': 'Dealer',
  'channel.DIRECT': 'Direct',
  'error.network': 'The server did not answer: {message}',
  'error.http': 'The server answered {status}',
} satisfies Record<string, Entry>;

const en = { ...enCore, ...screenCatalog.en } satisfies Record<string, Entry>;

export type MessageKey = keyof typeof en;

// Every key of the app, from the complete English catalogue.
export const messageKeys = Object.keys(en) as MessageKey[];

const ru: Partial<Record<MessageKey, Entry>> = {
  'app.tagline': 'Кто владеет каждым клиентом',
  'nav.board': 'Конфликты',
  'nav.customers': 'Клиенты',
  'nav.territories': 'Территории',
  'nav.dealers': 'Дилеры',
  'nav.deals': 'Сделки',
  'nav.policy': 'Политика',
  'nav.console': 'Консоль',
  'nav.label': 'Главное меню',
  'theme.toLight': 'Светлая тема',
  'theme.toDark': 'Тёмная тема',
  'lang.label': 'Язык',
  'soon.title': 'Раздел «{screen}» скоро появится',
  'soon.body': 'Этот раздел войдёт в следующий выпуск. Раздел «Клиенты» уже работает.',
  'soon.open': 'Открыть клиентов',
  'notFound.title': 'Здесь ничего нет',
  'notFound.body': 'Адрес {path} не соответствует ни одному разделу.',

  'customers.title': 'Клиенты',
  'customers.count': { one: '{n} клиент', few: '{n} клиента', many: '{n} клиентов', other: '{n} клиента' },
  'customers.loadedOf': 'загружено {loaded} из {total}',
  'customers.search': 'Поиск по названию или ИНН',
  'customers.searchHint': 'Нажмите / для поиска',
  'customers.filter.owner': 'Владелец',
  'customers.filter.ownerAll': 'Все владельцы',
  'customers.filter.ownerAnyDealer': 'Любой дилер',
  'customers.filter.ownerDirect': 'Прямые продажи',
  'customers.filter.ownerUnassigned': 'Не назначен',
  'customers.filter.ownerDealer': 'Дилер…',
  'customers.filter.dealer': 'Дилер',
  'customers.filter.dealerSearch': 'Найти дилера',
  'customers.filter.dealerNone': 'Дилер не найден',
  'customers.filter.region': 'Регион',
  'customers.filter.regionAll': 'Все регионы',
  'customers.filter.clear': 'Сбросить фильтры',
  'customers.col.name': 'Название',
  'customers.col.taxId': 'ИНН',
  'customers.col.owner': 'Владелец',
  'customers.col.ownerSince': 'Владеет с',
  'customers.col.region': 'Регион',
  'customers.col.segment': 'Сегмент',
  'customers.col.size': 'Размер',
  'customers.col.keyAccount': 'Ключ.',
  'customers.col.deals': 'Сделки',
  'customers.col.created': 'Создан',
  'customers.sortBy': 'Сортировать по столбцу «{column}»',
  'customers.keyAccount': 'Ключевой клиент',
  'customers.keyAccountNoReason': 'Ключевой клиент (причина не указана)',
  'customers.empty.title': 'Нет подходящих клиентов',
  'customers.empty.body': 'Сократите запрос или сбросьте фильтры.',
  'customers.empty.none': 'Клиентов пока нет.',
  'customers.error.title': 'Не удалось загрузить клиентов',
  'customers.retry': 'Повторить',
  'customers.keys': 'j/k или ↑/↓ — выбор · Enter — открыть · Esc — закрыть',

  'detail.close': 'Закрыть',
  'detail.taxId': 'ИНН',
  'detail.region': 'Регион',
  'detail.segment': 'Сегмент',
  'detail.size': 'Размер',
  'detail.owner': 'Владелец',
  'detail.since': 'с {date}',
  'detail.keyAccount': 'Ключевой клиент',
  'detail.notKeyAccount': 'Не ключевой клиент',
  'detail.history': 'История владения',
  'detail.historyEmpty': 'Смен владельца не было.',
  'detail.decidedBy': 'решение: {who}',
  'detail.deals': 'Сделки',
  'detail.dealsShown': '{shown} из {total}',
  'detail.dealsEmpty': 'У клиента нет сделок.',
  'detail.deal.stage': 'Стадия',
  'detail.deal.productLine': 'Линейка',
  'detail.deal.amount': 'Сумма',
  'detail.deal.channel': 'Канал',
  'detail.deal.registered': 'Зарегистрирована',
  'detail.notFound': 'Такого клиента нет или он удалён.',
  'detail.error': 'Не удалось загрузить клиента',
  'detail.none': '—',

  'owner.direct': 'Прямые продажи',
  'owner.unassigned': 'Не назначен',
  'owner.otherPartner': 'Другой партнёр',
  'owner.hiddenCustomer': 'Клиент, которого вы не ведёте',
  'owner.otherPartners': { one: '{n} другой партнёр', few: '{n} других партнёра', many: '{n} других партнёров', other: '{n} другого партнёра' },
  'how.INITIAL': 'Первый владелец',
  'how.TRANSFER': 'Передача',
  'how.CONFLICT_RESOLUTION': 'Решение конфликта',
  'segment.INDUSTRIAL': 'Промышленность',
  'segment.CONSTRUCTION': 'Строительство',
  'segment.AGRICULTURE': 'Сельское хозяйство',
  'segment.UTILITIES': 'ЖКХ и энергетика',
  'segment.RETAIL': 'Розница',
  'segment.PUBLIC': 'Госсектор',
  'size.SMALL': 'Малый',
  'size.MEDIUM': 'Средний',
  'size.LARGE': 'Крупный',
  'size.ENTERPRISE': 'Корпорация',
  'stage.PENDING_APPROVAL': 'На согласовании',
  'stage.REGISTERED': 'Зарегистрирована',
  'stage.QUOTED': 'Предложение',
  'stage.WON': 'Выиграна',
  'stage.LOST': 'Проиграна',
  'stage.CANCELLED': 'Отменена',
  'channel.DEALER': 'Дилер',
  'channel.DIRECT': 'Напрямую',
  'error.network': 'Сервер не ответил: {message}',
  'error.http': 'Сервер ответил {status}',
  ...screenCatalog.ru,
};

// Bulgarian: complete key for key (the product name stays as is); the
// screens' texts are typed complete by screenMessages.
const bg: Record<Exclude<keyof typeof enCore, 'app.name'>, Entry> = {
  'app.tagline': 'Кой е собственик на всеки клиент',
  'nav.board': 'Конфликти',
  'nav.customers': 'Клиенти',
  'nav.territories': 'Територии',
  'nav.dealers': 'Дилъри',
  'nav.deals': 'Сделки',
  'nav.policy': 'Политика',
  'nav.console': 'Конзола',
  'nav.label': 'Основна навигация',
  'theme.toLight': 'Светла тема',
  'theme.toDark': 'Тъмна тема',
  'lang.label': 'Език',
  'soon.title': 'Разделът „{screen}“ предстои',
  'soon.body': 'Този раздел ще бъде включен в следващата версия. Разделът „Клиенти“ вече работи.',
  'soon.open': 'Към клиентите',
  'notFound.title': 'Тук няма нищо',
  'notFound.body': 'Адресът {path} не съответства на нито един раздел.',

  'customers.title': 'Клиенти',
  'customers.count': { one: '{n} клиент', other: '{n} клиенти' },
  'customers.loadedOf': 'заредени {loaded} от {total}',
  'customers.search': 'Търсене по наименование или ЕИК',
  'customers.searchHint': 'Натиснете / за търсене',
  'customers.filter.owner': 'Собственик',
  'customers.filter.ownerAll': 'Всички собственици',
  'customers.filter.ownerAnyDealer': 'Всеки дилър',
  'customers.filter.ownerDirect': 'Директни продажби',
  'customers.filter.ownerUnassigned': 'Без собственик',
  'customers.filter.ownerDealer': 'Конкретен дилър…',
  'customers.filter.dealer': 'Дилър',
  'customers.filter.dealerSearch': 'Търсене на дилър',
  'customers.filter.dealerNone': 'Няма съвпадащ дилър',
  'customers.filter.region': 'Регион',
  'customers.filter.regionAll': 'Всички региони',
  'customers.filter.clear': 'Изчисти филтрите',
  'customers.col.name': 'Наименование',
  'customers.col.taxId': 'ЕИК',
  'customers.col.owner': 'Собственик',
  'customers.col.ownerSince': 'Собственик от',
  'customers.col.region': 'Регион',
  'customers.col.segment': 'Сегмент',
  'customers.col.size': 'Размер',
  'customers.col.keyAccount': 'Ключов',
  'customers.col.deals': 'Сделки',
  'customers.col.created': 'Създаден',
  'customers.sortBy': 'Сортиране по „{column}“',
  'customers.keyAccount': 'Ключов клиент',
  'customers.keyAccountNoReason': 'Ключов клиент (без посочена причина)',
  'customers.empty.title': 'Няма съвпадащи клиенти',
  'customers.empty.body': 'Съкратете търсенето или изчистете филтрите.',
  'customers.empty.none': 'Все още няма клиенти.',
  'customers.error.title': 'Клиентите не можаха да се заредят',
  'customers.retry': 'Опитай отново',
  'customers.keys': 'j/k или ↑/↓ придвижване · Enter отваряне · Esc затваряне',

  'detail.close': 'Затвори',
  'detail.taxId': 'ЕИК',
  'detail.region': 'Регион',
  'detail.segment': 'Сегмент',
  'detail.size': 'Размер',
  'detail.owner': 'Собственик',
  'detail.since': 'от {date}',
  'detail.keyAccount': 'Ключов клиент',
  'detail.notKeyAccount': 'Не е ключов клиент',
  'detail.history': 'История на собствеността',
  'detail.historyEmpty': 'Няма записани смени на собственика.',
  'detail.decidedBy': 'решение на {who}',
  'detail.deals': 'Сделки',
  'detail.dealsShown': '{shown} от {total}',
  'detail.dealsEmpty': 'Клиентът няма сделки.',
  'detail.deal.stage': 'Етап',
  'detail.deal.productLine': 'Продуктова линия',
  'detail.deal.amount': 'Сума',
  'detail.deal.channel': 'Канал',
  'detail.deal.registered': 'Регистрирана',
  'detail.notFound': 'Този клиент не съществува или е премахнат.',
  'detail.error': 'Клиентът не можа да се зареди',
  'detail.none': '—',

  'owner.direct': 'Директни продажби',
  'owner.unassigned': 'Без собственик',
  'owner.otherPartner': 'Друг партньор',
  'owner.hiddenCustomer': 'Клиент, който не обслужвате',
  'owner.otherPartners': { one: '{n} друг партньор', other: '{n} други партньори' },
  'how.INITIAL': 'Първоначален собственик',
  'how.TRANSFER': 'Прехвърляне',
  'how.CONFLICT_RESOLUTION': 'Решение на конфликт',
  'segment.INDUSTRIAL': 'Промишленост',
  'segment.CONSTRUCTION': 'Строителство',
  'segment.AGRICULTURE': 'Селско стопанство',
  'segment.UTILITIES': 'Комунални услуги и енергетика',
  'segment.RETAIL': 'Търговия на дребно',
  'segment.PUBLIC': 'Публичен сектор',
  'size.SMALL': 'Малък',
  'size.MEDIUM': 'Среден',
  'size.LARGE': 'Голям',
  'size.ENTERPRISE': 'Корпоративен',
  'stage.PENDING_APPROVAL': 'Очаква одобрение',
  'stage.REGISTERED': 'Регистрирана',
  'stage.QUOTED': 'Оферирана',
  'stage.WON': 'Спечелена',
  'stage.LOST': 'Загубена',
  'stage.CANCELLED': 'Анулирана',
  'channel.DEALER': 'Дилър',
  'channel.DIRECT': 'Директно',
  'error.network': 'Сървърът не отговори: {message}',
  'error.http': 'Сървърът върна {status}',
};

const catalogs: Record<Locale, Partial<Record<MessageKey, Entry>>> = { en, ru, bg: { ...bg, ...screenCatalog.bg } };

// hasTranslation says whether locale has its own text for key (not the English fallback).
export function hasTranslation(locale: Locale, key: MessageKey): boolean {
  return catalogs[locale][key] !== undefined;
}

// entryOf is locale's own entry for key (a text or plural forms), undefined
// when the locale lacks it: for the catalogue tests.
export function entryOf(locale: Locale, key: MessageKey): Entry | undefined {
  return catalogs[locale][key];
}

export type Params = Record<string, string | number>;

// translate is the pure core of t(): used directly by tests and non-React code.
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  let entry: Entry = catalogs[locale][key] ?? en[key];
  if (typeof entry !== 'string') {
    const n = Number(params.n ?? 0);
    const form = new Intl.PluralRules(locale).select(n) as keyof Plural;
    entry = entry[form] ?? entry.other;
  }
  return entry.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? formatParam(locale, params[name]) : whole,
  );
}

function formatParam(locale: Locale, v: string | number): string {
  return typeof v === 'number' ? new Intl.NumberFormat(locale).format(v) : v;
}

// pickLocale maps the browser's preferences to a supported locale.
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if ((locales as readonly string[]).includes(base)) return base as Locale;
  }
  return 'en';
}

const storageKey = 'channelboard.locale';

function initialLocale(): Locale {
  if (typeof window === 'undefined') return 'en';
  const saved = window.localStorage.getItem(storageKey);
  if (saved && (locales as readonly string[]).includes(saved)) return saved as Locale;
  return pickLocale(navigator.languages ?? [navigator.language]);
}

export type T = (key: MessageKey, params?: Params) => string;

type I18n = { locale: Locale; t: T; setLocale: (l: Locale) => void };

const I18nContext = createContext<I18n>({
  locale: 'en',
  t: (key, params) => translate('en', key, params),
  setLocale: () => {},
});

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((l: Locale) => {
    window.localStorage.setItem(storageKey, l);
    setLocaleState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    // The lang attribute lets the browser pick the right glyphs and hyphenation.
    document.documentElement.lang = locale;
    return { locale, setLocale, t: (key, params) => translate(locale, key, params) };
  }, [locale, setLocale]);
  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
