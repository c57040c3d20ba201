//! Sharing: the "copy link" button, the embed snippet, and the embedded page itself
//! (`?embed=1`: diagrams and numbers only, a link back to the full explorer, and its height
//! posted to the parent page so that a briefing page can size the iframe).

use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::{tr, trf, Lang, Msg};
use crate::ui::diagram::DiagramPanel;
use crate::ui::key_figures::KeyFigures;
use crate::ui::numbers::Numbers;
use crate::ui::state::AppState;

/// The type of the message an embedded page posts to its parent: `{ type, height }`.
pub const HEIGHT_MESSAGE: &str = "reform-explorer:height";

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

/// The iframe snippet for a briefing page, with the few lines that size it.
pub fn embed_snippet(src: &str, title: &str) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
    };
    format!(
        "<iframe src=\"{}\" title=\"{}\" style=\"width:100%;height:720px;border:0\" loading=\"lazy\"></iframe>\n\
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
        <label for=id.clone()>{move || t(label)}</label>
        <textarea id=id readonly rows=rows.to_string() data-share=kind prop:value=move || text.get()></textarea>
        <p class="share-actions">
            <button type="button" data-action=format!("copy-{kind}") on:click=copy>{move || t(button)}</button>
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

/// "Share" in the top bar: the page's link and the embed snippet, each with a copy button.
#[component]
pub fn ShareMenu(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let t = move |m: Msg| tr(lang.get(), m);
    // Built only while the menu is open: closed, a parameter change costs it nothing.
    let open = RwSignal::new(false);
    let link = Memo::new(move |_| {
        if open.get() {
            let org = crate::ui::own_store::fragment(state);
            format!("{}{}{org}", page_base(), state.query_with(false))
        } else {
            String::new()
        }
    });
    let snippet = Memo::new(move |_| {
        if open.get() {
            let org = crate::ui::own_store::fragment(state);
            let src = format!("{}{}{org}", page_base(), state.query_with(true));
            embed_snippet(&src, tr(lang.get(), Msg::EmbedFrameTitle))
        } else {
            String::new()
        }
    });
    let on_toggle = move |ev: web_sys::Event| crate::ui::follow_toggle(&ev, open);
    view! {
        <details class="share" data-panel="share" on:toggle=on_toggle>
            <summary>{move || t(Msg::Share)}</summary>
            <div class="share-body">
                <CopyField lang=lang kind="link" rows=2 label=Msg::LinkLabel button=Msg::CopyLink text=link/>
                <CopyField lang=lang kind="embed" rows=7 label=Msg::EmbedLabel button=Msg::CopySnippet text=snippet/>
                <p class="hint">{move || t(Msg::EmbedHint)}</p>
                {move || (open.get() && crate::ui::own_store::too_large_for_link(state)).then(|| view! {
                    <p class="notice warn" data-share-org="too-large">
                        {trf(lang.get(), Msg::OrgTooLargeForLink, &[&(crate::state::organisation::LINK_MAX / 1000).to_string()])}
                    </p>
                })}
                {move || (open.get() && !crate::ui::own_store::fragment(state).is_empty()).then(|| view! {
                    <p class="hint" data-share-org="carried">{t(Msg::OrgInLink)}</p>
                })}
            </div>
        </details>
    }
}

/// Posts the page's height to the parent page whenever it changes (an embedded page).
fn post_height_to_parent() {
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
        if let (Ok(msg), Some(Ok(Some(parent)))) = (msg, web_sys::window().map(|w| w.parent())) {
            let _ = parent.post_message(&msg, "*");
        }
    });
    if let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        ro.observe(&root);
    }
    cb.forget(); // lives as long as the page
}

/// The embedded page: what the case shows, with a link to open it in the full explorer.
#[component]
pub fn EmbedView(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let t = move |m: Msg| tr(lang.get(), m);
    let full = move || {
        let org = crate::ui::own_store::fragment(state);
        format!("{}{}{org}", page_base(), state.query_with(false))
    };
    post_height_to_parent();
    view! {
        <div class="embed" data-embed="1">
            <header class="embed-bar">
                <span class="embed-title">
                    <strong>{move || state.case.get().name().get(lang.get())}</strong>
                    " · "
                    {move || state.variant.get().name.get(lang.get())}
                    " · "
                    {move || state.after_title(true)}
                </span>
                <a class="open-full" data-action="open-full" href=full target="_blank" rel="noopener">
                    {move || t(Msg::OpenFull)}
                </a>
            </header>
            <KeyFigures state=state/>
            <DiagramPanel state=state/>
            <Numbers state=state/>
        </div>
    }
}
