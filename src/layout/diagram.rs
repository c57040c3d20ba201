//! The diagram of an organisation: which boxes to draw, their labels, and where they go.
//!
//! With grouping on, neighbouring sibling units of the same class and the same shape below
//! (e.g. twenty sub-bureaus each with three branches and a department) are drawn as one box
//! "×20"; their children are grouped across all members the same way. Staff on a group box
//! is the group's total, with the per-member range on its label.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::i18n::{format_number, trf, Lang, Msg};
use crate::layout::text::{text_width, wrap};
use crate::layout::tidy::{tidy, Spacing, Tree};
use crate::model::org::{Unit, UnitKind};

pub const FONT: f64 = 13.0;
pub const LINE_HEIGHT: f64 = 17.0;
pub const PAD_X: f64 = 10.0;
pub const PAD_Y: f64 = 8.0;
pub const MAX_TEXT_WIDTH: f64 = 124.0;
pub const MIN_BOX_WIDTH: f64 = 64.0;
pub const SPACING: Spacing = Spacing { x: 14.0, y: 34.0 };

/// One box of the diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagramNode {
    /// The model id of the (first) unit the box stands for: the `data-unit-id` hook.
    pub id: String,
    pub kind: UnitKind,
    /// How many units the box stands for (1 unless grouped).
    pub count: usize,
    /// The ids of all the units the box stands for.
    pub ids: Vec<String>,
    /// Staff of the units and everything below them.
    pub staff: u32,
    pub placeholder: bool,
    /// Label lines, already wrapped: the name first, then the staff.
    pub lines: Vec<String>,
    /// How many of `lines` are the name.
    pub name_lines: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub parent: Option<usize>,
}

/// A laid-out diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    pub nodes: Vec<DiagramNode>,
    pub width: f64,
    pub height: f64,
}

impl Diagram {
    /// Elbow connectors parent → child as SVG path data, with the child's id as key.
    pub fn edges(&self) -> Vec<(String, String)> {
        self.nodes
            .iter()
            .filter_map(|n| {
                let p = self.nodes.get(n.parent?)?;
                let (px, py) = (p.x + p.w / 2.0, p.y + p.h);
                let (cx, cy) = (n.x + n.w / 2.0, n.y);
                let my = cy - SPACING.y / 2.0;
                Some((
                    n.id.clone(),
                    format!("M{px:.1} {py:.1}V{my:.1}H{cx:.1}V{cy:.1}"),
                ))
            })
            .collect()
    }
}

/// The shape of a unit for grouping: its class and the distinct shapes of its children in
/// order, ignoring how many of each and their staff.
fn signatures(u: &Unit, memo: &mut HashMap<*const Unit, u64>) -> u64 {
    let child_sigs: Vec<u64> = u.children.iter().map(|c| signatures(c, memo)).collect();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    u.kind.hash(&mut h);
    u.role.en.hash(&mut h);
    u.placeholder.hash(&mut h);
    let mut last = None;
    for s in child_sigs {
        if last != Some(s) {
            s.hash(&mut h);
            last = Some(s);
        }
    }
    let sig = h.finish();
    memo.insert(u as *const Unit, sig);
    sig
}

/// Consecutive runs of units with the same signature (or one run per unit without grouping).
fn runs<'a>(
    units: &[&'a Unit],
    memo: &HashMap<*const Unit, u64>,
    group: bool,
) -> Vec<Vec<&'a Unit>> {
    let mut out: Vec<Vec<&Unit>> = Vec::new();
    let sig = |u: &Unit| memo.get(&(u as *const Unit)).copied().unwrap_or(0);
    for &u in units {
        match out.last_mut() {
            Some(run) if group && run.first().map(|f| sig(f)) == Some(sig(u)) => run.push(u),
            _ => out.push(vec![u]),
        }
    }
    out
}

struct Builder<'m> {
    memo: &'m HashMap<*const Unit, u64>,
    lang: Lang,
    group: bool,
    tree: Tree,
    nodes: Vec<DiagramNode>,
}

impl Builder<'_> {
    /// The wrapped label and how many of its lines are the name.
    fn label(&self, members: &[&Unit]) -> (Vec<String>, usize) {
        let first = members[0];
        let staff: Vec<u32> = members.iter().map(|u| u.staff_total().total()).collect();
        let (mn, mx) = (
            staff.iter().copied().min().unwrap_or(0),
            staff.iter().copied().max().unwrap_or(0),
        );
        let name = if members.len() == 1 {
            first.name.get(self.lang).to_string()
        } else {
            first.role.get(self.lang).to_string()
        };
        let per = if mn == mx {
            format_number(f64::from(mn), 0)
        } else {
            format!(
                "{}–{}",
                format_number(f64::from(mn), 0),
                format_number(f64::from(mx), 0)
            )
        };
        let staff_line = if members.len() == 1 {
            trf(self.lang, Msg::StaffSuffix, &[&per])
        } else {
            trf(
                self.lang,
                Msg::EachSuffix,
                &[&members.len().to_string(), &per],
            )
        };
        let mut lines = wrap(&name, MAX_TEXT_WIDTH, FONT);
        let name_lines = lines.len();
        lines.extend(wrap(&staff_line, MAX_TEXT_WIDTH, FONT));
        (lines, name_lines)
    }

    /// Adds a box for `members` and, recursively, boxes for their children.
    fn add(&mut self, members: Vec<&Unit>, parent: Option<usize>) {
        let (lines, name_lines) = self.label(&members);
        let text_w = lines
            .iter()
            .map(|l| text_width(l, FONT))
            .fold(0.0, f64::max);
        let w = (text_w + 2.0 * PAD_X).max(MIN_BOX_WIDTH).ceil();
        let h = lines.len() as f64 * LINE_HEIGHT + 2.0 * PAD_Y;
        let idx = self.tree.push(parent, (w, h));
        let first = members[0];
        self.nodes.push(DiagramNode {
            id: first.id.to_string(),
            kind: first.kind,
            count: members.len(),
            ids: members.iter().map(|u| u.id.to_string()).collect(),
            staff: members.iter().map(|u| u.staff_total().total()).sum(),
            placeholder: first.placeholder,
            lines,
            name_lines,
            x: 0.0,
            y: 0.0,
            w,
            h,
            parent,
        });
        // Children runs line up across members because members share a signature.
        let per_member: Vec<Vec<Vec<&Unit>>> = members
            .iter()
            .map(|m| {
                let kids: Vec<&Unit> = m.children.iter().collect();
                runs(&kids, self.memo, self.group)
            })
            .collect();
        let n_runs = per_member.first().map_or(0, Vec::len);
        for j in 0..n_runs {
            let merged: Vec<&Unit> = per_member
                .iter()
                .filter_map(|r| r.get(j))
                .flatten()
                .copied()
                .collect();
            if !merged.is_empty() {
                self.add(merged, Some(idx));
            }
        }
    }
}

/// Lays out the diagram of `root` in `lang`, grouping identical neighbours when `group`.
pub fn diagram(root: &Unit, lang: Lang, group: bool) -> Diagram {
    let mut memo = HashMap::new();
    signatures(root, &mut memo);
    let mut b = Builder {
        memo: &memo,
        lang,
        group,
        tree: Tree::default(),
        nodes: Vec::new(),
    };
    b.add(vec![root], None);
    let placed = tidy(&b.tree, SPACING);
    let mut nodes = b.nodes;
    for (n, (x, y)) in nodes.iter_mut().zip(placed.pos) {
        n.x = x;
        n.y = y;
    }
    Diagram {
        nodes,
        width: placed.width,
        height: placed.height,
    }
}
