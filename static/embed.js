// order-help: the one script a help page loads.
//
//   <script type="module" src="/order-help/embed.js"></script>
//   <order-help order-src="/api/orders/123" locale="en-US"><a href="/orders/123">Your order</a></order-help>
//
// or, from a module of the page's own:
//
//   import { mount } from "/order-help/embed.js";
//   const widget = mount(element, { order, policy, locale, onRequestCancel, onRequestReturn, onWithdraw });
//
// Paths are resolved from this file's URL, so the bundle can be served from any folder.
//
// When WebAssembly cannot start (a Content-Security-Policy without 'wasm-unsafe-eval', the wasm
// file missing, a browser without WebAssembly) this module still finishes loading, so a page's
// own module that imports it still runs: each <order-help> keeps its fallback content and fires
// `order-help-error` with code `wasm_unavailable`, and `mount()` / `assess()` throw an Error
// with that code.
//
// The release build (scripts/integrity.mjs) puts the wasm-bindgen glue inside this file in place
// of the import below, the wasm's sha384 hash in WASM_INTEGRITY and each catalogue's
// (locales/<lang>.json) in LOCALE_INTEGRITY, so the `integrity` of the page's <script> covers
// the glue, and the wasm and the catalogues are refused if they differ from the build's.
import init, { mount as mountWasm, assess as assessWasm } from './order-help.js';

/** The wasm's SRI hash, written by the release build; undefined in `make serve`'s debug build. */
const WASM_INTEGRITY = undefined;
/** Each `locales/<lang>.json`'s SRI hash by language, written by the release build; undefined in the debug build. */
const LOCALE_INTEGRITY = undefined;

/** How long the wasm file may take to start answering before we give up on it. */
const WASM_TIMEOUT_MS = 30_000;
/** Default for how long an `order-src` / `policy-src` may take (the `load-timeout` attribute). */
const LOAD_TIMEOUT_MS = 15_000;

/** An Error with a machine-readable `code` the widget and the host understand. */
function codedError(code, message, extra = {}) {
  return Object.assign(new Error(message), { code }, extra);
}

/** Why the wasm could not start, in words a site's developer can act on. */
function wasmCause(error) {
  const text = String(error?.message ?? error);
  if (/Content Security Policy|unsafe-eval/i.test(text)) {
    return "the page's Content-Security-Policy does not allow WebAssembly "
      + "(add 'wasm-unsafe-eval' to script-src)";
  }
  return text;
}

/**
 * Why fetching the wasm failed. With a hash, fetch() says only "Failed to fetch" for a file that
 * differs and for an error status alike, so the file is asked for once more without it.
 */
async function whyNotFetched(url, error, hash = WASM_INTEGRITY) {
  if (hash) {
    try {
      const plain = await fetch(url, { cache: 'no-store' });
      if (!plain.ok) return `answered HTTP ${plain.status}${plain.statusText ? ` ${plain.statusText}` : ''}`;
      return 'does not match the sha384 hash of the build: it was changed after the build, so it is not used';
    } catch {
      // Unreachable without the hash too: the network's error says it.
    }
  }
  return `could not be fetched (${error.message})`;
}

/**
 * Starts the wasm. Never rejects: resolves to null when it runs, or to the `wasm_unavailable`
 * Error saying why not, so awaiting it cannot stop this module (and its importers) loading.
 */
async function startWasm() {
  // Marks for `make bench`'s startup breakdown (benches/browser.mjs); they cost nothing else.
  performance.mark('order-help:start');
  const url = new URL('order-help_bg.wasm', import.meta.url);
  try {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      throw new Error('this browser has no WebAssembly');
    }
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${url} did not answer within ${WASM_TIMEOUT_MS / 1000} s`)), WASM_TIMEOUT_MS);
    });
    let response;
    try {
      response = await Promise.race([fetch(url, { integrity: WASM_INTEGRITY }), timeout]);
    } catch (error) {
      throw new Error(error.message.startsWith(String(url)) ? error.message : `${url} ${await whyNotFetched(url, error)}`);
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    performance.mark('order-help:fetched');
    await init({ module_or_path: response });
    performance.mark('order-help:instantiated');
    // Compiling the wasm was a task of its own making; mounting and the first render start in
    // the next one, so no startup task runs over 50 ms (issue 16).
    await yieldToBrowser();
    return null;
  } catch (error) {
    const message = `order-help: WebAssembly cannot start: ${wasmCause(error)}. The fallback content stays in place.`;
    console.error(message);
    return codedError('wasm_unavailable', message);
  }
}

// Awaited below, after startEarly().
const wasmStarting = startWasm();
/**
 * What `wasmStarting` resolved to (null: the wasm runs); undefined until then. Declared before
 * the top-level await, and so readable before it: WebKit (bug 242740) may give a page's
 * `import()` this module's exports while it still waits there, when a `<script>` of the page
 * loads it too.
 */
let wasmFailure;

/** Throws the `wasm_unavailable` Error when the wasm did not start (or has not yet). */
function requireWasm() {
  if (wasmFailure === undefined) {
    throw codedError('wasm_unavailable', 'WebAssembly has not started yet: call this once the import of embed.js has resolved');
  }
  if (wasmFailure) throw codedError('wasm_unavailable', wasmFailure.message);
}

/**
 * The engine alone: `assess(order, policy?, now?)` returns the assessment JSON. Throws an
 * Error naming the field for an invalid order, and an Error with code `wasm_unavailable` when
 * WebAssembly could not start (there is no engine without it).
 */
export function assess(order, policy, now) {
  requireWasm();
  return assessWasm(order, policy, now);
}

/** The widget mounted in each element, so a second `mount()` replaces the first. */
const mounted = new WeakMap();

// Languages. English is compiled in; another language's texts are a catalogue
// (`locales/<lang>.json`, next to this file), given by the page (the `catalogues` option of
// `mount`, or `<script type="application/json" data-locale="de">` inside the element) or loaded
// once per page when a locale asks for it. Until it is there the widget shows nothing of its
// own (no English first); if it cannot be loaded, English, and `order-help-error` with code
// `locale_unavailable`.

/** The primary language subtag of a locale, lower-case; null for English or none. */
function languageOf(locale) {
  const primary = String(locale ?? '').split(/[-_]/)[0].trim().toLowerCase();
  return /^[a-z]{2,8}$/.test(primary) && primary !== 'en' ? primary : null;
}

/** Each language's catalogue as loaded: the object, or the `locale_unavailable` Error. */
const loaded = new Map();
/** Each language's load under way. */
const loading = new Map();

/** While the wasm loads: each <order-help>'s catalogue, and Intl's data (~20 ms) for its locale. */
function startEarly() {
  const locales = new Set();
  for (const element of globalThis.document?.querySelectorAll('order-help') ?? []) {
    const locale = element.getAttribute('locale') ?? navigator.language;
    locales.add(locale);
    const lang = languageOf(locale);
    if (lang && !element.querySelector(`script[type="application/json"][data-locale="${lang}"]`)) loadCatalogue(lang);
  }
  if (locales.size === 0) locales.add(navigator.language);
  for (const locale of locales) warmIntl(locale);
}

const DATE = { day: 'numeric', month: 'long', year: 'numeric' };
/** One Intl object of each kind src/intl.rs uses. */
const INTL_KINDS = [
  (locale) => new Intl.DateTimeFormat(locale, DATE).format(0),
  (locale) => new Intl.DateTimeFormat(locale, { ...DATE, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(0),
  (locale) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(0),
  (locale) => new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(0),
  (locale) => new Intl.PluralRules(locale).select(0),
  (locale) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(['a', 'b']),
  (locale) => new Intl.ListFormat(locale, { type: 'unit' }).format(['a', 'b']),
];

/** Loads Intl's data for `locale`, one kind per task, so none of them is a long task. */
async function warmIntl(locale) {
  for (const kind of INTL_KINDS) {
    await yieldToBrowser();
    try {
      kind(locale);
    } catch {
      return; // A tag Intl rejects: src/intl.rs falls back to English.
    }
  }
}

/**
 * Resolves in a task of its own, after what the browser has queued (input, paint): the
 * startup is cut into tasks under 50 ms. `scheduler.yield()` where there is one; else a message
 * to ourselves, which — unlike `setTimeout` — background tabs do not hold back for a second.
 */
function yieldToBrowser() {
  if (typeof globalThis.scheduler?.yield === 'function') return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

startEarly();
wasmFailure = await wasmStarting;

/** Loads `locales/<lang>.json` once per page; resolves to the catalogue or an Error. */
function loadCatalogue(lang) {
  if (!loading.has(lang)) {
    const url = new URL(`locales/${lang}.json`, import.meta.url);
    loading.set(lang, (async () => {
      let result;
      try {
        // The release build knows each catalogue it shipped: one it has no hash for is not used.
        const integrity = LOCALE_INTEGRITY?.[lang];
        if (LOCALE_INTEGRITY && !integrity) {
          throw new Error(`${url} is not part of this build (no hash for it)`);
        }
        let response;
        try {
          response = await fetch(url, { headers: { accept: 'application/json' }, integrity });
        } catch (error) {
          throw new Error(`${url} ${await whyNotFetched(url, error, integrity)}`);
        }
        if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
        try {
          result = await response.json();
        } catch (error) {
          throw new Error(`${url} is not valid JSON (${error.message})`);
        }
      } catch (error) {
        const message = `order-help: the texts for "${lang}" are unavailable: ${error.message}. English is shown instead.`;
        console.error(message);
        result = codedError('locale_unavailable', message);
      }
      loaded.set(lang, result);
      return result;
    })());
  }
  return loading.get(lang);
}

/**
 * An RFC 3339 instant's wall clock at its own offset (the store's: `verify` writes instants with
 * the store's offset), as a Date to format in UTC, so the sentences' "store time" is true in any
 * customer's zone (as node/src/render.rs does). Null for a text that is not such an instant.
 */
function storeWallClock(text) {
  const at = Date.parse(text);
  const offset = /(?:([zZ])|([+-])(\d\d):(\d\d))$/.exec(text);
  if (Number.isNaN(at) || !offset || !/^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d/.test(text)) return null;
  const east = offset[1] ? 0 : (offset[2] === '-' ? -1 : 1) * (Number(offset[3]) * 60 + Number(offset[4]));
  return new Date(at + east * 60000);
}

/**
 * A store's refusal in the customer's language (`locale`): the sentence of `verify`'s `code`
 * (`verify.<code>` of the language's catalogue; English too is fetched, from locales/en.json,
 * as the wasm compiles in none of these sentences), its plural form for the units or items it
 * counts, its `values` filled in: instants as the store's wall clock (`storeWallClock`) in the
 * customer's locale, titles quoted and listed, and `{why}` (`verify`'s English reason for the item's verdict) in another language
 * the catalogue's own sentence for `<kind>.<verdict_code>` where that names no value. A language
 * without a catalogue is English throughout. Null when there is no sentence for the code.
 */
async function refusalSentence(locale, kind, code, values) {
  let lang = languageOf(locale) ?? 'en';
  let texts = await loadCatalogue(lang);
  if (texts instanceof Error && lang !== 'en') [lang, locale, texts] = ['en', 'en', await loadCatalogue('en')];
  const entry = texts?.[`verify.${code}`];
  if (!entry || texts instanceof Error) return null;
  try {
    const form = typeof entry === 'string' ? entry
      : entry[new Intl.PluralRules(locale).select(values.quantity ?? values.requested ?? 0)] ?? entry.other;
    const own = texts[`${kind}.${values.verdict_code}`];
    const value = (name) => {
      const v = values[name];
      if (name === 'why') return lang === 'en' ? v : typeof own === 'string' && !own.includes('{') ? own : '';
      if (Array.isArray(v)) {
        return new Intl.ListFormat(locale, { type: 'conjunction' }).format(v.map((t) => texts.quoted_title.replace('{title}', t)));
      }
      if ((name === 'deadline' || name.endsWith('_at')) && typeof v === 'string') {
        const wall = storeWallClock(v);
        if (wall != null) {
          const seconds = Math.floor(Date.parse(v) / 1000) % 60 !== 0;
          const text = new Intl.DateTimeFormat(locale, { ...DATE, hour: '2-digit', minute: '2-digit', ...(seconds && { second: '2-digit' }), timeZone: 'UTC' }).format(wall);
          // English sentences leave the zone to the instant, as `verify`'s English does
          // (ZonedInstant::in_english: "… at 23:59:59 (store time)"); the others name it.
          return lang === 'en' ? `${text} (store time)` : text;
        }
      }
      return v == null ? undefined : String(v);
    };
    return form.replace(/\{(\w+)\}/g, (all, name) => value(name) ?? all).trimEnd();
  } catch {
    return null; // A tag Intl rejects.
  }
}

/** The request handlers of a config, by the kind of request each takes. */
const HANDLERS = { onRequestCancel: 'cancel', onRequestReturn: 'return', onWithdraw: 'withdrawal' };

/**
 * `config` with each request handler's answers passed through `refusalSentence`: a declined
 * answer with `verify`'s `code` (and `values`) and no `message` of the host's own gets the
 * refusal's sentence as its message; so does a rejected promise's Error that carries `code`
 * and `values` (a withdrawal's refusal), marked `refused`. `localeOf()`: the widget's locale
 * then.
 */
function worded(config, localeOf) {
  const out = { ...config };
  for (const [name, kind] of Object.entries(HANDLERS)) {
    const handler = config[name];
    if (typeof handler !== 'function') continue;
    const say = (code, values) => refusalSentence(localeOf(), kind, code, values ?? {});
    out[name] = (request) => Promise.resolve(handler(request)).then(async (answer) => {
      const words = answer?.status === 'declined' && answer.message == null && typeof answer.code === 'string'
        && await say(answer.code, answer.values);
      return words ? { ...answer, message: words } : answer;
    }, async (error) => {
      const words = error instanceof Error && typeof error.code === 'string' && typeof error.values === 'object'
        && await say(error.code, error.values);
      // `refused`: the store's refusal in words, which the widget shows as such (not as an error).
      if (words) Object.assign(error, { message: words, refused: true });
      throw error;
    });
  }
  return out;
}

/** The config fields that give the widget a catalogue, from what is at hand. */
function catalogueFields(catalogue) {
  return catalogue instanceof Error
    ? { catalogue: null, localeError: catalogue.message }
    : { catalogue };
}

/**
 * The catalogue for `locale`: `{ fields }` when it is at hand (given, inline, loaded or not
 * needed), else `{ pending }`, a promise of the fields.
 */
function resolveCatalogue(element, locale, given) {
  const lang = languageOf(locale);
  if (!lang) return { fields: { catalogue: null } };
  if (given?.[lang]) return { fields: { catalogue: given[lang] } };
  const inline = element.querySelector?.(`script[type="application/json"][data-locale="${lang}"]`);
  if (inline) {
    try {
      return { fields: { catalogue: JSON.parse(inline.textContent) } };
    } catch (error) {
      const message = `order-help: the inline texts for "${lang}" are not valid JSON (${error.message}). English is shown instead.`;
      console.error(message);
      return { fields: { catalogue: null, localeError: message } };
    }
  }
  if (loaded.has(lang)) return { fields: catalogueFields(loaded.get(lang)) };
  return { pending: loadCatalogue(lang).then(catalogueFields) };
}

/**
 * The host's handle around the wasm widget: a locale that needs a catalogue not yet at hand
 * is applied together with it, once it has loaded (until then the widget keeps its language,
 * or, when it has none yet, shows nothing).
 */
function handle(element, widget, config) {
  let catalogues = config.catalogues;
  let locale = config.locale ?? navigator.language;
  let request = 0;
  const withLocale = (next) => {
    const { catalogue, catalogues: more, ...given } = next;
    const rest = worded(given, () => locale);
    if (more) catalogues = { ...catalogues, ...more };
    if (catalogue !== undefined) {
      request += 1;
      return { config: { ...rest, catalogue } };
    }
    if (next.locale === undefined && !more) return { config: rest };
    if (next.locale !== undefined) locale = next.locale;
    const asked = ++request;
    const { fields, pending } = resolveCatalogue(element, locale, catalogues);
    if (fields) return { config: { ...rest, locale, ...fields } };
    const { locale: _, ...others } = rest;
    const later = pending.then((fields) => {
      if (asked === request && widget.mounted) widget.update({ locale, ...fields });
    });
    return { config: others, later };
  };
  return {
    withLocale,
    locale: () => locale,
    api: {
      update(next = {}) {
        widget.update(withLocale(next).config);
      },
      unmount() {
        widget.unmount();
      },
      get mounted() {
        return widget.mounted;
      },
    },
  };
}

/**
 * Mounts the widget into `element`'s shadow root; returns `{ update(config), unmount() }`.
 * Mounting into an element that already holds a widget unmounts that one first (its handle
 * then reports `mounted === false`). Throws an Error with code `wasm_unavailable` when
 * WebAssembly could not start.
 */
export function mount(element, config = {}) {
  if (wasmFailure === undefined) return mountOnceStarted(element, config);
  requireWasm();
  const before = mounted.get(element);
  if (before?.mounted) before.unmount();
  // The widget's locale when an answer comes (the handle's, once there is one).
  let localeNow = () => config.locale ?? navigator.language;
  let first = worded(config, () => localeNow());
  let late = null;
  if (config.catalogue === undefined) {
    const { catalogues, ...rest } = first;
    const { fields, pending } = resolveCatalogue(element, config.locale ?? navigator.language, catalogues);
    // Nothing of the widget's own shows until its language is there.
    first = { ...rest, ...(fields ?? { catalogue: 'loading' }) };
    late = pending ?? null;
  }
  performance.mark('order-help:mount');
  const widget = mountWasm(element, first);
  performance.mark('order-help:mounted');
  const { api, locale } = handle(element, widget, config);
  localeNow = locale;
  late?.then((fields) => {
    if (widget.mounted) widget.update(fields);
  });
  mounted.set(element, api);
  return api;
}

/**
 * `mount()` called before the wasm has started (WebKit's early `import()`, see `wasmFailure`):
 * the widget mounts once it has, with the updates given meanwhile; if it cannot start, the
 * element fires `order-help-error` (`wasm_unavailable`) as an `<order-help>` does.
 */
function mountOnceStarted(element, config) {
  let widget = null;
  let unmounted = false;
  const updates = [];
  wasmStarting.then((failure) => {
    if (unmounted) return;
    if (failure) {
      element.dispatchEvent(new CustomEvent('order-help-error', {
        bubbles: true, composed: true, detail: { code: failure.code, message: failure.message },
      }));
      return;
    }
    widget = mount(element, config);
    for (const next of updates) widget.update(next);
  });
  return {
    update(next = {}) {
      if (widget) widget.update(next);
      else updates.push(next);
    },
    unmount() {
      unmounted = true;
      widget?.unmount();
    },
    get mounted() {
      return widget ? widget.mounted : !unmounted && !wasmFailure;
    },
  };
}

const ATTRIBUTES = ['order-src', 'policy-src', 'locale', 'now', 'timeout', 'heading-level'];

class OrderHelpElement extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #widget = null;
  #generation = 0;
  /** Set by connectedCallback: attribute callbacks before it (the upgrade) start no load. */
  #connected = false;
  /** A load is scheduled for the end of this task (several attribute changes make one load). */
  #loadScheduled = false;
  /** The widget sent a request: taken out of the page, it is kept (see disconnectedCallback). */
  #sent = false;

  connectedCallback() {
    this.#connected = true;
    if (wasmFailure) {
      // The fallback content stays; the host hears why (after its own modules have run, so
      // a listener they add still hears it).
      setTimeout(() => this.#fail(wasmFailure), 0);
      return;
    }
    this.#scheduleLoad();
  }

  disconnectedCallback() {
    this.#connected = false;
    this.#generation += 1;
    // Once it sent a request, the widget stays mounted while the element is out of the page:
    // put back, it shows the request in flight and the answer (which may come meanwhile), and
    // never offers it again under a new key. Else it stops, timers and all.
    if (this.#sent) return;
    this.#widget?.unmount();
    this.#widget = null;
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.#connected || wasmFailure) return;
    // A new source restarts loading (a load still under way is dropped); before the first
    // mount, the other attributes are read when it happens.
    if (name === 'order-src' || name === 'policy-src') this.#scheduleLoad();
    // The element's widget, or one the page mounted in it itself (`mount(element, …)`).
    else mounted.get(this)?.update(this.#settings(name));
  }

  #fail(error) {
    this.dispatchEvent(new CustomEvent('order-help-error', {
      bubbles: true, composed: true, detail: { code: error.code, message: error.message },
    }));
  }

  #scheduleLoad() {
    if (this.#loadScheduled) return;
    this.#loadScheduled = true;
    queueMicrotask(() => {
      this.#loadScheduled = false;
      if (this.#connected) this.#load();
    });
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
    performance.mark('order-help:load');
    const generation = ++this.#generation;
    const ask = (request) => this.#ask(request);
    const config = { onRequestCancel: ask, onRequestReturn: ask, onWithdraw: ask, loadError: null };
    // The language is loaded alongside the order, so the first render is complete.
    const texts = this.#widget ? null : resolveCatalogue(this, this.getAttribute('locale') ?? navigator.language);
    try {
      config.order = (await this.#json('order')) ?? null;
      const policy = await this.#json('policy');
      // No policy-src (nor an inline one) any more: back to the default policy.
      config.policy = policy ?? null;
    } catch (error) {
      config.loadError = {
        code: error.code ?? 'order_unreachable',
        message: error.message,
        reason: error.reason ?? 'network',
        status: error.status,
        timeout: error.timeout,
      };
    }
    if (texts) Object.assign(config, texts.fields ?? await texts.pending);
    // A newer load (an attribute changed meanwhile), a removal, or a widget the page mounted
    // here itself (`mount(element, …)`) wins.
    const mine = mounted.get(this);
    if (generation !== this.#generation || !this.isConnected || (mine?.mounted && mine !== this.#widget)) return;
    if (this.#widget) this.#widget.update(config);
    else this.#widget = mount(this, { ...this.#settings(), ...config });
  }

  /**
   * `src` fetched, given up after the `load-timeout` attribute's milliseconds (default 15 s): a
   * limit of its own, since fetching an order and a store answering a request are different waits.
   */
  async #fetch(kind, src) {
    const limit = Number(this.getAttribute('load-timeout')) || LOAD_TIMEOUT_MS;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), limit);
    const unreachable = `${kind}_unreachable`;
    try {
      const response = await fetch(new URL(src, document.baseURI), {
        headers: { accept: 'application/json' }, signal: abort.signal,
      });
      if (!response.ok) {
        throw codedError(unreachable, `${src} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
          { reason: 'status', status: response.status });
      }
      try {
        return await response.json();
      } catch {
        if (abort.signal.aborted) throw abort.signal.reason;
        throw codedError(`${kind}_invalid`, `${src} is not valid JSON`);
      }
    } catch (error) {
      // Ours (a DOMException's numeric `code` is not).
      if (typeof error.code === 'string') throw error;
      if (abort.signal.aborted) {
        throw codedError(unreachable, `${src} did not answer within ${limit} ms`, { reason: 'timeout', timeout: limit });
      }
      throw codedError(unreachable, `${src} could not be reached (${error.message})`, { reason: 'network' });
    } finally {
      clearTimeout(timer);
    }
  }

  /** The order or policy: from `order-src` / `policy-src`, else an inline JSON child. */
  async #json(kind) {
    const src = this.getAttribute(`${kind}-src`);
    if (src) return this.#fetch(kind, src);
    const inline = this.querySelector(`script[type="application/json"][data-${kind}]`)
      ?? (kind === 'order' ? this.querySelector('script[type="application/json"]:not([data-policy])') : null);
    if (!inline) return undefined;
    try {
      return JSON.parse(inline.textContent);
    } catch (error) {
      throw codedError(`${kind}_invalid`, `the inline ${kind} is not valid JSON (${error.message})`);
    }
  }

  /**
   * A request of any kind, as a cancelable event named for its `kind` (REQUEST_EVENTS):
   * `order-help-cancel-request`, `order-help-return-request`, `order-help-withdrawal`.
   */
  #ask(request) {
    this.#sent = true;
    const name = REQUEST_EVENTS[request.kind];
    return new Promise((resolve, reject) => {
      let responded = false;
      const respond = (answer) => {
        if (responded) return;
        responded = true;
        Promise.resolve(answer).then(resolve, reject);
      };
      const event = new CustomEvent(name, {
        bubbles: true, composed: true, cancelable: true, detail: { request, respond },
      });
      this.dispatchEvent(event);
      // Nobody took it: say so now rather than after the timeout.
      if (!responded && !event.defaultPrevented) {
        reject(codedError('no_request_handler', `no listener answered ${name}`));
      }
    });
  }
}

/** The event an `<order-help>` element dispatches for each kind of request (the one contract). */
const REQUEST_EVENTS = {
  cancel: 'order-help-cancel-request',
  return: 'order-help-return-request',
  withdrawal: 'order-help-withdrawal',
};

if (!customElements.get('order-help')) customElements.define('order-help', OrderHelpElement);
