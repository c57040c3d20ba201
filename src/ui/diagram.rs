//! Before and after organisation diagrams as SVG, drawn from `layout::diagram`.
//!
//! - Boxes and connectors are keyed by unit id; each box reads its own geometry and label
//!   through memos that only fire when that box changed, so a parameter change touches only
//!   the boxes whose position or text changed.
//! - Zoom and pan change one `transform` on the viewport group, never the boxes.
//! - The boxes form an ARIA tree with one tab stop (roving tabindex): arrows move through
//!   it, Enter collapses/expands, Shift+arrows pan, +/−/0/F zoom; mouse drag pans, Ctrl+wheel
//!   and pinch zoom.
//! - Each diagram has a text alternative: an outline of the tree with staff numbers.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

use crate::i18n::{format_number, tr, trf, Lang, Msg};
use crate::layout::diagram::{
    fmt_1dp, Diagram, DiagramNode, Edge, Found, Orient, FONT, LINE_HEIGHT, PAD_Y,
};
use crate::model::lineage::{Change, Changes};
use crate::model::metrics::MetricKey;
use crate::model::org::{Id, Unit, UnitKind};
use crate::ui::cells::set_if;
use crate::ui::say;
use crate::ui::state::AppState;

/// Space around the drawing when fitted.
const MARGIN: f64 = 12.0;
const ZOOM_STEP: f64 = 1.25;
const MIN_ZOOM: f64 = 0.05;
const MAX_ZOOM: f64 = 4.0;
/// Pixels a drag must move before it pans (below that it is a click).
const DRAG_SLOP: f64 = 4.0;
/// Canvas height limits (px).
const MIN_CANVAS: f64 = 220.0;
const MAX_CANVAS: f64 = 640.0;
/// Above this many boxes in one diagram, the deepest levels start collapsed (the user can
/// still open any box, or all of them).
const MAX_BOXES: usize = 2500;
/// Pixels one Shift+arrow press pans.
const PAN_STEP: f64 = 80.0;

fn change_key(c: Change) -> &'static str {
    match c {
        Change::Kept => "kept",
        Change::Formed => "formed",
        Change::New => "new",
        Change::MergedInto => "merged",
        Change::Abolished => "abolished",
    }
}

fn change_msg(c: Change) -> Msg {
    match c {
        Change::Kept => Msg::ChangeKept,
        Change::Formed => Msg::ChangeFormed,
        Change::New => Msg::ChangeNew,
        Change::MergedInto => Msg::ChangeMerged,
        Change::Abolished => Msg::ChangeAbolished,
    }
}

/// The mark drawn on a changed box (the non-colour cue; kept units have none).
fn change_glyph(c: Change) -> &'static str {
    match c {
        Change::Kept => "",
        Change::Formed => "⊕",
        Change::New => "+",
        Change::MergedInto => "»",
        Change::Abolished => "×",
    }
}

/// Zoom and pan of one diagram: screen = content × k + (x, y).
#[derive(Clone, Copy, Debug, PartialEq)]
struct View {
    k: f64,
    x: f64,
    y: f64,
}

impl Default for View {
    fn default() -> Self {
        View {
            k: 1.0,
            x: MARGIN,
            y: MARGIN,
        }
    }
}

impl View {
    fn transform(self) -> String {
        format!(
            "translate({:.1},{:.1}) scale({:.4})",
            self.x, self.y, self.k
        )
    }
    /// Zoomed by `f` around the screen point (px, py).
    fn zoom(self, f: f64, px: f64, py: f64) -> View {
        let k = (self.k * f).clamp(MIN_ZOOM, MAX_ZOOM);
        let r = k / self.k;
        View {
            k,
            x: px - (px - self.x) * r,
            y: py - (py - self.y) * r,
        }
    }
    /// The whole drawing (w × h) centred in a viewport (cw × ch), enlarged up to `max` (1: never;
    /// presenter mode lets a small tree fill the projector).
    fn fit(w: f64, h: f64, cw: f64, ch: f64, max: f64) -> View {
        let k = ((cw - 2.0 * MARGIN) / w.max(1.0))
            .min((ch - 2.0 * MARGIN) / h.max(1.0))
            .clamp(MIN_ZOOM, max);
        View {
            k,
            x: ((cw - w * k) / 2.0).max(MARGIN),
            y: ((ch - h * k) / 2.0).max(MARGIN),
        }
    }
    /// Moved so that the box (x, y, w, h) is inside a viewport (cw × ch); centred on it if
    /// it was not.
    fn reveal(self, b: (f64, f64, f64, f64), cw: f64, ch: f64) -> View {
        let (x, y, w, h) = b;
        let (sx, sy) = (x * self.k + self.x, y * self.k + self.y);
        let inside = sx >= 0.0 && sy >= 0.0 && sx + w * self.k <= cw && sy + h * self.k <= ch;
        if inside {
            return self;
        }
        View {
            k: self.k,
            x: cw / 2.0 - (x + w / 2.0) * self.k,
            y: ch / 2.0 - (y + h / 2.0) * self.k,
        }
    }
}

/// Where a box is and whether it can open: what its `transform`, rectangle and toggle read.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
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
#[derive(Clone, Debug, Default, PartialEq)]
struct Label {
    lines: Arc<[String]>,
    name_lines: usize,
    staff: u32,
    count: usize,
    kind: &'static str,
    change: Option<Change>,
    placeholder: bool,
    lang: Lang,
    aria: String,
}

impl Label {
    fn of(n: &DiagramNode, change: Change, lang: Lang) -> Label {
        let mut aria = n.lines.join(" ");
        if change != Change::Kept {
            aria.push_str("; ");
            aria.push_str(tr(lang, change_msg(change)));
        }
        Label {
            lines: n.lines.clone(),
            name_lines: n.name_lines,
            staff: n.staff,
            count: n.count,
            kind: n.kind.key(),
            change: Some(change),
            placeholder: n.placeholder,
            lang,
            aria,
        }
    }
    fn same(&self, n: &DiagramNode, change: Change, lang: Lang) -> bool {
        self.change == Some(change)
            && self.lang == lang
            && self.staff == n.staff
            && self.count == n.count
            && self.kind == n.kind.key()
            && self.placeholder == n.placeholder
            && self.lines == n.lines
    }
    fn class(&self) -> String {
        format!(
            "node kind-{} chg-{}{}",
            self.kind,
            change_key(self.change.unwrap_or(Change::Kept)),
            if self.placeholder { " placeholder" } else { "" }
        )
    }
}

/// Per-box states that come from outside the diagram (bit flags).
const LIT: u8 = 1;
const MATCH: u8 = 2;
const ON_PATH: u8 = 4;
const ACTIVE: u8 = 8;
const TAB_STOP: u8 = 16;

/// The signals one box reads. Only the sync pass writes them, and only when a value changed,
/// so a box re-renders only for its own changes and no signal has thousands of subscribers.
#[derive(Clone)]
struct BoxSignals {
    geom: ArcRwSignal<Geom>,
    label: ArcRwSignal<Label>,
    flags: ArcRwSignal<u8>,
    /// Connector from the parent: path data and whether it is on a search path.
    edge: ArcRwSignal<(Edge, bool)>,
}

/// What one diagram shares with its boxes.
#[derive(Clone, Copy)]
struct Ctx {
    state: AppState,
    diagram: Memo<Option<Diagram>>,
    after: bool,
    /// Units to outline (the lineage of the focused unit).
    highlight: Memo<Vec<String>>,
    /// The box that holds the diagram's tab stop.
    active: RwSignal<Option<String>>,
    /// The canvas fills the window below it (presenter mode) instead of following the drawing.
    fill: bool,
}

impl Ctx {
    fn found(&self) -> Memo<Found> {
        let (found, after) = (self.state.found, self.after);
        Memo::new(move |_| found.with(|(b, a)| if after { a.clone() } else { b.clone() }))
    }
    fn toggle(&self, id: &str) {
        let closed = self.state.collapsed.with_untracked(|c| c.contains(id));
        self.set_collapsed(id, !closed);
    }
    fn set_collapsed(&self, id: &str, closed: bool) {
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

/// Keeps one `BoxSignals` per box in step with the diagram and the states drawn on it, and
/// returns the box ids in drawing order (parents first).
fn sync_boxes(
    ctx: Ctx,
    found: Memo<Found>,
) -> (StoredValue<HashMap<Id, BoxSignals>>, RwSignal<Vec<Id>>) {
    let store = StoredValue::new(HashMap::<Id, BoxSignals>::new());
    let ids = RwSignal::new(Vec::<Id>::new());
    let state = ctx.state;
    Effect::new(move |_| {
        let lang = state.lang.get();
        let orient = state.orient.get();
        let active = ctx.active.get();
        ctx.diagram.with(|d| {
            let Some(d) = d.as_ref() else { return };
            state.changes.with(|ch| {
                let changes = ch
                    .as_ref()
                    .map(|c| if ctx.after { &c.after } else { &c.before });
                found.with(|f| {
                    ctx.highlight.with(|hl| {
                        store.update_value(|store| {
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
                                let geom = Geom::of(n, orient);
                                seen.insert(n.id.as_str());
                                match store.get(n.id.as_str()) {
                                    Some(b) => {
                                        set_if(&b.geom, geom);
                                        if !b.label.with_untracked(|l| l.same(n, change, lang)) {
                                            b.label.set(Label::of(n, change, lang));
                                        }
                                        set_if(&b.flags, flags);
                                        set_if(&b.edge, edge);
                                    }
                                    None => {
                                        store.insert(
                                            n.id.clone(),
                                            BoxSignals {
                                                geom: ArcRwSignal::new(geom),
                                                label: ArcRwSignal::new(Label::of(n, change, lang)),
                                                flags: ArcRwSignal::new(flags),
                                                edge: ArcRwSignal::new(edge),
                                            },
                                        );
                                    }
                                }
                            }
                            store.retain(|id, _| seen.contains(id.as_str()));
                        });
                    });
                });
            });
            let same = ids.with_untracked(|old| {
                old.len() == d.nodes.len() && old.iter().zip(&d.nodes).all(|(a, n)| *a == n.id)
            });
            if !same {
                ids.set(d.nodes.iter().map(|n| n.id.clone()).collect());
            }
        });
    });
    (store, ids)
}

fn node_view(id: String, ctx: Ctx, sig: BoxSignals) -> impl IntoView {
    let BoxSignals {
        geom, label, flags, ..
    } = sig;
    let flag = |f: u8| {
        let flags = flags.clone();
        move || flags.with(|v| v & f != 0)
    };
    let (enter_id, focus_id, click_id, toggle_id) =
        (id.clone(), id.clone(), id.clone(), id.clone());
    let focus = ctx.state.focus_unit;
    let first_y = PAD_Y + FONT;
    let g = geom.clone();
    let w = Memo::new(move |_| g.with(|g| g.w));
    let cx = move || fmt_1dp(w.get() / 2.0);
    let g = geom.clone();
    let has_below = Memo::new(move |_| g.with(|g| g.below > 0));
    let g = geom.clone();
    let collapsed = Memo::new(move |_| g.with(|g| g.collapsed));
    let g = geom.clone();
    let depth = Memo::new(move |_| g.with(|g| g.depth));
    let l = label.clone();
    let glyph = Memo::new(move |_| l.with(|l| change_glyph(l.change.unwrap_or(Change::Kept))));
    let lines = {
        let l = label.clone();
        Memo::new(move |_| l.with(|l| (l.lines.clone(), l.name_lines)))
    };
    let (l1, l2, l3, l4, l5, l6) = (
        label.clone(),
        label.clone(),
        label.clone(),
        label.clone(),
        label.clone(),
        label.clone(),
    );
    let (g1, g2, g3, g4) = (geom.clone(), geom.clone(), geom.clone(), geom.clone());
    let tab = flags.clone();
    view! {
        <g
            class=move || l1.with(Label::class)
            class:lineage=flag(LIT)
            class:match=flag(MATCH)
            class:on-path=flag(ON_PATH)
            class:active=flag(ACTIVE)
            class:collapsed=move || collapsed.get()
            data-unit-id=id.clone()
            data-staff=move || l2.with(|l| l.staff.to_string())
            data-count=move || l3.with(|l| l.count.to_string())
            data-kind=move || l4.with(|l| l.kind)
            data-change=move || l5.with(|l| change_key(l.change.unwrap_or(Change::Kept)))
            data-depth=move || depth.get().to_string()
            transform=move || g1.with(|g| format!("translate({},{})", fmt_1dp(g.x), fmt_1dp(g.y)))
            role="treeitem"
            aria-level=move || (depth.get() + 1).to_string()
            aria-expanded=move || has_below.get().then(|| (!collapsed.get()).to_string())
            aria-label=move || l6.with(|l| l.aria.clone())
            tabindex=move || if tab.with(|v| v & TAB_STOP != 0) { "0" } else { "-1" }
            on:mouseenter=move |_| focus.set(Some(enter_id.clone()))
            on:mouseleave=move |_| focus.set(None)
            on:focus=move |_| {
                focus.set(Some(focus_id.clone()));
                ctx.active.set(Some(focus_id.clone()));
            }
            on:blur=move |_| focus.set(None)
            on:click=move |_| ctx.active.set(Some(click_id.clone()))
        >
            <rect
                width=move || g2.with(|g| fmt_1dp(g.w))
                height=move || g3.with(|g| fmt_1dp(g.h))
                rx="4"
            ></rect>
            {move || {
                // Rebuilt only when the text changes; the centre follows the width on its own.
                let (lines, name_lines) = lines.get();
                view! {
                    <text x=cx text-anchor="middle">
                        {lines
                            .iter()
                            .cloned()
                            .enumerate()
                            .map(|(i, l)| {
                                let class = if i < name_lines { "name-line" } else { "staff-line" };
                                view! {
                                    <tspan x=cx y=fmt_1dp(first_y + i as f64 * LINE_HEIGHT) class=class>
                                        {l}
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
                    let id = toggle_id.clone();
                    let g4 = g4.clone();
                    view! {
                        <g
                            class="toggle"
                            transform=move || g4.with(|g| format!("translate({},{})", fmt_1dp(g.toggle.0), fmt_1dp(g.toggle.1)))
                            aria-hidden="true"
                            on:click=move |ev| {
                                ev.stop_propagation();
                                ctx.toggle(&id);
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
    }
}

fn edge_view(sig: BoxSignals) -> impl IntoView {
    let (e1, e2) = (sig.edge.clone(), sig.edge);
    let e3 = e1.clone();
    view! {
        <path
            d=move || e1.with(|e| e.0.path())
            class:on-path=move || e2.with(|e| e.1)
            class:guide=move || e3.with(|e| e.0.guide)
        ></path>
    }
}

/// The size of an element on screen, with a sensible guess before it is laid out.
fn client_size(svg: &web_sys::Element) -> (f64, f64) {
    let r = svg.get_bounding_client_rect();
    let (w, h) = (r.width(), r.height());
    if w > 1.0 && h > 1.0 {
        (w, h)
    } else {
        (800.0, 480.0)
    }
}

/// The height from the top of `svg` to the bottom of the window, less a margin (at least
/// `MIN_CANVAS`): a canvas that fills the window (presenter mode).
fn room_below(svg: Option<web_sys::Element>) -> f64 {
    let inner = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(768.0);
    let top = svg.map_or(inner / 3.0, |s| s.get_bounding_client_rect().top());
    (inner - top - 2.0 * MARGIN).max(MIN_CANVAS)
}

/// The outline of a tree as nested lists: the diagram's text alternative.
fn outline(u: &Unit, lang: Lang) -> AnyView {
    let staff = format_number(f64::from(u.staff_total().total()), 0);
    let mut figures = trf(lang, Msg::StaffSuffix, &[&staff]);
    if let Some(r) = u.incidents_per_officer() {
        figures.push_str(lang.list_separator());
        figures.push_str(&trf(lang, Msg::PerOfficerLine, &[&format_number(r, 1)]));
    }
    let text = format!("{}（{}）", u.name.get(lang), figures);
    let kids = (!u.children.is_empty()).then(|| {
        view! { <ul>{u.children.iter().map(|c| outline(c, lang)).collect_view()}</ul> }
    });
    view! { <li data-outline-unit=u.id.to_string()>{text}{kids}</li> }.into_any()
}

#[component]
fn OrgDiagram(ctx: Ctx, phase: &'static str, title: Signal<String>) -> impl IntoView {
    let state = ctx.state;
    let lang = state.lang;
    let diagram = ctx.diagram;
    let view_sig = RwSignal::new(View::default());
    // The canvas is as tall as the drawing needs at the width it has (within limits).
    let canvas_h = RwSignal::new(MAX_CANVAS);
    // Once the user zooms or pans, size changes no longer refit the drawing.
    let moved = RwSignal::new(false);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let found = ctx.found();
    // The canvas width, kept by a ResizeObserver: reading it never forces a layout.
    let client_w = RwSignal::new(0.0f64);
    Effect::new(move |_| {
        let Some(svg) = svg_ref.get() else { return };
        let el: web_sys::Element = svg.into();
        client_w.set(client_size(&el).0);
        let cb = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(e) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
                let w = e.content_rect().width();
                if w > 1.0 && (w - client_w.get_untracked()).abs() > 0.5 {
                    // In the next frame: the refit this causes changes the canvas's height,
                    // which, inside the observer's own delivery, is a "ResizeObserver loop"
                    // error event in every engine.
                    request_animation_frame(move || {
                        if (w - client_w.get_untracked()).abs() > 0.5 {
                            client_w.set(w);
                        }
                    });
                }
            }
        });
        if let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
            ro.observe(&el);
        }
        cb.forget(); // lives as long as the diagram
    });
    // A canvas that fills the window follows the window's height (full screen on and off), and
    // a small drawing is enlarged to fill it (up to 1.8×: a projector is read from the back).
    let fit_max = if ctx.fill { 1.8 } else { 1.0 };
    let window_h = RwSignal::new(0.0f64);
    if ctx.fill {
        if let Some(w) = web_sys::window() {
            let on_resize = gloo_events::EventListener::new(&w, "resize", move |_| {
                let h = web_sys::window()
                    .and_then(|w| w.inner_height().ok())
                    .and_then(|h| h.as_f64())
                    .unwrap_or(0.0);
                window_h.set(h);
            });
            StoredValue::new_local(on_resize);
        }
    }
    let size_of = move || {
        let w = client_w.get_untracked();
        (if w > 1.0 { w } else { 800.0 }, canvas_h.get_untracked())
    };
    let drawing = move || diagram.with(|d| d.as_ref().map_or((0.0, 0.0), |d| (d.width, d.height)));
    let fit = move || {
        let (w, h) =
            diagram.with_untracked(|d| d.as_ref().map_or((0.0, 0.0), |d| (d.width, d.height)));
        let (cw, ch) = size_of();
        view_sig.set(View::fit(w, h, cw, ch, fit_max));
        moved.set(false);
    };
    let reset = move || {
        view_sig.set(View::default());
        moved.set(true);
    };
    let zoom_by = move |f: f64| {
        let (cw, ch) = size_of();
        view_sig.update(|v| *v = v.zoom(f, cw / 2.0, ch / 2.0));
        moved.set(true);
    };
    let pan_by = move |dx: f64, dy: f64| {
        view_sig.update(|v| {
            v.x += dx;
            v.y += dy;
        });
        moved.set(true);
    };
    // Refit when the drawing's size changes (unless the user moved the view), and bring the
    // first search match into view.
    Effect::new(move |_| {
        let (w, h) = drawing();
        client_w.track();
        let target = found.with(|f| {
            let first = f.matches.first()?;
            diagram.with(|d| {
                let d = d.as_ref()?;
                let n = d.nodes.get(d.box_of(first)?)?;
                Some((n.x, n.y, n.w, n.h))
            })
        });
        let (cw, _) = size_of();
        let k = ((cw - 2.0 * MARGIN) / w.max(1.0)).min(1.0);
        let ch = if ctx.fill {
            window_h.track();
            room_below(svg_ref.get_untracked().map(Into::into))
        } else {
            (h * k + 2.0 * MARGIN).clamp(MIN_CANVAS, MAX_CANVAS)
        };
        // Written only when they change: most parameter changes leave the drawing's size.
        if canvas_h.get_untracked() != ch {
            canvas_h.set(ch);
        }
        match target {
            Some(b) => {
                let v = view_sig.get_untracked();
                let v = if v.k < 0.5 { View { k: 0.8, ..v } } else { v };
                view_sig.set(v.reveal(b, cw, ch));
                moved.set(true);
            }
            None if !moved.get_untracked() => {
                let v = View::fit(w, h, cw, ch, fit_max);
                if view_sig.get_untracked() != v {
                    view_sig.set(v);
                }
            }
            None => {}
        }
    });

    // Keyboard: tree navigation on the boxes, view keys anywhere in the diagram.
    let focus_box = move |id: &str| {
        let Some(svg) = svg_ref.get_untracked() else {
            return;
        };
        let sel = format!("[data-unit-id=\"{}\"]", id.replace('"', "\\\""));
        if let Ok(Some(el)) = svg.query_selector(&sel) {
            if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                let opts = web_sys::FocusOptions::new();
                opts.set_prevent_scroll(true);
                let _ = el.focus_with_options(&opts);
            }
        }
        let b = diagram.with_untracked(|d| {
            d.as_ref()
                .and_then(|d| d.node(id))
                .map(|n| (n.x, n.y, n.w, n.h))
        });
        if let Some(b) = b {
            let (cw, ch) = size_of();
            let v = view_sig.get_untracked();
            let nv = v.reveal(b, cw, ch);
            if nv != v {
                view_sig.set(nv);
                moved.set(true);
            }
        }
    };
    // The "before" of the user's own organisation in the composer is edited from here: E or F2
    // on a box, a double click on it, or the button, open the editor's row of that unit.
    let editable = Memo::new(move |_| {
        !ctx.after
            && state.view.get() == crate::state::url::View::Compose
            && state
                .recipe
                .with(|r| r.as_ref().is_some_and(|r| r.base.is_own()))
    });
    let edit_unit = move |id: Option<String>| {
        let id = id.or_else(|| {
            diagram.with_untracked(|d| {
                d.as_ref()
                    .and_then(|d| d.nodes.first())
                    .map(|n| n.id.to_string())
            })
        });
        if let Some(id) = id {
            state.edit_unit.set(Some(id));
        }
    };
    let on_dblclick = move |ev: web_sys::MouseEvent| {
        if !editable.get_untracked() {
            return;
        }
        let id = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-unit-id]").ok().flatten())
            .and_then(|e| e.get_attribute("data-unit-id"));
        if id.is_some() {
            edit_unit(id);
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        if editable.get_untracked()
            && matches!(key.as_str(), "e" | "E" | "F2")
            && !(ev.ctrl_key() || ev.meta_key() || ev.alt_key())
        {
            ev.prevent_default();
            edit_unit(ctx.active.get_untracked());
            return;
        }
        if ev.shift_key() {
            let d = match key.as_str() {
                "ArrowLeft" => Some((PAN_STEP, 0.0)),
                "ArrowRight" => Some((-PAN_STEP, 0.0)),
                "ArrowUp" => Some((0.0, PAN_STEP)),
                "ArrowDown" => Some((0.0, -PAN_STEP)),
                _ => None,
            };
            if let Some((dx, dy)) = d {
                ev.prevent_default();
                pan_by(dx, dy);
                return;
            }
        }
        match key.as_str() {
            "+" | "=" => {
                ev.prevent_default();
                zoom_by(ZOOM_STEP);
                return;
            }
            "-" | "_" => {
                ev.prevent_default();
                zoom_by(1.0 / ZOOM_STEP);
                return;
            }
            "0" => {
                ev.prevent_default();
                reset();
                return;
            }
            "f" | "F" => {
                ev.prevent_default();
                fit();
                return;
            }
            _ => {}
        }
        let active = ctx.active.get_untracked();
        let step = diagram.with_untracked(|d| {
            let d = d.as_ref()?;
            let i = active.as_deref().and_then(|a| d.index_of(a)).unwrap_or(0);
            let n = d.nodes.get(i)?;
            let first_child = || d.nodes.iter().position(|c| c.parent == Some(i));
            // (box to move to, collapse change)
            let r: (Option<usize>, Option<bool>) = match key.as_str() {
                "ArrowDown" => (Some((i + 1).min(d.nodes.len() - 1)), None),
                "ArrowUp" => (Some(i.saturating_sub(1)), None),
                "Home" => (Some(0), None),
                "End" => (Some(d.nodes.len() - 1), None),
                "ArrowRight" if n.collapsed => (None, Some(false)),
                "ArrowRight" => (first_child(), None),
                "ArrowLeft" if n.below > 0 && !n.collapsed => (None, Some(true)),
                "ArrowLeft" => (n.parent, None),
                "Enter" | " " if n.below > 0 => (None, Some(!n.collapsed)),
                _ => return None,
            };
            Some((
                n.id.to_string(),
                r.0.and_then(|j| d.nodes.get(j)).map(|m| m.id.to_string()),
                r.1,
            ))
        });
        let Some((here, to, collapse)) = step else {
            return;
        };
        ev.prevent_default();
        if let Some(closed) = collapse {
            ctx.set_collapsed(&here, closed);
        }
        if let Some(to) = to {
            ctx.active.set(Some(to.clone()));
            focus_box(&to);
        }
    };

    // Pointers: one drags the view, two pinch-zoom it.
    let pointers = StoredValue::new(Vec::<(i32, f64, f64)>::new());
    let drag = StoredValue::new(None::<(f64, f64, View, bool)>);
    let local = move |x: f64, y: f64| {
        svg_ref.get_untracked().map_or((x, y), |s| {
            let r = s.get_bounding_client_rect();
            (x - r.left(), y - r.top())
        })
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 && ev.pointer_type() == "mouse" {
            return;
        }
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        pointers.update_value(|p| {
            p.retain(|q| q.0 != ev.pointer_id());
            p.push((ev.pointer_id(), x, y));
        });
        drag.set_value(Some((x, y, view_sig.get_untracked(), false)));
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let before = pointers.with_value(|p| p.clone());
        if !before.iter().any(|q| q.0 == ev.pointer_id()) {
            return;
        }
        if before.len() >= 2 {
            let (a, b) = (before[0], before[1]);
            let mut after = before.clone();
            for q in after.iter_mut() {
                if q.0 == ev.pointer_id() {
                    (q.1, q.2) = (x, y);
                }
            }
            let (c, d) = (after[0], after[1]);
            let dist = |p: (i32, f64, f64), q: (i32, f64, f64)| {
                ((p.1 - q.1).powi(2) + (p.2 - q.2).powi(2)).sqrt()
            };
            let (d0, d1) = (dist(a, b), dist(c, d));
            if d0 > 1.0 {
                let (mx, my) = local((c.1 + d.1) / 2.0, (c.2 + d.2) / 2.0);
                let (ox, oy) = ((c.1 + d.1 - a.1 - b.1) / 2.0, (c.2 + d.2 - a.2 - b.2) / 2.0);
                view_sig.update(|v| {
                    *v = v.zoom(d1 / d0, mx, my);
                    v.x += ox;
                    v.y += oy;
                });
                moved.set(true);
            }
            pointers.set_value(after);
            drag.set_value(None);
            return;
        }
        let Some((sx, sy, v0, mut panning)) = drag.get_value() else {
            return;
        };
        let (dx, dy) = (x - sx, y - sy);
        if !panning && dx.hypot(dy) > DRAG_SLOP {
            panning = true;
            if let Some(s) = svg_ref.get_untracked() {
                let _ = s.set_pointer_capture(ev.pointer_id());
            }
        }
        if panning {
            view_sig.set(View {
                x: v0.x + dx,
                y: v0.y + dy,
                ..v0
            });
            moved.set(true);
            drag.set_value(Some((sx, sy, v0, true)));
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| p.retain(|q| q.0 != ev.pointer_id()));
        drag.set_value(None);
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        ev.prevent_default();
        let (px, py) = local(f64::from(ev.client_x()), f64::from(ev.client_y()));
        let f = (-ev.delta_y() * 0.002).exp().clamp(0.5, 2.0);
        view_sig.update(|v| *v = v.zoom(f, px, py));
        moved.set(true);
    };

    let (boxes, ids) = sync_boxes(ctx, found);
    // Very large trees start with their deepest levels collapsed, so the page stays responsive.
    Effect::new(move |_| {
        if state.allow_big.get() {
            return;
        }
        let close = diagram.with(|d| {
            d.as_ref()
                .map(|d| d.collapse_to(MAX_BOXES))
                .unwrap_or_default()
        });
        if !close.is_empty() {
            state.collapsed.update(|c| c.extend(close));
        }
    });
    let signals_of = move |id: &str| boxes.with_value(|b| b.get(id).cloned());
    let outline_open = RwSignal::new(false);
    let after = ctx.after;
    let outline_view = move || {
        outline_open.get().then(|| {
            let l = lang.get();
            let step = if after { state.step.get() } else { 0 };
            state.shown.with(|s| {
                s.as_ref().map(
                    |s| view! { <ul class="outline-tree" tabindex="0">{outline(s.scenario.at(step), l)}</ul> },
                )
            })
        })
    };
    let label = move || trf(lang.get(), Msg::DiagramLabel, &[&title.get()]);
    // Downloads of this diagram, as drawn: the whole drawing, the theme's colours.
    let export_failed = RwSignal::new(false);
    let export = move |png: bool| {
        let Some(svg) = svg_ref.get_untracked() else {
            return;
        };
        let el: web_sys::Element = svg.into();
        let Some((w, h)) = diagram.with_untracked(|d| d.as_ref().map(|d| (d.width, d.height)))
        else {
            return;
        };
        let step = if after { state.step.get_untracked() } else { 0 };
        let name = crate::state::export::file_name(
            state.variant.get_untracked(),
            state.case.get_untracked().key(),
            step,
            state.last_step(),
            if png { "png" } else { "svg" },
        );
        match crate::ui::export::svg_document(&el, w, h) {
            Ok(doc) if png => {
                crate::ui::export::download_png(name, doc, w, h, move || export_failed.set(true))
            }
            Ok(doc) => {
                let ok = crate::ui::export::download_text(&name, "image/svg+xml", &doc).is_ok();
                export_failed.set(!ok);
            }
            Err(_) => export_failed.set(true),
        }
    };
    view! {
        <figure class="diagram" data-phase=phase>
            <figcaption>
                <span class="diagram-title">{move || title.get()}</span>
                <span class="zoom-controls" role="group" aria-label=say(lang, Msg::ViewControls)>
                    <button type="button" data-action="zoom-in" on:click=move |_| zoom_by(ZOOM_STEP) title=say(lang, Msg::ZoomIn) aria-label=say(lang, Msg::ZoomIn)>"+"</button>
                    <button type="button" data-action="zoom-out" on:click=move |_| zoom_by(1.0 / ZOOM_STEP) title=say(lang, Msg::ZoomOut) aria-label=say(lang, Msg::ZoomOut)>"−"</button>
                    <button type="button" data-action="fit" on:click=move |_| fit()>{say(lang, Msg::FitView)}</button>
                    <button type="button" data-action="reset-view" on:click=move |_| reset()>{say(lang, Msg::ResetView)}</button>
                    {move || editable.get().then(|| view! {
                        <button type="button" data-action="edit-unit" title=say(lang, Msg::EditFromDiagramHint)
                            on:click=move |_| edit_unit(ctx.active.get_untracked())>{say(lang, Msg::EditFromDiagram)}</button>
                    })}
                </span>
                <span class="export-controls" role="group" aria-label=say(lang, Msg::Export)>
                    <button type="button" data-export="svg" on:click=move |_| export(false)>"SVG"</button>
                    <button type="button" data-export="png" on:click=move |_| export(true)>"PNG"</button>
                </span>
                <span class="error" role="alert">{move || export_failed.get().then(|| tr(lang.get(), Msg::ExportFailed))}</span>
            </figcaption>
            <svg
                node_ref=svg_ref
                xmlns="http://www.w3.org/2000/svg"
                class="diagram-svg"
                style:height=move || format!("{:.0}px", canvas_h.get())
                data-zoom=move || format!("{:.3}", view_sig.get().k)
                // The whole drawing with its margin: printed, it fills the paper's frame
                // whatever the screen's zoom (`frame_for_print`).
                data-frame=move || {
                    let (w, h) = drawing();
                    format!("{:.0} {:.0} {:.0} {:.0}", -MARGIN, -MARGIN, w + 2.0 * MARGIN, h + 2.0 * MARGIN)
                }
                role="tree"
                aria-label=label
                on:keydown=on_key
                on:dblclick=on_dblclick
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
                on:wheel=on_wheel
            >
                <g class="viewport" transform=move || view_sig.get().transform()>
                    <g class="edges">
                        <For
                            each=move || ids.get().into_iter().skip(1)
                            key=|id| id.clone()
                            children=move |id| signals_of(&id).map(edge_view)
                        />
                    </g>
                    <For
                        each=move || ids.get()
                        key=|id| id.clone()
                        children=move |id| signals_of(&id).map(|sig| node_view(id.to_string(), ctx, sig))
                    />
                </g>
            </svg>
            <details class="outline" data-outline=phase on:toggle=move |ev| {
                let open = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    .is_some_and(|d| d.open());
                outline_open.set(open);
            }>
                <summary>{say(lang, Msg::OutlineTitle)}</summary>
                {outline_view}
            </details>
        </figure>
    }
}

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
                                        .map(|(n, ch)| format!("{} {n} {}", change_glyph(ch), tr(l, change_msg(ch))))
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
                                                <strong>{trf(l, Msg::ChangeSummary, &[k.kind.name().get(l), &k.before.to_string(), &k.after.to_string()])}</strong>
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
        ks.sort();
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
                        {move || tr(lang.get(), Msg::LegendGuide)}
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

/// Printing (`on`): every diagram shows its whole drawing in its frame (its `viewBox` on the
/// drawing, the screen's zoom and pan set aside); after (`!on`), the screen's view again. Done
/// on the DOM at once: Firefox lays out the printout as soon as `beforeprint` returns.
pub fn frame_for_print(on: bool) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(svgs) = doc.query_selector_all("svg.diagram-svg[data-frame]") else {
        return;
    };
    for i in 0..svgs.length() {
        let Some(svg) = svgs
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let Ok(Some(g)) = svg.query_selector("g.viewport") else {
            continue;
        };
        if on {
            let frame = svg.get_attribute("data-frame").unwrap_or_default();
            let _ = svg.set_attribute("viewBox", &frame);
            let screen = g.get_attribute("transform").unwrap_or_default();
            let _ = g.set_attribute("data-screen-transform", &screen);
            let _ = g.set_attribute("transform", "translate(0,0)");
        } else {
            let _ = svg.remove_attribute("viewBox");
            if let Some(screen) = g.get_attribute("data-screen-transform") {
                let _ = g.set_attribute("transform", &screen);
                let _ = g.remove_attribute("data-screen-transform");
            }
        }
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
