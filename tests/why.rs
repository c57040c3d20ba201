//! "Why this reform · what the sources report" (`model::cases::why`): every case names at least
//! one problem and reports at least one outcome (or says why its source reports none), every
//! passage is quoted verbatim from its document, in that document's script, and every outcome
//! read from a variant's reported figures is found there and is one the model does not compute.

mod common;

use std::collections::HashSet;

use reform_explorer::model::cases::why::{self, Outcome};
use reform_explorer::model::cases::{CaseId, Match};
use reform_explorer::model::source::TRADITIONAL_DOC;

#[test]
fn every_case_names_problems_and_reports_outcomes() {
    for c in CaseId::ALL {
        let w = why::of(c);
        assert!(!why::problems(c).is_empty(), "{}: no problem", c.key());
        let outcomes = why::outcomes(c);
        // Every outcome resolves: a reported figure named by its quote is in a variant's list.
        assert_eq!(
            outcomes.len(),
            w.outcomes.len(),
            "{}: an outcome is not found",
            c.key()
        );
        match w.no_outcomes {
            // Haidong's source is the 2023 guidance that launches the reform: it reports none.
            Some(reason) => {
                assert_eq!(
                    c,
                    CaseId::Haidong,
                    "{}: only Haidong reports no outcome",
                    c.key()
                );
                assert!(
                    outcomes.is_empty(),
                    "{}: outcomes and a reason for none",
                    c.key()
                );
                assert!(!reason.zh.is_empty() && !reason.en.is_empty());
            }
            None => assert!(!outcomes.is_empty(), "{}: no outcome", c.key()),
        }
    }
}

#[test]
fn every_passage_is_verbatim_in_its_document_and_marked_with_its_script() {
    let mut checked = 0;
    for c in CaseId::ALL {
        let docs: Vec<&str> = c.documents().iter().map(|d| d.id).collect();
        let mut seen = HashSet::new();
        for (kind, said) in why::problems(c)
            .into_iter()
            .map(|s| ("problem", s))
            .chain(why::outcomes(c).into_iter().map(|s| ("outcome", s)))
        {
            let what = format!("{} {kind} {:?}", c.key(), said.quote);
            assert!(
                docs.contains(&said.doc),
                "{what}: document {} is not the case's",
                said.doc
            );
            assert!(seen.insert(said.quote), "{what}: listed twice");
            assert!(
                !said.label.zh.is_empty() && !said.label.en.is_empty(),
                "{what}: no label"
            );
            assert!(
                said.en.is_some() || said.reported.is_some(),
                "{what}: no English"
            );
            if let Some(en) = said.en {
                assert!(!en.is_empty() && !en.chars().any(is_han), "{what}: English");
            }
            let lang = if said.doc == TRADITIONAL_DOC {
                "zh-Hant"
            } else {
                "zh-Hans"
            };
            assert_eq!(said.quote_lang(), lang, "{what}");
            let Some(text) = common::seed_text(said.doc) else {
                continue;
            };
            let missing = common::missing_pieces(&text, said.quote);
            assert!(
                missing.is_empty(),
                "{what}: not verbatim in {}: {missing:?}",
                said.doc
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 25 || common::seed_text("000").is_none(),
        "only {checked} passages checked"
    );
}

#[test]
fn outcomes_from_reported_figures_are_ones_the_model_does_not_compute() {
    for c in CaseId::ALL {
        for (o, said) in why::of(c).outcomes.iter().zip(why::outcomes(c)) {
            match o {
                Outcome::Reported(quote) => {
                    let r = said.reported.expect("read from a variant");
                    assert_eq!(said.quote, *quote);
                    assert!(r.metric.is_none(), "{}: {quote} is a metric", c.key());
                    assert!(
                        r.how.iter().flatten().all(|m| *m == Match::Quoted),
                        "{}: {quote} is matched by the model: {:?}",
                        c.key(),
                        r.how
                    );
                }
                Outcome::Quoted(_) => assert!(said.reported.is_none()),
            }
        }
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Only Yunnan's scope (document 001's related model, drawn under Daqing) says first that the
/// panel's problems and outcomes are another reform's: a renamed scope would lose the note.
#[test]
fn only_the_related_model_scope_says_the_panel_is_another_reforms() {
    let mut noted = Vec::new();
    for c in CaseId::ALL {
        for v in c.variants() {
            if let Some(t) = why::not_this_reform(c, v.key) {
                assert!(t.zh.contains("相关模式") && t.en.contains("related model"));
                noted.push((c.key(), v.key));
            }
        }
    }
    assert_eq!(noted, [("daqing", "yunnan")]);
}
