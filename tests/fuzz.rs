//! The readers fuzzed: the link decoder, scenario files and the saved list each take random
//! inputs, mostly mutations of valid links and files (bytes and JSON tokens inserted, deleted,
//! replaced, ranges repeated or cut, pieces of another valid input spliced in), some plain
//! random bytes. Never a panic; whatever reads writes back to what reads the same, and every
//! problem has a message. Seeded: `FUZZ_SEED=…` replays a run, `FUZZ_SCALE=…` multiplies the
//! counts (the defaults make 1,000,000 inputs in all).

mod common;

#[path = "fixtures/scenarios.rs"]
mod scenarios;

use common::{random_params, Rng};
use reform_explorer::i18n::Lang;
use reform_explorer::model::cases::CaseId;
use reform_explorer::state::scenario::{
    from_json, saved_from_json, saved_to_json, to_json, Problem, Saved,
};
use reform_explorer::state::url::{decode, encode};
use scenarios::{saved, SCENARIOS};

const LINKS: usize = 600_000;
const FILES: usize = 300_000;
const SAVED: usize = 100_000;

fn env_u64(key: &str, default: u64) -> u64 {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn count(n: usize) -> usize {
    n * env_u64("FUZZ_SCALE", 1) as usize
}

fn rng(salt: u64) -> Rng {
    let seed = env_u64("FUZZ_SEED", 20_261_204);
    println!("FUZZ_SEED={seed}");
    Rng::new(seed ^ salt)
}

/// Valid scenarios: the fixtures' and random states of every case and variant.
fn corpus(rng: &mut Rng) -> Vec<Saved> {
    let mut out: Vec<Saved> = SCENARIOS.iter().map(|(_, n, q)| saved(n, q)).collect();
    for c in CaseId::ALL {
        for v in c.variants() {
            let p = random_params(v, rng);
            let mut q = format!("?case={}&variant={}", c.key(), v.key);
            for (k, x) in p.changed() {
                q.push_str(&format!("&{k}={x}"));
            }
            out.push(saved(v.key, &q));
        }
    }
    out
}

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(path).expect("fixture")
}

/// One random edit of `b`: a token from `tokens` inserted or put in place of a range, a
/// range deleted or repeated, a byte changed, the text cut, or a piece of `other` spliced in.
fn mutate(b: &mut Vec<u8>, tokens: &[&str], other: &[u8], rng: &mut Rng) {
    let at = |rng: &mut Rng, len: usize| rng.range(0, len as u64) as usize;
    let i = at(rng, b.len());
    let j = (i + at(rng, 12)).min(b.len());
    match rng.range(0, 6) {
        0 | 1 => {
            let t = tokens[at(rng, tokens.len() - 1)].as_bytes();
            b.splice(i..i, t.iter().copied());
        }
        2 => {
            let t = tokens[at(rng, tokens.len() - 1)].as_bytes();
            b.splice(i..j, t.iter().copied());
        }
        3 => {
            b.drain(i..j);
        }
        4 => {
            let piece = b[i..j].to_vec();
            b.splice(j..j, piece);
        }
        5 if i < b.len() => b[i] = rng.next_u64() as u8,
        5 => b.truncate(i),
        _ => {
            let k = at(rng, other.len());
            let l = (k + at(rng, 40)).min(other.len());
            b.splice(i..i, other[k..l].iter().copied());
        }
    }
}

/// Random inputs from `seeds`: mostly 1–4 edits of one, a tenth random bytes.
fn inputs<'a>(
    n: usize,
    seeds: &'a [String],
    tokens: &'a [&'a str],
    mut rng: Rng,
) -> impl Iterator<Item = String> + 'a {
    (0..n).map(move |_| {
        let pick = |rng: &mut Rng| &seeds[rng.range(0, seeds.len() as u64 - 1) as usize];
        let mut b = pick(&mut rng).clone().into_bytes();
        if rng.range(0, 9) == 0 {
            b = (0..rng.range(0, 80))
                .map(|_| rng.next_u64() as u8)
                .collect();
        } else {
            let other = pick(&mut rng).clone().into_bytes();
            for _ in 0..rng.range(1, 4) {
                mutate(&mut b, tokens, &other, &mut rng);
            }
        }
        String::from_utf8_lossy(&b).into_owned()
    })
}

fn check_problems(problems: &[Problem], input: &str) {
    assert!(!problems.is_empty(), "{input:?}");
    for p in problems {
        for l in Lang::ALL {
            assert!(!p.message(l).is_empty(), "{p:?} of {input:?}");
        }
    }
}

const JSON_TOKENS: &[&str] = &[
    "1",
    "-1",
    "0",
    "1.5",
    "1e9",
    "1e999",
    "-0",
    "null",
    "true",
    "false",
    "\"\"",
    "\"x\"",
    "[]",
    "{}",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "\\",
    "\\u00e9",
    "\\ud83d",
    "\u{feff}",
    " ",
    "\n",
    "\"zh-Hant\"",
    "\"daqing\"",
    "\"urban\"",
    "\"case\"",
    "\"step\"",
    "\"params\"",
    "\"edits\"",
    "\"recipe\"",
    "\"view\"",
    "\"version\"",
    "\"format\"",
    "\"levers\"",
    "2",
    "\"staff\": \"3000\"",
    "\"row\": 3",
    "大庆",
    "\u{1}",
    "[[[[[[[[[[[[[[[[[[",
];

#[test]
fn the_link_decoder_is_total_and_what_it_reads_round_trips() {
    let mut rng = rng(1);
    let seeds: Vec<String> = corpus(&mut rng).iter().map(|s| encode(&s.state)).collect();
    let tokens = [
        "?",
        "&",
        "=",
        "%",
        "%E5%A4%A7",
        "%zz",
        "+",
        "case=",
        "variant=",
        "lang=en",
        "step=",
        "v=2",
        "embed=1",
        "view=compose",
        "base=",
        "levers=",
        ",",
        "s3.",
        "city_",
        "four=",
        "theme=",
        "layout=lr",
        "group=0",
        "staff=",
        "1e9",
        "-1",
        "0",
        ".",
        "#",
        "大",
    ];
    let n = count(LINKS);
    let default = decode("").0;
    let mut changed = 0;
    for q in inputs(n, &seeds, &tokens, rng) {
        let (state, _) = decode(&q);
        let (again, notices) = decode(&encode(&state));
        assert!(notices.is_empty(), "{q:?} -> {notices:?}");
        assert_eq!(state, again, "{q:?}");
        changed += usize::from(state != default);
    }
    println!("{n} links decoded ({changed} not the default state)");
}

#[test]
fn scenario_files_are_read_totally() {
    let mut rng = rng(2);
    let mut seeds: Vec<String> = corpus(&mut rng).iter().map(to_json).collect();
    seeds.extend(
        [
            "broken-types.json",
            "broken-values.json",
            "hand-numbers.json",
        ]
        .map(fixture),
    );
    let n = count(FILES);
    let mut ok = 0;
    for (i, t) in inputs(n, &seeds, JSON_TOKENS, rng).enumerate() {
        match from_json(&t) {
            Ok(s) => {
                ok += 1;
                assert_eq!(from_json(&to_json(&s)), Ok(s), "{t:?}");
            }
            Err(p) if i % 16 == 0 => check_problems(&p, &t),
            Err(_) => {}
        }
    }
    println!("{n} scenario files read, {ok} opened");
    assert!(ok > 0 && ok < n);
}

#[test]
fn saved_lists_are_read_totally() {
    let mut rng = rng(3);
    let all = corpus(&mut rng);
    let seeds = vec![
        saved_to_json(&all[..3]),
        saved_to_json(&all[3..]),
        fixture("saved-list.json"),
        fixture("saved-damaged-entries.json"),
    ];
    let n = count(SAVED);
    let mut ok = 0;
    for (i, t) in inputs(n, &seeds, JSON_TOKENS, rng).enumerate() {
        match saved_from_json(&t) {
            Ok((list, _)) => {
                ok += 1;
                assert_eq!(saved_from_json(&saved_to_json(&list)), Ok((list, 0)));
            }
            Err(p) if i % 16 == 0 => check_problems(&p, &t),
            Err(_) => {}
        }
    }
    println!("{n} saved lists read, {ok} opened");
    assert!(ok > 0 && ok < n);
}
