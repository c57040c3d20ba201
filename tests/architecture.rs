//! The layers of ARCHITECTURE.md, checked: every `crate::<module>` a source file names (in a
//! `use` line or a path in code, comments left out) must be its own top-level module or one the
//! "Layers" list of ARCHITECTURE.md allows it. The list is read from ARCHITECTURE.md itself, so
//! the document and the code cannot drift apart.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The "Layers" list: `- <module>: <module>, <module>` (or `nothing`) a line.
fn allowed() -> BTreeMap<String, BTreeSet<String>> {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md"))
            .expect("ARCHITECTURE.md");
    let section = doc
        .split("\n## Layers")
        .nth(1)
        .expect("ARCHITECTURE.md has a \"## Layers\" section");
    let mut out = BTreeMap::new();
    for line in section.lines().skip(1) {
        if line.starts_with("## ") {
            break;
        }
        let Some(rest) = line.strip_prefix("- `") else {
            continue;
        };
        let (module, uses) = rest.split_once("`: ").expect("- `module`: uses");
        let uses = uses
            .split(',')
            .map(|s| s.trim().trim_matches('`').trim_end_matches('.').to_string())
            .filter(|s| !s.is_empty() && s != "nothing of ours")
            .collect();
        out.insert(module.to_string(), uses);
    }
    assert!(
        out.len() >= 6,
        "the Layers list names every module: {out:?}"
    );
    out
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src").flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every module named after `crate::` in `text`, outside comments.
fn named(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            let after = &rest[i + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
            rest = after;
        }
        // `use crate::{a, b}` names several.
        if let Some(i) = code.find("crate::{") {
            let inner = code[i + "crate::{".len()..].split('}').next().unwrap_or("");
            for part in inner.split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        }
    }
    out
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let rules = allowed();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut broken = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&src).expect("under src");
        let first = rel.components().next().expect("a path");
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if module == "lib" {
            continue;
        }
        let Some(may) = rules.get(&module) else {
            broken.push(format!(
                "{}: module `{module}` is not in the Layers list",
                rel.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(f).expect("readable");
        for used in named(&text) {
            if used != module && !may.contains(&used) {
                broken.push(format!("{}: `{module}` uses `{used}`", rel.display()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "layer rules broken:\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_checker_sees_what_it_must() {
    let found = named("use crate::model::org::Unit;\nuse crate::{i18n, layout::x};\n// crate::ui\nlet x = $crate::analysis::y;");
    let want: BTreeSet<String> = ["model", "i18n", "layout", "analysis"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(found, want);
}
