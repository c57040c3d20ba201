//! The Zhejiang model against its source (shared/domain/cases.md section 2, seed 002), and
//! properties over the whole parameter space.

mod common;

use common::Rng;
use reform_explorer::i18n::Lang;
use reform_explorer::layout::diagram::diagram;
use reform_explorer::model::cases::zhejiang::VARIANTS;
use reform_explorer::model::cases::{CaseId, Scenario, Variant};
use reform_explorer::model::lineage::{Change, Lineage};
use reform_explorer::model::metrics::{compute, MetricKey as K};
use reform_explorer::model::org::{Branch, Unit, UnitKind};

fn variant(key: &str) -> &'static Variant {
    CaseId::Zhejiang.variant(key).expect("variant")
}

fn defaults(key: &str) -> Scenario {
    let v = variant(key);
    v.build(&v.defaults()).expect("defaults build")
}

fn lever_index(v: &Variant, key: &str) -> usize {
    1 + v
        .levers
        .iter()
        .position(|l| l.key == key)
        .expect("lever exists")
}

fn find<'a>(org: &'a Unit, id: &str) -> &'a Unit {
    org.walk()
        .into_iter()
        .map(|(_, u)| u)
        .find(|u| u.id == id)
        .unwrap_or_else(|| panic!("no unit {id}"))
}

fn names(u: &Unit) -> Vec<&str> {
    u.children.iter().map(|c| c.name.zh()).collect()
}

#[test]
fn variants_in_the_issues_order() {
    let keys: Vec<&str> = CaseId::Zhejiang.variants().iter().map(|v| v.key).collect();
    assert_eq!(keys, ["nanhu", "pujiang"]);
    assert!(CaseId::Zhejiang.is_modelled());
}

#[test]
fn nanhu_defaults_reproduce_the_sources_structure() {
    let v = variant("nanhu");
    let s = defaults("nanhu");
    let (b, a) = (compute(s.before()), compute(s.after()));
    // "嘉兴南湖分局原有内设机构32个,整合后,变为1个监督部门…3个综合部门…4个执法执勤部门…1个直属部门"
    assert_eq!(b.get(K::InternalUnits), 32.0);
    assert_eq!(a.get(K::InternalUnits), 9.0);
    let merged = s.at(lever_index(v, "merge_units"));
    assert_eq!(compute(merged).get(K::InternalUnits), 9.0);
    let top: Vec<&str> = merged
        .children
        .iter()
        .filter(|u| u.kind == UnitKind::InternalUnit)
        .map(|u| u.name.zh())
        .collect();
    assert_eq!(
        top,
        [
            "执法执纪监督中心",
            "政治处",
            "警令处",
            "警务保障处",
            "国内安全保卫局",
            "刑事犯罪侦查局",
            "治安管理局",
            "交通管理局",
            "拘留所"
        ]
    );
    // "8个内设机构整合为“三室两队”,即监察室、受案室、考评室、督察队、法制队"
    for org in &s.steps[1..] {
        let centre = find(org, "supervision");
        assert_eq!(
            names(centre),
            ["监察室", "受案室", "考评室", "督察队", "法制队"]
        );
        let kinds: Vec<UnitKind> = centre.children.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [
                UnitKind::Office,
                UnitKind::Office,
                UnitKind::Office,
                UnitKind::Team,
                UnitKind::Team
            ]
        );
        assert_eq!(centre.from.len(), 8);
    }
    // "内设综合管理室、专业研判室、刑事科学技术室及7个各有侧重的专业刑侦队"
    let count = |u: &Unit, role: &str| u.children.iter().filter(|c| c.role.zh == role).count();
    for (i, org) in s.steps.iter().enumerate().skip(1) {
        let cid = find(org, "cid");
        let offices: Vec<&str> = cid
            .children
            .iter()
            .filter(|c| c.kind == UnitKind::Office)
            .map(|c| c.name.zh())
            .collect();
        assert_eq!(offices, ["综合管理室", "专业研判室", "刑事科学技术室"]);
        assert_eq!(count(cid, "专业刑侦队"), 7);
        let step2 = lever_index(v, "three_tiers");
        if i >= step2 {
            // "共有4个片区刑侦队和一个打黑除恶专业队"
            assert_eq!(count(cid, "片区刑侦队"), 4);
            assert_eq!(count(cid, "打黑除恶专业队"), 1);
            assert_eq!(count(cid, "刑侦中队"), 0);
            assert_eq!(cid.children.len(), 3 + 7 + 4 + 1);
        } else {
            assert_eq!(count(cid, "刑侦中队"), 12);
        }
    }
    // The investigation bureau absorbs the six investigation functions the source names.
    let cid = find(s.after(), "cid");
    for name in [
        "刑侦大队",
        "经侦",
        "禁毒",
        "网警",
        "食药环侦查",
        "打击涉黄涉赌",
    ] {
        let old = s
            .before()
            .children
            .iter()
            .find(|u| u.name.zh() == name)
            .expect("named old unit");
        assert!(cid.from.contains(&old.id), "{name}");
    }
    // Management tiers: sub-bureau → station, unchanged.
    assert_eq!(b.get(K::ManagementTiers), 2.0);
    assert_eq!(a.get(K::ManagementTiers), 2.0);
    assert_eq!(b.get(K::Stations), 12.0);
    assert_eq!(a.get(K::Stations), 12.0);
    // One rank per unit head, the merged branches commanded by their sub-bureau leader: the
    // third investigation tier does not lengthen the chain (issue 19).
    assert_eq!(b.get(K::CommandChain), 4.0);
    assert_eq!(a.get(K::CommandChain), 4.0);
}

/// Issue 19: the source says the reform "压缩了指挥层级", and that "每一个大警种,由一名分局领导统筹指挥":
/// the law-enforcement departments have no head rank of their own (their head is the
/// sub-bureau leader), so no step lengthens the command chain, at the defaults and with any
/// number of stations per area team; the other departments keep their head.
#[test]
fn nanhu_command_chain_never_lengthens() {
    let doc = common::seed_text("002");
    if let Some(doc) = &doc {
        assert!(doc.contains("压缩了指挥层级"));
        assert!(doc.contains("每一个大警种,由一名分局领导统筹指挥"));
    }
    let v = variant("nanhu");
    for per in ["2", "3", "4"] {
        let mut p = v.defaults();
        p.set_raw("stations_per_area_team", per).unwrap();
        let s = v.build(&p).unwrap();
        let before = compute(s.before()).get(K::CommandChain);
        for (i, org) in s.steps.iter().enumerate() {
            let chain = compute(org).get(K::CommandChain);
            assert!(chain <= before, "step {i}: {chain} > {before}");
        }
        for key in ["domestic_security", "cid", "public_order", "traffic"] {
            assert!(find(s.after(), key).ranks.is_empty(), "{key}");
        }
        for key in [
            "supervision",
            "political",
            "command",
            "logistics",
            "detention",
        ] {
            assert_eq!(find(s.after(), key).ranks.len(), 1, "{key}");
        }
    }
    // The notes say why, in both languages.
    assert!(v
        .notes
        .iter()
        .any(|n| n.zh.contains("压缩了指挥层级") && n.en.contains("no longer")));
}

#[test]
fn nanhu_community_rooms() {
    let v = variant("nanhu");
    let s = defaults("nanhu");
    let i = lever_index(v, "community_rooms");
    // "分批次建成了70个社区警务室。70名专职社区民警…"
    assert_eq!(compute(s.at(i - 1)).get(K::CommunityRooms), 0.0);
    for org in &s.steps[i..] {
        let rooms: Vec<&Unit> = org
            .walk()
            .into_iter()
            .map(|(_, u)| u)
            .filter(|u| u.kind == UnitKind::CommunityRoom)
            .collect();
        assert_eq!(rooms.len(), 70);
        assert_eq!(compute(org).get(K::CommunityRooms), 70.0);
        assert!(rooms
            .iter()
            .all(|r| r.staff.total() == 1 && r.staff.frontline == 1));
        let officers: u32 = rooms.iter().map(|r| r.staff.total()).sum();
        assert_eq!(officers, 70);
        // Every room sits under a station.
        for st in org.children.iter().filter(|u| u.kind.is_station()) {
            assert!(st
                .children
                .iter()
                .all(|c| c.kind == UnitKind::CommunityRoom));
        }
        let under_stations: usize = org
            .children
            .iter()
            .filter(|u| u.kind.is_station())
            .map(|u| u.children.len())
            .sum();
        assert_eq!(under_stations, 70);
    }
    // The officers come from the stations' own staff: no one added.
    let flow = s.flow(i);
    assert_eq!((flow.organ, flow.frontline), (0, 0));
    let station_staff = |org: &Unit| -> u32 {
        org.children
            .iter()
            .filter(|u| u.kind.is_station())
            .map(|u| u.staff_total().total())
            .sum()
    };
    assert_eq!(station_staff(s.at(i - 1)), station_staff(s.at(i)));
}

#[test]
fn nanhu_investigation_goes_from_two_tiers_to_three() {
    let v = variant("nanhu");
    let s = defaults("nanhu");
    let i = lever_index(v, "three_tiers");
    // "改“刑侦大队-派出所刑侦中队”的刑事打处二元机制为“刑侦大队-片区刑侦队-派出所刑侦探组”刑事打击三级架构"
    assert_eq!(compute(s.before()).get(K::InvestigationTiers), 2.0);
    assert_eq!(compute(s.at(i - 1)).get(K::InvestigationTiers), 2.0);
    assert_eq!(compute(s.at(i)).get(K::InvestigationTiers), 3.0);
    assert_eq!(compute(s.after()).get(K::InvestigationTiers), 3.0);
    // Before: the squadrons hang under the brigade (their line of command), one per station.
    let brigade = find(s.before(), "o/criminal_brigade");
    assert_eq!(brigade.branch, Some(Branch::Investigation));
    assert_eq!(brigade.kind, UnitKind::InternalUnit);
    assert_eq!(brigade.children.len(), 12);
    assert!(brigade
        .children
        .iter()
        .all(|c| c.kind == UnitKind::Team && c.branch == Some(Branch::Investigation)));
    // After: area teams each over 3 station detective groups ("对应2至4个派出所辖区").
    let after = s.at(i);
    let cid = find(after, "cid");
    let areas: Vec<&Unit> = cid
        .children
        .iter()
        .filter(|c| c.role.zh == "片区刑侦队")
        .collect();
    assert_eq!(areas.len(), 4);
    for a in &areas {
        assert_eq!(a.kind, UnitKind::Team);
        assert_eq!(a.branch, Some(Branch::Investigation));
        assert_eq!(a.children.len(), 3);
        assert!(a.children.iter().all(|g| g.kind == UnitKind::Group
            && g.branch == Some(Branch::Investigation)
            && g.from.len() == 1));
        assert_eq!(a.from.len(), 3);
    }
    assert_eq!(compute(after).get(K::Groups), 12.0);
    let flow = s.flow(i);
    assert_eq!((flow.organ, flow.frontline), (0, 0));
    // Area teams = stations ÷ stations per team, rounded up.
    for (stations, per, teams) in [(12, 3, 4), (12, 4, 3), (10, 3, 4), (7, 2, 4), (12, 12, 1)] {
        let mut p = v.defaults();
        p.set_raw("stations", &stations.to_string()).unwrap();
        p.set_raw("stations_per_area_team", &per.to_string())
            .unwrap();
        p.set_raw("community_rooms", "0").unwrap();
        p.set_raw("community_officers", "0").unwrap();
        let s = v.build(&p).expect("builds");
        let cid = find(s.after(), "cid");
        let n = cid
            .children
            .iter()
            .filter(|c| c.role.zh == "片区刑侦队")
            .count();
        assert_eq!(n, teams, "{stations} stations, {per} per team");
        assert_eq!(compute(s.after()).get(K::Groups), stations as f64);
    }
}

#[test]
fn nanhu_slimming_moves_89_to_the_front_line() {
    let v = variant("nanhu");
    let s = defaults("nanhu");
    let i = lever_index(v, "slim_organs");
    // "先后集中精简机关民警89人,下沉警力数占机关原有警力数的三分之一": computed from the
    // headquarters staff (267, an assumption) and the share (33.3 %).
    let flow = s.flow(i);
    assert_eq!(flow.organ, -89);
    assert_eq!(flow.frontline, 89);
    assert_eq!(flow.moved_down(), Some(89));
    let (b, a) = (compute(s.at(i - 1)), compute(s.at(i)));
    assert_eq!(b.get(K::OrganStaff) - a.get(K::OrganStaff), 89.0);
    // Leaders stay: the headquarters below them lose a third.
    let leaders = f64::from(s.at(i).staff.organ);
    assert_eq!(b.get(K::OrganStaff) - leaders, 267.0);
    assert_eq!(a.get(K::OrganStaff) - leaders, 178.0);
    // The moved officers go to the area teams and the stations, half each by default.
    let area = |org: &Unit| -> u32 {
        find(org, "cid")
            .children
            .iter()
            .filter(|c| c.role.zh == "片区刑侦队")
            .map(|c| c.staff_total().frontline)
            .sum()
    };
    let stations = |org: &Unit| -> u32 {
        org.children
            .iter()
            .filter(|u| u.kind.is_station())
            .map(|u| u.staff_total().frontline)
            .sum()
    };
    let to_area = area(s.at(i)) - area(s.at(i - 1));
    let to_stations = stations(s.at(i)) - stations(s.at(i - 1));
    assert_eq!(to_area + to_stations, 89);
    assert_eq!(to_area, 45);
    // The other levers move no one between headquarters and the front line.
    for j in 1..s.steps.len() {
        if j != i {
            assert_eq!(s.flow(j).organ, 0, "step {j}");
        }
    }
    assert!(compute(s.after()).get(K::FrontlineShare) > compute(s.before()).get(K::FrontlineShare));
}

#[test]
fn nanhu_lineage_every_old_unit_is_merged() {
    let s = defaults("nanhu");
    let old: Vec<&Unit> = s
        .before()
        .children
        .iter()
        .filter(|u| u.kind == UnitKind::InternalUnit)
        .collect();
    assert_eq!(old.len(), 32);
    // 15 named by the source, 17 placeholders.
    assert_eq!(old.iter().filter(|u| !u.placeholder).count(), 15);
    for step in &s.steps[1..] {
        let l = Lineage::of(s.before(), step);
        for u in &old {
            assert_eq!(l.before[u.id.as_str()], Change::MergedInto, "{}", u.id);
        }
        // Nothing is abolished: the root and stations are kept, squadrons merge into area
        // teams and detective groups.
        assert!(
            l.before.values().all(|c| *c != Change::Abolished),
            "an old unit vanished"
        );
        assert_eq!(l.before["nanhu"], Change::Kept);
        assert_eq!(l.before["st1"], Change::Kept);
        // Each of the nine new units is formed from old units.
        for key in [
            "supervision",
            "political",
            "command",
            "logistics",
            "domestic_security",
            "cid",
            "public_order",
            "traffic",
            "detention",
        ] {
            assert_eq!(l.after[key], Change::Formed, "{key}");
        }
    }
    let after = s.after();
    assert_eq!(find(after, "supervision").from.len(), 8);
    assert_eq!(find(after, "cid").from.len(), 6);
    assert_eq!(find(after, "detention").from, ["o/detention"]);
    // The 17 placeholders go in order to the six untraced units: 3, 3, 3, 3, 3, 2.
    let sizes: Vec<usize> = [
        "political",
        "command",
        "logistics",
        "domestic_security",
        "public_order",
        "traffic",
    ]
    .iter()
    .map(|k| find(after, k).from.len())
    .collect();
    assert_eq!(sizes, [3, 3, 3, 3, 3, 2]);
    let l = Lineage::of(s.before(), after);
    for k in 1..=12 {
        assert_eq!(l.before[format!("sq{k}").as_str()], Change::MergedInto);
    }
}

#[test]
fn pujiang_defaults_reproduce_the_sources_structure() {
    let v = variant("pujiang");
    let s = defaults("pujiang");
    let (b, a) = (compute(s.before()), compute(s.after()));
    // "将原来26个内设机构精简合并成8个"
    assert_eq!(b.get(K::InternalUnits), 26.0);
    assert_eq!(a.get(K::InternalUnits), 8.0);
    // "机关警种部门警力较改革前减少23.2%,全部充实到基层一线"
    let i = lever_index(v, "sink_staff");
    let dept = |org: &Unit| -> u32 {
        org.children
            .iter()
            .filter(|u| u.kind == UnitKind::InternalUnit)
            .map(|u| u.staff_total().total())
            .sum()
    };
    let (d0, d1) = (dept(s.at(i - 1)), dept(s.at(i)));
    let cut = f64::from(d0 - d1) / f64::from(d0);
    // Exactly, to the source's one decimal (the default headquarters staff is calibrated so).
    assert_eq!((cut * 1000.0).round(), 232.0, "cut {cut}");
    let flow = s.flow(i);
    assert_eq!(flow.net(), 0);
    assert_eq!(flow.organ, -i64::from(d0 - d1));
    assert_eq!(b.get(K::StaffTotal), a.get(K::StaffTotal));
    assert!(a.get(K::StationShare) > b.get(K::StationShare));
    // Every old unit merged, none abolished.
    let l = Lineage::of(s.before(), s.after());
    for u in s
        .before()
        .children
        .iter()
        .filter(|u| u.kind == UnitKind::InternalUnit)
    {
        assert_eq!(l.before[u.id.as_str()], Change::MergedInto);
    }
    assert!(l.before.values().all(|c| *c != Change::Abolished));
    // The incidents figure is reported only.
    assert!(v
        .reported
        .iter()
        .any(|r| r.metric.is_none() && r.after == Some(-21.6)));
}

#[test]
fn infeasible_parameters_are_errors_not_panics() {
    let v = variant("nanhu");
    for (key, value) in [
        ("organ_share_moved", "100"),
        ("internal_units_before", "20"),
        ("community_officers", "10"),
        ("station_staff", "2"),
        ("stations", "0"),
        ("anti_gang_staff", "200"),
        ("organ_staff_before", "30"),
    ] {
        let mut p = v.defaults();
        p.set_raw(key, value).unwrap();
        match v.build(&p) {
            Ok(_) => panic!("{key} = {value} should be refused"),
            Err(e) => {
                assert!(!e.message(Lang::Zh).is_empty() && !e.message(Lang::En).is_empty())
            }
        }
    }
    let v = variant("pujiang");
    for (key, value) in [
        ("internal_units_after", "30"),
        ("stations", "0"),
        ("organ_staff_before", "10"),
    ] {
        let mut p = v.defaults();
        p.set_raw(key, value).unwrap();
        assert!(v.build(&p).is_err(), "{key}");
    }
}

#[test]
fn every_unit_has_a_unique_id_and_placeholders_are_marked() {
    for v in VARIANTS {
        let s = v.build(&v.defaults()).unwrap();
        for org in &s.steps {
            let mut ids: Vec<&str> = org.walk().iter().map(|(_, u)| u.id.as_str()).collect();
            let n = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), n);
            assert!(n < 1_000, "{}: {n} units at defaults", v.key);
            for (_, u) in org.walk() {
                if u.name.zh().starts_with("内设机构") {
                    assert!(u.placeholder, "{}", u.id);
                }
            }
        }
    }
}

/// Random parameter sets over every range: the model never panics; when it builds, staff are
/// conserved, counts match the parameters, ids are unique, and the diagrams lay out.
#[test]
fn random_parameters_keep_the_invariants() {
    for v in VARIANTS {
        random_parameters(v);
    }
}

fn random_parameters(v: &'static Variant) {
    let nanhu = v.key == "nanhu";
    let mut rng = Rng::new(20_130_402);
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
                let total = s.before().staff_total().total();
                for (i, lever) in v.levers.iter().enumerate() {
                    if lever.conserves_staff {
                        assert_eq!(s.flow(i + 1).net(), 0, "{} keeps staff", lever.key);
                    }
                }
                assert_eq!(s.after().staff_total().total(), total);
                let (b, a) = (compute(s.before()), compute(s.after()));
                assert_eq!(b.get(K::InternalUnits), p.get("internal_units_before"));
                assert_eq!(b.get(K::Stations), p.get("stations"));
                assert_eq!(a.get(K::Stations), p.get("stations"));
                if nanhu {
                    assert_eq!(a.get(K::InternalUnits), 9.0);
                    assert_eq!(a.get(K::CommunityRooms), p.get("community_rooms"));
                    assert_eq!(a.get(K::Groups), p.get("stations"));
                    assert_eq!(b.get(K::InvestigationTiers), 2.0);
                    assert_eq!(a.get(K::InvestigationTiers), 3.0);
                    let moved = (p.get("organ_staff_before") * p.get("organ_share_moved") / 100.0)
                        .round() as i64;
                    let i = v.levers.len();
                    assert_eq!(s.flow(i).organ, -moved);
                    assert_eq!(s.flow(i).frontline, moved);
                    let l = Lineage::of(s.before(), s.after());
                    assert!(l.before.values().all(|c| *c != Change::Abolished));
                } else {
                    assert_eq!(a.get(K::InternalUnits), p.get("internal_units_after"));
                    assert!(a.get(K::StaffFrontline) >= b.get(K::StaffFrontline));
                }
                for org in &s.steps {
                    let walk = org.walk();
                    let mut ids: Vec<&str> = walk.iter().map(|(_, u)| u.id.as_str()).collect();
                    let n = ids.len();
                    ids.sort_unstable();
                    ids.dedup();
                    assert_eq!(ids.len(), n, "duplicate ids");
                    assert!(n < 5_000, "{n} units");
                    let m = compute(org);
                    assert!(m.get(K::FrontlineShare) <= 1.0);
                    assert!(m.get(K::StaffTotal) < 1.0e6);
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
        "no random set was refused: the generator is too tame"
    );
}

/// "下沉的警力,一部分充实到片区刑侦队……一部分转岗成为社区民警": the moved officers who do not
/// join the area teams take over the community rooms' posts, so every station gets back at least
/// the officers its rooms took from it in step 1.
#[test]
fn nanhu_moved_officers_become_the_community_officers() {
    let v = variant("nanhu");
    let s = defaults("nanhu");
    let i = lever_index(v, "slim_organs");
    let (before, after) = (s.at(i - 1), s.at(i));
    let stations = |org: &Unit| -> Vec<(u32, u32)> {
        org.walk()
            .iter()
            .filter(|(_, u)| u.kind.is_station())
            .map(|(_, u)| {
                let rooms = u
                    .children
                    .iter()
                    .filter(|c| c.kind == UnitKind::CommunityRoom)
                    .map(|c| c.staff.frontline)
                    .sum();
                (u.staff.frontline, rooms)
            })
            .collect()
    };
    let (b, a) = (stations(before), stations(after));
    assert!(!b.is_empty());
    // What the stations gain in all: the moved officers who did not join the area teams.
    let gained: u32 = b.iter().zip(&a).map(|(x, y)| y.0 - x.0).sum();
    let rooms: u32 = b.iter().map(|x| x.1).sum();
    assert_eq!(rooms, 70);
    assert!(gained > 0 && gained <= rooms, "{gained} at the defaults");
    // They take over the rooms' posts station by station, in order.
    let mut left = gained;
    for ((own_b, rooms_b), (own_a, rooms_a)) in b.iter().zip(&a) {
        assert_eq!(rooms_a, rooms_b, "the rooms keep their posts");
        let taken_over = (*rooms_b).min(left);
        assert_eq!(
            own_a - own_b,
            taken_over,
            "{own_b} → {own_a}, rooms {rooms_b}"
        );
        left -= taken_over;
    }
    // The notes say the same as the measure: no note sends the others to the stations.
    assert!(v
        .notes
        .iter()
        .any(|n| n.zh.starts_with("第三步") && n.zh.contains("转岗成为社区民警")));
    assert!(v.notes.iter().all(|n| !n.zh.contains("其余充实派出所")));
}
