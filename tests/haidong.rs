//! The Haidong model against its source (shared/domain/cases.md section 4), the grouping
//! algorithm's properties over many generated counties, and properties over the whole
//! parameter space.

mod common;

use std::collections::{HashSet, VecDeque};

use common::Rng;
use reform_explorer::i18n::Lang;
use reform_explorer::layout::diagram::diagram;
use reform_explorer::model::cases::haidong::{
    adjacency, balance, central_station, county_stations, group_districts, spiral, Station,
    BRIGADES, Q_BOTH, Q_BRANCHES, Q_DUTY, Q_EMERGENCY, Q_LEADERS, Q_NAMES, Q_OFFICE, Q_PARTY,
    Q_PROBLEM, Q_STABLE, ROW_SPECS, VARIANTS,
};
use reform_explorer::model::cases::{CaseId, Scenario, Variant};
use reform_explorer::model::metrics::{compute, work_units, MetricKey as K};
use reform_explorer::model::org::{Unit, UnitKind};

fn county() -> &'static Variant {
    CaseId::Haidong.variant("county").expect("county variant")
}

fn defaults() -> Scenario {
    county()
        .build(&county().defaults())
        .expect("defaults build")
}

fn units_of(org: &Unit, kind: UnitKind) -> Vec<&Unit> {
    org.walk()
        .into_iter()
        .map(|(_, u)| u)
        .filter(|u| u.kind == kind)
        .collect()
}

fn find<'a>(org: &'a Unit, id: &str) -> Option<&'a Unit> {
    org.walk().into_iter().map(|(_, u)| u).find(|u| u.id == id)
}

/// `unit` with the staff of `like`: a station after the reform compared with itself before.
fn same_but_staff(unit: &Unit, like: &Unit) -> Unit {
    let mut u = unit.clone();
    u.staff = like.staff;
    u
}

/// The district (in `org`) that holds station `id`.
fn district_of<'a>(org: &'a Unit, id: &str) -> Option<&'a Unit> {
    units_of(org, UnitKind::District)
        .into_iter()
        .find(|d| d.children.iter().any(|c| c.id == id))
}

#[test]
fn quotes_used_only_in_notes_and_tests_are_verbatim_too() {
    let Some(text) = common::seed_text("004") else {
        return;
    };
    for q in [
        Q_PROBLEM,
        Q_NAMES,
        Q_LEADERS,
        Q_BRANCHES,
        Q_BOTH,
        Q_STABLE,
        Q_OFFICE,
        Q_PARTY,
        Q_DUTY,
        Q_EMERGENCY,
    ] {
        let missing = common::missing_pieces(&text, q);
        assert!(missing.is_empty(), "not verbatim in 004: {missing:?}");
    }
    // The ten police types the model binds are the ten the source lists, in its order.
    for (_, name) in BRIGADES {
        let short: String = name.zh.chars().take(2).collect();
        assert!(Q_BRANCHES.contains(&short), "{short}");
    }
}

#[test]
fn defaults_reproduce_the_sources_structure() {
    let s = defaults();
    let (b, a) = (compute(s.before()), compute(s.after()));
    // "各县(区)的防区设置,不多于5个,城关派出所单设1个防区": at most five districts in all (the
    // county-town district counts in the five), the county-town station alone in the first.
    // The generated county (seed 1) gives four: the grouping reaches five, then a lone rural
    // station joins its neighbours ("若干个所").
    assert_eq!(b.get(K::Districts), 0.0);
    assert_eq!(a.get(K::Districts), 4.0);
    let districts = units_of(s.after(), UnitKind::District);
    let town = districts[0];
    let town_stations: Vec<&str> = town
        .children
        .iter()
        .filter(|c| c.kind.is_station())
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(town_stations, ["s1"]);
    for d in &districts[1..] {
        assert!(d.children.iter().all(|c| c.id != "s1"));
    }
    // "“一把手”负责县府所在防区": a label, not a move of staff.
    assert!(town.name.zh().contains("局长负责"), "{}", town.name.zh());
    // Sixteen stations before and after; no tier is added (a district is not a tier).
    assert_eq!(b.get(K::Stations), 16.0);
    assert_eq!(a.get(K::Stations), 16.0);
    assert_eq!(b.get(K::ManagementTiers), 2.0);
    assert_eq!(a.get(K::ManagementTiers), 2.0);
    assert_eq!(b.get(K::CommandChain), a.get(K::CommandChain));
    // "现有派出所机构、编制、职数、职级保持不变": every station is the same unit before and after,
    // but for the officers it groups across stations into its district's teams ("跨所编组警力",
    // who stay on its establishment and are drawn where they work).
    for st in units_of(s.before(), UnitKind::Station) {
        let after = find(s.after(), &st.id).expect("station kept");
        assert_eq!(same_but_staff(after, st), *st, "station {} changed", st.id);
    }
    // "设立综合指挥室、执法办案队、社区警务队" in every district; "队员一般不少于3人".
    for d in &districts {
        let offices = d.children.iter().filter(|c| c.kind == UnitKind::Office);
        assert_eq!(offices.count(), 1);
        let teams: Vec<&Unit> = d
            .children
            .iter()
            .filter(|c| c.kind == UnitKind::Team)
            .collect();
        assert_eq!(teams.len(), 2);
        assert!(teams[0].name.zh().starts_with("执法办案队"));
        assert!(teams[0].staff.total() >= 3, "{}", teams[0].staff.total());
        assert!(teams[1].name.zh().starts_with("社区警务队"));
        assert!(teams[1].staff.total() >= 1);
        // Placement is recorded in the name: "执法办案队（设在农村派出所3）".
        assert!(teams[0].name.zh().contains("设在"));
    }
    assert_eq!(b.get(K::Teams), 0.0);
    assert_eq!(a.get(K::Teams), 8.0);
    // Staff are kept; half of each brigade's 12 (6 × 10 = 60) leave headquarters for the
    // districts' teams: "机关民警变指导为参战".
    assert_eq!(b.get(K::StaffTotal), a.get(K::StaffTotal));
    assert_eq!(b.get(K::OrganStaff) - a.get(K::OrganStaff), 60.0);
    assert!(a.get(K::FrontlineShare) > b.get(K::FrontlineShare));
    // Ten brigades before and after.
    assert_eq!(b.get(K::InternalUnits), 10.0);
    assert_eq!(a.get(K::InternalUnits), 10.0);
}

#[test]
fn workload_spread_drops_at_defaults() {
    // "警力与警情不相匹配……忙闲不均": across the 16 generated stations, incidents per officer
    // vary widely; across the 4 districts (their stations and teams) much less. The numbers are
    // what the generated county (seed 1) gives, not a target.
    let s = defaults();
    let spread = |o: &Unit| compute(o).get(K::WorkloadSpread);
    let ratio = |o: &Unit| compute(o).get(K::WorkloadRatio);
    let (before, grouped, after) = (spread(s.before()), spread(&s.steps[1]), spread(s.after()));
    println!(
        "workload spread (CV of incidents per officer): stations {before:.3}, districts {grouped:.3}, with bound officers {after:.3}; max/min {:.2} → {:.2}",
        ratio(s.before()),
        ratio(s.after())
    );
    assert_eq!(work_units(s.before()).len(), 16);
    assert_eq!(work_units(s.after()).len(), 4);
    assert!((before - 0.463).abs() < 0.001, "{before}");
    assert!((grouped - 0.397).abs() < 0.001, "{grouped}");
    assert!((after - 0.092).abs() < 0.001, "{after}");
    assert!(grouped < before);
    assert!(after < grouped);
    assert!(after < 0.75 * before, "{after} vs {before}");
    assert!(ratio(s.after()) < ratio(s.before()) / 2.0);
    // The bound officers lower the incidents each officer of a work unit carries.
    assert!(
        compute(s.after()).get(K::IncidentsPerOfficer)
            < compute(s.before()).get(K::IncidentsPerOfficer)
    );
}

#[test]
fn spread_drops_in_most_generated_counties() {
    let v = county();
    let (mut built, mut dropped) = (0, 0);
    for seed in 1..=300 {
        let mut p = v.defaults();
        p.set_raw("seed", &seed.to_string()).unwrap();
        let Ok(s) = v.build(&p) else { continue };
        built += 1;
        let (b, a) = (compute(s.before()), compute(s.after()));
        if a.get(K::WorkloadSpread) < b.get(K::WorkloadSpread) {
            dropped += 1;
        }
    }
    assert!(built >= 290, "{built}");
    assert!(dropped * 10 >= built * 9, "{dropped} of {built}");
}

/// Breadth-first: is `members` connected in the adjacency graph using only its own nodes?
fn connected(members: &[usize], adj: &[Vec<usize>]) -> bool {
    let set: HashSet<usize> = members.iter().copied().collect();
    let Some(&start) = members.first() else {
        return true;
    };
    let mut seen = HashSet::from([start]);
    let mut queue = VecDeque::from([start]);
    while let Some(i) = queue.pop_front() {
        for &j in &adj[i] {
            if set.contains(&j) && seen.insert(j) {
                queue.push_back(j);
            }
        }
    }
    seen.len() == set.len()
}

#[test]
fn generated_rural_stations_form_a_connected_graph() {
    let v = county();
    for seed in [1u64, 7, 300, 9_999] {
        for n in 1..=60 {
            let mut p = v.defaults();
            p.set_raw("seed", &seed.to_string()).unwrap();
            p.set_raw("stations", &n.to_string()).unwrap();
            let st = county_stations(&p);
            assert_eq!(st.len(), n);
            assert!(st[0].town && st[1..].iter().all(|s| !s.town));
            let adj = adjacency(&st);
            for (i, ns) in adj.iter().enumerate() {
                for &j in ns {
                    assert!(adj[j].contains(&i), "adjacency is symmetric");
                }
            }
            let rural: Vec<usize> = (1..n).collect();
            assert!(connected(&rural, &adj), "seed {seed}, {n} stations");
        }
    }
    assert_eq!(spiral(3), vec![(0, 0), (1, 0), (1, 1)]);
}

/// The grouping over many generated counties, station counts, limits and caps: when it
/// succeeds, every rural station is in exactly one district, districts are connected, within
/// the limit and the cap, the county-town station is alone, and the result is deterministic.
#[test]
fn grouping_properties_over_generated_counties() {
    let v = county();
    let mut rng = Rng::new(20_230_930);
    let (mut ok, mut refused) = (0, 0);
    for seed in 1..=400u64 {
        let mut p = v.defaults();
        p.set_raw("seed", &seed.to_string()).unwrap();
        // Every other county at the defaults, the rest with random sizes, limits and caps.
        let (n, max, cap) = if seed % 2 == 0 {
            (16, 5, 7)
        } else {
            (
                rng.range(1, 40) as usize,
                rng.range(1, 8) as usize,
                rng.range(1, 12) as usize,
            )
        };
        p.set_raw("stations", &n.to_string()).unwrap();
        let st = county_stations(&p);
        let adj = adjacency(&st);
        match group_districts(&st, max, cap) {
            Err(e) => {
                refused += 1;
                assert!(!e.message(Lang::Zh).is_empty() && !e.message(Lang::En).is_empty());
            }
            Ok(groups) => {
                ok += 1;
                assert!(groups.len() <= max, "seed {seed}: {} > {max}", groups.len());
                assert_eq!(groups[0], vec![0], "the county-town station alone first");
                let mut seen = vec![0usize; n];
                for g in &groups {
                    assert!(!g.is_empty());
                    assert!(
                        g.len() <= cap.max(1),
                        "seed {seed}: size {} > {cap}",
                        g.len()
                    );
                    assert!(
                        connected(g, &adj),
                        "seed {seed}: district {g:?} not connected"
                    );
                    for &i in g {
                        seen[i] += 1;
                    }
                }
                assert!(seen.iter().all(|c| *c == 1), "seed {seed}: {seen:?}");
                // A rural station alone has no neighbouring district with room for it.
                for g in groups.iter().skip(1).filter(|g| g.len() == 1) {
                    for h in &groups[1..] {
                        let touches = h.iter().any(|&j| adj[g[0]].contains(&j));
                        assert!(h == g || !touches || h.len() + 1 > cap, "seed {seed}");
                    }
                }
                assert_eq!(group_districts(&st, max, cap).ok(), Some(groups));
            }
        }
    }
    assert!(ok > 250, "{ok} groupings succeeded");
    assert!(refused > 0, "no grouping was refused");
}

fn station(i: usize, cell: (i32, i32), incidents: u64) -> Station {
    Station {
        id: format!("s{}", i + 1),
        row: i + 1,
        town: i == 0,
        cell,
        x: f64::from(cell.0),
        y: f64::from(cell.1),
        residents: 1_000,
        incidents,
        staff: 5,
        community_size: 1_000,
    }
}

#[test]
fn grouping_merges_adjacent_stations_with_similar_incidents() {
    // A row: town, then four rural stations, two quiet and two busy.
    let st: Vec<Station> = [(0, 5_000), (1, 100), (2, 110), (3, 900), (4, 1_000)]
        .into_iter()
        .enumerate()
        .map(|(i, (x, inc))| station(i, (x, 0), inc))
        .collect();
    let g = group_districts(&st, 3, 4).unwrap();
    assert_eq!(g, vec![vec![0], vec![1, 2], vec![3, 4]]);
    // Stations 2 and 4 have the same level but do not touch: never in one district alone.
    let st: Vec<Station> = [(0, 0), (1, 100), (2, 900), (3, 100)]
        .into_iter()
        .enumerate()
        .map(|(i, (x, inc))| station(i, (x, 0), inc))
        .collect();
    let g = group_districts(&st, 3, 2).unwrap();
    assert_eq!(
        g,
        vec![vec![0], vec![1, 2], vec![3]],
        "ties go to the lowest numbers"
    );
    // With room, the station left alone joins its neighbours ("若干个所"): fewer districts.
    let g = group_districts(&st, 3, 3).unwrap();
    assert_eq!(g, vec![vec![0], vec![1, 2, 3]]);
    // A cap of 1 cannot bring three rural stations into two districts.
    let e = group_districts(&st, 3, 1).unwrap_err();
    assert!(e.message(Lang::En).contains("stations per district"));
    // A limit of 1 leaves nothing for the rural stations.
    assert!(group_districts(&st, 1, 5).is_err());
    // A county of the town alone is one district.
    assert_eq!(group_districts(&st[..1], 1, 1).unwrap(), vec![vec![0]]);
}

#[test]
fn table_edits_take_effect() {
    let v = county();
    let base = defaults();
    let old = find(base.before(), "s3").unwrap().staff.total();
    let old_district = district_of(base.after(), "s3").unwrap();
    let old_district_staff = old_district.staff_total().total();
    let mut p = v.defaults();
    let staff = ROW_SPECS.iter().find(|s| s.key == "staff").unwrap();
    p.set_edit(3, staff, "40").unwrap();
    let s = v.build(&p).unwrap();
    assert_eq!(find(s.before(), "s3").unwrap().staff.total(), 40);
    let d = district_of(s.after(), "s3").unwrap();
    assert_eq!(d.id, old_district.id);
    assert_eq!(d.staff_total().total(), old_district_staff + 40 - old);
    // Incidents and residents edits reach the baseline too.
    let inc = ROW_SPECS.iter().find(|s| s.key == "incidents").unwrap();
    let pop = ROW_SPECS.iter().find(|s| s.key == "population").unwrap();
    p.set_edit(3, inc, "12345").unwrap();
    p.set_edit(3, pop, "54321").unwrap();
    let s = v.build(&p).unwrap();
    let s3 = find(s.before(), "s3").unwrap();
    assert_eq!((s3.incidents, s3.residents), (12_345, 54_321));
    assert_eq!(same_but_staff(find(s.after(), "s3").unwrap(), s3), *s3);
    // A row beyond the station count is ignored.
    let mut p = v.defaults();
    p.set_edit(40, staff, "99").unwrap();
    assert_eq!(v.build(&p).unwrap(), base);
}

#[test]
fn infeasible_parameters_are_errors_not_panics() {
    let v = county();
    let refused = |key: &str, value: &str| {
        let mut p = v.defaults();
        p.set_raw(key, value).unwrap();
        let e = v.build(&p).unwrap_err();
        assert!(!e.message(Lang::Zh).is_empty() && !e.message(Lang::En).is_empty());
        e.message(Lang::En).to_string()
    };
    // Fewer leaders than districts (four at the defaults).
    assert!(refused("leaders", "3").contains("leader"));
    // No room for rural districts.
    assert!(refused("max_districts", "1").contains("districts per county"));
    // The cap stops the grouping.
    assert!(refused("district_cap", "2").contains("stations per district"));
    // No brigade officers to staff the teams.
    assert!(refused("brigade_staff", "0").contains("brigade"));
    assert!(refused("bound_share", "0").contains("brigade"));
}

#[test]
fn districts_never_exceed_the_limit() {
    let v = county();
    for max in 1..=5 {
        let mut p = v.defaults();
        p.set_raw("max_districts", &max.to_string()).unwrap();
        p.set_raw("leaders", "20").unwrap();
        if let Ok(s) = v.build(&p) {
            assert!(compute(s.after()).get(K::Districts) <= max as f64);
        }
    }
}

/// Random parameter sets over every range, with random table edits: the model never panics;
/// when it builds, every lever keeps staff, stations are unchanged, districts stay within the
/// limit, ids are unique and the diagrams lay out.
#[test]
fn random_parameters_keep_the_invariants() {
    for v in VARIANTS {
        random_parameters(v);
    }
}

fn random_parameters(v: &'static Variant) {
    let mut rng = Rng::new(20_230_929);
    let (mut built, mut refused) = (0, 0);
    for _ in 0..600 {
        let mut p = common::random_params(v, &mut rng);
        for _ in 0..rng.range(0, 4) {
            let row = rng.range(1, 30) as usize;
            let f = &v.row_specs[rng.range(0, v.row_specs.len() as u64 - 1) as usize];
            let steps = ((f.max - f.min) / f.step).floor() as u64;
            let value = f.min + (rng.unit().powi(3) * steps as f64) as u64 as f64 * f.step;
            p.set_edit(row, f, &f.format(value)).expect("in range");
        }
        match v.build(&p) {
            Err(e) => {
                refused += 1;
                assert!(!e.message(Lang::Zh).is_empty() && !e.message(Lang::En).is_empty());
            }
            Ok(s) => {
                built += 1;
                let (b, a) = (compute(s.before()), compute(s.after()));
                for i in 1..s.steps.len() {
                    assert_eq!(s.flow(i).net(), 0, "lever {i} keeps staff");
                }
                assert_eq!(b.get(K::Stations), p.get("stations"));
                assert_eq!(a.get(K::Stations), p.get("stations"));
                assert!(a.get(K::Districts) <= p.get("max_districts"));
                assert!(a.get(K::Districts) >= 1.0);
                assert_eq!(a.get(K::ManagementTiers), 2.0);
                for st in units_of(s.before(), UnitKind::Station) {
                    let after = find(s.after(), &st.id).expect("station kept");
                    assert_eq!(same_but_staff(after, st), *st);
                    // The head stays; the grouped officers work in the district's teams.
                    assert!(after.staff.total() >= 1 && after.staff.total() <= st.staff.total());
                }
                for (_, u) in s.after().walk() {
                    if u.kind == UnitKind::Team {
                        assert!(u.staff.total() > 0);
                    }
                    if u.id.ends_with("/case") {
                        assert!(f64::from(u.staff.total()) >= p.get("case_team_min"));
                    }
                }
                for m in [&b, &a] {
                    assert!(m.get(K::FrontlineShare) <= 1.0);
                    assert!(m.get(K::WorkloadSpread) >= 0.0);
                }
                for org in &s.steps {
                    let walk = org.walk();
                    let ids: HashSet<&str> = walk.iter().map(|(_, u)| u.id.as_str()).collect();
                    assert_eq!(ids.len(), walk.len(), "unique ids");
                    assert!(walk.len() < 2_000);
                }
                for org in [s.before(), s.after()] {
                    let d = diagram(org, Lang::Zh, true);
                    assert!(d.width.is_finite() && d.height.is_finite());
                }
            }
        }
    }
    println!("{}: {built} built, {refused} refused", v.key);
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

#[test]
fn bound_officers_go_where_incidents_per_officer_are_highest() {
    // 100 incidents on 1 officer against 10 on 1: the busy unit takes officers until it is no
    // busier than the other (100/10 = 10 = 10/1), then they alternate.
    assert_eq!(balance(9, &[100, 10], &[1, 1]), vec![9, 0]);
    assert_eq!(balance(11, &[100, 10], &[1, 1]), vec![10, 1]);
    assert_eq!(balance(4, &[0, 0, 0], &[5, 1, 1]), vec![2, 1, 1]);
    assert!(balance(4, &[], &[]).is_empty());
    for extra in 0..50 {
        let b = balance(extra, &[300, 20, 0, 75], &[3, 0, 2, 9]);
        assert_eq!(b.iter().sum::<u64>(), extra);
    }
}

/// Issue 19: "以防区为单元,集中打防资源,跨所编组警力,按照工作权限和程序设立综合指挥室、执法办案队、
/// 社区警务队": the district's teams are staffed across its stations as well as from the bound
/// brigade officers; "由业务能力强的派出所长担任队长,队员一般不少于3人": the case team's leader is a
/// station head, counted in the team beside at least 3 members. The officers only move inside
/// their district, so its total, and the workload spread, are those of step 02.
#[test]
fn district_teams_are_grouped_across_stations() {
    use reform_explorer::model::cases::haidong::{grouped_from, Q_M4};
    let Some(text) = common::seed_text("004") else {
        return;
    };
    assert!(common::missing_pieces(&text, Q_M4).is_empty());
    assert!(Q_M4.contains("跨所编组警力"));
    let v = county();
    for share in ["50", "0", "100"] {
        let mut p = v.defaults();
        p.set_raw("station_grouped", share).unwrap();
        let share = p.get("station_grouped");
        let case_min = p.get("case_team_min") as u32;
        let s = v.build(&p).unwrap();
        let bound_step = s.steps.len() - 2;
        let bound = s.at(bound_step);
        assert_eq!(
            compute(bound).get(K::WorkloadSpread),
            compute(s.after()).get(K::WorkloadSpread)
        );
        for d in units_of(s.after(), UnitKind::District) {
            let before = find(bound, &d.id).expect("district at step 02");
            assert_eq!(d.staff_total(), before.staff_total(), "{}", d.id);
            let bound_officers = before.staff.total();
            let stations: Vec<&Unit> = d.children.iter().filter(|u| u.kind.is_station()).collect();
            let teams: Vec<&Unit> = d
                .children
                .iter()
                .filter(|u| matches!(u.kind, UnitKind::Team | UnitKind::Office))
                .collect();
            assert_eq!(teams.len(), 3);
            let in_teams: u32 = teams.iter().map(|t| t.staff.total()).sum();
            let from_stations: u32 = stations
                .iter()
                .map(|st| find(bound, &st.id).unwrap().staff.total() - st.staff.total())
                .sum();
            // Every officer of the teams is a bound brigade officer or one grouped from the
            // district's stations.
            assert_eq!(in_teams, bound_officers + from_stations, "{}", d.id);
            // Each station gives its share of the officers other than its head; the case
            // team's station gives its head too, who leads the team.
            let case = teams.iter().find(|t| t.id.ends_with("/case")).unwrap();
            assert!(
                case.staff.total() > case_min,
                "leader + at least {case_min}"
            );
            let case_at = stations
                .iter()
                .max_by_key(|st| {
                    (
                        find(bound, &st.id).unwrap().staff.total(),
                        std::cmp::Reverse(st.id.to_string()),
                    )
                })
                .unwrap();
            assert!(case.name.zh().contains(case_at.name.zh()));
            for st in &stations {
                let was = find(bound, &st.id).unwrap().staff.total();
                let gave = was - st.staff.total();
                let head = u32::from(st.id == case_at.id && was >= 2);
                assert_eq!(gave, grouped_from(was, share).min(was - 1 - head) + head);
                assert!(
                    st.staff.total() >= 1,
                    "{} keeps its head or an officer",
                    st.id
                );
            }
            // Grouped across stations: with a share, every station of several gives officers,
            // and the teams are traced to them as well as to the brigades.
            if share > 0.0 && stations.len() > 1 {
                let giving = stations
                    .iter()
                    .filter(|st| find(bound, &st.id).unwrap().staff.total() > st.staff.total())
                    .count();
                assert!(giving >= 2, "{}: {giving} stations give officers", d.id);
            }
            for t in &teams {
                for st in &stations {
                    assert!(t.from.contains(&st.id), "{} from {}", t.id, st.id);
                }
                assert!(t.from.iter().any(|id| id.starts_with("cb/")));
            }
        }
    }
    // The notes say where the grouped officers stand (their station's establishment).
    assert!(v.notes.iter().any(|n| n.zh.contains("仍属本所编制")));
}

/// Issue 19: the workload balance after districting (0.46 → 0.09 at the defaults) comes from an
/// allocation rule the source does not state. It is a parameter labelled as a modelling
/// assumption (the model's own rule), and it carries the fall: shared evenly instead, the
/// spread after stays well above.
#[test]
fn the_workload_allocation_rule_is_labelled_the_models_own() {
    use reform_explorer::model::source::Source;
    let v = county();
    let spec = v
        .specs
        .iter()
        .find(|s| s.key == "balance_share")
        .expect("the rule is a parameter");
    match spec.source {
        Source::Assumption { why } => {
            assert!(why.zh.starts_with("模型自己的分配规则"), "{}", why.zh);
            assert!(why.en.starts_with("The model's own allocation rule"));
        }
        Source::Seed { .. } => panic!("the rule is not the source's"),
    }
    assert_eq!(spec.default, 100.0);
    let responsibility = v.levers.iter().find(|l| l.key == "responsibility").unwrap();
    assert!(responsibility.summary.en.contains("the model's own rule"));
    let spread = |share: &str| {
        let mut p = v.defaults();
        p.set_raw("balance_share", share).unwrap();
        let s = v.build(&p).unwrap();
        (
            compute(s.before()).get(K::WorkloadSpread),
            compute(&s.steps[1]).get(K::WorkloadSpread),
            compute(s.after()).get(K::WorkloadSpread),
        )
    };
    let (before, grouped, by_rule) = spread("100");
    let (_, _, evenly) = spread("0");
    let (_, _, half) = spread("50");
    println!("spread {before:.3} → districts {grouped:.3} → rule {by_rule:.3}, half {half:.3}, evenly {evenly:.3}");
    assert!(by_rule < half && half < evenly, "{by_rule} {half} {evenly}");
    // Most of the fall from the districts' spread comes from the rule.
    assert!(
        grouped - evenly < (grouped - by_rule) / 2.0,
        "{grouped} {evenly} {by_rule}"
    );
}

#[test]
fn the_district_office_sits_in_the_central_station() {
    // "防区办公室一般设在中心所": from step 01 each district names the station its office sits
    // in, one of its own; the county-town district's is the county-town station; a rural
    // district's is its station with the most neighbours inside it (the model's assumption,
    // ties to the lowest number).
    assert!(Q_OFFICE.contains("中心所"));
    let v = county();
    let mut rng = Rng::new(19);
    for seed in 1..=40u64 {
        let mut p = v.defaults();
        p.set_raw("seed", &seed.to_string()).unwrap();
        let stations = rng.range(8, 38) as usize;
        p.set_raw("stations", &stations.to_string()).unwrap();
        let Ok(s) = v.build(&p) else { continue };
        for step in 1..s.steps.len() {
            for d in units_of(s.at(step), UnitKind::District) {
                let members: Vec<&Unit> =
                    d.children.iter().filter(|c| c.kind.is_station()).collect();
                let inside = |u: &Unit| {
                    u.neighbours
                        .iter()
                        .filter(|n| members.iter().any(|m| m.id == **n))
                        .count()
                };
                let most = members.iter().map(|m| inside(m)).max().unwrap_or(0);
                let central = members
                    .iter()
                    .find(|m| inside(m) == most)
                    .expect("a district has stations");
                let (zh, en) = (d.name.zh(), d.name.en());
                assert!(
                    zh.contains(&format!("办公室设在{}", central.name.zh())),
                    "seed {seed} step {step}: {zh}"
                );
                assert!(
                    en.contains(&format!("office at {}", central.name.en())),
                    "seed {seed} step {step}: {en}"
                );
                if members.iter().any(|m| m.is_county_town_station()) {
                    assert!(central.is_county_town_station(), "{zh}");
                }
            }
        }
    }
    // The rule itself on a line of three stations and a square of four.
    let line = vec![vec![1], vec![0, 2], vec![1]];
    assert_eq!(central_station(&[0, 1, 2], &line), Some(1));
    assert_eq!(central_station(&[0, 1], &line), Some(0));
    let square = vec![vec![1, 2], vec![0, 3], vec![0, 3], vec![1, 2]];
    assert_eq!(central_station(&[0, 1, 2, 3], &square), Some(0));
    assert_eq!(central_station(&[3], &square), Some(3));
    assert_eq!(central_station(&[], &square), None);
}

#[test]
fn party_branches_duty_modes_and_emergency_teams_are_quoted_in_the_notes() {
    // Measures 03 and 05 and the duty modes change no police unit the model counts: each is
    // quoted verbatim in a note, in both languages, and no note calls them simply unmodelled.
    let notes = county().notes;
    for q in [Q_PARTY, Q_DUTY, Q_EMERGENCY, Q_OFFICE] {
        assert!(
            notes.iter().any(|n| n.zh.contains(q) && n.en.contains(q)),
            "no note quotes “{q}” in both languages"
        );
    }
    assert!(Q_PARTY.contains("成立一个党支部"));
    assert!(Q_DUTY.contains("标准型") && Q_DUTY.contains("串联型"));
    assert!(Q_EMERGENCY.contains("民兵"));
    assert!(notes
        .iter()
        .all(|n| !n.en.contains("Not modelled: the districts' Party branches")));
}
