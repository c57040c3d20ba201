//! The Daqing model against its sources (shared/domain/cases.md section 1), and properties
//! over the whole parameter space.

mod common;

use common::Rng;
use reform_explorer::i18n::Lang;
use reform_explorer::layout::diagram::diagram;
use reform_explorer::model::cases::daqing::{sub_bureaus_after, VARIANTS};
use reform_explorer::model::cases::{CaseId, Scenario};
use reform_explorer::model::lineage::{Change, Lineage};
use reform_explorer::model::metrics::{compute, MetricKey as K};
use reform_explorer::model::org::UnitKind;

fn urban() -> &'static reform_explorer::model::cases::Variant {
    CaseId::Daqing.variant("urban").expect("urban variant")
}

fn defaults() -> Scenario {
    urban().build(&urban().defaults()).expect("defaults build")
}

#[test]
fn defaults_reproduce_the_sources_structure() {
    let s = defaults();
    let (b, a) = (compute(s.before()), compute(s.after()));
    // "把市区10个公安分局和70个派出所合并,重新设置为20个公安分局"
    assert_eq!(b.get(K::SubBureaus), 10.0);
    assert_eq!(b.get(K::Stations), 70.0);
    assert_eq!(a.get(K::SubBureaus), 20.0);
    assert_eq!(a.get(K::Stations), 0.0);
    // "变市局、分局、派出所三层管理为市局、分局两层管理"
    assert_eq!(b.get(K::ManagementTiers), 3.0);
    assert_eq!(a.get(K::ManagementTiers), 2.0);
    // "内设机构由平均20个左右统一合并为4个"
    assert_eq!(b.get(K::InternalUnits), 20.0);
    assert_eq!(a.get(K::InternalUnits), 4.0);
    // 7 ranks → 3 ranks
    assert_eq!(b.get(K::CommandChain), 7.0);
    assert_eq!(a.get(K::CommandChain), 3.0);
    // "三组一队即6人队": teams of 6 (the remainder joins teams, so the mean is 6 to 7)
    let ts = a.get(K::TeamSize);
    assert!((6.0..7.0).contains(&ts), "team size {ts}");
    // about 100,000 residents and 100–150 officers per sub-bureau
    assert_eq!(a.get(K::ResidentsPerSubBureau), 100_000.0);
    let per = a.get(K::StaffPerSubBureau);
    assert!((100.0..=150.0).contains(&per), "{per}");
}

#[test]
fn defaults_keep_staff_and_compute_the_frontline_share() {
    let s = defaults();
    let (b, a) = (compute(s.before()), compute(s.after()));
    assert_eq!(b.get(K::StaffTotal), a.get(K::StaffTotal));
    // The before share is the reported 48.5 % (an input), up to rounding to whole officers.
    assert!((b.get(K::FrontlineShare) - 0.485).abs() < 0.001);
    // The after share is computed, not copied: 1 − (4 leaders + 10 department) / 125.
    let expected = 1.0 - 14.0 / 125.0;
    assert!((a.get(K::FrontlineShare) - expected).abs() < 1e-9);
    assert_ne!(a.get(K::FrontlineShare), 0.89);
}

#[test]
fn every_unit_has_a_unique_id() {
    let s = defaults();
    for org in [s.before(), s.after()] {
        let mut ids: Vec<&str> = org.walk().iter().map(|(_, u)| u.id.as_str()).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }
}

#[test]
fn changing_a_parameter_changes_the_result() {
    let v = urban();
    let mut p = v.defaults();
    p.set_raw("population", "3000000").unwrap();
    p.set_raw("staff", "3750").unwrap();
    let a = compute(v.build(&p).unwrap().after());
    assert_eq!(a.get(K::SubBureaus), 30.0);
    assert_eq!(a.get(K::StaffTotal), 3750.0);
    p.set_raw("pairs_per_team", "4").unwrap();
    let a = compute(v.build(&p).unwrap().after());
    assert!(a.get(K::TeamSize) >= 8.0);
}

#[test]
fn infeasible_parameters_are_errors_not_panics() {
    let v = urban();
    let mut p = v.defaults();
    p.set_raw("station_frontline", "20").unwrap();
    assert!(v.build(&p).is_err());
    let mut p = v.defaults();
    p.set_raw("staff", "100").unwrap();
    let e = v.build(&p).unwrap_err();
    assert!(!e.message(Lang::Zh).is_empty() && !e.message(Lang::En).is_empty());
    let mut p = v.defaults();
    p.set_raw("staff_standard_min", "200").unwrap();
    assert!(v.build(&p).is_err());
}

#[test]
fn sizing_rule() {
    // By population, inside the staffing standard.
    assert_eq!(sub_bureaus_after(2_000_000, 100_000, 2_500, 100, 150), 20);
    // Population would give 10, but 2,500 officers need at least 17 sub-bureaus of ≤ 150.
    assert_eq!(sub_bureaus_after(1_000_000, 100_000, 2_500, 100, 150), 17);
    // Population would give 40, but 2,500 officers fill at most 25 of ≥ 100.
    assert_eq!(sub_bureaus_after(4_000_000, 100_000, 2_500, 100, 150), 25);
    // No count satisfies the standard: population alone.
    assert_eq!(sub_bureaus_after(2_000_000, 100_000, 50, 100, 150), 20);
    assert!(sub_bureaus_after(0, 100_000, 0, 1, 1) >= 1);
}

/// Random parameter sets over every range: the model never panics; when it builds, staff are
/// conserved, the after structure has two tiers and a three-rank chain, and the diagrams lay out.
#[test]
fn random_parameters_keep_the_invariants() {
    for v in VARIANTS {
        random_parameters(v);
    }
}

fn random_parameters(v: &'static reform_explorer::model::cases::Variant) {
    let urban = v.key == "urban";
    let mut rng = Rng::new(20_051_001);
    let (mut built, mut refused) = (0, 0);
    for _ in 0..600 {
        let p = common::random_params(v, &mut rng);
        match v.build(&p) {
            Err(_) => refused += 1,
            Ok(s) => {
                built += 1;
                let (b, a) = (compute(s.before()), compute(s.after()));
                assert_eq!(
                    b.get(K::StaffTotal),
                    a.get(K::StaffTotal),
                    "staff conserved"
                );
                if urban {
                    assert_eq!(b.get(K::StaffTotal), p.get("staff"));
                    assert_eq!(a.get(K::ManagementTiers), 2.0);
                    assert_eq!(a.get(K::CommandChain), 3.0);
                    let tiers = if p.get("stations_before") > 0.0 {
                        3.0
                    } else {
                        2.0
                    };
                    assert_eq!(b.get(K::ManagementTiers), tiers);
                    // Measure 5's brigades and sections are merged into the sub-bureaus, never
                    // abolished, whether their officers form new teams or join the teams there.
                    let lineage = Lineage::of(s.before(), s.after());
                    for u in s.before().children.iter() {
                        if u.kind == UnitKind::Section && u.staff.frontline > 0 {
                            assert_eq!(
                                lineage.before.get(u.id.as_str()),
                                Some(&Change::MergedInto),
                                "{} {:?}",
                                u.id.as_str(),
                                p
                            );
                        }
                    }
                } else if v.key == "yunnan" {
                    // Every squadron ends under a station: none left in the brigades.
                    assert_eq!(a.get(K::Teams), 3.0 * p.get("yn_stations"), "{:?}", p);
                } else if v.key == "municipal" {
                    // The two kinds of work join domestic security, whatever their sizes.
                    assert_eq!(
                        a.get(K::DomesticSecurityStaff),
                        p.get("domestic_security_staff")
                            + p.get("community_work_staff")
                            + p.get("economic_protection_staff")
                    );
                } else {
                    assert_eq!(a.get(K::Stations), p.get("central_stations_after"));
                    assert_eq!(a.get(K::CountyBureaus), p.get("county_bureaus"));
                    // Merging stations never loses frontline posts; only headquarters units can.
                    if p.get("county_organ_units_after") == 0.0 {
                        assert!(a.get(K::StaffFrontline) >= b.get(K::StaffFrontline));
                    }
                }
                assert!(b.get(K::FrontlineShare) <= 1.0 && a.get(K::FrontlineShare) <= 1.0);
                for org in [s.before(), s.after()] {
                    for (_, u) in org.walk() {
                        if u.kind == UnitKind::Team {
                            assert!(u.staff.total() > 0);
                        }
                    }
                    if org.walk().len() < 5_000 {
                        let d = diagram(org, Lang::Zh, true);
                        assert!(d.width.is_finite() && d.height.is_finite());
                    }
                }
            }
        }
    }
    assert!(
        built > 60,
        "{}: only {built} of 600 random sets built",
        v.key
    );
    // The headquarters and Yunnan scopes have no infeasible set: any sizes can share an office
    // or move.
    assert!(
        refused > 0 || v.key == "municipal" || v.key == "yunnan",
        "no random set was refused: the generator is too tame"
    );
}

#[test]
fn county_defaults_reproduce_the_sources_structure() {
    let v = CaseId::Daqing.variant("county").expect("county variant");
    let s = v.build(&v.defaults()).unwrap();
    let (b, a) = (compute(s.before()), compute(s.after()));
    // "内设机构由原来平均30个左右整合为8个"
    assert_eq!(b.get(K::InternalUnits), 30.0);
    assert_eq!(a.get(K::InternalUnits), 8.0);
    // "将全市61个农村派出所合并为31个中心派出所", and the county-town stations are abolished.
    let kinds = |org: &reform_explorer::model::org::Unit, k: UnitKind| {
        org.walk().iter().filter(|(_, u)| u.kind == k).count()
    };
    assert_eq!(kinds(s.after(), UnitKind::CentralStation), 31);
    assert_eq!(kinds(s.after(), UnitKind::Station), 0);
    let rural = s
        .before()
        .walk()
        .iter()
        .filter(|(_, u)| u.id.starts_with("rs"))
        .count();
    assert_eq!(rural, 61);
    assert_eq!(b.get(K::StaffTotal), a.get(K::StaffTotal));
    // Merging stations frees command posts, and guidance units turn operational.
    assert!(a.get(K::FrontlineShare) > b.get(K::FrontlineShare));
    assert_eq!(b.get(K::ManagementTiers), 3.0);
    assert_eq!(a.get(K::ManagementTiers), 3.0);
}

/// 五是 全警下沉 (issue 19): "市局将交警支队的9个勤务大队、公安消防支队的6个消防科人员全部下沉分局,
/// 与分局社区、治安共同负责交通、消防工作". The 9 brigades and 6 sections are drawn under the
/// municipal bureau at the baseline and steps 1 to 3, and at step 4 (measure 5) all their officers move into the
/// sub-bureaus' community and patrol branches, in new teams; nothing else changes.
#[test]
fn measure_five_moves_the_traffic_brigades_and_fire_sections_into_the_sub_bureaus() {
    let v = urban();
    assert_eq!(
        v.levers.iter().map(|l| l.key).collect::<Vec<_>>(),
        [
            "fewer_tiers",
            "merge_units",
            "pairs_and_teams",
            "whole_force_down",
            "vertical_management"
        ]
    );
    let s = defaults();
    let sinking = |org: &reform_explorer::model::org::Unit| -> Vec<(String, u32)> {
        org.children
            .iter()
            .filter(|u| u.kind == UnitKind::Section)
            .map(|u| (u.name.zh().to_string(), u.staff.frontline))
            .collect()
    };
    let before = sinking(s.before());
    assert_eq!(before.len(), 15);
    assert_eq!(
        before
            .iter()
            .filter(|(n, _)| n.starts_with("交警勤务大队"))
            .count(),
        9
    );
    assert_eq!(
        before
            .iter()
            .filter(|(n, _)| n.starts_with("消防科"))
            .count(),
        6
    );
    let moved: u32 = before.iter().map(|(_, f)| f).sum();
    assert_eq!(moved, 9 * 10 + 6 * 5);
    // The first four steps leave them; the sub-bureaus hold the rest of the 2,500.
    for step in 0..4 {
        assert_eq!(sinking(s.at(step)), before, "step {step}");
    }
    let sub_bureaus = |org: &reform_explorer::model::org::Unit| -> u32 {
        org.children
            .iter()
            .filter(|u| u.kind == UnitKind::SubBureau)
            .map(|u| u.staff_total().total())
            .sum()
    };
    assert_eq!(sub_bureaus(s.at(3)), 2_500 - moved);
    // Step 4 (measure 5): none left, every officer in a sub-bureau, the total kept.
    let after = s.after();
    assert!(sinking(after).is_empty());
    assert_eq!(sub_bureaus(after), 2_500);
    assert_eq!(after.staff_total().total(), 2_500);
    // They joined the community and patrol branches only ("与分局社区、治安共同负责").
    for (sb3, sb4) in s.at(3).children.iter().zip(after.children.iter()) {
        for (b3, b4) in sb3.children.iter().zip(sb4.children.iter()) {
            let grew = b4.staff_total().total() > b3.staff_total().total();
            let joins =
                b4.id.as_str().ends_with("/community") || b4.id.as_str().ends_with("/patrol");
            assert_eq!(grew, joins, "{}", b4.id.as_str());
        }
    }
    // The new teams were formed from the brigades and sections: they are merged, not lost.
    let formed = after
        .walk()
        .iter()
        .filter(|(_, u)| {
            u.kind == UnitKind::Team && u.from.iter().any(|f| f.as_str().starts_with("tb"))
        })
        .count();
    assert!(formed > 0);
    // The reform's figures the sources report do not move: frontline share, tiers, command
    // chain, sub-bureaus, stations, and 125 officers a sub-bureau in the end.
    let (b, a) = (compute(s.before()), compute(after));
    assert!((b.get(K::FrontlineShare) - 0.485).abs() < 0.001);
    assert!((a.get(K::FrontlineShare) - (1.0 - 14.0 / 125.0)).abs() < 1e-9);
    assert_eq!(b.get(K::CommandChain), 7.0);
    assert_eq!(a.get(K::CommandChain), 3.0);
    assert_eq!(compute(s.at(3)).get(K::CommandChain), 3.0);
    assert_eq!(a.get(K::ManagementTiers), 2.0);
    assert_eq!(a.get(K::SubBureaus), 20.0);
    assert_eq!(a.get(K::StaffPerSubBureau), 125.0);
    // Pairs and teams still hold: teams of 6 to 7 on average.
    let ts = a.get(K::TeamSize);
    assert!((6.0..7.0).contains(&ts), "{ts}");
}

/// Without brigades or sections (none, or of no officers), measure 5 finds nothing to act on,
/// and the reform is the first four measures' (the model before issue 19's measure 5: 360 teams).
#[test]
fn measure_five_with_nothing_to_move_is_idle() {
    let v = urban();
    for (count, size) in [
        ("traffic_brigades", "fire_sections"),
        ("traffic_brigade_staff", "fire_section_staff"),
    ] {
        let mut p = v.defaults();
        p.set_raw(count, "0").unwrap();
        p.set_raw(size, "0").unwrap();
        let s = v.build(&p).unwrap();
        assert!(s.idle(4), "{count}");
        let a = compute(s.after());
        assert_eq!(a.get(K::StaffPerSubBureau), 125.0);
        assert_eq!(a.get(K::Teams), 360.0);
        assert!(!s
            .before()
            .children
            .iter()
            .any(|u| u.kind == UnitKind::Section));
    }
}

/// 一是 垂直管理 (issue 19): "改革前,各区公安分局人、财、物和党组织关系由所在区管理 … 改革后,市公安局
/// 对各公安分局实行人、财、物和党组织关系的直接管理". Before, every sub-bureau is run by its district
/// (the diagram draws its line from the municipal bureau dashed and says so in its box); the merged
/// sub-bureaus keep that; the last step (measure 1) makes every one run by the municipal bureau,
/// and changes nothing else.
#[test]
fn measure_one_moves_the_sub_bureaus_from_their_districts_to_the_municipal_bureau() {
    use reform_explorer::model::org::{Lead, Unit};
    let s = defaults();
    let leads = |org: &Unit| -> Vec<Lead> {
        org.children
            .iter()
            .filter(|u| u.kind == UnitKind::SubBureau)
            .map(|u| u.lead)
            .collect()
    };
    assert_eq!(leads(s.before()), vec![Lead::Local; 10]);
    for step in 1..=4 {
        assert_eq!(leads(s.at(step)), vec![Lead::Local; 20], "step {step}");
    }
    assert_eq!(leads(s.after()), vec![Lead::Above; 20]);
    // Nothing else: the same tree as step 4 once the leads are set back.
    let mut back = s.after().clone();
    for sb in back.children.iter_mut() {
        if sb.kind == UnitKind::SubBureau {
            sb.lead = Lead::Local;
        }
    }
    assert_eq!(&back, s.at(4));
    // Every figure stays but the count of locally run units: 10 before, 20 after the merge, 0.
    let (m4, m5) = (compute(s.at(4)), compute(s.after()));
    assert_eq!(compute(s.before()).get(K::LocallyRun), 10.0);
    assert_eq!(m4.get(K::LocallyRun), 20.0);
    assert_eq!(m5.get(K::LocallyRun), 0.0);
    for k in K::ALL.into_iter().filter(|&k| k != K::LocallyRun) {
        assert_eq!(m4.get(k), m5.get(k), "{k:?}");
    }
    // No other unit is ever run locally.
    for step in 0..=5 {
        assert!(s
            .at(step)
            .walk()
            .iter()
            .all(|(_, u)| u.kind == UnitKind::SubBureau || u.lead == Lead::Above));
    }
    // The diagram: before, the sub-bureaus' box says so and its line is a guidance line; after
    // measure 1, neither.
    for (org, local) in [(s.before(), true), (s.at(4), true), (s.after(), false)] {
        for lang in [Lang::Zh, Lang::En] {
            let d = diagram(org, lang, true);
            let sbs: Vec<usize> = (0..d.nodes.len())
                .filter(|&i| d.nodes[i].kind == UnitKind::SubBureau)
                .collect();
            assert!(!sbs.is_empty());
            for i in sbs {
                let n = &d.nodes[i];
                assert_eq!(n.local, local);
                assert_eq!(d.edge(i).unwrap().guide, local);
                // The line may be wrapped (a space where it breaks in English).
                let says = n.lines.join(" ").contains(reform_explorer::i18n::tr(
                    lang,
                    reform_explorer::i18n::Msg::RunLocally,
                ));
                assert_eq!(says, local, "{lang:?}");
            }
            assert!(d
                .nodes
                .iter()
                .enumerate()
                .filter(|(_, n)| n.kind != UnitKind::SubBureau)
                .all(|(i, n)| !n.local && d.edge(i).is_none_or(|e| !e.guide)));
        }
    }
    assert!(!s.idle(5));
}

/// 大情报、大国保 (issue 19): "将反恐处与情报信息中心合署办公,将社区、经保工作由市局治安支队转为国保
/// 支队管理". In the municipal headquarters scope the counter-terrorism division and the
/// intelligence centre end inside one shared office, both whole, and the public order
/// detachment's community and economic-protection sections end under the domestic security
/// detachment; no officer is added or lost, and each step is idle where it finds nothing.
#[test]
fn municipal_headquarters_big_intelligence_and_big_domestic_security() {
    use reform_explorer::model::org::{Branch, Unit};
    let v = CaseId::Daqing.variant("municipal").expect("municipal");
    let s = v.build(&v.defaults()).expect("defaults");
    assert_eq!(s.steps.len(), 3);
    let under = |org: &Unit, b: Branch| -> Vec<String> {
        let u = org
            .children
            .iter()
            .find(|u| u.branch == Some(b))
            .expect("unit of branch");
        u.children.iter().map(|c| c.id.to_string()).collect()
    };
    let top =
        |org: &Unit| -> Vec<String> { org.children.iter().map(|c| c.id.to_string()).collect() };
    assert_eq!(top(s.before()), ["ct", "intel", "po", "ds"]);
    assert_eq!(
        under(s.before(), Branch::Patrol),
        ["po/community", "po/economic"]
    );
    // Step 1: one shared office holds both, whole.
    assert_eq!(top(s.at(1)), ["dq/big-intel", "po", "ds"]);
    assert_eq!(under(s.at(1), Branch::Intelligence), ["ct", "intel"]);
    let shared = &s.at(1).children[0];
    assert_eq!(shared.staff.total(), 0);
    assert_eq!(
        shared.staff_total(),
        s.before().children[0].staff_total() + s.before().children[1].staff_total()
    );
    // Step 2: the two sections move under domestic security.
    assert!(under(s.after(), Branch::Patrol).is_empty());
    assert_eq!(
        under(s.after(), Branch::DomesticSecurity),
        ["po/community", "po/economic"]
    );
    let (b, a) = (compute(s.before()), compute(s.after()));
    assert_eq!(b.get(K::StaffTotal), a.get(K::StaffTotal));
    assert_eq!(b.get(K::SpanMax), 4.0);
    assert_eq!(a.get(K::SpanMax), 3.0);
    assert_eq!(a.get(K::SectionUnits), 2.0);
    // Applied again, each finds nothing.
    let again = (v.levers[0].apply)(&v.defaults(), s.after().clone()).unwrap();
    assert_eq!(&again, s.after());
    let again = (v.levers[1].apply)(&v.defaults(), s.after().clone()).unwrap();
    assert_eq!(&again, s.after());
    // On the urban organisation (none of these units) both are idle.
    let u = urban().build(&urban().defaults()).unwrap();
    for l in v.levers {
        assert_eq!(
            &(l.apply)(&v.defaults(), u.after().clone()).unwrap(),
            u.after(),
            "{}",
            l.key
        );
    }
}

/// Document 001's Yunnan "三队一组" (issue 19), modelled where the source gives a structure:
/// "社区民警、刑侦、巡警三个警种都在派出所所长的领导下". Before, the squadrons posted to each station
/// belong to the county bureau's brigades; after, each station holds its community officers'
/// squadron and the two squadrons posted to it, the brigades remain, and no officer moves in or
/// out of the town.
#[test]
fn yunnan_three_teams_one_group_puts_the_three_under_the_station_head() {
    use reform_explorer::model::org::{Branch, STATION_HEAD};
    let v = CaseId::Daqing.variant("yunnan").expect("yunnan");
    let s = v.build(&v.defaults()).expect("defaults");
    let (b, a) = (compute(s.before()), compute(s.after()));
    assert_eq!(b.get(K::StaffTotal), a.get(K::StaffTotal));
    assert!(a.get(K::StationShare) > b.get(K::StationShare));
    for st in s
        .after()
        .children
        .iter()
        .filter(|u| u.kind == UnitKind::Station)
    {
        let branches: Vec<Option<Branch>> = st.children.iter().map(|c| c.branch).collect();
        assert_eq!(
            branches,
            [
                Some(Branch::Community),
                Some(Branch::Investigation),
                Some(Branch::Patrol)
            ],
            "{}",
            st.id.as_str()
        );
        assert_eq!(st.ranks, [STATION_HEAD]);
        assert_eq!(st.staff.frontline, 0);
    }
    // The brigades remain, with their own staff and no squadrons left.
    let brigades: Vec<_> = s
        .after()
        .children
        .iter()
        .filter(|u| u.kind == UnitKind::InternalUnit)
        .collect();
    assert_eq!(brigades.len(), 2);
    assert!(brigades
        .iter()
        .all(|u| u.children.is_empty() && u.staff.total() > 0));
    // The chain does not lengthen: brigade head and station head are one level each.
    assert_eq!(b.get(K::CommandChain), a.get(K::CommandChain));
    // A second application finds nothing.
    let again = (v.levers[0].apply)(&v.defaults(), s.after().clone()).unwrap();
    assert_eq!(&again, s.after());
    let rel = reform_explorer::model::cases::related::RELATED
        .iter()
        .find(|r| r.key == "three_teams_one_group")
        .unwrap();
    assert!(rel.summary.en.contains("modelled"));
}

/// The lineage list at the last step: the new teams of every sub-bureau are told apart by their
/// sub-bureau, and the traffic brigades and fire sections that formed them are written as runs.
#[test]
fn lineage_list_tells_the_teams_apart_and_writes_runs() {
    use reform_explorer::model::lineage::list;
    let s = defaults();
    for l in [Lang::En, Lang::Zh] {
        let entries = list(s.before(), s.after(), l);
        assert!(entries.len() > 20, "{}", entries.len());
        let team_ids: Vec<&str> = entries
            .iter()
            .map(|e| e.0.as_str())
            .filter(|id| id.contains("/t"))
            .collect();
        assert!(team_ids.len() > 10, "{team_ids:?}");
        for (id, (name, count, from)) in &entries {
            if !id.contains("/t") {
                continue;
            }
            // Sub-bureau, branch and team: three names.
            assert_eq!(name.matches(" · ").count(), 2, "{id}: {name}");
            assert!(!count.is_empty());
            if from.contains('–') {
                assert!(
                    !from.contains("more") && !from.contains('另'),
                    "{id}: {from}"
                );
            }
        }
        if l == Lang::En {
            let (_, (_, count, from)) = entries
                .iter()
                .find(|e| e.1 .2.contains("Fire"))
                .expect("a team formed from the fire sections");
            assert!(count.starts_with("formed from 15 old units"), "{count}");
            assert!(from.contains("Traffic duty brigade 1–9"), "{from}");
        }
    }
}
