// The reference back end keeps requests (examples/reference-backend/store.mjs, README "Keeping
// requests"), over HTTP as a page's handler talks to it: a second withdrawal of the same item is
// declined whatever its key; a pending cancellation is not taken twice; the same idempotency key
// with another order or kind is 409 and never gets another order's answer; and a server killed
// between a request and its retry gives the retry the first answer, with nothing recorded twice.
// No browser: the widget's side of it is reference-backend.test.mjs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { loadEngine, startReferenceBackend } from '../../examples/reference-backend/server.mjs';
import { installEngine, spawnServer } from './reference.mjs';

const MUGS = '114-3307781-9921406';
const EASTER = '302-7730114-2026040';
const STOVE = '114-9930418-2257610';
const MULTI = '114-7765120-0043318';
/** The samples' demo instants (static/orders/index.json): the server's clock starts there. */
const EASTER_NOW = '2026-04-02T10:00:00+02:00';

let engine;
let work;
before(() => {
  engine = installEngine();
  work = mkdtempSync(path.join(tmpdir(), 'order-help-store-'));
});
after(() => {
  if (engine?.made) rmSync(engine.dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

let keys = 0;
/** A request as the widget makes it, with a fresh key unless `key` is given. */
function request(kind, orderId, items, fields = {}) {
  keys += 1;
  return {
    kind,
    order_id: orderId,
    items: items.map(([item_id, quantity]) => ({ item_id, quantity })),
    assessed_at: new Date().toISOString(),
    verdicts: [],
    idempotency_key: `oh-test-${process.pid}-${keys}`,
    ...fields,
  };
}
const returnOf = (items, fields) => request('return', MUGS, items, { reason: 'no_longer_needed', comment: null, ...fields });
const withdrawalOf = (items, fields) =>
  request('withdrawal', EASTER, items, {
    declared_at: EASTER_NOW,
    customer: { name: 'Jana Krüger', email: 'jana.krueger@example.de' },
    ...fields,
  });

/** POSTs `body` to the server at `origin`: `{ status, body }`. */
async function post(origin, body) {
  const response = await fetch(`${origin}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** The requests the database holds with `key`, and the order of record `id` (its file read directly). */
function inDatabase(file, key, id) {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT status, answer FROM requests WHERE idempotency_key = ?').all(key);
    const order = JSON.parse(db.prepare('SELECT document FROM orders WHERE id = ?').pluck().get(id));
    return { rows, order };
  } finally {
    db.close();
  }
}

describe('the reference back end keeps requests', () => {
  let server;
  before(async () => {
    server = await startReferenceBackend({ engine: loadEngine(engine.dir), database: path.join(work, 'store.sqlite') });
  });
  after(() => server.close());

  test('the same idempotency key with another order or kind is 409, and carries no other order\'s answer', async () => {
    const first = withdrawalOf([['schal', 1]], { customer: { name: 'Jana Krüger', email: 'jana.private@example.de' } });
    const answered = await post(server.origin, first);
    const key = first.idempotency_key;
    const otherOrder = request('cancel', MULTI, [['sleeve', 1]], { idempotency_key: key });
    const otherKind = returnOf([['mugs', 1]], { idempotency_key: key, order_id: EASTER });
    for (const reused of [otherOrder, otherKind]) {
      const refused = await post(server.origin, reused);
      assert.equal(refused.status, 409, JSON.stringify(refused.body));
      assert.equal(refused.body.error.code, 'idempotency_key_reused');
      assert.doesNotMatch(JSON.stringify(refused.body), /jana\.private|received_at/);
    }
    // The same request again is a retry: the first answer.
    const retry = await post(server.origin, first);
    assert.deepEqual(retry, answered);
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    assert.equal(server.order(MULTI).items.find((i) => i.id === 'sleeve').shipment ?? null, null, 'the sleeve was not cancelled');
  });

  test('a second withdrawal of the same item, with a new key or none, is declined: already_withdrawn', async () => {
    const first = await post(server.origin, withdrawalOf([['mantel', 1]]));
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const recorded = server.order(EASTER).items.find((i) => i.id === 'mantel');
    assert.equal(recorded.withdrawal_received_at, first.body.received_at, 'the order of record has it');
    for (const again of [withdrawalOf([['mantel', 1]]), withdrawalOf([['mantel', 1]], { idempotency_key: undefined })]) {
      const second = await post(server.origin, again);
      assert.equal(second.status, 422, JSON.stringify(second.body));
      assert.equal(second.body.code, 'already_withdrawn');
    }
  });

  test('a pending cancellation is recorded with its number, and a second one is declined whatever its key', async () => {
    const first = await post(server.origin, request('cancel', STOVE, [['stove', 1]]));
    assert.equal(first.body.status, 'requested');
    const stove = server.order(STOVE).items[0];
    assert.equal(stove.cancellation_id, first.body.cancellation_id);
    assert.ok(stove.cancellation_requested_at, 'the order of record has it');
    const second = await post(server.origin, request('cancel', STOVE, [['stove', 1]]));
    assert.equal(second.body.status, 'declined');
    const last = server.log.at(-1);
    assert.equal(last.verification.items[0].code, 'cancellation_already_requested');
  });
});

describe('a retry after the server was killed and restarted', () => {
  test('gets the first answer, and nothing is recorded or applied twice', async () => {
    const file = path.join(work, 'restart.sqlite');
    const ret = returnOf([['mugs', 2]]);
    let server = await spawnServer(file, engine.dir);
    const first = await post(server.origin, ret);
    assert.equal(first.body.status, 'accepted', JSON.stringify(first.body));
    await server.stop('SIGKILL');
    server = await spawnServer(file, engine.dir);
    try {
      const retry = await post(server.origin, ret);
      assert.deepEqual(retry, first);
    } finally {
      await server.stop('SIGKILL');
    }
    const { rows, order } = inDatabase(file, ret.idempotency_key, MUGS);
    assert.equal(rows.length, 1, 'recorded once');
    assert.equal(order.items.find((i) => i.id === 'mugs').return_requested_quantity, 2, 'applied once');
  });
});
