//! The numbers: each metric before and after, its change, and the figure the sources report.

use leptos::prelude::*;

use crate::i18n::{format_number, plain_number, tr, Lang, Msg};
use crate::model::cases::Reported;
use crate::model::metrics::Format;
use crate::ui::params_panel::SourceNote;
use crate::ui::state::AppState;

/// A value as shown: shares as percentages, means with one decimal.
fn shown(format: Format, v: f64) -> String {
    match format {
        Format::Count => format_number(v, 0),
        Format::Decimal => format_number(v, 1),
        Format::Ratio => format_number(v, 2),
        Format::Share => format!("{}%", format_number(v * 100.0, 1)),
    }
}

/// The change after − before; shares in percentage points.
fn change(format: Format, before: f64, after: f64, lang: Lang) -> String {
    let d = after - before;
    let sign = if d > 0.0 { "+" } else { "" };
    match format {
        Format::Share => {
            let pp = if lang == Lang::Zh {
                "个百分点"
            } else {
                " pp"
            };
            format!("{sign}{}{pp}", format_number(d * 100.0, 1))
        }
        Format::Count => format!("{sign}{}", format_number(d, 0)),
        Format::Decimal => format!("{sign}{}", format_number(d, 1)),
        Format::Ratio => format!("{sign}{}", format_number(d, 2)),
    }
}

pub(crate) fn reported_text(r: &Reported, format: Format) -> String {
    let one = |v: Option<f64>| v.map(|v| shown(format, v)).unwrap_or_else(|| "—".into());
    format!("{} → {}", one(r.before), one(r.after))
}

#[component]
pub fn Numbers(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let t = move |m: Msg| tr(lang.get(), m);
    // Rows are built per scope and language; the cells follow the numbers on their own, so a
    // parameter change touches only the text and attributes that change.
    let rows = move || {
        let variant = state.variant.get();
        let l = lang.get();
        variant
            .metrics
            .iter()
            .map(|&k| {
                let f = k.format();
                let value = move |after: bool| {
                    let step = state.step.get();
                    state.shown.with(|s| {
                        s.as_ref().map_or(f64::NAN, |s| {
                            if after {
                                s.at(step).get(k)
                            } else {
                                s.before().get(k)
                            }
                        })
                    })
                };
                let reported = variant.reported_for(k).copied();
                view! {
                    <tr data-row=k.key()>
                        <th scope="row">{tr(l, Msg::MetricName(k))}</th>
                        <td class="num" data-metric=k.key() data-phase="before" data-value=move || plain_number(value(false))>
                            {move || shown(f, value(false))}
                        </td>
                        <td class="num" data-metric=k.key() data-phase="after" data-value=move || plain_number(value(true))>
                            {move || shown(f, value(true))}
                        </td>
                        <td class="num change">{move || change(f, value(false), value(true), l)}</td>
                        <td class="reported">
                            {reported.map(|r| view! {
                                <span data-reported=k.key()>{reported_text(&r, f)}</span>
                                <SourceNote source=r.source lang=lang/>
                            })}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let reported_only = move || {
        let l = lang.get();
        state
            .variant
            .get()
            .reported
            .iter()
            .filter(|r| r.metric.is_none())
            .map(|r| {
                let one = |v: Option<f64>| v.map(|v| format_number(v, 1)).unwrap_or_else(|| "—".into());
                view! {
                    <li>
                        <span class="label">{r.label.get(l)}</span> ": "
                        <span>{format!("{} → {} {}", one(r.before), one(r.after), r.unit.get(l))}</span>
                        <SourceNote source=r.source lang=lang/>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="numbers" aria-labelledby="numbers-title">
            <h2 id="numbers-title">{move || t(Msg::Numbers)}</h2>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || t(Msg::Metric)}</th>
                            <th scope="col" class="num">{move || t(Msg::Before)}</th>
                            <th scope="col" class="num">{move || state.after_title(false)}</th>
                            <th scope="col" class="num">{move || t(Msg::Change)}</th>
                            <th scope="col">{move || t(Msg::Reported)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="hint">{move || t(Msg::ReportedNote)}</p>
            <Show when=move || state.variant.get().reported.iter().any(|r| r.metric.is_none())>
                <h3>{move || t(Msg::ReportedOnly)}</h3>
                <ul class="reported-only">{reported_only}</ul>
            </Show>
        </section>
    }
}

#[component]
pub fn Notes(state: AppState) -> impl IntoView {
    let lang = state.lang;
    view! {
        <details class="notes">
            <summary>{move || tr(lang.get(), Msg::Notes)}</summary>
            <ul>
                {move || {
                    state
                        .variant
                        .get()
                        .notes
                        .iter()
                        .map(|n| view! { <li>{n.get(lang.get())}</li> })
                        .collect_view()
                }}
            </ul>
        </details>
    }
}
