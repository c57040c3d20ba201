//! The own organisation as an editable tree table: rename, change kind and staff, add a unit
//! under another, move a unit under another, delete it (its units going with it or moving up);
//! undo and redo (buttons, Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y). Every edit is a `model::edit::Edit`
//! on the tree; the new tree replaces the organisation everywhere it is shown, so every reform
//! is recomputed at once.

use leptos::prelude::*;

use crate::i18n::{tr, trf, Lang, Msg, Name};
use crate::model::compose::Scope;
use crate::model::edit::{apply, child_kind, Edit, EditError};
use crate::model::org::{Staff, Unit, UnitKind};
use crate::state::organisation::{kind_of, MAX_UNITS};
use crate::ui::own_store::replace;
use crate::ui::state::AppState;

/// Rows shown at most; a bigger organisation is edited in its CSV file.
const MAX_ROWS: usize = 400;

/// An organisation as it was: its tree and its name.
type Version = (Unit, Name);

fn error_text(e: EditError, l: Lang) -> &'static str {
    tr(
        l,
        match e {
            EditError::NoSuchUnit => Msg::EditNoSuchUnit,
            EditError::TopUnit => Msg::EditTopUnit,
            EditError::UnderItself => Msg::EditUnderItself,
            EditError::EmptyName => Msg::EditEmptyName,
            EditError::TooMany => Msg::EditTooMany,
        },
    )
}

/// The element with focus, as (unit id, field or action) of the editor, to put focus back on
/// the same control after the table is drawn again.
fn focused() -> Option<(String, String)> {
    use wasm_bindgen::JsCast;
    let el = web_sys::window()?.document()?.active_element()?;
    let el = el.dyn_into::<web_sys::HtmlElement>().ok()?;
    let row = el.closest("[data-org-unit]").ok()??;
    let unit = row.get_attribute("data-org-unit")?;
    let what = el
        .get_attribute("data-field")
        .or_else(|| el.get_attribute("data-action"))?;
    Some((unit, what))
}

fn refocus(at: Option<(String, String)>) {
    use wasm_bindgen::JsCast;
    let Some((unit, what)) = at else {
        return;
    };
    request_animation_frame(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let sel = format!(
            "[data-org-unit=\"{}\"] [data-field=\"{what}\"], [data-org-unit=\"{}\"] [data-action=\"{what}\"]",
            unit.replace('"', "\\\""),
            unit.replace('"', "\\\"")
        );
        if let Some(el) = doc
            .query_selector(&sel)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

#[component]
pub fn OrgEditor(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let undo = StoredValue::new_local(Vec::<Version>::new());
    let redo = StoredValue::new_local(Vec::<Version>::new());
    // Counts changes of the stacks, for the buttons' disabled state.
    let stacks = RwSignal::new(0usize);
    let problem = RwSignal::new(None::<EditError>);
    let moving = RwSignal::new(None::<String>);
    let deleting = RwSignal::new(None::<String>);

    let current = move || -> Option<(Scope, Unit, Name)> {
        let scope = state.own.get_untracked()?;
        let tree = scope
            .variant
            .baseline
            .make(&scope.variant.defaults())
            .ok()?;
        let name = crate::model::own::name(scope.variant.key).unwrap_or_else(|| tree.name.clone());
        Some((scope, tree, name))
    };
    let edit = move |e: Edit| {
        let Some((scope, tree, name)) = current() else {
            return;
        };
        match apply(&tree, &e, MAX_UNITS) {
            Ok(next) => {
                problem.set(None);
                moving.set(None);
                deleting.set(None);
                undo.update_value(|u| u.push((tree, name.clone())));
                redo.update_value(Vec::clear);
                stacks.update(|n| *n += 1);
                replace(state, scope, next, name);
            }
            Err(err) => problem.set(Some(err)),
        }
    };
    let step = move |back: bool| {
        let Some((scope, tree, name)) = current() else {
            return;
        };
        let (from, to) = if back { (undo, redo) } else { (redo, undo) };
        let Some((t, n)) = from.try_update_value(Vec::pop).flatten() else {
            return;
        };
        to.update_value(|v| v.push((tree, name)));
        stacks.update(|n| *n += 1);
        problem.set(None);
        replace(state, scope, t, n);
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        let k = ev.key().to_lowercase();
        if k == "z" || k == "y" {
            ev.prevent_default();
            step(k == "z" && !ev.shift_key());
        }
    };

    let table = move || {
        let l = lang.get();
        let scope = state.own.get()?;
        let tree = scope
            .variant
            .baseline
            .make(&scope.variant.defaults())
            .ok()?;
        let again = focused();
        let mut all = tree.walk();
        let total = all.len();
        all.truncate(MAX_ROWS);
        let mv = moving.get();
        let del = deleting.get();
        // Where the unit being moved may go: any unit not under it.
        let targets: Vec<(String, String)> = mv
            .as_ref()
            .map(|id| {
                let below: Vec<&str> = all
                    .iter()
                    .find(|(_, u)| u.id.as_str() == id)
                    .map(|(_, u)| u.walk().into_iter().map(|(_, x)| x.id.as_str()).collect())
                    .unwrap_or_default();
                all.iter()
                    .filter(|(_, u)| !below.contains(&u.id.as_str()))
                    .map(|(_, u)| (u.id.to_string(), u.name.get(l).to_string()))
                    .collect()
            })
            .unwrap_or_default();
        let body = all
            .into_iter()
            .map(|(depth, u)| {
                let id = u.id.to_string();
                let top = depth == 0;
                let name = u.name.get(Lang::Zh).to_string();
                let name_en = u.name.get(Lang::En).to_string();
                let label = u.name.get(l).to_string();
                let staff = u.staff;
                let kind_now = u.kind;
                let has_units = !u.children.is_empty();
                let new_kind = child_kind(u);
                let (i1, i2, i3, i4, i5, i6, i7, i8, i9, i10) = (
                    id.clone(), id.clone(), id.clone(), id.clone(), id.clone(),
                    id.clone(), id.clone(), id.clone(), id.clone(), id.clone(),
                );
                let (n2, e2) = (name.clone(), name_en.clone());
                let kinds = UnitKind::ALL
                    .iter()
                    .map(|k| view! { <option value=k.key() selected=*k == kind_now>{k.name().get(l)}</option> })
                    .collect_view();
                let move_row = (mv.as_deref() == Some(id.as_str())).then(|| {
                    let opts = targets
                        .iter()
                        .map(|(tid, tname)| view! { <option value=tid.clone()>{tname.clone()}</option> })
                        .collect_view();
                    view! {
                        <select data-field="parent" aria-label=tr(l, Msg::EditMoveUnder)
                            on:change=move |ev| {
                                let parent = event_target_value(&ev);
                                if !parent.is_empty() {
                                    edit(Edit::Move { id: i9.clone(), parent });
                                }
                            }>
                            <option value="" selected=true>{tr(l, Msg::EditMoveUnder)}</option>
                            {opts}
                        </select>
                    }
                });
                let delete_row = (del.as_deref() == Some(id.as_str())).then(|| view! {
                    <span class="org-delete-choice" role="group">
                        <button type="button" data-action="org-delete-all"
                            on:click=move |_| edit(Edit::Delete { id: i7.clone(), keep_units: false })>{tr(l, Msg::EditDeleteAll)}</button>
                        <button type="button" data-action="org-delete-keep"
                            on:click=move |_| edit(Edit::Delete { id: i8.clone(), keep_units: true })>{tr(l, Msg::EditDeleteKeep)}</button>
                        <button type="button" data-action="org-delete-cancel" on:click=move |_| deleting.set(None)>{tr(l, Msg::EditCancel)}</button>
                    </span>
                });
                view! {
                    <tr data-org-unit=id.clone() data-depth=depth>
                        <td class=format!("org-name d{}", depth.min(9))>
                            <input type="text" data-field="name" value=name.clone() aria-label=format!("{} · {}", label, tr(l, Msg::EditName))
                                on:change=move |ev| edit(Edit::Rename { id: i1.clone(), zh: event_target_value(&ev), en: e2.clone() })/>
                        </td>
                        <td>
                            <input type="text" data-field="name_en" value=name_en.clone() aria-label=format!("{} · {}", label, tr(l, Msg::EditNameEn))
                                on:change=move |ev| edit(Edit::Rename { id: i2.clone(), zh: n2.clone(), en: event_target_value(&ev) })/>
                        </td>
                        <td>
                            <select data-field="kind" aria-label=format!("{} · {}", label, tr(l, Msg::EditKind))
                                on:change=move |ev| { if let Some(kind) = kind_of(&event_target_value(&ev)) {
                                    edit(Edit::Kind { id: i3.clone(), kind });
                                } }>{kinds}</select>
                        </td>
                        <td>
                            <input type="number" min="0" step="1" inputmode="numeric" data-field="organ" value=staff.organ
                                aria-label=format!("{} · {}", label, tr(l, Msg::EditOrgan))
                                on:change=move |ev| { if let Ok(v) = event_target_value(&ev).trim().parse::<u32>() {
                                    edit(Edit::Staff { id: i4.clone(), staff: Staff::new(v.min(200_000), staff.frontline) });
                                } }/>
                        </td>
                        <td>
                            <input type="number" min="0" step="1" inputmode="numeric" data-field="frontline" value=staff.frontline
                                aria-label=format!("{} · {}", label, tr(l, Msg::EditFrontline))
                                on:change=move |ev| { if let Ok(v) = event_target_value(&ev).trim().parse::<u32>() {
                                    edit(Edit::Staff { id: i5.clone(), staff: Staff::new(staff.organ, v.min(200_000)) });
                                } }/>
                        </td>
                        <td class="org-actions">
                            <button type="button" data-action="org-add" aria-label=format!("{} · {}", label, trf(l, Msg::EditAdd, &[new_kind.name().get(l)]))
                                title=trf(l, Msg::EditAdd, &[new_kind.name().get(l)])
                                on:click=move |_| edit(Edit::AddChild { parent: i6.clone(), kind: new_kind })>"+"</button>
                            <button type="button" data-action="org-move" disabled=top aria-label=format!("{} · {}", label, tr(l, Msg::EditMove))
                                title=tr(l, Msg::EditMove)
                                on:click=move |_| moving.set(Some(i10.clone()))>"↱"</button>
                            <button type="button" data-action="org-delete" disabled=top aria-label=format!("{} · {}", label, tr(l, Msg::EditDelete))
                                title=tr(l, Msg::EditDelete)
                                on:click={
                                    let id = id.clone();
                                    move |_| if has_units {
                                        deleting.set(Some(id.clone()));
                                    } else {
                                        edit(Edit::Delete { id: id.clone(), keep_units: false });
                                    }
                                }>"×"</button>
                            {move_row}
                            {delete_row}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        refocus(again);
        Some(view! {
            {(total > MAX_ROWS).then(|| view! {
                <p class="hint" data-org-rows-cut=total>{trf(l, Msg::EditRowsCut, &[&MAX_ROWS.to_string(), &total.to_string()])}</p>
            })}
            <div class="table-scroll">
                <table class="org-table" data-org-table=total>
                    <thead><tr>
                        <th scope="col">{tr(l, Msg::EditName)}</th>
                        <th scope="col">{tr(l, Msg::EditNameEn)}</th>
                        <th scope="col">{tr(l, Msg::EditKind)}</th>
                        <th scope="col">{tr(l, Msg::EditOrgan)}</th>
                        <th scope="col">{tr(l, Msg::EditFrontline)}</th>
                        <th scope="col">{tr(l, Msg::EditActions)}</th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        })
    };

    view! {
        <details class="org-editor" data-panel="org-editor" on:keydown=on_key>
            <summary>{move || tr(lang.get(), Msg::EditTitle)}</summary>
            <p class="hint">{move || tr(lang.get(), Msg::EditHint)}</p>
            <p class="saved-files">
                <button type="button" data-action="org-undo"
                    disabled=move || { stacks.get(); undo.with_value(Vec::is_empty) }
                    on:click=move |_| step(true)>{move || tr(lang.get(), Msg::EditUndo)}</button>
                <button type="button" data-action="org-redo"
                    disabled=move || { stacks.get(); redo.with_value(Vec::is_empty) }
                    on:click=move |_| step(false)>{move || tr(lang.get(), Msg::EditRedo)}</button>
            </p>
            {move || problem.get().map(|e| view! {
                <p class="saved-status bad" role="alert" data-edit-error="1">{error_text(e, lang.get())}</p>
            })}
            {table}
        </details>
    }
}
