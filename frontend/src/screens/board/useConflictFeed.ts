// The board's live connection. It subscribes to conflictEvents over a
// websocket (graphql-transport-ws) from the last cursor kept in localStorage,
// so after a dropped connection it resumes where it stopped and reports how
// many events it caught up on. Where the server offers no subscription (the
// schema has none, or the socket is refused) it polls every 5 seconds.
import { createClient, type Client } from 'graphql-ws';
import { useEffect, useRef, useState } from 'react';
import { isUnauthenticated, notifyUnauthenticated, recheckSession } from '../../auth/session';
import { clearCursor, loadCursor, saveCursor } from './board';

export type FeedMode = 'connecting' | 'live' | 'reconnecting' | 'polling';

import type { ConflictEventsSubscription as EventPayload } from '../../gql/graphql';
import { ConflictEventsSubscription } from './operations';

const subscription = ConflictEventsSubscription.toString();

export const pollMs = 5000;

function isCursorError(err: unknown): boolean {
  const list = Array.isArray(err) ? (err as { extensions?: { code?: string; field?: string } }[]) : [];
  return list.some((e) => e.extensions?.code === 'BAD_USER_INPUT' || e.extensions?.field === 'after');
}

async function hasFeed(): Promise<boolean> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __schema { subscriptionType { fields { name } } } }' }),
  });
  const body = (await res.json()) as { data?: { __schema: { subscriptionType: { fields: { name: string }[] } | null } }; errors?: unknown };
  if (res.status === 401 || isUnauthenticated(body.errors)) {
    notifyUnauthenticated();
    return false;
  }
  return Boolean(body.data?.__schema.subscriptionType?.fields.some((f) => f.name === 'conflictEvents'));
}
// Events arriving this close together after a (re)connect are the replay of
// what was missed; the first quiet gap ends the catch-up.
const catchUpQuietMs = 600;

type Opts = {
  /** A conflict changed: id of the conflict, the event type. */
  onEvent: (id: string, type: string) => void;
  /** Refresh the board now (polling, or after a burst of events). */
  onPoll: () => void;
  /** After a reconnect: how many events the replay brought. */
  onCaughtUp: (n: number) => void;
};

export function useConflictFeed(opts: Opts): FeedMode {
  const [mode, setMode] = useState<FeedMode>('connecting');
  const ref = useRef(opts);
  ref.current = opts;

  useEffect(() => {
    let disposed = false;
    let poller: ReturnType<typeof setInterval> | undefined;
    let client: Client | undefined;
    let unsubscribe: (() => void) | undefined;
    let connections = 0;
    let failures = 0;
    let catchUp: { n: number; timer?: ReturnType<typeof setTimeout> } | null = null;

    const startPolling = () => {
      if (disposed || poller) return;
      unsubscribe?.();
      void client?.dispose();
      setMode('polling');
      poller = setInterval(() => ref.current.onPoll(), pollMs);
    };

    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    const payload = { query: subscription, variables: { after: loadCursor() } };
    const connect = () => {
      client = createClient({
        url,
        lazy: false,
        // Failures show in the mode badge and end in polling; nothing for the console.
        onNonLazyError: () => {},
        retryAttempts: Infinity,
        // Back off up to 5 s between attempts, with jitter.
        retryWait: async (retries) => new Promise((r) => setTimeout(r, Math.min(5000, 500 * 2 ** retries) + Math.random() * 300)),
        // Retry only a connection that once worked: a server that refuses
        // the very first handshake will not start accepting on the next, and
        // every refused handshake is an error in the browser console.
        shouldRetry: () => connections > 0,
        on: {
          connected: () => {
            connections++;
            setMode('live');
            if (connections > 1) {
              catchUp = { n: 0 };
              catchUp.timer = setTimeout(endCatchUp, catchUpQuietMs * 2);
            }
          },
          closed: (event) => {
            if (!disposed && !poller) setMode(connections > 0 ? 'reconnecting' : 'connecting');
            // 4401 Unauthorized / 4403 Forbidden: the server refused the
            // connection's credentials. If the session has ended, the app
            // goes back to sign-in; after signing in, the board mounts again
            // and connects with the new session's cookie.
            const code = (event as { code?: number } | undefined)?.code;
            if (!disposed && (code === 4401 || code === 4403)) void recheckSession();
          },
        },
      });

      function endCatchUp() {
        if (!catchUp) return;
        const n = catchUp.n;
        catchUp = null;
        ref.current.onCaughtUp(n);
        ref.current.onPoll();
      }

      const subscribe = () => {
        unsubscribe = client!.subscribe<EventPayload>(
          payload,
          {
            next: (msg) => {
              const ev = msg.data?.conflictEvents;
              if (!ev) return;
              failures = 0;
              saveCursor(ev.cursor);
              // graphql-ws sends this same payload object again when it
              // resubscribes after a reconnect: moving its cursor makes the
              // server replay only what was missed.
              payload.variables.after = ev.cursor;
              ref.current.onEvent(ev.conflict.id, ev.type);
              if (catchUp) {
                catchUp.n++;
                clearTimeout(catchUp.timer);
                catchUp.timer = setTimeout(endCatchUp, catchUpQuietMs);
              }
            },
            // The server ends a subscription with an error when the
            // subscriber fell behind (SLOW_CONSUMER), when it shuts down, or
            // when the saved cursor is past retention: subscribe again (from
            // the last cursor, or from now if the cursor was refused). Errors
            // that keep coming with no event between them mean polling.
            error: (err) => {
              if (disposed) return;
              if (isUnauthenticated(err)) {
                notifyUnauthenticated();
                return;
              }
              if (connections === 0) {
                startPolling();
                return;
              }
              failures++;
              if (failures > 3) {
                startPolling();
                return;
              }
              if (isCursorError(err)) {
                payload.variables.after = null;
                clearCursor();
              }
              setTimeout(() => !disposed && !poller && subscribe(), 500 * failures);
            },
            complete: () => {},
          },
        );
      };
      subscribe();
    };
    // Ask the schema first: a server without the subscription gets no
    // websocket attempt (and no failed handshake in the console).
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    hasFeed().then(
      (yes) => {
        if (disposed) return;
        if (!yes) {
          startPolling();
          return;
        }
        connect();
        // No socket within a few seconds (a proxy that refuses upgrades)
        // also means polling; the board must not sit still.
        watchdog = setTimeout(() => {
          if (connections === 0) startPolling();
        }, 8000);
      },
      () => startPolling(),
    );

    return () => {
      disposed = true;
      clearTimeout(watchdog);
      if (poller) clearInterval(poller);
      if (catchUp?.timer) clearTimeout(catchUp.timer);
      unsubscribe?.();
      void client?.dispose();
    };
  }, []);
  return mode;
}
