//! The notice shown while the parameters cannot be modelled: on the page, the embedded page
//! and presenter mode (its own module, so that those three import it without importing each
//! other).

use leptos::prelude::*;

use crate::i18n::{tr, Msg};
use crate::ui::state::AppState;

/// Why the parameters cannot be modelled. `no_fields`: the page has no parameter fields or reset
/// button for the notice to point to (the embedded page, presenter mode).
#[component]
pub(crate) fn ModelErrorBanner(
    state: AppState,
    #[prop(optional)] no_fields: bool,
) -> impl IntoView {
    let lang = state.lang;
    // The error alone: the banner's view does not follow every new scenario.
    let error = Memo::new(move |_| state.built.with(|b| b.as_ref().err().cloned()));
    // On an imported organisation a measure, not a parameter, is what cannot apply.
    let own = move || {
        state.view.get() == crate::state::url::View::Compose
            && state
                .recipe
                .with(|r| r.as_ref().is_some_and(|r| r.base.is_own()))
    };
    move || {
        error.get().map(|e| {
            let own = own();
            view! {
                <div class="notice model-error" role="alert" data-model-error="1" data-own-error=own.to_string()>
                    <strong>{tr(lang.get(), if own { Msg::ModelErrorTitleOwn } else { Msg::ModelErrorTitle })}</strong>
                    " "
                    <span>{e.message(lang.get()).to_string()}</span>
                    " "
                    // A link opened with such values has no earlier result to keep.
                    <span>{tr(lang.get(), match (state.shown.with(Option::is_some), no_fields) {
                        (true, false) => Msg::KeepingLastResult,
                        (true, true) => Msg::KeepingLastResultHere,
                        (false, _) if own => Msg::ModelErrorOwnWhat,
                        (false, false) => Msg::NothingToShow,
                        (false, true) => Msg::NothingToShowHere,
                    })}</span>
                </div>
            }
        })
    }
}
