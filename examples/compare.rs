//! One city, four models, on the terminal: the default city (or `key=value` arguments, e.g.
//! `city_officers=5000`) fed to each case's model, what each was given, and the figures.
//! `cargo run --example compare -- city_stations=40`
use reform_explorer::analysis::compare::{apply, cell, Cell, City, FIGURES};
use reform_explorer::i18n::Lang;

fn main() {
    let mut p = City::defaults();
    for arg in std::env::args().skip(1) {
        if let Some((k, v)) = arg.split_once('=') {
            if let Err(e) = p.set_raw(k, v) {
                eprintln!("{k}: {}", e.message(Lang::En));
                return;
            }
        }
    }
    let city = City::of(&p);
    println!("{city:?}");
    let all = apply(&city);
    for a in &all {
        println!("\n{}/{}", a.case.key(), a.variant.key);
        for f in &a.fed {
            let capped = f
                .wanted
                .map(|w| format!(" (wanted {w:.1})"))
                .unwrap_or_default();
            println!("  {:<24} {:>10.2}{capped}  ← {}", f.key, f.value, f.how.en);
        }
        if let Err(e) = &a.result {
            println!("  cannot build: {}", e.message(Lang::En));
        }
    }
    println!();
    print!("{:<20}", "figure");
    for a in &all {
        print!("{:>26}", format!("{}/{}", a.case.key(), a.variant.key));
    }
    println!();
    for f in FIGURES {
        print!("{:<20}", f.key());
        for a in &all {
            let s = match cell(a, f) {
                Cell::Value { before, after } if before == after => {
                    format!("{before:.2} (no effect)")
                }
                Cell::Value { before, after } => format!("{before:.2} → {after:.2}"),
                Cell::NotModelled(_) => "not modelled".into(),
                Cell::Failed(_) => "failed".into(),
            };
            print!("{s:>26}");
        }
        println!();
    }
}
