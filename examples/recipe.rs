//! Native benchmark of a four-measure recipe on one large organisation: the typical
//! prefecture-level city grown by its own parameters to about 5,000 units (50 sub-bureaus, 30
//! county bureaus), with four measures from two cases applied in order (Daqing's fewer tiers,
//! merged units, pairs and teams; Zhejiang's community rooms). Times the build (the baseline and
//! every step kept) over several runs and prints the fastest and the median, with the units
//! before and after and what each step did. Issue 16 asks for <= 5 ms natively.
//! `cargo run --profile native --example recipe` (opt-level 3) or `--release` (opt-level "z").
use std::time::Instant;

use reform_explorer::model::compose::Recipe;
use reform_explorer::model::metrics::{compute, MetricKey};

fn main() {
    let levers = "daqing.urban.fewer_tiers,daqing.urban.merge_units,daqing.urban.pairs_and_teams,zhejiang.nanhu.community_rooms";
    let Ok(recipe) = Recipe::parse("org.typical_city", levers) else {
        eprintln!("the recipe does not parse");
        return;
    };
    let v = recipe.variant();
    let mut p = v.defaults();
    for (k, val) in [
        ("sub_bureaus", "50"),
        ("urban_stations", "500"),
        ("sub_bureau_units", "40"),
        ("county_bureaus", "30"),
        ("rural_stations", "1000"),
        ("county_units", "60"),
        ("municipal_units", "40"),
    ] {
        if let Err(e) = p.set_raw(&format!("org.typical_city.{k}"), val) {
            eprintln!("{k}: {e:?}");
            return;
        }
    }
    let s = match v.build(&p) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", e.message(reform_explorer::i18n::Lang::En));
            return;
        }
    };
    let units = |i: usize| compute(&s.steps[i]).get(MetricKey::UnitsTotal);
    println!(
        "typical city: {} units before, {} after; officers {} → {}",
        units(0),
        units(s.steps.len() - 1),
        s.before().staff_total().total(),
        s.after().staff_total().total()
    );
    for (i, l) in v.levers.iter().enumerate() {
        println!(
            "  step {}: {:<22} {} units{}",
            i + 1,
            l.key,
            units(i + 1),
            if s.idle(i + 1) {
                " (nothing to act on)"
            } else {
                ""
            }
        );
    }
    let mut times = Vec::new();
    for _ in 0..40 {
        let t = Instant::now();
        let built = v.build(&p);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(built.is_ok());
    }
    times.sort_by(f64::total_cmp);
    println!(
        "build (baseline + 4 measures, every step kept), 40 runs: fastest {:.2} ms, median {:.2} ms, slowest {:.2} ms (target <= 5 ms)",
        times[0],
        times[times.len() / 2],
        times[times.len() - 1]
    );
}
