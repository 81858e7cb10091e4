//! The session kit of a village, for the sosialisasi at the balai desa:
//! slides (16:9) and a facilitator's guide (A4) in every language the
//! village's leaflets are printed in, and an attendance sheet (A4) in its
//! first language.
//!
//! Made like the leaflets, from the same data: each document is a Typst
//! template of the theme (`slides.typ`, `guide.typ`, `attendance.typ`) that
//! reads `data.json`, the leaflet's data plus a `kit` part (the lessons with
//! their summary and questions, the next session, the number for the board,
//! the kit's interface strings). The same engine, fonts, memo and guards:
//! a slide whose text does not fit is an error naming the lesson.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde::Serialize;

pub use crate::render::kit::{Doc, Link, SharedSizes, Sizes};

use crate::config::{Date, NumberKind};
use crate::content::Village;
use crate::content::front_matter::{Answer, Question};
use crate::error::Result;
use crate::i18n::Strings;
use crate::leaflets;
use crate::library::{Library, Resolved};
use crate::output::OutputFile;
use crate::output::printed::Printer;
use crate::render::format_date;

/// The attendance sheet has this many pages (rows for a full hall).
pub const ATTENDANCE_PAGES: usize = 2;

/// What a template prints (as a Typst `panic`) when the text of a lesson
/// does not fit its slide, followed by the lesson's index in `kit.lessons`.
pub const DOES_NOT_FIT: &str = "lentera-does-not-fit:";

/// The output path of a kit document. Named like the leaflets
/// (`desa/SLUG/SLUG-LANG.pdf`, `SLUG-poster-LANG.pdf`) so a downloaded
/// file says what it is: `SLUG-slides-LANG.pdf`, `SLUG-panduan-LANG.pdf`
/// (the facilitator's guide: *panduan* is the word staff use for it, as the
/// attendance sheet is an *absensi*) and `SLUG-absensi.pdf` (one language).
pub fn output_path(
    config: &crate::config::Config,
    village: &Village,
    doc: Doc,
    lang: &str,
) -> String {
    let dir = crate::urls::page_path(config, &village.key, &config.default_language, false);
    let slug = &village.slug;
    match doc {
        Doc::Slides => format!("{dir}{slug}-slides-{lang}.pdf"),
        Doc::Guide => format!("{dir}{slug}-panduan-{lang}.pdf"),
        Doc::Attendance => format!("{dir}{slug}-absensi.pdf"),
    }
}

/// One kit document to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub village: String,
    pub village_path: std::path::PathBuf,
    pub lang: String,
    pub doc: Doc,
    pub path: String,
    pub data: Data,
}

impl Job {
    /// The fewest and the most pages the document may have, when that is
    /// known: the slides (title, one or more per lesson for its key points,
    /// one per lesson with questions, closing) and the attendance sheet.
    pub fn expected_pages(&self) -> Option<(usize, usize)> {
        let lessons = &self.data.kit.lessons;
        let questions = lessons.iter().filter(|l| !l.questions.is_empty()).count();
        match self.doc {
            Doc::Slides => Some((
                2 + lessons.len() + questions,
                2 + lessons
                    .iter()
                    .map(|l| l.key_points.len().max(1))
                    .sum::<usize>()
                    + questions,
            )),
            Doc::Guide => None,
            Doc::Attendance => Some((ATTENDANCE_PAGES, ATTENDANCE_PAGES)),
        }
    }
}

/// `data.json` of a kit document: the leaflet's data (village, office,
/// hotlines, address, placeholder, leaflet strings) and the kit's part.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Data {
    #[serde(flatten)]
    pub leaflet: leaflets::Data,
    pub kit: KitData,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KitData {
    pub doc: Doc,
    pub lessons: Vec<LessonData>,
    /// The next session planned (on or after the build date).
    pub session: Option<SessionData>,
    /// The one number to write on the board: the first number of the first
    /// contact of the help line (`help:` in site.yaml).
    pub board: Option<BoardData>,
    pub strings: BTreeMap<&'static str, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LessonData {
    pub key: String,
    /// The language of the lesson's text (the default language where the
    /// lesson is not translated yet, as on the leaflet).
    pub lang: String,
    pub title: String,
    pub summary: Option<String>,
    pub key_points: Vec<String>,
    pub questions: Vec<QuestionData>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionData {
    pub ask: String,
    /// Empty for a true/false statement.
    pub choices: Vec<ChoiceData>,
    /// The answer as printed: "Benar", "Salah", or "b. Dinas tenaga kerja".
    pub answer: String,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChoiceData {
    pub letter: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionData {
    pub date: String,
    pub place: Option<String>,
    pub topic: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoardData {
    pub name: String,
    pub number: String,
    pub note: String,
}

/// Interface strings of the kit, by the key the templates see as `d.kit.strings`.
const STRINGS: [(&str, &str); 32] = [
    ("slides_title", "kit_slides_title"),
    ("guide_title", "kit_guide_title"),
    ("attendance_title", "kit_attendance_title"),
    ("next_session", "kit_next_session"),
    ("questions", "kit_questions"),
    ("true_false", "kit_true_false"),
    ("true", "kit_true"),
    ("false", "kit_false"),
    ("answer", "kit_answer"),
    ("why", "kit_why"),
    ("closing", "kit_closing"),
    ("plan", "kit_plan"),
    ("minutes", "kit_minutes"),
    ("step_welcome", "kit_step_welcome"),
    ("step_lessons", "kit_step_lessons"),
    ("step_questions", "kit_step_questions"),
    ("step_numbers", "kit_step_numbers"),
    ("step_leaflets", "kit_step_leaflets"),
    ("bring", "kit_bring"),
    ("bring_list", "kit_bring_list"),
    ("key_points", "kit_key_points"),
    ("say", "kit_say"),
    ("board", "kit_board"),
    ("date", "kit_date"),
    ("topic", "kit_topic"),
    ("place", "kit_place"),
    ("no", "kit_no"),
    ("name", "kit_name"),
    ("hamlet", "kit_hamlet"),
    ("signature", "kit_signature"),
    ("contact_me", "kit_contact_me"),
    ("village", "village_title_prefix"),
];

/// The kit of every village: for each document whose template exists
/// (`docs`), slides and guide in each leaflet language, the attendance
/// sheet in the first.
pub fn plan(site: &Library, strings: &Strings, built: Date, docs: &[Doc]) -> Vec<Job> {
    let config = &site.config;
    let mut jobs = Vec::new();
    for village in &site.villages {
        let langs = village.languages(config);
        for (i, lang) in langs.iter().enumerate() {
            for &doc in docs {
                if doc == Doc::Attendance && i > 0 {
                    continue;
                }
                jobs.push(job(site, strings, built, village, lang, doc));
            }
        }
    }
    jobs
}

fn job(
    site: &Library,
    strings: &Strings,
    built: Date,
    village: &Village,
    lang: &str,
    doc: Doc,
) -> Job {
    let config = &site.config;
    let def = config.default_language.as_str();
    let leaflet = leaflets::job(site, strings, built, village, lang).data;
    let s = |key: &str| strings.get(lang, key);
    let lessons = match doc {
        Doc::Attendance => Vec::new(),
        Doc::Slides | Doc::Guide => site
            .village_lessons(village)
            .iter()
            .filter_map(|key| {
                let Resolved { page, .. } = site.resolve(key, lang)?;
                Some(LessonData {
                    key: key.clone(),
                    lang: page.lang.clone(),
                    title: page.front.title.clone(),
                    summary: page.front.summary.clone(),
                    key_points: page.front.key_points.clone(),
                    questions: page
                        .front
                        .questions
                        .iter()
                        .map(|q| question(q, &s))
                        .collect(),
                })
            })
            .collect(),
    };
    let session = village
        .file
        .sessions
        .iter()
        .filter(|s| s.date >= built)
        .min_by_key(|s| s.date)
        .map(|s| SessionData {
            date: format_date(strings, lang, s.date),
            place: s.place.clone(),
            topic: s.topic.as_ref().map(|t| t.get(lang, def).to_string()),
        });
    let helped = config
        .help
        .iter()
        .flat_map(|h| h.contacts.iter())
        .filter_map(|k| config.contacts.iter().find(|c| &c.key == k));
    let board = helped.chain(config.contacts.iter()).find_map(|c| {
        let n = c
            .numbers
            .iter()
            .find(|n| n.kind == NumberKind::Phone)
            .or(c.numbers.first())?;
        Some(BoardData {
            name: c.name.get(lang, def).to_string(),
            number: n.number.clone(),
            note: n
                .note
                .as_ref()
                .map(|t| t.get(lang, def).to_string())
                .unwrap_or_default(),
        })
    });
    let kit = KitData {
        doc,
        lessons,
        session,
        board,
        strings: STRINGS.iter().map(|(k, key)| (*k, s(key))).collect(),
    };
    Job {
        village: village.key.clone(),
        village_path: village.path.clone(),
        lang: lang.to_string(),
        doc,
        path: output_path(config, village, doc, lang),
        data: Data { leaflet, kit },
    }
}

/// A question as printed, with its answer spelled out.
fn question(q: &Question, s: &impl Fn(&str) -> String) -> QuestionData {
    let letter = |i: usize| char::from(b'a' + (i as u8 % 26)).to_string();
    let choices: Vec<ChoiceData> = q
        .choices
        .iter()
        .enumerate()
        .map(|(i, c)| ChoiceData {
            letter: letter(i),
            text: c.clone(),
        })
        .collect();
    let answer = match &q.answer {
        Answer::TrueFalse(true) => s("kit_true"),
        Answer::TrueFalse(false) => s("kit_false"),
        Answer::Choice(l) => {
            let l = l.trim().to_lowercase();
            match choices.iter().find(|c| c.letter == l) {
                Some(c) => format!("{}. {}", c.letter, c.text),
                None => l,
            }
        }
    };
    QuestionData {
        ask: q.ask.clone(),
        choices,
        answer,
        why: q.why.clone(),
    }
}

/// Closes [`Sizes`] when dropped, even by a panic, so no page waits forever.
struct CloseOnDrop<'a>(&'a Sizes);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.close();
    }
}

/// The templates of the kit, by document, and `sample.typ`.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    pub docs: HashMap<Doc, String>,
    pub sample: String,
}

impl Templates {
    /// The kit templates found (the site's `templates/NAME`, else the
    /// theme's) and `sample.typ`. A document without a template is not made.
    pub fn load(root: &std::path::Path, theme_dir: &std::path::Path) -> Result<Templates> {
        let mut docs = HashMap::new();
        for doc in Doc::ALL {
            if let Some(t) = leaflets::template_named(root, theme_dir, doc.template())? {
                docs.insert(doc, t);
            }
        }
        let sample =
            leaflets::template_named(root, theme_dir, leaflets::SAMPLE_MODULE)?.unwrap_or_default();
        Ok(Templates { docs, sample })
    }

    /// The documents that have a template, in a fixed order.
    pub fn available(&self) -> Vec<Doc> {
        Doc::ALL
            .into_iter()
            .filter(|d| self.docs.contains_key(d))
            .collect()
    }
}

/// Start rendering the kit on a thread of its own, beside the pages (which
/// wait in [`Sizes::wait`] for the sizes they list), and return what
/// finishes it: the files, or the errors.
pub fn start(
    templates: Templates,
    jobs: Vec<Job>,
    built: Date,
    printer: Arc<Printer>,
    sizes: Arc<Sizes>,
) -> impl FnOnce() -> Result<Vec<OutputFile>> {
    let work = Arc::new((templates, jobs, printer, sizes));
    let run = move |work: &(Templates, Vec<Job>, Arc<Printer>, Arc<Sizes>)| {
        render(&work.0, &work.1, built, &work.2, &work.3)
    };
    let on_thread = work.clone();
    let spawned = std::thread::Builder::new()
        .name("kit".into())
        .spawn(move || run(&on_thread));
    // No thread to be had: render here and now, before the pages wait.
    let outcome = spawned.map_err(|_| run(&work));
    move || match outcome {
        Ok(handle) => handle
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        Err(result) => result,
    }
}

/// Render every planned kit document in parallel (on threads of their own,
/// like the leaflets), recording each size in `sizes` as it is made, then
/// closing it. Without the `leaflets` feature this returns no files.
pub fn render(
    templates: &Templates,
    jobs: &[Job],
    built: Date,
    printer: &Printer,
    sizes: &Sizes,
) -> Result<Vec<OutputFile>> {
    let _close = CloseOnDrop(sizes);
    #[cfg(feature = "leaflets")]
    {
        if jobs.is_empty() {
            return Ok(Vec::new());
        }
        let fonts = leaflets::engine::Fonts::embedded();
        let keys: HashMap<Doc, String> = templates
            .docs
            .iter()
            .map(|(doc, t)| {
                let key = crate::print_pool::template_key(t, &templates.sample);
                (*doc, key)
            })
            .collect();
        crate::print_pool::render_all(jobs.len(), |i| {
            let job = &jobs[i];
            let template = templates
                .docs
                .get(&job.doc)
                .map(String::as_str)
                .unwrap_or_default();
            let key = keys.get(&job.doc).map(String::as_str).unwrap_or_default();
            let out = render_one(
                &fonts,
                (template, key),
                &templates.sample,
                job,
                built,
                printer,
            );
            if let Ok(f) = &out {
                match &f.contents {
                    crate::output::Contents::Bytes(b) => sizes.set(&f.path, b.len() as u64),
                    crate::output::Contents::Staged { len, .. } => sizes.set(&f.path, *len),
                    crate::output::Contents::Copy(_) => {}
                }
            }
            out
        })
    }
    #[cfg(not(feature = "leaflets"))]
    {
        let _ = (templates, jobs, built, printer);
        Ok(Vec::new())
    }
}

/// The lesson named in a template's "does not fit" panic, if that is why
/// it failed.
#[cfg(feature = "leaflets")]
fn overflowing_lesson<'a>(text: &str, job: &'a Job) -> Option<&'a str> {
    let at = text.find(DOES_NOT_FIT)? + DOES_NOT_FIT.len();
    let digits: String = text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let i: usize = digits.parse().ok()?;
    job.data.kit.lessons.get(i).map(|l| l.key.as_str())
}

#[cfg(feature = "leaflets")]
fn render_one(
    fonts: &leaflets::engine::Fonts,
    (template, template_key): (&str, &str),
    sample: &str,
    job: &Job,
    built: Date,
    printer: &Printer,
) -> Result<OutputFile> {
    use crate::error::Error;
    use crate::print_pool::{Document, Fault};
    use lentera_messages::Msg;
    let doc = job.doc.code().to_string();
    let lang = job.lang.clone();
    let fail = |message: Msg, hint: Msg, detail: Option<String>| Error::Leaflet {
        village: job.village_path.clone(),
        message,
        hint,
        detail,
        template: None,
    };
    let failed = || Msg::KitTemplateFailed {
        doc: doc.clone(),
        lang: lang.clone(),
    };
    let data = serde_json::to_string_pretty(&job.data).expect("kit data serialises");
    let ident = format!("lentera/{}/{}/{}", job.village, doc, job.lang);
    let document = Document {
        template,
        template_key,
        modules: &[(leaflets::SAMPLE_MODULE, sample)],
        data: &data,
        // Only the slides print a QR code, and never to a placeholder.
        qr: (job.doc == Doc::Slides && !job.data.leaflet.placeholder)
            .then_some(job.data.leaflet.url.as_str()),
        ident: &ident,
        date: built,
    };
    let make = || -> Result<Vec<u8>> {
        let out = document.typeset(fonts).map_err(|fault| match fault {
            Fault::Qr(e) => fail(failed(), Msg::ShortenBaseUrl, Some(e)),
            Fault::Panic(message) => fail(failed(), Msg::SimplifyLeaflet, Some(message)),
            Fault::Template(e) => {
                if let Some(lesson) = overflowing_lesson(&e.text, job) {
                    return fail(
                        Msg::KitDoesNotFit {
                            doc: doc.clone(),
                            lang: lang.clone(),
                            lesson: lesson.to_string(),
                        },
                        Msg::ShortenForSlide {
                            lesson: lesson.to_string(),
                            lang: lang.clone(),
                        },
                        None,
                    );
                }
                let template = job.doc.template().to_string();
                let mut err = fail(failed(), Msg::FixKitTemplate { template }, Some(e.text));
                if let Error::Leaflet { template, .. } = &mut err
                    && e.line > 0
                {
                    *template = Some((job.doc.template().into(), e.line, e.column));
                }
                err
            }
        })?;
        if let Some((fewest, most)) = job.expected_pages()
            && !(fewest..=most).contains(&out.pages)
        {
            let expected = if out.pages < fewest { fewest } else { most };
            return Err(fail(
                Msg::KitWrongPages {
                    doc: doc.clone(),
                    lang: lang.clone(),
                    pages: out.pages,
                    expected,
                },
                Msg::FixKitTemplate {
                    template: job.doc.template().to_string(),
                },
                None,
            ));
        }
        Ok(out.pdf)
    };
    // A village whose kit inputs did not change is not rendered again.
    printer.print(&job.path, &document.input_key(), make)
}

#[cfg(test)]
mod tests;
