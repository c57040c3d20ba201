//! Unit lineage between the baseline and a later step: which old units each new unit was
//! formed from, and what became of every old unit.

use std::collections::{HashMap, HashSet};

use crate::model::org::Unit;

/// What happened to a baseline unit, or where a later unit came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// The same unit (same id) is still there and was not formed by a merge.
    Kept,
    /// Formed from one or more baseline units (a merge, or a unit rebuilt from one).
    Formed,
    /// A later unit with no baseline origin.
    New,
    /// A baseline unit that went into one or more later units.
    MergedInto,
    /// A baseline unit that is gone and went into no later unit.
    Abolished,
}

/// One later unit formed from baseline units.
#[derive(Clone, Debug, PartialEq)]
pub struct Formed<'a> {
    pub unit: &'a Unit,
    /// The baseline units it was formed from, in baseline order.
    pub from: Vec<&'a Unit>,
}

/// The lineage of `after` with respect to `before`.
#[derive(Clone, Debug, PartialEq)]
pub struct Lineage<'a> {
    /// Later units formed from baseline units, in the later tree's order.
    pub formed: Vec<Formed<'a>>,
    /// For every unit id of either tree: its change (`before` ids: Kept, MergedInto or
    /// Abolished; `after` ids: Kept, Formed or New).
    pub before: HashMap<&'a str, Change>,
    pub after: HashMap<&'a str, Change>,
}

/// Only the later units formed from baseline units (what the lineage list shows): cheaper than
/// `Lineage::of`, which also classifies every id.
pub fn formed<'a>(before: &'a Unit, after: &'a Unit) -> Vec<Formed<'a>> {
    let mut formed_units: Vec<&Unit> = Vec::new();
    for (_, u) in after.walk() {
        if !u.from.is_empty() {
            formed_units.push(u);
        }
    }
    if formed_units.is_empty() {
        return Vec::new();
    }
    let old: Vec<&Unit> = before.walk().into_iter().map(|(_, u)| u).collect();
    let old_ids: HashMap<&str, usize> = old
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.as_str(), i))
        .collect();
    formed_units
        .into_iter()
        .filter_map(|u| {
            let mut idx: Vec<usize> = u
                .from
                .iter()
                .filter_map(|id| old_ids.get(id.as_str()).copied())
                .collect();
            idx.sort_unstable();
            idx.dedup();
            (!idx.is_empty()).then(|| Formed {
                unit: u,
                from: idx.iter().map(|&i| old[i]).collect(),
            })
        })
        .collect()
}

impl<'a> Lineage<'a> {
    pub fn of(before: &'a Unit, after: &'a Unit) -> Self {
        let old: Vec<&Unit> = before.walk().into_iter().map(|(_, u)| u).collect();
        let old_ids: HashMap<&str, usize> = old
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.as_str(), i))
            .collect();
        let mut formed = Vec::new();
        let mut after_change = HashMap::new();
        let mut used: HashSet<usize> = HashSet::new();
        let mut kept: HashSet<&str> = HashSet::new();
        for (_, u) in after.walk() {
            let change = if u.from.is_empty() {
                if old_ids.contains_key(u.id.as_str()) {
                    kept.insert(u.id.as_str());
                    Change::Kept
                } else {
                    Change::New
                }
            } else {
                let mut idx: Vec<usize> = u
                    .from
                    .iter()
                    .filter_map(|id| old_ids.get(id.as_str()).copied())
                    .collect();
                idx.sort_unstable();
                idx.dedup();
                if idx.is_empty() {
                    Change::New
                } else {
                    used.extend(idx.iter().copied());
                    formed.push(Formed {
                        unit: u,
                        from: idx.iter().map(|&i| old[i]).collect(),
                    });
                    Change::Formed
                }
            };
            after_change.insert(u.id.as_str(), change);
        }
        let before_change = old
            .iter()
            .enumerate()
            .map(|(i, u)| {
                let c = if kept.contains(u.id.as_str()) {
                    Change::Kept
                } else if used.contains(&i) {
                    Change::MergedInto
                } else {
                    Change::Abolished
                };
                (u.id.as_str(), c)
            })
            .collect();
        Lineage {
            formed,
            before: before_change,
            after: after_change,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Name, Text};
    use crate::model::org::UnitKind;

    fn u(id: &str) -> Unit {
        Unit::new(
            id,
            Name::numbered(Text::new("u", "u"), 0),
            Text::new("", ""),
            UnitKind::InternalUnit,
        )
    }

    #[test]
    fn merges_keeps_and_abolitions_are_told_apart() {
        let before = u("root").with_children(vec![u("a"), u("b"), u("c"), u("d")]);
        let ab = u("ab").formed_from([&before.children[0], &before.children[1]]);
        // A second merge of a merged unit resolves to baseline ids.
        let abc = u("abc").formed_from([&ab, &before.children[2]]);
        assert_eq!(abc.from, vec!["a", "b", "c"]);
        let after = u("root").with_children(vec![abc, u("new")]);
        let l = Lineage::of(&before, &after);
        assert_eq!(l.formed.len(), 1);
        let ids: Vec<&str> = l.formed[0].from.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(l.after["root"], Change::Kept);
        assert_eq!(l.after["abc"], Change::Formed);
        assert_eq!(l.after["new"], Change::New);
        assert_eq!(l.before["a"], Change::MergedInto);
        assert_eq!(l.before["d"], Change::Abolished);
        assert_eq!(l.before["root"], Change::Kept);
        assert_eq!(formed(&before, &after), l.formed);
    }
}
