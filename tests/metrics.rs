//! Spans, layers and the staff breakdowns: a small tree worked out by hand, and properties over
//! every case and variant at the defaults and at random parameters.

mod common;

use common::Rng;
use reform_explorer::i18n::{Name, Text};
use reform_explorer::model::cases::CaseId;
use reform_explorer::model::metrics::{
    breakdown, compute, paired, Breakdown, MetricKey as K, Metrics, Tally,
};
use reform_explorer::model::org::{Staff, Unit, UnitKind};

fn unit(id: &str, kind: UnitKind, organ: u32, frontline: u32) -> Unit {
    Unit::new(id, Name::new(id, id), Text::new("", ""), kind)
        .with_staff(Staff::new(organ, frontline))
}

fn many(prefix: &str, n: usize, kind: UnitKind, organ: u32, frontline: u32) -> Vec<Unit> {
    (1..=n)
        .map(|i| unit(&format!("{prefix}{i}"), kind, organ, frontline))
        .collect()
}

/// Municipal bureau m (10 organ) over an internal unit with 8 sections, sub-bureau sb1 with 13
/// stations (the first with 4 groups) and sub-bureau sb2 with one station and its team.
///
/// ```text
/// m (10,0) ─ i1 (5,0) ─ 8 × section (0,1)
///          ─ sb1 (2,1) ─ st1 (1,4) ─ 4 × group (0,1)
///                      ─ st2 … st13 (1,4)
///          ─ sb2 (2,1) ─ st14 (1,4) ─ t1 (0,6)
/// ```
fn small_tree() -> Unit {
    let mut stations = many("st", 13, UnitKind::Station, 1, 4);
    stations[0].children = many("g", 4, UnitKind::Group, 0, 1).into();
    let i1 = unit("i1", UnitKind::InternalUnit, 5, 0).with_children(many(
        "sec",
        8,
        UnitKind::Section,
        0,
        1,
    ));
    let sb1 = unit("sb1", UnitKind::SubBureau, 2, 1).with_children(stations);
    let st14 =
        unit("st14", UnitKind::Station, 1, 4).with_children(vec![unit("t1", UnitKind::Team, 0, 6)]);
    let sb2 = unit("sb2", UnitKind::SubBureau, 2, 1).with_children(vec![st14]);
    unit("m", UnitKind::MunicipalBureau, 10, 0).with_children(vec![i1, sb1, sb2])
}

fn tally(units: u32, organ: u32, frontline: u32) -> Tally {
    Tally {
        units,
        staff: Staff::new(organ, frontline),
    }
}

#[test]
fn spans_and_bands_of_the_small_tree() {
    let m = compute(&small_tree());
    // 1 + 1 + 8 + 1 + 13 + 4 + 1 + 1 + 1 units; the managers are m (span 3), i1 (8), sb1 (13),
    // st1 (4), sb2 (1) and st14 (1).
    assert_eq!(m.get(K::UnitsTotal), 31.0);
    assert_eq!(m.get(K::ManagersRatio), 6.0 / 31.0);
    assert_eq!(
        m.get(K::SpanAvg),
        (3.0 + 8.0 + 13.0 + 4.0 + 1.0 + 1.0) / 6.0
    );
    assert_eq!(m.get(K::SpanMax), 13.0);
    assert_eq!(m.get(K::Layers), 4.0);
    assert_eq!(m.get(K::SpanBand1), 2.0 / 6.0);
    assert_eq!(m.get(K::SpanBand2To3), 1.0 / 6.0);
    assert_eq!(m.get(K::SpanBand4To7), 1.0 / 6.0);
    assert_eq!(m.get(K::SpanBand8To12), 1.0 / 6.0);
    assert_eq!(m.get(K::SpanBand13Plus), 1.0 / 6.0);
}

#[test]
fn band_edges_fall_in_the_right_band() {
    for (span, key) in [
        (1, K::SpanBand1),
        (2, K::SpanBand2To3),
        (3, K::SpanBand2To3),
        (4, K::SpanBand4To7),
        (7, K::SpanBand4To7),
        (8, K::SpanBand8To12),
        (12, K::SpanBand8To12),
        (13, K::SpanBand13Plus),
        (40, K::SpanBand13Plus),
    ] {
        let root = unit("m", UnitKind::MunicipalBureau, 1, 0).with_children(many(
            "s",
            span,
            UnitKind::Station,
            0,
            1,
        ));
        let m = compute(&root);
        for (k, _, _) in K::SPAN_BANDS {
            let want = if k == key { 1.0 } else { 0.0 };
            assert_eq!(m.get(k), want, "span {span}: {}", k.key());
        }
        assert_eq!(m.get(K::ManagersRatio), 1.0 / (span as f64 + 1.0));
    }
}

#[test]
fn a_lone_unit_has_no_managers() {
    let m = compute(&unit("m", UnitKind::MunicipalBureau, 3, 0));
    assert_eq!(m.get(K::ManagersRatio), 0.0);
    // A share of no managing units is undefined ("—" on the page), not 0 %.
    for (k, _, _) in K::SPAN_BANDS {
        assert!(m.get(k).is_nan(), "{}", k.key());
    }
    assert!(m.get(K::SpanAvg).is_nan());
    let b = breakdown(&unit("m", UnitKind::MunicipalBureau, 3, 0));
    assert_eq!(b.tiers, vec![(1, tally(1, 3, 0))]);
    assert!(b.top.is_empty());
}

#[test]
fn breakdown_of_the_small_tree() {
    let b = breakdown(&small_tree());
    // Tier 1: m, i1 and its 8 sections. Tier 2: the sub-bureaus. Tier 3: the 14 stations with
    // st1's groups and st14's team.
    assert_eq!(
        b.tiers,
        vec![
            (1, tally(10, 10 + 5, 8)),
            (2, tally(2, 2 + 2, 1 + 1)),
            (3, tally(14 + 4 + 1, 14, 14 * 4 + 4 + 6)),
        ]
    );
    assert_eq!(
        b.kinds,
        vec![
            (UnitKind::MunicipalBureau, tally(1, 10, 0)),
            (UnitKind::SubBureau, tally(2, 4, 2)),
            (UnitKind::Station, tally(14, 14, 56)),
            (UnitKind::InternalUnit, tally(1, 5, 0)),
            (UnitKind::Section, tally(8, 0, 8)),
            (UnitKind::Team, tally(1, 0, 6)),
            (UnitKind::Group, tally(4, 0, 4)),
        ]
    );
    assert_eq!(b.total, tally(31, 33, 76));
    assert_eq!(b.root_staff, Staff::new(10, 0));
    assert_eq!(b.root_name.en(), "m");
    let top: Vec<(&str, UnitKind, Staff)> = b
        .top
        .iter()
        .map(|u| (u.id.as_str(), u.kind, u.staff))
        .collect();
    assert_eq!(
        top,
        vec![
            ("i1", UnitKind::InternalUnit, Staff::new(5, 8)),
            (
                "sb1",
                UnitKind::SubBureau,
                Staff::new(2 + 13, 1 + 13 * 4 + 4)
            ),
            ("sb2", UnitKind::SubBureau, Staff::new(2 + 1, 1 + 4 + 6)),
        ]
    );
}

#[test]
fn units_without_a_territorial_unit_above_are_tier_zero() {
    let root = unit("d", UnitKind::District, 1, 0).with_children(vec![
        unit("t", UnitKind::Team, 0, 5),
        unit("s", UnitKind::Station, 1, 3).with_children(vec![unit("g", UnitKind::Group, 0, 2)]),
    ]);
    let b = breakdown(&root);
    assert_eq!(b.tiers, vec![(0, tally(2, 1, 5)), (1, tally(2, 1, 5))]);
}

#[test]
fn paired_rows_cover_both_sides_with_zeros() {
    let before = [(1, tally(1, 2, 3)), (3, tally(4, 5, 6))];
    let after = [(1, tally(1, 1, 1)), (2, tally(2, 2, 2))];
    assert_eq!(
        paired(&before, &after),
        vec![
            (1, tally(1, 2, 3), tally(1, 1, 1)),
            (2, Tally::default(), tally(2, 2, 2)),
            (3, tally(4, 5, 6), Tally::default()),
        ]
    );
}

fn sum<'a, K: 'a>(rows: impl Iterator<Item = &'a (K, Tally)>) -> Tally {
    rows.fold(Tally::default(), |acc, (_, t)| Tally {
        units: acc.units + t.units,
        staff: acc.staff + t.staff,
    })
}

/// Every property the breakdown and the span metrics must have on any organisation.
fn check(org: &Unit, m: &Metrics, b: &Breakdown, at: &str) {
    let total = tally(
        m.get(K::UnitsTotal) as u32,
        m.get(K::OrganStaff) as u32,
        m.get(K::StaffFrontline) as u32,
    );
    assert_eq!(b.total, total, "{at}: total");
    assert_eq!(sum(b.tiers.iter()), total, "{at}: tiers add up");
    assert_eq!(sum(b.kinds.iter()), total, "{at}: kinds add up");
    let top = b.top.iter().fold(b.root_staff, |acc, u| acc + u.staff);
    assert_eq!(top, total.staff, "{at}: root and its units add up");
    assert_eq!(b.top.len(), org.children.len(), "{at}: direct units");
    assert!(
        b.tiers.windows(2).all(|w| w[0].0 < w[1].0),
        "{at}: tiers in order"
    );
    assert_eq!(
        b.tiers.last().map(|(t, _)| *t as f64),
        Some(m.get(K::ManagementTiers)),
        "{at}: the deepest tier is the number of tiers"
    );
    let ratio = m.get(K::ManagersRatio);
    assert!((0.0..=1.0).contains(&ratio), "{at}: ratio {ratio}");
    let bands: f64 = K::SPAN_BANDS.iter().map(|(k, _, _)| m.get(*k)).sum();
    if ratio > 0.0 {
        assert!((bands - 1.0).abs() < 1e-9, "{at}: bands sum to {bands}");
        // Every unit but the root is one child of one manager.
        let units = m.get(K::UnitsTotal);
        let children = m.get(K::SpanAvg) * ratio * units;
        assert!(
            (children - (units - 1.0)).abs() < 1e-6,
            "{at}: {children} children"
        );
    } else {
        assert!(bands.is_nan(), "{at}: no managers, no bands");
    }
}

#[test]
fn breakdowns_add_up_for_every_case_at_defaults_and_random_parameters() {
    let mut checked = 0;
    for c in CaseId::ALL {
        for v in c.variants() {
            let mut rng = Rng::new(0x5EED_0000 + checked as u64 + 1);
            let mut sets = vec![v.defaults()];
            sets.extend((0..150).map(|_| common::random_params(v, &mut rng)));
            for (i, p) in sets.iter().enumerate() {
                let Ok(s) = v.build(p) else {
                    assert!(i > 0, "{}/{}: defaults build", c.key(), v.key);
                    continue;
                };
                for (step, org) in s.steps.iter().enumerate() {
                    let at = format!("{}/{} set {i} step {step}", c.key(), v.key);
                    check(org, &compute(org), &breakdown(org), &at);
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} organisations checked");
}

#[test]
fn the_checks_catch_a_wrong_breakdown() {
    // The property check is not vacuous: a breakdown that loses a unit fails it.
    let org = small_tree();
    let mut b = breakdown(&org);
    b.tiers[0].1.units -= 1;
    let caught = std::panic::catch_unwind(|| check(&org, &compute(&org), &b, "tampered"));
    assert!(caught.is_err());
}
