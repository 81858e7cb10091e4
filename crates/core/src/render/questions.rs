//! The questions of a lesson as the theme sees them (`page.questions`, and
//! `l.questions` in the one-file edition): each with its choices lettered
//! and its answer worked out, so that templates only lay them out.

use serde::Serialize;

use crate::content::front_matter::{Answer, Question};
use crate::content::questions::{is_true_false, letter, right_choice};

/// One question of a lesson.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct QuestionView<'a> {
    /// The statement or the question.
    pub ask: &'a str,
    /// No `choices`: the reader decides whether `ask` is true or false.
    pub true_false: bool,
    /// For a statement: whether it is true.
    pub answer_true: bool,
    /// For a multiple-choice question: its choices, lettered from `a`.
    pub choices: Vec<ChoiceView<'a>>,
    /// The right choice (`b`) and its text; empty for a statement.
    pub answer_letter: String,
    pub answer_text: &'a str,
    /// Why that is the answer.
    pub why: &'a str,
}

/// One choice of a multiple-choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct ChoiceView<'a> {
    pub letter: char,
    pub text: &'a str,
    /// Whether it is the answer.
    pub right: bool,
}

/// The views of `questions`, in their order. Loading checked them: a
/// question whose answer names no choice does not reach here, and would
/// show no answer letter if it did.
pub(crate) fn views(questions: &[Question]) -> Vec<QuestionView<'_>> {
    questions
        .iter()
        .map(|q| {
            let right = right_choice(q);
            QuestionView {
                ask: &q.ask,
                true_false: is_true_false(q),
                answer_true: q.answer == Answer::TrueFalse(true),
                choices: q
                    .choices
                    .iter()
                    .enumerate()
                    .map(|(i, text)| ChoiceView {
                        letter: letter(i),
                        text,
                        right: right == Some(i),
                    })
                    .collect(),
                answer_letter: right.map(|i| letter(i).to_string()).unwrap_or_default(),
                answer_text: right.map_or("", |i| q.choices[i].as_str()),
                why: &q.why,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_answers() {
        let qs = vec![
            Question {
                ask: "Calo bisa dipercaya.".into(),
                choices: vec![],
                answer: Answer::TrueFalse(false),
                why: "W".into(),
            },
            Question {
                ask: "Di mana?".into(),
                choices: vec!["Calo".into(), "Disnaker".into()],
                answer: Answer::Choice("b".into()),
                why: "W".into(),
            },
        ];
        let v = views(&qs);
        assert!(v[0].true_false && !v[0].answer_true && v[0].choices.is_empty());
        assert_eq!(v[0].answer_letter, "");
        assert!(!v[1].true_false);
        assert_eq!(
            v[1].choices
                .iter()
                .map(|c| (c.letter, c.text, c.right))
                .collect::<Vec<_>>(),
            vec![('a', "Calo", false), ('b', "Disnaker", true)]
        );
        assert_eq!(
            (v[1].answer_letter.as_str(), v[1].answer_text),
            ("b", "Disnaker")
        );
    }
}
