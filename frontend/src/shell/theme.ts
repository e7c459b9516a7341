// Light and dark themes. With no saved choice the app follows the system
// (prefers-color-scheme); the header toggle saves an explicit choice.
import { useEffect, useState } from 'react';

export type Theme = 'light' | 'dark';
const storageKey = 'channelboard.theme';

function systemTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function useTheme(): [Theme, () => void] {
  const [saved, setSaved] = useState<Theme | null>(() => {
    const v = window.localStorage.getItem(storageKey);
    return v === 'light' || v === 'dark' ? v : null;
  });
  const [system, setSystem] = useState<Theme>(systemTheme);
  useEffect(() => {
    const mq = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!mq) return;
    const on = () => setSystem(mq.matches ? 'dark' : 'light');
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  const theme = saved ?? system;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const toggle = () => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    // Choosing the system's own theme goes back to following the system.
    if (next === system) window.localStorage.removeItem(storageKey);
    else window.localStorage.setItem(storageKey, next);
    setSaved(next === system ? null : next);
  };
  return [theme, toggle];
}
