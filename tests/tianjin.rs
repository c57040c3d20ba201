//! The Tianjin model against its source (shared/domain/cases.md section 3, seed 003), and
//! properties over the whole parameter space.

mod common;

use common::Rng;
use reform_explorer::i18n::Lang;
use reform_explorer::layout::diagram::diagram;
use reform_explorer::model::cases::tianjin::{abolished_indices, station_sizes, VARIANTS};
use reform_explorer::model::cases::{CaseId, Scenario, Variant};
use reform_explorer::model::lineage::{Change, Lineage};
use reform_explorer::model::metrics::{compute, MetricKey as K};
use reform_explorer::model::org::{Unit, UnitKind};

fn variant(key: &str) -> &'static Variant {
    CaseId::Tianjin.variant(key).expect("variant")
}

fn defaults(key: &str) -> Scenario {
    let v = variant(key);
    v.build(&v.defaults()).expect("defaults build")
}

fn count(org: &Unit, kind: UnitKind) -> usize {
    org.walk().iter().filter(|(_, u)| u.kind == kind).count()
}

#[test]
fn variants_in_the_issues_order() {
    let keys: Vec<&str> = VARIANTS.iter().map(|v| v.key).collect();
    assert_eq!(
        keys,
        ["station", "sub_bureau", "binhai", "municipal", "traffic"]
    );
    assert!(CaseId::Tianjin.is_modelled());
}

#[test]
fn station_defaults_one_office_two_teams_or_two_groups() {
    // "實施“一室兩隊(兩組)”派出所改革": an office and two teams, or two groups in small stations.
    let v = variant("station");
    let p = v.defaults();
    let s = defaults("station");
    let (b, a) = (compute(s.before()), compute(s.after()));
    assert_eq!(b.get(K::Stations), 20.0);
    assert_eq!(a.get(K::Stations), 20.0);
    assert_eq!(b.get(K::StaffTotal), a.get(K::StaffTotal));
    assert_eq!(b.get(K::Teams), 0.0);
    assert_eq!(count(s.before(), UnitKind::Office), 0);
    assert_eq!(count(s.after(), UnitKind::Office), 20);
    assert_eq!(b.get(K::Groups), 0.0);
    let threshold = p.get("small_station_threshold") as u32;
    let (mut small, mut large) = (0, 0);
    for st in s.after().children.iter().filter(|u| u.kind.is_station()) {
        // "實行指揮長負責制", "情報指揮室……“點對點”調派社區警務隊、執法辦案隊": the office
        // (under a commander) leads the two teams.
        assert_eq!(st.children.len(), 1, "{}", st.id);
        let office = &st.children[0];
        assert_eq!(office.kind, UnitKind::Office);
        assert_eq!(office.name.zh(), "情报指挥室");
        assert_eq!(office.ranks.len(), 1);
        let kinds: Vec<UnitKind> = office.children.iter().map(|u| u.kind).collect();
        if st.staff_total().total() < threshold {
            small += 1;
            assert_eq!(kinds, [UnitKind::Group, UnitKind::Group], "{}", st.id);
        } else {
            large += 1;
            assert_eq!(kinds, [UnitKind::Team, UnitKind::Team], "{}", st.id);
            assert_eq!(office.children[0].name.zh(), "社区警务队");
            assert_eq!(office.children[1].name.zh(), "执法办案队");
        }
    }
    // Both forms show at the defaults.
    assert!(small > 0 && large > 0, "{small} small, {large} large");
    assert_eq!(a.get(K::Groups), 2.0 * f64::from(small));
    assert_eq!(a.get(K::Teams), 2.0 * f64::from(large));
    // The ranks are assumptions: the same number before and after.
    assert_eq!(b.get(K::CommandChain), 4.0);
    assert_eq!(a.get(K::CommandChain), 4.0);
    assert_eq!(b.get(K::ManagementTiers), 2.0);
    assert_eq!(a.get(K::ManagementTiers), 2.0);
}

#[test]
fn station_threshold_decides_team_or_group() {
    let v = variant("station");
    let mut p = v.defaults();
    p.set_raw("small_station_threshold", "0").unwrap();
    let a = compute(v.build(&p).unwrap().after());
    assert_eq!((a.get(K::Teams), a.get(K::Groups)), (40.0, 0.0));
    p.set_raw("small_station_threshold", "61").unwrap();
    let a = compute(v.build(&p).unwrap().after());
    assert_eq!((a.get(K::Teams), a.get(K::Groups)), (0.0, 40.0));
    // Exactly at the threshold a station has teams ("fewer than").
    p.set_raw("small_station_threshold", "60").unwrap();
    let a = compute(v.build(&p).unwrap().after());
    assert_eq!((a.get(K::Teams), a.get(K::Groups)), (2.0, 38.0));
}

#[test]
fn station_sizes_spread_between_the_bounds() {
    assert!(station_sizes(0, 12, 60).is_empty());
    assert_eq!(station_sizes(1, 12, 60), [12]);
    for n in 2..40 {
        let s = station_sizes(n, 12, 60);
        assert_eq!(s.len(), n);
        assert_eq!((s[0], s[n - 1]), (12, 60));
        assert!(s.windows(2).all(|w| w[0] <= w[1]));
    }
}

#[test]
fn sub_bureau_defaults_reproduce_the_source() {
    let s = defaults("sub_bureau");
    let (b, a) = (compute(s.before()), compute(s.after()));
    // "在15個屬地分局推行“大部制”改革"
    assert_eq!(b.get(K::SubBureaus), 15.0);
    assert_eq!(a.get(K::SubBureaus), 15.0);
    // "將原來的20多個部門整合為決策指揮、管理監督、警務實戰、保障支援四大體系"
    assert_eq!(b.get(K::InternalUnits), 22.0);
    assert_eq!(a.get(K::InternalUnits), 4.0);
    for sb in s.after().children.iter() {
        let systems: Vec<&str> = sb
            .children
            .iter()
            .filter(|u| u.kind == UnitKind::InternalUnit)
            .map(|u| u.name.zh())
            .collect();
        assert_eq!(
            systems,
            [
                "决策指挥体系",
                "管理监督体系",
                "警务实战体系",
                "保障支援体系"
            ]
        );
    }
    // "裁撤102個內設機構": 15 × 22 departments, 102 cut, the rest are sections of the systems.
    assert_eq!(b.get(K::SectionUnits), 0.0);
    assert_eq!(a.get(K::SectionUnits), (15 * 22 - 102) as f64);
    let l = Lineage::of(s.before(), s.after());
    let depts: Vec<&Unit> = s
        .before()
        .walk()
        .into_iter()
        .map(|(_, u)| u)
        .filter(|u| u.kind == UnitKind::InternalUnit)
        .collect();
    let merged = depts
        .iter()
        .filter(|u| l.before[u.id.as_str()] == Change::MergedInto)
        .count();
    let kept = depts
        .iter()
        .filter(|u| l.before[u.id.as_str()] == Change::Kept)
        .count();
    assert_eq!((merged, kept), (102, 15 * 22 - 102));
    // "3870名市局、分局機關警力充實至基層所隊": the sinking step moves 3,870 officers from
    // headquarters to the front line, and the merge moves none.
    assert_eq!(s.flow(1).net(), 0);
    assert_eq!(s.flow(1).organ, 0);
    let f = s.flow(2);
    assert_eq!(f.moved_down(), Some(3_870));
    assert_eq!(f.organ, -3_870);
    // "派出所警力佔分局總警力的53.6%", computed from the tree (14,670 / 27,375).
    let share = a.get(K::StationShare);
    assert!((share - 0.536).abs() < 0.0005, "station share {share}");
    assert!((share - 14_670.0 / 27_375.0).abs() < 1e-12);
    assert!(b.get(K::StationShare) < 0.40);
    assert_eq!(b.get(K::StaffTotal), 27_375.0);
    assert_eq!(a.get(K::StaffTotal), 27_375.0);
}

#[test]
fn binhai_defaults_three_tiers_to_two() {
    // "將濱海新區公安局所轄11個分局全部撤銷,直接管理指揮派出所,變三級管理為兩級管理"
    let s = defaults("binhai");
    let (b, a) = (compute(s.before()), compute(s.after()));
    assert_eq!(s.before().kind, UnitKind::CountyBureau);
    assert_eq!(b.get(K::ManagementTiers), 3.0);
    assert_eq!(a.get(K::ManagementTiers), 2.0);
    assert_eq!(b.get(K::SubBureaus), 11.0);
    assert_eq!(a.get(K::SubBureaus), 0.0);
    assert_eq!(b.get(K::Stations), a.get(K::Stations));
    assert_eq!(b.get(K::StaffTotal), a.get(K::StaffTotal));
    assert!(b.get(K::CommandChain) > a.get(K::CommandChain));
    // The bureau commands every station directly; stations keep their ids.
    assert!(s
        .after()
        .children
        .iter()
        .all(|u| u.kind == UnitKind::Station));
    let l = Lineage::of(s.before(), s.after());
    for (_, u) in s.before().walk() {
        let want = match u.kind {
            UnitKind::SubBureau => Change::Abolished,
            _ => Change::Kept,
        };
        assert_eq!(l.before[u.id.as_str()], want, "{}", u.id);
    }
}

#[test]
fn municipal_defaults_287_sections_into_92() {
    let s = defaults("municipal");
    let (b, a) = (compute(s.before()), compute(s.after()));
    // "將直屬單位內設的287個科級機構整合為92個副處級機構"
    assert_eq!(b.get(K::SectionUnits), 287.0);
    assert_eq!(a.get(K::SectionUnits), 92.0);
    assert!(s
        .after()
        .walk()
        .iter()
        .filter(|(_, u)| u.kind == UnitKind::Section)
        .all(|(_, u)| u.name.zh().starts_with("副处级机构")));
    // "優化調整40個市局直屬單位機構,撤銷13個直屬單位": 40 attached units, 13 abolished.
    assert_eq!(b.get(K::InternalUnits), 40.0);
    assert_eq!(compute(s.at(1)).get(K::InternalUnits), 27.0);
    assert_eq!(a.get(K::InternalUnits), 27.0);
    // Counted as what they are, the units directly under the municipal bureau.
    assert_eq!(b.get(K::AttachedUnits), 40.0);
    assert_eq!(a.get(K::AttachedUnits), 27.0);
    assert_eq!(b.get(K::StaffTotal), a.get(K::StaffTotal));
    // Lineage: every old section went into a new unit; every new unit has old sections.
    let l = Lineage::of(s.before(), s.after());
    let mut sections = 0;
    let mut abolished = 0;
    for (_, u) in s.before().walk() {
        match u.kind {
            UnitKind::Section => {
                sections += 1;
                assert_eq!(l.before[u.id.as_str()], Change::MergedInto, "{}", u.id);
            }
            UnitKind::InternalUnit => {
                if l.before[u.id.as_str()] == Change::Abolished {
                    abolished += 1;
                } else {
                    assert_eq!(l.before[u.id.as_str()], Change::Kept);
                }
            }
            _ => {}
        }
    }
    assert_eq!((sections, abolished), (287, 13));
    assert_eq!(l.formed.len(), 92);
    let mut covered: Vec<&str> = l
        .formed
        .iter()
        .flat_map(|f| {
            assert!(f.from.iter().all(|u| u.kind == UnitKind::Section));
            f.from.iter().map(|u| u.id.as_str())
        })
        .collect();
    covered.sort_unstable();
    let n = covered.len();
    covered.dedup();
    assert_eq!(
        (n, covered.len()),
        (287, 287),
        "each old section in exactly one new unit"
    );
}

#[test]
fn abolished_units_are_spread_evenly() {
    for n in 0..60 {
        for k in 0..=n {
            let g = abolished_indices(n, k);
            assert_eq!(g.len(), n);
            assert_eq!(g.iter().filter(|x| **x).count(), k);
        }
    }
}

#[test]
fn infeasible_parameters_are_errors_not_panics() {
    let cases: [(&str, &[(&str, &str)]); 6] = [
        ("station", &[("station_staff_min", "80")]),
        (
            "station",
            &[("community_share", "80"), ("case_share", "30")],
        ),
        ("station", &[("station_leaders", "1")]),
        ("sub_bureau", &[("moved_staff", "20000")]),
        ("sub_bureau", &[("units_cut", "1200")]),
        ("municipal", &[("division_units_after", "20")]),
    ];
    for (key, sets) in cases {
        let v = variant(key);
        let mut p = v.defaults();
        for (k, val) in sets {
            p.set_raw(k, val).unwrap();
        }
        let e = v.build(&p).expect_err(key);
        assert!(!e.message(Lang::Zh).is_empty() && !e.message(Lang::En).is_empty());
    }
}

/// Random parameter sets over every range: the model never panics; when it builds, staff are
/// conserved by each conserving lever, counts are sane, ids unique and the diagrams lay out.
#[test]
fn random_parameters_keep_the_invariants() {
    for v in VARIANTS {
        random_parameters(v);
    }
}

fn random_parameters(v: &'static Variant) {
    let mut rng = Rng::new(20_210_810);
    let (mut built, mut refused) = (0, 0);
    for _ in 0..600 {
        let p = common::random_params(v, &mut rng);
        match v.build(&p) {
            Err(e) => {
                refused += 1;
                assert!(!e.message(Lang::Zh).is_empty() && !e.message(Lang::En).is_empty());
            }
            Ok(s) => {
                built += 1;
                for (i, lever) in v.levers.iter().enumerate() {
                    if lever.conserves_staff {
                        assert_eq!(s.flow(i + 1).net(), 0, "{} {}", v.key, lever.key);
                    }
                }
                let (b, a) = (compute(s.before()), compute(s.after()));
                for m in [&b, &a] {
                    assert!(m.get(K::FrontlineShare) <= 1.0);
                    assert!(m.get(K::StationShare) <= 1.0);
                    assert!(m.get(K::UnitsTotal) < 5_000.0, "{}", v.key);
                }
                match v.key {
                    "station" => {
                        assert_eq!(a.get(K::Stations), p.get("stations"));
                        assert_eq!(a.get(K::Teams) + a.get(K::Groups), 2.0 * p.get("stations"));
                    }
                    "sub_bureau" => {
                        assert_eq!(s.flow(2).moved_down(), Some(p.get("moved_staff") as i64));
                        assert_eq!(
                            a.get(K::SectionUnits),
                            b.get(K::InternalUnits) * p.get("sub_bureaus") - p.get("units_cut")
                        );
                    }
                    "binhai" => {
                        assert_eq!(a.get(K::SubBureaus), 0.0);
                        if p.get("binhai_sub_bureaus") > 0.0 {
                            assert_eq!(a.get(K::ManagementTiers) + 1.0, b.get(K::ManagementTiers));
                        }
                    }
                    "municipal" => {
                        assert_eq!(a.get(K::SectionUnits), p.get("division_units_after"));
                        assert_eq!(b.get(K::SectionUnits), p.get("sections_before"));
                    }
                    "traffic" => {
                        assert_eq!(a.get(K::SectionUnits), b.get(K::SectionUnits));
                        assert!(a.get(K::PoliceAreas) <= p.get("police_areas"));
                    }
                    _ => unreachable!(),
                }
                for org in &s.steps {
                    let walk = org.walk();
                    let mut ids: Vec<&str> = walk.iter().map(|(_, u)| u.id.as_str()).collect();
                    ids.sort_unstable();
                    ids.dedup();
                    assert_eq!(ids.len(), walk.len(), "{}: duplicate ids", v.key);
                    for (_, u) in &walk {
                        if matches!(u.kind, UnitKind::Team | UnitKind::Group) {
                            assert!(u.staff.total() > 0, "{}: empty {}", v.key, u.id);
                        }
                        // Sub-units of stations and internal units are never internal units.
                        if u.kind.is_station() || u.kind == UnitKind::Section {
                            assert!(u.children.iter().all(|c| c.kind != UnitKind::InternalUnit));
                        }
                    }
                    let d = diagram(org, Lang::Zh, true);
                    assert!(d.width.is_finite() && d.height.is_finite());
                }
            }
        }
    }
    assert!(
        built > 60,
        "{}: only {built} of 600 random sets built",
        v.key
    );
    assert!(
        refused > 0,
        "{}: no random set was refused: the generator is too tame",
        v.key
    );
}

#[test]
fn defaults_stay_small_enough_to_draw() {
    for v in VARIANTS {
        let s = v.build(&v.defaults()).unwrap();
        for org in &s.steps {
            assert!(org.walk().len() < 1_000, "{}: {}", v.key, org.walk().len());
        }
    }
}

/// Binhai: the abolished sub-bureaus' officers go down to the stations, in the reform's direction
/// ("充實至基層所隊"); the new-area bureau's own headquarters gains no one (it had 50 % before).
#[test]
fn binhai_abolished_sub_bureaus_staff_go_down_not_up() {
    let s = defaults("binhai");
    let (before, after) = (s.before(), s.after());
    assert_eq!(
        after.staff.organ, before.staff.organ,
        "the bureau's own posts"
    );
    let stations = |org: &Unit| -> u32 {
        org.walk()
            .iter()
            .filter(|(_, u)| u.kind.is_station())
            .map(|(_, u)| u.staff.total())
            .sum()
    };
    let freed: u32 = before
        .children
        .iter()
        .filter(|u| u.kind == UnitKind::SubBureau)
        .map(|u| u.staff.total())
        .sum();
    assert!(freed > 0);
    assert_eq!(stations(after), stations(before) + freed);
    assert!(compute(after).get(K::FrontlineShare) > compute(before).get(K::FrontlineShare));
}

/// 警區警長責任制 (issue 19): "將20個交警大隊劃分為66個警區,警區與派出所管理對應". At defaults the 20
/// brigades remain and hold 66 areas between them (6 with 4, 14 with 3), each led by a sergeant,
/// the brigades' frontline officers shared among them; nothing else changes and no officer is
/// added or lost. Over random parameters the areas are exactly the parameter's, or an error.
#[test]
fn traffic_brigades_are_divided_into_police_areas_and_remain() {
    use reform_explorer::model::org::{Branch, SERGEANT};
    let s = defaults("traffic");
    let (b, a) = (compute(s.before()), compute(s.after()));
    assert_eq!(b.get(K::SectionUnits), 20.0);
    assert_eq!(a.get(K::SectionUnits), 20.0);
    // The brigades counted as what they are.
    assert_eq!(b.get(K::TrafficBrigades), 20.0);
    assert_eq!(a.get(K::TrafficBrigades), 20.0);
    assert_eq!(a.get(K::Teams), 0.0, "police areas are not teams");
    assert_eq!(b.get(K::PoliceAreas), 0.0);
    assert_eq!(a.get(K::PoliceAreas), 66.0);
    assert_eq!(b.get(K::StaffTotal), a.get(K::StaffTotal));
    assert_eq!(b.get(K::OrganStaff), a.get(K::OrganStaff));
    let mut per: Vec<usize> = s
        .after()
        .children
        .iter()
        .map(|br| {
            assert_eq!(br.kind, UnitKind::Section);
            assert_eq!(br.staff.frontline, 0, "{}", br.id.as_str());
            for area in br.children.iter() {
                // A police area of its own kind, not a team: the change summary and the legend
                // name it so, and it is no team in the team counts.
                assert_eq!(area.kind, UnitKind::PoliceArea);
                assert_eq!(area.branch, Some(Branch::Traffic));
                assert_eq!(area.ranks.first(), Some(&SERGEANT));
                assert!(area.staff.frontline > 0);
            }
            br.children.len()
        })
        .collect();
    per.sort_unstable();
    assert_eq!(per.iter().filter(|&&k| k == 3).count(), 14);
    assert_eq!(per.iter().filter(|&&k| k == 4).count(), 6);
    // The sergeant adds a rank (an assumption the notes state): 4 → 5.
    assert_eq!(b.get(K::CommandChain) + 1.0, a.get(K::CommandChain));
    let d = diagram(s.after(), Lang::Zh, true);
    assert!(d.nodes.iter().any(|n| n.lines[0].starts_with("警区")));

    let v = variant("traffic");
    let mut rng = Rng::new(19);
    let (mut built, mut refused) = (0, 0);
    for _ in 0..400 {
        let mut p = v.defaults();
        for (k, hi) in [
            ("traffic_brigades", 40),
            ("traffic_brigade_staff", 80),
            ("traffic_brigade_command", 20),
            ("police_areas", 200),
        ] {
            p.set_raw(k, &rng.range(0, hi).to_string()).ok();
        }
        match v.build(&p) {
            Ok(s) => {
                built += 1;
                let (b, a) = (compute(s.before()), compute(s.after()));
                assert_eq!(b.get(K::StaffTotal), a.get(K::StaffTotal));
                assert_eq!(b.get(K::SectionUnits), a.get(K::SectionUnits));
                let divisible = s
                    .before()
                    .children
                    .iter()
                    .filter(|u| u.staff.frontline > 0)
                    .count();
                let want = if divisible == 0 {
                    0.0
                } else {
                    p.get("police_areas")
                };
                assert_eq!(a.get(K::PoliceAreas), want);
            }
            Err(e) => {
                refused += 1;
                assert!(!e.message(Lang::En).is_empty());
            }
        }
    }
    assert!(built > 0 && refused > 0, "{built} {refused}");
}

/// The lineage list of the sub-bureaus' big departments: each system is named with its
/// sub-bureau (every sub-bureau has the same four), and formed from that sub-bureau's
/// departments, written as one run ("Department 1–6").
#[test]
fn lineage_list_names_each_systems_sub_bureau_and_its_departments() {
    use reform_explorer::model::lineage::list;
    let s = defaults("sub_bureau");
    let entries = list(s.before(), s.after(), Lang::En);
    let second: Vec<&str> = entries
        .iter()
        .filter(|e| e.1 .0.starts_with("Sub-bureau 2 · "))
        .map(|e| e.1 .2.as_str())
        .collect();
    assert_eq!(second.len(), 4, "{entries:?}");
    for from in &second {
        assert!(from.starts_with("Department "), "{from}");
        assert!(from.contains('–') && !from.contains(','), "{from}");
    }
}
