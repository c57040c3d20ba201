//! Component tests in headless Chromium (wasm-bindgen-test): mount the app into a fresh
//! element, act on it like a user, let the reactive system run, and read the DOM hooks.
#![cfg(target_arch = "wasm32")]

use reform_explorer::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh app (with an empty query) and returns its container.
async fn mount() -> Element {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
    let doc = window.document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    leptos::mount::mount_to(div.clone().unchecked_into(), App).forget();
    leptos::task::tick().await;
    after_first_frame().await;
    div
}

/// Waits for the next animation frame and the task after it, then for the reactive system: the
/// app builds what is below its first screen (the numbers and the panels after them) then.
async fn after_first_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let next_task = wasm_bindgen::closure::Closure::once_into_js(move || {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0)
                .unwrap();
        });
        web_sys::window()
            .unwrap()
            .request_animation_frame(next_task.unchecked_ref())
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    leptos::task::tick().await;
}

/// Waits until the page has followed a change everywhere: the panels off screen (the numbers
/// among them) follow in a task after the next frame (`ui/off_screen.rs`).
async fn settle() {
    leptos::task::tick().await;
    after_first_frame().await;
}

fn value(root: &Element, key: &str, phase: &str) -> String {
    root.query_selector(&format!(r#"[data-metric="{key}"][data-phase="{phase}"]"#))
        .unwrap()
        .unwrap_or_else(|| panic!("no metric {key} {phase}"))
        .get_attribute("data-value")
        .unwrap()
}

fn type_into(root: &Element, key: &str, text: &str) {
    let input: HtmlInputElement = root
        .query_selector(&format!("#param-{key}"))
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn shows_daqing_at_its_defaults() {
    let root = mount().await;
    assert_eq!(value(&root, "sub_bureaus", "before"), "10");
    assert_eq!(value(&root, "sub_bureaus", "after"), "20");
    assert_eq!(value(&root, "management_tiers", "before"), "3");
    assert_eq!(value(&root, "management_tiers", "after"), "2");
    assert_eq!(value(&root, "command_chain", "after"), "3");
    assert_eq!(value(&root, "internal_units", "after"), "4");
    // Both diagrams are drawn, every box with its hooks.
    let nodes = root.query_selector_all("[data-unit-id]").unwrap();
    assert!(nodes.length() >= 8);
    for i in 0..nodes.length() {
        let el: Element = nodes.item(i).unwrap().unchecked_into();
        assert!(el.get_attribute("data-staff").is_some());
    }
}

#[wasm_bindgen_test]
async fn a_parameter_change_updates_numbers_and_diagram() {
    let root = mount().await;
    type_into(&root, "staff", "3000");
    settle().await;
    assert_eq!(value(&root, "staff_total", "after"), "3000");
    assert_eq!(value(&root, "staff_total", "before"), "3000");
    let top = root
        .query_selector(r#"[data-phase="after"] [data-unit-id="m"]"#)
        .unwrap()
        .unwrap();
    assert_eq!(top.get_attribute("data-staff").as_deref(), Some("3000"));
}

#[wasm_bindgen_test]
async fn bad_input_shows_a_message_and_keeps_the_last_result() {
    let root = mount().await;
    type_into(&root, "staff", "abc");
    settle().await;
    let err = root
        .query_selector(r#"[data-error="staff"]"#)
        .unwrap()
        .unwrap();
    assert!(err.text_content().unwrap().contains("abc"));
    assert_eq!(value(&root, "staff_total", "after"), "2500");
    // Reset clears the message and restores the defaults.
    type_into(&root, "staff", "3000");
    settle().await;
    click(&root, r#"[data-action="reset"]"#);
    settle().await;
    assert_eq!(value(&root, "staff_total", "after"), "2500");
    assert_eq!(err.text_content().unwrap(), "");
}

#[wasm_bindgen_test]
async fn switches_language_without_losing_state() {
    let root = mount().await;
    type_into(&root, "population", "3000000");
    settle().await;
    let residents = value(&root, "residents_per_sub_bureau", "after");
    assert_ne!(residents, "100000");
    click(&root, r#"[data-lang="en"]"#);
    settle().await;
    let title = root.query_selector("h1").unwrap().unwrap().text_content();
    assert_eq!(title.as_deref(), Some("Reform Explorer"));
    assert_eq!(value(&root, "residents_per_sub_bureau", "after"), residents);
}

#[wasm_bindgen_test]
async fn the_step_control_moves_the_after_side() {
    let root = mount().await;
    // Final step by default: 20 sub-bureaus, 4 units each, chain of 3.
    assert_eq!(value(&root, "command_chain", "after"), "3");
    // Baseline: after equals before.
    click(&root, r#"[data-step="0"]"#);
    settle().await;
    assert_eq!(value(&root, "sub_bureaus", "after"), "10");
    assert_eq!(value(&root, "stations", "after"), "70");
    // After measure 2 only: stations gone, units not yet merged, ranks not yet cut.
    click(&root, r#"[data-action="step-next"]"#);
    settle().await;
    assert_eq!(value(&root, "stations", "after"), "0");
    assert_eq!(value(&root, "internal_units", "after"), "20");
    assert_eq!(value(&root, "command_chain", "after"), "7");
    // The address bar is rewritten once edits settle (after URL_DELAY).
    sleep(400).await;
    let url = web_sys::window().unwrap().location().search().unwrap();
    assert!(url.contains("step=1"), "{url}");
    // Measure 3 moves headquarters staff to the front line and says how many.
    click(&root, r#"[data-action="step-next"]"#);
    settle().await;
    let flow = root.query_selector(".step-flow").unwrap().unwrap();
    let moved: i64 = flow
        .get_attribute("data-flow-frontline")
        .unwrap()
        .parse()
        .unwrap();
    assert!(moved > 0, "frontline gained {moved}");
    assert_eq!(
        flow.get_attribute("data-flow-organ").unwrap(),
        (-moved).to_string()
    );
    root.remove();
}

/// Waits `ms` milliseconds (a browser timer).
async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}
