//! The threads that print: leaflets, posters and the session kit are laid
//! out by Typst on a pool of their own, one document per task, with
//! Typst's caches kept bounded between documents.

use crate::error::{Error, Result};
use crate::output::OutputFile;

/// Stack size of the threads that render printed documents.
const LEAFLET_STACK: usize = 64 << 20;

/// Typst's caches are trimmed ([`lentera_print::trim_caches`]) once every
/// `TRIM_EVERY` documents (counted over all threads and, like the caches,
/// over the whole process: `serve` rebuilding a few PDFs at a time still
/// trims them), and a memoised result
/// goes when it has not been used for `CACHE_AGE` trims: about 40
/// documents, long enough for what every village prints (the lessons in
/// each language) to stay, short enough that memory does not grow with the
/// number of villages. A trim walks every cache entry; after each document
/// it was about 5 % of the CPU time of printing 100 villages (BENCHMARKS.md).
const TRIM_EVERY: usize = 8;
const CACHE_AGE: usize = 5;

/// Documents made so far in this process, for [`TRIM_EVERY`].
static PRINTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// One printed document: a Typst template with the files it imports
/// (`sample.typ`), its data as JSON, and the address its QR code points at
/// (`None`: no code).
pub struct Document<'a> {
    pub template: &'a str,
    /// [`template_key`] of `template` and the files it imports.
    pub template_key: &'a str,
    /// (name, source) of each file the template may import.
    pub modules: &'a [(&'a str, &'a str)],
    pub data: &'a str,
    pub qr: Option<&'a str>,
    /// Makes the PDF's id stable (`lentera/way-layap/id`).
    pub ident: &'a str,
    pub date: crate::date::Date,
}

/// Why a document could not be made; each producer names it in its own
/// words.
pub enum Fault {
    /// The QR code's address does not fit a QR code.
    Qr(String),
    /// Typst panicked (a bug there, not in the input): its message.
    Panic(String),
    /// The template failed: Typst's diagnostics and where in the template.
    Template(lentera_print::Failure),
}

/// The key of a template and `sample.typ`, computed once per template.
pub fn template_key(template: &str, sample: &str) -> String {
    crate::output::printed::key(&[template.as_bytes(), sample.as_bytes()])
}

impl Document<'_> {
    /// The key of everything the PDF is made from (the fonts are part of
    /// the binary), for [`crate::output::printed::Printer::print`].
    pub fn input_key(&self) -> String {
        crate::output::printed::key(&[
            self.template_key.as_bytes(),
            self.ident.as_bytes(),
            format!("{:?}", self.ymd()).as_bytes(),
            self.qr.unwrap_or_default().as_bytes(),
            self.data.as_bytes(),
        ])
    }

    fn ymd(&self) -> (i32, u8, u8) {
        (self.date.year, self.date.month as u8, self.date.day as u8)
    }

    /// Lay the document out and write its PDF. A panic inside Typst must
    /// not take the whole build down without saying which document caused
    /// it: it comes back as [`Fault::Panic`].
    pub fn typeset(
        &self,
        fonts: &lentera_print::Fonts,
    ) -> std::result::Result<lentera_print::Leaflet, Fault> {
        let qr = match self.qr {
            Some(url) => lentera_print::qr_svg(url).map_err(Fault::Qr)?,
            None => String::new(),
        };
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            lentera_print::render_with_modules(
                fonts,
                self.template,
                self.modules,
                self.data.as_bytes(),
                qr.as_bytes(),
                self.ident,
                self.ymd(),
            )
        }))
        .map_err(|panic| Fault::Panic(crate::error::panic_message(&*panic)))?
        .map_err(Fault::Template)
    }
}

/// Render documents `0..n` with `render` on the pool, and return the files
/// in order, or every error.
pub fn render_all(
    n: usize,
    render: impl Fn(usize) -> Result<OutputFile> + Sync,
) -> Result<Vec<OutputFile>> {
    let mut files = Vec::with_capacity(n);
    let mut errors = Vec::new();
    for r in render_on_own_threads(n, render) {
        match r {
            Ok(f) => files.push(f),
            Err(e) => errors.push(e),
        }
    }
    Error::collect(errors)?;
    Ok(files)
}

/// Run `render(0..n)` on a pool of our own, one long-lived task per thread
/// taking the next index, and return the results in index order.
///
/// Typst recurses deeply and parallelises internally with rayon. On the global
/// pool (2 MiB stacks), a worker waiting inside one compile stole other whole
/// compiles onto its stack, and 500 villages overflowed it. Here every thread
/// already runs its own loop, so only Typst's small inner tasks can be stolen,
/// and the stacks have room to spare (reserved, not used, until needed).
pub fn render_on_own_threads<T: Send>(n: usize, render: impl Fn(usize) -> T + Sync) -> Vec<T> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let done = Mutex::new(Vec::with_capacity(n));
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= n {
                break;
            }
            let result = render(i);
            if (PRINTED.fetch_add(1, Ordering::Relaxed) + 1) % TRIM_EVERY == 0 {
                lentera_print::trim_caches(CACHE_AGE);
            }
            done.lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((i, result));
        }
    };
    match rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("leaflet-{i}"))
        .stack_size(LEAFLET_STACK)
        .build()
    {
        Ok(pool) => pool.scope(|scope| {
            for _ in 0..pool.current_num_threads().min(n) {
                scope.spawn(|_| work());
            }
        }),
        // No threads to be had: render here, one after another.
        Err(_) => work(),
    }
    let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_threads_return_every_result_in_order() {
        let out = render_on_own_threads(100, |i| {
            // Deep enough recursion to need more than a default 2 MiB stack.
            fn depth(n: usize) -> usize {
                let pad = std::hint::black_box([0u8; 4096]);
                if n == 0 {
                    pad[0] as usize
                } else {
                    depth(n - 1) + 1
                }
            }
            (
                i,
                depth(if i == 0 { 2000 } else { 10 }),
                std::thread::current().name().map(str::to_owned),
            )
        });
        assert_eq!(out.len(), 100);
        for (k, (i, d, name)) in out.into_iter().enumerate() {
            assert_eq!(i, k);
            assert_eq!(d, if k == 0 { 2000 } else { 10 });
            assert!(name.unwrap_or_default().starts_with("leaflet-"));
        }
        assert!(render_on_own_threads(0, |i| i).is_empty());
    }
}
