//! The own organisation as an editable tree table: rename, change kind and staff, add a unit
//! under another, move a unit under another, delete it (its units going with it or moving up);
//! undo and redo (buttons, Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y). Every edit is a `model::edit::Edit`
//! on the tree; the new tree replaces the organisation everywhere it is shown, so every reform
//! is recomputed at once.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{tr, trf, Lang, Msg, Name};
use crate::model::compose::Scope;
use crate::model::edit::{apply, child_kind, find, Edit, EditError};
use crate::model::org::{Staff, Unit, UnitKind};
use crate::state::organisation::{kind_of, MAX_UNITS};
use crate::ui::own_store::replace;
use crate::ui::state::AppState;
use crate::ui::TableScroll;

/// Rows shown at most; a bigger organisation is edited in its CSV file.
const MAX_ROWS: usize = 400;

/// One row of the table: everything it shows (its key: a row is drawn again only when one of
/// these changed).
#[derive(Clone, PartialEq, Eq, Hash)]
struct RowData {
    id: String,
    depth: usize,
    zh: String,
    en: String,
    kind: UnitKind,
    organ: u32,
    frontline: u32,
    has_units: bool,
    new_kind: UnitKind,
    moving: bool,
    deleting: bool,
    lang: Lang,
    /// Counts the organisation's changes not typed into the table (an import, an undo, a
    /// structural edit): they draw every row again.
    drawn: u32,
}

impl RowData {
    /// What the row is keyed by: not the names and staff, which the row's own fields show as
    /// they are typed, so that typing keeps the row (and focus in it).
    fn key(
        &self,
    ) -> (
        String,
        usize,
        UnitKind,
        bool,
        UnitKind,
        bool,
        bool,
        Lang,
        u32,
    ) {
        (
            self.id.clone(),
            self.depth,
            self.kind,
            self.has_units,
            self.new_kind,
            self.moving,
            self.deleting,
            self.lang,
            self.drawn,
        )
    }
}

/// The rows listed, the units in all, and the first unit listed (0-based).
type Rows = (Arc<[RowData]>, usize, usize);

/// An organisation as it was: its tree and its name.
type Version = (Unit, Name);

/// The staff figure typed into a row's field (at most 200,000), or `None` with the field
/// marked invalid and the editor saying why (a figure that is not a whole number of 0 or more:
/// the unit keeps the one it had).
fn staff_typed(ev: &web_sys::Event, problem: RwSignal<Option<Msg>>) -> Option<u32> {
    let input = event_target::<web_sys::HtmlInputElement>(ev);
    let v = input.value().trim().parse::<u32>().ok();
    if v.is_some() {
        let _ = input.remove_attribute("aria-invalid");
    } else {
        let _ = input.set_attribute("aria-invalid", "true");
        problem.set(Some(Msg::EditBadStaff));
    }
    v.map(|v| v.min(200_000))
}

/// What the editor says of an edit it refused.
fn error_msg(e: EditError) -> Msg {
    match e {
        EditError::NoSuchUnit => Msg::EditNoSuchUnit,
        EditError::TopUnit => Msg::EditTopUnit,
        EditError::UnderItself => Msg::EditUnderItself,
        EditError::EmptyName => Msg::EditEmptyName,
        EditError::TooMany => Msg::EditTooMany,
        EditError::TooManyStaff => Msg::EditTooManyStaff,
    }
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

/// The selector of unit `id`'s row (`[data-org-unit="…"]`, quotes in the id escaped).
fn row_of(id: &str) -> String {
    format!("[data-org-unit=\"{}\"]", id.replace('"', "\\\""))
}

/// The id of the row drawn after unit `id`'s row (past the rows of its units, when they go
/// with it), or of the row before it when there is none.
fn row_beside(id: &str, units_go: bool) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let row = doc.query_selector(&format!("tr{}", row_of(id))).ok()??;
    let depth = |e: &web_sys::Element| {
        e.get_attribute("data-depth")
            .and_then(|d| d.parse::<usize>().ok())
    };
    let own = depth(&row);
    let mut next = row.next_element_sibling();
    while units_go && next.as_ref().is_some_and(|n| depth(n) > own) {
        next = next.and_then(|n| n.next_element_sibling());
    }
    next.or_else(|| row.previous_element_sibling())?
        .get_attribute("data-org-unit")
}

/// Focus on the control `action` of unit `id`'s row, once the table is drawn again.
fn focus_in_row(id: &str, action: &str) {
    crate::ui::focus_after_redraw(format!("{} [data-action=\"{action}\"]", row_of(id)));
}

/// Focus on the control `at` names once the rows are drawn: always (`lost_only` false: a
/// unit asked for from the diagram), or only when the redraw lost the focus (`lost_only`: an
/// action may have put it somewhere on purpose).
fn refocus(at: Option<(String, String)>, lost_only: bool) {
    let Some((unit, what)) = at else {
        return;
    };
    request_animation_frame(move || {
        let active = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element());
        if lost_only && active.is_some_and(|e| e.tag_name() != "BODY") {
            return;
        }
        let row = row_of(&unit);
        crate::ui::focus(&format!(
            "{row} [data-field=\"{what}\"], {row} [data-action=\"{what}\"]"
        ));
    });
}

#[component]
pub fn OrgEditor(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let undo = StoredValue::new_local(Vec::<Version>::new());
    let redo = StoredValue::new_local(Vec::<Version>::new());
    // Counts changes of the stacks, for the buttons' disabled state.
    let stacks = RwSignal::new(0usize);
    // What the editor says of the last edit it refused, or of a staff figure it could not read.
    let problem = RwSignal::new(None::<Msg>);
    let moving = RwSignal::new(None::<String>);
    let deleting = RwSignal::new(None::<String>);
    // The stacks belong to the organisation the editor last made current: an import, a removal
    // or an opened link that makes another one current empties them (an undo brought back the
    // organisation imported before).
    let mine = StoredValue::new(state.own.get_untracked().map(|s| s.variant.key));
    let made_here = move || mine.set_value(state.own.get_untracked().map(|s| s.variant.key));
    Effect::new(move |_| {
        let now = state.own.get().map(|s| s.variant.key);
        if now != mine.get_value() {
            mine.set_value(now);
            undo.update_value(Vec::clear);
            redo.update_value(Vec::clear);
            stacks.update(|n| *n += 1);
        }
    });

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
    // Applies the edit `make` gives for the organisation as it is now (one copy of its tree);
    // true when it was applied.
    let edit_from = move |make: &dyn Fn(&Unit) -> Option<Edit>| -> bool {
        let Some((scope, tree, name)) = current() else {
            return false;
        };
        let Some(e) = make(&tree) else {
            return false;
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
                made_here();
                true
            }
            Err(err) => {
                problem.set(Some(error_msg(err)));
                false
            }
        }
    };
    let edit = move |e: Edit| {
        edit_from(&|_| Some(e.clone()));
    };
    // Deletes unit `id`; focus goes to the "×" of the row drawn after it (its first unit when
    // those move up), or of the row before it at the end of the table.
    let delete_unit = move |id: &str, keep_units: bool| {
        let next = row_beside(id, !keep_units);
        edit(Edit::Delete {
            id: id.to_string(),
            keep_units,
        });
        if let Some(next) = next {
            focus_in_row(&next, "org-delete");
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
        made_here();
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

    // The table is drawn only while the panel is open: a closed editor costs an import or an
    // edit nothing.
    let open = RwSignal::new(false);
    // Set by a name or staff typed into a row, just before the edit it makes.
    let typed = StoredValue::new(false);
    let drawn = StoredValue::new((0u32, ""));
    // Set when a unit is asked for from the diagram, until the rows are drawn for it.
    let jumped = StoredValue::new(false);
    let details = NodeRef::<leptos::html::Details>::new();
    // The rows listed: every unit up to `MAX_ROWS`, or a window of that many around the unit
    // asked for from the diagram. Rows are keyed by everything they show, so an edit redraws
    // only the rows it changed.
    // After a name or staff typed into a row, the list is the one drawn: the row shows what
    // was typed, and no other row changed (the rows are shared, so nothing is woken).
    let rows = Memo::new(move |prev: Option<&Rows>| -> Rows {
        if !open.get() {
            return (Arc::from([]), 0, 0);
        }
        let l = lang.get();
        let Some(scope) = state.own.get() else {
            return (Arc::from([]), 0, 0);
        };
        let (mv, del, at) = (moving.get(), deleting.get(), state.edit_unit.get());
        let typed_now = typed.try_update_value(std::mem::take).unwrap_or(false);
        drawn.update_value(|(n, key)| {
            if *key != scope.variant.key && !typed_now {
                *n += 1;
            }
            *key = scope.variant.key;
        });
        let quiet = |p: &&Rows| {
            typed_now
                && mv.is_none()
                && del.is_none()
                && !p.0.iter().any(|r| r.moving || r.deleting)
        };
        if let Some(prev) = prev.filter(quiet) {
            return prev.clone();
        }
        let Ok(tree) = scope.variant.baseline.make(&scope.variant.defaults()) else {
            return (Arc::from([]), 0, 0);
        };
        let gen = drawn.with_value(|d| d.0);
        // Rows redrawn lose focus: it goes back to the same control once they are drawn (but
        // not when a unit was asked for from the diagram: focus goes to that unit then).
        if !jumped.try_update_value(std::mem::take).unwrap_or(false) {
            refocus(focused(), true);
        }
        let all = tree.walk();
        let total = all.len();
        let start = at
            .and_then(|id| all.iter().position(|(_, u)| u.id.as_str() == id))
            .filter(|i| *i >= MAX_ROWS)
            .map_or(0, |i| {
                (i - MAX_ROWS / 2).min(total.saturating_sub(MAX_ROWS))
            });
        let list = all
            .iter()
            .skip(start)
            .take(MAX_ROWS)
            .map(|(depth, u)| RowData {
                id: u.id.to_string(),
                depth: *depth,
                zh: u.name.get(Lang::Zh).to_string(),
                en: u.name.get(Lang::En).to_string(),
                kind: u.kind,
                organ: u.staff.organ,
                frontline: u.staff.frontline,
                has_units: !u.children.is_empty(),
                new_kind: child_kind(u),
                moving: mv.as_deref() == Some(u.id.as_str()),
                deleting: del.as_deref() == Some(u.id.as_str()),
                lang: l,
                drawn: gen,
            })
            .collect::<Arc<[RowData]>>();
        (list, total, start)
    });
    // Where the unit being moved may go: any unit not under it.
    let targets = move |id: &str| -> Vec<(String, String)> {
        let l = lang.get_untracked();
        let Some((_, tree, _)) = current() else {
            return Vec::new();
        };
        let below: Vec<&str> = find(&tree, id)
            .map(|u| u.walk().into_iter().map(|(_, x)| x.id.as_str()).collect())
            .unwrap_or_default();
        tree.walk()
            .iter()
            .filter(|(_, u)| !below.contains(&u.id.as_str()))
            .map(|(_, u)| (u.id.to_string(), u.name.get(l).to_string()))
            .collect()
    };
    // A name or staff figure typed into a row: the other fields as the organisation has them
    // now (the row is not drawn again after typing, so what it was drawn with may be old).
    let typed_edit = move |id: &str, f: &dyn Fn(&Unit) -> Edit| {
        typed.set_value(true);
        if !edit_from(&|tree| find(tree, id).map(f)) {
            // Refused, or no such unit: nothing for the table to keep.
            typed.set_value(false);
        }
    };
    let row_view = move |r: RowData| {
        let l = r.lang;
        let id = r.id.clone();
        let top = r.depth == 0;
        let label = if l == Lang::Zh {
            r.zh.clone()
        } else {
            r.en.clone()
        };
        let (organ, frontline, has_units, new_kind) =
            (r.organ, r.frontline, r.has_units, r.new_kind);
        let (i1, i2, i3, i4, i5, i6, i7, i8, i9, i10) = (
            id.clone(),
            id.clone(),
            id.clone(),
            id.clone(),
            id.clone(),
            id.clone(),
            id.clone(),
            id.clone(),
            id.clone(),
            id.clone(),
        );
        let kinds = UnitKind::ALL
            .iter()
            .map(|k| view! { <option value=k.key() selected=*k == r.kind>{k.name().get(l)}</option> })
            .collect_view();
        let kind_pick = crate::ui::PickOnEnter::new();
        // Against the unit as it is now (a blur may come after the edit redrew the row).
        let set_kind = move |ev: &web_sys::Event| {
            if let Some(kind) = kind_of(&event_target_value(ev)) {
                edit_from(&|tree| {
                    find(tree, &i3)
                        .filter(|u| u.kind != kind)
                        .map(|_| Edit::Kind {
                            id: i3.clone(),
                            kind,
                        })
                });
            }
        };
        let move_row = r.moving.then(|| {
            let opts = targets(&id)
                .into_iter()
                .map(|(tid, tname)| view! { <option value=tid>{tname}</option> })
                .collect_view();
            // A target picked with the mouse, a touch or the open list is taken at once; the
            // keys on the closed list only move its choice, Enter takes it, and Escape puts
            // the row back as it was, focus on its "↱". After the move, focus is on the moved
            // unit's "↱".
            let pick = crate::ui::PickOnEnter::new();
            let i13 = i9.clone();
            let go = move |ev: &web_sys::Event| {
                let parent = event_target_value(ev);
                if !parent.is_empty() {
                    edit(Edit::Move {
                        id: i9.clone(),
                        parent,
                    });
                    focus_in_row(&i9, "org-move");
                }
            };
            let go_key = go.clone();
            view! {
                <select data-field="parent" aria-label=tr(l, Msg::EditMoveUnder)
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            ev.prevent_default();
                            moving.set(None);
                            focus_in_row(&i13, "org-move");
                        } else if pick.enter(&ev) {
                            go_key(&ev);
                        }
                    }
                    on:change=move |ev| if pick.picked() { go(&ev) }>
                    <option value="" selected=true>{tr(l, Msg::EditMoveUnder)}</option>
                    {opts}
                </select>
            }
        });
        // The question a unit with units under it asks; Escape or "Cancel" puts focus back on
        // its "×".
        let (i11, i12) = (id.clone(), id.clone());
        let delete_row = r.deleting.then(|| view! {
            <span class="org-delete-choice" role="group" on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" {
                    deleting.set(None);
                    focus_in_row(&i11, "org-delete");
                }
            }>
                <button type="button" data-action="org-delete-all"
                    on:click=move |_| delete_unit(&i7, false)>{tr(l, Msg::EditDeleteAll)}</button>
                <button type="button" data-action="org-delete-keep"
                    on:click=move |_| delete_unit(&i8, true)>{tr(l, Msg::EditDeleteKeep)}</button>
                <button type="button" data-action="org-delete-cancel" on:click=move |_| {
                    deleting.set(None);
                    focus_in_row(&i12, "org-delete");
                }>{tr(l, Msg::EditCancel)}</button>
            </span>
        });
        view! {
            <tr data-org-unit=id.clone() data-depth=r.depth>
                <td class=format!("org-name d{}", r.depth.min(9))>
                    // Which level of the tree the row is, said with its name: the indent alone
                    // shows it only to the eye.
                    <input type="text" data-field="name" value=r.zh.clone()
                        aria-label=format!("{} · {} · {}", label, trf(l, Msg::EditLevel, &[&(r.depth + 1).to_string()]), tr(l, Msg::EditName))
                        on:change=move |ev| {
                            let zh = event_target_value(&ev);
                            typed_edit(&i1, &|u| Edit::Rename { id: i1.clone(), zh: zh.clone(), en: u.name.get(Lang::En).to_string() });
                        }/>
                </td>
                <td>
                    <input type="text" data-field="name_en" value=r.en.clone() aria-label=format!("{} · {}", label, tr(l, Msg::EditNameEn))
                        on:change=move |ev| {
                            let en = event_target_value(&ev);
                            typed_edit(&i2, &|u| Edit::Rename { id: i2.clone(), zh: u.name.get(Lang::Zh).to_string(), en: en.clone() });
                        }/>
                </td>
                <td>
                    // The keys on the closed list only move its choice: it is taken by Enter
                    // or when focus leaves the list (as a typed staff figure is), one edit
                    // and one undo step; a pick with the mouse or the open list at once.
                    <select data-field="kind" aria-label=format!("{} · {}", label, tr(l, Msg::EditKind))
                        on:keydown={
                            let set_kind = set_kind.clone();
                            move |ev| if kind_pick.enter(&ev) { set_kind(&ev) }
                        }
                        on:change={
                            let set_kind = set_kind.clone();
                            move |ev| if kind_pick.picked() { set_kind(&ev) }
                        }
                        on:blur=move |ev| set_kind(&ev)>{kinds}</select>
                </td>
                <td>
                    <input type="number" min="0" step="1" inputmode="numeric" data-field="organ" value=organ
                        aria-label=format!("{} · {}", label, tr(l, Msg::EditOrgan))
                        on:change=move |ev| { if let Some(v) = staff_typed(&ev, problem) {
                            typed_edit(&i4, &|u| Edit::Staff { id: i4.clone(), staff: Staff::new(v, u.staff.frontline) });
                        } }/>
                </td>
                <td>
                    <input type="number" min="0" step="1" inputmode="numeric" data-field="frontline" value=frontline
                        aria-label=format!("{} · {}", label, tr(l, Msg::EditFrontline))
                        on:change=move |ev| { if let Some(v) = staff_typed(&ev, problem) {
                            typed_edit(&i5, &|u| Edit::Staff { id: i5.clone(), staff: Staff::new(u.staff.organ, v) });
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
                                focus_in_row(&id, "org-delete-all");
                            } else {
                                delete_unit(&id, false);
                            }
                        }>"×"</button>
                    {move_row}
                    {delete_row}
                </td>
            </tr>
        }
    };
    // The table around the rows is drawn again only when the count or the window changes.
    let shape = Memo::new(move |_| rows.with(|r| (r.1, r.2)));
    let table = move || {
        let l = lang.get();
        let (total, start) = shape.get();
        (total > 0).then(|| view! {
            {(total > MAX_ROWS).then(|| {
                let text = if start == 0 {
                    trf(l, Msg::EditRowsCut, &[&MAX_ROWS.to_string(), &total.to_string()])
                } else {
                    trf(l, Msg::EditRowsWindow, &[&(start + 1).to_string(), &(start + MAX_ROWS).min(total).to_string(), &total.to_string()])
                };
                view! { <p class="hint" data-org-rows-cut=total data-org-rows-from=start + 1>{text}</p> }
            })}
            <TableScroll lang=lang>
                <table class="org-table" data-org-table=total>
                    <thead><tr>
                        <th scope="col">{tr(l, Msg::EditName)}</th>
                        <th scope="col">{tr(l, Msg::EditNameEn)}</th>
                        <th scope="col">{tr(l, Msg::EditKind)}</th>
                        <th scope="col">{tr(l, Msg::EditOrgan)}</th>
                        <th scope="col">{tr(l, Msg::EditFrontline)}</th>
                        <th scope="col">{tr(l, Msg::EditActions)}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.with(|r| r.0.to_vec()) key=RowData::key children=row_view/>
                    </tbody>
                </table>
            </TableScroll>
        })
    };
    // A unit asked for from the diagram: open the panel at it, with focus on its name.
    Effect::new(move |_| {
        let Some(id) = state.edit_unit.get() else {
            return;
        };
        if let Some(d) = details.get_untracked() {
            d.set_open(true);
        }
        jumped.set_value(true);
        open.set(true);
        refocus(Some((id, "name".into())), false);
    });
    let on_toggle = move |ev: web_sys::Event| crate::ui::follow_toggle(&ev, open);

    view! {
        <details class="org-editor" data-panel="org-editor" node_ref=details on:keydown=on_key on:toggle=on_toggle>
            <summary>{move || tr(lang.get(), Msg::EditTitle)}</summary>
            <p class="hint">{move || tr(lang.get(), Msg::EditHint)}</p>
            <p class="saved-files">
                <button type="button" data-action="org-undo"
                    disabled=move || { stacks.get(); undo.with_value(Vec::is_empty) }
                    on:click=move |_| {
                        step(true);
                        // Nothing left to undo: the button disables itself, focus goes to "Redo".
                        if undo.with_value(Vec::is_empty) {
                            crate::ui::focus_after_redraw("[data-action=\"org-redo\"]".into());
                        }
                    }>{move || tr(lang.get(), Msg::EditUndo)}</button>
                <button type="button" data-action="org-redo"
                    disabled=move || { stacks.get(); redo.with_value(Vec::is_empty) }
                    on:click=move |_| {
                        step(false);
                        if redo.with_value(Vec::is_empty) {
                            crate::ui::focus_after_redraw("[data-action=\"org-undo\"]".into());
                        }
                    }>{move || tr(lang.get(), Msg::EditRedo)}</button>
            </p>
            {move || problem.get().map(|e| view! {
                <p class="saved-status bad" role="alert" data-edit-error="1">{tr(lang.get(), e)}</p>
            })}
            {table}
        </details>
    }
}
