//! Downloads, made in the browser (no server): a diagram as SVG or PNG, exactly as drawn (its
//! colours resolved from the theme, the whole drawing rather than the zoomed view), and the
//! numbers as CSV (`state::export`).

use gloo_events::EventListener;
use gloo_file::{Blob, ObjectUrl};
use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Margin around the drawing in an exported image (px).
const MARGIN: f64 = 16.0;
/// A PNG is drawn at twice the drawing's size, for sharp slides and print.
const PNG_SCALE: f64 = 2.0;
/// Canvas sides above this fail in some browsers; a larger drawing is scaled down to fit.
const MAX_CANVAS_SIDE: f64 = 16_000.0;

/// Offers `blob` to the user as a file called `name`.
fn save_blob(blob: Blob, name: &str) -> Result<(), JsValue> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let url = ObjectUrl::from(blob);
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("hidden", "")?;
    if let Some(body) = doc.body() {
        body.append_child(&a)?;
        a.click();
        body.remove_child(&a)?;
    }
    // Revoked (dropped) on the next turn: the click has started the download by then.
    Timeout::new(0, move || drop(url)).forget();
    Ok(())
}

/// The file picked in the file input an event came from; the input is emptied, so that picking
/// the same file again is a new change.
pub fn picked_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}

/// Offers `text` as a file (UTF-8).
pub fn download_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    save_blob(Blob::new_with_options(text, Some(mime)), name)
}

/// The presentation properties copied from the page onto an exported copy, so that it looks
/// the same without the page's style sheet (whose colours are theme variables).
const PROPS: &[&str] = &[
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
];

/// A standalone SVG document of the diagram drawn in `svg` (`width` × `height`: the drawing's
/// size, not the view's): the viewport's zoom and pan taken off, every element's computed
/// presentation written onto it, the canvas colour as a background.
pub fn svg_document(svg: &web_sys::Element, width: f64, height: f64) -> Result<String, JsValue> {
    let w = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let copy: web_sys::Element = svg.clone_node_with_deep(true)?.dyn_into()?;
    // The whole drawing at its own size, not the zoomed and panned view (before classes go).
    if let Some(vp) = copy.query_selector("g.viewport")? {
        vp.set_attribute("transform", &format!("translate({MARGIN},{MARGIN})"))?;
    }
    // Walk the original and the copy together: same structure, so the n-th elements match.
    let originals = svg.query_selector_all("*")?;
    let copies = copy.query_selector_all("*")?;
    for i in 0..originals.length().min(copies.length()) {
        let (Some(o), Some(c)) = (originals.item(i), copies.item(i)) else {
            continue;
        };
        let (Ok(o), Ok(c)) = (
            o.dyn_into::<web_sys::Element>(),
            c.dyn_into::<web_sys::Element>(),
        ) else {
            continue;
        };
        if let Some(style) = w.get_computed_style(&o)? {
            for p in PROPS {
                let v = style.get_property_value(p)?;
                if !v.is_empty() {
                    c.set_attribute(p, &v)?;
                }
            }
        }
        c.remove_attribute("tabindex")?;
        c.remove_attribute("class")?;
    }
    let (fw, fh) = (width + 2.0 * MARGIN, height + 2.0 * MARGIN);
    let background = w
        .get_computed_style(svg)?
        .map(|s| s.get_property_value("background-color"))
        .transpose()?
        .unwrap_or_default();
    for a in ["style", "class", "role", "data-zoom", "tabindex"] {
        copy.remove_attribute(a)?;
    }
    copy.set_attribute("xmlns", "http://www.w3.org/2000/svg")?;
    copy.set_attribute("width", &format!("{fw:.0}"))?;
    copy.set_attribute("height", &format!("{fh:.0}"))?;
    copy.set_attribute("viewBox", &format!("0 0 {fw:.1} {fh:.1}"))?;
    if !background.is_empty() {
        let doc = w
            .document()
            .ok_or_else(|| JsValue::from_str("no document"))?;
        let bg = doc.create_element_ns(Some("http://www.w3.org/2000/svg"), "rect")?;
        bg.set_attribute("width", "100%")?;
        bg.set_attribute("height", "100%")?;
        bg.set_attribute("fill", &background)?;
        copy.insert_before(&bg, copy.first_child().as_ref())?;
    }
    let xml = web_sys::XmlSerializer::new()?.serialize_to_string(&copy)?;
    Ok(format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{xml}"))
}

/// Draws the SVG document on a canvas and offers it as a PNG; `failed` hears of a failure
/// (an image the browser would not draw, a canvas too large).
pub fn download_png(
    name: String,
    svg: String,
    width: f64,
    height: f64,
    failed: impl Fn() + 'static,
) {
    let failed = std::rc::Rc::new(failed);
    let report = failed.clone();
    let result = (move || -> Result<(), JsValue> {
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsValue::from_str("no document"))?;
        let (fw, fh) = (width + 2.0 * MARGIN, height + 2.0 * MARGIN);
        let scale = PNG_SCALE.min(MAX_CANVAS_SIDE / fw.max(fh).max(1.0));
        let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
        canvas.set_width((fw * scale).ceil() as u32);
        canvas.set_height((fh * scale).ceil() as u32);
        let img = web_sys::HtmlImageElement::new()?;
        // A data URI (not a blob URL): the canvas stays untainted even on file://.
        let data = format!(
            "data:image/svg+xml;base64,{}",
            web_sys::window()
                .ok_or_else(|| JsValue::from_str("no window"))?
                .btoa(&utf8_as_latin1(&svg))?
        );
        let on_error = {
            let failed = failed.clone();
            EventListener::once(&img, "error", move |_| failed())
        };
        let on_load = {
            let img = img.clone();
            EventListener::once(&img.clone(), "load", move |_| {
                let drawn = (|| -> Result<(), JsValue> {
                    let ctx: web_sys::CanvasRenderingContext2d = canvas
                        .get_context("2d")?
                        .ok_or_else(|| JsValue::from_str("no 2d context"))?
                        .dyn_into()?;
                    ctx.scale(scale, scale)?;
                    ctx.draw_image_with_html_image_element(&img, 0.0, 0.0)?;
                    let name = name.clone();
                    let failed = failed.clone();
                    let cb = Closure::once(move |blob: JsValue| {
                        match blob.dyn_into::<web_sys::Blob>() {
                            Ok(b) => {
                                if save_blob(b.into(), &name).is_err() {
                                    failed();
                                }
                            }
                            Err(_) => failed(),
                        }
                    });
                    canvas.to_blob_with_type(cb.as_ref().unchecked_ref(), "image/png")?;
                    cb.forget();
                    Ok(())
                })();
                if drawn.is_err() {
                    failed();
                }
            })
        };
        // Both kept until the image has loaded or failed (one of them never fires).
        on_load.forget();
        on_error.forget();
        img.set_src(&data);
        Ok(())
    })();
    if result.is_err() {
        report();
    }
}

/// `btoa` takes Latin-1: UTF-8 bytes written as one character each.
fn utf8_as_latin1(s: &str) -> String {
    s.bytes().map(char::from).collect()
}
