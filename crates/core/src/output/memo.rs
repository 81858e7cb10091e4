//! The generic [`Memo`]: results by the input they were made from, kept
//! for one build more, so that `serve` makes again only what a save
//! changed (minified pages, leaflet PDFs, pages' search analyses).

use std::collections::HashMap;

use super::minify_html;

/// Results by the input they were made from, kept between builds by
/// `serve`: minified pages by their unminified HTML, leaflet PDFs by their
/// template and data (bytes, the default), pages' search analyses by their
/// text ([`crate::search::Memo`]). Minifying is most of the time a build
/// spends on a large site, and after a small edit most pages (and every
/// leaflet) come out unchanged. Entries that one build did not use are
/// dropped at the start of the next.
pub struct Memo<V = std::sync::Arc<[u8]>> {
    generations: std::sync::Mutex<MemoGenerations<V>>,
}

/// Entries by a hash of their input and its length.
struct MemoGenerations<V> {
    current: HashMap<(u64, usize), V>,
    previous: HashMap<(u64, usize), V>,
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo {
            generations: std::sync::Mutex::new(MemoGenerations {
                current: HashMap::new(),
                previous: HashMap::new(),
            }),
        }
    }
}

impl Memo {
    /// [`minify_html`], reusing the result for a page seen in this build or
    /// the one before.
    pub fn minify_html(&self, html: &str) -> Vec<u8> {
        self.get_or_try(html, || {
            Ok::<_, std::convert::Infallible>(minify_html(html))
        })
        .unwrap_or_else(|never| match never {})
    }

    /// The bytes made from `input` by `make`, from this build or the one
    /// before if they were made then. Only successes are kept.
    pub fn get_or_try<E>(
        &self,
        input: &str,
        make: impl FnOnce() -> Result<Vec<u8>, E>,
    ) -> Result<Vec<u8>, E> {
        let mut made = None;
        let kept = self.get_or_make(input, input.len(), || {
            let bytes = make()?;
            let kept = bytes.as_slice().into();
            made = Some(bytes);
            Ok(kept)
        })?;
        Ok(made.unwrap_or_else(|| kept.to_vec()))
    }
}

impl<V: Clone> Memo<V> {
    /// The value made from `input` (`len` long) by `make`, from this build
    /// or the one before if it was made then. Only successes are kept.
    pub fn get_or_make<E>(
        &self,
        input: &(impl std::hash::Hash + ?Sized),
        len: usize,
        make: impl FnOnce() -> Result<V, E>,
    ) -> Result<V, E> {
        if let Some(value) = self.get(input, len) {
            return Ok(value);
        }
        let value = make()?;
        self.put(input, len, value.clone());
        Ok(value)
    }

    /// The value made from `input` (`len` long) in this build or the one
    /// before, if there is one (it is kept for the next build).
    pub fn get(&self, input: &(impl std::hash::Hash + ?Sized), len: usize) -> Option<V> {
        let key = Self::key(input, len);
        let mut g = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        let value = match g.current.get(&key) {
            Some(value) => value.clone(),
            None => g.previous.remove(&key)?,
        };
        g.current.insert(key, value.clone());
        Some(value)
    }

    /// Keep `value`, made from `input` (`len` long), for this build and
    /// the next.
    pub fn put(&self, input: &(impl std::hash::Hash + ?Sized), len: usize, value: V) {
        let key = Self::key(input, len);
        self.generations
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .current
            .insert(key, value);
    }

    fn key(input: &(impl std::hash::Hash + ?Sized), len: usize) -> (u64, usize) {
        use std::hash::Hasher;
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        input.hash(&mut hasher);
        (hasher.finish(), len)
    }
}

impl<V> Memo<V> {
    /// Start a build: what the build before the last one used but the last
    /// one did not is dropped.
    pub fn next_build(&self) {
        let mut g = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        g.previous = std::mem::take(&mut g.current);
    }

    pub fn len(&self) -> usize {
        let g = self.generations.lock().unwrap_or_else(|e| e.into_inner());
        g.current.len() + g.previous.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<V> std::fmt::Debug for Memo<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memo")
            .field("entries", &self.len())
            .finish()
    }
}

/// Two options are equal only if they share the same cache.
impl<V> PartialEq for Memo<V> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minify_cache_gives_the_same_bytes_and_forgets_unused_pages() {
        let cache = Memo::default();
        let a = "<html><body>\n  <p>a</p>\n</body></html>";
        let b = "<html><body>\n  <p>b</p>\n</body></html>";
        cache.next_build();
        assert_eq!(cache.minify_html(a), minify_html(a));
        assert_eq!(cache.minify_html(b), minify_html(b));
        assert_eq!(cache.minify_html(a), minify_html(a));
        assert_eq!(cache.len(), 2);
        // The next build uses only `a`; the one after forgets `b`.
        cache.next_build();
        assert_eq!(cache.minify_html(a), minify_html(a));
        cache.next_build();
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn memo_keeps_successes_only() {
        let memo = Memo::default();
        let calls = std::cell::Cell::new(0);
        let make = |ok: bool| {
            calls.set(calls.get() + 1);
            if ok { Ok(vec![1, 2]) } else { Err("overflow") }
        };
        assert_eq!(memo.get_or_try("x", || make(false)), Err("overflow"));
        assert_eq!(memo.get_or_try("x", || make(true)), Ok(vec![1, 2]));
        assert_eq!(memo.get_or_try("x", || make(true)), Ok(vec![1, 2]));
        assert_eq!(calls.get(), 2, "the failure was not kept, the success was");
        assert_eq!(memo.get_or_try("y", || make(true)), Ok(vec![1, 2]));
        assert_eq!(calls.get(), 3);
    }
}
