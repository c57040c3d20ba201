//! Numbers computed from an organisation tree. The UI displays these; it computes none itself.

use crate::model::org::{Branch, Staff, Unit, UnitKind};

/// A metric the app can show. `key()` is the `data-metric` hook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetricKey {
    StaffTotal,
    OrganStaff,
    StaffFrontline,
    FrontlineShare,
    ManagementTiers,
    CommandChain,
    SubBureaus,
    CountyBureaus,
    Stations,
    InternalUnits,
    Teams,
    TeamSize,
    StaffPerSubBureau,
    ResidentsPerSubBureau,
    Layers,
    SpanAvg,
    SpanMax,
    UnitsTotal,
    SectionUnits,
    StationShare,
    Districts,
    WorkloadSpread,
    WorkloadRatio,
    IncidentsPerOfficer,
    CommunityRooms,
    InvestigationTiers,
    Groups,
}

/// How a value is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A whole count.
    Count,
    /// A mean, one decimal.
    Decimal,
    /// A 0–1 fraction shown as a percentage.
    Share,
    /// A ratio, two decimals.
    Ratio,
}

impl MetricKey {
    pub const ALL: [MetricKey; 27] = [
        MetricKey::StaffTotal,
        MetricKey::OrganStaff,
        MetricKey::StaffFrontline,
        MetricKey::FrontlineShare,
        MetricKey::ManagementTiers,
        MetricKey::CommandChain,
        MetricKey::SubBureaus,
        MetricKey::CountyBureaus,
        MetricKey::Stations,
        MetricKey::InternalUnits,
        MetricKey::Teams,
        MetricKey::TeamSize,
        MetricKey::StaffPerSubBureau,
        MetricKey::ResidentsPerSubBureau,
        MetricKey::Layers,
        MetricKey::SpanAvg,
        MetricKey::SpanMax,
        MetricKey::UnitsTotal,
        MetricKey::SectionUnits,
        MetricKey::StationShare,
        MetricKey::Districts,
        MetricKey::WorkloadSpread,
        MetricKey::WorkloadRatio,
        MetricKey::IncidentsPerOfficer,
        MetricKey::CommunityRooms,
        MetricKey::InvestigationTiers,
        MetricKey::Groups,
    ];

    pub fn key(self) -> &'static str {
        match self {
            MetricKey::StaffTotal => "staff_total",
            MetricKey::OrganStaff => "organ_staff",
            MetricKey::StaffFrontline => "staff_frontline",
            MetricKey::FrontlineShare => "frontline_share",
            MetricKey::ManagementTiers => "management_tiers",
            MetricKey::CommandChain => "command_chain",
            MetricKey::SubBureaus => "sub_bureaus",
            MetricKey::CountyBureaus => "county_bureaus",
            MetricKey::Stations => "stations",
            MetricKey::InternalUnits => "internal_units",
            MetricKey::Teams => "teams",
            MetricKey::TeamSize => "team_size",
            MetricKey::StaffPerSubBureau => "staff_per_sub_bureau",
            MetricKey::ResidentsPerSubBureau => "residents_per_sub_bureau",
            MetricKey::Layers => "layers",
            MetricKey::SpanAvg => "span_avg",
            MetricKey::SpanMax => "span_max",
            MetricKey::UnitsTotal => "units_total",
            MetricKey::SectionUnits => "section_units",
            MetricKey::StationShare => "station_share",
            MetricKey::Districts => "districts",
            MetricKey::WorkloadSpread => "workload_spread",
            MetricKey::WorkloadRatio => "workload_ratio",
            MetricKey::IncidentsPerOfficer => "incidents_per_officer",
            MetricKey::CommunityRooms => "community_rooms",
            MetricKey::InvestigationTiers => "investigation_tiers",
            MetricKey::Groups => "groups",
        }
    }

    pub fn format(self) -> Format {
        match self {
            MetricKey::FrontlineShare | MetricKey::StationShare => Format::Share,
            MetricKey::WorkloadSpread | MetricKey::WorkloadRatio => Format::Ratio,
            MetricKey::IncidentsPerOfficer => Format::Decimal,
            MetricKey::InternalUnits
            | MetricKey::TeamSize
            | MetricKey::StaffPerSubBureau
            | MetricKey::SpanAvg => Format::Decimal,
            _ => Format::Count,
        }
    }
}

/// All metrics of one organisation.
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics(Vec<(MetricKey, f64)>);

impl Metrics {
    pub fn get(&self, key: MetricKey) -> f64 {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
            .unwrap_or(f64::NAN)
    }
}

fn mean(sum: f64, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// A unit whose workload the metrics compare: a district when the organisation has districts,
/// else a police station.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkUnit<'a> {
    pub unit: &'a Unit,
    /// Staff of the unit and everything below it.
    pub staff: u32,
    /// Incidents in the unit's area (its own and its children's).
    pub incidents: u64,
}

impl WorkUnit<'_> {
    /// Incidents per officer; `None` for a unit without staff.
    pub fn per_officer(&self) -> Option<f64> {
        (self.staff > 0).then(|| self.incidents as f64 / f64::from(self.staff))
    }
}

/// The tree flattened once: depth-first order, parents first, with subtree sums.
struct Flat<'a> {
    units: Vec<&'a Unit>,
    depth: Vec<usize>,
    staff: Vec<Staff>,
    incidents: Vec<u64>,
}

fn flatten(root: &Unit) -> Flat<'_> {
    let (mut units, mut depth, mut parent) = (Vec::new(), Vec::new(), Vec::new());
    // Depth first, parents before children (as `Unit::walk`), with each unit's parent.
    let mut stack = vec![(0usize, usize::MAX, root)];
    while let Some((d, p, u)) = stack.pop() {
        let i = units.len();
        units.push(u);
        depth.push(d);
        parent.push(p);
        for c in u.children.iter().rev() {
            stack.push((d + 1, i, c));
        }
    }
    let mut staff: Vec<Staff> = units.iter().map(|u| u.staff).collect();
    let mut incidents: Vec<u64> = units.iter().map(|u| u.incidents).collect();
    for i in (1..units.len()).rev() {
        let p = parent[i];
        staff[p] = staff[p] + staff[i];
        incidents[p] += incidents[i];
    }
    Flat {
        units,
        depth,
        staff,
        incidents,
    }
}

impl<'a> Flat<'a> {
    fn work_units(&self) -> Vec<WorkUnit<'a>> {
        let has_districts = self.units.iter().any(|u| u.kind == UnitKind::District);
        let is_work = |u: &Unit| {
            if has_districts {
                u.kind == UnitKind::District
            } else {
                u.kind.is_station()
            }
        };
        self.topmost(is_work)
            .into_iter()
            .map(|i| WorkUnit {
                unit: self.units[i],
                staff: self.staff[i].total(),
                incidents: self.incidents[i],
            })
            .collect()
    }

    /// Positions of the units matching `pred` that have no matching unit above them (a station
    /// inside a district, or inside another station, is not counted twice).
    fn topmost(&self, pred: impl Fn(&Unit) -> bool) -> Vec<usize> {
        let mut out = Vec::new();
        let mut skip_below: Option<usize> = None;
        for (i, u) in self.units.iter().enumerate() {
            if skip_below.is_some_and(|d| self.depth[i] > d) {
                continue;
            }
            skip_below = None;
            if pred(u) {
                out.push(i);
                skip_below = Some(self.depth[i]);
            }
        }
        out
    }
}

/// The districts (or, without districts, the stations) of the tree with their staff and
/// incidents, in tree order.
pub fn work_units(root: &Unit) -> Vec<WorkUnit<'_>> {
    flatten(root).work_units()
}

/// Coefficient of variation (population standard deviation ÷ mean) and max ÷ min of `xs`;
/// zeros when there are fewer than two values or the mean or minimum is zero.
fn spread(xs: &[f64]) -> (f64, f64) {
    if xs.len() < 2 {
        return (0.0, if xs.is_empty() { 0.0 } else { 1.0 });
    }
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
    let cv = if mean > 0.0 { var.sqrt() / mean } else { 0.0 };
    let (mn, mx) = xs
        .iter()
        .fold((f64::INFINITY, 0.0f64), |(a, b), &x| (a.min(x), b.max(x)));
    let ratio = if mn > 0.0 { mx / mn } else { 0.0 };
    (cv, ratio)
}

/// Units of each kind a metric counts.
#[derive(Default)]
struct Tally {
    county_bureaus: usize,
    stations: usize,
    internal_units: usize,
    teams: usize,
    sections: usize,
    districts: usize,
    community_rooms: usize,
    groups: usize,
}

/// Computes every metric from the tree.
pub fn compute(root: &Unit) -> Metrics {
    let flat = flatten(root);
    let staff = flat.staff[0];
    let units = &flat.units;

    // Per path: management tiers (territorial units on the path), command chain (ranks) and the
    // longest run of investigation units.
    let mut tiers_max = 0usize;
    let mut chain_max = 0usize;
    let mut inv_max = 0usize;
    let mut stack: Vec<(&Unit, usize, usize, usize)> = vec![(root, 0, 0, 0)];
    while let Some((u, tiers, chain, inv)) = stack.pop() {
        let tiers = tiers + usize::from(u.kind.is_territorial());
        let chain = chain + u.ranks.len();
        let inv = if u.branch == Some(Branch::Investigation) {
            inv + 1
        } else {
            0
        };
        inv_max = inv_max.max(inv);
        if u.children.is_empty() {
            tiers_max = tiers_max.max(tiers);
            chain_max = chain_max.max(chain);
        }
        for c in &u.children {
            stack.push((c, tiers, chain, inv));
        }
    }

    // One pass for the counts and sums (in tree order, as the means need).
    let mut n = Tally::default();
    let (mut team_staff, mut sb_staff) = (0.0, 0.0);
    let mut sub_bureaus: Vec<&Unit> = Vec::new();
    let (mut units_with_internal, mut managers, mut span_sum, mut span_max) = (0, 0, 0, 0);
    for (u, s) in units.iter().zip(&flat.staff) {
        match u.kind {
            UnitKind::Team => {
                n.teams += 1;
                team_staff += f64::from(s.total());
            }
            UnitKind::SubBureau => {
                sb_staff += f64::from(s.total());
                sub_bureaus.push(u);
            }
            UnitKind::CountyBureau => n.county_bureaus += 1,
            UnitKind::Station | UnitKind::CentralStation => n.stations += 1,
            UnitKind::InternalUnit => n.internal_units += 1,
            UnitKind::Section => n.sections += 1,
            UnitKind::District => n.districts += 1,
            UnitKind::CommunityRoom => n.community_rooms += 1,
            UnitKind::Group => n.groups += 1,
            UnitKind::MunicipalBureau | UnitKind::Office => {}
        }
        let span = u.children.len();
        if span > 0 {
            managers += 1;
            span_sum += span;
            span_max = span_max.max(span);
            if u.children.iter().any(|c| c.kind == UnitKind::InternalUnit) {
                units_with_internal += 1;
            }
        }
    }
    let layers = flat.depth.iter().map(|d| d + 1).max().unwrap_or(0);

    // Staff in stations: the topmost station on each path holds its whole subtree.
    let in_stations: u64 = flat
        .topmost(|u| u.kind.is_station())
        .into_iter()
        .map(|i| u64::from(flat.staff[i].total()))
        .sum();

    let work = flat.work_units();
    let per: Vec<f64> = work.iter().filter_map(WorkUnit::per_officer).collect();
    let (cv, ratio) = spread(&per);
    let (w_inc, w_staff) = work.iter().fold((0u64, 0u64), |(i, s), w| {
        (i + w.incidents, s + u64::from(w.staff))
    });

    let total = f64::from(staff.total());
    let share = |x: f64| if total > 0.0 { x / total } else { 0.0 };
    Metrics(vec![
        (MetricKey::StaffTotal, total),
        (MetricKey::OrganStaff, f64::from(staff.organ)),
        (MetricKey::StaffFrontline, f64::from(staff.frontline)),
        (MetricKey::FrontlineShare, share(f64::from(staff.frontline))),
        (MetricKey::ManagementTiers, tiers_max as f64),
        (MetricKey::CommandChain, chain_max as f64),
        (MetricKey::SubBureaus, sub_bureaus.len() as f64),
        (MetricKey::CountyBureaus, n.county_bureaus as f64),
        (MetricKey::Stations, n.stations as f64),
        (
            MetricKey::InternalUnits,
            mean(n.internal_units as f64, units_with_internal),
        ),
        (MetricKey::Teams, n.teams as f64),
        (MetricKey::TeamSize, mean(team_staff, n.teams)),
        (
            MetricKey::StaffPerSubBureau,
            mean(sb_staff, sub_bureaus.len()),
        ),
        (
            MetricKey::ResidentsPerSubBureau,
            mean(
                sub_bureaus.iter().map(|u| u.residents as f64).sum(),
                sub_bureaus.len(),
            )
            .round(),
        ),
        (MetricKey::Layers, layers as f64),
        (MetricKey::SpanAvg, mean(span_sum as f64, managers)),
        (MetricKey::SpanMax, span_max as f64),
        (MetricKey::UnitsTotal, units.len() as f64),
        (MetricKey::SectionUnits, n.sections as f64),
        (MetricKey::StationShare, share(in_stations as f64)),
        (MetricKey::Districts, n.districts as f64),
        (MetricKey::WorkloadSpread, cv),
        (MetricKey::WorkloadRatio, ratio),
        (
            MetricKey::IncidentsPerOfficer,
            if w_staff > 0 {
                w_inc as f64 / w_staff as f64
            } else {
                0.0
            },
        ),
        (MetricKey::CommunityRooms, n.community_rooms as f64),
        (MetricKey::InvestigationTiers, inv_max as f64),
        (MetricKey::Groups, n.groups as f64),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Name, Text};
    use crate::model::org::{Staff, CHIEF, OFFICER, TEAM_LEADER};

    fn unit(id: &str, kind: UnitKind) -> Unit {
        Unit::new(
            id,
            Name::numbered(Text::new("u", "u"), 0),
            Text::new("", ""),
            kind,
        )
    }

    #[test]
    fn metrics_come_from_the_tree() {
        let team = |i: usize| {
            unit(&format!("t{i}"), UnitKind::Team)
                .with_staff(Staff::new(0, 6))
                .with_ranks(&[TEAM_LEADER, OFFICER])
        };
        let branch = unit("b", UnitKind::InternalUnit).with_children(vec![team(1), team(2)]);
        let dept = unit("d", UnitKind::InternalUnit).with_staff(Staff::new(4, 0));
        let sb = unit("sb", UnitKind::SubBureau)
            .with_staff(Staff::new(2, 0))
            .with_ranks(&[CHIEF])
            .with_residents(1000)
            .with_children(vec![branch, dept]);
        let root = unit("m", UnitKind::MunicipalBureau).with_children(vec![sb]);
        let m = compute(&root);
        assert_eq!(m.get(MetricKey::StaffTotal), 18.0);
        assert_eq!(m.get(MetricKey::OrganStaff), 6.0);
        assert_eq!(m.get(MetricKey::StaffFrontline), 12.0);
        assert!((m.get(MetricKey::FrontlineShare) - 12.0 / 18.0).abs() < 1e-12);
        assert_eq!(m.get(MetricKey::ManagementTiers), 2.0);
        assert_eq!(m.get(MetricKey::CommandChain), 3.0);
        assert_eq!(m.get(MetricKey::InternalUnits), 2.0);
        assert_eq!(m.get(MetricKey::Teams), 2.0);
        assert_eq!(m.get(MetricKey::TeamSize), 6.0);
        assert_eq!(m.get(MetricKey::Layers), 4.0);
        assert_eq!(m.get(MetricKey::SpanAvg), (1.0 + 2.0 + 2.0) / 3.0);
        assert_eq!(m.get(MetricKey::SpanMax), 2.0);
        assert_eq!(m.get(MetricKey::UnitsTotal), 6.0);
        assert_eq!(m.get(MetricKey::StaffPerSubBureau), 18.0);
        assert_eq!(m.get(MetricKey::ResidentsPerSubBureau), 1000.0);
    }

    #[test]
    fn empty_tree_gives_zeros_not_nan() {
        let m = compute(&unit("m", UnitKind::MunicipalBureau));
        for k in MetricKey::ALL {
            assert!(m.get(k).is_finite(), "{k:?}");
        }
    }
}
