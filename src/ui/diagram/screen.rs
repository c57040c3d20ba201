//! One diagram on screen: its view (zoom and pan), its element and size, and what every
//! handler of it does to them (`Canvas`, Copy: the canvas, keyboard and export handlers each
//! hold one). The maths is `layout::viewport`'s.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::boxes::Ctx;
use crate::layout::viewport::View;

/// One diagram's view on screen and what its handlers share (Copy: every handler holds one).
#[derive(Clone, Copy)]
pub(super) struct Canvas {
    pub ctx: Ctx,
    pub view: RwSignal<View>,
    /// Once the user zooms or pans, size changes no longer refit the drawing.
    pub moved: RwSignal<bool>,
    pub svg: NodeRef<leptos::svg::Svg>,
    /// The canvas width, kept by a ResizeObserver: reading it never forces a layout.
    pub client_w: RwSignal<f64>,
    /// The canvas is as tall as the drawing needs at the width it has (within limits).
    pub canvas_h: RwSignal<f64>,
    /// How far `fit` may enlarge a small drawing.
    pub fit_max: f64,
    /// Whether the boxes open the editor (the "before" of the user's own organisation in the
    /// composer).
    pub editable: Memo<bool>,
}

impl Canvas {
    /// The canvas's size in pixels (a guess before it is laid out).
    pub fn size(self) -> (f64, f64) {
        let w = self.client_w.get_untracked();
        (
            if w > 1.0 { w } else { 800.0 },
            self.canvas_h.get_untracked(),
        )
    }
    fn drawing_untracked(self) -> (f64, f64) {
        self.ctx
            .diagram
            .with_untracked(|d| d.as_ref().map_or((0.0, 0.0), |d| (d.width, d.height)))
    }
    /// A view the user chose (zoom, pan, a box brought into view): kept over size changes.
    pub fn set(self, v: View) {
        if self.view.get_untracked() != v {
            self.view.set(v);
        }
        self.moved.set(true);
    }
    pub fn fit(self) {
        let (w, h) = self.drawing_untracked();
        let (cw, ch) = self.size();
        self.view.set(View::fit(w, h, cw, ch, self.fit_max));
        self.moved.set(false);
    }
    pub fn reset(self) {
        self.set(View::default());
    }
    pub fn zoom_by(self, f: f64) {
        let (cw, ch) = self.size();
        self.set(self.view.get_untracked().zoom(f, cw / 2.0, ch / 2.0));
    }
    pub fn pan_by(self, dx: f64, dy: f64) {
        self.set(self.view.get_untracked().panned(dx, dy));
    }
    /// A point of the window (client coordinates) in the canvas's coordinates.
    pub fn local(self, x: f64, y: f64) -> (f64, f64) {
        self.svg.get_untracked().map_or((x, y), |s| {
            let r = s.get_bounding_client_rect();
            (x - r.left(), y - r.top())
        })
    }
    /// Focuses the box of `id` and brings it into view.
    pub fn focus_box(self, id: &str) {
        let Some(svg) = self.svg.get_untracked() else {
            return;
        };
        let sel = format!("[data-unit-id=\"{}\"]", id.replace('"', "\\\""));
        if let Ok(Some(el)) = svg.query_selector(&sel) {
            if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                let opts = web_sys::FocusOptions::new();
                opts.set_prevent_scroll(true);
                let _ = el.focus_with_options(&opts);
                // The diagram pans to the box (below); once it has, the page scrolls just enough
                // to show it when the box is outside the window (a diagram taller than the
                // window: ↓ had moved focus to a box under its bottom edge).
                leptos::prelude::request_animation_frame(move || {
                    let Some(w) = web_sys::window() else { return };
                    let r = el.get_bounding_client_rect();
                    let height = w
                        .inner_height()
                        .ok()
                        .and_then(|h| h.as_f64())
                        .unwrap_or(0.0);
                    const MARGIN: f64 = 16.0;
                    let by = if r.bottom() > height - MARGIN {
                        (r.bottom() - height + MARGIN).min(r.top() - MARGIN)
                    } else if r.top() < MARGIN {
                        r.top() - MARGIN
                    } else {
                        0.0
                    };
                    if by != 0.0 {
                        w.scroll_by_with_x_and_y(0.0, by);
                    }
                });
            }
        }
        let b = self.ctx.diagram.with_untracked(|d| {
            d.as_ref()
                .and_then(|d| d.node(id))
                .map(|n| (n.x, n.y, n.w, n.h))
        });
        if let Some(b) = b {
            let (cw, ch) = self.size();
            let v = self.view.get_untracked();
            let revealed = v.reveal(b, cw, ch);
            if revealed != v {
                self.set(revealed);
            }
        }
    }
}
