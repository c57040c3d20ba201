//! Tables beside the diagrams: the editable station table (for variants with `row_specs`, e.g.
//! Haidong) and the workload table (staff, incidents and incidents per officer of each district
//! or station, before and after).

use leptos::prelude::*;

use crate::analysis::workload::Method;
use crate::i18n::{format_number, tr, trf, Lang, Msg};
use crate::model::metrics::work_units;
use crate::model::org::Unit;
use crate::ui::say;
use crate::ui::state::AppState;
use crate::ui::TableScroll;

/// The row number of a table row unit: ids "s1", "s2", …
fn row_of(u: &Unit) -> Option<usize> {
    u.id.strip_prefix('s')?.parse().ok()
}

#[component]
pub fn RowTable(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let error = RwSignal::new(None::<String>);
    let rows = Memo::new(move |_| {
        let l = lang.get();
        if state.variant.with(|v| v.row_specs.is_empty()) {
            return Vec::new();
        }
        let specs = state.variant.with(|v| v.row_specs);
        state.shown.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.scenario
                        .before()
                        .walk()
                        .into_iter()
                        .filter_map(|(_, u)| {
                            let row = row_of(u)?;
                            let values: Vec<f64> = specs
                                .iter()
                                .map(|f| u.field(f.key).unwrap_or(f64::NAN))
                                .collect();
                            Some((row, u.name.get(l).to_string(), values))
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let body = move || {
        let l = lang.get();
        let specs = state.variant.with(|v| v.row_specs);
        rows.get()
            .into_iter()
            .map(|(row, name, values)| {
                let cells = specs
                    .iter()
                    .zip(values)
                    .map(|(spec, v)| {
                        let spec = *spec;
                        let edited = state.params.with(|p| p.edit(row, spec.key).is_some());
                        let label = format!("{name} {}", spec.label.get(l));
                        view! {
                            <td class="num">
                                <input
                                    type="text"
                                    inputmode="numeric"
                                    class:edited=edited
                                    data-row=row
                                    data-field=spec.key
                                    data-min=spec.format(spec.min)
                                    data-max=spec.format(spec.max)
                                    data-step-size=spec.format(spec.step)
                                    aria-label=label
                                    prop:value=spec.format(v)
                                    on:change=move |ev| {
                                        let text = event_target_value(&ev);
                                        let mut p = state.params.get_untracked();
                                        match p.set_edit(row, &spec, &text) {
                                            Ok(_) => {
                                                error.set(None);
                                                state.params.set(p);
                                            }
                                            Err(e) => error.set(Some(trf(
                                                lang.get_untracked(),
                                                Msg::RowError,
                                                &[&row.to_string(), spec.label.get(lang.get_untracked()), &e.message(lang.get_untracked())],
                                            ))),
                                        }
                                    }
                                />
                            </td>
                        }
                    })
                    .collect_view();
                view! {
                    <tr data-table-row=row>
                        <th scope="row">{name}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view()
    };
    let head = move || {
        let l = lang.get();
        state
            .variant
            .with(|v| v.row_specs)
            .iter()
            .map(|s| view! { <th scope="col" class="num">{s.label.get(l)} " (" {s.unit.get(l)} ")"</th> })
            .collect_view()
    };
    let edits = move || state.params.with(|p| p.edits().len());
    view! {
        <Show when=move || state.variant.with(|v| !v.row_specs.is_empty())>
            <details class="row-table" data-panel="rows">
                <summary>{say(lang, Msg::RowTableTitle)}</summary>
                <p class="hint">{say(lang, Msg::RowTableHint)}</p>
                <p class="error" role="alert">{move || error.get()}</p>
                <TableScroll lang=lang>
                    <table>
                        <thead><tr><th scope="col">{say(lang, Msg::Unit)}</th>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </TableScroll>
                <button
                    type="button"
                    class="reset"
                    data-action="clear-edits"
                    disabled=move || edits() == 0
                    on:click=move |_| {
                        state.params.update(|p| p.clear_edits());
                        error.set(None);
                    }
                >{move || trf(lang.get(), Msg::ClearEdits, &[&edits().to_string()])}</button>
            </details>
        </Show>
    }
}

/// One row of the workload table.
#[derive(Clone, Debug, PartialEq)]
struct WorkRow {
    id: String,
    name: String,
    staff: u32,
    incidents: u64,
    per: Option<f64>,
    /// Officers the workload method says the unit needs (when the variant has its parameters).
    needed: Option<f64>,
}

fn work_rows(org: &Unit, lang: Lang, method: Option<Method>) -> Vec<WorkRow> {
    work_units(org)
        .into_iter()
        .map(|w| WorkRow {
            id: w.unit.id.to_string(),
            name: w.unit.name.get(lang).to_string(),
            staff: w.staff,
            incidents: w.incidents,
            per: w.per_officer(),
            needed: method.map(|m| m.need(w.incidents, w.staff).needed),
        })
        .collect()
}

#[component]
pub fn WorkloadTable(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let tables = Memo::new(move |_| {
        let l = lang.get();
        let step = state.step.get();
        let method = state.params.with(Method::of);
        state.shown.with(|s| {
            let s = s.as_ref()?;
            // Only organisations with incidents have a workload to show.
            if s.scenario.before().incidents_total() == 0 {
                return None;
            }
            let before = work_rows(s.scenario.before(), l, method);
            if before.iter().all(|r| r.incidents == 0) {
                return None;
            }
            Some((before, work_rows(s.scenario.at(step), l, method)))
        })
    });
    let has_incidents = move || tables.with(Option::is_some);
    let table = move |after: bool| {
        let l = lang.get();
        let rows = tables
            .get()
            .map(|(b, a)| if after { a } else { b })
            .unwrap_or_default();
        let title = if after {
            state.after_title(false)
        } else {
            tr(l, Msg::Before).to_string()
        };
        let phase = if after { "after" } else { "before" };
        let with_needed = rows.iter().any(|r| r.needed.is_some());
        view! {
            <TableScroll lang=lang>
                <table data-workload=phase>
                    <caption>{title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr(l, Msg::Unit)}</th>
                            <th scope="col" class="num">{tr(l, Msg::Staff)}</th>
                            <th scope="col" class="num">{tr(l, Msg::Incidents)}</th>
                            <th scope="col" class="num">{tr(l, Msg::PerOfficer)}</th>
                            {with_needed.then(|| view! { <th scope="col" class="num">{tr(l, Msg::WorkloadNeeded)}</th> })}
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|r| view! {
                                <tr data-work-unit=r.id.clone()>
                                    <th scope="row">{r.name}</th>
                                    <td class="num">{format_number(f64::from(r.staff), 0)}</td>
                                    <td class="num">{format_number(r.incidents as f64, 0)}</td>
                                    <td class="num" data-per-officer=r.per.map(crate::i18n::plain_number).unwrap_or_default()>
                                        {r.per.map(|v| format_number(v, 1)).unwrap_or_else(|| "—".into())}
                                    </td>
                                    {r.needed.map(|n| view! {
                                        <td class="num" class:short=(n > f64::from(r.staff)) data-needed=crate::i18n::plain_number(n)>
                                            {format_number(n, 1)}
                                            {(n > f64::from(r.staff)).then(|| view! { <span class="short-mark" aria-hidden="true">" ▲"</span> })}
                                        </td>
                                    })}
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </TableScroll>
        }
    };
    view! {
        <Show when=has_incidents>
            <section class="workload" aria-labelledby="workload-title">
                <h2 id="workload-title">{say(lang, Msg::WorkloadTitle)}</h2>
                <p class="hint">{say(lang, Msg::WorkloadHint)}</p>
                <Show when=move || state.params.with(|p| Method::of(p).is_some())>
                    <p class="hint" data-how="workload">{say(lang, Msg::WorkloadNeededHint)}</p>
                </Show>
                <div class="workload-pair">
                    {move || table(false)}
                    {move || table(true)}
                </div>
            </section>
        </Show>
    }
}
