import { describe, expect, it } from 'vitest';
import type { Plural } from './messages-types';
import { entryOf, hasTranslation, localeNames, locales, messageKeys, pickLocale, translate, type MessageKey } from './i18n';

describe('translate', () => {
  it('fills placeholders and formats numbers for the locale', () => {
    expect(translate('en', 'customers.loadedOf', { loaded: 100, total: 2000 })).toBe('100 of 2,000 loaded');
    expect(translate('ru', 'customers.loadedOf', { loaded: 100, total: 2000 }).replace(/\u00a0/g, ' ')).toBe(
      'загружено 100 из 2 000',
    );
    expect(translate('bg', 'customers.loadedOf', { loaded: 100, total: 12000 }).replace(/\u00a0/g, ' ')).toBe(
      'заредени 100 от 12 000',
    );
  });

  it('chooses plural forms by the rules of the language', () => {
    expect(translate('en', 'customers.count', { n: 1 })).toBe('1 customer');
    expect(translate('en', 'customers.count', { n: 3 })).toBe('3 customers');
    expect(translate('ru', 'customers.count', { n: 1 })).toBe('1 клиент');
    expect(translate('ru', 'customers.count', { n: 3 })).toBe('3 клиента');
    expect(translate('ru', 'customers.count', { n: 25 })).toBe('25 клиентов');
    expect(translate('ru', 'customers.count', { n: 21 })).toBe('21 клиент');
    expect(translate('bg', 'customers.count', { n: 1 })).toBe('1 клиент');
    expect(translate('bg', 'customers.count', { n: 3 })).toBe('3 клиенти');
    expect(translate('bg', 'customers.count', { n: 21 })).toBe('21 клиенти');
    expect(translate('bg', 'dealers.count', { n: 2 })).toBe('2 дилъра');
  });

  it('falls back to English for a key the locale lacks', () => {
    expect(translate('ru', 'app.name')).toBe('Channelboard');
    expect(translate('bg', 'app.name')).toBe('Channelboard');
  });

  it('picks a supported locale from the browser preferences', () => {
    expect(pickLocale(['ru-RU', 'en-US'])).toBe('ru');
    expect(pickLocale(['de-DE', 'en-GB'])).toBe('en');
    expect(pickLocale(['zh-CN'])).toBe('en');
    expect(pickLocale(['bg-BG', 'en-US'])).toBe('bg');
    expect(pickLocale(['bg'])).toBe('bg');
    expect(pickLocale(['de-DE', 'BG-bg', 'ru'])).toBe('bg');
  });

  it('names every language in itself for the picker', () => {
    expect(locales).toEqual(['en', 'ru', 'bg']);
    expect(localeNames.bg).toBe('Български');
    expect(new Set(locales.map((l) => localeNames[l])).size).toBe(locales.length);
  });
});

// Russian is complete for the shell and the Customers screen: every such
// key is translated, and keeps the English placeholders so no value is lost.
describe('Russian catalogue', () => {
  const keys = [
    'nav.board', 'nav.customers', 'nav.territories', 'nav.dealers', 'nav.deals', 'nav.policy', 'nav.console',
    'soon.title', 'customers.title', 'customers.search', 'customers.col.owner', 'detail.history', 'owner.direct',
    'owner.unassigned', 'how.TRANSFER', 'segment.AGRICULTURE', 'stage.WON',
  ] satisfies MessageKey[];
  it.each(keys)('translates %s', (key) => {
    expect(translate('ru', key, { screen: 'x' })).not.toBe(translate('en', key, { screen: 'x' }));
  });

  it('has every key of the app except the product name', () => {
    const missing = messageKeys.filter((k) => !hasTranslation('ru', k));
    expect(missing).toEqual(['app.name']);
  });

  it('keeps every placeholder of the English text', () => {
    expect(messageKeys.length).toBeGreaterThan(50);
    // With no values given, placeholders stay in the text and can be compared.
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of messageKeys) {
      expect(names(translate('ru', key)), key).toEqual(names(translate('en', key)));
    }
  });
});

// Bulgarian is complete: every key of the app has its own Bulgarian text
// (only the product name stays as is), with exactly the English placeholders,
// and every plural has the forms Bulgarian needs (Intl.PluralRules: one, other).
describe('Bulgarian catalogue', () => {
  const keys = [
    'nav.board', 'nav.customers', 'nav.territories', 'nav.dealers', 'nav.deals', 'nav.policy', 'nav.console',
    'board.title', 'customers.title', 'owner.direct', 'kind.PRICE_BELOW_FLOOR', 'dealerKind.DISTRIBUTOR', 'signin.title',
  ] satisfies MessageKey[];
  it.each(keys)('translates %s', (key) => {
    expect(translate('bg', key)).not.toBe(translate('en', key));
  });

  it('has every key of the app except the product name', () => {
    const missing = messageKeys.filter((k) => !hasTranslation('bg', k));
    expect(missing).toEqual(['app.name']);
  });

  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('keeps exactly the placeholders of the English text, in every form', () => {
    expect(messageKeys.length).toBeGreaterThan(400);
    for (const key of messageKeys) {
      const en = entryOf('en', key)!;
      const bg = entryOf('bg', key) ?? en;
      if (typeof en === 'string') {
        expect(typeof bg, key).toBe('string');
        expect(names(bg as string), key).toEqual(names(en));
      } else {
        expect(typeof bg, key).toBe('object');
        for (const form of Object.values(bg as Plural)) expect(names(form as string), key).toEqual(names(en.other));
      }
    }
  });

  it('gives every plural the forms Intl.PluralRules picks for Bulgarian', () => {
    const categories = new Intl.PluralRules('bg').resolvedOptions().pluralCategories;
    expect([...categories].sort()).toEqual(['one', 'other']);
    const plurals = messageKeys.filter((k) => typeof entryOf('en', k) === 'object');
    expect(plurals.length).toBeGreaterThan(15);
    for (const key of plurals) {
      const bg = entryOf('bg', key) as Record<string, unknown>;
      for (const c of categories) {
        expect(typeof bg[c], `${key} ${c}`).toBe('string');
        expect((bg[c] as string).trim(), `${key} ${c}`).not.toBe('');
      }
      // The number is in the text the reader sees, for both forms.
      expect(translate('bg', key, { n: 1, rows: 9, skipped: 0 }), key).toContain('1');
      expect(translate('bg', key, { n: 7, rows: 9, skipped: 0 }), key).toContain('7');
    }
  });

  it('uses Bulgarian Cyrillic, not Russian letters', () => {
    // ы, э and ё are not Bulgarian letters; a Russian text pasted in would show them.
    for (const key of messageKeys) expect(translate('bg', key), key).not.toMatch(/[ыэёЫЭЁ]/);
  });
});
