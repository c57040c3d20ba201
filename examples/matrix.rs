//! The matrix of measures × organisations (`model::compose::effect`): every measure (lever) of
//! every scope applied, at its own scope's defaults, to every scope's "before" organisation at
//! its defaults. A cell is `C` (a figure the page shows changes), `-` (nothing to act on: the
//! step says what the measure looks for), `?` (the tree changed but no figure did) or `R` (the
//! measure says why it cannot apply). `cargo run --example matrix` prints the table and the
//! counts, for each measure's own organisation and for the others'; `VERBOSE=1` every cell.

use reform_explorer::i18n::Lang;
use reform_explorer::model::compose::{effect, Effect, Scope, Step};

fn main() {
    let scopes = Scope::all();
    let keys: Vec<String> = scopes.iter().map(Scope::key).collect();
    println!("measure \\ organisation: {}", keys.join(" | "));
    let (mut own, mut other) = ([0usize; 4], [0usize; 4]);
    for scope in &scopes {
        for (i, lever) in scope.variant.levers.iter().enumerate() {
            let step = Step {
                scope: *scope,
                lever: i,
            };
            let mut row = Vec::new();
            for base in &scopes {
                let e = effect(*base, step);
                let (n, mark) = match &e {
                    Effect::Changed => (0, "C"),
                    Effect::Idle => (1, "-"),
                    Effect::Unshown => (2, "?"),
                    Effect::Refused(_) => (3, "R"),
                };
                if base == scope {
                    own[n] += 1;
                } else {
                    other[n] += 1;
                }
                row.push(mark);
                if std::env::var_os("VERBOSE").is_some() {
                    let why = match &e {
                        Effect::Refused(err) => format!(" ({})", err.message(Lang::En)),
                        Effect::Idle => format!(" (looks for: {})", lever.needs.en),
                        _ => String::new(),
                    };
                    println!("  {} on {}: {}{why}", step.key(), base.key(), e.key());
                }
            }
            println!("{:<50} {}", step.key(), row.join(" "));
        }
    }
    let line = |c: [usize; 4]| {
        format!(
            "{} changed, {} nothing to act on (said), {} changed no figure, {} refused ({} pairs)",
            c[0],
            c[1],
            c[2],
            c[3],
            c.iter().sum::<usize>()
        )
    };
    println!("own organisation: {}", line(own));
    println!("other organisations: {}", line(other));
}
