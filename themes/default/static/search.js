// lentera search, in the reader's browser, with no other code and no network:
// the small loader in base.html adds this file, after search/index-LANG.js
// (which sets window.lenteraSearch), when the reader starts a search. Both are
// plain <script> files, so search works from file:// as well.
//
// Query words are folded, tokenized and stemmed with the same rules as the
// build (src/search/mod.rs and src/search/stem.rs); change them together.
// tests/js/search.test.mjs checks that both stem every word of the content
// alike. Written as ES5 so that old phone browsers run it.
(function (global) {
  'use strict';

  var MIN_ROOT = 3;
  var MAX_PREFIXES = 3;
  var PARTICLES = ['lah', 'kah', 'tah', 'pun'];
  var POSSESSIVES = ['nya', 'ku', 'mu'];
  // Outermost prefix and derivational suffix that cannot go together.
  var FORBIDDEN = ['ber i', 'di an', 'ke i', 'ke kan', 'me an', 'se i', 'se kan', 'ter an'];
  var TYPO_MIN_LEN = 5;
  var TYPO_DIVISOR = 2;
  var LETTERS = 'abcdefghijklmnopqrstuvwxyz';
  var LIMIT = 10;
  var FOLD = {
    'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a',
    'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e',
    'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i',
    'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o',
    'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u',
    'ñ': 'n', 'ç': 'c', 'ý': 'y', 'ÿ': 'y'
  };

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function endsWith(word, end) {
    return word.length >= end.length && word.slice(word.length - end.length) === end;
  }

  function startsWith(word, start) {
    return word.slice(0, start.length) === start;
  }

  // ---- Words -------------------------------------------------------------

  function fold(text) {
    var lower = text.toLowerCase();
    var out = '';
    for (var i = 0; i < lower.length; i++) {
      var c = lower.charAt(i);
      out += has(FOLD, c) ? FOLD[c] : c;
    }
    return out;
  }

  // A letter (anything with an upper and a lower case) or an ASCII digit.
  function isWordChar(c) {
    return (c >= '0' && c <= '9') || c.toLowerCase() !== c.toUpperCase();
  }

  // The words of a text: runs of letters and digits, joined across a single
  // hyphen; one-letter words are dropped.
  function tokens(text) {
    var s = fold(text);
    var out = [];
    var word = '';
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i);
      if (isWordChar(c)) {
        word += c;
      } else if (c === '-' && word !== '' && i + 1 < s.length && isWordChar(s.charAt(i + 1))) {
        word += c;
      } else if (word !== '') {
        out.push(word);
        word = '';
      }
    }
    if (word !== '') out.push(word);
    return out.filter(function (w) { return w.length >= 2; });
  }

  // ---- The Indonesian stemmer (see src/search/stem.rs for the rules) -----

  function Stemmer(roots) {
    this.roots = {};
    for (var i = 0; i < roots.length; i++) this.roots[roots[i]] = true;
  }

  Stemmer.prototype.isRoot = function (word) {
    return has(this.roots, word);
  };

  Stemmer.prototype.stem = function (word) {
    var dash = word.indexOf('-');
    if (dash >= 0) {
      var a = word.slice(0, dash);
      var b = word.slice(dash + 1);
      if (a !== '' && b !== '' && b.indexOf('-') < 0) {
        var stem = this.stemWord(a);
        if (a === b || stem === this.stemWord(b)) return stem;
      }
      return word;
    }
    return this.stemWord(word);
  };

  function stripSuffix(word, suffixes) {
    for (var i = 0; i < suffixes.length; i++) {
      if (endsWith(word, suffixes[i])) {
        var rest = word.slice(0, word.length - suffixes[i].length);
        return rest.length >= MIN_ROOT ? rest : null;
      }
    }
    return null;
  }

  function derivational(word) {
    var out = [];
    if (endsWith(word, 'kan')) out.push(['kan', word.slice(0, -3)]);
    if (endsWith(word, 'an')) out.push(['an', word.slice(0, -2)]);
    else if (endsWith(word, 'i')) out.push(['i', word.slice(0, -1)]);
    return out.filter(function (o) { return o[1].length >= MIN_ROOT; });
  }

  Stemmer.prototype.stemWord = function (word) {
    if (this.isRoot(word) || word.length <= MIN_ROOT) return word;
    var noParticle = stripSuffix(word, PARTICLES) || word;
    if (this.isRoot(noParticle)) return noParticle;
    var noPossessive = stripSuffix(noParticle, POSSESSIVES) || noParticle;
    if (this.isRoot(noPossessive)) return noPossessive;
    var options = derivational(noPossessive);
    var root;
    for (var i = 0; i < options.length; i++) {
      var base = options[i][1];
      if (this.isRoot(base)) return base;
      root = this.stripPrefixes(base, options[i][0], 0, '');
      if (root !== null) return root;
    }
    var tried = [];
    var bases = [noPossessive, noParticle, word];
    for (var j = 0; j < bases.length; j++) {
      if (tried.indexOf(bases[j]) >= 0) continue;
      tried.push(bases[j]);
      root = this.stripPrefixes(bases[j], '', 0, '');
      if (root !== null) return root;
    }
    return word;
  };

  Stemmer.prototype.stripPrefixes = function (word, suffix, depth, prev) {
    if (depth === MAX_PREFIXES) return null;
    var readings = prefixReadings(word);
    for (var i = 0; i < readings.length; i++) {
      var prefix = readings[i][0];
      var rest = readings[i][1];
      if (prefix === prev || (depth === 0 && FORBIDDEN.indexOf(prefix + ' ' + suffix) >= 0)) continue;
      if (rest.length < MIN_ROOT) continue;
      if (this.isRoot(rest)) return rest;
      var root = this.stripPrefixes(rest, suffix, depth + 1, prefix);
      if (root !== null) return root;
    }
    return null;
  };

  function vowelAt(word, i) {
    var c = word.charAt(i);
    return c !== '' && 'aeiou'.indexOf(c) >= 0;
  }

  // The ways a word can be read as prefix + rest, in the order they are tried.
  function prefixReadings(word) {
    var out = [];
    if (startsWith(word, 'di')) {
      out.push(['di', word.slice(2)]);
    } else if (startsWith(word, 'ke')) {
      out.push(['ke', word.slice(2)]);
    } else if (startsWith(word, 'se')) {
      out.push(['se', word.slice(2)]);
      // seseorang: the prefix doubled.
      if (startsWith(word, 'sese')) out.push(['se', word.slice(4)]);
    } else if (startsWith(word, 'ber')) {
      out.push(['ber', word.slice(3)]);
      if (vowelAt(word, 3)) out.push(['ber', word.slice(2)]);
    } else if (startsWith(word, 'belajar')) {
      out.push(['ber', word.slice(3)]);
    } else if (startsWith(word, 'be') && !vowelAt(word, 2)) {
      out.push(['ber', word.slice(2)]);
    } else if (startsWith(word, 'ter')) {
      out.push(['ter', word.slice(3)]);
      if (vowelAt(word, 3)) out.push(['ter', word.slice(2)]);
    } else if (startsWith(word, 'me')) {
      nasal(word, 'me', out);
    } else if (startsWith(word, 'pe')) {
      nasal(word, 'pe', out);
    }
    return out;
  }

  // meN- and peN- (and per-, pe-): the nasal may have replaced the root's
  // first letter (k, s, t, p), which is put back.
  function nasal(word, family, out) {
    var after = word.slice(2);
    if (startsWith(after, 'ng')) {
      out.push([family, word.slice(4)]);
      if (vowelAt(word, 4)) out.push([family, 'k' + word.slice(4)]);
      if (startsWith(after, 'nge')) out.push([family, word.slice(5)]);
    } else if (startsWith(after, 'ny')) {
      if (vowelAt(word, 4)) {
        out.push([family, 's' + word.slice(4)]);
        out.push([family, 'ny' + word.slice(4)]);
      }
    } else if (startsWith(after, 'n')) {
      if (vowelAt(word, 3)) {
        out.push([family, 'n' + word.slice(3)]);
        out.push([family, 't' + word.slice(3)]);
      } else {
        out.push([family, word.slice(3)]);
      }
    } else if (startsWith(after, 'm')) {
      if (vowelAt(word, 3)) {
        out.push([family, 'm' + word.slice(3)]);
        out.push([family, 'p' + word.slice(3)]);
      } else {
        out.push([family, word.slice(3)]);
      }
    } else if (family === 'pe' && startsWith(after, 'r')) {
      out.push(['per', word.slice(3)]);
      if (vowelAt(word, 3)) out.push(['pe', word.slice(2)]);
    } else if (family === 'pe' && startsWith(after, 'lajar')) {
      out.push(['per', word.slice(3)]);
      out.push(['pe', word.slice(2)]);
    } else {
      out.push([family, word.slice(2)]);
    }
  }

  // ---- Matching and ranking ------------------------------------------------

  // The index terms of one token: its stem (or itself), and for a hyphenated
  // word those of its parts too.
  function terms(token, stemmer) {
    var stem = function (w) { return stemmer ? stemmer.stem(w) : w; };
    var out = [stem(token)];
    if (token.indexOf('-') >= 0) {
      var parts = token.split('-');
      for (var i = 0; i < parts.length; i++) {
        if (parts[i].length < 2) continue;
        var t = stem(parts[i]);
        if (out.indexOf(t) < 0) out.push(t);
      }
    }
    return out;
  }

  // The terms a query word may match: the word itself and its terms.
  function candidates(word, stemmer) {
    var out = [word];
    var more = terms(word, stemmer);
    for (var i = 0; i < more.length; i++) {
      if (out.indexOf(more[i]) < 0) out.push(more[i]);
    }
    return out;
  }

  // Every string one edit away: a letter deleted, two swapped, changed, added.
  function edits(word) {
    var out = [];
    var n = word.length;
    var i, j;
    for (i = 0; i < n; i++) out.push(word.slice(0, i) + word.slice(i + 1));
    for (i = 0; i + 1 < n; i++) {
      out.push(word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2));
    }
    for (i = 0; i < n; i++) {
      for (j = 0; j < LETTERS.length; j++) {
        if (LETTERS.charAt(j) !== word.charAt(i)) {
          out.push(word.slice(0, i) + LETTERS.charAt(j) + word.slice(i + 1));
        }
      }
    }
    for (i = 0; i <= n; i++) {
      for (j = 0; j < LETTERS.length; j++) {
        out.push(word.slice(0, i) + LETTERS.charAt(j) + word.slice(i));
      }
    }
    return out;
  }

  // A loaded index, ready for queries.
  function Engine(index) {
    this.index = index;
    this.stemmer = index.roots ? new Stemmer(index.roots.split(' ')) : null;
  }

  // Documents for a query, best first: those matching more query words first,
  // then by the sum of weight x log(1 + documents / documents matching the
  // word). A word of five letters or more that matches nothing is tried with
  // one edit, at half weight.
  Engine.prototype.search = function (query, limit) {
    var index = this.index;
    var stemmer = this.stemmer;
    var n = index.docs.length;
    var score = {};
    var words = tokens(query);
    for (var w = 0; w < words.length; w++) {
      var word = words[w];
      var hits = {};
      var count = 0;
      var add = function (term, divisor) {
        if (!has(index.terms, term)) return;
        var postings = index.terms[term];
        for (var p = 0; p + 1 < postings.length; p += 2) {
          var doc = postings[p];
          var weight = postings[p + 1] / divisor;
          if (!has(hits, doc)) {
            hits[doc] = 0;
            count++;
          }
          if (weight > hits[doc]) hits[doc] = weight;
        }
      };
      var exact = candidates(word, stemmer);
      var found = false;
      for (var e = 0; e < exact.length; e++) {
        if (has(index.terms, exact[e])) found = true;
        add(exact[e], 1);
      }
      if (!found && word.length >= TYPO_MIN_LEN) {
        var variants = edits(word);
        for (var v = 0; v < variants.length; v++) {
          var near = candidates(variants[v], stemmer);
          for (var k = 0; k < near.length; k++) add(near[k], TYPO_DIVISOR);
        }
      }
      if (count === 0) continue;
      var idf = Math.log(1 + n / count);
      for (var d in hits) {
        if (!has(hits, d)) continue;
        if (!has(score, d)) score[d] = { doc: +d, words: 0, sum: 0 };
        score[d].words += 1;
        score[d].sum += hits[d] * idf;
      }
    }
    var ranked = [];
    for (var key in score) {
      if (has(score, key)) ranked.push(score[key]);
    }
    ranked.sort(function (a, b) {
      return b.words - a.words || b.sum - a.sum || a.doc - b.doc;
    });
    return ranked.slice(0, limit || LIMIT).map(function (r) {
      var d = index.docs[r.doc];
      return { title: d[0], summary: d[1], path: d[2], fallback: d[3] === 1 };
    });
  };

  var engine = {
    fold: fold,
    tokens: tokens,
    Stemmer: Stemmer,
    Engine: Engine,
    edits: edits
  };
  global.lenteraSearchEngine = engine;

  // ---- The page ------------------------------------------------------------

  if (typeof document === 'undefined' || !global.lenteraSearch) return;
  var form = document.getElementById('search');
  if (!form) return;
  var input = form.q;
  var box = document.getElementById('search-results');
  var root = form.getAttribute('data-root');
  var searcher = new Engine(global.lenteraSearch);
  var timer = null;

  function element(tag, text, attrs) {
    var el = document.createElement(tag);
    if (text) el.appendChild(document.createTextNode(text));
    for (var name in attrs || {}) {
      if (has(attrs, name)) el.setAttribute(name, attrs[name]);
    }
    return el;
  }

  function show() {
    var query = input.value;
    while (box.firstChild) box.removeChild(box.firstChild);
    if (tokens(query).length === 0) return;
    var results = searcher.search(query);
    if (results.length === 0) {
      box.appendChild(element('p', form.getAttribute('data-none')));
    } else {
      var list = element('ol');
      for (var i = 0; i < results.length; i++) {
        var r = results[i];
        var item = element('li');
        item.appendChild(element('a', r.title, { href: root + r.path }));
        if (r.fallback) {
          item.appendChild(document.createTextNode(' '));
          item.appendChild(element('small', '(' + form.getAttribute('data-fallback') + ')'));
        }
        if (r.summary) item.appendChild(element('p', r.summary));
        list.appendChild(item);
      }
      box.appendChild(list);
    }
    var more = element('p');
    more.appendChild(element('a', form.getAttribute('data-topics'), { href: form.getAttribute('action') }));
    box.appendChild(more);
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(show, 120);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    show();
  });
  var match = /[?&]q=([^&#]*)/.exec(global.location ? global.location.search : '');
  if (match && input.value === '') {
    try {
      input.value = decodeURIComponent(match[1].replace(/\+/g, ' '));
    } catch (err) {
      input.value = '';
    }
  }
  if (input.value !== '') show();
})(typeof window !== 'undefined' ? window : this);
