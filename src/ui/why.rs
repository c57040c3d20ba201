//! "Why this reform · what the sources report": under the key figures of a case's page, the
//! problems the case's sources name and the outcomes they report (`model::cases::why`), each
//! quoted in its document's own script (`lang`), each outcome labelled as reported, not computed
//! by the model. A `<details>`, open where the screen is wide, folded on a phone; opened for
//! printing (`ui::app`, beforeprint).

use leptos::either::Either;
use leptos::prelude::*;

use crate::i18n::{format_number, tr, trf, Lang, Msg};
use crate::model::cases::why::{self, Said};
use crate::model::cases::Reported;
use crate::state::url::View;
use crate::ui::say;
use crate::ui::state::AppState;

/// A reported figure as the panel writes it: "97.66 分", "-21%", "1,937 → 434 起".
fn figure(r: &Reported, l: Lang) -> String {
    let one = |v: f64| format_number(v, 2);
    let value = match (r.before, r.after) {
        (Some(b), Some(a)) => format!("{} → {}", one(b), one(a)),
        (Some(v), None) | (None, Some(v)) => one(v),
        (None, None) => String::new(),
    };
    match r.unit.get(l) {
        "" => value,
        "%" => format!("{value}%"),
        unit => format!("{value} {unit}"),
    }
}

/// One problem or outcome: its label (and figure), the outcome's "reported" label and the English
/// rendering on an English page, run together; under them the quote in its own script and its
/// document.
fn item(s: Said, outcome: bool, l: Lang) -> impl IntoView {
    view! {
        <li data-why=if outcome { "outcome" } else { "problem" } data-doc=s.doc>
            <span class="why-label">{s.label.get(l)}</span>
            {s.reported.map(|r| view! {
                {l.colon()}
                <span class="why-figure">{figure(r, l)}</span>
            })}
            {outcome.then(|| view! {
                " "
                <span class="why-reported" data-why-label="reported">{tr(l, Msg::WhyNotComputed)}</span>
            })}
            {s.en.filter(|_| l == Lang::En).map(|en| view! { " — " <span class="why-en">{en}</span> })}
            <span class="why-source">
                <q class="why-quote" lang=s.quote_lang()>{s.quote}</q>
                " "
                <span class="why-doc">{trf(l, Msg::SourceDoc, &[s.doc])}</span>
            </span>
        </li>
    }
}

/// Built after the first frame with the rest of the first screen (`ui::app`).
#[component]
pub fn WhyPanel(state: AppState) -> impl IntoView {
    let lang = state.lang;
    // Folded, with how much it holds: open, it is taller than the first screen in English,
    // and the diagrams come first.
    let count = move || {
        let c = state.case.get();
        let (p, o) = (why::problems(c).len(), why::outcomes(c).len());
        trf(lang.get(), Msg::WhyCount, &[&p.to_string(), &o.to_string()])
    };
    let problems = move || {
        let l = lang.get();
        why::problems(state.case.get())
            .into_iter()
            .map(|s| item(s, false, l))
            .collect_view()
    };
    // The list, or where the source reports no outcome, why not.
    let outcomes = move || {
        let l = lang.get();
        let case = state.case.get();
        let list = why::outcomes(case);
        if list.is_empty() {
            let why_none = why::of(case).no_outcomes.map_or("", |t| t.get(l));
            Either::Left(view! { <p class="why-none" data-why-none="">{why_none}</p> })
        } else {
            let items = list.into_iter().map(|s| item(s, true, l)).collect_view();
            Either::Right(view! { <ul>{items}</ul> })
        }
    };
    view! {
        <Show when=move || state.view.get() == View::Case>
            <details class="why" data-panel="why">
                <summary>
                    <h2>{say(lang, Msg::WhyTitle)}</h2>
                    <span class="why-count" data-why-count="1">{count}</span>
                </summary>
                <div class="why-body">
                    {move || {
                        let l = lang.get();
                        why::not_this_reform(state.case.get(), state.variant.get().key)
                            .map(|t| view! { <p class="why-related" data-why-related="">{t.get(l)}</p> })
                    }}
                    <section aria-labelledby="why-problems">
                        <h3 id="why-problems">{say(lang, Msg::WhyProblems)}</h3>
                        <ul>{problems}</ul>
                    </section>
                    <section aria-labelledby="why-outcomes">
                        <h3 id="why-outcomes">{say(lang, Msg::WhyOutcomes)}</h3>
                        {outcomes}
                    </section>
                </div>
            </details>
        </Show>
    }
}
