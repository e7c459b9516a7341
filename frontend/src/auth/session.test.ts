import { afterEach, describe, expect, it, vi } from 'vitest';
import { interpretLogin, isUnauthenticated, notifyUnauthenticated, onUnauthenticated, parseUser, retryAfterSeconds } from './session';

const director = { id: 1, email: 'director@example.com', role: 'DIRECTOR', dealer: null };
const dealer = { id: 6, email: 'dealer-bg-001@example.com', role: 'DEALER', dealer: { id: 3, name: 'Ямбол Трейд ЕООД' } };

describe('parseUser', () => {
  it('reads the user of /auth/me and /auth/login', () => {
    expect(parseUser(director)).toEqual(director);
    expect(parseUser(dealer)).toEqual(dealer);
  });
  it('refuses anything else', () => {
    expect(parseUser(null)).toBeNull();
    expect(parseUser({ ...director, role: 'ROOT' })).toBeNull();
    expect(parseUser({ ...director, id: '1' })).toBeNull();
    expect(parseUser({ email: 'x' })).toBeNull();
  });
});

describe('interpretLogin', () => {
  it('signs in on 200 with a user', () => {
    expect(interpretLogin(200, { user: dealer }, null)).toEqual({ ok: true, user: dealer });
  });
  it('says the same generic thing for every refusal of the credentials', () => {
    const wrong = { errors: [{ message: 'email or password is wrong', extensions: { code: 'UNAUTHENTICATED' } }] };
    expect(interpretLogin(401, wrong, null)).toEqual({ ok: false, reason: 'invalid' });
    expect(interpretLogin(400, { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] }, null)).toEqual({ ok: false, reason: 'invalid' });
  });
  it('reads the wait of a throttled attempt from Retry-After', () => {
    expect(interpretLogin(429, {}, '7')).toEqual({ ok: false, reason: 'throttled', retryAfter: 7 });
    expect(interpretLogin(429, {}, null)).toEqual({ ok: false, reason: 'throttled', retryAfter: 1 });
  });
  it('reports a server that does not answer properly', () => {
    expect(interpretLogin(500, null, null)).toEqual({ ok: false, reason: 'unreachable', detail: 'HTTP 500' });
    expect(interpretLogin(200, { user: null }, null)).toMatchObject({ ok: false, reason: 'unreachable' });
  });
});

describe('retryAfterSeconds', () => {
  it('takes seconds or an HTTP date, at least one second', () => {
    expect(retryAfterSeconds('30')).toBe(30);
    expect(retryAfterSeconds('0')).toBe(1);
    expect(retryAfterSeconds('2.2')).toBe(3);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterSeconds('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10);
    expect(retryAfterSeconds('soon')).toBe(1);
  });
});

describe('UNAUTHENTICATED', () => {
  afterEach(() => vi.restoreAllMocks());
  it('is found in a GraphQL error list or a single error', () => {
    expect(isUnauthenticated([{ message: 'x', extensions: { code: 'FORBIDDEN' } }, { extensions: { code: 'UNAUTHENTICATED' } }])).toBe(true);
    expect(isUnauthenticated({ extensions: { code: 'UNAUTHENTICATED' } })).toBe(true);
    expect(isUnauthenticated([{ extensions: { code: 'FORBIDDEN' } }])).toBe(false);
    expect(isUnauthenticated(null)).toBe(false);
  });
  it('reaches every listener until it unsubscribes', () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = onUnauthenticated(a);
    const offB = onUnauthenticated(b);
    notifyUnauthenticated();
    offA();
    notifyUnauthenticated();
    offB();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
  });
});
