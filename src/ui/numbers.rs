//! The numbers: each metric before and after, its change, and the figure the sources report.

use leptos::prelude::*;

use crate::i18n::{format_number, plain_number, tr, trf, Lang, Msg};
use crate::model::cases::{Match, Reported, Variant};
use crate::model::metrics::{breakdown, paired, Breakdown, Format, MetricKey, Tally};
use crate::model::params::ParamSpec;
use crate::state::export::{file_name, numbers_csv};
use crate::ui::cells::Cells;
use crate::ui::charts::{Pair, PairedBars};
use crate::ui::params_panel::SourceNote;
use crate::ui::say;
use crate::ui::state::{AppState, Shown};
use crate::ui::TableScroll;

/// A value as shown: shares as percentages, means with one decimal.
pub(crate) fn shown(format: Format, v: f64) -> String {
    if v.is_nan() {
        // A mean over no units, or nothing built yet.
        return "—".into();
    }
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
    if d.is_nan() {
        // A mean over no units on either side: there is no change to write.
        return "—".into();
    }
    let sign = if d > 0.0 { "+" } else { "" };
    match format {
        Format::Share => {
            let pp = tr(lang, Msg::PercentagePoints);
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

/// The labels of parameters `keys` among `specs` (the key itself for one that is not there),
/// joined in the language's way.
pub(crate) fn param_labels(keys: &[&str], specs: &[ParamSpec], l: Lang) -> String {
    let names: Vec<&str> = keys
        .iter()
        .map(|k| {
            specs
                .iter()
                .find(|s| s.key == *k)
                .map_or(*k, |s| s.label.get(l))
        })
        .collect();
    names.join(l.name_separator())
}

/// The place of `r` in `variant.reported`.
pub(crate) fn figure_index(variant: &Variant, r: &Reported) -> usize {
    variant
        .reported
        .iter()
        .position(|x| std::ptr::eq(x, r))
        .unwrap_or(usize::MAX)
}

/// How one side of a reported figure is matched, in words: "input", "calibrated: <the
/// assumptions>", "emerges: <from what>" or "quoted only".
pub(crate) fn match_text(m: &Match, specs: &[ParamSpec], l: Lang) -> String {
    let sep = l.colon();
    match m {
        Match::Input(_) => tr(l, Msg::MatchInput).to_string(),
        Match::Calibrated(keys) => {
            format!(
                "{}{}",
                tr(l, Msg::MatchCalibrated),
                param_labels(keys, specs, l)
            )
        }
        Match::Emerges(from) if from.get(l).is_empty() => tr(l, Msg::MatchEmerges).to_string(),
        Match::Emerges(from) => format!("{}{sep}{}", tr(l, Msg::MatchEmerges), from.get(l)),
        Match::Quoted => tr(l, Msg::MatchQuoted).to_string(),
    }
}

/// Beside a reported figure: how the model matches each side it has (`data-match`,
/// `data-phase`), one line a side, the side named when both are there. Calibrated ones are
/// marked apart: they are not confirmations.
/// `data-figure` is the figure's place in `Variant::reported` (the sources panel's list of
/// calibrated matches uses the same).
#[component]
pub(crate) fn Matches(
    r: &'static Reported,
    variant: &'static Variant,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let specs = variant.specs;
    let figure = figure_index(variant, r).to_string();
    let both = r.how.iter().all(Option::is_some);
    let sides = [("before", Msg::MatchBefore), ("after", Msg::MatchAfter)];
    let lines = r
        .how
        .into_iter()
        .zip(sides)
        .filter_map(|(m, side)| m.map(|m| (m, side)))
        .map(|(m, (phase, side))| {
            view! {
                <span class=format!("match match-{}", m.key()) data-match=m.key() data-phase=phase data-figure=figure.clone()>
                    {both.then(|| view! { <span class="match-side">{say(lang, side)}</span> })}
                    {move || match_text(&m, specs, lang.get())}
                </span>
            }
        })
        .collect_view();
    view! { <span class="matches">{lines}</span> }
}

/// The metric of `k` before and at `step` (NaN while nothing has built).
fn pair_of(shown: &Option<Shown>, step: usize, k: MetricKey) -> (f64, f64) {
    shown.as_ref().map_or((f64::NAN, f64::NAN), |s| {
        (s.before().get(k), s.at(step).get(k))
    })
}

/// A table of metrics: the variant's own (without the spans-and-layers group), or that group.
#[component]
fn MetricTable(state: AppState, spans: bool) -> impl IntoView {
    let lang = state.lang;
    // One sync pass writes each row's (before, after) pair; a row's cells read only their pair,
    // so a parameter change wakes the rows whose figures change and no other.
    let cells = Cells::<MetricKey, (f64, f64)>::new();
    Effect::new(move |_| {
        let step = state.step.get();
        state
            .shown
            .with(|s| cells.sync(|&k| Some(pair_of(s, step, k))));
    });
    // Rows are built per scope and language; the cells follow the numbers on their own, so a
    // parameter change touches only the text and attributes that change.
    let rows = move || {
        let variant = state.variant.get();
        let l = lang.get();
        let keys: Vec<MetricKey> = if spans {
            MetricKey::spans_and_layers(crate::model::own::shows(variant, MetricKey::CommandChain))
                .collect()
        } else {
            variant
                .metrics
                .iter()
                .copied()
                .filter(|k| !MetricKey::SPANS_AND_LAYERS.contains(k))
                .collect()
        };
        keys.into_iter()
            .map(|k| {
                let f = k.format();
                let pair = cells.cell(&k, || {
                    let step = state.step.get_untracked();
                    state.shown.with_untracked(|s| pair_of(s, step, k))
                });
                let value = move |after: bool| pair.with(|(b, a)| if after { *a } else { *b });
                let reported = variant.reported_for(k);
                view! {
                    <tr data-row=k.key()>
                        <th scope="row">{k.label().get(l)}</th>
                        <td class="num" data-metric=k.key() data-phase="before" data-value=move || plain_number(value(false))>
                            {move || shown(f, value(false))}
                        </td>
                        <td class="num" data-metric=k.key() data-phase="after" data-value=move || plain_number(value(true))>
                            {move || shown(f, value(true))}
                        </td>
                        <td class="num change">{move || change(f, value(false), value(true), l)}</td>
                        <td class="reported">
                            {reported.map(|r| view! {
                                <span data-reported=k.key()>{reported_text(r, f)}</span>
                                <SourceNote source=r.source lang=lang/>
                                <Matches r=r variant=variant lang=lang/>
                            })}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <TableScroll lang=lang>
            <table data-group=if spans { "spans" } else { "metrics" }>
                <thead>
                    <tr>
                        <th scope="col">{say(lang, Msg::Metric)}</th>
                        <th scope="col" class="num">{say(lang, Msg::Before)}</th>
                        <th scope="col" class="num">{move || state.after_title(false)}</th>
                        <th scope="col" class="num">{say(lang, Msg::Change)}</th>
                        <th scope="col">{say(lang, Msg::Reported)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
    }
}

/// Offers the numbers of the view on screen as a CSV file.
fn download_csv(state: AppState) {
    let step = state.step.get_untracked();
    let variant = state.variant.get_untracked();
    let csv = state.shown.with_untracked(|s| {
        s.as_ref()
            .map(|s| numbers_csv(variant, &s.scenario, step, state.lang.get_untracked()))
    });
    if let Some(csv) = csv {
        let name = file_name(
            variant,
            state.case.get_untracked().key(),
            step,
            variant.levers.len(),
            "csv",
        );
        let _ = crate::ui::export::download_text(&name, "text/csv;charset=utf-8", &csv);
    }
}

/// The numbers section; without `charts` (an embedded page showing the chart on its own) its
/// charts are left out.
#[component]
pub fn Numbers(state: AppState, #[prop(default = true)] charts: bool) -> impl IntoView {
    let lang = state.lang;
    let reported_only = move || {
        let l = lang.get();
        let variant = state.variant.get();
        variant
            .reported
            .iter()
            .filter(|r| r.metric.is_none())
            .enumerate()
            .map(|(i, r)| {
                let one = |v: Option<f64>| v.map(|v| format_number(v, 1)).unwrap_or_else(|| "—".into());
                view! {
                    <li>
                        <span class="label">{r.label.get(l)}</span> ": "
                        <span data-reported-effect=i.to_string()>{format!("{} → {} {}", one(r.before), one(r.after), r.unit.get(l))}</span>
                        <SourceNote source=r.source lang=lang/>
                        <Matches r=r variant=variant lang=lang/>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="numbers" aria-labelledby="numbers-title">
            <div class="numbers-head">
                <h2 id="numbers-title">{say(lang, Msg::Numbers)}</h2>
                <button type="button" data-export="csv" on:click=move |_| download_csv(state)>{say(lang, Msg::ExportCsv)}</button>
            </div>
            <MetricTable state=state spans=false/>
            <p class="hint">{say(lang, Msg::ReportedNote)}</p>
            <Show when=move || state.variant.get().reported.iter().any(|r| r.metric.is_none())>
                <h3>{say(lang, Msg::ReportedOnly)}</h3>
                <ul class="reported-only">{reported_only}</ul>
            </Show>
            <h3 id="spans-title">{say(lang, Msg::SpansLayersTitle)}</h3>
            <p class="hint">{say(lang, Msg::SpansLayersHint)}</p>
            <MetricTable state=state spans=true/>
            <Breakdowns state=state charts=charts/>
        </section>
    }
}

#[component]
pub fn Notes(state: AppState) -> impl IntoView {
    let lang = state.lang;
    view! {
        <details class="notes">
            <summary>{say(lang, Msg::Notes)}</summary>
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

/// A column of a breakdown table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Organ,
    Frontline,
    Total,
    Units,
}

impl Field {
    fn key(self) -> &'static str {
        match self {
            Field::Organ => "organ",
            Field::Frontline => "frontline",
            Field::Total => "total",
            Field::Units => "units",
        }
    }
    fn head(self) -> Msg {
        match self {
            Field::Organ => Msg::OrganShort,
            Field::Frontline => Msg::FrontlineShort,
            Field::Total => Msg::Total,
            Field::Units => Msg::UnitCount,
        }
    }
    fn of(self, t: &Tally) -> u32 {
        match self {
            Field::Organ => t.staff.organ,
            Field::Frontline => t.staff.frontline,
            Field::Total => t.staff.total(),
            Field::Units => t.units,
        }
    }
}

const STAFF_AND_UNITS: &[Field] = &[Field::Organ, Field::Frontline, Field::Total, Field::Units];
const STAFF_ONLY: &[Field] = &[Field::Organ, Field::Frontline, Field::Total];

/// One row of a breakdown table: a tier, a kind of unit or a unit, before and at the current
/// step (a table of one phase leaves the other at zero).
#[derive(Clone, Debug, Default, PartialEq)]
struct Row {
    key: String,
    label: String,
    before: Tally,
    after: Tally,
}

impl Row {
    fn total(label: &str, before: Tally, after: Tally) -> Row {
        Row {
            key: "total".into(),
            label: label.into(),
            before,
            after,
        }
    }
}

/// A table of tallies, one row per key. Rows are keyed, so a parameter change updates the
/// cells that change and adds or removes only the rows that come or go.
#[component]
fn TallyTable(
    state: AppState,
    /// The `data-breakdown` hook: "tier", "kind" or "unit".
    which: &'static str,
    phases: &'static [&'static str],
    fields: &'static [Field],
    #[prop(into)] caption: Signal<String>,
    head: Msg,
    rows: Memo<Vec<Row>>,
) -> impl IntoView {
    let lang = state.lang;
    // The row keys as a memo: the keyed list re-runs only when rows come or go.
    let keys =
        Memo::new(move |_| rows.with(|r| r.iter().map(|r| r.key.clone()).collect::<Vec<_>>()));
    // One sync pass writes each row's cell; a row's cells read only their row.
    let cells = Cells::<String, Row>::new();
    Effect::new(move |_| rows.with(|r| cells.sync_table(r.iter().map(|x| (&x.key, x)))));
    let phase_title = move |phase: &str| {
        if phase == "after" {
            state.after_title(false)
        } else {
            tr(lang.get(), Msg::Before).to_string()
        }
    };
    let row_view = move |key: String| {
        let row = cells.cell(&key, || {
            rows.with_untracked(|r| r.iter().find(|x| x.key == key).cloned())
                .unwrap_or_default()
        });
        let label = move || row.with(|x| x.label.clone());
        let cells = phases
            .iter()
            .flat_map(|&phase| fields.iter().map(move |&f| (phase, f)))
            .map(|(phase, f)| {
                let key = key.clone();
                let value = move || {
                    row.with(|x| {
                        f.of(if phase == "after" {
                            &x.after
                        } else {
                            &x.before
                        })
                    })
                };
                let shown_value = value;
                view! {
                    <td
                        class="num"
                        data-breakdown=which
                        data-key=key
                        data-phase=phase
                        data-field=f.key()
                        data-value=move || value().to_string()
                    >
                        {move || format_number(f64::from(shown_value()), 0)}
                    </td>
                }
            })
            .collect_view();
        view! {
            <tr class:total=key == "total">
                <th scope="row">{label}</th>
                {cells}
            </tr>
        }
    };
    view! {
        <TableScroll lang=lang>
            <table class="tally" data-breakdown-table=which>
                <caption>{move || caption.get()}</caption>
                <thead>
                    // One phase: the caption names it, so one row of headings is enough.
                    {(phases.len() > 1).then(|| view! {
                        <tr>
                            <td></td>
                            {phases
                                .iter()
                                .map(|&p| view! {
                                    <th scope="colgroup" colspan=fields.len() class="phase">{move || phase_title(p)}</th>
                                })
                                .collect_view()}
                        </tr>
                    })}
                    <tr>
                        <th scope="col">{say(lang, head)}</th>
                        {phases
                            .iter()
                            .flat_map(|_| fields.iter())
                            .map(|&f| view! { <th scope="col" class="num">{move || tr(lang.get(), f.head())}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <For each=move || keys.get() key=|k| k.clone() children=row_view/>
                </tbody>
            </table>
        </TableScroll>
    }
}

/// "1", "2–3", "13+": a span band as written under its bars.
fn band_text(lo: usize, hi: usize) -> String {
    if lo == hi {
        lo.to_string()
    } else if hi == usize::MAX {
        format!("{lo}+")
    } else {
        format!("{lo}–{hi}")
    }
}

/// Staff by tier and by kind (tables and charts), and the units directly under the root.
/// The chart of staff at headquarters and on the front line, before and at the step (in the
/// numbers section, and on its own in an embedded page, `show=chart`).
/// One metric before and at the step shown, as a bar chart's pair (reactive: the scenario and
/// the step).
fn metric_pair(state: AppState, label: String, k: MetricKey) -> Pair {
    let step = state.step.get();
    let (b, a) = state.shown.with(|s| pair_of(s, step, k));
    Pair {
        label,
        before: b,
        after: a,
        before_text: shown(k.format(), b),
        after_text: shown(k.format(), a),
    }
}

#[component]
pub fn StaffChart(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let t = move |m: Msg| tr(lang.get(), m);
    let phases = Signal::derive(move || (t(Msg::Before).to_string(), state.after_title(false)));
    let metric_pair = move |label: String, k: MetricKey| metric_pair(state, label, k);
    let staff_pairs = Memo::new(move |_| {
        vec![
            metric_pair(t(Msg::OrganShort).to_string(), MetricKey::OrganStaff),
            metric_pair(
                t(Msg::FrontlineShort).to_string(),
                MetricKey::StaffFrontline,
            ),
        ]
    });
    view! {
        <PairedBars chart="organ-frontline" title=Signal::derive(move || t(Msg::ChartOrganFrontline).to_string()) phases=phases pairs=Signal::from(staff_pairs)/>
    }
}

/// The breakdown tables, and with `charts` their charts.
#[component]
fn Breakdowns(state: AppState, charts: bool) -> impl IntoView {
    let lang = state.lang;
    let t = move |m: Msg| tr(lang.get(), m);
    let before = Memo::new(move |_| {
        state
            .shown
            .with(|s| s.as_ref().map(|s| breakdown(s.scenario.before())))
    });
    let after = Memo::new(move |_| {
        let step = state.step.get();
        state
            .shown
            .with(|s| s.as_ref().map(|s| breakdown(s.scenario.at(step))))
    });
    // Rows of both phases: every key present on either side, then the totals.
    let both = move |rows: &dyn Fn(&Breakdown, &Breakdown, Lang) -> Vec<Row>| {
        let l = lang.get();
        before.with(|b| {
            after.with(|a| match (b, a) {
                (Some(b), Some(a)) => {
                    let mut out = rows(b, a, l);
                    out.push(Row::total(tr(l, Msg::Total), b.total, a.total));
                    out
                }
                _ => Vec::new(),
            })
        })
    };
    let tiers = Memo::new(move |_| {
        both(&|b, a, l| {
            paired(&b.tiers, &a.tiers)
                .into_iter()
                .map(|(tier, before, after)| Row {
                    key: tier.to_string(),
                    label: trf(l, Msg::TierN, &[&tier.to_string()]),
                    before,
                    after,
                })
                .collect()
        })
    });
    let kinds = Memo::new(move |_| {
        both(&|b, a, l| {
            paired(&b.kinds, &a.kinds)
                .into_iter()
                .map(|(kind, before, after)| Row {
                    key: kind.key().to_string(),
                    label: kind.name().get(l).to_string(),
                    before,
                    after,
                })
                .collect()
        })
    });
    // The units directly under the root, one phase a table, after the root's own posts.
    let units_of = move |side: Memo<Option<Breakdown>>, after: bool| {
        Memo::new(move |_| {
            let l = lang.get();
            side.with(|b| {
                let Some(b) = b else { return Vec::new() };
                let row = |key: String, label: String, t: Tally| {
                    if after {
                        Row {
                            key,
                            label,
                            before: Tally::default(),
                            after: t,
                        }
                    } else {
                        Row {
                            key,
                            label,
                            before: t,
                            after: Tally::default(),
                        }
                    }
                };
                let own = Tally {
                    units: 1,
                    staff: b.root_staff,
                };
                let mut out = vec![row(
                    "own".into(),
                    trf(l, Msg::RootOwn, &[b.root_name.get(l)]),
                    own,
                )];
                out.extend(b.top.iter().map(|u| {
                    row(
                        u.id.clone(),
                        u.name.get(l).to_string(),
                        Tally {
                            units: 1,
                            staff: u.staff,
                        },
                    )
                }));
                out.push(row("total".into(), tr(l, Msg::Total).to_string(), b.total));
                out
            })
        })
    };
    let units_before = units_of(before, false);
    let units_after = units_of(after, true);
    let root_name = move || {
        after.with(|a| {
            a.as_ref()
                .map(|a| a.root_name.get(lang.get()).to_string())
                .unwrap_or_default()
        })
    };

    let per_unit_open = RwSignal::new(false);
    // Charts: staff by tier, managing units by span band, headquarters and front line.
    let phases = Signal::derive(move || (t(Msg::Before).to_string(), state.after_title(false)));
    let staff_text = |v: u32| format_number(f64::from(v), 0);
    let tier_pairs = Memo::new(move |_| {
        tiers.with(|rows| {
            rows.iter()
                .filter(|r| r.key != "total")
                .map(|r| Pair {
                    label: r.label.clone(),
                    before: f64::from(r.before.staff.total()),
                    after: f64::from(r.after.staff.total()),
                    before_text: staff_text(r.before.staff.total()),
                    after_text: staff_text(r.after.staff.total()),
                })
                .collect()
        })
    });
    let metric_pair = move |label: String, k: MetricKey| metric_pair(state, label, k);
    let band_pairs = Memo::new(move |_| {
        MetricKey::SPAN_BANDS
            .iter()
            .map(|&(k, lo, hi)| {
                metric_pair(trf(lang.get(), Msg::SpanBand, &[&band_text(lo, hi)]), k)
            })
            .collect()
    });
    view! {
        <h3 id="breakdown-title">{say(lang, Msg::BreakdownTitle)}</h3>
        <p class="hint">{say(lang, Msg::BreakdownHint)}</p>
        <div class="breakdowns">
            <TallyTable state=state which="tier" phases=&["before", "after"] fields=STAFF_AND_UNITS
                caption=Signal::derive(move || t(Msg::ByTier).to_string()) head=Msg::Tier rows=tiers/>
            <TallyTable state=state which="kind" phases=&["before", "after"] fields=STAFF_AND_UNITS
                caption=Signal::derive(move || t(Msg::ByKind).to_string()) head=Msg::KindOfUnit rows=kinds/>
        </div>
        <Show when=move || charts>
        <div class="charts">
            <PairedBars chart="tiers" title=Signal::derive(move || t(Msg::ChartTiers).to_string()) phases=phases pairs=Signal::from(tier_pairs)/>
            <PairedBars chart="span-bands" title=Signal::derive(move || t(Msg::ChartBands).to_string()) phases=phases pairs=Signal::from(band_pairs)/>
            <StaffChart state=state/>
        </div>
        <p class="hint">{say(lang, Msg::ChartsText)}</p>
        </Show>
        <details class="per-unit" data-panel="per-unit" on:toggle=move |ev| crate::ui::follow_toggle(&ev, per_unit_open)>
            <summary>{move || trf(lang.get(), Msg::PerUnitTitle, &[&root_name()])}</summary>
            // Built only while open: a large city has hundreds of units directly below the top.
            <Show when=move || per_unit_open.get()>
            <div class="breakdowns">
                <TallyTable state=state which="unit" phases=&["before"] fields=STAFF_ONLY
                    caption=Signal::derive(move || t(Msg::Before).to_string()) head=Msg::Unit rows=units_before/>
                <TallyTable state=state which="unit" phases=&["after"] fields=STAFF_ONLY
                    caption=Signal::derive(move || state.after_title(false)) head=Msg::Unit rows=units_after/>
            </div>
            </Show>
        </details>
    }
}
