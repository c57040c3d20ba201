//! A panic must never leave a blank page: the hook logs it (console_error_panic_hook) and puts a
//! visible panel with a reload button on the page, built with plain DOM calls because the
//! reactive system may be broken by then.

use wasm_bindgen::JsCast;

use crate::i18n::{tr, Lang, Msg};

pub fn install_panic_panel() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panel(&info.to_string());
    }));
}

fn show_panel(detail: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lang = doc
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|l| Lang::from_code(&l))
        .unwrap_or_default();
    let Ok(panel) = doc.create_element("div") else {
        return;
    };
    panel.set_class_name("panic-panel");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-panic", "1");
    let add = |tag: &str, text: &str| {
        if let Ok(el) = doc.create_element(tag) {
            el.set_text_content(Some(text));
            let _ = panel.append_child(&el);
            Some(el)
        } else {
            None
        }
    };
    add("h2", tr(lang, Msg::PanicTitle));
    add("p", tr(lang, Msg::PanicBody));
    add("pre", detail);
    if let Some(link) = add("a", tr(lang, Msg::Reload)) {
        // An empty href reloads the page, with its query, and needs no script.
        let _ = link.set_attribute("href", "");
        let _ = link.set_attribute("class", "button");
    }
    if let Some(body) = doc.body() {
        let _ = body.append_child(&panel);
    }
    if let Some(el) = panel.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
