//! Time the search indexes of a site, apart from the rest of the build (with
//! the parse of every page, which makes the pages' search analyses), and
//! print a hash of them (to check that a change to the indexer keeps its
//! output): `cargo run --release --example search_time -- SITE [RUNS]`.
//! Run with `RAYON_NUM_THREADS=1` to time the work rather than the machine's
//! scheduling.

use std::hash::{Hash, Hasher};
use std::path::Path;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let root = args.next().ok_or("usage: search_time SITE [RUNS]")?;
    let runs: usize = args.next().map_or(Ok(5), |r| r.parse())?;
    let root = Path::new(&root);
    let mut site = lentera_core::load(root, &lentera_core::BuildOptions::default())?;
    let mut times = Vec::new();
    let mut hash = 0;
    for _ in 0..runs {
        let start = Instant::now();
        site.parse_pages(None);
        let files = lentera_core::search::files(&site, false);
        times.push(start.elapsed().as_secs_f64());
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for f in &files {
            f.path.hash(&mut h);
            if let lentera_core::output::Contents::Bytes(b) = &f.contents {
                b.hash(&mut h);
            }
        }
        hash = h.finish();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{} pages: median {:.3} s, best {:.3} s over {runs} runs; output hash {hash:016x}",
        site.pages.len(),
        times[times.len() / 2],
        times[0],
    );
    Ok(())
}
