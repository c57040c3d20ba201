//! A diagram on screen: zoom and pan, fitting, the canvas's height, and what a key or a pinch
//! does to the view or the tree. Pure maths on plain numbers and a `Diagram`, tested natively;
//! `ui/diagram/` reads events and sizes from the browser and calls these.

use crate::layout::diagram::Diagram;

/// Space around the drawing when fitted.
pub const MARGIN: f64 = 12.0;
/// Zoom factor of one zoom key or button press.
pub const ZOOM_STEP: f64 = 1.25;
pub const MIN_ZOOM: f64 = 0.05;
pub const MAX_ZOOM: f64 = 4.0;
/// Pixels a drag must move before it pans (below that it is a click).
pub const DRAG_SLOP: f64 = 4.0;
/// Canvas height limits (px).
pub const MIN_CANVAS: f64 = 220.0;
pub const MAX_CANVAS: f64 = 640.0;
/// Pixels one Shift+arrow press pans.
pub const PAN_STEP: f64 = 80.0;
/// Above this many boxes in one diagram, the deepest levels start collapsed (the user can
/// still open any box, or all of them).
pub const MAX_BOXES: usize = 2500;

/// Zoom and pan of one diagram: screen = content × k + (x, y).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub k: f64,
    pub x: f64,
    pub y: f64,
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

/// Below this height on screen (CSS pixels) a label cannot be read: the diagram drops its
/// labels' text while zoomed out that far (`View::labels_shown`).
pub const MIN_LABEL_PX: f64 = 4.0;

impl View {
    /// Whether the boxes' labels are drawn at this zoom: their text is at least
    /// `MIN_LABEL_PX` high on screen. A 2,000-box city fitted to the canvas is drawn at about
    /// 5 %, where a label is under a pixel: without the labels, a parameter change and its
    /// frame take about 25 instead of 37 ms (Chromium, headless).
    pub fn labels_shown(self) -> bool {
        self.k * crate::layout::diagram::FONT >= MIN_LABEL_PX
    }
    /// The SVG `transform` of the viewport group.
    pub fn transform(self) -> String {
        format!(
            "translate({:.1},{:.1}) scale({:.4})",
            self.x, self.y, self.k
        )
    }
    /// Zoomed by `f` around the screen point (px, py), within the zoom limits.
    pub fn zoom(self, f: f64, px: f64, py: f64) -> View {
        let k = (self.k * f).clamp(MIN_ZOOM, MAX_ZOOM);
        let r = k / self.k;
        View {
            k,
            x: px - (px - self.x) * r,
            y: py - (py - self.y) * r,
        }
    }
    /// Moved by (dx, dy) screen pixels.
    pub fn panned(self, dx: f64, dy: f64) -> View {
        View {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }
    /// The whole drawing (w × h) centred in a viewport (cw × ch), enlarged up to `max` (1: never;
    /// presenter mode lets a small tree fill the projector).
    pub fn fit(w: f64, h: f64, cw: f64, ch: f64, max: f64) -> View {
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
    pub fn reveal(self, b: (f64, f64, f64, f64), cw: f64, ch: f64) -> View {
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
    /// Revealing a search match: zoomed in to 0.8 first if the view is further out than 0.5,
    /// where a box is too small to read.
    pub fn reveal_match(self, b: (f64, f64, f64, f64), cw: f64, ch: f64) -> View {
        let v = if self.k < 0.5 {
            View { k: 0.8, ..self }
        } else {
            self
        };
        v.reveal(b, cw, ch)
    }
    /// A two-finger pinch: the fingers moved from `from` to `to` (screen points, relative to
    /// the canvas), zooming by the change of their distance around their new midpoint and
    /// panning by the move of that midpoint. `None` when the fingers started too close.
    pub fn pinch(self, from: [(f64, f64); 2], to: [(f64, f64); 2]) -> Option<View> {
        let dist = |p: [(f64, f64); 2]| (p[0].0 - p[1].0).hypot(p[0].1 - p[1].1);
        let (d0, d1) = (dist(from), dist(to));
        if d0 <= 1.0 {
            return None;
        }
        let mid = |p: [(f64, f64); 2]| ((p[0].0 + p[1].0) / 2.0, (p[0].1 + p[1].1) / 2.0);
        let ((mx, my), (ox, oy)) = (mid(to), mid(from));
        Some(self.zoom(d1 / d0, mx, my).panned(mx - ox, my - oy))
    }
}

/// The zoom factor of one wheel event (Ctrl+wheel or a trackpad pinch), by its `deltaY`.
pub fn wheel_factor(delta_y: f64) -> f64 {
    (-delta_y * 0.002).exp().clamp(0.5, 2.0)
}

/// The canvas's height for a drawing (w × h) at a canvas width `cw`: tall enough for the
/// drawing fitted to the width (never enlarged), within the limits.
pub fn canvas_height(w: f64, h: f64, cw: f64) -> f64 {
    let k = ((cw - 2.0 * MARGIN) / w.max(1.0)).min(1.0);
    (h * k + 2.0 * MARGIN).clamp(MIN_CANVAS, MAX_CANVAS)
}

/// What a key does to the view, wherever the focus is in the diagram.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ViewKey {
    /// Pan by (dx, dy) pixels (Shift+arrows: the drawing moves the other way, like a map).
    Pan(f64, f64),
    /// Zoom by a factor around the canvas's centre (+, =, −, _).
    Zoom(f64),
    /// Back to 1:1 (0).
    Reset,
    /// The whole drawing (F).
    Fit,
}

/// The view key of a `KeyboardEvent.key`, with Shift held or not.
pub fn view_key(key: &str, shift: bool) -> Option<ViewKey> {
    if shift {
        let pan = match key {
            "ArrowLeft" => Some((PAN_STEP, 0.0)),
            "ArrowRight" => Some((-PAN_STEP, 0.0)),
            "ArrowUp" => Some((0.0, PAN_STEP)),
            "ArrowDown" => Some((0.0, -PAN_STEP)),
            _ => None,
        };
        if let Some((dx, dy)) = pan {
            return Some(ViewKey::Pan(dx, dy));
        }
    }
    match key {
        "+" | "=" => Some(ViewKey::Zoom(ZOOM_STEP)),
        "-" | "_" => Some(ViewKey::Zoom(1.0 / ZOOM_STEP)),
        "0" => Some(ViewKey::Reset),
        "f" | "F" => Some(ViewKey::Fit),
        _ => None,
    }
}

/// What a key does in the tree of boxes (an ARIA tree): the box to move the focus to, and
/// whether to close (`Some(true)`) or open (`Some(false)`) the box the focus is on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TreeMove {
    pub to: Option<usize>,
    pub collapse: Option<bool>,
}

/// The tree move of `key` from box `i` of `d` (boxes in drawing order, parents first):
/// Down/Up the next or previous box, Home/End the first or last, Right opens a closed box or
/// goes to its first child, Left closes an open one or goes to its parent, Enter and Space
/// open or close. `None` for any other key, or a box that is not there.
pub fn tree_move(d: &Diagram, i: usize, key: &str) -> Option<TreeMove> {
    let n = d.nodes.get(i)?;
    let last = d.nodes.len() - 1;
    let first_child = || d.nodes.iter().position(|c| c.parent == Some(i));
    let (to, collapse) = match key {
        "ArrowDown" => (Some((i + 1).min(last)), None),
        "ArrowUp" => (Some(i.saturating_sub(1)), None),
        "Home" => (Some(0), None),
        "End" => (Some(last), None),
        "ArrowRight" if n.collapsed => (None, Some(false)),
        "ArrowRight" => (first_child(), None),
        "ArrowLeft" if n.below > 0 && !n.collapsed => (None, Some(true)),
        "ArrowLeft" => (n.parent, None),
        "Enter" | " " if n.below > 0 => (None, Some(!n.collapsed)),
        _ => return None,
    };
    Some(TreeMove { to, collapse })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn labels_are_dropped_only_where_they_are_too_small_to_read() {
        let at = |k: f64| {
            View {
                k,
                ..View::default()
            }
            .labels_shown()
        };
        assert!(at(1.0) && at(MAX_ZOOM));
        assert!(!at(MIN_ZOOM));
        // The threshold: a 13-pixel label drawn 4 pixels high.
        let k = MIN_LABEL_PX / crate::layout::diagram::FONT;
        assert!(at(k) && !at(k * 0.99));
    }

    #[test]
    fn zoom_keeps_the_point_under_the_pointer() {
        let v = View {
            k: 0.7,
            x: 30.0,
            y: -20.0,
        };
        let (px, py) = (200.0, 150.0);
        let content = ((px - v.x) / v.k, (py - v.y) / v.k);
        let z = v.zoom(1.6, px, py);
        assert!(close(z.k, 1.12));
        assert!(close(content.0 * z.k + z.x, px) && close(content.1 * z.k + z.y, py));
        // Clamped at both ends.
        assert!(close(v.zoom(100.0, 0.0, 0.0).k, MAX_ZOOM));
        assert!(close(v.zoom(1e-6, 0.0, 0.0).k, MIN_ZOOM));
    }

    #[test]
    fn fit_centres_the_drawing_and_never_enlarges_past_max() {
        let v = View::fit(1000.0, 500.0, 524.0, 400.0, 1.0);
        assert!(close(v.k, 0.5));
        assert!(close(v.x, MARGIN) && close(v.y, (400.0 - 250.0) / 2.0));
        // A small drawing stays at 1:1, or grows to the limit given.
        assert!(close(View::fit(100.0, 50.0, 800.0, 600.0, 1.0).k, 1.0));
        assert!(close(View::fit(100.0, 50.0, 800.0, 600.0, 1.8).k, 1.8));
    }

    #[test]
    fn reveal_moves_only_when_the_box_is_outside() {
        let v = View::default();
        let inside = (10.0, 10.0, 50.0, 20.0);
        assert_eq!(v.reveal(inside, 400.0, 300.0), v);
        let outside = (1000.0, 10.0, 50.0, 20.0);
        let r = v.reveal(outside, 400.0, 300.0);
        assert!(close(1025.0 * r.k + r.x, 200.0) && close(20.0 * r.k + r.y, 150.0));
        // Far out, a match is brought to a readable zoom first.
        let far = View { k: 0.1, ..v };
        assert!(close(far.reveal_match(outside, 400.0, 300.0).k, 0.8));
    }

    #[test]
    fn pinch_zooms_by_the_fingers_distance() {
        let v = View::default();
        let p = v
            .pinch(
                [(100.0, 100.0), (200.0, 100.0)],
                [(50.0, 100.0), (250.0, 100.0)],
            )
            .expect("fingers apart");
        assert!(close(p.k, 2.0));
        assert!(v
            .pinch([(100.0, 100.0), (100.5, 100.0)], [(0.0, 0.0), (300.0, 0.0)])
            .is_none());
        assert!(wheel_factor(-100.0) > 1.0 && wheel_factor(100.0) < 1.0);
        assert!(close(wheel_factor(-1e6), 2.0));
    }

    #[test]
    fn canvas_follows_the_drawing_within_limits() {
        assert!(close(
            canvas_height(400.0, 300.0, 800.0),
            300.0 + 2.0 * MARGIN
        ));
        assert!(close(canvas_height(400.0, 30.0, 800.0), MIN_CANVAS));
        assert!(close(canvas_height(400.0, 3000.0, 800.0), MAX_CANVAS));
    }

    #[test]
    fn keys_map_to_view_moves() {
        assert_eq!(
            view_key("ArrowLeft", true),
            Some(ViewKey::Pan(PAN_STEP, 0.0))
        );
        assert_eq!(view_key("ArrowLeft", false), None);
        assert_eq!(view_key("+", false), Some(ViewKey::Zoom(ZOOM_STEP)));
        assert_eq!(view_key("_", true), Some(ViewKey::Zoom(1.0 / ZOOM_STEP)));
        assert_eq!(view_key("0", false), Some(ViewKey::Reset));
        assert_eq!(view_key("F", false), Some(ViewKey::Fit));
        assert_eq!(view_key("x", false), None);
    }
}
