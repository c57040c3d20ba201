//! Before and after organisation diagrams as SVG, drawn from `layout::diagram`.
//!
//! - `boxes`: what a diagram shares with its boxes (`Ctx`); boxes and connectors, keyed by
//!   unit id. One sync pass per diagram writes each box's cells only when that box changed,
//!   so a parameter change touches only the boxes whose position or text changed.
//! - `screen`: one diagram's view on screen and what its handlers do to it (`Canvas`).
//! - `canvas`: the SVG, its size, zoom and pan (one `transform` on the viewport group, never
//!   the boxes) by buttons, mouse drag, Ctrl+wheel and pinch; the maths is `layout::viewport`.
//! - `keyboard`: the boxes form an ARIA tree with one tab stop (roving tabindex): arrows move
//!   through it, Enter collapses/expands, Shift+arrows pan, +/−/0/F zoom.
//! - `export`: SVG and PNG downloads, the frame for printing, and each diagram's text
//!   alternative (an outline of the tree with staff numbers).
//! - Here: the panel with both diagrams, its toolbar, change summary and legend, and
//!   presenter mode's single diagram.

mod boxes;
mod canvas;
mod export;
mod keyboard;
mod screen;

use std::collections::HashSet;

use leptos::either::Either;
use leptos::prelude::*;

use boxes::{change_glyph, change_key, change_msg, Ctx};
use canvas::OrgDiagram;
pub use export::frame_for_print;

use crate::i18n::{format_number, tr, trf, Msg};
use crate::layout::diagram::Orient;
use crate::model::lineage::{Change, Changes};
use crate::model::metrics::MetricKey;
use crate::model::org::UnitKind;
use crate::ui::say;
use crate::ui::state::AppState;

/// Search, layout and expand/collapse for both diagrams.
#[component]
fn DiagramToolbar(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let count = move || {
        let q = state.search.get();
        if q.trim().is_empty() {
            return None;
        }
        let (b, a) = state
            .found
            .with(|(b, a)| (b.matches.len(), a.matches.len()));
        Some(if a + b == 0 {
            Either::Left(
                view! { <span class="search-count none" data-search-count="0">{trf(lang.get(), Msg::SearchNone, &[q.trim()])}</span> },
            )
        } else {
            Either::Right(view! {
                <span class="search-count" data-search-count=(a + b).to_string() data-before=b.to_string() data-after=a.to_string()>
                    {trf(lang.get(), Msg::SearchCount, &[&b.to_string(), &a.to_string()])}
                </span>
            })
        })
    };
    // Collapse every box on the second level that has something below it, in both diagrams.
    let top_levels = move || {
        let mut ids = HashSet::new();
        for d in [state.diagram_before, state.diagram_after] {
            d.with_untracked(|d| {
                if let Some(d) = d {
                    for n in d.nodes.iter().filter(|n| n.depth == 1 && n.below > 0) {
                        ids.insert(n.id.to_string());
                    }
                }
            });
        }
        state.collapsed.set(ids);
    };
    view! {
        <div class="diagram-toolbar">
            <label class="search">
                <span>{say(lang, Msg::SearchLabel)}</span>
                <input
                    type="search"
                    data-action="search"
                    placeholder=say(lang, Msg::SearchPlaceholder)
                    prop:value=move || state.search.get()
                    on:input=move |ev| state.search.set(event_target_value(&ev))
                />
            </label>
            <span aria-live="polite">{count}</span>
            <span class="orient" role="group" aria-label=say(lang, Msg::LayoutLabel)>
                {[(Orient::TopDown, Msg::LayoutTopDown), (Orient::LeftRight, Msg::LayoutLeftRight)]
                    .into_iter()
                    .map(|(o, m)| view! {
                        <button
                            type="button"
                            data-orient=o.key()
                            class:active=move || state.orient.get() == o
                            aria-pressed=move || (state.orient.get() == o).to_string()
                            on:click=move |_| state.orient.set(o)
                        >{say(lang, m)}</button>
                    })
                    .collect_view()}
            </span>
            <button type="button" data-action="expand-all" on:click=move |_| {
                state.allow_big.set(true);
                state.collapsed.set(HashSet::new());
            }>{say(lang, Msg::ExpandAll)}</button>
            <button type="button" data-action="collapse-all" on:click=move |_| top_levels()>{say(lang, Msg::CollapseAll)}</button>
        </div>
    }
}

/// "内设机构：32 → 9 个（32 个并入新单位，9 个合并组建）" for every kind that changed.
/// A count as the page shows numbers: thousands grouped.
fn count(n: usize) -> String {
    format_number(n as f64, 0)
}

#[component]
fn ChangeSummary(state: AppState) -> impl IntoView {
    let lang = state.lang;
    // The counts alone, compared: most parameter changes leave them as they were.
    let by_kind = Memo::new(move |_| {
        state.changes.with(|c| {
            c.as_ref().map(|c: &Changes| {
                c.by_kind
                    .iter()
                    .filter(|k| k.before != k.after || k.kept != k.before || k.kept != k.after)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    move || {
        let l = lang.get();
        by_kind.with(|rows| {
            let rows = rows.clone()?;
            let n = rows.len();
            Some(view! {
                <div class="change-summary" data-changes=n.to_string()>
                    <span class="change-title">{tr(l, Msg::ChangesTitle)} ":"</span>
                    {if rows.is_empty() {
                        Either::Left(view! { <span class="change-none">{tr(l, Msg::ChangeNone)}</span> })
                    } else {
                        Either::Right(view! {
                            <ul>
                                {rows
                                    .into_iter()
                                    .map(|k| {
                                        let parts: Vec<String> = [
                                            (k.merged, Change::MergedInto),
                                            (k.abolished, Change::Abolished),
                                            (k.formed, Change::Formed),
                                            (k.new, Change::New),
                                        ]
                                        .into_iter()
                                        .filter(|(n, _)| *n > 0)
                                        .map(|(n, ch)| format!("{} {} {}", change_glyph(ch), count(n), tr(l, change_msg(ch))))
                                        .collect();
                                        view! {
                                            <li
                                                data-change-kind=k.kind.key()
                                                data-before=k.before.to_string()
                                                data-after=k.after.to_string()
                                                data-merged=k.merged.to_string()
                                                data-abolished=k.abolished.to_string()
                                                data-formed=k.formed.to_string()
                                                data-new=k.new.to_string()
                                            >
                                                <strong>{trf(l, Msg::ChangeSummary, &[k.kind.name().get(l), &count(k.before), &count(k.after)])}</strong>
                                                " " {parts.join(l.list_separator())}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        })
                    }}
                </div>
            })
        })
    }
}

#[component]
pub fn DiagramPanel(state: AppState) -> impl IntoView {
    let lang = state.lang;
    // Kinds drawn in either diagram, for the legend.
    let kinds = Memo::new(move |_| {
        let mut ks: Vec<UnitKind> = Vec::new();
        for d in [state.diagram_before, state.diagram_after] {
            d.with(|d| {
                if let Some(d) = d {
                    for n in &d.nodes {
                        if !ks.contains(&n.kind) {
                            ks.push(n.kind);
                        }
                    }
                }
            });
        }
        crate::model::order::sort_by_key(&mut ks, |k| *k);
        ks
    });
    // Whether either diagram draws a guidance line (a unit run by its local government).
    let guided = Memo::new(move |_| {
        [state.diagram_before, state.diagram_after]
            .iter()
            .any(|d| d.with(|d| d.as_ref().is_some_and(|d| d.nodes.iter().any(|n| n.local))))
    });
    let total = move |after: bool| {
        let step = state.step.get();
        state.shown.with(|s| {
            s.as_ref()
                .map(|s| {
                    let m = if after { s.at(step) } else { s.before() };
                    format_number(m.get(MetricKey::StaffTotal), 0)
                })
                .unwrap_or_default()
        })
    };
    let before_title = Signal::derive(move || tr(lang.get(), Msg::Before).to_string());
    let after_title = Signal::derive(move || state.after_title(true));
    // The focused unit and, in the before diagram, the old units it was formed from.
    let focused = state.focus_unit;
    let hl_after = Memo::new(move |_| focused.get().into_iter().collect::<Vec<_>>());
    let hl_before = Memo::new(move |_| {
        let Some(id) = focused.get() else {
            return Vec::new();
        };
        let step = state.step.get();
        state.shown.with(|s| {
            s.as_ref()
                .and_then(|s| {
                    s.scenario
                        .at(step)
                        .walk()
                        .into_iter()
                        .find(|(_, u)| *u.id == *id)
                        .map(|(_, u)| u.origins())
                })
                .unwrap_or_default()
        })
    });
    let before = Ctx {
        state,
        diagram: state.diagram_before,
        after: false,
        highlight: hl_before,
        active: RwSignal::new(None),
        fill: false,
    };
    let after = Ctx {
        state,
        diagram: state.diagram_after,
        after: true,
        highlight: hl_after,
        active: RwSignal::new(None),
        fill: false,
    };
    view! {
        <section class="diagrams" aria-labelledby="diagrams-title">
            <h2 id="diagrams-title" class="visually-hidden">{say(lang, Msg::Diagrams)}</h2>
            <DiagramToolbar state=state/>
            <ChangeSummary state=state/>
            <div class="diagram-pair" class:lr=move || state.orient.get() == Orient::LeftRight>
                <OrgDiagram ctx=before phase="before" title=before_title/>
                <OrgDiagram ctx=after phase="after" title=after_title/>
            </div>
            <p class="diagram-help">{say(lang, Msg::DiagramHelp)}</p>
            <div class="legend" aria-label=say(lang, Msg::Legend)>
                <span class="legend-title">{say(lang, Msg::Legend)} ":"</span>
                {move || {
                    kinds
                        .get()
                        .into_iter()
                        .map(|k| view! {
                            <span class=format!("legend-item kind-{}", k.key())>
                                <span class="swatch"></span>
                                {k.name().get(lang.get())}
                            </span>
                        })
                        .collect_view()
                }}
                <span class="legend-item placeholder">
                    <span class="swatch"></span>
                    {say(lang, Msg::Placeholder)}
                </span>
                <Show when=move || guided.get()>
                    <span class="legend-item legend-guide">
                        <svg class="glyph" width="24" height="8" aria-hidden="true">
                            <path d="M0 4H24"></path>
                        </svg>
                        {say(lang, Msg::LegendGuide)}
                    </span>
                </Show>
                {[Change::Formed, Change::New, Change::MergedInto, Change::Abolished]
                    .into_iter()
                    .map(|c| view! {
                        <span class=format!("legend-item legend-change chg-{}", change_key(c))>
                            <span class="glyph" aria-hidden="true">{change_glyph(c)}</span>
                            {move || tr(lang.get(), change_msg(c))}
                        </span>
                    })
                    .collect_view()}
                <span class="legend-total">
                    {say(lang, Msg::Before)} " " {move || trf(lang.get(), Msg::StaffSuffix, &[&total(false)])}
                    " → "
                    {move || state.after_title(false)} " " {move || trf(lang.get(), Msg::StaffSuffix, &[&total(true)])}
                </span>
            </div>
        </section>
    }
}

/// The "after" diagram alone, at the step shown (presenter mode: one diagram, large).
#[component]
pub fn StepDiagram(state: AppState) -> impl IntoView {
    let focused = state.focus_unit;
    let after = Ctx {
        state,
        diagram: state.diagram_after,
        after: true,
        highlight: Memo::new(move |_| focused.get().into_iter().collect::<Vec<_>>()),
        active: RwSignal::new(None),
        fill: true,
    };
    let title = Signal::derive(move || state.after_title(true));
    view! {
        <div class="step-diagram">
            <OrgDiagram ctx=after phase="after" title=title/>
        </div>
    }
}
