// What the reference back end's end-to-end tests share: the Node package installed as a store's
// back end would install it.
//
// The package: $ORDER_HELP_ENGINE_DIR if set, else the tarball of `make node-package`
// (target/node-package/, built by the node-package stage of `make test`; built here if absent),
// installed into a temporary folder.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../../examples/reference-backend/server.mjs';

const PACKAGES = path.join(ROOT, 'target', 'node-package');

/** The installed package's folder (see the top); `made`: a temporary one, to remove after the run. */
export function installEngine() {
  if (process.env.ORDER_HELP_ENGINE_DIR) return { dir: process.env.ORDER_HELP_ENGINE_DIR, made: false };
  const find = () => (existsSync(PACKAGES) ? readdirSync(PACKAGES).find((f) => /^order-help-engine-.*\.tgz$/.test(f)) : undefined);
  if (!find()) {
    const build = spawnSync(path.join(ROOT, 'scripts', 'node-package.sh'), { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    assert.equal(build.status, 0, 'scripts/node-package.sh builds the package');
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'order-help-reference-'));
  writeFileSync(path.join(dir, 'package.json'), '{"private": true}');
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', path.join(PACKAGES, find())], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(install.status, 0, `npm install of the package: ${install.stderr}`);
  return { dir, made: true };
}

/**
 * The reference back end as its own process, on the database `file`, with the package installed
 * in `engineDir`: `{ origin, pid, stop(signal) }` (`stop` resolves when it has exited).
 */
export async function spawnServer(file, engineDir) {
  const child = spawn(process.execPath, [path.join(ROOT, 'examples', 'reference-backend', 'server.mjs'), '0', file], {
    env: { ...process.env, ORDER_HELP_ENGINE_DIR: engineDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it listened: ${out}`)));
  });
  return {
    origin,
    pid: child.pid,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill(signal);
      }),
  };
}
