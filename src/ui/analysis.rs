//! The analysis panels: response time from patrol (`ResponsePanel`). They show what
//! `crate::analysis` computes from the scenario on screen and the parameters; every formula is
//! written out with the values that went into it.

use leptos::prelude::*;

use crate::analysis::response::{self, curve, Breakdown, Inputs, NoEstimate, Patrol, Side};
use crate::i18n::{format_number, plain_number, tr, trf, Lang, Msg};
use crate::ui::state::AppState;
use crate::ui::{say, TableScroll};

/// `(cars, minutes)` points.
type Curve = Vec<(u32, f64)>;

#[derive(Clone, Debug, PartialEq)]
struct Figures {
    patrol: Patrol,
    before: Side,
    after: Side,
    /// (before curve, after curve): minutes for each whole number of cars.
    curves: (Curve, Curve),
    max_cars: u32,
    /// What carries the change from before to the step on screen.
    breakdown: Option<Breakdown>,
}

/// The figures of the step on screen; a curve whose inputs did not change is taken from
/// `prev` (a parameter edit on a large organisation changes one side at most, and each curve
/// is a few hundred estimates).
fn figures(
    state: AppState,
    patrol: Memo<Option<Patrol>>,
    prev: Option<&Option<Figures>>,
) -> Option<Figures> {
    let step = state.step.get();
    let patrol = patrol.get()?;
    state.shown.with(|s| {
        let s = s.as_ref()?;
        let step = step.min(s.scenario.steps.len() - 1);
        let side = |at: usize| patrol.side_of(s.at(at), at);
        let (before, after) = (side(0), side(step));
        let breakdown = patrol.breakdown(&before, &after);
        let most = before.inputs.cars.max(after.inputs.cars);
        let max_cars = ((most * 2.0).max(10.0) as u32).min(2_000);
        let prev = prev
            .and_then(Option::as_ref)
            .filter(|p| p.max_cars == max_cars);
        let again = |inputs: &Inputs, old: Option<(&Inputs, &Curve)>| match old {
            Some((was, c)) if was == inputs => c.clone(),
            _ => curve(inputs, max_cars),
        };
        let curves = (
            again(
                &before.inputs,
                prev.map(|p| (&p.before.inputs, &p.curves.0)),
            ),
            again(&after.inputs, prev.map(|p| (&p.after.inputs, &p.curves.1))),
        );
        Some(Figures {
            patrol,
            before,
            after,
            curves,
            max_cars,
            breakdown,
        })
    })
}

#[component]
pub fn ResponsePanel(state: AppState) -> impl IntoView {
    let lang = state.lang;
    // The patrol's inputs as their own memo: a change of another parameter leaves the figures
    // to the result's change. Both follow after the frame off screen (`AppState::planning`).
    let patrol = Memo::new(move |_| state.planning.with(|p| p.patrol));
    let figs = Memo::new(move |prev| figures(state, patrol, prev));
    let off = move || {
        figs.with(|f| {
            f.as_ref().is_some_and(|f| {
                f.before.result == Err(NoEstimate::NoPatrol)
                    && f.after.result == Err(NoEstimate::NoPatrol)
            })
        })
    };
    view! {
        <Show when=move || figs.with(Option::is_some)>
            <section class="response" data-panel="response" aria-labelledby="response-title">
                <h2 id="response-title">{say(lang, Msg::ResponseTitle)}</h2>
                <Show
                    when=move || !off()
                    fallback=move || view! { <p class="hint" data-response-off="1">{say(lang, Msg::ResponseOff)}</p> }
                >
                    <p class="hint">{say(lang, Msg::ResponseHint)}</p>
                    {move || {
                        lang.track();
                        figs.get().map(|f| view! {
                        <ResponseTable state=state figs=f.clone()/>
                        <ResponseChart lang=lang figs=f.clone()/>
                        <HowComputed lang=lang figs=f/>
                    })
                    }}
                </Show>
            </section>
        </Show>
    }
}

#[component]
fn ResponseTable(state: AppState, figs: Figures) -> impl IntoView {
    let l = state.lang.get_untracked();
    let reported = response::reported(state.variant.get_untracked());
    let after_title = state.after_title(false);
    let minutes = |v: f64| format!("{} {}", format_number(v, 1), tr(l, Msg::MinutesShort));
    // (hook, label, value of an estimate, as written)
    type Part = (
        &'static str,
        Msg,
        fn(&Side) -> Option<f64>,
        fn(f64, Lang) -> String,
    );
    let parts: [Part; 7] = [
        (
            "cars",
            Msg::ResponseCars,
            |s| Some(s.inputs.cars),
            |v, _| format_number(v, 0),
        ),
        (
            "utilisation",
            Msg::ResponseBusy,
            |s| s.result.ok().map(|e| e.utilisation),
            |v, _| format!("{}%", format_number(v * 100.0, 0)),
        ),
        (
            "dispatch",
            Msg::ResponseDispatch,
            |s| Some(s.inputs.dispatch_min),
            |v, l| format!("{} {}", format_number(v, 1), tr(l, Msg::MinutesShort)),
        ),
        (
            "wait",
            Msg::ResponseWait,
            |s| s.result.ok().map(|e| e.wait_min),
            |v, l| format!("{} {}", format_number(v, 2), tr(l, Msg::MinutesShort)),
        ),
        (
            "distance",
            Msg::ResponseDistance,
            |s| s.result.ok().map(|e| e.distance_km),
            |v, l| format!("{} {}", format_number(v, 2), tr(l, Msg::KilometresShort)),
        ),
        (
            "travel",
            Msg::ResponseTravel,
            |s| s.result.ok().map(|e| e.travel_min),
            |v, l| format!("{} {}", format_number(v, 1), tr(l, Msg::MinutesShort)),
        ),
        (
            "total",
            Msg::ResponseTotal,
            |s| s.result.ok().map(|e| e.total_min),
            |v, l| format!("{} {}", format_number(v, 1), tr(l, Msg::MinutesShort)),
        ),
    ];
    let cell = move |side: &Side, phase: &'static str, part: &Part| {
        let (hook, _, value, write) = part;
        match value(side) {
            Some(v) => view! {
                <td class="num" data-response=*hook data-phase=phase data-value=plain_number(v)>{write(v, l)}</td>
            }
            .into_any(),
            None => {
                let why = match side.result {
                    Err(NoEstimate::Saturated { load, cars }) => trf(
                        l,
                        Msg::ResponseSaturated,
                        &[&format_number(load, 1), &format_number(cars, 0)],
                    ),
                    _ => "—".to_string(),
                };
                view! { <td class="num warn" data-response=*hook data-phase=phase data-saturated="1">{why}</td> }
                    .into_any()
            }
        }
    };
    let rows = parts
        .iter()
        .map(|part| {
            let rep = (part.0 == "total")
                .then_some(reported)
                .flatten()
                .map(|r| {
                    let one = |v: Option<f64>| v.map(minutes).unwrap_or_else(|| "—".into());
                    format!("{} → {}", one(r.before), one(r.after))
                });
            view! {
                <tr class=(part.0 == "total").then_some("total")>
                    <th scope="row">{tr(l, part.1)}</th>
                    {cell(&figs.before, "before", part)}
                    {cell(&figs.after, "after", part)}
                    {reported.is_some().then(|| view! {
                        <td class="num reported" data-reported=(part.0 == "total").then_some("response_time")>
                            {rep.unwrap_or_default()}
                            {(part.0 == "total").then_some(reported).flatten().map(|r| view! {
                                <crate::ui::numbers::Matches r=r variant=state.variant.get_untracked() lang=state.lang/>
                            })}
                        </td>
                    })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <TableScroll lang=state.lang>
            <table class="response-table">
                <thead>
                    <tr>
                        <th scope="col"></th>
                        <th scope="col" class="num">{tr(l, Msg::Before)}</th>
                        <th scope="col" class="num">{after_title}</th>
                        {reported.is_some().then(|| view! { <th scope="col" class="num">{tr(l, Msg::Reported)}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
        {reported.map(|r| view! { <crate::ui::params_panel::SourceNote source=r.source lang=state.lang/> })}
    }
}

const CW: f64 = 340.0;
const CH: f64 = 190.0;
const LEFT: f64 = 40.0;
const BOTTOM: f64 = 30.0;
const TOP: f64 = 10.0;
const RIGHT: f64 = 12.0;

/// A round step for about `n` ticks over `0..max`.
fn tick_step(max: f64, n: f64) -> f64 {
    let raw = (max / n).max(1e-9);
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag)
}

/// The decimals a tick step needs (0.5 → 1: the ticks of a short axis read 0, 0.5, 1, not
/// 0, 0, 1).
fn decimals(step: f64) -> usize {
    if step >= 1.0 {
        0
    } else {
        (-step.log10() - 1e-9).ceil() as usize
    }
}

#[component]
fn ResponseChart(lang: RwSignal<Lang>, figs: Figures) -> impl IntoView {
    let l = lang.get_untracked();
    let totals: Vec<f64> = [&figs.before, &figs.after]
        .iter()
        .filter_map(|s| s.result.ok().map(|e| e.total_min))
        .collect();
    // The y axis shows up to twice the slower estimate, so the curves' steep start near
    // saturation does not flatten the part that matters.
    let y_max = totals.iter().copied().fold(0.0f64, f64::max).max(1.0) * 2.0;
    let x_max = f64::from(figs.max_cars.max(1));
    let x = move |c: f64| LEFT + c / x_max * (CW - LEFT - RIGHT);
    let y = move |m: f64| TOP + (1.0 - m.min(y_max) / y_max) * (CH - TOP - BOTTOM);
    let path = |pts: &[(u32, f64)]| {
        let mut d = String::new();
        for (i, (c, m)) in pts.iter().filter(|(_, m)| *m <= y_max * 1.5).enumerate() {
            d.push_str(if i == 0 { "M" } else { "L" });
            d.push_str(&format!("{:.1},{:.1}", x(f64::from(*c)), y(*m)));
        }
        d
    };
    let xs = tick_step(x_max, 5.0);
    let ys = tick_step(y_max, 4.0);
    let ticks_x: Vec<f64> = (0..=((x_max / xs) as usize))
        .map(|i| i as f64 * xs)
        .collect();
    let ticks_y: Vec<f64> = (0..=((y_max / ys) as usize))
        .map(|i| i as f64 * ys)
        .collect();
    let title = tr(l, Msg::ResponseChart);
    // The lower point's label goes under it, the other's above: each stays clear of the
    // other curve, which runs above the lower point and below the higher one.
    let total = |side: &Side| side.result.ok().map_or(f64::NAN, |e| e.total_min);
    let lower = |side: &Side, other: &Side| total(side) < total(other);
    let point = |side: &Side, other: &Side, phase: &'static str| {
        let dy = if lower(side, other) { 14.0 } else { -6.0 };
        side.result.ok().map(|e| {
            view! {
                <circle class=format!("point {phase}") data-phase=phase
                    cx=format!("{:.1}", x(side.inputs.cars)) cy=format!("{:.1}", y(e.total_min)) r="4"></circle>
                <text class="value" x=format!("{:.1}", x(side.inputs.cars) + 6.0) y=format!("{:.1}", y(e.total_min) + dy)>
                    {format!("{} {}", format_number(e.total_min, 1), tr(l, Msg::MinutesShort))}
                </text>
            }
        })
    };
    let before_label = tr(l, Msg::Before);
    let after_label = tr(l, Msg::After);
    view! {
        <figure class="chart line-chart" data-chart="response">
            <figcaption>{title}</figcaption>
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label=title
                width=format!("{CW:.0}") height=format!("{CH:.0}") viewBox=format!("0 0 {CW:.0} {CH:.0}")>
                <title>{title}</title>
                {ticks_y.iter().map(|v| view! {
                    <line class="grid" x1=format!("{LEFT:.1}") x2=format!("{:.1}", CW - RIGHT) y1=format!("{:.1}", y(*v)) y2=format!("{:.1}", y(*v))></line>
                    <text class="tick" x=format!("{:.1}", LEFT - 4.0) y=format!("{:.1}", y(*v) + 4.0) text-anchor="end">{format_number(*v, decimals(ys))}</text>
                }).collect_view()}
                {ticks_x.iter().map(|v| view! {
                    <text class="tick" x=format!("{:.1}", x(*v)) y=format!("{:.1}", CH - BOTTOM + 14.0) text-anchor="middle">{format_number(*v, decimals(xs))}</text>
                }).collect_view()}
                <text class="axis" x=format!("{:.1}", CW - RIGHT) y=format!("{:.1}", CH - 2.0) text-anchor="end">{tr(l, Msg::ResponseCarsAxis)}</text>
                <text class="axis" x="2" y="10">{tr(l, Msg::MinutesShort)}</text>
                <path class="curve before" data-phase="before" d=path(&figs.curves.0)></path>
                <path class="curve after" data-phase="after" d=path(&figs.curves.1)></path>
                {point(&figs.before, &figs.after, "before")}
                {point(&figs.after, &figs.before, "after")}
            </svg>
            <p class="chart-key">
                <span class="key before">"— " {before_label}</span>
                " "
                <span class="key after">"— " {after_label}</span>
            </p>
        </figure>
    }
}

#[component]
fn HowComputed(lang: RwSignal<Lang>, figs: Figures) -> impl IntoView {
    let l = lang.get_untracked();
    let n = |v: f64, d: usize| format_number(v, d);
    let p = &figs.patrol;
    let a = &figs.after.inputs;
    let load = a.calls_per_hour / 60.0 * a.minutes_per_call;
    // Each formula with the numbers that went into it.
    let lines: [(Msg, Vec<String>); 7] = [
        (
            Msg::ResponseFormulaCars,
            vec![
                n(p.cars_per_100_before, 1),
                n(p.cars_per_100_after, 1),
                n(p.on_duty * 100.0, 0),
            ],
        ),
        (
            Msg::ResponseFormulaBusy,
            vec![n(a.calls_per_hour, 1), n(a.minutes_per_call, 0), n(load, 2)],
        ),
        (Msg::ResponseFormulaWait, vec![]),
        (
            Msg::ResponseFormulaDistance,
            vec![n(a.k, 2), n(a.area_km2, 0)],
        ),
        (Msg::ResponseFormulaTravel, vec![n(a.speed_kmh, 0)]),
        (
            Msg::ResponseFormulaDispatch,
            vec![
                n(p.call_taking_min, 1),
                n(p.relay_min, 1),
                n(figs.before.inputs.dispatch_min, 1),
                n(a.dispatch_min, 1),
            ],
        ),
        (Msg::ResponseFormulaTotal, vec![]),
    ];
    // A template filled with numbers already written.
    let fill = |msg: Msg, args: &[String]| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        trf(l, msg, &args)
    };
    let refs = [
        "Kolesar, P. & Blum, E. H. (1973). Square root laws for fire engine response distances. Management Science 19(12), 1368–1378.",
        "Larson, R. C. & Odoni, A. R. (1981). Urban Operations Research. Prentice-Hall.",
        "Erlang, A. K. (1917). Solution of some problems in the theory of probabilities of significance in automatic telephone exchanges.",
    ];
    let carries = figs.breakdown.map(|b| {
        let (before, after) = (&figs.before, &figs.after);
        // Each part: its minutes, then the input before and after (and the chain's minutes
        // per rank).
        let parts = [
            ("chain", Msg::ResponseByChain, b.chain, vec![n(b.chain, 1), n(before.chain, 0), n(after.chain, 0), n(p.relay_min, 1)]),
            ("officers", Msg::ResponseByOfficers, b.officers, vec![n(b.officers, 1), n(before.officers, 0), n(after.officers, 0)]),
            ("standard", Msg::ResponseByStandard, b.standard, vec![n(b.standard, 1), n(p.cars_per_100_before, 1), n(p.cars_per_100_after, 1)]),
        ];
        view! {
            <p data-carries="total" data-value=plain_number(b.total)>{trf(l, Msg::ResponseCarries, &[&n(b.total, 1)])}</p>
            <ul class="carries">
                {parts.into_iter().map(|(hook, msg, v, args)| view! {
                    <li data-carries=hook data-value=plain_number(v)>{fill(msg, &args)}</li>
                }).collect_view()}
            </ul>
        }
    });
    view! {
        <details class="how" data-how="response">
            <summary>{tr(l, Msg::HowComputed)}</summary>
            <ol>{lines.into_iter().map(|(msg, args)| view! { <li>{fill(msg, &args)}</li> }).collect_view()}</ol>
            {carries}
            <p class="hint">{tr(l, Msg::ResponseLimits)}</p>
            // The references are in English on every page.
            <ul class="refs" lang="en">{refs.iter().map(|r| view! { <li>{*r}</li> }).collect_view()}</ul>
        </details>
    }
}
