// The signed-in person for the whole app. On start it asks /auth/me; an
// anonymous visitor gets the sign-in screen. Any answer that says
// UNAUTHENTICATED later on (see session.ts) ends the session in the page too:
// the app goes back to sign-in, keeping where the person was.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { can as roleCan, dealerNodeId, type Capability, type Role } from '../shell/access';
import { AuthUnreachableError, fetchMe, login as loginRequest, logout as logoutRequest, onUnauthenticated, type LoginResult, type User } from './session';

export type SessionState =
  | { status: 'checking' }
  /**
   * expired: the session ended under the person (not a fresh visit);
   * signedOut: the person signed out (no place to return to);
   * unreachable: the server could not say who is signed in.
   */
  | { status: 'anonymous'; expired: boolean; signedOut?: boolean; unreachable?: string }
  | { status: 'signedIn'; user: User };

type Session = {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<LoginResult>;
  signOut: () => Promise<void>;
  retry: () => void;
};

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    const ctl = new AbortController();
    fetchMe(ctl.signal).then(
      (user) => setState(user ? { status: 'signedIn', user } : { status: 'anonymous', expired: false }),
      (e: Error) => {
        if (ctl.signal.aborted) return;
        setState({ status: 'anonymous', expired: false, unreachable: e instanceof AuthUnreachableError ? e.message : String(e) });
      },
    );
    return () => ctl.abort();
  }, [nonce]);

  useEffect(
    () =>
      onUnauthenticated(() =>
        setState((s) => (s.status === 'signedIn' ? { status: 'anonymous', expired: true } : s)),
      ),
    [],
  );

  const signIn = useCallback(async (email: string, password: string) => {
    const r = await loginRequest(email, password);
    if (r.ok) setState({ status: 'signedIn', user: r.user });
    return r;
  }, []);

  const signOut = useCallback(async () => {
    await logoutRequest();
    setState({ status: 'anonymous', expired: false, signedOut: true });
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'checking' });
    setNonce((n) => n + 1);
  }, []);

  const value = useMemo<Session>(() => ({ state, signIn, signOut, retry }), [state, signIn, signOut, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

export type Access = {
  user: User;
  role: Role;
  can: (c: Capability) => boolean;
  /** The viewer's own dealer (GraphQL id and name) for a dealer user. */
  ownDealer: { id: string; name: string } | null;
};

// useAccess is what screens ask: who is signed in and what they may do.
// Screens render only inside the signed-in app, so a user is always there.
export function useAccess(): Access {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useAccess outside the signed-in app');
  const user = state.user;
  return useMemo<Access>(
    () => ({
      user,
      role: user.role,
      can: (c) => roleCan(user.role, c),
      ownDealer: user.dealer ? { id: dealerNodeId(user.dealer.id), name: user.dealer.name } : null,
    }),
    [user],
  );
}
