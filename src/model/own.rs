//! The user's own organisation: a tree read from a file (`state::organisation`), made a scope
//! like the typical city (`org.own-<hash>`, `compose::Scope::own`), a "before" with no measures of its own that every
//! case's reform, the four reforms and the composer apply to.
//!
//! Scopes are `&'static Variant`s, so each distinct organisation is kept for the page's life
//! (like composed variants): registering the same tree again gives the same scope, and the key
//! is a hash of its content, so a link made with one organisation never opens another. A
//! session imports a handful; each costs its tree once.

use std::sync::{Mutex, OnceLock};

use crate::i18n::{Name, Text};
use crate::model::cases::{Baseline, Variant};
use crate::model::org::{Rank, Unit};
use crate::model::planning::RESPONSE_OFF;

/// The prefix of an own organisation's variant key (`own-1a2b3c4d5e6f7a8b`).
pub const KEY_PREFIX: &str = "own-";

const NOTE: Text = Text::new(
    "这是你导入的组织：每个数字都来自你的文件，不来自资料，也不是模型的假设。措施按它所属案例的参数运行；在你的组织上，资料给出的绝对数目按同样的比例换算。",
    "This is the organisation you imported: every figure of it comes from your file, not from the sources, and is no assumption of the model's. Measures run with the parameters of the case they come from; on your organisation, counts the sources give become the same share of what the measure counts here.",
);

struct Registry {
    /// Every organisation registered this session, oldest first, with its file's text.
    all: Vec<(&'static Variant, &'static str, Name)>,
    /// The one the page offers (the last imported or opened).
    current: Option<&'static Variant>,
}

fn registry() -> &'static Mutex<Registry> {
    static R: OnceLock<Mutex<Registry>> = OnceLock::new();
    R.get_or_init(|| {
        Mutex::new(Registry {
            all: Vec::new(),
            current: None,
        })
    })
}

/// FNV-1a, 64 bits: stable across runs and builds (unlike `std`'s hasher), so a key written
/// into a link or a saved scenario finds the same organisation again.
pub fn content_hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The variant key of the organisation whose file text is `content`.
pub fn key_of(content: &str) -> String {
    format!("{KEY_PREFIX}{:016x}", content_hash(content))
}

/// Makes `tree` (named `name`) a scope and the current own organisation. `content` is the
/// tree's canonical text (the organisation file), whose hash is the key: the same content
/// gives the same scope, and registers nothing new.
pub fn register(tree: Unit, name: Name, content: &str) -> Option<&'static Variant> {
    let v = add(tree, name, content)?;
    registry().lock().ok()?.current = Some(v);
    Some(v)
}

/// Registers `tree` as `register` does, without making it the one the page offers (an
/// organisation a saved scenario carries, read with the saved list).
pub fn add(tree: Unit, name: Name, content: &str) -> Option<&'static Variant> {
    let key = key_of(content);
    let mut r = registry().lock().ok()?;
    if let Some((v, _, _)) = r.all.iter().find(|(v, _, _)| v.key == key) {
        return Some(*v);
    }
    let v: &'static Variant = Box::leak(Box::new(make(tree, &name, key)));
    r.all.push((v, leak_str(content.to_string()), name));
    Some(v)
}

/// Makes the registered organisation `v` the one the page offers.
pub fn make_current(v: &'static Variant) {
    if let Ok(mut r) = registry().lock() {
        r.current = Some(v);
    }
}

/// The file text an own organisation was registered with (what a scenario that uses it
/// carries), by its variant key.
pub fn content(key: &str) -> Option<&'static str> {
    let r = registry().lock().ok()?;
    r.all
        .iter()
        .find(|(v, _, _)| v.key == key)
        .map(|(_, c, _)| *c)
}

/// The name an own organisation was registered with, by its variant key.
pub fn name(key: &str) -> Option<Name> {
    let r = registry().lock().ok()?;
    r.all
        .iter()
        .find(|(v, _, _)| v.key == key)
        .map(|(_, _, n)| n.clone())
}

fn make(tree: Unit, name: &Name, key: String) -> Variant {
    let zh = name.get(crate::i18n::Lang::Zh);
    let en = name.get(crate::i18n::Lang::En);
    Variant {
        key: leak_str(key),
        name: Text::new(
            leak_str(format!("我的组织：{zh}")),
            leak_str(format!("Own organisation: {en}")),
        ),
        specs: RESPONSE_OFF,
        row_specs: &[],
        baseline: Baseline::Given(Box::leak(Box::new(tree))),
        levers: &[],
        // The figures every organisation has, as the typical city shows them.
        metrics: crate::model::typical_city::VARIANT.metrics,
        reported: &[],
        key_figures: crate::model::typical_city::VARIANT.key_figures,
        notes: std::slice::from_ref(&NOTE),
        composed: None,
    }
}

/// The own organisation the page offers, if one was imported.
pub fn current() -> Option<&'static Variant> {
    registry().lock().ok()?.current
}

/// Forgets which one is current (the page's "back to the case's own organisation" keeps the
/// registered ones for links already made).
pub fn clear_current() {
    if let Ok(mut r) = registry().lock() {
        r.current = None;
    }
}

/// The registered organisation with variant key `key`.
pub fn find(key: &str) -> Option<&'static Variant> {
    let r = registry().lock().ok()?;
    r.all
        .iter()
        .find(|(v, _, _)| v.key == key)
        .map(|(v, _, _)| *v)
}

/// A rank list read from a file, as `&'static` ranks: the known ones where the texts match one,
/// else leaked once per distinct list (a file has a handful).
pub fn ranks(list: &[(String, String)]) -> &'static [Rank] {
    type Cache = Mutex<Vec<(Vec<(String, String)>, &'static [Rank])>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    if list.is_empty() {
        return &[];
    }
    let cache = CACHE.get_or_init(Default::default);
    let Ok(mut c) = cache.lock() else {
        return &[];
    };
    if let Some((_, r)) = c.iter().find(|(k, _)| k.as_slice() == list) {
        return r;
    }
    let made: Vec<Rank> = list
        .iter()
        .map(|(zh, en)| Rank(Text::new(leak_str(zh.clone()), leak_str(en.clone()))))
        .collect();
    let made: &'static [Rank] = Box::leak(made.into_boxed_slice());
    c.push((list.to_vec(), made));
    made
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}
