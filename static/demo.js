// The demo page's controls and its pretend store. A real help page needs none of this: it
// embeds <order-help> and answers `order-help:cancel-request` from its back end.
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

function choose(index) {
  const entry = samples[index];
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

// The pretend store: answers after a delay, the way a real back end would.
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function storeAnswer(request) {
  const mode = answer.value;
  if (mode === 'silent') return new Promise(() => {});
  return wait(Number(delay.value) || 0).then(() => {
    if (mode === 'fail') throw new Error('HTTP 503 Service Unavailable');
    if (mode !== 'auto') return { status: mode };
    // As a real store: what can be cancelled at once is; the rest goes to the warehouse or seller.
    const instant = request.verdicts.every((v) => v.cancel === 'allowed');
    return instant
      ? { status: 'cancelled' }
      : { status: 'requested', message: 'We have asked the warehouse to stop the package.' };
  });
}

widget.addEventListener('order-help:cancel-request', (event) => {
  event.preventDefault();
  event.detail.respond(storeAnswer(event.detail.request));
});

function log(event) {
  const item = document.createElement('li');
  item.textContent = `${event.type} ${JSON.stringify(event.detail?.request ?? event.detail ?? {})}`;
  events.prepend(item);
}
for (const name of ['ready', 'step', 'error', 'cancel-request']) widget.addEventListener(`order-help:${name}`, log);
