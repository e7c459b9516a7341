// A resizable two-pane layout (list | detail). The divider can be dragged or
// moved with the arrow keys; the width is remembered per pane id.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

type Props = {
  id: string;
  left: ReactNode;
  right: ReactNode | null;
  initialRight?: number;
  minLeft?: number;
  minRight?: number;
  label: string;
};

export function SplitPane({ id, left, right, initialRight = 440, minLeft = 320, minRight = 300, label }: Props) {
  const storageKey = `channelboard.split.${id}`;
  const [rightWidth, setRightWidth] = useState<number>(() => {
    const saved = Number(window.localStorage.getItem(storageKey));
    return saved > 0 ? saved : initialRight;
  });
  const box = useRef<HTMLDivElement>(null);

  const clamp = useCallback(
    (w: number) => {
      const total = box.current?.clientWidth ?? 1200;
      return Math.round(Math.max(minRight, Math.min(w, total - minLeft)));
    },
    [minLeft, minRight],
  );

  useEffect(() => {
    window.localStorage.setItem(storageKey, String(rightWidth));
  }, [storageKey, rightWidth]);

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => {
      const rect = box.current!.getBoundingClientRect();
      setRightWidth(clamp(rect.right - ev.clientX));
    };
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? 64 : 16;
    if (e.key === 'ArrowLeft') setRightWidth((w) => clamp(w + step));
    else if (e.key === 'ArrowRight') setRightWidth((w) => clamp(w - step));
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="split" ref={box}>
      <div className="split-left">{left}</div>
      {right && (
        <>
          <div
            className="split-divider"
            role="separator"
            aria-orientation="vertical"
            aria-label={label}
            aria-valuenow={rightWidth}
            tabIndex={0}
            onPointerDown={onPointerDown}
            onKeyDown={onKeyDown}
          />
          <div className="split-right" style={{ width: rightWidth }}>
            {right}
          </div>
        </>
      )}
    </div>
  );
}
