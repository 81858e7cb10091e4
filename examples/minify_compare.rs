//! The one-pass minifier beside minify-html on a folder of pages: every
//! page through both, the outputs compared, the time of each summed.
//!
//!     lentera -r SITE build --no-minify -o /tmp/raw
//!     cargo run --release --example minify_compare -- /tmp/raw
//!
//! Exits with an error if any page comes out differently (a page the fast
//! path leaves to minify-html is counted, not compared).

use std::time::{Duration, Instant};

fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: minify_compare FOLDER (of pages built with --no-minify)");
        return std::process::ExitCode::FAILURE;
    };
    let (mut pages, mut left, mut differ) = (0, 0, 0);
    let (mut fast_time, mut reference_time) = (Duration::ZERO, Duration::ZERO);
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let Ok(entry) = entry else { continue };
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let Ok(html) = std::fs::read(entry.path()) else {
            continue;
        };
        pages += 1;
        let start = Instant::now();
        let fast = lentera_minify::fast(&html);
        fast_time += start.elapsed();
        let start = Instant::now();
        let reference = lentera_minify::reference(&html);
        reference_time += start.elapsed();
        match fast {
            None => left += 1,
            Some(fast) if fast != reference => {
                differ += 1;
                eprintln!("differs: {}", entry.path().display());
            }
            Some(_) => {}
        }
    }
    println!(
        "{pages} pages: {left} left to minify-html, {differ} differ; \
         one pass {:.3} s, minify-html {:.3} s ({:.1} x)",
        fast_time.as_secs_f64(),
        reference_time.as_secs_f64(),
        reference_time.as_secs_f64() / fast_time.as_secs_f64().max(1e-9)
    );
    if differ == 0 {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
