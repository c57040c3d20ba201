//! Response time from patrol: a queue for the cars' availability (Erlang C, M/M/c), the
//! square-root law for the distance to the nearest free car, a speed for the travel time and a
//! dispatch delay that grows with the command chain an order passes.
//!
//! E[response] = dispatch + E[wait for a free car] + E[distance] ÷ speed, with
//! - offered load a = λ·s (calls per minute × minutes per call, in erlangs), c cars on duty;
//! - P(wait) = Erlang C(c, a), E[wait] = P(wait) · s ÷ (c − a) (needs a < c);
//! - E[distance] = k · √(A ÷ (c − a)): Kolesar and Blum's law with the expected number of free
//!   cars in place of n;
//! - dispatch = call taking + relay per level × (command chain − 1).

use crate::model::cases::{Reported, Variant};
use crate::model::metrics::{MetricKey, Metrics};
use crate::model::params::Params;
pub use crate::model::planning::{
    RESPONSE_CALIBRATED as SPECS_CALIBRATED, RESPONSE_OFF as SPECS_OFF,
    RESPONSE_REPORTED as REPORTED_LABEL,
};

/// The reported response times of a variant, if its sources give any.
pub fn reported(v: &Variant) -> Option<&'static Reported> {
    v.reported
        .iter()
        .find(|r| r.metric.is_none() && r.label == REPORTED_LABEL)
}

/// One organisation's estimate: what the model read from it and what it gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    /// The officers and the command chain (ranks) the estimate was made from.
    pub officers: f64,
    pub chain: f64,
    pub inputs: Inputs,
    pub result: Result<Estimate, NoEstimate>,
}

/// How much of a change in the response time each input carries, in minutes (negative: faster).
/// The inputs are changed one at a time from before to after, in this order; the parts add up
/// to the whole change. The order matters a little (the queue is not linear): it is stated.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Breakdown {
    /// The command chain computed from the organisation, at the assumed minutes per rank.
    pub chain: f64,
    /// The officers on the strength, at the earlier cars standard.
    pub officers: f64,
    /// The cars-per-100-officers standard, before and after (both assumptions).
    pub standard: f64,
    /// The whole change.
    pub total: f64,
}

/// What one estimate needs, every value in its own unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inputs {
    /// Area patrolled, km².
    pub area_km2: f64,
    /// Patrol cars on the street at a time.
    pub cars: f64,
    pub calls_per_hour: f64,
    /// Time a car is busy with one call, minutes (travel and on scene).
    pub minutes_per_call: f64,
    pub speed_kmh: f64,
    /// Minutes from the call to a car being sent.
    pub dispatch_min: f64,
    /// The square-root law's constant.
    pub k: f64,
}

/// One estimate and its parts (minutes unless named otherwise).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    /// Offered load a (erlangs): the mean number of cars busy.
    pub load: f64,
    /// a ÷ c.
    pub utilisation: f64,
    /// Erlang C: the chance that a call finds every car busy.
    pub p_wait: f64,
    pub wait_min: f64,
    /// c − a.
    pub free_cars: f64,
    pub distance_km: f64,
    pub travel_min: f64,
    pub dispatch_min: f64,
    pub total_min: f64,
}

/// Why there is no estimate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NoEstimate {
    /// No patrol cars on duty (the case has no patrol, or the user set none).
    NoPatrol,
    /// Calls keep more cars busy than there are (a ≥ c): the queue grows without bound.
    Saturated { load: f64, cars: f64 },
}

/// Erlang C: the probability that an arrival waits in an M/M/c queue with offered load `a`
/// erlangs and `c` servers (`c` rounded down to whole servers); 1 when `a ≥ c`.
pub fn erlang_c(c: f64, a: f64) -> f64 {
    let c = c.floor();
    if c < 1.0 || a >= c {
        return 1.0;
    }
    if a <= 0.0 {
        return 0.0;
    }
    // Erlang B by the stable recursion B(k) = a·B(k−1) ÷ (k + a·B(k−1)), then C from B.
    let mut b = 1.0;
    let mut k = 1.0;
    while k <= c {
        b = a * b / (k + a * b);
        k += 1.0;
    }
    c * b / (c - a * (1.0 - b))
}

/// The estimate for `x`, or why there is none.
pub fn estimate(x: &Inputs) -> Result<Estimate, NoEstimate> {
    let cars = x.cars.floor();
    if cars < 1.0 {
        return Err(NoEstimate::NoPatrol);
    }
    let load = x.calls_per_hour / 60.0 * x.minutes_per_call;
    if load >= cars {
        return Err(NoEstimate::Saturated { load, cars });
    }
    let p_wait = erlang_c(cars, load);
    let free_cars = cars - load;
    let wait_min = p_wait * x.minutes_per_call / free_cars;
    let distance_km = x.k * (x.area_km2 / free_cars).sqrt();
    let travel_min = distance_km / x.speed_kmh * 60.0;
    Ok(Estimate {
        load,
        utilisation: load / cars,
        p_wait,
        wait_min,
        free_cars,
        distance_km,
        travel_min,
        dispatch_min: x.dispatch_min,
        total_min: x.dispatch_min + wait_min + travel_min,
    })
}

/// Whole numbers of cars the curve draws one by one from the fewest that can keep up, where it
/// bends most; past them, about `CURVE_POINTS` more, evenly spaced.
const CURVE_STEEP: u32 = 60;
const CURVE_POINTS: u32 = 180;

/// The estimate for whole numbers of cars from the fewest that can keep up to `max_cars`:
/// `(cars, minutes)`, for the chart of response time against patrol cars. Every number near the
/// fewest, then evenly spaced (a large city's chart has up to 2,000 cars, each an estimate
/// that costs more the more cars there are), and always the last.
pub fn curve(x: &Inputs, max_cars: u32) -> Vec<(u32, f64)> {
    let load = x.calls_per_hour / 60.0 * x.minutes_per_call;
    let first = (load.floor() as u32).saturating_add(1).max(1);
    let last = max_cars.max(first);
    let step = ((last - first).saturating_sub(CURVE_STEEP) / CURVE_POINTS).max(1);
    (first..=last)
        .filter(|c| c - first <= CURVE_STEEP || (c - first) % step == 0 || *c == last)
        .filter_map(|c| {
            estimate(&Inputs {
                cars: f64::from(c),
                ..*x
            })
            .ok()
            .map(|e| (c, e.total_min))
        })
        .collect()
}

/// The patrol side of a variant's parameters (the `rt_` keys); see `SPECS_CALIBRATED`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Patrol {
    pub area_km2: f64,
    /// Patrol cars per 100 officers before the reform and once it starts.
    pub cars_per_100_before: f64,
    pub cars_per_100_after: f64,
    /// Share (0–1) of the cars on the street at any time.
    pub on_duty: f64,
    pub calls_per_hour: f64,
    pub minutes_per_call: f64,
    pub speed_kmh: f64,
    pub call_taking_min: f64,
    pub relay_min: f64,
    pub k: f64,
}

impl Patrol {
    /// The patrol parameters of `p`; `None` when the variant has none.
    pub fn of(p: &Params) -> Option<Patrol> {
        if !p.specs().iter().any(|s| s.key == "rt_area") {
            return None;
        }
        Some(Patrol {
            area_km2: p.get("rt_area"),
            cars_per_100_before: p.get("rt_cars_before"),
            cars_per_100_after: p.get("rt_cars_after"),
            on_duty: p.get("rt_on_duty") / 100.0,
            calls_per_hour: p.get("rt_calls"),
            minutes_per_call: p.get("rt_call_min"),
            speed_kmh: p.get("rt_speed"),
            call_taking_min: p.get("rt_call_taking"),
            relay_min: p.get("rt_relay"),
            k: p.get("rt_k"),
        })
    }
    /// Cars per 100 officers at `step` (the baseline is step 0; the reform's standard holds from
    /// its first measure on).
    pub fn cars_per_100(&self, step: usize) -> f64 {
        if step == 0 {
            self.cars_per_100_before
        } else {
            self.cars_per_100_after
        }
    }
    /// The estimate for an organisation whose metrics are `m`, at `step`, with `officers` on
    /// its strength (the organisation's own staff total on the case page; the city's officers
    /// in the comparison). The one place the page, the comparison and the expected figures
    /// assemble an estimate.
    pub fn side(&self, officers: f64, m: &Metrics, step: usize) -> Side {
        let chain = m.get(MetricKey::CommandChain);
        let inputs = self.inputs(officers, chain, step);
        Side {
            officers,
            chain,
            result: estimate(&inputs),
            inputs,
        }
    }
    /// What carries the change from `before` (the baseline, step 0) to `after` (a later step):
    /// `None` when either end, or a point between, has no estimate.
    pub fn breakdown(&self, before: &Side, after: &Side) -> Option<Breakdown> {
        // The points between keep the earlier cars standard (step 0).
        let t = |officers: f64, chain: f64| {
            estimate(&self.inputs(officers, chain, 0))
                .ok()
                .map(|e| e.total_min)
        };
        // The two ends are the sides' own estimates; only the points between are new.
        let t0 = before.result.as_ref().ok()?.total_min;
        let t1 = t(before.officers, after.chain)?;
        let t2 = t(after.officers, after.chain)?;
        let t3 = after.result.as_ref().ok()?.total_min;
        Some(Breakdown {
            chain: t1 - t0,
            officers: t2 - t1,
            standard: t3 - t2,
            total: t3 - t0,
        })
    }
    /// [`Patrol::side`] with the organisation's own staff total.
    pub fn side_of(&self, m: &Metrics, step: usize) -> Side {
        self.side(m.get(MetricKey::StaffTotal), m, step)
    }
    /// The estimate's inputs for an organisation with `officers` staff and a command chain of
    /// `chain` ranks, at `step`.
    pub fn inputs(&self, officers: f64, chain: f64, step: usize) -> Inputs {
        let relays = (chain - 1.0).max(0.0);
        Inputs {
            area_km2: self.area_km2,
            cars: (officers * self.cars_per_100(step) / 100.0 * self.on_duty).floor(),
            calls_per_hour: self.calls_per_hour,
            minutes_per_call: self.minutes_per_call,
            speed_kmh: self.speed_kmh,
            dispatch_min: self.call_taking_min + self.relay_min * relays,
            k: self.k,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() <= eps
    }

    #[test]
    fn erlang_c_against_hand_worked_values() {
        // c = 1: P(wait) = ρ.
        assert!(close(erlang_c(1.0, 0.3), 0.3, 1e-12));
        // c = 2, a = 1: B(2) = 0.2, C = 2·0.2 ÷ (2 − 0.8) = 1/3.
        assert!(close(erlang_c(2.0, 1.0), 1.0 / 3.0, 1e-12));
        // c = 3, a = 2: B(3) = (8/6) ÷ (1 + 2 + 2 + 8/6) = 4/19, C = 3·(4/19) ÷ (3 − 2·15/19) = 4/9.
        assert!(close(erlang_c(3.0, 2.0), 4.0 / 9.0, 1e-12));
        assert_eq!(erlang_c(3.0, 3.0), 1.0);
        assert_eq!(erlang_c(0.0, 0.5), 1.0);
        assert_eq!(erlang_c(5.0, 0.0), 0.0);
    }

    #[test]
    fn estimate_against_a_hand_worked_case() {
        // 10 cars, 6 calls an hour of 30 minutes: a = 3, free 7; 100 km², k = 0.5:
        // distance 0.5·√(100/7) = 1.8898 km, at 30 km/h 3.7796 min.
        let x = Inputs {
            area_km2: 100.0,
            cars: 10.0,
            calls_per_hour: 6.0,
            minutes_per_call: 30.0,
            speed_kmh: 30.0,
            dispatch_min: 2.0,
            k: 0.5,
        };
        let e = estimate(&x).expect("estimate");
        assert!(close(e.load, 3.0, 1e-12));
        assert!(close(e.free_cars, 7.0, 1e-12));
        assert!(close(e.distance_km, 1.889_822_365, 1e-8));
        assert!(close(e.travel_min, 3.779_644_73, 1e-7));
        assert!(close(e.wait_min, e.p_wait * 30.0 / 7.0, 1e-12));
        assert!(e.p_wait > 0.0 && e.p_wait < 0.01, "{}", e.p_wait);
        assert!(close(e.total_min, 2.0 + e.wait_min + e.travel_min, 1e-12));
        assert_eq!(
            estimate(&Inputs { cars: 3.0, ..x }),
            Err(NoEstimate::Saturated {
                load: 3.0,
                cars: 3.0
            })
        );
        assert_eq!(
            estimate(&Inputs { cars: 0.5, ..x }),
            Err(NoEstimate::NoPatrol)
        );
    }

    #[test]
    fn more_cars_never_raise_the_estimate() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 10_000) as f64 / 10_000.0
        };
        for _ in 0..500 {
            let x = Inputs {
                area_km2: 1.0 + next() * 2000.0,
                cars: 1.0,
                calls_per_hour: next() * 60.0,
                minutes_per_call: 5.0 + next() * 90.0,
                speed_kmh: 5.0 + next() * 80.0,
                dispatch_min: next() * 10.0,
                k: 0.1 + next(),
            };
            let c = curve(&x, 200);
            assert!(!c.is_empty());
            for w in c.windows(2) {
                assert!(w[1].1 <= w[0].1 + 1e-9, "{:?} {:?}", w, x);
            }
        }
    }

    #[test]
    fn the_off_specs_differ_only_in_cars() {
        assert_eq!(SPECS_OFF.len(), SPECS_CALIBRATED.len());
        for (a, b) in SPECS_OFF.iter().zip(SPECS_CALIBRATED) {
            assert_eq!(a.key, b.key);
            if a.key.starts_with("rt_cars") {
                assert_eq!(a.default, 0.0);
            } else if a.key == "rt_area" {
                // The same value; only its note no longer says it is calibrated there.
                assert_eq!(a.default, b.default);
                let says = |s: &crate::model::source::Source| match s {
                    crate::model::source::Source::Assumption { why } => {
                        why.en.contains("calibrated to")
                    }
                    _ => false,
                };
                assert!(says(&b.source) && !says(&a.source));
            } else {
                assert_eq!(a, b);
            }
        }
    }
}
