// Small hand-made documents in the platforms' shapes, for the package's import tests
// (import.test.mjs, command.test.mjs).

/** A Shopify Admin REST `order`, hand-made: one line, one fulfillment in transit with UPS. */
export const shopifyOrder = {
  id: 450789469,
  name: '#1001',
  created_at: '2025-03-20T09:00:00-04:00',
  currency: 'USD',
  financial_status: 'paid',
  gateway: 'shopify_payments',
  payment_gateway_names: ['shopify_payments'],
  subtotal_price: '199.00',
  total_price: '199.00',
  customer: { id: 207119551, email: 'bob.norman@example.com', first_name: 'Bob', last_name: 'Norman' },
  shipping_address: { name: 'Bob Norman', city: 'Louisville', country: 'United States', country_code: 'US' },
  line_items: [
    {
      id: 466157049,
      title: 'IPod Nano - 8gb',
      quantity: 1,
      price: '199.00',
      sku: 'IPOD2008GREEN',
      gift_card: false,
      fulfillment_status: 'fulfilled',
    },
  ],
  fulfillments: [
    {
      id: 255858046,
      order_id: 450789469,
      status: 'success',
      created_at: '2025-03-21T10:00:00-04:00',
      shipment_status: 'in_transit',
      tracking_company: 'UPS',
      tracking_number: '1Z2345',
      tracking_numbers: ['1Z2345'],
      tracking_url: 'https://www.ups.com/track?tracknum=1Z2345',
      tracking_urls: ['https://www.ups.com/track?tracknum=1Z2345'],
      line_items: [{ id: 466157049, quantity: 1 }],
    },
  ],
};

/** An EasyPost `Tracker`, hand-made: the same parcel, out for delivery. */
export const easypostTracker = {
  id: 'trk_c8e0edb5bb284caa934a0d3db23a148z',
  object: 'Tracker',
  mode: 'test',
  tracking_code: '1Z2345',
  status: 'out_for_delivery',
  status_detail: 'out_for_delivery',
  created_at: '2025-03-21T14:00:00Z',
  updated_at: '2025-03-24T08:00:00Z',
  carrier: 'UPS',
  est_delivery_date: '2025-03-24T18:00:00Z',
  public_url: 'https://track.easypost.com/djE6dHJrX2M4ZTBlZGI1YmIyODRjYWE5MzRhMGQzZGIyM2ExNDh6',
  tracking_details: [
    { object: 'TrackingDetail', message: 'Out for delivery', status: 'out_for_delivery', status_detail: 'out_for_delivery', datetime: '2025-03-24T08:00:00Z', source: 'UPS' },
  ],
};
