// A dense, virtualised data grid: only the visible rows are in the DOM, so it
// stays smooth over tens of thousands of rows. Paging and sorting happen on
// the server; the grid reports how far the user has scrolled (onRangeEnd) and
// draws skeleton rows where data is still on its way, so nothing jumps.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

export type Column<R> = {
  id: string;
  header: string;
  /** A CSS grid track, e.g. "minmax(200px, 2fr)" or "90px". */
  width: string;
  /** The least width of the column in px; the grid scrolls sideways below the sum. */
  min: number;
  render: (row: R) => ReactNode;
  align?: 'start' | 'end' | 'center';
  /** Set when the server can sort by this column. */
  sortField?: string;
  title?: (row: R) => string | undefined;
};

export type Sort = { field: string; direction: 'ASC' | 'DESC' };

type Props<R> = {
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  /** Extra skeleton rows after the loaded ones. */
  pendingRows: number;
  selectedIndex: number;
  openKey?: string;
  onSelect: (index: number) => void;
  onOpen: (row: R) => void;
  onRangeEnd: (lastVisibleIndex: number) => void;
  sort: Sort;
  onSort: (sort: Sort) => void;
  sortLabel: (column: string) => string;
  rowHeight?: number;
  label: string;
  /** When this changes (new filter or sort) the grid scrolls back to the top. */
  resetKey?: string;
};

export function Grid<R>(p: Props<R>) {
  const rowHeight = p.rowHeight ?? 26;
  const headHeight = 26;
  const scroller = useRef<HTMLDivElement>(null);
  const count = p.rows.length + p.pendingRows;
  const v = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    // A sensible first window before layout has measured the scroller, so
    // the first paint already shows rows rather than an empty box.
    initialRect: { width: 1000, height: 800 },
    // The sticky header sits inside the scroller above the rows: it shifts
    // every row down by its height, so the last headHeight px of the
    // viewport are not room for rows when scrolling one into view.
    scrollPaddingEnd: headHeight,
  });
  const items = v.getVirtualItems();
  const last = items.length ? items[items.length - 1].index : 0;
  const onRangeEnd = p.onRangeEnd;
  useEffect(() => {
    onRangeEnd(last);
  }, [last, count, onRangeEnd]);

  useEffect(() => {
    if (p.selectedIndex >= 0) v.scrollToIndex(p.selectedIndex, { align: 'auto' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.selectedIndex]);

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [p.resetKey]);

  const template = p.columns.map((c) => c.width).join(' ');
  const minWidth = p.columns.reduce((sum, c) => sum + c.min, 0);

  return (
    <div
      className="grid"
      role="grid"
      aria-label={p.label}
      aria-rowcount={count + 1}
      data-loaded={p.rows.length}
      ref={scroller}
    >
      <div className="grid-head" role="row" style={{ gridTemplateColumns: template, minWidth, height: headHeight }}>
        {p.columns.map((c) => {
          const sorted = c.sortField && p.sort.field === c.sortField;
          const cls = `grid-hcell align-${c.align ?? 'start'}`;
          if (!c.sortField) {
            return (
              <div key={c.id} className={cls} role="columnheader">
                {c.header}
              </div>
            );
          }
          return (
            <div
              key={c.id}
              className={cls}
              role="columnheader"
              aria-sort={sorted ? (p.sort.direction === 'ASC' ? 'ascending' : 'descending') : 'none'}
            >
              <button
                type="button"
                className="grid-sort"
                title={p.sortLabel(c.header)}
                onClick={() =>
                  p.onSort({
                    field: c.sortField!,
                    direction: sorted && p.sort.direction === 'ASC' ? 'DESC' : 'ASC',
                  })
                }
              >
                {c.header}
                <span className="sort-mark" aria-hidden="true">
                  {sorted ? (p.sort.direction === 'ASC' ? '▲' : '▼') : ''}
                </span>
              </button>
            </div>
          );
        })}
      </div>
      <div className="grid-body" style={{ height: v.getTotalSize(), minWidth }}>
          {items.map((it) => {
            const row = p.rows[it.index];
            const style = {
              transform: `translateY(${it.start}px)`,
              height: rowHeight,
              gridTemplateColumns: template,
            };
            if (row === undefined) {
              return (
                <div key={it.key} className="grid-row skeleton-row" role="row" aria-busy="true" style={style}>
                  {p.columns.map((c) => (
                    <div key={c.id} className="grid-cell">
                      <span className="skeleton" />
                    </div>
                  ))}
                </div>
              );
            }
            const key = p.rowKey(row);
            const selected = it.index === p.selectedIndex;
            return (
              <div
                key={key}
                className={`grid-row${selected ? ' selected' : ''}${key === p.openKey ? ' open' : ''}`}
                role="row"
                aria-selected={selected}
                data-row-index={it.index}
                style={style}
                onMouseDown={() => p.onSelect(it.index)}
                onClick={() => p.onOpen(row)}
              >
                {p.columns.map((c) => (
                  <div key={c.id} className={`grid-cell align-${c.align ?? 'start'}`} role="gridcell" title={c.title?.(row)}>
                    {c.render(row)}
                  </div>
                ))}
              </div>
            );
          })}
      </div>
    </div>
  );
}
