//! Native benchmark of model + layout at province scale: Daqing's urban model grown by its own
//! parameters (more residents, officers, sub-bureaus and stations) until the after tree has about
//! 1,000, 5,000 and 20,000 units. For each size it times, median of several runs:
//! build (baseline + every lever, every step kept), metrics of before and after, and the
//! layout of both diagrams with every unit drawn (no grouping) and as the page first draws them
//! (identical neighbours grouped, "队 ×6"). Prints ms per 1,000 units so linear growth shows as
//! a flat column.
//! `cargo run --release --example scale` (opt-level "z", the size profile the wasm is built
//! with) or `cargo run --profile native --example scale` (opt-level 3).
use std::time::Instant;

use reform_explorer::i18n::Lang;
use reform_explorer::layout::diagram::diagram;
use reform_explorer::model::cases::CaseId;
use reform_explorer::model::metrics::compute;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let Some(v) = CaseId::Daqing.variant("urban") else {
        eprintln!("no Daqing urban variant");
        return;
    };
    println!("target  sub-bureaus      units(before+after)  build ms  metrics ms  layout ms  total ms  ms per 1k units  | grouped: boxes  layout ms  total ms");
    for target in [1_000usize, 5_000, 20_000] {
        // About 23 units per sub-bureau after the reform at 125 officers each.
        let sub_bureaus = (target / 23).clamp(1, 1000);
        let mut p = v.defaults();
        let set = [
            ("residents_per_sub_bureau", "20000".to_string()),
            ("population", (sub_bureaus * 20_000).to_string()),
            ("staff", (sub_bureaus * 125).min(100_000).to_string()),
            (
                "sub_bureaus_before",
                (sub_bureaus / 2).clamp(1, 200).to_string(),
            ),
            (
                "stations_before",
                (sub_bureaus * 7 / 2).min(2000).to_string(),
            ),
        ];
        for (k, val) in &set {
            if let Err(e) = p.set_raw(k, val) {
                eprintln!("{k}={val}: {e:?}");
                return;
            }
        }
        let runs = if target > 10_000 { 5 } else { 15 };
        let (mut tb, mut tm, mut tl, mut tg) = (vec![], vec![], vec![], vec![]);
        let (mut units, mut boxes, mut split) = (0, 0, String::new());
        for _ in 0..runs {
            let a = Instant::now();
            let s = match v.build(&p) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("target {target}: {e:?}");
                    return;
                }
            };
            let b = Instant::now();
            let m = (compute(s.before()), compute(s.after()));
            let c = Instant::now();
            let d = (
                diagram(s.before(), Lang::Zh, false),
                diagram(s.after(), Lang::Zh, false),
            );
            let e = Instant::now();
            let g = (
                diagram(s.before(), Lang::Zh, true),
                diagram(s.after(), Lang::Zh, true),
            );
            let f = Instant::now();
            units = d.0.nodes.len() + d.1.nodes.len();
            split = format!("{}+{}", d.0.nodes.len(), d.1.nodes.len());
            boxes = g.0.nodes.len() + g.1.nodes.len();
            std::hint::black_box((m, d, g));
            tg.push((f - e).as_secs_f64() * 1e3);
            tb.push((b - a).as_secs_f64() * 1e3);
            tm.push((c - b).as_secs_f64() * 1e3);
            tl.push((e - c).as_secs_f64() * 1e3);
        }
        let (b, m, l, g) = (median(tb), median(tm), median(tl), median(tg));
        let total = b + m + l;
        println!(
            "{target:>6}  {sub_bureaus:>11}  {:>23}  {b:>8.2}  {m:>10.2}  {l:>9.2}  {total:>8.2}  {:>15.3}  | {boxes:>14}  {g:>9.2}  {:>8.2}",
            format!("{units} = {split}"),
            total / units as f64 * 1000.0,
            b + m + g
        );
    }
}
