//! Before and after organisation diagrams as SVG, drawn from `layout::diagram`.
//! Boxes are keyed, so a parameter change replaces only the boxes whose content changed.

use leptos::prelude::*;

use crate::i18n::{format_number, tr, trf, Lang, Msg, Text};
use crate::layout::diagram::{Diagram, DiagramNode, FONT, LINE_HEIGHT, PAD_Y};
use crate::model::metrics::MetricKey;
use crate::model::org::UnitKind;
use crate::ui::state::AppState;

const MARGIN: f64 = 8.0;

fn kind_name(k: UnitKind) -> Text {
    match k {
        UnitKind::MunicipalBureau => Text::new("市局", "Municipal bureau"),
        UnitKind::SubBureau => Text::new("分局", "Sub-bureau"),
        UnitKind::CountyBureau => Text::new("县局", "County bureau"),
        UnitKind::Station => Text::new("派出所", "Police station"),
        UnitKind::CentralStation => Text::new("中心派出所", "Central station"),
        UnitKind::District => Text::new("防区", "District"),
        UnitKind::InternalUnit => Text::new("内设机构", "Internal unit"),
        UnitKind::Team => Text::new("队", "Team"),
    }
}

fn node_view(n: DiagramNode) -> impl IntoView {
    let cx = n.w / 2.0;
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
            role="listitem"
            aria-label=label
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
    title: Msg,
    lang: RwSignal<Lang>,
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
            <figcaption>{move || tr(lang.get(), title)}</figcaption>
            <div class="diagram-scroll" tabindex="0" aria-label=move || trf(lang.get(), Msg::DiagramLabel, &[tr(lang.get(), title)])>
                <svg
                    xmlns="http://www.w3.org/2000/svg"
                    class:fit=move || fit.get()
                    width=move || format!("{:.0}", size().0)
                    height=move || format!("{:.0}", size().1)
                    viewBox=move || format!("0 0 {:.0} {:.0}", size().0, size().1)
                    role="list"
                    aria-label=move || trf(lang.get(), Msg::DiagramLabel, &[tr(lang.get(), title)])
                >
                    <g class="edges" transform=format!("translate({MARGIN},{MARGIN})")>
                        <For each=edges key=|e| e.clone() let((_, d))>
                            <path d=d></path>
                        </For>
                    </g>
                    <For
                        each=nodes
                        key=|n| format!("{}|{}|{:?}|{:.1}|{:.1}", n.id, n.staff, n.lines, n.x, n.y)
                        children=node_view
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
        state.shown.with(|s| {
            s.as_ref()
                .map(|s| {
                    let m = if after { &s.after } else { &s.before };
                    format_number(m.get(MetricKey::StaffTotal), 0)
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section class="diagrams" aria-labelledby="diagrams-title">
            <h2 id="diagrams-title" class="visually-hidden">{move || tr(lang.get(), Msg::Diagrams)}</h2>
            <div class="diagram-pair">
                <OrgDiagram diagram=state.diagram_before fit=state.group phase="before" title=Msg::Before lang=lang/>
                <OrgDiagram diagram=state.diagram_after fit=state.group phase="after" title=Msg::After lang=lang/>
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
                    {move || tr(lang.get(), Msg::After)} " " {move || trf(lang.get(), Msg::StaffSuffix, &[&total(true)])}
                </span>
            </div>
        </section>
    }
}
