import { afterEach, describe, expect, it, vi } from 'vitest';
import { onUnauthenticated } from '../auth/session';
import { ImportFailedError, importUrl, lineSplitter, parseImportLine, postImport, progressPercent, readImportAnswer, type ImportProgress } from './importCsv';

// The answer as server/importcsv.go streams it.
const progress1 = '{"phase":"validate","done":2000,"total":13500}';
const progress2 = '{"phase":"import","done":6500,"total":13500}';
const result = '{"result":{"rows":4500,"imported":4499,"bad":[{"line":7,"reason":"регион «eu.xx» не существует"}],"dryRun":false}}';
const failure = '{"error":{"code":"BAD_USER_INPUT","message":"1 bad rows; nothing was imported","field":"file","bad":[{"line":4,"reason":"region \\"eu.xx\\" does not exist"}]}}';

// streamOf sends text as UTF-8 bytes cut at the given byte offsets, as a
// network would: inside a line, inside a two-byte letter.
function streamOf(text: string, cuts: number[]): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const bounds = [0, ...cuts, bytes.length];
  return new ReadableStream({
    start(c) {
      for (let i = 0; i + 1 < bounds.length; i++) c.enqueue(bytes.slice(bounds[i], bounds[i + 1]));
      c.close();
    },
  });
}

describe('parseImportLine', () => {
  it('reads progress, result and error lines', () => {
    expect(parseImportLine(progress1)).toEqual({ type: 'progress', progress: { phase: 'validate', done: 2000, total: 13500 } });
    expect(parseImportLine(result)).toEqual({
      type: 'result',
      result: { rows: 4500, imported: 4499, bad: [{ line: 7, reason: 'регион «eu.xx» не существует' }], dryRun: false },
    });
    const e = parseImportLine(failure);
    expect(e?.type).toBe('error');
    if (e?.type !== 'error') return;
    expect(e.error).toBeInstanceOf(ImportFailedError);
    expect([e.error.code, e.error.field, e.error.message]).toEqual(['BAD_USER_INPUT', 'file', '1 bad rows; nothing was imported']);
    expect(e.error.bad).toEqual([{ line: 4, reason: 'region "eu.xx" does not exist' }]);
  });

  it('gives an empty bad list when the server sends none, and skips blank lines', () => {
    expect(parseImportLine('{"result":{"rows":0,"imported":0,"bad":[],"dryRun":true}}')).toEqual({
      type: 'result',
      result: { rows: 0, imported: 0, bad: [], dryRun: true },
    });
    const e = parseImportLine('{"error":{"code":"INTERNAL","message":"Internal error."}}');
    expect(e?.type === 'error' && e.error.bad).toEqual([]);
    expect(parseImportLine('')).toBeNull();
    expect(parseImportLine('  \r')).toBeNull();
  });

  it('refuses lines of no known shape', () => {
    expect(() => parseImportLine('{"phase":"upload","done":1,"total":2}')).toThrow(/not a line/);
    expect(() => parseImportLine('{"done":1}')).toThrow(/not a line/);
    expect(() => parseImportLine('<html>')).toThrow();
  });
});

describe('lineSplitter', () => {
  it('keeps a cut line until its end arrives', () => {
    const s = lineSplitter();
    expect(s.push('{"a":1}\n{"b"')).toEqual(['{"a":1}']);
    expect(s.push(':2')).toEqual([]);
    expect(s.push('}\n\n{"c":3}')).toEqual(['{"b":2}', '']);
    expect(s.end()).toEqual(['{"c":3}']);
    expect(s.end()).toEqual([]);
  });
});

describe('readImportAnswer', () => {
  const answer = `${progress1}\n${progress2}\n${result}\n`;
  const cyrillic = new TextEncoder().encode(answer).indexOf(0xd1); // the first byte of a two-byte letter

  it('reports each progress line in order and returns the result, however the bytes are cut', async () => {
    for (const cuts of [[], [5], [progress1.length - 3, progress1.length + 1], [cyrillic + 1], Array.from({ length: 40 }, (_, i) => i * 7 + 1)]) {
      const seen: ImportProgress[] = [];
      const r = await readImportAnswer(streamOf(answer, cuts), (p) => seen.push(p));
      expect(seen.map((p) => p.phase)).toEqual(['validate', 'import']);
      expect(seen.map((p) => p.done)).toEqual([2000, 6500]);
      expect(r.imported).toBe(4499);
      expect(r.bad[0].reason).toBe('регион «eu.xx» не существует');
    }
  });

  it('reads a last line without a newline', async () => {
    const r = await readImportAnswer(streamOf(`${progress1}\n${result}`, [3]), () => {});
    expect(r.rows).toBe(4500);
  });

  it('throws the error line with its bad rows', async () => {
    const seen: ImportProgress[] = [];
    const err = await readImportAnswer(streamOf(`${progress1}\n${failure}\n`, [60]), (p) => seen.push(p)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFailedError);
    expect((err as ImportFailedError).code).toBe('BAD_USER_INPUT');
    expect((err as ImportFailedError).bad).toEqual([{ line: 4, reason: 'region "eu.xx" does not exist' }]);
    expect(seen).toHaveLength(1);
  });

  it('says when the answer broke off before its last line', async () => {
    const err = await readImportAnswer(streamOf(`${progress1}\n${progress2}\n`, []), () => {}).catch((e: unknown) => e);
    expect((err as ImportFailedError).code).toBe('INCOMPLETE');
  });
});

describe('progressPercent', () => {
  it('is the whole percent done, within 0 to 100', () => {
    expect(progressPercent({ phase: 'import', done: 6500, total: 13500 })).toBe(48);
    expect(progressPercent({ phase: 'rules', done: 13500, total: 13500 })).toBe(100);
    expect(progressPercent({ phase: 'validate', done: 0, total: 0 })).toBe(0);
    expect(progressPercent({ phase: 'validate', done: 9, total: 3 })).toBe(100);
  });
});

describe('postImport', () => {
  afterEach(() => vi.unstubAllGlobals());

  const respond = (status: number, contentType: string, body: string) =>
    vi.fn(async (_url: string, _init: RequestInit) => new Response(body, { status, headers: { 'content-type': contentType } }));

  it('posts the file as text/csv with the options in the address and streams the answer', async () => {
    const fetch = respond(200, 'application/x-ndjson; charset=utf-8', `${progress1}\n${result}\n`);
    vi.stubGlobal('fetch', fetch);
    const file = new Blob(['id,name\n'], { type: 'application/vnd.ms-excel' });
    const seen: ImportProgress[] = [];
    const r = await postImport('customers', file, { skipBad: true }, (p) => seen.push(p));
    expect(r.imported).toBe(4499);
    expect(seen).toHaveLength(1);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/import/customers?skipBad=true');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['content-type']).toBe('text/csv');
    expect(init.body).toBe(file);
    expect(importUrl('deals', { dryRun: true, skipBad: true })).toBe('/import/deals?dryRun=true&skipBad=true');
    expect(importUrl('dealers', {})).toBe('/import/dealers');
  });

  it('reads a small file’s refusal, sent with its own status', async () => {
    vi.stubGlobal('fetch', respond(400, 'application/x-ndjson; charset=utf-8', `${failure}\n`));
    const err = await postImport('customers', new Blob(['x']), {}, () => {}).catch((e: unknown) => e);
    expect((err as ImportFailedError).bad).toHaveLength(1);
  });

  it('turns the API’s error answers into errors with their code', async () => {
    vi.stubGlobal('fetch', respond(403, 'application/json', '{"errors":[{"message":"importing files is the channel director\'s","extensions":{"code":"FORBIDDEN"}}]}'));
    const err = (await postImport('deals', new Blob(['x']), {}, () => {}).catch((e: unknown) => e)) as ImportFailedError;
    expect([err.code, err.message, err.status]).toEqual(['FORBIDDEN', "importing files is the channel director's", 403]);

    vi.stubGlobal('fetch', respond(502, 'text/html', '<html>bad gateway</html>'));
    const http = (await postImport('deals', new Blob(['x']), {}, () => {}).catch((e: unknown) => e)) as ImportFailedError;
    expect([http.code, http.status]).toEqual(['HTTP', 502]);

    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const net = (await postImport('deals', new Blob(['x']), {}, () => {}).catch((e: unknown) => e)) as ImportFailedError;
    expect(net.code).toBe('NETWORK');
  });

  it('raises the session-ended signal on 401', async () => {
    const ended = vi.fn();
    const off = onUnauthenticated(ended);
    vi.stubGlobal('fetch', respond(401, 'application/json', '{"errors":[{"message":"sign in first","extensions":{"code":"UNAUTHENTICATED"}}]}'));
    const err = (await postImport('customers', new Blob(['x']), {}, () => {}).catch((e: unknown) => e)) as ImportFailedError;
    off();
    expect(err.code).toBe('UNAUTHENTICATED');
    expect(ended).toHaveBeenCalledTimes(1);
  });
});
