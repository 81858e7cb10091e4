//! Content images, made fit for phones at build time: at most [`MAX_WIDTH`]
//! pixels wide, re-encoded (JPEG or PNG as the fallback), plus a lossy WebP
//! copy when that is smaller. Pages get `<picture>` with both, width and
//! height, and `loading="lazy"`.

use std::collections::BTreeMap;

use image::{DynamicImage, ImageFormat, imageops::FilterType};
use rayon::prelude::*;

use crate::content::Asset;
use crate::error::{Error, Result};
use crate::output::OutputFile;
use lentera_messages::Msg;

/// The widest image a phone page needs.
pub const MAX_WIDTH: u32 = 800;

/// The largest side a WebP image can have; taller or wider images get no
/// WebP copy.
pub const WEBP_MAX_SIDE: u32 = 16_383;

/// The most pixels an image may have before it is decoded (a photo from a
/// phone has about 12 million): larger ones are refused with a message
/// rather than filling the memory.
pub const MAX_PIXELS: u64 = 50_000_000;

/// What pages need to know about an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageInfo {
    pub width: u32,
    pub height: u32,
    /// Output path of the WebP copy, if one was made.
    pub webp: Option<String>,
}

/// Processed images: info by content-relative path, and the files to write
/// (they replace plain copies of those assets).
#[derive(Debug, Default)]
pub struct Processed {
    pub info: BTreeMap<String, ImageInfo>,
    pub files: Vec<OutputFile>,
}

fn format_of(rel: &str) -> Option<ImageFormat> {
    let lower = rel.to_ascii_lowercase();
    if lower.ends_with(".jpg") || lower.ends_with(".jpeg") {
        Some(ImageFormat::Jpeg)
    } else if lower.ends_with(".png") {
        Some(ImageFormat::Png)
    } else {
        None
    }
}

/// Processed images kept by `serve` between builds, by path, size and
/// modification time of the source: an image is processed again only when
/// one of them changes.
#[derive(Debug, Default)]
pub struct Cache {
    done: std::sync::Mutex<std::collections::HashMap<CacheKey, (ImageInfo, Vec<OutputFile>)>>,
}

type CacheKey = (
    String,
    std::path::PathBuf,
    u64,
    Option<std::time::SystemTime>,
);

fn cache_key(asset: &Asset) -> Option<CacheKey> {
    let meta = std::fs::metadata(&asset.source).ok()?;
    Some((
        asset.rel.clone(),
        asset.source.clone(),
        meta.len(),
        meta.modified().ok(),
    ))
}

/// Resize and re-encode every JPEG and PNG among `assets`, in parallel.
pub fn process(assets: &[Asset]) -> Result<Processed> {
    process_cached(assets, None)
}

/// [`process`], taking from `cache` the images unchanged since they were
/// processed, and keeping there the images of this build only.
pub fn process_cached(assets: &[Asset], cache: Option<&Cache>) -> Result<Processed> {
    let kept =
        cache.map(|c| std::mem::take(&mut *c.done.lock().unwrap_or_else(|e| e.into_inner())));
    let results: Vec<Result<(String, ImageInfo, Vec<OutputFile>)>> = assets
        .par_iter()
        .filter_map(|a| format_of(&a.rel).map(|f| (a, f)))
        .map(|(asset, format)| {
            let key = cache.and_then(|_| cache_key(asset));
            if let (Some(kept), Some(key)) = (&kept, &key)
                && let Some((info, files)) = kept.get(key)
            {
                if let Some(c) = cache {
                    c.done
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(key.clone(), (info.clone(), files.clone()));
                }
                return Ok((asset.rel.clone(), info.clone(), files.clone()));
            }
            let bytes = std::fs::read(&asset.source).map_err(|source| Error::Read {
                path: asset.source.clone(),
                source,
            })?;
            let processed = std::panic::catch_unwind(|| process_one(&asset.rel, &bytes, format))
                .unwrap_or_else(|panic| {
                    Err((Msg::ImagePanic, Some(crate::error::panic_message(&panic))))
                });
            let (info, files) = processed.map_err(|(message, detail)| {
                let err = Error::content(crate::content::display_path(&asset.rel), 0, message)
                    .with_hint(Msg::SaveImageAgain);
                match detail {
                    Some(detail) => err.with_detail(detail),
                    None => err,
                }
            })?;
            if let (Some(c), Some(key)) = (cache, key) {
                c.done
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(key, (info.clone(), files.clone()));
            }
            Ok((asset.rel.clone(), info, files))
        })
        .collect();
    let mut out = Processed::default();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok((rel, info, files)) => {
                out.info.insert(rel, info);
                out.files.extend(files);
            }
            Err(e) => errors.push(e),
        }
    }
    Error::collect(errors)?;
    Ok(out)
}

/// One image: the resized fallback in its own format and, if smaller, WebP.
pub fn process_one(
    rel: &str,
    bytes: &[u8],
    format: ImageFormat,
) -> std::result::Result<(ImageInfo, Vec<OutputFile>), Problem> {
    let reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| (Msg::ImageUnreadable, Some(e.to_string())))?;
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err((
            Msg::ImageTooLarge {
                width: w,
                height: h,
                million: MAX_PIXELS / 1_000_000,
            },
            None,
        ));
    }
    let img = image::load_from_memory_with_format(bytes, format)
        .map_err(|e| (Msg::ImageUnreadable, Some(e.to_string())))?;
    let resized = img.width() > MAX_WIDTH;
    let img = if resized {
        let height =
            (u64::from(img.height()) * u64::from(MAX_WIDTH) / u64::from(img.width())).max(1) as u32;
        img.resize_exact(MAX_WIDTH, height, FilterType::Triangle)
    } else {
        img
    };
    let (width, height) = (img.width(), img.height());
    let encoded = encode(&img, format)?;
    // An image that needed no resizing keeps its bytes unless re-encoding
    // makes it smaller.
    let fallback = if resized || encoded.len() < bytes.len() {
        encoded
    } else {
        bytes.to_vec()
    };
    // WebP cannot hold an image taller or wider than 16,383 pixels: such an
    // image keeps only its fallback.
    let webp = (width <= WEBP_MAX_SIDE && height <= WEBP_MAX_SIDE).then(|| {
        let rgba = img.to_rgba8();
        webp::Encoder::from_rgba(rgba.as_raw(), width, height)
            .encode(75.0)
            .to_vec()
    });
    let mut files = Vec::new();
    let webp = webp.filter(|w| w.len() < fallback.len());
    let webp_path = webp.as_ref().map(|_| format!("{rel}.webp"));
    if let (Some(path), Some(webp)) = (&webp_path, webp) {
        files.push(OutputFile::bytes(path.clone(), webp));
    }
    files.push(OutputFile::bytes(rel.to_string(), fallback));
    Ok((
        ImageInfo {
            width,
            height,
            webp: webp_path,
        },
        files,
    ))
}

/// What is wrong with an image, and the image library's own words.
pub type Problem = (Msg, Option<String>);

fn encode(img: &DynamicImage, format: ImageFormat) -> std::result::Result<Vec<u8>, Problem> {
    let failed = |e: image::ImageError| (Msg::ImageEncodeFailed, Some(e.to_string()));
    let mut out = std::io::Cursor::new(Vec::new());
    match format {
        ImageFormat::Jpeg => {
            let rgb = img.to_rgb8();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
                .encode_image(&rgb)
                .map_err(failed)?;
        }
        _ => img.write_to(&mut out, ImageFormat::Png).map_err(failed)?,
    }
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([
                (x * 7 % 255) as u8,
                (y * 5 % 255) as u8,
                ((x + y) % 255) as u8,
            ])
        });
        let mut out = std::io::Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(img)
            .write_to(&mut out, ImageFormat::Jpeg)
            .unwrap();
        out.into_inner()
    }

    #[test]
    fn wide_images_shrink_to_phone_width_with_webp() {
        let (info, files) =
            process_one("a/foto.jpg", &photo(1600, 1200), ImageFormat::Jpeg).unwrap();
        assert_eq!((info.width, info.height), (800, 600));
        assert_eq!(info.webp.as_deref(), Some("a/foto.jpg.webp"));
        let fallback = files.iter().find(|f| f.path == "a/foto.jpg").unwrap();
        let crate::output::Contents::Bytes(bytes) = &fallback.contents else {
            panic!()
        };
        assert_eq!(image::load_from_memory(bytes).unwrap().width(), 800);
        assert!(files.iter().any(|f| f.path.ends_with(".webp")));
    }

    #[test]
    fn small_images_keep_their_size() {
        let (info, _) = process_one("b.jpg", &photo(300, 200), ImageFormat::Jpeg).unwrap();
        assert_eq!((info.width, info.height), (300, 200));
    }

    #[test]
    fn broken_image_is_an_error() {
        assert!(process_one("c.png", b"not a png", ImageFormat::Png).is_err());
    }
}
