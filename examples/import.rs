//! Native timing of the pure work behind importing a large organisation and editing it, phase
//! by phase, as the page does it: read the CSV, write its JSON file (the key and what the
//! browser keeps), register it, build Daqing's whole reform on it, metrics and both diagrams;
//! then one edit (a rename) and the same again. Prints the median of several runs per phase.
//! `cargo run --release --example import -- FILE.csv [runs]` (`node scripts/bench.mjs` writes
//! the 5,000-unit file it imports to `target/bench-org5000.csv`).
use std::time::Instant;

use reform_explorer::i18n::Lang;
use reform_explorer::layout::diagram::diagram;
use reform_explorer::model::cases::CaseId;
use reform_explorer::model::compose::{Recipe, Scope};
use reform_explorer::model::edit::{apply, Edit};
use reform_explorer::model::metrics::compute;
use reform_explorer::model::own;
use reform_explorer::state::organisation::{file, read, to_json};

fn time<T>(runs: usize, label: &str, mut f: impl FnMut() -> T) -> T {
    let mut ms = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let a = Instant::now();
        last = Some(std::hint::black_box(f()));
        ms.push(a.elapsed().as_secs_f64() * 1000.0);
    }
    ms.sort_by(f64::total_cmp);
    println!(
        "  {label:<34} {:>8.2} ms median, {:>8.2} ms fastest",
        ms[ms.len() / 2],
        ms[0]
    );
    last.expect("runs > 0")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: import FILE.csv [runs]");
        return;
    };
    let runs: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(5).max(1);
    let text = std::fs::read_to_string(path).expect("the file reads");
    println!("{path}: {} bytes, {runs} runs per phase", text.len());
    let org = match time(runs, "read (CSV)", || read(&text)) {
        Ok(o) => o,
        Err(p) => {
            eprintln!("{} problems, first {:?}", p.len(), p.first());
            return;
        }
    };
    let json = time(runs, "to_json (a whole file)", || {
        to_json(&org.tree, &org.name)
    });
    time(runs, "read (JSON)", || read(&json).is_ok());
    let v = own::register(org.tree.clone(), org.name.clone(), &json).expect("registers");
    let scope = Scope::own().expect("current");
    assert_eq!(scope.variant.key, v.key);
    let recipe = Recipe::of_reform(CaseId::Daqing, scope);
    let rv = recipe.variant();
    let p = rv.defaults();
    let s = match time(runs, "build (Daqing's reform)", || rv.build(&p)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("refused: {}", e.message(Lang::En));
            return;
        }
    };
    time(runs, "metrics before + after", || {
        (compute(s.before()), compute(s.after()))
    });
    time(runs, "diagram before (grouped)", || {
        diagram(s.before(), Lang::En, true)
    });
    time(runs, "diagram after (grouped)", || {
        diagram(s.after(), Lang::En, true)
    });
    time(runs, "diagram before (ungrouped)", || {
        diagram(s.before(), Lang::En, false)
    });
    let edit = Edit::Rename {
        id: "sb1".into(),
        zh: "改名".into(),
        en: "Renamed".into(),
    };
    let renamed = time(runs, "edit::apply (rename)", || {
        apply(&org.tree, &edit, 20_000).expect("the unit is there")
    });
    // The file (and key) of an edited tree, made from the one written before it, as the page
    // makes it on every edit: the two trees in turn, so each run writes an edited one.
    let mut turn = 0;
    time(runs, "file of an edited tree (key)", || {
        turn += 1;
        let t = if turn % 2 == 0 { &org.tree } else { &renamed };
        file(t, &org.name).hash
    });
}
