//! Files written by earlier versions still open: the scenario files and saved lists of
//! `tests/fixtures/` (written by `examples/fixtures.rs` with the code of the day they were
//! committed, before the JSON reader was replaced) open to the same scenarios, and the broken
//! ones (written by hand) are refused with a message naming each problem, in every language.

#[path = "fixtures/scenarios.rs"]
mod scenarios;

use std::path::Path;

use reform_explorer::i18n::Lang;
use reform_explorer::state::scenario::{
    from_json, saved_from_json, saved_to_json, to_json, Problem, Saved,
};
use scenarios::{saved, SCENARIOS};

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The problems of a file that must not open, in English; each one also reads in every
/// language, with every placeholder filled.
fn problems_of(problems: &[Problem]) -> String {
    for p in problems {
        for l in Lang::ALL {
            let m = p.message(l);
            assert!(!m.is_empty() && !m.contains("{0}"), "{p:?} in {l:?}: {m}");
        }
    }
    problems
        .iter()
        .map(|p| p.message(Lang::En))
        .collect::<Vec<_>>()
        .join("\n")
}

fn refused(name: &str) -> (Vec<Problem>, String) {
    let problems = from_json(&read(name)).expect_err(name);
    let text = problems_of(&problems);
    (problems, text)
}

fn assert_names(text: &str, needles: &[&str]) {
    for n in needles {
        assert!(text.contains(n), "{n:?} not in:\n{text}");
    }
}

#[test]
fn scenario_files_of_earlier_versions_open_to_the_same_scenario() {
    for (file, name, query) in SCENARIOS {
        let text = read(&format!("{file}.json"));
        let expected = saved(name, query);
        assert_eq!(from_json(&text), Ok(expected.clone()), "{file}");
        // What is written now reads the same (and is, so far, the same text).
        assert_eq!(to_json(&expected), text, "{file}");
        assert_eq!(from_json(&to_json(&expected)), Ok(expected), "{file}");
    }
}

#[test]
fn files_edited_by_hand_open() {
    let county = read("daqing-county-step1-en.json");
    let expected = from_json(&county).expect("county");
    // A byte-order mark and Windows line ends (a text editor's save).
    let edited = format!("\u{feff}{}", county.replace('\n', "\r\n"));
    assert_eq!(from_json(&edited), Ok(expected));
    // Numbers where strings were written and the other way round, padding in the name.
    assert_eq!(
        from_json(&read("hand-numbers.json")),
        Ok(saved(
            "padded",
            "?case=daqing&variant=urban&step=1&staff=3000&group=0"
        ))
    );
}

#[test]
fn saved_lists_of_earlier_versions_open() {
    let all: Vec<Saved> = SCENARIOS.iter().map(|(_, n, q)| saved(n, q)).collect();
    let text = read("saved-list.json");
    assert_eq!(saved_from_json(&text), Ok((all.clone(), 0)));
    assert_eq!(saved_to_json(&all), text);
    assert_eq!(saved_from_json(&saved_to_json(&all)), Ok((all.clone(), 0)));
    assert_eq!(saved_from_json(&read("saved-empty.json")), Ok((vec![], 0)));
    // Entries that no longer read are left out and counted; the others open.
    assert_eq!(
        saved_from_json(&read("saved-damaged-entries.json")),
        Ok((vec![all[0].clone(), all[2].clone()], 2))
    );
}

#[test]
fn damaged_saved_lists_are_refused() {
    for (file, needle) in [
        ("saved-truncated.json", "JSON"),
        ("saved-newer.json", "newer version"),
        ("broken-other-format.json", "not a Reform Explorer"),
    ] {
        let problems = saved_from_json(&read(file)).expect_err(file);
        assert_names(&problems_of(&problems), &[needle]);
    }
}

#[test]
fn broken_files_are_refused_with_every_problem_named() {
    let (p, text) = refused("broken-types.json");
    assert_names(
        &text,
        &[
            "“name”",
            "view.group",
            "view.theme",
            "sideways",
            "staff",
            "bogus",
            "params.pair_size",
            "edits[0]",
            "“x”",
        ],
    );
    assert!(p.len() >= 9, "{p:?}");

    let (p, text) = refused("broken-values.json");
    assert_names(
        &text,
        &[
            "island",
            "fr",
            "99",
            "neon",
            "sideways-up",
            "elsewhere",
            "params.case",
            "staff",
            "recipe.base",
            "recipe.levers",
        ],
    );
    assert!(p.len() >= 10, "{p:?}");
    let (_, text) = refused("broken-recipe.json");
    assert_names(&text, &["recipe.levers[1]", "no_such_lever"]);

    let (p, text) = refused("broken-newer.json");
    assert_eq!(p.len(), 1);
    assert_names(&text, &["newer version", "2"]);
    let (p, text) = refused("broken-missing.json");
    assert_eq!(p.len(), 2, "{text}");
    assert_names(&text, &["“version”", "“case”"]);
    for file in ["broken-other-format.json", "broken-array.json"] {
        let (p, _) = refused(file);
        assert_eq!(p, vec![Problem::NotAScenario], "{file}");
    }
    let (p, _) = refused("broken-truncated.json");
    assert!(matches!(p[..], [Problem::NotJson { .. }]), "{p:?}");
    let (p, text) = refused("broken-deep.json");
    assert_eq!(p.len(), 1);
    assert_names(&text, &["too deeply"]);
}
