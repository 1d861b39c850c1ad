// Node ≡ native on generated inputs: the package's `verify` and `assess` give what the
// `order-help` tool prints (the native engine is the oracle) on orders, requests and instants
// generated from the scenario tables with a seeded PRNG: item quantities changed, requests of
// every kind naming items the order has or not, quantities around the ordered and returnable
// ones (and 0), another order's id, an unknown kind, stale or changed verdicts, unknown or missing
// reasons and missing or blank comments, bundles split or whole,
// instants on and around each deadline the engine reports (a second either side, a minute, an
// hour, a day), and withdrawals whose `declared_at` is on either side of the allowed delay and
// clock skew. Bad input must be refused by both with the same message.
//
// ORDER_HELP_SEED picks the seed (default below), ORDER_HELP_CASES the number of cases; a
// failure names the seed, the case and its inputs. Each case spawns the tool twice (~7 ms each).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { assess, file, node, scenarioDir, scenarios, tool, verify } from './oracle.mjs';

const SEED = Number(process.env.ORDER_HELP_SEED ?? 20260315);
const CASES = Number(process.env.ORDER_HELP_CASES ?? 400);

/** mulberry32: a small, well-known 32-bit PRNG; the same seed gives the same cases. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(SEED);
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];
const chance = (p) => random() < p;

/** RFC 3339 without fractions: in UTC, or at a whole-hour offset (both parse everywhere). */
function rfc3339(ms) {
  const offsetHours = pick([0, 0, 1, 2, -7, -8, 9]);
  const local = new Date(Math.floor(ms / 1000) * 1000 + offsetHours * 3600e3).toISOString().slice(0, 19);
  if (offsetHours === 0) return `${local}Z`;
  const sign = offsetHours < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
}

/** Every code of `verify` (the README's table). */
const CODES = [
  'accepted', 'items_rejected', 'order_mismatch', 'unknown_reason', 'reason_required', 'comment_required',
  'unknown_item', 'quantity_exceeds_ordered', 'not_cancellable_now', 'bundle_incomplete', 'not_delivered_yet', 'return_window_closed', 'not_returnable', 'quantity_exceeds_returnable',
  'withdrawal_not_offered', 'not_covered_by_withdrawal', 'withdrawal_period_over', 'declared_at_missing',
  'declared_after_receipt', 'declaration_delayed',
];

const SECOND = 1000;
/** Distances from an instant of interest: on it, a second, a minute, an hour, a day, weeks. */
const NEAR = [0, 0, 1, -1, 1, -1, 59, -60, 3600, -3600, 86400, -86400, 14 * 86400, -30 * 86400].map((s) => s * SECOND);

const tables = scenarios
  .map((name) => ({ name, ...JSON.parse(readFileSync(join(scenarioDir, name), 'utf8')) }))
  .filter((table) => !table.error && table.cases?.length);

/** The instants the engine says something changes at, for `order` at `at` (none when it refuses the order). */
function deadlines(order, policy, at) {
  let a;
  try {
    a = assess(order, policy, at);
  } catch {
    return [];
  }
  const out = [a.next_change_at, a.withdrawal?.deadline];
  for (const item of a.items) out.push(item.cancel.grace_ends_at, item.return.deadline);
  return out.filter(Boolean).map(Date.parse);
}

/** The verdicts the customer was shown, by kind: at `assessedAt`, or changed on purpose. */
function verdictsFor(kind, order, policy, assessedAt, items) {
  let a;
  try {
    a = assess(order, policy, assessedAt);
  } catch {
    return [];
  }
  const byId = new Map(a.items.map((item) => [item.item_id ?? item.id, item]));
  return items.flatMap(({ item_id: id }) => {
    const item = byId.get(id);
    if (!item || chance(0.15)) return [];
    if (kind === 'cancel') {
      const v = chance(0.8) ? item.cancel : { verdict: pick(['allowed', 'request']), code: item.cancel.code };
      return [{ item_id: id, cancel: v.verdict, code: v.code }];
    }
    if (kind === 'return') {
      const v = chance(0.8) ? item.return : { verdict: 'allowed', code: 'within_window' };
      return [{ item_id: id, return: v.verdict, code: v.code }];
    }
    return [{ item_id: id, withdrawal: a.withdrawal.verdict, code: a.withdrawal.code }];
  });
}

/** A request of a random kind for `order`, assessed a little before `at`. */
function request(order, policy, at) {
  const kind = chance(0.02) ? 'refund' : pick(['cancel', 'return', 'withdrawal']);
  const ids = order.items.map((item) => item.id);
  const chosen = [...ids].sort(() => random() - 0.5).slice(0, 1 + int(Math.min(3, ids.length)));
  const items = chosen.map((id) => {
    const ordered = order.items.find((item) => item.id === id).quantity ?? 1;
    const returned = order.items.find((item) => item.id === id).returned_quantity ?? 0;
    const quantity = chance(0.03) ? 0 : pick([ordered, ordered, 1, ordered + 1, ordered - returned, ordered - returned + 1]);
    return { item_id: id, quantity: Math.max(quantity, chance(0.97) ? 1 : 0) };
  });
  if (chance(0.06)) items.push({ item_id: 'no-such-item', quantity: 1 });
  if (chance(0.03)) items.push({ ...items[0] });
  const assessedAt = at - pick([0, 1, 60, 600, 3600, 86400]) * SECOND;
  const r = {
    kind,
    order_id: chance(0.05) ? `${order.id}-other` : order.id,
    items,
    assessed_at: rfc3339(assessedAt),
    idempotency_key: `oh-${int(2 ** 32).toString(16).padStart(8, '0')}${int(2 ** 32).toString(16).padStart(8, '0')}`,
  };
  if (chance(0.8)) r.verdicts = verdictsFor(kind, order, policy, assessedAt, items);
  if (kind === 'cancel') {
    r.reason = pick([null, null, 'ordered_by_mistake', 'found_better_price', 'other', 'no-such-reason']);
    r.comment = pick([null, 'Changed my mind.', '']);
  }
  if (kind === 'return') {
    r.reason = pick(['no_longer_needed', 'arrived_damaged', 'other', 'other', 'no-such-reason', null]);
    r.comment = pick([null, 'Too small.', ' ']);
    if (chance(0.7)) r.lines = items.map((item) => ({ ...item, opened: pick([null, true, false]) }));
  }
  if (kind === 'withdrawal') {
    // Around the allowed delay (600 s by default) and the clock skew (300 s ahead).
    const gap = pick([0, 1, 299, 300, 301, 599, 600, 601, 3600, -299, -300, -301, -600]);
    if (chance(0.95)) r.declared_at = rfc3339(at - gap * SECOND);
    r.customer = { name: 'Erika Mustermann', email: 'erika@example.de' };
  }
  return r;
}

/** The order with some quantities changed (more, fewer, some already returned). */
function mutateOrder(order) {
  const next = structuredClone(order);
  for (const item of next.items) {
    if (chance(0.25)) item.quantity = 1 + int(4);
    if (chance(0.1)) item.returned_quantity = int((item.quantity ?? 1) + 1);
  }
  return next;
}

test(`${CASES} generated cases: verify and assess as the tool prints them (seed ${SEED})`, () => {
  const started = Date.now();
  const seen = { verify: new Map(), assess: 0, errors: 0 };
  for (let index = 0; index < CASES; index += 1) {
    const table = pick(tables);
    const order = chance(0.5) ? mutateOrder(table.order) : table.order;
    const base = Date.parse(pick(table.cases).at);
    const marks = [base, ...deadlines(order, table.policy, base)];
    const at = rfc3339(pick(marks) + pick(NEAR));
    const tableRequest = table.cases.find((c) => c.request)?.request;
    const req = tableRequest && chance(0.3) ? { ...tableRequest, assessed_at: rfc3339(Date.parse(at) - 60 * SECOND) } : request(order, table.policy, Date.parse(at));
    const where = `seed ${SEED}, case ${index} (${table.name}): ${JSON.stringify({ at, request: req, order: order === table.order ? '(the table\'s)' : order })}`;

    const orderFile = file('order', order);
    const policyArgs = table.policy === undefined ? [] : ['--policy', file('policy', table.policy)];
    const expected = tool('verify', ['--order', orderFile, ...policyArgs, '--request', file('request', req), '--at', at]);
    const found = node(() => verify(order, table.policy, req, at));
    if (expected.error) {
      seen.errors += 1;
      assert.equal(found.error, expected.error, where);
    } else {
      assert.deepEqual(found, expected, where);
      const key = `${expected.json.kind}:${expected.json.code}`;
      seen.verify.set(key, (seen.verify.get(key) ?? 0) + 1);
      for (const item of expected.json.items) seen.verify.set(`item:${item.code}`, (seen.verify.get(`item:${item.code}`) ?? 0) + 1);
    }
    const expectedAssessment = tool('assess', ['--order', orderFile, ...policyArgs, '--at', at]);
    const foundAssessment = node(() => assess(order, table.policy, at));
    if (expectedAssessment.error) assert.equal(foundAssessment.error, expectedAssessment.error, where);
    else assert.deepEqual(foundAssessment, expectedAssessment, where);
    seen.assess += 1;
  }
  const codes = [...seen.verify.keys()].sort();
  console.log(`${CASES} cases in ${((Date.now() - started) / 1000).toFixed(1)} s; bad input ${seen.errors}; codes reached: ${codes.map((c) => `${c} ×${seen.verify.get(c)}`).join(', ')}`);
  // The generator must reach every code, not only the happy path (else it proves little).
  const reached = new Set(codes.map((c) => c.split(':')[1]));
  for (const code of CODES) assert.ok(reached.has(code), `the generated cases reach ${code}: ${codes.join(', ')}`);
  assert.ok(seen.errors > 0, 'some generated requests are bad input');
});
