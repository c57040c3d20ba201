//! The workload-based staffing method (Wilson and Weiss for the COPS Office, 2012): officers
//! needed = Σ calls × hours per call × officers per call ÷ the target share of their time on
//! calls ÷ the hours an officer is available in a year.

use crate::model::params::Params;
pub use crate::model::planning::WORKLOAD_SPECS as SPECS;

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
