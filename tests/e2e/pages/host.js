// The test pages' host: records every order-help-* event, takes every request (cancel, return, withdrawal) and lets
// the test answer them (window.e2e). Loaded before embed.js so nothing is missed.
// ?answer=<status> answers every request at once; ?listen=none takes none.
const params = new URLSearchParams(location.search);

const e2e = {
  /** Every `order-help-*` event: `{ type, target, detail }` (detail without functions). */
  events: [],
  /** Every request, of any kind, in arrival order: `{ target, request }`. */
  requests: [],
  /** The matching `respond(answer)` functions (not cloneable, so kept apart). */
  responders: [],
  /** Answers request `index` with `answer` (an object), or rejects it with `reject` (a message). */
  answer(index, answer) {
    this.responders[index](answer);
  },
  reject(index, message) {
    this.responders[index](Promise.reject(new Error(message)));
  },
  /** `auto`: answer every request at once with this (set by ?answer=<status>). */
  auto: params.get('answer') ? { status: params.get('answer') } : null,
  /** Uncaught errors, unhandled rejections and CSP violations, for engines without a console
   *  to read (tests/e2e/webdriver.mjs). */
  problems: [],
};
window.e2e = e2e;
addEventListener('error', (e) => e2e.problems.push(`error: ${e.message} (${e.filename}:${e.lineno})`));
addEventListener('unhandledrejection', (e) => e2e.problems.push(`unhandled rejection: ${e.reason}`));
document.addEventListener('securitypolicyviolation', (e) =>
  e2e.problems.push(`CSP: ${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));

function targetName(target) {
  return target.id || target.localName;
}

// Every kind of request (the contract is one shape for all; `request.kind` tells them apart).
const REQUESTS = ['cancel-request', 'return-request', 'withdrawal'];
for (const type of ['ready', 'step', 'error', ...REQUESTS]) {
  document.addEventListener(`order-help-${type}`, (event) => {
    const target = targetName(event.target);
    if (REQUESTS.includes(type)) {
      // ?listen=none: a page that forgot to answer requests (the event is only recorded).
      if (params.get('listen') === 'none') {
        e2e.events.push({ type, target, detail: { request: JSON.parse(JSON.stringify(event.detail.request)) } });
        return;
      }
      event.preventDefault();
      const { request, respond } = event.detail;
      e2e.events.push({ type, target, detail: { request } });
      e2e.requests.push({ target, request: JSON.parse(JSON.stringify(request)) });
      e2e.responders.push(respond);
      if (e2e.auto) respond(e2e.auto);
    } else {
      e2e.events.push({ type, target, detail: JSON.parse(JSON.stringify(event.detail ?? null)) });
    }
  });
}

// ?order=<file>&policy=<file>&now=…&locale=…&timeout=… configure the page's first <order-help> before
// embed.js upgrades it; ?now=system leaves the widget on the browser's clock.
const element = document.querySelector('order-help');
if (element) {
  if (params.get('order')) element.setAttribute('order-src', `/orders/${params.get('order')}.json`);
  if (params.get('policy')) element.setAttribute('policy-src', `/policies/${params.get('policy')}.json`);
  for (const name of ['now', 'locale', 'timeout']) {
    if (params.get(name)) element.setAttribute(name, params.get(name));
  }
  if (params.get('now') === 'system') element.removeAttribute('now');
}
