// The live conflict feed through the protocol's reference client: the npm
// graphql-ws package speaking graphql-transport-ws to a running Channelboard
// (CHANNELBOARD_URL, e.g. http://127.0.0.1:18080, with the demo data). It
// subscribes, receives an event caused by a mutation, disconnects, misses
// events, reconnects with its cursor and receives exactly the missed ones.
// It signs in as the director like any outside client (POST /auth/login) and
// sends the session cookie with every request and the websocket handshake.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { base, director, login } from './browser.mjs';

const wsURL = `${base.replace(/^http/, 'ws')}/graphql`;

let cookie;
before(async () => {
  assert.ok(base, 'set CHANNELBOARD_URL to the address of a running channelboard');
  ({ cookie } = await login(director));
});

async function gql(query, variables = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  assert.ok(!body.errors, `GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

// SignedInWebSocket is the ws package's client with the session cookie on
// its handshake, as a browser sends it on a same-origin websocket.
class SignedInWebSocket extends WebSocket {
  constructor(address, protocols) {
    super(address, protocols, { headers: { cookie } });
  }
}

const eventFields = 'cursor type reason conflict { id kind customer { id } }';

// lastCursor pages the log to its end: subscribing after it misses nothing
// that happens next, without racing the subscription's start.
async function lastCursor() {
  let after = null;
  for (;;) {
    const { conflictEvents: page } = await gql(
      `query($after: String) { conflictEvents(after: $after, first: 200) { pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    after = page.pageInfo.endCursor ?? after;
    if (!page.pageInfo.hasNextPage) return after;
  }
}

async function eventsAfter(after) {
  const out = [];
  for (;;) {
    const { conflictEvents: page } = await gql(
      `query($after: String) { conflictEvents(after: $after, first: 200) { edges { node { ${eventFields} } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

// subscribe opens a client and a subscription after a cursor; take(pred)
// resolves with the next event matching pred.
function subscribe(after) {
  const client = createClient({ url: wsURL, webSocketImpl: SignedInWebSocket, retryAttempts: 0, lazy: false });
  const received = [];
  const waiters = [];
  let failure = null;
  const settle = () => {
    for (const w of [...waiters]) {
      const i = received.findIndex(w.pred);
      if (i >= 0 || failure) {
        waiters.splice(waiters.indexOf(w), 1);
        clearTimeout(w.timer);
        if (failure) w.reject(failure);
        else w.resolve(received.splice(0, i + 1));
      }
    }
  };
  client.subscribe(
    { query: `subscription($after: String) { conflictEvents(after: $after) { ${eventFields} } }`, variables: { after } },
    {
      next: (r) => {
        if (r.errors) failure = new Error(JSON.stringify(r.errors));
        else received.push(r.data.conflictEvents);
        settle();
      },
      error: (e) => {
        failure = e instanceof Error ? e : new Error(JSON.stringify(e));
        settle();
      },
      complete: () => {},
    },
  );
  return {
    // takeUntil resolves with every event up to and including the first
    // that matches pred.
    takeUntil(pred, ms = 20000) {
      return new Promise((resolve, reject) => {
        const w = { pred, resolve, reject };
        w.timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(new Error(`no matching event within ${ms} ms; received ${JSON.stringify(received)}`));
        }, ms);
        waiters.push(w);
        settle();
      });
    },
    close: () => client.dispose(),
  };
}

// conflictFor creates a customer and deals that conflict: a small direct
// order and two dealers registering the same product line. Whichever rules
// the demo policy enables, at least one conflict names the customer.
async function conflictFor(name) {
  const { regions } = await gql(`{ regions { id path } }`);
  const region = regions.filter((r) => r.path.includes('.')).at(-1) ?? regions[0];
  const { productLines } = await gql(`{ productLines { id } }`);
  const { dealers } = await gql(`{ dealers(first: 2, filter: { status: ACTIVE }) { edges { node { id } } } }`);
  const { createCustomer } = await gql(
    `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }`,
    { input: { name, regionId: region.id, segment: 'AGRICULTURE' } },
  );
  const customerId = createCustomer.customer.id;
  const register = (channel) =>
    gql(`mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { id } } }`, {
      input: { customerId, channel, productLineId: productLines[0].id, quantity: 1, unitPrice: { minor: 10000, currency: 'EUR' } },
    });
  await register({ kind: 'DIRECT' });
  for (const d of dealers.edges) await register({ kind: 'DEALER', dealerId: d.node.id });
  return customerId;
}

test('a graphql-ws client resumes from its cursor and misses nothing', async () => {
  assert.ok(base, 'set CHANNELBOARD_URL to the address of a running channelboard');
  const stamp = Date.now();

  const first = subscribe(await lastCursor());
  const customer = await conflictFor(`Feed test ${stamp} A`);
  const seen = await first.takeUntil((e) => e.conflict.customer.id === customer);
  const cursor = seen.at(-1).cursor;
  first.close();

  // Missed while disconnected.
  const missedCustomer = await conflictFor(`Feed test ${stamp} B`);
  const missed = await eventsAfter(cursor);
  assert.ok(missed.some((e) => e.conflict.customer.id === missedCustomer), 'the log holds the missed conflict');

  const again = subscribe(cursor);
  const got = await again.takeUntil((e) => e.cursor === missed.at(-1).cursor);
  again.close();
  assert.deepEqual(
    got.map((e) => e.cursor),
    missed.map((e) => e.cursor),
    'after reconnecting, exactly the missed events, in order',
  );
});
