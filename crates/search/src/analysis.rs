//! A document's analysis as a build keeps it: compact, since it holds one
//! for every page until the index is made.

use crate::{BODY_CAP, WEIGHT_KEY_POINT, WEIGHT_KEYWORD, WEIGHT_SUMMARY, WEIGHT_TITLE};

/// A document's terms with their weights, and the root words among them:
/// what [`crate::Index::with_docs`] needs, independent of the index's
/// language. In no particular order: the index sorts them.
///
/// A build holds one for every page until the index is made, so it is kept
/// compact: the terms in one string, each followed by a space (a term has
/// none: it is made of letters, digits and hyphens), and one byte per term,
/// its weight with a flag bit set for a root word. As a string and a pair
/// per term (`Vec<(String, u32)>`), the analyses of 30,000 pages took 210 MB
/// of a build's 595 MB peak heap (BENCHMARKS.md).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    text: Box<str>,
    marks: Box<[u8]>,
}

// A term's weight fits in the bits below the root flag.
const _: () = assert!(
    WEIGHT_KEYWORD + WEIGHT_TITLE + WEIGHT_SUMMARY + WEIGHT_KEY_POINT + BODY_CAP
        < Analysis::ROOT as u32
);

impl Analysis {
    /// The flag of a root word in a term's byte.
    const ROOT: u8 = 0x80;

    /// An analysis of `terms` (term, weight, whether it is a root word).
    pub(crate) fn new<'t>(terms: impl IntoIterator<Item = (&'t str, u32, bool)>) -> Analysis {
        let mut text = String::new();
        let mut marks = Vec::new();
        for (term, weight, root) in terms {
            debug_assert!(!term.contains(' ') && !term.is_empty(), "{term:?}");
            text.push_str(term);
            text.push(' ');
            // Never above it (see the assertion above); capped all the same.
            let weight = u8::try_from(weight).map_or(!Self::ROOT, |w| w.min(!Self::ROOT));
            marks.push(if root { weight | Self::ROOT } else { weight });
        }
        Analysis {
            text: text.into_boxed_str(),
            marks: marks.into_boxed_slice(),
        }
    }

    /// Every term with its weight.
    pub fn terms(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        self.text
            .split_terminator(' ')
            .zip(self.marks.iter())
            .map(|(term, &mark)| (term, u32::from(mark & !Self::ROOT)))
    }

    /// The terms that are root words.
    pub fn roots(&self) -> impl Iterator<Item = &str> + '_ {
        self.text
            .split_terminator(' ')
            .zip(self.marks.iter())
            .filter(|(_, mark)| *mark & Self::ROOT != 0)
            .map(|(term, _)| term)
    }

    /// The number of terms.
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }
}
