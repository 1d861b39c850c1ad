// Mounts the widget with the JS API into every [data-mount] element, the way a page's own
// module would: `mount(element, { order, locale, now, timeout, onRequestCancel, onRequestReturn })`.
// Settings: ?order=<sample>&now=…&locale=…&timeout=… win over the element's data-* attributes.
// The bundle's folder is <meta name="order-help-bundle" content="/…/">, `/` by default.
const base = document.querySelector('meta[name="order-help-bundle"]')?.content ?? '/';
const { mount } = await import(`${base}embed.js`);
const params = new URLSearchParams(location.search);
const e2e = window.e2e;
window.widgets = {};

for (const element of document.querySelectorAll('[data-mount]')) {
  // Every kind of request goes to one recorder (`request.kind` tells them apart).
  const handler = (request) =>
    new Promise((resolve, reject) => {
      e2e.requests.push({ target: element.id, request: JSON.parse(JSON.stringify(request)) });
      e2e.responders.push((answer) => Promise.resolve(answer).then(resolve, reject));
      if (e2e.auto) resolve(e2e.auto);
    });
  const setting = (name) => params.get(name) ?? element.dataset[name] ?? undefined;
  const order = await (await fetch(`${base}orders/${setting('order') ?? 'bundle'}.json`)).json();
  const timeout = setting('timeout');
  window.widgets[element.id] = mount(element, {
    order,
    locale: setting('locale') ?? 'en-US',
    now: setting('now') === 'system' ? undefined : setting('now'),
    timeout: timeout ? Number(timeout) : undefined,
    // ?handler=none: a host that gave no handlers.
    onRequestCancel: params.get('handler') === 'none' ? undefined : handler,
    onRequestReturn: params.get('handler') === 'none' ? undefined : handler,
  });
}
