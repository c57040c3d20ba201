//! The URL query as the public interface: `?case=daqing&variant=urban&lang=en&staff=3000`.
//!
//! `decode` is total: unknown keys, unknown cases and bad values become `Notice`s and fall back
//! to defaults; whatever else in the query is good is still used.
//!
//! The format is versioned: `encode` writes `v=` [`URL_VERSION`]. A link without `v` is from
//! before versioning and reads the same way (the keys have not changed since); a link from a
//! newer version is read as far as this one understands, with a notice.

use crate::analysis::compare::CITY_SPECS;
use crate::i18n::{trf, Lang, Msg};
use crate::layout::diagram::Orient;
use crate::model::cases::{CaseId, Variant};
use crate::model::compose::{Recipe, RecipeError, Scope};
use crate::model::params::ParamError;

/// The version of the query format that `encode` writes.
pub const URL_VERSION: u32 = 1;

/// The keys that say what to show, not a parameter's value.
pub const STATE_KEYS: &[&str] = &[
    "case", "variant", "lang", "group", "step", "layout", "theme", "v", "embed", "view", "base",
    "four", "levers", "show", "present",
];

/// One part of the embedded page (`show=figures,diagrams,table`), in the order it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// The key-figures strip.
    Figures,
    /// The step control.
    Steps,
    /// The "before" and "after" diagrams.
    Diagrams,
    /// One chart on its own: staff at headquarters and on the front line.
    Chart,
    /// The numbers section (its tables, and its charts unless `Chart` is shown too).
    Table,
}

impl Part {
    pub const ALL: [Part; 5] = [
        Part::Figures,
        Part::Steps,
        Part::Diagrams,
        Part::Chart,
        Part::Table,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Part::Figures => "figures",
            Part::Steps => "steps",
            Part::Diagrams => "diagrams",
            Part::Chart => "chart",
            Part::Table => "table",
        }
    }
    pub fn from_key(k: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.key() == k)
    }
    fn bit(self) -> u8 {
        1 << Part::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// The parts an embedded page shows; never none. The default is what the embed showed before
/// it could be chosen (key figures, diagrams, numbers), so older embed links look the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Parts(u8);

impl Default for Parts {
    fn default() -> Self {
        Parts::of(&[Part::Figures, Part::Diagrams, Part::Table])
    }
}

impl Parts {
    /// These parts; none gives the default.
    pub fn of(parts: &[Part]) -> Parts {
        let bits = parts.iter().fold(0, |b, p| b | p.bit());
        if bits == 0 {
            Parts::default()
        } else {
            Parts(bits)
        }
    }
    pub fn has(self, p: Part) -> bool {
        self.0 & p.bit() != 0
    }
    /// With `p` shown or not; taking away the last part leaves it.
    pub fn with(self, p: Part, on: bool) -> Parts {
        let bits = if on {
            self.0 | p.bit()
        } else {
            self.0 & !p.bit()
        };
        if bits == 0 {
            self
        } else {
            Parts(bits)
        }
    }
    /// The parts shown, in drawing order.
    pub fn list(self) -> Vec<Part> {
        Part::ALL.into_iter().filter(|p| self.has(*p)).collect()
    }
    /// `figures,diagrams,table`.
    pub fn key(self) -> String {
        self.list()
            .iter()
            .map(|p| p.key())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// The page shown: one case's model, or one city under all four models (`view=compare`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Case,
    Compare,
    /// The user's own reform (`view=compose&base=…&levers=…`).
    Compose,
}

impl View {
    pub fn key(self) -> &'static str {
        match self {
            View::Case => "case",
            View::Compare => "compare",
            View::Compose => "compose",
        }
    }
    pub fn from_key(k: &str) -> Option<View> {
        [View::Case, View::Compare, View::Compose]
            .into_iter()
            .find(|v| v.key() == k)
    }
}

/// Presenter mode (`present=1`: the projector's window, `present=notes`: the presenter's notes
/// window that follows it); fixed for the page, like `embed`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Present {
    #[default]
    Off,
    /// The projector's window: one step a screen, large.
    Projector,
    /// The notes window: quotes, the step's description and the next step.
    Notes,
}

impl Present {
    pub const ALL: [Present; 3] = [Present::Off, Present::Projector, Present::Notes];
    /// The value of `present=` (`0` is the default and never written).
    pub fn key(self) -> &'static str {
        match self {
            Present::Off => "0",
            Present::Projector => "1",
            Present::Notes => "notes",
        }
    }
    pub fn from_key(k: &str) -> Option<Present> {
        Present::ALL.into_iter().find(|p| p.key() == k)
    }
    pub fn is_on(self) -> bool {
        self != Present::Off
    }
}

/// What the query selects. Parameter values are kept as the raw, validated text.
#[derive(Clone, Debug, PartialEq)]
pub struct UrlState {
    pub case: CaseId,
    /// The variant key; always one of the case's variants when the case is modelled.
    pub variant: String,
    pub lang: Lang,
    /// Group identical units in the diagrams.
    pub group: bool,
    /// Which way the diagrams grow (`layout=lr`).
    pub orient: Orient,
    pub theme: Theme,
    /// Valid parameter values that the query sets, in query order.
    pub params: Vec<(String, String)>,
    /// The step shown as "after" (0 = baseline, the number of levers = final); `None` = final.
    pub step: Option<usize>,
    /// Valid table-row edits (`s3.staff=12`): row number, field key, raw value; sorted.
    pub edits: Vec<(usize, String, String)>,
    /// Embedded in another page (`embed=1`): diagrams and numbers only.
    pub embed: bool,
    /// What the embedded page shows (`show=`); the default when not embedded.
    pub show: Parts,
    /// Presenter mode (`present=1` or `present=notes`).
    pub present: Present,
    pub view: View,
    /// The composed reform (`base`, `levers`); kept whichever page is shown. With
    /// `view=compose` the parameters are the composed variant's (`daqing.urban.staff`).
    pub recipe: Option<Recipe>,
    /// Valid values of the compared city (`city_…`, see `analysis::compare::CITY_SPECS`), in
    /// query order; kept whichever page is shown.
    pub city: Vec<(String, String)>,
    /// The organisation the comparison page applies the four reforms to (`four=daqing.urban`);
    /// `None` is the default, the typical city.
    pub four: Option<Scope>,
}

/// The colour theme: the system's light or dark by default, or one chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
    /// High contrast, large text, for projectors in training rooms.
    Projector,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Dark, Theme::Projector];
    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Projector => "projector",
        }
    }
    pub fn from_key(k: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.key() == k)
    }
}

/// The cases whose models the page a link (`search`, the query with its `?`) opens needs before
/// it is built: the case the link names (or the default), or, for any page but a case's own (the
/// comparison, the composer, a composed reform or an organisation, presenter mode), all four.
pub fn cases_needed(search: &str) -> Vec<CaseId> {
    let mut case = None;
    for pair in search.trim_start_matches('?').split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match k {
            "view" | "base" | "levers" | "four" | "present" => return CaseId::ALL.to_vec(),
            "case" => case = CaseId::from_key(v),
            _ => {}
        }
    }
    vec![case.unwrap_or_default()]
}

/// The language a link's page shows, as [`decode`] reads it (the last `lang=`; the default for
/// an unknown one), for the page to load that language's part of the wasm before it is built
/// (`ui::langs`). index.html's early script (scripts/split.mjs) applies the same rule.
pub fn lang_needed(search: &str) -> Lang {
    pairs(search)
        .iter()
        .rev()
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::from_code(v))
        .unwrap_or_default()
}

/// Something in the query that was not used, and why.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    UnknownKey(String),
    UnknownCase(String),
    /// A case the app knows but does not model yet.
    CaseNotModelled(CaseId),
    UnknownVariant(String),
    UnknownLang(String),
    /// A step number the variant does not have.
    BadStep(String),
    /// A link written by a newer version of the app (`v` above [`URL_VERSION`]) or a `v`
    /// that is not a version number.
    NewerFormat(String),
    /// A composed reform's `base` or `levers` that cannot be read.
    BadRecipe(String),
    /// A view option (`theme`, `layout`, `embed`) with a value it does not take.
    BadOption {
        key: String,
        value: String,
    },
    BadValue {
        key: String,
        value: String,
        error: ParamError,
    },
    /// More `key=value` parts than are read (`MAX_PAIRS`): those past it are ignored.
    TooManyParts(usize),
    /// A composed reform of more measures than a link may list (`MAX_STEPS`).
    TooManyLevers(usize),
}

impl Notice {
    /// What is wrong and what the page does about it ("…; the default is used").
    pub fn message(&self, lang: Lang) -> String {
        self.say(lang, false)
    }

    /// What is wrong, without what a link does about it: a scenario file with any problem is
    /// refused whole, so nothing is ignored or replaced by a default.
    pub fn problem(&self, lang: Lang) -> String {
        self.say(lang, true)
    }

    fn say(&self, lang: Lang, file: bool) -> String {
        let m = |link: Msg, in_file: Msg| if file { in_file } else { link };
        match self {
            Notice::UnknownKey(k) => trf(lang, m(Msg::UrlUnknownKey, Msg::FileUnknownKey), &[k]),
            Notice::UnknownCase(v) => trf(lang, m(Msg::UrlUnknownCase, Msg::FileUnknownCase), &[v]),
            Notice::CaseNotModelled(c) => trf(
                lang,
                m(Msg::UrlCaseNotModelled, Msg::FileCaseNotModelled),
                &[c.name().get(lang)],
            ),
            Notice::UnknownVariant(v) => trf(
                lang,
                m(Msg::UrlUnknownVariant, Msg::FileUnknownVariant),
                &[v],
            ),
            Notice::UnknownLang(v) => trf(lang, m(Msg::UrlUnknownLang, Msg::FileUnknownLang), &[v]),
            Notice::BadStep(v) => trf(lang, m(Msg::UrlBadStep, Msg::FileBadStep), &[v]),
            Notice::NewerFormat(v) => {
                trf(lang, Msg::UrlNewerFormat, &[v, &URL_VERSION.to_string()])
            }
            Notice::BadOption { key, value } => trf(
                lang,
                m(Msg::UrlBadOption, Msg::FileBadOption),
                &[key, value],
            ),
            Notice::BadRecipe(v) => trf(lang, m(Msg::UrlBadRecipe, Msg::FileBadRecipe), &[v]),
            Notice::TooManyLevers(n) => trf(
                lang,
                m(Msg::UrlTooManyLevers, Msg::FileTooManyLevers),
                &[&n.to_string()],
            ),
            Notice::TooManyParts(n) => trf(
                lang,
                Msg::UrlTooManyParts,
                &[&n.to_string(), &MAX_PAIRS.to_string()],
            ),
            Notice::BadValue { key, value, error } => trf(
                lang,
                m(Msg::UrlBadValue, Msg::FileBadValue),
                &[key, value, &error.message(lang)],
            ),
        }
    }
}

/// Keys longer than this, values longer than this, and queries with more pairs than this are
/// cut short: a link is not a place for megabytes.
const MAX_KEY: usize = 64;
const MAX_VALUE: usize = 1024;
const MAX_PAIRS: usize = 200;
/// Table rows a link may edit.
pub const MAX_ROWS: usize = 200;

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes `%XX` and `+`; malformed escapes are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes everything but unreserved characters.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn clip(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// Splits a query (with or without the leading `?`) into decoded pairs.
pub fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .take(MAX_PAIRS)
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (
                clip(&percent_decode(k), MAX_KEY),
                clip(&percent_decode(v), MAX_VALUE),
            )
        })
        .collect()
}

/// Reads a query. Later duplicates of a key win, as in most web frameworks.
pub fn decode(query: &str) -> (UrlState, Vec<Notice>) {
    let pairs = pairs(query);
    let mut notices = Vec::new();
    if pairs.len() == MAX_PAIRS {
        let all = query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .count();
        if all > MAX_PAIRS {
            notices.push(Notice::TooManyParts(all));
        }
    }
    let last = |key: &str| {
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    };

    let case = match last("case") {
        None => CaseId::default(),
        Some(v) => match CaseId::from_key(&v) {
            Some(c) if c.is_modelled() => c,
            Some(c) => {
                notices.push(Notice::CaseNotModelled(c));
                CaseId::default()
            }
            None => {
                notices.push(Notice::UnknownCase(v));
                CaseId::default()
            }
        },
    };
    let variants = case.variants();
    let default_variant = variants.first().map_or("", |v| v.key);
    let variant = match last("variant") {
        None => default_variant.to_string(),
        Some(v) => match case.variant(&v) {
            Some(found) => found.key.to_string(),
            None => {
                notices.push(Notice::UnknownVariant(v));
                default_variant.to_string()
            }
        },
    };
    let lang = match last("lang") {
        None => Lang::default(),
        Some(v) => Lang::from_code(&v).unwrap_or_else(|| {
            notices.push(Notice::UnknownLang(v));
            Lang::default()
        }),
    };
    let group = !matches!(
        last("group").as_deref(),
        Some("0") | Some("false") | Some("off")
    );
    let mut option = |key: &str, parse: &dyn Fn(&str) -> bool| -> Option<String> {
        let v = last(key)?;
        if parse(&v) {
            Some(v)
        } else {
            notices.push(Notice::BadOption {
                key: key.to_string(),
                value: v,
            });
            None
        }
    };
    let orient = option("layout", &|v| Orient::from_key(v).is_some())
        .and_then(|v| Orient::from_key(&v))
        .unwrap_or_default();
    let theme = option("theme", &|v| Theme::from_key(v).is_some())
        .and_then(|v| Theme::from_key(&v))
        .unwrap_or_default();
    let embed = option("embed", &|v| matches!(v, "0" | "1")).is_some_and(|v| v == "1");
    let present = option("present", &|v| Present::from_key(v).is_some())
        .and_then(|v| Present::from_key(&v))
        .unwrap_or_default();
    let four = option("four", &|v| Scope::parse(v).is_some())
        .and_then(|v| Scope::parse(&v))
        .filter(|s| !s.is_typical_city());
    let view = option("view", &|v| View::from_key(v).is_some())
        .and_then(|v| View::from_key(&v))
        .unwrap_or_default();
    // The parts of an embedded page: each unknown one named; none known leaves the default.
    let mut show = Parts::default();
    if let Some(v) = last("show") {
        let mut known = Vec::new();
        let mut bad = false;
        for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match Part::from_key(part) {
                Some(p) => known.push(p),
                None => {
                    bad = true;
                    notices.push(Notice::BadOption {
                        key: "show".to_string(),
                        value: part.to_string(),
                    });
                }
            }
        }
        if known.is_empty() && !bad {
            notices.push(Notice::BadOption {
                key: "show".to_string(),
                value: v.clone(),
            });
        }
        if embed {
            show = Parts::of(&known);
        }
    }
    if let Some(v) = last("v") {
        match v.trim().parse::<u32>() {
            Ok(n) if n <= URL_VERSION => {}
            _ => notices.push(Notice::NewerFormat(v)),
        }
    }
    let recipe = match last("base") {
        None => None,
        Some(b) => match Recipe::parse(&b, &last("levers").unwrap_or_default()) {
            Ok(r) => Some(r),
            Err(e) => {
                notices.push(match e {
                    RecipeError::UnknownBase(x) | RecipeError::UnknownLever(x) => {
                        Notice::BadRecipe(x)
                    }
                    RecipeError::TooManyLevers(n) => Notice::TooManyLevers(n),
                });
                None
            }
        },
    };
    if recipe.is_none() && last("base").is_none() && last("levers").is_some() {
        notices.push(Notice::BadRecipe("levers".into()));
    }
    // The composer without a recipe starts from the case's own reform.
    let recipe = match (view, recipe) {
        (View::Compose, None) => case
            .variant(&variant)
            .map(|variant| Recipe::of_case(Scope::of(case, variant))),
        (_, r) => r,
    };
    let found = page_variant(
        case,
        &variant,
        view,
        recipe.as_ref(),
        pairs.iter().map(|(k, _)| k.as_str()),
    );
    let specs = found.map_or(&[][..], |v| v.specs);
    let row_specs = found.map_or(&[][..], |v| v.row_specs);
    let levers = found.map_or(0, |v| v.levers.len());
    let step = match last("step") {
        None => None,
        Some(v) => match v.trim().parse::<usize>() {
            Ok(n) if n < levers => Some(n),
            Ok(n) if n == levers => None,
            _ => {
                notices.push(Notice::BadStep(v));
                None
            }
        },
    };

    let mut params: Vec<(String, String)> = Vec::new();
    let mut edits: Vec<(usize, String, String)> = Vec::new();
    let mut city: Vec<(String, String)> = Vec::new();
    for (k, v) in &pairs {
        if STATE_KEYS.contains(&k.as_str()) {
            continue;
        }
        let bad = |error| Notice::BadValue {
            key: k.clone(),
            value: v.clone(),
            error,
        };
        // For each kind of key below, the last value wins, a bad one too (the default is then
        // used, as its notice says): an earlier value of the key is dropped first.
        if let Some(spec) = CITY_SPECS.iter().find(|s| s.key == k) {
            city.retain(|(ck, _)| ck != k);
            match spec.parse(v) {
                Ok(_) => city.push((k.clone(), v.trim().to_string())),
                Err(error) => notices.push(bad(error)),
            }
            continue;
        }
        // A table-row edit: s<row>.<field>.
        let row_edit = k.strip_prefix('s').and_then(|rest| {
            let (row, field) = rest.split_once('.')?;
            let row: usize = row.parse().ok().filter(|r| (1..=MAX_ROWS).contains(r))?;
            Some((row, row_specs.iter().find(|s| s.key == field)?))
        });
        if let Some((row, spec)) = row_edit {
            edits.retain(|(r, f, _)| !(*r == row && f == spec.key));
            match spec.parse(v) {
                Ok(_) => edits.push((row, spec.key.to_string(), v.trim().to_string())),
                Err(error) => notices.push(bad(error)),
            }
            continue;
        }
        match specs.iter().find(|s| s.key == k) {
            None => {
                if !notices.contains(&Notice::UnknownKey(k.clone())) {
                    notices.push(Notice::UnknownKey(k.clone()));
                }
            }
            Some(spec) => {
                params.retain(|(pk, _)| pk != k);
                match spec.parse(v) {
                    Ok(_) => params.push((k.clone(), v.trim().to_string())),
                    Err(error) => notices.push(bad(error)),
                }
            }
        }
    }
    crate::model::order::sort_by(&mut edits, |a, b| a < b);
    (
        UrlState {
            case,
            variant,
            lang,
            group,
            orient,
            theme,
            params,
            step,
            edits,
            embed,
            show,
            present,
            view,
            recipe,
            city,
            four,
        },
        notices,
    )
}

/// The variant a link's values belong to: the composed reform on the composer page; on the
/// comparison page, the composed reform too when the link has a value only it has (its keys
/// carry a scope prefix), so that the composer opened from there keeps them; else the case's
/// scope `variant`.
pub fn page_variant<'k>(
    case: CaseId,
    variant: &str,
    view: View,
    recipe: Option<&Recipe>,
    mut keys: impl Iterator<Item = &'k str>,
) -> Option<&'static Variant> {
    let own = case.variant(variant);
    let has = |v: &Variant, k: &str| v.specs.iter().any(|s| s.key == k);
    match (recipe, view) {
        (Some(r), View::Compose) => Some(r.variant()),
        (Some(r), View::Compare)
            if keys.any(|k| !own.is_some_and(|o| has(o, k)) && has(r.variant(), k)) =>
        {
            Some(r.variant())
        }
        _ => own,
    }
}

/// Writes a query for the state: case and variant always, the rest only when not default.
pub fn encode(state: &UrlState) -> String {
    let mut parts = vec![
        format!("case={}", state.case.key()),
        format!("variant={}", percent_encode(&state.variant)),
        format!("v={URL_VERSION}"),
    ];
    if state.embed {
        parts.push("embed=1".to_string());
        if state.show != Parts::default() {
            // Part keys are plain words: the commas stay readable.
            parts.push(format!("show={}", state.show.key()));
        }
    }
    if state.present.is_on() {
        parts.push(format!("present={}", state.present.key()));
    }
    if state.view != View::default() {
        parts.push(format!("view={}", state.view.key()));
    }
    if let Some(s) = &state.four {
        parts.push(format!("four={}", percent_encode(&s.key())));
    }
    if let Some(r) = &state.recipe {
        parts.push(format!("base={}", percent_encode(&r.base.key())));
        if !r.steps.is_empty() {
            parts.push(format!("levers={}", percent_encode(&r.levers_key())));
        }
    }
    if state.lang != Lang::default() {
        parts.push(format!("lang={}", state.lang.code()));
    }
    if !state.group {
        parts.push("group=0".to_string());
    }
    if state.orient != Orient::default() {
        parts.push(format!("layout={}", state.orient.key()));
    }
    if state.theme != Theme::default() {
        parts.push(format!("theme={}", state.theme.key()));
    }
    if let Some(step) = state.step {
        parts.push(format!("step={step}"));
    }
    for (k, v) in &state.params {
        parts.push(format!("{}={}", percent_encode(k), percent_encode(v)));
    }
    for (row, field, v) in &state.edits {
        parts.push(format!(
            "s{row}.{}={}",
            percent_encode(field),
            percent_encode(v)
        ));
    }
    for (k, v) in &state.city {
        parts.push(format!("{}={}", percent_encode(k), percent_encode(v)));
    }
    format!("?{}", parts.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_needs_the_language_its_link_shows() {
        for (q, l) in [
            ("", Lang::Zh),
            ("?lang=en", Lang::En),
            ("?lang=EN-gb&case=tianjin", Lang::En),
            ("?lang=zh-TW", Lang::ZhHant),
            ("?lang=en&lang=zh-hant", Lang::ZhHant),
            ("?lang=zh-hant&lang=en", Lang::En),
            ("?lang=fr", Lang::Zh),
            ("?lang=en&lang=fr", Lang::Zh),
            ("?lang=%65n", Lang::En),
            ("?lang", Lang::Zh),
        ] {
            assert_eq!(lang_needed(q), l, "{q}");
            assert_eq!(decode(q).0.lang, l, "{q}");
        }
    }

    #[test]
    fn a_case_page_needs_its_case_and_any_other_page_all_four() {
        assert_eq!(cases_needed(""), vec![CaseId::Daqing]);
        assert_eq!(
            cases_needed("?case=tianjin&variant=station&staff=3"),
            vec![CaseId::Tianjin]
        );
        assert_eq!(cases_needed("?case=HAIDONG&embed=1"), vec![CaseId::Haidong]);
        assert_eq!(cases_needed("?case=nowhere"), vec![CaseId::Daqing]);
        for other in [
            "view=compare",
            "view=compose&base=daqing.urban",
            "four=tianjin.station",
            "present=1",
            "levers=x",
        ] {
            assert_eq!(
                cases_needed(&format!("?case=zhejiang&{other}")),
                CaseId::ALL.to_vec(),
                "{other}"
            );
        }
    }

    /// The last value of a key wins, a bad one too: the default is used, as the notice says
    /// (an earlier good value was kept while the notice said the default was used).
    #[test]
    fn a_bad_last_value_gives_the_default_as_its_notice_says() {
        let (s, n) = decode("?case=daqing&staff=3000&staff=abc");
        assert!(
            !s.params.iter().any(|(k, _)| k == "staff"),
            "{:?}",
            s.params
        );
        assert!(matches!(&n[..], [Notice::BadValue { key, .. }] if key == "staff"));
        let (s, _) = decode("?case=daqing&staff=abc&staff=3000");
        assert!(s.params.iter().any(|(k, v)| k == "staff" && v == "3000"));
    }

    /// More measures than a link may list: the notice says so (it read "“> 24” is not a
    /// baseline or measure the composer knows").
    #[test]
    fn too_many_measures_say_so() {
        let levers = ["daqing.urban.fewer_tiers"; crate::model::compose::MAX_STEPS + 1].join(",");
        let (s, n) = decode(&format!("?view=compose&base=daqing.urban&levers={levers}"));
        assert_eq!(
            n,
            vec![Notice::TooManyLevers(crate::model::compose::MAX_STEPS)]
        );
        assert!(n[0].message(Lang::En).contains("more than 24 measures"));
        assert!(s.recipe.is_none() || s.recipe.as_ref().is_some_and(|r| r.steps.len() <= 24));
    }

    /// Parts past the 200th are ignored, and the notice says so (it was silent: a `case` at
    /// the end of a long link was dropped unseen); exactly 200 parts is no notice.
    #[test]
    fn a_link_of_too_many_parts_says_what_it_ignored() {
        let many = |n: usize| {
            let mut q: Vec<String> = (0..n).map(|i| format!("k{i}={i}")).collect();
            q.push("case=tianjin".into());
            q.join("&")
        };
        let (s, n) = decode(&many(MAX_PAIRS + 100));
        assert_eq!(s.case, CaseId::default());
        assert!(
            n.contains(&Notice::TooManyParts(MAX_PAIRS + 101)),
            "{:?}",
            &n[..3]
        );
        assert!(n
            .iter()
            .find(|x| matches!(x, Notice::TooManyParts(_)))
            .unwrap()
            .message(Lang::En)
            .contains("only the first 200"));
        let (_, n) = decode(&many(MAX_PAIRS - 1));
        assert!(!n.iter().any(|x| matches!(x, Notice::TooManyParts(_))));
    }

    #[test]
    fn links_carry_their_format_version_and_older_and_newer_ones_still_open() {
        let (s, n) = decode("?case=daqing&staff=3000");
        assert!(n.is_empty(), "{n:?}");
        let q = encode(&s);
        assert!(q.contains(&format!("v={URL_VERSION}")), "{q}");
        // A link from before versioning reads exactly as the same link with v=1.
        assert_eq!(decode("?case=daqing&staff=3000&v=1").0, s);
        // A newer link: what this version knows is still used, and the user is told.
        let (s2, n2) = decode("?case=daqing&staff=3000&v=7");
        assert_eq!(s2.params, s.params);
        assert_eq!(n2, vec![Notice::NewerFormat("7".into())]);
        assert!(n2[0].message(Lang::En).contains('7'));
        assert_eq!(decode("?v=abc").1, vec![Notice::NewerFormat("abc".into())]);
    }

    #[test]
    fn embed_mode_round_trips() {
        let (s, n) = decode("?case=zhejiang&embed=1");
        assert!(n.is_empty() && s.embed, "{n:?}");
        assert!(encode(&s).contains("embed=1"));
        assert_eq!(decode(&encode(&s)).0, s);
        assert!(!decode("?case=zhejiang").0.embed);
        assert!(!encode(&decode("?case=zhejiang").0).contains("embed"));
        let (s, n) = decode("?embed=yes");
        assert!(!s.embed);
        assert_eq!(n.len(), 1);
    }

    #[test]
    fn the_embedded_parts_round_trip_and_bad_ones_are_named() {
        // Without `show` an embed shows what it always has, and nothing is written.
        let (s, n) = decode("?case=daqing&embed=1");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.show, Parts::default());
        assert_eq!(
            s.show.list(),
            vec![Part::Figures, Part::Diagrams, Part::Table]
        );
        assert!(!encode(&s).contains("show"));
        // Any order, duplicates, spaces: read as the set, written in drawing order.
        let (s, n) = decode("?case=daqing&embed=1&show=table,%20chart,figures,chart");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.show.list(), vec![Part::Figures, Part::Chart, Part::Table]);
        let q = encode(&s);
        assert!(q.contains("show=figures,chart,table"), "{q}");
        assert_eq!(decode(&q).0, s);
        // Every single part, and all of them.
        for p in Part::ALL {
            let (s, n) = decode(&format!("?embed=1&show={}", p.key()));
            assert!(n.is_empty(), "{n:?}");
            assert_eq!(s.show.list(), vec![p]);
            assert_eq!(decode(&encode(&s)).0, s);
        }
        let all = Parts::of(&Part::ALL);
        assert_eq!(decode(&format!("?embed=1&show={}", all.key())).0.show, all);
        // Unknown parts are named, the known ones kept; none known leaves the default.
        let (s, n) = decode("?embed=1&show=chart,map,steps");
        assert_eq!(s.show.list(), vec![Part::Steps, Part::Chart]);
        assert_eq!(
            n,
            vec![Notice::BadOption {
                key: "show".into(),
                value: "map".into()
            }]
        );
        assert!(n[0].message(Lang::En).contains("map"));
        for bad in ["", ",", "everything"] {
            let (s, n) = decode(&format!("?embed=1&show={bad}"));
            assert_eq!(s.show, Parts::default(), "{bad:?}");
            assert_eq!(n.len(), 1, "{bad:?}: {n:?}");
        }
        // Outside an embed the parts mean nothing and are not kept (a full page shows all).
        let (s, n) = decode("?case=daqing&show=chart");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.show, Parts::default());
        assert_eq!(decode(&encode(&s)).0, s);
        // The last part cannot be taken away.
        let one = Parts::of(&[Part::Chart]);
        assert_eq!(one.with(Part::Chart, false), one);
        assert_eq!(
            one.with(Part::Steps, true).list(),
            vec![Part::Steps, Part::Chart]
        );
    }

    #[test]
    fn presenter_mode_round_trips() {
        for (q, p) in [
            ("?case=daqing&present=1&step=2", Present::Projector),
            ("?case=tianjin&present=notes&lang=en", Present::Notes),
            ("?case=daqing&present=0", Present::Off),
        ] {
            let (s, n) = decode(q);
            assert!(n.is_empty(), "{q}: {n:?}");
            assert_eq!(s.present, p, "{q}");
            let back = encode(&s);
            assert_eq!(back.contains("present="), p.is_on(), "{back}");
            if p.is_on() {
                assert!(back.contains(&format!("present={}", p.key())), "{back}");
            }
            assert_eq!(decode(&back), (s, vec![]), "{back}");
        }
        // The step stays with presenter mode: the projector's step is the page's.
        let (s, _) = decode("?case=daqing&present=1&step=2");
        assert_eq!(s.step, Some(2));
        assert!(encode(&s).contains("step=2"));
        // Absent is off; a bad value is named and ignored.
        assert_eq!(decode("?case=daqing").0.present, Present::Off);
        let (s, n) = decode("?case=daqing&present=yes");
        assert_eq!(s.present, Present::Off);
        assert_eq!(
            n,
            vec![Notice::BadOption {
                key: "present".into(),
                value: "yes".into()
            }]
        );
        // Not a parameter: no "unknown key" notice.
        assert!(!n.iter().any(|x| matches!(x, Notice::UnknownKey(_))));
    }

    #[test]
    fn empty_query_gives_defaults() {
        let (s, n) = decode("");
        assert_eq!(s.case, CaseId::Daqing);
        assert_eq!(s.variant, "urban");
        assert_eq!(s.lang, Lang::Zh);
        assert!(s.group);
        assert!(s.params.is_empty());
        assert!(n.is_empty());
    }

    #[test]
    fn view_options_round_trip_and_bad_ones_are_named() {
        let (s, n) = decode("?case=daqing&layout=lr&theme=projector");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!((s.orient, s.theme), (Orient::LeftRight, Theme::Projector));
        let q = encode(&s);
        assert!(
            q.contains("layout=lr") && q.contains("theme=projector"),
            "{q}"
        );
        assert_eq!(decode(&q).0, s);
        // Defaults are not written.
        let (d, _) = decode("?case=daqing");
        assert!(!encode(&d).contains("layout") && !encode(&d).contains("theme"));
        let (s, n) = decode("?case=daqing&layout=sideways&theme=neon");
        assert_eq!((s.orient, s.theme), (Orient::TopDown, Theme::Auto));
        assert_eq!(n.len(), 2);
        assert!(n[0].message(Lang::En).contains("sideways"));
    }

    #[test]
    fn reads_case_lang_and_params() {
        let (s, n) = decode("?case=daqing&lang=en&staff=3000&group=0");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.lang, Lang::En);
        assert!(!s.group);
        assert_eq!(s.params, vec![("staff".into(), "3000".into())]);
    }

    #[test]
    fn bad_input_becomes_notices() {
        let (s, n) = decode("?case=atlantis&lang=xx&staff=abc&bogus=1&pair_size=99");
        assert_eq!(s.case, CaseId::Daqing);
        assert_eq!(s.lang, Lang::Zh);
        assert!(s.params.is_empty());
        assert!(n.contains(&Notice::UnknownCase("atlantis".into())));
        assert!(n.contains(&Notice::UnknownLang("xx".into())));
        assert!(n.contains(&Notice::UnknownKey("bogus".into())));
        assert_eq!(
            n.iter()
                .filter(|x| matches!(x, Notice::BadValue { .. }))
                .count(),
            2
        );
        for x in &n {
            assert!(!x.message(Lang::Zh).is_empty() && !x.message(Lang::En).is_empty());
        }
    }

    #[test]
    fn every_case_opens_from_its_key() {
        for c in CaseId::ALL {
            let (s, n) = decode(&format!("?case={}", c.key()));
            assert!(c.is_modelled(), "{}", c.key());
            assert_eq!(s.case, c);
            assert_eq!(s.variant, c.variants()[0].key);
            assert!(n.is_empty(), "{n:?}");
        }
        // A variant key of another case is not taken.
        let (s, n) = decode("?case=zhejiang&variant=urban");
        assert_eq!(s.variant, "nanhu");
        assert_eq!(n, vec![Notice::UnknownVariant("urban".into())]);
    }

    #[test]
    fn reads_the_step() {
        let levers = CaseId::Daqing.variants()[0].levers.len();
        let (s, n) = decode("?step=1");
        assert!(n.is_empty());
        assert_eq!(s.step, Some(1));
        let (s, n) = decode(&format!("?step={levers}"));
        assert!(n.is_empty());
        assert_eq!(s.step, None, "the last step is the default");
        for bad in ["99", "-1", "x", ""] {
            let (s, n) = decode(&format!("?step={bad}"));
            assert_eq!(s.step, None);
            assert_eq!(n, vec![Notice::BadStep(bad.into())]);
        }
    }

    #[test]
    fn round_trips() {
        let (s, _) = decode("?case=daqing&lang=en&staff=3000&population=2500000&group=0&step=2");
        let (t, n) = decode(&encode(&s));
        assert!(n.is_empty());
        assert_eq!(s, t);
    }

    #[test]
    fn percent_coding() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("%E5%A4%A7"), "大");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode(&percent_encode("大庆 & =?")), "大庆 & =?");
    }

    #[test]
    fn the_comparison_page_and_its_city() {
        let (u, n) = decode("?view=compare&city_stations=40&city_area=1e9&case=tianjin");
        assert_eq!(u.view, View::Compare);
        assert_eq!(u.case, CaseId::Tianjin);
        assert_eq!(
            u.city,
            vec![("city_stations".to_string(), "40".to_string())]
        );
        assert!(matches!(&n[..], [Notice::BadValue { key, .. }] if key == "city_area"));
        let back = encode(&u);
        assert!(back.contains("view=compare") && back.contains("city_stations=40"));
        assert_eq!(decode(&back).0, u);
        let (u, n) = decode("?view=elsewhere");
        assert_eq!(u.view, View::Case);
        assert_eq!(n.len(), 1);
    }

    #[test]
    fn a_comparison_link_keeps_the_values_of_the_page_below_it() {
        let recipe = "view=compare&base=daqing.urban&levers=daqing.urban.fewer_tiers";
        // A composed reform's values (prefixed keys) are kept, and so is a case's.
        for (q, key) in [
            (
                format!("?{recipe}&daqing.urban.staff=3000"),
                "daqing.urban.staff",
            ),
            (format!("?{recipe}&staff=3000"), "staff"),
        ] {
            let (u, n) = decode(&q);
            assert!(n.is_empty(), "{q}: {n:?}");
            assert_eq!(u.params, vec![(key.to_string(), "3000".to_string())]);
            assert_eq!(decode(&encode(&u)).0, u);
        }
        // Without a recipe a prefixed key is unknown.
        let (_, n) = decode("?view=compare&daqing.urban.staff=3000");
        assert_eq!(n, vec![Notice::UnknownKey("daqing.urban.staff".into())]);
    }
}
