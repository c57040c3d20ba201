//! Levers: the measures a reform is made of. A lever is a pure function from one organisation to
//! the next, with the parameters it reads, a short description and the phrase of the source it
//! models. A case is a baseline plus an ordered list of levers; the app shows every step.

use crate::i18n::Text;
use crate::model::cases::ModelError;
use crate::model::org::{Staff, Unit};
use crate::model::params::Params;
use crate::model::source::Source;

/// One measure of a reform.
#[derive(Clone, Copy, Debug)]
pub struct Lever {
    /// Stable key (e.g. "merge_units"), used as the `data-lever` hook.
    pub key: &'static str,
    /// The measure as the source numbers it ("二是 减少层次").
    pub name: Text,
    /// What the lever does to the organisation in this model, in one or two sentences.
    pub summary: Text,
    /// What the measure acts on, as a user reads it ("sub-bureaus with police stations under
    /// them"); shown when a step finds none of it in the organisation (`Scenario::idle`).
    pub needs: Text,
    /// The phrase the lever models.
    pub source: Source,
    /// False when the lever adds or removes staff on purpose; the UI then shows the difference.
    pub conserves_staff: bool,
    pub apply: fn(&Params, Unit) -> Result<Unit, ModelError>,
}

impl Lever {
    pub fn apply(&self, p: &Params, org: Unit) -> Result<Unit, ModelError> {
        (self.apply)(p, org)
    }
}

/// Where staff went in one step: the change in headquarters and frontline posts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StaffFlow {
    pub organ: i64,
    pub frontline: i64,
}

impl StaffFlow {
    pub fn between(before: Staff, after: Staff) -> Self {
        StaffFlow {
            organ: i64::from(after.organ) - i64::from(before.organ),
            frontline: i64::from(after.frontline) - i64::from(before.frontline),
        }
    }
    /// Net change of the total.
    pub fn net(&self) -> i64 {
        self.organ + self.frontline
    }
    /// Staff moved from headquarters to the front line (negative: the other way) when the total
    /// is kept; `None` when the step changes the total.
    pub fn moved_down(&self) -> Option<i64> {
        (self.net() == 0).then_some(self.frontline)
    }
}
