// The npm package `order-help-engine` as a store's back end installs it, against the native
// engine as the oracle: `assess` and `previewReturn` give what the `order-help` tool prints on
// every case of every scenario table (engine/tests/scenarios), and bad input throws an Error
// with a `code`, a `path` and the tool's message.
//
// scripts/test.sh (stage node-package) packs the package, installs the tarball into a fresh
// folder with `npm install`, and runs this file with:
//   ORDER_HELP_PACKAGE_DIR  the folder it was installed in (the package is required from there)
//   ORDER_HELP_CLI          the native `order-help` binary
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { assess, effectivePolicy, file, nativeTool, node, previewReturn, root, scenarioDir, scenarios, tool, verify } from './oracle.mjs';

describe('the package gives what the command-line tool prints, on every scenario table', () => {
  test('there are scenario tables', () => assert.ok(scenarios.length >= 30, scenarios.join(', ')));
  for (const name of scenarios) {
    test(name, () => {
      const table = JSON.parse(readFileSync(join(scenarioDir, name), 'utf8'));
      const tableOrderFile = file('order', table.order);
      const policyArgs = table.policy === undefined ? [] : ['--policy', file('policy', table.policy)];
      if (table.error) {
        // A table of bad input: both refuse it with the same message.
        const at = '2026-01-01T00:00:00Z';
        const expected = tool('assess', ['--order', tableOrderFile, ...policyArgs, '--at', at]);
        assert.ok(expected.error, `${name}: the tool refuses it`);
        assert.equal(node(() => assess(table.order, table.policy, at)).error, expected.error, name);
        return;
      }
      assert.ok(table.cases.length > 0);
      for (const [index, { at, propose, request, order_fields: fields }] of table.cases.entries()) {
        const where = `${name}: cases[${index}] at ${at}`;
        // A case may replace some of the order's top-level fields (scenarios.rs).
        const order = fields === undefined ? table.order : { ...table.order, ...fields };
        const orderFile = fields === undefined ? tableOrderFile : file('order', order);
        if (request !== undefined) {
          const requestFile = file('request', request);
          const expected = tool('verify', ['--order', orderFile, ...policyArgs, '--request', requestFile, '--at', at]);
          assert.deepEqual(node(() => verify(order, table.policy, request, at)), expected, where);
        } else if (propose === undefined) {
          const expected = tool('assess', ['--order', orderFile, ...policyArgs, '--at', at]);
          assert.deepEqual(node(() => assess(order, table.policy, at)), expected, where);
        } else {
          const proposalFile = file('proposal', propose);
          const expected = tool('preview-return', ['--order', orderFile, ...policyArgs, '--proposal', proposalFile, '--at', at]);
          const found = node(() => previewReturn(order, table.policy, propose, at));
          if (expected.error) {
            assert.equal(found.error, expected.error, where);
            assert.equal(found.code, found.problem?.code, `${where}: the code is the problem's`);
            assert.ok(found.path && expected.error.startsWith(`${found.path}: `), `${where}: the path ${found.path}`);
          } else {
            assert.deepEqual(found, expected, where);
          }
        }
      }
    });
  }
});

const example = JSON.parse(readFileSync(join(root, 'static', 'orders', 'example.json'), 'utf8'));
const berlin = JSON.parse(readFileSync(join(root, 'static', 'policies', 'berlin.json'), 'utf8'));
const AT = '2025-11-25T12:00:00-08:00';

describe('inputs', () => {
  test('JSON text, a Date and milliseconds give what objects and RFC 3339 give', () => {
    const expected = assess(example, berlin, AT);
    assert.deepEqual(assess(JSON.stringify(example), JSON.stringify(berlin), new Date(AT)), expected);
    assert.deepEqual(assess(example, berlin, Date.parse(AT)), expected);
    assert.equal(expected.time_zone, 'Europe/Berlin');
  });

  test('no policy is the default policy, as the tool without --policy', () => {
    const expected = tool('assess', ['--order', file('order', example), '--at', AT]);
    assert.deepEqual(assess(example, undefined, AT), expected.json);
    assert.deepEqual(assess(example, null, AT), expected.json);
  });

  test('no instant is now', () => {
    const before = Math.floor(Date.now() / 1000);
    const at = Date.parse(assess(example).at) / 1000;
    assert.ok(at >= before && at <= Date.now() / 1000 + 1, `assessed at ${at}, now ${before}`);
  });

  test('the result is plain objects and arrays', () => {
    const result = assess(example, null, AT);
    assert.equal(Object.getPrototypeOf(result), Object.prototype);
    assert.ok(Array.isArray(result.items));
  });
});

describe('every problem of a document at once (issue 24)', () => {
  test('a policy with three mistakes gives three problems, each with its path, in the document\'s order, as the tool does', () => {
    const policy = {
      return_window_days: 0,
      non_returnable_categories: { remove: ['gift_card'] },
      withdrawal: { enabled: true, days: 7 },
    };
    const found = node(() => assess(example, policy, AT));
    assert.equal(found.code, 'policy_invalid');
    assert.equal(found.path, 'return_window_days');
    assert.deepEqual(found.problems.map((p) => p.path), ['return_window_days', 'non_returnable_categories.remove', 'withdrawal.days']);
    for (const problem of found.problems) assert.match(problem.message, /^expected .* found /s);
    assert.equal(found.error.split('\n').length, 3);
    const expected = tool('assess', ['--order', file('order', example), '--policy', file('policy', policy), '--at', AT]);
    assert.equal(found.error, expected.error, 'the tool says the same');
  });
});

describe('bad input throws an Error with a code, the path and the tool\'s message', () => {
  const badPrice = structuredClone(example);
  badPrice.items[0].unit_price = 12.5;
  const badZone = { time_zone: 'Mars/Olympus_Mons' };
  const cases = [
    // [what, the call, the tool's arguments (or null), code, path]
    ['an invalid order', () => assess(badPrice, null, AT), ['assess', '--order', () => file('order', badPrice), '--at', AT], 'order_invalid', 'items[0].unit_price'],
    ['an order that is not JSON', () => assess('{"id": ', null, AT), null, 'order_invalid', ''],
    ['no order', () => assess(undefined, null, AT), null, 'order_invalid', ''],
    ['an invalid policy', () => assess(example, badZone, AT), ['assess', '--order', () => file('order', example), '--policy', () => file('policy', badZone), '--at', AT], 'policy_invalid', 'time_zone'],
    ['an invalid instant', () => assess(example, null, '25 November'), ['assess', '--order', () => file('order', example), '--at', '25 November'], 'now_invalid', ''],
    ['an instant that is not a number', () => assess(example, null, Number.NaN), null, 'now_invalid', ''],
    ['a proposal with an unknown field', () => previewReturn(example, null, { lines: [], reason_id: 'other', extra: 1 }, AT), null, 'proposal_invalid', 'extra'],
    ['a proposal naming no item of the order',
      () => previewReturn(example, null, { lines: [{ item_id: 'nope', quantity: 1 }], reason_id: 'other' }, AT),
      ['preview-return', '--order', () => file('order', example), '--proposal', () => file('proposal', { lines: [{ item_id: 'nope', quantity: 1 }], reason_id: 'other' }), '--at', AT],
      'unknown_item', 'lines[0].item_id'],
  ];
  for (const [what, call, args, code, path] of cases) {
    test(what, () => {
      const found = node(call);
      assert.equal(found.json, undefined, `${what}: expected an Error, found a result`);
      assert.equal(found.code, code);
      assert.equal(found.path, path);
      assert.match(found.error, /expected .*found/s, `the message says what was expected and found: ${found.error}`);
      if (path) assert.ok(found.error.startsWith(`${path}: `), `the message names the path: ${found.error}`);
      if (args) {
        const expected = tool(args[0], args.slice(1).map((arg) => (typeof arg === 'function' ? arg() : arg)));
        assert.equal(found.error, expected.error, 'the tool says the same');
      }
    });
  }
});

describe('effectivePolicy gives what `order-help policy` prints', () => {
  const policies = [
    ['the default policy', undefined],
    ['a file', berlin],
    ['a file editing a default list, as its text', JSON.stringify({ non_returnable_categories: { add: ['books'] }, withdrawal: { enabled: true } })],
  ];
  for (const [what, policy] of policies) {
    test(what, () => {
      const args = policy === undefined ? [] : [file('policy', policy)];
      const run = spawnSync(nativeTool, ['policy', ...args], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const { policy: effective, fields } = effectivePolicy(policy);
      assert.deepEqual(effective, JSON.parse(run.stdout), 'the policy, on stdout');
      // stderr: a heading, then "path  from  value" for each field.
      const rows = run.stderr.trimEnd().split('\n').slice(1).map((line) => line.split(/ {2,}/).slice(0, 2));
      assert.deepEqual(fields.map((f) => [f.path, f.from]), rows, 'where each field comes from, on stderr');
      for (const { path, value } of fields) {
        assert.deepEqual(value, path.split('.').reduce((v, name) => v[name], effective), path);
      }
    });
  }

  test('a bad policy throws policy_invalid with the path, as the tool says', () => {
    const bad = { time_zone: 'Mars' };
    const found = node(() => effectivePolicy(bad));
    assert.equal(found.code, 'policy_invalid');
    assert.equal(found.path, 'time_zone');
    assert.equal(found.error, tool('assess', ['--order', file('order', example), '--policy', file('policy', bad)]).error);
  });
});
