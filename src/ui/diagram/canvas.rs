//! One diagram's canvas: the SVG with its boxes, its size, and zoom and pan by buttons, pointer
//! and wheel. The maths is `layout::viewport`'s; this reads the browser's sizes and events.

use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

use super::boxes::{self, draw_boxes, Ctx};
use super::screen::Canvas;
use super::{export, keyboard};
use crate::i18n::{tr, trf, Msg};
use crate::layout::viewport::{
    canvas_height, wheel_factor, View, DRAG_SLOP, MARGIN, MAX_BOXES, MAX_CANVAS, MIN_CANVAS,
    ZOOM_STEP,
};
use crate::ui::say;

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

/// The height from the top of `svg` to the bottom of the window, less what the page draws under
/// it and a margin (at least `MIN_CANVAS`): a canvas that fills the window (presenter mode).
/// What is under it (the outline's summary, the keys line) ends where the presenter's last
/// element ends: the presenter's main part does not stretch, so that end follows the content
/// and not the window (which would make the canvas's height depend on itself).
fn room_below(svg: Option<web_sys::Element>) -> f64 {
    let inner = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(768.0);
    let Some(svg) = svg else {
        return (inner * 2.0 / 3.0 - 2.0 * MARGIN).max(MIN_CANVAS);
    };
    let r = svg.get_bounding_client_rect();
    let below = svg
        .closest(".presenter")
        .ok()
        .flatten()
        .and_then(|p| p.last_element_child())
        .map_or(0.0, |last| {
            (last.get_bounding_client_rect().bottom() - r.bottom()).max(0.0)
        });
    (inner - r.top() - below - MARGIN).max(MIN_CANVAS)
}

/// Pointers on the canvas: one drags the view, two pinch-zoom it.
#[derive(Clone, Copy)]
struct Pointers {
    /// The pointers down: (id, client x, client y).
    down: StoredValue<Vec<(i32, f64, f64)>>,
    /// A drag: where it started, the view then, and whether it pans yet.
    drag: StoredValue<Option<(f64, f64, View, bool)>>,
}

impl Pointers {
    fn new() -> Self {
        Pointers {
            down: StoredValue::new(Vec::new()),
            drag: StoredValue::new(None),
        }
    }
    fn on_down(self, c: Canvas, ev: web_sys::PointerEvent) {
        if (ev.button() != 0 && ev.pointer_type() == "mouse") || boxes::on_toggle(&ev) {
            return;
        }
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        self.down.update_value(|p| {
            p.retain(|q| q.0 != ev.pointer_id());
            p.push((ev.pointer_id(), x, y));
        });
        self.drag
            .set_value(Some((x, y, c.view.get_untracked(), false)));
    }
    fn on_move(self, c: Canvas, ev: web_sys::PointerEvent) {
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let before = self.down.with_value(|p| p.clone());
        if !before.iter().any(|q| q.0 == ev.pointer_id()) {
            return;
        }
        if before.len() >= 2 {
            let mut after = before.clone();
            for q in after.iter_mut() {
                if q.0 == ev.pointer_id() {
                    (q.1, q.2) = (x, y);
                }
            }
            let two = |p: &[(i32, f64, f64)]| [c.local(p[0].1, p[0].2), c.local(p[1].1, p[1].2)];
            if let Some(v) = c.view.get_untracked().pinch(two(&before), two(&after)) {
                c.set(v);
            }
            self.down.set_value(after);
            self.drag.set_value(None);
            return;
        }
        let Some((sx, sy, v0, mut panning)) = self.drag.get_value() else {
            return;
        };
        let (dx, dy) = (x - sx, y - sy);
        if !panning && dx.hypot(dy) > DRAG_SLOP {
            panning = true;
            if let Some(s) = c.svg.get_untracked() {
                let _ = s.set_pointer_capture(ev.pointer_id());
            }
        }
        if panning {
            c.set(v0.panned(dx, dy));
            self.drag.set_value(Some((sx, sy, v0, true)));
        }
    }
    fn on_up(self, ev: web_sys::PointerEvent) {
        self.down
            .update_value(|p| p.retain(|q| q.0 != ev.pointer_id()));
        self.drag.set_value(None);
    }
}

fn on_wheel(c: Canvas, ev: web_sys::WheelEvent) {
    if !(ev.ctrl_key() || ev.meta_key()) {
        return;
    }
    ev.prevent_default();
    let (px, py) = c.local(f64::from(ev.client_x()), f64::from(ev.client_y()));
    c.set(
        c.view
            .get_untracked()
            .zoom(wheel_factor(ev.delta_y()), px, py),
    );
}

#[component]
pub(super) fn OrgDiagram(ctx: Ctx, phase: &'static str, title: Signal<String>) -> impl IntoView {
    let state = ctx.state;
    let lang = state.lang;
    let diagram = ctx.diagram;
    let found = ctx.found();
    // The "before" of the user's own organisation in the composer is edited from here: E or F2
    // on a box, a double click on it, or the button, open the editor's row of that unit.
    let editable = Memo::new(move |_| {
        !ctx.after
            && state.view.get() == crate::state::url::View::Compose
            && state
                .recipe
                .with(|r| r.as_ref().is_some_and(|r| r.base.is_own()))
    });
    let c = Canvas {
        ctx,
        view: RwSignal::new(View::default()),
        moved: RwSignal::new(false),
        svg: NodeRef::new(),
        client_w: RwSignal::new(0.0),
        canvas_h: RwSignal::new(MAX_CANVAS),
        // A canvas that fills the window enlarges a small drawing to fill it (up to 1.8×: a
        // projector is read from the back).
        fit_max: if ctx.fill { 1.8 } else { 1.0 },
        editable,
    };
    let svg_ref = c.svg;
    let client_w = c.client_w;
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
    // A canvas that fills the window follows the window's height (full screen on and off).
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
    let drawing = move || diagram.with(|d| d.as_ref().map_or((0.0, 0.0), |d| (d.width, d.height)));
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
        let (cw, _) = c.size();
        let ch = if ctx.fill {
            window_h.track();
            room_below(svg_ref.get_untracked().map(Into::into))
        } else {
            canvas_height(w, h, cw)
        };
        // Written only when they change: most parameter changes leave the drawing's size.
        if c.canvas_h.get_untracked() != ch {
            c.canvas_h.set(ch);
        }
        match target {
            Some(b) => c.set(c.view.get_untracked().reveal_match(b, cw, ch)),
            None if !c.moved.get_untracked() => {
                let v = View::fit(w, h, cw, ch, c.fit_max);
                if c.view.get_untracked() != v {
                    c.view.set(v);
                }
            }
            None => {}
        }
    });
    // Presenter mode: each step's diagram opens fitted, whatever the zoom on the step before
    // (a zoom kept over another drawing opened it cropped).
    if ctx.fill {
        Effect::new(move |prev: Option<usize>| {
            let step = state.step.get();
            if prev.is_some_and(|p| p != step) && c.moved.get_untracked() {
                c.fit();
            }
            step
        });
    }

    let pointers = Pointers::new();
    let (viewport, edges) = (NodeRef::new(), NodeRef::new());
    draw_boxes(ctx, found, viewport, edges);
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
    let outline_open = RwSignal::new(false);
    let after = ctx.after;
    let outline_view = move || {
        outline_open.get().then(|| {
            let l = lang.get();
            let step = if after { state.step.get() } else { 0 };
            state.shown.with(|s| {
                s.as_ref().map(
                    |s| view! { <ul class="outline-tree" tabindex="0">{export::outline(s.scenario.at(step), l)}</ul> },
                )
            })
        })
    };
    let label = move || trf(lang.get(), Msg::DiagramLabel, &[&title.get()]);
    let export_failed = RwSignal::new(false);
    let view_sig = c.view;
    view! {
        <figure class="diagram" data-phase=phase>
            <figcaption>
                <span class="diagram-title">{move || title.get()}</span>
                <span class="zoom-controls" role="group" aria-label=say(lang, Msg::ViewControls)>
                    <button type="button" data-action="zoom-in" on:click=move |_| c.zoom_by(ZOOM_STEP) title=say(lang, Msg::ZoomIn) aria-label=say(lang, Msg::ZoomIn)>"+"</button>
                    <button type="button" data-action="zoom-out" on:click=move |_| c.zoom_by(1.0 / ZOOM_STEP) title=say(lang, Msg::ZoomOut) aria-label=say(lang, Msg::ZoomOut)>"−"</button>
                    <button type="button" data-action="fit" on:click=move |_| c.fit()>{say(lang, Msg::FitView)}</button>
                    <button type="button" data-action="reset-view" on:click=move |_| c.reset()>{say(lang, Msg::ResetView)}</button>
                    {move || editable.get().then(|| view! {
                        <button type="button" data-action="edit-unit" title=say(lang, Msg::EditFromDiagramHint)
                            on:click=move |_| keyboard::edit_unit(c, ctx.active.get_untracked())>{say(lang, Msg::EditFromDiagram)}</button>
                    })}
                </span>
                <span class="export-controls" role="group" aria-label=say(lang, Msg::Export)>
                    <button type="button" data-export="svg" on:click=move |_| export::download(c, false, export_failed)>"SVG"</button>
                    <button type="button" data-export="png" on:click=move |_| export::download(c, true, export_failed)>"PNG"</button>
                </span>
                <span class="error" role="alert">{move || export_failed.get().then(|| tr(lang.get(), Msg::ExportFailed))}</span>
            </figcaption>
            <svg
                node_ref=svg_ref
                xmlns="http://www.w3.org/2000/svg"
                class="diagram-svg"
                // Zoomed out so far that labels are unreadable, their text is not drawn
                // (`View::labels_shown`; style/main.css, on screen only).
                class:far=move || !view_sig.get().labels_shown()
                style:height=move || format!("{:.0}px", c.canvas_h.get())
                data-zoom=move || format!("{:.3}", view_sig.get().k)
                // The whole drawing with its margin: printed, it fills the paper's frame
                // whatever the screen's zoom (`export::frame_for_print`).
                data-frame=move || {
                    let (w, h) = drawing();
                    format!("{:.0} {:.0} {:.0} {:.0}", -MARGIN, -MARGIN, w + 2.0 * MARGIN, h + 2.0 * MARGIN)
                }
                role="tree"
                // One Tab stop a diagram, its focused box (Chromium otherwise stops on the
                // SVG as well, and the first ↓ from there skipped the top unit).
                tabindex="-1"
                aria-label=label
                on:keydown=move |ev| keyboard::on_key(c, ev)
                on:dblclick=move |ev| keyboard::on_dblclick(c, ev)
                on:pointerdown=move |ev| pointers.on_down(c, ev)
                on:pointermove=move |ev| pointers.on_move(c, ev)
                on:pointerup=move |ev| pointers.on_up(ev)
                on:pointercancel=move |ev| pointers.on_up(ev)
                on:wheel=move |ev| on_wheel(c, ev)
                on:click=move |ev| boxes::on_click(ctx, ev)
                on:mouseover=move |ev| boxes::on_over(ctx, ev)
                on:mouseout=move |ev| boxes::on_out(ctx, ev)
                on:focusin=move |ev| boxes::on_focus(ctx, ev, true)
                on:focusout=move |ev| boxes::on_focus(ctx, ev, false)
            >
                // The boxes (after the connectors, in the same group) and connectors are drawn
                // by `boxes::draw_boxes`.
                <g class="viewport" node_ref=viewport transform=move || view_sig.get().transform()>
                    <g class="edges" node_ref=edges></g>
                </g>
            </svg>
            // Said when the names are not drawn (a phone's embed, a 2,000-box city fitted).
            {move || (!view_sig.get().labels_shown()).then(|| view! {
                <p class="far-hint" data-far-hint="">{say(lang, Msg::DiagramFarHint)}</p>
            })}
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
