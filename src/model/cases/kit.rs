//! Small helpers every case file uses: parameter and reported-figure constructors, units of
//! measure, bilingual errors, and order-preserving splits.

use crate::i18n::Text;
use crate::model::cases::{Match, Reported};
use crate::model::metrics::MetricKey;
use crate::model::org::split_evenly;
use crate::model::params::ParamSpec;
use crate::model::source::Source;

pub const STAFF: Text = Text::new("人", "staff");
pub const PEOPLE: Text = Text::new("人", "people");
pub const UNITS: Text = Text::new("个", "units");
pub const PCT: Text = Text::new("%", "%");

/// A whole-number parameter; `range` is (min, max, step).
pub const fn spec(
    key: &'static str,
    label: Text,
    unit: Text,
    group: Text,
    range: (f64, f64, f64),
    default: f64,
    source: Source,
) -> ParamSpec {
    ParamSpec {
        key,
        label,
        unit,
        group,
        min: range.0,
        max: range.1,
        step: range.2,
        default,
        integer: true,
        source,
    }
}

/// `s` taking decimals (a share, a rate, minutes) instead of whole numbers.
pub const fn decimal(s: ParamSpec) -> ParamSpec {
    ParamSpec {
        integer: false,
        ..s
    }
}

/// A reported before → after figure that a metric computes too; `how` says how the model
/// matches each side (`input`, `calibrated`, `emerges`, `QUOTED`).
pub const fn reported(
    metric: MetricKey,
    before: f64,
    after: f64,
    how: [Option<Match>; 2],
    source: Source,
) -> Reported {
    Reported {
        metric: Some(metric),
        label: Text::new("", ""),
        unit: Text::new("", ""),
        before: Some(before),
        after: Some(after),
        how,
        source,
    }
}

/// A reported effect the model has no metric for.
pub const fn effect(
    label: Text,
    unit: Text,
    before: Option<f64>,
    after: f64,
    how: [Option<Match>; 2],
    source: Source,
) -> Reported {
    Reported {
        metric: None,
        label,
        unit,
        before,
        after: Some(after),
        how,
        source,
    }
}

/// The side is the default of parameter `key`.
pub const fn input(key: &'static str) -> Option<Match> {
    Some(Match::Input(key))
}

/// The side matches because these assumptions were chosen to make it.
pub const fn calibrated(keys: &'static [&'static str]) -> Option<Match> {
    Some(Match::Calibrated(keys))
}

/// The side is computed by the model; `zh` / `en` say briefly from what.
pub const fn emerges(zh: &'static str, en: &'static str) -> Option<Match> {
    Some(Match::Emerges(Text::new(zh, en)))
}

/// The side is only quoted: the model neither takes nor computes it.
pub const QUOTED: Option<Match> = Some(Match::Quoted);

/// A cross-parameter check: `Err` with the message `msg` and its values unless `ok`. A macro
/// so that the values are only made when the check fails (some run once per unit).
macro_rules! ensure {
    ($ok:expr, $msg:expr, $args:expr $(,)?) => {
        if $ok {
            Ok::<(), $crate::model::cases::ModelError>(())
        } else {
            Err($crate::model::cases::ModelError::new($msg, $args))
        }
    };
}
pub(crate) use ensure;

/// A count as `u32`, saturating (unit staff fields are `u32`).
pub fn to_u32(v: u64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// Consecutive runs of `items` of the sizes `split_evenly(items.len(), parts)` gives.
pub fn runs<T>(items: Vec<T>, parts: usize) -> Vec<Vec<T>> {
    let mut it = items.into_iter();
    split_evenly(it.len() as u64, parts)
        .into_iter()
        .map(|n| it.by_ref().take(n as usize).collect())
        .collect()
}

/// A count a source gives for its own organisation (Tianjin's 3,870 officers moved down, 92
/// division-level units), applied to another organisation as the same share of what the measure
/// counts there: `value × here / own`, rounded, where `own` is what it counts in the measure's own
/// organisation just before it (`Variant::before_lever`, built from the same parameters). On its
/// own organisation (`here == own`), or when its own has none of it, the value is unchanged.
pub fn same_share(value: u64, own: u64, here: u64) -> u64 {
    if own == 0 || own == here {
        return value;
    }
    let (v, o, h) = (u128::from(value), u128::from(own), u128::from(here));
    u64::try_from((v * h + o / 2) / o).unwrap_or(u64::MAX)
}
