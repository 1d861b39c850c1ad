// The package's `order-help` command (`npx order-help …`, node/npm/cli.js), run as `npm install`
// links it, against the native tool: on the same arguments both print the same stdout and exit
// with the same status (0, verify's 1, 2), and bad input gets the same message on stderr,
// naming the file and the field.
//
// `import` is compared with the native tool and with the package's functions.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { bin, file, importOrder, importShipment, nativeTool, node, root, scenarioDir, scenarios, tool } from './oracle.mjs';
import { easypostTracker, shopifyOrder } from './platforms.mjs';

/** A run in the project's root (the sample files' paths are relative to it). */
function run(program, args) {
  const { stdout, stderr, status } = spawnSync(program, args, { cwd: root, encoding: 'utf8' });
  return { stdout, stderr, status };
}
const npx = (args) => run(bin, args);
const native = (args) => run(nativeTool, args);

const AT = '2025-11-25T12:00:00-08:00';
const EXAMPLE = 'static/orders/example.json';
const example = JSON.parse(readFileSync(join(root, EXAMPLE), 'utf8'));

/** The first verify case of the scenario tables whose request the native tool `accepted` (or not). */
function verifyCase(accepted) {
  for (const name of scenarios) {
    const table = JSON.parse(readFileSync(join(scenarioDir, name), 'utf8'));
    for (const { at, request, order_fields: fields } of table.cases ?? []) {
      if (request === undefined) continue;
      const args = ['--order', file('order', { ...table.order, ...fields }), '--request', file('request', request), '--at', at];
      if (table.policy !== undefined) args.push('--policy', file('policy', table.policy));
      if (tool('verify', args).json.accepted === accepted) return ['verify', ...args];
    }
  }
  assert.fail(`no scenario has a request the tool ${accepted ? 'accepts' : 'rejects'}`);
}

const badPrice = structuredClone(example);
badPrice.items[0].unit_price = 12.5;
const firstItem = example.items[0].id;
const directory = mkdtempSync(join(tmpdir(), 'order-help-dir-'));

// [what, the arguments, the exit status expected]
const same = [
  ['assess', () => ['assess', '--order', EXAMPLE, '--at', AT], 0],
  ['assess with a policy, --order=FILE', () => ['assess', `--order=${EXAMPLE}`, '--policy', 'static/policies/berlin.json', '--at', AT], 0],
  ['preview-return', () => ['preview-return', '--order', EXAMPLE, '--proposal', file('proposal', { lines: [{ item_id: firstItem, quantity: 1 }], reason_id: 'other' }), '--at', AT], 0],
  ['verify, accepted', () => verifyCase(true), 0],
  ['verify, rejected', () => verifyCase(false), 1],
  ['policy, the default', () => ['policy'], 0],
  ['policy of a file', () => ['policy', 'static/policies/berlin-withdrawal.json'], 0],
  ['policy editing a default list', () => ['policy', file('policy', { non_returnable_categories: { add: ['books'] }, withdrawal: { enabled: true } })], 0],
  ['an order with a bad field', () => ['assess', '--order', file('order', badPrice), '--at', AT], 2],
  ['a policy with three problems', () => ['assess', '--order', EXAMPLE, '--policy', file('policy', { return_window_days: 0, time_zone: 'Mars', withdrawal: { days: 7 } }), '--at', AT], 2],
  ['a proposal that does not fit the order', () => ['preview-return', '--order', EXAMPLE, '--proposal', file('proposal', { lines: [{ item_id: 'nope', quantity: 1 }], reason_id: 'other' }), '--at', AT], 2],
  ['a request that is not one', () => ['verify', '--order', EXAMPLE, '--request', file('request', { kind: 'swap' }), '--at', AT], 2],
  ['a bad policy file for policy', () => ['policy', file('policy', { time_zone: 'Mars' })], 2],
  ['text that is not JSON', () => ['assess', '--order', file('order', '{"id": "A",\n  "items": [')], 2],
  ['JSON nested too deep', () => ['assess', '--order', file('order', `${'['.repeat(200)}${']'.repeat(200)}`)], 2],
  ['a file that is not there', () => ['assess', '--order', 'static/orders/no-such-order.json'], 2],
  ['a folder', () => ['assess', '--order', directory], 2],
  ['a file that is not UTF-8', () => ['assess', '--order', file('order', Buffer.from([0x7b, 0xff, 0x7d]).toString('latin1'))], 2],
  ['a byte-order mark before the JSON', () => ['assess', '--order', file('order', `\ufeff${JSON.stringify(example)}`), '--at', AT], 0],
  ['a file too large', () => ['assess', '--order', file('order', ' '.repeat(10 * 1024 * 1024 + 1))], 2],
  ['a bad --at', () => ['assess', '--order', EXAMPLE, '--at', '25 November'], 2],
];
// Bad usage: the message, a blank line and the usage text.
const usage = [
  ['no command', () => []],
  ['an unknown command', () => ['check']],
  ['no --order', () => ['assess']],
  ['--order twice', () => ['assess', '--order', 'a', '--order', 'b']],
  ['an option of another command', () => ['assess', '--order', EXAMPLE, '--request', 'r.json']],
  ['no value', () => ['verify', '--order']],
  ['two policy files', () => ['policy', 'a.json', 'b.json']],
];

describe('the npm command prints what the native tool prints, with its exit status', () => {
  for (const [what, args, status] of same) {
    test(what, () => {
      const list = args();
      const [ours, theirs] = [npx(list), native(list)];
      assert.equal(theirs.status, status, `the native tool: ${theirs.stderr}`);
      assert.deepEqual(ours, theirs, list.join(' '));
      if (status === 2) {
        // Every line names the file (or --at) and the message says what was expected and found.
        const named = [...list.filter((arg) => !arg.startsWith('-')), '--at'];
        for (const line of ours.stderr.trimEnd().split('\n')) {
          assert.ok(named.some((name) => line.startsWith(`order-help: ${name}: `)), `names the file: ${line}`);
        }
        assert.equal(ours.stdout, '');
      }
    });
  }
  for (const [what, args] of usage) {
    test(`bad usage: ${what}`, () => {
      const list = args();
      const [ours, theirs] = [npx(list), native(list)];
      assert.equal(ours.status, 2);
      assert.equal(theirs.status, 2);
      assert.equal(ours.stdout, '');
      assert.equal(ours.stderr.split('\n')[1], '', 'a blank line, then the usage text');
      assert.match(ours.stderr, /\n\nUsage: order-help assess/);
      assert.equal(ours.stderr, theirs.stderr);
    });
  }
  test('--help: the usage text, every command, status 0', () => {
    const ours = npx(['--help']);
    assert.deepEqual(ours, native(['--help']));
    assert.equal(ours.status, 0);
    for (const command of ['assess', 'preview-return', 'verify', 'policy', 'import']) assert.match(ours.stdout, new RegExp(`^ {7}order-help ${command} |^Usage: order-help ${command} `, 'm'));
    assert.equal(ours.stderr, '');
    assert.deepEqual(npx(['import', '--help']), ours);
  });
});

/** What the package's function gives, as the command prints it: `{ stdout, stderr, status }`. */
function expectedImport(call, path) {
  const found = node(call);
  if (found.error !== undefined) {
    const [source, what] = [call.source, call.produces];
    return { stdout: '', stderr: `order-help: ${path}: ${found.error} (reading it as ${source} for one ${what})\n`, status: 2 };
  }
  const notes = found.json.notes.map((n) => `order-help: ${path}: note: ${n.path ? `${n.path}: ` : ''}${n.message}\n`);
  return { stdout: `${JSON.stringify(found.json.document, null, 2)}\n`, stderr: notes.join(''), status: 0 };
}

/** The package's call for `import --from source`, knowing its source and what it gives. */
const order = (source, ...args) => Object.assign(() => importOrder(source, ...args), { source, produces: 'order' });
const shipment = (source, ...args) => Object.assign(() => importShipment(source, ...args), { source, produces: 'shipment' });

describe('import', () => {
  const shopify = file('shopify', shopifyOrder);
  const easypost = file('easypost', easypostTracker);
  const orderOptions = { sellerName: 'Example Store', sellerKind: 'marketplace', fulfilledBy: 'seller', paymentMethod: 'other', assumeZone: 'Europe/Amsterdam' };
  const orderFlags = ['--seller-name', 'Example Store', '--seller-kind', 'marketplace', '--fulfilled-by', 'seller', '--payment-method', 'other', '--assume-zone', 'Europe/Amsterdam'];
  const trackerOptions = { assumeZone: 'Europe/Amsterdam', shipmentId: 'S1' };
  const trackerFlags = ['--assume-zone=Europe/Amsterdam', '--shipment-id', 'S1'];
  const cases = [
    // [what, the arguments, the package's call]
    ['a Shopify order', ['import', '--from', 'shopify', shopify], order('shopify', shopifyOrder)],
    ['a Shopify order with every option', ['import', '--from=shopify', shopify, ...orderFlags], order('shopify', shopifyOrder, orderOptions)],
    ['an EasyPost tracker', ['import', easypost, '--from', 'easypost'], shipment('easypost', easypostTracker)],
    ['an EasyPost tracker with every option', ['import', '--from', 'easypost', easypost, ...trackerFlags], shipment('easypost', easypostTracker, trackerOptions)],
    ['a tracker where an order is expected', ['import', '--from', 'woocommerce', easypost], order('woocommerce', easypostTracker)],
    ['an order where a tracker is expected', ['import', '--from', 'aftership', shopify], shipment('aftership', shopifyOrder)],
  ];
  for (const [what, args, call] of cases) {
    test(`${what}: what the package's function gives (the document on stdout, each note on stderr), or its error naming the file`, () => {
      const path = args.find((arg) => arg.endsWith('.json'));
      assert.deepEqual(npx(args), expectedImport(call, path));
    });
  }

  test('text that is not JSON: exit 2, the file and where (line and column), as for every document', () => {
    const bad = file('shopify', '{"order": {"id": 1,,}}');
    const ours = npx(['import', '--from', 'shopify', bad]);
    assert.equal(ours.status, 2);
    assert.equal(ours.stdout, '');
    assert.match(ours.stderr, / at line 1 column 20\n$/, 'where the second comma is');
    // The native tool's words for an order that is not JSON.
    assert.equal(ours.stderr, native(['assess', '--order', bad]).stderr);
  });

  const badUsage = [
    [['import', shopify], 'expected --from (shopify, woocommerce, easypost, aftership)'],
    [['import', '--from', 'etsy', shopify], 'expected --from shopify, woocommerce, easypost, aftership, found "etsy"'],
    [['import', '--from', 'shopify'], 'expected the file to import'],
    [['import', '--from', 'shopify', shopify, easypost], `expected one file to import, found "${shopify}" and "${easypost}"`],
    [['import', '--from', 'shopify', shopify, '--order', EXAMPLE], 'unknown option "--order"'],
    [['import', '--from', 'shopify', shopify, '--seller-kind'], 'expected a value after --seller-kind'],
    [['assess', '--order', EXAMPLE, '--seller-name', 'Shop'], 'unknown option "--seller-name"'],
    [['import', '--from', 'easypost', easypost, '--seller-kind', 'retailer'], '--seller-kind is for orders (shopify, woocommerce), not for easypost'],
    [['import', '--from', 'shopify', shopify, '--shipment-id', 'S1'], '--shipment-id is for trackers (easypost, aftership), not for shopify'],
  ];
  for (const [args, message] of badUsage) {
    test(`bad usage: ${message}`, () => {
      const ours = npx(args);
      assert.equal(ours.status, 2);
      assert.equal(ours.stdout, '');
      assert.ok(ours.stderr.startsWith(`order-help: ${message}\n\nUsage: `), ours.stderr);
    });
  }

  // jq is installed by scripts/setup.sh: without it this test fails rather than skips.
  test('the README\'s From your platform, as written: its three command lines, then its three lines of Node', () => {
    assert.equal(spawnSync('jq', ['--version']).status, 0, 'jq is needed (scripts/setup.sh installs it)');
    const section = readFileSync(join(root, 'README.md'), 'utf8').split('\n## From your platform\n')[1].split('\n## ')[0];
    const [commands, js] = [...section.matchAll(/```(?:js)?\n([\s\S]*?)```/g)].map((m) => m[1]);
    // The command lines in a folder with the two payloads, `order-help` being the package's.
    const dir = mkdtempSync(join(tmpdir(), 'order-help-readme-'));
    writeFileSync(join(dir, 'shopify-order.json'), JSON.stringify(shopifyOrder));
    writeFileSync(join(dir, 'tracker.json'), JSON.stringify(easypostTracker));
    mkdirSync(join(dir, 'orders'));
    const path = `${dirname(bin)}:${process.env.PATH}`;
    for (const line of commands.trim().split('\n')) {
      const ran = spawnSync('bash', ['-c', line], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: path } });
      assert.equal(ran.status, 0, `${line}: ${ran.stderr}`);
    }
    const served = JSON.parse(readFileSync(join(dir, 'orders', '450789469.json'), 'utf8'));
    assert.equal(served.shipments[0].status, 'out_for_delivery', 'the tracker\'s state is the order\'s');
    assert.equal(npx(['assess', '--order', join(dir, 'orders', '450789469.json'), '--at', '2025-03-25T12:00:00Z']).status, 0);
    // The Node lines give the same order.
    const run = new Function('importOrder', 'importShipment', 'shopifyOrder', 'tracker', `${js}\nreturn order;`);
    assert.deepEqual(run(importOrder, importShipment, shopifyOrder, easypostTracker), served);
    rmSync(dir, { recursive: true, force: true });
  });

  test('the native tool prints the same', () => {
    for (const [, args] of cases) assert.deepEqual(npx(args), native(args), args.join(' '));
    for (const [args] of badUsage) assert.deepEqual(npx(args), native(args), args.join(' '));
  });
});
