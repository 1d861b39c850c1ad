// README's "Keeping requests" shows the handler of the reference back end: the code block there is
// examples/reference-backend/store.mjs as it is, so the handler the README shows is the one the
// reference back end runs and reference-store.test.mjs tests (no undefined function).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../../examples/reference-backend/server.mjs';

test('README\'s "Keeping requests" handler is examples/reference-backend/store.mjs', async () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n### Keeping requests\n'));
  assert.ok(section.length > 1, 'README has the section');
  const blocks = [...section.split(/\n## /)[0].matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  const store = readFileSync(path.join(ROOT, 'examples', 'reference-backend', 'store.mjs'), 'utf8');
  assert.ok(blocks.includes(store), 'the section shows store.mjs, whole and unchanged');
  // And it is a module whose functions exist (what the reference back end imports).
  const module = await import('../../examples/reference-backend/store.mjs');
  assert.equal(typeof module.openStore, 'function');
  assert.equal(typeof module.handleRequest, 'function');
});
