//! Your own organisation: import it from a CSV or JSON file (picked, or dropped anywhere on the
//! page), see every problem of a bad file at once, apply the reforms to it, download it and the
//! templates. The organisation is kept in the browser (localStorage) and registered before the
//! link is read, so a reload (or a saved scenario) finds it again.

use gloo_events::{EventListener, EventListenerOptions};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{format_number, tr, trf, Lang, Msg};
use crate::model::compose::{Recipe, Scope};
use crate::model::own;
use crate::state::organisation::{decode, read, template, to_csv, Problem, What, MAX_BYTES};
use crate::state::url::View;
use crate::ui::export::{download_text, picked_file};
use crate::ui::own_store::{content, keep, offer, storage, KEY};
use crate::ui::say;
use crate::ui::state::AppState;

/// GB18030 (which includes GBK and GB2312) by the browser's own decoder, refusing bytes that
/// are not valid in it.
fn gb18030(bytes: &[u8]) -> Option<String> {
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(true);
    let dec = web_sys::TextDecoder::new_with_label_and_options("gb18030", &opts).ok()?;
    dec.decode_with_u8_array(bytes).ok()
}

#[derive(Clone, PartialEq)]
enum Status {
    None,
    Imported {
        name: String,
        units: usize,
        staff: u32,
        stored: bool,
        /// Stations with no incidents where others have some (their names, in the language
        /// of the import).
        no_incidents: Vec<String>,
        /// The variant key it was registered as: the status is about that organisation, and
        /// is not shown once an edit has made another the current one.
        key: Option<&'static str>,
    },
    Failed(Vec<Problem>),
    Unreadable,
}

/// Reads `file`, and on success registers, keeps and applies it.
fn import_file(state: AppState, status: RwSignal<Status>, file: web_sys::File) {
    if file.size() > MAX_BYTES as f64 {
        status.set(Status::Failed(vec![Problem::file(What::TooLarge)]));
        return;
    }
    let blob = gloo_file::Blob::from(file);
    leptos::task::spawn_local(async move {
        let Ok(bytes) = gloo_file::futures::read_as_bytes(&blob).await else {
            status.set(Status::Unreadable);
            return;
        };
        let text = match decode(&bytes, &gb18030) {
            Ok(t) => t,
            Err(p) => return status.set(Status::Failed(vec![p])),
        };
        match read(&text) {
            Ok(org) => {
                let name = org.name.get(state.lang.get_untracked()).to_string();
                let units = crate::model::edit::count(&org.tree);
                let staff = org.tree.staff_total().total();
                let l = state.lang.get_untracked();
                let no_incidents =
                    crate::state::organisation::stations_without_incidents(&org.tree)
                        .iter()
                        .map(|u| u.name.get(l).to_string())
                        .collect();
                let scope = offer(org);
                if let Some(scope) = scope {
                    state.own.set(Some(scope));
                    apply(state, scope);
                    // Said only if the browser refuses it, once it has been asked.
                    keep(scope, move |kept| {
                        status.update(|s| {
                            if let Status::Imported { stored, .. } = s {
                                *stored = kept;
                            }
                        })
                    });
                }
                status.set(Status::Imported {
                    name,
                    units,
                    staff,
                    stored: scope.is_some(),
                    no_incidents,
                    key: scope.map(|s| s.variant.key),
                });
            }
            Err(p) => status.set(Status::Failed(p)),
        }
    });
}

/// Shows the reforms on `scope`: the open case's whole reform (on a case's page), the
/// composed measures (in the composer), or the four reforms (on the comparison page).
fn apply(state: AppState, scope: Scope) {
    match state.view.get_untracked() {
        View::Compare => state.four.set(Some(scope)),
        View::Compose => {
            let mut r = state
                .recipe
                .get_untracked()
                .unwrap_or_else(|| Recipe::of_reform(state.case.get_untracked(), scope));
            r.base = scope;
            state.set_recipe(r);
        }
        View::Case => {
            state.set_recipe(Recipe::of_reform(state.case.get_untracked(), scope));
            state.view.set(View::Compose);
        }
    }
}

/// The first file of a drop, if it carried files.
fn dropped_file(e: &web_sys::Event) -> Option<web_sys::File> {
    let d = e.dyn_ref::<web_sys::DragEvent>()?.data_transfer()?;
    d.files()?.get(0)
}

#[component]
pub fn OrganisationPanel(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let status = RwSignal::new(Status::None);
    let dragging = RwSignal::new(false);
    let current = state.own;

    // Dropping a file anywhere on the page imports it (but on a file field, which takes it).
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        let opts = EventListenerOptions::enable_prevent_default();
        EventListener::new_with_options(&doc, "dragover", opts, move |e| {
            if crate::ui::file_drag(e) {
                e.prevent_default();
                dragging.set(true);
            }
        })
        .forget();
        EventListener::new(&doc, "dragleave", move |e| {
            // Leaving the window (no element to go to) ends the drag's highlight.
            let out = e
                .dyn_ref::<web_sys::DragEvent>()
                .is_some_and(|d| d.related_target().is_none());
            if out {
                dragging.set(false);
            }
        })
        .forget();
        EventListener::new_with_options(&doc, "drop", opts, move |e| {
            dragging.set(false);
            if let Some(f) = dropped_file(e).filter(|_| crate::ui::file_drag(e)) {
                e.prevent_default();
                import_file(state, status, f);
            }
        })
        .forget();
    }

    let on_file = move |ev: web_sys::Event| {
        let Some(file) = picked_file(&ev) else {
            return;
        };
        import_file(state, status, file);
    };

    let message = move || {
        let l = lang.get();
        match status.get() {
            Status::None => ().into_any(),
            Status::Imported {
                name,
                units,
                staff,
                stored,
                no_incidents,
                key,
            } if key.is_none() || current.with(|c| c.map(|s| s.variant.key)) == key => view! {
                <div class="saved-status good" role="status" data-org-status="good">
                    <p>{trf(l, Msg::OrgImported, &[&name, &format_number(units as f64, 0), &format_number(f64::from(staff), 0)])}</p>
                    {(!no_incidents.is_empty()).then(|| {
                        let some = no_incidents.iter().take(3).cloned().collect::<Vec<_>>().join(l.list_separator());
                        let more = if no_incidents.len() > 3 { "…" } else { "" };
                        view! {
                            <p class="warn" data-org-no-incidents=no_incidents.len().to_string()>
                                {trf(l, Msg::OrgIncidentsMissing, &[&no_incidents.len().to_string(), &format!("{some}{more}")])}
                            </p>
                        }
                    })}
                    {(!stored).then(|| view! { <p class="warn" data-org-not-kept="1">{tr(l, Msg::OrgNotStored)}</p> })}
                </div>
            }
            .into_any(),
            // Edited since: the box below gives the organisation as it is now.
            Status::Imported { .. } => ().into_any(),
            Status::Unreadable => view! {
                <div class="saved-status bad" role="alert" data-org-status="bad">
                    <p>{tr(l, Msg::ImportUnreadable)}</p>
                </div>
            }
            .into_any(),
            Status::Failed(problems) => {
                let items = problems
                    .iter()
                    .map(|p| {
                        view! {
                            <li data-row=p.row.map(|r| r.to_string()).unwrap_or_default()
                                data-column=p.column.map(|c| c.key()).unwrap_or_default()>
                                {p.message(l)}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="saved-status bad" role="alert" data-org-status="bad">
                        <p>{crate::state::organisation::summary(problems.len(), l)}</p>
                        <ul data-import-errors=problems.len().to_string()>{items}</ul>
                    </div>
                }
                .into_any()
            }
        }
    };

    let own_box = move || {
        let l = lang.get();
        let scope = current.get()?;
        let Ok(tree) = scope.variant.baseline.make(&scope.variant.defaults()) else {
            return None;
        };
        let name = scope.variant.name.get(l).to_string();
        let units = crate::model::edit::count(&tree);
        let staff = tree.staff_total().total();
        let case = state.case.get();
        let csv_tree = tree;
        let file_name =
            move |ext: &str| format!("organisation-{}.{ext}", &scope.variant.key[4..12]);
        Some(view! {
            <div class="own-current" data-own=scope.variant.key>
                <p><strong>{name}</strong>" · "
                    {trf(l, Msg::OrgSize, &[&format_number(units as f64, 0), &format_number(f64::from(staff), 0)])}</p>
                <p class="saved-files">
                    <button type="button" data-action="org-apply" on:click=move |_| {
                        state.set_recipe(Recipe::of_reform(case, scope));
                        state.view.set(View::Compose);
                    }>{trf(l, Msg::OrgApplyCase, &[case.name().get(l)])}</button>
                    <button type="button" data-action="org-four" on:click=move |_| {
                        state.four.set(Some(scope));
                        state.view.set(View::Compare);
                    }>{tr(l, Msg::OrgFour)}</button>
                    <button type="button" data-action="org-back" on:click=move |_| state.set_case(case)>
                        {trf(l, Msg::OrgBack, &[case.name().get(l)])}</button>
                </p>
                <p class="saved-files">
                    <button type="button" data-action="org-download" data-format="json" on:click=move |_| {
                        // The file it was registered with, under the organisation's own name.
                        if let Some(text) = content(scope.variant) {
                            let _ = download_text(&file_name("json"), "application/json", &text);
                        }
                    }>{tr(l, Msg::OrgDownloadJson)}</button>
                    <button type="button" data-action="org-download" data-format="csv" on:click=move |_| {
                        let text = to_csv(&csv_tree, lang.get_untracked() != Lang::En);
                        let _ = download_text(&file_name("csv"), "text/csv;charset=utf-8", &text);
                    }>{tr(l, Msg::OrgDownloadCsv)}</button>
                    <button type="button" data-action="org-forget" on:click=move |_| {
                        if let Some(s) = storage() {
                            let _ = s.remove_item(KEY);
                        }
                        own::clear_current();
                        current.set(None);
                        status.set(Status::None);
                        // Nothing shown is built on it any more (the address bar then drops
                        // it too): the case's own organisation, as "Back to …" gives.
                        if state.four.get_untracked().is_some_and(|s| s.is_own()) {
                            state.four.set(None);
                        }
                        if state.recipe.with_untracked(|r| r.as_ref().is_some_and(|r| r.base.is_own())) {
                            state.set_case(case);
                            state.recipe.set(None);
                        }
                    }>{tr(l, Msg::OrgForget)}</button>
                </p>
            </div>
        })
    };

    let examples = move || {
        let l = lang.get();
        Scope::all()
            .into_iter()
            .filter(|s| !s.is_own())
            .map(|s| {
                let k = s.key();
                let name = format!("{} · {}", s.owner_name().get(l), s.variant.name.get(l));
                view! { <option value=k>{name}</option> }
            })
            .collect_view()
    };
    let example = RwSignal::new(Scope::TYPICAL_CITY.key());

    view! {
        <details class="saved own-org" data-panel="organisation" open=move || current.get().is_some() || status.get() != Status::None>
            <summary><h2 class="summary-heading">{say(lang, Msg::OrgTitle)}</h2></summary>
            <p class="hint">{say(lang, Msg::OrgHint)}</p>
            {message}
            {own_box}
            <Show when=move || state.own.get().is_some()>
                <crate::ui::org_editor::OrgEditor state=state/>
            </Show>
            <p class="saved-files">
                <label class="import">
                    {say(lang, Msg::OrgPick)}
                    <input type="file" accept=".csv,.json,.txt,text/csv,application/json"
                        data-action="import-organisation" on:change=on_file/>
                </label>
            </p>
            <p class="saved-files">
                <span>{say(lang, Msg::OrgTemplates)}</span>
                <button type="button" data-action="org-template" data-template="zh" on:click=move |_| {
                    let _ = download_text("organisation-template-zh.csv", "text/csv;charset=utf-8", &template(true));
                }>"中文"</button>
                <button type="button" data-action="org-template" data-template="en" on:click=move |_| {
                    let _ = download_text("organisation-template-en.csv", "text/csv;charset=utf-8", &template(false));
                }>"English"</button>
            </p>
            <p class="saved-files">
                <select data-action="org-example-pick" aria-label=say(lang, Msg::OrgExamples)
                    on:change=move |ev| example.set(event_target_value(&ev))>{examples}</select>
                <button type="button" data-action="org-example" on:click=move |_| {
                    let Some(s) = Scope::parse(&example.get_untracked()) else { return };
                    let v = s.variant;
                    if let Ok(tree) = v.baseline.make(&v.defaults()) {
                        let text = to_csv(&tree, lang.get_untracked() != Lang::En);
                        let name = format!("organisation-{}.csv", s.key());
                        let _ = download_text(&name, "text/csv;charset=utf-8", &text);
                    }
                }>{say(lang, Msg::OrgExampleDownload)}</button>
            </p>
        </details>
        <div class="drop-overlay" class:shown=move || dragging.get() aria-hidden="true">
            <p>{say(lang, Msg::OrgDropHere)}</p>
        </div>
    }
}
