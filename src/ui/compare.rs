//! "One city, four models" (`?view=compare`): the city's inputs, the same figures from each
//! case's model applied to it (`analysis::compare`), what each model was given, and a way to open
//! any of them with the city's values in the case view.

use leptos::prelude::*;

use crate::analysis::compare::{cell, Applied, Cell, Figure, FIGURES};
use crate::i18n::{format_number, plain_number, Lang, Text};
use crate::model::cases::{CaseId, ModelError};
use crate::model::compose::{Recipe, Scope};
use crate::model::metrics::{compute, Format, MetricKey, Metrics};
use crate::ui::params_panel::{ParamRow, SourceNote};
use crate::ui::state::AppState;
use crate::ui::TableScroll;

pub(crate) const T_TITLE: Text = Text::new("一个城市，四种模式", "One city, four models");
const T_HINT: Text = Text::new(
    "输入一个城市的情况，四个案例的改革模型都用在它上面，比较同样的数字（改革前 → 改革后）。每个模型只改变它的改革改变的东西：“无影响”表示这项改革在模型里不改变这个数，“模型未涉及”表示模型算不出它。每个模型得到了哪些值、怎么从城市推出来的，见各列下面的说明。",
    "Describe a city once and every case's reform model is applied to it; the same figures are compared (before → after). Each model changes only what its reform changes: “no effect” means the reform does not change that figure in the model, “not modelled” that the model cannot compute it. What each model was given, and how it follows from the city, is listed under the table.",
);
const T_FIGURE: Text = Text::new("指标", "Figure");
const T_OFFICERS: Text = Text::new("模型里的民警", "Officers in the model");
const T_RESPONSE: Text = Text::new(
    "出警反应时间（估算，分钟）",
    "Response time (estimate, min)",
);
const T_NO_EFFECT: Text = Text::new("无影响", "no effect");
const T_NOT_MODELLED: Text = Text::new("模型未涉及", "not modelled");
const T_FAILED: Text = Text::new(
    "这个模型用不了这个城市：",
    "This model cannot take this city: ",
);
const T_FED: Text = Text::new("这个模型得到的值", "What this model was given");
const T_CAPPED: Text = Text::new(
    "（城市要 {0}，超出参数范围，取边界值）",
    " (the city asks for {0}, outside the parameter's range, so the bound)",
);
const T_OPEN: Text = Text::new("用这些值打开这个模型", "Open this model with these values");
const T_CITY: Text = Text::new("这个城市", "The city");
const T_LIMITS: Text = Text::new(
    "局限：四个模型各管一个层面（大庆：全市城区；浙江：一个县局；天津：派出所内部；海东：县里的派出所与防区），所以“模型里的民警”可能少于城市的；出警时间按城市的面积、警情和警车估算，只有大庆的改革增加警车，其余只通过指挥层次起作用；工作量离散只在单位带警情数的模型（海东）里有。",
    "Limits: each model covers one level (Daqing: a city's urban area; Zhejiang: one county bureau; Tianjin: inside the stations; Haidong: a county's stations and districts), so “officers in the model” can be fewer than the city's; response time uses the city's area, incidents and cars, and only Daqing's reform adds cars (the others act through the command chain alone); workload spread exists only where the model's units carry incidents (Haidong).",
);

fn figure_label(f: Figure, l: Lang) -> String {
    match f {
        Figure::Officers => T_OFFICERS.get(l).to_string(),
        Figure::ResponseTime => T_RESPONSE.get(l).to_string(),
        Figure::Metric(k) => k.label().get(l).to_string(),
    }
}

fn write(f: Figure, v: f64) -> String {
    let format = match f {
        Figure::Metric(k) => k.format(),
        Figure::ResponseTime => Format::Decimal,
        Figure::Officers => Format::Count,
    };
    match format {
        Format::Count => format_number(v, 0),
        Format::Decimal => format_number(v, 1),
        Format::Share => format!("{}%", format_number(v * 100.0, 1)),
        Format::Ratio => format_number(v, 2),
    }
}

/// A cell's text: "before → after", or the value and "(no effect)" when the two are equal.
fn before_after(f: Figure, before: f64, after: f64, l: Lang) -> AnyView {
    if before == after {
        view! { {write(f, before)} " " <small class="no-effect-mark">"(" {T_NO_EFFECT.get(l)} ")"</small> }
            .into_any()
    } else {
        view! { {write(f, before)} " → " <strong>{write(f, after)}</strong> }.into_any()
    }
}

#[component]
pub fn ComparePage(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let t = move |x: Text| x.get(lang.get());
    view! {
        <main class="layout compare-layout" data-page="compare">
            <aside class="params" aria-labelledby="city-title">
                <h2 id="city-title">{move || t(T_CITY)}</h2>
                <CityInputs state=state/>
            </aside>
            <section class="content compare" aria-labelledby="compare-title">
                <h2 id="compare-title">{move || t(T_TITLE)}</h2>
                <p class="hint">{move || t(T_HINT)}</p>
                {move || {
                    let l = lang.get();
                    let all = state.compared.get();
                    view! {
                        <CompareTable all=all.clone() lang=l/>
                        <p class="hint">{T_LIMITS.get(l)}</p>
                        <div class="fed-list">
                            {all.into_iter().map(|a| view! { <FedList state=state a=a lang=l/> }).collect_view()}
                        </div>
                    }
                }}
                <FourReforms state=state/>
            </section>
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
                    <strong>{c.name().get(l)}</strong>": "{T_FAILED.get(l)}{msg}
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
                        let same = before == after;
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
                            {T_NOT_MODELLED.get(l)}
                            <span class="why">{why.get(l)}</span>
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
                <thead><tr><th scope="col">{T_FIGURE.get(l)}</th>{head}</tr></thead>
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
                .map(|w| T_CAPPED.get(l).replace("{0}", &format_number(w, 1)));
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
    let open = move |_| state.open_applied(&a);
    view! {
        <details class="fed" data-fed-case=case.key()>
            <summary>{case.name().get(l)} " · " {T_FED.get(l)}</summary>
            <ul>{items}</ul>
            <button type="button" data-action="open-compared" data-case=case.key() on:click=open>{T_OPEN.get(l)}</button>
        </details>
    }
}

const T_FOUR_TITLE: Text = Text::new(
    "四项改革作用于同一个组织",
    "Four reforms on one organisation",
);
const T_FOUR_HINT: Text = Text::new(
    "每个案例的整套改革措施（各用本案例的默认值）都作用在同一个组织上，所以每一列都从同样的民警、单位和层级开始。默认是一个典型地级市，也可以选任一案例改革前的组织。一项措施在这个组织里找不到作用对象时，这一步不起作用；做不了时说明原因。“一步一步看”在自组改革中打开这套措施。",
    "Each case's whole reform (with its own case's default values) is applied to the same organisation, so every column starts from the same officers, units and tiers. The organisation is a typical prefecture-level city by default, or any case's organisation before its reform. A measure that finds nothing to act on there changes nothing; one that cannot apply says why. “Step by step” opens the reform in the composer.",
);
const T_FOUR_BASE: Text = Text::new("组织", "Organisation");
const T_FOUR_ABOUT: Text = Text::new(
    "这个组织从何而来：每个数字的出处或假设",
    "What this organisation is made of: where each figure comes from",
);
const T_FOUR_OPEN: Text = Text::new("一步一步看", "Step by step");
const T_FOUR_MEASURES: Text = Text::new(
    "{0} 项措施，{1} 项无作用对象",
    "{0} measures, {1} with nothing to act on",
);
const T_FOUR_REFUSED: Text = Text::new(
    "这套改革用不了这个组织：",
    "This reform cannot apply here: ",
);

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
                    Ok((_, _, idle)) => T_FOUR_MEASURES
                        .get(l)
                        .replace("{0}", &n.to_string())
                        .replace("{1}", &idle.to_string()),
                    Err(_) => String::new(),
                };
                view! {
                    <th scope="col" data-four-case=case.key()>
                        <span class="case-name">{case.name().get(l)}</span>
                        <small>{note}</small>
                        <button type="button" class="four-open" data-action="open-four" data-case=case.key()
                            on:click=move |_| {
                                state.set_recipe(Recipe::of_reform(case, b));
                                state.view.set(crate::state::url::View::Compose);
                            }>{T_FOUR_OPEN.get(l)}</button>
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
                        <strong>{c.name().get(l)}</strong>": "{T_FOUR_REFUSED.get(l)}{msg}
                    </p>
                }
            })
            .collect_view();
        let rows = FOUR_FIGURES
            .iter()
            .map(|&k| {
                let f = Figure::Metric(k);
                let cells = cols
                    .iter()
                    .map(|(case, _, r)| match r {
                        Ok((mb, ma, _)) => {
                            let (before, after) = (mb.get(k), ma.get(k));
                            let same = before == after;
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
                    <thead><tr><th scope="col">{T_FIGURE.get(l)}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableScroll>
        }
    };
    view! {
        <section class="four-reforms" data-panel="four" aria-labelledby="four-title">
            <h2 id="four-title">{move || T_FOUR_TITLE.get(lang.get())}</h2>
            <p class="hint">{move || T_FOUR_HINT.get(lang.get())}</p>
            <label class="compose-base">
                <span>{move || T_FOUR_BASE.get(lang.get())}</span>
                <select data-action="four-base" on:change=move |ev| {
                    if let Some(s) = Scope::parse(&event_target_value(&ev)) {
                        state.four.set((s != Scope::TYPICAL_CITY).then_some(s));
                    }
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
            <summary>{move || T_FOUR_ABOUT.get(lang.get())}</summary>
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
            <span>{move || T_TITLE.get(lang.get())}</span>
        </button>
    }
}
