//! Where the page keeps the user's own organisation: registered as a scope (`model::own`),
//! kept in the browser (localStorage), carried in a link's `#org=` fragment and in saved
//! scenarios, and put in place of the old one after an edit. The panel (`organisation.rs`)
//! and the editor (`org_editor.rs`) both use it.

use leptos::prelude::*;

use crate::model::compose::Scope;
use crate::model::own;
use crate::state::organisation::{read, Organisation};
use crate::ui::state::AppState;

/// Where the imported organisation is kept (its JSON file).
pub(crate) const KEY: &str = "reform-explorer.organisation";

pub(crate) fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Registers the organisation a link carries (`#org=…`), else the one kept in the browser:
/// called before the link is read, so that a link naming it (`base=org.own-…`) opens it. One a
/// link carries is kept in the browser too.
pub fn restore() {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    if let Some(v) = hash.trim_start_matches('#').strip_prefix(FRAGMENT) {
        if let Ok(org) = crate::state::organisation::from_link(v) {
            offer(org, true);
            return;
        }
    }
    let Some(text) = storage().and_then(|s| s.get_item(KEY).ok().flatten()) else {
        return;
    };
    if let Ok(org) = read(&text) {
        offer(org, false);
    }
}

/// What starts the fragment of a link that carries an organisation.
const FRAGMENT: &str = "org=";

/// The own organisation the state is built on (the composer's baseline, else the four
/// reforms' organisation). Reactive.
fn built_on(state: AppState) -> Option<Scope> {
    let base = state.recipe.with(|r| r.as_ref().map(|r| r.base));
    [base, state.four.get()]
        .into_iter()
        .flatten()
        .find(Scope::is_own)
}

/// The fragment a link carries: `#org=…` when the state is built on an own organisation small
/// enough for a link, else empty. Reactive; the last one is kept (an organisation's text is
/// made once, not at every change of the address bar).
pub fn fragment(state: AppState) -> String {
    thread_local! {
        static LAST: std::cell::RefCell<(String, String)> = Default::default();
    }
    let Some(scope) = built_on(state) else {
        return String::new();
    };
    let key = scope.variant.key;
    if let Some(f) = LAST.with(|l| (l.borrow().0 == key).then(|| l.borrow().1.clone())) {
        return f;
    }
    let made = scope
        .variant
        .baseline
        .make(&scope.variant.defaults())
        .ok()
        .and_then(|tree| {
            let name = own::name(key).unwrap_or_else(|| tree.name.clone());
            crate::state::organisation::to_link(&tree, &name)
        })
        .map(|v| format!("#{FRAGMENT}{v}"))
        .unwrap_or_default();
    LAST.with(|l| *l.borrow_mut() = (key.to_string(), made.clone()));
    made
}

/// True when the state is built on an own organisation too large for a link. Reactive.
pub fn too_large_for_link(state: AppState) -> bool {
    built_on(state).is_some() && fragment(state).is_empty()
}

/// Registers `org` as the organisation the page offers and, with `keep`, keeps it in the
/// browser; its file text is made once, for both. The scope, and whether the browser kept it.
pub(crate) fn offer(org: Organisation, keep: bool) -> (Option<Scope>, bool) {
    let content = org.to_json();
    let scope = own::register(org.tree, org.name, &content).map(|variant| Scope {
        case: None,
        variant,
    });
    let kept =
        keep && scope.is_some() && storage().is_some_and(|s| s.set_item(KEY, &content).is_ok());
    (scope, kept)
}

/// The own organisation a scenario is built on (its recipe's baseline, or else the
/// organisation of its four reforms), as the file text a saved scenario carries.
pub fn carried(state: AppState) -> Option<String> {
    untrack(|| built_on(state))
        .and_then(|s| own::content(s.variant.key))
        .map(str::to_string)
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
    let Some(scope) = offer(Organisation { name, tree }, true).0 else {
        return;
    };
    state.own.set(Some(scope));
    if let Some(mut r) = state.recipe.get_untracked().filter(|r| r.base == old) {
        r.base = scope;
        state.set_recipe(r);
    }
    if state.four.get_untracked() == Some(old) {
        state.four.set(Some(scope));
    }
}
