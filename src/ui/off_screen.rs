//! Panels off screen follow a parameter change after the frame that shows it (issue 18: "panels
//! off screen should cost nothing").
//!
//! The lineage list and the panels below the first screen (the rows table, the numbers, the
//! response estimate, …) read the result through a copy of `AppState` whose `shown` and
//! `shapes` are their own signals. While the panels' container is on screen (an
//! `IntersectionObserver` says so), a new result is copied into them at once, in the same
//! update, as before. While it is off screen, a new result of the same scope is copied in a task
//! after the next painted frame: the input's frame holds only what is on screen, and the panels
//! are current one frame later (for find-in-page, screen readers and printing alike). Several
//! changes within a frame are copied once. A new scope (another case, variant or organisation)
//! is always copied at once, so that no panel ever pairs one scope's parameter list with another
//! scope's result. While a copy waits, the container carries `aria-busy="true"` (tests and
//! assistive technology wait for it to go).
//!
//! Measured (scripts/bench.mjs, Daqing urban at 1400 × 1000, the panels below the fold): a
//! change of the urban staff to its last DOM mutation 9.7 → 4.6 ms, of the team size 7.1 → 2.5
//! ms (the panels not updated at all: the bound this reaches).

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::ui::state::{set_if_changed, AppState};

/// `state` as the panels mounted in `el` read it: its result follows as the module says.
pub(crate) fn follow(state: AppState, el: &web_sys::Element) -> AppState {
    // On screen until the observer says otherwise: a copy waits only when that is known.
    let in_view = RwSignal::new(true);
    observe(el, in_view);
    let shown = RwSignal::new(state.shown.get_untracked());
    let shapes = RwSignal::new(state.shapes.get_untracked());
    let copy = move || {
        set_if_changed(shown, state.shown.get_untracked());
        set_if_changed(shapes, state.shapes.get_untracked());
    };
    let waiting = Rc::new(Cell::new(false));
    let busy = {
        let el = el.clone();
        move |on: bool| {
            let _ = if on {
                el.set_attribute("aria-busy", "true")
            } else {
                el.remove_attribute("aria-busy")
            };
        }
    };
    Effect::new(move |_| {
        let scope = state
            .shown
            .with(|s| s.as_ref().map(|s| s.variant as *const _));
        state.shapes.track();
        let same_scope =
            shown.with_untracked(|s| s.as_ref().map(|s| s.variant as *const _)) == scope;
        // Back on screen: whatever waits is copied now.
        if in_view.get() || !same_scope {
            copy();
            return;
        }
        if waiting.replace(true) {
            return;
        }
        busy(true);
        let (waiting, busy) = (waiting.clone(), busy.clone());
        crate::ui::after_frames(1, move || {
            waiting.set(false);
            busy(false);
            copy();
        });
    });
    state.with_result(
        Memo::new(move |_| shown.get()),
        Memo::new(move |_| shapes.get()),
    )
}

/// Sets `in_view` whenever `el` enters or leaves the viewport. Where the browser has no
/// `IntersectionObserver`, `in_view` stays true (every panel follows at once, as before).
fn observe(el: &web_sys::Element, in_view: RwSignal<bool>) {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // The last entry is the latest state of the one element observed.
        let last = entries.iter().last();
        if let Some(e) = last.and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
        {
            set_if_changed(in_view, e.is_intersecting());
        }
    });
    if let Ok(io) = web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref()) {
        io.observe(el);
        // Observed for the page's life: the panels are mounted once.
        callback.forget();
    }
}
