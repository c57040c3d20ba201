//! The page: top bar (cases, scope, language), parameters, diagrams, numbers, notes.

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{tr, trf, Lang, Msg};
use crate::model::cases::CaseId;
use crate::state::url::{self, Theme, UrlState, View};
use crate::ui::analysis::ResponsePanel;
use crate::ui::compare::{ComparePage, CompareTab};
use crate::ui::composer::{ComposeTab, Composer};
use crate::ui::diagram::DiagramPanel;
use crate::ui::key_figures::KeyFigures;
use crate::ui::model_error::ModelErrorBanner;
use crate::ui::numbers::{Notes, Numbers};
use crate::ui::organisation::OrganisationPanel;
use crate::ui::params_panel::ParamsPanel;
use crate::ui::phone_nav::PhoneNav;
use crate::ui::presenter::{start_presenting, take_exit_focus, Presenter};
use crate::ui::saved::SavedPanel;
use crate::ui::share::{EmbedView, ShareMenu};
use crate::ui::sources::{LineagePanel, SourcesPanel};
use crate::ui::state::AppState;
use crate::ui::steps::StepControl;
use crate::ui::table::{RowTable, WorkloadTable};
use crate::ui::why::WhyPanel;
use crate::ui::{focus, mount_part, say, PartMissing};

/// How long the address bar waits for edits to settle before it is rewritten (ms).
pub const URL_DELAY: u32 = 250;

pub(crate) fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Writes the state into the address bar: as a new history entry when `push`, else in place
/// of the current one. `hash` is the fragment a link carries for the own organisation
/// (`#org=…`), or empty.
fn write_url(query: &str, hash: &str, push: bool) {
    let Some(w) = web_sys::window() else { return };
    let path = w.location().pathname().unwrap_or_default();
    if let Ok(h) = w.history() {
        let url = format!("{path}{query}{hash}");
        let none = wasm_bindgen::JsValue::NULL;
        let _ = if push {
            h.push_state_with_url(&none, "", Some(&url))
        } else {
            h.replace_state_with_url(&none, "", Some(&url))
        };
    }
}

/// Where in the app the page is: the page (a case, the four models, the composer), the case
/// and its scope, as a link names them. Moving to another place adds a history entry, so Back
/// returns to it; every other change (a parameter, the step, the language, a measure added in
/// the composer) rewrites the current entry.
type Place = (View, CaseId, String);

fn place_of(u: &UrlState) -> Place {
    (u.view, u.case, u.variant.clone())
}

/// How the address bar is written: the write waiting for edits to settle, the place last
/// written, and whether the waiting write adds an entry.
#[derive(Clone, Copy)]
struct AddressBar {
    pending: StoredValue<Option<Timeout>, LocalStorage>,
    last: StoredValue<Option<Place>, LocalStorage>,
    push: StoredValue<bool, LocalStorage>,
}

impl AddressBar {
    fn new() -> Self {
        AddressBar {
            pending: StoredValue::new_local(None),
            last: StoredValue::new_local(None),
            push: StoredValue::new_local(false),
        }
    }

    /// Writes `u` after [`URL_DELAY`]: a new timeout replaces the pending one, which is
    /// cancelled as it is dropped; a new place the pending one was to push is still pushed.
    fn write(self, u: &UrlState, hash: String, adds_history: bool) {
        let here = place_of(u);
        let moved = self.last.get_value().is_some_and(|p| p != here);
        self.last.set_value(Some(here));
        let push = adds_history && (moved || self.push.get_value());
        self.push.set_value(push);
        let query = url::encode(u);
        self.pending
            .set_value(Some(Timeout::new(URL_DELAY, move || {
                self.push.set_value(false);
                write_url(&query, &hash, push);
            })));
    }

    /// Back and Forward: the page shows the state of the entry returned to (the language and
    /// theme stay the reader's, as for a saved scenario); nothing is written as a new entry.
    fn follow_history(self, state: AppState) {
        let Some(w) = web_sys::window() else { return };
        EventListener::new(&w, "popstate", move |_| {
            self.pending.set_value(None);
            self.push.set_value(false);
            // The entry's case models first (`ui::cases`): the link is read against them.
            let search = location_search();
            state.with_cases(url::cases_needed(&search), move || {
                let (u, _) = url::decode(&search);
                self.last.set_value(Some(place_of(&u)));
                state.apply(&u);
            });
        })
        .forget(); // lives as long as the page
    }
}

/// The build date and version when this page is the single-file offline copy
/// (`scripts/standalone.mjs` writes them into a meta tag).
fn offline_copy() -> Option<(String, String)> {
    let meta = web_sys::window()?
        .document()?
        .query_selector(r#"meta[name="reform-explorer-offline"]"#)
        .ok()??;
    Some((
        meta.get_attribute("data-date").unwrap_or_default(),
        meta.get_attribute("data-version").unwrap_or_default(),
    ))
}

/// The folded panels a printout carries: the sources, and why the reform was made.
const PRINTED_PANELS: [&str; 2] = [
    r#"details[data-panel="sources"]"#,
    r#"details[data-panel="why"]"#,
];

/// A printout carries the sources and the why: those panels open for printing and close again
/// after if they were closed; the diagrams show their whole drawing while printing.
fn open_sources_for_print() {
    let Some(w) = web_sys::window() else { return };
    let was_open = std::rc::Rc::new([std::cell::Cell::new(true), std::cell::Cell::new(true)]);
    let details = |selector: &str| {
        web_sys::window()?
            .document()?
            .query_selector(selector)
            .ok()??
            .dyn_into::<web_sys::HtmlDetailsElement>()
            .ok()
    };
    let open = was_open.clone();
    // Both live as long as the page.
    EventListener::new(&w, "beforeprint", move |_| {
        crate::ui::diagram::frame_for_print(true);
        for (selector, was) in PRINTED_PANELS.iter().zip(open.iter()) {
            if let Some(d) = details(selector) {
                was.set(d.open());
                d.set_open(true);
            }
        }
    })
    .forget();
    EventListener::new(&w, "afterprint", move |_| {
        crate::ui::diagram::frame_for_print(false);
        for (selector, was) in PRINTED_PANELS.iter().zip(was_open.iter()) {
            if let Some(d) = details(selector) {
                d.set_open(was.get());
            }
        }
    })
    .forget();
}

#[component]
pub fn App() -> impl IntoView {
    // The organisation a link carries, or the one the user imported and the browser kept, is
    // registered before the link is read, so that a link naming it opens it: before the page is
    // mounted (`ui::start`, `own_store::read_first`). A kept one the link does not name is read
    // after the first frame (it may be a 10 MB file); not on the embedded page, which shows
    // none but the one its link names.
    let search = location_search();
    let later = crate::ui::own_store::kept_later(&search);
    let state = AppState::from_query(&search);
    let lang = state.lang;
    if later && !state.embed {
        Timeout::new(0, move || crate::ui::own_store::restore_kept_later(state)).forget();
    }

    // The URL and the page's lang attribute follow the state.
    // Debounced: Chromium throttles (and logs an error about) frequent replaceState calls, and
    // each one costs about 1.5 ms, so a burst of edits writes the address bar once.
    // The embedded page and presenter mode never add entries (an embedded page's would be the
    // briefing page's Back button's).
    let bar = AddressBar::new();
    let adds_history = !state.embed && !state.present.is_on();
    if adds_history {
        bar.follow_history(state);
    }
    Effect::new(move |_| {
        let mut u = state.url_state();
        u.embed = state.embed;
        bar.write(&u, crate::ui::own_store::fragment(state), adds_history);
    });
    Effect::new(move |_| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute("lang", lang.get().code());
            // Presenter mode is always in the projector's colours (the link keeps the theme).
            let theme = if state.present.is_on() {
                Theme::Projector
            } else {
                state.theme.get()
            };
            let _ = el.set_attribute("data-theme", theme.key());
        }
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(tr(lang.get(), Msg::AppTitle));
        }
    });

    // The system's light/dark preference, mirrored into `data-system` for the "auto" theme.
    let system_dark = media_matches("(prefers-color-scheme: dark)");
    Effect::new(move |_| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute(
                "data-system",
                if system_dark.get() { "dark" } else { "light" },
            );
        }
    });

    let t = move |m: Msg| tr(lang.get(), m);

    // Which page is decided once, so an `EitherOf3` (built once, never rebuilt) instead of an
    // `AnyView`, whose rebuild and move functions for the whole page would be compiled in.
    if state.embed {
        return EitherOf3::A(view! { <EmbedView state=state/> });
    }
    if state.present.is_on() {
        return EitherOf3::B(view! {
            {move || Suspend::new(async move { with_all_cases(presenter(state)).await.unwrap_or_else(|_| presenter_missing(state)) })}
        });
    }
    open_sources_for_print();
    // The top bar and the key figures are built at once; the rest in the task after the first
    // frame is painted, so that nothing delays the first figures (issue 18). The diagrams (the
    // costliest part of the first screen), the lineage list and the panels below are each
    // mounted on their own (not a closure that shows them once ready): the page's view type
    // stays as it was, with no rebuild code for them.
    let diagrams_at = NodeRef::<leptos::html::Div>::new();
    let lineage_at = NodeRef::<leptos::html::Div>::new();
    let side_at = NodeRef::<leptos::html::Div>::new();
    // The parameters, and what follows the key figures (the why panel, the scopes, the model's
    // error and the steps), are shown by it.
    let later = RwSignal::new(false);
    crate::ui::after_frames(1, move || {
        later.set(true);
        // Back from presenter mode by "Exit": focus on "Present", where the user left the page.
        if take_exit_focus() {
            crate::ui::focus("[data-action=\"present\"]");
        }
        if let Some(el) = diagrams_at.get_untracked() {
            leptos::mount::mount_to(el.into(), move || view! { <DiagramPanel state=state/> })
                .forget();
        }
        if let Some(el) = lineage_at.get_untracked() {
            mount_part(el.into(), lang, move |el| mount_lineage(el, state));
        }
        if let Some(el) = side_at.get_untracked() {
            mount_part(el.into(), lang, move |el| {
                with_all_cases(mount_side(el, state))
            });
        }
    });
    // The phone's menu (the theme, share and language controls below 600 px).
    let menu = RwSignal::new(false);
    // The phone's parameter drawer (below 600 px the parameters open over the page).
    let drawer = RwSignal::new(false);
    // How many parameter fields hold a value that is not valid (and so not used).
    let invalid = Memo::new(move |_| {
        state.params.with(|p| {
            state.raw.with(|raw| {
                raw.iter()
                    .zip(p.specs())
                    .filter(|(r, s)| r.with(|t| s.parse(t).is_err()))
                    .count()
            })
        })
    });
    let set_drawer = move |open: bool| {
        drawer.set(open);
        // Focus into the drawer, and back to its button when it closes (after the redraw).
        crate::ui::focus_after_redraw(
            if open {
                "[data-action=\"params-close\"]"
            } else {
                "[data-action=\"params-open\"]"
            }
            .into(),
        );
    };
    // The parameters: in the grid's first column beside the results on wide screens, and after
    // the results in the page (so Tab reaches them where they are drawn: under the results)
    // up to 900 px, where one column shows the results first; below 600 px in a drawer.
    let narrow = media_matches("(max-width: 900px)");
    let params_drawer = move || {
        view! {
                <div class="params-drawer" id="params-drawer" class:open=move || drawer.get()
                    role=move || drawer.get().then_some("dialog")
                    aria-label=say(lang, Msg::Parameters)
                    aria-modal=move || drawer.get().then_some("true")
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if !drawer.get_untracked() {
                            return;
                        }
                        match ev.key().as_str() {
                            "Escape" => set_drawer(false),
                            // Tab goes round inside the open drawer (a modal dialog).
                            "Tab" if crate::ui::wrap_focus("#params-drawer", ev.shift_key()) => {
                                ev.prevent_default()
                            }
                            _ => {}
                        }
                    }>
                    <button type="button" class="drawer-close" data-action="params-close"
                        on:click=move |_| set_drawer(false)>{say(lang, Msg::CloseParameters)}</button>
                    {move || later.get().then(|| view! { <ParamsPanel state=state/> })}
                </div>
        }
    };
    EitherOf3::C(view! {
        // The first Tab stop: past the top bar and the parameters, to the results (or the
        // comparison). A button, not a "#…" link: the address's fragment holds an organisation.
        <button type="button" class="skip-link" data-action="skip" on:click=move |_| {
            focus(if state.view.get_untracked() == View::Compare { "section.compare" } else { "#results" });
        }>{say(lang, Msg::SkipToResults)}</button>
        <header class="topbar" class:menu-open=move || menu.get() on:keydown=move |ev: web_sys::KeyboardEvent| {
            // Escape closes the phone's menu, focus back on its button.
            if ev.key() == "Escape" && menu.get_untracked() {
                menu.set(false);
                focus("[data-action=\"menu\"]");
            }
        } on:focusout=move |ev: web_sys::FocusEvent| {
            // Tabbing out of the phone's menu closes it (a click on the page, which moves focus
            // nowhere, leaves it open).
            let Some(to) = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()) else {
                return;
            };
            let inside = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|bar| bar.contains(Some(&to)));
            if menu.get_untracked() && !inside {
                menu.set(false);
            }
        }>
            <div class="brand">
                <h1>{say(lang, Msg::AppTitle)}</h1>
                <p class="tagline">{say(lang, Msg::AppTagline)}</p>
            </div>
            <PhoneNav state=state menu=menu/>
            <div class="topbar-more" id="topbar-more">
            <label class="theme">
                <span>{say(lang, Msg::Theme)}</span>
                <select
                    data-action="theme"
                    on:change=move |ev| {
                        if let Some(th) = Theme::from_key(&event_target_value(&ev)) {
                            state.theme.set(th);
                        }
                    }
                >
                    {Theme::ALL
                        .into_iter()
                        .map(|th| {
                            let m = match th {
                                Theme::Auto => Msg::ThemeAuto,
                                Theme::Light => Msg::ThemeLight,
                                Theme::Dark => Msg::ThemeDark,
                                Theme::Projector => Msg::ThemeProjector,
                            };
                            view! {
                                <option value=th.key() selected=move || state.theme.get() == th>{say(lang, m)}</option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <ShareMenu state=state/>
            <button type="button" class="present-button" data-action="present"
                title=say(lang, Msg::PresentHint)
                on:click=move |_| start_presenting(state)>{say(lang, Msg::Present)}</button>
            <div class="lang" role="group" aria-label=say(lang, Msg::Language)>
                {Lang::ALL
                    .into_iter()
                    .map(|l| view! {
                        <button
                            type="button"
                            data-lang=l.code()
                            lang=l.code()
                            class:active=move || lang.get() == l
                            aria-pressed=move || (lang.get() == l).to_string()
                            on:click=move |_| state.set_lang(l)
                        >{l.native_name()}</button>
                    })
                    .collect_view()}
            </div>
            </div>
            // The case tabs last, as they are drawn: a row of their own under the controls.
            <nav class="cases" aria-label=say(lang, Msg::Cases)>
                {CaseId::ALL
                    .into_iter()
                    .map(|c| {
                        let active = move || state.view.get() == View::Case && state.case.get() == c;
                        view! {
                            <button
                                type="button"
                                class="case-tab"
                                class:active=active
                                data-case=c.key()
                                aria-pressed=move || active().to_string()
                                disabled=!c.is_modelled()
                                on:click=move |_| state.set_case(c)
                                title=move || if c.is_modelled() { String::new() } else { t(Msg::NotYetModelled).to_string() }
                            >
                                <span>{move || c.name().get(lang.get())}</span>
                                {(!c.is_modelled()).then(|| view! {
                                    <small class="soon">{say(lang, Msg::NotYetModelled)}</small>
                                })}
                            </button>
                        }
                    })
                    .collect_view()}
                <CompareTab state=state/>
                <ComposeTab state=state/>
            </nav>
        </header>
        <UrlNotices state=state/>
        {move || state.part_missing.get().then(|| part_missing(lang))}
        <Show when=move || state.view.get() == View::Compare>
            {move || Suspend::new(async move {
                with_all_cases(compare_page(state, narrow)).await.unwrap_or_else(|_| part_missing(lang))
            })}
        </Show>
        <main class="layout" class:hidden-view=move || state.view.get() == View::Compare>
            {move || (!narrow.get()).then(params_drawer)}
            <button type="button" class="params-fab" data-action="params-open"
                aria-controls="params-drawer" aria-expanded=move || drawer.get().to_string()
                class:has-invalid={move || invalid.get() > 0}
                data-invalid=move || invalid.get().to_string()
                on:click=move |_| set_drawer(true)>
                {say(lang, Msg::Parameters)}
                // With the drawer closed, a phone shows no field: the button says that some
                // value typed is not used.
                {move || (invalid.get() > 0).then(|| view! {
                    <span class="invalid-count">{trf(lang.get(), Msg::ParamsInvalid, &[&invalid.get().to_string()])}</span>
                })}
            </button>
            // While the parameters cannot be modelled, the figures and diagrams still show the
            // last result that could: faded, as the banner says.
            <section class="content" id="results" tabindex="-1" class:stale=move || {
                state.built.with(Result::is_err) && state.shown.with(Option::is_some)
            }>
                <div class="main-col">
                // Printed only (style/main.css): what the handout is about (the top bar's tabs
                // are not printed).
                <p class="handout-title" data-handout="title">
                    <strong>{move || state.case.get().name().get(lang.get())}</strong>
                    " · " {move || state.variant.get().name.get(lang.get())}
                    " · " {move || state.after_title(true)}
                </p>
                // The key figures first, on every page and screen: the composer follows them.
                <KeyFigures state=state/>
                <Show when=move || state.view.get() == View::Compose>
                    {move || Suspend::new(async move {
                        with_all_cases(composer(state)).await.unwrap_or_else(|_| part_missing(lang))
                    })}
                </Show>
                // The rest of the first screen, after the frame that shows the key figures
                // (with the diagrams and the panels below; issue 18: the first figures wait
                // for nothing else).
                {move || later.get().then(|| view! {
                    <WhyPanel state=state/>
                    <div class="scope" class:hidden-view=move || state.view.get() == View::Compose role="group" aria-label=say(lang, Msg::Variant)>
                        <span class="scope-label">{say(lang, Msg::Variant)} ":"</span>
                        {move || {
                            state
                                .case
                                .get()
                                .variants()
                                .iter()
                                .map(|v| {
                                    let active = move || std::ptr::eq(state.variant.get(), v);
                                    view! {
                                        <button
                                            type="button"
                                            class="scope-button"
                                            class:active=active
                                            data-variant=v.key
                                            aria-pressed=move || active().to_string()
                                            on:click=move |_| state.set_variant(v)
                                        >
                                            {move || v.name.get(lang.get())}
                                        </button>
                                    }
                                })
                                .collect_view()
                        }}
                    </div>
                    <ModelErrorBanner state=state/>
                    <StepControl state=state/>
                })}
                <div class="later" node_ref=diagrams_at></div>
                <div class="later lineage-at" data-part="pending" node_ref=lineage_at></div>
                </div>
                // Below the first screen (beside it only on very wide screens): built after.
                <div class="side-col" data-part="pending" node_ref=side_at></div>
            </section>
            {move || narrow.get().then(params_drawer)}
        </main>
        <footer class="footer">
            <p>{say(lang, Msg::Footer)}</p>
            {offline_copy().map(|(date, version)| {
                let hook = version.clone();
                view! {
                    <p class="offline-copy" data-offline=hook>
                        {move || trf(lang.get(), Msg::OfflineCopy, &[&date, &version])}
                    </p>
                }
            })}
        </footer>
    })
}

/// `part` once every case's model is loaded (`ui::cases`): the panels below the first screen,
/// the comparison, the composer and presenter mode show or offer all four cases.
async fn with_all_cases<T>(
    part: impl std::future::Future<Output = Result<T, PartMissing>>,
) -> Result<T, PartMissing> {
    crate::ui::cases::load_all().await?;
    part.await
}

/// The page when the case models its link shows could not be loaded (`ui::start`): what
/// happened and what to do, in the link's language.
#[component]
pub fn PartMissingPage() -> impl IntoView {
    let lang = url::decode(&location_search()).0.lang;
    // Traditional Chinese's converter may be the part missing: the text is then Simplified.
    let shown = if lang == Lang::ZhHant && !lang.is_loaded() {
        Lang::Zh
    } else {
        lang
    };
    view! {
        <main class="layout">
            <p class="notice part-missing" role="alert" data-part-missing="1" lang=shown.code()>
                {tr(lang, Msg::PartMissing)}
            </p>
        </main>
    }
}

/// In place of a part of the page that could not be loaded: what happened and what to do.
fn part_missing(lang: RwSignal<Lang>) -> AnyView {
    view! {
        <p class="notice part-missing" role="alert" data-part-missing="1">{say(lang, Msg::PartMissing)}</p>
    }
    .into_any()
}

/// Presenter mode's part could not be loaded: the notice, and "Exit" to the page at the same step
/// (a reload would only fetch the missing part again; without it the window has no way out but
/// its address bar).
fn presenter_missing(state: AppState) -> AnyView {
    let lang = state.lang;
    let exit = move |_| crate::ui::presenter::exit_presenting(state);
    view! {
        <div class="presenter">
            <header class="present-bar">
                <span class="present-case"></span>
                <div class="present-controls">
                    <button type="button" data-action="present-exit" on:click=exit>{say(lang, Msg::PresentExit)}</button>
                </div>
            </header>
            {part_missing(lang)}
        </div>
    }
    .into_any()
}

// The parts of the page loaded when first shown (`split_point!`): what the first screen of a
// case page does not show. The key figures, the parameters and the diagrams are in the main
// wasm; the lineage list and the panels below, built after the first frame, come from their own
// parts, and the comparison, the composer and presenter mode when they are opened.
split_point! {
    fn mount_lineage(el: web_sys::HtmlElement, state: AppState) {
        let state = crate::ui::off_screen::follow(state, &el);
        leptos::mount::mount_to(el, move || view! { <LineagePanel state=state/> }).forget();
    }
}
split_point! {
    fn mount_side(el: web_sys::HtmlElement, state: AppState) {
        let state = crate::ui::off_screen::follow(state, &el);
        leptos::mount::mount_to(el, move || {
            view! {
                <RowTable state=state/>
                <Numbers state=state/>
                <ResponsePanel state=state/>
                <WorkloadTable state=state/>
                <OrganisationPanel state=state/>
                <SavedPanel state=state/>
                <SourcesPanel state=state/>
                <Notes state=state/>
            }
        })
        .forget();
    }
}
split_point! {
    fn presenter(state: AppState) -> AnyView {
        view! { <Presenter state=state/> }.into_any()
    }
}
split_point! {
    fn compare_page(state: AppState, narrow: RwSignal<bool>) -> AnyView {
        view! { <ComparePage state=state narrow=narrow/> }.into_any()
    }
}
split_point! {
    fn composer(state: AppState) -> AnyView {
        view! { <Composer state=state/> }.into_any()
    }
}

/// The link notices listed one by one, at most.
const MAX_NOTICES: usize = 8;

#[component]
fn UrlNotices(state: AppState) -> impl IntoView {
    let lang = state.lang;
    move || {
        let notices = state.notices.get();
        (!notices.is_empty()).then(|| {
            view! {
                <div class="notice url-notice" role="status">
                    <p>{tr(lang.get(), Msg::UrlNotice)}</p>
                    // The first few, then how many more (a link of hundreds of bad parts would
                    // otherwise push the page thousands of pixels down).
                    <ul>
                        {notices
                            .iter()
                            .take(MAX_NOTICES)
                            .map(|n| view! { <li>{n.message(lang.get())}</li> })
                            .collect_view()}
                        {(notices.len() > MAX_NOTICES).then(|| view! {
                            <li data-more-notices=(notices.len() - MAX_NOTICES).to_string()>
                                {trf(lang.get(), Msg::UrlMoreNotices, &[&(notices.len() - MAX_NOTICES).to_string()])}
                            </li>
                        })}
                    </ul>
                    <button type="button" class="dismiss" on:click=move |_| {
                        state.notices.set(Vec::new());
                        // The notice and its button go: focus on what the page shows.
                        crate::ui::focus_after_redraw(
                            if state.view.get_untracked() == View::Compare { "section.compare" } else { "#results" }.into(),
                        );
                    }>
                        {tr(lang.get(), Msg::Dismiss)}
                    </button>
                </div>
            }
        })
    }
}

/// Whether the page matches a media query, following it as it changes (for as long as the page
/// lives).
fn media_matches(query: &str) -> RwSignal<bool> {
    let matches = RwSignal::new(false);
    if let Some(mq) = web_sys::window()
        .and_then(|w| w.match_media(query).ok())
        .flatten()
    {
        matches.set(mq.matches());
        let on_change = EventListener::new(&mq, "change", move |e| {
            if let Some(e) = e.dyn_ref::<web_sys::MediaQueryListEvent>() {
                matches.set(e.matches());
            }
        });
        on_change.forget();
    }
    matches
}
