//! The boxes and connectors of one diagram: what each box shows, the one sync pass that keeps
//! every box's signals in step with the layout, and the views of a box and a connector.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{tr, Lang, Msg};
use crate::layout::diagram::{
    fmt_1dp, Diagram, DiagramNode, Edge, Found, Orient, FONT, LINE_HEIGHT, PAD_Y,
};
use crate::model::lineage::Change;
use crate::model::org::Id;
use crate::ui::cells::{set_if, Rows};
use crate::ui::state::AppState;

pub(super) fn change_key(c: Change) -> &'static str {
    match c {
        Change::Kept => "kept",
        Change::Formed => "formed",
        Change::New => "new",
        Change::MergedInto => "merged",
        Change::Abolished => "abolished",
    }
}

pub(super) fn change_msg(c: Change) -> Msg {
    match c {
        Change::Kept => Msg::ChangeKept,
        Change::Formed => Msg::ChangeFormed,
        Change::New => Msg::ChangeNew,
        Change::MergedInto => Msg::ChangeMerged,
        Change::Abolished => Msg::ChangeAbolished,
    }
}

/// What one diagram shares with its boxes.
#[derive(Clone, Copy)]
pub(super) struct Ctx {
    pub state: AppState,
    pub diagram: Memo<Option<Diagram>>,
    pub after: bool,
    /// Units to outline (the lineage of the focused unit).
    pub highlight: Memo<Vec<String>>,
    /// The box that holds the diagram's tab stop.
    pub active: RwSignal<Option<String>>,
    /// The canvas fills the window below it (presenter mode) instead of following the drawing.
    pub fill: bool,
}

impl Ctx {
    pub fn found(&self) -> Memo<Found> {
        let (found, after) = (self.state.found, self.after);
        Memo::new(move |_| found.with(|(b, a)| if after { a.clone() } else { b.clone() }))
    }
    pub fn toggle(&self, id: &str) {
        let closed = self.state.collapsed.with_untracked(|c| c.contains(id));
        self.set_collapsed(id, !closed);
    }
    pub fn set_collapsed(&self, id: &str, closed: bool) {
        let id = id.to_string();
        self.state.collapsed.update(|c| {
            if closed {
                c.insert(id);
            } else {
                c.remove(&id);
            }
        });
    }
}

/// The mark drawn on a changed box (the non-colour cue; kept units have none).
pub(super) fn change_glyph(c: Change) -> &'static str {
    match c {
        Change::Kept => "",
        Change::Formed => "⊕",
        Change::New => "+",
        Change::MergedInto => "»",
        Change::Abolished => "×",
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Geom {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    depth: usize,
    below: usize,
    collapsed: bool,
    /// Where the collapse toggle sits (bottom centre top-down, right middle left-right).
    toggle: (f64, f64),
}

impl Geom {
    fn of(n: &DiagramNode, orient: Orient) -> Geom {
        Geom {
            x: n.x,
            y: n.y,
            w: n.w,
            h: n.h,
            depth: n.depth,
            below: n.below,
            collapsed: n.collapsed,
            toggle: match orient {
                Orient::TopDown => (n.w / 2.0, n.h),
                Orient::LeftRight => (n.w, n.h / 2.0),
            },
        }
    }
}

/// What a box says, and the class and label that follow from it.
#[derive(Clone, Debug, PartialEq)]
struct Label {
    lines: Arc<[String]>,
    name_lines: usize,
    staff: u32,
    count: usize,
    kind: &'static str,
    change: Change,
    placeholder: bool,
    lang: Lang,
}

impl Label {
    fn of(n: &DiagramNode, change: Change, lang: Lang) -> Label {
        Label {
            lines: n.lines.clone(),
            name_lines: n.name_lines,
            staff: n.staff,
            count: n.count,
            kind: n.kind.key(),
            change,
            placeholder: n.placeholder,
            lang,
        }
    }
    fn class(&self) -> String {
        format!(
            "node kind-{} chg-{}{}",
            self.kind,
            change_key(self.change),
            if self.placeholder { " placeholder" } else { "" }
        )
    }
    /// The box's accessible name: its lines, and how it changed.
    fn aria(&self) -> String {
        let mut aria = self.lines.join(" ");
        if self.change != Change::Kept {
            aria.push_str("; ");
            aria.push_str(tr(self.lang, change_msg(self.change)));
        }
        aria
    }
}

/// Per-box states that come from outside the diagram (bit flags).
const LIT: u8 = 1;
const MATCH: u8 = 2;
const ON_PATH: u8 = 4;
const ACTIVE: u8 = 8;
const TAB_STOP: u8 = 16;

/// The cells of one box. Only the sync pass writes them, and only when a value changed, so a
/// box re-renders only for its own changes and no signal has thousands of subscribers.
#[derive(Clone)]
pub(super) struct BoxCells {
    /// The unit the box stands for (the first, for a grouped box): its `data-unit-id`.
    id: ArcRwSignal<Id>,
    geom: ArcRwSignal<Geom>,
    label: ArcRwSignal<Label>,
    flags: ArcRwSignal<u8>,
    /// Connector from the parent: path data and whether it is on a search path.
    edge: ArcRwSignal<(Edge, bool)>,
}

/// One row of cells per box, keyed by [`Diagram::keys`].
pub(super) type Boxes = Rows<Id, BoxCells>;

/// Keeps one cell per box in step with the diagram and the states drawn on it, and returns the
/// box ids in drawing order (parents first).
pub(super) fn sync_boxes(ctx: Ctx, found: Memo<Found>) -> (Boxes, RwSignal<Vec<Id>>) {
    let cells = Boxes::new();
    let ids = RwSignal::new(Vec::<Id>::new());
    let state = ctx.state;
    Effect::new(move |_| {
        let lang = state.lang.get();
        let orient = state.orient.get();
        let active = ctx.active.get();
        ctx.diagram.with(|d| {
            let Some(d) = d.as_ref() else { return };
            let keys = d.keys();
            state.changes.with(|ch| {
                let changes = ch
                    .as_ref()
                    .map(|c| if ctx.after { &c.after } else { &c.before });
                found.with(|f| {
                    ctx.highlight.with(|hl| {
                        cells.update(|rows| {
                            let mut seen = HashSet::with_capacity(d.nodes.len());
                            for (i, n) in d.nodes.iter().enumerate() {
                                let change = changes
                                    .and_then(|c| c.get(n.id.as_str()).copied())
                                    .unwrap_or(Change::Kept);
                                let any =
                                    |set: &dyn Fn(&str) -> bool| n.ids().iter().any(|i| set(i));
                                let mut flags = 0;
                                if !hl.is_empty() && any(&|i| hl.iter().any(|h| h == i)) {
                                    flags |= LIT;
                                }
                                if !f.matches.is_empty()
                                    && any(&|i| f.matches.iter().any(|m| m == i))
                                {
                                    flags |= MATCH;
                                }
                                if !f.path.is_empty() && any(&|i| f.path.contains(i)) {
                                    flags |= ON_PATH;
                                }
                                match active.as_deref() {
                                    Some(a) if a == n.id => flags |= ACTIVE | TAB_STOP,
                                    None if i == 0 => flags |= TAB_STOP,
                                    Some(a) if i == 0 && d.index_of(a).is_none() => {
                                        flags |= TAB_STOP
                                    }
                                    _ => {}
                                }
                                let edge = (
                                    d.edge(i).unwrap_or_default(),
                                    f.path.contains(n.id.as_str()),
                                );
                                let (geom, label) =
                                    (Geom::of(n, orient), Label::of(n, change, lang));
                                let key = &keys[i];
                                seen.insert(key.as_str());
                                match rows.get(key) {
                                    Some(b) => {
                                        set_if(&b.id, n.id.clone());
                                        set_if(&b.geom, geom);
                                        set_if(&b.label, label);
                                        set_if(&b.flags, flags);
                                        set_if(&b.edge, edge);
                                    }
                                    None => {
                                        rows.insert(
                                            key.clone(),
                                            BoxCells {
                                                id: ArcRwSignal::new(n.id.clone()),
                                                geom: ArcRwSignal::new(geom),
                                                label: ArcRwSignal::new(label),
                                                flags: ArcRwSignal::new(flags),
                                                edge: ArcRwSignal::new(edge),
                                            },
                                        );
                                    }
                                }
                            }
                            rows.retain(|id, _| seen.contains(id.as_str()));
                        });
                    });
                });
            });
            let same = ids.with_untracked(|old| {
                old.len() == keys.len() && old.iter().zip(&keys).all(|(a, k)| a == k)
            });
            if !same {
                ids.set(keys);
            }
        });
    });
    (cells, ids)
}

pub(super) fn node_view(key: Id, ctx: Ctx, boxes: Boxes) -> Option<impl IntoView> {
    let cells = boxes.get(&key)?;
    let unit: RwSignal<Id> = cells.id.into();
    let id = move || unit.with_untracked(|u| u.to_string());
    let geom: RwSignal<Geom> = cells.geom.into();
    let label: RwSignal<Label> = cells.label.into();
    let flags: RwSignal<u8> = cells.flags.into();
    let flag = move |f: u8| move || flags.with(|v| v & f != 0);
    let focus = ctx.state.focus_unit;
    let first_y = PAD_Y + FONT;
    let w = Memo::new(move |_| geom.with(|g| g.w));
    let cx = move || fmt_1dp(w.get() / 2.0);
    let has_below = Memo::new(move |_| geom.with(|g| g.below > 0));
    let collapsed = Memo::new(move |_| geom.with(|g| g.collapsed));
    let depth = Memo::new(move |_| geom.with(|g| g.depth));
    let glyph = Memo::new(move |_| label.with(|l| change_glyph(l.change)));
    let lines = Memo::new(move |_| label.with(|l| l.lines.clone()));
    let shape = Memo::new(move |_| label.with(|l| (l.lines.len(), l.name_lines)));
    Some(view! {
        <g
            class=move || label.with(Label::class)
            class:lineage=flag(LIT)
            class:match=flag(MATCH)
            class:on-path=flag(ON_PATH)
            class:active=flag(ACTIVE)
            class:collapsed=move || collapsed.get()
            data-unit-id=move || unit.with(|u| u.to_string())
            data-staff=move || label.with(|l| l.staff.to_string())
            data-count=move || label.with(|l| l.count.to_string())
            data-kind=move || label.with(|l| l.kind)
            data-change=move || label.with(|l| change_key(l.change))
            data-depth=move || depth.get().to_string()
            transform=move || geom.with(|g| format!("translate({},{})", fmt_1dp(g.x), fmt_1dp(g.y)))
            role="treeitem"
            aria-level=move || (depth.get() + 1).to_string()
            aria-expanded=move || has_below.get().then(|| (!collapsed.get()).to_string())
            aria-label=move || label.with(Label::aria)
            tabindex=move || if flags.with(|v| v & TAB_STOP != 0) { "0" } else { "-1" }
            on:mouseenter=move |_| focus.set(Some(id()))
            on:mouseleave=move |_| focus.set(None)
            on:focus=move |_| {
                focus.set(Some(id()));
                ctx.active.set(Some(id()));
            }
            on:blur=move |_| focus.set(None)
            on:click=move |_| ctx.active.set(Some(id()))
        >
            <rect
                width=move || geom.with(|g| fmt_1dp(g.w))
                height=move || geom.with(|g| fmt_1dp(g.h))
                rx="4"
            ></rect>
            {move || {
                // Rebuilt only when the number of lines changes; each line's text follows the
                // label on its own (a staff change rewrites one text node, not every line).
                let (n, name_lines) = shape.get();
                view! {
                    <text x=cx text-anchor="middle">
                        {(0..n)
                            .map(|i| {
                                let class = if i < name_lines { "name-line" } else { "staff-line" };
                                view! {
                                    <tspan x=cx y=fmt_1dp(first_y + i as f64 * LINE_HEIGHT) class=class>
                                        {move || lines.with(|l| l.get(i).cloned().unwrap_or_default())}
                                    </tspan>
                                }
                            })
                            .collect_view()}
                    </text>
                }
            }}
            {move || {
                let glyph = glyph.get();
                (!glyph.is_empty()).then(|| view! {
                    <g class="mark" transform=move || format!("translate({},0)", fmt_1dp(w.get())) aria-hidden="true">
                        <circle r="8"></circle>
                        <text y="4" text-anchor="middle">{glyph}</text>
                    </g>
                })
            }}
            {move || {
                has_below.get().then(|| {
                    view! {
                        <g
                            class="toggle"
                            transform=move || geom.with(|g| format!("translate({},{})", fmt_1dp(g.toggle.0), fmt_1dp(g.toggle.1)))
                            aria-hidden="true"
                            on:click=move |ev| {
                                ev.stop_propagation();
                                ctx.toggle(&id());
                            }
                            on:pointerdown=|ev| ev.stop_propagation()
                        >
                            <circle r="7"></circle>
                            <text y="4" text-anchor="middle">{move || if collapsed.get() { "+" } else { "−" }}</text>
                        </g>
                    }
                })
            }}
        </g>
    })
}

pub(super) fn edge_view(id: &Id, boxes: Boxes) -> Option<impl IntoView> {
    let edge: RwSignal<(Edge, bool)> = boxes.get(id)?.edge.into();
    Some(view! {
        <path
            d=move || edge.with(|e| e.0.path())
            class:on-path=move || edge.with(|e| e.1)
            class:guide=move || edge.with(|e| e.0.guide)
        ></path>
    })
}
