//! The step control: baseline → measure 1 → … → final. The "after" diagram and every number
//! follow the chosen step; the current measure's description, source and staff flow are shown.

use leptos::prelude::*;

use crate::i18n::{format_number, tr, trf, Lang, Msg};
use crate::model::lever::StaffFlow;
use crate::ui::params_panel::SourceNote;
use crate::ui::say;
use crate::ui::state::AppState;

fn signed(v: i64) -> String {
    let s = format_number(v as f64, 0);
    if v > 0 {
        format!("+{s}")
    } else {
        s
    }
}

/// Where staff went in one step, as a sentence.
fn flow_sentence(l: Lang, flow: StaffFlow) -> String {
    match flow.moved_down() {
        Some(0) => tr(l, Msg::FlowNone).to_string(),
        Some(m) if m > 0 => trf(l, Msg::FlowDown, &[&format_number(m as f64, 0)]),
        Some(m) => trf(l, Msg::FlowUp, &[&format_number(-m as f64, 0)]),
        None => trf(
            l,
            Msg::FlowNet,
            &[
                &signed(flow.organ),
                &signed(flow.frontline),
                &signed(flow.net()),
            ],
        ),
    }
}

/// The handout's steps (shown only in print: style/main.css): every measure with its
/// description and where staff went, the one the diagrams show marked. Always in the DOM, kept
/// current: Firefox lays out the printout as soon as `beforeprint` returns, before a signal
/// set there would have redrawn anything.
#[component]
fn HandoutSteps(state: AppState) -> impl IntoView {
    let lang = state.lang;
    // Each step's staff flow, compared: most parameter changes leave them as they were, and the
    // list (hidden on screen) is then not drawn again.
    let flows = Memo::new(move |_| {
        let steps = state.variant.with(|v| v.levers.len());
        state.shown.with(|s| {
            s.as_ref()
                .map(|s| (1..=steps).map(|i| s.scenario.flow(i)).collect::<Vec<_>>())
        })
    });
    move || {
        let l = lang.get();
        let v = state.variant.get();
        let now = state.step.get();
        let items = flows.with(|flows| {
            let flows = flows.as_ref()?;
            Some(
                v.levers
                    .iter()
                    .zip(flows)
                    .enumerate()
                    .map(|(i, (lever, &flow))| {
                        let step = i + 1;
                        view! {
                            <li data-handout-step=step class:shown=step == now>
                                <strong class="handout-step-name">{lever.name.get(l)}</strong>
                                {(step == now).then(|| view! {
                                    <span class="handout-shown">{tr(l, Msg::HandoutShown)}</span>
                                })}
                                " " {lever.summary.get(l)} " "
                                <span class="step-flow" data-flow-organ=flow.organ.to_string()
                                    data-flow-frontline=flow.frontline.to_string()>
                                    <strong>{tr(l, Msg::StaffFlow)}</strong> " " {flow_sentence(l, flow)}
                                </span>
                            </li>
                        }
                    })
                    .collect_view(),
            )
        })?;
        Some(view! {
            <div class="handout-steps" data-handout="steps">
                <h2>{tr(l, Msg::Steps)}</h2>
                <ol>{items}</ol>
            </div>
        })
    }
}

#[component]
pub fn StepControl(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let last = move || state.last_step();
    let go = move |delta: isize| -> usize {
        let next = state.step.get_untracked() as isize + delta;
        if (0..=last() as isize).contains(&next) {
            state.step.set(next as usize);
        }
        state.step.get_untracked()
    };
    // Arrow keys move between steps when a step button has focus.
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let now = state.step.get_untracked() as isize;
        let d = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => 1,
            "ArrowLeft" | "ArrowUp" => -1,
            "Home" => -now,
            "End" => last() as isize - now,
            _ => return,
        };
        ev.prevent_default();
        focus_step(go(d));
    };
    // Steps whose measure found nothing to act on (their organisation equals the one before).
    let idle = state.idle;
    let items = move || {
        let v = state.variant.get();
        let l = lang.get();
        std::iter::once((0usize, tr(l, Msg::Baseline)))
            .chain(
                v.levers
                    .iter()
                    .enumerate()
                    .map(|(i, lv)| (i + 1, lv.name.get(l))),
            )
            .map(|(i, name)| {
                let active = move || state.step.get() == i;
                view! {
                    <li>
                        <button
                            type="button"
                            class="step"
                            class:active=active
                            class:done={move || state.step.get() > i}
                            data-step=i
                            aria-current=move || if active() { "step" } else { "false" }
                            tabindex=move || if active() { "0" } else { "-1" }
                            on:click=move |_| state.step.set(i)
                            on:keydown=on_key
                        >
                            <span class="step-no">{i}</span>
                            <span class="step-name">{name}</span>
                            {move || {
                                idle.with(|d| d.contains(&i)).then(|| {
                                    view! {
                                        <span class="step-idle-mark" data-idle-mark=i>
                                            {tr(lang.get(), Msg::StepIdleMark)}
                                        </span>
                                    }
                                })
                            }}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    // Where staff went in the step on screen: its own memo, so that a new scenario rewrites the
    // two numbers and the sentence, not the whole detail (built per step and language).
    let flow = Memo::new(move |_| {
        let step = state.step.get();
        state
            .shown
            .with(|s| s.as_ref().map(|s| s.scenario.flow(step)))
            .unwrap_or_default()
    });
    let flow_text = move || flow_sentence(lang.get(), flow.get());
    let detail = move || {
        let l = lang.get();
        let step = state.step.get();
        let v = state.variant.get();
        match v.lever_at(step) {
            None => view! {
                <p class="step-summary">{tr(l, Msg::BaselineSummary)}</p>
            }
            .into_any(),
            Some(lever) => view! {
                <p class="step-summary" data-lever=lever.key>{lever.summary.get(l)}</p>
                {move || {
                    idle.with(|d| d.contains(&step)).then(|| {
                        view! {
                            <p class="step-idle" role="note" data-idle=lever.key>
                                {trf(lang.get(), Msg::StepIdle, &[lever.needs.get(lang.get())])}
                            </p>
                        }
                    })
                }}
                <p
                    class="step-flow"
                    data-flow-organ=move || flow.get().organ.to_string()
                    data-flow-frontline=move || flow.get().frontline.to_string()
                >
                    <strong>{tr(l, Msg::StaffFlow)}</strong> " " {flow_text}
                </p>
                <SourceNote source=lever.source lang=lang/>
            }
            .into_any(),
        }
    };
    view! {
        <section class="steps" aria-labelledby="steps-title">
            <div class="steps-head">
                <h2 id="steps-title">{say(lang, Msg::Steps)}</h2>
                <button
                    type="button"
                    class="step-move"
                    data-action="step-prev"
                    disabled=move || state.step.get() == 0
                    on:click=move |_| {
                        go(-1);
                        // At the first step this button is disabled: focus goes to "Next".
                        if state.step.get_untracked() == 0 {
                            crate::ui::focus("[data-action=\"step-next\"]");
                        }
                    }
                >{say(lang, Msg::PrevStep)}</button>
                <button
                    type="button"
                    class="step-move"
                    data-action="step-next"
                    disabled={move || state.step.get() >= last()}
                    on:click=move |_| {
                        go(1);
                        if state.step.get_untracked() >= untrack(last) {
                            crate::ui::focus("[data-action=\"step-prev\"]");
                        }
                    }
                >{say(lang, Msg::NextStep)}</button>
            </div>
            <ol class="step-list" aria-label=say(lang, Msg::Steps)>{items}</ol>
            <div class="step-detail" aria-live="polite">{detail}</div>
            <HandoutSteps state=state/>
        </section>
    }
}

/// Moves keyboard focus to the button of step `i` (it exists before the DOM catches up).
fn focus_step(i: usize) {
    crate::ui::focus(&format!(".step-list [data-step=\"{i}\"]"));
}
