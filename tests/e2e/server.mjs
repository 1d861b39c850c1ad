// A tiny static server for the end-to-end tests and the screenshot script: `dist/` (the release
// bundle) at `/`, the bundle again under a sub-path (`/assets/order-help/`), without its wasm
// file (`/no-wasm/`) and with one file tampered with (`/tampered-wasm/`, `/tampered-embed/`), a
// page loading the bundle with its SRI hash (`/e2e/sri.html?bundle=…`), the test pages at
// `/e2e/` (built by pages.mjs, with their scripts and stylesheets from tests/e2e/pages/), and a
// few fake API endpoints under `/e2e/api/`. 127.0.0.1 only, on a free port.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIME, listenLocally } from './chromium.mjs';
import { CSP, CSP_NO_WASM, PAGES, renderPage, sriPage } from './pages.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const DIST = path.join(ROOT, 'dist');
/** The test pages' scripts and stylesheets. */
const PAGES_DIR = path.join(here, 'pages');
export const SUB_PATH = '/assets/order-help/';

export { CSP, CSP_NO_WASM };
/** The bundle again, but its wasm file answers 404. */
export const NO_WASM_PATH = '/no-wasm/';
/** The bundle again, one file changed as an attacker on a CDN might: one byte flipped, same size. */
export const TAMPERED = {
  '/tampered-wasm/': { file: 'order-help_bg.wasm', change: flipMiddleByte },
  '/tampered-embed/': { file: 'embed.js', change: flipMiddleByte },
  '/tampered-locale/': { file: 'locales/de.json', change: premiumRateButton },
};

/** The German catalogue, its withdrawal button turned into a premium-rate number (issue 23). */
function premiumRateButton(body) {
  const text = String(body).replace('"withdraw_button": "Vertrag widerrufen"',
    '"withdraw_button": "Rufen Sie 0900-123456 an (3,99 €/min)"');
  if (text === String(body)) throw new Error('locales/de.json: no withdraw_button to tamper with');
  return Buffer.from(text);
}

/** The same bytes but one, in the middle. */
function flipMiddleByte(body) {
  const copy = Buffer.from(body);
  const at = copy.length >> 1;
  copy[at] ^= 0x01;
  return copy;
}

/**
 * The README's snippet: `<script type="module" src="BUNDLE/embed.js" integrity="…"
 * crossorigin="anonymous">` with the hash of dist/integrity.json, under the strict CSP.
 */
async function sri(res, bundle, method) {
  const hashes = JSON.parse(await readFile(path.join(DIST, 'integrity.json'), 'utf8'));
  servePage(res, sriPage(bundle, hashes['embed.js']), method);
}

/** A test page of pages.mjs, built from the shared template. */
function servePage(res, page, method) {
  serveBody(res, Buffer.from(renderPage(page)), MIME['.html'], page.headers, method);
}

/** `/e2e/api/…`: orders that are missing, broken, or never arrive. */
function api(name, req, res) {
  switch (name) {
    case 'missing':
      return send(res, 404, { 'content-type': 'application/json' }, '{"error":"not found"}');
    case 'not-json':
      return send(res, 200, { 'content-type': 'application/json' }, '{"id": "114-1", "items": [');
    case 'never':
      // Takes the request and never answers (until the server closes).
      return undefined;
    case 'hang-up':
      // The connection drops without an answer: fetch() rejects, like an unreachable host.
      req.socket.destroy();
      return undefined;
    default:
      return send(res, 404, { 'content-type': 'text/plain' }, 'no such endpoint');
  }
}

function send(res, status, headers, body) {
  res.writeHead(status, { 'cache-control': 'no-store', ...headers });
  res.end(body);
}

/** Resolves `rel` inside `base`, or null when it would escape it. */
function inside(base, rel) {
  const file = path.resolve(base, '.' + path.posix.normalize('/' + rel));
  return file === base || file.startsWith(base + path.sep) ? file : null;
}

async function serveFile(res, file, extraHeaders = {}, method = 'GET', change = (body) => body) {
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file);
    }
    const body = change(await readFile(file));
    serveBody(res, body, MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream', extraHeaders, method);
  } catch {
    send(res, 404, { 'content-type': 'text/plain' }, 'not found');
  }
}

/** 200 with `body` (a Buffer) of `type`, uncached and not sniffed; no body for HEAD. */
function serveBody(res, body, type, extraHeaders = {}, method = 'GET') {
  res.writeHead(200, {
    'content-type': type,
    'content-length': body.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extraHeaders,
  });
  res.end(method === 'HEAD' ? undefined : body);
}

/** Starts the server on 127.0.0.1 and a free port. Returns `{ origin, url(path), close() }`. */
export async function startServer() {
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    let rel;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, { 'content-type': 'text/plain' }, 'bad path');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, { 'content-type': 'text/plain' }, 'method not allowed');
    }
    if (rel.startsWith('/e2e/api/')) return api(rel.slice('/e2e/api/'.length), req, res);
    if (rel === '/e2e/sri.html') {
      return sri(res, new URL(req.url, 'http://127.0.0.1').searchParams.get('bundle') ?? '/', req.method).catch(() =>
        send(res, 500, { 'content-type': 'text/plain' }, 'no dist/integrity.json: run trunk build --release'));
    }
    for (const [prefix, { file: tampered, change }] of Object.entries(TAMPERED)) {
      if (!rel.startsWith(prefix)) continue;
      const name = rel.slice(prefix.length);
      const file = inside(DIST, name);
      if (!file) return send(res, 404, { 'content-type': 'text/plain' }, 'not found');
      return serveFile(res, file, {}, req.method, name === tampered ? change : undefined);
    }
    if (rel.startsWith('/e2e/')) {
      const name = rel.slice('/e2e/'.length);
      if (Object.hasOwn(PAGES, name)) return servePage(res, PAGES[name], req.method);
      const file = inside(PAGES_DIR, name);
      if (!file) return send(res, 404, { 'content-type': 'text/plain' }, 'not found');
      return serveFile(res, file, {}, req.method);
    }
    if (rel.startsWith(SUB_PATH)) {
      const file = inside(DIST, rel.slice(SUB_PATH.length));
      if (!file) return send(res, 404, { 'content-type': 'text/plain' }, 'not found');
      return serveFile(res, file, {}, req.method);
    }
    if (rel.startsWith(NO_WASM_PATH)) {
      const name = rel.slice(NO_WASM_PATH.length);
      const file = name.endsWith('.wasm') ? null : inside(DIST, name);
      if (!file) return send(res, 404, { 'content-type': 'text/plain' }, 'not found');
      return serveFile(res, file, {}, req.method);
    }
    if (rel === '/favicon.ico') return send(res, 204, {}, '');
    const file = inside(DIST, rel.slice(1));
    if (!file) return send(res, 404, { 'content-type': 'text/plain' }, 'not found');
    return serveFile(res, file, {}, req.method);
  });
  return listenLocally(server);
}

// `node tests/e2e/server.mjs`: serve by hand, to look at the test pages in a browser.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startServer();
  console.log(`serving dist/ and the test pages on ${server.origin} (test pages at /e2e/…)`);
}
