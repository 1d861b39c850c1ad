// Keeping requests: what a store stores, and the handler of `POST /api/requests` (README,
// "Keeping requests", shows this file as it is). SQLite in one file (better-sqlite3): the orders
// of record, and every request with the answer it got. One transaction per request: a retry
// finds the first answer (also after a restart), and an accepted request changes the order of
// record before anyone can read it, so the next `verify` and the widget see it.
import Database from 'better-sqlite3';

/** Opens (or creates) the store's database in `file` (`':memory:'` for none). */
export function openStore(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL'); // readers never wait for the writer
  db.pragma('synchronous = NORMAL'); // a commit survives the process being killed
  db.exec(`
    CREATE TABLE IF NOT EXISTS orders (
      id TEXT PRIMARY KEY,
      document TEXT NOT NULL,         -- the order of record (JSON), as verify and the widget read it
      policy TEXT                     -- its policy (JSON), NULL for the default
    );
    CREATE TABLE IF NOT EXISTS requests (
      number INTEGER PRIMARY KEY,     -- the store's own numbering (return and cancellation numbers)
      idempotency_key TEXT UNIQUE,    -- NULL when the request has none
      order_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      received_at TEXT NOT NULL,      -- the server's receipt, in the store's zone
      request TEXT NOT NULL,          -- as received (JSON)
      verification TEXT NOT NULL,     -- what verify said (JSON)
      status INTEGER NOT NULL,        -- the HTTP status answered
      answer TEXT NOT NULL            -- the answer (JSON), given again to a retry
    );`);
  const sql = (text) => db.prepare(text);
  return {
    db,
    order: sql('SELECT document, policy FROM orders WHERE id = ?'),
    addOrder: sql('INSERT OR IGNORE INTO orders (id, document, policy) VALUES (?, ?, ?)'),
    saveOrder: sql('UPDATE orders SET document = ? WHERE id = ?'),
    first: sql('SELECT order_id, kind, status, answer FROM requests WHERE idempotency_key = ?'),
    next: sql('SELECT COALESCE(MAX(number), 0) + 1 AS n FROM requests').pluck(),
    record: sql(`INSERT INTO requests
      (number, idempotency_key, order_id, kind, received_at, request, verification, status, answer)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  };
}

/**
 * Answers `request` (as the widget sent it) received at `receivedAt` (the server's clock):
 * `[httpStatus, answer]`. `verify` is the package's (`import { verify } from
 * 'order-help-engine'`); bad input throws its coded Error (answer 400), and nothing is stored.
 */
export function handleRequest(store, verify, request, receivedAt) {
  return store.db.transaction(() => {
    const key = typeof request.idempotency_key === 'string' ? request.idempotency_key : null;
    const first = key === null ? undefined : store.first.get(key);
    if (first !== undefined) {
      // A retry gets the first answer, but only for the order and kind it was given for.
      if (first.order_id !== request.order_id || first.kind !== request.kind) {
        const message = `idempotency_key ${JSON.stringify(key)} was used for another request`;
        return [409, { error: { code: 'idempotency_key_reused', path: 'idempotency_key', message } }];
      }
      return [first.status, JSON.parse(first.answer)];
    }
    const row = store.order.get(request.order_id);
    if (row === undefined) {
      const message = `no order ${JSON.stringify(request.order_id)}`;
      return [404, { error: { code: 'unknown_order', path: 'order_id', message } }];
    }
    // The documents as stored (JSON text): verify reads them as they are.
    const check = verify(row.document, row.policy, request, receivedAt);
    const number = store.next.get();
    const [status, answer] = answerFor(check, request, number);
    if (check.accepted) {
      const order = JSON.parse(row.document);
      applyTo(order, request, check.received_at, answer);
      store.saveOrder.run(JSON.stringify(order), request.order_id);
    }
    store.record.run(number, key, request.order_id, request.kind, check.received_at,
      JSON.stringify(request), JSON.stringify(check), status, JSON.stringify(answer));
    return [status, answer];
  })();
}

/** The answer the widget gets (README, "A reference back end"). */
function answerFor(check, request, number) {
  const rejected = check.items.find((item) => !item.accepted) ?? check;
  // The refusal as its code and values: the widget writes its sentence in the customer's
  // language (a `message` of the store's own would win over it).
  const { code, values, message } = rejected;
  if (request.kind === 'withdrawal') {
    // No "declined" in the widget's contract: an HTTP error shows Try again and the contact address.
    if (!check.accepted) return [422, { status: 'declined', code, values, message }];
    return [200, { received_at: check.received_at, acknowledgement_to: request.customer?.email ?? null }];
  }
  if (!check.accepted) return [200, { status: 'declined', code, values }];
  if (request.kind === 'return') {
    const id = `R-${1000 + number}`;
    return [200, { status: 'accepted', return_id: id, label_url: `https://labels.store.example/returns/${id}.pdf` }];
  }
  const now = check.items.every((item) => item.verdict === 'allowed');
  return [200, { status: now ? 'cancelled' : 'requested', cancellation_id: `C-${1000 + number}` }];
}

/** What an accepted request changes in the order of record (README, "Keeping requests"). */
function applyTo(order, request, receivedAt, answer) {
  for (const { item_id: id, quantity } of request.items) {
    const item = order.items.find((i) => i.id === id);
    const whole = quantity >= item.quantity;
    if (request.kind === 'return') {
      item.return_requested_quantity = (item.return_requested_quantity ?? 0) + quantity;
    } else if (request.kind === 'withdrawal') {
      const before = item.withdrawal_received_at ? (item.withdrawn_quantity ?? item.quantity) : 0;
      item.withdrawal_received_at = receivedAt;
      if (before + quantity < item.quantity) item.withdrawn_quantity = before + quantity;
      else delete item.withdrawn_quantity;
    } else if (answer.status === 'requested') {
      item.cancellation_requested_at = receivedAt;
      item.cancellation_id = answer.cancellation_id;
      if (whole) delete item.cancellation_requested_quantity;
      else item.cancellation_requested_quantity = quantity;
    } else {
      // Cancelled at once: the units leave on a cancelled shipment of their own.
      const shipment = `cancelled-${answer.cancellation_id}`;
      if (!order.shipments.some((s) => s.id === shipment)) order.shipments.push({ id: shipment, status: 'cancelled' });
      if (whole) item.shipment = shipment;
      else {
        item.quantity -= quantity;
        order.items.push({ ...item, id: `${id}-${answer.cancellation_id}`, quantity, shipment });
      }
    }
  }
}
