// The test pages that server.mjs serves at `/e2e/<name>.html`: one template (the head every
// help page shares: plain.css, then host.js before any bundle so no event is missed) and, per
// page, only what it is about: its title, its bundle folder, its extra stylesheets and scripts,
// its body and its HTTP headers (a CSP is a header, as a store would send it; the template adds
// none). Their scripts and stylesheets stay files in pages/.

/** The strict policy of a store that allows WebAssembly and nothing inline. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
/** The same without 'wasm-unsafe-eval': WebAssembly cannot start. */
export const CSP_NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'";

/** The instant most pages assess at (the bundle sample's cancellable moment). */
const NOW = '2025-03-20T10:00:00-07:00';

/** The bundle order as a custom element, with the fallback link a store puts inside it. */
const WIDGET_WITH_FALLBACK = `<order-help id="widget" order-src="/orders/bundle.json" now="${NOW}" locale="en-US">
  <p class="fallback"><a href="/orders/114-3308871-6612009">See your order</a> to cancel items.</p>
</order-help>`;

/** Page content after the widget, to tab into and out of. */
const OTHER_QUESTIONS = `<h2>Other questions</h2>
<p><button type="button">Contact us</button></p>`;

/** Set by a page's own module (host-module*.js) once it has run. */
const HOST_STATUS = `<p id="host-status">The page's own module has not run.</p>`;

/**
 * Each page: `title` (after "Help: "), `h1` (default "Cancel an order"), `bundle` (the
 * `order-help-bundle` meta, read by api.js), `styles` (after plain.css), `scripts` (module
 * scripts after host.js: a path, or `{ src, integrity, crossorigin }`), `mainId`, `body` (HTML
 * inside `<main>` after the h1) and `headers` (HTTP headers of the response).
 */
export const PAGES = {
  'api.html': {
    title: 'cancel an order (JS API)',
    scripts: ['api.js'],
    body: `<p>Look up your order below.</p>
<div id="widget" data-mount data-order="bundle" data-now="${NOW}"></div>
${OTHER_QUESTIONS}`,
  },
  'blank.html': {
    title: 'widgets added by the test',
    h1: 'Widgets added at run time',
    mainId: 'slot',
    scripts: ['/embed.js'],
  },
  'csp.html': {
    title: 'cancel an order (strict CSP)',
    scripts: ['/embed.js', 'api.js'],
    headers: { 'content-security-policy': CSP },
    body: `<p>Served with <code>Content-Security-Policy: ${CSP}</code>.</p>
<h2>Custom element</h2>
<order-help id="element" order-src="/orders/bundle.json" now="${NOW}" locale="en-US">
  <p><a href="/orders/">See your orders</a></p>
</order-help>
<h2>JS API</h2>
<div id="api" data-mount data-order="multi-shipment" data-now="2025-03-20T12:00:00-07:00"></div>`,
  },
  'element.html': {
    title: 'cancel an order (custom element)',
    scripts: ['/embed.js'],
    body: `<p>Look up your order below.</p>
${WIDGET_WITH_FALLBACK}
${OTHER_QUESTIONS}`,
  },
  'errors.html': {
    title: 'widgets with a bad configuration',
    h1: 'Broken configurations',
    scripts: ['/embed.js'],
    body: `<h2>No order at all</h2>
<order-help id="missing" locale="en-US"><p><a href="/orders/">See your orders</a></p></order-help>
<h2>order-src answers something that is not JSON</h2>
<order-help id="not-json" order-src="/e2e/api/not-json" locale="en-US"></order-help>
<h2>Inline order that is not JSON</h2>
<order-help id="inline-not-json" locale="en-US"><script type="application/json" data-order>{ "id": "114-1", "items": [ </script></order-help>
<h2>An order that fails validation (quantity 0)</h2>
<order-help id="invalid" now="${NOW}" locale="en-US"><script type="application/json" data-order>{"id": "114-3308871-6612009", "placed_at": "2025-03-19T20:00:00-07:00", "currency": "USD", "seller": {"name": "Northwind Goods", "kind": "retailer", "fulfilled_by": "retailer"}, "payment_method": "credit_card", "items": [{"id": "camera", "title": "Mirrorless camera body", "quantity": 1, "unit_price": 64900, "category": "electronics", "bundle": "creator-kit", "shipment": "S1"}, {"id": "lens", "title": "35 mm f/1.8 lens", "quantity": 1, "unit_price": 24900, "category": "electronics", "bundle": "creator-kit", "shipment": "S2"}, {"id": "card", "title": "128 GB memory card", "quantity": 0, "unit_price": 2499, "category": "electronics", "shipment": "S1"}], "shipments": [{"id": "S1", "status": "pending", "carrier": "ups"}, {"id": "S2", "status": "staged", "carrier": "ups", "estimated_delivery": "2025-03-23T18:00:00-07:00"}]}</script></order-help>
<h2>order-src answers 404</h2>
<order-help id="not-found" order-src="/e2e/api/missing" locale="en-US"></order-help>
<h2>order-src drops the connection</h2>
<order-help id="hang-up" order-src="/e2e/api/hang-up" locale="en-US"></order-help>
<h2>A policy that is not JSON</h2>
<order-help id="bad-policy" order-src="/orders/bundle.json" policy-src="/e2e/api/not-json" now="${NOW}" locale="en-US"></order-help>`,
  },
  'hostile.html': {
    title: 'a page with hostile global CSS',
    styles: ['hostile.css'],
    scripts: ['/embed.js', 'api.js'],
    body: `<h2>Custom element</h2>
<order-help id="element" order-src="/orders/bundle.json" now="${NOW}" locale="en-US"></order-help>
<h2>JS API</h2>
<div id="api" data-mount data-order="bundle" data-now="${NOW}"></div>
<p><button type="button">Contact us</button></p>
<div id="plain-box">A plain box of the page, hidden by its own * rule.</div>`,
  },
  'inherit.html': {
    title: 'a page with heavy typography',
    styles: ['inherit.css'],
    scripts: ['/embed.js', 'api.js'],
    body: `<order-help id="element" order-src="/orders/bundle.json" now="${NOW}" locale="en-US"></order-help>
<div id="api" data-mount data-order="bundle" data-now="${NOW}"></div>`,
  },
  'leak.html': {
    title: 'does the widget restyle the page?',
    scripts: ['leak.js'],
    body: `<section class="intro" aria-labelledby="intro-h">
  <h2 id="intro-h">Before you start</h2>
  <h3>Check the order number</h3>
  <p class="meta why hint title">It is in your confirmation email.</p>
  <ul class="items"><li>One</li><li>Two</li></ul>
  <dl><dt>Term</dt><dd>Definition</dd></dl>
  <fieldset><legend>Pick one</legend>
    <label class="choice"><input type="radio" name="r"> A</label>
    <label class="choice"><input type="checkbox"> B</label>
  </fieldset>
  <textarea aria-label="Notes"></textarea>
  <div class="actions"><button type="button" class="primary">Contact us</button> <button type="button">Chat</button></div>
  <p class="error notice outcome badge countdown urgent">Host text with the widget's class names.</p>
  <div class="root step"><span class="sr-only">Host span with the widget's class names.</span></div>
</section>
<div id="slot"></div>`,
  },
  'no-wasm-404.html': {
    title: 'cancel an order (the wasm file answers 404)',
    bundle: '/no-wasm/',
    scripts: ['/no-wasm/embed.js', 'host-module-404.js'],
    body: `${WIDGET_WITH_FALLBACK}
${HOST_STATUS}`,
  },
  'no-wasm-csp.html': {
    title: "cancel an order (a CSP without 'wasm-unsafe-eval')",
    scripts: ['/embed.js', 'host-module.js'],
    headers: { 'content-security-policy': CSP_NO_WASM },
    body: `<p>Served with <code>Content-Security-Policy: ${CSP_NO_WASM}</code>:
  WebAssembly cannot start.</p>
${WIDGET_WITH_FALLBACK}
${HOST_STATUS}`,
  },
  'subpath.html': {
    title: 'the bundle served from /assets/order-help/',
    bundle: '/assets/order-help/',
    scripts: ['/assets/order-help/embed.js', 'api.js'],
    headers: { 'content-security-policy': CSP },
    body: `<h2>Custom element</h2>
<order-help id="element" order-src="/assets/order-help/orders/bundle.json" now="${NOW}" locale="en-US"></order-help>
<h2>JS API</h2>
<div id="api" data-mount data-order="multi-shipment" data-now="2025-03-20T12:00:00-07:00"></div>`,
  },
  'tampered-wasm.html': {
    title: 'cancel an order (the wasm file was tampered with)',
    scripts: ['/tampered-wasm/embed.js'],
    body: WIDGET_WITH_FALLBACK,
  },
  'tampered-locale.html': {
    title: 'withdraw from a contract (the German catalogue was tampered with)',
    scripts: ['/tampered-locale/embed.js'],
    body: `<order-help id="widget" order-src="/orders/withdrawal-easter.json" policy-src="/policies/berlin-withdrawal.json"
  now="2026-04-02T10:00:00+02:00" locale="de-DE"><p class="fallback"><a href="/orders/302-7730114-2026040">Ihre Bestellung</a></p></order-help>`,
  },
  'two.html': {
    title: 'two widgets on one page',
    h1: 'Two orders',
    scripts: ['/embed.js'],
    // The second is the bundle sample again, inline: the same order by both routes.
    body: `<h2>Your first order (order-src)</h2>
<order-help id="first" order-src="/orders/bundle.json" now="${NOW}" locale="en-US"></order-help>
<h2>Your second order (inline JSON)</h2>
<order-help id="second" now="${NOW}" locale="en-US">
  <script type="application/json" data-order>
{
  "id": "114-3308871-6612009",
  "placed_at": "2025-03-19T20:00:00-07:00",
  "currency": "USD",
  "seller": { "name": "Northwind Goods", "kind": "retailer", "fulfilled_by": "retailer" },
  "payment_method": "credit_card",
  "items": [
    { "id": "camera", "title": "Mirrorless camera body", "quantity": 1, "unit_price": 64900,
      "category": "electronics", "bundle": "creator-kit", "shipment": "S1" },
    { "id": "lens", "title": "35 mm f/1.8 lens", "quantity": 1, "unit_price": 24900,
      "category": "electronics", "bundle": "creator-kit", "shipment": "S2" },
    { "id": "card", "title": "128 GB memory card", "quantity": 2, "unit_price": 2499,
      "category": "electronics", "shipment": "S1" }
  ],
  "shipments": [
    { "id": "S1", "status": "pending", "carrier": "ups" },
    { "id": "S2", "status": "staged", "carrier": "ups", "estimated_delivery": "2025-03-23T18:00:00-07:00" }
  ]
}
  </script>
  <p><a href="/orders/">See your orders</a></p>
</order-help>`,
  },
  'yields.html': {
    title: 'cancel an order (how the startup yields, counted)',
    scripts: ['yield-spy.js', '/embed.js'],
    body: WIDGET_WITH_FALLBACK,
  },
};

/**
 * The README's snippet as a page: the bundle at `bundle` (a folder path ending in `/`) loaded by
 * `<script type="module" integrity crossorigin="anonymous">` with `integrity` (embed.js's hash
 * from dist/integrity.json), under the strict CSP.
 */
export function sriPage(bundle, integrity) {
  return {
    title: 'cancel an order (the bundle with its integrity hash)',
    scripts: [{ src: `${bundle}embed.js`, integrity, crossorigin: 'anonymous' }],
    headers: { 'content-security-policy': CSP },
    body: WIDGET_WITH_FALLBACK,
  };
}

/** `text` safe inside a double-quoted attribute. */
const attr = (text) => String(text).replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Each line of `text` indented by `spaces` (blank lines stay empty). */
const indent = (text, spaces) => text.replace(/^(?=.)/gm, ' '.repeat(spaces));

/** The page's HTML: the shared head and frame around its own part (one entry of PAGES). */
export function renderPage({ title, h1 = 'Cancel an order', bundle, styles = [], scripts = [], mainId, body = '' }) {
  const script = (s) => {
    const { src, integrity, crossorigin } = typeof s === 'string' ? { src: s } : s;
    const extra = (integrity ? ` integrity="${attr(integrity)}"` : '') + (crossorigin ? ` crossorigin="${attr(crossorigin)}"` : '');
    return `<script type="module" src="${attr(src)}"${extra}></script>`;
  };
  const head = [
    '<meta charset="utf-8">',
    ...(bundle ? [`<meta name="order-help-bundle" content="${attr(bundle)}">`] : []),
    `<title>Help: ${title}</title>`,
    ...['plain.css', ...styles].map((href) => `<link rel="stylesheet" href="${attr(href)}">`),
    ...['host.js', ...scripts].map(script),
  ];
  const main = [`<h1>${h1}</h1>`, ...(body ? [body] : [])].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
${indent(head.join('\n'), 2)}
</head>
<body>
  <main${mainId ? ` id="${attr(mainId)}"` : ''}>
${indent(main, 4)}
  </main>
</body>
</html>
`;
}
