//! Composed reforms: a case's own lever list reproduces the case exactly (at its defaults and
//! at random parameters), recipes round-trip through their link form, and any baseline with any
//! lever builds or says why, never panics.

mod common;

use std::collections::HashSet;

use common::{random_params, Rng};
use reform_explorer::analysis::is_analysis_key;
use reform_explorer::model::compose::{Recipe, RecipeError, Scope, Step, MAX_STEPS};
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
    let mut rng = Rng::new(11);
    for _ in 0..200 {
        let base = all[rng.range(0, all.len() as u64 - 1) as usize];
        let steps = (0..rng.range(0, 6))
            .map(|_| {
                let scope = all[rng.range(0, all.len() as u64 - 1) as usize];
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
