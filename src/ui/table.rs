//! Tables beside the diagrams: the editable station table (for variants with `row_specs`, e.g.
//! Haidong) and the workload table (staff, incidents and incidents per officer of each district
//! or station, before and after).

use leptos::prelude::*;

use crate::analysis::workload::Method;
use crate::i18n::{format_number, tr, trf, Lang, Msg};
use crate::model::metrics::work_units;
use crate::model::org::Unit;
use crate::ui::cells::Cells;
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
            .map(|s| {
                // The unit in brackets, unless the label says it already ("Incidents a year").
                let (label, unit) = (s.label.get(l), s.unit.get(l));
                let unit = (!unit.is_empty()
                    && !label.to_lowercase().contains(&unit.to_lowercase()))
                .then(|| format!(" ({unit})"));
                view! { <th scope="col" class="num">{label} {unit}</th> }
            })
            .collect_view()
    };
    let edits = move || state.params.with(|p| p.edits().len());
    // The rows are built only while the panel is open: folded (as it starts), a parameter
    // change costs it nothing (Haidong's 24 stations are 96 inputs).
    let open = RwSignal::new(false);
    view! {
        <Show when=move || state.variant.with(|v| !v.row_specs.is_empty())>
            <details
                class="row-table"
                data-panel="rows"
                on:toggle=move |ev| crate::ui::follow_toggle(&ev, open)
            >
                <summary>{say(lang, Msg::RowTableTitle)}</summary>
                <p class="hint">{say(lang, Msg::RowTableHint)}</p>
                <p class="error" role="alert">{move || error.get()}</p>
                <TableScroll lang=lang>
                    <table>
                        <thead><tr><th scope="col">{say(lang, Msg::Unit)}</th>{head}</tr></thead>
                        <tbody>{move || open.get().then(body)}</tbody>
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
#[derive(Clone, Debug, Default, PartialEq)]
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
    // The method's inputs as their own memo: a change of another parameter leaves the tables to
    // the result's change. Both follow after the frame off screen (`AppState::planning`).
    let method = Memo::new(move |_| state.planning.with(|p| p.workload));
    let tables = Memo::new(move |_| {
        let l = lang.get();
        let step = state.step.get();
        let method = method.get();
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
    view! {
        <Show when=has_incidents>
            <section class="workload" aria-labelledby="workload-title">
                <h2 id="workload-title">{say(lang, Msg::WorkloadTitle)}</h2>
                <p class="hint">{say(lang, Msg::WorkloadHint)}</p>
                <Show when=move || method.with(Option::is_some)>
                    <p class="hint" data-how="workload">{say(lang, Msg::WorkloadNeededHint)}</p>
                </Show>
                <div class="workload-pair">
                    <WorkTable state=state tables=tables after=false/>
                    <WorkTable state=state tables=tables after=true/>
                </div>
            </section>
        </Show>
    }
}

/// The rows of the workload table before and after, when the organisation has incidents.
type Tables = Option<(Vec<WorkRow>, Vec<WorkRow>)>;

/// One of the two workload tables: rows keyed by unit, each cell following its own row (see
/// `ui/cells.rs`), so that a parameter change rewrites the figures that changed and builds only
/// the rows that are new.
#[component]
fn WorkTable(state: AppState, tables: Memo<Tables>, after: bool) -> impl IntoView {
    let lang = state.lang;
    fn pick(t: &Tables, after: bool) -> Option<&Vec<WorkRow>> {
        t.as_ref().map(|(b, a)| if after { a } else { b })
    }
    let ids = Memo::new(move |_| {
        tables.with(|t| {
            pick(t, after)
                .map(|rs| rs.iter().map(|r| r.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let with_needed = Memo::new(move |_| {
        tables.with(|t| pick(t, after).is_some_and(|rs| rs.iter().any(|r| r.needed.is_some())))
    });
    let cells = Cells::<String, WorkRow>::new();
    Effect::new(move |_| {
        tables.with(|t| {
            if let Some(rs) = pick(t, after) {
                cells.sync_table(rs.iter().map(|r| (&r.id, r)));
            }
        })
    });
    let row = move |id: String| {
        let r = cells.cell(&id, || {
            tables.with_untracked(|t| {
                pick(t, after)
                    .and_then(|rs| rs.iter().find(|r| r.id == id).cloned())
                    .unwrap_or_default()
            })
        });
        let needed = Memo::new(move |_| r.with(|r| r.needed.map(|n| (n, n > f64::from(r.staff)))));
        view! {
            <tr data-work-unit=id.clone()>
                <th scope="row">{move || r.with(|r| r.name.clone())}</th>
                <td class="num">{move || r.with(|r| format_number(f64::from(r.staff), 0))}</td>
                <td class="num">{move || r.with(|r| format_number(r.incidents as f64, 0))}</td>
                <td class="num" data-per-officer=move || r.with(|r| r.per.map(crate::i18n::plain_number).unwrap_or_default())>
                    {move || r.with(|r| r.per.map(|v| format_number(v, 1)).unwrap_or_else(|| "—".into()))}
                </td>
                {move || needed.with(Option::is_some).then(|| view! {
                    <td
                        class="num"
                        class:short=move || needed.with(|n| n.is_some_and(|n| n.1))
                        data-needed=move || needed.with(|n| n.map(|n| crate::i18n::plain_number(n.0)).unwrap_or_default())
                    >
                        {move || needed.with(|n| n.map(|n| format_number(n.0, 1)).unwrap_or_default())}
                        {move || needed.with(|n| n.is_some_and(|n| n.1)).then(|| view! { <span class="short-mark" aria-hidden="true">" ▲"</span> })}
                    </td>
                })}
            </tr>
        }
    };
    let title = move || {
        if after {
            state.after_title(false)
        } else {
            tr(lang.get(), Msg::Before).to_string()
        }
    };
    let phase = if after { "after" } else { "before" };
    view! {
        <TableScroll lang=lang>
            <table data-workload=phase>
                <caption>{title}</caption>
                <thead>
                    <tr>
                        <th scope="col">{say(lang, Msg::Unit)}</th>
                        <th scope="col" class="num">{say(lang, Msg::Staff)}</th>
                        <th scope="col" class="num">{say(lang, Msg::Incidents)}</th>
                        <th scope="col" class="num">{say(lang, Msg::PerOfficer)}</th>
                        {move || with_needed.get().then(|| view! { <th scope="col" class="num">{say(lang, Msg::WorkloadNeeded)}</th> })}
                    </tr>
                </thead>
                <tbody>
                    <For each=move || ids.get() key=|id| id.clone() children=row/>
                </tbody>
            </table>
        </TableScroll>
    }
}
