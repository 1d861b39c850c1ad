// The reference back end under load (issue 22): a bounded loopback run, not a test. The server
// (examples/reference-backend/server.mjs) runs as its own process on a fresh database holding
// one extra order of record — an item of 1,000,000 units, delivered yesterday — and CONCURRENCY
// clients send it honest return requests of one unit each, every one with its own
// idempotency_key, for SECONDS seconds. Then it reports requests per second, latency (p50, p99,
// max), errors, whether the database holds every accepted request exactly once (and the order
// of record counts exactly those units), and the server's resident memory along the run
// (each second).
//
//   node benches/reference-backend.mjs [--seconds 20] [--concurrency 16]
//
// The package: $ORDER_HELP_ENGINE_DIR, else the tarball of `make node-package`, installed into a
// temporary folder (tests/e2e/reference.mjs). Exits 1 when a bound is missed: fewer than 2,000
// requests per second, p99 of 20 ms or more, an error, a request not recorded exactly once, or
// memory grown by more than 16 MiB in the second half of the run. Numbers are the machine's:
// run it on a quiet one (another build on the same cores halves them).
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openStore } from '../examples/reference-backend/store.mjs';
import { installEngine, spawnServer } from '../tests/e2e/reference.mjs';

const { values: args } = parseArgs({
  options: { seconds: { type: 'string', default: '20' }, concurrency: { type: 'string', default: '16' } },
});
const SECONDS = Number(args.seconds);
const CONCURRENCY = Number(args.concurrency);
const ORDER_ID = 'BENCH-1';
const UNITS = 1_000_000;

const engine = installEngine();
const work = mkdtempSync(path.join(tmpdir(), 'order-help-bench-'));
const file = path.join(work, 'store.sqlite');

/** The order of record every request returns a unit of (it runs on the real time: not a sample). */
function seed() {
  const day = 86_400_000;
  const iso = (ms) => new Date(ms).toISOString();
  const now = Date.now();
  const order = {
    id: ORDER_ID,
    placed_at: iso(now - 3 * day),
    currency: 'USD',
    seller: { name: 'Example Store', kind: 'retailer', fulfilled_by: 'retailer' },
    items: [{ id: 'A', title: 'Paper cup', quantity: UNITS, unit_price: 25, shipment: 'S1' }],
    shipments: [{ id: 'S1', status: 'delivered', carrier: 'UPS', shipped_at: iso(now - 2 * day), delivered_at: iso(now - day) }],
  };
  const store = openStore(file);
  store.addOrder.run(ORDER_ID, JSON.stringify(order), null);
  store.db.close();
}

/** The process's resident memory in MiB (Linux). */
function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

async function run() {
  seed();
  const server = await spawnServer(file, engine.dir);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = new URL('/api/requests', server.origin);
  const post = (body) =>
    new Promise((resolve, reject) => {
      const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, text }));
      });
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });

  const latencies = [];
  const errors = [];
  let accepted = 0;
  let sent = 0;
  const memory = [];
  const sampler = setInterval(() => memory.push(rssMiB(server.pid)), 1000);
  const until = performance.now() + SECONDS * 1000;
  const client = async (n) => {
    for (let i = 0; performance.now() < until; i += 1) {
      sent += 1;
      const body = {
        kind: 'return',
        order_id: ORDER_ID,
        items: [{ item_id: 'A', quantity: 1 }],
        assessed_at: new Date().toISOString(),
        verdicts: [{ item_id: 'A', return: 'allowed', code: 'within_window' }],
        reason: 'no_longer_needed',
        comment: null,
        lines: [{ item_id: 'A', quantity: 1, opened: null }],
        idempotency_key: `bench-${n}-${i}`,
      };
      const started = performance.now();
      try {
        const { status, text } = await post(body);
        latencies.push(performance.now() - started);
        const answer = JSON.parse(text);
        if (status === 200 && answer.status === 'accepted') accepted += 1;
        else errors.push(`${status} ${text.slice(0, 200)}`);
      } catch (error) {
        errors.push(String(error));
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, n) => client(n)));
  const elapsed = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  agent.destroy();
  await server.stop();

  const db = new Database(file, { readonly: true });
  const rows = db.prepare("SELECT COUNT(*) AS n, COUNT(DISTINCT idempotency_key) AS keys FROM requests WHERE order_id = ?").get(ORDER_ID);
  const order = JSON.parse(db.prepare('SELECT document FROM orders WHERE id = ?').pluck().get(ORDER_ID));
  db.close();

  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const rate = latencies.length / elapsed;
  // Memory half-way through the run (the heap has grown to its working size by then) against
  // the end: a store that kept something per request would still be growing.
  const warm = memory[Math.floor(memory.length / 2)];
  const last = memory.at(-1);
  const units = order.items[0].return_requested_quantity ?? 0;
  const checks = [
    [`${rate.toFixed(0)} requests/s (at least 2,000)`, rate >= 2000],
    [`p50 ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms (under 20), max ${latencies.at(-1).toFixed(1)} ms`, at(0.99) < 20],
    [`${errors.length} errors${errors.length ? `: ${errors[0]}` : ''}`, errors.length === 0],
    [`${accepted} accepted, ${rows.n} recorded under ${rows.keys} keys, ${units} units on the order of record`, rows.n === sent && rows.keys === sent && units === accepted && accepted === sent],
    [`server memory ${warm.toFixed(1)} MiB half-way → ${last.toFixed(1)} MiB at the end (max ${Math.max(...memory).toFixed(1)})`, last - warm <= 16],
  ];
  console.log(`reference back end, ${CONCURRENCY} concurrent, ${elapsed.toFixed(1)} s, ${sent} requests (Node ${process.version})`);
  for (const [line, ok] of checks) console.log(`${ok ? 'ok  ' : 'MISS'} ${line}`);
  console.log(`server memory each second (MiB): ${memory.map((m) => m.toFixed(0)).join(' ')}`);
  return checks.every(([, ok]) => ok);
}

let ok = false;
try {
  ok = await run();
} finally {
  rmSync(work, { recursive: true, force: true });
  if (engine.made) rmSync(engine.dir, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
