//! "One city, four models" (`?view=compare`): the city's inputs, the same figures from each
//! case's model applied to it (`analysis::compare`), what each model was given, and a way to open
//! any of them with the city's values in the case view.

use leptos::prelude::*;

use crate::analysis::compare::{self, cell, Applied, Cell, City, Figure, FIGURES};
use crate::i18n::{format_number, plain_number, tr, trf, Lang, Msg};
use crate::model::cases::{CaseId, ModelError};
use crate::model::compose::{Recipe, Scope};
use crate::model::metrics::{compute, Format, MetricKey, Metrics};
use crate::model::own;
use crate::ui::params_panel::{ParamRow, SourceNote};
use crate::ui::state::AppState;
use crate::ui::{say, TableScroll};

fn figure_label(f: Figure, l: Lang) -> &'static str {
    match f {
        Figure::Officers => tr(l, Msg::CompareOfficers),
        Figure::ResponseTime => tr(l, Msg::CompareResponse),
        Figure::Metric(k) => k.label().get(l),
    }
}

fn write(f: Figure, v: f64) -> String {
    let format = match f {
        Figure::Metric(k) => k.format(),
        Figure::ResponseTime => Format::Decimal,
        Figure::Officers => Format::Count,
    };
    crate::ui::numbers::shown(format, v)
}

/// Whether a figure did not change: an undefined mean (NaN) before and after counts as the same.
fn same(before: f64, after: f64) -> bool {
    before == after || (before.is_nan() && after.is_nan())
}

/// A cell's text: "before → after", or the value and "(no effect)" when the two are equal.
fn before_after(f: Figure, before: f64, after: f64, l: Lang) -> AnyView {
    if same(before, after) {
        view! { {write(f, before)} " " <small class="no-effect-mark">"(" {tr(l, Msg::CompareNoEffect)} ")"</small> }
            .into_any()
    } else {
        view! { {write(f, before)} " → " <strong>{write(f, after)}</strong> }.into_any()
    }
}

/// The comparison page. `narrow` (up to 900 px, one column): the city's inputs come after the
/// comparison in the page, where they are drawn, as the case page's parameters do.
#[component]
pub fn ComparePage(state: AppState, narrow: RwSignal<bool>) -> impl IntoView {
    let lang = state.lang;
    // The four models applied to the city (made here, in the comparison's part of the wasm).
    let compared = Memo::new(move |_| compare::apply(&City::of(&state.city.get())));
    let city = move || {
        view! {
            <aside class="params" aria-labelledby="city-title">
                <h2 id="city-title">{say(lang, Msg::CompareCity)}</h2>
                <CityInputs state=state/>
            </aside>
        }
    };
    view! {
        <main class="layout compare-layout" data-page="compare">
            {move || (!narrow.get()).then(city)}
            <section class="content compare" tabindex="-1" aria-labelledby="compare-title">
                <h2 id="compare-title">{say(lang, Msg::CompareTitle)}</h2>
                <p class="hint">{say(lang, Msg::CompareHint)}</p>
                {move || {
                    let l = lang.get();
                    let all = compared.get();
                    view! {
                        <CompareTable all=all.clone() lang=l/>
                        <p class="hint">{tr(l, Msg::CompareLimits)}</p>
                        <div class="fed-list">
                            {all.into_iter().map(|a| view! { <FedList state=state a=a lang=l/> }).collect_view()}
                        </div>
                    }
                }}
                <FourReforms state=state/>
            </section>
            {move || narrow.get().then(city)}
        </main>
    }
}

#[component]
fn CityInputs(state: AppState) -> impl IntoView {
    let specs = state.city.with_untracked(|p| p.specs());
    specs
        .iter()
        .enumerate()
        .map(|(i, spec)| view! { <ParamRow state=state index=i spec=*spec city=true/> })
        .collect_view()
}

#[component]
fn CompareTable(all: Vec<Applied>, lang: Lang) -> impl IntoView {
    let l = lang;
    let head = all
        .iter()
        .map(|a| {
            view! {
                <th scope="col" data-compare-case=a.case.key()>
                    <span class="case-name">{a.case.name().get(l)}</span>
                    <small>{a.variant.name.get(l)}</small>
                </th>
            }
        })
        .collect_view();
    let failed = all
        .iter()
        .filter_map(|a| {
            a.result
                .as_ref()
                .err()
                .map(|e| (a.case, e.message(l).to_string()))
        })
        .map(|(c, msg)| {
            view! {
                <p class="notice bad" data-compare-failed=c.key()>
                    <strong>{c.name().get(l)}</strong>": "{tr(l, Msg::CompareFailed)}{msg}
                </p>
            }
        })
        .collect_view();
    let rows = FIGURES
        .iter()
        .map(|&f| {
            let cells = all
                .iter()
                .map(|a| match cell(a, f) {
                    Cell::Value { before, after } => {
                        let same = same(before, after);
                        view! {
                            <td class="num" class:no-effect=same data-compare=f.key() data-case=a.case.key()
                                data-before=plain_number(before) data-after=plain_number(after)
                                data-effect=if same { "none" } else { "changed" }>
                                {before_after(f, before, after, l)}
                            </td>
                        }
                        .into_any()
                    }
                    Cell::NotModelled(why) => view! {
                        <td class="num not-modelled" data-compare=f.key() data-case=a.case.key() data-effect="not-modelled" title=why.get(l)>
                            {tr(l, Msg::CompareNotModelled)}
                            <span class="not-modelled-why">{why.get(l)}</span>
                        </td>
                    }
                    .into_any(),
                    Cell::Failed(_) => view! {
                        <td class="num" data-compare=f.key() data-case=a.case.key() data-effect="failed">"—"</td>
                    }
                    .into_any(),
                })
                .collect_view();
            view! {
                <tr data-figure=f.key()>
                    <th scope="row">{figure_label(f, l)}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        {failed}
        <TableScroll lang=lang>
            <table class="compare-table">
                <thead><tr><th scope="col">{tr(l, Msg::CompareFigure)}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
    }
}

#[component]
fn FedList(state: AppState, a: Applied, lang: Lang) -> impl IntoView {
    let l = lang;
    let specs = a.params.specs();
    let items = a
        .fed
        .iter()
        .map(|f| {
            let label = specs
                .iter()
                .find(|s| s.key == f.key)
                .map(|s| (s.label.get(l), s.unit.get(l)))
                .unwrap_or((f.key, ""));
            let capped = f
                .wanted
                .map(|w| trf(l, Msg::CompareCapped, &[&format_number(w, 1)]));
            view! {
                <li data-fed=f.key>
                    <span class="label">{label.0}</span>": "
                    <strong>{format_number(f.value, 2)}</strong>" "{label.1}
                    {capped.map(|c| view! { <span class="capped" data-capped="1">{c}</span> })}
                    " ← "<span class="how">{f.how.get(l)}</span>
                </li>
            }
        })
        .collect_view();
    let case = a.case;
    let open = move |_| {
        state.open_applied(&a);
        // The button goes with the page: focus to the results.
        crate::ui::focus_after_redraw("#results".into());
    };
    view! {
        <details class="fed" data-fed-case=case.key()>
            <summary>{case.name().get(l)} " · " {tr(l, Msg::CompareFed)}</summary>
            <ul>{items}</ul>
            <button type="button" data-action="open-compared" data-case=case.key() on:click=open>{tr(l, Msg::CompareOpen)}</button>
        </details>
    }
}

/// The figures the four reforms are compared on.
const FOUR_FIGURES: [MetricKey; 12] = [
    MetricKey::StaffTotal,
    MetricKey::OrganStaff,
    MetricKey::FrontlineShare,
    MetricKey::ManagementTiers,
    MetricKey::Layers,
    MetricKey::CommandChain,
    MetricKey::UnitsTotal,
    MetricKey::SubBureaus,
    MetricKey::CountyBureaus,
    MetricKey::Stations,
    MetricKey::Districts,
    MetricKey::SpanAvg,
];

/// One case's whole reform on the chosen organisation: the metrics before and after and the
/// steps that found nothing to act on, or why it cannot apply.
type FourColumn = (CaseId, usize, Result<(Metrics, Metrics, usize), ModelError>);

fn four_columns(base: Scope) -> Vec<FourColumn> {
    CaseId::ALL
        .iter()
        .map(|&case| {
            let v = Recipe::of_reform(case, base).variant();
            let result = v.build(&v.defaults()).map(|s| {
                let idle = s.idle_steps().len();
                (compute(s.before()), compute(s.after()), idle)
            });
            (case, v.levers.len(), result)
        })
        .collect()
}

/// Four reforms on one organisation: every case's whole reform applied to the same "before".
#[component]
fn FourReforms(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let base = Memo::new(move |_| state.four.get().unwrap_or(Scope::TYPICAL_CITY));
    let columns = Memo::new(move |_| four_columns(base.get()));
    let pick = crate::ui::PickOnEnter::new();
    let set_base = move |ev: &web_sys::Event| {
        if let Some(s) = Scope::parse(&event_target_value(ev)) {
            state.four.set((s != Scope::TYPICAL_CITY).then_some(s));
        }
    };
    let options = move || {
        let l = lang.get();
        let now = base.get().key();
        Scope::all()
            .into_iter()
            .map(|s| {
                let k = s.key();
                let name = format!("{} · {}", s.owner_name().get(l), s.variant.name.get(l));
                view! { <option value=k.clone() selected=k == now>{name}</option> }
            })
            .collect_view()
    };
    let table = move || {
        let l = lang.get();
        let cols = columns.get();
        let b = base.get();
        let head = cols
            .iter()
            .map(|(case, n, r)| {
                let case = *case;
                let note = match r {
                    Ok((_, _, idle)) => {
                        trf(l, Msg::FourMeasures, &[&n.to_string(), &idle.to_string()])
                    }
                    Err(_) => String::new(),
                };
                view! {
                    <th scope="col" data-four-case=case.key()>
                        <span class="case-name">{case.name().get(l)}</span>
                        <small>{note}</small>
                        // Named with its case: four buttons read alike otherwise.
                        <button type="button" class="four-open" data-action="open-four" data-case=case.key()
                            aria-label=format!("{} · {}", case.name().get(l), tr(l, Msg::FourOpen))
                            on:click=move |_| {
                                state.set_recipe(Recipe::of_reform(case, b));
                                state.view.set(crate::state::url::View::Compose);
                                // The button goes with the page: focus to the results.
                                crate::ui::focus_after_redraw("#results".into());
                            }>{tr(l, Msg::FourOpen)}</button>
                    </th>
                }
            })
            .collect_view();
        let refused = cols
            .iter()
            .filter_map(|(case, _, r)| r.as_ref().err().map(|e| (*case, e.message(l))))
            .map(|(c, msg)| {
                view! {
                    <p class="notice bad" data-four-failed=c.key()>
                        <strong>{c.name().get(l)}</strong>": "{tr(l, Msg::FourRefused)}{msg}
                    </p>
                }
            })
            .collect_view();
        // An own organisation without ranks has no command chain to compare (`own::lacks_ranks`;
        // its notes say why).
        let rows = FOUR_FIGURES
            .iter()
            .filter(|&&k| own::shows(b.variant, k))
            .map(|&k| {
                let f = Figure::Metric(k);
                let cells = cols
                    .iter()
                    .map(|(case, _, r)| match r {
                        Ok((mb, ma, _)) => {
                            let (before, after) = (mb.get(k), ma.get(k));
                            let same = same(before, after);
                            view! {
                                <td class="num" class:no-effect=same data-four=k.key() data-case=case.key()
                                    data-before=plain_number(before) data-after=plain_number(after)
                                    data-effect=if same { "none" } else { "changed" }>
                                    {before_after(f, before, after, l)}
                                </td>
                            }
                            .into_any()
                        }
                        Err(_) => view! {
                            <td class="num" data-four=k.key() data-case=case.key() data-effect="failed">"—"</td>
                        }
                        .into_any(),
                    })
                    .collect_view();
                view! {
                    <tr data-four-figure=k.key()>
                        <th scope="row">{figure_label(f, l)}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! {
            {refused}
            <TableScroll lang=lang>
                <table class="compare-table four-table">
                    <thead><tr><th scope="col">{tr(l, Msg::CompareFigure)}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableScroll>
        }
    };
    view! {
        <section class="four-reforms" data-panel="four" aria-labelledby="four-title">
            <h2 id="four-title">{say(lang, Msg::FourTitle)}</h2>
            <p class="hint">{say(lang, Msg::FourHint)}</p>
            <label class="compose-base">
                <span>{say(lang, Msg::FourBase)}</span>
                // Taken at once when picked with the mouse, a touch or the open list, by Enter
                // after the keys moved the choice (each option is a whole table to build); a
                // choice the keys moved to and left without Enter is not kept.
                <select data-action="four-base"
                    on:keydown=move |ev| if pick.enter(&ev) { set_base(&ev) }
                    on:change=move |ev| if pick.picked() { set_base(&ev) }
                    on:blur=move |ev| {
                        event_target::<web_sys::HtmlSelectElement>(&ev).set_value(&base.get_untracked().key());
                    }>{options}</select>
            </label>
            {move || view! { <BaseAbout base=base.get() lang=lang/> }}
            {table}
        </section>
    }
}

/// The organisation the four reforms are applied to, as it is built: its notes, and each of its
/// figures at its default with the source it comes from or the assumption and its reason.
#[component]
fn BaseAbout(base: Scope, lang: RwSignal<Lang>) -> impl IntoView {
    let v = base.variant;
    let notes = v
        .notes
        .iter()
        .map(|n| view! { <li>{move || n.get(lang.get())}</li> })
        .collect_view();
    let rows = v
        .specs
        .iter()
        .filter(|s| !crate::model::planning::is_analysis_key(s.key))
        .map(|s| {
            view! {
                <tr data-four-spec=s.key>
                    <th scope="row">{move || s.label.get(lang.get())}</th>
                    <td class="num">{s.format(s.default)}" "{move || s.unit.get(lang.get())}</td>
                    <td><SourceNote source=s.source lang=lang/></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="notes four-about" data-four-about=base.key()>
            <summary>{say(lang, Msg::FourAbout)}</summary>
            <ul>{notes}</ul>
            <TableScroll lang=lang>
                <table class="compare-table"><tbody>{rows}</tbody></table>
            </TableScroll>
        </details>
    }
}

/// The button in the case tabs that opens the comparison.
#[component]
pub fn CompareTab(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let active = move || state.view.get() == crate::state::url::View::Compare;
    view! {
        <button type="button" class="case-tab compare-tab" class:active=active data-view="compare"
            aria-pressed=move || active().to_string()
            on:click=move |_| state.view.set(crate::state::url::View::Compare)>
            <span>{say(lang, Msg::CompareTitle)}</span>
        </button>
    }
}
