//! Prints, per case variant, every default with its source (quote or assumption), every lever
//! with its quote, and what the model computes at the defaults against what the sources report.
//! `cargo run --example sources > sources.md`
use reform_explorer::i18n::{plain_number, Lang};
use reform_explorer::model::cases::CaseId;
use reform_explorer::model::metrics::compute;
use reform_explorer::model::source::Source;

fn src(s: &Source) -> String {
    match s {
        Source::Seed { doc, quote } => format!("seed {doc}: “{quote}”"),
        Source::Assumption { why } => format!("ASSUMPTION: {}", why.en),
    }
}

fn main() {
    for c in CaseId::ALL {
        for v in c.variants() {
            println!("\n## {}/{} — {}\n", c.key(), v.key, v.name.en);
            println!("Parameters:");
            for s in v.specs.iter().chain(v.row_specs) {
                println!(
                    "- `{}` = {} {} — {}",
                    s.key,
                    plain_number(s.default),
                    s.unit.en,
                    src(&s.source)
                );
            }
            println!("\nLevers:");
            for l in v.levers {
                println!("- {} (`{}`) — {}", l.name.en, l.key, src(&l.source));
            }
            let Ok(s) = v.build(&v.defaults()) else {
                println!("\n(defaults do not build)");
                continue;
            };
            let (b, a) = (compute(s.before()), compute(s.after()));
            println!("\nReported vs model at defaults:");
            for r in v.reported {
                let one = |x: Option<f64>| x.map_or("—".to_string(), plain_number);
                match r.metric {
                    Some(k) => println!(
                        "- {}: reported {} → {}; model {} → {}",
                        k.key(),
                        one(r.before),
                        one(r.after),
                        plain_number(b.get(k)),
                        plain_number(a.get(k))
                    ),
                    None => println!(
                        "- {} ({}): reported {} → {} (not computed)",
                        r.label.get(Lang::En),
                        r.unit.en,
                        one(r.before),
                        one(r.after)
                    ),
                }
            }
            println!("\nModel at defaults (before → after):");
            for k in v.metrics {
                println!(
                    "- {}: {} → {}",
                    k.key(),
                    plain_number(b.get(*k)),
                    plain_number(a.get(*k))
                );
            }
        }
    }
}
