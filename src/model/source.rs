//! Where a number comes from: a quoted phrase in a seed document, or a stated assumption.

use crate::i18n::Text;

/// The source of a default value, a structural rule or a reported figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Source {
    /// A phrase quoted from a seed document in `shared/seeds/` (`doc` is its number, e.g. "000").
    Seed {
        doc: &'static str,
        quote: &'static str,
    },
    /// A value the sources do not give; `why` says how it was chosen.
    Assumption { why: Text },
}

impl Source {
    pub const fn seed(doc: &'static str, quote: &'static str) -> Self {
        Source::Seed { doc, quote }
    }
    pub const fn assumption(zh: &'static str, en: &'static str) -> Self {
        Source::Assumption {
            why: Text::new(zh, en),
        }
    }
    pub fn is_assumption(&self) -> bool {
        matches!(self, Source::Assumption { .. })
    }
}
