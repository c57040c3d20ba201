//! Composed reforms: a case's own lever list reproduces the case exactly (at its defaults and
//! at random parameters), recipes round-trip through their link form, and any baseline with any
//! lever builds or says why, never panics.

mod common;

use std::collections::HashSet;

use common::{random_params, Rng};
use reform_explorer::analysis::is_analysis_key;
use reform_explorer::model::compose::{
    effect, single, Effect, Recipe, RecipeError, Scope, Step, MAX_STEPS,
};
use reform_explorer::model::params::Params;

/// `p` (a scope's own parameters) as the composed variant of `recipe` holds them.
fn composed_params(recipe: &Recipe, scope: Scope, p: &Params) -> Params {
    let v = recipe.variant();
    let mut q = v.defaults();
    for s in scope
        .variant
        .specs
        .iter()
        .filter(|s| !is_analysis_key(s.key))
    {
        let key = format!("{}.{}", scope.key(), s.key);
        assert!(q.set_raw(&key, &s.format(p.get(s.key))).is_ok(), "{key}");
    }
    for (row, field, value) in p.edits() {
        let spec = v
            .row_specs
            .iter()
            .find(|s| s.key == *field)
            .expect("row spec");
        assert!(q.set_edit(*row, spec, &spec.format(*value)).is_ok());
    }
    q
}

#[test]
fn a_cases_own_levers_reproduce_the_case() {
    let mut rng = Rng::new(7);
    for scope in Scope::all() {
        let v = scope.variant;
        let recipe = Recipe::of_case(scope);
        let cv = recipe.variant();
        assert_eq!(cv.levers.len(), v.levers.len());
        assert_eq!(
            cv.build(&cv.defaults()),
            v.build(&v.defaults()),
            "{}",
            scope.key()
        );
        for _ in 0..60 {
            let p = random_params(v, &mut rng);
            let q = composed_params(&recipe, scope, &p);
            assert_eq!(cv.build(&q), v.build(&p), "{}", scope.key());
        }
        // The same recipe is the same variant (made once).
        assert!(std::ptr::eq(cv, Recipe::of_case(scope).variant()));
    }
}

#[test]
fn recipes_round_trip_through_their_link_form() {
    let all = Scope::all();
    // Measures come from the cases' scopes (an organisation that is no case's has none).
    let with_levers: Vec<Scope> = all
        .iter()
        .copied()
        .filter(|s| !s.variant.levers.is_empty())
        .collect();
    let mut rng = Rng::new(11);
    for _ in 0..200 {
        let base = all[rng.range(0, all.len() as u64 - 1) as usize];
        let steps = (0..rng.range(0, 6))
            .map(|_| {
                let scope = with_levers[rng.range(0, with_levers.len() as u64 - 1) as usize];
                Step {
                    scope,
                    lever: rng.range(0, scope.variant.levers.len() as u64 - 1) as usize,
                }
            })
            .collect();
        let r = Recipe { base, steps };
        assert_eq!(Recipe::parse(&r.base.key(), &r.levers_key()), Ok(r.clone()));
    }
    assert!(matches!(
        Recipe::parse("nowhere.x", ""),
        Err(RecipeError::UnknownBase(_))
    ));
    assert!(matches!(
        Recipe::parse("daqing.urban", "daqing.urban.no_such_lever"),
        Err(RecipeError::UnknownLever(_))
    ));
    let many = ["daqing.urban.fewer_tiers"; MAX_STEPS + 1].join(",");
    assert!(matches!(
        Recipe::parse("daqing.urban", &many),
        Err(RecipeError::TooManyLevers(_))
    ));
    assert_eq!(
        Recipe::parse("haidong.county", "").map(|r| r.steps.len()),
        Ok(0)
    );
    // The typical city is a baseline like a case's scope.
    let city = Recipe::parse("org.typical_city", "daqing.urban.fewer_tiers").expect("parses");
    assert_eq!(city.base.case, None);
    assert_eq!(city.base.key(), "org.typical_city");
    assert_eq!(city.base, Scope::TYPICAL_CITY);
    assert_ne!(Scope::parse("daqing.urban"), Some(Scope::TYPICAL_CITY));
    assert!(matches!(
        Recipe::parse("org.nowhere", ""),
        Err(RecipeError::UnknownBase(_))
    ));
}

#[test]
fn any_baseline_with_any_lever_builds_or_says_why() {
    let (mut ok, mut refused) = (0, 0);
    for base in Scope::all() {
        for scope in Scope::all() {
            for lever in 0..scope.variant.levers.len() {
                let r = Recipe {
                    base,
                    steps: vec![Step { scope, lever }],
                };
                let v = r.variant();
                match v.build(&v.defaults()) {
                    Ok(s) => {
                        ok += 1;
                        for org in &s.steps {
                            let ids: Vec<_> =
                                org.walk().iter().map(|(_, u)| u.id.to_string()).collect();
                            let unique: HashSet<_> = ids.iter().collect();
                            assert_eq!(
                                unique.len(),
                                ids.len(),
                                "{} + {}",
                                base.key(),
                                r.levers_key()
                            );
                        }
                    }
                    Err(e) => {
                        refused += 1;
                        assert!(!e.message(reform_explorer::i18n::Lang::En).is_empty());
                    }
                }
            }
        }
    }
    println!("{ok} single-lever compositions built, {refused} refused with a reason");
    assert!(ok > 0);
}

#[test]
fn every_measure_on_every_organisation_changes_a_figure_or_says_what_it_did_not_find() {
    let scopes = Scope::all();
    let mut counts = std::collections::BTreeMap::new();
    for scope in &scopes {
        for (lever, l) in scope.variant.levers.iter().enumerate() {
            // What it looks for is said in both languages.
            assert!(
                !l.needs.zh.trim().is_empty() && !l.needs.en.trim().is_empty(),
                "{}.{} says what it needs",
                scope.key(),
                l.key
            );
            for base in &scopes {
                let step = Step {
                    scope: *scope,
                    lever,
                };
                let e = effect(*base, step);
                // Never silent: a step that changes the organisation changes a figure, and one
                // that does not is reported idle (the page then shows `needs`).
                assert_ne!(e, Effect::Unshown, "{} on {}", step.key(), base.key());
                if let Effect::Refused(err) = &e {
                    assert!(!err.message(reform_explorer::i18n::Lang::En).is_empty());
                }
                *counts.entry(e.key()).or_insert(0) += 1;
            }
        }
    }
    println!("{counts:?}");
    // Every kind of cell the page must handle occurs (so the e2e test has one of each).
    assert!(counts.contains_key("changed") && counts.contains_key("idle"));
}

#[test]
fn an_idle_step_is_exactly_an_unchanged_organisation() {
    // Haidong's "two teams, one office" acts on districts with officers bound to them: on the
    // Daqing urban organisation (no districts) it finds nothing, and the scenario says so.
    let base = Scope::parse("daqing.urban").expect("scope");
    let step = Step::parse("haidong.county.two_teams_one_office").expect("step");
    let s = single(base, step).expect("builds");
    assert_eq!(s.steps[0], s.steps[1]);
    assert!(s.idle(1) && !s.idle(0) && !s.idle(2));
    assert_eq!(effect(base, step), Effect::Idle);
    // A case's own first step changes its organisation: not idle.
    let own = Scope::parse("daqing.urban").expect("scope");
    let built = own.variant.build(&own.variant.defaults()).expect("builds");
    assert!(!built.idle(1));
}

/// Reorganising moves no incident: every measure of every case, on every organisation, keeps
/// the incidents the organisation records (Daqing's fewer tiers, county-town stations and
/// central stations dropped those of the units they replaced).
#[test]
fn every_measure_keeps_the_incidents_on_every_organisation() {
    let scopes = Scope::all();
    let mut broken = Vec::new();
    let mut checked = 0;
    for scope in &scopes {
        for lever in 0..scope.variant.levers.len() {
            for base in &scopes {
                let step = Step {
                    scope: *scope,
                    lever,
                };
                if let Ok(s) = single(*base, step) {
                    let (a, b) = (s.before().incidents_total(), s.after().incidents_total());
                    checked += usize::from(a > 0);
                    if a != b {
                        broken.push(format!("{} on {}: {a} → {b}", step.key(), base.key()));
                    }
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
    // Organisations with incidents were among them (Haidong's county, the typical city).
    assert!(checked > 10, "{checked}");
}

#[test]
fn a_measure_that_keeps_staff_keeps_it_on_every_organisation() {
    let scopes = Scope::all();
    let mut broken = Vec::new();
    for scope in &scopes {
        for (lever, l) in scope.variant.levers.iter().enumerate() {
            if !l.conserves_staff {
                continue;
            }
            for base in &scopes {
                let step = Step {
                    scope: *scope,
                    lever,
                };
                if let Ok(s) = single(*base, step) {
                    let (a, b) = (
                        s.before().staff_total().total(),
                        s.after().staff_total().total(),
                    );
                    if a != b {
                        broken.push(format!("{} on {}: {a} → {b}", step.key(), base.key()));
                    }
                    // A unit a measure makes holds officers or units (never an empty box).
                    let empty = s
                        .after()
                        .walk()
                        .iter()
                        .filter(|(_, u)| {
                            u.staff_total().total() == 0
                                && !s.before().walk().iter().any(|(_, b)| b.id == u.id)
                        })
                        .count();
                    if empty > 0 {
                        broken.push(format!(
                            "{} on {}: {empty} new empty units",
                            step.key(),
                            base.key()
                        ));
                    }
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn four_reforms_on_one_organisation_start_from_the_same_organisation() {
    use reform_explorer::model::cases::CaseId;
    use reform_explorer::model::metrics::compute;
    for base in Scope::all() {
        let mut befores = Vec::new();
        for case in CaseId::ALL {
            let r = Recipe::of_reform(case, base);
            // Every listed measure exists.
            assert_eq!(r.steps.len(), case.reform().len(), "{}", case.key());
            let v = r.variant();
            match v.build(&v.defaults()) {
                Ok(s) => {
                    befores.push(compute(s.before()));
                    if v.levers.iter().all(|l| l.conserves_staff) {
                        assert_eq!(
                            s.before().staff_total().total(),
                            s.after().staff_total().total(),
                            "{} on {}",
                            case.key(),
                            base.key()
                        );
                    }
                }
                Err(e) => assert!(!e.message(reform_explorer::i18n::Lang::En).is_empty()),
            }
        }
        // Every column that builds starts from the same figures.
        for b in &befores {
            assert_eq!(b, &befores[0], "{}", base.key());
        }
    }
    // On the typical city, at least Daqing's and Haidong's whole reforms act.
    let city = Scope::parse("org.typical_city").expect("scope");
    for case in [CaseId::Daqing, CaseId::Haidong] {
        let v = Recipe::of_reform(case, city).variant();
        let s = v.build(&v.defaults()).expect("builds");
        assert!((1..s.steps.len()).all(|i| !s.idle(i)), "{}", case.key());
    }
}

/// Daqing's county measures act on a county's own organisation (its top unit a county bureau,
/// as Haidong's is), not only on county bureaus under a city's bureau: the rural stations under
/// Haidong's county bureau are merged into central stations.
#[test]
fn daqings_county_measures_act_on_a_county_of_its_own() {
    use reform_explorer::model::cases::CaseId;
    use reform_explorer::model::org::UnitKind;
    let county = Scope::parse("haidong.county").expect("scope");
    assert_eq!(
        county
            .variant
            .build(&county.variant.defaults())
            .expect("builds")
            .before()
            .kind,
        UnitKind::CountyBureau
    );
    let r = Recipe::of_reform(CaseId::Daqing, county);
    let v = r.variant();
    let s = v.build(&v.defaults()).expect("builds");
    let central = r
        .steps
        .iter()
        .position(|st| st.key() == "daqing.county.central_stations")
        .expect("central_stations is in Daqing's reform")
        + 1;
    assert!(!s.idle(central), "{:?}", s.idle_steps());
    let kinds = |u: &reform_explorer::model::org::Unit, k: UnitKind| {
        u.walk().iter().filter(|(_, x)| x.kind == k).count()
    };
    assert_eq!(kinds(s.before(), UnitKind::CentralStation), 0);
    assert!(kinds(s.after(), UnitKind::CentralStation) > 0);
    assert!(kinds(s.after(), UnitKind::Station) < kinds(s.before(), UnitKind::Station));
    assert_eq!(
        s.before().staff_total().total(),
        s.after().staff_total().total()
    );
    // The top unit is still the county bureau, with its own id.
    assert_eq!(s.after().kind, UnitKind::CountyBureau);
    assert_eq!(s.after().id, s.before().id);
}

/// A figure counted from incidents is shown on a composed reform only when its baseline records
/// incidents: a Haidong measure on Daqing's organisation (which records none) would show its
/// workload as 0 → 0.
#[test]
fn figures_counted_from_incidents_only_where_the_baseline_records_some() {
    use reform_explorer::model::metrics::MetricKey;
    use reform_explorer::model::own::records_incidents;
    let counted = |base: &str| {
        let r = Recipe::parse(base, "haidong.county.districts").expect("parses");
        let v = r.variant();
        let b = r.base.variant;
        let tree = b.baseline.make(&b.defaults()).expect("baseline builds");
        (
            records_incidents(&tree),
            v.metrics.iter().filter(|m| m.counts_incidents()).count(),
            v.key_figures
                .iter()
                .filter(|f| f.metric().is_some_and(MetricKey::counts_incidents))
                .count(),
        )
    };
    let (records, metrics, figures) = counted("daqing.urban");
    assert!(!records, "Daqing's urban organisation records no incidents");
    assert_eq!((metrics, figures), (0, 0));
    for base in ["haidong.county", "org.typical_city"] {
        let (records, metrics, _) = counted(base);
        assert!(records, "{base} records incidents");
        assert!(metrics > 0, "{base}: the workload figures are shown");
    }
}

/// Two own organisations of the same name, one recording incidents and one not, do not share
/// what a composed reform shows: the incidents count in the shape the composer caches it by.
#[test]
fn own_organisations_alike_but_for_incidents_show_their_own_figures() {
    use reform_explorer::i18n::Name;
    use reform_explorer::model::org::Unit;
    use reform_explorer::model::own;
    use reform_explorer::model::typical_city;
    fn clear(u: &mut Unit) {
        u.incidents = 0;
        for c in u.children.iter_mut() {
            clear(c);
        }
    }
    let city = &typical_city::VARIANT;
    let with = city
        .build(&city.defaults())
        .expect("builds")
        .steps
        .remove(0);
    let mut without = with.clone();
    clear(&mut without);
    assert!(own::records_incidents(&with) && !own::records_incidents(&without));
    let name = Name::new("同名", "Same name");
    let counted = |tree: Unit, content: &str| {
        let v = own::add(tree, name.clone(), content).expect("registered");
        let base = format!("org.{}", v.key);
        let r = Recipe::parse(&base, "haidong.county.districts").expect("parses");
        r.variant()
            .metrics
            .iter()
            .filter(|m| m.counts_incidents())
            .count()
    };
    assert!(counted(with, "incidents") > 0);
    assert_eq!(counted(without, "no incidents"), 0);
}
