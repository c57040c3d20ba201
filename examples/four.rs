//! Four reforms on one organisation: each case's whole reform (`CaseId::reform`) applied to the
//! same "before" (the typical city by default, or any scope: `cargo run --example four --
//! daqing.urban`). Prints, per case, what each step did and the main figures before → after;
//! every column starts from the same organisation.
use reform_explorer::i18n::Lang;
use reform_explorer::model::cases::CaseId;
use reform_explorer::model::compose::{Recipe, Scope};
use reform_explorer::model::metrics::{compute, MetricKey};

fn main() {
    let key = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "org.typical_city".into());
    let Some(base) = Scope::parse(&key) else {
        eprintln!("no such organisation: {key} (try org.typical_city or daqing.urban)");
        return;
    };
    println!("four reforms on {}", base.variant.name.en);
    let figures = [
        MetricKey::StaffTotal,
        MetricKey::FrontlineShare,
        MetricKey::ManagementTiers,
        MetricKey::CommandChain,
        MetricKey::UnitsTotal,
        MetricKey::Stations,
        MetricKey::Districts,
    ];
    for case in CaseId::ALL {
        let v = Recipe::of_reform(case, base).variant();
        print!("\n{}: ", case.name().en);
        match v.build(&v.defaults()) {
            Err(e) => println!("refused: {}", e.message(Lang::En)),
            Ok(s) => {
                println!();
                for (i, l) in v.levers.iter().enumerate() {
                    let said = if s.idle(i + 1) {
                        format!("nothing to act on (looks for: {})", l.needs.en)
                    } else {
                        "acts".into()
                    };
                    println!("  {}. {}: {said}", i + 1, l.name.en);
                }
                let (a, b) = (compute(s.before()), compute(s.after()));
                for f in figures {
                    println!(
                        "  {:<40} {:>10.3} → {:>10.3}",
                        f.label().en,
                        a.get(f),
                        b.get(f)
                    );
                }
            }
        }
    }
}
