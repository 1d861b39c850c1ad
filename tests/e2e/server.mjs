// A tiny static server for the end-to-end tests and the screenshot script: `dist/` (the release
// bundle) at `/`, the bundle again under a sub-path (`/assets/order-help/`), without its wasm
// file (`/no-wasm/`) and with one file tampered with (`/tampered-wasm/`, `/tampered-embed/`), a
// page loading the bundle with its SRI hash (`/e2e/sri.html?bundle=…`), the test pages of
// tests/e2e/pages/ at `/e2e/`, and a few fake API endpoints under `/e2e/api/`. 127.0.0.1 only,
// on a free port.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIME } from './chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const DIST = path.join(ROOT, 'dist');
export const PAGES = path.join(here, 'pages');
export const SUB_PATH = '/assets/order-help/';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
/** The same without 'wasm-unsafe-eval': WebAssembly cannot start. */
export const CSP_NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'";
/** The bundle again, but its wasm file answers 404. */
export const NO_WASM_PATH = '/no-wasm/';
/** The bundle again, one file changed as an attacker on a CDN might: one byte flipped, same size. */
export const TAMPERED = {
  '/tampered-wasm/': { file: 'order-help_bg.wasm', change: flipMiddleByte },
  '/tampered-embed/': { file: 'embed.js', change: flipMiddleByte },
};

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
async function sriPage(res, bundle) {
  const hashes = JSON.parse(await readFile(path.join(DIST, 'integrity.json'), 'utf8'));
  const attr = (text) => text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Help: cancel an order (the bundle with its integrity hash)</title>
  <link rel="stylesheet" href="/e2e/plain.css">
  <script type="module" src="/e2e/host.js"></script>
  <script type="module" src="${attr(bundle)}embed.js" integrity="${attr(hashes['embed.js'])}" crossorigin="anonymous"></script>
</head>
<body>
  <main>
    <h1>Cancel an order</h1>
    <order-help id="widget" order-src="/orders/bundle.json" now="2025-03-20T10:00:00-07:00" locale="en-US">
      <p class="fallback"><a href="/orders/114-3308871-6612009">See your order</a> to cancel items.</p>
    </order-help>
  </main>
</body>
</html>
`;
  send(res, 200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }, html);
}


/** Extra headers per test page (by file name under pages/). */
const PAGE_HEADERS = {
  'csp.html': { 'content-security-policy': CSP },
  'subpath.html': { 'content-security-policy': CSP },
  'no-wasm-csp.html': { 'content-security-policy': CSP_NO_WASM },
};

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
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'content-length': body.length,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...extraHeaders,
    });
    res.end(method === 'HEAD' ? undefined : body);
  } catch {
    send(res, 404, { 'content-type': 'text/plain' }, 'not found');
  }
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
      return sriPage(res, new URL(req.url, 'http://127.0.0.1').searchParams.get('bundle') ?? '/').catch(() =>
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
      const file = inside(PAGES, name);
      if (!file) return send(res, 404, { 'content-type': 'text/plain' }, 'not found');
      return serveFile(res, file, PAGE_HEADERS[name] ?? {}, req.method);
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
  // Keep-alive sockets would hold close() up; the tests are short-lived anyway.
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (p = '/') => origin + p,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

// `node tests/e2e/server.mjs`: serve by hand, to look at the test pages in a browser.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startServer();
  console.log(`serving dist/ and tests/e2e/pages/ on ${server.origin} (test pages at /e2e/…)`);
}
