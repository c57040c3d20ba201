//! Unit lineage between the baseline and a later step: which old units each new unit was
//! formed from, and what became of every old unit.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::i18n::{name_runs, tr, trf, Lang, Msg};
use crate::model::org::{Id, Unit, UnitKind};

/// A map keyed by unit id, with a hash that is quick on short ids (an Fx-style multiply and
/// rotate: ids are the model's own, so there is no adversary to resist).
pub type IdMap<'a, V> = HashMap<&'a str, V, BuildHasherDefault<IdHasher>>;

/// A map keyed by owned unit ids (shared, so a key costs no allocation), with `IdMap`'s hash.
pub type OwnedIdMap<V> = HashMap<Id, V, BuildHasherDefault<IdHasher>>;

/// The hasher of `IdMap`.
#[derive(Clone, Copy, Debug, Default)]
pub struct IdHasher(u64);

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        let mut word = [0u8; 8];
        for c in &mut chunks {
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// An empty `IdMap` or `OwnedIdMap` with room for `capacity` ids.
fn id_map<K, V>(capacity: usize) -> HashMap<K, V, BuildHasherDefault<IdHasher>> {
    HashMap::with_capacity_and_hasher(capacity, BuildHasherDefault::default())
}

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
    pub before: IdMap<'a, Change>,
    pub after: IdMap<'a, Change>,
}

/// The positions `Baseline::sources` found last, and for which lineage list.
#[derive(Default)]
struct SourceCache {
    key: Option<(*const Id, usize)>,
    idx: Vec<usize>,
}

/// The baseline units in walk order, and where each id stands.
struct Baseline<'a> {
    units: Vec<&'a Unit>,
    index: IdMap<'a, usize>,
}

impl<'a> Baseline<'a> {
    fn new(before: &'a Unit) -> Self {
        let units: Vec<&Unit> = before.walk().into_iter().map(|(_, u)| u).collect();
        let mut index = id_map(units.len());
        index.extend(units.iter().enumerate().map(|(i, u)| (u.id.as_str(), i)));
        Baseline { units, index }
    }
    /// Positions of the baseline units `u` was formed from, in baseline order, once each.
    /// Siblings formed from the same parts share one lineage list (`Unit::with_from`): the
    /// last list's positions are kept in `last` and reused for the same list.
    fn sources<'c>(&self, u: &Unit, last: &'c mut SourceCache) -> &'c [usize] {
        let key = (u.from.as_ptr(), u.from.len());
        if last.key != Some(key) {
            last.key = Some(key);
            last.idx.clear();
            last.idx.extend(
                u.from
                    .iter()
                    .filter_map(|id| self.index.get(id.as_str()).copied()),
            );
            last.idx.sort_unstable();
            last.idx.dedup();
        }
        &last.idx
    }
    fn formed(&self, unit: &'a Unit, idx: &[usize]) -> Formed<'a> {
        Formed {
            unit,
            from: idx.iter().map(|&i| self.units[i]).collect(),
        }
    }
}

/// A fingerprint of what the change marks are made of: every unit's id, kind and lineage list
/// and the tree's shape, in walk order (staff, names and everything else left out). Two trees
/// with the same shape get the same marks against the same baseline (`tests/cases.rs`), so the
/// page remakes them only when a shape changes.
pub fn shape(root: &Unit) -> u64 {
    use std::hash::Hash;
    let mut h = IdHasher::default();
    let mut stack = vec![root];
    while let Some(u) = stack.pop() {
        h.write(u.id.as_str().as_bytes());
        u.kind.hash(&mut h);
        h.write_usize(u.from.len());
        for id in u.from.iter() {
            h.write(id.as_str().as_bytes());
        }
        h.write_usize(u.children.len());
        for c in u.children.iter().rev() {
            stack.push(c);
        }
    }
    h.finish()
}

/// Walks `after` against the baseline and calls `each(unit, change, sources)` for every later
/// unit (`sources`: the baseline positions a formed unit came from); returns the change of
/// every baseline unit, by baseline position.
fn classify<'a>(
    base: &Baseline<'a>,
    after: &'a Unit,
    mut each: impl FnMut(&'a Unit, Change, &[usize]),
) -> Vec<Change> {
    let n = base.units.len();
    // By baseline position: still there (same id, not formed), or gone into a later unit.
    let mut kept = vec![false; n];
    let mut used = vec![false; n];
    let mut last = SourceCache::default();
    for (_, u) in after.walk() {
        let idx = base.sources(u, &mut last);
        let change = if !idx.is_empty() {
            for &i in idx {
                used[i] = true;
            }
            Change::Formed
        } else if let Some(&i) = base.index.get(u.id.as_str()).filter(|_| u.from.is_empty()) {
            kept[i] = true;
            Change::Kept
        } else {
            Change::New
        };
        each(u, change, idx);
    }
    (0..n)
        .map(|i| {
            if kept[i] {
                Change::Kept
            } else if used[i] {
                Change::MergedInto
            } else {
                Change::Abolished
            }
        })
        .collect()
}

/// Only the later units formed from baseline units (what the lineage list shows): cheaper than
/// `Lineage::of`, which also classifies every id.
pub fn formed<'a>(before: &'a Unit, after: &'a Unit) -> Vec<Formed<'a>> {
    formed_in(after.walk().into_iter().map(|(_, u)| u), before, &mut None)
}

/// `formed` over the later units `after` (in walk order). The baseline of `before` is made
/// into `base` only when one of them was formed.
fn formed_in<'a>(
    after: impl Iterator<Item = &'a Unit>,
    before: &'a Unit,
    base: &mut Option<Baseline<'a>>,
) -> Vec<Formed<'a>> {
    let formed_units: Vec<&Unit> = after.filter(|u| !u.from.is_empty()).collect();
    if formed_units.is_empty() {
        return Vec::new();
    }
    let base = base.get_or_insert_with(|| Baseline::new(before));
    let mut last = SourceCache::default();
    formed_units
        .into_iter()
        .filter_map(|u| {
            let idx = base.sources(u, &mut last);
            (!idx.is_empty()).then(|| base.formed(u, idx))
        })
        .collect()
}

/// One entry of the lineage list as the page writes it: the formed unit's id, its name, how
/// many old units formed it, and their names.
pub type ListEntry = (String, (String, String, String));

/// The names of the old units an entry shows at most (numbered runs count as one).
const LIST_NAMES: usize = 12;

/// The lineage list of `after` against `before`, in language `l`, in `after`'s order.
/// - An entry's name tells it from the others: a unit two or more levels down is named with its
///   parent ("Community policing · Team 6"), and entries that still read alike with their
///   grandparent and so on ("Sub-bureau 2 · Community policing · Team 6").
/// - The old units are named in baseline order, with their parent when the baseline has more
///   than one unit of that name ("Sub-bureau 2 · Department 1"), numbered runs as one ("Fire
///   section 1–6"), at most twelve names or runs and then how many more units.
pub fn list<'a>(before: &'a Unit, after: &'a Unit, l: Lang) -> Vec<ListEntry> {
    let after_units: Vec<&Unit> = after.walk().into_iter().map(|(_, u)| u).collect();
    let mut base = None;
    let formed = formed_in(after_units.iter().copied(), before, &mut base);
    let Some(base) = base.filter(|_| !formed.is_empty()) else {
        return Vec::new();
    };
    // Every unit's parent, to name an entry by its parents.
    let mut parent: IdMap<&Unit> = id_map(after_units.len());
    for u in &after_units {
        for c in &u.children {
            parent.insert(c.id.as_str(), u);
        }
    }
    // The parents (below the root) of each entry, nearest first.
    let chains: Vec<Vec<&str>> = formed
        .iter()
        .map(|f| {
            let mut chain = Vec::new();
            let mut at = f.unit.id.as_str();
            while let Some(p) = parent.get(at) {
                if parent.contains_key(p.id.as_str()) {
                    chain.push(p.name.get(l));
                }
                at = p.id.as_str();
            }
            chain
        })
        .collect();
    let label = |i: usize, depth: usize| {
        let mut parts: Vec<&str> = chains[i].iter().take(depth).rev().copied().collect();
        parts.push(formed[i].unit.name.get(l));
        parts.join(" · ")
    };
    // One parent each, then one more for the entries that still read alike, while any can.
    let mut depth: Vec<usize> = chains.iter().map(|c| c.len().min(1)).collect();
    let mut labels: Vec<String> = (0..formed.len()).map(|i| label(i, depth[i])).collect();
    loop {
        let mut seen: IdMap<usize> = id_map(labels.len());
        for t in &labels {
            *seen.entry(t.as_str()).or_default() += 1;
        }
        let alike: Vec<usize> = (0..labels.len())
            .filter(|&i| seen[labels[i].as_str()] > 1 && depth[i] < chains[i].len())
            .collect();
        if alike.is_empty() {
            break;
        }
        for i in alike {
            depth[i] += 1;
            labels[i] = label(i, depth[i]);
        }
    }
    // An old unit is said with its parent's name when the baseline gives its name to more than
    // one unit ("Sub-bureau 2 · Department 1": every sub-bureau had a department 1), unless the
    // entry itself is under a unit of that name (a system of sub-bureau 2 formed from
    // departments 1 to 6 says "Department 1–6").
    let mut before_parent: IdMap<&Unit> = id_map(base.units.len());
    let mut uses: IdMap<usize> = id_map(base.units.len());
    for u in &base.units {
        *uses.entry(u.name.get(l)).or_default() += 1;
        for c in &u.children {
            before_parent.insert(c.id.as_str(), u);
        }
    }
    let old_name = |u: &'a Unit, under: &[&str]| -> Cow<'a, str> {
        let name = u.name.get(l);
        match before_parent.get(u.id.as_str()) {
            Some(p)
                if uses.get(name) > Some(&1)
                    && before_parent.contains_key(p.id.as_str())
                    && !under.contains(&p.name.get(l)) =>
            {
                format!("{} · {name}", p.name.get(l)).into()
            }
            _ => name.into(),
        }
    };
    let sep = l.name_separator();
    formed
        .iter()
        .zip(labels)
        .zip(&chains)
        .map(|((f, name), under)| {
            let olds: Vec<Cow<'a, str>> = f.from.iter().map(|&u| old_name(u, under)).collect();
            let runs = name_runs(olds.iter().map(AsRef::as_ref));
            let shown: Vec<&str> = runs.iter().take(LIST_NAMES).map(|r| r.0.as_ref()).collect();
            let more: usize = runs.iter().skip(LIST_NAMES).map(|r| r.1).sum();
            let mut text = shown.join(sep);
            if more > 0 {
                text.push_str(&trf(l, Msg::AndMore, &[&more.to_string()]));
            }
            let count = if f.from.len() == 1 {
                tr(l, Msg::FormedFromOne).to_string()
            } else {
                trf(l, Msg::FormedFrom, &[&f.from.len().to_string()])
            };
            (f.unit.id.to_string(), (name, count, text))
        })
        .collect()
}

impl<'a> Lineage<'a> {
    pub fn of(before: &'a Unit, after: &'a Unit) -> Self {
        let base = Baseline::new(before);
        let mut formed = Vec::new();
        let mut after_change = id_map(base.units.len());
        let before = classify(&base, after, |u, change, idx| {
            if change == Change::Formed {
                formed.push(base.formed(u, idx));
            }
            after_change.insert(u.id.as_str(), change);
        });
        let mut before_change = id_map(base.units.len());
        before_change.extend(
            base.units
                .iter()
                .zip(before)
                .map(|(u, c)| (u.id.as_str(), c)),
        );
        Lineage {
            formed,
            before: before_change,
            after: after_change,
        }
    }
}

/// How the units of one kind changed between the baseline and a later step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindChange {
    pub kind: UnitKind,
    pub before: usize,
    pub after: usize,
    /// Baseline units still there (same id, not rebuilt).
    pub kept: usize,
    /// Baseline units that went into later units.
    pub merged: usize,
    /// Baseline units gone without a successor.
    pub abolished: usize,
    /// Later units formed from baseline units.
    pub formed: usize,
    /// Later units with no baseline origin.
    pub new: usize,
}

/// The change of every unit of both trees, owned (for marks on diagram boxes), and a count
/// per kind (for the summary "内设机构 32 → 9").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    pub before: OwnedIdMap<Change>,
    pub after: OwnedIdMap<Change>,
    /// Kinds in order, only those present in either tree.
    pub by_kind: Vec<KindChange>,
}

impl KindChange {
    /// The entry for `kind`, added if missing.
    fn entry(all: &mut Vec<KindChange>, kind: UnitKind) -> &mut KindChange {
        let i = match all.iter().position(|k| k.kind == kind) {
            Some(i) => i,
            None => {
                all.push(KindChange {
                    kind,
                    before: 0,
                    after: 0,
                    kept: 0,
                    merged: 0,
                    abolished: 0,
                    formed: 0,
                    new: 0,
                });
                all.len() - 1
            }
        };
        &mut all[i]
    }
}

impl Changes {
    /// The same classification as [`Lineage::of`], made in one walk of each tree straight into
    /// the owned maps and the counts (no borrowed maps, no second walk).
    pub fn of(before: &Unit, after: &Unit) -> Changes {
        let base = Baseline::new(before);
        let mut by_kind: Vec<KindChange> = Vec::new();
        let mut out_after: OwnedIdMap<Change> = id_map(base.units.len());
        let changes = classify(&base, after, |u, c, _| {
            let k = KindChange::entry(&mut by_kind, u.kind);
            k.after += 1;
            match c {
                Change::Formed => k.formed += 1,
                Change::New => k.new += 1,
                _ => {}
            }
            out_after.insert(u.id.clone(), c);
        });
        let mut out_before: OwnedIdMap<Change> = id_map(base.units.len());
        for (u, c) in base.units.iter().zip(changes) {
            let k = KindChange::entry(&mut by_kind, u.kind);
            k.before += 1;
            match c {
                Change::Kept => k.kept += 1,
                Change::MergedInto => k.merged += 1,
                _ => k.abolished += 1,
            }
            out_before.insert(u.id.clone(), c);
        }
        super::order::sort_by_key(&mut by_kind, |k| k.kind);
        Changes {
            before: out_before,
            after: out_after,
            by_kind,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Name, Text};

    fn u(id: &str) -> Unit {
        Unit::new(
            id,
            Name::numbered(Text::new("u", "u"), 0),
            Text::new("", ""),
            UnitKind::InternalUnit,
        )
    }

    /// A unit named `text` `n` ("Team 3").
    fn named(id: &str, text: &'static str, n: usize) -> Unit {
        Unit::new(
            id,
            Name::numbered(Text::new(text, text), n),
            Text::new("", ""),
            UnitKind::InternalUnit,
        )
    }

    #[test]
    fn the_list_says_whose_units_when_names_repeat() {
        // Two sections, each with teams 1 to 3; after, each section has one merged team, and a
        // third section takes teams of both.
        let section = |id: &str, n| {
            named(id, "Section", n).with_children(
                (1..=3)
                    .map(|t| named(&format!("{id}/t{t}"), "Team", t))
                    .collect(),
            )
        };
        let before = u("root").with_children(vec![section("s1", 1), section("s2", 2)]);
        let teams = |s: usize| before.children[s].children.iter().collect::<Vec<_>>();
        let merged = |id: &str, s: usize| named(id, "Team", 1).formed_from(teams(s));
        let mixed = named("s3/t1", "Team", 1).formed_from([teams(0)[2], teams(1)[0]]);
        let after = u("root").with_children(vec![
            named("s1", "Section", 1).with_children(vec![merged("s1/t1", 0)]),
            named("s2", "Section", 2).with_children(vec![merged("s2/t1", 1)]),
            named("s3", "Section", 3).with_children(vec![mixed]),
        ]);
        let texts: Vec<(String, String)> = list(&before, &after, Lang::En)
            .into_iter()
            .map(|(_, (name, _, from))| (name, from))
            .collect();
        let own = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            texts,
            [
                // Under a section of the same name: its own teams, as a run.
                own("Section 1 · Team 1", "Team 1–3"),
                own("Section 2 · Team 1", "Team 1–3"),
                // Teams of other sections: whose.
                own(
                    "Section 3 · Team 1",
                    "Section 1 · Team 3, Section 2 · Team 1"
                ),
            ]
        );
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
        let c = Changes::of(&before, &after);
        let k = &c.by_kind[0];
        assert_eq!((k.before, k.after), (5, 3));
        assert_eq!((k.kept, k.merged, k.abolished), (1, 3, 1));
        assert_eq!((k.formed, k.new), (1, 1));
        assert_eq!(c.before["d"], Change::Abolished);
        assert_eq!(c.after["abc"], Change::Formed);
    }
}
