// The reference back end: a store's server in Node.js (the standard library, the engine's npm
// package `order-help-engine`, and better-sqlite3 for its database), for the end-to-end tests
// and to read. It
//
// - keeps the orders of record and every request with its answer in SQLite, in one file
//   (`store.mjs`: the handler README's "Keeping requests" shows); the samples of
//   static/orders/index.json are its orders, added on the first start (a restart keeps what the
//   requests changed);
// - serves the release bundle (`dist/`) at `/`, and a help page that embeds the widget at
//   `/help?order=<sample>`;
// - serves each order of record as it is now (`/api/orders/<id>`) and its policy
//   (`/api/orders/<id>/policy`): a reload shows what the requests changed;
// - answers every request the widget sends (`POST /api/requests`, the one shape of every kind)
//   by verifying it with the package's `verify` against ITS order of record (never the
//   request's idea of it), at the instant it received it, and applying an accepted one to that
//   order in the same transaction:
//
//   | kind | accepted | rejected |
//   | --- | --- | --- |
//   | cancel | 200 `{status: "cancelled", cancellation_id}` when every item's verdict at receipt is `allowed`, else `{status: "requested", cancellation_id}` | 200 `{status: "declined", code, values}` |
//   | return | 200 `{status: "accepted", return_id, label_url}` | 200 `{status: "declined", code, values}` |
//   | withdrawal | 200 `{received_at, acknowledgement_to}` | 422 `{status: "declined", code, values, message}` |
//
//   `code` and `values` are the first rejected item's (else the request's): the widget writes the
//   refusal in the customer's language from them. A withdrawal's answer has no "declined" (the
//   widget's contract: the declaration was received, or it was not), so a rejected one is an
//   HTTP error: the page's handler rejects its promise with an Error carrying the sentence, the
//   code and the values, and the widget shows the refusal with Try again and the store's
//   contact address. Bad input
//   (a request the engine cannot read) is 400 `{error: {code, path, message}}`; an order it
//   does not know, 404; an `idempotency_key` it has seen with another order or kind, 409
//   `{error: {code: "idempotency_key_reused"}}`. A retry with the same key gets the first
//   answer, also after a restart.
//
// Its clock: a store's server uses the real time. The sample orders are set at fixed instants
// (index.json's `now`), so this server runs one clock per sample, starting at that instant when
// the server starts and running on in real time; the help page gives the widget the same
// instant (`now`). An order that is not a sample runs on the real time. The request's own
// instants (`assessed_at`, `declared_at`) are read, never trusted as the receipt time.
//
// Run it: `make reference-backend` (builds what is missing), or with the package installed
// somewhere: `ORDER_HELP_ENGINE_DIR=<folder with node_modules/order-help-engine> node
// examples/reference-backend/server.mjs [port] [database file]` →
// http://127.0.0.1:8081/help?order=multi-shipment. The database: the second argument, else
// $ORDER_HELP_DATABASE, else target/reference-backend/store.sqlite.
import http from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { handleRequest, openStore } from './store.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
const DIST = path.join(ROOT, 'dist');
const ORDERS = path.join(ROOT, 'static', 'orders');
/** Where the database is unless said otherwise. */
export const DEFAULT_DATABASE = path.join(ROOT, 'target', 'reference-backend', 'store.sqlite');
/** The most a request body may be (the engine's own document limit is larger; a request is small). */
const MAX_BODY = 1 << 20;

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

/** `order-help-engine`, installed in `dir` (its node_modules), else resolved from here. */
export function loadEngine(dir = process.env.ORDER_HELP_ENGINE_DIR) {
  const require = createRequire(dir ? path.join(path.resolve(dir), 'package.json') : import.meta.url);
  return require('order-help-engine');
}

/**
 * The store's orders of record: each sample of static/orders/index.json by its order's `id`,
 * with its policy (or none: the default) and the instant its clock starts at.
 */
function loadOrders() {
  const samples = JSON.parse(readFileSync(path.join(ORDERS, 'index.json'), 'utf8'));
  const byId = new Map();
  const bySample = new Map();
  for (const sample of samples) {
    const text = readFileSync(path.join(ORDERS, sample.file), 'utf8');
    const policyText = sample.policy ? readFileSync(path.join(ORDERS, sample.policy), 'utf8') : null;
    const record = {
      sample: sample.file.replace(/\.json$/, ''),
      text,
      order: JSON.parse(text),
      policyText,
      policy: policyText === null ? null : JSON.parse(policyText),
      start: Date.parse(sample.now),
      locale: sample.locale ?? 'en-US',
    };
    byId.set(record.order.id, record);
    bySample.set(record.sample, record);
  }
  return { byId, bySample };
}

/** The help page: the widget, given the server's own order URL and clock, and the page's handlers. */
function helpPage(record, now, locale) {
  const attr = (text) => String(text).replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  const id = encodeURIComponent(record.order.id);
  const policy = record.policy ? ` policy-src="/api/orders/${attr(id)}/policy"` : '';
  return `<!doctype html>
<html lang="${attr(locale.split('-')[0])}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Help with your order</title>
  <script type="module" src="/reference/help.js"></script>
  <script type="module" src="/embed.js"></script>
</head>
<body>
  <main>
    <h1>Help with your order</h1>
    <order-help order-src="/api/orders/${attr(id)}"${policy} now="${attr(now)}" locale="${attr(locale)}">
      <p><a href="/orders/${attr(id)}">See your order</a></p>
    </order-help>
  </main>
</body>
</html>
`;
}

/**
 * Starts the server on `host` and `port` (0: a free one), its database in `database` (a file,
 * made if missing). `engine`: the `order-help-engine` module. Returns `{ origin, url(path),
 * close(), log, store }`; `log` reads every request it recorded, `{ request, at, verification,
 * status, answer }`, in arrival order (from the database).
 */
export async function startReferenceBackend({
  engine = loadEngine(),
  host = '127.0.0.1',
  port = 0,
  database = process.env.ORDER_HELP_DATABASE ?? DEFAULT_DATABASE,
} = {}) {
  const { byId, bySample } = loadOrders();
  if (database !== ':memory:') mkdirSync(path.dirname(path.resolve(database)), { recursive: true });
  const store = openStore(database);
  for (const record of byId.values()) store.addOrder.run(record.order.id, record.text, record.policyText);
  const started = Date.now();
  /** A sample's clock: its instant, run on since the server started (see the top). */
  const clock = (record) => new Date(record.start + (Date.now() - started));
  const document = store.db.prepare('SELECT document FROM orders WHERE id = ?').pluck();
  const requests = store.db.prepare('SELECT request, received_at, verification, status, answer FROM requests ORDER BY number');

  async function request(req, res) {
    let body = '';
    for await (const chunk of req) {
      body += chunk;
      if (body.length > MAX_BODY) return json(res, 413, { error: { code: 'too_large', message: `a request of at most ${MAX_BODY} bytes` } });
    }
    let parsed;
    try {
      parsed = JSON.parse(body);
    } catch (error) {
      return json(res, 400, { error: { code: 'request_invalid', path: '', message: `expected JSON text: ${error.message}` } });
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return json(res, 400, { error: { code: 'request_invalid', path: '', message: 'expected a request object' } });
    }
    // The receipt time is this server's, taken before anything else is done with the request.
    const sample = byId.get(parsed.order_id);
    const at = sample ? clock(sample) : new Date();
    try {
      return json(res, ...handleRequest(store, engine.verify, parsed, at));
    } catch (error) {
      if (!error.code) throw error;
      return json(res, 400, { error: { code: error.code, path: error.path ?? '', message: error.message } });
    }
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return text(res, 400, 'bad path');
    }
    if (rel === '/api/requests') {
      if (req.method !== 'POST') return text(res, 405, 'POST a request');
      return request(req, res).catch((error) => json(res, 500, { error: { code: 'internal', message: String(error) } }));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, 405, 'method not allowed');
    const api = /^\/api\/orders\/([^/]+)(\/policy)?$/.exec(rel);
    if (api) {
      const row = store.order.get(api[1]);
      if (!row || (api[2] && row.policy === null)) return text(res, 404, 'no such order');
      return send(res, 200, MIME['.json'], api[2] ? row.policy : row.document);
    }
    if (rel === '/help') {
      const record = bySample.get(url.searchParams.get('order') ?? 'multi-shipment');
      if (!record) return text(res, 404, `no sample ${url.searchParams.get('order')}: see static/orders/index.json`);
      const locale = url.searchParams.get('locale') ?? record.locale;
      return send(res, 200, MIME['.html'], helpPage(record, clock(record).toISOString(), locale));
    }
    if (rel === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (rel === '/reference/help.js') return file(res, path.join(here, 'help.js'));
    const inDist = path.resolve(DIST, '.' + path.posix.normalize('/' + rel));
    if (inDist !== DIST && !inDist.startsWith(DIST + path.sep)) return text(res, 404, 'not found');
    return file(res, inDist);
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const origin = `http://${host}:${server.address().port}`;
  return {
    origin,
    store,
    /** The order of record `id` as it is now. */
    order: (id) => JSON.parse(document.get(id)),
    get log() {
      return requests.all().map((row) => ({
        request: JSON.parse(row.request),
        at: row.received_at,
        verification: JSON.parse(row.verification),
        status: row.status,
        answer: JSON.parse(row.answer),
      }));
    },
    url: (p = '/') => origin + p,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          store.db.close();
          resolve();
        });
        server.closeAllConnections?.();
      }),
  };
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

const json = (res, status, value) => send(res, status, MIME['.json'], JSON.stringify(value));
const text = (res, status, body) => send(res, status, 'text/plain; charset=utf-8', body);

async function file(res, name) {
  try {
    let target = name;
    if ((await stat(target)).isDirectory()) target = path.join(target, 'index.html');
    send(res, 200, MIME[path.extname(target)] ?? 'application/octet-stream', await readFile(target));
  } catch {
    text(res, 404, 'not found');
  }
}

// `node examples/reference-backend/server.mjs [port] [database file]`
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startReferenceBackend({
    port: Number(process.argv[2] ?? 8081),
    ...(process.argv[3] ? { database: process.argv[3] } : {}),
  });
  console.log(`the reference back end: ${server.origin}/help?order=multi-shipment (any sample of static/orders/index.json)`);
}
