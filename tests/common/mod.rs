//! Helpers shared by the native tests: a small seeded random generator (xorshift64*), so every
//! random test is reproducible from its seed and needs no extra crate.

#![allow(dead_code)]

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

use reform_explorer::model::cases::Variant;
use reform_explorer::model::params::Params;

/// A random valid parameter set for `v`: each value kept at its default half the time, else
/// drawn from its range, skewed towards small values (ranges are wide; interest is near the
/// defaults).
pub fn random_params(v: &Variant, rng: &mut Rng) -> Params {
    let mut p = Params::defaults(v.specs);
    for s in v.specs {
        if rng.unit() < 0.5 {
            continue;
        }
        let steps = ((s.max - s.min) / s.step).floor() as u64;
        let k = (rng.unit().powi(3) * steps as f64) as u64;
        let value = s.min + k as f64 * s.step;
        // In range by construction; a refusal would be a bug in this generator.
        assert!(
            p.set_raw(s.key, &s.format(value)).is_ok(),
            "{} = {value}",
            s.key
        );
    }
    p
}

/// The text of seed document `doc` ("000"…), from `../shared/seeds/` when this checkout sits
/// beside it; `None` elsewhere.
pub fn seed_text(doc: &str) -> Option<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let entry = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(doc))?;
    std::fs::read_to_string(entry.path()).ok()
}

/// The pieces of `quote` that are not in `text` verbatim (line breaks in the document aside).
/// A quote may skip words with "……"; each piece between must be there.
pub fn missing_pieces<'q>(text: &str, quote: &'q str) -> Vec<&'q str> {
    let body: String = text.chars().filter(|c| *c != '\n' && *c != '\r').collect();
    quote
        .split('…')
        .filter(|p| !p.is_empty() && !body.contains(*p))
        .collect()
}
