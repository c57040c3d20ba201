//! The case models. A case has one or more variants (scopes); a variant is a list of parameter
//! specs, a function that builds the organisation before and after the reform from them, the
//! metrics worth showing, and the outcomes the sources report (shown beside the model's figures,
//! never copied into them).

pub mod daqing;

use crate::i18n::{Lang, Name, Text};
use crate::model::metrics::MetricKey;
use crate::model::org::Unit;
use crate::model::params::{ParamSpec, Params};
use crate::model::source::Source;

/// The four case models.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CaseId {
    #[default]
    Daqing,
    Zhejiang,
    Tianjin,
    Haidong,
}

impl CaseId {
    pub const ALL: [CaseId; 4] = [
        CaseId::Daqing,
        CaseId::Zhejiang,
        CaseId::Tianjin,
        CaseId::Haidong,
    ];
    /// The `?case=` value.
    pub fn key(self) -> &'static str {
        match self {
            CaseId::Daqing => "daqing",
            CaseId::Zhejiang => "zhejiang",
            CaseId::Tianjin => "tianjin",
            CaseId::Haidong => "haidong",
        }
    }
    pub fn from_key(s: &str) -> Option<CaseId> {
        CaseId::ALL
            .into_iter()
            .find(|c| c.key().eq_ignore_ascii_case(s.trim()))
    }
    pub fn name(self) -> Text {
        match self {
            CaseId::Daqing => Text::new("大庆 扁平化", "Daqing flattening"),
            CaseId::Zhejiang => Text::new("浙江 大部门大警种", "Zhejiang big department"),
            CaseId::Tianjin => Text::new("天津 一室两队", "Tianjin one office, two teams"),
            CaseId::Haidong => Text::new("海东 多所连片防区", "Haidong multi-station districts"),
        }
    }
    /// The case's variants; empty while the case is not modelled yet.
    pub fn variants(self) -> &'static [Variant] {
        match self {
            CaseId::Daqing => daqing::VARIANTS,
            CaseId::Zhejiang | CaseId::Tianjin | CaseId::Haidong => &[],
        }
    }
    pub fn is_modelled(self) -> bool {
        !self.variants().is_empty()
    }
    pub fn variant(self, key: &str) -> Option<&'static Variant> {
        self.variants().iter().find(|v| v.key == key)
    }
}

/// The organisation before and after the reform.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub before: Unit,
    pub after: Unit,
}

/// Why a set of (individually valid) parameters cannot be modelled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelError(pub Name);

impl ModelError {
    pub fn new(zh: String, en: String) -> Self {
        ModelError(Name { zh, en })
    }
    pub fn message(&self, lang: Lang) -> &str {
        self.0.get(lang)
    }
}

/// A figure the sources report, shown beside the model's and never fed into it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reported {
    /// The metric the figure compares with, or `None` for effects the model does not compute.
    pub metric: Option<MetricKey>,
    /// Label for effects without a metric.
    pub label: Text,
    pub unit: Text,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub source: Source,
}

/// One scope of a case (e.g. Daqing's urban area, or its counties).
#[derive(Clone, Copy, Debug)]
pub struct Variant {
    pub key: &'static str,
    pub name: Text,
    pub specs: &'static [ParamSpec],
    pub build: fn(&Params) -> Result<Scenario, ModelError>,
    pub metrics: &'static [MetricKey],
    pub reported: &'static [Reported],
    /// How the model works and what it leaves out, for the notes panel.
    pub notes: &'static [Text],
}

impl Variant {
    pub fn defaults(&self) -> Params {
        Params::defaults(self.specs)
    }
    pub fn build(&self, p: &Params) -> Result<Scenario, ModelError> {
        (self.build)(p)
    }
    pub fn reported_for(&self, key: MetricKey) -> Option<&'static Reported> {
        self.reported.iter().find(|r| r.metric == Some(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_keys_round_trip() {
        for c in CaseId::ALL {
            assert_eq!(CaseId::from_key(c.key()), Some(c));
        }
        assert_eq!(CaseId::from_key("DAQING"), Some(CaseId::Daqing));
        assert_eq!(CaseId::from_key("nowhere"), None);
    }

    #[test]
    fn every_variant_builds_at_its_defaults() {
        for c in CaseId::ALL {
            for v in c.variants() {
                assert!(v.build(&v.defaults()).is_ok(), "{} {}", c.key(), v.key);
                for s in v.specs {
                    assert!(s.min <= s.default && s.default <= s.max, "{}", s.key);
                    assert!(s.step > 0.0, "{}", s.key);
                }
            }
        }
    }
}
