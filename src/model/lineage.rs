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

/// The baseline units in walk order, and where each id stands.
struct Baseline<'a> {
    units: Vec<&'a Unit>,
    index: HashMap<&'a str, usize>,
}

impl<'a> Baseline<'a> {
    fn new(before: &'a Unit) -> Self {
        let units: Vec<&Unit> = before.walk().into_iter().map(|(_, u)| u).collect();
        let index = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.as_str(), i))
            .collect();
        Baseline { units, index }
    }
    fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }
    /// Positions of the baseline units `u` was formed from, in baseline order, once each.
    fn sources(&self, u: &Unit) -> Vec<usize> {
        let mut idx: Vec<usize> = u
            .from
            .iter()
            .filter_map(|id| self.index.get(id.as_str()).copied())
            .collect();
        idx.sort_unstable();
        idx.dedup();
        idx
    }
    fn formed(&self, unit: &'a Unit, idx: &[usize]) -> Formed<'a> {
        Formed {
            unit,
            from: idx.iter().map(|&i| self.units[i]).collect(),
        }
    }
}

/// Only the later units formed from baseline units (what the lineage list shows): cheaper than
/// `Lineage::of`, which also classifies every id.
pub fn formed<'a>(before: &'a Unit, after: &'a Unit) -> Vec<Formed<'a>> {
    let formed_units: Vec<&Unit> = after
        .walk()
        .into_iter()
        .map(|(_, u)| u)
        .filter(|u| !u.from.is_empty())
        .collect();
    if formed_units.is_empty() {
        return Vec::new();
    }
    let base = Baseline::new(before);
    formed_units
        .into_iter()
        .filter_map(|u| {
            let idx = base.sources(u);
            (!idx.is_empty()).then(|| base.formed(u, &idx))
        })
        .collect()
}

impl<'a> Lineage<'a> {
    pub fn of(before: &'a Unit, after: &'a Unit) -> Self {
        let base = Baseline::new(before);
        let mut formed = Vec::new();
        let mut after_change = HashMap::new();
        let mut used: HashSet<usize> = HashSet::new();
        let mut kept: HashSet<&str> = HashSet::new();
        for (_, u) in after.walk() {
            let idx = base.sources(u);
            let change = if !idx.is_empty() {
                used.extend(idx.iter().copied());
                formed.push(base.formed(u, &idx));
                Change::Formed
            } else if u.from.is_empty() && base.contains(&u.id) {
                kept.insert(u.id.as_str());
                Change::Kept
            } else {
                Change::New
            };
            after_change.insert(u.id.as_str(), change);
        }
        let before_change = base
            .units
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
