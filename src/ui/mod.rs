//! Leptos components. They display what `model` and `layout` compute; they compute no domain
//! number themselves. State lives in a few signals in `AppState`; the rest is derived.

/// A function whose code is loaded when it is first called, from a wasm file of its own (the
/// `split` feature, which the site's build turns on: index.html). It is `async`: awaiting it
/// fetches its part of the wasm the first time, and gives `Err(PartMissing)` when that fails
/// (offline, or the site was replaced meanwhile). Without the feature (the browser tests,
/// clippy's first wasm pass) it is an ordinary `async fn`, ready when first polled. What may
/// cross: no generics, no `impl` types, no receiver (`wasm_split`'s rules). See ARCHITECTURE.md,
/// "The wasm in parts".
macro_rules! split_point {
    ($(#[$m:meta])* fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $body:block) => {
        split_point! { $(#[$m])* fn $name($($arg: $ty),*) -> () $body }
    };
    ($(#[$m:meta])* fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        $(#[$m])* fn $name($($arg: $ty),*) -> Result<$ret, crate::ui::PartMissing> {
            Ok($body)
        }
        #[cfg(not(feature = "split"))]
        $(#[$m])* async fn $name($($arg: $ty),*) -> Result<$ret, crate::ui::PartMissing> {
            Ok($body)
        }
    };
}

/// A lazily loaded part of the wasm (`split_point!`) could not be fetched.
#[derive(Clone, Copy, Debug)]
pub struct PartMissing;

/// Runs `f` once parts of the wasm are loaded: at once when they are (`ready`: a click then does
/// what it did in one go), else when `load` has them in; `missing` if one cannot be fetched (`f`
/// is then not run).
pub(crate) fn when_loaded<L>(
    ready: bool,
    load: impl FnOnce() -> L + 'static,
    missing: impl FnOnce() + 'static,
    f: impl FnOnce() + 'static,
) where
    L: std::future::Future<Output = Result<(), PartMissing>> + 'static,
{
    if ready {
        f();
        return;
    }
    leptos::task::spawn_local(async move {
        match load().await {
            Ok(()) => f(),
            Err(PartMissing) => missing(),
        }
    });
}

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for PartMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PartMissing
    }
}

/// Mounts a lazily loaded part into `el` once it is loaded (`mount` awaits it), or says in `el`
/// that it could not be; `el`'s `data-part` then says which (`pending` → `ready|missing`) (the
/// notice of `app.rs`'s `part_missing`, written with the DOM's own calls and kept in the page's language by
/// an effect: a second mount, for a notice, would compile Leptos' mounting code once more).
pub(crate) fn mount_part<F>(
    el: web_sys::HtmlElement,
    lang: leptos::prelude::RwSignal<crate::i18n::Lang>,
    mount: impl FnOnce(web_sys::HtmlElement) -> F + 'static,
) where
    F: std::future::Future<Output = Result<(), crate::ui::PartMissing>> + 'static,
{
    leptos::task::spawn_local(async move {
        let loaded = mount(el.clone()).await.is_ok();
        let _ = el.set_attribute("data-part", if loaded { "ready" } else { "missing" });
        if !loaded {
            let Some(p) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.create_element("p").ok())
            else {
                return;
            };
            p.set_class_name("notice part-missing");
            let _ = p.set_attribute("role", "alert");
            let _ = p.set_attribute("data-part-missing", "1");
            let _ = el.append_child(&p);
            // In the page's language, also after a change of it. The effect has no owner (this
            // runs after the first frame, outside the view): it lasts the page's life, as the
            // parts' mounts do.
            leptos::prelude::Effect::new(move |_| {
                p.set_text_content(Some(crate::i18n::tr(
                    leptos::prelude::Get::get(&lang),
                    crate::i18n::Msg::PartMissing,
                )))
            });
        }
    });
}

mod analysis;
mod app;
mod cases;
mod cells;
mod charts;
mod compare;
mod composer;
mod diagram;
mod export;
mod key_figures;
mod langs;
mod model_error;
mod numbers;
mod off_screen;
mod org_editor;
mod organisation;
mod own_store;
mod panic;
mod params_panel;
mod phone_nav;
mod presenter;
mod saved;
mod share;
mod sources;
mod state;
mod steps;
mod table;
mod why;

pub use app::App;
pub use panic::install_panic_panel;

/// A UI string that follows the language, for a text node or an attribute. Every label of the
/// page is this one closure type, so Leptos' code that renders a reactive value is compiled once
/// for all of them instead of once per label (a `move || tr(lang.get(), Msg::…)` at each of the
/// 127 places was a type of its own: 29 KB of the optimised wasm, 8.6 KB gzip; issue 18).
pub(crate) fn say(
    lang: leptos::prelude::RwSignal<crate::i18n::Lang>,
    msg: crate::i18n::Msg,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    use leptos::prelude::Get;
    move || crate::i18n::tr(lang.get(), msg)
}

/// Runs `f` in a task of its own after `frames` animation frames, each painted before it runs
/// (a task or microtask spawned now would run before the next paint). One frame: after the
/// frame that shows what is built now (the first screen); two: also after the tasks that
/// frame's own callbacks queue.
pub(crate) fn after_frames(frames: u32, f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        if frames > 1 {
            after_frames(frames - 1, f);
        } else {
            gloo_timers::callback::Timeout::new(0, f).forget();
        }
    });
}

/// Mounts the app on the page's body (the binary's entry point).
pub fn start() {
    install_panic_panel();
    keep_dropped_files();
    // A link that carries an organisation (`#org=`, `#orgz=`) or names one is read first: the
    // link's `base=org.own-…` must find it, and its reader is a part of the wasm of its own.
    // The case models the link's page shows are loaded before it is built (`ui::cases`).
    let search = app::location_search();
    let cases = crate::state::url::cases_needed(&search);
    // So is the link's language, when it is not the default (`ui::langs`).
    let lang = crate::state::url::lang_needed(&search);
    let own_first = own_store::reads_first(&search);
    if own_first || !cases::loaded(&cases) || !lang.is_loaded() {
        // Leptos' executor starts with the mount: this task runs on wasm-bindgen's own.
        let search = search.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let parts = async {
                let (models, text) = cases::join(cases::load_some(cases), langs::load(lang)).await;
                models.and(text)
            };
            let own = async {
                if own_first {
                    own_store::read_first(&search).await;
                }
            };
            let (parts, ()) = cases::join(parts, own).await;
            if parts.is_ok() {
                leptos::mount::mount_to_body(App);
            } else {
                leptos::mount::mount_to_body(app::PartMissingPage);
            }
        });
    } else {
        leptos::mount::mount_to_body(App);
    }
    // Not before the first screen is painted and the rest built: installing the worker fetches
    // and stores every file of the site, work that would compete with the first frame. Not on
    // the embedded page: a briefing page's reader would download the whole site for it, where
    // the embedded page itself needs the main wasm and at most its tables' part.
    let (url, _) = crate::state::url::decode(&search);
    if !url.embed {
        after_frames(3, register_service_worker);
    }
    if !url.embed && url.present == crate::state::url::Present::Off {
        // The other languages' parts, so that a language button answers at once (the embedded
        // page changes language only when its host asks; presenter mode's windows have no
        // language buttons).
        after_frames(3, || {
            for l in crate::i18n::Lang::ALL {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = langs::load(l).await;
                });
            }
        });
    }
}

/// A file dragged onto the page is taken by the page, never by the browser, which would leave
/// the app (and its unsaved state) to show the file. The organisation panel imports a dropped
/// file (`ui::organisation`); where it is not (presenter mode, the embedded page, or before its
/// part is loaded) the drop does nothing.
fn keep_dropped_files() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let opts = gloo_events::EventListenerOptions::enable_prevent_default();
    for kind in ["dragover", "drop"] {
        gloo_events::EventListener::new_with_options(&doc, kind, opts, |e| {
            if file_drag(e) {
                e.prevent_default();
            }
        })
        .forget();
    }
}

/// Whether a drag event carries files and is for the page to take: not over a file field, which
/// takes a dropped file itself (the scenario import's field gets a scenario, not an
/// organisation).
pub(crate) fn file_drag(e: &web_sys::Event) -> bool {
    use wasm_bindgen::JsCast;
    let files = e
        .dyn_ref::<web_sys::DragEvent>()
        .and_then(|d| d.data_transfer())
        .is_some_and(|d| d.types().includes(&"Files".into(), 0));
    let on_field = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.type_() == "file");
    files && !on_field
}

/// Registers `sw.js` (written next to index.html by every build) so that the app works offline
/// after the first visit. Only over http(s): a page opened from file:// (the offline copy) has
/// no service worker, and skips this without an error. A refusal is ignored: the app works
/// online as before.
fn register_service_worker() {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(w) = web_sys::window() else { return };
    let protocol = w.location().protocol().unwrap_or_default();
    if protocol != "http:" && protocol != "https:" {
        return;
    }
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &JsValue::from_str(k)).ok();
    let Some(sw) = get(&w, "navigator")
        .and_then(|n| get(&n, "serviceWorker"))
        .filter(|s| !s.is_undefined() && !s.is_null())
    else {
        return;
    };
    let Some(register) = get(&sw, "register").and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    if let Ok(p) = register.call1(&sw, &JsValue::from_str("./sw.js")) {
        if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
            let ignore = wasm_bindgen::prelude::Closure::once(|_: JsValue| {});
            let _ = p.catch(&ignore);
            ignore.forget();
        }
    }
}

/// Sets `open` to whether the `<details>` a `toggle` event came from is open now, and only
/// when that changes it: opening the panel from code fires `toggle` later, and a second
/// notification would redraw what follows `open` again (the editor's rows, which put focus
/// back where it was when they are redrawn, so that a field focused in between lost it).
pub(crate) fn follow_toggle(ev: &web_sys::Event, open: leptos::prelude::RwSignal<bool>) {
    use leptos::prelude::{GetUntracked, Set};
    use wasm_bindgen::JsCast;
    let now = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open());
    if open.get_untracked() != now {
        open.set(now);
    }
}

/// The `<details>` whose listener an event reached (its current target: a key or focus event
/// comes from a control inside it).
pub(crate) fn details_listening(ev: &web_sys::Event) -> Option<web_sys::HtmlDetailsElement> {
    use wasm_bindgen::JsCast;
    ev.current_target()?.dyn_into().ok()
}

/// A `<select>` whose choice does something at once (adds a measure, opens a view). On a closed
/// select, browsers change the value and fire `change` at every arrow, Home, End, Page or letter
/// key, so acting on `change` acted on each option a keyboard user passed over (WCAG 3.2.2).
/// A change right after such a key only moves the choice, and Enter acts on it; a pick with
/// the mouse, a touch or the open list acts at once, as before (the list is opened by a click,
/// Space or Alt+↓, and a pick in it comes well after that key).
#[derive(Clone, Copy)]
pub(crate) struct PickOnEnter {
    /// When the handler of the last key that moves the choice ran (ms).
    moved_at: leptos::prelude::StoredValue<f64>,
}

impl PickOnEnter {
    /// How soon after such a key its `change` comes: in the key's own task, or the next one
    /// (timed when the handlers run, not by the events' time stamps, which may be the time the
    /// key went down while the page was busy).
    const SAME_KEY_MS: f64 = 150.0;

    pub(crate) fn new() -> Self {
        PickOnEnter {
            moved_at: leptos::prelude::StoredValue::new(f64::NEG_INFINITY),
        }
    }

    /// For the select's `keydown`: whether to act on its value now (Enter).
    pub(crate) fn enter(self, ev: &web_sys::KeyboardEvent) -> bool {
        use leptos::prelude::SetValue;
        let key = ev.key();
        if key == "Enter" {
            ev.prevent_default();
            return true;
        }
        // Space opens the list (so does Alt+↓ in some browsers: its pick comes later anyway).
        let moves = key.starts_with("Arrow")
            || matches!(key.as_str(), "Home" | "End" | "PageUp" | "PageDown")
            || (key.chars().count() == 1 && key != " ");
        if moves {
            self.moved_at.set_value(js_sys::Date::now());
        }
        false
    }

    /// For the select's `change`: whether it is a pick to act on (no key moved the choice just
    /// before).
    pub(crate) fn picked(self) -> bool {
        use leptos::prelude::GetValue;
        js_sys::Date::now() - self.moved_at.get_value() > Self::SAME_KEY_MS
    }
}

/// A table's frame that scrolls sideways when the table is wider than the page: focusable (a
/// keyboard scrolls it) and named, as a region, in the page's language.
#[leptos::component]
pub(crate) fn TableScroll(
    #[prop(into)] lang: leptos::prelude::Signal<crate::i18n::Lang>,
    children: leptos::prelude::Children,
) -> impl leptos::IntoView {
    use leptos::prelude::*;
    view! {
        <div class="table-scroll" tabindex="0" role="region"
            aria-label=move || crate::i18n::tr(lang.get(), crate::i18n::Msg::ScrollingTable)>
            {children()}
        </div>
    }
}

/// Puts keyboard focus on the first element matching `selector`; false when there is none.
pub fn focus(selector: &str) -> bool {
    use wasm_bindgen::JsCast;
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    el.is_some_and(|e| e.focus().is_ok())
}

/// [`focus`] once the page has drawn the change just made (the element may be new).
pub fn focus_after_redraw(selector: String) {
    leptos::prelude::request_animation_frame(move || {
        focus(&selector);
    });
}

/// Keeps Tab inside `container` (a modal dialog): from its last focusable control Tab goes to
/// its first, and Shift+Tab from the first to the last. True when it moved focus (the caller
/// then stops the browser's own move).
pub fn wrap_focus(container: &str, back: bool) -> bool {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(Some(root)) = doc.query_selector(container) else {
        return false;
    };
    let Ok(list) = root.query_selector_all(
        "button:not([disabled]), input:not([disabled]), select:not([disabled]), \
         textarea:not([disabled]), a[href], summary, [tabindex]:not([tabindex=\"-1\"])",
    ) else {
        return false;
    };
    // Inside a closed <details> only its own summary can take focus (Chromium gives the rest a
    // size, so the size alone let a folded row's control count as the last one).
    let folded = |e: &web_sys::Element| {
        let mut up = e.parent_element();
        while let Some(p) = up {
            if p.tag_name() == "DETAILS" && !p.has_attribute("open") {
                let own_summary =
                    e.tag_name() == "SUMMARY" && e.parent_element().as_ref() == Some(&p);
                if !own_summary {
                    return true;
                }
            }
            up = p.parent_element();
        }
        false
    };
    let shown: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|e| e.offset_width() > 0 || e.offset_height() > 0)
        .filter(|e| !folded(e))
        .collect();
    let (Some(first), Some(last)) = (shown.first(), shown.last()) else {
        return false;
    };
    let active = doc.active_element();
    let at = |e: &web_sys::HtmlElement| active.as_ref() == Some(e.unchecked_ref());
    let to = match (back, at(first), at(last)) {
        (true, true, _) => last,
        (false, _, true) => first,
        _ => return false,
    };
    to.focus().is_ok()
}
