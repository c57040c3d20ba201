//! The analysis panels: response time from patrol (`ResponsePanel`). They show what
//! `crate::analysis` computes from the scenario on screen and the parameters; every formula is
//! written out with the values that went into it.

use leptos::prelude::*;

use crate::analysis::response::{self, curve, Breakdown, Inputs, NoEstimate, Patrol, Side};
use crate::i18n::{format_number, plain_number, Lang, Text};
use crate::ui::state::AppState;
use crate::ui::TableScroll;

const T_TITLE: Text = Text::new("出警反应时间（模型估算）", "Response time (model estimate)");
const T_HINT: Text = Text::new(
    "按巡逻警车、警情和面积估算，不是资料的数；资料报告的数列在旁边。所有参数在左侧“出警反应时间估算”一组。",
    "Estimated from patrol cars, calls and area: not a figure from the sources, which are shown beside it. The inputs are in the parameters' “Response time estimate” group.",
);
const T_OFF: Text = Text::new(
    "本案例的资料没有讲巡逻，所以不估算出警时间。在参数“出警反应时间估算”一组填入每百名民警的警车数即可估算。",
    "This case's source says nothing about patrol, so there is no response estimate. Enter patrol cars per 100 officers in the parameters' “Response time estimate” group to make one.",
);
const T_ROW_CARS: Text = Text::new("在路面的警车", "Patrol cars on the street");
const T_ROW_BUSY: Text = Text::new("警车忙碌比例", "Share of cars busy");
const T_ROW_DISPATCH: Text = Text::new("接警和警令传递", "Call taking and orders");
const T_ROW_WAIT: Text = Text::new("等待空闲警车", "Waiting for a free car");
const T_ROW_DISTANCE: Text = Text::new("到现场的距离", "Distance to the scene");
const T_ROW_TRAVEL: Text = Text::new("路上用时", "Travel");
const T_ROW_TOTAL: Text = Text::new("平均出警反应时间", "Average response time");
const T_REPORTED: Text = Text::new("资料报告", "Reported");
const T_SATURATED: Text = Text::new(
    "警车不够：平均 {0} 辆在忙，只有 {1} 辆",
    "Too few cars: {0} busy on average, only {1} on the street",
);
const T_MIN: Text = Text::new("分钟", "min");
const T_KM: Text = Text::new("公里", "km");
const T_CHART: Text = Text::new(
    "出警反应时间与在路面警车数",
    "Response time against patrol cars on the street",
);
const T_CARS_AXIS: Text = Text::new("在路面的警车（辆）", "cars on the street");
const T_HOW: Text = Text::new("怎么算的", "How this is computed");
const T_CARRIES: Text = Text::new(
    "这 {0} 分钟的变化由什么带来（依次只改变一个输入，按下面的顺序；各项相加等于总变化）：",
    "What carries this change of {0} min (one input changed at a time, in this order; the parts add up to the whole):",
);
const T_BY_CHAIN: Text = Text::new(
    "指挥层次 {1} → {2}（由组织图算出）× 每个层次 {3} 分钟（假设）：{0} 分钟",
    "the command chain, {1} → {2} ranks (computed from the organisation) × {3} min per rank (an assumption): {0} min",
);
const T_BY_OFFICERS: Text = Text::new(
    "民警数 {1} → {2}（按改革前的警车标准）：{0} 分钟",
    "the officers, {1} → {2} (at the cars standard before): {0} min",
);
const T_BY_STANDARD: Text = Text::new(
    "每百名民警警车 {1} → {2}（见参数说明：资料没有给出的数是假设）：{0} 分钟",
    "cars per 100 officers, {1} → {2} (see each parameter: a figure no source gives is an assumption): {0} min",
);

/// `{0}`, `{1}` … in `text` replaced by `args`.
fn fill(text: &str, args: &[&str]) -> String {
    let mut out = text.to_string();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), a);
    }
    out
}

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
fn figures(state: AppState, prev: Option<&Option<Figures>>) -> Option<Figures> {
    let step = state.step.get();
    let patrol = state.params.with(Patrol::of)?;
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
    let t = move |x: Text| x.get(lang.get());
    let figs = Memo::new(move |prev| figures(state, prev));
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
                <h2 id="response-title">{move || t(T_TITLE)}</h2>
                <Show
                    when=move || !off()
                    fallback=move || view! { <p class="hint" data-response-off="1">{move || t(T_OFF)}</p> }
                >
                    <p class="hint">{move || t(T_HINT)}</p>
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
    let minutes = |v: f64| format!("{} {}", format_number(v, 1), T_MIN.get(l));
    // (hook, label, value of an estimate, as written)
    type Part = (
        &'static str,
        Text,
        fn(&Side) -> Option<f64>,
        fn(f64, Lang) -> String,
    );
    let parts: [Part; 7] = [
        (
            "cars",
            T_ROW_CARS,
            |s| Some(s.inputs.cars),
            |v, _| format_number(v, 0),
        ),
        (
            "utilisation",
            T_ROW_BUSY,
            |s| s.result.ok().map(|e| e.utilisation),
            |v, _| format!("{}%", format_number(v * 100.0, 0)),
        ),
        (
            "dispatch",
            T_ROW_DISPATCH,
            |s| Some(s.inputs.dispatch_min),
            |v, l| format!("{} {}", format_number(v, 1), T_MIN.get(l)),
        ),
        (
            "wait",
            T_ROW_WAIT,
            |s| s.result.ok().map(|e| e.wait_min),
            |v, l| format!("{} {}", format_number(v, 2), T_MIN.get(l)),
        ),
        (
            "distance",
            T_ROW_DISTANCE,
            |s| s.result.ok().map(|e| e.distance_km),
            |v, l| format!("{} {}", format_number(v, 2), T_KM.get(l)),
        ),
        (
            "travel",
            T_ROW_TRAVEL,
            |s| s.result.ok().map(|e| e.travel_min),
            |v, l| format!("{} {}", format_number(v, 1), T_MIN.get(l)),
        ),
        (
            "total",
            T_ROW_TOTAL,
            |s| s.result.ok().map(|e| e.total_min),
            |v, l| format!("{} {}", format_number(v, 1), T_MIN.get(l)),
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
                    Err(NoEstimate::Saturated { load, cars }) => fill(
                        T_SATURATED.get(l),
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
                    <th scope="row">{part.1.get(l)}</th>
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
                        <th scope="col" class="num">{crate::i18n::tr(l, crate::i18n::Msg::Before)}</th>
                        <th scope="col" class="num">{after_title}</th>
                        {reported.is_some().then(|| view! { <th scope="col" class="num">{T_REPORTED.get(l)}</th> })}
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
    let title = T_CHART.get(l);
    let point = |side: &Side, phase: &'static str| {
        side.result.ok().map(|e| {
            view! {
                <circle class=format!("point {phase}") data-phase=phase
                    cx=format!("{:.1}", x(side.inputs.cars)) cy=format!("{:.1}", y(e.total_min)) r="4"></circle>
                <text class="value" x=format!("{:.1}", x(side.inputs.cars) + 6.0) y=format!("{:.1}", y(e.total_min) - 6.0)>
                    {format!("{} {}", format_number(e.total_min, 1), T_MIN.get(l))}
                </text>
            }
        })
    };
    let before_label = crate::i18n::tr(l, crate::i18n::Msg::Before);
    let after_label = crate::i18n::tr(l, crate::i18n::Msg::After);
    view! {
        <figure class="chart line-chart" data-chart="response">
            <figcaption>{title}</figcaption>
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label=title
                width=format!("{CW:.0}") height=format!("{CH:.0}") viewBox=format!("0 0 {CW:.0} {CH:.0}")>
                <title>{title}</title>
                {ticks_y.iter().map(|v| view! {
                    <line class="grid" x1=format!("{LEFT:.1}") x2=format!("{:.1}", CW - RIGHT) y1=format!("{:.1}", y(*v)) y2=format!("{:.1}", y(*v))></line>
                    <text class="tick" x=format!("{:.1}", LEFT - 4.0) y=format!("{:.1}", y(*v) + 4.0) text-anchor="end">{format_number(*v, 0)}</text>
                }).collect_view()}
                {ticks_x.iter().map(|v| view! {
                    <text class="tick" x=format!("{:.1}", x(*v)) y=format!("{:.1}", CH - BOTTOM + 14.0) text-anchor="middle">{format_number(*v, 0)}</text>
                }).collect_view()}
                <text class="axis" x=format!("{:.1}", CW - RIGHT) y=format!("{:.1}", CH - 2.0) text-anchor="end">{T_CARS_AXIS.get(l)}</text>
                <text class="axis" x="2" y="10">{T_MIN.get(l)}</text>
                <path class="curve before" data-phase="before" d=path(&figs.curves.0)></path>
                <path class="curve after" data-phase="after" d=path(&figs.curves.1)></path>
                {point(&figs.before, "before")}
                {point(&figs.after, "after")}
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
    let zh: Vec<String> = vec![
            format!("在路面的警车 c = 民警数 × 每百名民警警车 ÷ 100 × 在路面比例（取整）；改革前每百人 {} 台，改革后 {} 台，在路面 {}%。", n(p.cars_per_100_before, 1), n(p.cars_per_100_after, 1), n(p.on_duty * 100.0, 0)),
            format!("平均在忙警车 a = 每小时警情 λ × 每起占用时间 s ÷ 60 = {} × {} ÷ 60 = {}（爱尔兰）。", n(a.calls_per_hour, 1), n(a.minutes_per_call, 0), n(load, 2)),
            "警情找不到空闲警车的概率 P = Erlang C(c, a)（M/M/c 排队模型）；平均等待 W = P × s ÷ (c − a)。a ≥ c 时队列无限增长，不给估算。".to_string(),
            format!("到现场的平均距离 D = k × √(面积 ÷ 空闲警车数 (c − a))，k = {}，面积 {} 平方公里（平方根定律）。", n(a.k, 2), n(a.area_km2, 0)),
            format!("路上用时 = D ÷ 车速 × 60，车速 {} 公里/小时。", n(a.speed_kmh, 0)),
            format!("接警和警令传递 = 接警派警 {} 分钟 + 每个层次 {} 分钟 × (指挥层次 − 1)；指挥层次由组织图算出（改革前 {} 分钟，现在 {} 分钟）。", n(p.call_taking_min, 1), n(p.relay_min, 1), n(figs.before.inputs.dispatch_min, 1), n(a.dispatch_min, 1)),
            "出警反应时间 = 接警和警令传递 + 等待 + 路上用时。".to_string(),
        ];
    let en: Vec<String> = vec![
            format!("Cars on the street c = officers × cars per 100 officers ÷ 100 × share on the street (rounded down); {} per 100 before, {} after, {}% on the street.", n(p.cars_per_100_before, 1), n(p.cars_per_100_after, 1), n(p.on_duty * 100.0, 0)),
            format!("Cars busy on average a = calls per hour λ × minutes per call s ÷ 60 = {} × {} ÷ 60 = {} erlangs.", n(a.calls_per_hour, 1), n(a.minutes_per_call, 0), n(load, 2)),
            "The chance that a call finds every car busy P = Erlang C(c, a) (the M/M/c queue); mean wait W = P × s ÷ (c − a). With a ≥ c the queue grows without bound and there is no estimate.".to_string(),
            format!("Mean distance to the scene D = k × √(area ÷ free cars (c − a)), k = {}, area {} km² (the square-root law).", n(a.k, 2), n(a.area_km2, 0)),
            format!("Travel = D ÷ speed × 60, at {} km/h.", n(a.speed_kmh, 0)),
            format!("Call taking and orders = {} min to take the call + {} min per rank × (command chain − 1); the chain is computed from the organisation ({} min before, {} min now).", n(p.call_taking_min, 1), n(p.relay_min, 1), n(figs.before.inputs.dispatch_min, 1), n(a.dispatch_min, 1)),
            "Response time = call taking and orders + wait + travel.".to_string(),
        ];
    let lines: Vec<String> = zh
        .into_iter()
        .zip(en)
        .map(|(z, e)| crate::i18n::Name::new(z, e).get(l).to_string())
        .collect();
    let refs = [
        "Kolesar, P. & Blum, E. H. (1973). Square root laws for fire engine response distances. Management Science 19(12), 1368–1378.",
        "Larson, R. C. & Odoni, A. R. (1981). Urban Operations Research. Prentice-Hall (expected nearest-unit distance, k ≈ 0.63 for right-angle travel; M/M/c queues).",
        "Erlang, A. K. (1917). Solution of some problems in the theory of probabilities of significance in automatic telephone exchanges (the Erlang C formula).",
    ];
    let limits = Text::new(
        "局限：警车和警情在辖区内均匀分布；不分时段（资料说巡逻力量投放在“案件高发时段、地段”，模型没有）；警车同时只处置一起警情；派警总是派最近的空闲警车。",
        "Limits: cars and calls spread evenly over the area; no time of day (the source puts patrol where and when crime is highest; the model does not); a car attends one call at a time; the nearest free car is always sent.",
    )
    .get(l);
    let carries = figs.breakdown.map(|b| {
        let (before, after) = (&figs.before, &figs.after);
        let parts = [
            ("chain", T_BY_CHAIN, b.chain, [n(before.chain, 0), n(after.chain, 0), n(p.relay_min, 1)]),
            ("officers", T_BY_OFFICERS, b.officers, [n(before.officers, 0), n(after.officers, 0), String::new()]),
            ("standard", T_BY_STANDARD, b.standard, [n(p.cars_per_100_before, 1), n(p.cars_per_100_after, 1), String::new()]),
        ];
        view! {
            <p data-carries="total" data-value=plain_number(b.total)>{fill(T_CARRIES.get(l), &[&n(b.total, 1)])}</p>
            <ul class="carries">
                {parts.into_iter().map(|(hook, text, v, [a, b, c])| view! {
                    <li data-carries=hook data-value=plain_number(v)>{fill(text.get(l), &[&n(v, 1), &a, &b, &c])}</li>
                }).collect_view()}
            </ul>
        }
    });
    view! {
        <details class="how" data-how="response">
            <summary>{T_HOW.get(l)}</summary>
            <ol>{lines.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
            {carries}
            <p class="hint">{limits}</p>
            <ul class="refs">{refs.iter().map(|r| view! { <li>{*r}</li> }).collect_view()}</ul>
        </details>
    }
}
