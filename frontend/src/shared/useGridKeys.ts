// Keyboard for a list screen, like a desktop list: / focuses the filter,
// j/k or the arrows move, Enter opens, Esc closes the detail (or leaves a field).
import { useEffect, useRef, type RefObject } from 'react';

type Opts = {
  count: number;
  setSelected: (f: (s: number) => number) => void;
  onEnter: () => void;
  onEscape?: () => void;
  search?: RefObject<HTMLInputElement | null>;
  /** Off while a dialog owns the keyboard. */
  enabled?: boolean;
};

export function useGridKeys(o: Opts) {
  const ref = useRef(o);
  ref.current = o;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const p = ref.current;
      if (p.enabled === false || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const el = e.target as HTMLElement;
      const typing = el.matches('input, select, textarea, [contenteditable="true"]');
      if (e.key === 'Escape') {
        if (typing) el.blur();
        else p.onEscape?.();
        return;
      }
      if (typing) return;
      switch (e.key) {
        case '/':
          if (!p.search?.current) return;
          p.search.current.focus();
          p.search.current.select();
          break;
        case 'j':
        case 'ArrowDown':
          p.setSelected((s) => Math.min(s + 1, p.count - 1));
          break;
        case 'k':
        case 'ArrowUp':
          p.setSelected((s) => Math.max(s - 1, 0));
          break;
        case 'Enter':
          if (el.matches('button, a, summary')) return;
          p.onEnter();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
