//! Scenario files and saved scenarios: a named view (case, scope, step, parameters, row edits,
//! language and view options) as JSON, and back with full validation.
//!
//! The reader checks the file's format and version, every field's type, the sizes of lists,
//! and then every value exactly as a link's are checked (`url::decode`: ranges, known keys).
//! Any problem fails the import, each problem with its own message, so nothing half-read
//! is ever applied or saved.

use serde::de::{DeserializeOwned, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::i18n::{tr, trf, Lang, Msg};
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
/// Texts longer than this are refused before they are read (room for an own organisation of
/// up to `organisation::MAX_BYTES`).
pub const MAX_BYTES: usize = 12_000_000;
/// Lists and objects nested deeper than this are refused before they are read.
pub const MAX_DEPTH: usize = 32;
const MAX_PARAMS: usize = 200;
const MAX_EDITS: usize = 2_000;

/// A named scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub name: String,
    pub state: UrlState,
    /// The user's own organisation the scenario is built on (its organisation file's text,
    /// `state::organisation`), when its baseline or its four-reforms organisation is one: the
    /// file carries it, so that it opens in a browser that never imported it.
    pub organisation: Option<String>,
}

/// What kind of JSON value a field holds or should hold, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Null,
    Bool,
    Number,
    String,
    List,
    Object,
    /// An object `{row, field, value}` (a table-row edit).
    Edit,
}

impl Kind {
    pub fn name(self, lang: Lang) -> &'static str {
        tr(
            lang,
            match self {
                Kind::Null => Msg::KindNull,
                Kind::Bool => Msg::KindBool,
                Kind::Number => Msg::KindNumber,
                Kind::String => Msg::KindString,
                Kind::List => Msg::KindList,
                Kind::Object => Msg::KindObject,
                Kind::Edit => Msg::KindEdit,
            },
        )
    }
}

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Longer than [`MAX_BYTES`]: refused unread.
    TooLarge,
    /// Lists or objects nested deeper than [`MAX_DEPTH`] (where, 1-based): refused unread.
    TooDeep {
        line: usize,
        column: usize,
    },
    /// The browser could not read the file.
    Unreadable,
    /// Not JSON: where (1-based) and why, as the JSON reader says it.
    NotJson {
        line: usize,
        column: usize,
        what: String,
    },
    NotAScenario,
    NewerVersion(String),
    Missing(&'static str),
    WrongType {
        field: String,
        expected: Kind,
        found: Kind,
    },
    TooMany {
        field: &'static str,
        max: usize,
    },
    /// A value the link decoder refused (unknown case, out-of-range parameter, …).
    Value(Notice),
    /// A problem of the own organisation the file carries.
    Organisation(crate::state::organisation::Problem),
    /// The scenario names an own organisation (`org.own-…`) other than the one the file
    /// carries: the organisation was edited after the file was written.
    OrganisationChanged(String),
    /// The scenario names an own organisation, the file carries none, and this browser does
    /// not know it.
    OrganisationMissing(String),
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        let n = |x: usize| x.to_string();
        match self {
            Problem::TooLarge => trf(lang, Msg::ImportTooLarge, &[&n(MAX_BYTES / 1_000_000)]),
            Problem::TooDeep { line, column } => trf(
                lang,
                Msg::ImportTooDeep,
                &[&n(MAX_DEPTH), &n(*line), &n(*column)],
            ),
            Problem::Unreadable => trf(lang, Msg::ImportUnreadable, &[]),
            Problem::NotJson { line, column, what } => {
                trf(lang, Msg::ImportNotJson, &[&n(*line), &n(*column), what])
            }
            Problem::NotAScenario => trf(lang, Msg::ImportNotScenario, &[]),
            Problem::NewerVersion(v) => trf(lang, Msg::ImportNewer, &[v, &VERSION.to_string()]),
            Problem::Missing(f) => trf(lang, Msg::ImportMissing, &[f]),
            Problem::WrongType {
                field,
                expected,
                found,
            } => trf(
                lang,
                Msg::ImportWrongType,
                &[field, expected.name(lang), found.name(lang)],
            ),
            Problem::TooMany { field, max } => trf(lang, Msg::ImportTooMany, &[field, &n(*max)]),
            Problem::Value(n) => n.problem(lang),
            Problem::Organisation(p) => trf(lang, Msg::ImportOrganisation, &[&p.message(lang)]),
            Problem::OrganisationChanged(x) => trf(lang, Msg::FileOrgChanged, &[x]),
            Problem::OrganisationMissing(x) => trf(lang, Msg::FileOrgMissing, &[x]),
        }
    }
}

// ---- The files as written ----

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    name: &'a str,
    case: &'static str,
    variant: &'a str,
    step: Option<usize>,
    lang: &'static str,
    view: ViewOut,
    /// The parameters, then the compared city's values (their `city_` keys tell them apart).
    params: PairsOut<'a>,
    edits: Vec<EditOut<'a>>,
    recipe: Option<RecipeOut>,
    /// The own organisation's file, as an object.
    #[serde(skip_serializing_if = "Option::is_none")]
    organisation: Option<serde_json::Value>,
}

#[derive(Serialize)]
struct ViewOut {
    group: bool,
    layout: &'static str,
    theme: &'static str,
    page: &'static str,
    /// The organisation of the four reforms, when not the default.
    #[serde(skip_serializing_if = "Option::is_none")]
    four: Option<String>,
}

/// Key–value lists written as one JSON object, in order.
struct PairsOut<'a>(&'a [(String, String)], &'a [(String, String)]);

impl Serialize for PairsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().chain(self.1).map(|(k, v)| (k, v)))
    }
}

#[derive(Serialize)]
struct EditOut<'a> {
    row: usize,
    field: &'a str,
    value: &'a str,
}

#[derive(Serialize)]
struct RecipeOut {
    base: String,
    levers: Vec<String>,
}

#[derive(Serialize)]
struct SavedListOut<'a> {
    format: &'static str,
    version: u32,
    scenarios: Vec<FileOut<'a>>,
}

fn file_out(saved: &Saved) -> FileOut<'_> {
    let st = &saved.state;
    FileOut {
        format: FORMAT,
        version: VERSION,
        name: &saved.name,
        case: st.case.key(),
        variant: &st.variant,
        step: st.step,
        lang: st.lang.code(),
        view: ViewOut {
            group: st.group,
            layout: st.orient.key(),
            theme: st.theme.key(),
            page: st.view.key(),
            four: st.four.as_ref().map(|f| f.key()),
        },
        params: PairsOut(&st.params, &st.city),
        edits: st
            .edits
            .iter()
            .map(|(row, field, value)| EditOut {
                row: *row,
                field,
                value,
            })
            .collect(),
        recipe: st.recipe.as_ref().map(|r| RecipeOut {
            base: r.base.key(),
            levers: r.steps.iter().map(|x| x.key()).collect(),
        }),
        organisation: saved
            .organisation
            .as_deref()
            .and_then(|t| serde_json::from_str(t).ok()),
    }
}

/// JSON text, two-space indented (what is written has only string keys: it cannot fail).
fn write<T: Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

/// A scenario file's text.
pub fn to_json(saved: &Saved) -> String {
    write(&file_out(saved))
}

/// The saved list as stored.
pub fn saved_to_json(list: &[Saved]) -> String {
    write(&SavedListOut {
        format: SAVED_FORMAT,
        version: VERSION,
        scenarios: list.iter().map(file_out).collect(),
    })
}

// ---- The files as read: every field optional and of any type, so that one reading finds
// every problem (a field of the wrong type is kept as the kind it is, for its message). ----

/// A value of the type wanted, or the kind of value found instead.
#[derive(Deserialize)]
#[serde(untagged)]
enum Loose<T> {
    Ok(T),
    Wrong(Kind),
}

/// Any value, read for its kind.
impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
        struct KindOf;
        impl<'de> Visitor<'de> for KindOf {
            type Value = Kind;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any value")
            }
            fn visit_bool<E>(self, _: bool) -> Result<Kind, E> {
                Ok(Kind::Bool)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Kind, E> {
                Ok(Kind::Number)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Kind, E> {
                Ok(Kind::Number)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Kind, E> {
                Ok(Kind::Number)
            }
            fn visit_str<E>(self, _: &str) -> Result<Kind, E> {
                Ok(Kind::String)
            }
            fn visit_unit<E>(self) -> Result<Kind, E> {
                Ok(Kind::Null)
            }
            fn visit_none<E>(self) -> Result<Kind, E> {
                Ok(Kind::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Kind, D::Error> {
                Kind::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Kind, A::Error> {
                while a.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Kind::List)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Kind, A::Error> {
                while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Kind::Object)
            }
        }
        d.deserialize_any(KindOf)
    }
}

/// A value a link carries as text: a string, or a number (written plainly).
#[derive(Deserialize)]
#[serde(untagged)]
enum Text {
    String(String),
    Number(f64),
}

impl Text {
    fn text(self) -> String {
        match self {
            Text::String(s) => s,
            Text::Number(n) => crate::i18n::plain_number(n),
        }
    }
}

/// An object's members in file order (duplicates kept: the link decoder takes the last).
struct Pairs<V>(Vec<(String, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Pairs<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Members<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Members<V> {
            type Value = Pairs<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Pairs<V>, A::Error> {
                let mut out = Vec::new();
                while let Some(kv) = a.next_entry()? {
                    out.push(kv);
                }
                Ok(Pairs(out))
            }
        }
        d.deserialize_map(Members(std::marker::PhantomData))
    }
}

type Field<T> = Option<Loose<T>>;

#[derive(Deserialize)]
struct FileIn {
    format: Field<String>,
    version: Field<f64>,
    name: Field<String>,
    case: Field<String>,
    variant: Field<String>,
    lang: Field<String>,
    step: Field<Text>,
    view: Field<ViewIn>,
    params: Field<Pairs<Loose<Text>>>,
    edits: Field<Vec<Loose<EditIn>>>,
    recipe: Field<RecipeIn>,
    organisation: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct ViewIn {
    group: Field<bool>,
    layout: Field<String>,
    theme: Field<String>,
    page: Field<String>,
    four: Field<String>,
}

#[derive(Deserialize)]
struct EditIn {
    row: f64,
    field: String,
    value: Text,
}

#[derive(Deserialize)]
struct RecipeIn {
    base: Field<String>,
    levers: Field<Vec<Loose<String>>>,
}

#[derive(Deserialize)]
struct SavedListIn {
    format: Field<String>,
    version: Field<f64>,
    scenarios: Field<Vec<Loose<FileIn>>>,
}

/// Line and column (1-based, in characters) of byte `at`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// Where lists and objects first nest deeper than [`MAX_DEPTH`] (a byte offset), found
/// without parsing, so that the parser never recurses deeper.
fn too_deep(b: &[u8]) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, &c) in b.iter().enumerate() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn not_json(e: &serde_json::Error) -> Problem {
    let text = e.to_string();
    // serde_json ends its message with " at line L column C", given apart.
    let what = text
        .rfind(" at line ")
        .map_or(text.as_str(), |i| &text[..i])
        .to_string();
    Problem::NotJson {
        line: e.line(),
        column: e.column(),
        what,
    }
}

/// Reads `T` from a text within the limits: too large or too deep is refused before it is
/// parsed, and only an object is a scenario or a list of them.
fn read<T: DeserializeOwned>(text: &str) -> Result<T, Vec<Problem>> {
    if text.len() > MAX_BYTES {
        return Err(vec![Problem::TooLarge]);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(at) = too_deep(text.as_bytes()) {
        let (line, column) = line_col(text, at);
        return Err(vec![Problem::TooDeep { line, column }]);
    }
    let object = text
        .trim_start_matches([' ', '\t', '\n', '\r'])
        .starts_with('{');
    if !object {
        // (A derived reader would take a list by position.)
        return Err(vec![match serde_json::from_str::<IgnoredAny>(text) {
            Ok(_) => Problem::NotAScenario,
            Err(e) => not_json(&e),
        }]);
    }
    serde_json::from_str(text).map_err(|e| vec![not_json(&e)])
}

fn check_version(v: Field<f64>, problems: &mut Vec<Problem>) {
    match v {
        None => problems.push(Problem::Missing("version")),
        Some(Loose::Ok(n)) if (1.0..=f64::from(VERSION)).contains(&n) && n.fract() == 0.0 => {}
        Some(Loose::Ok(n)) => problems.push(Problem::NewerVersion(crate::i18n::plain_number(n))),
        Some(Loose::Wrong(found)) => problems.push(Problem::WrongType {
            field: "version".into(),
            expected: Kind::Number,
            found,
        }),
    }
}

/// Collects the problems of one scenario while its fields become the pairs of a link.
struct Reading {
    problems: Vec<Problem>,
    pairs: Vec<(String, String)>,
}

impl Reading {
    fn wrong(&mut self, field: &str, expected: Kind, found: Kind) {
        self.problems.push(Problem::WrongType {
            field: field.to_string(),
            expected,
            found,
        });
    }
    /// A field that becomes the link's `key`, if it is of the type wanted.
    fn pair<T>(
        &mut self,
        field: &str,
        key: &str,
        v: Field<T>,
        expected: Kind,
        text: fn(T) -> String,
    ) {
        match v {
            None => {}
            Some(Loose::Ok(t)) => self.pairs.push((key.to_string(), text(t))),
            Some(Loose::Wrong(found)) => self.wrong(field, expected, found),
        }
    }
    fn string(&mut self, field: &str, key: &str, v: Field<String>) {
        self.pair(field, key, v, Kind::String, |s| s);
    }
}

/// One scenario as read (a file's, or an entry of the saved list).
fn from_file(f: FileIn) -> Result<Saved, Vec<Problem>> {
    if !matches!(&f.format, Some(Loose::Ok(x)) if x == FORMAT) {
        return Err(vec![Problem::NotAScenario]);
    }
    let mut r = Reading {
        problems: Vec::new(),
        pairs: Vec::new(),
    };
    check_version(f.version, &mut r.problems);
    let name = match f.name {
        None => String::new(),
        Some(Loose::Ok(n)) => n.trim().chars().take(MAX_NAME).collect(),
        Some(Loose::Wrong(found)) => {
            r.wrong("name", Kind::String, found);
            String::new()
        }
    };
    // The own organisation first: registered (not offered) so that the link decoder below
    // knows the baseline that names it.
    let mut organisation = None;
    if let Some(v) = f.organisation.filter(|v| !v.is_null()) {
        let text = serde_json::to_string(&v).unwrap_or_default();
        match crate::state::organisation::read(&text) {
            Ok(org) => {
                let content = org.to_json();
                crate::model::own::add(org.tree, org.name, &content);
                organisation = Some(content);
            }
            Err(ps) => r.problems.extend(ps.into_iter().map(Problem::Organisation)),
        }
    }
    // Everything else becomes the pairs of a link, checked by the link decoder.
    if f.case.is_none() {
        r.problems.push(Problem::Missing("case"));
    }
    r.string("case", "case", f.case);
    r.string("variant", "variant", f.variant);
    r.string("lang", "lang", f.lang);
    r.pair("step", "step", f.step, Kind::Number, Text::text);
    match f.view {
        None => {}
        Some(Loose::Ok(view)) => {
            r.pair("view.group", "group", view.group, Kind::Bool, |g| {
                if g { "1" } else { "0" }.to_string()
            });
            r.string("view.layout", "layout", view.layout);
            r.string("view.theme", "theme", view.theme);
            r.string("view.page", "view", view.page);
            r.string("view.four", "four", view.four);
        }
        Some(Loose::Wrong(found)) => r.wrong("view", Kind::Object, found),
    }
    match f.params {
        None => {}
        Some(Loose::Ok(Pairs(m))) if m.len() > MAX_PARAMS => r.problems.push(Problem::TooMany {
            field: "params",
            max: MAX_PARAMS,
        }),
        Some(Loose::Ok(Pairs(m))) => {
            for (k, x) in m {
                match x {
                    // Only parameter keys here: a "case" in params is not the case.
                    Loose::Ok(_) if url::STATE_KEYS.contains(&k.as_str()) => r
                        .problems
                        .push(Problem::Value(Notice::UnknownKey(format!("params.{k}")))),
                    Loose::Ok(t) => r.pairs.push((k, t.text())),
                    Loose::Wrong(found) => r.wrong(&format!("params.{k}"), Kind::Number, found),
                }
            }
        }
        Some(Loose::Wrong(found)) => r.wrong("params", Kind::Object, found),
    }
    match f.recipe {
        None => {}
        Some(Loose::Ok(recipe)) => {
            if recipe.base.is_none() {
                r.problems.push(Problem::Missing("recipe.base"));
            }
            r.string("recipe.base", "base", recipe.base);
            let max = crate::model::compose::MAX_STEPS;
            match recipe.levers {
                None => {}
                Some(Loose::Ok(a)) if a.len() > max => r.problems.push(Problem::TooMany {
                    field: "recipe.levers",
                    max,
                }),
                Some(Loose::Ok(a)) => {
                    let mut keys = Vec::new();
                    for (i, x) in a.into_iter().enumerate() {
                        match x {
                            Loose::Ok(k) if !k.contains(',') => keys.push(k),
                            Loose::Ok(_) => {
                                r.wrong(&format!("recipe.levers[{i}]"), Kind::String, Kind::String)
                            }
                            Loose::Wrong(found) => {
                                r.wrong(&format!("recipe.levers[{i}]"), Kind::String, found)
                            }
                        }
                    }
                    if !keys.is_empty() {
                        r.pairs.push(("levers".into(), keys.join(",")));
                    }
                }
                Some(Loose::Wrong(found)) => r.wrong("recipe.levers", Kind::List, found),
            }
        }
        Some(Loose::Wrong(found)) => r.wrong("recipe", Kind::Object, found),
    }
    match f.edits {
        None => {}
        Some(Loose::Ok(a)) if a.len() > MAX_EDITS => r.problems.push(Problem::TooMany {
            field: "edits",
            max: MAX_EDITS,
        }),
        Some(Loose::Ok(a)) => {
            for (i, e) in a.into_iter().enumerate() {
                match e {
                    Loose::Ok(EditIn { row, field, value })
                        if (1.0..=MAX_ROWS as f64).contains(&row) && row.fract() == 0.0 =>
                    {
                        r.pairs
                            .push((format!("s{}.{field}", row as usize), value.text()));
                    }
                    Loose::Ok(_) => r.wrong(&format!("edits[{i}]"), Kind::Edit, Kind::Object),
                    Loose::Wrong(found) => r.wrong(&format!("edits[{i}]"), Kind::Edit, found),
                }
            }
        }
        Some(Loose::Wrong(found)) => r.wrong("edits", Kind::List, found),
    }
    let query: Vec<String> = r
        .pairs
        .iter()
        .map(|(k, v)| format!("{}={}", url::percent_encode(k), url::percent_encode(v)))
        .collect();
    let (state, notices) = url::decode(&query.join("&"));
    // An own organisation the decoder does not know: say why, rather than "not a baseline".
    // Read as `Scope::parse` reads an organisation's scope (`org.own-…`).
    let names_own = |x: &str| {
        x.split_once('.').is_some_and(|(c, v)| {
            c.trim()
                .eq_ignore_ascii_case(crate::model::compose::ORG_KEY)
                && v.trim().starts_with(crate::model::own::KEY_PREFIX)
        })
    };
    r.problems.extend(notices.into_iter().map(|n| {
        let own = match &n {
            Notice::BadRecipe(x) => Some(x),
            Notice::BadOption { key, value } if key == "four" => Some(value),
            _ => None,
        }
        .filter(|x| names_own(x));
        match own {
            Some(x) if organisation.is_some() => Problem::OrganisationChanged(x.clone()),
            Some(x) => Problem::OrganisationMissing(x.clone()),
            None => Problem::Value(n),
        }
    }));
    if r.problems.is_empty() {
        Ok(Saved {
            name,
            state,
            organisation,
        })
    } else {
        Err(r.problems)
    }
}

/// A scenario file.
pub fn from_json(text: &str) -> Result<Saved, Vec<Problem>> {
    from_file(read(text)?)
}

/// The saved list from storage. A damaged list is an error (the caller falls back to the
/// backup copy); entries that no longer read (a parameter removed since) are left out and
/// counted.
pub fn saved_from_json(text: &str) -> Result<(Vec<Saved>, usize), Vec<Problem>> {
    let list: SavedListIn = read(text)?;
    if !matches!(&list.format, Some(Loose::Ok(x)) if x == SAVED_FORMAT) {
        return Err(vec![Problem::NotAScenario]);
    }
    let mut problems = Vec::new();
    check_version(list.version, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    let Some(Loose::Ok(items)) = list.scenarios else {
        return Err(vec![Problem::Missing("scenarios")]);
    };
    let total = items.len();
    let mut out = Vec::new();
    for item in items.into_iter().take(MAX_SAVED) {
        if let Loose::Ok(Ok(s)) = match item {
            Loose::Ok(f) => Loose::Ok(from_file(f)),
            Loose::Wrong(k) => Loose::Wrong(k),
        } {
            out.push(s);
        }
    }
    let dropped = total - out.len();
    Ok((out, dropped))
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
            let saved = Saved {
                name: "试点 \"A\"".into(),
                state: state(q),
                organisation: None,
            };
            let text = to_json(&saved);
            assert_eq!(from_json(&text), Ok(saved.clone()), "{text}");
        }
        // Every case and variant at its defaults.
        for c in CaseId::ALL {
            for v in c.variants() {
                let saved = Saved {
                    name: v.key.into(),
                    state: state(&format!("?case={}&variant={}", c.key(), v.key)),
                    organisation: None,
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
                organisation: None,
            },
            Saved {
                name: "b".into(),
                state: state("?case=tianjin&variant=binhai"),
                organisation: None,
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
    fn limits_are_checked_before_reading() {
        let big = format!("{{\"name\": \"{}\"}}", "x".repeat(MAX_BYTES));
        assert_eq!(from_json(&big), Err(vec![Problem::TooLarge]));
        assert_eq!(saved_from_json(&big), Err(vec![Problem::TooLarge]));
        // As deep as allowed reads (and is then no scenario); one more level is refused.
        let nest = |n: usize| format!("{{\"a\":\n{}{}}}", "[".repeat(n - 1), "]".repeat(n - 1));
        assert_eq!(
            from_json(&nest(MAX_DEPTH)),
            Err(vec![Problem::NotAScenario])
        );
        assert_eq!(
            from_json(&nest(MAX_DEPTH + 1)),
            Err(vec![Problem::TooDeep {
                line: 2,
                column: MAX_DEPTH
            }])
        );
        // Brackets inside strings are not nesting.
        let quoted = format!(
            "{{\"format\": \"{}\\\"{}\"}}",
            "[".repeat(40),
            "{".repeat(40)
        );
        assert_eq!(from_json(&quoted), Err(vec![Problem::NotAScenario]));
        for p in [
            Problem::TooLarge,
            Problem::TooDeep { line: 1, column: 1 },
            Problem::Unreadable,
        ] {
            for l in Lang::ALL {
                assert!(!p.message(l).contains('{'), "{p:?}");
            }
        }
    }
}
