//! The user's own organisation: a tree read from a file (`state::organisation`), made a scope
//! like the typical city (`org.own-<hash>`, `compose::Scope::own`), a "before" with no measures of its own that every
//! case's reform, the four reforms and the composer apply to.
//!
//! Scopes are `&'static Variant`s, so each distinct organisation is kept for the page's life
//! (like composed variants): registering the same tree again gives the same scope, and the key
//! is a hash of its content, so a link made with one organisation never opens another. Each
//! costs its variant, its key and its top unit; an edited tree shares every unit the edit did
//! not change with the tree it came from (and with the editor's undo list). File texts are
//! not kept here.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use crate::i18n::{Lang, Name, Text};
use crate::model::cases::{Baseline, KeyFigure, Variant};
use crate::model::metrics::MetricKey;
use crate::model::org::{Rank, Unit};
use crate::model::planning::RESPONSE_OFF;

/// The prefix of an own organisation's variant key (`own-1a2b3c4d5e6f7a8b`).
pub const KEY_PREFIX: &str = "own-";

const NOTE: Text = Text::new(
    "这是你导入的组织：每个数字都来自你的文件，不来自资料，也不是模型的假设。措施按它所属案例的参数运行；在你的组织上，资料给出的绝对数目按同样的比例换算。",
    "This is the organisation you imported: every figure of it comes from your file, not from the sources, and is no assumption of the model's. Measures run with the parameters of the case they come from; on your organisation, counts the sources give become the same share of what the measure counts here.",
);

/// Said of an organisation whose file gives no ranks.
const NOTE_NO_RANKS: Text = Text::new(
    "你的文件没有给出职级，所以这里不列指挥层次：改革前是 0 个职级，措施加上的职级会让改革后的层次看起来凭空出现。要看指挥层次，请在文件里加上“职级”列（ranks：每个单位的职级，用分号隔开）。",
    "Your file gives no ranks, so the command chain is not shown: with none before, the ranks a measure adds would make a chain appear from nothing. To see it, add a ranks column to the file (ranks or 职级: each unit's ranks, separated by semicolons).",
);

static NOTES: [Text; 1] = [NOTE];
static NOTES_NO_RANKS: [Text; 2] = [NOTE, NOTE_NO_RANKS];

/// The typical city's figures (those every organisation has), less the command chain: an
/// organisation without ranks has none to count.
static METRICS_NO_RANKS: OnceLock<Vec<MetricKey>> = OnceLock::new();
static KEY_FIGURES_NO_RANKS: OnceLock<Vec<KeyFigure>> = OnceLock::new();

/// Whether `v` is an own organisation whose file gives no ranks, or a reform composed on one:
/// the command chain is not known before, so it is shown neither before nor after (the
/// measures' ranks alone would make one appear from nothing).
pub fn lacks_ranks(v: &Variant) -> bool {
    let base = v
        .composed
        .and_then(|c| c.parts.first())
        .map_or(v, |s| s.variant);
    base.key.starts_with(KEY_PREFIX) && !base.metrics.contains(&MetricKey::CommandChain)
}

/// Whether any unit of the tree records incidents.
pub fn records_incidents(u: &Unit) -> bool {
    u.incidents > 0 || u.children.iter().any(records_incidents)
}

/// Whether the page shows metric `m` for `v`: every metric but the command chain of an
/// organisation without ranks (`lacks_ranks`).
pub fn shows(v: &Variant, m: MetricKey) -> bool {
    m != MetricKey::CommandChain || !lacks_ranks(v)
}

/// Whether any unit of the tree has a rank.
fn has_ranks(u: &Unit) -> bool {
    !u.ranks.is_empty() || u.children.iter().any(has_ranks)
}

struct Registry {
    /// Every organisation registered this session, by variant key, with its name. Their file
    /// texts are not kept: `state::organisation::file` writes one again when it is asked for.
    all: HashMap<&'static str, (&'static Variant, Name)>,
    /// The one the page offers (the last imported or opened).
    current: Option<&'static Variant>,
    /// The names of the scopes made, by the organisation's name: an edited organisation keeps
    /// its name, so its scopes share one.
    names: HashMap<(String, String), Text>,
}

fn registry() -> &'static Mutex<Registry> {
    static R: OnceLock<Mutex<Registry>> = OnceLock::new();
    R.get_or_init(|| {
        Mutex::new(Registry {
            all: HashMap::new(),
            current: None,
            names: HashMap::new(),
        })
    })
}

/// Where FNV-1a starts (`content_hash` of nothing).
pub const HASH_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits: stable across runs and builds (unlike `std`'s hasher), so a key written
/// into a link or a saved scenario finds the same organisation again.
pub fn content_hash(text: &str) -> u64 {
    hash_on(HASH_START, text.as_bytes())
}

/// FNV-1a of what was hashed to `h` followed by `bytes` (`content_hash` in pieces).
pub fn hash_on(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The variant key of the organisation whose file text is `content`.
pub fn key_of(content: &str) -> String {
    key_of_hash(content_hash(content))
}

/// The variant key of the organisation whose file text hashes to `hash` (`content_hash`).
pub fn key_of_hash(hash: u64) -> String {
    format!("{KEY_PREFIX}{hash:016x}")
}

/// Makes `tree` (named `name`) a scope and the current own organisation. `content` is the
/// tree's canonical text (the organisation file), whose hash is the key: the same content
/// gives the same scope, and registers nothing new.
pub fn register(tree: Unit, name: Name, content: &str) -> Option<&'static Variant> {
    register_hashed(tree, name, content_hash(content))
}

/// `register` with the hash of the tree's file text (`content_hash`) given, as
/// `state::organisation::file` makes it for an edited tree.
pub fn register_hashed(tree: Unit, name: Name, hash: u64) -> Option<&'static Variant> {
    let v = add_hashed(tree, name, hash)?;
    registry().lock().ok()?.current = Some(v);
    Some(v)
}

/// Registers `tree` as `register` does, without making it the one the page offers (an
/// organisation a saved scenario carries, read with the saved list).
pub fn add(tree: Unit, name: Name, content: &str) -> Option<&'static Variant> {
    add_hashed(tree, name, content_hash(content))
}

fn add_hashed(tree: Unit, name: Name, hash: u64) -> Option<&'static Variant> {
    let key = key_of_hash(hash);
    let mut r = registry().lock().ok()?;
    if let Some((v, _)) = r.all.get(key.as_str()) {
        return Some(*v);
    }
    // What each distinct organisation costs for the page's life: its variant, its key and its
    // top unit (the units under it are shared with the tree it was edited from).
    let texts = (
        name.get(Lang::Zh).to_string(),
        name.get(Lang::En).to_string(),
    );
    let title = *r.names.entry(texts).or_insert_with(|| title_of(&name));
    let v: &'static Variant = Box::leak(Box::new(make(tree, title, leak_str(key))));
    r.all.insert(v.key, (v, name));
    Some(v)
}

/// Makes the registered organisation `v` the one the page offers.
pub fn make_current(v: &'static Variant) {
    if let Ok(mut r) = registry().lock() {
        r.current = Some(v);
    }
}

/// The name an own organisation was registered with, by its variant key.
pub fn name(key: &str) -> Option<Name> {
    let r = registry().lock().ok()?;
    r.all.get(key).map(|(_, n)| n.clone())
}

/// The scope's name for an organisation named `name`.
fn title_of(name: &Name) -> Text {
    let zh = name.get(Lang::Zh);
    let en = name.get(Lang::En);
    Text::new(
        leak_str(format!("我的组织：{zh}")),
        leak_str(format!("Own organisation: {en}")),
    )
}

fn make(tree: Unit, name: Text, key: &'static str) -> Variant {
    // The figures every organisation has, as the typical city shows them.
    let city = &crate::model::typical_city::VARIANT;
    let ranked = has_ranks(&tree);
    let chain = |m: Option<MetricKey>| m != Some(MetricKey::CommandChain);
    let (metrics, key_figures, notes): (
        &'static [MetricKey],
        &'static [KeyFigure],
        &'static [Text],
    ) = if ranked {
        (city.metrics, city.key_figures, &NOTES)
    } else {
        (
            METRICS_NO_RANKS.get_or_init(|| {
                city.metrics
                    .iter()
                    .copied()
                    .filter(|m| chain(Some(*m)))
                    .collect()
            }),
            KEY_FIGURES_NO_RANKS.get_or_init(|| {
                city.key_figures
                    .iter()
                    .copied()
                    .filter(|f| chain(f.metric()))
                    .collect()
            }),
            &NOTES_NO_RANKS,
        )
    };
    Variant {
        key,
        name,
        specs: RESPONSE_OFF,
        row_specs: &[],
        baseline: Baseline::Given(Box::leak(Box::new(tree))),
        levers: &[],
        metrics,
        reported: &[],
        key_figures,
        notes,
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
    r.all.get(key).map(|(v, _)| *v)
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
