//! Beyond the sources: standard planning models applied to a case's organisation. Response time
//! from patrol (`response`) and officers needed by workload (`workload`). Their parameters are
//! appended to a variant's own (`with`), so they live in the same URL, panel, saved scenarios
//! and sources list; every one is a labelled assumption unless a source gives it.

pub mod compare;
pub mod response;
pub mod workload;

use crate::model::cases::Scenario;
use crate::model::metrics::compute;
use crate::model::params::Params;
pub use crate::model::planning::{is_analysis_key, join};

/// What the planning models read of a parameter list (its `rt_` and `wl_` keys), besides the
/// organisation: the page keeps it as a memo of its own, which the panels off screen take after
/// the frame with the result (`ui::off_screen`), since a change of these keys changes no result.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Planning {
    /// The response estimate's patrol; `None` when the variant has none.
    pub patrol: Option<response::Patrol>,
    /// The workload method's constants; `None` when the variant has none.
    pub workload: Option<workload::Method>,
}

impl Planning {
    pub fn of(p: &Params) -> Planning {
        Planning {
            patrol: response::Patrol::of(p),
            workload: workload::Method::of(p),
        }
    }
}

/// The response-time estimate at `step` of a scenario built from `p`: `None` when the variant
/// has no patrol parameters.
pub fn response_at(
    p: &Params,
    scenario: &Scenario,
    step: usize,
) -> Option<Result<response::Estimate, response::NoEstimate>> {
    let patrol = response::Patrol::of(p)?;
    let step = step.min(scenario.steps.len() - 1);
    Some(patrol.side_of(&compute(scenario.at(step)), step).result)
}
