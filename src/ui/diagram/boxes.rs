//! The boxes and connectors of one diagram: what each box shows, and the one pass that keeps
//! the drawn boxes in step with the layout and the states drawn on them.
//!
//! The boxes are SVG elements made and written here, not Leptos views: a box is one entry of a
//! keyed map (its elements and what they show), and the pass writes only the attributes whose
//! value changed. A diagram of 2,000 boxes is then one effect instead of 2,000 views of a dozen
//! reactive closures each, and a parameter that adds boxes costs their elements, nothing more.
//! The boxes' events are taken on the SVG (`on_click`, `on_over`, `on_out`, `on_focus`), which
//! finds the box by `data-unit-id`.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::i18n::{tr, Lang, Msg};
use crate::layout::diagram::{
    fmt_1dp, Diagram, DiagramNode, Edge, Found, Orient, FONT, LINE_HEIGHT, PAD_Y,
};
use crate::model::lineage::Change;
use crate::model::org::Id;
use crate::ui::state::{set_if_changed, AppState};

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

/// What one box shows: its unit, place, label, states and connector.
#[derive(Clone, PartialEq)]
struct Shown {
    /// The unit the box stands for (the first, for a grouped box): its `data-unit-id`.
    id: Id,
    geom: Geom,
    label: Label,
    flags: u8,
    /// Connector from the parent (none for the top box): its path and whether it is on a search
    /// path.
    edge: Option<(Edge, bool)>,
}

impl Shown {
    /// What the box's class depends on.
    fn class_key(&self) -> (&'static str, Change, bool, u8, bool) {
        let l = &self.label;
        (
            l.kind,
            l.change,
            l.placeholder,
            self.flags & (LIT | MATCH | ON_PATH | ACTIVE),
            self.geom.collapsed,
        )
    }
    fn class(&self) -> String {
        let l = &self.label;
        let mut c = format!("node kind-{} chg-{}", l.kind, change_key(l.change));
        for (on, name) in [
            (l.placeholder, " placeholder"),
            (self.flags & LIT != 0, " lineage"),
            (self.flags & MATCH != 0, " match"),
            (self.flags & ON_PATH != 0, " on-path"),
            (self.flags & ACTIVE != 0, " active"),
            (self.geom.collapsed, " collapsed"),
        ] {
            if on {
                c.push_str(name);
            }
        }
        c
    }
}

const SVG: &str = "http://www.w3.org/2000/svg";

fn make(doc: &Document, name: &str) -> Option<Element> {
    doc.create_element_ns(Some(SVG), name).ok()
}

/// A new element `name` at the end of `parent`, with the attributes `attrs`.
fn child(doc: &Document, parent: &Element, name: &str, attrs: &[(&str, &str)]) -> Option<Element> {
    let e = make(doc, name)?;
    for (k, v) in attrs {
        set(&e, k, v);
    }
    parent.append_child(&e).ok()?;
    Some(e)
}

fn set(e: &Element, k: &str, v: &str) {
    let _ = e.set_attribute(k, v);
}

/// The elements of one drawn box, and what they show.
struct BoxDom {
    g: Element,
    rect: Element,
    text: Element,
    /// One `<tspan>` a line of the label.
    lines: Vec<Element>,
    /// The change mark (its group and its text), on changed boxes.
    mark: Option<(Element, Element)>,
    /// The collapse toggle (its group and its text), on boxes with boxes below.
    toggle: Option<(Element, Element)>,
    /// The connector from the parent, in the edges' group.
    path: Option<Element>,
    /// What the elements show (`None` before the first write).
    now: Option<Shown>,
}

impl BoxDom {
    fn new(doc: &Document) -> Option<BoxDom> {
        let g = make(doc, "g")?;
        set(&g, "role", "treeitem");
        let rect = child(doc, &g, "rect", &[("rx", "4")])?;
        let text = child(doc, &g, "text", &[("text-anchor", "middle")])?;
        Some(BoxDom {
            g,
            rect,
            text,
            lines: Vec::new(),
            mark: None,
            toggle: None,
            path: None,
            now: None,
        })
    }

    /// Writes what differs between what the box shows and `n`.
    fn write(&mut self, doc: &Document, edges: &Element, n: Shown) {
        let o = self.now.take();
        let o = o.as_ref();
        let changed = |f: &dyn Fn(&Shown) -> bool| o.is_none_or(f);
        let g = &self.g;
        let (geom, label) = (&n.geom, &n.label);
        if changed(&|o| o.id != n.id) {
            set(g, "data-unit-id", &n.id);
        }
        if changed(&|o| o.class_key() != n.class_key()) {
            set(g, "class", &n.class());
        }
        if changed(&|o| (o.geom.x, o.geom.y) != (geom.x, geom.y)) {
            let t = format!("translate({},{})", fmt_1dp(geom.x), fmt_1dp(geom.y));
            set(g, "transform", &t);
        }
        if changed(&|o| o.geom.depth != geom.depth) {
            set(g, "data-depth", &geom.depth.to_string());
            set(g, "aria-level", &(geom.depth + 1).to_string());
        }
        if changed(&|o| o.label.staff != label.staff) {
            set(g, "data-staff", &label.staff.to_string());
        }
        if changed(&|o| o.label.count != label.count) {
            set(g, "data-count", &label.count.to_string());
        }
        if changed(&|o| o.label.kind != label.kind) {
            set(g, "data-kind", label.kind);
        }
        if changed(&|o| o.label.change != label.change) {
            set(g, "data-change", change_key(label.change));
        }
        if changed(&|o| {
            (&o.label.lines, o.label.change, o.label.lang)
                != (&label.lines, label.change, label.lang)
        }) {
            set(g, "aria-label", &label.aria());
        }
        if changed(&|o| (o.flags & TAB_STOP) != (n.flags & TAB_STOP)) {
            set(
                g,
                "tabindex",
                if n.flags & TAB_STOP != 0 { "0" } else { "-1" },
            );
        }
        let w_changed = changed(&|o| o.geom.w != geom.w);
        let cx = fmt_1dp(geom.w / 2.0);
        if w_changed {
            set(&self.rect, "width", &fmt_1dp(geom.w));
            set(&self.text, "x", &cx);
        }
        if changed(&|o| o.geom.h != geom.h) {
            set(&self.rect, "height", &fmt_1dp(geom.h));
        }
        // The label's lines: one tspan each, the name's lines first, then the staff line.
        let lines = &label.lines;
        while self.lines.len() > lines.len() {
            if let Some(e) = self.lines.pop() {
                e.remove();
            }
        }
        let name_changed = changed(&|o| o.label.name_lines != label.name_lines);
        for (i, line) in lines.iter().enumerate() {
            let class = if i < label.name_lines {
                "name-line"
            } else {
                "staff-line"
            };
            let (span, fresh) = match self.lines.get(i) {
                Some(e) => (e.clone(), false),
                None => {
                    let y = fmt_1dp(PAD_Y + FONT + i as f64 * LINE_HEIGHT);
                    let Some(e) = child(doc, &self.text, "tspan", &[("x", &cx), ("y", &y)]) else {
                        break;
                    };
                    self.lines.push(e.clone());
                    (e, true)
                }
            };
            if fresh || name_changed {
                set(&span, "class", class);
            }
            if w_changed && !fresh {
                set(&span, "x", &cx);
            }
            if fresh || o.is_none_or(|o| o.label.lines.get(i) != Some(line)) {
                span.set_text_content(Some(line));
            }
        }
        // The change mark, before the toggle.
        let glyph = change_glyph(label.change);
        match (&self.mark, glyph.is_empty()) {
            (Some((m, _)), true) => {
                m.remove();
                self.mark = None;
            }
            (Some((m, t)), false) => {
                if w_changed {
                    set(m, "transform", &format!("translate({},0)", fmt_1dp(geom.w)));
                }
                if changed(&|o| o.label.change != label.change) {
                    t.set_text_content(Some(glyph));
                }
            }
            (None, false) => {
                let at = format!("translate({},0)", fmt_1dp(geom.w));
                self.mark = (|| {
                    let m = make(doc, "g")?;
                    set(&m, "class", "mark");
                    set(&m, "transform", &at);
                    set(&m, "aria-hidden", "true");
                    child(doc, &m, "circle", &[("r", "8")])?;
                    let t = child(doc, &m, "text", &[("y", "4"), ("text-anchor", "middle")])?;
                    t.set_text_content(Some(glyph));
                    g.insert_before(&m, self.toggle.as_ref().map(|t| t.0.unchecked_ref()))
                        .ok()?;
                    Some((m, t))
                })();
            }
            (None, true) => {}
        }
        // The collapse toggle, and the tree item's expanded state.
        let below = geom.below > 0;
        if changed(&|o| (o.geom.below > 0, o.geom.collapsed) != (below, geom.collapsed)) {
            if below {
                set(
                    g,
                    "aria-expanded",
                    if geom.collapsed { "false" } else { "true" },
                );
            } else {
                let _ = g.remove_attribute("aria-expanded");
            }
        }
        let sign = if geom.collapsed { "+" } else { "−" };
        let at = || {
            format!(
                "translate({},{})",
                fmt_1dp(geom.toggle.0),
                fmt_1dp(geom.toggle.1)
            )
        };
        match (&self.toggle, below) {
            (Some((t, _)), false) => {
                t.remove();
                self.toggle = None;
            }
            (Some((t, s)), true) => {
                if changed(&|o| o.geom.toggle != geom.toggle) {
                    set(t, "transform", &at());
                }
                if changed(&|o| o.geom.collapsed != geom.collapsed) {
                    s.set_text_content(Some(sign));
                }
            }
            (None, true) => {
                self.toggle = (|| {
                    let t = child(
                        doc,
                        g,
                        "g",
                        &[
                            ("class", "toggle"),
                            ("transform", &at()),
                            ("aria-hidden", "true"),
                        ],
                    )?;
                    child(doc, &t, "circle", &[("r", "7")])?;
                    let s = child(doc, &t, "text", &[("y", "4"), ("text-anchor", "middle")])?;
                    s.set_text_content(Some(sign));
                    Some((t, s))
                })();
            }
            (None, false) => {}
        }
        // The connector from the parent.
        match (&self.path, &n.edge) {
            (Some(p), None) => {
                p.remove();
                self.path = None;
            }
            (p, Some((edge, on_path))) => {
                let fresh = p.is_none();
                if fresh {
                    self.path = make(doc, "path");
                    if let Some(p) = &self.path {
                        let _ = edges.append_child(p);
                    }
                }
                if let Some(p) = &self.path {
                    let old = o.and_then(|o| o.edge.as_ref()).filter(|_| !fresh);
                    if old.is_none_or(|(e, _)| e != edge) {
                        set(p, "d", &edge.path());
                    }
                    if old.is_none_or(|(e, on)| (e.guide, *on) != (edge.guide, *on_path)) {
                        let class = match (*on_path, edge.guide) {
                            (true, true) => "on-path guide",
                            (true, false) => "on-path",
                            (false, true) => "guide",
                            (false, false) => "",
                        };
                        set(p, "class", class);
                    }
                }
            }
            (None, None) => {}
        }
        self.now = Some(n);
    }

    fn remove(&self) {
        self.g.remove();
        if let Some(p) = &self.path {
            p.remove();
        }
    }
}

/// The drawn boxes, keyed by [`Diagram::keys`], and their order.
#[derive(Default)]
struct Drawn {
    boxes: HashMap<Id, BoxDom>,
    order: Vec<Id>,
}

/// Puts `els` in this order at the end of `parent`, after `after` (or from its first child),
/// moving only those out of place.
fn order<'a>(parent: &Element, after: Option<&Element>, els: impl Iterator<Item = &'a Element>) {
    let mut next = match after {
        Some(a) => a.next_sibling(),
        None => parent.first_child(),
    };
    for e in els {
        if next.as_ref() == Some(AsRef::<web_sys::Node>::as_ref(e)) {
            next = e.next_sibling();
        } else {
            let _ = parent.insert_before(e, next.as_ref());
        }
    }
}

/// Draws the diagram's boxes in `viewport` (after the connectors' group `edges`) and their
/// connectors in `edges`, and keeps them in step with the diagram and the states drawn on it:
/// one effect, one pass over the boxes, each attribute written only when its value changed.
pub(super) fn draw_boxes(
    ctx: Ctx,
    found: Memo<Found>,
    viewport: NodeRef<leptos::svg::G>,
    edges: NodeRef<leptos::svg::G>,
) {
    let drawn: Rc<RefCell<Drawn>> = Rc::default();
    let state = ctx.state;
    Effect::new(move |_| {
        let (Some(vp), Some(eg)) = (viewport.get(), edges.get()) else {
            return;
        };
        let (vp, eg): (Element, Element) = (vp.into(), eg.into());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let lang = state.lang.get();
        let orient = state.orient.get();
        let active = ctx.active.get();
        let mut drawn = drawn.borrow_mut();
        let Drawn {
            boxes,
            order: order_now,
        } = &mut *drawn;
        ctx.diagram.with(|d| {
            // Parameters the model refuses: no diagram (the page says why), no boxes.
            let Some(d) = d.as_ref() else {
                boxes.drain().for_each(|(_, b)| b.remove());
                order_now.clear();
                return;
            };
            let keys = d.keys();
            let mut made = false;
            state.changes.with(|ch| {
                let changes = ch
                    .as_ref()
                    .map(|c| if ctx.after { &c.after } else { &c.before });
                found.with(|f| {
                    ctx.highlight.with(|hl| {
                        let mut seen = HashSet::with_capacity(d.nodes.len());
                        for (i, n) in d.nodes.iter().enumerate() {
                            let change = changes
                                .and_then(|c| c.get(n.id.as_str()).copied())
                                .unwrap_or(Change::Kept);
                            let any = |set: &dyn Fn(&str) -> bool| n.ids().iter().any(|i| set(i));
                            let mut flags = 0;
                            if !hl.is_empty() && any(&|i| hl.iter().any(|h| h == i)) {
                                flags |= LIT;
                            }
                            if !f.matches.is_empty() && any(&|i| f.matches.iter().any(|m| m == i)) {
                                flags |= MATCH;
                            }
                            if !f.path.is_empty() && any(&|i| f.path.contains(i)) {
                                flags |= ON_PATH;
                            }
                            match active.as_deref() {
                                Some(a) if a == n.id => flags |= ACTIVE | TAB_STOP,
                                None if i == 0 => flags |= TAB_STOP,
                                Some(a) if i == 0 && d.index_of(a).is_none() => flags |= TAB_STOP,
                                _ => {}
                            }
                            let edge = (i > 0).then(|| {
                                (
                                    d.edge(i).unwrap_or_default(),
                                    f.path.contains(n.id.as_str()),
                                )
                            });
                            let shown = Shown {
                                id: n.id.clone(),
                                geom: Geom::of(n, orient),
                                label: Label::of(n, change, lang),
                                flags,
                                edge,
                            };
                            let key = &keys[i];
                            seen.insert(key.as_str());
                            let b = match boxes.get_mut(key) {
                                Some(b) => b,
                                None => {
                                    let Some(b) = BoxDom::new(&doc) else { continue };
                                    made = true;
                                    boxes.entry(key.clone()).or_insert(b)
                                }
                            };
                            if b.now.as_ref() != Some(&shown) {
                                b.write(&doc, &eg, shown);
                            }
                        }
                        boxes.retain(|k, b| {
                            let keep = seen.contains(k.as_str());
                            if !keep {
                                b.remove();
                            }
                            keep
                        });
                    });
                });
            });
            // Parents before children, as the layout lists them: new boxes and boxes that
            // moved are put in place, the others stay.
            if made || *order_now != keys {
                let els = |skip| keys.iter().skip(skip).filter_map(|k| boxes.get(k));
                order(&vp, Some(&eg), els(0).map(|b| &b.g));
                order(&eg, None, els(1).filter_map(|b| b.path.as_ref()));
                *order_now = keys;
            }
        });
    });
}

/// The box an event happened in (its `data-unit-id`), and whether on its collapse toggle.
fn box_of(target: Option<web_sys::EventTarget>) -> Option<(String, bool)> {
    let e: Element = target?.dyn_into().ok()?;
    let g = e.closest("g.node").ok()??;
    let id = g.get_attribute("data-unit-id")?;
    Some((id, e.closest(".toggle").ok().flatten().is_some()))
}

/// Whether a pointer went down on a box's collapse toggle (which is not a drag of the view).
pub(super) fn on_toggle(ev: &web_sys::Event) -> bool {
    box_of(ev.target()).is_some_and(|(_, t)| t)
}

/// A click on a box makes it the active one; on its toggle, opens or closes it.
pub(super) fn on_click(ctx: Ctx, ev: web_sys::MouseEvent) {
    match box_of(ev.target()) {
        Some((id, true)) => ctx.toggle(&id),
        Some((id, false)) => set_if_changed(ctx.active, Some(id)),
        None => {}
    }
}

/// The mouse over a box highlights its lineage.
pub(super) fn on_over(ctx: Ctx, ev: web_sys::MouseEvent) {
    if let Some((id, _)) = box_of(ev.target()) {
        set_if_changed(ctx.state.focus_unit, Some(id));
    }
}

/// The mouse leaving a box (for no other box) clears it.
pub(super) fn on_out(ctx: Ctx, ev: web_sys::MouseEvent) {
    let from = box_of(ev.target()).map(|b| b.0);
    let to = box_of(ev.related_target()).map(|b| b.0);
    if from.is_some() && to.is_none() {
        set_if_changed(ctx.state.focus_unit, None);
    }
}

/// The focus on a box highlights its lineage and makes it the active one; leaving clears the
/// highlight.
pub(super) fn on_focus(ctx: Ctx, ev: web_sys::FocusEvent, into: bool) {
    if !into {
        set_if_changed(ctx.state.focus_unit, None);
        return;
    }
    if let Some((id, _)) = box_of(ev.target()) {
        set_if_changed(ctx.state.focus_unit, Some(id.clone()));
        set_if_changed(ctx.active, Some(id));
    }
}
