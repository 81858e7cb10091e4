//! Tests of `kit`.

use super::*;

#[test]
fn answers_are_spelled_out() {
    let s = |k: &str| match k {
        "kit_true" => "Benar".to_string(),
        "kit_false" => "Salah".to_string(),
        _ => k.to_string(),
    };
    let q = |choices: &[&str], answer: Answer| Question {
        ask: "?".into(),
        choices: choices.iter().map(|c| c.to_string()).collect(),
        answer,
        why: "because".into(),
    };
    assert_eq!(
        question(&q(&[], Answer::TrueFalse(false)), &s).answer,
        "Salah"
    );
    assert_eq!(
        question(&q(&[], Answer::TrueFalse(true)), &s).answer,
        "Benar"
    );
    let mc = question(&q(&["x", "y", "z"], Answer::Choice("B".into())), &s);
    assert_eq!(mc.answer, "b. y");
    assert_eq!(mc.choices[2].letter, "c");
}

#[test]
fn sizes_wait_until_made_or_closed() {
    let sizes = Arc::new(Sizes::default());
    let waiter = {
        let sizes = sizes.clone();
        std::thread::spawn(move || (sizes.wait("a.pdf"), sizes.wait("b.pdf")))
    };
    sizes.set("a.pdf", 12);
    sizes.close();
    assert_eq!(waiter.join().unwrap(), (Some(12), None));
}
