// "Download CSV": a plain same-origin link to GET /export/{kind}.csv with the
// screen's filter (exportUrl.ts), so the browser downloads the file with the
// session cookie; no script, which suits the server's CSP.
import { useI18n } from '../i18n';
import { exportUrl, type ExportKind } from './exportUrl';

export function ExportLink<K extends ExportKind>({ kind, filter }: { kind: K; filter: Parameters<typeof exportUrl<K>>[1] }) {
  const { t } = useI18n();
  return (
    <a className="btn" href={exportUrl(kind, filter)} download={`${kind}.csv`} title={t('export.hint')} data-testid="export-csv">
      {t('export.action')}
    </a>
  );
}
