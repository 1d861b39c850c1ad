// A store back end's use of the package, type-checked (`tsc --noEmit`, strict) against the
// declarations the package ships: scripts/test.sh copies this file next to an installed copy.
import {
  assess,
  effectivePolicy,
  importOrder,
  importShipment,
  previewReturn,
  verify,
  type Assessment,
  type EffectivePolicy,
  type ImportOptions,
  type Imported,
  type OrderSource,
  type Shipment,
  type ShipmentSource,
  type CancelVerdict,
  type ErrorCode,
  type Order,
  type OrderHelpError,
  type Policy,
  type ReturnPreview,
  type ReturnProposal,
  type Request,
  type Verification,
} from 'order-help-engine';

const order: Order = {
  id: '112-0000002',
  placed_at: '2025-03-20T09:00:00-07:00',
  currency: 'USD',
  seller: { name: 'Example Store', kind: 'retailer', fulfilled_by: 'retailer' },
  items: [{ id: 'A', title: 'Kettle', quantity: 1, unit_price: 2999, shipment: 'S1' }],
  shipments: [{ id: 'S1', status: 'staged', carrier: 'ups' }],
};
// Issue 21: any carrier by name, a parcel waiting at a pickup point, its tracking.
const atPickupPoint: Order = {
  ...order,
  shipments: [
    {
      id: 'S1',
      status: 'available_for_pickup',
      carrier: 'DPD',
      tracking_number: '05212345678901',
      tracking_url: 'https://tracking.dpd.example/parcel/05212345678901',
      pickup_location: 'DPD Pickup Parcelshop, Utrecht',
      pickup_until: '2026-05-12T18:00:00+02:00',
      pickup_kind: 'locker',
    },
  ],
};
const noCarrier: Order = { ...order, shipments: [{ id: 'S1', status: 'exception', exception_kind: 'customs' }] };
const policy: Policy = { time_zone: 'America/Los_Angeles', category_windows: { books: 14 } };
// Issue 22: the order records a pending cancellation and a received withdrawal; markets.
const recorded: Order = {
  ...order,
  customer: { name: 'Sanne de Vries', email: 'sanne@example.nl', country: 'NL' },
  items: [
    { ...order.items[0], cancellation_requested_at: '2025-03-20T09:30:00-07:00', cancellation_requested_quantity: 1, cancellation_id: 'C-1' },
    { id: 'B', title: 'Mug', quantity: 2, unit_price: 900, withdrawal_received_at: '2025-03-28T12:00:00-07:00', withdrawn_quantity: 1 },
  ],
};
const eeaOnly: Policy = { withdrawal: { enabled: true, countries: ['NL', 'DE'] } };
const everywhere: Policy = { withdrawal: { enabled: true, countries: 'all' } };
const eea: Policy = { withdrawal: { enabled: true, countries: 'eu_eea' } };
// @ts-expect-error: countries is "all" or a list of codes
const some: Policy = { withdrawal: { countries: 'some' } };

const assessment: Assessment = assess(order, policy, new Date());
const verdict: CancelVerdict = assessment.items[0].cancel.verdict;
const deadline: string | null = assessment.items[0].return.deadline;
const fromText: Assessment = assess(JSON.stringify(order));

const proposal: ReturnProposal = { lines: [{ item_id: 'A', quantity: 1, opened: true }], reason_id: 'other' };
const preview: ReturnPreview = previewReturn(order, null, proposal, '2025-04-01T12:00:00Z');
const total: number = preview.total;

const request: Request = {
  kind: 'cancel',
  order_id: order.id,
  items: [{ item_id: 'A', quantity: 1 }],
  assessed_at: '2025-03-20T10:00:00-07:00',
};
const verification: Verification = verify(order, policy, request, new Date());
const accepted: boolean = verification.accepted && verification.items.every((item) => item.accepted);
const changed: boolean = verification.items[0].changed_since_assessed;

try {
  assess(order, policy, Date.now());
} catch (error) {
  const { code, path, problem } = error as OrderHelpError;
  const known: ErrorCode = code;
  if (problem?.code === 'quantity_exceeds_returnable') {
    const most: number = problem.returnable;
    void [known, path, most];
  }
}

// Issue 26: a platform's order and a tracker's payload, converted; the effective policy.
const shopifyOrder: object = { id: 450789469, currency: 'USD', line_items: [] };
const options: ImportOptions = { sellerName: 'Example Store', sellerKind: 'marketplace', fulfilledBy: 'seller', assumeZone: 'Europe/Amsterdam' };
const imported: Imported<Order> = importOrder('shopify', shopifyOrder, options);
const importedOrder: Order = imported.document;
const notes: string[] = imported.notes.map((note) => `${note.path}: ${note.message}`);
const tracked: Shipment = importShipment('easypost', '{"object": "Tracker"}', { shipmentId: importedOrder.shipments?.[0]?.id }).document;
importedOrder.shipments = [tracked];
const fromWoo: Order = importOrder('woocommerce', {}, null).document;
const fromAfterShip: Shipment = importShipment('aftership', {}).document;
const orderSources: OrderSource[] = ['shopify', 'woocommerce'];
const shipmentSources: ShipmentSource[] = ['easypost', 'aftership'];
// @ts-expect-error: EasyPost gives a shipment, not an order
importOrder('easypost', {});
// @ts-expect-error: Shopify gives an order, not a shipment
importShipment('shopify', {});
// @ts-expect-error: "shop" is no seller kind
const badKind: ImportOptions = { sellerKind: 'shop' };
// @ts-expect-error: the options are camelCase, as function arguments
const snake: ImportOptions = { seller_name: 'Example Store' };
const effective: EffectivePolicy = effectivePolicy(policy);
const effectivePolicyItself: Policy = effectivePolicy().policy;
const fromWhere: 'file' | 'file+default' | 'default' = effective.fields[0].from;
const importCodes: ErrorCode[] = ['from_invalid', 'options_invalid', 'document_invalid'];

// What the declarations refuse: a verdict that does not exist, an order without items.
// @ts-expect-error: "maybe" is not a CancelVerdict
const wrong: CancelVerdict = 'maybe';
// @ts-expect-error: an order needs items
const noItems: Order = { id: 'O', placed_at: '2025-03-20T09:00:00Z', currency: 'USD', seller: order.seller };
// @ts-expect-error: "shelf" is no pickup_kind
const shelf: Order = { ...order, shipments: [{ id: 'S1', status: 'available_for_pickup', pickup_kind: 'shelf' }] };

export const seen = [notes, fromWoo, fromAfterShip, orderSources, shipmentSources, badKind, snake, effectivePolicyItself, fromWhere, importCodes, verdict, deadline, fromText, total, wrong, noItems, atPickupPoint, noCarrier, shelf, recorded, eeaOnly, everywhere, eea, some];
