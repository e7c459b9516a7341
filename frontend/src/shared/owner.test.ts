import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { ownerChip } from './owner';

const en = (key: Parameters<typeof translate>[1]) => translate('en', key);
const ru = (key: Parameters<typeof translate>[1]) => translate('ru', key);
const bg = (key: Parameters<typeof translate>[1]) => translate('bg', key);

describe('ownerChip', () => {
  it('labels a dealer owner with the dealer name in the dealer colour', () => {
    expect(ownerChip({ kind: 'DEALER', dealer: { name: 'Агро Инвест Ямбол ЕООД' } }, en)).toEqual({
      label: 'Агро Инвест Ямбол ЕООД',
      tone: 'dealer',
    });
  });

  it('labels direct and unassigned owners in their own colours and language', () => {
    expect(ownerChip({ kind: 'DIRECT' }, en)).toEqual({ label: 'Direct sales', tone: 'direct' });
    expect(ownerChip({ kind: 'UNASSIGNED', dealer: null }, en)).toEqual({ label: 'Unassigned', tone: 'unassigned' });
    expect(ownerChip({ kind: 'DIRECT' }, ru).label).toBe('Прямые продажи');
    expect(ownerChip({ kind: 'DIRECT' }, bg).label).toBe('Директни продажби');
    expect(ownerChip({ kind: 'UNASSIGNED' }, bg).label).toBe('Без собственик');
  });

  it('gives the three kinds three different tones', () => {
    const tones = new Set((['DEALER', 'DIRECT', 'UNASSIGNED'] as const).map((kind) => ownerChip({ kind }, en).tone));
    expect(tones.size).toBe(3);
  });

  it('shows a dealer the viewer may not see as "another partner", never blank', () => {
    expect(ownerChip({ kind: 'DEALER', dealer: null }, en)).toEqual({ label: 'Another partner', tone: 'dealer' });
    expect(ownerChip({ kind: 'DEALER', dealer: null }, ru).label).toBe('Другой партнёр');
    expect(ownerChip({ kind: 'DEALER', dealer: null }, bg).label).toBe('Друг партньор');
  });
});
