// The Analyst console: GraphiQL against this server's /graphql, bundled (no
// CDN) and loaded only when the screen is opened (App.tsx imports it lazily).
// GraphiQL 4 edits with CodeMirror 5: no web workers, no eval, so it runs under
// the server's CSP (script-src 'self'). Its embedded web fonts are stripped at
// build time (vite.config.ts): font-src falls back to 'self', which refuses
// data: fonts; the console uses the app's system fonts instead.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { useEditorContext } from '@graphiql/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { notifyUnauthenticated } from '../../auth/session';
import { useI18n } from '../../i18n';
import { consoleExamples } from './examples';
import './console.css';

type Editors = ReturnType<typeof useEditorContext>;

// watchSession is GraphiQL's fetch: an answer that says the session ended
// sends the app back to sign-in, as the screens' own requests do.
const watchSession: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  if (res.status === 401) {
    notifyUnauthenticated();
  } else if (res.headers.get('content-type')?.includes('application/json')) {
    const body = (await res.clone().json().catch(() => null)) as { errors?: { extensions?: { code?: string } }[] } | null;
    if (body?.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) notifyUnauthenticated();
  }
  return res;
};

// EditorBridge sits inside GraphiQL (its toolbar) and hands the editor
// context out, so the saved-query menu in the app's toolbar can fill the editor.
function EditorBridge({ onEditors }: { onEditors: (e: Editors) => void }) {
  const editors = useEditorContext({ nonNull: true });
  useEffect(() => onEditors(editors), [editors, onEditors]);
  return null;
}

// useDocumentTheme follows the app's theme (data-theme on <html>).
function useDocumentTheme(): 'light' | 'dark' {
  const read = () => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');
  const [theme, setTheme] = useState<'light' | 'dark'>(read);
  useEffect(() => {
    const mo = new MutationObserver(() => setTheme(read()));
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => mo.disconnect();
  }, []);
  return theme;
}

export function ConsoleScreen() {
  const { t } = useI18n();
  const fetcher = useMemo(() => createGraphiQLFetcher({ url: '/graphql', fetch: watchSession }), []);
  const editors = useRef<Editors | null>(null);
  const onEditors = useMemo(() => (e: Editors) => {
    editors.current = e;
  }, []);
  const theme = useDocumentTheme();
  const [picked, setPicked] = useState('');

  const open = (id: string) => {
    setPicked('');
    const ex = consoleExamples.find((e) => e.id === id);
    const ctx = editors.current;
    if (!ex || !ctx) return;
    ctx.queryEditor?.setValue(ex.query);
    ctx.variableEditor?.setValue('');
    ctx.queryEditor?.focus();
  };

  return (
    <div className="screen console" data-testid="console">
      <div className="toolbar">
        <h1 className="screen-title">{t('console.title')}</h1>
        <select
          className="input"
          aria-label={t('console.examples')}
          title={t('console.examples')}
          value={picked}
          onChange={(e) => open(e.target.value)}
          data-testid="console-examples"
        >
          <option value="" disabled>
            {t('console.examplesPick')}
          </option>
          {consoleExamples.map((ex) => (
            <option key={ex.id} value={ex.id}>
              {t(ex.label)}
            </option>
          ))}
        </select>
        <span className="console-hint">{t('console.hint')}</span>
      </div>
      <div className="console-body">
        <GraphiQL
          fetcher={fetcher}
          defaultQuery={t('console.default')}
          forcedTheme={theme}
          isHeadersEditorEnabled={false}
          shouldPersistHeaders={false}
        >
          <GraphiQL.Toolbar>
            {({ prettify, copy, merge }) => (
              <>
                {prettify}
                {merge}
                {copy}
                <EditorBridge onEditors={onEditors} />
              </>
            )}
          </GraphiQL.Toolbar>
        </GraphiQL>
      </div>
    </div>
  );
}
