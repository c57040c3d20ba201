//! Native timing of the pure work behind one parameter change, per case variant at defaults, as
//! the page does it: build all steps, metrics of the baseline and the final step, the change
//! marks and the lineage list, and both diagrams (the median of many runs).
//! `cargo run --release --example timing`
//!
//! `cargo run --release --example timing -- daqing/urban 5000 [build|metrics|lineage|list|diagrams]`
//! runs one phase of one variant that many times (for a profiler, `perf record`).
use std::time::Instant;

use reform_explorer::i18n::Lang;
use reform_explorer::layout::diagram::diagram;
use reform_explorer::model::cases::{CaseId, Variant};
use reform_explorer::model::lineage::{formed, list, Changes};
use reform_explorer::model::metrics::compute;

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs.get(xs.len() / 2).copied().unwrap_or(0.0)
}

/// Runs one phase (build, metrics, lineage, the lineage list's texts or diagrams) of `v` at its defaults `runs` times and
/// prints the mean and the fastest batch of ten: the figure least disturbed by other work on the
/// machine.
fn profile(v: &Variant, runs: usize, phase: &str) {
    let p = v.defaults();
    let s = v.build(&p).expect("defaults build");
    let once = || match phase {
        "metrics" => {
            std::hint::black_box((compute(s.before()), compute(s.after())));
        }
        "lineage" => {
            std::hint::black_box(Changes::of(s.before(), s.after()));
            std::hint::black_box(formed(s.before(), s.after()));
        }
        "list" => {
            std::hint::black_box(list(s.before(), s.after(), Lang::Zh));
        }
        "diagrams" => {
            std::hint::black_box(diagram(s.before(), Lang::Zh, true));
            std::hint::black_box(diagram(s.after(), Lang::Zh, true));
        }
        _ => {
            std::hint::black_box(v.build(&p).expect("defaults build"));
        }
    };
    let (mut all, mut best) = (0.0, f64::INFINITY);
    for _ in 0..runs.div_ceil(10) {
        let a = Instant::now();
        for _ in 0..10 {
            once();
        }
        let ms = a.elapsed().as_secs_f64() * 1000.0;
        all += ms;
        best = f64::min(best, ms / 10.0);
    }
    let mean = all / (runs.div_ceil(10) * 10) as f64;
    println!(
        "{}: {phase} {mean:.3} ms mean, {best:.3} ms best (of {runs})",
        v.key
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(only) = args.first() {
        let runs: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(5000);
        let phase = args.get(2).map_or("build", String::as_str);
        for c in CaseId::ALL {
            for v in c.variants() {
                if format!("{}/{}", c.key(), v.key) == *only {
                    profile(v, runs, phase);
                }
            }
        }
        return;
    }
    for c in CaseId::ALL {
        for v in c.variants() {
            let p = v.defaults();
            let runs = 200;
            let mut t: [Vec<f64>; 4] = Default::default();
            let mut units = 0;
            for _ in 0..runs {
                let a = Instant::now();
                let s = v.build(&p).expect("defaults build");
                let b = Instant::now();
                // What the page computes: metrics of the baseline and the step on screen, the
                // change marks and the lineage list.
                let m = (compute(s.before()), compute(s.after()));
                let c2 = Instant::now();
                let l = (
                    Changes::of(s.before(), s.after()),
                    formed(s.before(), s.after()),
                );
                let d = Instant::now();
                let d1 = diagram(s.before(), Lang::Zh, true);
                let d2 = diagram(s.after(), Lang::Zh, true);
                let e = Instant::now();
                units = s.steps.iter().map(|o| o.walk().len()).max().unwrap_or(0);
                std::hint::black_box((m, l, d1.nodes.len(), d2.nodes.len()));
                for (i, (x, y)) in [(a, b), (b, c2), (c2, d), (d, e)].into_iter().enumerate() {
                    t[i].push((y - x).as_secs_f64() * 1000.0);
                }
            }
            let [b, m, l, d] = t.map(|mut xs| median(&mut xs));
            println!(
                "{:>9}/{:<10} units≤{units:>5}  build {b:.3} ms  metrics {m:.3} ms  lineage {l:.3} ms  diagrams {d:.3} ms",
                c.key(),
                v.key,
            );
        }
    }
}
