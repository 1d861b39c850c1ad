// Minifies the JavaScript a help page downloads (issue 16: bytes): the release build's embed.js,
// once scripts/integrity.mjs has put the glue inside it, and — so the benchmark compares like
// with like — the Yew baseline's main.js and glue. terser (compress + mangle, as ES modules):
// exported names, string literals and behaviour are kept; comments and local names go.
//
//   node scripts/minify.mjs FILE...   minifies each file in place
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `code` (an ES module) minified; throws with the cause if terser is missing or fails. */
export async function minify(code, name = 'the script') {
  let terser;
  try {
    terser = await import('terser');
  } catch {
    throw new Error('minify: the npm package terser is missing: run scripts/setup.sh (it runs npm ci)');
  }
  try {
    const out = await terser.minify(code, {
      module: true,
      ecma: 2020,
      compress: { passes: 2 },
      mangle: true,
      format: { comments: false },
    });
    return out.code;
  } catch (e) {
    throw new Error(`minify: ${name}: ${e.message} (line ${e.line}, column ${e.col})`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  for (const file of process.argv.slice(2)) {
    const before = readFileSync(file, 'utf8');
    const after = await minify(before, file);
    writeFileSync(file, after);
    console.log(`minify: ${file}: ${before.length} → ${after.length} bytes`);
  }
}
