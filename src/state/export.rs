//! Files the user downloads. `numbers_csv`: the numbers of the view on screen (every metric
//! before and at the step shown, with the reported figure beside it, then staff by management
//! tier and by kind of unit) as CSV for spreadsheet programs: UTF-8 with a byte-order mark (so
//! that Excel reads Chinese correctly), CRLF line ends, RFC 4180 quoting. Values are plain
//! numbers (`.` decimal, no grouping, shares as 0–1 fractions), the same as the page's
//! `data-value` hooks.

use crate::i18n::{plain_number, tr, trf, Lang, Msg};
use crate::model::cases::{Reported, Scenario, Variant};
use crate::model::metrics::{breakdown, compute, paired, MetricKey};

/// The byte-order mark that starts the file.
pub const BOM: &str = "\u{FEFF}";

/// One CSV field: quoted when it holds a comma, a quote or a line break.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One CSV record: its fields quoted as needed, then CRLF.
pub fn row(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

fn opt(v: Option<f64>) -> String {
    v.map(plain_number).unwrap_or_default()
}

/// The numbers of `scenario` at `step` (clamped to the last step) as CSV, headings in `lang`.
pub fn numbers_csv(variant: &Variant, scenario: &Scenario, step: usize, lang: Lang) -> String {
    let before = scenario.before();
    let after = scenario.at(step);
    let (mb, ma) = (compute(before), compute(after));
    let mut out = String::from(BOM);
    let t = |m: Msg| tr(lang, m).to_string();
    row(
        &mut out,
        &[
            t(Msg::CsvSection),
            t(Msg::CsvKey),
            t(Msg::Metric),
            t(Msg::Before),
            t(Msg::After),
            t(Msg::Change),
            t(Msg::CsvReportedBefore),
            t(Msg::CsvReportedAfter),
            t(Msg::CsvMatchBefore),
            t(Msg::CsvMatchAfter),
        ],
    );
    // How the model matches each side of a reported figure: input, calibrated, emerges, quoted.
    let how = |r: Option<&Reported>, side: usize| {
        r.and_then(|r| r.how[side])
            .map_or_else(String::new, |m| m.key().to_string())
    };
    for k in MetricKey::shown_with(
        variant.metrics,
        crate::model::own::shows(variant, MetricKey::CommandChain),
    ) {
        let (b, a) = (mb.get(k), ma.get(k));
        let reported = variant.reported_for(k);
        row(
            &mut out,
            &[
                "metric".into(),
                k.key().into(),
                k.label().get(lang).into(),
                plain_number(b),
                plain_number(a),
                plain_number(a - b),
                opt(reported.and_then(|r| r.before)),
                opt(reported.and_then(|r| r.after)),
                how(reported, 0),
                how(reported, 1),
            ],
        );
    }
    out.push_str("\r\n");
    row(
        &mut out,
        &[
            t(Msg::CsvSection),
            t(Msg::CsvKey),
            t(Msg::Unit),
            t(Msg::CsvUnitsBefore),
            t(Msg::CsvUnitsAfter),
            t(Msg::CsvOrganBefore),
            t(Msg::CsvOrganAfter),
            t(Msg::CsvFrontlineBefore),
            t(Msg::CsvFrontlineAfter),
        ],
    );
    let (bb, ba) = (breakdown(before), breakdown(after));
    let tally_row = |out: &mut String,
                     section: &str,
                     key: String,
                     name: String,
                     b: crate::model::metrics::Tally,
                     a: crate::model::metrics::Tally| {
        row(
            out,
            &[
                section.into(),
                key,
                name,
                b.units.to_string(),
                a.units.to_string(),
                b.staff.organ.to_string(),
                a.staff.organ.to_string(),
                b.staff.frontline.to_string(),
                a.staff.frontline.to_string(),
            ],
        );
    };
    for (tier, b, a) in paired(&bb.tiers, &ba.tiers) {
        let name = trf(lang, Msg::TierN, &[&tier.to_string()]);
        tally_row(&mut out, "tier", tier.to_string(), name, b, a);
    }
    for (kind, b, a) in paired(&bb.kinds, &ba.kinds) {
        tally_row(
            &mut out,
            "kind",
            kind.key().into(),
            kind.name().get(lang).into(),
            b,
            a,
        );
    }
    tally_row(
        &mut out,
        "total",
        "total".into(),
        t(Msg::Total),
        bb.total,
        ba.total,
    );
    out
}

/// A file name for the view: `reform-explorer-daqing-urban-step2.csv`.
pub fn file_name(variant: &Variant, case_key: &str, step: usize, last: usize, ext: &str) -> String {
    let step = if step >= last {
        "final".to_string()
    } else {
        format!("step{step}")
    };
    format!("reform-explorer-{case_key}-{}-{step}.{ext}", variant.key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cases::CaseId;

    /// A minimal CSV reader (RFC 4180 quoting) to read back what `numbers_csv` writes.
    fn parse(s: &str) -> Vec<Vec<String>> {
        let mut rows = vec![];
        let mut row = vec![];
        let mut cell = String::new();
        let mut quoted = false;
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (_, c) => cell.push(c),
            }
        }
        rows
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("分局"), "分局");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn every_variant_writes_its_metrics_and_breakdowns_with_a_bom() {
        for c in CaseId::ALL {
            for v in c.variants() {
                let s = v.build(&v.defaults()).expect("defaults build");
                let last = v.levers.len();
                for lang in Lang::ALL {
                    let csv = numbers_csv(v, &s, last, lang);
                    assert!(csv.starts_with(BOM));
                    assert!(csv.ends_with("\r\n"));
                    let rows = parse(&csv[BOM.len()..]);
                    let metrics: Vec<&Vec<String>> =
                        rows.iter().filter(|r| r[0] == "metric").collect();
                    let keys = MetricKey::shown_with(v.metrics, true);
                    assert_eq!(metrics.len(), keys.len(), "{}/{}", c.key(), v.key);
                    let (mb, ma) = (compute(s.before()), compute(s.after()));
                    for (r, k) in metrics.iter().zip(&keys) {
                        assert_eq!(r.len(), 10);
                        assert_eq!(r[1], k.key());
                        // A match kind exactly where a reported figure is.
                        let how = v.reported_for(*k).map(|x| x.how);
                        for side in 0..2 {
                            let kind = how.and_then(|h| h[side]).map(|m| m.key());
                            assert_eq!(r[8 + side], kind.unwrap_or(""), "{} {side}", k.key());
                            assert_eq!(r[6 + side].is_empty(), kind.is_none(), "{}", k.key());
                        }
                        assert_eq!(r[3], plain_number(mb.get(*k)));
                        assert_eq!(r[4], plain_number(ma.get(*k)));
                    }
                    // Tier and kind sums both equal the staff total, read back from the file.
                    let total = ma.get(MetricKey::StaffTotal);
                    for section in ["tier", "kind"] {
                        let sum: f64 = rows
                            .iter()
                            .filter(|r| r[0] == section)
                            .map(|r| {
                                r[6].parse::<f64>().unwrap_or(f64::NAN)
                                    + r[8].parse::<f64>().unwrap_or(f64::NAN)
                            })
                            .sum();
                        assert_eq!(sum, total, "{}/{} {section}", c.key(), v.key);
                    }
                }
            }
        }
    }

    #[test]
    fn file_names_say_case_variant_and_step() {
        let v = &CaseId::Daqing.variants()[0];
        assert_eq!(
            file_name(v, "daqing", 3, 3, "csv"),
            "reform-explorer-daqing-urban-final.csv"
        );
        assert_eq!(
            file_name(v, "daqing", 1, 3, "svg"),
            "reform-explorer-daqing-urban-step1.svg"
        );
    }
}
