//! Property tests of the tidy tree layout: no overlaps, parents centred over their children,
//! deterministic, and compact (no subtree could move left). Seeded, so failures reproduce.

mod common;

use common::Rng;
use reform_explorer::layout::tidy::{tidy, Placement, Spacing, Tree};

const SP: Spacing = Spacing { x: 14.0, y: 30.0 };
const EPS: f64 = 1e-6;

fn random_tree(rng: &mut Rng, n: usize) -> Tree {
    let mut t = Tree::default();
    let reach = rng.range(1, 8) as usize; // small reach: deep trees; large: bushy
    for i in 0..n {
        let size = (rng.range(10, 160) as f64, rng.range(16, 70) as f64);
        let parent = if i == 0 {
            None
        } else {
            Some(rng.range(i.saturating_sub(reach) as u64, (i - 1) as u64) as usize)
        };
        t.push(parent, size);
    }
    t
}

fn subtree(t: &Tree, root: usize) -> Vec<usize> {
    let mut out = vec![];
    let mut stack = vec![root];
    while let Some(i) = stack.pop() {
        out.push(i);
        stack.extend(t.children[i].iter().copied());
    }
    out
}

fn check(t: &Tree, p: &Placement) {
    let n = t.len();
    // Same depth, same top; rows do not overlap vertically.
    for i in 0..n {
        for j in 0..n {
            if p.depth[i] == p.depth[j] {
                assert_eq!(p.pos[i].1, p.pos[j].1);
            } else if p.depth[j] == p.depth[i] + 1 {
                assert!(p.pos[j].1 + EPS >= p.pos[i].1 + t.sizes[i].1 + SP.y);
            }
        }
    }
    // No overlaps on a row: sorted by x, each box ends a gap before the next begins.
    let max_d = p.depth.iter().copied().max().unwrap_or(0);
    for d in 0..=max_d {
        let mut row: Vec<usize> = (0..n).filter(|&i| p.depth[i] == d).collect();
        row.sort_by(|&a, &b| p.pos[a].0.total_cmp(&p.pos[b].0));
        for w in row.windows(2) {
            let (a, b) = (w[0], w[1]);
            assert!(
                p.pos[a].0 + t.sizes[a].0 + SP.x <= p.pos[b].0 + EPS,
                "overlap at depth {d}: {a} and {b}"
            );
        }
    }
    // Inside the drawing.
    for i in 0..n {
        assert!(p.pos[i].0 >= -EPS && p.pos[i].0 + t.sizes[i].0 <= p.width + EPS);
        assert!(p.pos[i].1 + t.sizes[i].1 <= p.height + EPS);
    }
    let centre = |i: usize| p.pos[i].0 + t.sizes[i].0 / 2.0;
    for i in 0..n {
        let ch = &t.children[i];
        if let (Some(&f), Some(&l)) = (ch.first(), ch.last()) {
            // Centred over the first and last child; children keep their order.
            assert!((centre(i) - (centre(f) + centre(l)) / 2.0).abs() < EPS);
            for w in ch.windows(2) {
                assert!(centre(w[0]) < centre(w[1]));
            }
            // Compact: each later sibling subtree touches (at exactly the gap) the ones before.
            for k in 1..ch.len() {
                let left: Vec<usize> = ch[..k].iter().flat_map(|&c| subtree(t, c)).collect();
                let right = subtree(t, ch[k]);
                let touches = (0..=max_d).any(|d| {
                    let lmax = left
                        .iter()
                        .filter(|&&x| p.depth[x] == d)
                        .map(|&x| p.pos[x].0 + t.sizes[x].0)
                        .fold(f64::NEG_INFINITY, f64::max);
                    let rmin = right
                        .iter()
                        .filter(|&&x| p.depth[x] == d)
                        .map(|&x| p.pos[x].0)
                        .fold(f64::INFINITY, f64::min);
                    lmax.is_finite() && rmin.is_finite() && (rmin - lmax - SP.x).abs() < 1e-6
                });
                assert!(touches, "subtree of {} could move left", ch[k]);
            }
        }
    }
}

#[test]
fn random_trees_lay_out_tidily() {
    let mut rng = Rng::new(42);
    for case in 0..400 {
        let n = rng.range(1, 120) as usize;
        let t = random_tree(&mut rng, n);
        let p = tidy(&t, SP);
        check(&t, &p);
        assert_eq!(p, tidy(&t, SP), "not deterministic (case {case})");
    }
}

#[test]
fn a_single_node_and_an_empty_tree() {
    let mut t = Tree::default();
    let p = tidy(&t, SP);
    assert_eq!((p.width, p.height), (0.0, 0.0));
    t.push(None, (50.0, 20.0));
    let p = tidy(&t, SP);
    assert_eq!(p.pos, vec![(0.0, 0.0)]);
    assert_eq!((p.width, p.height), (50.0, 20.0));
}

#[test]
fn a_very_deep_tree_does_not_overflow_the_stack() {
    let mut t = Tree::default();
    for i in 0..100_000 {
        t.push(if i == 0 { None } else { Some(i - 1) }, (40.0, 20.0));
    }
    let p = tidy(&t, SP);
    assert_eq!(p.width, 40.0);
}

#[test]
fn a_wide_tree_is_as_wide_as_its_leaves() {
    let mut t = Tree::default();
    let root = t.push(None, (60.0, 20.0));
    for _ in 0..1000 {
        t.push(Some(root), (30.0, 20.0));
    }
    let p = tidy(&t, SP);
    assert!((p.width - (1000.0 * 30.0 + 999.0 * SP.x)).abs() < EPS);
}
