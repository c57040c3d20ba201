//! Parameters: what a user can change, each with a range, a unit, a default and a source.

use crate::i18n::{format_number, plain_number, tr, trf, Lang, Msg, Text};
use crate::model::source::Source;

/// One parameter of a case model.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSpec {
    /// Stable key: the URL query name and the `data-param` hook.
    pub key: &'static str,
    pub label: Text,
    pub unit: Text,
    /// The measure (or part of the model) the parameter belongs to; the panel groups by it.
    pub group: Text,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub default: f64,
    /// Whole numbers only.
    pub integer: bool,
    pub source: Source,
}

/// Why a typed value was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamError {
    Empty,
    NotNumber(String),
    NotWhole,
    OutOfRange { min: f64, max: f64 },
}

impl ParamError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ParamError::Empty => tr(lang, Msg::ErrEmpty).to_string(),
            ParamError::NotNumber(s) => trf(lang, Msg::ErrNotNumber, &[s]),
            ParamError::NotWhole => tr(lang, Msg::ErrWhole).to_string(),
            ParamError::OutOfRange { min, max } => trf(
                lang,
                Msg::ErrRange,
                &[&format_number(*min, 3), &format_number(*max, 3)],
            ),
        }
    }
}

impl ParamSpec {
    /// Parses what a user typed (or a URL carried). Total: any string gives a value or an error.
    /// Accepts surrounding spaces, thousands separators (`,` `_` and the full-width comma) and
    /// full-width digits, which Chinese input methods produce.
    pub fn parse(&self, raw: &str) -> Result<f64, ParamError> {
        let cleaned: String = raw
            .trim()
            .chars()
            .filter(|c| !matches!(c, ',' | '_' | '，' | ' '))
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                '．' => '.',
                '－' => '-',
                _ => c,
            })
            .collect();
        if cleaned.is_empty() {
            return Err(ParamError::Empty);
        }
        let shown: String = raw.trim().chars().take(40).collect();
        let v: f64 = cleaned
            .parse()
            .map_err(|_| ParamError::NotNumber(shown.clone()))?;
        if !v.is_finite() {
            return Err(ParamError::NotNumber(shown));
        }
        if self.integer && v.fract() != 0.0 {
            return Err(ParamError::NotWhole);
        }
        if v < self.min || v > self.max {
            return Err(ParamError::OutOfRange {
                min: self.min,
                max: self.max,
            });
        }
        Ok(v)
    }

    /// The value as it is written into an input or a URL: no grouping, no trailing zeros.
    pub fn format(&self, v: f64) -> String {
        if self.integer {
            format!("{}", v.round() as i64)
        } else {
            plain_number(v)
        }
    }
}

/// A full set of values for a list of specs, always valid (every value within its range), and
/// the user's edits of individual table rows (e.g. one Haidong station's staff), each valid for
/// its field's spec.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    specs: &'static [ParamSpec],
    values: Vec<f64>,
    /// (row number from 1, field key, value), sorted by row then field.
    edits: Vec<(usize, &'static str, f64)>,
}

thread_local! {
    /// The keys `Params::get` read while `reading` runs (`None` otherwise).
    static READS: std::cell::RefCell<Option<Vec<&'static str>>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` and returns what it returned with every parameter key it read (through
/// `Params::get`, of any set), in order, repeated as read. Used to find the parameters a
/// measure reads (`compose::Composed::unused_keys`).
pub fn reading<R>(f: impl FnOnce() -> R) -> (R, Vec<&'static str>) {
    let outer = READS.with_borrow_mut(|r| r.replace(Vec::new()));
    let out = f();
    let keys = READS
        .with_borrow_mut(|r| std::mem::replace(r, outer))
        .unwrap_or_default();
    (out, keys)
}

impl Params {
    pub fn defaults(specs: &'static [ParamSpec]) -> Self {
        Params {
            specs,
            values: specs.iter().map(|s| s.default).collect(),
            edits: Vec::new(),
        }
    }
    /// The same set with the values of the keys `skip` names put back to their defaults: with
    /// `analysis::is_analysis_key`, what the organisation is built from (the planning models'
    /// values change estimates, not the organisation; tests/cases.rs checks it), so two sets
    /// with the same model input build the same scenario.
    pub fn model_input(&self, skip: impl Fn(&str) -> bool) -> Params {
        Params {
            specs: self.specs,
            values: self
                .specs
                .iter()
                .zip(&self.values)
                .map(|(s, v)| if skip(s.key) { s.default } else { *v })
                .collect(),
            edits: self.edits.clone(),
        }
    }
    /// The user's value for `field` of table row `row` (from 1), if they edited it.
    pub fn edit(&self, row: usize, field: &str) -> Option<f64> {
        self.edits
            .iter()
            .find(|(r, f, _)| *r == row && *f == field)
            .map(|(_, _, v)| *v)
    }
    /// Every edit, sorted by row then field.
    pub fn edits(&self) -> &[(usize, &'static str, f64)] {
        &self.edits
    }
    /// Sets a row edit after validating `raw` against `field`'s spec; unchanged when refused.
    pub fn set_edit(
        &mut self,
        row: usize,
        field: &ParamSpec,
        raw: &str,
    ) -> Result<f64, ParamError> {
        let v = field.parse(raw)?;
        self.edits
            .retain(|(r, f, _)| !(*r == row && *f == field.key));
        self.edits.push((row, field.key, v));
        super::order::sort_by_key(&mut self.edits, |e| (e.0, e.1));
        Ok(v)
    }
    /// Removes every row edit (the generated values show again).
    pub fn clear_edits(&mut self) {
        self.edits.clear();
    }
    pub fn specs(&self) -> &'static [ParamSpec] {
        self.specs
    }
    fn index(&self, key: &str) -> Option<usize> {
        self.specs.iter().position(|s| s.key == key)
    }
    /// The value of `key`. A key the specs do not have is a programming error: it fails the
    /// native tests (debug builds) and reads as 0 in a release build rather than panicking.
    pub fn get(&self, key: &str) -> f64 {
        let i = self.index(key);
        debug_assert!(i.is_some(), "unknown parameter {key}");
        if let Some(i) = i {
            READS.with_borrow_mut(|r| {
                if let Some(r) = r {
                    r.push(self.specs[i].key);
                }
            });
        }
        i.and_then(|i| self.values.get(i).copied()).unwrap_or(0.0)
    }
    /// `get` for whole-number parameters.
    pub fn count(&self, key: &str) -> u64 {
        self.get(key).max(0.0).round() as u64
    }
    /// Sets `key` after validating `raw`; the value is unchanged when it is refused.
    pub fn set_raw(&mut self, key: &str, raw: &str) -> Result<f64, ParamError> {
        let i = self
            .index(key)
            .ok_or_else(|| ParamError::NotNumber(key.to_string()))?;
        let v = self.specs[i].parse(raw)?;
        self.values[i] = v;
        Ok(v)
    }
    /// Keys and values that differ from the defaults, in spec order.
    pub fn changed(&self) -> Vec<(&'static str, String)> {
        self.specs
            .iter()
            .zip(&self.values)
            .filter(|(s, v)| **v != s.default)
            .map(|(s, v)| (s.key, s.format(*v)))
            .collect()
    }
}

/// How a typed parameter view (`typed_params!`) reads one value: whole numbers as `count` does
/// (negative reads 0, rounded), shares and rates as they are.
pub trait FromValue {
    fn from_value(v: f64) -> Self;
}

impl FromValue for u64 {
    fn from_value(v: f64) -> Self {
        v.max(0.0).round() as u64
    }
}

impl FromValue for usize {
    fn from_value(v: f64) -> Self {
        v.max(0.0).round() as usize
    }
}

impl FromValue for f64 {
    fn from_value(v: f64) -> Self {
        v
    }
}

/// A typed view of the parameters one measure (or baseline) reads, made once from `Params`:
/// one field per key, named as the key, so the measure reads `q.staff` instead of a string key
/// and a misspelt field does not compile. `KEYS` lists the keys; reading a set without one of
/// them fails the native tests (`Params::get`). Example:
/// `typed_params! { struct Sink { moved_staff: u64, share: f64 } }`, then `Sink::read(p)`.
macro_rules! typed_params {
    ($(#[$m:meta])* $vis:vis struct $name:ident { $($field:ident : $ty:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug)]
        $vis struct $name {
            $(pub $field: $ty,)*
        }
        impl $name {
            /// The parameter keys this view reads.
            #[allow(dead_code)]
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];
            pub fn read(p: &$crate::model::params::Params) -> Self {
                use $crate::model::params::FromValue;
                $name {
                    $($field: <$ty>::from_value(p.get(stringify!($field))),)*
                }
            }
        }
    };
}

pub(crate) use typed_params;

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: ParamSpec = ParamSpec {
        key: "k",
        label: Text::new("k", "k"),
        unit: Text::new("", ""),
        group: Text::new("", ""),
        min: 1.0,
        max: 100.0,
        step: 1.0,
        default: 10.0,
        integer: true,
        source: Source::assumption("", ""),
    };

    #[test]
    fn parse_accepts_and_refuses() {
        assert_eq!(SPEC.parse(" 42 "), Ok(42.0));
        assert_eq!(SPEC.parse("１２"), Ok(12.0));
        assert_eq!(SPEC.parse("1,0"), Ok(10.0));
        assert_eq!(SPEC.parse(""), Err(ParamError::Empty));
        assert_eq!(SPEC.parse("   "), Err(ParamError::Empty));
        assert!(matches!(SPEC.parse("abc"), Err(ParamError::NotNumber(_))));
        assert!(matches!(SPEC.parse("NaN"), Err(ParamError::NotNumber(_))));
        assert!(matches!(SPEC.parse("inf"), Err(ParamError::NotNumber(_))));
        assert_eq!(SPEC.parse("2.5"), Err(ParamError::NotWhole));
        assert!(matches!(
            SPEC.parse("101"),
            Err(ParamError::OutOfRange { .. })
        ));
        assert!(matches!(
            SPEC.parse("0"),
            Err(ParamError::OutOfRange { .. })
        ));
        assert!(matches!(
            SPEC.parse("-5"),
            Err(ParamError::OutOfRange { .. })
        ));
    }

    #[test]
    fn parse_is_total_on_odd_input() {
        for s in [
            "\u{0}",
            "1e999",
            "--1",
            "1..2",
            "０．５",
            "🙂",
            "1 000 000 000 000",
        ] {
            let _ = SPEC.parse(s);
        }
        let long = "9".repeat(10_000);
        assert!(SPEC.parse(&long).is_err());
    }

    #[test]
    fn error_messages_in_both_languages() {
        for e in [
            ParamError::Empty,
            ParamError::NotNumber("x".into()),
            ParamError::NotWhole,
            ParamError::OutOfRange { min: 1.0, max: 2.0 },
        ] {
            for l in Lang::ALL {
                assert!(!e.message(l).is_empty());
            }
        }
    }
}
