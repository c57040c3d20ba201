//! The typical prefecture-level city: its structure follows its parameters (counts, staff,
//! settings), it builds at every parameter set in range, its sources are verbatim, and its
//! figures at the defaults are what its notes say (three tiers, a frontline share near Daqing's
//! 48.5% before its reform). `cargo test --test typical_city -- --nocapture` prints them.

mod common;

use std::collections::HashSet;

use common::Rng;
use reform_explorer::model::metrics::{compute, MetricKey as K};
use reform_explorer::model::org::{Branch, Setting, Unit, UnitKind};
use reform_explorer::model::params::Params;
use reform_explorer::model::source::Source;
use reform_explorer::model::typical_city::*;

fn defaults() -> Params {
    Params::defaults(SPECS)
}

fn build(p: &Params) -> Unit {
    match typical_city(p) {
        Ok(u) => u,
        Err(e) => panic!("does not build at {:?}: {e:?}", p.changed()),
    }
}

fn count(org: &Unit, pred: impl Fn(&Unit) -> bool) -> u64 {
    org.walk().into_iter().filter(|(_, u)| pred(u)).count() as u64
}

/// What the parameters say the tree holds.
struct Expected {
    sub_bureaus: u64,
    county_bureaus: u64,
    internal_units: u64,
    urban_stations: u64,
    town_stations: u64,
    rural_stations: u64,
    staff: u64,
    organ: u64,
}

impl Expected {
    fn of(p: &Params) -> Expected {
        let sb = p.count("sub_bureaus");
        let cb = p.count("county_bureaus");
        let share = p.count("organ_share");
        // Rounded half up, as the notes say.
        let part = |n: u64| (n * share + 50) / 100;
        let (mu, su, cu) = (
            p.count("municipal_units"),
            p.count("sub_bureau_units"),
            p.count("county_units"),
        );
        let (leaders, unit_staff) = (p.count("leaders"), p.count("unit_staff"));
        let (st_staff, rural_staff) = (p.count("station_staff"), p.count("rural_station_staff"));
        let urban = p.count("urban_stations");
        let town = cb * p.count("town_stations");
        let rural = p.count("rural_stations");
        let bureaus = 1 + sb + cb;
        let offices = part(mu) + sb * part(su) + cb * part(cu);
        Expected {
            sub_bureaus: sb,
            county_bureaus: cb,
            internal_units: mu + sb * su + cb * cu,
            urban_stations: urban,
            town_stations: town,
            rural_stations: rural,
            staff: bureaus * leaders
                + (mu + sb * su + cb * cu) * unit_staff
                + (urban + town) * st_staff
                + rural * rural_staff,
            organ: bureaus * leaders
                + offices * unit_staff
                + (urban + town) * part(st_staff)
                + rural * part(rural_staff),
        }
    }
}

/// Everything that must hold at any parameter set.
fn check(p: &Params) -> Unit {
    let org = build(p);
    let e = Expected::of(p);
    let walk = org.walk();
    let ids: HashSet<&str> = walk.iter().map(|(_, u)| u.id.as_str()).collect();
    assert_eq!(ids.len(), walk.len(), "ids repeat at {:?}", p.changed());
    assert_eq!(org.kind, UnitKind::MunicipalBureau);
    let kind = |k: UnitKind| count(&org, |u| u.kind == k);
    assert_eq!(kind(UnitKind::SubBureau), e.sub_bureaus);
    assert_eq!(kind(UnitKind::CountyBureau), e.county_bureaus);
    assert_eq!(kind(UnitKind::InternalUnit), e.internal_units);
    assert_eq!(
        kind(UnitKind::Station),
        e.urban_stations + e.town_stations + e.rural_stations
    );
    assert_eq!(count(&org, Unit::is_county_town_station), e.town_stations);
    assert_eq!(count(&org, Unit::is_rural_station), e.rural_stations);
    assert_eq!(
        count(&org, |u| u.kind == UnitKind::Station
            && u.setting == Setting::Unspecified),
        e.urban_stations
    );
    // Sub-bureaus hold the urban stations, county bureaus the town and rural ones; every bureau
    // has its internal units directly under it.
    for (_, u) in &walk {
        for c in u.children.iter() {
            match c.kind {
                UnitKind::Station => {
                    let want = if c.setting == Setting::Unspecified {
                        UnitKind::SubBureau
                    } else {
                        UnitKind::CountyBureau
                    };
                    assert_eq!(u.kind, want, "{} under {}", c.id, u.id);
                    assert!(c.children.is_empty(), "{}", c.id);
                }
                UnitKind::InternalUnit => assert!(c.children.is_empty(), "{}", c.id),
                UnitKind::SubBureau | UnitKind::CountyBureau => {
                    assert_eq!(u.kind, UnitKind::MunicipalBureau, "{}", c.id);
                }
                k => panic!("unexpected kind {k:?} at {}", c.id),
            }
        }
    }
    for (_, u) in &walk {
        if matches!(
            u.kind,
            UnitKind::MunicipalBureau | UnitKind::SubBureau | UnitKind::CountyBureau
        ) {
            assert!(
                u.children.iter().any(|c| c.kind == UnitKind::InternalUnit),
                "{} has no internal units",
                u.id
            );
        }
    }
    let staff = org.staff_total();
    assert_eq!(
        u64::from(staff.total()),
        e.staff,
        "staff at {:?}",
        p.changed()
    );
    assert_eq!(
        u64::from(staff.organ),
        e.organ,
        "organ at {:?}",
        p.changed()
    );
    // Internal units are offices (headquarters posts only) or brigades (frontline posts only).
    for (_, u) in &walk {
        if u.kind == UnitKind::InternalUnit {
            assert!(u.staff.organ == 0 || u.staff.frontline == 0, "{}", u.id);
        }
    }
    // Incidents sit on stations only, so subtree sums count each once.
    for (_, u) in &walk {
        if u.incidents > 0 {
            assert_eq!(u.kind, UnitKind::Station, "{}", u.id);
        }
    }
    let m = compute(&org);
    for k in K::ALL {
        let x = m.get(k);
        assert!(
            x.is_finite() || (x.is_nan() && k.may_be_undefined()),
            "{} at {:?}",
            k.key(),
            p.changed()
        );
    }
    org
}

#[test]
fn builds_at_the_defaults_with_the_structure_the_parameters_give() {
    let org = check(&defaults());
    let kinds: HashSet<UnitKind> = org.children.iter().map(|c| c.kind).collect();
    for k in [
        UnitKind::SubBureau,
        UnitKind::CountyBureau,
        UnitKind::InternalUnit,
    ] {
        assert!(kinds.contains(&k), "no {k:?} under the root");
    }
    // The criminal investigation brigade is there, in every bureau.
    for (_, u) in org.walk() {
        if matches!(
            u.kind,
            UnitKind::MunicipalBureau | UnitKind::SubBureau | UnitKind::CountyBureau
        ) {
            assert!(
                u.children
                    .iter()
                    .any(|c| c.branch == Some(Branch::Investigation)),
                "{} has no investigation unit",
                u.id
            );
        }
    }
}

#[test]
fn ids_are_stable() {
    let a = build(&defaults());
    let b = build(&defaults());
    assert!(a == b);
    // The same unit keeps its id when a size elsewhere changes.
    let mut p = defaults();
    p.set_raw("rural_stations", "40").expect("valid");
    p.set_raw("unit_staff", "12").expect("valid");
    let c = build(&p);
    let of = |org: &Unit| -> HashSet<String> {
        org.walk()
            .into_iter()
            .filter(|(_, u)| u.kind != UnitKind::Station || u.setting != Setting::Rural)
            .map(|(_, u)| u.id.to_string())
            .collect()
    };
    assert_eq!(of(&a), of(&c));
    assert!(a.walk().iter().any(|(_, u)| u.id == "tc/sb2/st4"));
    assert!(a.walk().iter().any(|(_, u)| u.id == "tc/c1/rs7"));
    assert!(a.walk().iter().any(|(_, u)| u.id == "tc/u3"));
}

/// A random valid value of every parameter: the default a quarter of the time, a bound a
/// quarter, else anywhere on the range's steps.
fn random_params(rng: &mut Rng) -> Params {
    let mut p = defaults();
    for s in SPECS {
        let steps = ((s.max - s.min) / s.step).round() as u64;
        let k = match rng.range(0, 3) {
            0 => continue,
            1 => {
                if rng.range(0, 1) == 0 {
                    0
                } else {
                    steps
                }
            }
            _ => rng.range(0, steps),
        };
        let v = (s.min + k as f64 * s.step).min(s.max);
        let raw = s.format(v);
        assert!(p.set_raw(s.key, &raw).is_ok(), "{} = {raw}", s.key);
    }
    p
}

#[test]
fn builds_at_random_parameters() {
    let mut rng = Rng::new(0x7C17);
    for _ in 0..500 {
        check(&random_params(&mut rng));
    }
    // Every bound at once.
    for at_max in [false, true] {
        let mut p = defaults();
        for s in SPECS {
            let v = if at_max { s.max } else { s.min };
            p.set_raw(s.key, &s.format(v)).expect("a bound is valid");
        }
        check(&p);
    }
}

#[test]
fn parameters_are_few_sourced_and_in_range() {
    assert!(SPECS.len() <= 16, "{} parameters", SPECS.len());
    let keys: HashSet<&str> = SPECS.iter().map(|s| s.key).collect();
    assert_eq!(keys.len(), SPECS.len(), "keys repeat");
    for s in SPECS {
        assert!(s.min <= s.default && s.default <= s.max, "{}", s.key);
        let k = (s.default - s.min) / s.step;
        assert!((k - k.round()).abs() < 1e-9, "{} is off its step", s.key);
        assert!(s.parse(&s.format(s.default)).is_ok(), "{}", s.key);
        assert!(!s.label.zh.is_empty() && !s.label.en.is_empty());
        if let Source::Assumption { why } = s.source {
            assert!(!why.zh.is_empty() && !why.en.is_empty(), "{}", s.key);
        }
    }
    assert!((2..=6).contains(&NOTES.len()));
    for n in NOTES {
        assert!(!n.zh.is_empty() && !n.en.is_empty());
    }
}

#[test]
fn every_quote_is_in_its_document() {
    let mut checked = 0;
    let mut quotes: Vec<(&str, &str)> = SPECS
        .iter()
        .filter_map(|s| match s.source {
            Source::Seed { doc, quote } => Some((doc, quote)),
            Source::Assumption { .. } => None,
        })
        .collect();
    quotes.push(("001", Q_UNIT_LIST));
    for (doc, quote) in quotes {
        let Some(text) = common::seed_text(doc) else {
            continue;
        };
        let missing = common::missing_pieces(&text, quote);
        assert!(missing.is_empty(), "not verbatim in {doc}: {missing:?}");
        checked += 1;
    }
    assert!(checked >= 5 || common::seed_text("000").is_none());
    // The named internal units are the ones the source lists.
    for (name, _) in OFFICES {
        assert!(Q_UNIT_LIST.contains(name.zh), "{}", name.zh);
    }
    for (short, brigade, detachment, _) in BRANCHES {
        assert!(Q_UNIT_LIST.contains(short), "{short}");
        assert!(brigade.zh.starts_with(short) && detachment.zh.starts_with(short));
    }
}

#[test]
fn figures_at_the_defaults() {
    let org = build(&defaults());
    let m = compute(&org);
    let staff = org.staff_total();
    let tiers = m.get(K::ManagementTiers);
    let share = m.get(K::FrontlineShare);
    println!(
        "typical city at the defaults: {} officers ({} headquarters, {} frontline), frontline share {:.1}%",
        staff.total(),
        staff.organ,
        staff.frontline,
        share * 100.0
    );
    println!(
        "units: {} in all; {} sub-bureaus, {} county bureaus, {} internal units, {} stations ({} county-town, {} rural)",
        m.get(K::UnitsTotal),
        m.get(K::SubBureaus),
        m.get(K::CountyBureaus),
        count(&org, |u| u.kind == UnitKind::InternalUnit),
        m.get(K::Stations),
        count(&org, Unit::is_county_town_station),
        count(&org, Unit::is_rural_station),
    );
    println!(
        "tiers {tiers}, layers {}, command chain {}, span mean {:.1} (max {}), residents {}, incidents {}",
        m.get(K::Layers),
        m.get(K::CommandChain),
        m.get(K::SpanAvg),
        m.get(K::SpanMax),
        org.residents,
        org.incidents_total(),
    );
    assert_eq!(tiers, 3.0);
    assert!(share > 0.0 && share < 1.0);
    // Sized to come near Daqing's 48.5% before its reform (001), and its 7-rank chain (000).
    assert!((share - 0.485).abs() < 0.02, "{share}");
    assert_eq!(m.get(K::CommandChain), 7.0);
}

/// Every measure of every case, alone and with its own case's defaults, on the city at the
/// defaults: none panics, each that says it keeps staff keeps it, ids stay unique and no new
/// unit is empty. Prints what each does (many refuse: their defaults are sized for their case).
#[test]
fn every_measure_applies_to_the_city() {
    use reform_explorer::i18n::Lang;
    use reform_explorer::model::compose::Scope;
    let city = build(&defaults());
    let before = compute(&city);
    let mut broken = Vec::new();
    for scope in Scope::all() {
        let p = scope.variant.defaults();
        for l in scope.variant.levers {
            let key = format!("{}.{}", scope.key(), l.key);
            let run = std::panic::catch_unwind(|| l.apply(&p, city.clone()));
            match run {
                Err(_) => broken.push(format!("{key}: panicked")),
                Ok(Err(e)) => println!("{key}: refused: {}", e.message(Lang::En)),
                Ok(Ok(after)) => {
                    let m = compute(&after);
                    let walk = after.walk();
                    let ids: HashSet<&str> = walk.iter().map(|(_, u)| u.id.as_str()).collect();
                    if ids.len() != walk.len() {
                        broken.push(format!("{key}: ids repeat"));
                    }
                    let old: HashSet<&str> =
                        city.walk().iter().map(|(_, u)| u.id.as_str()).collect();
                    let empty = walk
                        .iter()
                        .filter(|(_, u)| {
                            u.staff_total().total() == 0 && !old.contains(u.id.as_str())
                        })
                        .count();
                    if empty > 0 {
                        broken.push(format!("{key}: {empty} new empty units"));
                    }
                    if l.conserves_staff
                        && after.staff_total().total() != city.staff_total().total()
                    {
                        broken.push(format!(
                            "{key}: staff {} → {}",
                            city.staff_total().total(),
                            after.staff_total().total()
                        ));
                    }
                    if after.incidents_total() != city.incidents_total() {
                        broken.push(format!(
                            "{key}: incidents {} → {}",
                            city.incidents_total(),
                            after.incidents_total()
                        ));
                    }
                    println!(
                        "{key}: {} units, tiers {} → {}, frontline {:.1}% → {:.1}%, chain {} → {}{}",
                        m.get(K::UnitsTotal),
                        before.get(K::ManagementTiers),
                        m.get(K::ManagementTiers),
                        before.get(K::FrontlineShare) * 100.0,
                        m.get(K::FrontlineShare) * 100.0,
                        before.get(K::CommandChain),
                        m.get(K::CommandChain),
                        if after == city { " (no effect)" } else { "" },
                    );
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn haidong_reform_acts_on_every_county_of_the_typical_city() {
    use reform_explorer::model::compose::Recipe;
    use reform_explorer::model::metrics::{compute, MetricKey};
    let recipe = Recipe::parse(
        "org.typical_city",
        "haidong.county.districts,haidong.county.responsibility,haidong.county.two_teams_one_office",
    )
    .expect("parses");
    let v = recipe.variant();
    let p = v.defaults();
    let s = v
        .build(&p)
        .expect("Haidong's reform builds on the typical city");
    // Every step acts (none is idle), and the officers are kept.
    for i in 1..s.steps.len() {
        assert!(!s.idle(i), "step {i} acts");
    }
    assert_eq!(
        s.before().staff_total().total(),
        s.after().staff_total().total()
    );
    // Districts are formed inside each county bureau, no more than the limit each, and hold
    // every county station; urban stations stay under their sub-bureaus.
    let max = p.get("haidong.county.max_districts") as usize;
    let counties: Vec<_> = s
        .after()
        .children
        .iter()
        .filter(|u| u.kind == UnitKind::CountyBureau)
        .collect();
    assert!(!counties.is_empty());
    for c in &counties {
        let d = c
            .children
            .iter()
            .filter(|u| u.kind == UnitKind::District)
            .count();
        assert!(d >= 1 && d <= max, "{}: {d} districts", c.id);
        assert!(
            !c.children.iter().any(|u| u.kind.is_station()),
            "{}: every station is in a district",
            c.id
        );
    }
    let m = compute(s.after());
    assert_eq!(
        m.get(MetricKey::Districts) as usize,
        counties
            .iter()
            .map(|c| c
                .children
                .iter()
                .filter(|u| u.kind == UnitKind::District)
                .count())
            .sum::<usize>()
    );
    println!(
        "Haidong on the typical city: {} districts in {} counties",
        m.get(MetricKey::Districts),
        counties.len()
    );
}

/// The measure `key` of the scope `scope` (e.g. "daqing.urban"), with its case's defaults.
fn measure(scope: &str, key: &str) -> (&'static reform_explorer::model::lever::Lever, Params) {
    let scope = reform_explorer::model::compose::Scope::parse(scope).expect("scope");
    let lever = scope
        .variant
        .levers
        .iter()
        .find(|l| l.key == key)
        .expect("lever");
    (lever, scope.variant.defaults())
}

/// Daqing's fewer tiers on the city: the new sub-bureaus are sized by the residents the
/// stations record when the sub-bureaus record none (an organisation file may give them only
/// at the stations), and each new sub-bureau's incidents are those of the areas it covers.
#[test]
fn fewer_tiers_reads_the_stations_residents_and_keeps_each_areas_incidents() {
    let city = build(&defaults());
    let (lever, p) = measure("daqing.urban", "fewer_tiers");
    let after = lever.apply(&p, city.clone()).expect("applies");
    let new_sbs = |org: &Unit| -> Vec<(u64, u64)> {
        org.children
            .iter()
            .filter(|u| u.kind == UnitKind::SubBureau)
            .map(|u| (u.residents, u.incidents_total()))
            .collect()
    };
    let sized = new_sbs(&after);
    assert!(sized.len() > 1, "{sized:?}");
    // The same city with its residents only at the stations.
    let mut bare = city.clone();
    let mut cleared = 0;
    for sb in bare.children.iter_mut() {
        if sb.kind == UnitKind::SubBureau {
            let stations: u64 = sb
                .children
                .iter()
                .filter(|c| c.kind.is_station())
                .map(|c| c.residents)
                .sum();
            assert!(stations > 0 && stations <= sb.residents);
            sb.residents = 0;
            cleared += 1;
        }
    }
    assert!(cleared > 0);
    let from_stations = new_sbs(&lever.apply(&p, bare).expect("applies"));
    assert_eq!(from_stations.len(), sized.len());
    let total = |v: &[(u64, u64)]| v.iter().map(|x| x.0).sum::<u64>();
    assert!(total(&from_stations) > 0);
    // Incidents follow residents: with areas of equal residents, no new sub-bureau holds more
    // than twice another's (the city's stations have incidents in proportion to residents,
    // within a factor the generator allows).
    let incidents: Vec<u64> = sized.iter().map(|x| x.1).collect();
    let (lo, hi) = (
        *incidents.iter().min().expect("some"),
        *incidents.iter().max().expect("some"),
    );
    assert!(lo > 0 && hi <= 2 * lo, "{incidents:?}");
}

/// Zhejiang's merge (Nanhu: 32 internal units into 9) on the city: each unit of the top bureau
/// goes into the department of its police type (its branch), the posts and the units under
/// them go along, and a department no unit goes into is not made (the city has no detention
/// centre). It had refused: only Nanhu's named units were placed, the rest spread in order.
#[test]
fn zhejiangs_merge_places_the_citys_units_by_their_branch() {
    let city = build(&defaults());
    let (lever, p) = measure("zhejiang.nanhu", "merge_units");
    let after = lever
        .apply(&p, city.clone())
        .expect("the merge applies to the city");
    assert_eq!(after.staff_total(), city.staff_total());
    let department = |key: &str| after.children.iter().find(|u| u.id.as_str() == key);
    assert!(department("detention").is_none());
    let mut placed = 0;
    for u in city
        .children
        .iter()
        .filter(|u| u.kind == UnitKind::InternalUnit)
    {
        let home = match u.branch {
            Some(Branch::Investigation) => "cid",
            Some(Branch::Supervision) => "supervision",
            Some(Branch::Patrol) => "public_order",
            Some(Branch::Support) => "logistics",
            Some(Branch::Command) => "command",
            _ => continue,
        };
        let d = department(home).unwrap_or_else(|| panic!("{home} is made"));
        assert!(
            d.from.iter().any(|i| i.as_str() == u.id.as_str()),
            "{} ({:?}) is in {home}",
            u.id.as_str(),
            u.branch
        );
        placed += 1;
    }
    assert!(placed >= 8, "{placed}");
}
