//! The vendored tachys (vendor/README.md) in the browser: with `erase_components`, a view rebuilt
//! with the same attributes writes only the values that changed, and a view rebuilt with other
//! attributes (of the same types, under other names) loses the old ones.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord};

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

/// An attribute mutation: the attribute's name and its value before.
type Change = (String, Option<String>);

/// The attribute mutations `act` causes under `root`.
async fn attribute_changes(root: &Element, act: impl FnOnce()) -> Vec<Change> {
    let seen: Rc<RefCell<Vec<Change>>> = Rc::default();
    let into = seen.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
        for r in records.iter() {
            let r: MutationRecord = r.unchecked_into();
            into.borrow_mut()
                .push((r.attribute_name().unwrap_or_default(), r.old_value()));
        }
    });
    let observer = MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
    let init = MutationObserverInit::new();
    init.set_subtree(true);
    init.set_attributes(true);
    init.set_attribute_old_value(true);
    observer.observe_with_options(root, &init).unwrap();
    act();
    next_task().await;
    observer.disconnect();
    drop(callback);
    seen.take()
}

/// The task after this one: the reactive system has run, and its DOM writes are done.
async fn next_task() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_rebuilt_element_writes_only_the_attribute_that_changed() {
    let root = container();
    let n = RwSignal::new(1);
    leptos::mount::mount_to(root.clone().unchecked_into(), move || {
        move || {
            let v = n.get();
            view! { <p class="fixed" title="same" data-n=v.to_string()>{v}</p> }
        }
    })
    .forget();
    next_task().await;
    let changes = attribute_changes(&root, || n.set(2)).await;
    assert_eq!(changes, vec![("data-n".to_string(), Some("1".to_string()))]);
    let p = root.query_selector("p").unwrap().unwrap();
    assert_eq!(p.get_attribute("data-n").as_deref(), Some("2"));
    assert_eq!(p.get_attribute("class").as_deref(), Some("fixed"));
    assert_eq!(p.get_attribute("title").as_deref(), Some("same"));
}

#[wasm_bindgen_test]
async fn an_element_rebuilt_with_other_attributes_loses_the_old_ones() {
    let root = container();
    let first = RwSignal::new(true);
    leptos::mount::mount_to(root.clone().unchecked_into(), move || {
        // Both are a <p> with one custom attribute: the same view type once erased.
        move || {
            if first.get() {
                view! { <p data-a="1"></p> }.into_any()
            } else {
                view! { <p data-b="2"></p> }.into_any()
            }
        }
    })
    .forget();
    next_task().await;
    first.set(false);
    next_task().await;
    let p = root.query_selector("p").unwrap().unwrap();
    assert_eq!(p.get_attribute("data-a"), None);
    assert_eq!(p.get_attribute("data-b").as_deref(), Some("2"));
}
