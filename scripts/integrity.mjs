// Trunk's post_build hook (Trunk.toml): makes the release bundle verifiable with Subresource
// Integrity, so a help page can refuse a tampered copy on a CDN.
//
//   1. the wasm-bindgen glue (order-help.js) goes inside embed.js, in place of its import, so the
//      `integrity` of the page's <script src=".../embed.js"> covers it too (under the strict CSP
//      a separately loaded module could not be hash-checked: import() takes no integrity, and
//      blob: URLs are not allowed);
//   2. embed.js gets the wasm's sha384 hash, and fetches the wasm with it (`fetch(url,
//      {integrity})`): a different wasm is refused and the widget reports `wasm_unavailable`;
//   2a. embed.js gets each catalogue's (locales/<lang>.json; English's too, fetched only for the
//      sentences of a store's refusal, which the wasm does not compile in) sha384 hash, and fetches it with it: a different catalogue is `locale_unavailable`, and a
//      language the build did not ship is not fetched at all;
//   3. dist/integrity.json lists the hashes of embed.js and order-help_bg.wasm, for the page's
//      `<script type="module" src=".../embed.js" integrity="sha384-…" crossorigin="anonymous">`;
//   4. the demo page (index.html) loads embed.js with its hash;
//   5. embed.js is minified (scripts/minify.mjs, terser) before it is hashed.
//
// `make serve` (Trunk's debug build) is left as it is: embed.js imports the glue, and the wasm is
// fetched without a hash (TRUNK_PROFILE=debug). Run by hand: `node scripts/integrity.mjs DIR`.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { minify } from './minify.mjs';

/** `sha384-<base64>`, the form of an `integrity` attribute. */
export function sri(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

const GLUE_IMPORT = /^import init, \{([^}]*)\} from '\.\/order-help\.js';$/m;
const WASM_INTEGRITY = 'const WASM_INTEGRITY = undefined;';

/**
 * embed.js with `glue` (wasm-bindgen's ES module) in place of its import, as a function scope
 * that returns what the module exported. Throws when either file is not shaped as expected
 * (a new wasm-bindgen that writes its exports differently must fail the build, not slip by).
 */
export function inlineGlue(embed, glue) {
  const wanted = GLUE_IMPORT.exec(embed);
  if (!wanted) throw new Error(`embed.js: no line ${GLUE_IMPORT} to replace`);
  const exported = new Map();
  const body = glue.split('\n').map((line) => {
    const declaration = /^export ((?:async )?function\*? |class |const |let )(\w+)/.exec(line);
    if (declaration) {
      exported.set(declaration[2], declaration[2]);
      return line.slice('export '.length);
    }
    const list = /^export \{([^}]*)\};?$/.exec(line);
    if (list) {
      for (const entry of list[1].split(',').map((e) => e.trim()).filter(Boolean)) {
        const [local, as = local] = entry.split(/\s+as\s+/);
        exported.set(as, local);
      }
      return '';
    }
    if (/^\s*(import|export)\b/.test(line)) throw new Error(`order-help.js: cannot inline the line ${JSON.stringify(line)}`);
    return line;
  });
  const names = wanted[1].split(',').map((e) => e.trim()).filter(Boolean).map((entry) => {
    const [name, as = name] = entry.split(/\s+as\s+/);
    if (!exported.has(name)) throw new Error(`order-help.js does not export ${name}`);
    return `${name}: ${as}`;
  });
  if (!exported.has('default')) throw new Error('order-help.js has no default export (init)');
  const returned = [...exported].map(([as, local]) => `${JSON.stringify(as)}: ${local}`).join(', ');
  const inlined = [
    '// The wasm-bindgen glue (order-help.js), put here by the release build (scripts/integrity.mjs).',
    `const { default: init, ${names.join(', ')} } = (() => {`,
    ...body,
    `return { ${returned} };`,
    '})();',
  ].join('\n');
  return embed.replace(GLUE_IMPORT, () => inlined);
}

const LOCALE_INTEGRITY = 'const LOCALE_INTEGRITY = undefined;';

/** embed.js fetching each catalogue with its hash (`hashes`: language → hash). */
export function setLocaleIntegrity(embed, hashes) {
  if (!embed.includes(LOCALE_INTEGRITY)) throw new Error(`embed.js: no ${LOCALE_INTEGRITY} to fill in`);
  return embed.replace(LOCALE_INTEGRITY, () => `const LOCALE_INTEGRITY = ${JSON.stringify(hashes)};`);
}

/**
 * The hash of each catalogue in `dir`/locales that embed.js may fetch: every one (English only
 * for a store's refusal, whose sentences the wasm does not compile in).
 */
export function localeHashes(dir) {
  const hashes = {};
  for (const name of readdirSync(path.join(dir, 'locales')).sort()) {
    const lang = /^([a-z]{2,8})\.json$/.exec(name)?.[1];
    if (lang) hashes[lang] = sri(readFileSync(path.join(dir, 'locales', name)));
  }
  return hashes;
}

/** embed.js fetching the wasm with `hash`. */
export function setWasmIntegrity(embed, hash) {
  if (!embed.includes(WASM_INTEGRITY)) throw new Error(`embed.js: no ${WASM_INTEGRITY} to fill in`);
  return embed.replace(WASM_INTEGRITY, () => `const WASM_INTEGRITY = ${JSON.stringify(hash)};`);
}

/**
 * Makes the bundle in `dir` verifiable, and embed.js small (minified once the glue and the wasm
 * hash are in, so its hash covers what is served); returns the hashes written to integrity.json.
 */
export async function protect(dir) {
  const file = (name) => path.join(dir, name);
  const wasmHash = sri(readFileSync(file('order-help_bg.wasm')));
  let embed = readFileSync(file('embed.js'), 'utf8');
  embed = setWasmIntegrity(inlineGlue(embed, readFileSync(file('order-help.js'), 'utf8')), wasmHash);
  embed = setLocaleIntegrity(embed, localeHashes(dir));
  embed = await minify(embed, 'embed.js');
  writeFileSync(file('embed.js'), embed);
  const hashes = { 'embed.js': sri(embed), 'order-help_bg.wasm': wasmHash };
  writeFileSync(file('integrity.json'), `${JSON.stringify(hashes, null, 2)}\n`);

  // The demo page: the snippet the README shows, with this build's hashes. The glue is no
  // longer loaded on its own, and a preload of the wasm would not be used by a fetch with a hash
  // (Chromium ignores `integrity` on preloads of `as="fetch"`), so neither is preloaded.
  let html = readFileSync(file('index.html'), 'utf8');
  const edits = [
    [/<link rel="modulepreload" href="order-help.js">\s*/, ''],
    [/<link rel="preload" href="order-help_bg.wasm" as="fetch" type="application\/wasm" crossorigin>\s*/, ''],
    [/<script type="module" src="embed.js"><\/script>/,
      `<script type="module" src="embed.js" integrity="${hashes['embed.js']}" crossorigin="anonymous"></script>`],
  ];
  for (const [pattern, replacement] of edits) {
    if (!pattern.test(html)) throw new Error(`index.html: no ${pattern} to edit`);
    html = html.replace(pattern, () => replacement);
  }
  writeFileSync(file('index.html'), html);
  return hashes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('usage: node scripts/integrity.mjs DIR (or as a Trunk hook)');
  if ((process.env.TRUNK_PROFILE ?? 'release') !== 'release') {
    console.log('integrity: debug build: embed.js imports the glue and fetches the wasm without a hash');
  } else {
    const hashes = await protect(dir);
    console.log(`integrity: the glue is inside embed.js; ${Object.entries(hashes).map(([f, h]) => `${f} ${h}`).join(', ')}`);
  }
}
