// usePaged drives a server-paged grid: it loads the first page whenever the
// query key (filters + order) changes, the next page when the grid scrolls
// near the end, and drops replies to superseded keys (see paging.ts).
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { initialPaging, pagingReducer, shouldLoadMore, type Page, type PagingState } from './paging';

export type PageFetcher<N> = (key: string, after: string | null) => Promise<Page<N>>;

export function usePaged<N>(key: string, fetcher: PageFetcher<N>) {
  const [paging, dispatch] = useReducer(pagingReducer<N>, key, initialPaging<N>);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const inflight = useRef('');
  const fetchPage = useCallback((k: string, after: string | null) => {
    const tag = `${k}|${after}`;
    if (inflight.current === tag) return;
    inflight.current = tag;
    dispatch({ type: 'fetch', key: k });
    fetcherRef.current(k, after).then(
      (page) => {
        if (inflight.current === tag) inflight.current = '';
        dispatch({ type: 'loaded', key: k, after, page });
      },
      (error: Error) => {
        if (inflight.current === tag) inflight.current = '';
        dispatch({ type: 'failed', key: k, error });
      },
    );
  }, []);

  const [nonce, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    dispatch({ type: 'reset', key });
    inflight.current = '';
    fetchPage(key, null);
  }, [key, nonce, fetchPage]);

  const ref = useRef<PagingState<N>>(paging);
  ref.current = paging;
  const onRangeEnd = useCallback(
    (last: number) => {
      const p = ref.current;
      if (p.items.length > 0 && shouldLoadMore(p, last)) fetchPage(p.key, p.endCursor);
    },
    [fetchPage],
  );
  const retry = useCallback(() => fetchPage(ref.current.key, ref.current.endCursor), [fetchPage]);
  return { paging, pagingRef: ref, onRangeEnd, retry, reload: bump };
}

// pendingRowsFor says how many skeleton rows the grid draws after the loaded ones.
export function pendingRowsFor<N>(p: PagingState<N>, firstLoad = 20): number {
  if (p.error) return 0;
  if (p.items.length === 0 && p.totalCount === null) return firstLoad;
  return p.hasNextPage ? Math.max(0, Math.min(20, (p.totalCount ?? 0) - p.items.length)) : 0;
}
