//! Questions that check understanding (`questions:`, #26): at the end of a
//! lesson on the web and in the one-file edition, answers hidden in a
//! `<details>` with no script, never search terms; `check` warns about a
//! lesson without them and a translation with another number of them; a
//! malformed question stops the build at its line. Also the village page's
//! sessions: held ones marked, the next one highlighted.

use lentera_check::{CheckOptions, run};
use lentera_core::config::Date;

use crate::common::{TestSite, html, options};

/// A lesson with a true/false statement and a multiple-choice question
/// (also checked by axe-core in tests/it/browser.rs).
pub const LESSON_ID: &str = r#"---
title: Uji jalur resmi
summary: Pelajaran dengan pertanyaan.
kind: procedure
weight: 30
updated: 2026-11-28
questions:
  - ask: "Calo yang menawarkan kerja tanpa pelatihan bisa dipercaya."
    answer: false
    why: "Jalur resmi selalu lewat Disnaker dan pelatihan; kata zirkonium hanya di sini."
  - ask: "Di mana calon PMI mendaftar secara resmi?"
    choices: ["Calo di desa", "Dinas tenaga kerja (Disnaker)", "Grup media sosial"]
    answer: b
    why: "Disnaker mencatat pendaftaran dan menunjukkan jalur resmi."
---
Daftarlah lewat jalur resmi di Disnaker, dekat taman kenanga.
"#;

/// Its translation, with one question fewer than the original.
const LESSON_EN: &str = r#"---
title: The legal route quiz
summary: A lesson with questions.
kind: procedure
weight: 30
updated: 2026-11-28
translation: reviewed
questions:
  - ask: "A broker who offers work without training can be trusted."
    answer: false
    why: "The legal route always goes through the labour office and training."
---
Register through the legal route at the labour office.
"#;

/// A lesson written only in Indonesian: English readers see it as a fallback.
const ONLY_ID: &str = r#"---
title: Hanya dalam bahasa Indonesia
kind: info
weight: 40
questions:
  - ask: "Paspor boleh dititipkan kepada calo."
    answer: false
    why: "Paspor adalah milik pemegangnya."
---
Simpan paspor sendiri.
"#;

fn site() -> TestSite {
    let site = TestSite::fixture("basic");
    site.write("content/pelajaran/uji.id.md", LESSON_ID);
    site.write("content/pelajaran/uji.en.md", LESSON_EN);
    site.write("content/pelajaran/hanya-id.id.md", ONLY_ID);
    site
}

/// The questions section of a page: from `<section class="quiz"` to its end.
fn quiz(page: &str) -> &str {
    let start = page
        .find("<section class=\"quiz\"")
        .unwrap_or_else(|| panic!("no questions section in:\n{page}"));
    let end = start + page[start..].find("</section>").unwrap() + "</section>".len();
    &page[start..end]
}

#[test]
fn questions_end_the_lesson_with_answers_in_details() {
    let build = site().build_with(options(false, true)).unwrap();
    let page = html(&build, "pelajaran/uji/index.html");
    let q = quiz(page);
    // After the text of the lesson, before the sources and the share link.
    assert!(page.find("Daftarlah lewat").unwrap() < page.find("class=\"quiz\"").unwrap());
    assert!(
        q.contains("<h2 id=\"questions-title\">Uji pemahaman</h2>"),
        "{q}"
    );
    assert!(q.contains("aria-labelledby=\"questions-title\""), "{q}");
    // Each question is an item of a list, each answer behind its own summary.
    assert_eq!(q.matches("<details>").count(), 2, "{q}");
    assert_eq!(
        q.matches("<summary>Lihat jawaban<span class=\"visually-hidden\"> (pertanyaan ")
            .count(),
        2,
        "{q}"
    );
    assert!(q.contains("<p>Calo yang menawarkan kerja tanpa pelatihan bisa dipercaya.</p>"));
    assert!(q.contains("<p class=\"tf\">Benar atau salah?</p>"), "{q}");
    for choice in [
        "<li>a. Calo di desa</li>",
        "<li>b. Dinas tenaga kerja (Disnaker)</li>",
        "<li>c. Grup media sosial</li>",
    ] {
        assert!(q.contains(choice), "{choice} in {q}");
    }
    // The answers are inside the <details>, after the summary.
    let answers: Vec<&str> = q
        .split("<details>")
        .skip(1)
        .map(|d| d.split("</details>").next().unwrap())
        .collect();
    assert!(
        answers[0].contains("<strong>Salah.</strong>"),
        "{}",
        answers[0]
    );
    assert!(answers[0].contains("Jalur resmi selalu lewat Disnaker"));
    assert!(
        answers[1].contains("<strong>b. Dinas tenaga kerja (Disnaker)</strong>"),
        "{}",
        answers[1]
    );
    assert!(answers[1].contains("Disnaker mencatat pendaftaran"));
    // No script and no handler: the browser opens a <details> by itself.
    assert!(!q.contains("<script") && !q.contains(" on"), "{q}");

    let en = quiz(html(&build, "en/pelajaran/uji/index.html"));
    assert!(en.contains(">Check your understanding</h2>"), "{en}");
    assert!(en.contains("<summary>Show the answer"), "{en}");
    assert!(en.contains("<strong>False.</strong>"), "{en}");
    assert!(en.contains("True or false?"), "{en}");
    assert_eq!(en.matches("<details>").count(), 1, "{en}");

    // A fallback: the questions in the original's language, marked as such,
    // the words around them in the reader's.
    let fallback = quiz(html(&build, "en/pelajaran/hanya-id/index.html"));
    assert!(
        fallback.contains("<p lang=\"id\" dir=\"ltr\">Paspor boleh dititipkan kepada calo.</p>"),
        "{fallback}"
    );
    assert!(fallback.contains("<summary>Show the answer"), "{fallback}");

    // A lesson without questions has no section.
    assert!(!html(&build, "pelajaran/jalur-resmi/index.html").contains("class=\"quiz\""));
}

#[test]
fn questions_html_snapshot() {
    let build = site().build_with(options(false, true)).unwrap();
    insta::assert_snapshot!(quiz(html(&build, "pelajaran/uji/index.html")));
}

#[test]
fn questions_in_the_minified_page_keep_their_markup() {
    let build = site().build().unwrap();
    let page = html(&build, "pelajaran/uji/index.html");
    assert_eq!(page.matches("<details>").count(), 2);
    assert!(page.contains("Lihat jawaban"));
    assert!(page.contains("b. Dinas tenaga kerja (Disnaker)"));
}

#[test]
fn questions_are_in_the_one_file_edition() {
    let build = site().build_with(options(false, true)).unwrap();
    let config = &build.site.config;
    let one = html(&build, &lentera_core::urls::one_file(config, "id"));
    let start = one.find("<article class=\"lesson kind-procedure\" id=\"pelajaran/uji\"");
    let lesson = &one[start.expect("the lesson is in the edition")..];
    let lesson = &lesson[..lesson.find("</article>").unwrap()];
    let q = quiz(lesson);
    assert!(
        q.contains("<h4 id=\"pelajaran/uji-questions\">Uji pemahaman</h4>"),
        "{q}"
    );
    assert!(q.contains("aria-labelledby=\"pelajaran/uji-questions\""));
    assert_eq!(q.matches("<details>").count(), 2);
    assert!(q.contains("<strong>Salah.</strong>"));
    assert!(q.contains("<li>b. Dinas tenaga kerja (Disnaker)</li>"));
    assert!(!one.contains("<script"), "the edition has no script");
    // Every id of the edition once: the heading ids of the questions of
    // different lessons do not collide.
    assert_eq!(one.matches("Uji pemahaman</h4>").count(), 2);
    assert_eq!(
        one.matches("id=\"pelajaran/hanya-id-questions\"").count(),
        1
    );

    let en = html(&build, &lentera_core::urls::one_file(config, "en"));
    assert!(en.contains("<h4 id=\"pelajaran/uji-questions\">Check your understanding</h4>"));
    assert!(en.contains("<strong>False.</strong>"));
}

#[test]
fn questions_are_not_search_terms() {
    let build = site().build().unwrap();
    let index = lentera_core::search::build(&build.site, "id", false);
    // A word only in a question's `why`, and one only in a choice.
    assert!(index.search("zirkonium").is_empty());
    assert!(index.search("sosial").is_empty());
    // The lesson itself is found by its text.
    let found = index.search("kenanga");
    assert_eq!(
        found.first().map(|r| r.path.as_str()),
        Some("pelajaran/uji/")
    );
    assert!(!html(&build, "search/index-id.js").contains("zirkonium"));
}

fn check_report(site: &TestSite) -> lentera_check::Report {
    let today = Date::parse("2026-11-28").unwrap();
    let mut opts = options(false, false);
    opts.render.build_date = Some(today);
    run(
        site.root(),
        &CheckOptions {
            build: opts,
            today: Some(today),
            ..Default::default()
        },
    )
}

#[test]
fn check_warns_about_lessons_without_questions_and_a_different_number() {
    let site = site();
    let report = check_report(&site);
    let found: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.message.code().contains("question"))
        .map(|d| format!("{} {}:{}", d.message.code(), d.file.display(), d.line))
        .collect();
    assert_eq!(
        found,
        vec![
            "lesson-without-questions content/pelajaran/jalur-resmi.id.md:2",
            "lesson-without-questions content/pelajaran/penipuan.id.md:2",
            "translation-questions-differ content/pelajaran/uji.en.md:8",
        ]
    );
    let differ = report
        .diagnostics
        .iter()
        .find(|d| d.message.code() == "translation-questions-differ")
        .unwrap();
    assert_eq!(
        differ.message.to_string(),
        "this translation has 1 questions, its original 2: readers and session slides would differ between languages"
    );
    assert_eq!(
        differ.hint.as_ref().unwrap().to_string(),
        "make it the same as in the original, content/pelajaran/uji.id.md"
    );

    // The same number: no warning. The home, section and contacts pages
    // are not lessons.
    site.write(
        "content/pelajaran/uji.en.md",
        &LESSON_EN.replace(
            "---\nRegister",
            "  - ask: \"Where does one register?\"\n    choices: [\"A broker\", \"The labour office\"]\n    answer: b\n    why: \"It records the registration.\"\n---\nRegister",
        ),
    );
    site.write(
        "content/kontak.md",
        "---\ntitle: Kontak\nkind: info\n---\nTelepon.\n",
    );
    let report = check_report(&site);
    let files: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.message.code().contains("question"))
        .map(|d| d.file.display().to_string())
        .collect();
    assert_eq!(
        files,
        vec![
            "content/pelajaran/jalur-resmi.id.md",
            "content/pelajaran/penipuan.id.md"
        ]
    );
}

#[test]
fn build_counts_lessons_without_questions_in_one_line_and_check_lists_them() {
    let site = site();
    let out = site.lentera(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "warning: 2 lessons have no questions that check understanding yet: run `lentera check` for the list"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("lesson-without-questions"), "{stderr}");
    // The translation with another number of questions is shown in full.
    assert!(stderr.contains("translation-questions-differ"), "{stderr}");
    let out = site.lentera(&["check"]);
    let stdout = crate::common::printed(&out);
    assert_eq!(
        stdout
            .matches("warning[lesson-without-questions]: this lesson has no `questions:`")
            .count(),
        2,
        "{stdout}"
    );
}

#[test]
fn a_malformed_question_stops_the_build_at_its_line() {
    let site = site();
    site.write(
        "content/pelajaran/uji.id.md",
        &LESSON_ID.replace("    answer: b\n", "    answer: e\n"),
    );
    let out = site.lentera(&["build"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error[question-answer-not-a-choice]: the answer of question 2 is `e`, but its choices are a to c"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/pelajaran/uji.id.md:13"),
        "{stderr}"
    );
    assert!(
        stderr.contains("write the letter of the right choice, from a (the first) to c"),
        "{stderr}"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lentera"))
        .args(["build", "--lang", "id"])
        .current_dir(site.root())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("jawaban pertanyaan ke-2 adalah `e`, padahal pilihannya a sampai c"),
        "{stderr}"
    );
}

#[test]
fn village_page_marks_held_sessions_and_the_next_one() {
    let site = site();
    site.write(
        "content/desa/sukamaju.yaml",
        "name: Sukamaju\nkecamatan: Contoh\nkabupaten: Contoh Raya\noffice: kanim-contoh\ndesignated: 2025-09-25\nlanguages: [id, en]\nlessons: [pelajaran/jalur-resmi]\nabout: { id: Desa contoh., en: An example village. }\nsessions:\n  - date: 2027-03-10\n    place: Balai desa\n    topic: { id: Dokumen perjalanan }\n  - date: 2026-10-05\n    place: Balai desa\n    topic: { id: Jalur resmi, en: The legal route }\n  - date: 2026-12-15\n    place: Masjid\n    topic: { id: Modus calo, en: How brokers cheat }\n",
    );
    // Built on 2026-11-28 (tests/it/common.rs).
    let build = site.build_with(options(false, true)).unwrap();
    let page = html(&build, "desa/sukamaju/index.html");
    let start = page.find("<section class=\"sessions\"").expect("sessions");
    let section = &page[start..start + page[start..].find("</section>").unwrap()];
    let items: Vec<&str> = section.split("<li").skip(1).collect();
    assert_eq!(items.len(), 3, "{section}");
    // By date: the held one first, then the next, then a later one.
    assert!(
        items[0].starts_with(" class=\"held\"><time datetime=\"2026-10-05\">")
            && items[0].contains("Jalur resmi (sudah diadakan)"),
        "{}",
        items[0]
    );
    assert!(
        items[1]
            .starts_with(" class=\"next\">Pertemuan berikutnya: <time datetime=\"2026-12-15\">"),
        "{}",
        items[1]
    );
    assert!(items[1].contains("Masjid: Modus calo"), "{}", items[1]);
    assert!(
        items[2].starts_with("><time datetime=\"2027-03-10\">"),
        "{}",
        items[2]
    );
    assert_eq!(section.matches("Pertemuan berikutnya").count(), 1);

    let en = html(&build, "en/desa/sukamaju/index.html");
    assert!(en.contains("The legal route (held)"), "{en}");
    assert!(
        en.contains("Next session: <time datetime=\"2026-12-15\">"),
        "{en}"
    );
    // No English topic: the Indonesian one.
    assert!(en.contains("Balai desa: Dokumen perjalanan"), "{en}");

    // A session on the build date itself is the next one, not held.
    site.write(
        "content/desa/sukamaju.yaml",
        "name: Sukamaju\nkabupaten: Contoh Raya\noffice: kanim-contoh\ndesignated: 2025-09-25\nsessions:\n  - date: 2026-11-28\n    place: Balai desa\n",
    );
    let build = site.build_with(options(false, true)).unwrap();
    let page = html(&build, "desa/sukamaju/index.html");
    assert!(
        page.contains("<li class=\"next\">Pertemuan berikutnya: <time datetime=\"2026-11-28\">"),
        "{page}"
    );
    assert!(!page.contains("sudah diadakan"));
}
