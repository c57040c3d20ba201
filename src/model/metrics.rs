//! Numbers computed from an organisation tree. The UI displays these; it computes none itself.

use crate::model::org::{Unit, UnitKind};

/// A metric the app can show. `key()` is the `data-metric` hook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetricKey {
    StaffTotal,
    StaffOrgan,
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
}

impl MetricKey {
    pub const ALL: [MetricKey; 18] = [
        MetricKey::StaffTotal,
        MetricKey::StaffOrgan,
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
    ];

    pub fn key(self) -> &'static str {
        match self {
            MetricKey::StaffTotal => "staff_total",
            MetricKey::StaffOrgan => "staff_organ",
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
        }
    }

    pub fn format(self) -> Format {
        match self {
            MetricKey::FrontlineShare => Format::Share,
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

/// Computes every metric from the tree.
pub fn compute(root: &Unit) -> Metrics {
    let staff = root.staff_total();
    let walk = root.walk();

    // Per path: management tiers (territorial units on the path) and command chain (ranks).
    let mut tiers_max = 0usize;
    let mut chain_max = 0usize;
    let mut stack: Vec<(&Unit, usize, usize)> = vec![(root, 0, 0)];
    while let Some((u, tiers, chain)) = stack.pop() {
        let tiers = tiers + usize::from(u.kind.is_territorial());
        let chain = chain + u.ranks.len();
        if u.children.is_empty() {
            tiers_max = tiers_max.max(tiers);
            chain_max = chain_max.max(chain);
        }
        for c in &u.children {
            stack.push((c, tiers, chain));
        }
    }

    let count = |k: UnitKind| walk.iter().filter(|(_, u)| u.kind == k).count();
    let sub_bureaus: Vec<&Unit> = walk
        .iter()
        .map(|(_, u)| *u)
        .filter(|u| u.kind == UnitKind::SubBureau)
        .collect();
    let teams: Vec<&Unit> = walk
        .iter()
        .map(|(_, u)| *u)
        .filter(|u| u.kind == UnitKind::Team)
        .collect();
    let internal_units = count(UnitKind::InternalUnit);
    let units_with_internal = walk
        .iter()
        .filter(|(_, u)| u.children.iter().any(|c| c.kind == UnitKind::InternalUnit))
        .count();
    let managers: Vec<usize> = walk
        .iter()
        .map(|(_, u)| u.children.len())
        .filter(|n| *n > 0)
        .collect();
    let layers = walk.iter().map(|(d, _)| d + 1).max().unwrap_or(0);

    let total = f64::from(staff.total());
    Metrics(vec![
        (MetricKey::StaffTotal, total),
        (MetricKey::StaffOrgan, f64::from(staff.organ)),
        (MetricKey::StaffFrontline, f64::from(staff.frontline)),
        (
            MetricKey::FrontlineShare,
            if total > 0.0 {
                f64::from(staff.frontline) / total
            } else {
                0.0
            },
        ),
        (MetricKey::ManagementTiers, tiers_max as f64),
        (MetricKey::CommandChain, chain_max as f64),
        (MetricKey::SubBureaus, sub_bureaus.len() as f64),
        (
            MetricKey::CountyBureaus,
            count(UnitKind::CountyBureau) as f64,
        ),
        (
            MetricKey::Stations,
            (count(UnitKind::Station) + count(UnitKind::CentralStation)) as f64,
        ),
        (
            MetricKey::InternalUnits,
            mean(internal_units as f64, units_with_internal),
        ),
        (MetricKey::Teams, teams.len() as f64),
        (
            MetricKey::TeamSize,
            mean(
                teams
                    .iter()
                    .map(|t| f64::from(t.staff_total().total()))
                    .sum(),
                teams.len(),
            ),
        ),
        (
            MetricKey::StaffPerSubBureau,
            mean(
                sub_bureaus
                    .iter()
                    .map(|u| f64::from(u.staff_total().total()))
                    .sum(),
                sub_bureaus.len(),
            ),
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
        (
            MetricKey::SpanAvg,
            mean(managers.iter().sum::<usize>() as f64, managers.len()),
        ),
        (
            MetricKey::SpanMax,
            managers.iter().copied().max().unwrap_or(0) as f64,
        ),
        (MetricKey::UnitsTotal, walk.len() as f64),
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
        assert_eq!(m.get(MetricKey::StaffOrgan), 6.0);
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
