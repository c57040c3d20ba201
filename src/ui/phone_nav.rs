//! The top bar on a phone (CSS shows it below 600 px): one row with the title, one selector for
//! the case and its scope (and the comparison and the composer), and a menu button that opens
//! the rest of the bar (theme, share, language). The case tabs and the scope buttons are hidden
//! there; this selector does what they do.
use leptos::prelude::*;

use crate::i18n::{tr, Msg};
use crate::model::cases::CaseId;
use crate::state::url::View;
use crate::ui::say;
use crate::ui::state::AppState;

/// The option of what is on screen: `case:<case>:<variant>`, `compare` or `compose`.
fn current(state: AppState) -> String {
    match state.view.get() {
        View::Compare => "compare".into(),
        View::Compose => "compose".into(),
        View::Case => format!(
            "case:{}:{}",
            state.case.get().key(),
            state.variant.get().key
        ),
    }
}

/// Shows what option `value` names.
fn pick(state: AppState, value: &str) {
    match value {
        "compare" => state.view.set(View::Compare),
        "compose" => state.open_composer(),
        v => {
            let mut parts = v.strip_prefix("case:").unwrap_or_default().split(':');
            let (Some(case), Some(variant)) = (parts.next(), parts.next()) else {
                return;
            };
            let Some(c) = CaseId::ALL.into_iter().find(|c| c.key() == case) else {
                return;
            };
            let variant = variant.to_string();
            state.with_cases(vec![c], move || {
                match c.variants().iter().find(|v| v.key == variant) {
                    Some(v) => state.set_case_variant(c, v),
                    None => state.set_case(c),
                }
            });
        }
    }
}

#[component]
pub fn PhoneNav(state: AppState, menu: RwSignal<bool>) -> impl IntoView {
    let lang = state.lang;
    let options = move || {
        let l = lang.get();
        let cases = CaseId::ALL
            .into_iter()
            .filter(|c| c.is_modelled())
            .map(|c| {
                let variants = c
                    .scopes()
                    .iter()
                    .map(|(key, name)| {
                        let value = format!("case:{}:{}", c.key(), key);
                        view! { <option value=value>{format!("{} · {}", c.name().get(l), name.get(l))}</option> }
                    })
                    .collect_view();
                view! { <optgroup label=c.name().get(l)>{variants}</optgroup> }
            })
            .collect_view();
        view! {
            {cases}
            <option value="compare">{tr(l, Msg::CompareTitle)}</option>
            <option value="compose">{tr(l, Msg::ComposeTitle)}</option>
        }
    };
    // The select's value follows the state (also after the options are redrawn in another
    // language).
    let select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        let now = current(state);
        lang.track();
        if let Some(s) = select.get() {
            s.set_value(&now);
        }
    });
    // The keys on the closed list move its choice; Enter, the mouse or a touch opens it.
    let choice = crate::ui::PickOnEnter::new();
    // Enter on the page shown already leaves it as it is (a pick would start it afresh).
    let enter = move |value: &str| {
        if value != current(state) {
            pick(state, value);
        }
    };
    // A choice moved to by the keys and left without Enter: back to the page shown.
    let back = move |ev: &web_sys::Event| {
        event_target::<web_sys::HtmlSelectElement>(ev).set_value(&current(state));
    };
    view! {
        <div class="phone-nav">
            <select node_ref=select data-action="pick-view" aria-label=say(lang, Msg::Cases)
                on:keydown=move |ev| if choice.enter(&ev) { enter(&event_target_value(&ev)) }
                on:change=move |ev| if choice.picked() { pick(state, &event_target_value(&ev)) }
                on:blur=move |ev| back(&ev)>
                {options}
            </select>
            <button type="button" class="menu-button" data-action="menu"
                aria-controls="topbar-more" aria-expanded=move || menu.get().to_string()
                on:click=move |_| menu.update(|m| *m = !*m)>
                <span aria-hidden="true">"☰ "</span>{say(lang, Msg::Menu)}
            </button>
        </div>
    }
}
