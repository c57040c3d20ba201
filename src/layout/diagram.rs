//! The diagram of an organisation: which boxes to draw, their labels, and where they go.
//!
//! With grouping on, neighbouring sibling units of the same class and the same shape below
//! (e.g. twenty sub-bureaus each with three branches and a department) are drawn as one box
//! "×20"; their children are grouped across all members the same way. Staff on a group box
//! is the group's total, with the per-member range on its label.
//!
//! A box whose id is in `Options::collapsed` is drawn without what is below it (its label
//! says how many units are hidden). The tree grows top-down or left-right (`Orient`); left to
//! right gives labels more room, which suits long Chinese names.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::sync::Arc;

use crate::i18n::{format_number, tr, trf, Lang, Msg};
use crate::layout::text::{text_width, wrap};
use crate::layout::tidy::{tidy, Spacing, Tree};
use crate::model::lineage::{IdHasher, OwnedIdMap as IdMap};
use crate::model::org::{per_officer, Id, Lead, Unit, UnitKind};

pub const FONT: f64 = 13.0;
pub const LINE_HEIGHT: f64 = 17.0;
pub const PAD_X: f64 = 10.0;
pub const PAD_Y: f64 = 8.0;
pub const MAX_TEXT_WIDTH: f64 = 124.0;
/// Left to right, boxes may be wider (rows are not shared by siblings).
pub const MAX_TEXT_WIDTH_LR: f64 = 190.0;
pub const MIN_BOX_WIDTH: f64 = 64.0;
pub const SPACING: Spacing = Spacing { x: 14.0, y: 34.0 };
/// Left to right: the gap between siblings (vertical) and between levels (horizontal).
pub const SPACING_LR: Spacing = Spacing { x: 8.0, y: 40.0 };

/// Which way the tree grows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Orient {
    #[default]
    TopDown,
    LeftRight,
}

impl Orient {
    pub fn key(self) -> &'static str {
        match self {
            Orient::TopDown => "td",
            Orient::LeftRight => "lr",
        }
    }
    pub fn from_key(k: &str) -> Option<Orient> {
        match k {
            "td" => Some(Orient::TopDown),
            "lr" => Some(Orient::LeftRight),
            _ => None,
        }
    }
}

/// How to draw a diagram.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    pub lang: Lang,
    /// Group identical neighbours into one box ("分局 ×20").
    pub group: bool,
    pub orient: Orient,
    /// Ids of boxes drawn without what is below them.
    pub collapsed: HashSet<String>,
}

/// One box of the diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagramNode {
    /// The model id of the (first) unit the box stands for: the `data-unit-id` hook.
    pub id: Id,
    pub kind: UnitKind,
    /// How many units the box stands for (1 unless grouped).
    pub count: usize,
    /// The ids of the units a grouped box stands for; empty for a box of one unit (its `id`):
    /// see [`DiagramNode::ids`]. One allocation fewer per box.
    members: Vec<Id>,
    /// Staff of the units and everything below them.
    pub staff: u32,
    pub placeholder: bool,
    /// Run by its local government (see [`Lead`]): its parent only guides its work, and the
    /// line from it is a guidance line.
    pub local: bool,
    /// Label lines, already wrapped: the name first, then the staff. Shared: boxes with the
    /// same name and staff (teams of one branch, say) share one wrapped label.
    pub lines: Arc<[String]>,
    /// How many of `lines` are the name.
    pub name_lines: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub parent: Option<usize>,
    /// 0 for the root.
    pub depth: usize,
    /// How many boxes sit directly below it when expanded (0: nothing to collapse).
    pub below: usize,
    /// Drawn without what is below it.
    pub collapsed: bool,
    /// Units hidden below a collapsed box (every unit of every member's subtree).
    pub hidden: usize,
}

/// An elbow connector: from the parent's edge, along to the bend, across, and on to the child.
/// Plain numbers, so that a connector that did not move is found equal without formatting it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Edge {
    pub orient: Orient,
    pub from: (f64, f64),
    /// Where the connector turns: a y (top-down) or an x (left to right).
    pub bend: f64,
    pub to: (f64, f64),
    /// A guidance line (drawn dashed): the child is run by its local government, and its
    /// parent only guides its work (see [`Lead`]).
    pub guide: bool,
}

impl Edge {
    /// SVG path data ("M100.0 40.0V57.0H30.0V74.0").
    pub fn path(&self) -> String {
        let mut s = String::with_capacity(40);
        let mut put = |c: char, v: f64| {
            s.push(c);
            push_1dp(&mut s, v);
        };
        let ((px, py), (cx, cy)) = (self.from, self.to);
        match self.orient {
            Orient::TopDown => {
                put('M', px);
                put(' ', py);
                put('V', self.bend);
                put('H', cx);
                put('V', cy);
            }
            Orient::LeftRight => {
                put('M', px);
                put(' ', py);
                put('H', self.bend);
                put('V', cy);
                put('H', cx);
            }
        }
        s
    }
}

/// Appends `v` with one decimal ("12.5", "-3.0"), as `{:.1}` would but without the float
/// formatting machinery (which is slow in wasm and runs for every box of a big diagram).
/// Non-finite values are written as 0.
pub fn push_1dp(out: &mut String, v: f64) {
    let t = (v * 10.0).round();
    if !t.is_finite() || t.abs() >= 9.0e17 {
        out.push_str("0.0");
        return;
    }
    let t = t as i64;
    if t < 0 {
        out.push('-');
    }
    let a = t.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut n = 0;
    let mut whole = a / 10;
    loop {
        digits[n] = b'0' + (whole % 10) as u8;
        n += 1;
        whole /= 10;
        if whole == 0 {
            break;
        }
    }
    for d in digits[..n].iter().rev() {
        out.push(*d as char);
    }
    out.push('.');
    out.push((b'0' + (a % 10) as u8) as char);
}

/// `v` with one decimal (see [`push_1dp`]).
pub fn fmt_1dp(v: f64) -> String {
    let mut s = String::with_capacity(8);
    push_1dp(&mut s, v);
    s
}

/// A laid-out diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    /// Boxes in preorder (a parent before its children, children left to right).
    pub nodes: Vec<DiagramNode>,
    pub width: f64,
    pub height: f64,
    pub orient: Orient,
    /// Box position by the id of every unit it stands for, built on first use (a search or a
    /// focus asks for it, a parameter change does not).
    by_unit: ByUnit,
}

/// The lazily built unit → box map. Derived from the boxes, so it takes no part in equality.
#[derive(Clone, Debug, Default)]
struct ByUnit(std::sync::OnceLock<IdMap<usize>>);

impl PartialEq for ByUnit {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl DiagramNode {
    /// The ids of all the units the box stands for.
    pub fn ids(&self) -> &[Id] {
        if self.members.is_empty() {
            std::slice::from_ref(&self.id)
        } else {
            &self.members
        }
    }
}

impl Diagram {
    /// Each box's key, for the page's row of cells and its place in the drawing: a box of one
    /// unit is keyed by the unit's id; a grouped box ("派出所 ×13") by its parent's key, its kind
    /// and how many grouped boxes of that kind come before it under that parent. The first unit
    /// of a group changes when a parameter moves units between groups (Tianjin's stations, by
    /// size), and a key by that unit would have the page remove and build the group's whole
    /// subtree again for a box whose numbers alone changed.
    pub fn keys(&self) -> Vec<Id> {
        let mut keys: Vec<Id> = Vec::with_capacity(self.nodes.len());
        let mut seen: HashMap<(Option<usize>, UnitKind), usize> = HashMap::new();
        for n in &self.nodes {
            let key = if n.count == 1 {
                n.id.clone()
            } else {
                let k = seen.entry((n.parent, n.kind)).or_default();
                *k += 1;
                let parent = n.parent.map_or("", |p| keys[p].as_str());
                Id::from(format!("{parent}\u{1f}{}{}", n.kind.key(), k))
            };
            keys.push(key);
        }
        keys
    }
    /// The position of the box with this id (the id of its first unit).
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.box_of(id).filter(|&i| self.nodes[i].id == id)
    }
    /// The box with this id.
    pub fn node(&self, id: &str) -> Option<&DiagramNode> {
        self.index_of(id).map(|i| &self.nodes[i])
    }
    /// The box that draws the unit with this id (its own box or its group's).
    pub fn box_of(&self, unit_id: &str) -> Option<usize> {
        let map = self.by_unit.0.get_or_init(|| {
            let mut m = IdMap::with_capacity_and_hasher(self.nodes.len(), Default::default());
            for (i, n) in self.nodes.iter().enumerate() {
                for id in n.ids() {
                    m.insert(id.clone(), i);
                }
            }
            m
        });
        map.get(unit_id).copied()
    }
    /// The elbow connector from box `i`'s parent to box `i`.
    pub fn edge(&self, i: usize) -> Option<Edge> {
        let n = self.nodes.get(i)?;
        let p = self.nodes.get(n.parent?)?;
        Some(match self.orient {
            Orient::TopDown => {
                let (cx, cy) = (n.x + n.w / 2.0, n.y);
                Edge {
                    orient: Orient::TopDown,
                    from: (p.x + p.w / 2.0, p.y + p.h),
                    bend: cy - SPACING.y / 2.0,
                    to: (cx, cy),
                    guide: n.local,
                }
            }
            Orient::LeftRight => {
                let (cx, cy) = (n.x, n.y + n.h / 2.0);
                Edge {
                    orient: Orient::LeftRight,
                    from: (p.x + p.w, p.y + p.h / 2.0),
                    bend: cx - SPACING_LR.y / 2.0,
                    to: (cx, cy),
                    guide: n.local,
                }
            }
        })
    }
    /// The boxes to collapse so that at most `max` boxes are drawn: every box that has
    /// something below it on the deepest level that still fits. Empty if it fits already.
    pub fn collapse_to(&self, max: usize) -> Vec<String> {
        if self.nodes.len() <= max {
            return Vec::new();
        }
        let depth = self.nodes.iter().map(|n| n.depth).max().unwrap_or(0);
        let mut per_depth = vec![0usize; depth + 1];
        for n in &self.nodes {
            per_depth[n.depth] += 1;
        }
        // The deepest level d whose boxes (and all above) fit; its boxes close.
        let mut total = 0;
        let mut keep = 0;
        for (d, c) in per_depth.iter().enumerate() {
            total += c;
            if total > max {
                break;
            }
            keep = d;
        }
        self.nodes
            .iter()
            .filter(|n| n.depth == keep && n.below > 0 && !n.collapsed)
            .map(|n| n.id.to_string())
            .collect()
    }
}

/// Every unit of the tree in one list, breadth first, so that the children of a unit are one
/// contiguous range of it; with what the builder needs of each, computed bottom up: its shape
/// for grouping (its class and the distinct shapes of its children in order, ignoring how many
/// of each and their staff), its staff with everything below it, and how many units are below
/// it. Plain indices instead of a map keyed by unit.
struct Flat<'u> {
    unit: &'u Unit,
    /// The unit's children are `first..first + len`.
    first: usize,
    len: usize,
    sig: u64,
    staff: u32,
    /// Incidents of the unit and everything below it.
    incidents: u64,
    below: usize,
}

/// A hasher for pointer keys (one multiply) and short strings (FNV-1a), no SipHash rounds.
#[derive(Default)]
pub struct PtrHasher(u64);

impl Hasher for PtrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        if self.0 == 0 {
            self.0 = 0xcbf2_9ce4_8422_2325;
        }
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_usize(&mut self, n: usize) {
        // Folded into what is there (a tuple key hashes every field), not written over it.
        self.0 = (self.0 ^ n as u64)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }
}

/// What a unit's signature starts with: its kind, role (by address) and placeholder flag.
type Class = (UnitKind, *const u8, usize, bool, Lead);

/// A map with a quick hash (a word at a time) for the builder's small keys.
type QuickMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// The units of the tree under `root`, breadth first, summarised (see [`Flat`]).
fn flatten(root: &Unit) -> Vec<Flat<'_>> {
    let leaf = |unit| Flat {
        unit,
        first: 0,
        len: 0,
        sig: 0,
        staff: 0,
        incidents: 0,
        below: 0,
    };
    let mut flat = vec![leaf(root)];
    let mut i = 0;
    while let Some(f) = flat.get(i) {
        let u = f.unit;
        let first = flat.len();
        flat.extend(u.children.iter().map(leaf));
        flat[i].first = first;
        flat[i].len = u.children.len();
        i += 1;
    }
    // Children come after their parent, so one backward pass sees every child first. The
    // signature's start (class, role, placeholder) repeats along a run of siblings: kept.
    let mut start: Option<(Class, u64)> = None;
    for i in (0..flat.len()).rev() {
        let (head, tail) = flat.split_at_mut(i + 1);
        let f = &mut head[i];
        let u = f.unit;
        let class = (
            u.kind,
            u.role.en.as_ptr(),
            u.role.en.len(),
            u.placeholder,
            u.lead,
        );
        // FNV over a handful of bytes: the signature only tells shapes apart for grouping,
        // and SipHash's rounds cost more than the rest of this pass.
        let mut h = match start {
            Some((c, state)) if c == class => PtrHasher(state),
            _ => {
                let mut h = PtrHasher::default();
                u.kind.hash(&mut h);
                u.role.en.hash(&mut h);
                u.placeholder.hash(&mut h);
                u.lead.hash(&mut h);
                start = Some((class, h.0));
                h
            }
        };
        let mut staff = u.staff.total();
        let mut incidents = u.incidents;
        let mut below = 0;
        let mut last = None;
        let at = f.first - (i + 1);
        for c in &tail[at..at + f.len] {
            staff += c.staff;
            incidents += c.incidents;
            below += 1 + c.below;
            if last != Some(c.sig) {
                c.sig.hash(&mut h);
                last = Some(c.sig);
            }
        }
        f.sig = h.finish();
        f.staff = staff;
        f.incidents = incidents;
        f.below = below;
    }
    flat
}

/// The end of the run of siblings starting at `at` (children end at `end`): the next unit
/// alone without grouping, else every following unit with the same signature.
fn run_end(flat: &[Flat], at: usize, end: usize, group: bool) -> usize {
    if !group {
        return at + 1;
    }
    let sig = flat[at].sig;
    (at + 1..end).find(|&k| flat[k].sig != sig).unwrap_or(end)
}

/// A box's name as a label key, without formatting it: a numbered name by its fixed text (the
/// address of the language's text, which fixes the text) and number, any other by its text.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum NameKey<'u> {
    Text(&'u str),
    Numbered(*const u8, usize, usize),
}

/// A box's label before the "hidden below" line: its name (or class), how many units it
/// stands for, their smallest and largest staff, and their lowest and highest incidents per
/// officer in tenths (stations and districts with incidents only), and whether they are run
/// locally.
type LabelKey<'u> = (NameKey<'u>, usize, u32, u32, Option<(u64, u64)>, bool);

/// A wrapped label: its lines, how many are the name, and the widest line's width.
#[derive(Clone)]
struct Wrapped {
    lines: Arc<[String]>,
    name_lines: usize,
    width: f64,
}

/// Wrapped lines and the widest one's width.
struct Lines {
    lines: Vec<String>,
    width: f64,
}

struct Builder<'m, 'u> {
    flat: &'m [Flat<'u>],
    opts: &'m Options,
    tree: Tree,
    nodes: Vec<DiagramNode>,
    /// Labels already wrapped: most boxes of a big tree repeat a few (队1 · 6 人 …).
    labels: QuickMap<LabelKey<'u>, Wrapped>,
    /// Staff lines already wrapped, by count and smallest and largest staff.
    staff_lines: QuickMap<(usize, u32, u32), Lines>,
}

impl<'u> Builder<'_, 'u> {
    /// The label of a box for `members` (ranges of `flat`, `count` units in all), wrapped once
    /// per distinct name and staff.
    fn wrapped(&mut self, members: &[(usize, usize)], count: usize) -> Wrapped {
        let flat = self.flat;
        let first = flat[members[0].0].unit;
        let (mut mn, mut mx) = (u32::MAX, 0);
        let mut rate: Option<(u64, u64)> = None;
        for &(s, e) in members {
            for f in &flat[s..e] {
                mn = mn.min(f.staff);
                mx = mx.max(f.staff);
                if let Some(r) = per_officer(f.unit.kind, f.incidents, f.staff) {
                    let t = (r * 10.0).round() as u64;
                    rate = Some(rate.map_or((t, t), |(a, b)| (a.min(t), b.max(t))));
                }
            }
        }
        let lang = self.opts.lang;
        let name_key = match (count, first.name.as_numbered()) {
            (1, Some((text, n))) => {
                let t = match lang {
                    Lang::En => text.en,
                    Lang::Zh | Lang::ZhHant => text.zh,
                };
                NameKey::Numbered(t.as_ptr(), t.len(), n)
            }
            (1, None) => NameKey::Text(first.name.get(lang)),
            _ => NameKey::Text(first.role.get(lang)),
        };
        let local = first.lead == Lead::Local;
        let key = (name_key, count, mn, mx, rate, local);
        if let Some(w) = self.labels.get(&key) {
            return w.clone();
        }
        let name: &str = match name_key {
            NameKey::Text(t) => t,
            NameKey::Numbered(..) => first.name.get(lang),
        };
        let max = self.max_text_width();
        let mut lines = wrap(name, max, FONT);
        let name_lines = lines.len();
        let name_w = lines
            .iter()
            .map(|l| text_width(l, FONT))
            .fold(0.0, f64::max);
        let staff = self.staff_lines(count, mn, mx);
        lines.extend(staff.lines.iter().cloned());
        let mut width = name_w.max(staff.width);
        if let Some((lo, hi)) = rate {
            let tenths = |t: u64| format_number(t as f64 / 10.0, 1);
            let per = if lo == hi {
                tenths(lo)
            } else {
                format!("{}–{}", tenths(lo), tenths(hi))
            };
            for l in wrap(&trf(lang, Msg::PerOfficerLine, &[&per]), max, FONT) {
                width = width.max(text_width(&l, FONT));
                lines.push(l);
            }
        }
        if local {
            for l in wrap(tr(lang, Msg::RunLocally), max, FONT) {
                width = width.max(text_width(&l, FONT));
                lines.push(l);
            }
        }
        let w = Wrapped {
            width,
            lines: lines.into(),
            name_lines,
        };
        self.labels.insert(key, w.clone());
        w
    }

    fn max_text_width(&self) -> f64 {
        match self.opts.orient {
            Orient::TopDown => MAX_TEXT_WIDTH,
            Orient::LeftRight => MAX_TEXT_WIDTH_LR,
        }
    }

    /// The wrapped staff line of a box for `count` units of `mn` to `mx` staff, and its
    /// widest line's width.
    fn staff_lines(&mut self, count: usize, mn: u32, mx: u32) -> &Lines {
        let lang = self.opts.lang;
        let max = self.max_text_width();
        self.staff_lines.entry((count, mn, mx)).or_insert_with(|| {
            let per = if mn == mx {
                format_number(f64::from(mn), 0)
            } else {
                format!(
                    "{}–{}",
                    format_number(f64::from(mn), 0),
                    format_number(f64::from(mx), 0)
                )
            };
            let staff_line = if count == 1 {
                trf(lang, Msg::StaffSuffix, &[&per])
            } else {
                trf(lang, Msg::EachSuffix, &[&count.to_string(), &per])
            };
            let lines = wrap(&staff_line, max, FONT);
            let width = lines
                .iter()
                .map(|l| text_width(l, FONT))
                .fold(0.0, f64::max);
            Lines { lines, width }
        })
    }

    /// The number of runs the children of `f` form (see [`run_end`]).
    fn runs_of(&self, f: &Flat) -> usize {
        if !self.opts.group {
            return f.len;
        }
        let (mut at, end, mut n) = (f.first, f.first + f.len, 0);
        while at < end {
            at = run_end(self.flat, at, end, true);
            n += 1;
        }
        n
    }

    /// Adds a box for `members` (ranges of `flat`) and, recursively, boxes for their children.
    fn add(&mut self, members: &[(usize, usize)], parent: Option<usize>, depth: usize) {
        let flat = self.flat;
        let count: usize = members.iter().map(|(s, e)| e - s).sum();
        let Some(&(first_at, _)) = members.first() else {
            return;
        };
        let units = || members.iter().flat_map(|&(s, e)| &flat[s..e]);
        let Wrapped {
            mut lines,
            name_lines,
            width: mut text_w,
        } = self.wrapped(members, count);
        let head = &flat[first_at];
        let first = head.unit;
        // Children runs line up across members because members share a signature.
        let n_runs = self.runs_of(head);
        let collapsed = n_runs > 0
            && !self.opts.collapsed.is_empty()
            && self.opts.collapsed.contains(&*first.id);
        let hidden = if collapsed {
            units().map(|f| f.below).sum()
        } else {
            0
        };
        if collapsed {
            let more = trf(self.opts.lang, Msg::HiddenBelow, &[&hidden.to_string()]);
            text_w = text_w.max(text_width(&more, FONT));
            lines = lines.iter().cloned().chain([more]).collect();
        }
        let w = (text_w + 2.0 * PAD_X).max(MIN_BOX_WIDTH).ceil();
        let h = lines.len() as f64 * LINE_HEIGHT + 2.0 * PAD_Y;
        let size = match self.opts.orient {
            Orient::TopDown => (w, h),
            Orient::LeftRight => (h, w),
        };
        let idx = self.tree.push(parent, size);
        let members = if count > 1 {
            units().map(|f| f.unit.id.clone()).collect()
        } else {
            Vec::new()
        };
        self.nodes.push(DiagramNode {
            id: first.id.clone(),
            kind: first.kind,
            count,
            members,
            staff: units().map(|f| f.staff).sum(),
            placeholder: first.placeholder,
            local: first.lead == Lead::Local,
            lines,
            name_lines,
            x: 0.0,
            y: 0.0,
            w,
            h,
            parent,
            depth,
            below: n_runs,
            collapsed,
            hidden,
        });
        if collapsed {
            return;
        }
        let group = self.opts.group;
        if count == 1 {
            let (mut at, end) = (head.first, head.first + head.len);
            while at < end {
                let next = run_end(flat, at, end, group);
                self.add(&[(at, next)], Some(idx), depth + 1);
                at = next;
            }
            return;
        }
        // Each member's runs, one list after another; member k's are `runs[bounds[k]..bounds[k + 1]]`.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut bounds = Vec::with_capacity(count + 1);
        for f in units() {
            bounds.push(runs.len());
            let (mut at, end) = (f.first, f.first + f.len);
            while at < end {
                let next = run_end(flat, at, end, group);
                runs.push((at, next));
                at = next;
            }
        }
        bounds.push(runs.len());
        for j in 0..n_runs {
            let merged: Vec<(usize, usize)> = bounds
                .windows(2)
                .filter_map(|b| runs[b[0]..b[1]].get(j).copied())
                .collect();
            if !merged.is_empty() {
                self.add(&merged, Some(idx), depth + 1);
            }
        }
    }
}

/// The units whose name (in either language) contains a search text, and every unit on the
/// way from the root to them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    /// Ids of the matching units, in tree order.
    pub matches: Vec<String>,
    /// Ids of the matches and all their ancestors.
    pub path: HashSet<String>,
}

/// Finds units by name: case-insensitive, in Chinese or English, ignoring surrounding spaces.
pub fn find(root: &Unit, query: &str) -> Found {
    let q = query.trim().to_lowercase();
    let mut out = Found::default();
    if q.is_empty() {
        return out;
    }
    // Preorder with the ids from the root down to the current unit.
    let mut chain: Vec<&str> = Vec::new();
    let mut stack: Vec<(usize, &Unit)> = vec![(0, root)];
    while let Some((depth, u)) = stack.pop() {
        chain.truncate(depth);
        chain.push(&u.id);
        let hit = Lang::ALL
            .iter()
            .any(|&l| u.name.get(l).to_lowercase().contains(&q));
        if hit {
            out.matches.push(u.id.to_string());
            out.path.extend(chain.iter().map(|s| s.to_string()));
        }
        stack.extend(u.children.iter().rev().map(|c| (depth + 1, c)));
    }
    out
}

/// Lays out the diagram of `root` in `lang`, grouping identical neighbours when `group`,
/// top-down with nothing collapsed.
pub fn diagram(root: &Unit, lang: Lang, group: bool) -> Diagram {
    diagram_with(
        root,
        &Options {
            lang,
            group,
            ..Options::default()
        },
    )
}

/// Lays out the diagram of `root` as `opts` say.
pub fn diagram_with(root: &Unit, opts: &Options) -> Diagram {
    let flat = flatten(root);
    let mut b = Builder {
        flat: &flat,
        opts,
        tree: Tree::default(),
        // Without grouping (and nothing collapsed) there is a box for every unit.
        nodes: Vec::with_capacity(if opts.group { 0 } else { flat.len() }),
        labels: QuickMap::default(),
        staff_lines: QuickMap::default(),
    };
    b.add(&[(0, 1)], None, 0);
    let spacing = match opts.orient {
        Orient::TopDown => SPACING,
        Orient::LeftRight => SPACING_LR,
    };
    let placed = tidy(&b.tree, spacing);
    let mut nodes = b.nodes;
    for (n, (x, y)) in nodes.iter_mut().zip(placed.pos) {
        (n.x, n.y) = match opts.orient {
            Orient::TopDown => (x, y),
            Orient::LeftRight => (y, x),
        };
    }
    let (width, height) = match opts.orient {
        Orient::TopDown => (placed.width, placed.height),
        Orient::LeftRight => (placed.height, placed.width),
    };
    Diagram {
        nodes,
        width,
        height,
        orient: opts.orient,
        by_unit: ByUnit::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_decimal_matches_the_formatter() {
        for v in [
            0.0,
            1.0,
            12.34,
            99.96,
            123456.78,
            -3.0,
            -0.5,
            7.05,
            1e6 + 0.3,
        ] {
            let mine = fmt_1dp(v);
            let std = format!("{v:.1}");
            // Ties may round either way (the formatter rounds the exact binary value); both
            // are within 0.05 of v.
            assert!(
                (mine.parse::<f64>().unwrap() - v).abs() <= 0.05 + 1e-9,
                "{v}: {mine}"
            );
            if ((v * 10.0).fract().abs() - 0.5).abs() > 1e-6 {
                assert_eq!(mine, std, "{v}");
            }
        }
        assert_eq!(fmt_1dp(f64::NAN), "0.0");
        let e = Edge {
            orient: Orient::TopDown,
            from: (10.0, 20.25),
            bend: 37.0,
            to: (3.5, 54.0),
            guide: false,
        };
        assert_eq!(e.path(), "M10.0 20.3V37.0H3.5V54.0");
    }
}
