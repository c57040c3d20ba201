//! The diagram of a model tree: grouping keeps every unit and every officer accounted for.

use reform_explorer::i18n::{format_number, Lang};
use reform_explorer::layout::diagram::diagram;
use reform_explorer::model::cases::CaseId;

#[test]
fn grouped_and_ungrouped_diagrams_account_for_every_unit() {
    let v = CaseId::Daqing.variant("urban").unwrap();
    let s = v.build(&v.defaults()).unwrap();
    for org in [s.before(), s.after()] {
        let units = org.walk().len();
        let flat = diagram(org, Lang::Zh, false);
        assert_eq!(flat.nodes.len(), units);
        let grouped = diagram(org, Lang::En, true);
        assert!(
            grouped.nodes.len() < units / 4,
            "grouping should compact the tree"
        );
        // Every unit appears once in some box's count, per depth row.
        let root_staff = org.staff_total().total();
        assert_eq!(grouped.nodes[0].staff, root_staff);
        assert_eq!(flat.nodes[0].staff, root_staff);
        // Children of a box add up to at most its staff (the rest is the box's own staff).
        for (i, n) in grouped.nodes.iter().enumerate() {
            let below: u32 = grouped
                .nodes
                .iter()
                .filter(|c| c.parent == Some(i))
                .map(|c| c.staff)
                .sum();
            assert!(below <= n.staff, "{}", n.id);
        }
    }
    // The after diagram groups 20 sub-bureaus into one box "×20".
    let d = diagram(s.after(), Lang::Zh, true);
    let sb = d.nodes.iter().find(|n| n.id == "nsb1").unwrap();
    assert_eq!(sb.count, 20);
    assert!(sb.lines.iter().any(|l| l.contains("×20")));
}

#[test]
fn labels_fit_their_boxes_in_both_languages() {
    let v = CaseId::Daqing.variant("urban").unwrap();
    let s = v.build(&v.defaults()).unwrap();
    for lang in [Lang::Zh, Lang::En] {
        for n in diagram(s.after(), lang, true).nodes {
            for l in n.lines.iter() {
                let w = reform_explorer::layout::text::text_width(l, 13.0);
                assert!(w <= n.w - 2.0 * 10.0 + 1e-6, "{l:?} overflows {}", n.w);
            }
        }
    }
}

use std::collections::HashSet;

use reform_explorer::layout::diagram::{diagram_with, find, Diagram, Options, Orient};

fn overlaps(d: &Diagram) -> Option<(String, String)> {
    for (i, a) in d.nodes.iter().enumerate() {
        for b in &d.nodes[i + 1..] {
            let apart = a.x + a.w <= b.x + 1e-6
                || b.x + b.w <= a.x + 1e-6
                || a.y + a.h <= b.y + 1e-6
                || b.y + b.h <= a.y + 1e-6;
            if !apart {
                return Some((a.id.to_string(), b.id.to_string()));
            }
        }
    }
    None
}

#[test]
fn both_orientations_draw_every_case_without_overlaps_and_deterministically() {
    for c in CaseId::ALL {
        for v in c.variants() {
            let s = v.build(&v.defaults()).unwrap();
            for org in [s.before(), s.after()] {
                for orient in [Orient::TopDown, Orient::LeftRight] {
                    for group in [true, false] {
                        let opts = Options {
                            lang: Lang::En,
                            group,
                            orient,
                            collapsed: HashSet::new(),
                        };
                        let d = diagram_with(org, &opts);
                        assert_eq!(overlaps(&d), None, "{}/{} {orient:?}", c.key(), v.key);
                        assert_eq!(d, diagram_with(org, &opts));
                        // Children sit beyond their parent along the tree's direction.
                        for n in &d.nodes {
                            if let Some(p) = n.parent.map(|p| &d.nodes[p]) {
                                match orient {
                                    Orient::TopDown => assert!(n.y >= p.y + p.h),
                                    Orient::LeftRight => assert!(n.x >= p.x + p.w),
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn collapsing_hides_what_is_below_and_says_how_much() {
    let v = CaseId::Daqing.variant("urban").unwrap();
    let s = v.build(&v.defaults()).unwrap();
    let full = diagram(s.after(), Lang::Zh, false);
    let sb = full.node("nsb1").unwrap();
    assert!(sb.below > 0 && !sb.collapsed);
    let units_below = s
        .after()
        .walk()
        .into_iter()
        .find(|(_, u)| u.id == "nsb1")
        .map(|(_, u)| u.walk().len() - 1)
        .unwrap();
    let opts = Options {
        lang: Lang::Zh,
        group: false,
        orient: Orient::TopDown,
        collapsed: ["nsb1".to_string()].into_iter().collect(),
    };
    let d = diagram_with(s.after(), &opts);
    let n = d.node("nsb1").unwrap();
    assert!(n.collapsed);
    assert_eq!(n.hidden, units_below);
    assert_eq!(d.nodes.len(), full.nodes.len() - units_below);
    assert!(n.lines.iter().any(|l| l.contains(&units_below.to_string())));
    // collapse_to keeps a diagram under a box budget by closing its deepest fitting level.
    let close = full.collapse_to(100);
    let opts = Options {
        collapsed: close.into_iter().collect(),
        ..opts
    };
    assert!(diagram_with(s.after(), &opts).nodes.len() <= 100);
    assert!(full.collapse_to(full.nodes.len()).is_empty());
}

#[test]
fn search_finds_units_in_either_language_with_their_path() {
    let v = CaseId::Daqing.variant("urban").unwrap();
    let s = v.build(&v.defaults()).unwrap();
    let zh = find(s.after(), "分局3");
    let en = find(s.after(), " sub-BUREAU 3 ");
    assert!(zh.matches.contains(&"nsb3".to_string()), "{:?}", zh.matches);
    assert!(en.matches.contains(&"nsb3".to_string()), "{:?}", en.matches);
    // The path runs from the root to every match.
    assert!(zh.path.contains(&s.after().id.to_string()));
    for m in &zh.matches {
        assert!(zh.path.contains(m));
    }
    assert!(find(s.after(), "   ").matches.is_empty());
    assert!(find(s.after(), "no such unit").path.is_empty());
}

/// Haidong's stations (before) and districts (after) show their incidents per officer on their
/// boxes, the same figure the workload table computes; a grouped box shows its range; boxes
/// of other kinds show none.
#[test]
fn workload_units_show_incidents_per_officer_on_their_boxes() {
    use reform_explorer::model::metrics::work_units;
    let v = CaseId::Haidong.variant("county").unwrap();
    let s = v.build(&v.defaults()).unwrap();
    // The figure before "incidents per officer" (the line may wrap).
    let per = |n: &reform_explorer::layout::diagram::DiagramNode| {
        let text = n.lines[n.name_lines..].join(" ");
        let head = text.strip_suffix(" incidents per officer")?;
        Some(head.rsplit(" staff ").next().unwrap_or(head).to_string())
    };
    for org in [s.before(), s.after()] {
        let work = work_units(org);
        assert!(work.len() > 3);
        let d = diagram(org, Lang::En, false);
        for w in &work {
            let node = d.node(&w.unit.id).expect("box");
            let want = format_number(w.per_officer().unwrap(), 1);
            assert_eq!(per(node).as_deref(), Some(want.as_str()), "{}", w.unit.id);
        }
        let shown = d.nodes.iter().filter(|n| per(n).is_some()).count();
        // Stations inside districts show theirs too; nothing else does.
        let stations_or_districts = d
            .nodes
            .iter()
            .filter(|n| {
                n.kind.is_station() || n.kind == reform_explorer::model::org::UnitKind::District
            })
            .count();
        assert!(shown >= work.len() && shown <= stations_or_districts);
        assert!(
            per(&d.nodes[0]).is_none(),
            "the bureau has no workload line"
        );
    }
    // Zh says it too; a grouped box of several stations gives the lowest and highest.
    let d = diagram(s.before(), Lang::Zh, true);
    assert!(d
        .nodes
        .iter()
        .any(|n| n.lines.iter().any(|l| l.starts_with("人均警情 "))));
    let grouped: Vec<_> = d
        .nodes
        .iter()
        .filter(|n| n.count > 1 && n.kind.is_station())
        .collect();
    assert!(!grouped.is_empty(), "rural stations group");
    for n in grouped {
        let line = n
            .lines
            .iter()
            .find(|l| l.starts_with("人均警情 "))
            .expect("range");
        let rates: Vec<f64> = n
            .ids()
            .iter()
            .map(|id| {
                let u = s
                    .before()
                    .walk()
                    .into_iter()
                    .find(|(_, u)| u.id == *id)
                    .unwrap()
                    .1;
                (u.incidents_per_officer().unwrap() * 10.0).round() / 10.0
            })
            .collect();
        let lo = rates.iter().copied().fold(f64::MAX, f64::min);
        let hi = rates.iter().copied().fold(0.0, f64::max);
        let want = if lo == hi {
            format_number(lo, 1)
        } else {
            format!("{}–{}", format_number(lo, 1), format_number(hi, 1))
        };
        assert_eq!(line, &format!("人均警情 {want}"));
    }
}

/// The keys of the diagram's ARIA tree walk the boxes in drawing order, open and close them.
#[test]
fn tree_keys_walk_open_and_close_the_boxes() {
    use reform_explorer::layout::diagram::{diagram_with, Options};
    use reform_explorer::layout::viewport::{tree_move, TreeMove};
    let v = CaseId::Daqing.variant("urban").unwrap();
    let s = v.build(&v.defaults()).unwrap();
    let d = diagram(s.after(), Lang::En, true);
    let last = d.nodes.len() - 1;
    let go = |i: usize, key: &str| tree_move(&d, i, key);
    let to = |j: usize| {
        Some(TreeMove {
            to: Some(j),
            collapse: None,
        })
    };
    assert_eq!(go(0, "ArrowDown"), to(1));
    assert_eq!(go(last, "ArrowDown"), to(last));
    assert_eq!(go(0, "ArrowUp"), to(0));
    assert_eq!(go(3, "Home"), to(0));
    assert_eq!(go(0, "End"), to(last));
    // Right from the root goes to its first child; Left from that child back to the root.
    let child = d.nodes.iter().position(|n| n.parent == Some(0)).unwrap();
    assert_eq!(go(0, "ArrowRight"), to(child));
    let leaf = d.nodes.iter().position(|n| n.below == 0).unwrap();
    let parent = d.nodes[leaf].parent.unwrap();
    assert_eq!(go(leaf, "ArrowLeft"), to(parent));
    // Left on an open box closes it, Enter toggles it; a leaf has nothing to toggle.
    let close = Some(TreeMove {
        to: None,
        collapse: Some(true),
    });
    assert_eq!(go(0, "ArrowLeft"), close);
    assert_eq!(go(0, "Enter"), close);
    assert_eq!(go(leaf, "Enter"), None);
    assert_eq!(go(0, "x"), None);
    assert_eq!(go(d.nodes.len(), "ArrowDown"), None);
    // A closed box opens with Right (or Space).
    let opts = Options {
        lang: Lang::En,
        group: true,
        collapsed: [d.nodes[0].id.to_string()].into(),
        ..Options::default()
    };
    let closed = diagram_with(s.after(), &opts);
    let open = Some(TreeMove {
        to: None,
        collapse: Some(false),
    });
    assert_eq!(tree_move(&closed, 0, "ArrowRight"), open);
    assert_eq!(tree_move(&closed, 0, " "), open);
}

/// A grouped box keeps its key when a parameter changes which unit comes first in its group
/// (the page then updates the box instead of removing and building its subtree again); keys are
/// unique, and a box of one unit is keyed by its unit.
#[test]
fn grouped_boxes_keep_their_keys_when_their_first_unit_changes() {
    let v = CaseId::Tianjin.variant("station").unwrap();
    let draw = |stations: &str| {
        let mut p = v.defaults();
        p.set_raw("stations", stations).unwrap();
        let s = v.build(&p).unwrap();
        diagram(s.after(), Lang::Zh, true)
    };
    let (a, b) = (draw("20"), draw("21"));
    for d in [&a, &b] {
        let keys = d.keys();
        assert_eq!(keys.len(), d.nodes.len());
        assert_eq!(
            keys.iter().collect::<HashSet<_>>().len(),
            keys.len(),
            "unique"
        );
        for (k, n) in keys.iter().zip(&d.nodes) {
            assert_eq!(n.count == 1, k == &n.id, "{k}");
        }
    }
    // The groups' first units differ between the two (the stations are ranked by size) ...
    let firsts = |d: &Diagram| {
        d.nodes
            .iter()
            .filter(|n| n.count > 1)
            .map(|n| n.id.clone())
            .collect::<Vec<_>>()
    };
    assert_ne!(firsts(&a), firsts(&b));
    // ... and yet every box keeps its key.
    assert_eq!(a.keys(), b.keys());
}
