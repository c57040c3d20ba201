//! Writes the model's figures for every case, variant and step at the defaults to
//! `target/e2e-expected.json`, so the end-to-end tests can check that the page shows exactly what
//! the model computes (the README's test command runs this before the browser tests). Each
//! variant has `steps` (every metric the page shows, per step) and `breakdowns` (staff and units
//! by tier, by kind and per unit directly under the root, per step), `response` (the response
//! estimate's parts per step, or null) and `workload` (officers needed per work unit, per step).

use std::fmt::Write;

use reform_explorer::analysis::compare::{apply, cell, Cell, City, FIGURES};
use reform_explorer::analysis::response::Patrol;
use reform_explorer::analysis::workload::Method;
use reform_explorer::i18n::plain_number;
use reform_explorer::model::cases::{CaseId, Scenario};
use reform_explorer::model::compose::{single, Effect, Recipe, Scope, Step};
use reform_explorer::model::metrics::{breakdown, compute, work_units, MetricKey, Tally};
use reform_explorer::model::org::Unit;
use reform_explorer::model::params::Params;
use reform_explorer::model::planning::is_analysis_key;
use reform_explorer::model::source::Source;

#[test]
fn write_expected_figures_for_the_browser_tests() {
    let mut json = String::from("{");
    let mut first = true;
    for c in CaseId::ALL {
        for v in c.variants() {
            let scenario = v.build(&v.defaults()).expect("defaults build");
            if !first {
                json.push(',');
            }
            first = false;
            let _ = write!(
                json,
                "\"{}/{}\":{{\"reported\":{},\"levers\":[",
                c.key(),
                v.key,
                v.reported.len()
            );
            let levers: Vec<String> = v.levers.iter().map(|l| format!("\"{}\"", l.key)).collect();
            json.push_str(&levers.join(","));
            json.push_str("],\"steps\":[");
            let steps: Vec<String> = scenario
                .steps
                .iter()
                .map(|org| {
                    let m = compute(org);
                    let cells: Vec<String> = MetricKey::shown_with(v.metrics, true)
                        .iter()
                        .map(|k| format!("\"{}\":\"{}\"", k.key(), plain_number(m.get(*k))))
                        .collect();
                    format!("{{{}}}", cells.join(","))
                })
                .collect();
            json.push_str(&steps.join(","));
            json.push_str("],\"breakdowns\":[");
            let breakdowns: Vec<String> = scenario.steps.iter().map(breakdown_json).collect();
            json.push_str(&breakdowns.join(","));
            json.push_str("],\"response\":[");
            let p = v.defaults();
            let response: Vec<String> = (0..scenario.steps.len())
                .map(|step| response_json(&p, &scenario, step))
                .collect();
            json.push_str(&response.join(","));
            json.push_str("],\"workload\":[");
            let workload: Vec<String> = scenario
                .steps
                .iter()
                .map(|org| workload_json(&p, org))
                .collect();
            json.push_str(&workload.join(","));
            json.push_str("]}");
        }
    }
    json.push('}');
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&dir).expect("target dir");
    std::fs::write(dir.join("e2e-expected.json"), &json).expect("write expected figures");
    assert!(json.contains("daqing/urban"));
}

/// The matrix of measures × organisations (`compose::effect`) to `target/e2e-matrix.json`:
/// `[{"base": scope, "lever": step key, "effect": "changed|idle|refused", "needs": English,
/// "staff": [before, after]}]` (officers; 0 where it refuses),
/// so that the composer's end-to-end test picks an idle and a changing pair from the model.
#[test]
fn write_the_matrix_of_measures_and_organisations() {
    let scopes = Scope::all();
    let mut rows = Vec::new();
    for scope in &scopes {
        for (lever, l) in scope.variant.levers.iter().enumerate() {
            let step = Step {
                scope: *scope,
                lever,
            };
            for base in &scopes {
                // Officers before and after, where the measure builds.
                let built = single(*base, step);
                let staff = built.as_ref().map_or((0, 0), |s| {
                    (
                        s.before().staff_total().total(),
                        s.after().staff_total().total(),
                    )
                });
                rows.push(format!(
                    "{{\"base\":\"{}\",\"lever\":\"{}\",\"effect\":\"{}\",\"needs\":\"{}\",\"staff\":[{},{}]}}",
                    base.key(),
                    step.key(),
                    Effect::of(&built).key(),
                    l.needs.en.replace('\\', "\\\\").replace('"', "\\\""),
                    staff.0,
                    staff.1
                ));
            }
        }
    }
    let json = format!("[{}]", rows.join(","));
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&dir).expect("target dir");
    std::fs::write(dir.join("e2e-matrix.json"), &json).expect("write the matrix");
    assert!(json.contains("\"idle\""));
}

/// Four reforms on one organisation (`Recipe::of_reform`) to `target/e2e-four.json`: for every
/// organisation (scope key), for every case, every metric before and after as the page's
/// `data-before` / `data-after` carry them, or `"refused"`.
#[test]
fn write_four_reforms_on_every_organisation() {
    let mut bases = Vec::new();
    for base in Scope::all() {
        let cases: Vec<String> = CaseId::ALL
            .iter()
            .map(|&case| {
                let v = Recipe::of_reform(case, base).variant();
                let cell = match v.build(&v.defaults()) {
                    Err(_) => "\"refused\"".to_string(),
                    Ok(s) => {
                        let (a, b) = (compute(s.before()), compute(s.after()));
                        let figures: Vec<String> = MetricKey::ALL
                            .iter()
                            .map(|k| {
                                format!(
                                    "\"{}\":[\"{}\",\"{}\"]",
                                    k.key(),
                                    plain_number(a.get(*k)),
                                    plain_number(b.get(*k))
                                )
                            })
                            .collect();
                        format!("{{{}}}", figures.join(","))
                    }
                };
                format!("\"{}\":{cell}", case.key())
            })
            .collect();
        bases.push(format!("\"{}\":{{{}}}", base.key(), cases.join(",")));
    }
    let json = format!("{{{}}}", bases.join(","));
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&dir).expect("target dir");
    std::fs::write(dir.join("e2e-four.json"), &json).expect("write the four reforms");
    assert!(json.contains("org.typical_city"));
    // What the panel says each organisation is made of: every parameter that builds it (not the
    // planning models'), with where its default comes from.
    let about: Vec<String> = Scope::all()
        .iter()
        .map(|base| {
            let specs: Vec<String> = base
                .variant
                .specs
                .iter()
                .filter(|s| !is_analysis_key(s.key))
                .map(|s| {
                    let from = match s.source {
                        Source::Seed { .. } => "seed",
                        Source::Assumption { .. } => "assumption",
                    };
                    format!("[\"{}\",\"{from}\"]", s.key)
                })
                .collect();
            format!("\"{}\":[{}]", base.key(), specs.join(","))
        })
        .collect();
    std::fs::write(
        dir.join("e2e-four-about.json"),
        format!("{{{}}}", about.join(",")),
    )
    .expect("write what the organisations are made of");
}

/// The comparison at the default city, as its cells carry it (`data-before`, `data-after`, or
/// `data-effect="not-modelled"`), to `target/e2e-compare.json`.
#[test]
fn write_the_comparison_at_the_default_city() {
    let all = apply(&City::of(&City::defaults()));
    let models: Vec<String> = all
        .iter()
        .map(|a| {
            let cells: Vec<String> = FIGURES
                .iter()
                .map(|f| {
                    let v = match cell(a, *f) {
                        Cell::Value { before, after } => {
                            format!("[\"{}\",\"{}\"]", plain_number(before), plain_number(after))
                        }
                        Cell::NotModelled(_) => "\"not-modelled\"".into(),
                        Cell::Failed(_) => "\"failed\"".into(),
                    };
                    format!("\"{}\":{v}", f.key())
                })
                .collect();
            format!(
                "\"{}\":{{\"variant\":\"{}\",\"cells\":{{{}}}}}",
                a.case.key(),
                a.variant.key,
                cells.join(",")
            )
        })
        .collect();
    let json = format!("{{{}}}", models.join(","));
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&dir).expect("target dir");
    std::fs::write(dir.join("e2e-compare.json"), &json).expect("write the comparison");
    assert!(json.contains("haidong"));
}

/// The response estimate's parts at `step` as the panel's `data-response` cells carry them
/// (`null` without an estimate).
fn response_json(p: &Params, s: &Scenario, step: usize) -> String {
    let Some(patrol) = Patrol::of(p) else {
        return "null".into();
    };
    let side = patrol.side_of(&compute(s.at(step)), step);
    let x = side.inputs;
    match side.result {
        Ok(e) => format!(
            "{{\"cars\":\"{}\",\"utilisation\":\"{}\",\"dispatch\":\"{}\",\"wait\":\"{}\",\"distance\":\"{}\",\"travel\":\"{}\",\"total\":\"{}\"}}",
            plain_number(x.cars),
            plain_number(e.utilisation),
            plain_number(x.dispatch_min),
            plain_number(e.wait_min),
            plain_number(e.distance_km),
            plain_number(e.travel_min),
            plain_number(e.total_min)
        ),
        Err(_) => "null".into(),
    }
}

/// Officers needed by the workload method per work unit (`data-needed`), `{}` without it.
fn workload_json(p: &Params, org: &Unit) -> String {
    let Some(method) = Method::of(p) else {
        return "{}".into();
    };
    let cells: Vec<String> = work_units(org)
        .iter()
        .map(|w| {
            format!(
                "\"{}\":\"{}\"",
                w.unit.id,
                plain_number(method.need(w.incidents, w.staff).needed)
            )
        })
        .collect();
    format!("{{{}}}", cells.join(","))
}

/// One row: `{"key":…,"organ":…,"frontline":…,"total":…,"units":…}`.
fn row(key: &str, t: Tally) -> String {
    format!(
        "{{\"key\":\"{key}\",\"organ\":{},\"frontline\":{},\"total\":{},\"units\":{}}}",
        t.staff.organ,
        t.staff.frontline,
        t.staff.total(),
        t.units
    )
}

/// The rows of the tier, kind and per-unit tables of one organisation, each ending with its
/// total (the per-unit rows start with the root's own posts, key "own").
fn breakdown_json(org: &Unit) -> String {
    let b = breakdown(org);
    let total = row("total", b.total);
    let tiers = b.tiers.iter().map(|(k, t)| row(&k.to_string(), *t));
    let kinds = b.kinds.iter().map(|(k, t)| row(k.key(), *t));
    let own = Tally {
        units: 1,
        staff: b.root_staff,
    };
    let units = std::iter::once(row("own", own)).chain(b.top.iter().map(|u| {
        row(
            &u.id,
            Tally {
                units: 1,
                staff: u.staff,
            },
        )
    }));
    let list = |rows: Vec<String>| format!("[{}]", rows.join(","));
    let with_total = |rows: &mut dyn Iterator<Item = String>| {
        list(rows.chain(std::iter::once(total.clone())).collect())
    };
    format!(
        "{{\"tier\":{},\"kind\":{},\"unit\":{}}}",
        with_total(&mut tiers.into_iter()),
        with_total(&mut kinds.into_iter()),
        with_total(&mut units.into_iter())
    )
}
