//! Panels off screen follow a parameter change after the frame that shows it (issue 18: "panels off
//! screen should cost nothing").
//!
//! The lineage list and the panels below the first screen (the rows table, the numbers, the
//! response estimate, the workload table, …) read the result through a copy of `AppState` whose
//! `shown`, `shapes` and `planning` (what the response estimate and the workload table read of the
//! parameters, the `rt_` and `wl_` keys, which change no result) are their own signals. While the
//! panels' container is on screen (an `IntersectionObserver` says so), a new result is copied at
//! once: in the change's own task, one effect pass after the rest of the page. While it is off
//! screen, a new result of the same scope is copied in a task after the next painted frame (or
//! after `BACKSTOP_MS` when no frame comes): the input's frame holds the update of what is on
//! screen, and the panels' update moves past that frame's paint (the work is moved, not removed;
//! they are current one frame later, for find-in-page, screen readers and printing alike). Several
//! changes within a frame are copied once. A new scope (another case, variant or organisation:
//! another `Variant`) and a return from another page (the comparison, where the panels were hidden)
//! are copied at once. While a copy waits, the container carries `aria-busy="true"` (tests and
//! assistive technology wait for it to go).
//!
//! What is not deferred: the panels read the real step, parameters and variant
//! (`AppState::with_result`), so a step change updates them at once, and the views that read the
//! parameter list itself (the rows table's edits) run in the change's task. Where the panels are
//! always on screen (the side column beside the page at 1,700 px and wider; the parameter drawer on
//! a phone covers the page, but an observer does not see what covers an element) nothing waits.
//!
//! Before `planning` was copied too, the response estimate (Daqing urban) and the workload table
//! (Haidong) read the parameters themselves, so a change of an `rt_` or `wl_` key redrew them in
//! the input's task, far below the first screen, and the input's frame then waited in its commit
//! for the raster of their tiles. Measured (Daqing urban, every parameter, 3 alternating rounds of
//! 8 changes, input → next painted frame, medians): the `rt_` keys 20.7–22.6 → 15.5–16.7 ms, the
//! median over all 30 parameters 19.7 → 16.7 ms.
//!
//! Measured (scripts/bench.mjs, 20 runs, the panels below the fold at 1400 × 1000): the slowest
//! parameter of Daqing urban (the staff) to its last DOM mutation 10.0 → 3.0 ms; 7 of 12 variants
//! over 4 ms → 1 of 12.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::ui::state::{set_if_changed, AppState};

/// `state` as the panels mounted in `el` read it: its result follows as the module says. Its
/// `shapes` also notify when a result is copied at another step than the last copy, so that a
/// panel may read the step untracked and follow `shapes` alone (the lineage list): the result
/// and the step it reads then belong together.
pub(crate) fn follow(state: AppState, el: &web_sys::Element) -> AppState {
    // On screen until the observer says otherwise: a copy waits only when that is known.
    let in_view = RwSignal::new(true);
    observe(el, in_view);
    let shown = RwSignal::new(state.shown.get_untracked());
    let shapes = RwSignal::new(state.shapes.get_untracked());
    let planning = RwSignal::new(state.planning.get_untracked());
    let copied_at = Rc::new(Cell::new(state.step.get_untracked()));
    let copy = move || {
        set_if_changed(shown, state.shown.get_untracked());
        set_if_changed(planning, state.planning.get_untracked());
        let now = state.shapes.get_untracked();
        let step = state.step.get_untracked();
        if copied_at.replace(step) != step {
            shapes.set(now);
        } else {
            set_if_changed(shapes, now);
        }
    };
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
    // A copy waits: the first of the task after the next frame and a timeout (a page in a
    // background tab paints no frame) makes it, of whatever is current then. Each wait has its
    // own number, and only its own callbacks make its copy: a backstop left from an earlier
    // wait (changes come faster than BACKSTOP_MS when a key is held) would otherwise copy in a
    // later change's task. `None`: no copy waits.
    let waiting: Rc<Cell<Option<u64>>> = Rc::new(Cell::new(None));
    let settle = {
        let (waiting, copy, busy) = (waiting.clone(), copy.clone(), busy.clone());
        move |wait: u64| {
            if waiting.get() == Some(wait) {
                waiting.set(None);
                busy(false);
                copy();
            }
        }
    };
    let mut waits = 0u64;
    let view = Cell::new(state.view.get_untracked());
    Effect::new(move |_| {
        let scope = state
            .shown
            .with(|s| s.as_ref().map(|s| s.variant as *const _));
        state.shapes.track();
        state.planning.track();
        let same_scope =
            shown.with_untracked(|s| s.as_ref().map(|s| s.variant as *const _)) == scope;
        // Back from another page (the comparison): the panels were hidden, not off screen.
        let now = state.view.get();
        let same_view = view.replace(now) == now;
        // Back on screen: whatever waits is copied now.
        if in_view.get() || !same_scope || !same_view {
            if waiting.take().is_some() {
                busy(false);
            }
            copy();
            return;
        }
        if waiting.get().is_some() {
            return;
        }
        waits += 1;
        waiting.set(Some(waits));
        busy(true);
        let (wait, after_frame, after_time) = (waits, settle.clone(), settle.clone());
        crate::ui::after_frames(1, move || after_frame(wait));
        gloo_timers::callback::Timeout::new(BACKSTOP_MS, move || after_time(wait)).forget();
    });
    state.with_result(
        Memo::new(move |_| shown.get()),
        // Every copy that notifies is passed on (see above): equal shapes at another step too.
        Memo::new_with_compare(move |_| shapes.get(), |_, _| true),
        Memo::new(move |_| planning.get()),
    )
}

/// How long a copy waits at most when no frame comes (a background tab), in ms.
const BACKSTOP_MS: u32 = 100;

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
        // Observed for the page's life: the panels are mounted once. The observer is kept too
        // (browsers keep one alive through its targets; older WebKit did not always).
        callback.forget();
        std::mem::forget(io);
    }
}
