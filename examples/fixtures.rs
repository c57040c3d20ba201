//! Writes the scenario-file and saved-list fixtures of `tests/fixtures/` (run once:
//! `cargo run --example fixtures`). They were written by the code of the day the files were
//! committed, and `tests/fixtures.rs` checks that they still open: a later writer must not
//! replace them, so an existing file is left as it is.

use std::path::Path;

use reform_explorer::state::scenario::{saved_to_json, to_json, Saved};

#[path = "../tests/fixtures/scenarios.rs"]
mod scenarios;
use scenarios::{saved, SCENARIOS};

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if path.exists() {
        println!("kept {}", path.display());
        return;
    }
    std::fs::write(&path, text).expect("write a fixture");
    println!("wrote {}", path.display());
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    std::fs::create_dir_all(&dir).expect("fixtures folder");
    let all: Vec<Saved> = SCENARIOS.iter().map(|(_, n, q)| saved(n, q)).collect();
    for ((file, _, _), s) in SCENARIOS.iter().zip(&all) {
        write(&dir, &format!("{file}.json"), &to_json(s));
    }
    write(&dir, "saved-list.json", &saved_to_json(&all));
    write(&dir, "saved-empty.json", &saved_to_json(&[]));
}
