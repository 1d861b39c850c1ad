// The release wasm carries English only: every other language is a file of its own
// (dist/locales/<lang>.json), fetched by the pages that ask for it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DIST } from './server.mjs';

const wasmFiles = readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
const wasm = Buffer.concat(wasmFiles.map((f) => readFileSync(path.join(DIST, f))));
const catalogue = (lang) => JSON.parse(readFileSync(path.join(DIST, 'locales', `${lang}.json`), 'utf8'));
/** Every whole text of a catalogue (plural forms included). */
const texts = (lang) => Object.values(catalogue(lang)).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));

test('the release wasm holds the English texts (so the search below can find a text)', () => {
  assert.ok(wasmFiles.length > 0, 'dist/ has a .wasm');
  assert.ok(wasm.includes(Buffer.from(catalogue('en')['cancel.staged_for_shipping'])));
});

for (const lang of ['de', 'fr', 'es', 'it', 'nl', 'pl', 'sv']) {
  test(`the release wasm holds no ${lang} text`, () => {
    const english = new Set(texts('en'));
    // Long enough to be a sentence of the language, not a word shared with English ("Status").
    const found = texts(lang).filter((t) => t.length >= 12 && !english.has(t) && wasm.includes(Buffer.from(t)));
    assert.deepEqual(found, [], `${lang} texts compiled into the wasm`);
    assert.ok(texts(lang).length > 100);
  });
}

test('the release wasm holds no verify.* sentence (the server-side verify explains with them; the widget never shows them)', () => {
  const en = catalogue('en');
  const verify = Object.keys(en).filter((k) => k.startsWith('verify.'));
  assert.ok(verify.length > 10, 'en.json has verify.* sentences');
  const found = verify.filter((k) => {
    const entry = en[k];
    return (typeof entry === 'string' ? [entry] : Object.values(entry)).some((t) => wasm.includes(Buffer.from(t)));
  });
  assert.deepEqual(found, [], 'verify.* texts compiled into the wasm');
});

// Every plural entry of every shipped catalogue has exactly the categories CLDR gives its
// language, as Node's own ICU data says (not a list of ours): a Polish "few" or an Italian
// "many" missing would leave some numbers without a sentence.
test('every catalogue has the plural categories of its language (CLDR, through Intl.PluralRules)', () => {
  const langs = readdirSync(path.join(DIST, 'locales')).map((f) => f.replace(/\.json$/, '')).sort();
  assert.ok(langs.length >= 8, `catalogues shipped: ${langs}`);
  for (const lang of langs) {
    const cldr = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.slice().sort();
    for (const [key, entry] of Object.entries(catalogue(lang))) {
      if (typeof entry === 'string') continue;
      assert.deepEqual(Object.keys(entry).sort(), cldr, `${lang}.json ${key}`);
    }
  }
});
