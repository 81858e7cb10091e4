// Runs themes/default/static/search.js on a built index with node's test
// runner. `cargo test` runs it from tests/it/search.rs, which builds the real
// site into a temporary folder and sets LENTERA_SEARCH_DIR. Without that
// variable every test is skipped.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const dir = process.env.LENTERA_SEARCH_DIR;
const skip = dir ? false : 'LENTERA_SEARCH_DIR is not set; run `cargo test --test it search`';

function read(name) {
  return fs.readFileSync(path.join(dir, name), 'utf8');
}

// A fresh page-less "window" with one language's index and the script.
function load(lang) {
  const window = vm.createContext({});
  window.window = window;
  vm.runInContext(read(`search/index-${lang}.js`), window);
  vm.runInContext(read('search.js'), window);
  assert.ok(window.lenteraSearch, 'the index sets window.lenteraSearch');
  assert.ok(window.lenteraSearchEngine, 'search.js sets window.lenteraSearchEngine');
  return { index: window.lenteraSearch, engine: window.lenteraSearchEngine };
}

const isScamLesson = (p) => /^modus\/[^/]+\/$/.test(p);
// Values made inside the vm context have their own Array prototype.
const plain = (value) => JSON.parse(JSON.stringify(value));

test('tipu, penipuan and menipu find the scam lessons first', { skip }, () => {
  const { index, engine } = load('id');
  const search = new engine.Engine(index);
  for (const query of ['tipu', 'penipuan', 'menipu', 'Penipuan']) {
    const results = search.search(query);
    assert.ok(results.length > 0, query);
    assert.ok(isScamLesson(results[0].path), `${query}: first result is ${results[0].path}`);
    assert.ok(results.filter((r) => isScamLesson(r.path)).length >= 5, query);
    assert.ok(results[0].title && results[0].summary, 'results carry title and summary');
  }
});

test('a one-letter typo in a long word still finds them', { skip }, () => {
  const { index, engine } = load('id');
  const search = new engine.Engine(index);
  for (const query of ['penipuaan', 'penpuan', 'pnipuan']) {
    const results = search.search(query);
    assert.ok(results.length > 0 && isScamLesson(results[0].path), `${query}: ${JSON.stringify(results[0])}`);
  }
  // Short words get no typo tolerance.
  assert.deepEqual(plain(search.search('tipx')), []);
});

test('the browser stems every word of the content as the build did', { skip }, () => {
  const { index, engine } = load('id');
  const stemmer = new engine.Stemmer(index.roots.split(' '));
  const stems = JSON.parse(read('stems.json'));
  const words = Object.keys(stems);
  assert.ok(words.length > 1000, `${words.length} words`);
  const wrong = words
    .filter((w) => stemmer.stem(w) !== stems[w])
    .map((w) => `${w}: build ${stems[w]}, browser ${stemmer.stem(w)}`);
  assert.deepEqual(wrong, []);
  assert.equal(stemmer.stem('penipuan'), 'tipu');
  assert.equal(stemmer.stem('calo-calo'), 'calo');
});

test('the browser ranks as the build does, in every language', { skip }, () => {
  const expected = JSON.parse(read('ranking.json'));
  for (const [lang, queries] of Object.entries(expected)) {
    const { index, engine } = load(lang);
    const search = new engine.Engine(index);
    for (const [query, paths] of Object.entries(queries)) {
      const got = plain(search.search(query, 10).map((r) => r.path));
      assert.deepEqual(got, paths, `${lang}: ${query}`);
    }
  }
});

test('a fallback page is found in its language with its Indonesian words', { skip }, () => {
  const { index, engine } = load('ljp');
  const results = new engine.Engine(index).search('berutang');
  const utang = results.find((r) => r.path === 'ljp/modus/utang/');
  assert.ok(utang, JSON.stringify(results));
  assert.equal(utang.fallback, true);
});

test('tokens are folded and keep hyphenated words', { skip }, () => {
  const { engine } = load('id');
  const tokens = plain(engine.tokens('Calo-calo MENIPU lewat “M-Paspor”, kéné: 0800-1000 - a'));
  assert.deepEqual(tokens, ['calo-calo', 'menipu', 'lewat', 'm-paspor', 'kene', '0800-1000']);
});
