//! Key figures first: the five or six figures the reform is known for (`Variant::key_figures`,
//! data of the case), before → at the step shown, each with the figure the sources report and
//! its document beside it. The same numbers as the numbers table, formatted the same way.

use leptos::prelude::*;

use crate::analysis::response::Patrol;
use crate::i18n::{format_number, plain_number, tr, Lang, Msg};
use crate::model::cases::{KeyFigure, Match, Reported, Variant};
use crate::ui::numbers::{match_text, shown};
use crate::ui::params_panel::SourceNote;
use crate::ui::say;
use crate::ui::state::{AppState, Shown};

/// Figure `f` before and at `step` (NaN where there is none: no estimate, nothing built).
fn pair_of(f: KeyFigure, s: &Shown, step: usize, patrol: Option<&Patrol>) -> (f64, f64) {
    match f {
        KeyFigure::Metric(k) => (s.before().get(k), s.at(step).get(k)),
        KeyFigure::ResponseTime => {
            let step = step.min(s.scenario.steps.len() - 1);
            let minutes = |at: usize| {
                patrol
                    .and_then(|p| p.side_of(s.at(at), at).result.ok())
                    .map_or(f64::NAN, |e| e.total_min)
            };
            (minutes(0), minutes(step))
        }
    }
}

/// A value of figure `f` as the page writes it: a metric as the numbers table does, the
/// response time in minutes with one decimal as the response panel does.
pub(crate) fn written(f: KeyFigure, v: f64, l: Lang) -> String {
    match f {
        KeyFigure::Metric(k) => shown(k.format(), v),
        KeyFigure::ResponseTime => format!("{} {}", format_number(v, 1), tr(l, Msg::MinutesShort)),
    }
}

fn match_word(m: &Match) -> Msg {
    match m {
        Match::Input(_) => Msg::KeyMatchInput,
        Match::Calibrated(_) => Msg::KeyMatchCalibrated,
        Match::Emerges(_) => Msg::KeyMatchEmerges,
        Match::Quoted => Msg::KeyMatchQuoted,
    }
}

/// The reported figure beside a key figure: "Reported 48.5% → 89%", its document, and how the
/// model matches it in a word a kind (the whole sentence, each side named, as the tooltip).
fn reported_view(
    f: KeyFigure,
    r: &'static Reported,
    v: &'static Variant,
    l: Lang,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let one = |x: Option<f64>| x.map_or_else(|| "—".to_string(), |x| written(f, x, l));
    let sides = [(Msg::Before, r.how[0]), (Msg::After, r.how[1])];
    // Each side's sentence once ("Before: input (…)"), with its match kind: a tag's `title`
    // holds those of its kind, the text under the tags all of them.
    let said = sides
        .iter()
        .filter_map(|(side, m)| {
            m.as_ref().map(|m| {
                let text = format!("{}{}{}", tr(l, *side), l.colon(), match_text(m, v.specs, l));
                (m.key(), text)
            })
        })
        .collect::<Vec<_>>();
    let mut kinds: Vec<&'static str> = Vec::new();
    let badges = sides
        .iter()
        .filter_map(|(_, m)| m.as_ref())
        .filter(|m| {
            let new = !kinds.contains(&m.key());
            kinds.push(m.key());
            new
        })
        .map(|m| {
            let title = said
                .iter()
                .filter(|(kind, _)| *kind == m.key())
                .map(|(_, text)| text.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            view! {
                <span class=format!("kf-match match-{}", m.key()) data-key-match=m.key() title=title>
                    {tr(l, match_word(m))}
                </span>
            }
        })
        .collect_view();
    // The tags are a button: a tap or a key shows what they mean below, every side in a line of
    // its own (a `title` alone is not there on a phone, nor for a keyboard).
    let lines = said.into_iter().map(|(_, text)| text).collect::<Vec<_>>();
    let open = RwSignal::new(false);
    // Named with its figure first ("Frontline share: input emerges"), in text only a screen
    // reader reads: every figure's tags read alike otherwise, and the name still holds the
    // words on the button (WCAG 2.5.3). Escape folds what it opened.
    let name = format!("{}{}", f.label().get(l), l.colon());
    let how = (!lines.is_empty()).then(|| {
        view! {
            <button type="button" class="kf-how" data-action="key-match"
                aria-expanded=move || open.get().to_string()
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Escape" && open.get_untracked() {
                        open.set(false);
                    }
                }
                on:click=move |_| open.update(|o| *o = !*o)>
                <span class="visually-hidden">{name}</span>
                {badges}
            </button>
        }
    });
    let text = move || {
        open.get().then(|| {
            let lines = lines.clone();
            view! {
                <span class="kf-how-text" data-key-match-text="">
                    {lines.into_iter().map(|t| view! { <span>{t}</span> }).collect_view()}
                </span>
            }
        })
    };
    view! {
        <span class="kf-reported" data-key-reported=f.key()>
            <span class="kf-reported-label">{tr(l, Msg::Reported)}</span>
            " "
            <span class="kf-reported-value">{format!("{} → {}", one(r.before), one(r.after))}</span>
            " "
            {how}
            <SourceNote source=r.source lang=lang/>
            {text}
        </span>
    }
}

/// The cell of figure `f` (the `i`th of `values`) before or at the step (`after`), with its
/// `class` from `classes` (before, after), `data-phase` and `data-value`; its text follows the
/// numbers. The strip and presenter mode draw their cards with it.
pub(crate) fn figure_cell(
    f: KeyFigure,
    values: Memo<Vec<(f64, f64)>>,
    i: usize,
    after: bool,
    classes: [&'static str; 2],
    l: Lang,
) -> impl IntoView {
    let value = move || figure_value(values, i, after);
    view! {
        <span
            class=classes[usize::from(after)]
            data-phase=if after { "after" } else { "before" }
            data-value=move || plain_number(value())
        >
            {move || written(f, value(), l)}
        </span>
    }
}

/// Figure `i` of `values` (from [`figure_values`]), before or at the step; NaN where none.
fn figure_value(values: Memo<Vec<(f64, f64)>>, i: usize, after: bool) -> f64 {
    values.with(|x| {
        x.get(i)
            .map_or(f64::NAN, |&(b, a)| if after { a } else { b })
    })
}

/// Every key figure's (before, at the step) pair, in `Variant::key_figures` order; NaN where
/// there is none. Reactive: follows the scenario, the step and the parameters.
pub(crate) fn figure_values(state: AppState) -> Vec<(f64, f64)> {
    let v = state.variant.get();
    let step = state.step.get();
    let patrol = v
        .key_figures
        .contains(&KeyFigure::ResponseTime)
        .then(|| state.planning.with(|p| p.patrol))
        .flatten();
    state.shown.with(|s| {
        v.key_figures
            .iter()
            .map(|&f| {
                s.as_ref().map_or((f64::NAN, f64::NAN), |s| {
                    pair_of(f, s, step, patrol.as_ref())
                })
            })
            .collect()
    })
}

#[component]
pub fn KeyFigures(state: AppState) -> impl IntoView {
    let lang = state.lang;
    // Every figure's (before, after) pair, read once per change of the scenario, the step or the
    // parameters (the response time follows its own, which rebuild nothing): the strip's dozen
    // cells read this one small memo.
    let values = Memo::new(move |_| figure_values(state));
    // Cards are built per scope and language; their cells follow the numbers on their own.
    let cards = move || {
        let v = state.variant.get();
        let l = lang.get();
        v.key_figures
            .iter()
            .enumerate()
            .map(|(i, &f)| {
                let cell = move |after: bool| {
                    figure_cell(f, values, i, after, ["kf-before", "kf-after"], l)
                };
                view! {
                    <li class="kf" data-key-figure=f.key()>
                        <span class="kf-label">{f.label().get(l)}</span>
                        <span class="kf-values">
                            {cell(false)}
                            <span class="kf-arrow" aria-hidden="true">" → "</span>
                            {cell(true)}
                        </span>
                        {v.reported_key(f).map(|r| reported_view(f, r, v, l, lang))}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || state.variant.with(|v| !v.key_figures.is_empty())>
            <section class="key-figures" data-panel="key-figures" aria-labelledby="key-figures-title">
                <h2 id="key-figures-title">
                    {say(lang, Msg::KeyFigures)}
                    <span class="kf-phases">
                        {say(lang, Msg::Before)}
                        " → "
                        {move || state.after_title(false)}
                    </span>
                </h2>
                <ul class="kf-list">{cards}</ul>
            </section>
        </Show>
    }
}
