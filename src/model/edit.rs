//! Edits to the user's own organisation, as the page makes them: rename, change kind or staff,
//! add a unit under another, move a unit (and what is under it) under another, delete a unit
//! with what is under it or moving its units up. Each gives a new tree or says why not; the
//! tree it was given is never changed, so undo is keeping the old one.

use crate::i18n::Name;
use crate::model::org::{Id, Staff, Unit, UnitKind, MAX_TOTAL_STAFF};

/// What the user does to one unit (named by id).
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Rename {
        id: String,
        zh: String,
        en: String,
    },
    Kind {
        id: String,
        kind: UnitKind,
    },
    Staff {
        id: String,
        staff: Staff,
    },
    /// A new unit of `kind` under `parent`, last among its units; its id is the first free
    /// `new-<n>`.
    AddChild {
        parent: String,
        kind: UnitKind,
    },
    /// `id` and everything under it go under `parent`, last among its units.
    Move {
        id: String,
        parent: String,
    },
    /// `id` goes; with `keep_units`, the units directly under it move up to its parent (in its
    /// place, in order), else they go with it.
    Delete {
        id: String,
        keep_units: bool,
    },
}

/// Why an edit cannot be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditError {
    /// No unit has that id (the organisation changed under the page).
    NoSuchUnit,
    /// The top unit cannot be deleted or moved.
    TopUnit,
    /// A unit cannot move under itself or a unit under it.
    UnderItself,
    /// A name must not be empty.
    EmptyName,
    /// More units than an organisation may have.
    TooMany,
    /// More officers in all than an organisation may have (`MAX_TOTAL_STAFF`).
    TooManyStaff,
}

/// Officers in `u`'s subtree, summed wide (a sum of `u32`s that cannot wrap).
fn total_staff(u: &Unit) -> u64 {
    u64::from(u.staff.organ)
        + u64::from(u.staff.frontline)
        + u.children.iter().map(total_staff).sum::<u64>()
}

/// Units in `u`'s subtree, itself included.
pub fn count(u: &Unit) -> usize {
    1 + u.children.iter().map(count).sum::<usize>()
}

/// The unit with `id` in `u`'s subtree.
pub fn find<'a>(u: &'a Unit, id: &str) -> Option<&'a Unit> {
    if u.id.as_str() == id {
        return Some(u);
    }
    u.children.iter().find_map(|c| find(c, id))
}

/// The unit with `id` changed by `f`, if it is in `u`'s subtree.
fn change(u: &mut Unit, id: &str, f: &mut dyn FnMut(&mut Unit)) -> bool {
    if u.id.as_str() == id {
        f(u);
        return true;
    }
    // Only the path to the unit is copied (children are copy-on-write).
    let Some(i) = u.children.iter().position(|c| find(c, id).is_some()) else {
        return false;
    };
    match u.children.get_mut(i) {
        Some(c) => change(c, id, f),
        None => false,
    }
}

/// Takes the unit `id` out of `u`'s subtree (never `u` itself).
fn take(u: &mut Unit, id: &str) -> Option<Unit> {
    if let Some(i) = u.children.iter().position(|c| c.id.as_str() == id) {
        return Some(u.children.remove(i));
    }
    let i = u.children.iter().position(|c| find(c, id).is_some())?;
    take(u.children.get_mut(i)?, id)
}

/// The first id `new-<n>` no unit has.
fn fresh_id(tree: &Unit) -> Id {
    let mut n = count(tree) + 1;
    loop {
        let id = format!("new-{n}");
        if find(tree, &id).is_none() {
            return Id::from(id);
        }
        n += 1;
    }
}

/// The tree after `edit`, or why it cannot be made. `max_units` bounds additions.
pub fn apply(tree: &Unit, edit: &Edit, max_units: usize) -> Result<Unit, EditError> {
    let mut t = tree.clone();
    let ok = match edit {
        Edit::Rename { id, zh, en } => {
            let (zh, en) = (zh.trim(), en.trim());
            if zh.is_empty() && en.is_empty() {
                return Err(EditError::EmptyName);
            }
            let zh = if zh.is_empty() { en } else { zh };
            let en = if en.is_empty() { zh } else { en };
            change(&mut t, id, &mut |u| u.name = Name::new(zh, en))
        }
        Edit::Kind { id, kind } => change(&mut t, id, &mut |u| {
            u.kind = *kind;
            u.role = kind.name();
        }),
        Edit::Staff { id, staff } => {
            let ok = change(&mut t, id, &mut |u| u.staff = *staff);
            if total_staff(&t) > MAX_TOTAL_STAFF {
                return Err(EditError::TooManyStaff);
            }
            ok
        }
        Edit::AddChild { parent, kind } => {
            if count(tree) >= max_units {
                return Err(EditError::TooMany);
            }
            let id = fresh_id(tree);
            let name = kind.name();
            let n = id.as_str().trim_start_matches("new-").to_string();
            let unit = Unit::new(
                id,
                Name::new(
                    format!("新{}{n}", name.zh),
                    format!("New {} {n}", name.en.to_lowercase()),
                ),
                name,
                *kind,
            );
            change(&mut t, parent, &mut |u| u.children.push(unit.clone()))
        }
        Edit::Move { id, parent } => {
            if tree.id.as_str() == id {
                return Err(EditError::TopUnit);
            }
            let moving = find(tree, id).ok_or(EditError::NoSuchUnit)?;
            if find(moving, parent).is_some() {
                return Err(EditError::UnderItself);
            }
            find(tree, parent).ok_or(EditError::NoSuchUnit)?;
            let unit = take(&mut t, id).ok_or(EditError::NoSuchUnit)?;
            change(&mut t, parent, &mut |u| u.children.push(unit.clone()))
        }
        Edit::Delete { id, keep_units } => {
            if tree.id.as_str() == id {
                return Err(EditError::TopUnit);
            }
            let gone = find(tree, id).ok_or(EditError::NoSuchUnit)?;
            let kept: Vec<Unit> = if *keep_units {
                gone.children.iter().cloned().collect()
            } else {
                Vec::new()
            };
            // The parent: the unit one of whose children is `id`; the kept units take its place.
            let parent = parent_of(tree, id).ok_or(EditError::NoSuchUnit)?;
            change(&mut t, parent.id.as_str(), &mut |u| {
                if let Some(i) = u.children.iter().position(|c| c.id.as_str() == id) {
                    u.children.splice(i..=i, kept.iter().cloned());
                }
            })
        }
    };
    if ok {
        Ok(t)
    } else {
        Err(EditError::NoSuchUnit)
    }
}

/// A kind for a new unit under `parent`: the kind most of its units have, else the kind a
/// unit of its kind usually has under it.
pub fn child_kind(parent: &Unit) -> UnitKind {
    let mut counts: Vec<(UnitKind, usize)> = Vec::new();
    for c in parent.children.iter() {
        match counts.iter_mut().find(|(k, _)| *k == c.kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((c.kind, 1)),
        }
    }
    if let Some((k, _)) = counts.iter().max_by_key(|(_, n)| *n) {
        return *k;
    }
    match parent.kind {
        UnitKind::MunicipalBureau => UnitKind::SubBureau,
        UnitKind::SubBureau | UnitKind::CountyBureau => UnitKind::Station,
        UnitKind::Station | UnitKind::CentralStation | UnitKind::District => UnitKind::Team,
        UnitKind::InternalUnit => UnitKind::Section,
        _ => UnitKind::Group,
    }
}

/// The unit directly above `id`.
pub fn parent_of<'a>(u: &'a Unit, id: &str) -> Option<&'a Unit> {
    if u.children.iter().any(|c| c.id.as_str() == id) {
        return Some(u);
    }
    u.children.iter().find_map(|c| parent_of(c, id))
}
