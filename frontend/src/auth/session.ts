// Sign-in against the server's session endpoints (server/auth.go):
// POST /auth/login sets an HttpOnly session cookie the page never sees,
// POST /auth/logout ends it, GET /auth/me says who is signed in. Every
// request of the app (fetch and the websocket) then carries the cookie by
// itself, being same-origin.
//
// When any answer says UNAUTHENTICATED (the session expired or was revoked),
// notifyUnauthenticated() tells the SessionProvider, which sends the person
// back to the sign-in screen and keeps where they were.
import { isRole, type Role } from '../shell/access';

export type User = {
  id: number;
  email: string;
  role: Role;
  /** Set for a dealer user: the one dealer it acts for (database id). */
  dealer: { id: number; name: string } | null;
};

type WireError = { message?: string; extensions?: { code?: string } };

// parseUser checks the shape of the server's user object.
export function parseUser(v: unknown): User | null {
  if (!v || typeof v !== 'object') return null;
  const u = v as Record<string, unknown>;
  if (typeof u.id !== 'number' || typeof u.email !== 'string' || !isRole(u.role)) return null;
  let dealer: User['dealer'] = null;
  if (u.dealer && typeof u.dealer === 'object') {
    const d = u.dealer as Record<string, unknown>;
    if (typeof d.id === 'number' && typeof d.name === 'string') dealer = { id: d.id, name: d.name };
  }
  return { id: u.id, email: u.email, role: u.role, dealer };
}

// isUnauthenticated says whether a GraphQL-shaped error list (or one error)
// carries extensions.code UNAUTHENTICATED.
export function isUnauthenticated(errors: unknown): boolean {
  const list = Array.isArray(errors) ? errors : [errors];
  return list.some((e) => Boolean(e) && typeof e === 'object' && (e as WireError).extensions?.code === 'UNAUTHENTICATED');
}

// --- expiry notifications -------------------------------------------------

type Listener = () => void;
const listeners = new Set<Listener>();

export function onUnauthenticated(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function notifyUnauthenticated(): void {
  for (const fn of [...listeners]) fn();
}

// --- the endpoints --------------------------------------------------------

export class AuthUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthUnreachableError';
  }
}

// fetchMe returns the signed-in user, null when nobody is, and throws
// AuthUnreachableError when the server cannot tell.
export async function fetchMe(signal?: AbortSignal): Promise<User | null> {
  let res: Response;
  try {
    res = await fetch('/auth/me', { headers: { accept: 'application/json' }, cache: 'no-store', signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new AuthUnreachableError(String((e as Error).message ?? e));
  }
  if (res.status === 401) return null;
  if (!res.ok) throw new AuthUnreachableError(`HTTP ${res.status}`);
  const body = (await res.json().catch(() => null)) as { user?: unknown } | null;
  const user = parseUser(body?.user);
  if (!user) throw new AuthUnreachableError('unexpected answer from /auth/me');
  return user;
}

// recheckSession asks the server whether the session still holds (after a
// websocket refused us, say) and announces the expiry when it does not.
export async function recheckSession(): Promise<void> {
  try {
    if ((await fetchMe()) === null) notifyUnauthenticated();
  } catch {
    // The server is down, not our session: the screens say so themselves.
  }
}

export type LoginResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfter: number }
  | { ok: false; reason: 'unreachable'; detail: string };

// retryAfterSeconds reads Retry-After (seconds, or an HTTP date); at least 1.
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (!header) return 1;
  const n = Number(header.trim());
  if (Number.isFinite(n)) return Math.max(1, Math.ceil(n));
  const at = Date.parse(header);
  return Number.isNaN(at) ? 1 : Math.max(1, Math.ceil((at - now) / 1000));
}

// interpretLogin turns the answer to POST /auth/login into a LoginResult.
// Every refusal of the credentials is the same "invalid": the server's
// message is generic on purpose, and so is ours.
export function interpretLogin(status: number, body: unknown, retryAfter: string | null): LoginResult {
  if (status === 200) {
    const user = parseUser((body as { user?: unknown } | null)?.user);
    return user ? { ok: true, user } : { ok: false, reason: 'unreachable', detail: 'unexpected answer' };
  }
  if (status === 429) return { ok: false, reason: 'throttled', retryAfter: retryAfterSeconds(retryAfter) };
  if (status === 401 || status === 400) return { ok: false, reason: 'invalid' };
  return { ok: false, reason: 'unreachable', detail: `HTTP ${status}` };
}

export async function login(email: string, password: string): Promise<LoginResult> {
  let res: Response;
  try {
    res = await fetch('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email: email.trim(), password }),
      cache: 'no-store',
    });
  } catch (e) {
    return { ok: false, reason: 'unreachable', detail: String((e as Error).message ?? e) };
  }
  const body = await res.json().catch(() => null);
  return interpretLogin(res.status, body, res.headers.get('Retry-After'));
}

// logout ends the session on the server; the cookie is cleared by its answer.
// A failure to reach the server still signs the page out.
export async function logout(): Promise<void> {
  try {
    await fetch('/auth/logout', { method: 'POST', cache: 'no-store' });
  } catch {
    // Nothing to do: the page forgets the user either way.
  }
}
