//! Native timing of the pure work behind one parameter change, per case variant at defaults:
//! build all steps, metrics of every step, lineage, and both diagrams.
//! `cargo run --release --example timing`
use std::time::Instant;

use reform_explorer::i18n::Lang;
use reform_explorer::layout::diagram::diagram;
use reform_explorer::model::cases::CaseId;
use reform_explorer::model::lineage::Lineage;
use reform_explorer::model::metrics::compute;

fn main() {
    for c in CaseId::ALL {
        for v in c.variants() {
            let p = v.defaults();
            let runs = 50;
            let mut t = [0f64; 4];
            let mut units = 0;
            for _ in 0..runs {
                let a = Instant::now();
                let s = v.build(&p).expect("defaults build");
                let b = Instant::now();
                let m: Vec<_> = s.steps.iter().map(compute).collect();
                let c2 = Instant::now();
                let l = Lineage::of(s.before(), s.after());
                let d = Instant::now();
                let d1 = diagram(s.before(), Lang::Zh, true);
                let d2 = diagram(s.after(), Lang::Zh, true);
                let e = Instant::now();
                units = s.steps.iter().map(|o| o.walk().len()).max().unwrap_or(0);
                std::hint::black_box((m, l.formed.len(), d1.nodes.len(), d2.nodes.len()));
                for (i, (x, y)) in [(a, b), (b, c2), (c2, d), (d, e)].into_iter().enumerate() {
                    t[i] += (y - x).as_secs_f64() * 1000.0 / runs as f64;
                }
            }
            println!(
                "{:>9}/{:<10} units≤{units:>5}  build {:.3} ms  metrics {:.3} ms  lineage {:.3} ms  diagrams {:.3} ms",
                c.key(),
                v.key,
                t[0],
                t[1],
                t[2],
                t[3]
            );
        }
    }
}
