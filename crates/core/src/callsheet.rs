//! `lentera contacts`: the numbers due for checking, oldest first, and a
//! call sheet (an A4 PDF made with the leaflets' Typst engine) to check them
//! in one afternoon: per number, whom it should reach, what to ask, and a box
//! for the date and the initials of whoever called.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::config::{Date, NumberKind};
use crate::library::Library;
use lentera_messages::{Lang, Say};

/// Name of the call sheet template, in the site's or the theme's `templates/`.
pub const TEMPLATE: &str = "call-sheet.typ";

/// The default theme's call sheet, for themes that bring none.
#[cfg(feature = "leaflets")]
const DEFAULT_TEMPLATE: &str = include_str!("../../../themes/default/templates/call-sheet.typ");

/// The default path of the call sheet, in the project folder (not in
/// `output/`: it is for the office, not for the web).
pub const DEFAULT_PATH: &str = "cek-nomor.pdf";

/// One number due for checking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Due {
    /// The file and line to update once checked.
    pub file: PathBuf,
    pub line: usize,
    /// The contact's or office's key, or the village's for a village contact.
    pub key: String,
    /// Whom the number should reach.
    pub name: String,
    pub description: Option<String>,
    pub number: String,
    pub kind: NumberKind,
    pub note: Option<String>,
    pub url: Option<String>,
    /// When a person last checked it; `None`: never.
    pub checked: Option<Date>,
    pub checked_by: Option<String>,
    pub source_date: Option<Date>,
}

/// Every number due for checking on `today` (never checked, or checked more
/// than `stale_after_days` ago), never-checked first, then oldest check
/// first; texts in `lang` where the content has them.
pub fn due(root: &Path, site: &Library, today: Date, lang: &str) -> Vec<Due> {
    let config = &site.config;
    let def = config.default_language.as_str();
    let lang = if config.language(lang).is_some() {
        lang
    } else {
        def
    };
    let site_yaml = std::fs::read_to_string(root.join("content/site.yaml")).unwrap_or_default();
    let mut out = Vec::new();
    for h in config.number_holders() {
        if !config.is_due(h.checked, today) {
            continue;
        }
        let line = crate::yaml::line_of(&site_yaml, &format!("key: {}", h.key));
        for n in h.numbers {
            out.push(Due {
                file: PathBuf::from("content/site.yaml"),
                line,
                key: h.key.to_string(),
                name: h.name.get(lang, def).to_string(),
                description: h.description.map(|d| d.get(lang, def).to_string()),
                number: n.number.clone(),
                kind: n.kind,
                note: n.note.as_ref().map(|t| t.get(lang, def).to_string()),
                url: h.url.map(str::to_string),
                checked: h.checked,
                checked_by: h.checked_by.map(str::to_string),
                source_date: h.source_date,
            });
        }
    }
    for village in &site.villages {
        let text = std::fs::read_to_string(root.join(&village.path)).unwrap_or_default();
        for c in &village.file.contacts {
            let Some(phone) = &c.phone else { continue };
            if !config.is_due(c.checked, today) {
                continue;
            }
            let role = c.role.as_ref().map(|r| r.get(lang, def).to_string());
            out.push(Due {
                file: village.path.clone(),
                line: crate::yaml::line_of(&text, phone),
                key: village.key.clone(),
                name: c.name.get(lang, def).to_string(),
                description: Some(match role {
                    Some(role) => format!("{role}, {}", village.file.name),
                    None => village.file.name.clone(),
                }),
                number: phone.clone(),
                kind: NumberKind::Phone,
                note: None,
                url: None,
                checked: c.checked,
                checked_by: c.checked_by.clone(),
                source_date: c.verified,
            });
        }
    }
    // `None` sorts first: never checked, then the oldest check; the order
    // within a contact stays as written.
    out.sort_by_key(|d| (d.checked, d.source_date));
    out
}

/// What to ask or look for when checking `due`.
pub fn what_to_ask(due: &Due, lang: Lang) -> String {
    let name = due.name.clone();
    let mut ask = match due.kind {
        NumberKind::Phone => Say::AskCall { name },
        NumberKind::Whatsapp => Say::AskWhatsapp { name },
        NumberKind::Sms => Say::AskSms { name },
    }
    .text(lang);
    if let Some(note) = &due.note {
        ask.push(' ');
        ask.push_str(&Say::AskNote { note: note.clone() }.text(lang));
    }
    if let Some(url) = &due.url {
        ask.push(' ');
        ask.push_str(&Say::AskOfficialPage { url: url.clone() }.text(lang));
    }
    ask
}

/// Where the number stands: "never checked (source dated …)" or "last
/// checked … by …".
pub fn status(due: &Due, lang: Lang) -> String {
    let source = due.source_date.map(|d| d.to_string()).unwrap_or_default();
    match due.checked {
        None => Say::NeverChecked { source }.text(lang),
        Some(date) => Say::LastChecked {
            date: date.to_string(),
            by: due.checked_by.clone().unwrap_or_default(),
        }
        .text(lang),
    }
}

/// The list for the terminal: one line per number, oldest first.
pub fn format_list(due: &[Due], lang: Lang) -> String {
    let mut out = format!("{}\n", Say::ContactsDue { n: due.len() }.text(lang));
    let width = due
        .iter()
        .map(|d| d.number.chars().count())
        .max()
        .unwrap_or(0);
    for d in due {
        let number = &d.number;
        let kind = match d.kind {
            NumberKind::Phone => "",
            NumberKind::Whatsapp => " (WhatsApp)",
            NumberKind::Sms => " (SMS)",
        };
        out.push_str(&format!(
            "  {number:width$}  {}{kind}: {} [{}:{}]\n",
            d.name,
            status(d, lang),
            d.file.display(),
            d.line
        ));
    }
    out
}

/// What `call-sheet.typ` reads from `data.json`.
#[cfg(feature = "leaflets")]
#[derive(Debug, Serialize)]
struct SheetData<'a> {
    lang: &'static str,
    title: String,
    intro: String,
    date: String,
    site: &'a str,
    headers: [String; 4],
    date_label: String,
    by_label: String,
    rows: Vec<Row>,
}

#[cfg(feature = "leaflets")]
#[derive(Debug, Serialize)]
struct Row {
    number: String,
    kind: String,
    name: String,
    description: Option<String>,
    ask: String,
    status: String,
}

/// The call sheet as a PDF: A4, one page for a dozen numbers, flowing on to
/// more pages with the header repeated. Reads the site's or the theme's
/// `templates/call-sheet.typ` (the default theme's if neither has one).
#[cfg(feature = "leaflets")]
pub fn render(
    root: &Path,
    site: &Library,
    due: &[Due],
    today: Date,
    lang: Lang,
) -> crate::Result<(Vec<u8>, usize)> {
    let theme_dir = root.join("themes").join(&site.config.theme);
    let template = crate::leaflets::template_named(root, &theme_dir, TEMPLATE)?
        .unwrap_or_else(|| DEFAULT_TEMPLATE.to_string());
    let config = &site.config;
    let code = match lang {
        Lang::Id => "id",
        Lang::En => "en",
    };
    let site_title = config
        .language(code)
        .or_else(|| config.language(&config.default_language))
        .and_then(|l| l.title.as_deref())
        .unwrap_or("lentera");
    let data = SheetData {
        lang: code,
        title: Say::SheetTitle.text(lang),
        intro: Say::SheetIntro.text(lang),
        date: today.to_string(),
        site: site_title,
        headers: [
            Say::SheetNumber.text(lang),
            Say::SheetWhom.text(lang),
            Say::SheetAsk.text(lang),
            Say::SheetDone.text(lang),
        ],
        date_label: Say::SheetDate.text(lang),
        by_label: Say::SheetBy.text(lang),
        rows: due
            .iter()
            .map(|d| Row {
                number: d.number.clone(),
                kind: match d.kind {
                    NumberKind::Phone => Say::KindPhone.text(lang),
                    NumberKind::Whatsapp => "WhatsApp".to_string(),
                    NumberKind::Sms => "SMS".to_string(),
                },
                name: d.name.clone(),
                description: d.description.clone(),
                ask: what_to_ask(d, lang),
                status: status(d, lang),
            })
            .collect(),
    };
    let json = serde_json::to_vec_pretty(&data).expect("call sheet data serialises");
    let fonts = crate::leaflets::engine::Fonts::embedded();
    let date = (today.year, today.month as u8, today.day as u8);
    let sheet =
        crate::leaflets::engine::render(&fonts, &template, &json, b"", "lentera/call-sheet", date)
            .map_err(|e| crate::Error::Leaflet {
                village: Path::new("templates").join(TEMPLATE),
                message: lentera_messages::Msg::CallSheetFailed,
                hint: lentera_messages::Msg::FixCallSheetTemplate,
                detail: Some(e.text),
                template: None,
            })?;
    Ok((sheet.pdf, sheet.pages))
}
