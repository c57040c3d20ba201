//! Saved scenarios (in the browser's localStorage) and scenario files (JSON, downloaded and
//! imported). What is saved is never lost to a failed import, a full store or a damaged entry:
//! every write first copies the last good list to a backup key; a damaged list is read from
//! the backup (the damaged text is kept aside), and the user is told what happened.

use leptos::either::Either;
use leptos::prelude::*;

use crate::i18n::{tr, trf, Msg};
use crate::state::export::file_name;
use crate::state::scenario::{
    from_json, saved_from_json, saved_to_json, to_json, Problem, Saved, MAX_BYTES, MAX_NAME,
    MAX_SAVED,
};
use crate::ui::export::picked_file;
use crate::ui::own_store::{adopt, carried};
use crate::ui::say;
use crate::ui::state::AppState;

pub const KEY: &str = "reform-explorer.saved";
pub const BACKUP_KEY: &str = "reform-explorer.saved.backup";
pub const DAMAGED_KEY: &str = "reform-explorer.saved.damaged";

/// What the panel tells the user about the store or the last action.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    None,
    Unavailable,
    Restored,
    Unreadable,
    Dropped(usize),
    Full,
    Saved(String),
    Deleted(String),
    Imported(String),
    ImportFailed(Vec<Problem>),
    TooMany,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved list, from the main key or else the backup.
fn load() -> (Vec<Saved>, Status) {
    let Some(st) = storage() else {
        return (Vec::new(), Status::Unavailable);
    };
    let main = st.get_item(KEY).ok().flatten();
    let Some(text) = main else {
        return (Vec::new(), Status::None);
    };
    match saved_from_json(&text) {
        Ok((list, 0)) => (list, Status::None),
        Ok((list, n)) => {
            // The whole list as stored, the unlisted ones with it, is kept aside where saving
            // never writes: the backup is the list before the last save, so two saves would
            // have lost them.
            let _ = st.set_item(DAMAGED_KEY, &text);
            (list, Status::Dropped(n))
        }
        Err(_) => {
            let _ = st.set_item(DAMAGED_KEY, &text);
            let backup = st.get_item(BACKUP_KEY).ok().flatten();
            match backup.as_deref().map(saved_from_json) {
                Some(Ok((list, _))) => (list, Status::Restored),
                _ => (Vec::new(), Status::Unreadable),
            }
        }
    }
}

/// Writes the list; the last good list goes to the backup key first. On failure (storage full
/// or refused) the stored list is as it was.
fn persist(list: &[Saved]) -> Result<(), Status> {
    let st = storage().ok_or(Status::Unavailable)?;
    if let Some(old) = st.get_item(KEY).ok().flatten() {
        if saved_from_json(&old).is_ok() {
            st.set_item(BACKUP_KEY, &old).map_err(|_| Status::Full)?;
        }
    }
    st.set_item(KEY, &saved_to_json(list))
        .map_err(|_| Status::Full)
}

/// Offers `saved` as a JSON file, named after its own case, scope and step.
fn download_json(state: AppState, saved: &Saved) {
    // A decoded state always names one of its case's variants; the current one is a fallback.
    let v = saved
        .state
        .case
        .variant(&saved.state.variant)
        .unwrap_or_else(|| state.variant.get_untracked());
    let name = file_name(
        v,
        saved.state.case.key(),
        saved.state.step.unwrap_or(v.levers.len()),
        v.levers.len(),
        "json",
    );
    let _ = crate::ui::export::download_text(&name, "application/json", &to_json(saved));
}

#[component]
pub fn SavedPanel(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let (first, status0) = load();
    let list = RwSignal::new(first);
    let status = RwSignal::new(status0);
    let name = RwSignal::new(String::new());
    let renaming = RwSignal::new(None::<usize>);
    let rename_to = RwSignal::new(String::new());
    let available = storage().is_some();

    let commit = move |next: Vec<Saved>, ok: Status| match persist(&next) {
        Ok(()) => {
            list.set(next);
            status.set(ok);
        }
        Err(e) => status.set(e),
    };
    let save = move || {
        let mut next = list.get_untracked();
        if next.len() >= MAX_SAVED {
            status.set(Status::TooMany);
            return;
        }
        let typed: String = name.get_untracked().trim().chars().take(MAX_NAME).collect();
        let label = if typed.is_empty() {
            let l = lang.get_untracked();
            format!(
                "{} · {}",
                state.case.get_untracked().name().get(l),
                state.after_title(true)
            )
        } else {
            typed
        };
        next.push(Saved {
            name: label.clone(),
            state: state.url_state(),
            organisation: carried(state),
        });
        name.set(String::new());
        commit(next, Status::Saved(label));
    };
    let on_file = move |ev: web_sys::Event| {
        let Some(file) = picked_file(&ev) else {
            return;
        };
        if file.size() > MAX_BYTES as f64 {
            status.set(Status::ImportFailed(vec![Problem::TooLarge]));
            return;
        }
        let file_label = file.name();
        let blob = gloo_file::Blob::from(file);
        leptos::task::spawn_local(async move {
            let text = match gloo_file::futures::read_as_text(&blob).await {
                Ok(text) => text,
                Err(_) => return status.set(Status::ImportFailed(vec![Problem::Unreadable])),
            };
            match from_json(&text) {
                Ok(mut s) => {
                    if s.name.is_empty() {
                        s.name = file_label;
                    }
                    let label = s.name.clone();
                    let mut next = list.get_untracked();
                    if next.len() >= MAX_SAVED {
                        status.set(Status::TooMany);
                        return;
                    }
                    if let Some(o) = &s.organisation {
                        adopt(state, o);
                    }
                    state.apply(&s.state);
                    next.push(s);
                    commit(next, Status::Imported(label));
                }
                Err(problems) => status.set(Status::ImportFailed(problems)),
            }
        });
    };
    let message = move || {
        let l = lang.get();
        match status.get() {
            Status::None => None,
            Status::Unavailable => Some(("warn", vec![tr(l, Msg::StorageUnavailable).to_string()])),
            Status::Restored => Some(("warn", vec![tr(l, Msg::StorageRestored).to_string()])),
            Status::Unreadable => Some(("bad", vec![tr(l, Msg::StorageUnreadable).to_string()])),
            Status::Dropped(n) => {
                Some(("warn", vec![trf(l, Msg::StorageDropped, &[&n.to_string()])]))
            }
            Status::Full => Some(("bad", vec![tr(l, Msg::StorageFull).to_string()])),
            Status::TooMany => Some((
                "bad",
                vec![trf(l, Msg::StorageTooMany, &[&MAX_SAVED.to_string()])],
            )),
            Status::Saved(n) => Some(("good", vec![trf(l, Msg::SavedAs, &[&n])])),
            Status::Deleted(n) => Some(("good", vec![trf(l, Msg::DeletedSaved, &[&n])])),
            Status::Imported(n) => Some(("good", vec![trf(l, Msg::ImportedAs, &[&n])])),
            Status::ImportFailed(p) => Some((
                "bad",
                std::iter::once(tr(l, Msg::ImportFailed).to_string())
                    .chain(p.iter().map(|p| p.message(l)))
                    .collect(),
            )),
        }
    };
    let item = move |(i, s): (usize, Saved)| {
        let open_state = s.state.clone();
        let open_org = s.organisation.clone();
        let export = s.clone();
        let label = s.name.clone();
        let group = s.name.clone();
        view! {
            <li data-saved=i.to_string()>
                {move || if renaming.get() == Some(i) {
                    Either::Left(view! {
                        <input
                            type="text"
                            class="rename"
                            data-action="rename-input"
                            aria-label=say(lang, Msg::RenameSaved)
                            maxlength=MAX_NAME.to_string()
                            prop:value=move || rename_to.get()
                            on:input=move |ev| rename_to.set(event_target_value(&ev))
                            on:keydown=move |ev: web_sys::KeyboardEvent| {
                                if ev.key() == "Enter" {
                                    let mut next = list.get_untracked();
                                    let n: String = rename_to.get_untracked().trim().chars().take(MAX_NAME).collect();
                                    if let (Some(s), false) = (next.get_mut(i), n.is_empty()) {
                                        s.name = n.clone();
                                        renaming.set(None);
                                        commit(next, Status::Saved(n));
                                        focus_rename(i, "rename-saved");
                                    }
                                } else if ev.key() == "Escape" {
                                    renaming.set(None);
                                    focus_rename(i, "rename-saved");
                                }
                            }
                        />
                    })
                } else {
                    Either::Right(view! { <span class="saved-name">{label.clone()}</span> })
                }}
                // Named with the scenario: each entry's buttons read alike otherwise.
                <span class="saved-actions" role="group" aria-label=group>
                    <button type="button" data-action="open-saved" on:click=move |_| {
                        if let Some(o) = &open_org {
                            adopt(state, o);
                        }
                        state.apply(&open_state);
                    }>{say(lang, Msg::OpenSaved)}</button>
                    <button type="button" data-action="rename-saved" on:click={
                        let n = s.name.clone();
                        move |_| {
                            rename_to.set(n.clone());
                            renaming.set(Some(i));
                            focus_rename(i, "rename-input");
                        }
                    }>{say(lang, Msg::RenameSaved)}</button>
                    <button type="button" data-action="duplicate-saved" on:click=move |_| {
                        let mut next = list.get_untracked();
                        if next.len() >= MAX_SAVED {
                            status.set(Status::TooMany);
                        } else if let Some(s) = next.get(i).cloned() {
                            let copy = Saved { name: trf(lang.get_untracked(), Msg::CopyOf, &[&s.name]), ..s };
                            let label = copy.name.clone();
                            next.insert(i + 1, copy);
                            commit(next, Status::Saved(label));
                        }
                    }>{say(lang, Msg::DuplicateSaved)}</button>
                    <button type="button" data-action="export-saved" on:click=move |_| download_json(state, &export)>"JSON"</button>
                    // Said in the status line; focus goes to the delete button of the entry that
                    // takes this one's place, or of the one before it at the end of the list, or
                    // to the name field when the list is empty.
                    <button type="button" data-action="delete-saved" on:click=move |_| {
                        let mut next = list.get_untracked();
                        if i < next.len() {
                            let gone = next.remove(i);
                            let left = next.len();
                            commit(next, Status::Deleted(gone.name));
                            if left == 0 {
                                crate::ui::focus_after_redraw("[data-action=\"saved-name\"]".into());
                            } else {
                                focus_rename(i.min(left - 1), "delete-saved");
                            }
                        }
                    }>{say(lang, Msg::DeleteSaved)}</button>
                </span>
            </li>
        }
    };
    view! {
        <details class="saved" data-panel="saved">
            <summary><h2 class="summary-heading">{say(lang, Msg::SavedTitle)}</h2></summary>
            <p class="hint">{say(lang, Msg::SavedHint)}</p>
            {move || message().map(|(kind, lines)| view! {
                <div class=format!("saved-status {kind}") role="status" data-saved-status=kind>
                    {lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                </div>
            })}
            <div class="saved-new">
                <input
                    type="text"
                    data-action="saved-name"
                    maxlength=MAX_NAME.to_string()
                    aria-label=say(lang, Msg::SavedName)
                    placeholder=say(lang, Msg::SavedName)
                    disabled=!available
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                    on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { save() }
                />
                <button type="button" data-action="save-scenario" disabled=!available on:click=move |_| save()>
                    {say(lang, Msg::SaveScenario)}
                </button>
            </div>
            <ol class="saved-list">
                {move || list.get().into_iter().enumerate().map(item).collect_view()}
            </ol>
            <p class="saved-files">
                <button type="button" data-action="export-scenario" on:click=move |_| {
                    let s = Saved { name: String::new(), state: state.url_state(), organisation: carried(state) };
                    download_json(state, &s);
                }>{say(lang, Msg::ExportScenario)}</button>
                <label class="import">
                    {say(lang, Msg::ImportScenario)}
                    <input type="file" accept=".json,application/json" data-action="import-scenario" on:change=on_file/>
                </label>
            </p>
        </details>
    }
}

/// Focus on saved scenario `i`'s name field when renaming starts, back on its "Rename" button
/// when it ends (`action`).
fn focus_rename(i: usize, action: &str) {
    crate::ui::focus_after_redraw(format!("[data-saved=\"{i}\"] [data-action=\"{action}\"]"));
}
