//! Haidong: not modelled yet (issue 3 brings it in). An empty variant list keeps the case tab
//! disabled and its URL falling back to Daqing with a notice.

use crate::model::cases::Variant;

pub const VARIANTS: &[Variant] = &[];
