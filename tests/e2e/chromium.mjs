// What the end-to-end tests and the benchmark share: how to launch Debian's Chromium on this
// network-less machine (never a downloaded browser), the MIME types a static server needs, and
// how such a server listens on this machine only.

export const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  // Root needs --no-sandbox; the rest keeps Chromium from reaching for the (absent) network.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
};

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts `server` (a node:http server) on 127.0.0.1 and a free port. Returns `{ origin,
 * url(path), close() }`; close() resolves once the server has stopped, keep-alive connections
 * dropped (they would hold it up).
 */
export async function listenLocally(server) {
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const close = () => {
    const closed = new Promise((resolve) => server.close(() => resolve()));
    server.closeAllConnections?.();
    return closed;
  };
  return { origin, url: (p = '/') => origin + p, close };
}
