//! The analysis models on the cases: Daqing's calibration against the reported response times,
//! every analysis parameter read, and the properties that hold for every variant.

use reform_explorer::analysis::response::{NoEstimate, Patrol};
use reform_explorer::analysis::workload::Method;
use reform_explorer::analysis::{is_analysis_key, response_at};
use reform_explorer::model::cases::{CaseId, Variant};
use reform_explorer::model::params::Params;

fn variant(case: CaseId, key: &str) -> &'static Variant {
    case.variant(key).expect("variant")
}

fn minutes(v: &Variant, p: &Params, step: usize) -> Option<f64> {
    let s = v.build(p).expect("builds");
    response_at(p, &s, step)
        .and_then(|r| r.ok())
        .map(|e| e.total_min)
}

#[test]
fn daqing_lands_near_the_reported_15_and_9_minutes() {
    let v = variant(CaseId::Daqing, "urban");
    let p = v.defaults();
    let s = v.build(&p).expect("builds");
    let before = minutes(v, &p, 0).expect("before");
    let after = minutes(v, &p, s.steps.len() - 1).expect("after");
    assert!((before - 15.0).abs() <= 0.5, "before {before:.2}");
    assert!((after - 9.0).abs() <= 0.5, "after {after:.2}");
    // The structure matters: the same cars with the old chain of 7 would be slower.
    let e = response_at(&p, &s, s.steps.len() - 1).unwrap().unwrap();
    assert!(e.dispatch_min < 6.0 && e.travel_min > 0.0);
}

#[test]
fn cases_without_patrol_give_no_estimate_until_cars_are_set() {
    for c in CaseId::ALL {
        for v in c.variants() {
            let mut p = v.defaults();
            let s = v.build(&p).expect("builds");
            let r = response_at(&p, &s, 0).expect("every variant has the patrol parameters");
            if c == CaseId::Daqing && v.key == "urban" {
                assert!(r.is_ok());
                continue;
            }
            assert_eq!(r, Err(NoEstimate::NoPatrol), "{}", v.key);
            assert!(p.set_raw("rt_cars_before", "4").is_ok());
            assert!(p.set_raw("rt_cars_after", "4").is_ok());
            let staff = s.before().staff_total().total();
            // Few officers give few cars: saturated or an estimate, never a panic.
            let r = response_at(&p, &s, 0).expect("patrol");
            if staff >= 1_000 {
                assert!(r.is_ok(), "{}: {r:?}", v.key);
            }
        }
    }
}

#[test]
fn every_analysis_parameter_changes_an_estimate() {
    for c in CaseId::ALL {
        for v in c.variants() {
            let mut base = v.defaults();
            // Enough cars that the estimate exists everywhere.
            for k in ["rt_cars_before", "rt_cars_after"] {
                assert!(base.set_raw(k, "40").is_ok());
            }
            assert!(base.set_raw("rt_calls", "2").is_ok());
            let s = v.build(&base).expect("builds");
            let last = s.steps.len() - 1;
            let figures = |p: &Params| {
                let r = |step| response_at(p, &s, step).map(|r| r.map(|e| e.total_min));
                let w = Method::of(p).map(|m| m.officers_needed(1_000.0));
                (r(0), r(last), w)
            };
            let at_base = figures(&base);
            for spec in v.specs.iter().filter(|s| is_analysis_key(s.key)) {
                let changes = [0.0, 0.1, 0.5, 1.0].iter().any(|f| {
                    let steps = ((spec.max - spec.min) / spec.step * f).round();
                    let mut p = base.clone();
                    assert!(p
                        .set_raw(spec.key, &spec.format(spec.min + steps * spec.step))
                        .is_ok());
                    figures(&p) != at_base
                });
                assert!(
                    changes,
                    "{}/{}: {} changes nothing",
                    c.key(),
                    v.key,
                    spec.key
                );
            }
        }
    }
}

#[test]
fn more_patrol_cars_per_100_never_slow_the_response() {
    let v = variant(CaseId::Daqing, "urban");
    let s = v.build(&v.defaults()).expect("builds");
    let mut last = f64::INFINITY;
    for tenths in 10..=200 {
        let mut p = v.defaults();
        assert!(p
            .set_raw("rt_cars_after", &format!("{}", f64::from(tenths) / 10.0))
            .is_ok());
        if let Some(Ok(e)) = response_at(&p, &s, s.steps.len() - 1) {
            assert!(
                e.total_min <= last + 1e-9,
                "{tenths}: {} > {last}",
                e.total_min
            );
            last = e.total_min;
        }
    }
    assert!(last.is_finite());
    let patrol = Patrol::of(&v.defaults()).expect("patrol");
    assert_eq!(patrol.cars_per_100(0), 2.0);
    assert_eq!(patrol.cars_per_100(3), 4.0);
}
