// Ctrl+K (or ⌘K): jump to any screen, customer, dealer or live conflict by
// name. Customers and dealers are searched on the server; a customer's open
// conflicts are offered right under it.
import { useEffect, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { useAccess } from '../auth/SessionProvider';
import { useQuery } from '../graphql';
import { langForCountry } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { Dialog } from '../shared/Dialog';
import { useDebounced } from '../shared/useDebounced';
import { navFor } from './access';
import { PaletteQuery } from './palette';

type Item = { key: string; group: MessageKey; label: string; hint?: string; href: string; lang?: string };

export function CommandPalette() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return open ? <Palette onClose={() => setOpen(false)} /> : null;
}

function Palette({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 150);
  const [active, setActive] = useState(0);
  const { role, can } = useAccess();
  const navItems = navFor(role);
  const allDealers = can('dealers.all');
  const q = useQuery(PaletteQuery, { search }, { skip: search.length < 2 });

  const items = useMemo<Item[]>(() => {
    const needle = text.trim().toLowerCase();
    const screens: Item[] = navItems
      .filter((n) => !needle || t(n.label).toLowerCase().includes(needle))
      .map((n) => ({ key: n.path, group: 'palette.screens', label: t(n.label), href: n.path }));
    if (search.length < 2 || q.status !== 'ok') return screens;
    const out: Item[] = [];
    for (const e of q.data.customers.edges) {
      const c = e.node;
      out.push({ key: c.id, group: 'palette.customers', label: c.name, href: `/customers/${encodeURIComponent(c.id)}`, lang: langForCountry(c.country) });
    }
    for (const e of q.data.customers.edges) {
      for (const k of e.node.conflicts.slice(0, 3)) {
        out.push({ key: k.id, group: 'palette.conflicts', label: `${t(`kind.${k.kind}` as MessageKey)} — ${e.node.name}`, hint: t(`severity.${k.severity}` as MessageKey), href: `/board/${encodeURIComponent(k.id)}` });
      }
    }
    for (const e of allDealers ? q.data.dealers.edges : []) {
      out.push({ key: e.node.id, group: 'palette.dealers', label: e.node.name, hint: e.node.code, href: `/dealers/${encodeURIComponent(e.node.id)}` });
    }
    return [...screens, ...out];
  }, [text, search, q, t, navItems, allDealers]);

  useEffect(() => setActive(0), [items.length, search]);
  const go = (it: Item | undefined) => {
    if (!it) return;
    onClose();
    navigate(it.href);
  };

  let lastGroup = '';
  return (
    <Dialog title={t('palette.title')} onClose={onClose} testId="palette">
      <div className="palette">
        <input
          className="input palette-input"
          autoFocus
          placeholder={t('palette.placeholder')}
          aria-label={t('palette.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, items.length - 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
            else if (e.key === 'Enter') go(items[active]);
            else return;
            e.preventDefault();
          }}
          data-testid="palette-input"
        />
        <ul className="palette-list" role="listbox">
          {items.map((it, i) => {
            const head = it.group !== lastGroup ? <li className="palette-group" role="presentation">{t(it.group)}</li> : null;
            lastGroup = it.group;
            return (
              <PaletteRow key={it.group + it.key} head={head} item={it} active={i === active} onHover={() => setActive(i)} onPick={() => go(it)} />
            );
          })}
          {search.length >= 2 && q.status === 'ok' && items.length === 0 && <li className="combo-empty">{t('palette.none')}</li>}
          {search.length >= 2 && q.status === 'loading' && <li className="combo-empty">{t('palette.searching')}</li>}
        </ul>
        <div className="dim small">{t('palette.keys')}</div>
      </div>
    </Dialog>
  );
}

function PaletteRow({ head, item, active, onHover, onPick }: { head: React.ReactNode; item: Item; active: boolean; onHover: () => void; onPick: () => void }) {
  return (
    <>
      {head}
      <li
        role="option"
        aria-selected={active}
        className={active ? 'active' : undefined}
        onMouseMove={onHover}
        onMouseDown={(e) => {
          e.preventDefault();
          onPick();
        }}
        data-href={item.href}
      >
        <span lang={item.lang}>{item.label}</span> {item.hint && <span className="dim mono small">{item.hint}</span>}
      </li>
    </>
  );
}
