//! Small bar charts drawn as plain SVG (no chart library). Each group has a "before" and an
//! "after" bar, both labelled with their phase and their value, so nothing depends on colour
//! alone; the tables next to the charts give the same numbers as text.

use leptos::prelude::*;

use crate::ui::cells::Cells;

/// One group of a paired bar chart: its label, the two values (for the bar lengths) and the two
/// values as the page writes them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pair {
    pub label: String,
    pub before: f64,
    pub after: f64,
    pub before_text: String,
    pub after_text: String,
}

const WIDTH: f64 = 340.0;
/// Room for the phase labels left of the bars.
const PHASE_W: f64 = 92.0;
/// Room for the value right of the longest bar.
const VALUE_W: f64 = 64.0;
const LABEL_H: f64 = 16.0;
const BAR_H: f64 = 12.0;
const BAR_GAP: f64 = 3.0;
const GROUP_GAP: f64 = 8.0;
const GROUP_H: f64 = LABEL_H + 2.0 * BAR_H + BAR_GAP + GROUP_GAP;

/// The length of a bar for `v` when the longest is `max`: at least a hairline for any positive
/// value, none for zero.
fn bar_length(v: f64, max: f64) -> f64 {
    if v.is_nan() || v <= 0.0 || max <= 0.0 {
        return 0.0;
    }
    ((v / max) * (WIDTH - PHASE_W - VALUE_W)).max(1.0)
}

/// A chart of paired before/after bars. `chart` is the `data-chart` hook; `phases` are the
/// labels of the two bars of each group ("Before", "After step 2").
#[component]
pub fn PairedBars(
    chart: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] phases: Signal<(String, String)>,
    #[prop(into)] pairs: Signal<Vec<Pair>>,
) -> impl IntoView {
    let count = Memo::new(move |_| pairs.with(Vec::len));
    let height = move || count.get() as f64 * GROUP_H;
    // One sync pass writes each group's pair and the longest value (bar lengths are relative
    // to it); a group's bars and texts follow their own cell only.
    let cells = Cells::<usize, (Pair, f64)>::new();
    let longest = |pairs: &[Pair]| {
        pairs
            .iter()
            .flat_map(|p| [p.before, p.after])
            .fold(0.0f64, f64::max)
    };
    Effect::new(move |_| {
        pairs.with(|p| {
            let max = longest(p);
            cells.sync(|&i| p.get(i).map(|x| (x.clone(), max)));
        })
    });
    let group = move |i: usize| {
        let cell = cells.cell(&i, || {
            pairs
                .with_untracked(|p| {
                    let max = longest(p);
                    p.get(i).cloned().map(|x| (x, max))
                })
                .unwrap_or_default()
        });
        let y0 = i as f64 * GROUP_H;
        let bar = move |j: usize, phase: &'static str| {
            let after = j == 1;
            let y = y0 + LABEL_H + j as f64 * (BAR_H + BAR_GAP);
            let len = move || {
                cell.with(|(p, max)| bar_length(if after { p.after } else { p.before }, *max))
            };
            let text_y = format!("{:.1}", y + BAR_H - 2.0);
            view! {
                <text class="phase" x="0" y=text_y.clone()>
                    {move || phases.with(|(b, a)| if after { a.clone() } else { b.clone() })}
                </text>
                <rect
                    class=format!("bar {phase}")
                    data-phase=phase
                    x=format!("{PHASE_W:.1}")
                    y=format!("{y:.1}")
                    width=move || format!("{:.1}", len())
                    height=format!("{BAR_H:.1}")
                ></rect>
                <text class="value" x=move || format!("{:.1}", PHASE_W + len() + 4.0) y=text_y>
                    {move || cell.with(|(p, _)| if after { p.after_text.clone() } else { p.before_text.clone() })}
                </text>
            }
        };
        view! {
            <g class="group">
                <text class="group-label" x="0" y=format!("{:.1}", y0 + LABEL_H - 4.0)>
                    {move || cell.with(|(p, _)| p.label.clone())}
                </text>
                {bar(0, "before")}
                {bar(1, "after")}
            </g>
        }
    };
    let bars = move || view! { <For each=move || 0..count.get() key=|i| *i children=group/> };
    view! {
        <figure class="chart" data-chart=chart>
            <figcaption>{move || title.get()}</figcaption>
            <svg
                xmlns="http://www.w3.org/2000/svg"
                role="img"
                aria-label=move || title.get()
                width=format!("{WIDTH:.0}")
                height=move || format!("{:.0}", height())
                viewBox=move || format!("0 0 {WIDTH:.0} {:.0}", height())
            >
                <title>{move || title.get()}</title>
                {bars}
            </svg>
        </figure>
    }
}
