//! The matrix of measures × organisations: every measure (lever) of every scope applied, at its
//! own scope's defaults, to every scope's "before" organisation at its defaults. Each cell is
//! `changed` (a figure the page shows differs), `nothing` (no figure changes) or `refused` (the
//! measure says why it cannot apply). `cargo run --example matrix` prints the table and the
//! counts, for the measure's own organisation and for the others'.

use reform_explorer::i18n::Lang;
use reform_explorer::model::compose::{Recipe, Scope, Step};
use reform_explorer::model::metrics::compute;

fn main() {
    let scopes = Scope::all();
    let (mut own, mut other) = ([0usize; 3], [0usize; 3]);
    println!("measure \\ organisation: {}", {
        let keys: Vec<String> = scopes.iter().map(Scope::key).collect();
        keys.join(" | ")
    });
    for scope in &scopes {
        for (i, lever) in scope.variant.levers.iter().enumerate() {
            let mut row = Vec::new();
            for base in &scopes {
                let r = Recipe {
                    base: *base,
                    steps: vec![Step {
                        scope: *scope,
                        lever: i,
                    }],
                };
                let v = r.variant();
                let cell = match v.build(&v.defaults()) {
                    Err(e) => (2, format!("refused ({})", e.message(Lang::En))),
                    Ok(s) if compute(s.before()) != compute(s.after()) => (0, "changed".into()),
                    Ok(_) => (1, "nothing".into()),
                };
                if base == scope {
                    own[cell.0] += 1;
                } else {
                    other[cell.0] += 1;
                }
                row.push(match cell.0 {
                    0 => "C",
                    1 => "-",
                    _ => "R",
                });
                if std::env::var_os("VERBOSE").is_some() {
                    println!(
                        "  {}.{} on {}: {}",
                        scope.key(),
                        lever.key,
                        base.key(),
                        cell.1
                    );
                }
            }
            println!(
                "{:<50} {}",
                format!("{}.{}", scope.key(), lever.key),
                row.join(" ")
            );
        }
    }
    println!(
        "own organisation: {} changed, {} nothing, {} refused",
        own[0], own[1], own[2]
    );
    println!(
        "other organisations: {} changed, {} nothing, {} refused ({} pairs)",
        other[0],
        other[1],
        other[2],
        other.iter().sum::<usize>()
    );
}
