//! How each reported figure is matched (issue 19): every side of every reported figure says
//! whether the source's number is a parameter's default (input), an assumption was chosen to
//! give it (calibrated), the model computes it (emerges), or it is only quoted; and the data
//! must be true of the model.

mod common;

use reform_explorer::model::cases::{CaseId, Match, Reported, Variant};
use reform_explorer::model::metrics::{compute, MetricKey as K};
use reform_explorer::model::org::{Unit, UnitKind};
use reform_explorer::model::params::ParamSpec;
use reform_explorer::model::source::Source;

fn every_variant() -> impl Iterator<Item = (CaseId, &'static Variant)> {
    CaseId::ALL
        .into_iter()
        .flat_map(|c| c.variants().iter().map(move |v| (c, v)))
}

fn spec(v: &Variant, key: &str) -> Option<&'static ParamSpec> {
    // Specs are `'static` in every case's own variant.
    let specs: &'static [ParamSpec] = v.specs;
    specs.iter().chain(v.row_specs).find(|s| s.key == key)
}

fn name(r: &Reported) -> String {
    match r.metric {
        Some(k) => k.key().to_string(),
        None => r.label.en.to_string(),
    }
}

/// `a` and `b` equal up to the rounding a source writes (one in a thousand, or 0.05 absolute),
/// a share in either form (0.485 and 48.5) and either sign (a cut of 23.2 and -23.2).
fn same_figure(default: f64, figure: f64) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() <= 0.05_f64.max(b.abs() * 1e-3);
    let d = default.abs();
    let f = figure.abs();
    close(d, f) || close(d, f * 100.0) || close(d / 100.0, f)
}

/// The number as a source writes it (no trailing zeros), e.g. "21.6", "3870".
fn written(v: f64) -> String {
    let s = format!("{:.2}", v.abs());
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[test]
fn every_side_of_every_reported_figure_is_classified() {
    let mut figures = 0;
    for (c, v) in every_variant() {
        for r in v.reported {
            for (side, (value, how)) in ["before", "after"]
                .iter()
                .zip([r.before, r.after].into_iter().zip(r.how))
            {
                assert_eq!(
                    value.is_some(),
                    how.is_some(),
                    "{} {} {}: {side} is {value:?} but classified {how:?}",
                    c.key(),
                    v.key,
                    name(r)
                );
                figures += usize::from(value.is_some());
            }
        }
    }
    assert!(figures >= 50, "{figures} sides");
}

#[test]
fn calibrated_names_assumptions_of_the_variant() {
    let mut seen = 0;
    for (c, v) in every_variant() {
        for r in v.reported {
            for m in r.how.iter().flatten() {
                if let Match::Calibrated(keys) = m {
                    assert!(!keys.is_empty(), "{} {} {}", c.key(), v.key, name(r));
                    for k in *keys {
                        let s = spec(v, k).unwrap_or_else(|| {
                            panic!("{} {} {}: no parameter {k}", c.key(), v.key, name(r))
                        });
                        assert!(
                            matches!(s.source, Source::Assumption { .. }),
                            "{} {} {}: {k} is quoted from a source, not an assumption",
                            c.key(),
                            v.key,
                            name(r)
                        );
                    }
                    seen += 1;
                }
            }
        }
    }
    assert!(seen >= 5, "{seen} calibrated sides");
}

#[test]
fn an_input_is_a_default_of_the_variant_and_a_quoted_figure_is_in_its_quote() {
    for (c, v) in every_variant() {
        for r in v.reported {
            let quote = match r.source {
                Source::Seed { quote, .. } => quote,
                Source::Assumption { .. } => {
                    panic!("{} {}: reported from no source", c.key(), name(r))
                }
            };
            for (value, how) in [r.before, r.after].into_iter().zip(r.how) {
                let (Some(value), Some(how)) = (value, how) else {
                    continue;
                };
                let at = format!("{} {} {} ({value})", c.key(), v.key, name(r));
                match how {
                    Match::Input(key) => {
                        let s = spec(v, key).unwrap_or_else(|| panic!("{at}: no parameter {key}"));
                        assert!(
                            same_figure(s.default, value),
                            "{at}: {key}'s default is {}",
                            s.default
                        );
                    }
                    Match::Quoted => {
                        assert!(quote.contains(&written(value)), "{at}: not in “{quote}”");
                        // Only quoted means the model has no metric for it.
                        assert!(
                            r.metric.is_none(),
                            "{at}: quoted only, but a metric computes it"
                        );
                    }
                    Match::Emerges(from) => {
                        assert!(
                            !from.zh.is_empty() && !from.en.is_empty(),
                            "{at}: from what?"
                        )
                    }
                    Match::Calibrated(_) => {}
                }
            }
        }
    }
}

/// A side the model computes with a metric: an input is carried through to the model's figure
/// at the defaults, and a calibrated one is met at the defaults and moves when its assumption
/// does (so the match really rests on it).
#[test]
fn inputs_and_calibrated_figures_are_what_the_model_shows() {
    for (c, v) in every_variant() {
        let p = v.defaults();
        let s = v.build(&p).expect("defaults build");
        for r in v.reported {
            let Some(k) = r.metric else { continue };
            for (i, (value, how)) in [r.before, r.after].into_iter().zip(r.how).enumerate() {
                let (Some(value), Some(how)) = (value, how) else {
                    continue;
                };
                let org = if i == 0 { s.before() } else { s.after() };
                let model = compute(org).get(k);
                let at = format!(
                    "{} {} {} side {i}: reported {value}, model {model}",
                    c.key(),
                    v.key,
                    k.key()
                );
                match how {
                    Match::Input(_) => assert!(
                        (model - value).abs() <= 0.005 * value.abs().max(1.0),
                        "{at}"
                    ),
                    Match::Calibrated(keys) => {
                        assert!(
                            (model - value).abs() <= 0.005 * value.abs().max(1.0),
                            "{at}"
                        );
                        let moved = keys.iter().any(|key| {
                            let sp = spec(v, key).expect("key");
                            let other = if sp.default * 2.0 <= sp.max {
                                sp.default * 2.0
                            } else {
                                sp.min
                            };
                            let mut q = p.clone();
                            q.set_raw(key, &other.to_string()).expect("in range");
                            v.build(&q).is_ok_and(|s2| {
                                let o2 = if i == 0 { s2.before() } else { s2.after() };
                                compute(o2).get(k) != model
                            })
                        });
                        assert!(moved, "{at}: none of {keys:?} moves it");
                    }
                    _ => {}
                }
            }
        }
    }
}

/// Pujiang's 23.2 % cut is calibrated: the headquarters staff of 250 was chosen so that 23.2 %
/// of it is a whole number of officers. One officer more and the model's cut is 23.1 %.
#[test]
fn pujiang_cut_is_calibrated_by_the_headquarters_staff() {
    let v = CaseId::Zhejiang.variant("pujiang").expect("pujiang");
    let r = v
        .reported
        .iter()
        .find(|r| r.after == Some(-23.2))
        .expect("the 23.2 % figure");
    assert_eq!(
        r.how,
        [None, Some(Match::Calibrated(&["organ_staff_before"]))]
    );
    let dept = |org: &Unit| -> f64 {
        org.children
            .iter()
            .filter(|u| u.kind == UnitKind::InternalUnit)
            .map(|u| f64::from(u.staff_total().total()))
            .sum()
    };
    let cut = |staff: &str| {
        let mut p = v.defaults();
        p.set_raw("organ_staff_before", staff).expect("valid");
        let s = v.build(&p).expect("builds");
        let i = v
            .levers
            .iter()
            .position(|l| l.key == "sink_staff")
            .expect("lever")
            + 1;
        let (d0, d1) = (dept(s.at(i - 1)), dept(s.at(i)));
        ((d0 - d1) / d0 * 1000.0).round() / 10.0
    };
    assert_eq!(cut("250"), 23.2);
    assert_eq!(cut("251"), 23.1);
}

/// Daqing: the 70 stations before are an input, the 0 after comes out of the merge; the 20
/// sub-bureaus after come from the residents assumed for them; the response time is calibrated.
#[test]
fn daqing_sides_differ_in_kind() {
    let v = CaseId::Daqing.variant("urban").expect("urban");
    let stations = v.reported_for(K::Stations).expect("stations");
    assert_eq!(stations.how[0], Some(Match::Input("stations_before")));
    assert!(matches!(stations.how[1], Some(Match::Emerges(_))));
    let sb = v.reported_for(K::SubBureaus).expect("sub-bureaus");
    assert!(matches!(sb.how[1], Some(Match::Calibrated(k)) if k.contains(&"population")));
    let rt = reform_explorer::analysis::response::reported(v).expect("response time");
    for how in rt.how {
        assert!(matches!(how, Some(Match::Calibrated(k)) if k.contains(&"rt_area")));
    }
}
