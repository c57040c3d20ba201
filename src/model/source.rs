//! Where a number comes from: a quoted phrase in a seed document, or a stated assumption.

use crate::i18n::Text;

/// The one seed document written in traditional characters.
pub const TRADITIONAL_DOC: &str = "003";

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
    /// The script a seed's quote is written in, for its `lang` attribute: document 003 (Tianjin)
    /// is in traditional characters, the others in simplified (tests/sources.rs checks it against
    /// the documents). `None` for an assumption.
    pub fn quote_lang(&self) -> Option<&'static str> {
        match self {
            Source::Seed { doc, .. } => Some(if *doc == TRADITIONAL_DOC {
                "zh-Hant"
            } else {
                "zh-Hans"
            }),
            Source::Assumption { .. } => None,
        }
    }
    pub fn is_assumption(&self) -> bool {
        matches!(self, Source::Assumption { .. })
    }
}
