//! The diagram of a model tree: grouping keeps every unit and every officer accounted for.

use reform_explorer::i18n::Lang;
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
            for l in &n.lines {
                let w = reform_explorer::layout::text::text_width(l, 13.0);
                assert!(w <= n.w - 2.0 * 10.0 + 1e-6, "{l:?} overflows {}", n.w);
            }
        }
    }
}
