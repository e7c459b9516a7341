import { describe, expect, it } from 'vitest';
import { hasTranslation, messageKeys, pickLocale, translate, type MessageKey } from './i18n';

describe('translate', () => {
  it('fills placeholders and formats numbers for the locale', () => {
    expect(translate('en', 'customers.loadedOf', { loaded: 100, total: 2000 })).toBe('100 of 2,000 loaded');
    expect(translate('ru', 'customers.loadedOf', { loaded: 100, total: 2000 }).replace(/\u00a0/g, ' ')).toBe(
      'загружено 100 из 2 000',
    );
  });

  it('chooses plural forms by the rules of the language', () => {
    expect(translate('en', 'customers.count', { n: 1 })).toBe('1 customer');
    expect(translate('en', 'customers.count', { n: 3 })).toBe('3 customers');
    expect(translate('ru', 'customers.count', { n: 1 })).toBe('1 клиент');
    expect(translate('ru', 'customers.count', { n: 3 })).toBe('3 клиента');
    expect(translate('ru', 'customers.count', { n: 25 })).toBe('25 клиентов');
    expect(translate('ru', 'customers.count', { n: 21 })).toBe('21 клиент');
  });

  it('falls back to English for a key the locale lacks', () => {
    expect(translate('ru', 'app.name')).toBe('Channelboard');
  });

  it('picks a supported locale from the browser preferences', () => {
    expect(pickLocale(['ru-RU', 'en-US'])).toBe('ru');
    expect(pickLocale(['de-DE', 'en-GB'])).toBe('en');
    expect(pickLocale(['zh-CN'])).toBe('en');
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
