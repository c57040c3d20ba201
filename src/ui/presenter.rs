//! Presenter mode for training rooms (`?present=1`, the top bar's "Present" button): full
//! screen, one step a screen, projector colours, the step's key figures and its "after" diagram
//! large, a clock; next and previous by the arrow keys, PageUp / PageDown (what a presentation
//! clicker sends), Space, Home and End. Predict, then reveal: H hides the step's figures (they
//! are not in the page until revealed, a "?" stands in their place), P hides each new step's.
//!
//! A second window (`?present=notes`, "Notes window") shows the presenter the step's description,
//! the sources' words, the figures and the next step. The two follow each other both ways over a
//! `BroadcastChannel` (`state::present::CHANNEL`): no server, so it works offline and from the
//! single-file copy. Each window sends its state when it changes there and applies what it
//! hears without sending it back; a window that opens asks the others for theirs. Without
//! `BroadcastChannel` each window works alone.

use gloo_events::EventListener;
use gloo_timers::callback::Interval;
use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::{plain_number, tr, trf, Lang, Msg};
use crate::model::cases::why;
use crate::model::cases::CaseId;
use crate::model::source::Source;
use crate::state::present::{after_move, Message, Move, Shared, CHANNEL};
use crate::state::url::Present;
use crate::ui::diagram::StepDiagram;
use crate::ui::key_figures::{figure_cell, figure_values, written};
use crate::ui::model_error::ModelErrorBanner;
use crate::ui::say;
use crate::ui::state::AppState;

/// How often the clock is redrawn (ms): it shows minutes.
const CLOCK_EVERY: u32 = 15_000;

/// What both windows share, as this one has it (reactive).
#[derive(Clone, Copy)]
struct Deck {
    state: AppState,
    /// The step's figures are hidden (predict, then reveal).
    hidden: RwSignal<bool>,
    /// Each new step starts with its figures hidden.
    predict: RwSignal<bool>,
}

impl Deck {
    fn shared(&self) -> Shared {
        Shared {
            step: self.state.step.get(),
            hidden: self.hidden.get(),
            predict: self.predict.get(),
            case: self.state.case.get().key().to_string(),
            variant: self.state.variant.with(|v| v.key.to_string()),
        }
    }
    fn shared_untracked(&self) -> Shared {
        untrack(|| self.shared())
    }
    /// Shows `s` in this window (the step brought within this scope's steps).
    fn show(&self, s: &Shared) {
        let step = s.step.min(self.state.last_step());
        if self.state.step.get_untracked() != step {
            self.state.step.set(step);
        }
        self.hidden.set(s.hidden && step > 0);
        self.predict.set(s.predict);
    }
    /// A move made in this window (a key, a button).
    fn make(&self, m: Move) {
        let now = self.shared_untracked();
        self.show(&after_move(&now, m, self.state.last_step()));
    }
    /// Shows a state another window sent. Another scope is opened when this page knows it;
    /// `false` when the message cannot be shown here.
    fn receive(&self, s: &Shared) -> bool {
        let Some(case) = CaseId::from_key(&s.case) else {
            return false;
        };
        let here = self.state.case.get_untracked() == case
            && self.state.variant.with_untracked(|v| v.key == s.variant);
        if !here {
            match case.variant(&s.variant) {
                Some(v) if case.is_modelled() => self.state.set_case_variant(case, v),
                _ => return false,
            }
        }
        self.show(s);
        true
    }
}

/// "hh:mm" now, in the browser's time zone.
fn clock_now() -> String {
    let d = js_sys::Date::new_0();
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// This page's link with `present` set (and the own organisation's fragment, as the address bar).
fn link_with(state: AppState, present: Present) -> String {
    let mut u = untrack(|| state.url_state());
    u.present = present;
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let org = untrack(|| crate::ui::own_store::fragment(state));
    format!("{path}{}{org}", crate::state::url::encode(&u))
}

/// Opens presenter mode in this window (the top bar's "Present"). The presenter page it loads
/// puts keyboard focus on its step buttons (`ENTERED`), where a keyboard user goes on.
pub fn start_presenting(state: AppState) {
    if let Some(store) = session() {
        let _ = store.set_item(ENTERED, "1");
    }
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(&link_with(state, Present::Projector));
    }
}

/// Where this tab notes that presenter mode was left by "Exit": the page it reloads to puts
/// keyboard focus back on "Present" (`take_exit_focus`), where a keyboard user was.
const EXITED: &str = "reform-explorer.present-exited";

/// Where this tab notes that presenter mode was opened by "Present": the presenter page puts
/// focus on "Next" (or "Previous" on the last step) instead of leaving it on the page.
const ENTERED: &str = "reform-explorer.present-entered";

/// Whether the note `key` is in this tab's sessionStorage (read once: the note is removed).
fn take_note(key: &str) -> bool {
    let Some(store) = session() else {
        return false;
    };
    let noted = store.get_item(key).ok().flatten().is_some();
    if noted {
        let _ = store.remove_item(key);
    }
    noted
}

/// This tab's sessionStorage (where presenter mode keeps what must survive a reload).
fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Leaves presenter mode for the page at the same step (the window's own address, replaced).
/// Also the way out when presenter mode's part of the wasm could not be loaded (`ui::app`).
pub fn exit_presenting(state: AppState) {
    if let Some(store) = session() {
        let _ = store.set_item(EXITED, "1");
    }
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(&link_with(state, Present::Off));
    }
}

/// Whether this page was opened by leaving presenter mode (read once: the note is removed).
pub fn take_exit_focus() -> bool {
    take_note(EXITED)
}

/// Calls `obj[name]()` if it is a function, ignoring a rejected promise (fullscreen refused).
fn call_quietly(obj: &JsValue, name: &str) {
    let f = js_sys::Reflect::get(obj, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(f) = f else { return };
    if let Ok(p) = f.call0(obj) {
        if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
            let ignore = wasm_bindgen::prelude::Closure::once(|_: JsValue| {});
            let _ = p.catch(&ignore);
            ignore.forget();
        }
    }
}

/// Full screen on, or off again (on a user's click: browsers refuse it otherwise).
fn toggle_fullscreen() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let on = js_sys::Reflect::get(&doc, &JsValue::from_str("fullscreenElement"))
        .is_ok_and(|e| !e.is_null() && !e.is_undefined());
    if on {
        call_quietly(&doc, "exitFullscreen");
    } else if let Some(root) = doc.document_element() {
        call_quietly(&root, "requestFullscreen");
    }
}

/// Whether a key pressed on `target` belongs to it rather than to the presentation: typing in a
/// field, Space or Enter on a button (which press it).
fn key_is_for(target: Option<web_sys::EventTarget>, key: &str) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    let typing = el
        .closest("input, select, textarea, [contenteditable]")
        .ok()
        .flatten()
        .is_some();
    // Space and Enter press a focused button, and act on a focused box of the diagram's tree.
    let pressing = matches!(key, " " | "Enter")
        && el
            .closest("button, a, summary, [role=\"tree\"]")
            .ok()
            .flatten()
            .is_some();
    typing || pressing
}

/// Where this tab keeps hidden and predict across a reload (sessionStorage: this tab only).
const KEPT: &str = "reform-explorer.present";

/// Hidden and predict survive a reload of this window, so that a reload never shows the room
/// the figures the trainer hid. Kept in sessionStorage (this tab only, gone with it) as words:
/// `predict`, and `case.scope.step` for hidden, which holds only on the step it was set on.
fn keep_across_reload(deck: Deck) {
    let hidden_at = |s: &Shared| format!("{}.{}.{}", s.case, s.variant, s.step);
    if let Some(kept) = session().and_then(|s| s.get_item(KEPT).ok().flatten()) {
        let now = deck.shared_untracked();
        let has = |word: &str| kept.split(' ').any(|w| w == word);
        deck.show(&Shared {
            hidden: has(&hidden_at(&now)),
            predict: has("predict"),
            ..now
        });
    }
    Effect::new(move |_| {
        let s = deck.shared();
        let mut kept = Vec::new();
        if s.predict {
            kept.push("predict".to_string());
        }
        if s.hidden {
            kept.push(hidden_at(&s));
        }
        if let Some(store) = session() {
            let _ = store.set_item(KEPT, &kept.join(" "));
        }
    });
}

/// The channel to the other windows, following this window's state and applying theirs.
/// `false` when the browser has no `BroadcastChannel`.
fn link_windows(deck: Deck) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let has = js_sys::Reflect::has(&w, &JsValue::from_str("BroadcastChannel")).unwrap_or(false);
    let Some(channel) = has
        .then(|| web_sys::BroadcastChannel::new(CHANNEL).ok())
        .flatten()
    else {
        return false;
    };
    // The state last sent or heard: a change equal to it is not sent (what was just heard is
    // never sent back, so two windows never echo each other).
    let last = StoredValue::new_local(None::<Shared>);
    let send = {
        let channel = channel.clone();
        move |m: &Message| match serde_wasm_bindgen::to_value(m) {
            Ok(v) => {
                let _ = channel.post_message(&v);
            }
            Err(e) => leptos::logging::warn!("presenter: message not sent: {e}"),
        }
    };
    let on_message = {
        let send = send.clone();
        EventListener::new(&channel, "message", move |ev| {
            let Some(ev) = ev.dyn_ref::<web_sys::MessageEvent>() else {
                return;
            };
            match serde_wasm_bindgen::from_value::<Message>(ev.data()) {
                Ok(Message::Hello) => {
                    let now = deck.shared_untracked();
                    last.set_value(Some(now.clone()));
                    send(&Message::Step(now));
                }
                Ok(Message::Step(s)) => {
                    last.set_value(Some(s.clone()));
                    if !deck.receive(&s) {
                        leptos::logging::warn!(
                            "presenter: a step of {}/{} is not shown here",
                            s.case,
                            s.variant
                        );
                    }
                }
                Err(e) => leptos::logging::warn!("presenter: ignored a message: {e}"),
            }
        })
    };
    // Sends each change made here; the first run only notes where this window starts, and asks
    // the others where they are.
    Effect::new(move |first: Option<()>| {
        let now = deck.shared();
        if first.is_none() {
            last.set_value(Some(now));
            send(&Message::Hello);
            return;
        }
        if last.with_value(|l| l.as_ref() != Some(&now)) {
            last.set_value(Some(now.clone()));
            send(&Message::Step(now));
        }
    });
    // Both live as long as the page.
    StoredValue::new_local((channel, on_message));
    true
}

/// Presenter mode: the projector's window or the notes window (`state.present`).
#[component]
pub fn Presenter(state: AppState) -> impl IntoView {
    let deck = Deck {
        state,
        hidden: RwSignal::new(false),
        predict: RwSignal::new(false),
    };
    keep_across_reload(deck);
    let linked = link_windows(deck);
    // The keys work anywhere on the page but in a field (and Space on a button presses it).
    if let Some(w) = web_sys::window() {
        let opts = gloo_events::EventListenerOptions::enable_prevent_default();
        let keys = EventListener::new_with_options(&w, "keydown", opts, move |ev| {
            let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if ev.default_prevented() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            let key = ev.key();
            let Some(m) = Move::of_key(&key) else { return };
            if key_is_for(ev.target(), &key) {
                return;
            }
            ev.prevent_default();
            let focused = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            deck.make(m);
            // A key that disables the focused button (Home on "Hide figures": the baseline has
            // none to hide) would drop focus to the page: it goes to a step button.
            if let Some(el) = focused {
                leptos::prelude::request_animation_frame(move || {
                    if el.has_attribute("disabled") {
                        crate::ui::focus(
                            "[data-action=\"present-prev\"]:not([disabled]), \
                             [data-action=\"present-next\"]:not([disabled])",
                        );
                    }
                });
            }
        });
        StoredValue::new_local(keys);
    }
    if state.present == Present::Projector && take_note(ENTERED) {
        crate::ui::after_frames(1, || {
            let _ = crate::ui::focus("[data-action=\"present-next\"]:not([disabled])")
                || crate::ui::focus("[data-action=\"present-prev\"]:not([disabled])");
        });
    }
    let clock = RwSignal::new(clock_now());
    StoredValue::new_local(Interval::new(CLOCK_EVERY, move || clock.set(clock_now())));
    // Decided once: an `Either` is built once and never rebuilt (an `AnyView` compiles both).
    if state.present == Present::Notes {
        Either::Left(view! { <NotesView deck=deck clock=clock linked=linked/> })
    } else {
        Either::Right(view! { <ProjectorView deck=deck clock=clock/> })
    }
}

/// The step's title: the baseline, or "2 · 二是 减少层次".
fn step_title(state: AppState, step: usize, l: Lang) -> String {
    state.variant.with(|v| match v.lever_at(step) {
        None => tr(l, Msg::Baseline).to_string(),
        Some(lever) => format!("{step} · {}", lever.name.get(l)),
    })
}

/// The bar's moves (previous, next, hide / reveal, predict), shared by both windows.
#[component]
fn Moves(deck: Deck) -> impl IntoView {
    let state = deck.state;
    let t = move |m: Msg| tr(state.lang.get(), m);
    view! {
        <button type="button" data-action="present-prev" disabled=move || state.step.get() == 0
            on:click=move |_| {
                deck.make(Move::Prev);
                // A button that disables itself would drop the focus to the page.
                if state.step.get_untracked() == 0 {
                    crate::ui::focus("[data-action=\"present-next\"]");
                }
            }>{say(state.lang, Msg::PrevStep)}</button>
        <button type="button" data-action="present-next" disabled={move || state.step.get() >= state.last_step()}
            on:click=move |_| {
                deck.make(Move::Next);
                if state.step.get_untracked() >= untrack(|| state.last_step()) {
                    crate::ui::focus("[data-action=\"present-prev\"]");
                }
            }>{say(state.lang, Msg::NextStep)}</button>
        <button type="button" data-action="present-hide" disabled=move || state.step.get() == 0
            data-hidden=move || deck.hidden.get().to_string()
            on:click=move |_| deck.make(Move::ToggleHidden)>
            {move || t(if deck.hidden.get() { Msg::PresentReveal } else { Msg::PresentHide })}
        </button>
        <button type="button" data-action="present-predict" aria-pressed=move || deck.predict.get().to_string()
            on:click=move |_| deck.make(Move::TogglePredict)>{say(state.lang, Msg::PresentPredict)}</button>
    }
}

/// "Step 2 of 5" and the clock.
#[component]
fn Where(deck: Deck, clock: RwSignal<String>) -> impl IntoView {
    let state = deck.state;
    let lang = state.lang;
    view! {
        <span class="present-where" data-present-step=move || state.step.get().to_string()>
            {move || trf(lang.get(), Msg::PresentStepOf, &[&state.step.get().to_string(), &state.last_step().to_string()])}
        </span>
        <span class="present-clock" data-clock="">
            <span class="visually-hidden">{say(lang, Msg::PresentClock)} " "</span>
            <time>{move || clock.get()}</time>
        </span>
    }
}

/// The projector's window.
#[component]
fn ProjectorView(deck: Deck, clock: RwSignal<String>) -> impl IntoView {
    let state = deck.state;
    let lang = state.lang;
    let t = move |m: Msg| tr(lang.get(), m);
    let values = Memo::new(move |_| figure_values(state));
    let open_notes = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.open_with_url_and_target(
                &link_with(state, Present::Notes),
                "reform-explorer-notes",
            );
        }
    };
    let exit = move |_| exit_presenting(state);
    // One card a key figure: before → at the step; the step's value is left out of the page
    // while hidden.
    let cards = move || {
        let v = state.variant.get();
        let l = lang.get();
        let step = state.step.get();
        v.key_figures
            .iter()
            .enumerate()
            .map(|(i, &f)| {
                let cell = move |after: bool| {
                    figure_cell(f, values, i, after, ["pf-before", "pf-after"], l)
                };
                view! {
                    <li class="pf" data-present-figure=f.key()>
                        <span class="pf-label">{f.label().get(l)}</span>
                        <span class="pf-values">
                            {(step > 0).then(|| view! {
                                {cell(false)}
                                <span class="pf-arrow" aria-hidden="true">" → "</span>
                            })}
                            {move || if deck.hidden.get() {
                                view! {
                                    <span class="pf-hidden" data-hidden-figure=f.key() role="img"
                                        aria-label=tr(l, Msg::PresentHidden)>"?"</span>
                                }.into_any()
                            } else {
                                cell(true).into_any()
                            }}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="presenter" data-present="projector">
            <header class="present-bar">
                <span class="present-case">
                    <strong>{move || state.case.get().name().get(lang.get())}</strong>
                    " · "
                    {move || state.variant.get().name.get(lang.get())}
                </span>
                <Where deck=deck clock=clock/>
                <div class="present-controls" role="group" aria-label=say(lang, Msg::PresentControls)>
                    <Moves deck=deck/>
                    <button type="button" data-action="present-notes" on:click=open_notes>{say(lang, Msg::PresentNotesWindow)}</button>
                    <button type="button" data-action="present-fullscreen" on:click=move |_| toggle_fullscreen()>{say(lang, Msg::PresentFullScreen)}</button>
                    <button type="button" data-action="present-exit" on:click=exit>{say(lang, Msg::PresentExit)}</button>
                </div>
            </header>
            <main class="present-main">
                <div class="present-head">
                    <h1 class="present-title" data-present-title=move || state.step.get().to_string()>
                        {move || step_title(state, state.step.get(), lang.get())}
                    </h1>
                    {move || deck.hidden.get().then(|| view! {
                        <p class="present-guess">{t(Msg::PresentGuess)}</p>
                    })}
                </div>
                <ModelErrorBanner state=state no_fields=true/>
                <section class="present-figures" aria-label=say(lang, Msg::KeyFigures)
                    data-hidden=move || deck.hidden.get().to_string()>
                    <ul class="pf-list">{cards}</ul>
                </section>
                <StepDiagram state=state/>
            </main>
            <p class="present-keys">{say(lang, Msg::PresentKeys)}</p>
        </div>
    }
}

/// A source's words: the quote in its document's script and the document, or the assumption.
fn source_view(source: Source, l: Lang) -> AnyView {
    match source {
        Source::Seed { doc, quote } => view! {
            <li data-notes-quote=doc>
                <blockquote lang=source.quote_lang()>{quote}</blockquote>
                <span class="why-doc">{trf(l, Msg::SourceDoc, &[doc])}</span>
            </li>
        }
        .into_any(),
        Source::Assumption { why } => view! {
            <li data-notes-quote="assumption">
                <em>{tr(l, Msg::AssumptionLabel)}</em> {l.colon()} {why.get(l)}
            </li>
        }
        .into_any(),
    }
}

/// The notes window: what the presenter reads while the room looks at the projector.
#[component]
fn NotesView(deck: Deck, clock: RwSignal<String>, linked: bool) -> impl IntoView {
    let state = deck.state;
    let lang = state.lang;
    let t = move |m: Msg| tr(lang.get(), m);
    let values = Memo::new(move |_| figure_values(state));
    let exit = move |_| exit_presenting(state);
    let summary = move || {
        let l = lang.get();
        let step = state.step.get();
        state.variant.with(|v| match v.lever_at(step) {
            None => tr(l, Msg::BaselineSummary).to_string(),
            Some(lever) => lever.summary.get(l).to_string(),
        })
    };
    // The measure's own source; before the reform the problems the sources name, at the last
    // step the outcomes they report.
    let quotes = move || {
        let l = lang.get();
        let step = state.step.get();
        let case = state.case.get();
        let (lever, last) = state
            .variant
            .with(|v| (v.lever_at(step), step >= v.levers.len()));
        let said = |s: why::Said| {
            view! {
                <li data-notes-quote=s.doc>
                    <span class="why-label">{s.label.get(l)}</span>
                    <blockquote lang=s.quote_lang()>{s.quote}</blockquote>
                    <span class="why-doc">{trf(l, Msg::SourceDoc, &[s.doc])}</span>
                </li>
            }
            .into_any()
        };
        let mut items: Vec<AnyView> = Vec::new();
        match lever {
            None => items.extend(why::problems(case).into_iter().map(said)),
            Some(lever) => items.push(source_view(lever.source, l)),
        }
        if last && step > 0 {
            items.extend(why::outcomes(case).into_iter().map(said));
        }
        items.collect_view()
    };
    let answers = move || {
        let v = state.variant.get();
        let l = lang.get();
        let step = state.step.get();
        values.with(|x| {
            v.key_figures
                .iter()
                .zip(x.iter())
                .map(|(&f, &(b, a))| {
                    let text = if step > 0 {
                        format!("{} → {}", written(f, b, l), written(f, a, l))
                    } else {
                        written(f, a, l)
                    };
                    view! {
                        <li data-notes-figure=f.key() data-value=plain_number(a)>
                            <span class="pf-label">{f.label().get(l)}</span> " " <strong>{text}</strong>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let next = move || {
        let l = lang.get();
        let step = state.step.get();
        if step >= state.last_step() {
            t(Msg::PresentLast).to_string()
        } else {
            step_title(state, step + 1, l)
        }
    };
    view! {
        <div class="presenter presenter-notes" data-present="notes">
            <header class="present-bar">
                <h1 class="present-notes-title">{say(lang, Msg::PresentNotesTitle)}</h1>
                <Where deck=deck clock=clock/>
                <div class="present-controls" role="group" aria-label=say(lang, Msg::PresentControls)>
                    <Moves deck=deck/>
                    <button type="button" data-action="present-exit" on:click=exit>{say(lang, Msg::PresentExit)}</button>
                </div>
            </header>
            <p class="present-link" data-linked=linked.to_string()>
                {move || t(if linked { Msg::PresentLinked } else { Msg::PresentAlone })}
            </p>
            <main class="notes-main">
                <section class="notes-step" aria-labelledby="notes-step">
                    <h2 id="notes-step">
                        {say(lang, Msg::PresentThisStep)} {move || lang.get().colon()}
                        <span data-notes-title=move || state.step.get().to_string()>{move || step_title(state, state.step.get(), lang.get())}</span>
                    </h2>
                    <p data-notes-summary="">{summary}</p>
                </section>
                <section class="notes-quotes" aria-labelledby="notes-quotes">
                    <h2 id="notes-quotes">{say(lang, Msg::PresentQuotes)}</h2>
                    <ul>{quotes}</ul>
                </section>
                <section class="notes-figures" aria-labelledby="notes-figures">
                    <h2 id="notes-figures">
                        {move || trf(lang.get(), Msg::PresentAnswers, &[t(if deck.hidden.get() { Msg::PresentHiddenWord } else { Msg::PresentShownWord })])}
                    </h2>
                    <ul>{answers}</ul>
                </section>
                <section class="notes-next" aria-labelledby="notes-next">
                    <h2 id="notes-next">{say(lang, Msg::PresentNextUp)}</h2>
                    <p data-notes-next="">{next}</p>
                </section>
            </main>
            <p class="present-keys">{say(lang, Msg::PresentKeys)}</p>
        </div>
    }
}
