//! What a build is asked to do, where both the pipeline and
//! [`crate::incremental`] (which fingerprints it) can read it.

use crate::render;

/// The version of lentera's core, part of every build's fingerprint (with the
/// identity of the running binary: see [`crate::incremental::fingerprint`]).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What `lentera build` was asked to do.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BuildOptions {
    /// Include pages and villages marked `draft: true`.
    pub drafts: bool,
    /// Overrides `stale_after_days` from site.yaml (`check --stale-days`).
    pub stale_after_days: Option<u32>,
    /// Overrides `base_url` from site.yaml (`build --base-url`, for a
    /// preview deploy at another address); checked when the site loads.
    pub base_url: Option<String>,
    pub render: render::RenderOptions,
}
