//! The workload-based staffing method (Wilson and Weiss for the COPS Office, 2012): officers
//! needed = Σ calls × hours per call × officers per call ÷ the target share of their time on
//! calls ÷ the hours an officer is available in a year.

use crate::i18n::Text;
use crate::model::cases::kit::{decimal, spec};
use crate::model::params::{ParamSpec, Params};
use crate::model::source::Source;

/// The method's constants.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Method {
    /// Minutes an officer spends on one incident (travel, scene, report).
    pub minutes_per_incident: f64,
    pub officers_per_incident: f64,
    /// Share (0–1) of an officer's available time the plan gives to incidents; the rest is
    /// prevention, community work and administration.
    pub share_on_incidents: f64,
    /// Hours an officer is available in a year (after leave, training, courts).
    pub hours_per_officer: f64,
}

impl Method {
    /// The method's parameters in `p` (the `wl_` keys); `None` when the variant has none.
    pub fn of(p: &Params) -> Option<Method> {
        if !p.specs().iter().any(|s| s.key == "wl_minutes") {
            return None;
        }
        Some(Method {
            minutes_per_incident: p.get("wl_minutes"),
            officers_per_incident: p.get("wl_officers"),
            share_on_incidents: p.get("wl_share") / 100.0,
            hours_per_officer: p.get("wl_hours"),
        })
    }
    /// Officers needed for `incidents` a year (not rounded).
    pub fn officers_needed(&self, incidents: f64) -> f64 {
        let hours = incidents * self.minutes_per_incident / 60.0 * self.officers_per_incident;
        let available = self.share_on_incidents * self.hours_per_officer;
        if available <= 0.0 {
            return f64::INFINITY;
        }
        hours / available
    }
}

/// One unit's workload: incidents, officers assigned, officers the method says it needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Need {
    pub incidents: u64,
    pub assigned: u32,
    pub needed: f64,
}

impl Need {
    /// Incidents a year per assigned officer; `None` without officers.
    pub fn per_officer(&self) -> Option<f64> {
        (self.assigned > 0).then(|| self.incidents as f64 / f64::from(self.assigned))
    }
    /// Assigned minus needed: positive is more officers than the workload asks for.
    pub fn surplus(&self) -> f64 {
        f64::from(self.assigned) - self.needed
    }
}

impl Method {
    pub fn need(&self, incidents: u64, assigned: u32) -> Need {
        Need {
            incidents,
            assigned,
            needed: self.officers_needed(incidents as f64),
        }
    }
}

const G: Text = Text::new(
    "按工作量测算警力（模型）",
    "Workload-based staffing (model)",
);

const fn wl(
    key: &'static str,
    label: Text,
    unit: Text,
    range: (f64, f64, f64),
    default: f64,
    source: Source,
) -> ParamSpec {
    decimal(spec(key, label, unit, G, range, default, source))
}

/// The method's parameters, every one an assumption (the sources give none).
pub const SPECS: &[ParamSpec] = &[
    wl(
        "wl_minutes",
        Text::new("每起警情的处置时间", "Time per incident"),
        Text::new("分钟", "min"),
        (1.0, 1_440.0, 1.0),
        90.0,
        Source::assumption(
            "资料未给出；假设每起警情平均处置 90 分钟（途中、现场、录入）。方法见 Wilson & Weiss 2012（美国司法部 COPS 办公室）",
            "Not in the sources; assumed 90 minutes per incident (travel, scene, report). Method: Wilson & Weiss 2012 (US DOJ COPS Office)",
        ),
    ),
    wl(
        "wl_officers",
        Text::new("每起警情出警人数", "Officers per incident"),
        Text::new("人", "officers"),
        (1.0, 10.0, 0.1),
        2.0,
        Source::assumption(
            "资料未给出；假设两人出警（与“二人一组”的搭档制一致）",
            "Not in the sources; assumed two officers per incident (as in the pairs of “二人一组”)",
        ),
    ),
    wl(
        "wl_share",
        Text::new("用于处警的时间比例", "Share of time on incidents"),
        Text::new("%", "%"),
        (1.0, 100.0, 1.0),
        33.0,
        Source::assumption(
            "不是资料的数：按工作量测算时常用的目标，约三分之一时间处警，其余用于社区、防范和内务",
            "Not from the sources: a common target in workload staffing, about a third of the time on incidents and the rest on community work, prevention and administration",
        ),
    ),
    wl(
        "wl_hours",
        Text::new("每名民警每年可用工时", "Hours an officer is available a year"),
        Text::new("小时", "h"),
        (100.0, 4_000.0, 10.0),
        1_700.0,
        Source::assumption(
            "资料未给出；假设每年约 1700 小时（扣除休假、培训等）",
            "Not in the sources; assumed about 1,700 hours a year (after leave, training and the like)",
        ),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    const M: Method = Method {
        minutes_per_incident: 60.0,
        officers_per_incident: 2.0,
        share_on_incidents: 0.5,
        hours_per_officer: 1_600.0,
    };

    #[test]
    fn officers_needed_against_hand_worked_values() {
        // 4,000 incidents × 1 h × 2 officers = 8,000 h; ÷ 0.5 ÷ 1,600 h = 10 officers.
        assert!((M.officers_needed(4_000.0) - 10.0).abs() < 1e-12);
        assert_eq!(M.officers_needed(0.0), 0.0);
        let n = M.need(800, 4);
        assert!((n.needed - 2.0).abs() < 1e-12);
        assert!((n.surplus() - 2.0).abs() < 1e-12);
        assert_eq!(n.per_officer(), Some(200.0));
        assert_eq!(M.need(10, 0).per_officer(), None);
    }

    #[test]
    fn more_officers_never_raise_workload_per_officer() {
        for incidents in [0u64, 1, 37, 500, 12_345] {
            let mut last = f64::INFINITY;
            for assigned in 1..200u32 {
                let w = M.need(incidents, assigned).per_officer().unwrap_or(0.0);
                assert!(w <= last);
                last = w;
            }
        }
        // Needed grows with incidents and time per incident, falls with available hours.
        assert!(M.officers_needed(101.0) > M.officers_needed(100.0));
        let longer = Method {
            minutes_per_incident: 61.0,
            ..M
        };
        assert!(longer.officers_needed(100.0) > M.officers_needed(100.0));
        let more_hours = Method {
            hours_per_officer: 1_700.0,
            ..M
        };
        assert!(more_hours.officers_needed(100.0) < M.officers_needed(100.0));
    }
}
