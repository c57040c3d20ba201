//! Sharing: the "copy link" button, the embed builder (which parts, step, language, theme and
//! height, a live preview, the snippet), and the embedded page itself (`?embed=1&show=…`: the
//! parts chosen, a link back to the full explorer). The embedded page talks to the page around
//! it: it posts its height ([`HEIGHT_MESSAGE`]) and its state and key figures
//! ([`STATE_MESSAGE`]), and takes [`SET_MESSAGE`] (step, parameters, language) from its parent;
//! anything else it is sent is ignored with a warning in the console.

use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

use std::collections::BTreeMap;

use leptos::logging::warn;
use serde::Serialize;

use crate::i18n::{plain_number, tr, trf, Lang, Msg};
use crate::state::url::{self, Part, Parts, Theme};
use crate::ui::diagram::DiagramPanel;
use crate::ui::key_figures::{figure_values, KeyFigures};
use crate::ui::model_error::ModelErrorBanner;
use crate::ui::numbers::{Numbers, StaffChart};
use crate::ui::say;
use crate::ui::state::AppState;
use crate::ui::steps::StepControl;

/// The type of the message an embedded page posts to its parent: `{ type, height }`.
pub const HEIGHT_MESSAGE: &str = "reform-explorer:height";

/// The type of the message an embedded page posts to its parent when its state or its key
/// figures change (see [`StateMessage`]).
pub const STATE_MESSAGE: &str = "reform-explorer:state";

/// The type of the message a parent page sends an embedded page to drive it:
/// `{ type, step?, params?: { key: value }, lang? }`.
pub const SET_MESSAGE: &str = "reform-explorer:set";

/// The embed snippet's frame height when none is chosen, and the range the builder takes (px).
pub const EMBED_HEIGHT: u32 = 720;
pub const EMBED_HEIGHT_MIN: u32 = 200;
pub const EMBED_HEIGHT_MAX: u32 = 5000;

/// Most parameters a `set` message may carry (a variant has a few dozen).
const MAX_SET_PARAMS: u32 = 200;

/// The message an embedded page posts to its parent when its height changes.
#[derive(serde::Serialize)]
struct HeightMessage {
    /// Always [`HEIGHT_MESSAGE`].
    #[serde(rename = "type")]
    kind: &'static str,
    /// The page's height in CSS pixels, rounded up.
    height: f64,
}

/// This page's address without its query or fragment ("https://host/app/",
/// "file:///media/usb/reform-explorer.html").
fn page_base() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let end = href.find(['?', '#']).unwrap_or(href.len());
    href[..end].to_string()
}

/// The iframe snippet for a briefing page, `height` CSS pixels high until the few lines after
/// it size it to its content.
pub fn embed_snippet(src: &str, title: &str, height: u32) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
    };
    format!(
        "<iframe src=\"{}\" title=\"{}\" style=\"width:100%;height:{height}px;border:0\" loading=\"lazy\"></iframe>\n\
         <script>\n\
         addEventListener('message', (e) => {{\n  \
           if (!e.data || e.data.type !== '{HEIGHT_MESSAGE}') return;\n  \
           for (const f of document.querySelectorAll('iframe'))\n    \
             if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';\n\
         }});\n\
         </script>",
        esc(src),
        esc(title)
    )
}

/// Puts `text` on the clipboard; `done` hears whether it worked. Where the clipboard API is
/// missing or refused, the caller shows the text selected for the user to copy by hand.
fn copy_text(text: String, done: impl Fn(bool) + 'static) {
    let Some(w) = web_sys::window() else {
        return done(false);
    };
    let clipboard = js_sys::Reflect::get(&w, &JsValue::from_str("navigator"))
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("clipboard")))
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    let promise = clipboard.and_then(|c| {
        let f = js_sys::Reflect::get(&c, &JsValue::from_str("writeText"))
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        f.call1(&c, &JsValue::from_str(&text))
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    let Some(promise) = promise else {
        return done(false);
    };
    let done = std::rc::Rc::new(done);
    let (ok, err) = (done.clone(), done);
    let on_ok = Closure::once(move |_: JsValue| ok(true));
    let on_err = Closure::once(move |_: JsValue| err(false));
    let _ = promise.then2(&on_ok, &on_err);
    on_ok.forget();
    on_err.forget();
}

/// Selects the text of the element with this id (a read-only field), for copying by hand.
fn select_field(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _ = el.focus();
        el.select();
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Copied {
    No,
    Yes,
    Failed,
}

/// A read-only field with a copy button and what became of the last copy.
#[component]
fn CopyField(
    lang: RwSignal<Lang>,
    /// `share-<kind>` is the field's id, `data-share=<kind>` its hook, `copy-<kind>` the button's.
    kind: &'static str,
    rows: u32,
    label: Msg,
    button: Msg,
    text: Memo<String>,
) -> impl IntoView {
    let t = move |m: Msg| tr(lang.get(), m);
    let id = format!("share-{kind}");
    let copied = RwSignal::new(Copied::No);
    let copy = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            copy_text(text.get_untracked(), move |ok| {
                copied.set(if ok { Copied::Yes } else { Copied::Failed });
                if !ok {
                    select_field(&id);
                }
            });
        }
    };
    view! {
        <label for=id.clone()>{say(lang, label)}</label>
        <textarea id=id readonly rows=rows.to_string() data-share=kind prop:value=move || text.get()></textarea>
        <p class="share-actions">
            <button type="button" data-action=format!("copy-{kind}") on:click=copy>{say(lang, button)}</button>
            <span role="status" data-copied=move || (copied.get() == Copied::Yes).to_string()>
                {move || match copied.get() {
                    Copied::No => "",
                    Copied::Yes => t(Msg::Copied),
                    Copied::Failed => t(Msg::CopyByHand),
                }}
            </span>
        </p>
    }
}

/// The words for a theme in the theme selectors.
pub(crate) fn theme_msg(th: Theme) -> Msg {
    match th {
        Theme::Auto => Msg::ThemeAuto,
        Theme::Light => Msg::ThemeLight,
        Theme::Dark => Msg::ThemeDark,
        Theme::Projector => Msg::ThemeProjector,
    }
}

fn part_msg(p: Part) -> Msg {
    match p {
        Part::Figures => Msg::EmbedPartFigures,
        Part::Steps => Msg::EmbedPartSteps,
        Part::Diagrams => Msg::EmbedPartDiagrams,
        Part::Chart => Msg::EmbedPartChart,
        Part::Table => Msg::EmbedPartTable,
    }
}

/// What the embed builder has chosen; taken from the page each time the menu opens.
#[derive(Clone, Copy)]
struct Builder {
    parts: RwSignal<Parts>,
    step: RwSignal<usize>,
    lang: RwSignal<Lang>,
    theme: RwSignal<Theme>,
    height: RwSignal<u32>,
}

/// The builder's choices: the parts as checkboxes, the step, language and theme as selectors,
/// the frame's height as a number.
#[component]
fn EmbedBuilder(state: AppState, b: Builder) -> impl IntoView {
    let lang = state.lang;
    let t = move |m: Msg| tr(lang.get(), m);
    let parts = Part::ALL
        .into_iter()
        .map(|p| {
            let checked = move || b.parts.get().has(p);
            view! {
                <label class="embed-part">
                    <input
                        type="checkbox"
                        data-embed-part=p.key()
                        prop:checked=checked
                        // The last part cannot be taken away: its box stays checked.
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            b.parts.update(|x| *x = x.with(p, on));
                            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                input.set_checked(b.parts.get_untracked().has(p));
                            }
                        }
                    />
                    " "
                    {move || t(part_msg(p))}
                </label>
            }
        })
        .collect_view();
    let steps = move || {
        let v = state.variant.get();
        let l = lang.get();
        std::iter::once(tr(l, Msg::Baseline).to_string())
            .chain(
                v.levers
                    .iter()
                    .enumerate()
                    .map(|(i, lv)| format!("{} · {}", i + 1, lv.name.get(l))),
            )
            .enumerate()
            .map(|(i, name)| {
                view! { <option value=i.to_string() selected=move || b.step.get() == i>{name}</option> }
            })
            .collect_view()
    };
    view! {
        <fieldset class="embed-builder" data-embed-builder="1">
            <legend>{say(lang, Msg::EmbedBuilder)}</legend>
            <div class="embed-parts" role="group" aria-label=say(lang, Msg::EmbedParts)>
                <span class="embed-parts-label" aria-hidden="true">{say(lang, Msg::EmbedParts)}</span>
                {parts}
            </div>
            <div class="embed-options">
                <label>
                    <span>{say(lang, Msg::EmbedStep)}</span>
                    <select data-embed-option="step" on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            b.step.set(i);
                        }
                    }>{steps}</select>
                </label>
                <label>
                    <span>{say(lang, Msg::Language)}</span>
                    <select data-embed-option="lang" on:change=move |ev| {
                        if let Some(l) = Lang::from_code(&event_target_value(&ev)) {
                            b.lang.set(l);
                        }
                    }>
                        {Lang::ALL
                            .into_iter()
                            .map(|l| view! {
                                <option value=l.code() lang=l.code() selected=move || b.lang.get() == l>{l.native_name()}</option>
                            })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    <span>{say(lang, Msg::Theme)}</span>
                    <select data-embed-option="theme" on:change=move |ev| {
                        if let Some(th) = Theme::from_key(&event_target_value(&ev)) {
                            b.theme.set(th);
                        }
                    }>
                        {Theme::ALL
                            .into_iter()
                            .map(|th| view! {
                                <option value=th.key() selected=move || b.theme.get() == th>{move || t(theme_msg(th))}</option>
                            })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    <span>{say(lang, Msg::EmbedHeight)}</span>
                    <input
                        type="number"
                        data-embed-option="height"
                        min=EMBED_HEIGHT_MIN.to_string()
                        max=EMBED_HEIGHT_MAX.to_string()
                        step="10"
                        prop:value=move || b.height.get().to_string()
                        on:input=move |ev| {
                            if let Ok(h) = event_target_value(&ev).trim().parse::<u32>() {
                                if (EMBED_HEIGHT_MIN..=EMBED_HEIGHT_MAX).contains(&h) {
                                    b.height.set(h);
                                }
                            }
                        }
                    />
                </label>
            </div>
        </fieldset>
    }
}

/// "Share" in the top bar: the page's link, and the embed builder with its preview and snippet,
/// each with a copy button. What the panel holds comes from a part of the wasm of its own
/// (`share_body`), fetched when the panel is first opened.
#[component]
pub fn ShareMenu(state: AppState) -> impl IntoView {
    let lang = state.lang;
    // Built only while the menu is open: closed, a parameter change costs it nothing.
    let open = RwSignal::new(false);
    let b = Builder {
        parts: RwSignal::new(Parts::default()),
        step: RwSignal::new(0),
        lang: RwSignal::new(Lang::default()),
        theme: RwSignal::new(Theme::default()),
        height: RwSignal::new(EMBED_HEIGHT),
    };
    let body = NodeRef::<leptos::html::Div>::new();
    let on_toggle = move |ev: web_sys::Event| {
        crate::ui::follow_toggle(&ev, open);
        // Opened: the builder starts from what the page shows.
        if open.get_untracked() {
            b.step.set(state.step.get_untracked());
            b.lang.set(lang.get_untracked());
            b.theme.set(state.theme.get_untracked());
            // Asked for at the first opening, and again at the next after it could not be
            // fetched (its notice is replaced). Busy meanwhile.
            if let Some(el) = body.get_untracked() {
                let was = el.get_attribute("data-part");
                if matches!(was.as_deref(), None | Some("missing")) {
                    el.set_inner_html("");
                    let _ = el.set_attribute("data-part", "loading");
                    let _ = el.set_attribute("aria-busy", "true");
                    crate::ui::mount_part(el.into(), lang, move |el| async move {
                        let done = share_body(el.clone(), state, open, b).await;
                        let _ = el.remove_attribute("aria-busy");
                        done
                    });
                }
            }
        }
    };
    // Escape closes the panel, focus back on its button.
    let close_on_escape = move |ev: web_sys::KeyboardEvent| {
        if ev.key() != "Escape" {
            return;
        }
        if let Some(d) = crate::ui::details_listening(&ev).filter(|d| d.open()) {
            d.set_open(false);
            if let Some(summary) = d
                .first_element_child()
                .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = summary.focus();
            }
            ev.stop_propagation();
        }
    };
    // Tab out of the open panel closes it: it is drawn over the page, and covered the controls
    // Tab went on to. A click on the page's background (no control to go to) leaves it open.
    let close_on_leave = move |ev: web_sys::FocusEvent| {
        let details = crate::ui::details_listening(&ev);
        let to = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if let (Some(d), Some(to)) = (details, to) {
            if d.open() && !d.contains(Some(&to)) {
                d.set_open(false);
            }
        }
    };
    view! {
        <details class="share" data-panel="share" on:toggle=on_toggle on:keydown=close_on_escape on:focusout=close_on_leave>
            <summary>{say(lang, Msg::Share)}</summary>
            // `data-part`: `loading` once asked for (not `pending`, which says a part drawn
            // unasked is on its way), then `ready`, or `missing` if it could not be fetched.
            <div class="share-body" node_ref=body></div>
        </details>
    }
}

split_point! {
    fn share_body(el: web_sys::HtmlElement, state: AppState, open: RwSignal<bool>, b: Builder) {
        leptos::mount::mount_to(el, move || share_panel(state, open, b)).forget();
    }
}

/// The share panel's content: the link, and the embed builder with its preview and snippet.
fn share_panel(state: AppState, open: RwSignal<bool>, b: Builder) -> impl IntoView {
    let lang = state.lang;
    let t = move |m: Msg| tr(lang.get(), m);
    let link = Memo::new(move |_| {
        if open.get() {
            let org = crate::ui::own_store::fragment(state);
            format!("{}{}{org}", page_base(), state.query_with(false))
        } else {
            String::new()
        }
    });
    // The embedded page's address: this view with the builder's choices.
    let src = Memo::new(move |_| {
        if !open.get() {
            return String::new();
        }
        let mut u = state.url_state();
        u.embed = true;
        u.show = b.parts.get();
        u.lang = b.lang.get();
        u.theme = b.theme.get();
        u.step = Some(b.step.get()).filter(|s| *s < state.last_step());
        let org = crate::ui::own_store::fragment(state);
        format!("{}{}{org}", page_base(), url::encode(&u))
    });
    let snippet = Memo::new(move |_| {
        if open.get() {
            embed_snippet(
                &src.get(),
                tr(lang.get(), Msg::EmbedFrameTitle),
                b.height.get(),
            )
        } else {
            String::new()
        }
    });
    view! {
        <CopyField lang=lang kind="link" rows=2 label=Msg::LinkLabel button=Msg::CopyLink text=link/>
        <Show when=move || open.get()>
            <EmbedBuilder state=state b=b/>
            <p class="embed-preview-label">{say(lang, Msg::EmbedPreview)}</p>
            <div class="embed-preview-frame">
                <iframe
                    class="embed-preview"
                    data-share="preview"
                    // A picture of the embed, not a part of the menu: out of the Tab
                    // order (it held some 45 stops) and of Escape's reach otherwise.
                    inert=true
                    src=move || src.get()
                    title=say(lang, Msg::EmbedPreviewTitle)
                    style:height=move || format!("{}px", b.height.get())
                ></iframe>
            </div>
        </Show>
        <CopyField lang=lang kind="embed" rows=7 label=Msg::EmbedLabel button=Msg::CopySnippet text=snippet/>
        <p class="hint">{say(lang, Msg::EmbedHint)}</p>
        {move || (open.get() && crate::ui::own_store::too_large_for_link(state)).then(|| view! {
            <p class="notice warn" data-share-org="too-large">
                {trf(lang.get(), Msg::OrgTooLargeForLink, &[&(crate::state::organisation::LINK_MAX / 1000).to_string()])}
            </p>
        })}
        {move || (open.get() && !crate::ui::own_store::fragment(state).is_empty()).then(|| view! {
            <p class="hint" data-share-org="carried">{t(Msg::OrgInLink)}</p>
        })}
    }
}

/// Posts the page's height to the parent page whenever it changes (an embedded page, only when
/// framed: a page opened on its own would post to itself, and its own listener warn of it).
fn post_height_to_parent() {
    if parent_window().is_none() {
        return;
    }
    let Some(w) = web_sys::window() else { return };
    let Some(root) = w.document().and_then(|d| d.document_element()) else {
        return;
    };
    let last = std::cell::Cell::new(-1.0f64);
    let measure = root.clone();
    let cb = Closure::<dyn Fn(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        let h = measure.get_bounding_client_rect().height().ceil();
        if (h - last.get()).abs() < 1.0 {
            return;
        }
        last.set(h);
        let msg = serde_wasm_bindgen::to_value(&HeightMessage {
            kind: HEIGHT_MESSAGE,
            height: h,
        });
        if let (Ok(msg), Some(parent)) = (msg, parent_window()) {
            let _ = parent.post_message(&msg, "*");
        }
    });
    if let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        ro.observe(&root);
    }
    cb.forget(); // lives as long as the page
}

/// The message an embedded page posts to its parent when what it shows changes.
#[derive(Clone, PartialEq, Serialize)]
struct StateMessage {
    /// Always [`STATE_MESSAGE`].
    #[serde(rename = "type")]
    kind: &'static str,
    /// The case's key (`daqing`) and its scope's (`urban`).
    case: &'static str,
    variant: &'static str,
    /// The step shown (0 = before any measure) and the last step (every measure taken).
    step: usize,
    steps: usize,
    /// The language's code (`zh-Hans`, `zh-Hant`, `en`).
    lang: &'static str,
    /// Every parameter's value, by key.
    params: BTreeMap<&'static str, f64>,
    /// The key figures, before and at the step (`null` where there is none).
    figures: Vec<FigureOut>,
    /// Why these parameters cannot be modelled, in the page's language; `null` when they can.
    /// While there is one, `figures` are those of the last parameters that could be modelled.
    error: Option<String>,
}

#[derive(Clone, PartialEq, Serialize)]
struct FigureOut {
    key: &'static str,
    label: String,
    before: Option<f64>,
    after: Option<f64>,
}

/// The state message for what the page shows now. Reactive.
fn state_message(state: AppState) -> StateMessage {
    let v = state.variant.get();
    let l = state.lang.get();
    let finite = |x: f64| x.is_finite().then_some(x);
    let figures = v
        .key_figures
        .iter()
        .zip(figure_values(state))
        .map(|(f, (before, after))| FigureOut {
            key: f.key(),
            label: f.label().get(l).to_string(),
            before: finite(before),
            after: finite(after),
        })
        .collect();
    StateMessage {
        kind: STATE_MESSAGE,
        case: state.case.get().key(),
        variant: v.key,
        step: state.step.get(),
        steps: v.levers.len(),
        lang: l.code(),
        // Inserted one by one: `collect` into a map sorts first, and compiles a sort of its own.
        params: state.params.with(|p| {
            let mut m = BTreeMap::new();
            for s in p.specs() {
                m.insert(s.key, p.get(s.key));
            }
            m
        }),
        figures,
        error: state
            .built
            .with(|b| b.as_ref().err().map(|e| e.message(l).to_string())),
    }
}

/// The parent page, when this page is framed by one.
fn parent_window() -> Option<web_sys::Window> {
    let w = web_sys::window()?;
    let parent = w.parent().ok()??;
    (!js_sys::Object::is(&parent, &w)).then_some(parent)
}

split_point! {
    /// The messages with the page around a framed embedded page: its state posted whenever it
    /// changes (the first one says it listens), and `set` messages applied. A part of the wasm of
    /// its own: only an embedded page in a frame needs it, and it brings serde-wasm-bindgen's
    /// serializer. Run under the page's `owner`, so that the state's memo and effect live as the
    /// page does.
    fn talk_to_parent(state: AppState, owner: Owner) {
        owner.with(|| {
            post_state_to_parent(state);
            listen_to_parent(state);
        })
    }
}

/// Posts the state message to the parent page whenever it changes (an embedded page).
fn post_state_to_parent(state: AppState) {
    if parent_window().is_none() {
        return;
    }
    let message = Memo::new(move |_| state_message(state));
    Effect::new(move |_| {
        let m = message.get();
        // Maps as plain objects, so that the page around can read `params.staff`.
        let value = m.serialize(&serde_wasm_bindgen::Serializer::json_compatible());
        if let (Ok(value), Some(parent)) = (value, parent_window()) {
            let _ = parent.post_message(&value, "*");
        }
    });
}

/// Reads field `key` of a message; `None` when it is absent (undefined).
fn field(data: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(data, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined())
}

/// Applies a `set` message: each field checked on its own, a bad one skipped with a warning,
/// through the setters the page's own controls use.
fn apply_set(state: AppState, data: &JsValue) {
    // Known fields only; others are named (a typo should not pass in silence).
    let keys = js_sys::Object::keys(&js_sys::Object::from(data.clone()));
    for k in keys.iter().take(20) {
        let k = k.as_string().unwrap_or_default();
        if !matches!(k.as_str(), "type" | "step" | "params" | "lang") {
            warn!("reform-explorer: {SET_MESSAGE}: unknown field {k:?} ignored");
        }
    }
    if let Some(l) = field(data, "lang") {
        match l.as_string().as_deref().and_then(Lang::from_code) {
            Some(l) => state.set_lang(l),
            None => warn!(
                "reform-explorer: {SET_MESSAGE}: lang must be one of zh-Hans, zh-Hant, en; ignored"
            ),
        }
    }
    if let Some(params) = field(data, "params") {
        if !params.is_object() || js_sys::Array::is_array(&params) {
            warn!("reform-explorer: {SET_MESSAGE}: params must be an object {{ key: value }}; ignored");
        } else {
            let entries = js_sys::Object::entries(&js_sys::Object::from(params));
            if entries.length() > MAX_SET_PARAMS {
                warn!("reform-explorer: {SET_MESSAGE}: more than {MAX_SET_PARAMS} params; ignored");
            } else {
                for e in entries.iter() {
                    let e = js_sys::Array::from(&e);
                    let key = e.get(0).as_string().unwrap_or_default();
                    set_param(state, &key, &e.get(1));
                }
            }
        }
    }
    if let Some(step) = field(data, "step") {
        let last = state.last_step();
        match step.as_f64() {
            Some(n) if n.fract() == 0.0 && (0.0..=last as f64).contains(&n) => {
                state.step.set(n as usize)
            }
            _ => warn!("reform-explorer: {SET_MESSAGE}: step must be a whole number from 0 to {last}; ignored"),
        }
    }
}

/// Sets one parameter from a `set` message, if the scope has it and the value is one its link
/// would take (`ParamSpec::parse`: a number in range, on its grid).
fn set_param(state: AppState, key: &str, value: &JsValue) {
    let text = match (value.as_f64(), value.as_string()) {
        (Some(n), _) if n.is_finite() => plain_number(n),
        (_, Some(s)) if s.len() <= 64 => s.trim().to_string(),
        _ => {
            warn!("reform-explorer: {SET_MESSAGE}: params.{key:.64} must be a number; ignored");
            return;
        }
    };
    let found = state.params.with_untracked(|p| {
        p.specs()
            .iter()
            .position(|s| s.key == key)
            .map(|i| (i, p.specs()[i].parse(&text).is_ok()))
    });
    match found {
        Some((i, true)) => state.input(i, text),
        Some((_, false)) => warn!(
            "reform-explorer: {SET_MESSAGE}: params.{key} = {text:.64} is out of range or not a value it takes; ignored"
        ),
        None => warn!("reform-explorer: {SET_MESSAGE}: no parameter {key:.64} in this scope; ignored"),
    }
}

/// Listens for `set` messages from the parent page. Anything else, or from elsewhere, is
/// ignored with a warning; nothing a message holds can stop the page.
fn listen_to_parent(state: AppState) {
    let Some(w) = web_sys::window() else { return };
    let listener = gloo_events::EventListener::new(&w, "message", move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let from_parent = match (ev.source(), parent_window()) {
            (Some(src), Some(parent)) => js_sys::Object::is(&src, &parent),
            _ => false,
        };
        let data = ev.data();
        let kind = if data.is_object() {
            field(&data, "type").and_then(|t| t.as_string())
        } else {
            None
        };
        match kind.as_deref() {
            _ if !from_parent => {
                warn!("reform-explorer: a message not from the parent page ignored")
            }
            Some(SET_MESSAGE) => apply_set(state, &data),
            Some(k) => warn!("reform-explorer: unknown message type {k:.64} ignored"),
            None => warn!("reform-explorer: a message without a type ignored"),
        }
    });
    listener.forget(); // lives as long as the page
}

/// The embedded page's diagrams, when chosen (the first of its parts below the steps).
fn diagrams(state: AppState) -> impl IntoView {
    state
        .show
        .has(Part::Diagrams)
        .then(|| view! { <DiagramPanel state=state/> })
}

// The embedded page's chart and table, when chosen, from a part of the wasm of their own
// (`split_point!`): the case page shows them only below its first screen, from its panels' part,
// so the main module, which every visitor and every briefing page downloads, need not hold them.
split_point! {
    fn embed_tables(el: web_sys::HtmlElement, state: AppState) {
        leptos::mount::mount_to(el, move || tables(state)).forget();
    }
}

/// The embedded page's chart and table, in that order, after its diagrams.
fn tables(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let show = state.show;
    view! {
        {show.has(Part::Chart).then(|| view! {
            <section class="embed-chart" data-embed-part="chart" aria-label=say(lang, Msg::EmbedPartChart)>
                <StaffChart state=state/>
            </section>
        })}
        {show.has(Part::Table).then(|| view! { <Numbers state=state charts=!show.has(Part::Chart)/> })}
    }
}

/// The embedded page: the parts chosen (`show=`), with a link to open it in the full explorer.
#[component]
pub fn EmbedView(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let full = move || {
        let org = crate::ui::own_store::fragment(state);
        format!("{}{}{org}", page_base(), state.query_with(false))
    };
    post_height_to_parent();
    // In a frame: the messages with the page around, from their own part of the wasm.
    if let (Some(_), Some(owner)) = (parent_window(), Owner::current()) {
        leptos::task::spawn_local(async move {
            if talk_to_parent(state, owner).await.is_err() {
                warn!(
                    "reform-explorer: the part that talks to the parent page could not be loaded"
                );
            }
        });
    }
    let show = state.show;
    // With the key figures shown, the diagrams, chart and table are built in the task after
    // the frame that shows them (as on the main page); without, they are the first figures.
    let later = show.has(Part::Figures);
    let rest_at = NodeRef::<leptos::html::Div>::new();
    let tables_at = NodeRef::<leptos::html::Div>::new();
    let has_tables = show.has(Part::Chart) || show.has(Part::Table);
    // The tables' part is fetched once the page is built (without the key figures, its fetch
    // starts at once: the diagrams, if chosen, are the first figures meanwhile).
    let load_tables = move || {
        if let Some(el) = tables_at.get_untracked() {
            crate::ui::mount_part(el.into(), lang, move |el| embed_tables(el, state));
        }
    };
    if later {
        crate::ui::after_frames(1, move || {
            if let Some(el) = rest_at.get_untracked() {
                leptos::mount::mount_to(el.into(), move || diagrams(state)).forget();
            }
            load_tables();
        });
    } else if has_tables {
        leptos::task::spawn_local(async move { load_tables() });
    }
    view! {
        // The embedded page's main landmark, its title the page's one heading of the first
        // level (a screen reader in the briefing page's frame finds both).
        <main class="embed" data-embed="1" data-embed-show=show.key()>
            <header class="embed-bar">
                <h1 class="embed-title">
                    <strong>{move || state.case.get().name().get(lang.get())}</strong>
                    " · "
                    {move || state.variant.get().name.get(lang.get())}
                    " · "
                    {move || state.after_title(true)}
                </h1>
                <a class="open-full" data-action="open-full" href=full target="_blank" rel="noopener">
                    {say(lang, Msg::OpenFull)}
                </a>
            </header>
            // Why the figures are missing or not the new values' (as on the full page).
            <ModelErrorBanner state=state no_fields=true/>
            // A language its host asked for whose part could not be fetched (as on the full page).
            {move || state.part_missing.get().then(|| view! {
                <p class="notice part-missing" role="alert" data-part-missing="1">{say(lang, Msg::PartMissing)}</p>
            })}
            {show.has(Part::Figures).then(|| view! { <KeyFigures state=state/> })}
            {show.has(Part::Steps).then(|| view! { <StepControl state=state/> })}
            {(!later).then(|| diagrams(state))}
            <div class="later" node_ref=rest_at></div>
            {has_tables.then(|| view! { <div class="later" data-part="pending" node_ref=tables_at></div> })}
        </main>
    }
}
