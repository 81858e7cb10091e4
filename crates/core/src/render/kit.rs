//! What the village pages need of the session kit (#26): which documents
//! there are, the files that will be written, and their sizes as the kit,
//! rendered at the same time on a thread of its own, makes them. The kit
//! itself is [`crate::kit`], a producer on top of this.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex};

use serde::Serialize;

/// A document of the kit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Doc {
    Slides,
    Guide,
    Attendance,
}

impl Doc {
    pub const ALL: [Doc; 3] = [Doc::Slides, Doc::Guide, Doc::Attendance];

    /// The theme's (or the site's) Typst template of the document.
    pub fn template(self) -> &'static str {
        match self {
            Doc::Slides => "slides.typ",
            Doc::Guide => "guide.typ",
            Doc::Attendance => "attendance.typ",
        }
    }

    /// The word in messages and in the PDF's id.
    pub fn code(self) -> &'static str {
        match self {
            Doc::Slides => "slides",
            Doc::Guide => "guide",
            Doc::Attendance => "attendance",
        }
    }

    /// The interface string that names the document on the village page.
    pub fn label_key(self) -> &'static str {
        match self {
            Doc::Slides => "kit_slides",
            Doc::Guide => "kit_guide",
            Doc::Attendance => "kit_attendance",
        }
    }
}

/// A kit file for the village page: (village key, language, document, path).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub village: String,
    pub lang: String,
    pub doc: Doc,
    pub path: String,
}

/// The sizes of the kit files as they are made, for the village pages,
/// which are rendered at the same time and wait for the sizes they list.
#[derive(Default)]
pub struct Sizes {
    state: Mutex<(HashMap<String, u64>, bool)>,
    ready: Condvar,
}

impl Sizes {
    fn lock(&self) -> std::sync::MutexGuard<'_, (HashMap<String, u64>, bool)> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Record the size of the file at `path`.
    pub fn set(&self, path: &str, len: u64) {
        self.lock().0.insert(path.to_string(), len);
        self.ready.notify_all();
    }

    /// No more sizes will come: waiters on a file not made get `None`.
    pub fn close(&self) {
        self.lock().1 = true;
        self.ready.notify_all();
    }

    /// The size of the file at `path`, once it is made; `None` if it was
    /// not (its render failed, and so does the build).
    pub fn wait(&self, path: &str) -> Option<u64> {
        let mut state = self.lock();
        loop {
            if let Some(len) = state.0.get(path) {
                return Some(*len);
            }
            if state.1 {
                return None;
            }
            state = self.ready.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// [`Sizes`] shared with the page renderer (compared by identity).
#[derive(Clone, Default)]
pub struct SharedSizes(pub Arc<Sizes>);

impl PartialEq for SharedSizes {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for SharedSizes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SharedSizes")
    }
}
