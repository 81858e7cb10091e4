//! Questions that check understanding (`questions:` in a lesson's front
//! matter, [`Question`]): their checks when a page loads, where each one is
//! written in the file, and the warnings `check` and `build` give about
//! lessons without them.

use std::path::Path;

use crate::error::Error;
use lentera_messages::Msg;

use super::Page;
use super::front_matter::{Answer, Question};

/// The most choices a multiple-choice question may have (`a` to `d`).
pub const MAX_CHOICES: usize = 4;

/// The letter of the choice at `index` (0 is `a`).
pub fn letter(index: usize) -> char {
    (b'a' + (index % 26) as u8) as char
}

/// Whether `q` is a true/false statement (it has no `choices:`).
pub fn is_true_false(q: &Question) -> bool {
    q.choices.is_empty()
}

/// The index of the right choice of a multiple-choice question whose
/// answer is a letter within its choices (`a` is 0); `None` otherwise.
pub fn right_choice(q: &Question) -> Option<usize> {
    let Answer::Choice(text) = &q.answer else {
        return None;
    };
    let mut chars = text.trim().chars();
    let c = chars.next()?.to_ascii_lowercase();
    if chars.next().is_some() || !c.is_ascii_lowercase() {
        return None;
    }
    let i = (c as u8 - b'a') as usize;
    (i < q.choices.len()).then_some(i)
}

/// The errors of the `questions:` of a page, each at the line of the
/// question (or of its key) in `text`, the whole file. `yaml` is the
/// front matter and `yaml_line` the file line it starts at.
pub fn errors(path: &Path, questions: &[Question], yaml: &str, yaml_line: usize) -> Vec<Error> {
    if questions.is_empty() {
        return Vec::new();
    }
    let lines = Lines::find(yaml, yaml_line, questions.len());
    let mut out = Vec::new();
    for (i, q) in questions.iter().enumerate() {
        let n = i + 1;
        let at = |key: &str| lines.of(i, key);
        let mut error = |line: usize, message: Msg, hint: Msg| {
            out.push(Error::content(path, line, message).with_hint(hint));
        };
        if q.ask.trim().is_empty() {
            error(at("ask"), Msg::QuestionAskEmpty { n }, Msg::WriteAsk);
        }
        if is_true_false(q) {
            if let Answer::Choice(answer) = &q.answer {
                error(
                    at("answer"),
                    Msg::QuestionNeedsTrueFalse {
                        n,
                        answer: answer.clone(),
                    },
                    Msg::WriteTrueFalse,
                );
            }
        } else if q.choices.len() < 2 || q.choices.len() > MAX_CHOICES {
            error(
                at("choices"),
                Msg::QuestionChoicesCount {
                    n,
                    count: q.choices.len(),
                },
                Msg::WriteTwoToFourChoices,
            );
        } else {
            for (c, choice) in q.choices.iter().enumerate() {
                if choice.trim().is_empty() {
                    error(
                        at("choices"),
                        Msg::QuestionChoiceEmpty {
                            n,
                            letter: letter(c).to_string(),
                        },
                        Msg::WriteChoice,
                    );
                }
            }
            if right_choice(q).is_none() {
                let last = letter(q.choices.len() - 1).to_string();
                let answer = match &q.answer {
                    Answer::TrueFalse(b) => b.to_string(),
                    Answer::Choice(c) => c.clone(),
                };
                error(
                    at("answer"),
                    Msg::QuestionAnswerNotAChoice {
                        n,
                        answer,
                        last: last.clone(),
                    },
                    Msg::WriteAnswerLetter { last },
                );
            }
        }
        if q.why.trim().is_empty() {
            error(at("why"), Msg::QuestionWhyEmpty { n }, Msg::WriteWhy);
        }
    }
    out
}

/// Where the questions are written in the front matter: the file line of
/// `questions:` and, for each question written as a block list item
/// (`- ask: …`), the lines it spans.
struct Lines<'a> {
    key: usize,
    /// Per question: its first file line and its lines of text.
    items: Vec<(usize, Vec<&'a str>)>,
}

impl<'a> Lines<'a> {
    fn find(yaml: &'a str, yaml_line: usize, count: usize) -> Lines<'a> {
        let all: Vec<&str> = yaml.lines().collect();
        let is_top_key =
            |l: &str| !l.is_empty() && !l.starts_with([' ', '\t', '-', '#']) && l.contains(':');
        let Some(start) = all
            .iter()
            .position(|l| is_top_key(l) && l.split(':').next().map(str::trim) == Some("questions"))
        else {
            return Lines {
                key: 0,
                items: Vec::new(),
            };
        };
        let end = (start + 1..all.len())
            .find(|&i| is_top_key(all[i]))
            .unwrap_or(all.len());
        // The items are the lines with a `- ` at the smallest indentation.
        let dash = |l: &str| {
            let body = l.trim_start();
            (body == "-" || body.starts_with("- ")).then(|| l.len() - body.len())
        };
        let indent = (start + 1..end).filter_map(|i| dash(all[i])).min();
        let mut items: Vec<(usize, Vec<&str>)> = Vec::new();
        if let Some(indent) = indent {
            for (i, line) in all.iter().enumerate().take(end).skip(start + 1) {
                if dash(line) == Some(indent) {
                    items.push((yaml_line + i, Vec::new()));
                }
                if let Some(item) = items.last_mut() {
                    item.1.push(line);
                }
            }
        }
        if items.len() != count {
            // Written some other way (`questions: [{…}]`): point at the key.
            items.clear();
        }
        Lines {
            key: yaml_line + start,
            items,
        }
    }

    /// The line of `key` in question `i`, else of the question, else of
    /// `questions:`.
    fn of(&self, i: usize, key: &str) -> usize {
        let Some((first, lines)) = self.items.get(i) else {
            return self.key;
        };
        lines
            .iter()
            .position(|l| {
                let body = l.trim_start();
                let body = body.strip_prefix("- ").unwrap_or(body).trim_start();
                body.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
            .map_or(*first, |j| first + j)
    }
}

/// Whether `page` is a lesson that should carry questions: a lesson
/// (`kind:`) inside a section, not the contacts or about page at the top of
/// `content/`.
pub fn expected(page: &Page) -> bool {
    page.is_lesson() && !page.dir.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn config() -> Config {
        Config::parse(
            Path::new("site.yaml"),
            "base_url: https://e.org/\ndefault_language: id\nlanguages:\n  - {code: id, name: Indonesia}\n",
        )
        .unwrap()
    }

    const GOOD: &str = "---\ntitle: Calo\nkind: scam\nquestions:\n  - ask: \"Calo bisa dipercaya.\"\n    answer: false\n    why: \"Jalur resmi lewat Disnaker.\"\n  - ask: Di mana mendaftar?\n    choices: [\"Calo\", \"Disnaker\", \"Grup media sosial\"]\n    answer: b\n    why: Disnaker mencatat pendaftaran resmi.\nupdated: 2026-11-28\n---\nTeks.\n";

    fn load(text: &str) -> crate::error::Result<Page> {
        crate::content::parse_page("modus/calo.md", text, &config())
    }

    /// Each error of loading `text` as `file:line: message`.
    fn problems(text: &str) -> Vec<String> {
        match load(text) {
            Ok(_) => Vec::new(),
            Err(e) => e.diagnostics().iter().map(|d| d.located()).collect(),
        }
    }

    #[test]
    fn good_questions_load_with_their_answers() {
        let page = load(GOOD).unwrap();
        let q = &page.front.questions;
        assert_eq!(q.len(), 2);
        assert!(is_true_false(&q[0]));
        assert_eq!(q[0].answer, Answer::TrueFalse(false));
        assert!(!is_true_false(&q[1]));
        assert_eq!(right_choice(&q[1]), Some(1));
    }

    #[test]
    fn a_letter_for_a_true_false_statement_names_its_answer_line() {
        let text = GOOD.replace("    answer: false\n", "    answer: salah\n");
        assert_eq!(
            problems(&text),
            vec![
                "content/modus/calo.md:6: question 1 has no `choices:`, so it is a true/false statement, but its answer is `salah`"
            ]
        );
    }

    #[test]
    fn answer_out_of_range_and_a_bool_for_choices() {
        let text = GOOD.replace("    answer: b\n", "    answer: d\n");
        assert_eq!(
            problems(&text),
            vec![
                "content/modus/calo.md:10: the answer of question 2 is `d`, but its choices are a to c"
            ]
        );
        let text = GOOD.replace("    answer: b\n", "    answer: true\n");
        assert_eq!(
            problems(&text),
            vec![
                "content/modus/calo.md:10: the answer of question 2 is `true`, but its choices are a to c"
            ]
        );
        let err = load(&GOOD.replace("    answer: b\n", "    answer: d\n")).unwrap_err();
        let hint = &err.diagnostics()[0].hint;
        assert_eq!(
            hint.as_ref().map(|h| h.text(lentera_messages::Lang::Id)),
            Some(
                "tulis huruf pilihan yang benar, dari a (yang pertama) sampai c: `answer: b` untuk yang kedua"
                    .to_string()
            )
        );
    }

    #[test]
    fn one_or_five_choices_and_an_empty_choice() {
        let one = GOOD.replace(
            "[\"Calo\", \"Disnaker\", \"Grup media sosial\"]",
            "[\"Disnaker\"]",
        );
        assert_eq!(
            problems(&one),
            vec![
                "content/modus/calo.md:9: question 2 has 1 choices; a multiple-choice question has 2 to 4"
            ]
        );
        let five = GOOD.replace(
            "[\"Calo\", \"Disnaker\", \"Grup media sosial\"]",
            "[a, b, c, d, e]",
        );
        assert_eq!(problems(&five).len(), 1, "{:?}", problems(&five));
        assert!(problems(&five)[0].contains("has 5 choices"));
        let empty = GOOD.replace("\"Grup media sosial\"", "\" \"");
        assert_eq!(
            problems(&empty),
            vec!["content/modus/calo.md:9: choice c of question 2 is empty"]
        );
    }

    #[test]
    fn empty_ask_and_why_each_at_their_line() {
        let text = GOOD
            .replace("  - ask: Di mana mendaftar?\n", "  - ask: \"\"\n")
            .replace(
                "    why: \"Jalur resmi lewat Disnaker.\"\n",
                "    why: \"  \"\n",
            );
        assert_eq!(
            problems(&text),
            vec![
                "content/modus/calo.md:7: question 1 has no `why:`: readers are not told why the answer is right",
                "content/modus/calo.md:8: question 2 has no `ask:`: the statement or question is empty",
            ]
        );
    }

    #[test]
    fn flow_style_questions_point_at_the_key() {
        let text = "---\ntitle: A\nkind: info\nquestions: [{ask: A, answer: maybe, why: B}]\n---\n";
        assert_eq!(
            problems(text),
            vec![
                "content/modus/calo.md:4: question 1 has no `choices:`, so it is a true/false statement, but its answer is `maybe`"
            ]
        );
    }

    #[test]
    fn placeholders_in_questions_are_caught_on_their_line() {
        let text = GOOD.replace(
            "    why: Disnaker mencatat pendaftaran resmi.\n",
            "    why: \"[ISI: terjemahkan] Disnaker mencatat.\"\n",
        );
        assert_eq!(
            problems(&text),
            vec![
                "content/modus/calo.md:11: `questions` still holds the placeholder `[ISI: terjemahkan]` written by `lentera new`"
            ]
        );
        // A draft may keep them.
        let draft = text.replace("title: Calo\n", "title: Calo\ndraft: true\n");
        assert!(load(&draft).is_ok());
    }

    #[test]
    fn unknown_key_in_a_question_is_a_yaml_error() {
        let text = GOOD.replace(
            "    answer: false\n",
            "    answer: false\n    jawaban: salah\n",
        );
        let problems = problems(&text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("jawaban"), "{problems:?}");
    }

    #[test]
    fn a_number_as_answer_is_named_at_its_line() {
        let text = GOOD.replace("    answer: b\n", "    answer: 2\n");
        let err = load(&text).unwrap_err();
        let d = &err.diagnostics()[0];
        assert_eq!(
            d.located(),
            "content/modus/calo.md:10: in `questions[1]`: the `answer:` of a question is neither `true`/`false` nor a letter"
        );
        assert_eq!(d.hint, Some(Msg::WriteTrueFalse));
    }

    #[test]
    fn letters() {
        assert_eq!((letter(0), letter(3)), ('a', 'd'));
        let q = Question {
            ask: "A".into(),
            choices: vec!["x".into(), "y".into()],
            answer: Answer::Choice(" B ".into()),
            why: "W".into(),
        };
        assert_eq!(right_choice(&q), Some(1));
        let q = Question {
            answer: Answer::Choice("bb".into()),
            ..q
        };
        assert_eq!(right_choice(&q), None);
    }
}
