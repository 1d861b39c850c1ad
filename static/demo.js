// The demo page's controls and its pretend store. A real help page needs none of this: it
// embeds <order-help> and answers `order-help-cancel-request` and `order-help-return-request`
// from its back end.
const widget = document.getElementById('widget');
const sample = document.getElementById('sample');
const about = document.getElementById('sample-about');
const answer = document.getElementById('answer');
const delay = document.getElementById('delay');
const locale = document.getElementById('locale');
const shown = document.getElementById('widget-time');
const jump = document.getElementById('jump');
const events = document.getElementById('events');

// "Jump to" is a datetime-local field, which the browser reads in its own time zone (not the
// store's, which the widget speaks in): say which one it is.
document.getElementById('jump-zone').textContent = Intl.DateTimeFormat().resolvedOptions().timeZone;

const samples = await (await fetch('orders/index.json')).json();
for (const [index, entry] of samples.entries()) sample.add(new Option(entry.label, String(index)));

// The widget's clock runs on from the instant we give it; keep our own reading in step.
let widgetStart = 0;
let realStart = 0;
const widgetNow = () => widgetStart + (Date.now() - realStart);
function setClock(ms) {
  widgetStart = ms;
  realStart = Date.now();
  widget.setAttribute('now', new Date(ms).toISOString());
  showTime();
}
function showTime() {
  shown.value = new Date(widgetNow()).toLocaleString(locale.value, { dateStyle: 'long', timeStyle: 'medium' });
}
setInterval(showTime, 1000);

// The order as the pretend store knows it: the sample, then what its answers changed.
let order = null;
let orderUrl = null;

function choose(index) {
  const entry = samples[index];
  order = null;
  fetch(`orders/${entry.file}`).then((r) => r.json()).then((json) => { order = json; });
  about.textContent = entry.about;
  if (entry.locale) locale.value = entry.locale;
  widget.setAttribute('locale', locale.value);
  if (entry.policy) widget.setAttribute('policy-src', `orders/${entry.policy}`);
  else widget.removeAttribute('policy-src');
  widget.setAttribute('order-src', `orders/${entry.file}`);
  setClock(Date.parse(entry.now));
}

const params = new URLSearchParams(location.search);
const start = samples.findIndex((s) => s.file === `${params.get('order')}.json`);
sample.value = String(Math.max(start, 0));
choose(Number(sample.value));
if (params.get('answer')) answer.value = params.get('answer');
if (params.get('delay')) delay.value = params.get('delay');

sample.addEventListener('change', () => choose(Number(sample.value)));
locale.addEventListener('change', () => widget.setAttribute('locale', locale.value));
for (const button of document.querySelectorAll('[data-shift]')) {
  button.addEventListener('click', () => setClock(widgetNow() + Number(button.dataset.shift) * 1000));
}
document.getElementById('jump-go').addEventListener('click', () => {
  if (jump.value) setClock(new Date(jump.value).getTime());
});
document.getElementById('jump-reset').addEventListener('click', () => choose(Number(sample.value)));

// The pretend store: answers after a delay, the way a real back end would; "silent" never
// answers and "fail" fails, whatever the request.
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function storeAnswer(answerFor) {
  const mode = answer.value;
  if (mode === 'silent') return new Promise(() => {});
  return wait(Number(delay.value) || 0).then(() => {
    if (mode === 'fail') throw new Error('HTTP 503 Service Unavailable');
    return answerFor(mode);
  });
}

/**
 * Takes every `order-help-<type>` request and answers it with `answerFor(request, mode)` (after
 * the delay); `then(answer, request)` sees each answer the store gave.
 */
function serve(type, answerFor, then = () => {}) {
  widget.addEventListener(`order-help-${type}`, (event) => {
    event.preventDefault();
    const { request, respond } = event.detail;
    const answered = storeAnswer((mode) => answerFor(request, mode));
    respond(answered);
    answered.then((given) => then(given, request), () => {});
  });
}

/** The order after the store cancelled `request`'s items: they move to a cancelled shipment. */
function withCancelled(before, request) {
  const next = structuredClone(before);
  const ids = new Set(request.items.map((line) => line.item_id));
  const items = next.items.filter((item) => ids.has(item.id));
  const from = next.shipments.find((s) => s.id === items[0]?.shipment);
  const id = `cancelled-${next.shipments.length + 1}`;
  next.shipments.push({ id, status: 'cancelled', carrier: from?.carrier ?? 'other' });
  for (const item of items) item.shipment = id;
  return next;
}

/** Gives the widget the store's newer order (the element reloads from its `order-src`). */
function showOrder(next) {
  order = next;
  if (orderUrl) URL.revokeObjectURL(orderUrl);
  orderUrl = URL.createObjectURL(new Blob([JSON.stringify(next)], { type: 'application/json' }));
  widget.setAttribute('order-src', orderUrl);
}

// Cancelling: the chosen status, or with "auto" as a real store: what can be cancelled at once
// is; the rest goes to the warehouse or seller.
serve('cancel-request', (request, mode) => {
  if (mode !== 'auto') return { status: mode };
  const instant = request.verdicts.every((v) => v.cancel === 'allowed');
  return instant
    ? { status: 'cancelled' }
    : { status: 'requested', message: 'We have asked the warehouse to stop the package.' };
}, (given, request) => {
  // As a real store would, once it has cancelled: the widget gets the order as it is now. (A
  // request changes nothing in the order yet: the widget remembers it was sent.)
  if (given.status === 'cancelled' && order) showOrder(withCancelled(order, request));
});

// Returns: "declined" as for cancelling; any other choice accepts, with a return number and an
// https link to the label.
let returns = 0;
serve('return-request', (request, mode) => {
  if (mode === 'declined') return { status: 'declined', message: 'This order was a final sale.' };
  returns += 1;
  const id = `R-${request.order_id.slice(-4)}-${String(returns).padStart(2, '0')}`;
  return {
    status: 'accepted',
    return_id: id,
    label_url: `https://returns.example.com/labels/${id}.pdf`,
    instructions: 'Pack the items in their original box and drop them at any UPS store within 14 days.',
  };
});

// The pretend store's withdrawal service: it receives the declaration and acknowledges it by
// e-mail (a real store must, on a durable medium, with the statement and the time received).
serve('withdrawal', (request) => ({
  received_at: new Date(widgetNow()).toISOString(),
  acknowledgement_to: request.customer.email,
}));

function log(event) {
  const item = document.createElement('li');
  item.textContent = `${event.type} ${JSON.stringify(event.detail?.request ?? event.detail ?? {})}`;
  events.prepend(item);
}
for (const name of ['ready', 'step', 'error', 'cancel-request', 'return-request', 'withdrawal']) widget.addEventListener(`order-help-${name}`, log);
