// order-help: the one script a help page loads.
//
//   <script type="module" src="/order-help/embed.js"></script>
//   <order-help order-src="/api/orders/123" locale="en-US"><a href="/orders/123">Your order</a></order-help>
//
// or, from a module of the page's own:
//
//   import { mount } from "/order-help/embed.js";
//   const widget = mount(element, { order, policy, locale, onRequestCancel });
//
// Paths are resolved from this file's URL, so the bundle can be served from any folder.
import init, { mount as mountWasm, assess } from './order-help.js';

await init({ module_or_path: new URL('order-help_bg.wasm', import.meta.url) });

export { assess };

/** Mounts the widget into `element`'s shadow root; returns `{ update(config), unmount() }`. */
export function mount(element, config = {}) {
  return mountWasm(element, config);
}

const ATTRIBUTES = ['order-src', 'policy-src', 'locale', 'now', 'timeout', 'heading-level'];

/** An Error with a machine-readable `code` the widget understands. */
function loadError(code, message) {
  return Object.assign(new Error(message), { code });
}

class OrderHelpElement extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #widget = null;
  #generation = 0;

  connectedCallback() {
    this.#load();
  }

  disconnectedCallback() {
    this.#generation += 1;
    this.#widget?.unmount();
    this.#widget = null;
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    // A new source restarts loading (a load still under way is dropped); before the first
    // mount, the other attributes are read when it happens.
    if (name === 'order-src' || name === 'policy-src') this.#load();
    else this.#widget?.update(this.#settings(name));
  }

  /** The plain attributes, all of them or just `only`. */
  #settings(only) {
    const settings = {
      locale: this.getAttribute('locale') ?? undefined,
      now: this.getAttribute('now') ?? undefined,
      timeout: Number(this.getAttribute('timeout')) || undefined,
      headingLevel: Number(this.getAttribute('heading-level')) || undefined,
    };
    const key = only === 'heading-level' ? 'headingLevel' : only;
    return only ? { [key]: settings[key] } : settings;
  }

  async #load() {
    const generation = ++this.#generation;
    const config = { onRequestCancel: (request) => this.#ask(request), loadError: null };
    try {
      config.order = (await this.#json('order')) ?? null;
      const policy = await this.#json('policy');
      if (policy !== undefined) config.policy = policy;
    } catch (error) {
      config.loadError = { code: error.code ?? 'order_unreachable', message: error.message };
    }
    // A newer load (an attribute changed meanwhile) or a removal wins.
    if (generation !== this.#generation || !this.isConnected) return;
    if (this.#widget) this.#widget.update(config);
    else this.#widget = mountWasm(this, { ...this.#settings(), ...config });
  }

  /** The order or policy: from `order-src` / `policy-src`, else an inline JSON child. */
  async #json(kind) {
    const src = this.getAttribute(`${kind}-src`);
    if (src) {
      let response;
      try {
        response = await fetch(new URL(src, document.baseURI), { headers: { accept: 'application/json' } });
      } catch (error) {
        throw loadError(`${kind}_unreachable`, `${src} could not be reached (${error.message})`);
      }
      if (!response.ok) throw loadError(`${kind}_unreachable`, `${src} answered ${response.status}`);
      try {
        return await response.json();
      } catch {
        throw loadError(`${kind}_invalid`, `${src} is not valid JSON`);
      }
    }
    const inline = this.querySelector(`script[type="application/json"][data-${kind}]`)
      ?? (kind === 'order' ? this.querySelector('script[type="application/json"]:not([data-policy])') : null);
    if (!inline) return undefined;
    try {
      return JSON.parse(inline.textContent);
    } catch (error) {
      throw loadError(`${kind}_invalid`, `the inline ${kind} is not valid JSON (${error.message})`);
    }
  }

  /** A cancellation request, as a cancelable `order-help:cancel-request` event. */
  #ask(request) {
    return new Promise((resolve, reject) => {
      let responded = false;
      const respond = (answer) => {
        if (responded) return;
        responded = true;
        Promise.resolve(answer).then(resolve, reject);
      };
      const event = new CustomEvent('order-help:cancel-request', {
        bubbles: true, composed: true, cancelable: true, detail: { request, respond },
      });
      this.dispatchEvent(event);
      // Nobody took it: say so now rather than after the timeout.
      if (!responded && !event.defaultPrevented) {
        reject(loadError('no_request_handler', 'no listener answered order-help:cancel-request'));
      }
    });
  }
}

if (!customElements.get('order-help')) customElements.define('order-help', OrderHelpElement);
