//! The key figures every variant shows first (the strip at the top of the page): one to six,
//! each once, each a figure the variant computes: a metric its numbers table shows, or the
//! response time where its patrol gives an estimate on both sides and the sources report one.
//! Checked for every case's scope, the typical city, an own organisation and composed reforms.

use reform_explorer::analysis::response::Patrol;
use reform_explorer::i18n::Name;
use reform_explorer::model::cases::{CaseId, KeyFigure, Variant, MAX_KEY_FIGURES};
use reform_explorer::model::compose::{Recipe, Scope};
use reform_explorer::model::metrics::{compute, MetricKey};
use reform_explorer::model::own;
use reform_explorer::model::typical_city;

fn check(what: &str, v: &'static Variant) {
    let figures = v.key_figures;
    assert!(
        (1..=MAX_KEY_FIGURES).contains(&figures.len()),
        "{what}: {} key figures",
        figures.len()
    );
    for (i, f) in figures.iter().enumerate() {
        assert!(!figures[..i].contains(f), "{what}: {} twice", f.key());
        match f {
            KeyFigure::Metric(k) => assert!(
                v.metrics.contains(k) || MetricKey::SPANS_AND_LAYERS.contains(k),
                "{what}: {} is not among the variant's metrics",
                k.key()
            ),
            KeyFigure::ResponseTime => {
                let p = v.defaults();
                let patrol = Patrol::of(&p).expect("patrol parameters");
                let s = v.build(&p).expect("builds");
                for step in [0, s.steps.len() - 1] {
                    let side = patrol.side_of(&compute(s.at(step)), step);
                    assert!(
                        side.result.is_ok(),
                        "{what}: no response estimate at {step}"
                    );
                }
                assert!(
                    v.reported_key(*f).is_some(),
                    "{what}: no reported response time"
                );
            }
        }
    }
}

#[test]
fn every_case_scope_has_its_key_figures() {
    for c in CaseId::ALL {
        for v in c.variants() {
            check(&format!("{}/{}", c.key(), v.key), v);
        }
    }
    // Daqing urban shows what the reform is known for, with the reported figures beside them.
    let urban = CaseId::Daqing.variant("urban").expect("urban");
    for f in urban.key_figures {
        assert!(urban.reported_key(*f).is_some(), "daqing/urban {}", f.key());
    }
    assert!(urban.key_figures.contains(&KeyFigure::ResponseTime));
}

#[test]
fn organisations_and_composed_reforms_have_key_figures() {
    check("typical city", &typical_city::VARIANT);
    let tree = typical_city::VARIANT
        .build(&typical_city::VARIANT.defaults())
        .expect("builds")
        .steps
        .remove(0);
    let own = own::add(tree, Name::new("测试", "Test"), "key figures test").expect("registered");
    check("own organisation", own);
    for scope in Scope::all() {
        let v = Recipe::of_case(scope).variant();
        check(&format!("{} composed", scope.key()), v);
        for c in CaseId::ALL {
            let v = Recipe::of_reform(c, scope).variant();
            check(&format!("{} + {}", scope.key(), c.key()), v);
            assert!(!v.key_figures.contains(&KeyFigure::ResponseTime));
        }
    }
    // The organisation's figures and the measure's, taken in turn.
    let r = Recipe::parse("org.typical_city", "daqing.urban.fewer_tiers").expect("parses");
    let keys: Vec<&str> = r.variant().key_figures.iter().map(|f| f.key()).collect();
    assert_eq!(
        keys,
        [
            "frontline_share",
            "organ_staff",
            "management_tiers",
            "command_chain",
            "sub_bureaus",
            "stations"
        ]
    );
}
