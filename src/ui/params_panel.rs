//! The parameter panel: one input per parameter, grouped by measure, each with its unit,
//! range, source and, when what is typed is bad, a message next to it.

use leptos::either::Either;
use leptos::prelude::*;

use crate::analysis::is_analysis_key;
use crate::i18n::{format_number, trf, Lang, Msg};
use crate::model::params::ParamSpec;
use crate::model::source::Source;
use crate::ui::say;
use crate::ui::state::AppState;

#[component]
pub fn SourceNote(source: Source, lang: RwSignal<Lang>) -> impl IntoView {
    match source {
        Source::Seed { doc, quote } => Either::Left(view! {
            <details class="source seed" data-source="seed" data-doc=doc>
                <summary>{move || trf(lang.get(), Msg::SourceDoc, &[doc])}</summary>
                <blockquote lang=source.quote_lang()>{quote}</blockquote>
            </details>
        }),
        Source::Assumption { why } => Either::Right(view! {
            <details class="source assumption" data-source="assumption">
                <summary>{say(lang, Msg::Assumption)}</summary>
                <p>
                    <em>{say(lang, Msg::AssumptionLabel)}</em>
                    ": "
                    {move || why.get(lang.get())}
                </p>
            </details>
        }),
    }
}

/// One parameter's input: a case parameter (`#param-<key>` in `[data-param]`), or with `city` one
/// of the compared city's (`#city-<key>` in `[data-city]`).
#[component]
pub(crate) fn ParamRow(
    state: AppState,
    index: usize,
    spec: ParamSpec,
    #[prop(optional)] city: bool,
) -> impl IntoView {
    let lang = state.lang;
    let prefix = if city { "city" } else { "param" };
    let id = format!("{prefix}-{}", spec.key);
    let err_id = format!("{prefix}-{}-error", spec.key);
    let (raw, params) = if city {
        (state.city_raw, state.city)
    } else {
        (state.raw, state.params)
    };
    // This row's text, as its own memo: typing in one row re-runs only that row's value and
    // error, not those of every row.
    let text = Memo::new(move |_| {
        raw.with(|r| r.get(index).map(|t| t.get()))
            .unwrap_or_default()
    });
    let error = Memo::new(move |_| text.with(|t| spec.parse(t).err()));
    let input = move |text: String| {
        if city {
            state.city_input(index, text)
        } else {
            state.input(index, text)
        }
    };
    let value = move || text.get();
    // Arrow keys step the value, as on a number field.
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let dir = match ev.key().as_str() {
            "ArrowUp" => 1.0,
            "ArrowDown" => -1.0,
            _ => return,
        };
        ev.prevent_default();
        let current = params.with_untracked(|p| p.get(spec.key));
        let next = (current + dir * spec.step).clamp(spec.min, spec.max);
        input(spec.format(next));
    };
    let range = format!(
        "{} – {}",
        format_number(spec.min, 3),
        format_number(spec.max, 3)
    );
    view! {
        <div
            class="param"
            class:invalid=move || error.get().is_some()
            data-param=(!city).then_some(spec.key)
            data-city=city.then_some(spec.key)
            data-min=spec.format(spec.min)
            data-max=spec.format(spec.max)
            data-step-size=spec.format(spec.step)
        >
            <label for=id.clone()>{move || spec.label.get(lang.get())}</label>
            <div class="param-input">
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=value
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby=err_id.clone()
                    on:input=move |ev| input(event_target_value(&ev))
                    on:keydown=on_key
                />
                <span class="unit">{move || spec.unit.get(lang.get())}</span>
            </div>
            <div class="param-meta">
                <span class="range">{range}</span>
                <SourceNote source=spec.source lang=lang/>
            </div>
            <p class="error" id=err_id role="alert" data-error=spec.key>
                {move || error.get().map(|e| e.message(lang.get()))}
            </p>
        </div>
    }
}

/// Parameters (with their index in the variant's specs) by group, the groups in the order they
/// first appear.
type Groups = Vec<(crate::i18n::Text, Vec<(usize, ParamSpec)>)>;

fn by_group(items: impl Iterator<Item = (usize, ParamSpec)>) -> Groups {
    let mut groups: Groups = Vec::new();
    for (i, s) in items {
        match groups.iter_mut().find(|(g, _)| *g == s.group) {
            Some((_, v)) => v.push((i, s)),
            None => groups.push((s.group, vec![(i, s)])),
        }
    }
    groups
}

/// The parameter panel (built after the first frame, `ui::app`: the first figures do not wait
/// for it).
#[component]
pub fn ParamsPanel(state: AppState) -> impl IntoView {
    let lang = state.lang;
    move || {
        let variant = state.variant.get();
        let specs = variant.specs;
        // A composed reform's parameters that no measure reads here fold away at the end.
        let unused = variant.composed.map_or(&[][..], |c| c.unused_keys(variant));
        let unused_items: Vec<(usize, ParamSpec)> = specs
            .iter()
            .enumerate()
            .filter(|(_, s)| unused.contains(&s.key))
            .map(|(i, s)| (i, *s))
            .collect();
        let groups = by_group(
            specs
                .iter()
                .enumerate()
                .filter(|(_, s)| !unused.contains(&s.key))
                .map(|(i, s)| (i, *s)),
        );
        let fieldset = move |g: crate::i18n::Text, items: &[(usize, ParamSpec)]| {
            view! {
                <fieldset>
                    <legend>{move || g.get(lang.get())}</legend>
                    {items
                        .iter()
                        .map(|(i, s)| view! { <ParamRow state=state index=*i spec=*s/> })
                        .collect_view()}
                </fieldset>
            }
        };
        view! {
            <aside class="params" aria-labelledby="params-title">
                <div class="params-head">
                    <h2 id="params-title">{say(lang, Msg::Parameters)}</h2>
                    <button type="button" class="reset" data-action="reset" on:click=move |_| state.reset()>
                        {say(lang, Msg::Reset)}
                    </button>
                </div>
                <label class="toggle">
                    <input
                        type="checkbox"
                        data-option="group"
                        prop:checked=move || state.group.get()
                        on:change=move |ev| state.group.set(event_target_checked(&ev))
                    />
                    {say(lang, Msg::GroupIdentical)}
                </label>
                {groups
                    .into_iter()
                    .map(|(g, items)| {
                        let analysis = items.iter().all(|(_, s)| is_analysis_key(s.key));
                        if !analysis {
                            return fieldset(g, &items).into_any();
                        }
                        // The planning models' inputs fold away unless they are in use: a case
                        // with patrol by default, or a value the user changed.
                        let open = state.params.with_untracked(|p| {
                            items.iter().any(|(_, s)| {
                                (s.key.starts_with("rt_cars") && s.default > 0.0)
                                    || p.get(s.key) != s.default
                            })
                        });
                        view! {
                            <details class="param-group" data-param-group="analysis" open=open>
                                <summary>{move || g.get(lang.get())}</summary>
                                {fieldset(g, &items)}
                            </details>
                        }
                        .into_any()
                    })
                    .collect_view()}
                {(!unused_items.is_empty()).then(|| {
                    let n = unused_items.len().to_string();
                    // Under their groups' names (which name the case).
                    let rows = by_group(unused_items.iter().copied())
                        .into_iter()
                        .map(|(g, items)| fieldset(g, &items))
                        .collect_view();
                    view! {
                        <details class="param-group" data-param-group="unused">
                            <summary>{move || trf(lang.get(), Msg::ParamsUnused, &[&n])}</summary>
                            <p class="hint">{say(lang, Msg::ParamsUnusedHint)}</p>
                            {rows}
                        </details>
                    }
                })}
            </aside>
        }
    }
}
