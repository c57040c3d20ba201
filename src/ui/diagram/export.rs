//! A diagram out of the page: downloads (SVG, PNG) of the drawing as drawn, its framing for
//! printing, and its text alternative (the outline).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::screen::Canvas;
use crate::i18n::{format_number, trf, Lang, Msg};
use crate::model::org::Unit;

/// Downloads the diagram as drawn: the whole drawing, the theme's colours. `failed` says
/// whether it could not be made (or its part of the wasm could not be fetched).
pub(super) fn download(c: Canvas, png: bool, failed: RwSignal<bool>) {
    leptos::task::spawn_local(async move {
        if export_drawing(c, png, failed).await.is_err() {
            failed.set(true);
        }
    });
}

split_point! {
    /// What `download` does, from a part of the wasm of its own (the SVG document and the PNG
    /// drawing are made only when asked for).
    fn export_drawing(c: Canvas, png: bool, failed: RwSignal<bool>) {
        drawing(c, png, failed)
    }
}

fn drawing(c: Canvas, png: bool, failed: RwSignal<bool>) {
    let Some(svg) = c.svg.get_untracked() else {
        return;
    };
    let el: web_sys::Element = svg.into();
    let Some((w, h)) = c
        .ctx
        .diagram
        .with_untracked(|d| d.as_ref().map(|d| (d.width, d.height)))
    else {
        return;
    };
    let state = c.ctx.state;
    let step = if c.ctx.after {
        state.step.get_untracked()
    } else {
        0
    };
    let name = crate::state::export::file_name(
        state.variant.get_untracked(),
        state.case.get_untracked().key(),
        step,
        state.last_step(),
        if png { "png" } else { "svg" },
    );
    match crate::ui::export::svg_document(&el, w, h) {
        Ok(doc) if png => {
            crate::ui::export::download_png(name, doc, w, h, move || failed.set(true))
        }
        Ok(doc) => {
            let ok = crate::ui::export::download_text(&name, "image/svg+xml", &doc).is_ok();
            failed.set(!ok);
        }
        Err(_) => failed.set(true),
    }
}

/// The outline of a tree as nested lists: the diagram's text alternative.
pub(super) fn outline(u: &Unit, lang: Lang) -> AnyView {
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
