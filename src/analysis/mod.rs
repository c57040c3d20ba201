//! Beyond the sources: standard planning models applied to a case's organisation. Response time
//! from patrol (`response`) and officers needed by workload (`workload`). Their parameters are
//! appended to a variant's own (`with`), so they live in the same URL, panel, saved scenarios
//! and sources list; every one is a labelled assumption unless a source gives it.

pub mod compare;
pub mod response;
pub mod workload;

use crate::model::cases::Scenario;
use crate::model::metrics::{compute, MetricKey};
use crate::model::params::{ParamSpec, Params};

/// `a` then `b` as one array, for a variant's spec list (`N` must be their total length).
pub const fn join<const N: usize>(a: &[ParamSpec], b: &[ParamSpec]) -> [ParamSpec; N] {
    assert!(a.len() + b.len() == N, "join: wrong length");
    assert!(!a.is_empty() || !b.is_empty(), "join: nothing to join");
    let first = if a.is_empty() { b[0] } else { a[0] };
    let mut out = [first; N];
    let mut i = 0;
    while i < a.len() {
        out[i] = a[i];
        i += 1;
    }
    let mut j = 0;
    while j < b.len() {
        out[a.len() + j] = b[j];
        j += 1;
    }
    out
}

/// True for the keys of the analysis parameters (they change estimates, not the organisation).
pub fn is_analysis_key(key: &str) -> bool {
    key.starts_with("rt_") || key.starts_with("wl_")
}

/// The response-time estimate at `step` of a scenario built from `p`: `None` when the variant
/// has no patrol parameters.
pub fn response_at(
    p: &Params,
    scenario: &Scenario,
    step: usize,
) -> Option<Result<response::Estimate, response::NoEstimate>> {
    let patrol = response::Patrol::of(p)?;
    let org = scenario.at(step);
    let m = compute(org);
    let inputs = patrol.inputs(
        m.get(MetricKey::StaffTotal),
        m.get(MetricKey::CommandChain),
        step.min(scenario.steps.len() - 1),
    );
    Some(response::estimate(&inputs))
}
