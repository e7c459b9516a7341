// Importing a CSV file through POST /import/{kind} (server/importcsv.go): the
// file is the body, and the answer is newline-delimited JSON read as it
// streams: progress lines {"phase","done","total"}, then one last line,
// {"result":…} or {"error":…}. A request refused before the file is read
// (not signed in, not allowed, wrong type, too large, not UTF-8) is answered
// like the API's other errors: {"errors":[{"message","extensions":{"code"}}]}.
import { notifyUnauthenticated } from '../auth/session';
import { GraphQLRequestError } from '../graphql';

export type ImportKind = 'customers' | 'deals' | 'dealers';
export type ImportPhase = 'validate' | 'import' | 'rules';
export type ImportProgress = { phase: ImportPhase; done: number; total: number };
export type BadRow = { line: number; reason: string };
export type ImportResult = { rows: number; imported: number; bad: BadRow[]; dryRun: boolean };

// ImportFailedError is a refused or failed import: the server's message
// and code, and the bad rows when they are the reason. The code
// INCOMPLETE means the answer broke off before its last line.
export class ImportFailedError extends GraphQLRequestError {
  readonly bad: BadRow[];
  constructor(message: string, code: string, bad: BadRow[] = [], field?: string, status?: number) {
    super(message, code, field, status);
    this.name = 'ImportFailedError';
    this.bad = bad;
  }
}

export type ImportLine =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'result'; result: ImportResult }
  | { type: 'error'; error: ImportFailedError };

const phases: readonly string[] = ['validate', 'import', 'rules'];

function badRows(v: unknown): BadRow[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((b): b is { line: number; reason: string } => typeof b?.line === 'number' && typeof b?.reason === 'string')
    .map((b) => ({ line: b.line, reason: b.reason }));
}

// parseImportLine reads one line of the answer; null for a blank line.
// A line that is not one of the three shapes throws.
export function parseImportLine(text: string): ImportLine | null {
  if (text.trim() === '') return null;
  const v = JSON.parse(text) as Record<string, unknown>;
  if (v && typeof v === 'object') {
    if (v.result && typeof v.result === 'object') {
      const r = v.result as Record<string, unknown>;
      return {
        type: 'result',
        result: { rows: Number(r.rows ?? 0), imported: Number(r.imported ?? 0), bad: badRows(r.bad), dryRun: r.dryRun === true },
      };
    }
    if (v.error && typeof v.error === 'object') {
      const e = v.error as Record<string, unknown>;
      const field = typeof e.field === 'string' ? e.field : undefined;
      return { type: 'error', error: new ImportFailedError(String(e.message ?? ''), String(e.code ?? 'INTERNAL'), badRows(e.bad), field) };
    }
    if (typeof v.phase === 'string' && phases.includes(v.phase) && typeof v.done === 'number' && typeof v.total === 'number') {
      return { type: 'progress', progress: { phase: v.phase as ImportPhase, done: v.done, total: v.total } };
    }
  }
  throw new Error(`not a line of an import: ${text.slice(0, 80)}`);
}

// lineSplitter cuts decoded text into whole lines as chunks arrive; a
// chunk may end mid-line, whose start waits for the next chunk.
export function lineSplitter() {
  let rest = '';
  return {
    push(chunk: string): string[] {
      rest += chunk;
      const lines = rest.split('\n');
      rest = lines.pop() ?? '';
      return lines;
    },
    end(): string[] {
      const last = rest;
      rest = '';
      return last === '' ? [] : [last];
    },
  };
}

// readImportAnswer reads a streamed answer to its last line, calling
// onProgress for each progress line. It returns the result or throws an
// ImportFailedError.
export async function readImportAnswer(body: ReadableStream<Uint8Array>, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
  const reader = body.getReader();
  // stream: a letter cut between two chunks waits for its other bytes.
  const decoder = new TextDecoder();
  const split = lineSplitter();
  const handle = (lines: string[]): ImportResult | null => {
    for (const text of lines) {
      const line = parseImportLine(text);
      if (!line) continue;
      if (line.type === 'progress') onProgress(line.progress);
      else if (line.type === 'error') throw line.error;
      else return line.result;
    }
    return null;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const result = handle(done ? [...split.push(decoder.decode()), ...split.end()] : split.push(decoder.decode(value, { stream: true })));
      if (result) return result;
      if (done) break;
    }
  } finally {
    reader.releaseLock();
  }
  throw new ImportFailedError('the answer broke off before the import finished', 'INCOMPLETE');
}

// progressPercent is how far a progress line is, 0 to 100.
export function progressPercent(p: ImportProgress): number {
  if (p.total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.floor((p.done * 100) / p.total)));
}

export function importUrl(kind: ImportKind, opts: { dryRun?: boolean; skipBad?: boolean }): string {
  const q = new URLSearchParams();
  if (opts.dryRun) q.set('dryRun', 'true');
  if (opts.skipBad) q.set('skipBad', 'true');
  const s = q.toString();
  return `/import/${kind}${s ? `?${s}` : ''}`;
}

// postImport sends file to the server and reads the answer as it streams.
export async function postImport(
  kind: ImportKind,
  file: Blob,
  opts: { dryRun?: boolean; skipBad?: boolean },
  onProgress: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  let res: Response;
  try {
    res = await fetch(importUrl(kind, opts), {
      method: 'POST',
      // The server reads the bytes as they are; a browser may call a .csv
      // file application/vnd.ms-excel, so the type is stated here.
      headers: { 'content-type': 'text/csv', accept: 'application/x-ndjson' },
      body: file,
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ImportFailedError(String((e as Error).message ?? e), 'NETWORK');
  }
  if ((res.headers.get('content-type') ?? '').startsWith('application/x-ndjson') && res.body) {
    return readImportAnswer(res.body, onProgress);
  }
  let body: { errors?: { message?: string; extensions?: { code?: string; field?: string } }[] } | undefined;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const first = body?.errors?.[0];
  if (res.status === 401 || first?.extensions?.code === 'UNAUTHENTICATED') {
    notifyUnauthenticated();
    throw new ImportFailedError(first?.message ?? `HTTP ${res.status}`, 'UNAUTHENTICATED', [], undefined, res.status);
  }
  if (first) throw new ImportFailedError(first.message ?? '', first.extensions?.code ?? 'INTERNAL', [], first.extensions?.field, res.status);
  throw new ImportFailedError(`HTTP ${res.status}`, 'HTTP', [], undefined, res.status);
}
