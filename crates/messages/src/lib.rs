//! Every sentence lentera says to staff, in English and Indonesian.
//!
//! A message is a value: a variant of [`Msg`] (errors, warnings and their
//! hints, each with a stable `code` for `check --format json`) or of [`Say`]
//! (status lines and labels of the command line and `serve`), with its
//! arguments as fields. Both enums are declared with one macro that takes a
//! code, an English text and an Indonesian text for every variant, so a
//! message without both texts does not compile, and a text that names a field
//! the variant does not have does not compile either.
//!
//! To add a message: add a variant to the area file it belongs to (`say.rs`
//! for [`Say`]; `reading.rs`, `site.rs` or `commands.rs` for [`Msg`]), with a
//! code (lowercase words joined by dashes, never reused) and both texts, then
//! raise it with `Error::content(path, line, Msg::YourVariant { … })` or
//! `Diagnostic::warning(…)`. docs/diagnostics.md lists the codes; the test
//! `codes_are_documented` fails until the new code is listed there.
//!
//! [`Msg`] is one enum whose variants are written in three files: each
//! file's macro adds its variants to the tokens it is given and passes them
//! on (`messages_in!`), and the last hands them all to `messages!`, so the
//! variants keep their order and the enum its one `code()` and `text()`.

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    En,
    Id,
}

impl Lang {
    /// `--lang`, then `LENTERA_LANG`, then `LANG` (`id_ID.UTF-8`), then the
    /// site's default language, then English.
    pub fn detect(flag: Option<&str>, site_default: Option<&str>) -> Lang {
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let candidates = [
            flag.map(str::to_string),
            env("LENTERA_LANG"),
            env("LANG").filter(|v| v != "C" && v != "POSIX" && !v.starts_with("C.")),
            site_default.map(str::to_string),
        ];
        candidates
            .into_iter()
            .flatten()
            .find_map(|v| Lang::parse(&v))
            .unwrap_or_default()
    }

    /// `id`, `id_ID.UTF-8`, `en`, `en_US` …; other languages are not offered.
    pub fn parse(value: &str) -> Option<Lang> {
        let code = value
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match code.as_str() {
            "id" | "in" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// serde's name for a kind of YAML value ("map", "a string", "integer `5`")
/// in plain words of `lang`; a name not recognised is kept as it is.
pub fn yaml_kind(serde: &str, lang: Lang) -> String {
    let s = serde.trim();
    let s = s
        .strip_prefix("a ")
        .or_else(|| s.strip_prefix("an "))
        .unwrap_or(s);
    let (head, value) = match s.split_once(' ') {
        Some((h, v)) => (h, Some(v)),
        None => (s, None),
    };
    let en = lang == Lang::En;
    let word = match head {
        "map" | "struct" => {
            if en {
                "a `key: value` pair"
            } else {
                "pasangan `kunci: isi`"
            }
        }
        "sequence" | "seq" => {
            if en {
                "a list (lines starting with `- `)"
            } else {
                "daftar (baris berawalan `- `)"
            }
        }
        "string" | "str" | "char" => {
            if en {
                "text"
            } else {
                "teks"
            }
        }
        "boolean" | "bool" => {
            if en {
                "true or false"
            } else {
                "true atau false"
            }
        }
        "integer" | "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64"
        | "isize" | "floating" | "f32" | "f64" | "number" => {
            if en {
                "a number"
            } else {
                "angka"
            }
        }
        "unit" | "null" => {
            if en {
                "nothing (an empty value)"
            } else {
                "kosong (tanpa isi)"
            }
        }
        _ => return serde.to_string(),
    };
    // serde writes the value seen after the kind: `string "maybe"`,
    // `integer `5``; `struct Number` or `floating point` name no value.
    match value {
        Some(v) if matches!(head, "string" | "integer" | "boolean" | "char") => {
            format!("{word} {v}")
        }
        Some(v) if head == "floating" => {
            let v = v.strip_prefix("point").unwrap_or(v).trim();
            if v.is_empty() {
                word.to_string()
            } else {
                format!("{word} {v}")
            }
        }
        _ => word.to_string(),
    }
}

/// A duration for people: milliseconds under a second ("850 ms"), else
/// seconds with one decimal ("2.4 s", in Indonesian "2,4 detik").
pub fn took(ms: u128, lang: Lang) -> String {
    if ms < 1000 {
        return format!("{ms} ms");
    }
    let tenths = (ms + 50) / 100;
    let (whole, tenth) = (tenths / 10, tenths % 10);
    match lang {
        Lang::En => format!("{whole}.{tenth} s"),
        Lang::Id => format!("{whole},{tenth} detik"),
    }
}

/// One text of a message: a `format!` string over the fields, or such a
/// string and arguments in parentheses.
macro_rules! text {
    ($text:literal) => {
        format!($text)
    };
    (($text:literal, $($arg:expr),+ $(,)?)) => {
        format!($text, $($arg),+)
    };
}

/// Declares an enum of messages: `Variant { field: Type, … } = "code" { en:
/// "…", id: "…" }`. The texts are `format!` strings over the fields.
macro_rules! messages {
    (
        $(#[$enum_meta:meta])*
        pub enum $enum:ident;
        $(
            $(#[$meta:meta])*
            $variant:ident $({ $($field:ident : $ty:ty),* $(,)? })? = $code:literal {
                en: $en:tt,
                id: $id:tt $(,)?
            }
        )*
    ) => {
        $(#[$enum_meta])*
        #[derive(
            Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
        )]
        pub enum $enum {
            $( $(#[$meta])* $variant $({ $($field: $ty),* })?, )*
        }

        impl $enum {
            /// Every code, in declaration order.
            pub const CODES: &'static [&'static str] = &[$($code),*];

            /// The stable code of this message (`check --format json`).
            pub fn code(&self) -> &'static str {
                match self {
                    $( $enum::$variant { .. } => $code, )*
                }
            }

            /// The message in `lang`.
            #[allow(unused_variables)]
            pub fn text(&self, lang: Lang) -> String {
                match lang {
                    Lang::En => match self {
                        $( $enum::$variant $({ $($field),* })? => text!($en), )*
                    },
                    Lang::Id => match self {
                        $( $enum::$variant $({ $($field),* })? => text!($id), )*
                    },
                }
            }
        }

        impl std::fmt::Display for $enum {
            /// English, for logs and `Error`'s `Display`.
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.text(Lang::En))
            }
        }
    };
}

/// Declares an enum of messages whose variants come from area macros
/// (`[msg_a, msg_b] /// doc pub enum Name;`): each area's macro appends its
/// variants and calls this again with the areas left; with none left, the
/// whole enum goes to `messages!`.
macro_rules! messages_in {
    ([] $($all:tt)*) => {
        messages! { $($all)* }
    };
    ([$area:ident $(, $rest:ident)*] $($done:tt)*) => {
        $area! { messages_in { [$($rest),*] $($done)* } }
    };
}

#[macro_use]
mod reading;
#[macro_use]
mod site;
#[macro_use]
mod commands;
mod say;
#[cfg(test)]
mod tests;

pub use say::Say;

messages_in! {
    [msg_reading, msg_site, msg_commands]
    /// Errors, warnings and hints. The code of each is stable: tools read it
    /// from `lentera check --format json` (docs/diagnostics.md).
    pub enum Msg;
}
