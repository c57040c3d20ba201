//! Before and after organisation diagrams as SVG, drawn from `layout::diagram`.
//! Boxes are keyed, so a parameter change replaces only the boxes whose content changed.

use leptos::prelude::*;

use crate::i18n::{format_number, tr, trf, Lang, Msg, Text};
use crate::layout::diagram::{Diagram, DiagramNode, FONT, LINE_HEIGHT, PAD_Y};
use crate::model::metrics::MetricKey;
use crate::model::org::UnitKind;
use crate::ui::state::AppState;

const MARGIN: f64 = 8.0;

pub(crate) fn kind_name(k: UnitKind) -> Text {
    match k {
        UnitKind::MunicipalBureau => Text::new("市局", "Municipal bureau"),
        UnitKind::SubBureau => Text::new("分局", "Sub-bureau"),
        UnitKind::CountyBureau => Text::new("县局", "County bureau"),
        UnitKind::Station => Text::new("派出所", "Police station"),
        UnitKind::CentralStation => Text::new("中心派出所", "Central station"),
        UnitKind::District => Text::new("防区", "District"),
        UnitKind::InternalUnit => Text::new("内设机构", "Internal unit"),
        UnitKind::Section => Text::new("科室（科级／处级）", "Section"),
        UnitKind::Office => Text::new("指挥室", "Command office"),
        UnitKind::Group => Text::new("组", "Group"),
        UnitKind::CommunityRoom => Text::new("社区警务室", "Community police room"),
        UnitKind::Team => Text::new("队", "Team"),
    }
}

fn node_view(
    n: DiagramNode,
    highlight: Memo<Vec<String>>,
    focus: RwSignal<Option<String>>,
) -> impl IntoView {
    let cx = n.w / 2.0;
    let ids = n.ids.clone();
    let lit = move || highlight.with(|h| !h.is_empty() && ids.iter().any(|i| h.contains(i)));
    let (enter_id, focus_id) = (n.id.clone(), n.id.clone());
    let name_lines = n.name_lines;
    let first_y = PAD_Y + FONT;
    let label = n.lines.join(" ");
    view! {
        <g
            class=format!("node kind-{}{}", n.kind.key(), if n.placeholder { " placeholder" } else { "" })
            data-unit-id=n.id.clone()
            data-staff=n.staff.to_string()
            data-count=n.count.to_string()
            data-kind=n.kind.key()
            transform=format!("translate({:.1},{:.1})", n.x + MARGIN, n.y + MARGIN)
            class:lineage=lit
            role="listitem"
            aria-label=label
            on:mouseenter=move |_| focus.set(Some(enter_id.clone()))
            on:mouseleave=move |_| focus.set(None)
            on:focus=move |_| focus.set(Some(focus_id.clone()))
            on:blur=move |_| focus.set(None)
        >
            <rect width=format!("{:.1}", n.w) height=format!("{:.1}", n.h) rx="4"></rect>
            <text x=format!("{cx:.1}") text-anchor="middle">
                {n.lines
                    .into_iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let is_name = i < name_lines;
                        view! {
                            <tspan
                                x=format!("{cx:.1}")
                                y=format!("{:.1}", first_y + i as f64 * LINE_HEIGHT)
                                class=if is_name { "name-line" } else { "staff-line" }
                            >{l}</tspan>
                        }
                    })
                    .collect_view()}
            </text>
        </g>
    }
}

#[component]
fn OrgDiagram(
    diagram: Memo<Option<Diagram>>,
    /// Scale the drawing down to the panel's width (grouped diagrams are small enough).
    fit: RwSignal<bool>,
    phase: &'static str,
    title: Signal<String>,
    lang: RwSignal<Lang>,
    /// Ids of the units to highlight (lineage of the focused unit).
    highlight: Memo<Vec<String>>,
    focus: RwSignal<Option<String>>,
) -> impl IntoView {
    let size = move || {
        diagram.with(|d| {
            d.as_ref().map_or((0.0, 0.0), |d| {
                (d.width + 2.0 * MARGIN, d.height + 2.0 * MARGIN)
            })
        })
    };
    let nodes = move || diagram.with(|d| d.as_ref().map(|d| d.nodes.clone()).unwrap_or_default());
    let edges = move || diagram.with(|d| d.as_ref().map(Diagram::edges).unwrap_or_default());
    view! {
        <figure class="diagram" data-phase=phase>
            <figcaption>{move || title.get()}</figcaption>
            <div class="diagram-scroll" tabindex="0" aria-label=move || trf(lang.get(), Msg::DiagramLabel, &[&title.get()])>
                <svg
                    xmlns="http://www.w3.org/2000/svg"
                    class:fit=move || fit.get()
                    width=move || format!("{:.0}", size().0)
                    height=move || format!("{:.0}", size().1)
                    viewBox=move || format!("0 0 {:.0} {:.0}", size().0, size().1)
                    role="list"
                    aria-label=move || trf(lang.get(), Msg::DiagramLabel, &[&title.get()])
                >
                    <g class="edges" transform=format!("translate({MARGIN},{MARGIN})")>
                        <For each=edges key=|e| e.clone() let((_, d))>
                            <path d=d></path>
                        </For>
                    </g>
                    <For
                        each=nodes
                        key=|n| format!("{}|{}|{:?}|{:.1}|{:.1}", n.id, n.staff, n.lines, n.x, n.y)
                        children=move |n| node_view(n, highlight, focus)
                    />
                </svg>
            </div>
        </figure>
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
        ks.sort();
        ks
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
                        .find(|(_, u)| u.id == id)
                        .map(|(_, u)| u.origins())
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="diagrams" aria-labelledby="diagrams-title">
            <h2 id="diagrams-title" class="visually-hidden">{move || tr(lang.get(), Msg::Diagrams)}</h2>
            <div class="diagram-pair">
                <OrgDiagram diagram=state.diagram_before fit=state.group phase="before" title=before_title lang=lang highlight=hl_before focus=focused/>
                <OrgDiagram diagram=state.diagram_after fit=state.group phase="after" title=after_title lang=lang highlight=hl_after focus=focused/>
            </div>
            <div class="legend" aria-label=move || tr(lang.get(), Msg::Legend)>
                <span class="legend-title">{move || tr(lang.get(), Msg::Legend)} ":"</span>
                {move || {
                    kinds
                        .get()
                        .into_iter()
                        .map(|k| view! {
                            <span class=format!("legend-item kind-{}", k.key())>
                                <span class="swatch"></span>
                                {kind_name(k).get(lang.get())}
                            </span>
                        })
                        .collect_view()
                }}
                <span class="legend-item placeholder">
                    <span class="swatch"></span>
                    {move || tr(lang.get(), Msg::Placeholder)}
                </span>
                <span class="legend-total">
                    {move || tr(lang.get(), Msg::Before)} " " {move || trf(lang.get(), Msg::StaffSuffix, &[&total(false)])}
                    " → "
                    {move || state.after_title(false)} " " {move || trf(lang.get(), Msg::StaffSuffix, &[&total(true)])}
                </span>
            </div>
        </section>
    }
}
