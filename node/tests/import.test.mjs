// The package's converters (issue 26): `importOrder` (Shopify, WooCommerce) and `importShipment`
// (EasyPost, AfterShip), `{ document, notes }` from a platform's document, and the errors they
// throw: `from_invalid`, `options_invalid`, `document_invalid`, each with a code, a path and a
// message naming what was expected and found.
//
// The round trips go through the converters (engine/src/import/). The inputs are small
// hand-made documents in each platform's shape (the
// platforms' published samples are the engine's tests, engine/tests/import_*.rs).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assess, importOrder, importShipment, node } from './oracle.mjs';
import { easypostTracker, shopifyOrder } from './platforms.mjs';

const AT = '2025-03-25T12:00:00Z';


describe('the source', () => {
  const cases = [
    // [the call, the message after "from: "]
    [() => importOrder('easypost', easypostTracker), 'expected "shopify" or "woocommerce" (an order), found "easypost" (a tracker: importShipment reads it)'],
    [() => importOrder('aftership', {}), 'expected "shopify" or "woocommerce" (an order), found "aftership" (a tracker: importShipment reads it)'],
    [() => importShipment('shopify', shopifyOrder), 'expected "easypost" or "aftership" (a tracker), found "shopify" (an order: importOrder reads it)'],
    [() => importOrder('etsy', shopifyOrder), 'expected "shopify" or "woocommerce" (an order), found "etsy"'],
    [() => importOrder('Shopify', shopifyOrder), 'expected "shopify" or "woocommerce" (an order), found "Shopify"'],
    [() => importShipment(undefined, easypostTracker), 'expected "easypost" or "aftership" (a tracker), found undefined'],
    [() => importShipment(7, easypostTracker), 'expected "easypost" or "aftership" (a tracker), found a number'],
  ];
  for (const [call, message] of cases) {
    test(message, () => {
      const found = node(call);
      assert.equal(found.code, 'from_invalid');
      assert.equal(found.path, '');
      assert.equal(found.error, message);
      assert.deepEqual(found.problems, [{ path: '', message }]);
    });
  }
});

describe('the options', () => {
  const cases = [
    // [options, path, message]
    [{ seller_name: 'Shop' }, 'seller_name', 'expected one of sellerName, sellerKind, fulfilledBy, paymentMethod, assumeZone, shipmentId, found an unknown option'],
    [{ sellerKind: 3 }, 'sellerKind', 'expected a string, found a number'],
    [{ assumeZone: { name: 'UTC' } }, 'assumeZone', 'expected a string, found a object'],
    ['--seller-name=Shop', '', 'expected an object of options, found a string'],
    [['Shop'], '', 'expected an object of options, found a object'],
  ];
  for (const [options, path, message] of cases) {
    test(`${JSON.stringify(options)}: ${message}`, () => {
      const found = node(() => importOrder('shopify', shopifyOrder, options));
      assert.equal(found.code, 'options_invalid');
      assert.equal(found.path, path);
      assert.equal(found.error, path ? `${path}: ${message}` : message);
    });
  }

  test('absent, null, fields null or undefined, and each source\'s own: the call goes on to the document', () => {
    // A document that is not JSON shows how far each call got: past the source and the options.
    const orders = { sellerName: 'Shop', sellerKind: 'marketplace', fulfilledBy: 'seller', paymentMethod: 'other', assumeZone: 'Europe/Amsterdam' };
    const trackers = { assumeZone: 'Europe/Amsterdam', shipmentId: 'S1' };
    for (const options of [undefined, null, {}, { sellerName: null, shipmentId: undefined }, orders]) {
      assert.equal(node(() => importOrder('woocommerce', '{"id": ', options)).code, 'document_invalid', JSON.stringify(options));
    }
    for (const options of [undefined, null, {}, { sellerName: null, shipmentId: undefined }, trackers]) {
      assert.equal(node(() => importShipment('easypost', '{"id": ', options)).code, 'document_invalid', JSON.stringify(options));
    }
  });

  test('an option the source does not read is an error, not a no-op (as on the command line)', () => {
    for (const key of ['sellerName', 'sellerKind', 'fulfilledBy', 'paymentMethod']) {
      const found = node(() => importShipment('aftership', easypostTracker, { assumeZone: 'UTC', [key]: 'x' }));
      assert.equal(found.code, 'options_invalid');
      assert.equal(found.path, key);
      assert.equal(found.error, `${key}: expected an option for aftership (assumeZone, shipmentId), found one for orders (importOrder)`);
    }
    const found = node(() => importOrder('shopify', shopifyOrder, { shipmentId: 'S1' }));
    assert.equal(found.code, 'options_invalid');
    assert.equal(found.path, 'shipmentId');
    assert.match(found.error, /^shipmentId: expected an option for shopify \(.*\), found one for trackers \(importShipment\)$/);
  });
});

describe('the document', () => {
  const cases = [
    // [what, the document, path, message]
    ['text that is not JSON', '{"id": ', '', 'expected JSON text, found a string that is not JSON'],
    ['no document', undefined, '', 'expected the document as an object or its JSON text, found undefined'],
    ['a number', 42, '', 'expected the document as an object or its JSON text, found a number'],
  ];
  for (const [what, document, path, message] of cases) {
    test(what, () => {
      for (const call of [() => importOrder('woocommerce', document), () => importShipment('aftership', document)]) {
        const found = node(call);
        assert.equal(found.code, 'document_invalid');
        assert.equal(found.path, path);
        assert.equal(found.error, message);
      }
    });
  }

  test('a failure of the converter is document_invalid, with the path and message of the engine', () => {
    // Whatever the converters' state, an order given as a tracker cannot convert.
    for (const [source, call] of [['easypost', () => importShipment('easypost', shopifyOrder)], ['aftership', () => importShipment('aftership', shopifyOrder)], ['woocommerce', () => importOrder('woocommerce', easypostTracker)], ['shopify', () => importOrder('shopify', easypostTracker)]]) {
      const found = node(call);
      assert.equal(found.code, 'document_invalid', source);
      assert.equal(found.problems.length, 1, source);
      assert.equal(found.error, found.path ? `${found.path}: ${found.problems[0].message}` : found.problems[0].message, source);
    }
  });
});

describe('round trips', () => {
  test('a Shopify order gives an order of the contract that assess accepts, with the options given', () => {
    const { document, notes } = importOrder('shopify', JSON.stringify(shopifyOrder), { sellerName: 'Example Store', sellerKind: 'marketplace', fulfilledBy: 'seller' });
    assert.equal(document.currency, 'USD');
    assert.deepEqual(document.seller, { name: 'Example Store', kind: 'marketplace', fulfilled_by: 'seller' });
    assert.equal(document.items.length, 1);
    assert.equal(document.items[0].quantity, 1);
    assert.equal(document.items[0].unit_price, 19900, '"199.00" dollars in cents');
    assert.equal(document.customer?.country, 'US', 'the shipping address country');
    assert.equal(document.shipments.length, 1);
    assert.equal(document.shipments[0].status, 'in_transit');
    assert.equal(document.shipments[0].tracking_number, '1Z2345');
    assert.equal(document.shipments[0].tracking_url, 'https://www.ups.com/track?tracknum=1Z2345');
    for (const note of notes) assert.deepEqual(Object.keys(note).sort(), ['message', 'path']);
    assert.equal(assess(document, null, AT).items.length, 1);
    // The object and its text convert alike.
    assert.deepEqual(importOrder('shopify', shopifyOrder, { sellerName: 'Example Store', sellerKind: 'marketplace', fulfilledBy: 'seller' }).document, document);
  });

  test('an EasyPost tracker gives one shipment, with the status detail kept and the id given', () => {
    const { document } = importShipment('easypost', easypostTracker, { shipmentId: 'S1' });
    assert.equal(document.id, 'S1');
    assert.equal(document.status, 'out_for_delivery');
    assert.equal(document.carrier_status, 'out_for_delivery');
    assert.equal(document.tracking_number, '1Z2345');
    assert.equal(importShipment('easypost', easypostTracker).document.id, '1Z2345', 'the default id: the tracking number');
  });

  test('the README\'s path: the order, the tracker put in its place, assessed', () => {
    const order = importOrder('shopify', shopifyOrder, { sellerName: 'Example Store' }).document;
    const shipment = importShipment('easypost', easypostTracker, { shipmentId: order.shipments[0].id }).document;
    order.shipments = order.shipments.map((s) => (s.id === shipment.id ? shipment : s));
    assert.equal(order.shipments[0].status, 'out_for_delivery');
    const assessment = assess(order, null, AT);
    assert.equal(assessment.items.length, order.items.length);
  });

  test('a tracker given where an order is expected says so', () => {
    const found = node(() => importOrder('shopify', easypostTracker, { sellerName: 'Example Store' }));
    assert.equal(found.code, 'document_invalid');
    assert.match(found.error, /tracker|order/i);
  });
});
