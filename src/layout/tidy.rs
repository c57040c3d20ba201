//! Tidy tree layout for nodes of any width and height.
//!
//! Each subtree is laid out once, bottom up, and summarised by its contour: for every depth
//! below its root, the leftmost and rightmost edge relative to the root's centre. A new child
//! subtree is pushed right until, at every depth both share, it is `gap` away from the siblings
//! already placed (so no two boxes overlap and no subtree could move left); the parent is then
//! centred over its first and last child. Rows are as tall as their tallest box.
//!
//! Cost: contours carry a lazy offset, and merging two contours folds the shorter into the
//! longer, so a merge costs the shorter one's height: the whole layout is linear in the number
//! of nodes (each level of a contour is folded away at most once). The walk is iterative, so
//! deep trees cannot overflow the stack.

/// A tree of boxes. Node 0 is the root; `children[i]` lists node i's children left to right.
#[derive(Clone, Debug, Default)]
pub struct Tree {
    /// (width, height) of each node.
    pub sizes: Vec<(f64, f64)>,
    pub children: Vec<Vec<usize>>,
}

impl Tree {
    pub fn len(&self) -> usize {
        self.sizes.len()
    }
    pub fn is_empty(&self) -> bool {
        self.sizes.is_empty()
    }
    /// Adds a node and returns its index; `parent` must already exist.
    pub fn push(&mut self, parent: Option<usize>, size: (f64, f64)) -> usize {
        let i = self.sizes.len();
        self.sizes.push(size);
        self.children.push(Vec::new());
        if let Some(p) = parent {
            if let Some(ch) = self.children.get_mut(p) {
                ch.push(i);
            }
        }
        i
    }
}

/// Spacing between boxes.
#[derive(Clone, Copy, Debug)]
pub struct Spacing {
    /// Horizontal gap between neighbouring boxes on a row.
    pub x: f64,
    /// Vertical gap between rows.
    pub y: f64,
}

/// Positions: the top-left corner of each box, and the size of the whole drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    pub pos: Vec<(f64, f64)>,
    pub depth: Vec<usize>,
    pub width: f64,
    pub height: f64,
}

/// The left and right edges of a subtree at each depth below its root (front = the root's
/// row), stored relative to `off` so that shifting a whole contour costs nothing.
#[derive(Default)]
struct Contour {
    levels: std::collections::VecDeque<(f64, f64)>,
    off: f64,
}

impl Contour {
    fn real(&self, d: usize) -> (f64, f64) {
        let (l, r) = self.levels[d];
        (l + self.off, r + self.off)
    }
    fn push_top(&mut self, l: f64, r: f64) {
        self.levels.push_front((l - self.off, r - self.off));
    }
    /// How far `other` (unshifted) must move right to touch `self` at some shared depth.
    fn gap_to(&self, other: &Contour) -> f64 {
        (0..self.levels.len().min(other.levels.len()))
            .map(|d| self.real(d).1 - other.real(d).0)
            .fold(f64::NEG_INFINITY, f64::max)
    }
    /// The union of `self` and `other` moved right by `shift`, and the shorter one emptied (to
    /// reuse its storage). Costs the shorter contour's length: it is folded into the longer one.
    fn merge(self, mut other: Contour, shift: f64) -> (Contour, Contour) {
        other.off += shift;
        let (mut big, small) = if other.levels.len() > self.levels.len() {
            (other, self)
        } else {
            (self, other)
        };
        for d in 0..small.levels.len() {
            let (a, b) = (big.real(d), small.real(d));
            big.levels[d] = (a.0.min(b.0) - big.off, a.1.max(b.1) - big.off);
        }
        let mut freed = small;
        freed.levels.clear();
        freed.off = 0.0;
        (big, freed)
    }
}

/// Lays out `tree` (nodes unreachable from the root are left at the origin).
pub fn tidy(tree: &Tree, spacing: Spacing) -> Placement {
    let n = tree.len();
    if n == 0 {
        return Placement {
            pos: Vec::new(),
            depth: Vec::new(),
            width: 0.0,
            height: 0.0,
        };
    }
    // Preorder with depths.
    let mut order = Vec::with_capacity(n);
    let mut depth = vec![0usize; n];
    let mut seen = vec![false; n];
    let mut stack = vec![0usize];
    while let Some(i) = stack.pop() {
        if seen[i] {
            continue; // a malformed tree with shared children: place each node once
        }
        seen[i] = true;
        order.push(i);
        for &c in tree.children[i].iter().rev() {
            if c < n && !seen[c] {
                depth[c] = depth[i] + 1;
                stack.push(c);
            }
        }
    }
    // Each node's children that the walk reached from it, in order, all in one list: node i's
    // are `kids[kid_at[i]..kid_at[i + 1]]`.
    let mut kid_at = Vec::with_capacity(n + 1);
    let mut kids = Vec::with_capacity(n);
    for (i, ch) in tree.children.iter().enumerate() {
        kid_at.push(kids.len());
        kids.extend(
            ch.iter()
                .copied()
                .filter(|&c| c < n && depth[c] == depth[i] + 1 && seen[c]),
        );
    }
    kid_at.push(kids.len());
    let kids_of = |i: usize| &kids[kid_at[i]..kid_at[i + 1]];

    // Bottom up: contours and offsets of children relative to their parent's centre. A merge
    // leaves the shorter contour empty; its storage is kept for the next leaf.
    let mut contour: Vec<Contour> = (0..n).map(|_| Contour::default()).collect();
    let mut spare: Vec<Contour> = Vec::new();
    let mut rel = vec![0.0f64; n];
    let mut pos: Vec<f64> = Vec::new();
    for &i in order.iter().rev() {
        let half = tree.sizes[i].0.max(0.0) / 2.0;
        let ch = kids_of(i);
        let mut acc;
        if let Some((&first, rest)) = ch.split_first() {
            acc = std::mem::take(&mut contour[first]);
            pos.clear();
            pos.push(0.0);
            for &c in rest {
                let cc = std::mem::take(&mut contour[c]);
                let shift = acc.gap_to(&cc) + spacing.x;
                pos.push(shift);
                let (merged, freed) = acc.merge(cc, shift);
                acc = merged;
                spare.push(freed);
            }
            let mid = (pos[0] + pos[pos.len() - 1]) / 2.0;
            for (j, &c) in ch.iter().enumerate() {
                rel[c] = pos[j] - mid;
            }
            acc.off -= mid;
        } else {
            acc = spare.pop().unwrap_or_default();
        }
        acc.push_top(-half, half);
        contour[i] = acc;
    }

    // Row heights and tops.
    let max_depth = order.iter().map(|&i| depth[i]).max().unwrap_or(0);
    let mut row_h = vec![0.0f64; max_depth + 1];
    for &i in &order {
        row_h[depth[i]] = row_h[depth[i]].max(tree.sizes[i].1.max(0.0));
    }
    let mut row_y = vec![0.0f64; max_depth + 1];
    for d in 1..=max_depth {
        row_y[d] = row_y[d - 1] + row_h[d - 1] + spacing.y;
    }

    // Top down: absolute centres, then shift so the leftmost edge is at 0.
    let mut cx = vec![0.0f64; n];
    for &i in &order {
        for &c in kids_of(i) {
            cx[c] = cx[i] + rel[c];
        }
    }
    let left = order
        .iter()
        .map(|&i| cx[i] - tree.sizes[i].0.max(0.0) / 2.0)
        .fold(f64::INFINITY, f64::min);
    let mut pos = vec![(0.0, 0.0); n];
    let mut width = 0.0f64;
    for &i in &order {
        let x = cx[i] - tree.sizes[i].0.max(0.0) / 2.0 - left;
        pos[i] = (x, row_y[depth[i]]);
        width = width.max(x + tree.sizes[i].0.max(0.0));
    }
    Placement {
        pos,
        depth,
        width,
        height: row_y[max_depth] + row_h[max_depth],
    }
}
