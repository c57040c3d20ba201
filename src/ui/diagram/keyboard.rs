//! Keys on a diagram: the boxes are an ARIA tree with one tab stop (arrows move through it,
//! Enter and Space open and close a box), Shift+arrows pan, +/−/0/F zoom, and E or F2 (or a
//! double click) opens the editor at a box of the user's own organisation. What each key does
//! is `layout::viewport`'s (`view_key`, `tree_move`); this applies it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::screen::Canvas;
use crate::layout::viewport::{tree_move, view_key, ViewKey};

/// Opens the organisation editor at the unit `id` (or the top unit).
pub(super) fn edit_unit(c: Canvas, id: Option<String>) {
    let id = id.or_else(|| {
        c.ctx.diagram.with_untracked(|d| {
            d.as_ref()
                .and_then(|d| d.nodes.first())
                .map(|n| n.id.to_string())
        })
    });
    if let Some(id) = id {
        c.ctx.state.edit_unit.set(Some(id));
    }
}

pub(super) fn on_dblclick(c: Canvas, ev: web_sys::MouseEvent) {
    if !c.editable.get_untracked() {
        return;
    }
    let id = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("[data-unit-id]").ok().flatten())
        .and_then(|e| e.get_attribute("data-unit-id"));
    if id.is_some() {
        edit_unit(c, id);
    }
}

pub(super) fn on_key(c: Canvas, ev: web_sys::KeyboardEvent) {
    let key = ev.key();
    let ctx = c.ctx;
    if c.editable.get_untracked()
        && matches!(key.as_str(), "e" | "E" | "F2")
        && !(ev.ctrl_key() || ev.meta_key() || ev.alt_key())
    {
        ev.prevent_default();
        edit_unit(c, ctx.active.get_untracked());
        return;
    }
    if let Some(k) = view_key(&key, ev.shift_key()) {
        ev.prevent_default();
        match k {
            ViewKey::Pan(dx, dy) => c.pan_by(dx, dy),
            ViewKey::Zoom(f) => c.zoom_by(f),
            ViewKey::Reset => c.reset(),
            ViewKey::Fit => c.fit(),
        }
        return;
    }
    let active = ctx.active.get_untracked();
    // (the box the focus is on, the box to move to, the collapse change)
    let step = ctx.diagram.with_untracked(|d| {
        let d = d.as_ref()?;
        let at = active.as_deref().and_then(|a| d.index_of(a));
        let i = at.unwrap_or(0);
        let m = tree_move(d, i, &key)?;
        let id = |j: usize| d.nodes.get(j).map(|n| n.id.to_string());
        match at {
            Some(_) => Some((id(i)?, m.to.and_then(id), m.collapse)),
            // No box has had focus yet (the SVG itself has it, after a click on it): a tree
            // key goes to the top unit first, as Tab onto the diagram does.
            None => Some((id(0)?, id(0), None)),
        }
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
        c.focus_box(&to);
    }
}
