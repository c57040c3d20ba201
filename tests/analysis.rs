//! The analysis models on the cases: Daqing's calibration against the reported response times,
//! every analysis parameter read, and the properties that hold for every variant.

use reform_explorer::analysis::response::{NoEstimate, Patrol};
use reform_explorer::analysis::workload::Method;
use reform_explorer::analysis::{is_analysis_key, response_at, Planning};
use reform_explorer::model::cases::{CaseId, Variant};
use reform_explorer::model::metrics::compute;
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

mod common;
use common::Rng;
use reform_explorer::analysis::compare::{apply, cell, Cell, City, Figure, FIGURES, MODELS};
use reform_explorer::model::metrics::MetricKey;

#[test]
fn one_city_four_models_over_random_cities() {
    let mut rng = Rng::new(20261202);
    let (mut built, mut tried) = (0, 0);
    for _ in 0..150 {
        let mut p = City::defaults();
        for spec in p.specs() {
            // Log-uniform over each range, so small and large cities both appear.
            let lo = spec.min.max(1.0);
            let v = (lo.ln() + rng.unit() * (spec.max.ln() - lo.ln())).exp();
            let v = spec.min + ((v - spec.min) / spec.step).round() * spec.step;
            assert!(p
                .set_raw(spec.key, &spec.format(v.clamp(spec.min, spec.max)))
                .is_ok());
        }
        let city = City::of(&p);
        let all = apply(&city);
        assert_eq!(all.len(), MODELS.len());
        for a in &all {
            tried += 1;
            // Every value given to a model is valid for it, and a capped one says what the
            // city asked for.
            for f in &a.fed {
                let spec = a
                    .params
                    .specs()
                    .iter()
                    .find(|s| s.key == f.key)
                    .expect("spec");
                assert!(
                    f.value >= spec.min && f.value <= spec.max,
                    "{}: {}",
                    f.key,
                    f.value
                );
                assert_eq!(a.params.get(f.key), f.value);
                if let Some(w) = f.wanted {
                    assert!(w < spec.min || w > spec.max, "{} {w}", f.key);
                }
            }
            let Ok(s) = &a.result else { continue };
            built += 1;
            // A model that takes every station holds no more officers than the city.
            let staff = f64::from(s.before().staff_total().total());
            assert!(
                staff <= city.officers * 1.05 + 50.0,
                "{}: {staff} of {}",
                a.variant.key,
                city.officers
            );
            for f in FIGURES {
                match cell(a, f) {
                    Cell::Value { before, after } => {
                        assert!(before.is_finite() && after.is_finite())
                    }
                    Cell::NotModelled(_) => assert!(matches!(
                        f,
                        Figure::ResponseTime | Figure::Metric(MetricKey::WorkloadSpread)
                    )),
                    Cell::Failed(_) => panic!("built but failed"),
                }
            }
        }
    }
    // Most random cities can be modelled by most models (the rest say why).
    println!("{built} of {tried} model runs built");
    assert!(built * 10 >= tried * 6, "{built} of {tried}");
}

#[test]
fn the_compared_daqing_model_is_the_case_at_the_city_of_its_defaults() {
    // The default city is Daqing's urban area as the Daqing model takes it: its column is the
    // Daqing case at its own defaults.
    let all = apply(&City::of(&City::defaults()));
    let d = all
        .iter()
        .find(|a| a.case == CaseId::Daqing)
        .expect("daqing");
    let v = variant(CaseId::Daqing, "urban");
    assert_eq!(d.params, v.defaults());
    assert_eq!(d.result, v.build(&v.defaults()));
    match cell(d, Figure::ResponseTime) {
        Cell::Value { before, after } => {
            assert_eq!(Some(before), minutes(v, &v.defaults(), 0));
            assert_eq!(Some(after), minutes(v, &v.defaults(), 3));
        }
        other => panic!("{other:?}"),
    }
    // Honest about limits: a reform without a patrol or chain change has no effect on the
    // response time, and the models without incidents have no workload spread.
    for a in &all {
        if a.case == CaseId::Zhejiang {
            assert!(
                matches!(cell(a, Figure::ResponseTime), Cell::Value { before, after } if before == after)
            );
        }
        if a.case != CaseId::Haidong {
            assert!(matches!(
                cell(a, Figure::Metric(MetricKey::WorkloadSpread)),
                Cell::NotModelled(_)
            ));
        }
    }
}

/// Issue 19: how much of Daqing's response-time change each input carries. The parts add up to
/// the whole change; with the same cars standard before and after, the standard carries none
/// and the rest is the command chain's and the officers'.
#[test]
fn the_response_change_is_broken_down_by_what_carries_it() {
    let v = variant(CaseId::Daqing, "urban");
    let mut p = v.defaults();
    let s = v.build(&p).expect("daqing builds");
    let last = s.steps.len() - 1;
    let patrol = Patrol::of(&p).expect("patrol");
    let side = |step: usize| patrol.side_of(&compute(s.at(step)), step);
    let b = patrol.breakdown(&side(0), &side(last)).expect("estimates");
    let whole = side(last).result.unwrap().total_min - side(0).result.unwrap().total_min;
    assert!((b.total - whole).abs() < 1e-9, "{b:?} against {whole}");
    assert!((b.chain + b.officers + b.standard - b.total).abs() < 1e-9);
    // The reform shortens the chain and the assumed standard adds cars: both make it faster.
    assert!(b.chain < 0.0 && b.standard < 0.0, "{b:?}");
    // Most of the saving comes from the assumed cars standard, as the issue found (about 3.9
    // of 6 minutes): the page must say so, so the breakdown must see it.
    assert!(b.standard < b.chain, "{b:?}");
    // The same standard before and after: it carries nothing.
    let after = p.get("rt_cars_after");
    p.set_raw("rt_cars_before", &after.to_string())
        .expect("a valid value");
    let patrol = Patrol::of(&p).expect("patrol");
    let side = |step: usize| patrol.side_of(&compute(s.at(step)), step);
    let b = patrol.breakdown(&side(0), &side(last)).expect("estimates");
    assert_eq!(b.standard, 0.0, "{b:?}");
}

/// Issue 19: the comparison feeds the Haidong model one county bureau, and the source allows a
/// county at most 5 districts ("各县(区)的防区设置,不多于5个"): whatever the city's stations,
/// the model is given at most 5 and builds at most 5 districts, the county town's among them;
/// a city with more stations gets larger districts instead, and the fed values say why.
#[test]
fn the_compared_county_never_has_more_districts_than_the_source_allows() {
    use reform_explorer::model::cases::haidong::Q_MAX;
    use reform_explorer::model::source::Source;
    let v = variant(CaseId::Haidong, "county");
    let spec = v
        .specs
        .iter()
        .find(|s| s.key == "max_districts")
        .expect("max_districts");
    // The source's limit is the parameter's own bound, so no link or city can pass it.
    assert_eq!(spec.max, 5.0);
    assert!(matches!(spec.source, Source::Seed { quote, .. } if quote == Q_MAX));
    let mut p = v.defaults();
    assert!(p.set_raw("max_districts", "6").is_err());
    let (mut built, mut large) = (0, 0);
    for stations in [2.0, 8.0, 16.0, 17.0, 40.0, 60.0, 70.0, 200.0, 2_000.0] {
        let mut c = City::defaults();
        c.set_raw("city_stations", &stations.to_string())
            .expect("a valid station count");
        let all = apply(&City::of(&c));
        let a = all
            .iter()
            .find(|a| a.case == CaseId::Haidong)
            .expect("haidong");
        let fed = a
            .fed
            .iter()
            .find(|f| f.key == "max_districts")
            .expect("the limit is listed with how it follows");
        assert!(fed.value <= 5.0, "{stations} stations: {}", fed.value);
        assert!(fed.how.en.contains("no more than 5"), "{}", fed.how.en);
        assert!(a.params.get("max_districts") <= 5.0);
        if let Ok(s) = &a.result {
            built += 1;
            let m = compute(s.after());
            assert!(m.get(MetricKey::Districts) <= 5.0, "{stations} stations");
            assert!(m.get(MetricKey::Districts) >= 1.0);
            if m.get(MetricKey::Stations) > 16.0 {
                large += 1;
            }
        }
    }
    // The large cities (up to the model's 60 stations) still build, in larger districts.
    assert!(built >= 7 && large >= 4, "{built} built, {large} large");
}

/// `Planning` is what the page's panels off screen take after the frame with the result: it
/// must change with every planning parameter (else a panel would show an old estimate) and with
/// no other (else every change would wake the panels that read it).
#[test]
fn planning_follows_the_planning_parameters_and_no_other() {
    for case in CaseId::ALL {
        for v in case.variants() {
            let p = v.defaults();
            let base = Planning::of(&p);
            assert_eq!(base.patrol, Patrol::of(&p), "{}", v.key);
            assert_eq!(base.workload, Method::of(&p), "{}", v.key);
            for spec in p.specs() {
                let mut q = p.clone();
                let now = q.get(spec.key);
                let next = if now + spec.step <= spec.max {
                    now + spec.step
                } else {
                    now - spec.step
                };
                if next < spec.min {
                    continue;
                }
                // Written as the page writes it (`ParamSpec::format`), as the test above does.
                assert!(
                    q.set_raw(spec.key, &spec.format(next)).is_ok(),
                    "{} {}",
                    v.key,
                    spec.key
                );
                let moved = Planning::of(&q) != base;
                assert_eq!(moved, is_analysis_key(spec.key), "{} {}", v.key, spec.key);
            }
        }
    }
}
