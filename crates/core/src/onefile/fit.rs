//! How many lessons an edition over its budget can hold: a search over the
//! number of lessons (in reading order) that renders a file at each step.
//! The file's size grows with the lessons' text, so each step guesses by
//! interpolating the text between the largest number known to fit and the
//! smallest known not to; after a few guesses it halves the range instead,
//! so uneven lessons cannot make the search linear.

use crate::error::Result;

/// Interpolated steps before the search halves.
const GUESSES: usize = 4;

/// The largest `k` whose file, `render(k)`, is at most `budget` bytes, with
/// that file (0 lessons, and its file, if even that is over). `weights[k]`
/// is the text of the first `k` lessons (non-decreasing, `weights[0]` is 0);
/// `over` is a number of lessons, at most `weights.len() - 1`, and its file,
/// over the budget.
pub(super) fn largest_within(
    weights: &[usize],
    budget: usize,
    over: (usize, Vec<u8>),
    mut render: impl FnMut(usize) -> Result<Vec<u8>>,
) -> Result<(usize, Vec<u8>)> {
    let mut hi = (over.0, over.1.len());
    let mut lo = (0, render(0)?);
    if lo.1.len() > budget {
        return Ok(lo);
    }
    let mut steps = 0;
    while hi.0 - lo.0 > 1 {
        let k = if steps < GUESSES {
            guess(weights, budget, (lo.0, lo.1.len()), hi)
        } else {
            lo.0 + (hi.0 - lo.0) / 2
        };
        steps += 1;
        let file = render(k)?;
        if file.len() <= budget {
            lo = (k, file);
        } else {
            hi = (k, file.len());
        }
    }
    Ok(lo)
}

/// Where the budget falls between `lo` (fits) and `hi` (does not), each a
/// number of lessons and its file's size, if size grows with the text:
/// strictly between the two.
fn guess(weights: &[usize], budget: usize, lo: (usize, usize), hi: (usize, usize)) -> usize {
    let (w_lo, w_hi) = (weights[lo.0], weights[hi.0]);
    let target = if hi.1 > lo.1 {
        let share = (budget - lo.1) as f64 / (hi.1 - lo.1) as f64;
        w_lo + ((w_hi - w_lo) as f64 * share) as usize
    } else {
        w_lo
    };
    let k = weights.partition_point(|&w| w <= target).saturating_sub(1);
    k.clamp(lo.0 + 1, hi.0 - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file of `head` bytes plus each lesson's size; how many renders.
    fn search(sizes: &[usize], head: usize, budget: usize) -> (usize, usize) {
        let mut weights = vec![0];
        for s in sizes {
            weights.push(weights.last().unwrap() + s);
        }
        let file = |k: usize| vec![0u8; head + weights[k]];
        let n = sizes.len();
        let mut renders = 0;
        let (k, bytes) = largest_within(&weights, budget, (n, file(n)), |k| {
            renders += 1;
            Ok(file(k))
        })
        .unwrap();
        assert_eq!(bytes.len(), head + weights[k]);
        (k, renders)
    }

    #[test]
    fn finds_the_most_lessons_that_fit() {
        // Even lessons: the guess is right at once.
        let (k, renders) = search(&[1000; 100], 500, 20_600);
        assert_eq!(k, 20);
        assert!(renders <= 3, "{renders} renders");
        // Uneven ones: still the exact answer, in few renders.
        let sizes: Vec<usize> = (0..1000).map(|i| 200 + (i * 7919) % 5000).collect();
        for budget in [3_000, 50_000, 350_000, 1_000_000] {
            let (k, renders) = search(&sizes, 2000, budget);
            let fits = |k: usize| 2000 + sizes[..k].iter().sum::<usize>() <= budget;
            assert!(fits(k) && !fits(k + 1), "budget {budget}: {k}");
            assert!(renders <= 24, "budget {budget}: {renders} renders");
        }
        // One huge lesson in front of small ones.
        let mut sizes = vec![100_000];
        sizes.extend([100; 50]);
        assert_eq!(search(&sizes, 100, 50_000).0, 0);
        assert_eq!(search(&sizes, 100, 100_150).0, 1);
    }

    #[test]
    fn nothing_fits_when_the_head_is_over() {
        assert_eq!(search(&[10; 5], 1000, 999), (0, 1));
    }
}
