//! Scenario files and saved scenarios: a named view (case, scope, step, parameters, row edits,
//! language and view options) as JSON, and back with full validation.
//!
//! The reader checks the file's format and version, every field's type, the sizes of lists,
//! and then every value exactly as a link's are checked (`url::decode`: ranges, known keys).
//! Any problem fails the import, each problem with its own message, so nothing half-read
//! is ever applied or saved.

use crate::i18n::{trf, Lang, Msg};
use crate::state::json::{self, Value};
use crate::state::url::{self, Notice, UrlState, MAX_ROWS};

/// The `format` of a scenario file, and of the saved list.
pub const FORMAT: &str = "reform-explorer-scenario";
pub const SAVED_FORMAT: &str = "reform-explorer-saved";
/// The version these write; files of a higher version are refused with a message.
pub const VERSION: u32 = 1;
/// Longest name kept (characters).
pub const MAX_NAME: usize = 120;
/// Most scenarios a saved list holds.
pub const MAX_SAVED: usize = 200;
const MAX_PARAMS: usize = 200;
const MAX_EDITS: usize = 2_000;

/// A named scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub name: String,
    pub state: UrlState,
}

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    NotJson {
        at: usize,
        what: &'static str,
    },
    NotAScenario,
    NewerVersion(String),
    Missing(&'static str),
    WrongType {
        field: String,
        expected: &'static str,
        found: &'static str,
    },
    TooMany {
        field: &'static str,
        max: usize,
    },
    /// A value the link decoder refused (unknown case, out-of-range parameter, …).
    Value(Notice),
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::NotJson { at, what } => {
                trf(lang, Msg::ImportNotJson, &[&at.to_string(), what])
            }
            Problem::NotAScenario => trf(lang, Msg::ImportNotScenario, &[]),
            Problem::NewerVersion(v) => trf(lang, Msg::ImportNewer, &[v, &VERSION.to_string()]),
            Problem::Missing(f) => trf(lang, Msg::ImportMissing, &[f]),
            Problem::WrongType {
                field,
                expected,
                found,
            } => trf(lang, Msg::ImportWrongType, &[field, expected, found]),
            Problem::TooMany { field, max } => {
                trf(lang, Msg::ImportTooMany, &[field, &max.to_string()])
            }
            Problem::Value(n) => n.message(lang),
        }
    }
}

fn s(v: &str) -> Value {
    Value::String(v.to_string())
}

/// The scenario as a JSON value.
pub fn to_value(saved: &Saved) -> Value {
    let st = &saved.state;
    // The compared city's values are parameters too (their `city_` keys tell them apart).
    let params = st
        .params
        .iter()
        .chain(&st.city)
        .map(|(k, v)| (k.clone(), s(v)))
        .collect();
    let edits = st
        .edits
        .iter()
        .map(|(row, field, v)| {
            Value::Object(vec![
                ("row".into(), Value::Number(*row as f64)),
                ("field".into(), s(field)),
                ("value".into(), s(v)),
            ])
        })
        .collect();
    Value::Object(vec![
        ("format".into(), s(FORMAT)),
        ("version".into(), Value::Number(f64::from(VERSION))),
        ("name".into(), s(&saved.name)),
        ("case".into(), s(st.case.key())),
        ("variant".into(), s(&st.variant)),
        (
            "step".into(),
            st.step.map_or(Value::Null, |n| Value::Number(n as f64)),
        ),
        ("lang".into(), s(st.lang.code())),
        (
            "view".into(),
            Value::Object({
                let mut view = vec![
                    ("group".into(), Value::Bool(st.group)),
                    ("layout".into(), s(st.orient.key())),
                    ("theme".into(), s(st.theme.key())),
                    ("page".into(), s(st.view.key())),
                ];
                // The organisation of the four reforms, when not the default.
                if let Some(f) = &st.four {
                    view.push(("four".into(), s(&f.key())));
                }
                view
            }),
        ),
        ("params".into(), Value::Object(params)),
        ("edits".into(), Value::Array(edits)),
        (
            "recipe".into(),
            st.recipe.as_ref().map_or(Value::Null, |r| {
                Value::Object(vec![
                    ("base".into(), s(&r.base.key())),
                    (
                        "levers".into(),
                        Value::Array(r.steps.iter().map(|x| s(&x.key())).collect()),
                    ),
                ])
            }),
        ),
    ])
}

/// A scenario file's text.
pub fn to_json(saved: &Saved) -> String {
    json::write(&to_value(saved))
}

/// A value as the text a link would carry: strings as they are, numbers plainly.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(crate::i18n::plain_number(*n)),
        _ => None,
    }
}

fn check_version(v: &Value, problems: &mut Vec<Problem>) {
    match v.get("version") {
        None => problems.push(Problem::Missing("version")),
        Some(Value::Number(n)) if *n >= 1.0 && *n <= f64::from(VERSION) && n.fract() == 0.0 => {}
        Some(Value::Number(n)) => {
            problems.push(Problem::NewerVersion(crate::i18n::plain_number(*n)))
        }
        Some(other) => problems.push(Problem::WrongType {
            field: "version".into(),
            expected: "a number",
            found: other.kind(),
        }),
    }
}

/// One scenario from a JSON value (a file's, or an entry of the saved list).
pub fn from_value(v: &Value) -> Result<Saved, Vec<Problem>> {
    let mut problems = Vec::new();
    if !matches!(v, Value::Object(_)) || v.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(vec![Problem::NotAScenario]);
    }
    check_version(v, &mut problems);
    let wrong = |field: &str, expected: &'static str, found: &Value| Problem::WrongType {
        field: field.to_string(),
        expected,
        found: found.kind(),
    };
    let name = match v.get("name") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(n)) => n.trim().chars().take(MAX_NAME).collect(),
        Some(other) => {
            problems.push(wrong("name", "a string", other));
            String::new()
        }
    };
    // Everything else becomes the pairs of a link, checked by the link decoder.
    let mut pairs: Vec<(String, String)> = Vec::new();
    for key in ["case", "variant", "lang"] {
        match v.get(key) {
            None if key == "case" => problems.push(Problem::Missing("case")),
            None | Some(Value::Null) => {}
            Some(Value::String(t)) => pairs.push((key.into(), t.clone())),
            Some(other) => problems.push(wrong(key, "a string", other)),
        }
    }
    match v.get("step") {
        None | Some(Value::Null) => {}
        Some(x) => match text_of(x) {
            Some(t) => pairs.push(("step".into(), t)),
            None => problems.push(wrong("step", "a number", x)),
        },
    }
    match v.get("view") {
        None | Some(Value::Null) => {}
        Some(view @ Value::Object(_)) => {
            match view.get("group") {
                None => {}
                Some(Value::Bool(g)) => {
                    pairs.push(("group".into(), if *g { "1" } else { "0" }.into()))
                }
                Some(other) => problems.push(wrong("view.group", "true/false", other)),
            }
            for (k, q) in [
                ("layout", "layout"),
                ("theme", "theme"),
                ("page", "view"),
                ("four", "four"),
            ] {
                match view.get(k) {
                    None => {}
                    Some(Value::String(t)) => pairs.push((q.into(), t.clone())),
                    Some(other) => problems.push(wrong(&format!("view.{k}"), "a string", other)),
                }
            }
        }
        Some(other) => problems.push(wrong("view", "an object", other)),
    }
    match v.get("params") {
        None | Some(Value::Null) => {}
        Some(Value::Object(m)) if m.len() > MAX_PARAMS => problems.push(Problem::TooMany {
            field: "params",
            max: MAX_PARAMS,
        }),
        Some(Value::Object(m)) => {
            for (k, x) in m {
                match text_of(x) {
                    // Only parameter keys here: a "case" in params is not the case.
                    Some(_) if url::STATE_KEYS.contains(&k.as_str()) => {
                        problems.push(Problem::Value(Notice::UnknownKey(format!("params.{k}"))))
                    }
                    Some(t) => pairs.push((k.clone(), t)),
                    None => problems.push(wrong(&format!("params.{k}"), "a number", x)),
                }
            }
        }
        Some(other) => problems.push(wrong("params", "an object", other)),
    }
    match v.get("recipe") {
        None | Some(Value::Null) => {}
        Some(r @ Value::Object(_)) => {
            match r.get("base") {
                Some(Value::String(b)) => pairs.push(("base".into(), b.clone())),
                Some(other) => problems.push(wrong("recipe.base", "a string", other)),
                None => problems.push(Problem::Missing("recipe.base")),
            }
            match r.get("levers") {
                None | Some(Value::Null) => {}
                Some(Value::Array(a)) if a.len() > crate::model::compose::MAX_STEPS => problems
                    .push(Problem::TooMany {
                        field: "recipe.levers",
                        max: crate::model::compose::MAX_STEPS,
                    }),
                Some(Value::Array(a)) => {
                    let mut keys = Vec::new();
                    for (i, x) in a.iter().enumerate() {
                        match x {
                            Value::String(k) if !k.contains(',') => keys.push(k.clone()),
                            other => problems.push(wrong(
                                &format!("recipe.levers[{i}]"),
                                "a string",
                                other,
                            )),
                        }
                    }
                    if !keys.is_empty() {
                        pairs.push(("levers".into(), keys.join(",")));
                    }
                }
                Some(other) => problems.push(wrong("recipe.levers", "a list", other)),
            }
        }
        Some(other) => problems.push(wrong("recipe", "an object", other)),
    }
    match v.get("edits") {
        None | Some(Value::Null) => {}
        Some(Value::Array(a)) if a.len() > MAX_EDITS => problems.push(Problem::TooMany {
            field: "edits",
            max: MAX_EDITS,
        }),
        Some(Value::Array(a)) => {
            for (i, e) in a.iter().enumerate() {
                let row = e.get("row").and_then(Value::as_f64);
                let field = e.get("field").and_then(Value::as_str);
                let value = e.get("value").and_then(text_of);
                match (row, field, value) {
                    (Some(r), Some(f), Some(val))
                        if r >= 1.0 && r <= MAX_ROWS as f64 && r.fract() == 0.0 =>
                    {
                        pairs.push((format!("s{}.{f}", r as usize), val));
                    }
                    _ => problems.push(wrong(&format!("edits[{i}]"), "{row, field, value}", e)),
                }
            }
        }
        Some(other) => problems.push(wrong("edits", "a list", other)),
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", url::percent_encode(k), url::percent_encode(v)))
        .collect();
    let (state, notices) = url::decode(&query.join("&"));
    problems.extend(notices.into_iter().map(Problem::Value));
    if problems.is_empty() {
        Ok(Saved { name, state })
    } else {
        Err(problems)
    }
}

/// A scenario file.
pub fn from_json(text: &str) -> Result<Saved, Vec<Problem>> {
    let v = json::parse(text).map_err(|e| {
        vec![Problem::NotJson {
            at: e.at,
            what: e.what,
        }]
    })?;
    from_value(&v)
}

/// The saved list as stored.
pub fn saved_to_json(list: &[Saved]) -> String {
    json::write(&Value::Object(vec![
        ("format".into(), s(SAVED_FORMAT)),
        ("version".into(), Value::Number(f64::from(VERSION))),
        (
            "scenarios".into(),
            Value::Array(list.iter().map(to_value).collect()),
        ),
    ]))
}

/// The saved list from storage. A damaged list is an error (the caller falls back to the
/// backup copy); entries that no longer read (a parameter removed since) are left out and
/// counted.
pub fn saved_from_json(text: &str) -> Result<(Vec<Saved>, usize), Vec<Problem>> {
    let v = json::parse(text).map_err(|e| {
        vec![Problem::NotJson {
            at: e.at,
            what: e.what,
        }]
    })?;
    if v.get("format").and_then(Value::as_str) != Some(SAVED_FORMAT) {
        return Err(vec![Problem::NotAScenario]);
    }
    let mut problems = Vec::new();
    check_version(&v, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    let Some(Value::Array(items)) = v.get("scenarios") else {
        return Err(vec![Problem::Missing("scenarios")]);
    };
    let mut out = Vec::new();
    let mut dropped = 0;
    for item in items.iter().take(MAX_SAVED) {
        match from_value(item) {
            Ok(s) => out.push(s),
            Err(_) => dropped += 1,
        }
    }
    Ok((out, dropped + items.len().saturating_sub(MAX_SAVED)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cases::CaseId;

    fn state(q: &str) -> UrlState {
        let (s, n) = url::decode(q);
        assert!(n.is_empty(), "{q}: {n:?}");
        s
    }

    #[test]
    fn scenarios_round_trip() {
        for q in [
            "?case=daqing",
            "?case=daqing&variant=county&step=1&lang=en&group=0&layout=lr&theme=projector&county_bureaus=5",
            "?case=haidong&s3.staff=12&s5.incidents=900&lang=zh-Hant",
            "?case=zhejiang&variant=pujiang&leaders=6",
        ] {
            let saved = Saved { name: "试点 \"A\"".into(), state: state(q) };
            let text = to_json(&saved);
            assert_eq!(from_json(&text), Ok(saved.clone()), "{text}");
        }
        // Every case and variant at its defaults.
        for c in CaseId::ALL {
            for v in c.variants() {
                let saved = Saved {
                    name: v.key.into(),
                    state: state(&format!("?case={}&variant={}", c.key(), v.key)),
                };
                assert_eq!(from_json(&to_json(&saved)), Ok(saved));
            }
        }
    }

    #[test]
    fn every_problem_is_named() {
        let bad = r#"{"format":"reform-explorer-scenario","version":1,"case":"daqing",
            "step":"x","view":{"group":"yes","layout":"sideways"},
            "params":{"staff":-5,"bogus":1,"pair_size":[1]},"edits":[{"row":0}]}"#;
        let problems = from_json(bad).unwrap_err();
        let text: Vec<String> = problems.iter().map(|p| p.message(Lang::En)).collect();
        let all = text.join("\n");
        for needle in [
            "view.group",
            "pair_size",
            "edits[0]",
            "bogus",
            "sideways",
            "staff",
            "“x”",
        ] {
            assert!(all.contains(needle), "{needle} not in:\n{all}");
        }
        assert!(problems.len() >= 7, "{problems:?}");
        for p in &problems {
            for l in Lang::ALL {
                assert!(!p.message(l).is_empty());
            }
        }
        assert_eq!(
            from_json("{\"format\":\"other\"}"),
            Err(vec![Problem::NotAScenario])
        );
        assert_eq!(
            from_json(r#"{"format":"reform-explorer-scenario","version":2,"case":"daqing"}"#),
            Err(vec![Problem::NewerVersion("2".into())])
        );
        assert!(matches!(
            from_json("{oops").unwrap_err()[0],
            Problem::NotJson { .. }
        ));
        assert_eq!(
            from_json(r#"{"format":"reform-explorer-scenario","version":1}"#),
            Err(vec![Problem::Missing("case")])
        );
    }

    #[test]
    fn saved_lists_round_trip_and_skip_entries_that_no_longer_read() {
        let list = vec![
            Saved {
                name: "a".into(),
                state: state("?case=daqing&staff=3000"),
            },
            Saved {
                name: "b".into(),
                state: state("?case=tianjin&variant=binhai"),
            },
        ];
        let text = saved_to_json(&list);
        assert_eq!(saved_from_json(&text), Ok((list.clone(), 0)));
        let damaged = text.replacen("\"staff\": \"3000\"", "\"staff\": \"-1\"", 1);
        assert_eq!(saved_from_json(&damaged), Ok((list[1..].to_vec(), 1)));
        assert!(saved_from_json("{\"format\":\"reform-explorer-saved\"").is_err());
        assert!(saved_from_json("").is_err());
    }

    #[test]
    fn the_reader_is_total_on_random_edits_of_a_valid_file() {
        let base = to_json(&Saved {
            name: "x".into(),
            state: state("?case=haidong&s3.staff=12&step=1"),
        });
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let pieces = [
            "1",
            "-1",
            "1e9",
            "null",
            "true",
            "\"\"",
            "[]",
            "{}",
            "\"zh-Hant\"",
            ",",
            ":",
            "\"",
            "}",
            "]",
        ];
        let (mut ok, mut tried) = (0, 0);
        for _ in 0..5_000 {
            let mut t = base.clone();
            for _ in 0..(1 + next() % 4) {
                let cut = (next() as usize) % t.len();
                let cut = (0..=cut)
                    .rev()
                    .find(|&i| t.is_char_boundary(i))
                    .unwrap_or(0);
                t.insert_str(cut, pieces[(next() as usize) % pieces.len()]);
            }
            if from_json(&t).is_ok() {
                ok += 1;
            }
            tried += 1;
        }
        assert_eq!(tried, 5_000);
        assert!(ok < tried);
    }
}
