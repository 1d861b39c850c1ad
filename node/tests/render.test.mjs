// `renderVerification(verification, locale)`: every verification of every scenario table (each
// case with a `request`) written in each shipped language (locales/*.json), checked against the
// catalogue itself: each sentence is its code's entry, in the plural form `Intl.PluralRules`
// gives the language for its count, with every placeholder filled (the entry's fixed words in
// order, each number named); English, and a language without a catalogue, keep `verify`'s own
// English sentences (never a mix).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { renderVerification, root, scenarioDir, scenarios, verify } from './oracle.mjs';

const localeDir = join(root, 'locales');
const catalogues = Object.fromEntries(
  readdirSync(localeDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(join(localeDir, f), 'utf8'))]),
);
const languages = Object.keys(catalogues).filter((lang) => lang !== 'en');

/** Every verification the scenario tables give (a case with a `request`). */
const verifications = [];
for (const name of scenarios) {
  const table = JSON.parse(readFileSync(join(scenarioDir, name), 'utf8'));
  for (const [index, { at, request, order_fields: fields }] of (table.cases ?? []).entries()) {
    if (request === undefined) continue;
    const order = fields === undefined ? table.order : { ...table.order, ...fields };
    verifications.push([`${name}: cases[${index}]`, verify(order, table.policy, request, at)]);
  }
}

/** The catalogue's entry for one sentence (the request's, or an item's). */
function template(lang, code, values, isItem) {
  const key = code === 'accepted' ? `verify.accepted.${isItem ? 'item' : 'request'}` : `verify.${code}`;
  const entry = catalogues[lang][key];
  assert.ok(entry !== undefined, `locales/${lang}.json has ${key}`);
  if (typeof entry === 'string') return entry;
  const count = values.quantity ?? values.requested;
  return entry[new Intl.PluralRules(lang).select(count)] ?? entry.other;
}

/** `message` is `template` filled: its fixed words in order, and each number it names. */
function assertFilled(message, text, values, where) {
  assert.doesNotMatch(message, /\{[a-z_]+\}/, `${where}: no placeholder left: ${message}`);
  let at = 0;
  for (const part of text.split(/\{[a-z_]+\}/)) {
    const words = part.trimEnd();
    if (words === '') continue;
    const found = message.indexOf(words, at);
    assert.ok(found >= at, `${where}: ${JSON.stringify(words)} of ${JSON.stringify(text)} in ${JSON.stringify(message)}`);
    at = found + words.length;
  }
  for (const name of text.match(/\{[a-z_]+\}/g) ?? []) {
    const value = values[name.slice(1, -1)];
    if (typeof value === 'number') assert.ok(message.includes(String(value)), `${where}: ${name} = ${value} in ${message}`);
  }
}

describe('renderVerification writes a verification in each shipped language', () => {
  test('the scenario tables give verifications of many codes, accepted and not', () => {
    const codes = new Set(verifications.flatMap(([, v]) => [v.code, ...v.items.map((i) => i.code)]));
    assert.ok(verifications.length >= 10 && codes.size >= 8, [...codes].join(', '));
    assert.ok(languages.length >= 7, languages.join(', '));
  });
  for (const lang of languages) {
    test(lang, () => {
      for (const [where, verification] of verifications) {
        const rendered = renderVerification(verification, `${lang}-${lang.toUpperCase()}`);
        assert.equal(rendered.locale.slice(0, 2), lang);
        assert.deepEqual({ ...rendered, message: undefined, locale: undefined, items: undefined },
          { ...verification, message: undefined, locale: undefined, items: undefined }, `${where}: only the sentences change`);
        const all = [[rendered, verification, false], ...rendered.items.map((item, i) => [item, verification.items[i], true])];
        for (const [mine, english, isItem] of all) {
          const text = template(lang, english.code, english.values, isItem);
          assertFilled(mine.message, text, english.values, `${where} (${lang}, ${english.code})`);
          assert.notEqual(mine.message, english.message, `${where} (${lang}): not the English sentence`);
        }
      }
    });
  }
  test('English, and a language without a catalogue (ja, pt-BR), keep verify\'s own English sentences', () => {
    for (const [where, verification] of verifications) {
      for (const [locale, used] of [['en-GB', 'en-GB'], ['ja', 'en'], ['pt-BR', 'en']]) {
        assert.deepEqual(renderVerification(verification, locale), { ...verification, locale: used }, `${where} (${locale})`);
      }
    }
  });
  test('a store\'s instants read as its wall clock in the language\'s format; its JSON text works too', () => {
    const found = verifications.find(([, v]) => v.items.some((i) => i.values.deadline));
    assert.ok(found, 'a verification naming a deadline');
    const [, verification] = found;
    const item = verification.items.find((i) => i.values.deadline);
    const deadline = item.values.deadline;
    const offset = /([+-])(\d\d):(\d\d)$/.exec(deadline);
    const shift = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60e3 : 0;
    const wall = new Date(Date.parse(deadline) + shift);
    const month = new Intl.DateTimeFormat('de-DE', { month: 'long', timeZone: 'UTC' }).format(wall);
    const rendered = renderVerification(JSON.stringify(verification), 'de-DE');
    const mine = rendered.items[verification.items.indexOf(item)].message;
    assert.ok(mine.includes(month) && mine.includes(String(wall.getUTCFullYear())), `${month} ${wall.getUTCFullYear()} in ${mine}`);
  });
  test("no sentence, in any language, shows the engine's codes or verdicts (delivered, not_in_shipping_process)", () => {
    const checked = new Set();
    for (const [where, verification] of verifications) {
      for (const lang of ['en', ...languages]) {
        const rendered = renderVerification(verification, lang);
        for (const [i, item] of rendered.items.entries()) {
          const { verdict, verdict_code: code } = verification.items[i];
          for (const word of [verdict, code].filter((w) => typeof w === 'string')) {
            checked.add(word);
            assert.ok(!new RegExp(`\\b${word}\\b`).test(item.message), `${where} (${lang}): ${word} in ${item.message}`);
          }
        }
      }
    }
    assert.ok(checked.size >= 5, [...checked].join(', '));
  });
  test('a value that is not a verification throws a coded Error', () => {
    for (const bad of [42, '{', '[]', { items: [] }]) {
      assert.throws(() => renderVerification(bad, 'de'), (e) => e.code === 'verification_invalid' && e.message.startsWith('verification: '));
    }
  });
});
