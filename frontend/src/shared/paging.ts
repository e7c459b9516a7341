// Cursor paging state for a server-side paged grid. Every fetch is tagged
// with the query key (filters + order) it was made for; a page that arrives
// for an older key is dropped, so a slow reply to a superseded search never
// mixes into the current rows.

export type Page<N> = {
  nodes: N[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
};

export type PagingState<N> = {
  key: string;
  items: N[];
  totalCount: number | null;
  hasNextPage: boolean;
  endCursor: string | null;
  loading: boolean;
  error: Error | null;
};

export type PagingAction<N> =
  | { type: 'reset'; key: string }
  | { type: 'fetch'; key: string }
  | { type: 'loaded'; key: string; after: string | null; page: Page<N> }
  | { type: 'failed'; key: string; error: Error };

export function initialPaging<N>(key: string): PagingState<N> {
  return { key, items: [], totalCount: null, hasNextPage: true, endCursor: null, loading: false, error: null };
}

export function pagingReducer<N>(state: PagingState<N>, action: PagingAction<N>): PagingState<N> {
  if (action.type === 'reset') return initialPaging<N>(action.key);
  if (action.key !== state.key) return state;
  switch (action.type) {
    case 'fetch':
      return { ...state, loading: true, error: null };
    case 'loaded':
      // A page continues the list only if it was asked after our last cursor;
      // anything else (a duplicate reply) is ignored rather than appended twice.
      if (action.after !== state.endCursor) return state;
      return {
        ...state,
        items: action.after === null ? action.page.nodes : state.items.concat(action.page.nodes),
        totalCount: action.page.totalCount,
        hasNextPage: action.page.hasNextPage,
        endCursor: action.page.endCursor ?? state.endCursor,
        loading: false,
        error: null,
      };
    case 'failed':
      return { ...state, loading: false, error: action.error };
  }
}

// shouldLoadMore says whether the grid, showing rows up to lastVisible, needs
// the next page now: near the end, more exists, nothing in flight, no error.
export function shouldLoadMore<N>(state: PagingState<N>, lastVisible: number, threshold = 20): boolean {
  return state.hasNextPage && !state.loading && !state.error && lastVisible >= state.items.length - threshold;
}
