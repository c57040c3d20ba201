//! Where the page keeps the user's own organisation: registered as a scope (`model::own`),
//! kept in the browser (localStorage), carried in a link's `#org=` fragment and in saved
//! scenarios, and put in place of the old one after an edit. The panel (`organisation.rs`)
//! and the editor (`org_editor.rs`) both use it.

use leptos::prelude::*;

use crate::model::cases::Variant;
use crate::model::compose::Scope;
use crate::model::own;
use crate::state::organisation::{read, Organisation};
use crate::ui::state::AppState;

/// Where the imported organisation is kept (its JSON file).
pub(crate) const KEY: &str = "reform-explorer.organisation";

pub(crate) fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What starts the fragment of a link that carries an organisation uncompressed (links made
/// by a browser with no `CompressionStream`, and by earlier versions).
const FRAGMENT: &str = "org=";
/// What starts the fragment of a link that carries an organisation compressed (deflate).
const ZFRAGMENT: &str = "orgz=";

fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Pipes `bytes` through the browser's own deflate (`CompressionStream("deflate-raw")`, or
/// `DecompressionStream` to undo it): no compression code in the download. `None` where the
/// browser has neither (Firefox before 113, Safari before 16.4) or the data is not deflate.
async fn deflate(bytes: &[u8], compress: bool) -> Option<Vec<u8>> {
    use wasm_bindgen::JsCast;
    // By name: web-sys has these only behind its unstable-APIs flag.
    let name = if compress {
        "CompressionStream"
    } else {
        "DecompressionStream"
    };
    let ctor = js_sys::Reflect::get(&js_sys::global(), &name.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    // Throws where the format is unknown (Chrome before 103 knows "deflate" only).
    let stream =
        js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(&"deflate-raw".into())).ok()?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).ok()?;
    // A (de)compression stream is a { readable, writable } pair.
    let out = blob.stream().pipe_through(stream.unchecked_ref());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&out)).ok()?;
    // Rejects when the data is not deflate.
    let buf = wasm_bindgen_futures::JsFuture::from(response.array_buffer().ok()?)
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}

thread_local! {
    /// Whether `read_first` read the link before the page was mounted (`None`: it did not, or
    /// its part could not be fetched), and then whether the link carried an organisation.
    static LINKED: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
    /// The fragment made for each own organisation (by key): `Some("")` when it is too large
    /// for a link, `None` while it is being made.
    static LINKS: std::cell::RefCell<Vec<(&'static str, Option<String>)>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Notified when a fragment is made (they are made asynchronously).
    static MADE: ArcTrigger = ArcTrigger::new();
}

/// Whether the page must read an organisation before it is mounted: its link carries one
/// (`#org=…`, `#orgz=…`), or names one (`base=org.own-…`) and the browser keeps one, which
/// may be it.
pub fn reads_first(search: &str) -> bool {
    let hash = location_hash();
    let h = hash.trim_start_matches('#');
    h.starts_with(FRAGMENT)
        || h.starts_with(ZFRAGMENT)
        || (link_names_own(search) && storage().is_some_and(|s| is_kept(&s)))
}

/// Before the page is mounted, when `reads_first`: unpacks the organisation a compressed link
/// carries (the browser's decompression is asynchronous), then registers it, or the kept one
/// when the link names it, with the organisation reader's part of the wasm (`split_point!`:
/// most pages never read an organisation, and the reader is among the largest code the page
/// has). A part that cannot be fetched opens the page without it, as a link naming an unknown
/// organisation does (the link's notices say so).
pub async fn read_first(search: &str) {
    let packed = unpack_link().await;
    let linked = read_link(packed, link_names_own(search)).await.ok();
    LINKED.with(|l| l.set(linked));
}

/// Whether the page must read the kept organisation after it is drawn: `read_first` did not
/// (it had nothing to read, or its part could not be fetched), or read a link that carries
/// none and names none.
pub fn kept_later(search: &str) -> bool {
    match LINKED.with(|l| l.get()) {
        None => true,
        Some(linked) => !linked && !link_names_own(search),
    }
}

split_point! {
    /// Registers the organisation the link carries (`packed`: a compressed one's JSON, already
    /// unpacked), else, when `names_own`, the kept one. Whether the link carried one.
    fn read_link(packed: Option<Vec<u8>>, names_own: bool) -> bool {
        let linked = restore_linked(packed);
        if !linked && names_own {
            restore_kept();
        }
        linked
    }
}

split_point! {
    /// Registers the organisation kept in the browser (`restore_kept`), from the reader's part,
    /// unless the page has an organisation of its own by then (imported or adopted while the
    /// part was fetched: registering makes the kept one current).
    fn read_kept(own: RwSignal<Option<Scope>>) -> Option<Scope> {
        if own.get_untracked().is_some() {
            None
        } else {
            restore_kept()
        }
    }
}

/// Registers the organisation kept in the browser, if one is kept, after the page is drawn,
/// as the page's own (`state.own`) unless it has one by then. Nothing is fetched when none is
/// kept.
pub fn restore_kept_later(state: AppState) {
    if !storage().is_some_and(|s| is_kept(&s)) {
        return;
    }
    leptos::task::spawn_local(async move {
        if let Ok(Some(scope)) = read_kept(state.own).await {
            state.own.set(Some(scope));
        }
    });
}

/// Whether an organisation is kept in the browser: looked for by its key's name, not read (a
/// kept organisation may be a 10 MB file).
fn is_kept(s: &web_sys::Storage) -> bool {
    (0..s.length().unwrap_or(0)).any(|i| s.key(i).ok().flatten().as_deref() == Some(KEY))
}

/// Unpacks the organisation a compressed link carries (`#orgz=`): its JSON. Quick (a link is
/// at most `LINK_MAX` characters). A link that does not unpack opens the page without it, as a
/// link naming an unknown organisation does.
async fn unpack_link() -> Option<Vec<u8>> {
    let hash = location_hash();
    let v = hash.trim_start_matches('#').strip_prefix(ZFRAGMENT)?;
    let packed = crate::state::organisation::link_bytes(v).ok()?;
    deflate(&packed, false).await
}

/// Whether the page must register the kept organisation before it reads its link: the link
/// names an own organisation (`base=org.own-…`, `four=org.own-…`). Otherwise `restore_kept`
/// runs after the first frame, and a large kept file costs the start nothing.
pub fn link_names_own(search: &str) -> bool {
    search.contains(own::KEY_PREFIX)
}

/// Registers the organisation a link carries (`packed`: a compressed one's JSON, unpacked by
/// `unpack_link`; or `#org=…`): before the link is read, so that a link naming it opens it. One
/// a link carries is kept in the browser too when none is kept yet. False when the link carries
/// none.
fn restore_linked(packed: Option<Vec<u8>>) -> bool {
    let hash = location_hash();
    let org = match (packed, hash.trim_start_matches('#').strip_prefix(FRAGMENT)) {
        (Some(json), _) => crate::state::organisation::from_link_json(json).ok(),
        (None, Some(v)) => crate::state::organisation::from_link(v).ok(),
        (None, None) => None,
    };
    let Some(org) = org else {
        return false;
    };
    // The link made for it is the one it came with (a compressed one).
    let compressed = hash.trim_start_matches('#').starts_with(ZFRAGMENT);
    if let Some(scope) = offer(org) {
        if compressed {
            LINKS.with(|l| l.borrow_mut().push((scope.variant.key, Some(hash))));
        }
        keep_unless_kept(scope);
    }
    true
}

/// Keeps a linked organisation in the browser only when none is kept there yet: opening a
/// colleague's link shows theirs but must not replace the reader's own (it replaced it,
/// edits and all). An import or an edit, which the reader makes, keeps as before.
/// The kept one is looked for by its key's name, not read: this runs before the page is drawn,
/// and a kept organisation may be a 10 MB file (`restore_kept` leaves it to after the frame).
fn keep_unless_kept(scope: Scope) {
    if storage().is_some_and(|s| !is_kept(&s)) {
        keep(scope, |_| {});
    }
}

/// Registers the organisation kept in the browser, if any, as the one the page offers.
fn restore_kept() -> Option<Scope> {
    let text = storage().and_then(|s| s.get_item(KEY).ok().flatten())?;
    let org = read(&text).ok()?;
    offer(org)
}

/// The own organisation the state is built on (the composer's baseline, else the four
/// reforms' organisation). Reactive.
fn built_on(state: AppState) -> Option<Scope> {
    let base = state.recipe.with(|r| r.as_ref().map(|r| r.base));
    [base, state.four.get()]
        .into_iter()
        .flatten()
        .find(Scope::is_own)
}

/// What a link can do with the own organisation the state is built on.
#[derive(Clone, Debug, PartialEq)]
pub enum Link {
    /// The state is not built on one.
    None,
    /// Its fragment is being made.
    Pending,
    /// The fragment that carries it (`#orgz=…` or `#org=…`).
    Carried(String),
    /// It is too large for a link.
    TooLarge,
}

/// What a link can do with the own organisation the state is built on. Reactive: the fragment
/// is made once per organisation, asynchronously (off the frame of the import or edit), and
/// this is notified when it is.
pub fn link(state: AppState) -> Link {
    let Some(scope) = built_on(state) else {
        return Link::None;
    };
    MADE.with(|m| m.track());
    let key = scope.variant.key;
    if let Some(made) = LINKS.with(|l| {
        l.borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, f)| f.clone())
    }) {
        return match made {
            None => Link::Pending,
            Some(f) if f.is_empty() => Link::TooLarge,
            Some(f) => Link::Carried(f),
        };
    }
    // Not asked for yet: made in a task of its own after the frame that shows the import or
    // edit is painted (a task spawned now would run before it: the organisation's JSON text
    // is a few milliseconds for a large one).
    LINKS.with(|l| l.borrow_mut().push((key, None)));
    let (variant, missing) = (scope.variant, state.part_missing);
    after_paint(move || {
        leptos::task::spawn_local(async move {
            // Its part of the wasm missing: the page says so, and the next read asks again (the
            // link meanwhile without the organisation, as while it is made).
            let Ok(making) = fragment_maker(variant).await else {
                LINKS.with(|l| l.borrow_mut().retain(|(k, _)| *k != key));
                missing.set(true);
                return;
            };
            let made = making.await;
            LINKS.with(|l| {
                if let Some(e) = l.borrow_mut().iter_mut().find(|(k, _)| *k == key) {
                    e.1 = Some(made);
                }
            });
            MADE.with(|m| m.notify());
        });
    });
    Link::Pending
}

split_point! {
    /// `make_fragment`, from a part of the wasm of its own (the organisation file's writer):
    /// only a page built on an own organisation makes one.
    fn fragment_maker(variant: &'static Variant) -> std::pin::Pin<Box<dyn std::future::Future<Output = String>>> {
        Box::pin(make_fragment(variant))
    }
}

/// The fragment that carries `variant`'s organisation, or "" when it is too large.
async fn make_fragment(variant: &'static Variant) -> String {
    // Deflate shrinks an organisation file about tenfold at best: past that it cannot fit. The
    // file written last is its pretty text; less every space and line break it is no longer
    // than the compact one, so an organisation too large by that is told without writing it.
    let most = 12 * crate::state::organisation::LINK_MAX;
    if let Some(f) =
        crate::state::organisation::last_file().filter(|f| own::key_of_hash(f.hash) == variant.key)
    {
        let blank = f.text.bytes().filter(|b| matches!(b, b' ' | b'\n')).count();
        if f.text.len() - blank > most {
            return String::new();
        }
    }
    let Ok(tree) = variant.baseline.make(&variant.defaults()) else {
        return String::new();
    };
    let name = own::name(variant.key).unwrap_or_else(|| tree.name.clone());
    let json = crate::state::organisation::link_json(&tree, &name);
    drop(tree);
    if json.len() > most {
        return String::new();
    }
    let (prefix, value) = match deflate(json.as_bytes(), true).await {
        Some(packed) => (ZFRAGMENT, crate::state::organisation::link_value(&packed)),
        None => (
            FRAGMENT,
            crate::state::organisation::link_value(json.as_bytes()),
        ),
    };
    value.map(|v| format!("#{prefix}{v}")).unwrap_or_default()
}

/// The fragment a link carries: `#orgz=…` (or `#org=…`) when the state is built on an own
/// organisation small enough for a link, else empty (also while it is being made). Reactive.
pub fn fragment(state: AppState) -> String {
    match link(state) {
        Link::Carried(f) => f,
        _ => String::new(),
    }
}

/// True when the state is built on an own organisation too large for a link. Reactive.
pub fn too_large_for_link(state: AppState) -> bool {
    link(state) == Link::TooLarge
}

/// Registers `org` as the organisation the page offers (its file text is made for its key,
/// and kept until the next one is made: an edited tree's is made from it). The scope.
pub(crate) fn offer(org: Organisation) -> Option<Scope> {
    let hash = crate::state::organisation::file(&org.tree, &org.name).hash;
    own::register_hashed(org.tree, org.name, hash).map(|variant| Scope {
        case: None,
        variant,
    })
}

/// The file text of the own organisation `variant` (what is kept in the browser and what a
/// scenario that uses it carries), written again from its tree (quickly when it is the one
/// written last, or one edit from it).
pub(crate) fn content(variant: &'static Variant) -> Option<std::rc::Rc<str>> {
    if let Some(f) =
        crate::state::organisation::last_file().filter(|f| own::key_of_hash(f.hash) == variant.key)
    {
        return Some(f.text);
    }
    let tree = variant.baseline.make(&variant.defaults()).ok()?;
    let name = own::name(variant.key)?;
    Some(crate::state::organisation::file(&tree, &name).text)
}

/// Keeps the organisation `scope` offers in the browser, after the frame that shows it is
/// painted (writing a large organisation's file to storage takes several milliseconds), and
/// then tells `done` whether the browser kept it. Writes made in a row land in their order.
pub(crate) fn keep(scope: Scope, done: impl FnOnce(bool) + 'static) {
    after_paint(move || {
        let kept = content(scope.variant)
            .is_some_and(|c| storage().is_some_and(|s| s.set_item(KEY, &c).is_ok()));
        done(kept);
    });
}

/// Runs `f` in a task of its own after the next frame is painted, and after the tasks that
/// frame's own callbacks queue (the one that shows the import is left to itself: `f` waits for
/// the frame after it).
fn after_paint(f: impl FnOnce() + 'static) {
    crate::ui::after_frames(2, f);
}

/// The own organisation a scenario is built on (its recipe's baseline, or else the
/// organisation of its four reforms), as the file text a saved scenario carries.
pub fn carried(state: AppState) -> Option<String> {
    untrack(|| built_on(state))
        .and_then(|s| content(s.variant))
        .map(|c| c.to_string())
}

/// Makes the organisation a saved scenario carries the one the page offers and keeps it in
/// the browser (it was registered when the scenario was read).
pub fn adopt(state: AppState, content: &str) {
    // Reading the scenario registered it (`own::add`); it is found by its file's text.
    let Some(variant) = own::find(&own::key_of(content)) else {
        return;
    };
    own::make_current(variant);
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, content);
    }
    state.own.set(Some(Scope {
        case: None,
        variant,
    }));
}

/// Makes `tree` (named `name`) the page's organisation in place of `old` (an edit, an undo or
/// a redo): kept in the browser, and every view that showed `old` (the composer's baseline, the
/// four reforms) shows the new one, recomputed.
pub fn replace(
    state: AppState,
    old: Scope,
    tree: crate::model::org::Unit,
    name: crate::i18n::Name,
) {
    let Some(scope) = offer(Organisation { name, tree }) else {
        return;
    };
    keep(scope, |_| {});
    state.own.set(Some(scope));
    if let Some(mut r) = state.recipe.get_untracked().filter(|r| r.base == old) {
        r.base = scope;
        state.set_recipe(r);
    }
    if state.four.get_untracked() == Some(old) {
        state.four.set(Some(scope));
    }
}
