//! The offline search of lentera, without lentera: text folding, the
//! Indonesian stemmer ([`stem`]), the analysis of one document's text into
//! weighted terms, the index of one language written as a script, and the
//! ranking the browser script (`themes/default/static/search.js`) follows,
//! used by the tests as its oracle.
//!
//! Terms are stemmed at build time: Indonesian text with the stemmer in
//! [`stem`], every other language as plain lower-case words. The browser
//! tokenizes and stems the query with the same rules, using the roots shipped
//! in the index, and ranks as [`Index::search`] does. The site's side (which
//! pages in which language, their Markdown as plain text) is lentera-core's
//! `search` module.

mod analysis;
pub mod stem;

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::{FxHashMap, FxHashSet};

use serde::Serialize;

pub use analysis::Analysis;
use stem::Stemmer;

/// A term in the page's keywords.
pub const WEIGHT_KEYWORD: u32 = 16;
/// A term in the title.
pub const WEIGHT_TITLE: u32 = 8;
/// A term in the summary.
pub const WEIGHT_SUMMARY: u32 = 4;
/// A term in the key points.
pub const WEIGHT_KEY_POINT: u32 = 3;
/// Each occurrence in a heading of the body.
pub const WEIGHT_HEADING: u32 = 2;
/// The body (headings included) adds one per occurrence, up to this, so that
/// a long text never outweighs a title.
pub const BODY_CAP: u32 = 6;
/// Matches found through a one-letter typo count this much less.
pub const TYPO_DIVISOR: f64 = 2.0;
/// Words at least this long are matched with one typo.
pub const TYPO_MIN_LEN: usize = 5;

/// The language whose text is stemmed.
pub const STEMMED_LANGUAGE: &str = "id";

/// A search result as the browser shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Doc {
    pub title: String,
    pub summary: String,
    /// From the site root, in the index's language.
    pub path: String,
    /// The page is not translated: its text is the original's.
    pub fallback: bool,
}

/// One language's index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    pub lang: String,
    pub docs: Vec<Doc>,
    /// Term → (document, weight), documents in ascending order.
    pub terms: BTreeMap<String, Vec<(usize, u32)>>,
    /// The root words the indexed terms came from: the browser's stemmer
    /// needs only these to stem a query as the build did. Empty when no
    /// Indonesian text is indexed.
    pub roots: BTreeSet<String>,
}

/// Lower case, with the accents of Latin letters removed (`é` → `e`). The
/// browser script folds with the same table.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    if text.contains('Σ') {
        // Only `str::to_lowercase` knows a final sigma (`ς`).
        return text.to_lowercase().chars().map(unaccent).collect();
    }
    // Otherwise the same, char by char: ASCII runs lowered in place, each
    // other char through the same table. One pass, no second string.
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        let Some(c) = rest[ascii..].chars().next() else {
            return out;
        };
        out.extend(c.to_lowercase().map(unaccent));
        rest = &rest[ascii + c.len_utf8()..];
    }
}

/// A lower-case letter without its accent.
fn unaccent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        'ý' | 'ÿ' => 'y',
        c => c,
    }
}

/// A letter (anything with an upper and a lower case) or an ASCII digit.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.to_lowercase().ne(c.to_uppercase())
}

/// The words of `text`, folded: runs of letters and digits, joined across a
/// single hyphen (`calo-calo`, `m-paspor`); one-letter words are dropped.
pub fn tokens(text: &str) -> Vec<String> {
    words(&fold(text)).map(str::to_string).collect()
}

/// The words of text folded already, as [`tokens`] finds them, but as slices
/// of it: the index takes thousands of words from every page, and a string
/// for each was most of its time.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    let bytes = folded.as_bytes();
    // The char at byte `i` (a char boundary) and its length; ASCII, nearly
    // all of it, without decoding.
    let char_at = move |i: usize| -> Option<(char, usize)> {
        match *bytes.get(i)? {
            b if b.is_ascii() => Some((char::from(b), 1)),
            _ => folded[i..].chars().next().map(|c| (c, c.len_utf8())),
        }
    };
    let mut pos = 0;
    std::iter::from_fn(move || {
        loop {
            let (c, n) = char_at(pos)?;
            if !is_word_char(c) {
                pos += n;
                continue;
            }
            let start = pos;
            let mut chars = 0;
            while let Some((c, n)) = char_at(pos) {
                // A hyphen is one byte: the char after it is at `pos + 1`.
                let joins = c == '-' && char_at(pos + 1).is_some_and(|(c, _)| is_word_char(c));
                if !is_word_char(c) && !joins {
                    break;
                }
                pos += n;
                chars += 1;
            }
            if chars >= 2 {
                return Some(&folded[start..pos]);
            }
        }
    })
}

/// The index terms of one token: its stem (or itself), and for a hyphenated
/// word also those of its parts.
pub fn terms(token: &str, stemmer: Option<&Stemmer>) -> Vec<String> {
    let mut out = Vec::new();
    terms_into(
        token,
        |w| stemmer.map_or(Cow::Borrowed(w), |s| Cow::Owned(s.stem(w))),
        &mut out,
    );
    out.into_iter().map(Cow::into_owned).collect()
}

/// [`terms`] pushed onto `out`, with `stem` as the stemmer: the terms that
/// are slices of the token stay borrowed.
fn terms_into<'a>(
    token: &'a str,
    mut stem: impl FnMut(&'a str) -> Cow<'a, str>,
    out: &mut Vec<Cow<'a, str>>,
) {
    let first = out.len();
    out.push(stem(token));
    if token.contains('-') {
        for part in token.split('-').filter(|p| p.chars().count() >= 2) {
            let t = stem(part);
            if !out[first..].contains(&t) {
                out.push(t);
            }
        }
    }
}

thread_local! {
    /// Word → stem, with the Indonesian stemmer. Per thread, so that the
    /// pages analysed in parallel do not wait on each other; each thread
    /// stems a word of the site once rather than once per page.
    static STEMS: RefCell<FxHashMap<Box<str>, Stem>> = RefCell::default();
}

/// A word's stem, as [`STEMS`] keeps it.
enum Stem {
    /// The bytes `start..end` of the word, which is nearly always the case
    /// (a root, or affixes stripped without a letter restored).
    Part(usize, usize),
    /// A stem that is not part of the word.
    Other(Box<str>),
}

/// The stem of `word` with [`Stemmer::indonesian`], borrowed from `word`
/// when it is part of it.
fn stem_indonesian(word: &str) -> Cow<'_, str> {
    let of_word = |stem: &Stem| match stem {
        Stem::Part(start, end) => Cow::Borrowed(&word[*start..*end]),
        Stem::Other(stem) => Cow::Owned(stem.to_string()),
    };
    STEMS.with_borrow_mut(|stems| {
        if let Some(stem) = stems.get(word) {
            return of_word(stem);
        }
        let stem = Stemmer::indonesian().stem(word);
        let stem = match word.find(&*stem) {
            Some(at) => Stem::Part(at, at + stem.len()),
            None => Stem::Other(stem.into()),
        };
        let out = of_word(&stem);
        stems.insert(word.into(), stem);
        out
    })
}

/// Where in a page a term was found.
#[derive(Debug, Clone, Copy, Default)]
struct Found {
    keyword: bool,
    title: bool,
    summary: bool,
    key_point: bool,
    body: u32,
}

impl Found {
    fn weight(self) -> u32 {
        let flag = |b: bool, w: u32| if b { w } else { 0 };
        flag(self.keyword, WEIGHT_KEYWORD)
            + flag(self.title, WEIGHT_TITLE)
            + flag(self.summary, WEIGHT_SUMMARY)
            + flag(self.key_point, WEIGHT_KEY_POINT)
            + self.body.min(BODY_CAP)
    }
}

/// What a word found in a field notes in its [`Found`].
type Mark = fn(&mut Found);

/// Tokenise, stem and weigh one document's text.
pub fn analyze(text: &DocText) -> Analysis {
    let stemmed = text.lang == STEMMED_LANGUAGE;
    // Each field folded once, with what a word found in it marks; the words
    // below are slices of these strings.
    let mut fields: Vec<(String, Mark)> = Vec::new();
    for k in &text.keywords {
        fields.push((fold(k), |f| f.keyword = true));
    }
    fields.push((fold(text.title), |f| f.title = true));
    fields.push((fold(text.summary), |f| f.summary = true));
    for p in &text.key_points {
        fields.push((fold(p), |f| f.key_point = true));
    }
    fields.push((fold(text.headings), |f| f.body += WEIGHT_HEADING));
    fields.push((fold(text.body), |f| f.body += 1));
    // Where each distinct word was found; each is stemmed once below.
    let mut words: FxHashMap<&str, Found> = FxHashMap::default();
    for (field, mark) in &fields {
        for word in self::words(field) {
            mark(words.entry(word).or_default());
        }
    }
    let mut found: FxHashMap<Cow<str>, Found> =
        FxHashMap::with_capacity_and_hasher(words.len(), Default::default());
    let mut word_terms = Vec::new();
    for (word, f) in words {
        if stemmed {
            terms_into(word, stem_indonesian, &mut word_terms);
        } else {
            terms_into(word, Cow::Borrowed, &mut word_terms);
        }
        for term in word_terms.drain(..) {
            let t = found.entry(term).or_default();
            t.keyword |= f.keyword;
            t.title |= f.title;
            t.summary |= f.summary;
            t.key_point |= f.key_point;
            t.body += f.body;
        }
    }
    let stemmer = stemmed.then(Stemmer::indonesian);
    Analysis::new(found.iter().map(|(term, f)| {
        let root = stemmer.is_some_and(|s| s.is_root(term));
        (term.as_ref(), f.weight(), root)
    }))
}

/// The text of one document, by field.
#[derive(Debug, Clone, Default, PartialEq, Hash)]
pub struct DocText<'a> {
    /// The language the text is written in.
    pub lang: &'a str,
    pub keywords: Vec<&'a str>,
    pub title: &'a str,
    pub summary: &'a str,
    pub key_points: Vec<&'a str>,
    /// The headings of the body as plain text, one per line.
    pub headings: &'a str,
    /// The rest of the body as plain text.
    pub body: &'a str,
}

impl Index {
    /// An empty index for `lang`.
    pub fn new(lang: &str) -> Index {
        Index {
            lang: lang.to_string(),
            ..Default::default()
        }
    }

    /// An index of `docs`, each with its analysis (done once for every
    /// language a page is shown in). The postings are gathered under terms
    /// borrowed from the analyses and sorted into the index once at the end:
    /// cheaper than looking each term of each page up in the tree.
    pub fn with_docs<'a>(lang: &str, docs: impl IntoIterator<Item = (Doc, &'a Analysis)>) -> Index {
        let mut index = Index::new(lang);
        let mut terms: FxHashMap<&str, Vec<(usize, u32)>> = FxHashMap::default();
        let mut roots: FxHashSet<&str> = FxHashSet::default();
        for (id, (doc, analysis)) in docs.into_iter().enumerate() {
            index.docs.push(doc);
            roots.extend(analysis.roots());
            for (term, weight) in analysis.terms() {
                terms.entry(term).or_default().push((id, weight));
            }
        }
        index.roots = roots.into_iter().map(str::to_string).collect();
        index.terms = terms
            .into_iter()
            .map(|(term, postings)| (term.to_string(), postings))
            .collect();
        index
    }

    /// The weight of `term` (already stemmed) in the document at `path`.
    pub fn weight(&self, term: &str, path: &str) -> u32 {
        let Some(doc) = self.docs.iter().position(|d| d.path == path) else {
            return 0;
        };
        self.terms
            .get(term)
            .and_then(|p| p.iter().find(|(d, _)| *d == doc))
            .map_or(0, |(_, w)| *w)
    }

    fn stemmer(&self) -> Option<Stemmer> {
        (!self.roots.is_empty()).then(|| Stemmer::new(self.roots.iter().cloned()))
    }

    /// The terms a query word may match, as the browser computes them: the
    /// word itself and its terms.
    fn candidates(word: &str, stemmer: Option<&Stemmer>) -> Vec<String> {
        let mut out = vec![word.to_string()];
        for t in terms(word, stemmer) {
            if !out.contains(&t) {
                out.push(t);
            }
        }
        out
    }

    /// Rank the documents for `query`, best first, as `search.js` does:
    /// documents matching more query words first, then by the sum over the
    /// words of weight × log(1 + documents / documents matching the word). A
    /// word of five letters or more that matches nothing is tried with one
    /// edit (a letter deleted, swapped, changed or added), at half weight.
    pub fn search(&self, query: &str) -> Vec<&Doc> {
        let stemmer = self.stemmer();
        let n = self.docs.len() as f64;
        let mut score: BTreeMap<usize, (usize, f64)> = BTreeMap::new();
        for word in tokens(query) {
            let mut hits: BTreeMap<usize, f64> = BTreeMap::new();
            let mut add = |term: &str, factor: f64| {
                for &(doc, w) in self.terms.get(term).into_iter().flatten() {
                    let w = f64::from(w) / factor;
                    let best = hits.entry(doc).or_insert(0.0);
                    *best = best.max(w);
                }
            };
            let exact = Self::candidates(&word, stemmer.as_ref());
            for t in &exact {
                add(t, 1.0);
            }
            let found = exact.iter().any(|t| self.terms.contains_key(t));
            if !found && word.chars().count() >= TYPO_MIN_LEN {
                for variant in edits(&word) {
                    for t in Self::candidates(&variant, stemmer.as_ref()) {
                        add(&t, TYPO_DIVISOR);
                    }
                }
            }
            if hits.is_empty() {
                continue;
            }
            let idf = (1.0 + n / hits.len() as f64).ln();
            for (doc, w) in hits {
                let s = score.entry(doc).or_default();
                s.0 += 1;
                s.1 += w * idf;
            }
        }
        let mut ranked: Vec<(usize, (usize, f64))> = score.into_iter().collect();
        ranked.sort_by(|a, b| {
            b.1.0
                .cmp(&a.1.0)
                .then(b.1.1.total_cmp(&a.1.1))
                .then(a.0.cmp(&b.0))
        });
        ranked.into_iter().map(|(d, _)| &self.docs[d]).collect()
    }

    /// The index as a script: `window.lenteraSearch={...};`.
    pub fn to_js(&self) -> String {
        #[derive(Serialize)]
        struct Js<'a> {
            lang: &'a str,
            /// Space-separated.
            roots: String,
            /// `[title, summary, path, fallback]`, fallback as 0 or 1.
            docs: Vec<(&'a str, &'a str, &'a str, u8)>,
        }
        let js = Js {
            lang: &self.lang,
            roots: self
                .roots
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(" "),
            docs: self
                .docs
                .iter()
                .map(|d| {
                    (
                        d.title.as_str(),
                        d.summary.as_str(),
                        d.path.as_str(),
                        u8::from(d.fallback),
                    )
                })
                .collect(),
        };
        let head = serde_json::to_string(&js).expect("the index serializes");
        let mut out = format!(
            "// lentera search index ({}); made by `lentera build`, loaded by search.js\nwindow.lenteraSearch=",
            self.lang
        );
        // The object's last field, `terms`, written by hand: each term's
        // postings are one flat array (`[doc, weight, doc, weight, …]`),
        // not the pairs serde would make of them.
        out.push_str(head.strip_suffix('}').expect("an object"));
        out.push_str(",\"terms\":{");
        let mut number = itoa::Buffer::new();
        for (i, (term, postings)) in self.terms.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&serde_json::to_string(term).expect("a string serializes"));
            out.push_str(":[");
            for (j, &(doc, weight)) in postings.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                out.push_str(number.format(doc));
                out.push(',');
                out.push_str(number.format(weight));
            }
            out.push(']');
        }
        out.push_str("}};\n");
        out
    }
}

/// Every string one edit away from `word`: a letter deleted, two neighbours
/// swapped, a letter changed or added (letters a–z).
pub fn edits(word: &str) -> Vec<String> {
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let join = |cs: &[char]| cs.iter().collect::<String>();
    let mut out = Vec::new();
    for i in 0..n {
        let mut c = chars.clone();
        c.remove(i);
        out.push(join(&c));
    }
    for i in 0..n.saturating_sub(1) {
        let mut c = chars.clone();
        c.swap(i, i + 1);
        out.push(join(&c));
    }
    for i in 0..n {
        for l in LETTERS.chars() {
            if l != chars[i] {
                let mut c = chars.clone();
                c[i] = l;
                out.push(join(&c));
            }
        }
    }
    for i in 0..=n {
        for l in LETTERS.chars() {
            let mut c = chars.clone();
            c.insert(i, l);
            out.push(join(&c));
        }
    }
    out
}

#[cfg(test)]
mod tests;
