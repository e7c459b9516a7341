// "Import CSV": choose a file, check it (a dry run that lists the bad rows
// by line), optionally skip the bad rows, import with a progress bar fed by
// the server's streamed progress, then the result. The director's only
// (access.ts 'data.import'); the server checks again.
import { useEffect, useRef, useState } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { Dialog } from './Dialog';
import { ImportFailedError, postImport, progressPercent, type BadRow, type ImportKind, type ImportProgress, type ImportResult } from './importCsv';
import { useErrorText } from './States';

type Props = {
  kind: ImportKind;
  onClose: () => void;
  // Called when rows were imported (the dialog stays open on the result).
  onImported: (result: ImportResult) => void;
};

type Stage = 'idle' | 'checking' | 'importing' | 'done';

// The bad rows shown; the rest are counted.
const shownBad = 200;

export function ImportDialog({ kind, onClose, onImported }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [skipBad, setSkipBad] = useState(false);
  const [stage, setStage] = useState<Stage>('idle');
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<{ message: string; bad: BadRow[] } | null>(null);
  // Answers to an earlier file or attempt are dropped.
  const attempt = useRef(0);
  const busy = stage === 'checking' || stage === 'importing';
  // The Import button is disabled while the import runs and after it:
  // focus goes to the button that stays, which becomes "Close".
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (stage === 'importing' || stage === 'done') closeButton.current?.focus();
  }, [stage]);

  const fail = (e: unknown) => {
    const err = e as Error;
    const message = err instanceof ImportFailedError && err.code === 'INCOMPLETE' ? t('import.incomplete') : errorText(err);
    setError({ message, bad: err instanceof ImportFailedError ? err.bad : [] });
  };

  const choose = (f: File | null) => {
    attempt.current++;
    setFile(f);
    setStage('idle');
    setChecked(null);
    setProgress(null);
    setResult(null);
    setError(null);
  };

  const check = async () => {
    if (!file || busy) return;
    const mine = ++attempt.current;
    setStage('checking');
    setChecked(null);
    setError(null);
    setResult(null);
    setProgress(null);
    try {
      const r = await postImport(kind, file, { dryRun: true }, (p) => mine === attempt.current && setProgress(p));
      if (mine !== attempt.current) return;
      setChecked(r);
    } catch (e) {
      if (mine === attempt.current) fail(e);
    }
    if (mine === attempt.current) {
      setStage('idle');
      setProgress(null);
    }
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file || busy || stage === 'done') return;
    const mine = ++attempt.current;
    setStage('importing');
    setError(null);
    setResult(null);
    setProgress({ phase: 'validate', done: 0, total: 0 });
    try {
      const r = await postImport(kind, file, { skipBad }, (p) => mine === attempt.current && setProgress(p));
      // The rows are in even if the dialog was closed meanwhile.
      onImported(r);
      if (mine !== attempt.current) return;
      setResult(r);
      setStage('done');
    } catch (err) {
      if (mine !== attempt.current) return;
      fail(err);
      setStage('idle');
    }
  };

  // The bad rows to show: of a refused import, else of the check.
  const bad = error?.bad.length ? error.bad : (checked?.bad ?? []);
  const rows = checked?.rows ?? 0;

  return (
    <Dialog title={t(`import.title.${kind}` as MessageKey)} onClose={onClose} wide testId="import-dialog">
      <form className="form" onSubmit={submit} noValidate aria-busy={busy || undefined}>
        <p className="dim">{t('import.hint')}</p>
        <label className="form-field">
          <span>{t('import.file')}</span>
          <input
            type="file"
            className="input file"
            accept=".csv,text/csv"
            disabled={busy}
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
            data-testid="import-file"
          />
        </label>
        <div className="radio-row">
          <button type="button" className="btn" onClick={() => void check()} disabled={!file || busy} data-testid="import-check">
            {stage === 'checking' ? t('import.checking') : t('import.check')}
          </button>
          <div role="status" aria-live="polite" className="import-status">
            {checked && checked.bad.length === 0 && (
              <span className="notice" data-testid="import-ready">
                {t('import.ready', { n: checked.rows })}
              </span>
            )}
          </div>
        </div>
        {bad.length > 0 && (
          <div className="import-bad" data-testid="import-bad">
            <table className="mini-table">
              <caption className="error-message">{t('import.badCount', { n: bad.length, rows: rows || bad.length })}</caption>
              <colgroup>
                <col className="c-line" />
                <col />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('import.col.line')}
                  </th>
                  <th scope="col">{t('import.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {bad.slice(0, shownBad).map((b) => (
                  <tr key={b.line} data-line={b.line}>
                    <td className="num">{b.line}</td>
                    <td title={b.reason}>{b.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {bad.length > shownBad && <p className="dim">{t('import.badMore', { n: bad.length - shownBad })}</p>}
          </div>
        )}
        <label className="radio">
          <input type="checkbox" checked={skipBad} disabled={busy || stage === 'done'} onChange={(e) => setSkipBad(e.target.checked)} data-testid="import-skip-bad" />
          {t('import.skipBad')}
        </label>
        {stage === 'importing' && progress && (
          <div className="import-progress">
            <progress
              max={100}
              value={progress.total > 0 ? progressPercent(progress) : undefined}
              aria-label={t('import.progress')}
              aria-describedby="import-phase"
              data-testid="import-progress"
            />
            <span id="import-phase" className="dim">
              {t(progress.total > 0 ? (`import.phase.${progress.phase}` as MessageKey) : 'import.phase.upload')}
            </span>
          </div>
        )}
        <div role="status" aria-live="polite">
          {result && (
            <span className="notice" data-testid="import-result" data-imported={result.imported} data-skipped={result.bad.length}>
              {t('import.done', { n: result.imported, skipped: result.bad.length })}
            </span>
          )}
        </div>
        {error && (
          <div className="error-message" role="alert" data-testid="import-error">
            {error.message}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="btn" ref={closeButton} onClick={onClose} data-testid="import-close">
            {stage === 'done' ? t('import.close') : t('form.cancel')}
          </button>
          <button type="submit" className="btn primary" disabled={!file || busy || stage === 'done'} data-testid="import-submit">
            {t('import.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
