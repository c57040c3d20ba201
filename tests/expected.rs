//! Writes the model's figures for every case, variant and step at the defaults to
//! `target/e2e-expected.json`, so the end-to-end tests can check that the page shows exactly what
//! the model computes (the README's test command runs this before the browser tests).

use std::fmt::Write;

use reform_explorer::i18n::plain_number;
use reform_explorer::model::cases::CaseId;
use reform_explorer::model::metrics::compute;

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
            let _ = write!(json, "\"{}/{}\":{{\"levers\":[", c.key(), v.key);
            let levers: Vec<String> = v.levers.iter().map(|l| format!("\"{}\"", l.key)).collect();
            json.push_str(&levers.join(","));
            json.push_str("],\"steps\":[");
            let steps: Vec<String> = scenario
                .steps
                .iter()
                .map(|org| {
                    let m = compute(org);
                    let cells: Vec<String> = v
                        .metrics
                        .iter()
                        .map(|k| format!("\"{}\":\"{}\"", k.key(), plain_number(m.get(*k))))
                        .collect();
                    format!("{{{}}}", cells.join(","))
                })
                .collect();
            json.push_str(&steps.join(","));
            json.push_str("]}");
        }
    }
    json.push('}');
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    std::fs::create_dir_all(&dir).expect("target dir");
    std::fs::write(dir.join("e2e-expected.json"), &json).expect("write expected figures");
    assert!(json.contains("daqing/urban"));
}
