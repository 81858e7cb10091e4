//! Pictures and recorded readings: an image's markup (with its size, lazy
//! loading and a WebP copy where one was made), and the audio file a page
//! names in `audio:`.

use std::collections::BTreeSet;

use super::escape;
use super::links::resolve_path;
use crate::content::Page;
use crate::error::Error;
use crate::images::ImageInfo;
use lentera_messages::Msg;

/// An image whose alt text is being collected.
pub(super) struct PendingImage<'a> {
    /// Its address was unsafe: only the alt text is kept.
    pub(super) dropped: bool,
    pub(super) src: String,
    pub(super) info: Option<&'a ImageInfo>,
    pub(super) title: String,
    pub(super) alt: String,
}

impl PendingImage<'_> {
    /// `<picture>` with the WebP copy, size and lazy loading where known.
    pub(super) fn markup(&self, root: &str) -> String {
        if self.dropped {
            return escape(&self.alt);
        }
        let title = if self.title.is_empty() {
            String::new()
        } else {
            format!(" title=\"{}\"", escape(&self.title))
        };
        let img = |size: String| {
            format!(
                "<img src=\"{}\" alt=\"{}\"{size}{title} loading=\"lazy\" decoding=\"async\">",
                escape(&self.src),
                escape(&self.alt)
            )
        };
        match self.info {
            Some(info) => {
                let size = format!(" width=\"{}\" height=\"{}\"", info.width, info.height);
                match &info.webp {
                    Some(webp) => format!(
                        "<picture><source type=\"image/webp\" srcset=\"{}{}\">{}</picture>",
                        escape(root),
                        escape(webp),
                        img(size)
                    ),
                    None => img(size),
                }
            }
            None => img(String::new()),
        }
    }
}

/// The formats a recorded reading (`audio:` in front matter) may have, with
/// their MIME types.
pub const AUDIO_TYPES: [(&str, &str); 6] = [
    ("mp3", "audio/mpeg"),
    ("m4a", "audio/mp4"),
    ("aac", "audio/aac"),
    ("ogg", "audio/ogg"),
    ("opus", "audio/ogg"),
    ("wav", "audio/wav"),
];

/// The content path of `page`'s `audio:` file and its MIME type, or the
/// error that names the page and line.
pub fn page_audio(
    page: &Page,
    assets: &BTreeSet<String>,
) -> Option<Result<(String, &'static str), Error>> {
    let dest = page.front.audio.as_deref()?;
    let line = page.key_line("audio");
    let ext = dest
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let Some((_, mime)) = AUDIO_TYPES.iter().find(|(e, _)| *e == ext) else {
        return Some(Err(Error::content(
            &page.path,
            line,
            Msg::NotAudio {
                name: dest.to_string(),
            },
        )
        .with_hint(Msg::UseAudioFormat)));
    };
    Some(match resolve_path(&page.dir, dest) {
        Some(rel) if assets.contains(&rel) => Ok((rel, *mime)),
        _ => Err(Error::content(
            &page.path,
            line,
            Msg::FileMissing {
                name: dest.to_string(),
            },
        )
        .with_hint(Msg::PutAudioNextToPage)),
    })
}
