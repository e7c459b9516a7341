import { describe, expect, it } from 'vitest';
import { initialPaging, pagingReducer, shouldLoadMore, type Page, type PagingState } from './paging';

type N = { id: string };
const page = (ids: string[], endCursor: string | null, hasNextPage: boolean, totalCount = 5): Page<N> => ({
  nodes: ids.map((id) => ({ id })),
  endCursor,
  hasNextPage,
  totalCount,
});

function run(state: PagingState<N>, ...actions: Parameters<typeof pagingReducer<N>>[1][]): PagingState<N> {
  return actions.reduce(pagingReducer<N>, state);
}

describe('pagingReducer', () => {
  it('appends pages in cursor order and stops at the last page', () => {
    const s = run(
      initialPaging<N>('k'),
      { type: 'fetch', key: 'k' },
      { type: 'loaded', key: 'k', after: null, page: page(['a', 'b'], 'c2', true) },
      { type: 'fetch', key: 'k' },
      { type: 'loaded', key: 'k', after: 'c2', page: page(['c', 'd', 'e'], 'c5', false) },
    );
    expect(s.items.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(s.totalCount).toBe(5);
    expect(s.hasNextPage).toBe(false);
    expect(s.loading).toBe(false);
    expect(shouldLoadMore(s, 4)).toBe(false);
  });

  it('drops a page that answers a superseded query', () => {
    const s = run(
      initialPaging<N>('old'),
      { type: 'fetch', key: 'old' },
      { type: 'reset', key: 'new' },
      { type: 'fetch', key: 'new' },
      { type: 'loaded', key: 'old', after: null, page: page(['stale'], 'x', true) },
    );
    expect(s.key).toBe('new');
    expect(s.items).toEqual([]);
    expect(s.loading).toBe(true);
  });

  it('ignores a duplicate reply for a cursor already consumed', () => {
    const s = run(
      initialPaging<N>('k'),
      { type: 'loaded', key: 'k', after: null, page: page(['a', 'b'], 'c2', true) },
      { type: 'loaded', key: 'k', after: 'c2', page: page(['c'], 'c3', true) },
      { type: 'loaded', key: 'k', after: 'c2', page: page(['c'], 'c3', true) },
    );
    expect(s.items.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(s.endCursor).toBe('c3');
  });

  it('keeps loaded rows on an error and stops auto-loading until retried', () => {
    const err = new Error('boom');
    const s = run(
      initialPaging<N>('k'),
      { type: 'loaded', key: 'k', after: null, page: page(['a', 'b'], 'c2', true) },
      { type: 'fetch', key: 'k' },
      { type: 'failed', key: 'k', error: err },
    );
    expect(s.items).toHaveLength(2);
    expect(s.error).toBe(err);
    expect(shouldLoadMore(s, 1)).toBe(false);
    expect(shouldLoadMore(run(s, { type: 'fetch', key: 'k' }), 1)).toBe(false);
  });

  it('asks for more only near the end of the loaded rows', () => {
    const rows = Array.from({ length: 100 }, (_, i) => String(i));
    const s = run(initialPaging<N>('k'), { type: 'loaded', key: 'k', after: null, page: page(rows, 'c100', true, 1000) });
    expect(shouldLoadMore(s, 40)).toBe(false);
    expect(shouldLoadMore(s, 85)).toBe(true);
  });
});
